"""The error table: malformed calls across the public surface and what TensorFlow 2.21 does.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py error_table

Each row is a call a user can get wrong (None, strings, ragged/nested lists, dicts, wrong and
mixed dtypes, shape mismatches, out-of-range indices, division by zero, negative and huge
shapes, bad axes, unknown dtype names, bad print streams, misused tapes, optimizers and
variables). Where TF returns a value for a malformed-looking call (integer `/` by zero, an
out-of-range `one_hot` index, an unwatched gradient) the row records that value.

Comparison rule (tests/test_error_table.py):
- a value must equal TF's exactly (type, dtype, shape, value);
- an exception must have exactly TF's class name, and its message must equal TF's, where
  - `first_line` compares the first line only (TF appends its op registration or a stack), and
  - `match` (a regular expression) replaces the message comparison where TF's text embeds
    details an implementation need not reproduce (node names, NodeDef dumps, object reprs):
    the test checks that the regex matches TF's recorded message *and* tfcompat's message
    (`re.search`), so the regex states the part that must name the problem.
Rows TF cannot record are absent: a float64 gradient applied to a float32 variable aborts the
TF process (tfcompat raises InvalidArgumentError; tests/test_error_table.py checks it).
"""

FL = {"first_line": True}


def M(regex):
    """Compare the class exactly and the message by `re.search(regex)`."""
    return {"match": regex}


F = "tf.constant([1.0, 2.0, 3.0])"
F2 = "tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])"
N = "tf.constant([1, 2, 3])"
D = "tf.constant([1.0, 2.0, 3.0], tf.float64)"

CONVERSION = [
    ("constant_none", "tf.constant(None)"),
    ("constant_ragged", "tf.constant([1, [2, 3]])"),
    ("constant_ragged_rows", "tf.constant([[1, 2], [3]])"),
    ("constant_dict", "tf.constant({'a': 1})"),
    ("constant_object", "tf.constant(object())", M(r"Attempt to convert a value \(<object object")),
    ("constant_mixed_str_int", "tf.constant(['a', 1])"),
    ("constant_none_in_list", "tf.constant([1.0, None])"),
    ("constant_float_to_int", "tf.constant(1.5, dtype=tf.int32)"),
    ("constant_int_overflow", "tf.constant(2**70)"),
    ("constant_int32_overflow", "tf.constant([1, 2**40], dtype=tf.int32)"),
    ("constant_neg_to_uint8", "tf.constant(-1, dtype=tf.uint8)"),
    ("constant_bad_shape", "tf.constant([[1, 2], [3, 4]], shape=[3])"),
    ("constant_str_to_float", "tf.constant('abc', dtype=tf.float32)"),
    ("constant_tensor_other_dtype", "tf.constant(tf.constant(1.0), dtype=tf.int32)"),
    ("convert_tensor_other_dtype", "tf.convert_to_tensor(tf.constant(1.0), tf.float64)",
     M(r"^Tensor conversion requested dtype float64 for Tensor with dtype float32")),
    ("convert_none", "tf.convert_to_tensor(None)"),
    ("convert_set", "tf.convert_to_tensor({1, 2})", M(r"Attempt to convert a value \(\{1, 2\}\)")),
    ("add_none", "tf.add(None, 1)"),
    ("add_str_int", "tf.add('a', 1)"),
    ("add_ragged", "tf.add([1, [2]], 1)"),
    ("add_dict", "tf.add({'a': 1}, 1)"),
    ("matmul_none", "tf.matmul(None, None)"),
    ("tensor_plus_none", f"{F} + None"),
    ("tensor_plus_str", f"{F} + 'a'"),
    ("tensor_plus_ragged", f"{F} + [1.0, [2.0]]"),
    ("tensor_times_dict", f"{F} * {{'a': 1}}"),
    ("reduce_sum_none", "tf.reduce_sum(None)"),
    ("reshape_none", "tf.reshape(None, [2])"),
    ("cast_none", "tf.cast(None, tf.float32)"),
    ("zeros_none_shape", "tf.zeros(None)"),
    ("zeros_str_shape", "tf.zeros('abc')"),
    ("zeros_float_shape", "tf.zeros([1.5])"),
    ("zeros_nested_shape", "tf.zeros([[2], [3]])", FL),
]

