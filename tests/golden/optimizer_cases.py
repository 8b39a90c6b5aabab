"""TF 1 optimizer behaviours as snippets (recorded into core.json by record_core.py."""

CASES = {
    "seed_apply_gradients_loop": """
x = tf.Variable(0.0, name="x", dtype=tf.float32)
a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
optimizer = tf.compat.v1.train.GradientDescentOptimizer(learning_rate=0.01)
for _ in range(1000):
    with tf.GradientTape() as tape:
        y = a * tf.pow(x, 2) + b * x + c
    dy_dx = tape.gradient(y, x)
    optimizer.apply_gradients(grads_and_vars=[(dy_dx, x)])
[y, x]
""",
    "seed_minimize_loop": """
x = tf.Variable(0.0, name="x", dtype=tf.float32)
def f():
    a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
    return a * tf.pow(x, 2) + b * x + c
optimizer = tf.compat.v1.train.GradientDescentOptimizer(learning_rate=0.01)
for _ in range(1000):
    r = optimizer.minimize(f)
[f(), x, r]
""",
    "float64_variable_uses_float32_lr": """
x = tf.Variable(np.float64(1.0))
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
opt.apply_gradients([(tf.constant(np.float64(2.0)), x)])
x
""",
    "two_variables_one_call": """
w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
b = tf.Variable([0.5, -0.5])
x = tf.constant([[1.0, 2.0]])
opt = tf.compat.v1.train.GradientDescentOptimizer(0.05)
for _ in range(20):
    opt.minimize(lambda: tf.reduce_mean(tf.square(tf.matmul(x, w) + b - 1.0)))
[w, b]
""",
    "global_step_increments": """
x = tf.Variable(1.0)
step = tf.Variable(0, dtype=tf.int64)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
for _ in range(3):
    opt.minimize(lambda: x * x, global_step=step)
[step, x]
""",
    "compute_gradients_pairs": """
x = tf.Variable(2.0, name="x")
z = tf.Variable(5.0, name="z")
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
gv = opt.compute_gradients(lambda: x * x * 3.0 + z * 0.0)
[[g, v.name] for g, v in gv]
""",
    "compute_gradients_var_list_non_trainable": """
x = tf.Variable(2.0, trainable=False)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
gv = opt.compute_gradients(lambda: x * x, var_list=[x])
[g for g, _ in gv]
""",
    "compute_gradients_needs_callable": """
x = tf.Variable(2.0)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
opt.compute_gradients(x * x)
""",
    "minimize_no_gradients": """
x = tf.Variable(2.0, name="x")
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
opt.minimize(lambda: tf.constant(1.0), var_list=[x])
""",
    "apply_gradients_empty": """
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
opt.apply_gradients([])
""",
    "apply_gradients_all_none": """
x = tf.Variable(2.0, name="x")
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
opt.apply_gradients([(None, x)])
""",
    "apply_gradients_python_float_grad_and_none_skipped": """
x = tf.Variable(2.0)
y = tf.Variable(7.0)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.5)
r = opt.apply_gradients([(1.0, x), (None, y)])
[r, x, y]
""",
    "callable_learning_rate": """
x = tf.Variable(1.0)
lr = [0.5]
opt = tf.compat.v1.train.GradientDescentOptimizer(lambda: lr[0])
opt.apply_gradients([(1.0, x)])
lr[0] = 0.25
opt.apply_gradients([(1.0, x)])
x
""",
    "get_name": """
tf.compat.v1.train.GradientDescentOptimizer(0.1).get_name()
""",
}
