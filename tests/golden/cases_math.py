"""Golden cases for tf.math: elementwise ops, reductions, scans, top_k, segments, clipping.

Recorded with `TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py math`.
Transcendental kernels (Eigen vs XLA) and fused gradients may differ in the last ulp: those cases
carry rtol 1e-6; everything else is exact.
"""

R = {"rtol": 1e-6}
FL = {"first_line": True}


def _tape(expr, x, y=None):
    """d expr(x[, y]) with a GradientTape."""
    if y is None:
        return (f"x = tf.constant({x})\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
                f"    z = {expr}\ng.gradient(z, x)")
    return (f"x = tf.constant({x})\ny = tf.constant({y})\nwith tf.GradientTape() as g:\n"
            f"    g.watch([x, y])\n    z = {expr}\ng.gradient(z, [x, y])")


F32 = "[-0.9, -0.25, 0.0, 0.3, 0.75]"
POS = "[0.25, 0.5, 1.0, 2.0, 7.5]"
F64 = "np.array([0.1, 0.5, 0.9])"
C = "np.array([1+2j, -0.5+0.25j], np.complex64)"

# name, expression template ({} = input), float32 input, allows complex
UNARY = [
    ("sqrt", "tf.sqrt", POS, True),
    ("rsqrt", "tf.math.rsqrt", POS, True),
    ("exp", "tf.exp", F32, True),
    ("expm1", "tf.math.expm1", F32, True),
    ("log", "tf.math.log", POS, True),
    ("log1p", "tf.math.log1p", POS, True),
    ("sin", "tf.sin", F32, True),
    ("cos", "tf.cos", F32, True),
    ("tan", "tf.tan", F32, True),
    ("asin", "tf.asin", F32, True),
    ("acos", "tf.acos", F32, True),
    ("atan", "tf.atan", F32, True),
    ("sinh", "tf.sinh", F32, True),
    ("cosh", "tf.cosh", F32, True),
    ("tanh", "tf.tanh", F32, True),
    ("sigmoid", "tf.sigmoid", F32, True),
    ("reciprocal", "tf.math.reciprocal", POS, True),
    ("square", "tf.square", F32, True),
    ("negative", "tf.negative", F32, True),
    ("abs", "tf.abs", F32, False),
    ("sign", "tf.sign", F32, True),
    ("floor", "tf.floor", "[-1.5, -0.5, 0.0, 0.5, 2.7]", False),
    ("ceil", "tf.math.ceil", "[-1.5, -0.5, 0.0, 0.5, 2.7]", False),
    ("round", "tf.round", "[-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.49999997]", False),
]


def _unary_cases():
    cases = []
    for name, fn, x, cplx in UNARY:
        cases += [
            (f"{name}_f32", f"{fn}(tf.constant({x}))", R),
            (f"{name}_f64", f"{fn}(tf.constant(np.array({x})))", R),
            (f"{name}_f16", f"{fn}(tf.constant({x}, tf.float16))", {"rtol": 1e-3}),
            (f"{name}_scalar_py", f"{fn}(0.5)", R),
            (f"{name}_grad", _tape(f"{fn}(x)", x), R),
            (f"{name}_grad_f64", _tape(f"{fn}(x)", f"np.array({x})"), R),
            (f"{name}_bool", f"{fn}(tf.constant([True]))", FL),
            (f"{name}_string", f"{fn}(tf.constant(['a']))", FL),
        ]
        if cplx:
            cases.append((f"{name}_c64", f"{fn}(tf.constant({C}))", {"rtol": 1e-5}))
        if name not in ("square", "negative", "abs", "sign", "round"):
            cases.append((f"{name}_int", f"{fn}(tf.constant([1, 2]))", FL))
    return cases


INT_CASES = [
    ("square_int", "tf.square(tf.constant([-3, 4]))"),
    ("square_uint8", "tf.square(tf.constant([3, 20], tf.uint8))"),
    ("negative_int", "tf.negative(tf.constant([-3, 4]))"),
    ("negative_uint8", "tf.negative(tf.constant([3], tf.uint8))", FL),
    ("abs_int", "tf.abs(tf.constant([-3, 4, -2**31]))"),
    ("abs_int64", "tf.abs(tf.constant([-3, 4], tf.int64))"),
    ("sign_int", "tf.sign(tf.constant([2, 0, -3]))"),
    ("sign_int8", "tf.sign(tf.constant([2, 0, -3], tf.int8))"),
    ("sign_uint8", "tf.sign(tf.constant([2], tf.uint8))", FL),
    ("sign_nan_zero", "tf.sign(tf.constant([np.nan, -0.0, 0.0, -np.inf]))"),
    ("round_int", "tf.round(tf.constant([1, -2]))"),
    ("round_int64", "tf.round(tf.constant([1, -2], tf.int64))"),
    ("round_neg_zero", "tf.round(tf.constant([-0.4, 0.4]))"),
    ("floor_neg", "tf.floor(tf.constant([-0.0, -2.0000002]))"),
    ("sqrt_neg", "tf.sqrt(tf.constant([-1.0]))"),
    ("log_zero_neg", "tf.math.log(tf.constant([0.0, -1.0]))"),
    ("rsqrt_zero", "tf.math.rsqrt(tf.constant([0.0, -0.0]))"),
    ("reciprocal_zero", "tf.math.reciprocal(tf.constant([0.0, -0.0]))"),
    ("exp_overflow", "tf.exp(tf.constant([100.0, -200.0]))"),
    ("sigmoid_extremes", "tf.sigmoid(tf.constant([-100.0, 100.0, 0.0]))", R),
    ("tanh_extremes", "tf.tanh(tf.constant([-20.0, 20.0, 0.0]))", R),
    ("asin_out", "tf.asin(tf.constant([2.0]))"),
    ("tf_sqrt_var", "tf.sqrt(tf.Variable([4.0, 9.0]))"),
    ("nn_tanh_same", "tf.nn.tanh is tf.math.tanh and tf.nn.sigmoid is tf.sigmoid"),
    ("round_bf16", "tf.round(tf.constant([0.5, 1.5, 2.5], tf.bfloat16))"),
]

