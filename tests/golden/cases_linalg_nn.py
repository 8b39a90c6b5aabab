"""Golden cases for tf.linalg and tf.nn (record with record.py linalg_nn)."""

T5 = {"rtol": 1e-5}   # LAPACK/XLA vs Eigen/oneDNN: other summation order and algorithms
T6 = {"rtol": 1e-6}   # transcendentals (XLA vs Eigen), fused gradients
FL = {"first_line": True}


def _tape(src_fn, x, y=None, dtype=None):
    """d src_fn(x[, y]) at the given points, recorded with a GradientTape."""
    dt = f", {dtype}" if dtype else ""
    if y is None:
        return (f"x = tf.constant({x}{dt})\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
                f"    z = {src_fn}\ng.gradient(z, x)")
    return (f"x = tf.constant({x}{dt})\ny = tf.constant({y}{dt})\n"
            f"with tf.GradientTape() as g:\n"
            f"    g.watch([x, y])\n    z = {src_fn}\ng.gradient(z, [x, y])")


A = "[[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]]"        # symmetric positive definite
B = "[[1.0, 2.0], [3.0, 4.0]]"
BATCH = "[[[2.0, 1.0], [1.0, 3.0]], [[5.0, 2.0], [2.0, 1.0]]]"
RECT = "[[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]]"
SING = "[[1.0, 2.0], [2.0, 4.0]]"
X4 = "np.arange(-6, 6, dtype=np.float32).reshape(1, 3, 4, 1) / 2"

