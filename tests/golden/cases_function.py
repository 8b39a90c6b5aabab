"""tf.function behaviours (recorded from TF 2.21 by record.py into function.json)."""

_SEED_STEP = """
x = tf.Variable(0.0, name="x")
a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.01)
@tf.function
def step():
    with tf.GradientTape() as tape:
        y = a * tf.pow(x, 2) + b * x + c
    opt.apply_gradients([(tape.gradient(y, x), x)])
    return y
for _ in range(200):
    y = step()
"""

CASES = [
    ("seed_step_in_function", _SEED_STEP + "[y, x, step.experimental_get_tracing_count()]",
     # One fused XLA program: XLA may contract mul+add into FMA where TF rounds twice.
     {"rtol": 1e-6}),
    ("retrace_on_new_signature", """
calls = []
@tf.function
def f(t):
    calls.append(1)
    return t * 2.0
r = [f(tf.constant(1.0)), f(tf.constant(2.0)), f(tf.constant([1.0, 2.0])),
     f(tf.constant([3.0, 4.0])), f(tf.constant(1, tf.int32) ) if False else None]
[r[:4], len(calls), f.experimental_get_tracing_count()]
"""),
    ("python_arguments_retrace_per_value", """
calls = []
@tf.function
def f(t, k):
    calls.append(k)
    return t * k
[f(tf.constant(1.0), 2.0), f(tf.constant(1.0), 2.0), f(tf.constant(1.0), 3.0), calls]
"""),
    ("state_write_back", """
v = tf.Variable(1.0)
@tf.function
def f(t):
    v.assign_add(t)
    return v * 2.0
[f(tf.constant(1.0)), f(tf.constant(2.0)), v]
"""),
    ("read_after_assign_inside", """
v = tf.Variable([1.0, 2.0])
@tf.function
def f():
    a = v * 1.0
    v.assign(v * 3.0)
    return a, v.read_value()
[f(), v]
"""),
    ("variable_created_on_first_call_only", """
class M:
    def __init__(self):
        self.w = None
    @tf.function
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(2.0)
        return self.w * x
m = M()
[m(tf.constant(3.0)), m(tf.constant(4.0)), m.w]
"""),
    ("variable_created_every_call_is_an_error", """
@tf.function
def f(x):
    v = tf.Variable(1.0)
    return v * x
f(tf.constant(1.0))
""", {"first_line": True}),
    ("tape_inside_function", """
x = tf.Variable(3.0)
@tf.function
def f():
    with tf.GradientTape() as t:
        y = x * x * x
    return t.gradient(y, x)
f()
"""),
    ("function_inside_tape", """
w = tf.Variable(2.0)
@tf.function
def f(t):
    return w * t * t
x = tf.constant(3.0)
with tf.GradientTape() as g:
    g.watch(x)
    y = f(x)
g.gradient(y, [w, x])
"""),
    ("nested_functions", """
@tf.function
def inner(t):
    return t + 1.0
@tf.function
def outer(t):
    return inner(t) * inner(t * 2.0)
outer(tf.constant(3.0))
"""),
    ("returns_structure", """
@tf.function
def f(t):
    return {"double": t * 2.0, "pair": (t, t + 1.0), "none": None}
f(tf.constant([1.0, 2.0]))
"""),
    ("decorator_with_arguments", """
@tf.function(jit_compile=True, reduce_retracing=True)
def f(t):
    return tf.reduce_sum(t * t)
f(tf.constant([1.0, 2.0, 3.0]))
"""),
    ("global_step_inside_function", """
x = tf.Variable(1.0)
step = tf.Variable(0, dtype=tf.int64)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
@tf.function
def train():
    opt.minimize(lambda: x * x, global_step=step)
for _ in range(3):
    train()
[x, step]
""", {"rtol": 1e-6}),
]