# TF's gradient conventions where they differ from JAX's.
CONVENTION_CASES = [
    ("grad_sqrt_zero_upstream", _tape("tf.sqrt(x) * 0.0", "[0.0, 4.0]")),
    ("grad_sqrt_at_zero", _tape("tf.sqrt(x)", "[0.0, 4.0]")),
    ("grad_sqrt_masked", _tape("tf.sqrt(x) * tf.constant([0.0, 1.0])", "[0.0, 4.0]")),
    ("grad_rsqrt_zero_upstream", _tape("tf.math.rsqrt(x) * 0.0", "[0.0, 4.0]")),
    ("grad_rsqrt_at_zero", _tape("tf.math.rsqrt(x)", "[0.0, 4.0]")),
    ("grad_sqrt_second_order",
     "x = tf.constant(4.0)\nwith tf.GradientTape() as g2:\n    g2.watch(x)\n"
     "    with tf.GradientTape() as g1:\n        g1.watch(x)\n        z = tf.sqrt(x)\n"
     "    dz = g1.gradient(z, x)\ng2.gradient(dz, x)", R),
    ("grad_pow_neg_base", _tape("tf.pow(x, y)", "[-2.0, 0.0, 2.0]", "[2.0, 2.0, 2.0]"), R),
    ("grad_pow_zero_zero", _tape("tf.pow(x, y)", "[0.0]", "[0.0]")),
    ("grad_pow_half", _tape("tf.pow(x, y)", "[0.0, 4.0]", "[0.5, 0.5]"), R),
    ("grad_pow_bcast", _tape("x ** y", "[1.5, 2.0, 3.0]", "2.0"), R),
    ("grad_pow_operator_const", _tape("x ** 3", "[-1.0, 0.0, 2.0]"), R),
    ("grad_clip_at_bounds", _tape("tf.clip_by_value(x, 1.0, 3.0)", "[0.0, 1.0, 2.0, 3.0, 4.0]")),
    ("grad_clip_bounds_tensors",
     _tape("tf.clip_by_value(x, y, 3.0)", "[0.0, 1.0, 2.0, 3.0, 4.0]", "1.0")),
    ("grad_abs_zero", _tape("tf.abs(x)", "[-1.0, 0.0, 2.0]")),
    ("grad_max_tie", _tape("tf.maximum(x, y)", "[1.0, 2.0]", "[1.0, 3.0]")),
    ("grad_reduce_max_ties", _tape("tf.reduce_max(x)", "[1.0, 3.0, 3.0, 2.0]")),
    ("grad_reduce_min_ties", _tape("tf.reduce_min(x, axis=1)", "[[1.0, 1.0], [2.0, 0.5]]")),
    ("grad_reduce_max_three", _tape("tf.reduce_max(x)", "[3.0, 3.0, 3.0]")),
    ("grad_cumprod_zero", _tape("tf.math.cumprod(x)", "[2.0, 0.0, 3.0]")),
    ("grad_cumprod", _tape("tf.math.cumprod(x)", "[2.0, 0.5, 3.0]"), R),
    ("grad_cumprod_excl_rev",
     _tape("tf.math.cumprod(x, exclusive=True, reverse=True)", "[2.0, 0.5, 3.0]"), R),
    ("grad_cumprod_two_zeros", _tape("tf.math.cumprod(x)", "[0.0, 2.0, 0.0]")),
    ("grad_euclidean_norm_zero", _tape("tf.math.reduce_euclidean_norm(x)", "[0.0, 0.0]")),
]

A = "tf.constant([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]])"
B = "tf.constant([2.0, -4.0, 0.5])"
IA = "tf.constant([7, -7, 6, -6, 0])"
IB = "tf.constant([2, 2, -4, -4, 3])"

