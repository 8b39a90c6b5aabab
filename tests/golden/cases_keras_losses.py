"""tf.keras losses and metrics (Keras 2 = tf_keras) and tf.compat.v1.losses: TF 2.21 goldens.

    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py keras_losses

Recorded with TF_USE_LEGACY_KERAS=1, so `tf.keras` is tf_keras 2.21 (the first case checks it).
Values are compared to 1e-6 relative where logs/exps are involved (XLA's and Eigen's last bits).
"""

R = {"rtol": 1e-6}
K = "tf.keras.losses"
V1 = "tf.compat.v1.losses"

_YT = "yt = np.array([[0., 1., 0.], [1., 0., 0.], [0., 0., 1.], [0., 1., 0.]], '{d}')\n"
_YP = ("yp = np.array([[0.1, 0.7, 0.2], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6], [0.5, 0.1, 0.4]], "
       "'{d}')\n")
_REG_T = "yt = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, 2.5]], '{d}')\n"
_REG_P = "yp = np.array([[1.5, -1.0, 0.0], [0.2, 2.0, 4.0]], '{d}')\n"
_W = "w = np.array([1.0, 0.5, 0.0, 2.0], '{d}')\n"


def _with(ctor, kw):
    """The constructor call with one more keyword argument."""
    return ctor[:-1] + (kw if ctor.endswith("()") else ", " + kw) + ")"


def _grad(expr):
    """(loss, d loss / d yp) with yp a Variable."""
    return ("v = tf.Variable(yp)\nwith tf.GradientTape() as t:\n"
            f"    l = {expr}\n(l, t.gradient(l, v))")


PROB = [  # classes over probabilities (yt one-hot, yp rows of probabilities)
    ("bce", f"{K}.BinaryCrossentropy()"),
    ("bce_smooth", f"{K}.BinaryCrossentropy(label_smoothing=0.2)"),
    ("bce_logits", f"{K}.BinaryCrossentropy(from_logits=True)"),
    ("cce", f"{K}.CategoricalCrossentropy()"),
    ("cce_smooth", f"{K}.CategoricalCrossentropy(label_smoothing=0.1)"),
    ("cce_logits", f"{K}.CategoricalCrossentropy(from_logits=True)"),
    ("cce_logits_smooth", f"{K}.CategoricalCrossentropy(from_logits=True, label_smoothing=0.3)"),
    ("kld", f"{K}.KLDivergence()"),
    ("poisson", f"{K}.Poisson()"),
    ("cosine", f"{K}.CosineSimilarity()"),
    ("cosine_axis0", f"{K}.CosineSimilarity(axis=0)"),
    ("hinge", f"{K}.Hinge()"),
    ("squared_hinge", f"{K}.SquaredHinge()"),
    ("categorical_hinge", f"{K}.CategoricalHinge()"),
    ("mse", f"{K}.MeanSquaredError()"),
    ("mae", f"{K}.MeanAbsoluteError()"),
    ("msle", f"{K}.MeanSquaredLogarithmicError()"),
    ("logcosh", f"{K}.LogCosh()"),
    ("huber", f"{K}.Huber()"),
]
REG = [  # regression classes on real-valued targets
    ("mse", f"{K}.MeanSquaredError()"),
    ("mae", f"{K}.MeanAbsoluteError()"),
    ("mape", f"{K}.MeanAbsolutePercentageError()"),
    ("msle", f"{K}.MeanSquaredLogarithmicError()"),
    ("huber", f"{K}.Huber()"),
    ("huber_delta", f"{K}.Huber(delta=0.5)"),
    ("logcosh", f"{K}.LogCosh()"),
    ("hinge_nonbinary", f"{K}.Hinge()"),
    ("poisson", f"{K}.Poisson()"),
]

CASES = []

for name, ctor in PROB:
    for d in ("float32", "float64"):
        pre = _YT.format(d=d) + _YP.format(d=d)
        CASES.append((f"{name}_{d}", pre + f"{ctor}(yt, yp)", R))
    pre = _YT.format(d="float32") + _YP.format(d="float32") + _W.format(d="float32")
    CASES += [
        (f"{name}_weighted", pre + f"{ctor}(yt, yp, sample_weight=w)", R),
        (f"{name}_scalar_weight", pre + f"{ctor}(yt, yp, sample_weight=2.5)", R),
        (f"{name}_none", pre + _with(ctor, "reduction='none'") + "(yt, yp)", R),
        (f"{name}_sum", pre + _with(ctor, "reduction='sum'")
         + "(yt, yp, sample_weight=w)", R),
        (f"{name}_grad", pre + _grad(f"{ctor}(yt, v)"), R),
        (f"{name}_grad_weighted", pre + _grad(f"{ctor}(yt, v, sample_weight=w)"), R),
    ]
