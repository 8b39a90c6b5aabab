"""GradientTape behaviours as snippets; recorded into core.json by record_core.py."""

CASES = {
    "seed_first_derivative": """
x = tf.Variable(0.0, name="x", dtype=tf.float32)
a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
with tf.GradientTape() as tape:
    y = a * tf.pow(x, 2) + b * x + c
tape.gradient(y, x)
""",
    "watch_constants_list": """
x = tf.Variable(0.0)
a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
with tf.GradientTape() as tape:
    tape.watch([a, b, c])
    y = a * tf.pow(x, 2) + b * x + c
tape.gradient(y, [x, a, b, c])
""",
    "second_order_nested": """
x = tf.Variable(3.0)
with tf.GradientTape() as t2:
    with tf.GradientTape() as t1:
        y = x * x * x
    g = t1.gradient(y, x)
[g, t2.gradient(g, x)]
""",
    "third_order_nested": """
x = tf.Variable(2.0)
with tf.GradientTape() as t3:
    with tf.GradientTape() as t2:
        with tf.GradientTape() as t1:
            y = x * x * x * x
        g1 = t1.gradient(y, x)
    g2 = t2.gradient(g1, x)
g3 = t3.gradient(g2, x)
[g1, g2, g3]
""",
    "third_order_exp_sin_mix": """
x = tf.constant(0.5)
with tf.GradientTape() as t3:
    t3.watch(x)
    with tf.GradientTape() as t2:
        t2.watch(x)
        with tf.GradientTape() as t1:
            t1.watch(x)
            y = tf.exp(x) * x * x
        g1 = t1.gradient(y, x)
    g2 = t2.gradient(g1, x)
[g1, g2, t3.gradient(g2, x)]
""",
    "inner_gradient_after_outer_exit_is_none": """
x = tf.Variable(3.0)
with tf.GradientTape() as t2:
    with tf.GradientTape() as t1:
        y = x * x * x
g = t1.gradient(y, x)
[g, t2.gradient(g, x)]
""",
    "persistent_same_tape_higher_order": """
x = tf.Variable(2.0)
with tf.GradientTape(persistent=True) as t:
    y = x * x * x
    g = t.gradient(y, x)
[g, t.gradient(g, x)]
""",
    "persistent_repeated": """
x = tf.constant(3.0)
with tf.GradientTape(persistent=True) as t:
    t.watch(x)
    y = x * x
    z = y * y
[t.gradient(z, x), t.gradient(y, x), t.gradient(z, y)]
""",
    "non_persistent_second_call": """
x = tf.Variable(3.0)
with tf.GradientTape() as t:
    y = x * x
t.gradient(y, x)
t.gradient(y, x)
""",
    "unwatched_constant_is_none": """
x = tf.constant(3.0)
with tf.GradientTape() as t:
    y = x * x
t.gradient(y, x)
""",
    "unconnected_none_and_zero": """
x = tf.Variable(2.0)
z = tf.Variable([1.0, 2.0])
with tf.GradientTape(persistent=True) as t:
    y = x * 3.0
[t.gradient(y, [x, z]),
          t.gradient(y, [x, z], unconnected_gradients=tf.UnconnectedGradients.ZERO),
          t.gradient(y, z, unconnected_gradients="zero")]
""",
    "unconnected_bad_value": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * 3.0
t.gradient(y, x, unconnected_gradients="bogus")
""",
    "watch_accessed_variables_false": """
x = tf.Variable(2.0)
w = tf.Variable(5.0)
with tf.GradientTape(watch_accessed_variables=False) as t:
    t.watch(x)
    y = x * w
t.gradient(y, [x, w])
""",
    "non_trainable_variable": """
x = tf.Variable(2.0, trainable=False)
with tf.GradientTape(persistent=True) as t:
    y = x * x
r1 = t.gradient(y, x)
with tf.GradientTape() as t2:
    t2.watch(x)
    y = x * x
[r1, t2.gradient(y, x)]
""",
    "watched_variables_creation_order": """
a = tf.Variable(1.0, name="a")
b = tf.Variable(2.0, name="b")
c = tf.Variable(3.0, name="c")
with tf.GradientTape() as t:
    y = c * b * a
[v.name for v in t.watched_variables()]
""",
    "intermediate_source": """
x = tf.constant(3.0)
with tf.GradientTape(persistent=True) as t:
    t.watch(x)
    y = x * 2.0
    z = y * y
[t.gradient(z, y), t.gradient(y, y), t.gradient(z, [x, y])]
""",
    "variable_target": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * 1.0
t.gradient(x, x)
""",
    "assign_sub_cuts": """
x = tf.Variable(1.0)
with tf.GradientTape() as t:
    a = x * 2.0
    x.assign_sub(1.0)
    b = x * 5.0
    s = a + b
[t.gradient(s, x), x]
""",
    "sum_formed_after_exit_is_none": """
x = tf.Variable(1.0)
with tf.GradientTape() as t:
    a = x * 2.0
    b = x * 5.0
t.gradient(a + b, x)
""",
    "assign_no_flow": """
v = tf.Variable(1.0)
with tf.GradientTape() as t:
    y = 2.0 * v
    v.assign(y)
    z = 3.0 * v
t.gradient(z, v)
""",
    "use_before_watch": """
x = tf.constant(2.0)
with tf.GradientTape() as t:
    y = x * x
    t.watch(x)
    z = y + x * 3.0
t.gradient(z, x)
""",
    "ops_after_exit_not_recorded": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * x
z = y * 3.0
t.gradient(z, x)
""",
    "read_before_tape_is_constant": """
x = tf.Variable(2.0)
r = x.read_value()
with tf.GradientTape() as t:
    y = r * r
t.gradient(y, x)
""",
    "non_scalar_target_sums": """
x = tf.Variable([1.0, 2.0, 3.0])
with tf.GradientTape() as t:
    y = x * x
t.gradient(y, x)
""",
    "list_targets_sum": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y1 = x * x
    y2 = x * 3.0
t.gradient([y1, y2], x)
""",
    "output_gradients": """
x = tf.Variable(1.0)
with tf.GradientTape() as t:
    y = x * tf.constant([1.0, 2.0])
t.gradient(y, x, output_gradients=tf.constant([10.0, 100.0]))
""",
    "dict_sources": """
x = tf.Variable(2.0)
w = tf.Variable(3.0)
with tf.GradientTape() as t:
    y = x * w
t.gradient(y, {"w": w, "x": x})
""",
    "nested_sources": """
x = tf.Variable(2.0)
w = tf.Variable(3.0)
with tf.GradientTape() as t:
    y = x * w + x
t.gradient(y, [[x], (w, x)])
""",
    "stop_recording": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * x
    with t.stop_recording():
        z = x * 10.0
    w = y + z
t.gradient(w, x)
""",
    "stop_recording_not_recording": """
t = tf.GradientTape()
with t.stop_recording():
    pass
1
""",
    "reset": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * x
    t.reset()
    z = x * 5.0
t.gradient(z, x)
""",
    "target_none": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * x
t.gradient(None, x)
""",
    "watch_python_float": """
with tf.GradientTape() as t:
    t.watch(3.0)
1
""",
    "integer_source_none": """
x = tf.constant(3)
with tf.GradientTape() as t:
    t.watch(x)
    y = x * x
t.gradient(y, x)
""",
    "int_cast_path_none": """
x = tf.Variable(2.5)
with tf.GradientTape() as t:
    y = tf.cast(tf.cast(x, tf.int32), tf.float32) * 2.0
t.gradient(y, x)
""",
    "reenter_active_tape": """
t = tf.GradientTape()
with t:
    with t:
        pass
1
""",
    "gradient_inside_nonpersistent_stops_recording": """
x = tf.Variable(2.0)
with tf.GradientTape() as t:
    y = x * x
    g = t.gradient(y, x)
    z = x * 3.0
g
""",
    "abs_at_zero": """
x = tf.Variable(0.0)
with tf.GradientTape() as t:
    y = tf.abs(x)
t.gradient(y, x)
""",
    "maximum_tie": """
x = tf.Variable(3.0)
y = tf.Variable(3.0)
with tf.GradientTape() as t:
    z = tf.maximum(x, y)
t.gradient(z, [x, y])
""",
    "minimum_tie": """
x = tf.Variable(3.0)
y = tf.Variable(3.0)
with tf.GradientTape() as t:
    z = tf.minimum(x, y)
t.gradient(z, [x, y])
""",
    "matmul_reduce": """
w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
x = tf.constant([[1.0], [2.0]])
with tf.GradientTape() as t:
    y = tf.reduce_mean(tf.square(tf.matmul(w, x)))
t.gradient(y, w)
""",
    "float64_variable": """
x = tf.Variable(np.float64(1.0) / 3.0)
with tf.GradientTape() as t:
    y = tf.exp(x) * x
t.gradient(y, x)
""",
    "indexing_gradient": """
x = tf.Variable([1.0, 2.0, 3.0])
with tf.GradientTape() as t:
    y = x[1] * x[2]
t.gradient(y, x)
""",
    "jacobian": """
x = tf.Variable([1.0, 2.0])
with tf.GradientTape() as t:
    y = x * x * tf.constant([1.0, 3.0])
t.jacobian(y, x)
""",
    "divide_sqrt_log_chain": """
x = tf.Variable(4.0)
with tf.GradientTape() as t:
    y = tf.sqrt(x) / tf.math.log(x) - tf.negative(x)
t.gradient(y, x)
""",
    "relu_sigmoid_tanh": """
x = tf.Variable([-1.0, 0.0, 2.0])
with tf.GradientTape() as t:
    y = tf.nn.relu(x) + tf.sigmoid(x) * tf.nn.tanh(x)
[y, t.gradient(y, x)]
""",
    "jacobian_unconnected_and_zero": """
x = tf.constant([1.0, 2.0])
z = tf.constant(3.0)
with tf.GradientTape(persistent=True) as g:
    g.watch([x, z])
    y = x * x
[g.jacobian(y, z), g.jacobian(y, [z, x], unconnected_gradients="zero")]
""",
    "jacobian_matrix_target": """
w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
x = tf.constant([[1.0], [-1.0]])
with tf.GradientTape() as g:
    y = tf.matmul(w, x) * tf.reduce_sum(w)
g.jacobian(y, w)
""",
    "jacobian_twice_non_persistent": """
x = tf.constant([1.0, 2.0])
with tf.GradientTape() as g:
    g.watch(x)
    y = x * x
g.jacobian(y, x)
g.jacobian(y, x)
""",
    "jacobian_no_pfor_needs_persistent": """
x = tf.constant([1.0, 2.0])
with tf.GradientTape() as g:
    g.watch(x)
    y = x * x
g.jacobian(y, x, experimental_use_pfor=False)
""",
    "batch_jacobian": """
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as g:
    g.watch(x)
    y = x * x * tf.reduce_sum(x)
g.batch_jacobian(y, x)
""",
    "batch_jacobian_rank_error": """
x = tf.constant([1.0, 2.0])
with tf.GradientTape() as g:
    g.watch(x)
    y = x * x
g.batch_jacobian(y, x)
""",
    "batch_jacobian_first_dim_error": """
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as g:
    g.watch(x)
    y = tf.ones([3, 2]) * tf.reduce_sum(x)
g.batch_jacobian(y, x)
""",
    "batch_jacobian_unconnected_is_zeros": """
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
z = tf.constant([[1.0], [2.0]])
with tf.GradientTape() as g:
    g.watch([x, z])
    y = x * 2.0
g.batch_jacobian(y, z)
""",
    "batch_jacobian_twice": """
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as g:
    g.watch(x)
    y = x * x
g.batch_jacobian(y, x)
g.batch_jacobian(y, x)
""",
    "stop_gradient": """
x = tf.Variable(2.0)
with tf.GradientTape() as g:
    y = tf.stop_gradient(x * x) + x
g.gradient(y, x)
""",
    "custom_gradient": """
@tf.custom_gradient
def log1pexp(x):
    e = tf.exp(x)
    def grad(upstream):
        return upstream * (1 - 1 / (1 + e))
    return tf.math.log(1 + e), grad
x = tf.Variable([0.0, 100.0])
with tf.GradientTape() as g:
    y = log1pexp(x)
[y, g.gradient(y, x)]
""",
    "custom_gradient_variables": """
v = tf.Variable(3.0)
@tf.custom_gradient
def f(x):
    def grad(upstream, variables=None):
        return upstream * 10.0, [upstream * 100.0]
    return x * v, grad
x = tf.constant(2.0)
with tf.GradientTape() as g:
    g.watch(x)
    y = f(x)
[y, g.gradient(y, [x, v])]
""",
    "custom_gradient_second_order": """
@tf.custom_gradient
def cube(x):
    def grad(upstream):
        return upstream * 3.0 * x * x
    return x * x * x, grad
x = tf.Variable(2.0)
with tf.GradientTape() as g2:
    with tf.GradientTape() as g1:
        y = cube(x)
    d1 = g1.gradient(y, x)
[d1, g2.gradient(d1, x)]
""",
    "gradients_is_graph_only": """
tf.compat.v1.gradients(tf.constant(1.0), tf.constant(2.0))
""",
    "python_float_target": """
x = tf.Variable(2.0)
with tf.GradientTape() as g:
    y = x * x
g.gradient(3.0, x)
""",
    "gradient_in_a_function_and_loop": """
def step(w, x):
    with tf.GradientTape() as g:
        loss = tf.reduce_sum(tf.square(w * x - 1.0))
    return g.gradient(loss, w)
w = tf.Variable([0.5, -0.5])
out = []
for i in range(3):
    d = step(w, tf.constant([1.0, 2.0]) * float(i + 1))
    w.assign_sub(0.01 * d)
    out.append(d)
[out, w]
""",
    "int_variable_watched_but_none": """
i = tf.Variable(3)
x = tf.Variable(2.0)
with tf.GradientTape() as g:
    y = tf.cast(i, tf.float32) * x
[[v.name for v in g.watched_variables()], g.gradient(y, [i, x])]
""",
    "complex_source_is_conjugate_of_jax": """
z = tf.Variable(tf.complex(1.0, 1.0))
with tf.GradientTape() as g:
    y = tf.math.real(z * z)
g.gradient(y, z)
""",
    "complex_output_gradients": """
x = tf.Variable(2.0)
with tf.GradientTape() as g:
    y = tf.complex(x, x * 3.0) * tf.complex(1.0, 2.0)
g.gradient(y, x, output_gradients=tf.complex(0.0, 1.0))
""",
    "complex_abs": """
x = tf.Variable(2.0)
with tf.GradientTape() as g:
    y = tf.abs(tf.complex(x, 1.0))
g.gradient(y, x)
""",
    "complex_holomorphic_chain": """
z = tf.Variable(tf.complex(0.5, -1.5))
with tf.GradientTape() as g:
    y = tf.math.real(tf.math.conj(z) * z * z) + tf.math.imag(z * tf.complex(2.0, 1.0))
g.gradient(y, z)
""",
    "where_sqrt_of_negative_branch": """
x = tf.Variable([4.0, 300.0])
with tf.GradientTape() as g:
    y = tf.where(x > 100.0, tf.sqrt(x - 200.0), x)
[y, g.gradient(y, x)]
""",
    "where_log_and_reciprocal_branches": """
x = tf.Variable([0.0, 2.0, 3.0])
with tf.GradientTape() as g:
    y = tf.where(x > 1.0, tf.math.log(x), x * 2.0) + tf.where(x > 2.5, 1.0 / (x - 3.0), x)
[y, g.gradient(y, x)]
""",
}
