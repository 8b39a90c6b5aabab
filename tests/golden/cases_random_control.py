"""Random ops, control flow and debugging asserts: golden cases recorded from TensorFlow 2.21.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py random_control

Random values differ from TF's by design (JAX's PRNG), so random cases record shapes, dtypes,
ranges, errors and the seeding rules (which calls repeat), never the values themselves.
Where TF 1 and TF 2 export different functions under one name (cond, while_loop, case, the
asserts, random.poisson) the cases name `tf.compat.v1` / `tf.compat.v2` explicitly: tfcompat's
top level holds the TF 1 function, TF 2's the TF 2 one.
"""

FIRST = {"first_line": True}
V1, V2 = "tf.compat.v1", "tf.compat.v2"


def _sd(expr):
    """Shape and dtype of a random result."""
    return f"r = {expr}\n(r.shape, r.dtype)"


def _tape(body, watch="x"):
    return (f"x = tf.constant(2.0)\nv = tf.constant([1.0, 2.0, 3.0])\n"
            f"with tf.GradientTape() as g:\n    g.watch({watch})\n    z = {body}\n"
            f"g.gradient(z, {watch})")


RANDOM_SHAPES = [
    (f"{name}_{i}", _sd(expr)) for name, exprs in {
        "normal": ["tf.random.normal([2, 3])", "tf.random.normal([2], dtype=tf.float64)",
                   "tf.random.normal([2], dtype=tf.float16)",
                   "tf.random.normal([2], dtype=tf.bfloat16)", "tf.random.normal([])",
                   "tf.random.normal([0, 2])", "tf.random.normal((2,), mean=[1.0, 2.0])",
                   "tf.random.normal(tf.constant([2, 2]))",
                   "tf.random.normal(tf.constant([2, 2], tf.int64))",
                   "tf.random.normal(tf.TensorShape([3]))", "tf.random.normal((3,), 1, 2)",
                   "tf.compat.v1.random_normal([4])",
                   "tf.random.normal([2], stddev=tf.constant([1.0, 2.0]))"],
        "uniform": ["tf.random.uniform([2, 3])", "tf.random.uniform([2], dtype=tf.float64)",
                    "tf.random.uniform([2], dtype=tf.float16)",
                    "tf.random.uniform([2], dtype=tf.bfloat16)",
                    "tf.random.uniform([2], maxval=5, dtype=tf.int32)",
                    "tf.random.uniform([2], maxval=5, dtype=tf.int64)",
                    "tf.random.uniform([2], minval=-3, maxval=5, dtype=tf.int32)",
                    "tf.random.uniform([2], minval=[0.0, 1.0], maxval=2.0)",
                    "tf.random.uniform([2], minval=5, maxval=1)",
                    "tf.compat.v1.random_uniform([3], 0, 10, tf.int32)",
                    "tf.random.uniform([0], minval=5, maxval=5, dtype=tf.int32)"],
        "trunc": ["tf.random.truncated_normal([3, 2])",
                  "tf.random.truncated_normal([3], dtype=tf.float64)",
                  "tf.random.truncated_normal([3], dtype=tf.bfloat16)",
                  "tf.compat.v1.truncated_normal([2], mean=1.0, stddev=3.0)"],
        "categorical": ["tf.random.categorical([[0.0, 1.0]], 3)",
                        "tf.random.categorical([[0.0, 1.0], [1.0, 0.0]], 4, dtype=tf.int32)",
                        "tf.random.categorical([[0.0, 1.0]], 0)",
                        "tf.random.categorical(tf.constant([[0.0, 1.0]], tf.float64), 2)",
                        "tf.random.categorical(tf.constant(np.zeros((0, 3), np.float32)), 2)",
                        "tf.compat.v1.multinomial([[0.0, 1.0]], 3)",
                        "tf.compat.v1.random.multinomial([[0.0, 1.0]], 3, output_dtype=tf.int32)"],
        "shuffle": ["tf.random.shuffle([1, 2, 3])", "tf.random.shuffle(5)",
                    "tf.random.shuffle([[1.0, 2.0], [3.0, 4.0]])",
                    "tf.random.shuffle(['a', 'b', 'c'])", "tf.compat.v1.random_shuffle([1, 2])"],
        "gamma": ["tf.random.gamma([2], 1.0)", "tf.random.gamma([2], [1.0, 2.0, 3.0])",
                  "tf.random.gamma([2], [1.0, 2.0, 3.0], beta=[[1.0], [2.0]])",
                  "tf.random.gamma([2], 1.0, dtype=tf.float64)",
                  "tf.random.gamma([2], 1.0, dtype=tf.float16)", "tf.random.gamma([], 2.0)",
                  "tf.compat.v1.random_gamma([3], 0.5)"],
        "poisson": [f"{V2}.random.poisson([2], 1.0)", f"{V2}.random.poisson([2], [1.0, 2.0, 3.0])",
                    f"{V2}.random.poisson([2], 1.0, dtype=tf.int32)",
                    f"{V2}.random.poisson([2], 1.0, dtype=tf.int64)",
                    f"{V2}.random.poisson([2], 3)",
                    f"{V2}.random.poisson([2], tf.constant(1.0, tf.float64), dtype=tf.float16)",
                    f"{V1}.random.poisson(1.0, [2])", f"{V1}.random_poisson([1.0, 5.0], [3])"],
    }.items() for i, expr in enumerate(exprs)
]

RANDOM_VALUES = [
    ("uniform_range", "r = tf.random.uniform([1000], seed=3).numpy()\n"
                      "bool(r.min() >= 0 and r.max() < 1)"),
    ("uniform_int_range", "r = tf.random.uniform([1000], -2, 3, tf.int32, seed=3).numpy()\n"
                          "sorted(set(r.tolist()))"),
    ("trunc_range", "r = tf.random.truncated_normal([1000], seed=3).numpy()\n"
                    "bool(abs(r).max() <= 2)"),
    ("categorical_dead_class", "tf.random.categorical([[-np.inf, 0.0]], 4)"),
    ("categorical_all_dead", "tf.random.categorical([[-np.inf, -np.inf]], 3)"),
    ("categorical_one_class", "tf.random.categorical([[0.0]], 3)"),
    ("shuffle_perm", "sorted(tf.random.shuffle([3, 1, 2, 5, 4]).numpy().tolist())"),
    ("shuffle_rows", "r = tf.random.shuffle([[1, 1], [2, 2], [3, 3]]).numpy()\n"
                     "sorted(r.tolist())"),
    ("gamma_zero_alpha", "tf.random.gamma([2], 0.0)"),
    ("gamma_positive", "bool(tf.random.gamma([500], 0.1).numpy().min() > 0)"),
    ("poisson_negative_rate", f"{V2}.random.poisson([3], -1.0)"),
    ("poisson_integers", f"r = {V2}.random.poisson([100], 4.0).numpy()\n"
                         "bool((r == np.round(r)).all() and r.min() >= 0)"),
    ("normal_affine_mean", "tf.random.normal([3], mean=5.0, stddev=0.0)"),
    ("uniform_degenerate", "tf.random.uniform([2], minval=2.0, maxval=2.0)"),
]