LINALG = [
    # inverse
    ("inv", f"tf.linalg.inv(tf.constant({B}))", T5),
    ("inv_f64", f"tf.linalg.inv(tf.constant({A}, tf.float64))", {"rtol": 1e-12}),
    ("inv_batch", f"tf.linalg.inv(tf.constant({BATCH}))", T5),
    ("inv_adjoint", f"tf.linalg.inv(tf.constant({B}), adjoint=True)", T5),
    ("inv_v1", f"tf.compat.v1.matrix_inverse(tf.constant({B}))", T5),
    ("inv_complex", "tf.linalg.inv(tf.constant([[1+1j, 2], [0, 1j]], tf.complex64))", T5),
    ("inv_singular", f"tf.linalg.inv(tf.constant({SING}))"),
    ("inv_zero", "tf.linalg.inv(np.zeros([2, 2], np.float32))"),
    ("inv_nonsquare", f"tf.linalg.inv(tf.constant({RECT}))"),
    ("inv_rank1", "tf.linalg.inv(tf.constant([1.0, 2.0]))"),
    ("inv_int", "tf.linalg.inv(tf.constant([[1, 2], [3, 4]]))", FL),
    ("inv_empty", "tf.linalg.inv(np.zeros([0, 0], np.float32))"),
    ("grad_inv", _tape("tf.linalg.inv(x)", B), T5),
    # determinant
    ("det", f"tf.linalg.det(tf.constant({A}))", T5),
    ("det_batch", f"tf.linalg.det(tf.constant({BATCH}))", T5),
    ("det_f64", f"tf.linalg.det(tf.constant({B}, tf.float64))", {"rtol": 1e-12}),
    ("det_singular", f"tf.linalg.det(tf.constant({SING}))", T5),
    ("det_v1", f"tf.compat.v1.matrix_determinant(tf.constant({B}))", T5),
    ("det_nonsquare", f"tf.linalg.det(tf.constant({RECT}))"),
    ("det_int", "tf.linalg.det(tf.constant([[1, 2], [3, 4]]))", FL),
    ("grad_det", _tape("tf.linalg.det(x)", B), T5),
    ("slogdet", f"tf.linalg.slogdet(tf.constant({B}))", T5),
    ("slogdet_batch", f"tf.linalg.slogdet(tf.constant({BATCH}))", T5),
    ("slogdet_singular", f"tf.linalg.slogdet(tf.constant({SING}))", T5),
    ("logdet", f"tf.linalg.logdet(tf.constant({A}))", T5),
    ("grad_logdet", _tape("tf.linalg.logdet(x)", A), T5),
    # solve
    ("solve", f"tf.linalg.solve(tf.constant({B}), tf.constant([[1.0], [2.0]]))", T5),
    ("solve_adjoint", f"tf.linalg.solve(tf.constant({B}), tf.constant([[1.0], [2.0]]), "
                      "adjoint=True)", T5),
    ("solve_batch", f"tf.linalg.solve(tf.constant({BATCH}), np.ones([2, 2, 3], np.float32))", T5),
    ("solve_v1", f"tf.compat.v1.matrix_solve(tf.constant({B}), tf.constant([[1.0], [2.0]]))",
     T5),
    ("solve_singular", f"tf.linalg.solve(tf.constant({SING}), tf.constant([[1.0], [2.0]]))"),
    ("solve_bad_rhs", f"tf.linalg.solve(tf.constant({B}), tf.constant([[1.0], [2.0], [3.0]]))"),
    ("solve_nonsquare", f"tf.linalg.solve(tf.constant({RECT}), np.ones([3, 1], np.float32))"),
    ("solve_dtype", f"tf.linalg.solve(tf.constant({B}), "
                    "tf.constant(np.ones([2, 1], np.float64)))", FL),
    ("grad_solve", _tape("tf.linalg.solve(x, y)", B, "[[1.0], [2.0]]"), T5),
    # cholesky
    ("cholesky", f"tf.linalg.cholesky(tf.constant({A}))", T5),
    ("cholesky_f64", f"tf.linalg.cholesky(tf.constant({A}, tf.float64))", {"rtol": 1e-12}),
    ("cholesky_batch", f"tf.linalg.cholesky(tf.constant({BATCH}))", T5),
    ("cholesky_v1", f"tf.compat.v1.cholesky(tf.constant({A}))", T5),
    ("cholesky_upper_ignored", "tf.linalg.cholesky(tf.constant([[4.0, 100.0], [2.0, 5.0]]))",
     T5),
    ("cholesky_not_pd", f"bool(np.isnan(tf.linalg.cholesky(tf.constant({B})).numpy()[1, 1]))"),
    ("cholesky_nonsquare", f"tf.linalg.cholesky(tf.constant({RECT}))"),
    ("grad_cholesky", _tape("tf.linalg.cholesky(x)", A), T5),
    # qr, svd, eigh
    ("qr", f"q, r = tf.linalg.qr(tf.constant({RECT}))\n(q, r)", T5),
    ("qr_full", f"q, r = tf.linalg.qr(tf.constant({RECT}), full_matrices=True)\n(q, r)", T5),
    ("qr_type", f"type(tf.linalg.qr(tf.constant({B}))).__name__"),
    ("qr_fields", f"tf.linalg.qr(tf.constant({B})).r", T5),
    ("qr_v1", f"tf.compat.v1.qr(tf.constant({B}))[0]", T5),
    ("qr_wide", "tf.linalg.qr(tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))", T5),
    ("qr_batch", f"tf.linalg.qr(tf.constant({BATCH}))", T5),
    ("svd_s", f"tf.linalg.svd(tf.constant({RECT}), compute_uv=False)", T5),
    ("svd", f"s, u, v = tf.linalg.svd(tf.constant({RECT}))\n"
            "(s, tf.abs(u), tf.abs(v), tf.matmul(u * s, v, transpose_b=True))", T5),
    ("svd_full_shapes", f"[t.shape for t in tf.linalg.svd(tf.constant({RECT}), "
                        "full_matrices=True)]"),
    ("svd_v1", f"tf.compat.v1.svd(tf.constant({B}), compute_uv=False)", T5),
    ("svd_batch_s", f"tf.linalg.svd(tf.constant({BATCH}), compute_uv=False)", T5),
    ("svd_rank1", "tf.linalg.svd(tf.constant([1.0, 2.0]))"),
    ("grad_svd_s", _tape("tf.linalg.svd(x, compute_uv=False)", RECT), T5),
    ("eigh", f"e, v = tf.linalg.eigh(tf.constant({A}))\n(e, tf.abs(v))", T5),
    ("eigh_batch_e", f"tf.linalg.eigh(tf.constant({BATCH}))[0]", T5),
    ("eigh_v1", f"tf.compat.v1.self_adjoint_eig(tf.constant({A}))[0]", T5),
    ("eigvalsh", f"tf.linalg.eigvalsh(tf.constant({A}))", T5),
    ("eigvalsh_v1", f"tf.compat.v1.self_adjoint_eigvals(tf.constant({A}))", T5),
    ("eigh_nonsquare", f"tf.linalg.eigh(tf.constant({RECT}))"),
    ("grad_eigvalsh", _tape("tf.linalg.eigvalsh(x)", A), T5),
    # norm
    ("norm", "tf.norm(tf.constant([3.0, 4.0]))"),
    ("norm_linalg", "tf.linalg.norm(tf.constant([[3.0, 4.0], [1.0, 2.0]]))", T6),
    ("norm_axis", "tf.norm(tf.constant([[3.0, 4.0], [6.0, 8.0]]), axis=1)"),
    ("norm_axis0_keep", "tf.norm(tf.constant([[3.0, 4.0], [6.0, 8.0]]), axis=0, keepdims=True)",
     T6),
    ("norm_keep_dims_v1", "tf.compat.v1.norm(tf.constant([[3.0, 4.0]]), axis=1, keep_dims=True)"),
    ("norm_ord1", "tf.norm(tf.constant([3.0, -4.0]), ord=1)"),
    ("norm_ord_inf", "tf.norm(tf.constant([3.0, -4.0]), ord=np.inf)"),
    ("norm_ord3", "tf.norm(tf.constant([3.0, -4.0]), ord=3)", T6),
    ("norm_ord_half", "tf.norm(tf.constant([3.0, -4.0]), ord=0.5)"),
    ("norm_fro", f"tf.norm(tf.constant({B}), ord='fro', axis=[0, 1])", T6),
    ("norm_mat1", f"tf.norm(tf.constant({B}), ord=1, axis=[-2, -1])"),
    ("norm_mat_inf", f"tf.norm(tf.constant({B}), ord=np.inf, axis=(0, 1))"),
    ("norm_mat2", f"tf.norm(tf.constant({B}), ord=2, axis=[0, 1])", T5),
    ("norm_batch_fro", f"tf.norm(tf.constant({BATCH}), ord='fro', axis=[1, 2], keepdims=True)",
     T6),
    ("norm_int", "tf.norm(tf.constant([3, 4]))", FL),
    ("norm_f64", "tf.norm(tf.constant([1.0, 2.0], tf.float64))"),
    ("norm_complex", "tf.norm(tf.constant([3+4j, 1j], tf.complex64))", T6),
    ("norm_bad_ord", "tf.norm(tf.constant([3.0, 4.0]), ord=0)"),
    ("norm_bad_ord_str", "tf.norm(tf.constant([3.0, 4.0]), ord='fro')"),
    ("norm_bad_mat_ord", f"tf.norm(tf.constant({B}), ord=3, axis=[0, 1])"),
    ("norm_bad_axis", f"tf.norm(tf.constant({B}), axis=[0, 1, 2])"),
    ("norm_same_axis", f"tf.norm(tf.constant({B}), axis=[0, 0])"),
    ("grad_norm", _tape("tf.norm(x)", "[3.0, 4.0]"), T6),
    ("grad_norm_zero", _tape("tf.norm(x)", "[0.0, 0.0]")),
    # trace, diag, band, transpose
    ("trace", f"tf.linalg.trace(tf.constant({A}))"),
    ("trace_batch", f"tf.linalg.trace(tf.constant({BATCH}))"),
    ("trace_int", "tf.linalg.trace(tf.constant([[1, 2], [3, 4]]))"),
    ("trace_v1", f"tf.compat.v1.trace(tf.constant({RECT}))"),
    ("trace_rank1", "tf.linalg.trace(tf.constant([1.0, 2.0]))"),
    ("grad_trace", _tape("tf.linalg.trace(x)", B)),
    ("diag", "tf.linalg.diag(tf.constant([1, 2, 3]))"),
    ("diag_batch", "tf.linalg.diag(tf.constant([[1.0, 2.0], [3.0, 4.0]]))"),
    ("diag_k", "tf.linalg.diag(tf.constant([1, 2]), k=1)"),
    ("diag_k_neg", "tf.linalg.diag(tf.constant([1, 2]), k=-2)"),
    ("diag_rows_cols", "tf.linalg.diag(tf.constant([1, 2]), num_rows=3, num_cols=4)"),
    ("diag_padding", "tf.linalg.diag(tf.constant([1, 2]), padding_value=9)"),
    ("diag_v1_matrix_diag", "tf.compat.v1.matrix_diag(tf.constant([1.0, 2.0]))"),
    ("diag_scalar", "tf.linalg.diag(tf.constant(1.0))"),
    ("tensor_diag", "tf.linalg.tensor_diag(tf.constant([[1, 2], [3, 4]]))"),
    ("tensor_diag_v1", "tf.compat.v1.diag(tf.constant([1.0, 2.0]))"),
    ("tensor_diag_part", "tf.linalg.tensor_diag_part(\n"
                         "tf.reshape(np.arange(16, dtype=np.int32), [2, 2, 2, 2]))"),
    ("tensor_diag_part_v1", f"tf.compat.v1.diag_part(tf.constant({B}))"),
    ("tensor_diag_part_bad", f"tf.compat.v1.diag_part(tf.constant({RECT}))"),
    ("diag_part", f"tf.linalg.diag_part(tf.constant({RECT}))"),
    ("diag_part_batch", f"tf.linalg.diag_part(tf.constant({BATCH}))"),
    ("diag_part_k", f"tf.linalg.diag_part(tf.constant({A}), k=1)"),
    ("diag_part_k_neg", f"tf.linalg.diag_part(tf.constant({RECT}), k=-1)"),
    ("diag_part_v1", f"tf.compat.v1.matrix_diag_part(tf.constant({B}))"),
    ("diag_part_rank1", "tf.linalg.diag_part(tf.constant([1.0, 2.0]))"),
    ("grad_diag_part", _tape("tf.linalg.diag_part(x)", RECT)),
    ("grad_diag", _tape("tf.linalg.diag(x) * 2.0", "[1.0, 2.0]")),
    ("band", "tf.linalg.band_part(tf.reshape(np.arange(16.0, dtype=np.float32), [4, 4]), 1, 0)"),
    ("band_all_lower", "tf.linalg.band_part(\n"
                       "tf.reshape(np.arange(16, dtype=np.int32), [4, 4]), -1, 1)"),
    ("band_batch", f"tf.linalg.band_part(tf.constant({BATCH}), 0, 0)"),
    ("band_v1", "tf.compat.v1.matrix_band_part(np.ones([2, 3], np.float32), 0, -1)"),
    ("band_too_many", "tf.linalg.band_part(np.ones([2, 3], np.float32), 5, 0)"),
    ("band_rank1", "tf.linalg.band_part(np.ones([3], np.float32), 0, 0)"),
    ("grad_band", _tape("tf.linalg.band_part(x, 0, 1)", B)),
    ("mtranspose", f"tf.linalg.matrix_transpose(tf.constant({RECT}))"),
    ("mtranspose_batch", f"tf.linalg.matrix_transpose(tf.constant({BATCH}))"),
    ("mtranspose_conj", "tf.linalg.matrix_transpose(tf.constant([[1j, 2]]), conjugate=True)"),
    ("mtranspose_v1", f"tf.compat.v1.matrix_transpose(tf.constant({B}))"),
    ("mtranspose_v1_linalg", f"tf.compat.v1.linalg.transpose(tf.constant({B}))"),
    ("mtranspose_rank1", "tf.linalg.matrix_transpose(tf.constant([1.0, 2.0]))"),
    ("lstsq", f"tf.linalg.lstsq(tf.constant({RECT}), tf.constant([[1.0], [2.0], [3.0]]))",
     {"rtol": 1e-4}),
    ("lstsq_f64", f"tf.linalg.lstsq(tf.constant({RECT}, tf.float64), "
                  "tf.constant([[1.0], [2.0], [4.0]], tf.float64))", {"rtol": 1e-10}),
    ("lstsq_l2", f"tf.linalg.lstsq(tf.constant({RECT}), np.ones([3, 2], np.float32), "
                 "l2_regularizer=0.5)",
     {"rtol": 1e-4}),
    ("lstsq_wide", "tf.linalg.lstsq(tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]]), "
                   "np.ones([2, 1], np.float32))", {"rtol": 1e-4}),
    ("lstsq_v1", f"tf.compat.v1.matrix_solve_ls(tf.constant({B}), np.ones([2, 1], np.float32))",
     {"rtol": 1e-4}),
    ("lstsq_bad_rows", f"tf.linalg.lstsq(tf.constant({RECT}), np.ones([2, 1], np.float32))", FL),
]