BINARY_CASES = [
    ("add_bcast", f"tf.add({A}, {B})"),
    ("add_int64", "tf.add(tf.constant([1], tf.int64), 2**40)"),
    ("add_uint8_wrap", "tf.add(tf.constant([250], tf.uint8), tf.constant([10], tf.uint8))"),
    ("add_complex", f"tf.add(tf.constant({C}), tf.constant({C}))"),
    ("add_shape_error", f"tf.add({A}, tf.constant([1.0, 2.0]))"),
    ("subtract_bcast", f"tf.subtract({A}, {B})"),
    ("subtract_int8", "tf.subtract(tf.constant([-128], tf.int8), tf.constant([1], tf.int8))"),
    ("multiply_bcast", f"tf.multiply({A}, {B})"),
    ("multiply_v1", f"tf.compat.v1.multiply({A}, 2.0)"),
    ("multiply_bool", "tf.multiply(tf.constant([True]), tf.constant([True]))", FL),
    ("divide_bcast", f"tf.divide({A}, {B})"),
    ("divide_int", "tf.divide(tf.constant([7, -7]), tf.constant([2, 2]))"),
    ("divide_int16", "tf.divide(tf.constant([7], tf.int16), tf.constant([2], tf.int16))"),
    ("divide_zero", "tf.divide(tf.constant([1.0, -1.0, 0.0]), 0.0)"),
    ("truediv_py", f"tf.truediv({B}, 3.0)"),
    ("realdiv_grad", _tape("x / y", "[1.0, 2.0]", "[3.0, -0.5]")),
    ("floordiv_int", f"tf.math.floordiv({IA}, {IB})"),
    ("floordiv_float",
     "tf.math.floordiv(tf.constant([1.0, -1.0, 7.5]), tf.constant([0.1, 0.1, 2.0]))"),
    ("floordiv_float_zero", "tf.math.floordiv(tf.constant([1.0, -1.0, 0.0]), 0.0)"),
    ("floordiv_uint8_zero",
     "tf.math.floordiv(tf.constant([1], tf.uint8), tf.constant([0], tf.uint8))"),
    ("floordiv_int64", "tf.math.floordiv(tf.constant([-7], tf.int64), 2)"),
    ("floordiv_v1", "tf.compat.v1.floordiv(tf.constant([-7]), 2)"),
    ("floordiv_grad_none", _tape("tf.math.floordiv(x, 2.0)", "[3.0]")),
    ("floormod_int", f"tf.math.floormod({IA}, {IB})"),
    ("mod_float",
     "tf.math.mod(tf.constant([7.5, -7.5, 7.5, -7.5]), tf.constant([2.0, 2.0, -2.0, -2.0]))"),
    ("mod_v1", "tf.compat.v1.mod(tf.constant([-7]), 3)"),
    ("mod_float_zero", "tf.math.floormod(tf.constant([1.0]), 0.0)"),
    ("mod_int_zero", "tf.math.floormod(tf.constant([1, 2]), tf.constant([1, 0]))"),
    ("mod_grad", _tape("tf.math.floormod(x, y)", "[7.5, -7.5]", "[2.0, 2.0]")),
    ("mod_complex", f"tf.math.floormod(tf.constant({C}), tf.constant({C}))", FL),
    ("truncatediv_int", f"tf.truncatediv({IA}, {IB})"),
    ("truncatediv_float", "tf.truncatediv(tf.constant([7.0, -7.0]), tf.constant([2.0, 2.0]))"),
    ("truncatediv_zero", "tf.truncatediv(tf.constant([7, -7]), tf.constant([2, 0]))"),
    ("truncatediv_uint8", "tf.truncatediv(tf.constant([7], tf.uint8), tf.constant([2], tf.uint8))"),
    ("truncatemod_int", f"tf.truncatemod({IA}, {IB})"),
    ("truncatemod_float", "tf.truncatemod(tf.constant([7.5, -7.5]), tf.constant([2.0, -2.0]))"),
    ("truncatemod_zero", "tf.truncatemod(tf.constant([7]), tf.constant([0]))"),
    ("truncatemod_bool", "tf.truncatemod(tf.constant([True]), tf.constant([True]))", FL),
    ("div_v1_int", "tf.compat.v1.div(tf.constant([7, -7]), tf.constant([2, 2]))"),
    ("div_v1_float", "tf.compat.v1.div(tf.constant([7.0]), 2)"),
    ("div_v1_int_zero", "tf.compat.v1.div(tf.constant([7]), 0)"),
    ("div_v1_mismatch", "tf.compat.v1.div(tf.constant([7]), tf.constant([2.0]))"),
    ("div_v1_py", "tf.compat.v1.div(7, 2)"),
    ("pow_int", "tf.pow(tf.constant([2, -3]), tf.constant([3, 3]))"),
    ("pow_int_neg_exp", "tf.pow(tf.constant([2]), tf.constant([-1]))"),
    ("pow_float", "tf.pow(tf.constant([2.0, -2.0, 0.0]), tf.constant([0.5, 2.0, 0.0]))", R),
    ("pow_bcast", f"tf.pow({A}, 2.0)", R),
    ("atan2", "tf.atan2(tf.constant([1.0, -1.0, 0.0, 0.0]), tf.constant([1.0, 1.0, -1.0, 0.0]))",
     R),
    ("atan2_f64", "tf.math.atan2(tf.constant(np.array([1.0])), tf.constant(np.array([2.0])))", R),
    ("atan2_int", "tf.atan2(tf.constant([1]), tf.constant([1]))", FL),
    ("atan2_grad", _tape("tf.atan2(x, y)", "[1.0, -2.0]", "[0.5, 3.0]"), R),
    ("squared_difference", f"tf.math.squared_difference({A}, {B})"),
    ("squared_difference_int", "tf.math.squared_difference(tf.constant([1, 2]), 3)"),
    ("squared_difference_c64", f"tf.math.squared_difference(tf.constant({C}), 1+1j)"),
    ("squared_difference_v1", "tf.compat.v1.squared_difference(tf.constant([1.0]), 3.0)"),
    ("squared_difference_grad", _tape("tf.math.squared_difference(x, y)", "[1.0, 2.0]",
                                      "[3.0, -1.0]")),
    ("squared_difference_uint8", "tf.math.squared_difference(tf.constant([1], tf.uint8), "
                                 "tf.constant([3], tf.uint8))", FL),
    ("maximum_int", "tf.maximum(tf.constant([1, 5]), tf.constant([3, 2]))"),
    ("maximum_nan", "tf.maximum(tf.constant([np.nan, 1.0]), tf.constant([1.0, np.nan]))"),
    ("minimum_nan", "tf.minimum(tf.constant([np.nan, 1.0]), tf.constant([1.0, np.nan]))"),
    ("minimum_uint8", "tf.minimum(tf.constant([1, 5], tf.uint8), tf.constant([3, 2], tf.uint8))"),
    ("maximum_bool", "tf.maximum(tf.constant([True]), tf.constant([False]))", FL),
    ("add_n", "tf.add_n([tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0]), "
              "tf.constant([5.0, 6.0])])"),
    ("add_n_int", "tf.math.add_n([tf.constant([1]), tf.constant([2])])"),
    ("add_n_one", "tf.add_n([tf.constant([1.0])])"),
    ("add_n_one_py", "tf.add_n([[1, 2]])"),
    ("add_n_py_lists", "tf.add_n([[1.0, 2.0], [3.0, 4.0]])"),
    ("add_n_empty", "tf.add_n([])"),
    ("add_n_shape", "tf.add_n([tf.constant([1.0]), tf.constant([1.0, 2.0])])"),
    ("add_n_shape3", "tf.add_n([tf.constant([1.0]), tf.constant([1.0]), tf.constant([1.0, 2.0])])"),
    ("add_n_dtype", "tf.add_n([tf.constant(1.0), tf.constant(1)])"),
    ("add_n_grad",
     "x = tf.constant([1.0, 2.0])\ny = tf.constant([3.0, 4.0])\nwith tf.GradientTape() as g:\n"
     "    g.watch([x, y])\n    z = tf.add_n([x, y, x]) * tf.constant([1.0, 2.0])\n"
     "g.gradient(z, [x, y])"),
    ("add_n_not_list", "tf.add_n(tf.constant([1.0]))"),
]

PRED_CASES = [
    ("is_nan", "tf.math.is_nan(tf.constant([1.0, np.nan, np.inf, -np.inf]))"),
    ("is_inf", "tf.math.is_inf(tf.constant([1.0, np.nan, np.inf, -np.inf]))"),
    ("is_finite", "tf.math.is_finite(tf.constant([1.0, np.nan, np.inf, -np.inf]))"),
    ("is_nan_f64", "tf.math.is_nan(tf.constant(np.array([np.nan])))"),
    ("is_nan_f16", "tf.math.is_nan(tf.constant([np.nan], tf.float16))"),
    ("is_nan_int", "tf.math.is_nan(tf.constant([1]))", FL),
    ("is_inf_complex", f"tf.math.is_inf(tf.constant({C}))", FL),
    ("is_finite_v1", "tf.compat.v1.is_finite(tf.constant([1.0]))"),
    ("is_nan_debugging", "tf.compat.v1.debugging.is_nan(tf.constant([np.nan]))"),
    ("is_nan_grad", _tape("tf.cast(tf.math.is_nan(x), tf.float32) * x", "[1.0]")),
    ("logical_and", "tf.logical_and(tf.constant([True, True, False]), "
                    "tf.constant([True, False, False]))"),
    ("logical_or_bcast", "tf.logical_or(tf.constant([[True], [False]]), "
                         "tf.constant([True, False]))"),
    ("logical_xor", "tf.math.logical_xor(tf.constant([True, True, False]), "
                    "tf.constant([True, False, False]))"),
    ("logical_xor_v1", "tf.compat.v1.logical_xor(tf.constant([True]), False)"),
    ("logical_not", "tf.logical_not(tf.constant([True, False]))"),
    ("logical_and_int", "tf.logical_and(tf.constant([1]), tf.constant([1]))"),
    ("logical_not_int", "tf.logical_not(tf.constant([1]))"),
    ("equal_bcast", f"tf.equal({A}, {B})"),
    ("equal_str", "tf.equal(tf.constant(['a', 'b']), 'a')"),
    ("equal_nan", "tf.equal(tf.constant([np.nan]), tf.constant([np.nan]))"),
    ("not_equal_int", "tf.not_equal(tf.constant([1, 2]), 2)"),
    ("less", f"tf.less({A}, {B})"),
    ("less_equal", f"tf.less_equal({A}, 1.0)"),
    ("greater", f"tf.greater({A}, {B})"),
    ("greater_equal_uint8",
     "tf.greater_equal(tf.constant([1, 5], tf.uint8), tf.constant([5, 1], tf.uint8))"),
    ("less_shape_error", f"tf.less({A}, tf.constant([1.0, 2.0]))"),
    ("less_bool", "tf.less(tf.constant([True]), tf.constant([False]))", FL),
    ("less_complex", f"tf.less(tf.constant({C}), tf.constant({C}))", FL),
]