SEEDS = [
    ("get_seed_none", f"{V1}.get_seed(None)"),
    ("get_seed_op", f"{V1}.get_seed(3)"),
    ("get_seed_op_big", f"{V1}.random.get_seed(2**33)"),
    ("get_seed_global", f"tf.random.set_seed(5)\n({V1}.get_seed(None), {V1}.get_seed(None), "
                        f"{V1}.get_seed(7))"),
    ("get_seed_zero", f"tf.random.set_seed(0)\n{V1}.get_seed(0)"),
    ("get_seed_v1_set", f"{V1}.set_random_seed(9)\n{V1}.get_seed(None)"),
    ("set_seed_returns", "tf.random.set_seed(1)"),
    ("set_random_seed_returns", f"{V1}.set_random_seed(1)"),
    ("seed_repeats_sequence",
     "tf.random.set_seed(1)\na = tf.random.normal([3]); b = tf.random.uniform([3])\n"
     "tf.random.set_seed(1)\nc = tf.random.normal([3]); d = tf.random.uniform([3])\n"
     "(np.array_equal(a, c), np.array_equal(b, d), np.array_equal(a, b))"),
    ("seed_successive_differ",
     "tf.random.set_seed(1)\na = tf.random.normal([3]); b = tf.random.normal([3])\n"
     "np.array_equal(a, b)"),
    ("op_seed_counter",
     "tf.random.set_seed(1)\na = tf.random.normal([3], seed=5); b = tf.random.normal([3], seed=5)\n"
     "tf.random.set_seed(1)\nc = tf.random.normal([3], seed=5); d = tf.random.normal([3], seed=5)\n"
     "(np.array_equal(a, b), np.array_equal(a, c), np.array_equal(b, d))"),
    ("op_seed_without_global",
     f"{V1}.set_random_seed(None)\na = tf.random.uniform([3], seed=7)\n"
     "tf.random.set_seed(None)\nb = tf.random.uniform([3], seed=7)\nnp.array_equal(a, b)"),
    ("global_seed_differs",
     "tf.random.set_seed(1)\na = tf.random.normal([3])\ntf.random.set_seed(2)\n"
     "b = tf.random.normal([3])\nnp.array_equal(a, b)"),
    ("seed_int_uniform_repeats",
     "tf.random.set_seed(4)\na = tf.random.uniform([5], maxval=100, dtype=tf.int64)\n"
     "tf.random.set_seed(4)\nb = tf.random.uniform([5], maxval=100, dtype=tf.int64)\n"
     "np.array_equal(a, b)"),
    ("seed_shuffle_repeats",
     "tf.random.set_seed(4)\na = tf.random.shuffle(tf.constant(np.arange(20)))\n"
     "tf.random.set_seed(4)\nb = tf.random.shuffle(tf.constant(np.arange(20)))\n"
     "np.array_equal(a, b)"),
    ("seed_categorical_gamma_poisson_repeat",
     f"def draw():\n    tf.random.set_seed(8)\n"
     f"    return (tf.random.categorical([[0.0, 0.0, 0.0]], 20), tf.random.gamma([5], 2.0),\n"
     f"            {V2}.random.poisson([5], 3.0), tf.random.truncated_normal([4]))\n"
     "a, b = draw(), draw()\n[np.array_equal(x, y) for x, y in zip(a, b)]"),
    ("seed_float_op_seed", "tf.random.set_seed(1)\ntf.random.normal([2], seed=1.5).shape"),
    ("seed_string_op_seed", "tf.random.normal([2], seed='a')"),
]