for name, ctor in REG:
    for d in ("float32", "float64"):
        pre = _REG_T.format(d=d) + _REG_P.format(d=d)
        CASES += [(f"reg_{name}_{d}", pre + f"{ctor}(yt, yp)", R),
                  (f"reg_{name}_grad_{d}", pre + _grad(f"{ctor}(yt, v)"), R)]
    pre = _REG_T.format(d="float32") + _REG_P.format(d="float32")
    CASES += [
        (f"reg_{name}_tensor", pre + f"{ctor}(tf.constant(yt), tf.constant(yp))", R),
        (f"reg_{name}_rank1", pre + f"{ctor}(yt[0], yp[0])", R),
        (f"reg_{name}_none", pre + _with(ctor, "reduction='none'") + "(yt, yp)", R),
        (f"reg_{name}_w2d", pre + f"{ctor}(yt, yp, sample_weight=np.array([[1., 0., 2.], "
                                  "[0.5, 0.5, 1.]], 'float32'))", R),
        (f"reg_{name}_w_col", pre + f"{ctor}(tf.constant(yt), tf.constant(yp), "
                                    "sample_weight=tf.constant([[2.], [0.5]]))", R),
        (f"reg_{name}_fn", pre + f"{K}.{name.split('_')[0]}(yt, yp)"
         if name.split('_')[0] in ("mse", "mae", "mape", "msle", "huber", "logcosh", "poisson")
         else pre + f"{K}.hinge(yt, yp)", R),
    ]

