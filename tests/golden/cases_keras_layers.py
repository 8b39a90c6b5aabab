"""tf.keras layers, models and summaries with Keras 2 semantics: golden cases from `tf_keras`.

Recording note: TF 2.21's own tf.keras is Keras 3; legacy TF1 code expects Keras 2, which is the
`tf_keras` package. Install it into the TF venv and record with TF_USE_LEGACY_KERAS=1 so that
`tf.keras` is Keras 2 (the case `keras_version` records which Keras answered):

    /root/tfvenv/bin/pip install "tf-keras==2.21.*"
    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py keras_layers

Every case starts with `clear_session()` (layer names count per session). Weights are fixed via
`set_weights` (cos values; variances shifted positive), so forward outputs and gradients (w.r.t.
the input and the trainable weights, of sum(y * y)) compare by value; random initial values
differ by design and are tested statistically in tests/test_keras_layers.py.
"""

L = "tf.keras.layers"
TOL = {"rtol": 1e-5}

_SET = """def fixed(layer):
    layer.set_weights([np.cos(np.arange(w.size) * 0.7).reshape(w.shape).astype(w.dtype) * 0.5
                       + (1.0 if 'variance' in v.name else 0.0)
                       for w, v in zip(layer.get_weights(), layer.weights)])
"""


def _layer(ctor, shape, call="", dtype="float32", grad=True):
    n = 1
    for s in shape:
        n *= s
    src = ("tf.keras.backend.clear_session()\n" + _SET
           + f"layer = {ctor}\n"
           + f"x = tf.constant(np.linspace(-2, 2, {n}).reshape({shape}).astype('{dtype}'))\n"
           + "layer(x)\nfixed(layer)\n")
    if not grad:
        return src + (f"y = layer(x{call})\n"
                      "[y, [(v.name, v.shape.as_list(), v.trainable) for v in layer.weights]]")
    return src + (
        "with tf.GradientTape(persistent=True) as t:\n"
        "    t.watch(x)\n"
        f"    y = layer(x{call})\n"
        "    s = tf.reduce_sum(y * y)\n"
        "[y, [(v.name, v.shape.as_list(), v.trainable) for v in layer.weights], "
        "t.gradient(s, x), t.gradient(s, layer.trainable_weights), "
        "[w.numpy() for w in layer.weights]]")