RANDOM_ERRORS = [
    ("normal_int_dtype", "tf.random.normal([2], dtype=tf.int32)"),
    ("normal_complex_dtype", "tf.random.normal([2], dtype=tf.complex64)", FIRST),
    ("normal_mean_f64", "tf.random.normal([2], mean=tf.constant(1.0, tf.float64))"),
    ("normal_mean_bcast", "tf.random.normal([2], mean=tf.constant([1.0, 2.0, 3.0]))"),
    ("normal_stddev_bcast", "tf.random.normal([2], stddev=[1.0, 2.0, 3.0])"),
    ("normal_neg_dim", "tf.random.normal([-1])"),
    ("normal_scalar_shape", "tf.random.normal(3)"),
    ("normal_matrix_shape", "tf.random.normal([[2]])"),
    ("normal_float_shape", "tf.random.normal([2.0])", FIRST),
    ("uniform_int_no_max", "tf.random.uniform([2], dtype=tf.int32)"),
    ("uniform_int64_no_max", "tf.random.uniform([2], dtype=tf.int64)"),
    ("uniform_int8", "tf.random.uniform([2], dtype=tf.int8, maxval=3)"),
    ("uniform_bool", "tf.random.uniform([2], dtype=tf.bool, maxval=1)"),
    ("uniform_min_eq_max", "tf.random.uniform([2], minval=5, maxval=5, dtype=tf.int32)"),
    ("uniform_min_gt_max", "tf.random.uniform([2], minval=5, maxval=1, dtype=tf.int64)"),
    ("uniform_int_vector_min", "tf.random.uniform([2], minval=[0, 1], maxval=2, dtype=tf.int32)"),
    ("uniform_int_vector_max", "tf.random.uniform([2], maxval=[1, 2], dtype=tf.int32)"),
    ("uniform_int_float_min", "tf.random.uniform([2], dtype=tf.int32, minval=0.5, maxval=3)"),
    ("uniform_max_f64", "tf.random.uniform([2], maxval=tf.constant(2.0, tf.float64))"),
    ("uniform_min_int_tensor",
     "tf.random.uniform([2], minval=tf.constant(1), maxval=3, dtype=tf.int64)"),
    ("uniform_int_neg_dim", "tf.random.uniform([-2], maxval=3, dtype=tf.int32)"),
    ("uniform_int_scalar_shape", "tf.random.uniform(3, maxval=3, dtype=tf.int32)"),
    ("trunc_int", "tf.random.truncated_normal([3], dtype=tf.int32)"),
    ("trunc_neg_dim", "tf.random.truncated_normal([-2])"),
    ("categorical_int16", "tf.random.categorical([[0.0, 1.0]], 3, dtype=tf.int16)"),
    ("categorical_vector", "tf.random.categorical([0.0, 1.0], 3)"),
    ("categorical_rank3", "tf.random.categorical([[[0.0, 1.0]]], 2)"),
    ("categorical_int_logits", "tf.random.set_seed(None)\ntf.random.categorical([[0, 1]], 3)",
     FIRST),
    ("categorical_int_logits_seeded",
     "tf.random.set_seed(3)\ntf.random.categorical([[0, 1]], 3, seed=4)", FIRST),
    ("categorical_neg_samples", "tf.random.categorical([[0.0, 1.0]], -1)"),
    ("categorical_no_classes",
     "tf.random.categorical(tf.constant(np.zeros((2, 0), np.float32)), 2)"),
    ("categorical_float_samples", "tf.random.categorical([[0.0, 1.0]], 2.5)"),
    ("categorical_int64_samples", "tf.random.categorical([[0.0, 1.0]], tf.constant(2, tf.int64))"),
    ("gamma_int", "tf.random.gamma([2], 1, dtype=tf.int32)"),
    ("gamma_bfloat16", "tf.random.gamma([2], 1.0, dtype=tf.bfloat16)"),
    ("gamma_float_shape", "tf.random.gamma([2.5], 1.0)"),
    ("gamma_neg_dim", "tf.random.gamma([-2], 1.0)"),
    ("gamma_scalar_shape", "tf.random.gamma(2, 1.0)"),
    ("gamma_alpha_f64", "tf.random.gamma([2], tf.constant(1.0, tf.float64))"),
    ("poisson_bool", f"{V2}.random.poisson([2], 1.0, dtype=tf.bool)", FIRST),
    ("poisson_bf16", f"{V2}.random.poisson([2], 1.0, dtype=tf.bfloat16)", FIRST),
    ("poisson_int8_rate", f"{V2}.random.poisson([2], tf.constant(1, tf.int8))", FIRST),
    ("poisson_string_rate", f"{V2}.random.poisson([2], 'a')", FIRST),
    ("poisson_float_shape", f"{V2}.random.poisson([2.5], 1.0)"),
    ("poisson_neg_dim", f"{V2}.random.poisson([-1], 1.0)"),
    ("poisson_scalar_shape", f"{V2}.random.poisson(2, 1.0)"),
]

RANDOM_GRADS = [
    ("grad_normal_mean", _tape("tf.random.normal([3], mean=x)")),
    ("grad_normal_stddev_shape", "r = " + _tape("tf.random.normal([3], stddev=x)") +
     "\n(r.shape, r.dtype)"),
    ("grad_uniform_sum",
     "m = tf.constant(1.0); s = tf.constant(2.0)\nwith tf.GradientTape() as g:\n"
     "    g.watch([m, s])\n    z = tf.random.uniform([4], minval=m, maxval=s)\n"
     "a, b = g.gradient(z, [m, s])\nround(float(a + b), 5)"),
    ("grad_uniform_literal_none",
     "m = tf.constant(1.0)\nwith tf.GradientTape() as g:\n    g.watch(m)\n"
     "    z = tf.random.uniform([4]) * 1.0\ng.gradient(z, m)"),
    ("grad_trunc_mean", _tape("tf.random.truncated_normal([2], mean=x)")),
    ("grad_shuffle_none", _tape("tf.random.shuffle(v * x)")),
    ("grad_gamma_alpha",
     "r = " + _tape("tf.random.gamma([3], v)", "v") + "\n(r.shape, r.dtype)"),
    ("grad_gamma_beta", "r = " + _tape("tf.random.gamma([3], v, beta=x)") + "\n(r.shape, r.dtype)"),
    ("grad_poisson_lookup", _tape(f"{V2}.random.poisson([2], x)")),
    ("grad_categorical_none", _tape("tf.cast(tf.random.categorical([[x, 1.0]], 2), tf.float32)")),
]

