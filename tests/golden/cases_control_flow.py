"""Control flow on traced values (inside tf.function) and tf.gradients (recorded from TF 2.21 by
record.py into control_flow.json). Eager control flow is covered by cases_random_control.py."""

CASES = [
    ("cond_traced_pred", """
f = tf.function(lambda x: tf.cond(x > 0, lambda: x * 2, lambda: -x))
[f(tf.constant(3.0)), f(tf.constant(-2.0)), f.experimental_get_tracing_count()]
"""),
    ("cond_traced_structures", """
@tf.function
def f(x):
    return tf.cond(x > 0, lambda: {"a": x, "b": (x + 1, 2.0)}, lambda: {"a": -x, "b": (x, 3.0)})
[f(tf.constant(1.0)), f(tf.constant(-1.0))]
"""),
    ("cond_traced_python_results", """
f = tf.function(lambda x: tf.cond(x > 0, lambda: 1, lambda: 2))
[f(tf.constant(1.0)), f(tf.constant(-1.0))]
"""),
    ("cond_v1_traced_keeps_list", """
f = tf.function(lambda x: tf.compat.v1.cond(x > 0, lambda: [x], lambda: [x * 2]))
[f(tf.constant(4.0)), f(tf.constant(-4.0))]
"""),
    ("cond_v1_fn1_fn2_traced", """
f = tf.function(lambda x: tf.compat.v1.cond(x > 0, fn1=lambda: x + 1, fn2=lambda: x - 1))
[f(tf.constant(4)), f(tf.constant(-4))]
"""),
    ("cond_traced_closure_over_tensor_arg", """
@tf.function
def f(x, y):
    return tf.cond(tf.reduce_sum(x) > y, lambda: tf.reduce_mean(x), lambda: tf.reduce_max(x) * y)
x = tf.constant([1.0, 2.0, 6.0])
[f(x, tf.constant(2.0)), f(x, tf.constant(20.0))]
"""),
    ("cond_nested_traced", """
@tf.function
def f(x):
    return tf.cond(x > 0, lambda: tf.cond(x > 10, lambda: x * 100, lambda: x * 10), lambda: x)
[f(tf.constant(20)), f(tf.constant(3)), f(tf.constant(-3))]
"""),
    ("cond_traced_reads_variable", """
v = tf.Variable([1.0, 2.0])
f = tf.function(lambda x: tf.cond(x, lambda: v * 2.0, lambda: v - 1.0))
[f(tf.constant(True)), f(tf.constant(False))]
"""),
    ("cond_traced_assigns_both_branches", """
v = tf.Variable(1.0)
@tf.function
def f(x):
    tf.cond(x > 0, lambda: v.assign_add(x), lambda: v.assign(x * 10.0))
    return v.read_value()
[f(tf.constant(2.0)), f(tf.constant(-1.0)), f(tf.constant(5.0)), v]
"""),
    ("cond_traced_assigns_one_branch", """
v = tf.Variable(0)
w = tf.Variable(5)
@tf.function
def f(x):
    r = tf.cond(x > 0, lambda: v.assign_add(x).read_value() + w, lambda: tf.identity(w))
    return r, v.read_value()
[f(tf.constant(2)), f(tf.constant(-1)), f(tf.constant(3)), v, w]
"""),
    ("cond_traced_gradient_tape", """
v = tf.Variable(2.0)
@tf.function
def f(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.cond(x > 0, lambda: v * x * x, lambda: tf.sin(x) * v)
    return y, tape.gradient(y, [x, v])
[f(tf.constant(3.0)), f(tf.constant(-1.0))]
""", {"rtol": 1e-6}),
    ("cond_traced_gradient_unconnected_branch", """
@tf.function
def f(x, y):
    with tf.GradientTape() as tape:
        tape.watch([x, y])
        z = tf.cond(x > 0, lambda: x * 3.0, lambda: y * 4.0)
    return tape.gradient(z, [x, y], unconnected_gradients="zero")
[f(tf.constant(1.0), tf.constant(1.0)), f(tf.constant(-1.0), tf.constant(1.0))]
"""),
    ("case_traced", """
@tf.function
def f(x):
    return tf.case([(x < 0, lambda: tf.constant(-1)), (x < 10, lambda: tf.constant(1))],
                   default=lambda: tf.constant(100))
[f(tf.constant(-5)), f(tf.constant(5)), f(tf.constant(50))]
"""),
    ("case_traced_no_default", """
@tf.function
def f(x):
    return tf.case([(x < 0, lambda: x * 2), (x >= 0, lambda: x * 3)])
[f(tf.constant(-5.0)), f(tf.constant(5.0))]
"""),
    ("switch_case_eager", """
fns = [lambda: tf.constant(1), lambda: tf.constant(2)]
[tf.switch_case(tf.constant(1), fns), tf.switch_case(tf.constant(5), fns),
 tf.switch_case(tf.constant(-1), {0: fns[0], 1: fns[1]}, default=lambda: tf.constant(9)),
 tf.switch_case(tf.constant(0, tf.int64), [(1, fns[1]), (0, fns[0])])]
"""),
    ("switch_case_traced", """
f = tf.function(lambda x: tf.switch_case(x, [lambda: tf.constant(1.0), lambda: tf.constant(2.0)],
                                         default=lambda: tf.constant(7.0)))
[f(tf.constant(0)), f(tf.constant(1)), f(tf.constant(5)), f(tf.constant(-3))]
"""),
    ("switch_case_traced_no_default", """
f = tf.function(lambda x: tf.switch_case(x, [lambda: x * 10, lambda: x * 20, lambda: x * 30]))
[f(tf.constant(0)), f(tf.constant(1)), f(tf.constant(2)), f(tf.constant(9)), f(tf.constant(-9))]
"""),
    ("switch_case_python_index", """
tf.switch_case(1, [lambda: tf.constant(1), lambda: tf.constant(2)])
"""),
    ("switch_case_float_index", """
tf.switch_case(tf.constant(0.0), [lambda: 1])
"""),
    ("switch_case_keys_not_contiguous", """
tf.switch_case(tf.constant(0), {0: lambda: tf.constant(1), 2: lambda: tf.constant(2)})
"""),
    ("switch_case_empty", """
tf.switch_case(tf.constant(0), [])
"""),
    ("switch_case_bad_entry", """
tf.switch_case(tf.constant(0), [lambda: 1, 3])
""", {"first_line": True}),
    ("while_traced_bound", """
while_v1 = tf.compat.v1.while_loop
f = tf.function(lambda n: while_v1(lambda i, s: i < n, lambda i, s: (i + 1, s + i), [0, 0]))
[f(tf.constant(5)), f(tf.constant(0)), f(tf.constant(10))]
"""),
    ("while_traced_structure_list", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(n):
    return while_v1(lambda i, acc: i < n, lambda i, acc: [i + 1, acc * 2.0],
                         [tf.constant(0), tf.constant([1.0, 3.0])])
f(tf.constant(3))
"""),
    ("while_v1_single_var_traced", """
while_v1 = tf.compat.v1.while_loop
f = tf.function(lambda x: while_v1(lambda i: i < x, lambda i: i + 1, [tf.constant(0)]))
[f(tf.constant(4)), f(tf.constant(-1))]
"""),
    ("while_v1_single_var_list_body_traced", """
while_v1 = tf.compat.v1.while_loop
f = tf.function(lambda x: while_v1(lambda i: i < x, lambda i: [i + 2], [tf.constant(0)]))
f(tf.constant(5))
"""),
    ("while_traced_maximum_iterations", """
while_v1 = tf.compat.v1.while_loop
f = tf.function(lambda n, m: while_v1(lambda i: i < n, lambda i: i + 1, [tf.constant(0)],
                                           maximum_iterations=m))
[f(tf.constant(10), tf.constant(3)), f(tf.constant(2), tf.constant(3)),
 f(tf.constant(10), tf.constant(0))]
"""),
    ("while_v2_traced_maximum_iterations", """
f = tf.function(lambda n, m: tf.compat.v2.while_loop(lambda i: i < n, lambda i: i + 1,
                                                     [tf.constant(0)], maximum_iterations=m))
[f(tf.constant(10), tf.constant(3)), f(tf.constant(2), tf.constant(3))]
"""),
    ("while_v2_traced_dict_list_body", """
@tf.function
def f(n):
    return tf.compat.v2.while_loop(lambda s: s["i"] < n,
                                   lambda s: [{"i": s["i"] + 1, "x": s["x"] + 0.5}],
                                   [{"i": tf.constant(0), "x": tf.constant(0.0)}])
f(tf.constant(4))
"""),
    ("while_v2_traced_tuple_body", """
f = tf.function(lambda n: tf.compat.v2.while_loop(lambda i, s: i < n, lambda i, s: (i + 1, s + i),
                                                  [0, 0]))
f(tf.constant(5))
"""),
    ("while_in_function_constant_condition", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(x):
    return while_v1(lambda i, a: i < 3, lambda i, a: (i + 1, a * x),
                                   [0, tf.constant(1.0)])
f(tf.constant(2.0))
"""),
    ("cond_in_function_constant_pred", """
@tf.function
def f(x):
    return tf.cond(tf.constant(True), lambda: [x * 2.0], lambda: [x])
f(tf.constant(2.0))
"""),
    ("cond_in_function_python_bool_pred", """
f = tf.function(lambda x: tf.cond(True, lambda: x * 2, lambda: x))
f(tf.constant(1.0))
""", {"first_line": True}),
    ("cond_traced_branch_dtypes_differ", """
f = tf.function(lambda x: tf.cond(x > 0, lambda: x, lambda: tf.constant(1)))
f(tf.constant(1.0))
""", {"first_line": True}),
    ("while_traced_python_maximum_iterations", """
while_v1 = tf.compat.v1.while_loop
f = tf.function(lambda n: while_v1(lambda i, x: i < n, lambda i, x: (i + 1, x * 2.0),
                                        (tf.constant(0), tf.constant(1.0)), maximum_iterations=4))
[f(tf.constant(10)), f(tf.constant(2))]
"""),
    ("while_traced_dict_loop_vars", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(n):
    return while_v1(lambda s: s["i"] < n, lambda s: {"i": s["i"] + 1, "x": s["x"] + 0.5},
                         [{"i": tf.constant(0), "x": tf.constant(0.0)}])
f(tf.constant(4))
""", {"first_line": True}),
    ("while_traced_dict_loop_vars_list_body", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(n):
    return while_v1(lambda s: s["i"] < n, lambda s: [{"i": s["i"] + 1, "x": s["x"] + 0.5}],
                         [{"i": tf.constant(0), "x": tf.constant(0.0)}])
f(tf.constant(4))
"""),
    ("while_traced_nested_cond", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(n):
    def body(i, acc):
        acc = tf.cond(i % 2 == 0, lambda: acc + i, lambda: acc - 1)
        return i + 1, acc
    return while_v1(lambda i, acc: i < n, body, [tf.constant(0), tf.constant(0)])
[f(tf.constant(6)), f(tf.constant(7))]
"""),
    ("while_traced_nested_while", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(n):
    def body(i, total):
        j, t = while_v1(lambda j, t: j < i, lambda j, t: (j + 1, t + j), [0, total])
        return i + 1, t
    return while_v1(lambda i, t: i < n, body, [0, 0])
f(tf.constant(5))
"""),
    ("while_traced_reads_variable", """
while_v1 = tf.compat.v1.while_loop
v = tf.Variable(3)
f = tf.function(lambda n: while_v1(lambda i, s: i < n, lambda i, s: (i + 1, s + v), [0, 0]))
f(tf.constant(4))
"""),
    ("while_traced_assigns_variable", """
while_v1 = tf.compat.v1.while_loop
v = tf.Variable(0.0)
@tf.function
def f(n):
    def body(i):
        v.assign_add(tf.cast(i, tf.float32))
        return i + 1
    r = while_v1(lambda i: i < n, body, [tf.constant(0)])
    return r, v.read_value()
[f(tf.constant(4)), f(tf.constant(3)), v]
"""),
    ("while_traced_cond_reads_assigned_variable", """
while_v1 = tf.compat.v1.while_loop
v = tf.Variable(1)
@tf.function
def f(limit):
    return while_v1(lambda i: v < limit, lambda i: (v.assign(v * 2), i + 1)[1], [tf.constant(0)])
[f(tf.constant(100)), v]
"""),
    ("while_traced_gradient_bounded", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        _, y = while_v1(lambda i, a: i < 3, lambda i, a: (i + 1, a * x),
                             [tf.constant(0), tf.constant(1.0)], maximum_iterations=10)
    return y, tape.gradient(y, x)
[f(tf.constant(2.0)), f(tf.constant(-1.5))]
"""),
    ("while_traced_gradient_variable", """
while_v1 = tf.compat.v1.while_loop
w = tf.Variable(0.5)
@tf.function
def f(n):
    with tf.GradientTape() as tape:
        _, y = while_v1(lambda i, a: i < n, lambda i, a: (i + 1, a * w + 1.0),
                             [tf.constant(0), tf.constant(1.0)], maximum_iterations=20)
    return y, tape.gradient(y, w)
[f(tf.constant(3)), f(tf.constant(5))]
""", {"rtol": 1e-6}),
    ("map_fn_in_function", """
f = tf.function(lambda x: tf.map_fn(lambda r: r * r + 1.0, x))
f(tf.constant([[1.0, 2.0], [3.0, 4.0]]))
"""),
    ("map_fn_in_function_signature", """
f = tf.function(lambda x: tf.map_fn(lambda r: tf.cast(tf.reduce_sum(r), tf.int32), x,
                                    fn_output_signature=tf.int32))
f(tf.constant([[1.5, 2.0], [3.0, 4.5]]))
"""),
    ("scan_in_function", """
f = tf.function(lambda x: tf.scan(lambda a, r: a + r, x, initializer=tf.constant(10.0)))
f(tf.constant([1.0, 2.0, 3.0]))
"""),
    ("scan_reverse_in_function", """
f = tf.function(lambda x: tf.scan(lambda a, r: a * r, x, reverse=True))
f(tf.constant([1, 2, 3, 4]))
"""),
    ("foldl_foldr_in_function", """
f = tf.function(lambda x: [tf.foldl(lambda a, r: a - r, x), tf.foldr(lambda a, r: a - r, x),
                           tf.foldl(lambda a, r: a + r, x, initializer=100)])
f(tf.constant([1, 2, 3]))
"""),
    ("map_fn_gradient_in_function", """
@tf.function
def f(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(tf.map_fn(lambda r: tf.cond(r > 0, lambda: r * r, lambda: -r), x))
    return y, tape.gradient(y, x)
f(tf.constant([1.0, -2.0, 3.0]))
"""),
    ("scan_fold_gradients_in_function", """
v = tf.Variable(2.0)
@tf.function
def f(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.map_fn(lambda r: r * v + tf.reduce_sum(x), x)
        s = tf.scan(lambda a, r: a * r, x)
        s2 = tf.scan(lambda a, r: a + r, x, initializer=tf.constant(1.0), reverse=True)
        fl = tf.foldl(lambda a, r: a + r * r, x, initializer=0.0)
        fr = tf.foldr(lambda a, r: a * 2.0 + r, x)
        total = tf.reduce_sum(y) + tf.reduce_sum(s) + tf.reduce_sum(s2) + fl + fr
    return [y, s, s2, fl, fr], tape.gradient(total, [x, v])
f(tf.constant([1.0, 2.0, 3.0]))
"""),
    ("map_fn_assigns_variable_in_function", """
c = tf.Variable(0.0)
@tf.function
def f(x):
    r = tf.map_fn(lambda e: c.assign_add(e).read_value(), x)
    return r, c.read_value()
[f(tf.constant([1.0, 2.0, 3.0])), c]
"""),
    ("scan_nested_structures_in_function", """
@tf.function
def f(x):
    return tf.scan(lambda a, r: (a[0] + r["p"], a[1] * r["q"]), {"p": x, "q": x * 2.0},
                   initializer=(tf.constant(0.0), tf.constant(1.0)))
f(tf.constant([1.0, 2.0, 3.0]))
"""),
    ("foldl_long_sequence_in_function", """
f = tf.function(lambda x: tf.foldl(lambda a, r: a + r, x))
f(tf.range(100000))
"""),
    # -- tf.gradients (graph mode only) --
    ("gradients_eager_refused", """
tf.gradients(tf.constant(1.0), tf.constant(2.0))
"""),
    ("gradients_in_function", """
v = tf.Variable(3.0)
@tf.function
def f(x):
    y = x * x * v
    return tf.gradients(y, [x, v])
f(tf.constant(2.0))
"""),
    ("gradients_through_cond", """
@tf.function
def f(x):
    y = tf.cond(x > 0, lambda: x * x * x, lambda: tf.exp(x))
    return tf.gradients(y, x)
[f(tf.constant(2.0)), f(tf.constant(-1.0))]
""", {"rtol": 1e-6}),
    ("gradients_through_while", """
while_v1 = tf.compat.v1.while_loop
@tf.function
def f(x):
    _, y = while_v1(lambda i, a: i < 4, lambda i, a: (i + 1, a * x), [0, tf.constant(1.0)],
                         maximum_iterations=10)
    return tf.gradients(y, x)
f(tf.constant(1.5))
"""),
    ("gradients_sum_of_ys_and_grad_ys", """
@tf.function
def f(x):
    a, b = x * 2.0, x * x
    return tf.gradients([a, b], x), tf.gradients(
        [a, b], x, grad_ys=[tf.constant([1.0, 0.0]), tf.constant([10.0, 10.0])])
f(tf.constant([1.0, 2.0]))
"""),
    ("gradients_unconnected", """
@tf.function
def f(x, y):
    z = x * 3.0
    return tf.gradients(z, [x, y]), tf.gradients(z, [x, y], unconnected_gradients="zero")
f(tf.constant(1.0), tf.constant([2.0, 3.0]))
"""),
    ("gradients_stop_gradients", """
@tf.function
def f(x):
    a = x * x
    b = a * 3.0 + x
    return (tf.gradients(b, x), tf.gradients(b, x, stop_gradients=[a]),
            tf.gradients(b, [x, a], stop_gradients=[a]))
f(tf.constant(2.0))
"""),
    ("gradients_of_intermediate", """
@tf.function
def f(x):
    h = tf.tanh(x)
    y = tf.reduce_sum(h * h)
    return tf.gradients(y, h)
f(tf.constant([0.5, -1.0]))
""", {"rtol": 1e-6}),
    ("gradients_through_stop_gradient", """
@tf.function
def f(x):
    y = tf.stop_gradient(x * x) + x
    return tf.gradients(y, x)
f(tf.constant(3.0))
"""),
    ("gradients_v1_in_function", """
@tf.function
def f(x):
    return tf.compat.v1.gradients(tf.reduce_sum(tf.square(x)), x)
f(tf.constant([1.0, 2.0]))
"""),
]