ACT = "[-3.0, -1.0, -0.0, 0.0, 0.5, 6.0, 7.5]"
ACTIVATIONS = [
    ("relu", f"tf.nn.relu(tf.constant({ACT}))"),
    ("relu_int", "tf.nn.relu(tf.constant([-2, 0, 3]))"),
    ("relu_f64", "tf.nn.relu(tf.constant([-2.0, 3.0], tf.float64))"),
    ("relu_bool", "tf.nn.relu(tf.constant([True]))", FL),
    ("grad_relu", _tape("tf.nn.relu(x)", ACT)),
    ("relu6", f"tf.nn.relu6(tf.constant({ACT}))"),
    ("relu6_int", "tf.nn.relu6(tf.constant([-2, 0, 3, 9]))"),
    ("relu6_f16", "tf.nn.relu6(tf.constant([-2.0, 7.0], tf.float16))"),
    ("relu6_list", "tf.nn.relu6([-1.0, 8.0])"),
    ("grad_relu6", _tape("tf.nn.relu6(x)", ACT)),
    ("elu", f"tf.nn.elu(tf.constant({ACT}))", T6),
    ("elu_f64", "tf.nn.elu(tf.constant([-1.0, 2.0], tf.float64))", {"rtol": 1e-14}),
    ("elu_int", "tf.nn.elu(tf.constant([1]))", FL),
    ("grad_elu", _tape("tf.nn.elu(x)", ACT), T6),
    ("selu", f"tf.nn.selu(tf.constant({ACT}))", T6),
    ("grad_selu", _tape("tf.nn.selu(x)", ACT), T6),
    ("leaky_relu", f"tf.nn.leaky_relu(tf.constant({ACT}))"),
    ("leaky_relu_alpha", f"tf.nn.leaky_relu(tf.constant({ACT}), alpha=0.01)"),
    ("leaky_relu_alpha_big", f"tf.nn.leaky_relu(tf.constant({ACT}), alpha=2.0)"),
    ("leaky_relu_int", "tf.nn.leaky_relu(tf.constant([-2, 3]))"),
    ("leaky_relu_f64", "tf.nn.leaky_relu(tf.constant([-2.0, 3.0], tf.float64), 0.3)"),
    ("grad_leaky_relu", _tape("tf.nn.leaky_relu(x, 0.1)", ACT)),
    ("grad_leaky_relu_big", _tape("tf.nn.leaky_relu(x, 3.0)", ACT)),
    ("gelu", f"tf.nn.gelu(tf.constant({ACT}))", T6),
    ("gelu_approx", f"tf.nn.gelu(tf.constant({ACT}), approximate=True)", T6),
    # Eigen's double erf is accurate to ~1e-8 only.
    ("gelu_f64", "tf.nn.gelu(tf.constant([-1.0, 0.5], tf.float64))", {"rtol": 1e-7}),
    ("gelu_int", "tf.nn.gelu(tf.constant([1, 2]))"),
    ("grad_gelu", _tape("tf.nn.gelu(x)", ACT), T6),
    ("grad_gelu_approx", _tape("tf.nn.gelu(x, True)", ACT), T6),
    ("softplus", "tf.nn.softplus(tf.constant([-100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0]))",
     T6),
    ("softplus_math", "tf.math.softplus(tf.constant([0.5], tf.float64))", {"rtol": 1e-14}),
    ("softplus_int", "tf.nn.softplus(tf.constant([1]))", FL),
    ("grad_softplus", _tape("tf.nn.softplus(x)", "[-20.0, 0.0, 3.0, 30.0]"), T6),
    ("softsign", f"tf.nn.softsign(tf.constant({ACT}))"),
    ("softsign_math", "tf.math.softsign(tf.constant([2.0], tf.float64))"),
    ("grad_softsign", _tape("tf.nn.softsign(x)", ACT), T6),
    ("silu", f"tf.nn.silu(tf.constant({ACT}))", T6),
    ("swish_beta", f"tf.nn.swish(tf.constant({ACT}), beta=2.0)", T6),
    ("grad_silu", _tape("tf.nn.silu(x)", ACT), T6),
    ("grad_swish_beta", _tape("tf.nn.swish(x, 0.5)", ACT), T6),
    ("silu_int", "tf.nn.silu(tf.constant([1]))", FL),
]

