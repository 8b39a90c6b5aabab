"""Sliced and scattered writes into Variables, rint, saturate_cast and divide_no_nan (recorded from
TF 2.21 by record.py into misc_ops.json)."""

CASES = [
    # -- v[key].assign(value) --
    ("slice_assign_index", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
[v[1].assign(10.0), v]
"""),
    ("slice_assign_range_and_broadcast", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
[v[1:3].assign([7.0, 8.0]), v[::2].assign(0.0), v[-1].assign(1), v]
"""),
    ("slice_assign_2d", """
m = tf.Variable(np.arange(6.0).reshape(2, 3))
[m[:, 1].assign([9.0, 9.0]), m[..., 0].assign([5.0, 5.0]),
 m[tf.newaxis, 0].assign([[1.0, 1.0, 1.0]]), m[1, 1:].assign(tf.constant([-1.0, -2.0], tf.float64))]
"""),
    ("slice_assign_tensor_index", """
v = tf.Variable([1, 2, 3])
[v[tf.constant(2)].assign(30), v.numpy()]
"""),
    ("slice_assign_cannot_broadcast", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
v[1:3].assign([1.0, 2.0, 3.0])
"""),
    ("slice_assign_out_of_range", """
v = tf.Variable([1.0, 2.0])
v[5].assign(1.0)
"""),
    ("slice_assign_wrong_dtype", """
v = tf.Variable([1.0, 2.0])
v[0].assign(tf.constant(1))
""", {"first_line": True}),
    ("slice_has_no_assign_add", """
v = tf.Variable([1.0, 2.0])
hasattr(v[0:1], "assign_add"), hasattr(tf.constant([1.0])[0:1], "assign")
"""),
    ("slice_assign_in_function", """
v = tf.Variable([1.0, 2.0, 3.0])
@tf.function
def f(x):
    v[1:].assign(v[:2] * x)
    return v.read_value()
[f(tf.constant(2.0)), f(tf.constant(3.0)), v]
"""),
    # -- scatters on variables --
    ("variable_scatter_nd", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
[v.scatter_nd_update([[0], [2]], [100.0, 300.0]), v.scatter_nd_add([[0], [0]], [1.0, 1.0]),
 v.scatter_nd_sub([[1]], [1.0]), v.scatter_nd_max([[3]], [0.0]), v.scatter_nd_min([[3]], [0.0]), v]
"""),
    ("variable_scatter_nd_2d", """
m = tf.Variable(tf.zeros([2, 3]))
[m.scatter_nd_update([[1]], [[1.0, 2.0, 3.0]]), m.scatter_nd_add([[0, 2], [1, 0]], [5.0, 6.0])]
"""),
    ("variable_scatter_nd_out_of_range", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
v.scatter_nd_update([[7]], [1.0])
"""),
    ("variable_scatter_needs_indexed_slices", """
v = tf.Variable([1.0, 2.0])
v.scatter_update(tf.constant([1.0]))
"""),
    ("v1_scatter_functions", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
s = tf.compat.v1
[s.scatter_update(v, [0, 1], [0.5, 0.25]), s.scatter_nd_update(v, [[3]], [42.0]),
 s.scatter_add(v, [0, 0], [1.0, 1.0]), s.scatter_nd_add(v, [[3]], [1.0]), s.scatter_sub(v, 0, 1.0),
 s.scatter_mul(v, [1], [4.0]), s.scatter_div(v, [3], [2.0]), s.scatter_max(v, [2], [500.0]),
 s.scatter_min(v, [2, 1], [1.0, 0.0]), s.scatter_nd_sub(v, [[0]], [0.5]), v]
"""),
    ("v1_scatter_update_rows", """
m = tf.Variable(tf.zeros([3, 2]))
tf.compat.v1.scatter_update(m, [2, 0], [[1.0, 2.0], [3.0, 4.0]])
"""),
    ("v1_scatter_update_scalar_update", """
m = tf.Variable(tf.zeros([3, 2]))
tf.compat.v1.scatter_update(m, [1], 7.0)
"""),
    ("v1_scatter_update_out_of_range", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
tf.compat.v1.scatter_update(v, [9], [1.0])
"""),
    ("v1_scatter_update_bad_shape", """
v = tf.Variable([1.0, 2.0, 3.0, 4.0])
tf.compat.v1.scatter_update(v, [0, 1], [1.0, 2.0, 3.0])
"""),
    ("v1_scatter_update_bad_rank", """
m = tf.Variable(tf.zeros([3, 2]))
tf.compat.v1.scatter_update(m, [0], [1.0, 2.0])
"""),
    ("variable_scatter_nd_outer_mismatch", """
m = tf.Variable(tf.zeros([3, 2]))
m.scatter_nd_update([[0], [1]], [[1.0, 2.0]])
"""),
    ("variable_scatter_nd_index_too_deep", """
m = tf.Variable(tf.zeros([3, 2]))
m.scatter_nd_update([[0, 0, 0]], [1.0])
"""),
    ("variable_scatter_in_function", """
v = tf.Variable([0.0, 0.0, 0.0])
@tf.function
def f(i, x):
    v.scatter_nd_add(tf.reshape(i, [1, 1]), tf.reshape(x, [1]))
    return v.read_value()
[f(tf.constant(1), tf.constant(2.0)), f(tf.constant(2), tf.constant(5.0)), v]
"""),
    # -- rint --
    ("rint_half_to_even", """
[tf.math.rint([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.7, -3.7]),
 tf.math.rint(tf.constant([0.5, 1.5], tf.float64)), tf.compat.v1.rint([0.5])]
"""),
    ("rint_integer_refused", """
tf.math.rint(tf.constant([1, 2]))
""", {"first_line": True}),
    ("rint_no_gradient", """
x = tf.constant([1.3, 2.5])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.math.rint(x)
tape.gradient(y, x)
"""),
    # -- saturate_cast --
    ("saturate_cast_float_to_int", """
[tf.dtypes.saturate_cast([-1000.0, 1000.0, 3.7, -3.7, np.inf, -np.inf], tf.int8),
 tf.saturate_cast(tf.constant([3e9, -3e9, 1.5], tf.float32), tf.int32),
 tf.saturate_cast(tf.constant([-1.5, 300.5]), tf.uint8)]
"""),
    ("saturate_cast_int_to_int", """
[tf.saturate_cast(tf.constant([-1, 300, 70000], tf.int32), tf.uint8),
 tf.saturate_cast(tf.constant([200, 3], tf.uint8), tf.int8),
 tf.saturate_cast(tf.constant([5, -5], tf.int8), tf.int64)]
"""),
    ("saturate_cast_float_to_float", """
[tf.saturate_cast(tf.constant([1e40, -1e40, 1.0], tf.float64), tf.float32),
 tf.saturate_cast(tf.constant([2**40, -2**40], tf.int64), tf.float16)]
"""),
    ("saturate_cast_complex", """
[tf.saturate_cast(tf.constant([1 + 2j, -3 - 1j], tf.complex64), tf.float32),
 tf.saturate_cast(tf.constant([1e40 + 1j], tf.complex128), tf.complex64)]
"""),
    # -- divide_no_nan --
    ("divide_no_nan_values", """
[tf.math.divide_no_nan([1.0, 2.0, 0.0], [0.0, 4.0, 0.0]),
 tf.math.divide_no_nan(tf.constant([1.0, 3.0]), 2),
 tf.compat.v1.div_no_nan(3.0, 0.0),
 tf.math.divide_no_nan(tf.constant([[1.0, 2.0]]), tf.constant([[0.0], [2.0]]))]
"""),
    ("divide_no_nan_integers_divide_as_floats", """
[tf.math.divide_no_nan(tf.constant([1, 6]), tf.constant([0, 4])),
 tf.math.divide_no_nan(tf.constant([1, 6], tf.int8), tf.constant([0, 4], tf.int8))]
"""),
    ("divide_no_nan_mixed_dtypes", """
tf.math.divide_no_nan(tf.constant([1.0]), tf.constant([0.0], tf.float64))
"""),
    ("divide_no_nan_gradient", """
x, y = tf.constant([1.0, 2.0]), tf.constant([0.0, 4.0])
with tf.GradientTape() as tape:
    tape.watch([x, y])
    z = tf.reduce_sum(tf.math.divide_no_nan(x, y))
tape.gradient(z, [x, y])
"""),
]