MIXED = [
    ("add_f32_f64", f"tf.add({F}, {D})"),
    ("add_f32_i32", f"tf.add({F}, {N})"),
    ("sub_i32_f32", f"tf.subtract({N}, {F})"),
    ("mul_f32_f64", f"tf.multiply({F}, {D})"),
    ("div_f32_f64", f"tf.divide({F}, {D})"),
    ("truediv_op_i32_f32", f"{N} / {F}"),
    ("max_f32_i32", f"tf.maximum({F}, {N})"),
    ("pow_i32_f32", f"tf.pow({N}, {F})"),
    ("matmul_f32_f64", "tf.matmul(tf.ones([2, 2]), tf.ones([2, 2], tf.float64))"),
    ("equal_f32_i32", f"tf.equal({F}, {N})"),
    ("less_f32_f64", f"tf.less({F}, {D})"),
    ("concat_f32_i32", f"tf.concat([{F}, {N}], 0)"),
    ("stack_f32_f64", f"tf.stack([{F}, {D}])"),
    ("where_f32_i32", f"tf.compat.v2.where(tf.constant([True, False, True]), {F}, {N})"),
    ("where_v1_f32_i32", f"tf.compat.v1.where(tf.constant([True, False, True]), {F}, {N})"),
    ("int_plus_float", f"{N} + 1.5"),
    ("float_plus_int_reflected", f"1.5 + {N}"),
    ("int_times_float", f"{N} * 1.5"),
    ("int_div_float", f"{N} / 1.5"),
    ("tf_add_int_float", "tf.add(1, 2.0)"),
    ("bool_plus_bool", "tf.constant(True) + tf.constant(False)", FL),
    ("sqrt_int", f"tf.sqrt({N})", FL),
    ("exp_int", f"tf.exp({N})", FL),
    ("softmax_int", f"tf.nn.softmax({N})", FL),
    ("logical_and_int", f"tf.logical_and({N}, {N})"),
    ("matmul_int_bool", "tf.matmul(tf.constant([[True]]), tf.constant([[True]]))", FL),
    ("assign_add_f64_to_f32", "v = tf.Variable([1.0, 2.0])\nv.assign_add(tf.constant([1.0, 2.0], "
     "tf.float64))", M(r"float64.*float32|float32.*float64")),
]