LAYERS = [
    ("dense", f"{L}.Dense(3)", (2, 4)),
    ("dense_rank3", f"{L}.Dense(2, activation='relu')", (2, 3, 4)),
    ("dense_softmax_nobias", f"{L}.Dense(3, activation='softmax', use_bias=False)", (2, 4)),
    ("dense_tanh", f"{L}.Dense(2, activation='tanh')", (3, 2)),
    ("dense_f64_autocast", f"{L}.Dense(2)", (2, 3), "", "float64"),
    ("conv1d", f"{L}.Conv1D(2, 3)", (2, 7, 3)),
    ("conv1d_same_stride", f"{L}.Conv1D(2, 3, strides=2, padding='same')", (2, 7, 3)),
    ("conv1d_causal_dilated", f"{L}.Conv1D(2, 2, padding='causal', dilation_rate=2)", (1, 6, 2)),
    ("conv2d", f"{L}.Conv2D(2, 3)", (2, 5, 5, 3)),
    ("conv2d_same_stride", f"{L}.Conv2D(3, (3, 2), strides=2, padding='same', "
                           "activation='relu')", (1, 6, 5, 2)),
    ("conv2d_dilated", f"{L}.Conv2D(2, 2, dilation_rate=2, use_bias=False)", (1, 5, 5, 1)),
    ("conv2d_transpose", f"{L}.Conv2DTranspose(3, 3, strides=2)", (1, 3, 3, 2)),
    ("conv2d_transpose_same", f"{L}.Conv2DTranspose(2, 2, strides=2, padding='same')",
     (2, 2, 3, 1)),
    ("depthwise", f"{L}.DepthwiseConv2D(2, depth_multiplier=2)", (1, 4, 4, 2)),
    ("depthwise_same", f"{L}.DepthwiseConv2D(3, padding='same', strides=2)", (1, 5, 5, 3)),
    ("separable", f"{L}.SeparableConv2D(3, 2)", (1, 4, 4, 2)),
    ("separable_dm", f"{L}.SeparableConv2D(2, 3, padding='same', depth_multiplier=2)",
     (1, 4, 4, 2)),
    ("maxpool", f"{L}.MaxPool2D()", (1, 4, 4, 2)),
    ("maxpool_same", f"{L}.MaxPooling2D(3, strides=2, padding='same')", (2, 5, 5, 1)),
    ("avgpool", f"{L}.AveragePooling2D()", (1, 4, 5, 2)),
    ("avgpool_same", f"{L}.AveragePooling2D(3, strides=1, padding='same')", (1, 3, 3, 1)),
    ("global_avg", f"{L}.GlobalAveragePooling2D()", (2, 3, 3, 2)),
    ("global_max", f"{L}.GlobalMaxPool2D()", (2, 3, 3, 2)),
    ("global_avg_keepdims", f"{L}.GlobalAveragePooling2D(keepdims=True)", (1, 2, 2, 3)),
    ("flatten", f"{L}.Flatten()", (2, 3, 2)),
    ("reshape", f"{L}.Reshape((3, 2))", (2, 6)),
    ("reshape_infer", f"{L}.Reshape((-1, 2))", (2, 2, 3)),
    ("permute", f"{L}.Permute((2, 1))", (2, 3, 4)),
    ("dropout_inference", f"{L}.Dropout(0.5)", (2, 3)),
    ("dropout_training_zero", f"{L}.Dropout(0.0)", (2, 3), ", training=True"),
    ("bn_inference", f"{L}.BatchNormalization()", (4, 3)),
    ("bn_training", f"{L}.BatchNormalization()", (4, 3), ", training=True"),
    ("bn_training_4d", f"{L}.BatchNormalization(momentum=0.9)", (2, 3, 3, 2), ", training=True"),
    ("bn_inference_4d", f"{L}.BatchNormalization(epsilon=0.01)", (2, 2, 2, 3)),
    ("bn_axis1", f"{L}.BatchNormalization(axis=1, center=False)", (3, 2, 2), ", training=True"),
    ("layernorm", f"{L}.LayerNormalization()", (3, 4)),
    ("layernorm_3d", f"{L}.LayerNormalization(epsilon=1e-5)", (2, 3, 4)),
    ("layernorm_axes", f"{L}.LayerNormalization(axis=[1, 2])", (2, 3, 2)),
    ("activation_relu", f"{L}.Activation('relu')", (2, 5)),
    ("activation_sigmoid", f"{L}.Activation('sigmoid')", (2, 5)),
    ("activation_swish", f"{L}.Activation(tf.keras.activations.swish)", (2, 3)),
    ("leaky_relu", f"{L}.LeakyReLU()", (2, 5)),
    ("leaky_relu_alpha", f"{L}.LeakyReLU(alpha=0.1)", (2, 5)),
    ("relu_max", f"{L}.ReLU(max_value=1.0)", (2, 5)),
    ("relu6", f"{L}.ReLU(max_value=6)", (2, 5)),
    ("relu_slope_threshold", f"{L}.ReLU(negative_slope=0.2, threshold=0.5)", (2, 5)),
    ("relu_all", f"{L}.ReLU(max_value=1.5, negative_slope=0.1, threshold=0.5)", (2, 5)),
    ("relu_negative_threshold", f"{L}.ReLU(threshold=-0.5)", (2, 5)),
    ("softmax", f"{L}.Softmax()", (2, 4)),
    ("softmax_axis0", f"{L}.Softmax(axis=0)", (3, 2)),
    ("zero_padding", f"{L}.ZeroPadding2D()", (1, 2, 2, 1)),
    ("zero_padding_asym", f"{L}.ZeroPadding2D(((1, 0), (2, 1)))", (1, 2, 3, 2)),
    ("upsampling", f"{L}.UpSampling2D()", (1, 2, 2, 1)),
    ("upsampling_32", f"{L}.UpSampling2D((3, 2))", (2, 2, 3, 2)),
    ("lambda", f"{L}.Lambda(lambda t: t * 2.0 + 1.0)", (2, 3)),
    ("lambda_args", f"{L}.Lambda(lambda t, k: t ** k, arguments={{'k': 3}})", (2, 2)),
]

CASES = [("keras_version", "import tf_keras\n"
          "tf_keras.__version__, type(tf.keras.layers.Dense(1)).__module__.split('.')[0]")]
for _id, _ctor, _shape, *_rest in LAYERS:
    _opts = {} if _id.startswith(("flatten", "reshape", "permute", "dropout", "zero",
                                  "maxpool")) else TOL
    CASES.append((_id, _layer(_ctor, _shape, *_rest), _opts))