COND = [
    ("cond_v1_python_bool", f"{V1}.cond(True, lambda: 1, lambda: 2)"),
    ("cond_v2_tensor", f"{V2}.cond(tf.constant(True), lambda: tf.constant(1), "
                       "lambda: tf.constant(2))"),
    ("cond_v2_false", f"{V2}.cond(tf.constant(False), lambda: 1.5, lambda: 2.5)"),
    ("cond_v2_list", f"{V2}.cond(tf.constant(False), lambda: [tf.constant(1)], "
                     "lambda: [tf.constant(2)])"),
    ("cond_v2_tuple1", f"{V2}.cond(True, lambda: (tf.constant(1),), lambda: (tf.constant(2),))"),
    ("cond_v1_list_unpacked", f"{V1}.cond(True, lambda: [tf.constant(1)], "
                              "lambda: [tf.constant(2)])"),
    ("cond_v1_tuple_unpacked", f"{V1}.cond(True, lambda: (1,), lambda: (2,))"),
    ("cond_v1_strict", f"{V1}.cond(True, lambda: [tf.constant(1)], lambda: [tf.constant(2)], "
                       "strict=True)"),
    ("cond_v1_pair_kept", f"{V1}.cond(True, lambda: [1, 2], lambda: [3, 4])"),
    ("cond_v1_fn1_fn2", f"{V1}.cond(False, fn1=lambda: 1, fn2=lambda: 2)"),
    ("cond_v1_fn1_and_true_fn", f"{V1}.cond(False, lambda: 1, lambda: 2, fn1=lambda: 3)"),
    ("cond_v1_fn2_and_false_fn", f"{V1}.cond(False, lambda: 1, lambda: 2, fn2=lambda: 3)"),
    ("cond_tuple_mixed", f"{V2}.cond(tf.constant(False), lambda: (tf.constant(1), 2.0), "
                         "lambda: (tf.constant(2), 3.0))"),
    ("cond_dict", f"{V2}.cond(tf.constant(False), lambda: {{'a': 1}}, lambda: {{'a': 2}})"),
    ("cond_none", f"{V2}.cond(tf.constant(False), lambda: None, lambda: None)"),
    ("cond_one_element_vector", f"{V2}.cond(tf.constant([True]), lambda: 1, lambda: 2)"),
    ("cond_two_element_vector", f"{V2}.cond(tf.constant([True, False]), lambda: 1, lambda: 2)"),
    ("cond_int_pred", f"{V2}.cond(tf.constant(0), lambda: 1, lambda: 2)"),
    ("cond_python_int", f"{V2}.cond(3, lambda: 1, lambda: 2)"),
    ("cond_float_pred", f"{V2}.cond(tf.constant(1.0), lambda: 1, lambda: 2)"),
    ("cond_variable_pred", f"{V2}.cond(tf.Variable(False), lambda: 1, lambda: 2)"),
    ("cond_numpy_pred", f"{V2}.cond(np.bool_(True), lambda: 1, lambda: 2)"),
    ("cond_none_pred", f"{V2}.cond(None, lambda: 1, lambda: 2)"),
    ("cond_missing_false", f"{V2}.cond(True, lambda: 1)"),
    ("cond_missing_true", f"{V1}.cond(True)"),
    ("cond_true_not_callable", f"{V2}.cond(True, 1, lambda: 2)"),
    ("cond_false_not_callable", f"{V2}.cond(True, lambda: 1, 2)"),
    ("cond_branch_dtypes_differ", f"{V2}.cond(True, lambda: tf.constant(1), "
                                  "lambda: tf.constant(2.0))"),
    ("cond_only_taken_branch_runs",
     "calls = []\n"
     f"{V2}.cond(tf.constant(True), lambda: calls.append('t'), lambda: calls.append('f'))\n"
     "calls"),
    ("cond_grad", _tape(f"{V2}.cond(x > 1.0, lambda: x * x, lambda: x * 3.0)")),
    ("cond_grad_other_branch", _tape(f"{V2}.cond(x > 5.0, lambda: x * x, lambda: x * 3.0)")),
    ("cond_grad_unused_none", _tape(f"{V2}.cond(x > 5.0, lambda: x * x, "
                                    "lambda: tf.constant(1.0))")),
    ("cond_v1_grad", _tape(f"{V1}.cond(x < 5.0, lambda: [x * x * x], lambda: [x])")),
]

CASE = [
    ("case_second", "tf.case([(tf.constant(False), lambda: 1), (tf.constant(True), lambda: 2)], "
                    "default=lambda: 3)"),
    ("case_default", "tf.case([(tf.constant(False), lambda: 1), (tf.constant(False), lambda: 2)], "
                     "default=lambda: 3)"),
    ("case_none_true", "tf.case([(tf.constant(False), lambda: 1), (tf.constant(False), "
                       "lambda: 2)])"),
    ("case_first_of_two", "tf.case([(tf.constant(True), lambda: 1), (tf.constant(True), "
                          "lambda: 2)], default=lambda: 3)"),
    ("case_exclusive_two", "tf.case([(tf.constant(True), lambda: 1), (tf.constant(True), "
                           "lambda: 2)], default=lambda: 3, exclusive=True)"),
    ("case_exclusive_three", "tf.case([(tf.constant(True), lambda: 1), (tf.constant(False), "
                             "lambda: 2), (tf.constant(True), lambda: 4)], exclusive=True)"),
    ("case_exclusive_one", "tf.case([(tf.constant(False), lambda: 1), (tf.constant(True), "
                           "lambda: 2)], exclusive=True)"),
    ("case_single_true", "tf.case([(tf.constant(True), lambda: tf.constant(1))])"),
    ("case_single_false", "tf.case([(tf.constant(False), lambda: tf.constant(1))])"),
    ("case_single_list", "tf.case([(tf.constant(True), lambda: [1])])"),
    ("case_nested_unpack", "tf.case([(tf.constant(False), lambda: [1]), "
                           "(tf.constant(True), lambda: [[2]])], default=lambda: 3)"),
    ("case_strict", "tf.case([(tf.constant(False), lambda: [1])], default=lambda: [3], "
                    "strict=True)"),
    ("case_v1_default_list", f"{V1}.case([(tf.constant(False), lambda: [1])], "
                             "default=lambda: [3])"),
    ("case_pair_list", "tf.case([(tf.constant(False), lambda: [1, 2])], default=lambda: [3, 4])"),
    ("case_dict_not_exclusive", "tf.case({tf.constant(True).ref(): lambda: 1})"),
    ("case_empty", "tf.case([])"),
    ("case_empty_default", "tf.case([], default=lambda: 5)"),
    ("case_python_pred", "tf.case([(True, lambda: 1)])"),
    ("case_vector_pred", "tf.case([(tf.constant([True]), lambda: 1)])"),
    ("case_int_pred", "tf.case([(tf.constant(1), lambda: 1)])"),
    ("case_fn_not_callable", "tf.case([(tf.constant(True), 1)])"),
    ("case_not_pair", "tf.case([tf.constant(True)])"),
    ("case_not_list", "tf.case(1)"),
    ("case_default_not_callable", "tf.case([(tf.constant(False), lambda: 1)], default=2)"),
    ("case_grad", _tape("tf.case([(x > 3.0, lambda: x), (x > 1.0, lambda: x * x * 5.0)], "
                        "default=lambda: x)")),
]