S = "sy = np.array([1, 0, 2, 1])\n" + _YP.format(d="float32") + _W.format(d="float32")
CASES += [
    ("scce", S + f"{K}.SparseCategoricalCrossentropy()(sy, yp)", R),
    ("scce_col_labels", S + f"{K}.SparseCategoricalCrossentropy()(tf.constant(sy[:, None]), "
                            "tf.constant(yp))", R),
    ("scce_logits", S + f"{K}.SparseCategoricalCrossentropy(from_logits=True)(sy, yp)", R),
    ("scce_weighted", S + f"{K}.SparseCategoricalCrossentropy()(sy, yp, sample_weight=w)", R),
    ("scce_none", S + f"{K}.SparseCategoricalCrossentropy(reduction='none')(sy, yp)", R),
    ("scce_ignore", S + f"{K}.SparseCategoricalCrossentropy(ignore_class=1, "
                        "reduction='none')(sy, yp)", R),
    ("scce_grad", S + _grad(f"{K}.SparseCategoricalCrossentropy()(sy, v)"), R),
    ("scce_grad_logits", S + _grad(f"{K}.SparseCategoricalCrossentropy(from_logits=True)"
                                   "(sy, v, sample_weight=w)"), R),
    ("scce_rank3", "sy = np.array([[1, 0], [2, 2]])\nyp = np.linspace(0.1, 0.9, 12)."
                   "reshape(2, 2, 3).astype('float32')\n"
                   f"{K}.sparse_categorical_crossentropy(sy, yp)", R),
    ("scce_axis0", S + f"{K}.sparse_categorical_crossentropy(np.array([1, 0, 2]), yp.T, "
                       "axis=0)", R),
    ("scce_float64", S + f"{K}.SparseCategoricalCrossentropy()(sy, yp.astype('float64'))", R),
    ("cce_fn_axis0", _YT.format(d="float32") + _YP.format(d="float32")
     + f"{K}.categorical_crossentropy(yt.T, yp.T, axis=0)", R),
    ("cce_fn_bool_axis", _YT.format(d="float32") + _YP.format(d="float32")
     + f"{K}.categorical_crossentropy(yt, yp, axis=True)"),
    ("cce_shape_mismatch", f"{K}.categorical_crossentropy([[0., 1.]], [[0.5, 0.2, 0.3]])"),
    ("bce_fn_list", f"{K}.binary_crossentropy([[0., 1.], [1., 1.]], [[0.2, 0.9], [1.0, 0.0]])",
     R),
    ("bce_extremes_grad", "yt = np.array([[0., 1., 1.]], 'float32')\n"
                          "yp = np.array([[0., 1., 0.]], 'float32')\n"
                          + _grad(f"{K}.BinaryCrossentropy()(yt, v)"), R),
    ("bce_int_labels", f"{K}.BinaryCrossentropy()(np.array([[0, 1]]), np.array([[0.3, 0.6]]))",
     R),
    ("bce_squeeze", f"{K}.BinaryCrossentropy()(tf.constant([1., 0.]), "
                    "tf.constant([[0.8], [0.3]]))", R),
    ("mse_ints_list", f"{K}.MeanSquaredError()([[1, 2]], [[2, 4]])"),
    ("mse_float16", f"{K}.MeanSquaredError()(np.array([1., 2.], 'float16'), "
                    "np.array([1.5, 2.5], 'float16'))", R),
    ("bce_float16", f"{K}.BinaryCrossentropy()(np.array([[0., 1.]], 'float16'), "
                    "np.array([[0.25, 0.75]], 'float16'))", {"rtol": 1e-3}),
    ("huber_float64_is_float32", f"{K}.Huber()(np.array([1., 2.]), np.array([1.5, 4.]))", R),
    ("bad_reduction", f"{K}.MeanSquaredError(reduction='mean')"),
    ("reduction_values", f"({K}.Reduction.AUTO, {K}.Reduction.NONE, {K}.Reduction.SUM, "
                         f"{K}.Reduction.SUM_OVER_BATCH_SIZE)"),
    ("reduction_all", f"sorted({K}.Reduction.all())"),
    ("names", f"[{K}.MeanSquaredError().name, {K}.BinaryCrossentropy().name, "
              f"{K}.Huber().name, {K}.LogCosh().name, {K}.KLDivergence().name, "
              f"{K}.SparseCategoricalCrossentropy().name, {K}.CosineSimilarity().name]"),
    ("config", f"sorted({K}.BinaryCrossentropy(from_logits=True, name='b').get_config()"
               ".items())"),
    ("get_str", f"{K}.get('mse')(np.array([[1., 2.]]), np.array([[2., 4.]]))"),
    ("get_class_name", f"type({K}.get('CategoricalCrossentropy')).__name__"),
    ("get_callable", f"{K}.get(len) is len"),
    ("get_none", f"{K}.get(None)"),
    ("get_bad", f"{K}.get(3)"),
    ("get_unknown", f"{K}.get('nope')"),
    ("deserialize_dict", f"{K}.deserialize({{'class_name': 'Huber', 'config': "
                         "{'delta': 2.0, 'name': 'h', 'reduction': 'sum'}})(np.array([0.]), "
                         "np.array([3.]))"),
    ("fn_kld", f"{K}.kld(np.array([[0.2, 0.8]]), np.array([[0.5, 0.5]]))", R),
    ("fn_cosine", f"{K}.cosine_similarity(np.array([[1., 0.]]), np.array([[1., 1.]]))", R),
    ("fn_categorical_hinge", f"{K}.categorical_hinge([[0., 1.]], [[0.3, 0.6]])", R),
    ("subclass", "class L(tf.keras.losses.Loss):\n    def call(self, y, p):\n"
                 "        return tf.reduce_mean(tf.abs(y - p), axis=-1)\n"
                 "L()(np.array([[1., 2.], [3., 4.]], 'float32'), "
                 "np.array([[0., 0.], [0., 0.]], 'float32'), sample_weight=[1., 3.])", R),
    ("backend_eps", "tf.keras.backend.epsilon()"),
    ("backend_floatx", "tf.keras.backend.floatx()"),
    ("backend_bce", "tf.keras.backend.binary_crossentropy(tf.constant([1., 0.]), "
                    "tf.constant([0.7, 0.2]))", R),
    ("backend_cce_logits", "tf.keras.backend.categorical_crossentropy(tf.constant([[1., 0.]]), "
                           "tf.constant([[2., 1.]]), from_logits=True)", R),
    ("backend_scce", "tf.keras.backend.sparse_categorical_crossentropy(tf.constant([1]), "
                     "tf.constant([[0.3, 0.7]]))", R),
    ("to_categorical", "tf.keras.utils.to_categorical([0, 2, 1, 2])"),
    ("to_categorical_col", "tf.keras.utils.to_categorical(np.array([[1], [0]]), 3, 'int32')"),
    ("to_categorical_2d", "tf.keras.utils.to_categorical(np.array([[1, 0], [2, 1]]))"),
    ("pad", "tf.keras.preprocessing.sequence.pad_sequences([[1, 2, 3], [4], [5, 6]])"),
    ("pad_post", "tf.keras.preprocessing.sequence.pad_sequences([[1, 2, 3], [4], []], "
                 "maxlen=2, padding='post', truncating='post', value=-1)"),
    ("pad_float", "tf.keras.preprocessing.sequence.pad_sequences([[1.5, 2.5], [4.]], "
                  "dtype='float32', maxlen=3)"),
    ("pad_bad_padding", "tf.keras.preprocessing.sequence.pad_sequences([[1]], padding='mid')"),
    ("pad_bad_trunc", "tf.keras.preprocessing.sequence.pad_sequences([[1, 2]], maxlen=1, "
                      "truncating='x')"),
    ("pad_utils", "tf.keras.utils.pad_sequences([[1, 2], [3]])"),
]