CLIP_CASES = [
    ("clip_by_value", "tf.clip_by_value(tf.constant([1.0, 5.0, 3.0]), 2.0, 4.0)"),
    ("clip_by_value_int", "tf.clip_by_value(tf.constant([1, 5, 3]), 2, 4)"),
    ("clip_by_value_int_float", "tf.clip_by_value(tf.constant([1, 5]), 2.0, 4.0)"),
    ("clip_by_value_tensor_bounds",
     "tf.clip_by_value(tf.constant([[1.0, 5.0], [3.0, 0.0]]), tf.constant([2.0, 1.0]), 4.0)"),
    ("clip_by_value_bcast_error", "tf.clip_by_value(tf.constant(1.0), [2.0, 3.0], 4.0)"),
    ("clip_by_value_py", "tf.clip_by_value([1.0, 9.0], 2.0, 4.0)"),
    ("clip_by_value_nan", "tf.clip_by_value(tf.constant([np.nan]), 0.0, 1.0)"),
    ("clip_by_value_inverted", "tf.clip_by_value(tf.constant([1.0, 5.0]), 4.0, 2.0)"),
    ("clip_by_norm", "tf.clip_by_norm(tf.constant([3.0, 4.0]), 2.0)", R),
    ("clip_by_norm_small", "tf.clip_by_norm(tf.constant([3.0, 4.0]), 10.0)", R),
    ("clip_by_norm_axes", "tf.clip_by_norm(tf.constant([[3.0, 4.0], [0.3, 0.4]]), 1.0, axes=[1])",
     R),
    ("clip_by_norm_zero", "tf.clip_by_norm(tf.constant([0.0, 0.0]), 1.0)"),
    ("clip_by_norm_negative", "tf.clip_by_norm(tf.constant([3.0, 4.0]), -1.0)"),
    ("clip_by_norm_tensor", "tf.clip_by_norm(tf.constant([3.0, 4.0]), tf.constant(2.0))", R),
    ("clip_by_norm_f64", "tf.clip_by_norm(tf.constant(np.array([3.0, 4.0])), 1.0)", R),
    ("clip_by_norm_grad", _tape("tf.clip_by_norm(x, 2.0)", "[3.0, 4.0]"), R),
    ("clip_by_norm_grad_zero", _tape("tf.clip_by_norm(x, 2.0)", "[0.0, 0.0]")),
    ("clip_by_norm_grad_tie", _tape("tf.clip_by_norm(x, 5.0)", "[3.0, 4.0]"), R),
    ("global_norm", "tf.linalg.global_norm([tf.constant([3.0]), tf.constant([[4.0, 12.0]])])", R),
    ("global_norm_v1", "tf.compat.v1.global_norm([tf.constant([3.0, 4.0]), None])", R),
    ("global_norm_not_list", "tf.linalg.global_norm(tf.constant([3.0]))"),
    ("global_norm_grad", _tape("tf.linalg.global_norm([x, 2.0 * x])", "[3.0, 4.0]"), R),
    ("clip_by_global_norm",
     "tf.clip_by_global_norm([tf.constant([3.0]), tf.constant([4.0, 0.0])], 2.5)", R),
    ("clip_by_global_norm_noclip",
     "tf.clip_by_global_norm([tf.constant([3.0]), tf.constant([4.0])], 10.0)", R),
    ("clip_by_global_norm_none",
     "tf.clip_by_global_norm([tf.constant([3.0]), None, tf.constant([4.0])], 1.0)", R),
    ("clip_by_global_norm_use_norm",
     "tf.clip_by_global_norm([tf.constant([3.0]), tf.constant([4.0])], 1.0, use_norm=10.0)", R),
    ("clip_by_global_norm_inf",
     "tf.clip_by_global_norm([tf.constant([np.inf]), tf.constant([4.0])], 1.0)"),
    ("clip_by_global_norm_tuple_type",
     "type(tf.clip_by_global_norm([tf.constant([3.0])], 1.0)).__name__"),
    ("clip_by_global_norm_grad",
     "x = tf.constant([3.0, 4.0])\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
     "    c, n = tf.clip_by_global_norm([x], 2.0)\n    z = c[0] * tf.constant([1.0, 2.0])\n"
     "g.gradient(z, x)", R),
    ("clip_by_global_norm_not_list", "tf.clip_by_global_norm(tf.constant([3.0]), 1.0)"),
]

M = "tf.constant([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])"
MI = "tf.constant([[1, 5, 3], [4, 2, 6]])"
BOOL2 = "tf.constant([[True, False], [True, True]])"