LOGITS = "[[1.0, 2.0, 3.0], [1.0, -1.0, 0.0]]"
LABELS = "[[0.0, 0.0, 1.0], [0.5, 0.25, 0.25]]"
SOFTMAX = [
    ("softmax", f"tf.nn.softmax(tf.constant({LOGITS}))", T6),
    ("softmax_axis0", f"tf.nn.softmax(tf.constant({LOGITS}), axis=0)", T6),
    ("softmax_math", "tf.math.softmax(tf.constant([1.0, 2.0], tf.float64))", {"rtol": 1e-14}),
    ("softmax_v1_dim", f"tf.compat.v1.nn.softmax(tf.constant({LOGITS}), dim=0)", T6),
    ("softmax_large", "tf.nn.softmax(tf.constant([1000.0, 0.0]))"),
    ("softmax_3d", "tf.nn.softmax(tf.reshape(np.arange(12.0, dtype=np.float32), [2, 3, 2]), "
                   "axis=1)", T6),
    ("softmax_bad_axis", f"tf.nn.softmax(tf.constant({LOGITS}), axis=2)"),
    ("softmax_int", "tf.nn.softmax(tf.constant([1, 2]))", FL),
    ("softmax_scalar", "tf.nn.softmax(tf.constant(1.0))"),
    ("grad_softmax", _tape("tf.nn.softmax(x) * [[1.0, 2.0, 3.0]]", LOGITS), T6),
    ("log_softmax", f"tf.nn.log_softmax(tf.constant({LOGITS}))", T6),
    ("log_softmax_axis0", f"tf.math.log_softmax(tf.constant({LOGITS}), axis=0)", T6),
    ("log_softmax_v1_dim", f"tf.compat.v1.nn.log_softmax(tf.constant({LOGITS}), dim=0)", T6),
    ("grad_log_softmax", _tape("tf.nn.log_softmax(x) * [[1.0, 2.0, 3.0]]", LOGITS), T6),
    ("xent", f"tf.nn.softmax_cross_entropy_with_logits(tf.constant({LABELS}), "
             f"tf.constant({LOGITS}))", T6),
    ("xent_axis0", f"tf.nn.softmax_cross_entropy_with_logits(tf.constant({LABELS}), "
                   f"tf.constant({LOGITS}), axis=0)", T6),
    ("xent_v1", f"tf.compat.v1.nn.softmax_cross_entropy_with_logits(labels=tf.constant("
                f"{LABELS}), logits=tf.constant({LOGITS}))", T6),
    ("xent_v1_dim", f"tf.compat.v1.nn.softmax_cross_entropy_with_logits(labels=tf.constant("
                    f"{LABELS}), logits=tf.constant({LOGITS}), dim=0)", T6),
    ("xent_v1_v2", f"tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2(labels=tf.constant("
                   f"{LABELS}), logits=tf.constant({LOGITS}), dim=0)", T6),
    ("xent_f64", "tf.nn.softmax_cross_entropy_with_logits([[0.0, 1.0]], "
                 "tf.constant([[1.0, 2.0]], tf.float64))", {"rtol": 1e-14}),
    ("xent_1d", "tf.nn.softmax_cross_entropy_with_logits([0.0, 1.0], [1.0, 2.0])", T6),
    ("xent_shape", "tf.nn.softmax_cross_entropy_with_logits(np.ones([2, 3], np.float32), "
                   "np.ones([2, 4], np.float32))",
     FL),
    ("xent_large", "tf.nn.softmax_cross_entropy_with_logits([[1.0, 0.0]], [[1000.0, 0.0]])"),
    ("grad_xent", "x = tf.constant(" + LOGITS + ")\ny = tf.constant(" + LABELS + ")\n"
                  "with tf.GradientTape() as g:\n    g.watch([x, y])\n"
                  "    z = tf.compat.v2.nn.softmax_cross_entropy_with_logits(y, x) * [1.0, 2.0]\n"
                  "g.gradient(z, [x, y])", T6),
    ("grad_xent_v1_labels", "x = tf.constant(" + LOGITS + ")\ny = tf.constant(" + LABELS + ")\n"
                            "with tf.GradientTape() as g:\n    g.watch([x, y])\n"
                            "    z = tf.compat.v1.nn.softmax_cross_entropy_with_logits("
                            "labels=y, logits=x)\ng.gradient(z, [x, y])", T6),
    ("sxent", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([2, 0]), "
              f"tf.constant({LOGITS}))", T6),
    ("sxent_int64", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([1, 1], "
                    f"tf.int64), tf.constant({LOGITS}))", T6),
    ("sxent_v1", f"tf.compat.v1.nn.sparse_softmax_cross_entropy_with_logits(labels=[2, 0], "
                 f"logits=tf.constant({LOGITS}))", T6),
    ("sxent_3d", "tf.nn.sparse_softmax_cross_entropy_with_logits([[0, 1]], "
                 "tf.reshape(np.arange(6.0, dtype=np.float32), [1, 2, 3]))", T6),
    ("sxent_out_of_range", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([3, 0]), "
                           f"tf.constant({LOGITS}))"),
    ("sxent_negative", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([-1, 0]), "
                       f"tf.constant({LOGITS}))"),
    ("sxent_rank", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([[1, 0]]), "
                   f"tf.constant({LOGITS}))"),
    ("sxent_shape", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([1, 0, 1]), "
                    f"tf.constant({LOGITS}))"),
    ("sxent_float_labels", f"tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([1.0, "
                           f"0.0]), tf.constant({LOGITS}))", FL),
    ("grad_sxent", "x = tf.constant(" + LOGITS + ")\n"
                   "with tf.GradientTape() as g:\n    g.watch(x)\n"
                   "    z = tf.nn.sparse_softmax_cross_entropy_with_logits([2, 1], x) "
                   "* [1.0, 3.0]\n"
                   "g.gradient(z, x)", T6),
    ("sigmoid_xent", "tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.constant([0.0, 1.0, 0.5,"
                     " 1.0]), logits=tf.constant([-2.0, 0.0, 1.5, 50.0]))", T6),
    ("sigmoid_xent_v1", "tf.compat.v1.nn.sigmoid_cross_entropy_with_logits(labels=[0.0, 1.0], "
                        "logits=[1.0, -1.0])", T6),
    ("sigmoid_xent_shape", "tf.nn.sigmoid_cross_entropy_with_logits(labels=np.ones([2], "
                           "np.float32), logits=np.ones([3], np.float32))"),
    ("sigmoid_xent_dtype", "tf.nn.sigmoid_cross_entropy_with_logits(labels=np.ones([2], "
                           "np.float64), logits=np.ones([2], np.float32))", FL),
    ("grad_sigmoid_xent", _tape("tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=x)",
                                "[-2.0, 0.0, 1.5]", "[0.0, 1.0, 0.5]"), T6),
    ("weighted_xent", "tf.nn.weighted_cross_entropy_with_logits(tf.constant([0.0, 1.0, 0.5]), "
                      "tf.constant([-2.0, 0.0, 1.5]), 2.0)", T6),
    ("weighted_xent_v1", "tf.compat.v1.nn.weighted_cross_entropy_with_logits(targets=tf.constant("
                         "[0.0, 1.0]), logits=tf.constant([-2.0, 3.0]), pos_weight=0.5)", T6),
    ("weighted_xent_v1_labels", "tf.compat.v1.nn.weighted_cross_entropy_with_logits(labels=["
                                "0.0, 1.0], logits=[-2.0, 3.0], pos_weight=3.0)", T6),
    ("weighted_xent_shape", "tf.nn.weighted_cross_entropy_with_logits(np.ones([2], np.float32), "
                            "np.ones([3], np.float32), 2.0)"),
    ("grad_weighted_xent", _tape("tf.nn.weighted_cross_entropy_with_logits(y, x, 2.0)",
                                 "[-2.0, 0.0, 1.5]", "[0.0, 1.0, 0.5]"), T6),
]

LOSSES = [
    ("l2_loss", "tf.nn.l2_loss(tf.constant([[1.0, 2.0], [3.0, 4.0]]))"),
    ("l2_loss_f64", "tf.nn.l2_loss(tf.constant([1.5, 2.5], tf.float64))"),
    ("l2_loss_scalar", "tf.nn.l2_loss(tf.constant(3.0))"),
    ("l2_loss_int", "tf.nn.l2_loss(tf.constant([1, 2]))", FL),
    ("grad_l2_loss", _tape("tf.nn.l2_loss(x)", "[1.0, -2.0]")),
    ("l2_normalize", "tf.nn.l2_normalize(tf.constant([3.0, 4.0]))", T6),
    ("l2_normalize_axis", f"tf.math.l2_normalize(tf.constant({B}), axis=1)", T6),
    ("l2_normalize_zero", "tf.linalg.l2_normalize(tf.constant([0.0, 0.0]))"),
    ("l2_normalize_v1_dim", f"tf.compat.v1.nn.l2_normalize(tf.constant({B}), dim=0)", T6),
    ("l2_normalize_eps", "tf.nn.l2_normalize(tf.constant([0.001, 0.0]), epsilon=1.0)", T6),
    ("l2_normalize_int", "tf.nn.l2_normalize(tf.constant([3, 4]))", FL),
    ("grad_l2_normalize", _tape("tf.nn.l2_normalize(x) * [1.0, 2.0]", "[3.0, 4.0]"), T6),
]

DROP = "tf.compat.v2.nn.dropout"  # the top level serves TF 1's dropout(x, keep_prob)
DROPOUT = [
    ("dropout_scale", f"y = {DROP}(np.ones([1000], np.float32), rate=0.5, seed=1)\n"
                      "sorted(set(y.numpy().tolist()))"),
    ("dropout_fraction", f"y = {DROP}(np.ones([20000], np.float32), 0.25, seed=3)\n"
                         "abs(float(np.mean(y.numpy() == 0)) - 0.25) < 0.02"),
    ("dropout_dtype", f"y = {DROP}(np.ones([4], np.float64), 0.5)\n(y.dtype, y.shape)"),
    ("dropout_zero_rate", f"{DROP}(tf.constant([1.0, 2.0]), 0.0)"),
    ("dropout_v1_keep", "x = np.ones([1000], np.float32)\ny = tf.compat.v1.nn.dropout(x, 0.8)\n"
                        "sorted(set(y.numpy().tolist()))"),
    ("dropout_top_level_keep", "y = tf.compat.v1.nn.dropout(np.ones([100], np.float32), 0.25)\n"
                               "sorted(set(y.numpy().tolist()))"),
    ("dropout_v1_rate", "y = tf.compat.v1.nn.dropout(np.ones([100], np.float32), rate=0.75)\n"
                        "sorted(set(y.numpy().tolist()))"),
    ("dropout_v1_both", "tf.compat.v1.nn.dropout(np.ones([3], np.float32), keep_prob=0.5, "
                        "rate=0.5)"),
    ("dropout_rate_one", f"{DROP}(np.ones([3], np.float32), 1.0)"),
    ("dropout_rate_neg", f"{DROP}(np.ones([3], np.float32), -0.1)"),
    ("dropout_int", f"{DROP}(np.ones([3], np.int32), 0.5)"),
    ("dropout_noise_shape", f"y = {DROP}(np.ones([50, 4], np.float32), 0.5, "
                            "noise_shape=[50, 1])\n"
                            "bool(np.all(y.numpy().max(1) == y.numpy().min(1)))"),
    ("grad_dropout", "x = tf.constant(np.ones([200], np.float32))\n"
                     "with tf.GradientTape() as g:\n    g.watch(x)\n"
                     f"    y = {DROP}(x, 0.5)\ngr = g.gradient(y, x)\n"
                     "bool(np.all(gr.numpy() == y.numpy()))"),
]

NORM = [
    ("bias_add", "tf.nn.bias_add(np.ones([2, 3], np.float32), tf.constant([1.0, 2.0, 3.0]))"),
    ("bias_add_int", "tf.nn.bias_add(np.ones([2, 2], np.int32), [1, 2])"),
    ("bias_add_nchw", "tf.nn.bias_add(np.zeros([1, 2, 2, 2], np.float32), [1.0, 2.0], "
                      "data_format='NCHW')"),
    ("bias_add_bad", "tf.nn.bias_add(np.ones([2, 3], np.float32), tf.constant([1.0, 2.0]))"),
    ("bias_add_bad_rank", "tf.nn.bias_add(np.ones([2, 2], np.float32), "
                          "np.ones([2, 2], np.float32))"),
    ("bias_add_dtype", "tf.nn.bias_add(np.ones([2, 2], np.float32), "
                       "tf.constant(np.ones([2], np.float64)))", FL),
    ("grad_bias_add", _tape("tf.nn.bias_add(x, y) * [[1.0, 2.0], [3.0, 4.0]]", B,
                            "[0.5, -0.5]")),
    ("moments", "tf.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), axes=[0])"),
    ("moments_all", "tf.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), axes=[0, 1])"),
    ("moments_keep", "tf.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), [1], keepdims=True)"),
    ("moments_v1_keep", "tf.compat.v1.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), [1], "
                        "keep_dims=True)"),
    ("moments_f16", "tf.nn.moments(tf.constant([1.0, 2.0, 4.0], tf.float16), [0])"),
    ("grad_moments", _tape("tf.reduce_sum(tf.nn.moments(x, [0])[1])", "[1.0, 2.0, 4.0]")),
    ("batch_norm", "tf.nn.batch_normalization(tf.constant([[1.0, 2.0], [3.0, 5.0]]), "
                   "tf.constant([2.0, 3.5]), tf.constant([1.0, 2.25]), tf.constant([0.1, 0.2]), "
                   "tf.constant([2.0, 0.5]), 1e-3)", T6),
    ("batch_norm_none", "tf.nn.batch_normalization(tf.constant([[1.0, 2.0], [3.0, 5.0]]), 2.0, "
                        "1.0, None, None, 0.0)"),
    ("grad_batch_norm", _tape("tf.nn.batch_normalization(x, 1.0, y, 0.5, 2.0, 0.01)",
                              "[1.0, 3.0]", "[4.0, 2.0]"), T6),
]

CONV_X = "(np.arange(32, dtype=np.float32).reshape(1, 4, 4, 2) / 10)"
CONV_W = "(np.arange(-12, 24, dtype=np.float32).reshape(3, 3, 2, 2) / 7)"
CONV = [
    ("conv2d_valid", f"tf.nn.conv2d({CONV_X}, {CONV_W}, 1, 'VALID')", T5),
    ("conv2d_same", f"tf.nn.conv2d({CONV_X}, {CONV_W}, [1, 1], 'SAME')", T5),
    ("conv2d_stride2", f"tf.nn.conv2d({CONV_X}, {CONV_W}, [1, 2, 2, 1], 'SAME')", T5),
    ("conv2d_dilated", f"tf.nn.conv2d(np.ones([1, 5, 5, 2], np.float32), {CONV_W}, 1, 'VALID', "
                       "dilations=2)", T5),
    ("conv2d_explicit", f"tf.nn.conv2d({CONV_X}, {CONV_W}, 1, [[0, 0], [1, 0], [0, 1], [0, 0]])",
     T5),
    ("conv2d_nchw", f"tf.nn.conv2d(np.transpose({CONV_X}, [0, 3, 1, 2]), {CONV_W}, 1, 'SAME', "
                    "data_format='NCHW')", T5),
    ("conv2d_f64", f"tf.nn.conv2d({CONV_X}.astype(np.float64), {CONV_W}.astype(np.float64), 1, "
                   "'VALID')", {"rtol": 1e-12}),
    ("conv2d_v1", f"tf.compat.v1.nn.conv2d({CONV_X}, filter={CONV_W}, strides=[1, 1, 1, 1], "
                  "padding='VALID')", T5),
    ("conv2d_v1_filters", f"tf.compat.v1.nn.conv2d({CONV_X}, filters={CONV_W}, strides=1, "
                          "padding='VALID')", T5),
    ("conv2d_bad_channels", f"tf.nn.conv2d(np.ones([1, 4, 4, 3], np.float32), {CONV_W}, 1, "
                            "'VALID')", FL),
    ("conv2d_bad_padding", f"tf.nn.conv2d({CONV_X}, {CONV_W}, 1, 'FULL')", FL),
    ("conv2d_int", "tf.nn.conv2d(np.ones([1, 3, 3, 1], np.int32), np.ones([1, 1, 1, 1], "
                   "np.int32), 1, 'VALID')", FL),
    ("grad_conv2d", f"x = tf.constant({CONV_X})\nw = tf.constant({CONV_W})\n"
                    "with tf.GradientTape() as g:\n    g.watch([x, w])\n"
                    "    y = tf.nn.conv2d(x, w, 2, 'SAME') * np.arange(8.0, dtype=np.float32)"
                    ".reshape(1, 2, 2, 2)\ng.gradient(y, [x, w])", T5),
    ("conv1d", "tf.nn.conv1d(np.arange(10, dtype=np.float32).reshape(1, 5, 2), "
               "np.ones([2, 2, 3], np.float32), 1, 'VALID')", T5),
    ("conv1d_same_stride", "tf.nn.conv1d(np.arange(10, dtype=np.float32).reshape(1, 5, 2), "
                           "np.ones([3, 2, 1], np.float32), 2, 'SAME')", T5),
    ("conv1d_ncw", "tf.nn.conv1d(np.arange(10, dtype=np.float32).reshape(1, 2, 5), "
                   "np.ones([2, 2, 1], np.float32), 1, 'VALID', data_format='NCW')", T5),
    ("conv1d_v1", "tf.compat.v1.nn.conv1d(value=np.ones([1, 4, 1], np.float32), "
                  "filters=np.ones([2, 1, 1], np.float32), stride=1, padding='SAME')", T5),
    ("grad_conv1d", _tape("tf.nn.conv1d(x, y, 1, 'SAME')", "np.arange(6.0).reshape(1, 3, 2)",
                          "np.ones([2, 2, 1])", "tf.float32"), T5),
    ("conv2d_transpose", f"tf.nn.conv2d_transpose(np.ones([1, 2, 2, 2], np.float32), {CONV_W}, "
                         "[1, 4, 4, 2], 2, 'SAME')", T5),
    ("conv2d_transpose_valid", f"tf.nn.conv2d_transpose(np.ones([1, 2, 2, 2], np.float32), "
                               f"{CONV_W}, [1, 4, 4, 2], 1, 'VALID')", T5),
    ("conv2d_transpose_v1", f"tf.compat.v1.nn.conv2d_transpose(np.ones([1, 2, 2, 2], np.float32),"
                            f" {CONV_W}, [1, 3, 3, 2], [1, 2, 2, 1], 'SAME')", T5),
    ("conv2d_transpose_bad", f"tf.nn.conv2d_transpose(np.ones([1, 2, 2, 2], np.float32), "
                             f"{CONV_W}, [1, 5, 5, 2], 1, 'SAME')", FL),
    ("grad_conv2d_transpose", _tape("tf.nn.conv2d_transpose(x, y, [1, 3, 3, 1], 2, 'SAME')",
                                    "np.ones([1, 2, 2, 1])",
                                    "np.arange(4.0).reshape(2, 2, 1, 1)", "tf.float32"), T5),
    ("depthwise", f"tf.nn.depthwise_conv2d({CONV_X}, {CONV_W}, [1, 1, 1, 1], 'VALID')", T5),
    ("depthwise_same_stride", f"tf.nn.depthwise_conv2d({CONV_X}, {CONV_W}[:, :, :, :1], "
                              "[1, 2, 2, 1], 'SAME')", T5),
    ("depthwise_dilated", f"tf.nn.depthwise_conv2d(np.ones([1, 5, 5, 2], np.float32), {CONV_W},"
                          " [1, 1, 1, 1], 'VALID', dilations=[2, 2])", T5),
    ("depthwise_v1_rate", f"tf.compat.v1.nn.depthwise_conv2d(np.ones([1, 5, 5, 2], np.float32), "
                          f"{CONV_W}, [1, 1, 1, 1], 'VALID', rate=[2, 2])", T5),
    ("grad_depthwise", _tape("tf.nn.depthwise_conv2d(x, y, [1, 1, 1, 1], 'SAME')",
                             "np.arange(18.0).reshape(1, 3, 3, 2)",
                             "np.arange(8.0).reshape(2, 2, 2, 1)", "tf.float32"), T5),
]

PX = "np.array([[1, 3, 2, 0], [4, 4, 1, 5], [0, 2, 6, 6], [3, 1, 6, 2]], np.float32)" \
     ".reshape(1, 4, 4, 1)"
POOL = [
    ("max_pool", f"tf.nn.max_pool({PX}, 2, 2, 'VALID')"),
    ("max_pool_same", f"tf.nn.max_pool({PX}, 3, 2, 'SAME')"),
    ("max_pool_list", f"tf.nn.max_pool({PX}, [1, 2, 2, 1], [1, 1, 1, 1], 'VALID')"),
    ("max_pool_v1", f"tf.compat.v1.nn.max_pool(value={PX}, ksize=[1, 2, 2, 1], "
                    "strides=[1, 2, 2, 1], padding='SAME')"),
    ("max_pool2d", f"tf.nn.max_pool2d({PX}, [2, 2], [2, 2], 'VALID')"),
    ("max_pool_nchw", f"tf.nn.max_pool(np.transpose({PX}, [0, 3, 1, 2]), 2, 2, 'VALID', "
                      "data_format='NCHW')"),
    ("max_pool_1d", "tf.nn.max_pool(np.arange(6.0, dtype=np.float32).reshape(1, 6, 1), 2, 2, "
                    "'VALID')"),
    ("max_pool_int", "tf.nn.max_pool(tf.constant(np.ones([1, 2, 2, 1], np.int32)), 2, 2, 'VALID')"),
    ("max_pool_bad_ksize", f"tf.nn.max_pool({PX}, [1, 2, 2], 2, 'VALID')"),
    ("grad_max_pool_ties", _tape("tf.nn.max_pool(x, 2, 2, 'VALID')",
                                 "np.array([1, 1, 2, 2, 1, 1, 2, 2, 3, 0, 3, 3, 3, 3, 3, 3]"
                                 ").reshape(1, 4, 4, 1)", dtype="tf.float32")),
    ("grad_max_pool_overlap", _tape("tf.nn.max_pool(x, 3, 1, 'SAME') * np.arange(16.0).reshape("
                                    "1, 4, 4, 1)", PX.replace("np.array", "np.asarray"))),
    ("avg_pool", f"tf.nn.avg_pool({PX}, 2, 2, 'VALID')"),
    ("avg_pool_same", f"tf.nn.avg_pool({PX}, 3, 2, 'SAME')", T6),
    ("avg_pool_v1", f"tf.compat.v1.nn.avg_pool({PX}, [1, 3, 3, 1], [1, 1, 1, 1], 'SAME')", T6),
    ("avg_pool2d", f"tf.nn.avg_pool2d({PX}, 2, 1, 'VALID')"),
    ("avg_pool_f64", f"tf.nn.avg_pool({PX}.astype(np.float64), 3, 1, 'SAME')", {"rtol": 1e-14}),
    ("avg_pool_int", "tf.nn.avg_pool(np.ones([1, 2, 2, 1], np.int32), 2, 2, 'VALID')", FL),
    ("grad_avg_pool", _tape("tf.nn.avg_pool(x, 3, 2, 'SAME')", PX), T6),
    ("embedding", "tf.nn.embedding_lookup(tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), "
                  "[2, 0, 2])"),
    ("embedding_2d_ids", "tf.nn.embedding_lookup(\n"
                         "tf.reshape(np.arange(6, dtype=np.int32), [3, 2]), [[0], [1]])"),
    ("embedding_v1", "tf.compat.v1.nn.embedding_lookup(tf.constant([[1.0], [2.0]]), "
                     "tf.constant([1, 1], tf.int64))"),
    ("embedding_out_of_range", "tf.nn.embedding_lookup(tf.constant([[1.0], [2.0]]), [2])"),
    ("embedding_max_norm", "tf.nn.embedding_lookup(tf.constant([[3.0, 4.0], [0.3, 0.4]]), "
                           "[0, 1], max_norm=1.0)", T6),
    ("embedding_variable", "v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])\n"
                           "tf.nn.embedding_lookup(v, [1])"),
    ("grad_embedding", "p = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\n"
                       "with tf.GradientTape() as g:\n"
                       "    y = tf.nn.embedding_lookup(p, [2, 0, 2])\n"
                       "tf.convert_to_tensor(g.gradient(y, p))"),
]

CASES = LINALG + ACTIVATIONS + SOFTMAX + LOSSES + DROPOUT + NORM + CONV + POOL