WHILE = [
    ("while_v2_list", f"{V2}.while_loop(lambda i: i < 3, lambda i: [i + 1], [0])"),
    ("while_v2_tuple", f"{V2}.while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,))"),
    ("while_v2_bare_body", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, [0])"),
    ("while_v1_bare_body", f"{V1}.while_loop(lambda i: i < 3, lambda i: i + 1, [0])"),
    ("while_v1_list_body", f"{V1}.while_loop(lambda i: i < 3, lambda i: [i + 1], [0])"),
    ("while_v1_tuple", f"{V1}.while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,))"),
    ("while_v1_tensor_var", f"{V1}.while_loop(lambda i: i < 3, lambda i: i + 1, "
                            "[tf.constant(0)])"),
    ("while_v1_same_structure", f"{V1}.while_loop(lambda i: i < 3, lambda i: [i + 1], [0], "
                                "return_same_structure=True)"),
    ("while_two_vars", f"{V2}.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1, j * 2), "
                       "(tf.constant(0), tf.constant(1.0)))"),
    ("while_two_vars_list_body", f"{V2}.while_loop(lambda i, j: i < 3, lambda i, j: [i + 1, "
                                 "j * 2], (tf.constant(0), tf.constant(1.0)))"),
    ("while_python_vars", f"{V2}.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1, j * 2), "
                          "[0, 1.0])"),
    ("while_no_iterations", f"{V2}.while_loop(lambda i, j: i < 0, lambda i, j: (i + 1, j), "
                            "[0, 1.5])"),
    ("while_nested_vars", f"{V2}.while_loop(lambda i, p: i < 4, lambda i, p: (i + 1, "
                          "(p[0] + i, p[1] * 2)), [0, (0, 1)])"),
    ("while_wrong_count", f"{V2}.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1,), [0, 1.0])",
     FIRST),
    ("while_wrong_nesting", f"{V2}.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1, (j,)), "
                            "[0, 1.0])", FIRST),
    ("while_v2_dict", f"{V2}.while_loop(lambda d: d['a'] < 3, lambda d: {{'a': d['a'] + 1}}, "
                      "[{'a': tf.constant(0)}])", FIRST),
    ("while_v1_dict", f"{V1}.while_loop(lambda d: d['a'] < 3, lambda d: {{'a': d['a'] + 1}}, "
                      "[{'a': tf.constant(0)}])"),
    ("while_v2_dict_list", f"{V2}.while_loop(lambda d: d['a'] < 3, lambda d: [{{'a': d['a'] + "
                           "1}], [{'a': tf.constant(0)}])"),
    ("while_v2_max_iter_single", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, "
                                 "[tf.constant(0)], maximum_iterations=2)", FIRST),
    ("while_v2_max_iter_list", f"{V2}.while_loop(lambda i: i < 9, lambda i: [i + 1], "
                               "[tf.constant(0)], maximum_iterations=2)"),
    ("while_v1_max_iter", f"{V1}.while_loop(lambda i: i < 3, lambda i: i + 1, [tf.constant(0)], "
                          "maximum_iterations=2)"),
    ("while_v1_max_iter_two", f"{V1}.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1, j), "
                              "[tf.constant(0), 1], maximum_iterations=2)", FIRST),
    ("while_v1_max_iter_two_list", f"{V1}.while_loop(lambda i, j: i < 9, lambda i, j: [i + 1, "
                                   "j], [tf.constant(0), 1], maximum_iterations=tf.constant(4))"),
    ("while_max_iter_vector", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, "
                              "[tf.constant(0)], maximum_iterations=[2])"),
    ("while_max_iter_zero", f"{V2}.while_loop(lambda i: i < 3, lambda i: [i + 1], "
                            "[tf.constant(0)], maximum_iterations=0)"),
    ("while_empty_vars", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, [])"),
    ("while_tensor_vars", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, tf.constant(0))"),
    ("while_int_vars", f"{V2}.while_loop(lambda i: i < 3, lambda i: i + 1, 0)"),
    ("while_cond_not_callable", f"{V2}.while_loop(1, lambda i: i + 1, [1])"),
    ("while_body_not_callable", f"{V2}.while_loop(lambda i: i < 3, 1, [1])"),
    ("while_parallel_zero", f"{V2}.while_loop(lambda i: i < 3, lambda i: [i + 1], "
                            "[tf.constant(0)], parallel_iterations=0)"),
    ("while_vector_cond", f"{V2}.while_loop(lambda i: tf.constant([True, False]), "
                          "lambda i: [i + 1], [tf.constant(0)])"),
    ("while_v2_scalar_body_iterates", f"{V2}.while_loop(lambda i: i < 3, lambda i: "
                                      "tf.cast(i, tf.float32) + 1, [tf.constant(0)])"),
    ("while_variable", f"{V2}.while_loop(lambda i: i < 3, lambda i: [i + 1], [tf.Variable(0)])"),
    ("while_accumulate", f"{V2}.while_loop(lambda i, s: i < 4, lambda i, s: (i + 1, "
                         "s + tf.cast(i, tf.float32)), (0, 0.0))"),
    ("while_grad", _tape(f"{V2}.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * x), "
                         "(0, x))[1]")),
    ("while_v1_grad", _tape(f"{V1}.while_loop(lambda a: a < 100.0, lambda a: a * a, [x])")),
]