_M = "tf.keras.backend.clear_session()\n" + _SET

CASES += [
    ("embedding", _M + f"layer = {L}.Embedding(5, 3)\nids = tf.constant([[0, 4], [2, 2]])\n"
     "layer(ids)\nfixed(layer)\nwith tf.GradientTape() as t:\n    y = layer(ids)\n"
     "    s = tf.reduce_sum(y * y)\n"
     "y, [v.name for v in layer.weights], tf.convert_to_tensor(t.gradient(s, layer.embeddings))",
     {}),
    ("embedding_float_ids", _M + f"layer = {L}.Embedding(4, 2)\n"
     "y = layer(np.array([[1.0, 3.0]]))\nfixed(layer)\nlayer(np.array([[1.0, 3.0]]))", {}),
    ("merge_layers", _M + "a = tf.constant([[1.0, 2.0], [3.0, 4.0]])\n"
     "b = tf.constant([[0.5, -1.0], [2.0, 0.25]])\n"
     f"[{L}.Add()([a, b]), {L}.Multiply()([a, b]), {L}.Concatenate()([a, b]), "
     f"{L}.Concatenate(axis=0)([a, b]), {L}.add([a, b, a]), {L}.concatenate([a, b], axis=1), "
     f"{L}.multiply([a, b]), {L}.Subtract()([a, b]), {L}.Average()([a, b]), "
     f"{L}.Maximum()([a, b]), {L}.Minimum()([a, b])]", {}),
    ("merge_grad", _M + "a = tf.constant([[1.0, 2.0]])\nb = tf.constant([[0.5, -1.0]])\n"
     "with tf.GradientTape(persistent=True) as t:\n    t.watch([a, b])\n"
     f"    y = {L}.Multiply()([a, {L}.Add()([a, b])])\n"
     "t.gradient(y, [a, b])", {}),
    ("layer_names", _M + f"ls = [{L}.Dense(1), {L}.Dense(1), {L}.Conv2D(1, 1), "
     f"{L}.BatchNormalization(), {L}.MaxPool2D(), {L}.LeakyReLU(), {L}.ReLU(), "
     f"{L}.GlobalAveragePooling2D(), {L}.ZeroPadding2D(), {L}.UpSampling2D(), "
     f"{L}.Conv2DTranspose(1, 1), {L}.SeparableConv2D(1, 1), {L}.DepthwiseConv2D(1), "
     f"{L}.Dense(1, name='mine'), {L}.Dense(1)]\n"
     "names = [l.name for l in ls]\ntf.keras.backend.clear_session()\n"
     f"names, {L}.Dense(1).name", {}),
    ("unbuilt_layer", _M + f"d = {L}.Dense(2)\n[d.built, d.weights, d.name, d.trainable]", {}),
    ("build_directly", _M + f"d = {L}.Dense(2)\nd.build((None, 3))\n"
     "[(v.name, v.shape.as_list()) for v in d.weights], d.built", {}),
    ("count_params_unbuilt", _M + f"{L}.Dense(2).count_params()", {}),
    ("set_weights_count", _M + f"d = {L}.Dense(2)\nd(tf.ones((1, 3)))\n"
     "d.set_weights([np.ones((3, 2))])", {}),
    ("set_weights_shape", _M + f"d = {L}.Dense(2)\nd(tf.ones((1, 3)))\n"
     "d.set_weights([np.ones((2, 2)), np.ones(2)])", {}),
    ("regularizer_losses", _M + f"d = {L}.Dense(2, kernel_regularizer=tf.keras.regularizers."
     "l2(0.1), bias_regularizer=tf.keras.regularizers.l1(0.2))\n"
     "d(tf.ones((1, 3)))\nfixed(d)\n"
     "l1l2 = tf.keras.regularizers.L1L2(l1=0.01, l2=0.02)\n"
     "d.losses, l1l2(tf.constant([1.0, -2.0, 3.0])), "
     "tf.keras.regularizers.L2(0.5)(tf.constant([[1.0, 2.0]], tf.float64))", TOL),
    ("activity_regularizer", _M + f"d = {L}.Dense(2, activity_regularizer='l2')\n"
     "d(tf.ones((2, 3)))\nfixed(d)\ny = d(tf.ones((2, 3)))\nd.losses", TOL),
    ("trainable_false", _M + f"d = {L}.Dense(2)\nd(tf.ones((1, 3)))\nd.trainable = False\n"
     "[v.name for v in d.trainable_weights], [v.name for v in d.non_trainable_weights], "
     "[v.name for v in d.weights], [v.trainable for v in d.weights]", {}),
    ("bn_weights_order", _M + f"bn = {L}.BatchNormalization()\nbn(tf.ones((2, 3)))\n"
     "[[v.name for v in vs] for vs in (bn.weights, bn.trainable_weights, "
     "bn.non_trainable_weights, bn.variables)]", {}),
    ("activations_by_name", "x = tf.constant([[-2.0, -0.5, 0.0, 0.5, 3.0]])\n"
     "[tf.keras.activations.get(n)(x) for n in ('relu', 'tanh', 'sigmoid', 'linear', 'softmax',"
     " 'elu', 'selu', 'softplus', 'softsign', 'exponential', 'hard_sigmoid')]", TOL),
    ("activation_relu_args", "x = tf.constant([-2.0, -0.5, 0.0, 0.5, 3.0, 7.0])\n"
     "r = tf.keras.activations.relu\n"
     "[r(x, alpha=0.1), r(x, max_value=2.0), r(x, threshold=1.0), r(x, max_value=6)]", {}),
    ("activation_unknown", "tf.keras.activations.get('nope')", {}),
]