# -- metrics ----------------------------------------------------------------------------------
M = "tf.keras.metrics"


def _seq(ctor, updates, extra=""):
    """The metric's result after each update, then its variables, then after reset_state."""
    lines = [f"m = {ctor}", "out = []"]
    for u in updates:
        lines.append(f"out.append(m({u}))")
    lines.append("out.append([(v.name, v.numpy()) for v in m.variables])")
    lines.append("m.reset_state()")
    lines.append("out.append(m.result())")
    return "\n".join(lines) + "\n" + extra + "out"


CASES += [
    ("m_mean", _seq(f"{M}.Mean()", ["[1., 2., 3.]", "4.", "np.array([5., 6.])"]), R),
    ("m_mean_weighted", _seq(f"{M}.Mean()", ["[1., 2., 3.], sample_weight=[1., 0., 2.]",
                                             "[[1., 2.], [3., 4.]], sample_weight=[0.5, 2.]",
                                             "7., sample_weight=3."]), R),
    ("m_mean_float64", _seq(f"{M}.Mean(dtype='float64')", ["[0.1, 0.2]", "[0.3]"])),
    ("m_mean_int_values", _seq(f"{M}.Mean()", ["[1, 2]", "tf.constant([True, False])"])),
    ("m_sum", _seq(f"{M}.Sum()", ["[1., 2., 3.]", "[[1., 2.], [3., 4.]], sample_weight=[1., 0.]"]),
     R),
    ("m_mse", _seq(f"{M}.MeanSquaredError()", ["[[0., 1.], [1., 1.]], [[1., 1.], [1., 0.]]",
                                               "[[1., 2.]], [[3., 2.]], sample_weight=[2.]"]), R),
    ("m_accuracy", _seq(f"{M}.Accuracy()", ["[[1], [2], [3], [4]], [[0], [2], [3], [4]]",
                                            "[1, 2], [1, 0], sample_weight=[1., 3.]"])),
    ("m_binary_accuracy", _seq(f"{M}.BinaryAccuracy()", ["[[1], [1], [0], [0]], "
                                                         "[[0.98], [1], [0], [0.6]]",
                                                         "[[1., 0.]], [[0.4, 0.2]]"])),
    ("m_binary_accuracy_thr", _seq(f"{M}.BinaryAccuracy(threshold=0.7)",
                                   ["[1, 1, 0, 0], [0.98, 0.6, 0.1, 0.8], "
                                    "sample_weight=[1., 0., 0., 1.]"])),
    ("m_categorical_accuracy", _seq(f"{M}.CategoricalAccuracy()",
                                    ["[[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]",
                                     "[[0, 1]], [[0.3, 0.7]], sample_weight=[0.5]"])),
    ("m_sparse_categorical_accuracy", _seq(f"{M}.SparseCategoricalAccuracy()",
                                           ["[[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]",
                                            "[0, 2], [[0.5, 0.2, 0.3], [0.1, 0.1, 0.1]]"])),
    ("m_top_k", _seq(f"{M}.TopKCategoricalAccuracy(k=1)",
                     ["[[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]"])),
    ("m_top_k2", _seq(f"{M}.TopKCategoricalAccuracy(k=2)",
                      ["[[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]",
                       "[[1, 0, 0]], [[0.5, 0.5, 0.5]]"])),
    ("m_sparse_top_k", _seq(f"{M}.SparseTopKCategoricalAccuracy(k=1)",
                            ["[2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]",
                             "[[0], [1]], [[0.5, 0.2, 0.3], [0.1, 0.1, 0.8]], "
                             "sample_weight=[2., 1.]"])),
    ("m_precision", _seq(f"{M}.Precision()", ["[0, 1, 1, 1], [1, 0, 1, 1]",
                                              "[0, 1, 1, 1], [1, 0, 1, 1], "
                                              "sample_weight=[0, 0, 1, 0]"])),
    ("m_precision_thresholds", _seq(f"{M}.Precision(thresholds=[0.3, 0.6])",
                                    ["[0, 1, 1, 0], [0.2, 0.7, 0.4, 0.9]"])),
    ("m_precision_top_k", _seq(f"{M}.Precision(top_k=2)",
                               ["[[0, 0, 1, 1]], [[1, 1, 1, 1]]",
                                "[[1, 0, 1, 0]], [[0.9, 0.2, 0.1, 0.8]]"])),
    ("m_precision_class_id", _seq(f"{M}.Precision(class_id=1)",
                                  ["[[0, 1], [1, 1], [0, 0]], [[0.2, 0.8], [0.6, 0.3], "
                                   "[0.1, 0.9]]"])),
    ("m_recall", _seq(f"{M}.Recall()", ["[0, 1, 1, 1], [1, 0, 1, 1]",
                                        "[0, 1, 1, 1], [1, 0, 1, 1], "
                                        "sample_weight=[0, 0, 1, 0]"])),
    ("m_recall_even_thresholds", _seq(f"{M}.Recall(thresholds=[0.0, 0.5, 1.0])",
                                      ["[0, 1, 1, 1], [0.0, 0.5, 0.7, 1.0]"])),
    ("m_auc", _seq(f"{M}.AUC()", ["[0, 0, 1, 1], [0., 0.5, 0.3, 0.9]",
                                  "[1, 0, 1], [0.2, 0.8, 0.7], sample_weight=[1., 0.5, 2.]"]), R),
    ("m_auc_small", _seq(f"{M}.AUC(num_thresholds=3)", ["[0, 0, 1, 1], [0, 0.5, 0.3, 0.9]"]), R),
    ("m_auc_pr", _seq(f"{M}.AUC(curve='PR')", ["[0, 0, 1, 1, 1], [0.1, 0.5, 0.3, 0.9, 0.6]"]),
     R),
    ("m_auc_pr_minoring", _seq(f"{M}.AUC(curve='PR', summation_method='minoring', "
                               "num_thresholds=10)",
                               ["[0, 0, 1, 1, 1], [0.1, 0.5, 0.3, 0.9, 0.6]"]), R),
    ("m_auc_majoring", _seq(f"{M}.AUC(summation_method='majoring', num_thresholds=7)",
                            ["[0, 1, 1, 0, 1], [0.1, 0.5, 0.3, 0.9, 0.6]"]), R),
    ("m_auc_thresholds", _seq(f"{M}.AUC(thresholds=[0.25, 0.5, 0.75])",
                              ["[0, 1, 1, 0, 1], [0.1, 0.5, 0.3, 0.9, 0.6]"]), R),
    ("m_auc_uneven_thresholds", _seq(f"{M}.AUC(thresholds=[0.2, 0.4, 0.45])",
                                     ["[0, 1, 1, 0, 1], [0.1, 0.5, 0.3, 0.9, 0.6]"]), R),
    ("m_auc_logits", _seq(f"{M}.AUC(from_logits=True)", ["[0, 1, 1], [-1., 2., 0.5]"]), R),
    ("m_auc_bad_curve", f"{M}.AUC(curve='XY')"),
    ("m_auc_thresholds_attr", f"len({M}.AUC(num_thresholds=5).thresholds)"),
    ("m_reset_states", "m = tf.keras.metrics.Mean()\nm.update_state([1., 3.])\n"
                       "m.reset_states()\nm.update_state(5.)\nm.result()"),
    ("m_names", f"[{M}.Mean(name='x').name, {M}.CategoricalAccuracy().name, "
                f"{M}.SparseTopKCategoricalAccuracy().name, {M}.BinaryAccuracy().name, "
                f"{M}.MeanSquaredError().name, {M}.Mean().dtype]"),
    ("m_variables_nontrainable", f"[v.trainable for v in {M}.AUC(num_thresholds=4).variables]"),
    ("m_in_function", "m = tf.keras.metrics.Mean()\n@tf.function\ndef f(x):\n"
                      "    m.update_state(x)\n    return m.result()\n"
                      "[f(tf.constant([1., 2.])), f(tf.constant([6.]))]"),
    ("m_weights_bad", "m = tf.keras.metrics.Mean()\nm.update_state([[1., 2.], [3., 4.]], "
                      "sample_weight=[[1., 2., 3.]])\nm.result()"),
    ("m_weights_reduce", "m = tf.keras.metrics.Mean()\nm.update_state([[1., 2., 3.], "
                         "[3., 4., 5.]], sample_weight=[[1.], [2.]])\nm.result()"),
    ("mf_categorical_accuracy", f"{M}.categorical_accuracy([[0, 0, 1], [0, 1, 0]], "
                                "[[0.1, 0.9, 0.8], [0.05, 0.95, 0]])"),
    ("mf_sparse_categorical_accuracy", f"{M}.sparse_categorical_accuracy([[2], [1]], "
                                       "[[0.1, 0.6, 0.3], [0.05, 0.95, 0]])"),
    ("mf_binary_accuracy", f"{M}.binary_accuracy([[1., 1.], [0., 0.]], "
                           "[[0.98, 0.3], [0.2, 0.6]])"),
    ("mf_top_k", f"{M}.top_k_categorical_accuracy([[0, 0, 1], [0, 1, 0]], "
                 "[[0.1, 0.9, 0.8], [0.05, 0.95, 0]], k=1)"),
    ("mf_sparse_top_k_ties", f"{M}.sparse_top_k_categorical_accuracy([0, 2], "
                             "[[0.5, 0.5, 0.5], [0.9, 0.8, 0.1]], k=1)"),
    ("mf_mse", f"{M}.mse([[0., 1.], [1., 1.]], [[1., 1.], [1., 0.]])"),
]