MAP = [
    ("map_double", "tf.map_fn(lambda x: x * 2, tf.constant([1, 2, 3]))"),
    ("map_numpy", "tf.map_fn(lambda x: x * 2, np.array([1.0, 2.0]))"),
    ("map_matrix_rows", "tf.map_fn(lambda x: x * 2, tf.constant([[1, 2], [3, 4]]))"),
    ("map_dtype_mismatch", "tf.map_fn(lambda x: tf.cast(x, tf.float32), tf.constant([1, 2, 3]))"),
    ("map_dtype", "tf.map_fn(lambda x: tf.cast(x, tf.float32), tf.constant([1, 2, 3]), "
                  "dtype=tf.float32)"),
    ("map_signature", "tf.map_fn(lambda x: tf.cast(x, tf.float32), tf.constant([1, 2, 3]), "
                      "fn_output_signature=tf.float32)"),
    ("map_v1_dtype", f"{V1}.map_fn(lambda x: tf.cast(x, tf.float64), tf.constant([1, 2]), "
                     "dtype=tf.float64)"),
    ("map_tuple_in", "tf.map_fn(lambda x: x[0] + x[1], (tf.constant([1, 2]), "
                     "tf.constant([10, 20])), dtype=tf.int32)"),
    ("map_tuple_in_no_dtype", "tf.map_fn(lambda x: x[0] + x[1], (tf.constant([1, 2]), "
                              "tf.constant([10, 20])))", FIRST),
    ("map_tuple_out", "tf.map_fn(lambda x: (x, x * 2), tf.constant([1, 2]), "
                      "dtype=(tf.int32, tf.int32))"),
    ("map_tuple_out_mixed", "tf.map_fn(lambda x: (x, tf.cast(x, tf.float32)), tf.constant([1, 2]),"
                            " fn_output_signature=(tf.int32, tf.float32))"),
    ("map_dict", "tf.map_fn(lambda x: {'a': x['a'] * 2}, {'a': tf.constant([1, 2])})"),
    ("map_scalar", "tf.map_fn(lambda x: x * 2, tf.constant(1))"),
    ("map_python_list", "tf.map_fn(lambda x: x * 2, [1, 2, 3])"),
    ("map_empty_list", "tf.map_fn(lambda x: x * 2, [])"),
    ("map_empty_rows", "tf.map_fn(lambda x: x * 2, tf.constant(np.zeros((0, 2), np.float32)))"),
    ("map_first_dims_differ", "tf.map_fn(lambda x: x, (tf.constant([1, 2]), "
                              "tf.constant([1, 2, 3])))"),
    ("map_not_callable", "tf.map_fn(1, tf.constant([1]))"),
    ("map_python_result", "tf.map_fn(lambda x: 1, tf.constant([1, 2]))"),
    ("map_python_float_into_float", "tf.map_fn(lambda x: 1, tf.constant([1.0, 2.0]))"),
    ("map_python_float_result", "tf.map_fn(lambda x: 1.5, tf.constant([1, 2]))"),
    ("map_strings", "tf.map_fn(lambda x: x, tf.constant(['a', 'b']))"),
    ("map_variable", "tf.map_fn(lambda x: x + 1.0, tf.Variable([1.0, 2.0]))"),
    ("map_grad", _tape("tf.map_fn(lambda e: e * e * x, v)", "[x, v]")),
]

FOLD_SCAN = [
    ("scan_cumsum", "tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]))"),
    ("scan_init_tensor", "tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]), "
                         "initializer=tf.constant(10))"),
    ("scan_init_python", "tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]), initializer=10)"),
    ("scan_reverse", "tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]), reverse=True)"),
    ("scan_reverse_init", "tf.scan(lambda a, x: a * 10 + x, tf.constant([1, 2, 3]), "
                          "initializer=0, reverse=True)"),
    ("scan_tuple_acc", "tf.scan(lambda a, x: (a[0] + x, a[1] * x), tf.constant([1, 2, 3]), "
                       "initializer=(0, 1))"),
    ("scan_tuple_elems", "tf.scan(lambda a, x: a + x[0] * x[1], (tf.constant([1, 2]), "
                         "tf.constant([3, 4])), initializer=0)"),
    ("scan_tuple_elems_no_init", "tf.scan(lambda a, x: (a[0] + x[0], a[1] * x[1]), "
                                 "(tf.constant([1, 2]), tf.constant([3.0, 4.0])))"),
    ("scan_dtype_clash", "tf.scan(lambda a, x: a + x, tf.constant([1.0, 2.0]), initializer=0)"),
    ("scan_float_init_int_elems", "tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]), "
                                  "initializer=1.5)"),
    ("scan_scalar", "tf.scan(lambda a, x: a + x, tf.constant(1))"),
    ("scan_list_elems", f"{V1}.scan(lambda a, x: a + x, [1, 2, 3])"),
    ("scan_empty", "tf.scan(lambda a, x: a + x, tf.constant(np.zeros(0, np.float32)))"),
    ("scan_empty_init", "tf.scan(lambda a, x: a + x, tf.constant(np.zeros(0, np.float32)), "
                        "initializer=1.0)"),
    ("scan_list_acc", "tf.scan(lambda a, x: [a[0] + x], tf.constant([1, 2]), initializer=[0])"),
    ("scan_list_acc_bare", "tf.scan(lambda a, x: a + x, tf.constant([1, 2]), initializer=[0])",
     FIRST),
    ("scan_rows", "tf.scan(lambda a, x: a + x, tf.constant([[1, 2], [3, 4], [5, 6]]))"),
    ("scan_not_callable", "tf.scan(1, tf.constant([1]))"),
    ("scan_grad", _tape("tf.scan(lambda a, e: a * e, v * x)", "[x, v]")),
    ("foldl_sum", "tf.foldl(lambda a, x: a + x, tf.constant([1, 2, 3]))"),
    ("foldl_init", "tf.foldl(lambda a, x: a + x, tf.constant([1, 2, 3]), initializer=10)"),
    ("foldl_order", "tf.foldl(lambda a, x: a * 10 + x, tf.constant([1, 2, 3]))"),
    ("foldr_order", "tf.foldr(lambda a, x: a * 10 + x, tf.constant([1, 2, 3]))"),
    ("foldr_init", "tf.foldr(lambda a, x: a * 10 + x, tf.constant([1, 2, 3]), initializer=4)"),
    ("foldl_empty", "tf.foldl(lambda a, x: a + x, tf.constant(np.zeros(0, np.float32)))"),
    ("foldr_empty", "tf.foldr(lambda a, x: a + x, tf.constant(np.zeros(0, np.float32)))"),
    ("foldl_empty_init", "tf.foldl(lambda a, x: a + x, tf.constant(np.zeros(0, np.float32)), "
                         "initializer=1.0)"),
    ("foldl_tuple_acc", "tf.foldl(lambda a, x: (a[0] + x, a[1]), tf.constant([1, 2]), "
                        "initializer=(0, 5))"),
    ("foldl_tuple_elems", "tf.foldl(lambda a, x: a + x[0] * x[1], (tf.constant([1, 2]), "
                          "tf.constant([3, 4])), initializer=0)"),
    ("foldl_scalar", "tf.foldl(lambda a, x: a + x, tf.constant(1))"),
    ("foldl_not_callable", "tf.foldl(1, tf.constant([1]))"),
    ("foldr_list_elems", "tf.foldr(lambda a, x: a + x, [1, 2, 3])"),
    ("foldl_v1_list_elems", f"{V1}.foldl(lambda a, x: a + x, [1, 2, 3])"),
    ("foldl_float_init", "tf.foldl(lambda a, x: a + x, tf.constant([1, 2, 3]), initializer=1.5)"),
    ("foldl_list_init_bare", "tf.foldl(lambda a, x: a + x, tf.constant([1, 2]), initializer=[0])",
     FIRST),
    ("foldl_list_init", "tf.foldl(lambda a, x: [a[0] + x], tf.constant([1, 2]), initializer=[0])"),
    ("foldl_rows", "tf.foldl(lambda a, x: a * x, tf.constant([[1, 2], [3, 4], [5, 6]]))"),
    ("foldl_grad", _tape("tf.foldl(lambda a, e: a * e + x, v)", "[x, v]")),
    ("foldr_grad", _tape("tf.foldr(lambda a, e: a * e + x, v, initializer=x)", "[x, v]")),
]