_SUB = _M + f"""class M(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d = {L}.Dense(3)
        self.ls = [{L}.Dense(2), {L}.Dense(1)]
        self.unused = {L}.Dense(5)

    def call(self, x):
        x = self.d(x)
        for l in self.ls:
            x = l(x)
        return x
m = M()
y = m(tf.ones((2, 4)))
lines = []
m.summary(print_fn=lambda s, **k: lines.append(s))
"""

_SEQ = _M + f"""s = tf.keras.Sequential([{L}.Conv2D(2, 3, input_shape=(5, 5, 1)),
    {L}.BatchNormalization(), {L}.Flatten(), {L}.Dense(1)])
lines = []
s.summary(print_fn=lambda s, **k: lines.append(s))
"""

_FUNC = _M + f"""x = tf.keras.Input((3,), name='x')
a = {L}.Dense(2, name='a')(x)
b = {L}.Dense(2, name='b')(x)
o = {L}.Add()([a, b])
o = {L}.Dense(1, name='head_with_a_long_layer_name_here')(o)
m = tf.keras.Model(x, o)
lines = []
m.summary(print_fn=lambda s, **k: lines.append(s))
"""

CASES += [
    ("subclassed_names", _SUB + "[v.name for v in m.variables], m.name, "
     "[l.name for l in m.layers], y.shape.as_list()", {}),
    ("subclassed_summary", _SUB + "lines", {}),
    ("subclassed_weights_order", _SUB + "fixed(m)\n[w.shape for w in m.get_weights()], "
     "[v.name for v in m.trainable_weights], m(tf.ones((1, 4)))", TOL),
    ("subclassed_grad", _SUB + "fixed(m)\nwith tf.GradientTape() as t:\n"
     "    out = tf.reduce_sum(m(tf.constant([[1.0, -1.0, 2.0, 0.5]])) ** 2)\n"
     "out, t.gradient(out, m.trainable_variables)", TOL),
    ("subclassed_get_layer", _SUB + "m.get_layer('dense_1').name, m.get_layer(index=0).name", {}),
    ("subclassed_get_layer_missing", _SUB + "m.get_layer('zzz')", {}),
    ("nested_layer_names", _M + f"""class B({L}.Layer):
    def build(self, shape):
        self.w = self.add_weight('w', shape=(shape[-1], 2))
        self.inner = {L}.Dense(1)
    def call(self, x):
        return self.inner(tf.matmul(x, self.w))
b = B()
b(tf.ones((1, 3)))
[v.name for v in b.weights], b.name, [v.name for v in b.trainable_variables]""", {}),
    ("layer_with_weight_in_init", _M + f"""class C({L}.Layer):
    def __init__(self):
        super().__init__()
        self.v = self.add_weight('v', shape=(2,), initializer='ones', trainable=False)
    def call(self, x):
        return x * self.v
c = C()
[c(tf.constant([1.0, 2.0])), [v.name for v in c.weights], c.trainable_weights, c.name]""", {}),
    ("sequential_summary", _SEQ + "lines", {}),
    ("sequential_names", _SEQ + "[v.name for v in s.variables], [v.name for v in "
     "s.trainable_variables], s.name, [l.name for l in s.layers], s.count_params()", {}),
    ("sequential_call", _SEQ + "fixed(s)\nx = tf.constant(np.linspace(-1, 1, 50).reshape("
     "(2, 5, 5, 1)).astype('float32'))\ns(x), s(x, training=True), "
     "s.layers[1].moving_mean.numpy()", TOL),
    ("sequential_output_shapes", _SEQ + "[l.output_shape for l in s.layers], "
     "s.layers[0].input_shape, s.output_shape, s.input_shape", {}),
    ("sequential_deferred", _M + f"s = tf.keras.Sequential([{L}.Dense(3), {L}.Dense(2)])\n"
     "built = s.built\ny = s(tf.ones((2, 4)))\nlines = []\n"
     "s.summary(print_fn=lambda s, **k: lines.append(s))\n"
     "built, s.built, [v.name for v in s.variables], lines, y.shape.as_list()", {}),
    ("sequential_unbuilt_summary", _M + f"s = tf.keras.Sequential([{L}.Dense(3)])\n"
     "s.summary()", {}),
    ("sequential_add_pop", _M + "s = tf.keras.Sequential()\n"
     f"s.add(tf.keras.Input((4,)))\ns.add({L}.Dense(3))\ns.add({L}.Dense(2))\n"
     "n1 = [l.name for l in s.layers]\nshape1 = s.output_shape\ns.pop()\n"
     "n1, shape1, [l.name for l in s.layers], s.output_shape, "
     "s(tf.ones((1, 4))).shape.as_list(), [v.name for v in s.weights]", {}),
    ("sequential_build", _M + f"s = tf.keras.Sequential([{L}.Dense(3), {L}.ReLU()])\n"
     "s.build((None, 5))\n[v.name for v in s.weights], s.output_shape, s.built", {}),
    ("sequential_pop_empty", _M + "tf.keras.Sequential().pop()", {}),
    ("functional_summary", _FUNC + "lines", {}),
    ("functional_names", _FUNC + "[v.name for v in m.variables], m.name, "
     "[l.name for l in m.layers], type(m).__name__, x.shape.as_list(), o.shape.as_list(), "
     "[l.output_shape for l in m.layers]", {}),
    ("functional_call", _FUNC + "fixed(m)\n"
     "m(tf.constant([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]])), m(np.ones((1, 3)))", TOL),
    ("functional_multi_io", _M + "a = tf.keras.Input((2,))\nb = tf.keras.Input((3,))\n"
     f"c = {L}.concatenate([a, b])\nd = {L}.Dense(2)(c)\ne = {L}.Dense(1)(c)\n"
     "m = tf.keras.Model([a, b], [d, e])\nfixed(m)\n"
     "out = m([tf.ones((2, 2)), tf.constant(np.arange(6.0).reshape(2, 3), tf.float32)])\n"
     "lines = []\nm.summary(print_fn=lambda s, **k: lines.append(s))\n"
     "out, [l.name for l in m.layers], lines", TOL),
    ("functional_sequential_like_summary", _M + "x = tf.keras.Input((2, 2, 1))\n"
     f"y = {L}.Flatten()(x)\ny = {L}.Dense(2, activation='relu')(y)\n"
     "m = tf.keras.Model(inputs=x, outputs=y, name='net')\nlines = []\n"
     "m.summary(print_fn=lambda s, **k: lines.append(s))\nlines, m.name", {}),
    ("functional_grad", _FUNC + "fixed(m)\nxs = tf.constant([[1.0, 2.0, 3.0]])\n"
     "with tf.GradientTape() as t:\n    t.watch(xs)\n    out = tf.reduce_sum(m(xs))\n"
     "t.gradient(out, [xs] + m.trainable_variables)", TOL),
    ("input_shape_and_dtype", _M + "i = tf.keras.Input((4, 2), batch_size=3)\n"
     "j = tf.keras.Input(shape=(None, 5), dtype='float64', name='seq')\n"
     f"k = {L}.Dense(2)(j)\n"
     "i.shape.as_list(), i.dtype, j.shape.as_list(), j.dtype, k.shape.as_list(), k.dtype", {}),
    ("summary_large_model", _M + f"s = tf.keras.Sequential([{L}.Dense(300, input_shape=(1000,)),"
     f" {L}.Dense(200), {L}.BatchNormalization()])\nlines = []\n"
     "s.summary(print_fn=lambda s, **k: lines.append(s))\nlines", {}),
    ("summary_trainable_column", _SEQ + "s.layers[0].trainable = False\nlines = []\n"
     "s.summary(print_fn=lambda s, **k: lines.append(s), show_trainable=True)\nlines", {}),
]