# -- tf.compat.v1.losses ----------------------------------------------------------------------
_L = "labels = np.array([[1., 0., 2.], [0.5, 1., -1.]], '{d}')\n"
_P = "preds = np.array([[0.5, 0.5, 2.5], [0.5, 3., 0.]], '{d}')\n"
_B = ("blab = np.array([[1., 0., 1.], [0., 1., 1.]], '{d}')\n"
      "bp = np.array([[0.9, 0.2, 0.6], [0.3, 0.8, 0.1]], '{d}')\n")
V1_FNS = [
    ("mse", f"{V1}.mean_squared_error(labels, {{p}}{{kw}})"),
    ("absdiff", f"{V1}.absolute_difference(labels, {{p}}{{kw}})"),
    ("huber", f"{V1}.huber_loss(labels, {{p}}{{kw}})"),
    ("huber_delta", f"{V1}.huber_loss(labels, {{p}}, delta=0.7{{kw}})"),
    ("log_loss", f"{V1}.log_loss(blab, {{p}}{{kw}})"),
    ("hinge", f"{V1}.hinge_loss(blab, {{p}}{{kw}})"),
    ("cosine", f"{V1}.cosine_distance(labels, {{p}}, axis=1{{kw}})"),
    ("sigmoid_xent", f"{V1}.sigmoid_cross_entropy(blab, {{p}}{{kw}})"),
    ("sigmoid_xent_smooth", f"{V1}.sigmoid_cross_entropy(blab, {{p}}, label_smoothing=0.2{{kw}})"),
    ("softmax_xent", f"{V1}.softmax_cross_entropy(blab, {{p}}{{kw}})"),
    ("softmax_xent_smooth", f"{V1}.softmax_cross_entropy(blab, {{p}}, label_smoothing=0.1{{kw}})"),
]
WEIGHTS = [
    ("", ""),
    ("_w_scalar", ", weights=2.0"),
    ("_w_zero", ", weights=0.0"),
    ("_w_col", ", weights=np.array([[1.], [0.]], 'float32')"),
    ("_w_full", ", weights=np.array([[1., 0., 2.], [0., 0.5, 1.]], 'float32')"),
    ("_sum", ", reduction=tf.compat.v1.losses.Reduction.SUM"),
    ("_mean", ", weights=np.array([[1.], [3.]], 'float32'), "
              "reduction=tf.compat.v1.losses.Reduction.MEAN"),
    ("_batch", ", weights=np.array([[1.], [0.]], 'float32'), "
               "reduction=tf.compat.v1.losses.Reduction.SUM_OVER_BATCH_SIZE"),
    ("_none", ", weights=np.array([[1.], [2.]], 'float32'), "
              "reduction=tf.compat.v1.losses.Reduction.NONE"),
]
for name, tmpl in V1_FNS:
    p = "bp" if name.split("_")[0] in ("log", "hinge", "sigmoid", "softmax") else "preds"
    pre = _L.format(d="float32") + _P.format(d="float32") + _B.format(d="float32")
    for wname, kw in WEIGHTS:
        CASES.append((f"v1_{name}{wname}", pre + tmpl.format(p=p, kw=kw), R))
    CASES.append((f"v1_{name}_grad", pre + f"yp = {p}\n" + _grad(tmpl.format(p="v", kw="")), R))
    pre64 = _L.format(d="float64") + _P.format(d="float64") + _B.format(d="float64")
    CASES.append((f"v1_{name}_float64", pre64 + tmpl.format(p=p, kw=""), R))