NUMERICS = [
    ("check_numerics_nan", "tf.debugging.check_numerics(tf.constant([1.0, np.nan]), 'bad')"),
    ("check_numerics_inf", "tf.debugging.check_numerics(tf.constant([1.0, np.inf]), 'bad')"),
    ("check_numerics_both", "tf.debugging.check_numerics(tf.constant([np.nan, -np.inf]), 'b')"),
    ("check_numerics_ok", "tf.debugging.check_numerics(tf.constant([1.0, 2.0]), 'ok')"),
    ("check_numerics_f64", "tf.debugging.check_numerics(tf.constant([1.0], tf.float64), 'ok')"),
    ("check_numerics_list", "tf.debugging.check_numerics([1.0, 2.0], 'list')"),
    ("check_numerics_f16", "tf.debugging.check_numerics(tf.constant(np.nan, tf.float16), 'h')"),
    ("check_numerics_bf16", "tf.debugging.check_numerics(tf.constant(np.inf, tf.bfloat16), 'h')"),
    ("check_numerics_int", "tf.debugging.check_numerics(tf.constant([1, 2]), 'int')", FIRST),
    ("check_numerics_complex", "tf.debugging.check_numerics(tf.constant([1 + 1j]), 'c')", FIRST),
    ("check_numerics_v1", f"{V1}.check_numerics(tf.constant([1.0, np.nan]), message='m')"),
    ("check_numerics_grad", _tape("tf.debugging.check_numerics(x * x, 'g')")),
]