REDUCE_CASES = [
    ("max_all", f"tf.reduce_max({M})"),
    ("max_axis", f"tf.reduce_max({M}, axis=1)"),
    ("max_keepdims", f"tf.reduce_max({M}, 0, keepdims=True)"),
    ("max_int", f"tf.reduce_max({MI}, axis=-1)"),
    ("max_uint8", "tf.reduce_max(tf.constant([3, 250], tf.uint8))"),
    ("max_nan", "tf.reduce_max(tf.constant([1.0, np.nan, 2.0]))"),
    ("max_empty", "tf.reduce_max(tf.constant([], tf.float32))"),
    ("max_empty_int", "tf.reduce_max(tf.constant([], tf.int32))"),
    ("max_empty_axis", "tf.reduce_max(tf.constant(np.zeros((2, 0), np.float32)), axis=1)"),
    ("max_bool", "tf.reduce_max(tf.constant([True]))", FL),
    ("max_v1_keep_dims", f"tf.compat.v1.reduce_max({M}, reduction_indices=[1], keep_dims=True)"),
    ("max_axis_oob", f"tf.reduce_max({M}, axis=2)"),
    ("max_axis_tuple", f"tf.reduce_max({M}, axis=(0, 1))"),
    ("max_grad_axis", _tape("tf.reduce_max(x, axis=0)", "[[1.0, 5.0], [4.0, 5.0]]")),
    ("min_all", f"tf.reduce_min({M})"),
    ("min_axis", f"tf.reduce_min({MI}, axis=0)"),
    ("min_empty", "tf.reduce_min(tf.constant([], tf.float64))"),
    ("min_empty_int", "tf.reduce_min(tf.constant([], tf.int64))"),
    ("min_v1", f"tf.compat.v1.reduce_min({M}, reduction_indices=0)"),
    ("prod_all", f"tf.reduce_prod({M})"),
    ("prod_axis_int", f"tf.reduce_prod({MI}, 1)"),
    ("prod_empty", "tf.reduce_prod(tf.constant([], tf.float32))"),
    ("prod_bool", "tf.reduce_prod(tf.constant([True]))", FL),
    ("prod_v1", f"tf.compat.v1.reduce_prod({M}, 1, keep_dims=True)"),
    ("prod_grad", _tape("tf.reduce_prod(x)", "[2.0, 3.0, 4.0]")),
    ("prod_grad_zero", _tape("tf.reduce_prod(x)", "[2.0, 0.0, 4.0]")),
    ("prod_complex", f"tf.reduce_prod(tf.constant({C}))", R),
    ("any_all", f"tf.reduce_any({BOOL2})"),
    ("any_axis", f"tf.reduce_any({BOOL2}, axis=0)"),
    ("all_axis", f"tf.reduce_all({BOOL2}, axis=1)"),
    ("all_empty", "tf.reduce_all(tf.constant([], tf.bool))"),
    ("any_empty", "tf.reduce_any(tf.constant([], tf.bool))"),
    ("any_int", "tf.reduce_any(tf.constant([1]))"),
    ("all_v1", f"tf.compat.v1.reduce_all({BOOL2}, reduction_indices=1, keep_dims=True)"),
    ("sum_int8", "tf.reduce_sum(tf.constant([100, 100], tf.int8))"),
    ("sum_complex", f"tf.reduce_sum(tf.constant({C}))"),
    ("sum_grad_axis", _tape("tf.reduce_sum(x, axis=1) * tf.constant([1.0, 2.0])",
                            "[[1.0, 2.0], [3.0, 4.0]]")),
    ("sum_dup_axis", f"tf.reduce_sum({M}, axis=[0, 0])"),
    ("mean_grad_keepdims",
     _tape("tf.reduce_mean(x, 0, keepdims=True)", "[[1.0, 2.0], [3.0, 4.0]]")),
    ("logsumexp", f"tf.reduce_logsumexp({M})", R),
    ("logsumexp_axis", f"tf.reduce_logsumexp({M}, axis=1)", R),
    ("logsumexp_keepdims", f"tf.reduce_logsumexp({M}, axis=0, keepdims=True)", R),
    ("logsumexp_large", "tf.reduce_logsumexp(tf.constant([1000.0, 1000.0]))", R),
    ("logsumexp_inf", "tf.reduce_logsumexp(tf.constant([-np.inf, -np.inf]))"),
    ("logsumexp_posinf", "tf.reduce_logsumexp(tf.constant([np.inf, 1.0]))"),
    ("logsumexp_empty", "tf.reduce_logsumexp(tf.constant([], tf.float32))"),
    ("logsumexp_v1", f"tf.compat.v1.reduce_logsumexp({M}, reduction_indices=1, keep_dims=True)",
     R),
    ("logsumexp_int", f"tf.reduce_logsumexp({MI})", FL),
    ("logsumexp_grad", _tape("tf.reduce_logsumexp(x)", "[1.0, 2.0, 3.0]"), R),
    ("variance", f"tf.math.reduce_variance({M})", R),
    ("variance_axis", f"tf.math.reduce_variance({M}, axis=0)", R),
    ("variance_keepdims", f"tf.math.reduce_variance({M}, axis=1, keepdims=True)", R),
    ("variance_f64", "tf.math.reduce_variance(tf.constant(np.array([1.0, 2.0, 4.0])))", R),
    ("variance_complex", f"tf.math.reduce_variance(tf.constant({C}))", R),
    ("variance_int", f"tf.math.reduce_variance({MI})"),
    ("variance_grad", _tape("tf.math.reduce_variance(x)", "[1.0, 2.0, 4.0]"), R),
    ("std", f"tf.math.reduce_std({M})", R),
    ("std_axis", f"tf.math.reduce_std({M}, axis=1)", R),
    ("std_int", f"tf.math.reduce_std({MI})"),
    ("std_grad", _tape("tf.math.reduce_std(x)", "[1.0, 2.0, 4.0]"), R),
    ("std_grad_const", _tape("tf.math.reduce_std(x)", "[2.0, 2.0]")),
    ("euclidean_norm", f"tf.math.reduce_euclidean_norm({M})", R),
    ("euclidean_norm_axis", f"tf.math.reduce_euclidean_norm({M}, axis=1)", R),
    ("euclidean_norm_int", "tf.math.reduce_euclidean_norm(tf.constant([3, 4, 1]))"),
    ("euclidean_norm_int_axis", "tf.math.reduce_euclidean_norm(tf.constant([[3, 4], [5, 12]]), 1)"),
    ("euclidean_norm_keepdims", f"tf.math.reduce_euclidean_norm({M}, 0, keepdims=True)", R),
    ("euclidean_norm_complex", f"tf.math.reduce_euclidean_norm(tf.constant({C}))", R),
    ("euclidean_norm_grad", _tape("tf.math.reduce_euclidean_norm(x)", "[3.0, 4.0]"), R),
]