CASES += [
    ("v1_sparse", f"{V1}.sparse_softmax_cross_entropy([1, 0, 2], [[1., 2., 0.], [3., 0.5, 1.], "
                  "[0., 0., 5.]])", R),
    ("v1_sparse_weights", f"{V1}.sparse_softmax_cross_entropy([1, 0, 2], [[1., 2., 0.], "
                          "[3., 0.5, 1.], [0., 0., 5.]], weights=[1., 0., 2.])", R),
    ("v1_sparse_weights_col", f"{V1}.sparse_softmax_cross_entropy([[1], [0], [2]], [[1., 2., 0.], "
                              "[3., 0.5, 1.], [0., 0., 5.]], weights=[[1.], [0.], [2.]])", R),
    ("v1_sparse_grad", "yp = np.array([[1., 2., 0.], [3., 0.5, 1.]], 'float32')\n"
                       + _grad(f"{V1}.sparse_softmax_cross_entropy([1, 0], v, weights=[2., 1.])"),
     R),
    ("v1_reduction_values", f"sorted({V1}.Reduction.all())"),
    ("v1_reduction_default", f"{V1}.Reduction.SUM_BY_NONZERO_WEIGHTS"),
    ("v1_bad_reduction", f"{V1}.mean_squared_error([1.], [2.], reduction='mean')"),
    ("v1_none_labels", f"{V1}.mean_squared_error(None, [2.])"),
    ("v1_shape_mismatch", f"{V1}.mean_squared_error([1., 2.], [2., 3., 4.])"),
    ("v1_bad_weights", f"{V1}.mean_squared_error([[1., 2.]], [[2., 3.]], weights=[1., 2., 3.])"),
    ("v1_bad_weights_rank", f"{V1}.mean_squared_error([[1., 2.]], [[2., 3.]], "
                            "weights=[[[1.]]])"),
    ("m_auc_bad_summation", "tf.keras.metrics.AUC(summation_method='trapezoid')"),
    ("m_sparse_acc_fn_col", "tf.keras.metrics.SparseCategoricalAccuracy()([[2], [1]], "
                            "[[0.1, 0.6, 0.3], [0.05, 0.95, 0]])"),
    ("m_binary_acc_class_vs_fn", "y, p = [[1., 0.], [1., 1.]], [[0.4, 0.2], [0.9, 0.8]]\n"
                                 "(tf.keras.metrics.BinaryAccuracy()(y, p), "
                                 "tf.keras.metrics.binary_accuracy(y, p))"),
    ("v1_cosine_no_axis", f"{V1}.cosine_distance([[1., 0.]], [[1., 0.]])"),
    ("v1_cosine_dim", f"{V1}.cosine_distance([[1., 0.]], [[0.6, 0.8]], dim=1)", R),
    ("v1_compute_weighted", f"{V1}.compute_weighted_loss([[1., 2.], [3., 4.]], "
                            "weights=[[1., 0.], [2., 0.]])"),
    ("v1_compute_weighted_int", f"{V1}.compute_weighted_loss(np.array([1, 2, 4]))"),
    ("v1_compute_weighted_f64", f"{V1}.compute_weighted_loss(np.array([0.1, 0.2, 0.4]))"),
    ("v1_get_losses", f"{V1}.get_losses()"),
    ("v1_regularization_loss", f"{V1}.get_regularization_loss()"),
    ("v1_add_loss", f"{V1}.add_loss(tf.constant(1.0))"),
]