SHAPES = [
    ("add_shapes", "tf.add(tf.ones([2, 3]), tf.ones([4]))"),
    ("sub_shapes", "tf.subtract(tf.ones([2, 3]), tf.ones([3, 2]))"),
    ("mul_shapes_op", "tf.ones([2]) * tf.ones([3])"),
    ("maximum_shapes", "tf.maximum(tf.ones([2]), tf.ones([3]))"),
    ("equal_shapes", "tf.equal(tf.ones([2]), tf.ones([3]))"),
    ("matmul_inner", "tf.matmul(tf.ones([2, 3]), tf.ones([2, 3]))"),
    ("matmul_rank1", "tf.matmul(tf.ones([3]), tf.ones([3]))"),
    ("matmul_batch", "tf.matmul(tf.ones([2, 2, 3]), tf.ones([3, 3, 2]))"),
    ("matmul_batch_inner", "tf.matmul(tf.ones([2, 2, 3]), tf.ones([2, 2, 2]))"),
    ("matmul_adjoint_a", "tf.matmul(tf.ones([2, 3]), tf.ones([3, 2]), adjoint_a=True)"),
    ("matmul_transpose_b", "tf.matmul(tf.ones([2, 3]), tf.ones([2, 3]), transpose_b=False)"),
    ("matmul_transpose_a", "tf.matmul(tf.ones([2, 3]), tf.ones([3, 2]), transpose_a=True)"),
    ("concat_shapes", "tf.concat([tf.ones([2, 3]), tf.ones([2, 4])], 0)"),
    ("concat_ranks", "tf.concat([tf.ones([2, 3]), tf.ones([3])], 0)"),
    ("concat_empty", "tf.concat([], 0)",
     M(r"^OpKernel 'ConcatV2' has constraint on attr 'T' not in NodeDef '\[N=0, Tidx=DT_INT32\]'")),
    ("stack_shapes", "tf.stack([tf.ones([2]), tf.ones([3])])"),
    ("stack_empty", "tf.stack([])", FL),
    ("reshape_size", "tf.reshape(tf.range(6), [4])"),
    ("reshape_two_minus_one", "tf.reshape(tf.range(6), [-1, -1])"),
    ("reshape_negative", "tf.reshape(tf.range(6), [-2, 3])"),
    ("reshape_not_divisible", "tf.reshape(tf.range(7), [-1, 2])"),
    ("tile_multiples_len", "tf.tile(tf.ones([2, 2]), [2])"),
    ("tile_negative", "tf.tile(tf.ones([2]), [-1])"),
    ("broadcast_to_bad", "tf.broadcast_to(tf.ones([3]), [2, 2])"),
    ("broadcast_to_smaller", "tf.broadcast_to(tf.ones([2, 3]), [3])"),
    ("transpose_perm_len", "tf.transpose(tf.ones([2, 3]), perm=[0])"),
    ("transpose_perm_dup", "tf.transpose(tf.ones([2, 3]), perm=[0, 0])"),
    ("transpose_perm_range", "tf.transpose(tf.ones([2, 3]), perm=[0, 2])"),
    ("squeeze_not_one", "tf.squeeze(tf.ones([2, 3]), axis=0)"),
    ("squeeze_axis_range", "tf.squeeze(tf.ones([1, 3]), axis=2)"),
    ("expand_dims_range", "tf.expand_dims(tf.ones([2]), 3)"),
    ("expand_dims_neg_range", "tf.expand_dims(tf.ones([2]), -3)"),
    ("split_not_divisible", "tf.split(tf.ones([5]), 2)"),
    ("split_sizes_sum", "tf.split(tf.ones([5]), [2, 2])"),
    ("split_axis_range", "tf.split(tf.ones([4]), 2, axis=1)"),
    ("unstack_axis_range", "tf.unstack(tf.ones([2, 3]), axis=2)"),
    ("where_shapes", "tf.compat.v2.where(tf.constant([True, False]), tf.ones([3]), tf.ones([3]))"),
    ("where_v1_shapes", "tf.compat.v1.where(tf.constant([True, False]), tf.ones([3]), "
     "tf.ones([3]))"),
    ("where_v1_batch", "tf.compat.v1.where(tf.constant([True, False]), tf.ones([3, 2]), "
     "tf.ones([3, 2]))"),
    ("pad_paddings_shape", "tf.pad(tf.ones([2, 2]), [[1, 1]])"),
    ("pad_negative", "tf.pad(tf.ones([2]), [[-1, 0]])"),
    ("einsum_mismatch", "tf.einsum('ij,jk->ik', tf.ones([2, 3]), tf.ones([2, 3]))", FL),
    ("tensordot_mismatch", "tf.tensordot(tf.ones([2, 3]), tf.ones([2, 3]), axes=1)", FL),
    ("boolean_mask_shape", "tf.boolean_mask(tf.ones([3]), tf.constant([True, False]))"),
    ("slice_size_too_big", "tf.slice(tf.ones([3]), [1], [5])"),
    ("slice_begin_len", "tf.slice(tf.ones([3, 3]), [1], [1])"),
    ("reverse_axis_range", "tf.reverse(tf.ones([2]), [1])"),
    ("one_hot_float_indices", "tf.one_hot(tf.constant([0.5]), 3)", FL),
]