ARG_CASES = [
    ("argmax", f"tf.argmax({M})"),
    ("argmax_axis1", f"tf.argmax({M}, axis=1)"),
    ("argmax_neg_axis", f"tf.math.argmax({MI}, -1)"),
    ("argmax_int32", f"tf.argmax({M}, 1, output_type=tf.int32)"),
    ("argmax_ties", "tf.argmax(tf.constant([1, 3, 3, 2]))"),
    ("argmax_nan", "tf.argmax(tf.constant([1.0, np.nan, 3.0]))"),
    ("argmax_nan_first", "tf.argmax(tf.constant([np.nan, 1.0, 3.0]))"),
    ("argmax_all_nan", "tf.argmax(tf.constant([np.nan, np.nan]))"),
    ("argmax_bool", "tf.argmax(tf.constant([False, True]))"),
    ("argmax_uint8", "tf.argmax(tf.constant([1, 200], tf.uint8))"),
    ("argmax_empty", "tf.argmax(tf.constant([], tf.float32))"),
    ("argmax_axis_oob", "tf.argmax(tf.constant([1.0, 2.0]), 1)"),
    ("argmax_axis_tensor", f"tf.argmax({M}, tf.constant(1))"),
    ("argmax_scalar", "tf.argmax(tf.constant(1.0))"),
    ("argmax_float_type", f"tf.argmax({M}, output_type=tf.float32)", FL),
    ("argmax_string", "tf.argmax(tf.constant(['a']))", FL),
    ("argmax_v1_dimension", f"tf.compat.v1.argmax({M}, dimension=1)"),
    ("argmax_v1_both", f"tf.compat.v1.argmax({M}, axis=1, dimension=1)"),
    ("arg_max", f"tf.compat.v1.arg_max({M}, 1)"),
    ("arg_max_kw", f"tf.compat.v1.arg_max({M}, dimension=0, output_type=tf.int32)"),
    ("arg_min", f"tf.compat.v1.arg_min({M}, 1)"),
    ("argmin", f"tf.argmin({M})"),
    ("argmin_axis1", f"tf.math.argmin({MI}, axis=1)"),
    ("argmin_ties", "tf.argmin(tf.constant([3, 1, 1]))"),
    ("argmin_nan", "tf.argmin(tf.constant([1.0, np.nan, 0.5]))"),
    ("argmin_v1_dimension", f"tf.compat.v1.argmin({M}, dimension=0)"),
    ("argmax_grad_none", _tape("tf.cast(tf.argmax(x), tf.float32)", "[1.0, 2.0]")),
]

SCAN_CASES = [
    ("cumsum", "tf.cumsum(tf.constant([1, 2, 3, 4]))"),
    ("cumsum_float", "tf.cumsum(tf.constant([0.5, 1.25, 3.0]))"),
    ("cumsum_exclusive", "tf.cumsum(tf.constant([1, 2, 3]), exclusive=True)"),
    ("cumsum_reverse", "tf.cumsum(tf.constant([1, 2, 3]), reverse=True)"),
    ("cumsum_excl_rev", "tf.math.cumsum(tf.constant([1, 2, 3]), exclusive=True, reverse=True)"),
    ("cumsum_axis1", f"tf.cumsum({M}, axis=1)"),
    ("cumsum_axis_neg", f"tf.cumsum({MI}, axis=-2, exclusive=True)"),
    ("cumsum_axis_oob", "tf.cumsum(tf.constant([1, 2, 3]), axis=1)"),
    ("cumsum_axis_tensor", f"tf.cumsum({M}, tf.constant(1))"),
    ("cumsum_scalar", "tf.cumsum(tf.constant(3.0))"),
    ("cumsum_bool", "tf.cumsum(tf.constant([True]))", FL),
    ("cumsum_uint8", "tf.cumsum(tf.constant([200, 100], tf.uint8))"),
    ("cumsum_grad", _tape("tf.cumsum(x) * tf.constant([1.0, 2.0, 3.0])", "[1.0, 2.0, 3.0]")),
    ("cumsum_grad_excl_rev",
     _tape("tf.cumsum(x, exclusive=True, reverse=True) * tf.constant([1.0, 2.0, 3.0])",
           "[1.0, 2.0, 3.0]")),
    ("cumprod", "tf.math.cumprod(tf.constant([1, 2, 3, 4]))"),
    ("cumprod_v1", "tf.compat.v1.cumprod(tf.constant([2.0, 3.0]))"),
    ("cumprod_exclusive", "tf.math.cumprod(tf.constant([2, 3, 4]), exclusive=True)"),
    ("cumprod_reverse", "tf.math.cumprod(tf.constant([2, 3, 4]), reverse=True)"),
    ("cumprod_excl_rev", "tf.math.cumprod(tf.constant([2.0, 3.0, 4.0]), exclusive=True, "
                         "reverse=True)"),
    ("cumprod_axis", f"tf.math.cumprod({M}, axis=1)"),
    ("cumprod_complex", f"tf.math.cumprod(tf.constant({C}))", R),
]

TOPK_CASES = [
    ("top_k", "tf.math.top_k(tf.constant([1.0, 3.0, 2.0, 5.0]), 2)"),
    ("top_k_default", "tf.math.top_k(tf.constant([1.0, 3.0, 2.0]))"),
    ("top_k_nn", "tf.nn.top_k(tf.constant([[1, 3, 2], [6, 5, 4]]), k=2)"),
    ("top_k_ties", "tf.math.top_k(tf.constant([1, 3, 3, 2, 3]), 3)"),
    ("top_k_int64_index", "tf.math.top_k(tf.constant([1.0, 3.0]), 1, index_type=tf.int64)"),
    ("top_k_k0", "tf.math.top_k(tf.constant([1.0, 3.0]), 0)"),
    ("top_k_too_big", "tf.math.top_k(tf.constant([1.0, 3.0, 2.0]), 5)"),
    ("top_k_negative", "tf.math.top_k(tf.constant([1.0, 3.0, 2.0]), -1)"),
    ("top_k_scalar", "tf.math.top_k(tf.constant(1.0), 1)"),
    ("top_k_unsorted_values",
     "np.sort(tf.math.top_k(tf.constant([1.0, 3.0, 2.0, 5.0]), 3, sorted=False).values.numpy())"),
    ("top_k_fields", "tf.math.top_k(tf.constant([1.0, 3.0]), 1).indices"),
    ("top_k_type", "type(tf.math.top_k(tf.constant([1.0]), 1)).__name__"),
    ("top_k_k_tensor", "tf.math.top_k(tf.constant([1.0, 3.0, 2.0]), tf.constant(2))"),
    ("top_k_grad", _tape("tf.math.top_k(x, 2).values * tf.constant([1.0, 10.0])",
                         "[[1.0, 3.0, 2.0], [6.0, 5.0, 4.0]]")),
    ("top_k_bool", "tf.math.top_k(tf.constant([True]), 1)", FL),
]