ASSERTS = [
    ("assert_equal_ok", f"{V2}.debugging.assert_equal(tf.constant([1, 2]), tf.constant([1, 2]))"),
    ("assert_equal_fail", f"{V2}.debugging.assert_equal(tf.constant([1, 2]), tf.constant([1, 3]))"),
    ("assert_equal_message", f"{V2}.debugging.assert_equal(tf.constant([1, 2]), "
                             "tf.constant([1, 3]), message='hey')"),
    ("assert_equal_positional_message", f"{V2}.assert_equal(tf.constant([1, 2]), "
                                        "tf.constant([1, 3]), 'pos')"),
    ("assert_equal_broadcast", f"{V2}.debugging.assert_equal(tf.constant([1, 2]), 1)"),
    ("assert_equal_bad_shapes", f"{V2}.debugging.assert_equal(tf.constant([1, 2]), [1, 2, 3])"),
    ("assert_equal_dtypes", f"{V2}.debugging.assert_equal(tf.constant([1.0, 2.0]), "
                            "tf.constant([1, 2]))"),
    ("assert_equal_float_int", f"{V2}.debugging.assert_equal(tf.constant(1.0), 1)"),
    ("assert_equal_many", f"{V2}.debugging.assert_equal(tf.constant(np.arange(20)), "
                          "tf.constant(np.arange(20) + 1))"),
    ("assert_equal_summarize", f"{V2}.debugging.assert_equal(tf.constant(np.arange(20)), "
                               "tf.constant(np.arange(20) + 1), summarize=2)"),
    ("assert_equal_summarize_all", f"{V2}.debugging.assert_equal(tf.constant([1, 2, 3, 4]), "
                                   "tf.constant([0, 2, 0, 0]), summarize=-1)"),
    ("assert_equal_matrix", f"{V2}.debugging.assert_equal(tf.constant([[1.5, 2], [3, 4]]), "
                            "tf.constant([[1.5, 0], [3, 0]]))"),
    ("assert_equal_scalars", f"{V2}.debugging.assert_equal(tf.constant(1), tf.constant(2))"),
    ("assert_equal_v1_fail", f"{V1}.assert_equal(tf.constant([1, 2]), tf.constant([1, 3]))"),
    ("assert_equal_v1_ok", f"{V1}.assert_equal(tf.constant([1, 2]), tf.constant([1, 2]))"),
    ("assert_equal_v1_data", f"{V1}.assert_equal(tf.constant([1, 2]), tf.constant([1, 3]), "
                             "data=['x', tf.constant(5)])"),
    ("assert_equal_v1_data_message", f"{V1}.debugging.assert_equal(tf.constant(1), 2, "
                                     "data=[tf.constant([1.5, 2.5])], message='mm')"),
    ("assert_equal_strings", f"{V2}.debugging.assert_equal(tf.constant(['a', 'b']), "
                             "tf.constant(['a', 'c']))"),
    ("assert_near_ok", f"{V2}.debugging.assert_near(tf.constant([1.0, 2.0]), "
                       "tf.constant([1.0, 2.0000001]))"),
    ("assert_near_fail", f"{V2}.debugging.assert_near(tf.constant([1.0, 2.0]), "
                         "tf.constant([1.0, 2.1]))"),
    ("assert_near_rtol", f"{V2}.debugging.assert_near(tf.constant([1.0, 2.0]), "
                         "tf.constant([1.0, 2.1]), rtol=0.1)"),
    ("assert_near_atol_message", f"{V2}.debugging.assert_near(tf.constant([1.0, 2.0]), "
                                 "tf.constant([1.0, 2.1]), atol=0.01, message='m')"),
    ("assert_near_int", f"{V2}.debugging.assert_near(tf.constant([1, 2]), tf.constant([1, 3]))"),
    ("assert_near_f64", f"{V2}.debugging.assert_near(tf.constant([1.0, 2.0], tf.float64), "
                        "tf.constant([1.0, 2.1], tf.float64))"),
    ("assert_near_y_dtype", f"{V2}.debugging.assert_near(tf.constant([1.0]), "
                            "tf.constant([1.0], tf.float64))"),
    ("assert_near_v1", f"{V1}.assert_near(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.1]))"),
    ("assert_near_v1_summarize", f"{V1}.assert_near(tf.constant([1.0, 2.0, 3.0, 4.0]), "
                                 "tf.constant([0.0, 0.0, 0.0, 0.0]), summarize=2)"),
    ("assert_positive_ok", f"{V2}.debugging.assert_positive(tf.constant([1, 2]))"),
    ("assert_positive_fail", f"{V2}.debugging.assert_positive(tf.constant([1, 0]))"),
    ("assert_positive_message", f"{V2}.debugging.assert_positive(tf.constant([1.0, -2.0]), "
                                "message='neg')"),
    ("assert_positive_empty", f"{V2}.debugging.assert_positive(tf.constant([], tf.float32))"),
    ("assert_positive_long", f"{V2}.debugging.assert_positive(tf.constant([-1, 2, 3, 4, 5]))"),
    ("assert_positive_scalar", f"{V2}.debugging.assert_positive(tf.constant(-1.5))"),
    ("assert_positive_v1", f"{V1}.assert_positive(tf.constant([1, 0]))"),
    ("assert_positive_v1_ok", f"{V1}.assert_positive(tf.constant([1, 1]))"),
    ("assert_rank_ok", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), 1)"),
    ("assert_rank_fail", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), 2)"),
    ("assert_rank_message", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), 2, message='msg')"),
    ("assert_rank_tensor", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), tf.constant(2))"),
    ("assert_rank_vector", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), [2])"),
    ("assert_rank_float", f"{V2}.debugging.assert_rank(tf.constant([1, 2]), 1.5)"),
    ("assert_rank_scalar", f"{V2}.assert_rank(tf.constant(3.0), 0)"),
    ("assert_rank_v1", f"{V1}.assert_rank(tf.constant([1, 2]), 2)"),
    ("assert_rank_v1_ok", f"{V1}.assert_rank(tf.constant([1, 2]), 1)"),
    ("assert_rank_at_least", f"{V2}.debugging.assert_rank_at_least(tf.constant([1, 2]), 2)"),
    ("assert_rank_in", f"{V2}.debugging.assert_rank_in(tf.constant([1, 2]), [0, 2])"),
    ("assert_shapes_ok", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), ('N',)), "
                         "(tf.constant([[1, 2]]), (1, 'N'))])"),
    ("assert_shapes_named", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), ('N',)), "
                            "(tf.constant([[1, 2, 3]]), (1, 'N'))])"),
    ("assert_shapes_rank", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), ('N', 'M'))])"),
    ("assert_shapes_rank_in", f"{V2}.debugging.assert_shapes([(tf.constant([[1, 2]]), ('N',))])"),
    ("assert_shapes_size", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), (3,))])"),
    ("assert_shapes_empty_spec", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), ())])"),
    ("assert_shapes_scalar", f"{V2}.debugging.assert_shapes([(tf.constant(1), ())])"),
    ("assert_shapes_ellipsis_late", f"{V2}.debugging.assert_shapes([(tf.constant([[1]]), "
                                    "('.', ...))])"),
    ("assert_shapes_ellipsis", f"{V2}.debugging.assert_shapes([(tf.constant([[1]]), (..., 1))])"),
    ("assert_shapes_ellipsis_fail", f"{V2}.debugging.assert_shapes([(tf.constant([[1]]), "
                                    "(..., 2))])"),
    ("assert_shapes_star", f"{V2}.debugging.assert_shapes([(tf.constant([[[1, 2]]]), "
                           "('*', 'a', 2))])"),
    ("assert_shapes_star_rank", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), "
                                "('*', 'a', 2))])"),
    ("assert_shapes_none", f"{V2}.debugging.assert_shapes([(tf.constant([[1]]), (None, 1))])"),
    ("assert_shapes_skip_none", f"{V2}.debugging.assert_shapes([(tf.constant([[1]]), None)])"),
    ("assert_shapes_dict", f"{V2}.debugging.assert_shapes({{'x': (2,)}})"),
    ("assert_shapes_v1", f"{V1}.debugging.assert_shapes([(tf.constant([1, 2]), (3,))])"),
    ("assert_shapes_message", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), (3,))], "
                              "message='mm')"),
    ("assert_shapes_string_spec", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), 'N')])"),
    ("assert_shapes_not_iterable", f"{V2}.debugging.assert_shapes([(tf.constant([1, 2]), 3)])"),
    ("assert_shapes_same_symbol", f"{V2}.debugging.assert_shapes([(tf.constant([[1, 2], "
                                  "[3, 4], [5, 6]]), ('a', 'a'))])"),
    ("Assert_true", "tf.Assert(tf.constant(True), ['x'])"),
    ("Assert_false", "tf.Assert(tf.constant(False), ['x', tf.constant([1, 2])])"),
    ("Assert_summarize_default", "tf.Assert(tf.constant(False), ['x', "
                                 "tf.constant(np.arange(10))])"),
    ("Assert_summarize", "tf.Assert(tf.constant(False), ['x', tf.constant(np.arange(10))], "
                         "summarize=2)"),
    ("Assert_summarize_all", "tf.Assert(tf.constant(False), [tf.constant([1, 2, 3, 4])], "
                             "summarize=-1)"),
    ("Assert_summarize_zero", "tf.Assert(tf.constant(False), [tf.constant(7), "
                              "tf.constant([1, 2])], summarize=0)"),
    ("Assert_python_false", "tf.Assert(False, ['x'])"),
    ("Assert_int_condition", "tf.Assert(tf.constant(1), ['x'])"),
    ("Assert_vector_condition", "tf.Assert(tf.constant([True, False]), ['x'])"),
    ("Assert_mixed_data", "tf.debugging.Assert(tf.constant(False), [tf.constant([1.5, 2.0]), "
                          "'y', 3])"),
    ("Assert_strings", "tf.Assert(tf.constant(False), [tf.constant(['a', 'b'])])"),
    ("Assert_empty_data", "tf.Assert(tf.constant(False), [])"),
    ("Assert_matrix", "tf.Assert(tf.constant(False), [tf.constant([[1.0, 2.0], [3.0, 4.0]])])"),
]

CASES = (RANDOM_SHAPES + RANDOM_VALUES + SEEDS + RANDOM_ERRORS + RANDOM_GRADS + COND + CASE
         + WHILE + MAP + FOLD_SCAN + NUMERICS + ASSERTS)