INDICES = [
    ("gather_range", f"tf.gather({F}, 5)"),
    ("gather_negative", f"tf.gather({F}, -1)"),
    ("gather_list_range", f"tf.gather({F}, [0, 3])"),
    ("gather_axis_range", f"tf.gather({F}, [0], axis=1)"),
    ("gather_float_indices", f"tf.gather({F}, [0.5])", FL),
    ("gather_nd_range", f"tf.gather_nd({F2}, [[2, 0]])"),
    ("gather_nd_depth", f"tf.gather_nd({F}, [[0, 1]])"),
    ("getitem_range", f"{F}[5]"),
    ("getitem_neg_range", f"{F}[-4]"),
    ("getitem_axis_range", f"{F2}[:, 3]"),
    ("getitem_too_many", f"{F}[0, 0]"),
    ("getitem_float", f"{F}[0.5]"),
    ("getitem_str", f"{F}['a']"),
    ("getitem_slice_past_end", f"{F}[1:10]"),
    ("one_hot_out_of_range", "tf.one_hot([0, 5, -1], 3)"),
    ("one_hot_negative_depth", "tf.one_hot([0], -1)"),
    ("scatter_nd_range", "tf.scatter_nd([[4]], [1.0], [3])"),
    ("scatter_nd_negative_shape", "tf.scatter_nd([[0]], [1.0], [-3])"),
    ("scatter_nd_updates_shape", "tf.scatter_nd([[0], [1]], [1.0], [3])"),
    ("tensor_scatter_update_range", f"tf.tensor_scatter_nd_update({F}, [[3]], [9.0])"),
    ("tensor_scatter_add_range", f"tf.tensor_scatter_nd_add({F}, [[-1]], [9.0])"),
    ("tensor_scatter_update_dtype", f"tf.tensor_scatter_nd_update({F}, [[0]], [9])"),
    ("variable_getitem_range", "v = tf.Variable([1.0, 2.0])\nv[2]"),
    ("variable_scatter_range", "v = tf.Variable([1.0, 2.0])\n"
     "tf.tensor_scatter_nd_update(v, [[5]], [1.0])"),
    ("unsorted_segment_range", f"tf.math.unsorted_segment_sum({F}, [0, 5, 1], 2)"),
    ("segment_sum_unsorted", f"tf.math.segment_sum({F}, [1, 0, 0])"),
    ("segment_sum_not_increasing", f"tf.math.segment_sum({F}, [0, 2, 1])"),
    ("segment_sum_negative", f"tf.math.segment_sum({F}, [-1, 0, 0])"),
    ("unsorted_segment_sum_2d_range", f"tf.math.unsorted_segment_sum({F2}, [0, 3], 2)"),
    ("unsorted_segment_negative_dropped", f"tf.math.unsorted_segment_sum({F}, [0, -1, 1], 2)"),
    ("gather_nested_range", f"tf.gather({F}, [[5]])"),
    ("gather_v1_scalar_range", f"tf.compat.v1.gather({F}, 5)"),
    ("scatter_nd_empty_output", "tf.scatter_nd([[0]], [1.0], [0])"),
    ("top_k_too_big", f"tf.math.top_k({F}, 5)"),
    ("top_k_negative", f"tf.math.top_k({F}, -1)"),
    ("range_zero_delta", "tf.range(0, 5, 0)"),
    ("range_wrong_sign", "tf.range(5, 0, 1)"),
    ("eye_negative", "tf.eye(-1)"),
    ("sequence_mask_negative", "tf.sequence_mask([-1], 3)"),
]