COUNT_CASES = [
    ("count_nonzero", "tf.math.count_nonzero(tf.constant([[0, 1, 2], [0, 0, 3]]))"),
    ("count_nonzero_axis", "tf.math.count_nonzero(tf.constant([[0, 1, 2], [0, 0, 3]]), axis=1)"),
    ("count_nonzero_keepdims",
     "tf.math.count_nonzero(tf.constant([[0.0, 1.0], [0.0, -0.0]]), 0, keepdims=True)"),
    ("count_nonzero_dtype",
     "tf.math.count_nonzero(tf.constant([0, 1, 2]), dtype=tf.int32)"),
    ("count_nonzero_nan", "tf.math.count_nonzero(tf.constant([np.nan, 0.0]))"),
    ("count_nonzero_bool", "tf.math.count_nonzero(tf.constant([True, False, True]))"),
    ("count_nonzero_string", "tf.math.count_nonzero(tf.constant(['', 'a', ' ', 'b', '']))"),
    ("count_nonzero_v1", "tf.compat.v1.count_nonzero(tf.constant([[0, 1], [2, 3]]), "
                         "reduction_indices=1, keep_dims=True)"),
    ("count_nonzero_v1_input", "tf.compat.v1.count_nonzero(input=tf.constant([0, 1]))"),
    ("count_nonzero_v1_input_tensor",
     "tf.compat.v1.math.count_nonzero(input_tensor=tf.constant([0, 1]))"),
    ("bincount", "tf.math.bincount(tf.constant([1, 3, 1]))"),
    ("bincount_v1", "tf.compat.v1.bincount(tf.constant([1, 3, 1]))"),
    ("bincount_minlength", "tf.math.bincount(tf.constant([1, 1]), minlength=5)"),
    ("bincount_maxlength", "tf.math.bincount(tf.constant([1, 3, 4, 1]), maxlength=2)"),
    ("bincount_weights",
     "tf.math.bincount(tf.constant([1, 3, 1]), weights=tf.constant([0.5, 2.0, 1.0]))"),
    ("bincount_weights_list", "tf.math.bincount(tf.constant([0, 0]), weights=[1.5, 2.0])"),
    ("bincount_dtype", "tf.math.bincount(tf.constant([2]), dtype=tf.float32)"),
    ("bincount_empty", "tf.math.bincount(tf.constant([], tf.int32))"),
    ("bincount_negative", "tf.math.bincount(tf.constant([1, -1]))"),
    ("bincount_2d", "tf.math.bincount(tf.constant([[1, 2], [0, 2]]))"),
    ("bincount_axis_last", "tf.math.bincount(tf.constant([[1, 2], [0, 2]]), axis=-1)"),
    ("bincount_binary", "tf.math.bincount(tf.constant([1, 1, 2]), binary_output=True)"),
    ("bincount_bad_axis", "tf.math.bincount(tf.constant([1]), axis=1)"),
    ("unsorted_segment_sum",
     "tf.math.unsorted_segment_sum(tf.constant([1, 2, 3, 4]), tf.constant([0, 2, 0, 1]), 3)"),
    ("unsorted_segment_sum_2d",
     "tf.math.unsorted_segment_sum(tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), "
     "tf.constant([1, 0, 1]), 2)"),
    ("unsorted_segment_sum_v1",
     "tf.compat.v1.unsorted_segment_sum(tf.constant([1, 2]), tf.constant([0, 0]), 1)"),
    ("unsorted_segment_sum_negative",
     "tf.math.unsorted_segment_sum(tf.constant([1, 2, 3]), tf.constant([0, -1, 1]), 3)"),
    ("unsorted_segment_sum_oob",
     "tf.math.unsorted_segment_sum(tf.constant([1, 2, 3]), tf.constant([0, 5, 1]), 3)"),
    ("unsorted_segment_sum_shape",
     "tf.math.unsorted_segment_sum(tf.constant([1, 2, 3]), tf.constant([0, 1]), 3)"),
    ("unsorted_segment_sum_tensor_n",
     "tf.math.unsorted_segment_sum(tf.constant([1.0, 2.0]), tf.constant([1, 1]), "
     "tf.constant(2))"),
    ("unsorted_segment_sum_ids_2d",
     "tf.math.unsorted_segment_sum(tf.constant([[1, 2], [3, 4]]), tf.constant([[0, 1], [1, 1]]),"
     " 2)"),
    ("unsorted_segment_sum_grad",
     _tape("tf.math.unsorted_segment_sum(x, tf.constant([1, 0, 1]), 3) * "
           "tf.constant([1.0, 2.0, 3.0])", "[1.0, 2.0, 3.0]")),
    ("segment_sum", "tf.math.segment_sum(tf.constant([1, 2, 3]), tf.constant([0, 2, 2]))"),
    ("segment_sum_v1", "tf.compat.v1.segment_sum(tf.constant([1.0, 2.0]), tf.constant([0, 0]))"),
    ("segment_sum_2d", "tf.math.segment_sum(tf.constant([[1, 2], [3, 4], [5, 6]]), "
                       "tf.constant([0, 0, 1]))"),
    ("segment_sum_unsorted",
     "tf.math.segment_sum(tf.constant([1, 2, 3]), tf.constant([1, 0, 1]))"),
    ("segment_sum_negative",
     "tf.math.segment_sum(tf.constant([1, 2, 3]), tf.constant([-1, 0, 1]))"),
    ("segment_sum_size",
     "tf.math.segment_sum(tf.constant([1, 2, 3]), tf.constant([0, 1]))"),
    ("segment_sum_grad",
     _tape("tf.math.segment_sum(x, tf.constant([0, 0, 1])) * tf.constant([1.0, 2.0])",
           "[1.0, 2.0, 3.0]")),
]

CAST_CASES = [
    ("to_float", "tf.compat.v1.to_float(tf.constant([1, 2]))"),
    ("to_double", "tf.compat.v1.to_double(tf.constant([1, 2]))"),
    ("to_int32", "tf.compat.v1.to_int32(tf.constant([1.7, -1.7]))"),
    ("to_int64", "tf.compat.v1.to_int64(tf.constant([1.7, -1.7]))"),
    ("to_float_py", "tf.compat.v1.to_float([1, 2])"),
    ("to_float_grad", _tape("tf.compat.v1.to_float(x)", "np.array([1.0, 2.0])")),
]

B1 = "tf.constant([True])"
V = "tf.Variable([[1.0, -2.0], [3.0, 0.5]])"