DIVISION = [
    ("floordiv_int_zero", "tf.constant(7) // 0"),
    ("floordiv_fn_int_zero", "tf.math.floordiv(tf.constant([7, 8]), tf.constant([2, 0]))"),
    ("floormod_int_zero", "tf.math.floormod(tf.constant(7), tf.constant(0))"),
    ("mod_op_int_zero", "tf.constant(7) % 0"),
    ("truncatediv_int_zero", "tf.truncatediv(tf.constant(7), tf.constant(0))"),
    ("truncatemod_int_zero", "tf.truncatemod(tf.constant(7), tf.constant(0))"),
    ("int64_floordiv_zero", "tf.constant(7, tf.int64) // tf.constant(0, tf.int64)"),
    ("uint8_floordiv_zero", "tf.constant(7, tf.uint8) // tf.constant(0, tf.uint8)"),
    ("int_truediv_zero", "tf.constant(7) / 0"),
    ("int_div_fn_zero", "tf.math.divide(tf.constant([7, 0]), tf.constant([0, 0]))"),
    ("float_floordiv_zero", "tf.constant([7.0, -7.0, 0.0]) // 0.0"),
    ("float_mod_zero", "tf.constant([7.0, -7.0]) % 0.0"),
    ("float_div_zero", "tf.constant([7.0, -7.0, 0.0]) / 0.0"),
    ("int_pow_negative", "tf.constant(2) ** -1"),
    ("int_pow_fn_negative", "tf.pow(tf.constant([2, 3]), tf.constant([1, -2]))"),
    ("int_reciprocal", "tf.math.reciprocal(tf.constant(0))", FL),
    ("compat_v1_div_int_zero", "tf.compat.v1.div(tf.constant(7), tf.constant(0))"),
    ("int_mod_negative_zero", "tf.constant([-7, 7]) % tf.constant([0, 2])"),
]

SIZES = [
    ("zeros_negative", "tf.zeros([-1])"),
    ("ones_negative", "tf.ones([-2, 3])"),
    ("fill_negative", "tf.fill([-1], 1.0)"),
    ("random_normal_negative", "tf.random.normal([-1])"),
    ("random_uniform_negative", "tf.random.uniform([-3])"),
    ("zeros_huge", "tf.zeros([2**62])"),
    ("zeros_huge_2d", "tf.zeros([2**31, 2**31], dtype=tf.int8)"),
    ("zeros_over_int64_elements", "tf.zeros([2**33, 2**31])"),
    ("random_uniform_over_int64_elements", "tf.random.uniform([2**33, 2**31])"),
    ("range_huge", "tf.range(2**62)"),
    ("tile_huge", "tf.tile(tf.ones([2]), [2**61])"),
    ("eye_huge", "tf.eye(2**40)"),
    ("zeros_negative_2d", "tf.zeros([3, -1])"),
    ("eye_negative_columns", "tf.eye(2, -1)"),
    ("eye_float", "tf.eye(2.5)"),
    ("broadcast_to_negative", "tf.broadcast_to(tf.ones([2]), [-1])"),
    ("ones_none_in_shape", "tf.ones((2, None))"),
    ("ones_huge", "tf.ones([2**40, 2**30])"),
    ("fill_huge", "tf.fill([2**31, 2**31], 1.0)"),
    ("random_normal_huge", "tf.random.normal([2**40, 2**30])"),
    ("zeros_too_big_for_int64", "tf.zeros([2**63])"),
    ("zeros_like_none", "tf.zeros_like(None)"),
    ("random_uniform_bad_bounds", "tf.random.uniform([2], minval=1, maxval=0, dtype=tf.int32)"),
    ("random_uniform_int_no_max", "tf.random.uniform([2], dtype=tf.int32)"),
    ("truncated_normal_negative", "tf.random.truncated_normal([-2])"),
]

AXES = [
    ("reduce_sum_axis", f"tf.reduce_sum({F2}, axis=2)"),
    ("reduce_mean_neg_axis", f"tf.reduce_mean({F2}, axis=-3)"),
    ("reduce_max_axis", f"tf.reduce_max({F}, axis=5)"),
    ("reduce_prod_axis_list", f"tf.reduce_prod({F2}, axis=[0, 2])"),
    ("reduce_sum_axis_list", f"tf.reduce_sum({F2}, axis=[2])"),
    ("reduce_max_axis_tensor", f"tf.reduce_max({F2}, axis=tf.constant(2))"),
    ("reduce_logsumexp_axis_list", f"tf.reduce_logsumexp({F2}, axis=[2])"),
    ("l2_normalize_axis_list", f"tf.math.l2_normalize({F}, axis=[2])"),
    ("reduce_sum_float_axis", f"tf.reduce_sum({F2}, axis=1.5)"),
    ("reduce_sum_str_axis", f"tf.reduce_sum({F2}, axis='a')", FL),
    ("reduce_any_float", f"tf.reduce_any({F})"),
    ("argmax_axis", f"tf.argmax({F2}, axis=2)"),
    ("argmin_neg_axis", f"tf.argmin({F2}, axis=-3)"),
    ("argmax_empty", "tf.argmax(tf.zeros([0]))"),
    ("softmax_axis", f"tf.nn.softmax({F2}, axis=2)"),
    ("log_softmax_axis", f"tf.nn.log_softmax({F2}, axis=-3)"),
    ("concat_axis", f"tf.concat([{F2}, {F2}], 3)"),
    ("stack_axis", f"tf.stack([{F}, {F}], axis=3)"),
    ("cumsum_axis", f"tf.cumsum({F}, axis=1)"),
    ("norm_bad_ord", f"tf.norm({F}, ord='bad')"),
    ("l2_normalize_axis", f"tf.math.l2_normalize({F}, axis=2)"),
    ("reduce_logsumexp_axis", f"tf.reduce_logsumexp({F}, axis=1)"),
    ("moments_axes", f"tf.nn.moments({F}, axes=[1])"),
]

DTYPE_NAMES = [
    ("as_dtype_unknown", "tf.as_dtype('foo')"),
    ("as_dtype_int", "tf.as_dtype(1000)"),
    ("as_dtype_none", "tf.as_dtype(None)"),
    ("cast_unknown", f"tf.cast({F}, 'foo')"),
    ("cast_string_to_float", "tf.cast(tf.constant('1.5'), tf.float32)"),
    ("cast_float_to_string", f"tf.cast({F}, tf.string)"),
    ("zeros_unknown_dtype", "tf.zeros([2], dtype='foo')"),
    ("constant_unknown_dtype", "tf.constant(1, dtype='floatx')"),
    ("variable_unknown_dtype", "tf.Variable(1.0, dtype='bad')"),
    ("dtypes_attr_missing", "tf.float128", M(r"has no attribute 'float128'")),
    ("cast_none_dtype", f"tf.cast({F}, None)"),
    ("zeros_float_tensor_shape", "tf.zeros(tf.constant([2.0]))", FL),
]

PRINT = [
    ("print_bad_stream", f"tf.print({F}, output_stream='bogus')"),
    ("print_int_stream", f"tf.print({F}, output_stream=123)"),
    ("print_unknown_kwarg", f"tf.print({F}, foo=1)"),
]