MORE_CASES = [
    # dtype errors of binary ops (TF's per-kernel "allowed values" lists)
    *[(f"{n}_bool2", f"{fn}({B1}, {B1})", FL) for n, fn in (
        ("subtract", "tf.subtract"), ("floordiv", "tf.math.floordiv"),
        ("pow", "tf.pow"), ("truncatediv", "tf.truncatediv"), ("add", "tf.add"),
        ("squared_difference", "tf.math.squared_difference"))],
    ("floordiv_int64_zero", "tf.math.floordiv(tf.constant([1], tf.int64), tf.constant([0], "
                            "tf.int64))"),
    ("floormod_uint8_zero", "tf.math.floormod(tf.constant([1], tf.uint8), tf.constant([0], "
                            "tf.uint8))"),
    ("truncatemod_f64", "tf.truncatemod(tf.constant(np.array([-7.5])), 2.0)"),
    ("truncatediv_mismatch", "tf.truncatediv(tf.constant([7]), tf.constant([2.0]))"),
    ("pow_int_zero_zero", "tf.pow(tf.constant([0, 2]), tf.constant([0, 0]))"),
    ("pow_f64", "tf.pow(tf.constant(np.array([2.0, 9.0])), 0.5)", R),
    ("pow_grad_second_order",
     "x = tf.constant(2.0)\nwith tf.GradientTape() as g2:\n    g2.watch(x)\n"
     "    with tf.GradientTape() as g1:\n        g1.watch(x)\n        z = tf.pow(x, 3.0)\n"
     "    dz = g1.gradient(z, x)\ng2.gradient(dz, x)", R),
    ("cumprod_grad_second_order",
     "x = tf.constant([2.0, 3.0])\nwith tf.GradientTape() as g2:\n    g2.watch(x)\n"
     "    with tf.GradientTape() as g1:\n        g1.watch(x)\n        z = tf.math.cumprod(x)\n"
     "    dz = g1.gradient(z, x)\ng2.gradient(dz, x)", R),
    ("sqrt_jacobian",
     "x = tf.constant([0.0, 4.0])\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
     "    z = tf.sqrt(x) * tf.constant([0.0, 1.0])\ng.jacobian(z, x)", R),
    # variables and other dtypes
    ("reduce_max_var", f"tf.reduce_max({V}, axis=0)"),
    ("reduce_prod_var_grad",
     f"v = {V}\nwith tf.GradientTape() as g:\n    z = tf.reduce_prod(v)\ng.gradient(z, v)"),
    ("reduce_max_f16", "tf.reduce_max(tf.constant([1.5, -2.0], tf.float16))"),
    ("reduce_min_bf16", "tf.reduce_min(tf.constant([1.5, -2.0], tf.bfloat16))"),
    ("reduce_prod_int64", "tf.reduce_prod(tf.constant([2**20, 2**20], tf.int64))"),
    ("reduce_logsumexp_f64", "tf.reduce_logsumexp(tf.constant(np.array([0.5, 1.5])))", R),
    ("reduce_logsumexp_f16", "tf.reduce_logsumexp(tf.constant([0.5, 1.5], tf.float16))",
     {"rtol": 1e-3}),
    ("reduce_std_f16", "tf.math.reduce_std(tf.constant([1.0, 2.0, 4.0], tf.float16))",
     {"rtol": 1e-3}),
    ("reduce_variance_py", "tf.math.reduce_variance([1.0, 2.0])"),
    ("reduce_variance_bool", "tf.math.reduce_variance(tf.constant([True]))", FL),
    ("argmax_f64", "tf.argmax(tf.constant(np.array([[1.0, 2.0], [3.0, -1.0]])), 1)"),
    ("argmax_int16_type", "tf.argmax(tf.constant([1, 5, 2]), output_type=tf.int16)"),
    ("argmax_var", f"tf.argmax({V}, 1)"),
    ("cumsum_f64", "tf.cumsum(tf.constant(np.array([0.1, 0.2, 0.3])))"),
    ("cumsum_var", f"tf.cumsum({V}, axis=1, reverse=True)"),
    ("cumprod_int64", "tf.math.cumprod(tf.constant([2**20, 2**20], tf.int64))"),
    ("top_k_f64", "tf.math.top_k(tf.constant(np.array([0.5, -1.0, 2.0])), 2)"),
    ("top_k_var", f"tf.math.top_k({V}, 1)"),
    ("clip_by_value_var", f"tf.clip_by_value({V}, 0.0, 1.0)"),
    ("clip_by_value_var_grad",
     f"v = {V}\nwith tf.GradientTape() as g:\n    z = tf.clip_by_value(v, 0.5, 1.0)\n"
     "g.gradient(z, v)"),
    ("clip_by_value_f64", "tf.clip_by_value(tf.constant(np.array([-1.0, 2.0])), 0.0, 1.0)"),
    ("clip_by_value_uint8", "tf.clip_by_value(tf.constant([1, 200], tf.uint8), 5, 100)"),
    ("clip_by_global_norm_var",
     f"v = {V}\nwith tf.GradientTape() as g:\n    c, n = tf.clip_by_global_norm([v], 1.0)\n"
     "    z = tf.reduce_sum(c[0] * tf.constant([[1.0, 2.0], [3.0, 4.0]]))\n"
     "(n, g.gradient(z, v))", R),
    ("clip_by_global_norm_tuple", "tf.clip_by_global_norm((tf.constant([3.0, 4.0]),), 1.0)", R),
    ("clip_by_global_norm_f64",
     "tf.clip_by_global_norm([tf.constant(np.array([3.0, 4.0]))], 1.0)", R),
    ("global_norm_empty", "tf.linalg.global_norm([])"),
    ("global_norm_mixed", "tf.linalg.global_norm([tf.constant([1.0]), "
                          "tf.constant(np.array([1.0]))])"),
    ("global_norm_int", "tf.linalg.global_norm([tf.constant([3, 4])])", FL),
    ("clip_by_norm_var", f"tf.clip_by_norm({V}, 1.0)", R),
    ("clip_by_norm_int", "tf.clip_by_norm(tf.constant([3, 4]), 1)", FL),
    ("count_nonzero_var", f"tf.math.count_nonzero({V})"),
    ("count_nonzero_f16", "tf.math.count_nonzero(tf.constant([0.0, 1.5], tf.float16))"),
    ("add_n_var", f"tf.add_n([{V}, {V}])"),
    ("squared_difference_var", f"tf.math.squared_difference({V}, 1.0)"),
    ("sigmoid_var_grad",
     f"v = {V}\nwith tf.GradientTape() as g:\n    z = tf.sigmoid(v)\ng.gradient(z, v)", R),
    ("tanh_bf16", "tf.tanh(tf.constant([0.5, -1.0], tf.bfloat16))", {"rtol": 1e-2}),
    ("exp_bf16", "tf.exp(tf.constant([0.5, -1.0], tf.bfloat16))", {"rtol": 1e-2}),
    ("sqrt_c128", "tf.sqrt(tf.constant(np.array([-4+0j, 3+4j])))", R),
    ("abs_c64", f"tf.abs(tf.constant({C}))", R),
]

CASES = (_unary_cases() + INT_CASES + CONVENTION_CASES + BINARY_CASES + PRED_CASES + CLIP_CASES
         + REDUCE_CASES + ARG_CASES + SCAN_CASES + TOPK_CASES + COUNT_CASES + CAST_CASES
         + MORE_CASES)