TAPE = [
    ("tape_twice", "x = tf.constant(3.0)\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
     "    y = x * x\ng.gradient(y, x)\ng.gradient(y, x)"),
    ("tape_jacobian_twice", "x = tf.constant([3.0])\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
     "    y = x * x\ng.jacobian(y, x)\ng.jacobian(y, x)"),
    ("tape_not_watched", "x = tf.constant(3.0)\nwith tf.GradientTape() as g:\n    y = x * x\n"
     "g.gradient(y, x)"),
    ("tape_target_none", "x = tf.Variable(3.0)\nwith tf.GradientTape() as g:\n    y = x * x\n"
     "g.gradient(None, x)"),
    ("tape_source_float", "x = tf.Variable(3.0)\nwith tf.GradientTape() as g:\n    y = x * x\n"
     "g.gradient(y, 3.0)"),
    ("tape_watch_float", "with tf.GradientTape() as g:\n    g.watch(3.0)"),
    ("tape_watch_ndarray", "with tf.GradientTape() as g:\n    g.watch(np.ones(2))",
     M(r"^Passed in object \[1\. 1\.\] of type 'ndarray', not tf\.Tensor")),
    ("tape_reenter", "g = tf.GradientTape()\nwith g:\n    with g:\n        pass"),
    ("tape_stop_recording_unused", "g = tf.GradientTape()\nwith g.stop_recording():\n    pass"),
    ("tape_stop_recording_exited", "with tf.GradientTape() as g:\n    pass\n"
     "with g.stop_recording():\n    pass"),
    ("tape_unconnected_bogus", "x = tf.Variable(3.0)\nwith tf.GradientTape() as g:\n    y = x * x\n"
     "g.gradient(y, x, unconnected_gradients='bogus')"),
    ("tape_batch_jacobian_rank1", "x = tf.constant([1.0, 2.0])\nwith tf.GradientTape() as g:\n"
     "    g.watch(x)\n    y = x * x\ng.batch_jacobian(y, x)"),
    ("tape_batch_jacobian_dims", "x = tf.ones([2, 2])\nwith tf.GradientTape() as g:\n"
     "    g.watch(x)\n    y = tf.ones([3, 2]) * tf.reduce_sum(x)\ng.batch_jacobian(y, x)"),
    ("tape_jacobian_no_pfor", "x = tf.constant([1.0])\nwith tf.GradientTape() as g:\n"
     "    g.watch(x)\n    y = x * x\ng.jacobian(y, x, experimental_use_pfor=False)"),
    ("tape_output_gradients_shape", "x = tf.constant([1.0, 2.0])\nwith tf.GradientTape() as g:\n"
     "    g.watch(x)\n    y = x * x\ng.gradient(y, x, output_gradients=tf.ones([3]))",
     M(r"Incompatible shapes: \[3\] vs\. \[2\]")),
    ("tape_int_source", "x = tf.constant(3)\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
     "    y = x * x\ng.gradient(y, x)"),
    ("tape_gradient_inside_then_again", "x = tf.constant(3.0)\nwith tf.GradientTape() as g:\n"
     "    g.watch(x)\n    y = x * x\n    a = g.gradient(y, x)\ng.gradient(y, x)"),
    ("tape_persistent_repeated", "x = tf.constant(3.0)\n"
     "with tf.GradientTape(persistent=True) as g:\n"
     "    g.watch(x)\n    y = x * x * x\n[g.gradient(y, x) for _ in range(3)]"),
    ("tf_gradients_eager", "tf.compat.v1.gradients(tf.constant(1.0), tf.constant(2.0))"),
]

_GD = "tf.compat.v1.train.GradientDescentOptimizer"
OPTIMIZERS = [
    ("apply_empty", f"{_GD}(0.1).apply_gradients([])"),
    ("apply_all_none", f"v = tf.Variable(1.0, name='v')\n{_GD}(0.1).apply_gradients([(None, v)])"),
    ("apply_shape_mismatch", f"v = tf.Variable(1.0)\n{_GD}(0.1).apply_gradients("
     "[(tf.constant([1.0, 2.0]), v)])", FL),
    ("apply_int_variable", f"v = tf.Variable(1)\n{_GD}(0.1).apply_gradients([(tf.constant(1), v)])",
     M(r"^No OpKernel was registered to support Op 'ResourceApplyGradientDescent'")),
    ("apply_atomic_shape", f"a = tf.Variable(1.0)\nb = tf.Variable(1.0)\ntry:\n"
     f"    {_GD}(0.5).apply_gradients([(tf.constant(1.0), a), (tf.constant([1.0]), b)])\n"
     "except Exception as e:\n    r = type(e).__name__\n(r, float(b.numpy()))"),
    ("apply_not_variable", f"{_GD}(0.1).apply_gradients([(tf.constant(1.0), tf.constant(1.0))])",
     FL),
    ("apply_not_pairs", f"v = tf.Variable(1.0)\n{_GD}(0.1).apply_gradients([v])", FL),
    ("lr_string", f"v = tf.Variable(1.0)\n{_GD}('a').apply_gradients([(tf.constant(1.0), v)])", FL),
    ("lr_none", f"v = tf.Variable(1.0)\n{_GD}(None).apply_gradients([(tf.constant(1.0), v)])", FL),
    ("adam_lr_string", "v = tf.Variable(1.0)\ntf.compat.v1.train.AdamOptimizer('a')."
     "apply_gradients([(tf.constant(1.0), v)])", FL),
    ("minimize_not_callable", f"v = tf.Variable(1.0)\n{_GD}(0.1).minimize(v * 2.0)"),
    ("compute_gradients_not_callable", f"v = tf.Variable(1.0)\n{_GD}(0.1).compute_gradients(v)"),
    ("minimize_all_none", f"v = tf.Variable(1.0)\n{_GD}(0.1).minimize(lambda: tf.constant(1.0), "
     "var_list=[v])", M(r"^No gradients provided for any variable")),
    ("momentum_missing_momentum", "tf.compat.v1.train.MomentumOptimizer(0.1)", FL),
    ("adagrad_bad_accumulator", "tf.compat.v1.train.AdagradOptimizer(0.1, "
     "initial_accumulator_value=0.0)"),
    ("keras_sgd_shape_mismatch", "v = tf.Variable([1.0, 2.0])\n"
     "tf.keras.optimizers.SGD(0.1).apply_gradients([(tf.constant([1.0, 2.0, 3.0]), v)])", FL),
    ("keras_sgd_empty", "tf.keras.optimizers.SGD(0.1).apply_gradients([])", FL),
    ("keras_sgd_lr_string", "tf.keras.optimizers.SGD('a')", FL),
    ("keras_adam_unknown_kwarg", "tf.keras.optimizers.Adam(0.1, foo=1)", FL),
]

VARIABLES = [
    ("variable_none", "tf.Variable(None)"),
    ("variable_ragged", "tf.Variable([1.0, [2.0]])"),
    ("variable_dict", "tf.Variable({'a': 1.0})"),
    ("assign_shape", "v = tf.Variable([1.0, 2.0])\nv.assign([1.0, 2.0, 3.0])"),
    ("assign_dtype_tensor", "v = tf.Variable([1.0, 2.0])\nv.assign(tf.constant([1, 2]))", FL),
    ("assign_f64_tensor", "v = tf.Variable([1.0, 2.0])\nv.assign(tf.constant([1.0, 2.0], "
     "tf.float64))", FL),
    ("assign_float_to_int", "v = tf.Variable(1)\nv.assign(1.5)"),
    ("assign_none", "v = tf.Variable(1.0)\nv.assign(None)"),
    ("assign_str", "v = tf.Variable(1.0)\nv.assign('a')"),
    ("assign_add_shape", "v = tf.Variable([1.0, 2.0])\nv.assign_add([1.0, 2.0, 3.0])"),
    ("assign_sub_shape", "v = tf.Variable([1.0, 2.0])\nv.assign_sub(tf.ones([2, 2]))"),
    ("assign_add_int_var_float", "v = tf.Variable(1)\nv.assign_add(0.5)"),
    ("assign_failed_keeps_value", "v = tf.Variable([1.0, 2.0])\ntry:\n    v.assign([1.0])\n"
     "except Exception:\n    pass\nv"),
    ("variable_shape_mismatch", "tf.Variable([1.0, 2.0], shape=[3])"),
    ("variable_float_to_int", "tf.Variable(1.0, dtype=tf.int32)"),
    ("variable_plus_str", "tf.Variable(1.0) + 'a'"),
    ("variable_bool", "bool(tf.Variable([1.0, 2.0]))"),
    ("tensor_bool_ambiguous", f"bool({F})"),
    ("tensor_len_scalar", "len(tf.constant(1.0))"),
    ("tensor_hash", f"hash({F})", FL),
    ("tensor_int_of_vector", f"int({F})"),
    ("tensor_iter_scalar", "iter(tf.constant(1.0))"),
]

CASES = [
    (case[0], case[1], case[2] if len(case) > 2 else {})
    for group in (CONVERSION, MIXED, SHAPES, INDICES, DIVISION, SIZES, AXES, DTYPE_NAMES, PRINT,
                  TAPE, OPTIMIZERS, VARIABLES)
    for case in group
]
