"""TF 1's `tf.layers` (`tf.compat.v1.layers`, served by tf_keras's legacy_tf_layers) and the Keras
2 utilities (`to_categorical`, `pad_sequences`, `tf.keras.backend`): golden cases.

Record with Keras 2 (tf_keras) answering `tf.keras`:

    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py layers_v1

Every layer case starts with `clear_session()`, which (as in Keras 2) also resets the default
graph, so the TF 1 variable-scope names (`dense/kernel:0`) start afresh. Weights are fixed with
`set_weights` (cos values) or a deterministic initializer before values are compared.
"""

V1 = "tf.compat.v1.layers"
TOL = {"rtol": 1e-5}

_HEAD = ("tf.keras.backend.clear_session()\n"
         "def fixed(layer):\n"
         "    layer.set_weights([np.cos(np.arange(w.size) * 0.7).reshape(w.shape).astype(w.dtype)"
         " * 0.5 + (1.0 if 'variance' in v.name else 0.0)\n"
         "                       for w, v in zip(layer.get_weights(), layer.weights)])\n"
         "def init(shape, dtype=None, partition_info=None):\n"
         "    n = int(np.prod(shape))\n"
         "    return tf.constant(np.sin(np.arange(n) * 0.9).reshape(shape) * 0.5, dtype or "
         "'float32')\n")


def _x(shape, dtype="float32"):
    n = 1
    for s in shape:
        n *= s
    return f"x = tf.constant(np.linspace(-2, 2, {n}).reshape({shape}).astype('{dtype}'))\n"


def _layer(ctor, shape, call=""):
    """Object form: build, fix weights, then output, variable names, gradients, weights."""
    return (_HEAD + f"layer = {ctor}\n" + _x(shape) + f"layer(x{call})\nfixed(layer)\n"
            "with tf.GradientTape(persistent=True) as t:\n"
            "    t.watch(x)\n"
            f"    y = layer(x{call})\n"
            "    s = tf.reduce_sum(y * y)\n"
            "[y, layer.name, layer.scope_name, [(v.name, v.shape.as_list(), v.trainable) "
            "for v in layer.weights], t.gradient(s, x), t.gradient(s, layer.trainable_weights), "
            "[w.numpy() for w in layer.weights]]")


def _fn(call, shape):
    """Functional form: output and the variables the call created (as a tape sees them)."""
    return (_HEAD + _x(shape) + "with tf.GradientTape(persistent=True) as t:\n"
            "    t.watch(x)\n"
            f"    y = {call}\n"
            "    s = tf.reduce_sum(y * y)\n"
            "vs = t.watched_variables()\n"
            "[y, [(v.name, v.shape.as_list()) for v in vs], t.gradient(s, x), "
            "t.gradient(s, list(vs))]")


LAYERS = [
    ("dense", f"{V1}.Dense(3)", (2, 4)),
    ("dense_relu_rank3", f"{V1}.Dense(2, activation=tf.nn.relu)", (2, 3, 4)),
    ("dense_nobias_named", f"{V1}.Dense(3, use_bias=False, name='fc')", (2, 4)),
    ("conv1d", f"{V1}.Conv1D(2, 3)", (2, 7, 3)),
    ("conv1d_same_stride", f"{V1}.Conv1D(2, 3, strides=2, padding='same')", (2, 7, 3)),
    ("conv2d", f"{V1}.Conv2D(2, 3)", (2, 5, 5, 3)),
    ("conv2d_same_stride", f"{V1}.Conv2D(3, (3, 2), strides=2, padding='same', "
                           "activation=tf.nn.relu)", (1, 6, 5, 2)),
    ("conv2d_dilated", f"{V1}.Conv2D(2, 2, dilation_rate=2)", (1, 5, 5, 1)),
    ("conv2d_transpose", f"{V1}.Conv2DTranspose(3, 3, strides=2)", (1, 3, 3, 2)),
    ("conv2d_transpose_same", f"{V1}.Conv2DTranspose(2, 2, strides=2, padding='same')",
     (2, 2, 3, 1)),
    ("separable", f"{V1}.SeparableConv2D(3, 2)", (1, 4, 4, 2)),
    ("separable_dm", f"{V1}.SeparableConv2D(2, 3, padding='same', depth_multiplier=2)",
     (1, 4, 4, 2)),
    ("maxpool1d", f"{V1}.MaxPooling1D(2, 2)", (2, 5, 3)),
    ("avgpool1d_same", f"{V1}.AveragePooling1D(3, 1, padding='same')", (1, 5, 2)),
    ("maxpool2d", f"{V1}.MaxPooling2D(2, 2)", (1, 4, 4, 2)),
    ("maxpool2d_same", f"{V1}.MaxPooling2D(3, 2, padding='same')", (2, 5, 5, 1)),
    ("avgpool2d", f"{V1}.AveragePooling2D((2, 2), (2, 2))", (1, 4, 5, 2)),
    ("avgpool2d_same", f"{V1}.AveragePooling2D(3, 1, padding='same')", (1, 3, 3, 1)),
    ("flatten", f"{V1}.Flatten()", (2, 3, 2)),
    ("dropout_default", f"{V1}.Dropout()", (2, 3)),
    ("dropout_training_zero", f"{V1}.Dropout(0.0)", (2, 3), ", training=True"),
    ("bn_inference", f"{V1}.BatchNormalization()", (4, 3)),
    ("bn_training", f"{V1}.BatchNormalization()", (4, 3), ", training=True"),
    ("bn_training_4d", f"{V1}.BatchNormalization(momentum=0.9)", (2, 3, 3, 2),
     ", training=True"),
    ("bn_axis1", f"{V1}.BatchNormalization(axis=1, center=False)", (3, 2, 2),
     ", training=True"),
]

FUNCTIONAL = [
    ("fn_dense", f"{V1}.dense(x, 3, kernel_initializer=init)", (2, 4)),
    ("fn_dense_named", f"{V1}.dense(x, 2, activation=tf.nn.tanh, kernel_initializer=init, "
                       "bias_initializer=init, name='out')", (3, 4)),
    ("fn_conv1d", f"{V1}.conv1d(x, 2, 3, padding='same', kernel_initializer=init)", (1, 5, 2)),
    ("fn_conv2d", f"{V1}.conv2d(x, 2, 3, strides=2, kernel_initializer=init, "
                  "activation=tf.nn.relu)", (1, 5, 5, 2)),
    ("fn_conv2d_transpose", f"{V1}.conv2d_transpose(x, 2, 2, strides=2, "
                            "kernel_initializer=init)", (1, 2, 2, 3)),
    ("fn_separable", f"{V1}.separable_conv2d(x, 2, 2, depthwise_initializer=init, "
                     "pointwise_initializer=init)", (1, 3, 3, 2)),
    ("fn_max_pooling2d", f"{V1}.max_pooling2d(x, 2, 2)", (1, 4, 4, 1)),
    ("fn_average_pooling2d", f"{V1}.average_pooling2d(x, 3, 2, padding='same')", (1, 5, 5, 2)),
    ("fn_max_pooling1d", f"{V1}.max_pooling1d(x, 3, 1)", (2, 5, 1)),
    ("fn_average_pooling1d", f"{V1}.average_pooling1d(x, 2, 2)", (1, 6, 2)),
    ("fn_flatten", f"{V1}.flatten(x)", (2, 2, 3)),
    ("fn_dropout_default", f"{V1}.dropout(x)", (2, 3)),
    ("fn_dropout_zero_training", f"{V1}.dropout(x, rate=0.0, training=True)", (2, 3)),
    ("fn_batch_normalization", f"{V1}.batch_normalization(x)", (4, 3)),
    ("fn_batch_normalization_training", f"{V1}.batch_normalization(x, training=True, "
                                        "momentum=0.5)", (4, 3)),
]

CASES = [("keras_version", "import tf_keras\ntf_keras.__version__")]
for _id, _ctor, _shape, *_rest in LAYERS:
    _opts = {} if _id.startswith(("flatten", "dropout", "maxpool")) else TOL
    CASES.append((_id, _layer(_ctor, _shape, *_rest), _opts))
for _id, _call, _shape in FUNCTIONAL:
    CASES.append((_id, _fn(_call, _shape), TOL))

_NAMES = _HEAD + "x = tf.ones((2, 4))\n"

CASES += [
    ("names_scopes", _NAMES + f"ls = [{V1}.Dense(3), {V1}.Dense(3), {V1}.Dense(3, name='foo'), "
     f"{V1}.Dense(3, name='foo'), {V1}.Conv2D(1, 1), {V1}.MaxPooling2D(2, 2), "
     f"{V1}.BatchNormalization(), {V1}.Flatten(), {V1}.Dropout(), {V1}.SeparableConv2D(1, 1), "
     f"{V1}.Conv2DTranspose(1, 1), {V1}.Conv1D(1, 1), {V1}.AveragePooling1D(1, 1)]\n"
     "for l in ls[:4]:\n    l(x)\n"
     "ls[4](tf.ones((1, 2, 2, 1)))\n"
     "[(l.name, l.scope_name if l.built else None, [v.name for v in l.weights]) for l in ls]",
     {}),
    ("names_functional_scopes", _NAMES + "out = []\n"
     "for kw in ({}, {}, {'name': 'bar'}, {'name': 'bar'}, {'name': 'bar', 'reuse': True}):\n"
     "    with tf.GradientTape() as t:\n"
     f"        {V1}.dense(x, 2, **kw)\n"
     "    out.append([v.name for v in t.watched_variables()])\n"
     f"d = {V1}.Dense(2, name='bar')\nd(x)\nout, d.name, [v.name for v in d.weights]", {}),
    ("names_shared_with_keras", _NAMES + f"a = {V1}.Dense(1)\nb = tf.keras.layers.Dense(1)\n"
     f"c = {V1}.Dense(1)\na.name, b.name, c.name", {}),
    ("scope_name_unbuilt", _NAMES + f"{V1}.Dense(2).scope_name", {}),
    ("dtype_inferred", _NAMES + f"d = {V1}.Dense(2)\nbefore = d.dtype\n"
     "y = d(tf.ones((2, 3), tf.float64))\n"
     "before, d.dtype, y.dtype, [v.dtype for v in d.weights]", {}),
    ("dtype_given", _NAMES + f"d = {V1}.Dense(2, dtype='float64')\n"
     "y = d(tf.ones((1, 3), tf.float64))\nd.dtype, y.dtype", {}),
    ("isinstance", _NAMES + f"d = {V1}.Dense(2)\n"
     f"[isinstance(d, tf.keras.layers.Dense), isinstance(d, {V1}.Layer), "
     f"isinstance(d, tf.keras.layers.Layer), isinstance({V1}.Conv2D(1, 1), "
     f"tf.keras.layers.Conv2D), isinstance({V1}.BatchNormalization(), {V1}.Layer)]", {}),
    ("custom_layer", _NAMES + f"class My({V1}.Layer):\n"
     "    def build(self, input_shape):\n"
     "        self.w = self.add_weight('w', shape=[int(input_shape[-1]), 2], "
     "initializer=init)\n"
     f"        self.inner = {V1}.Dense(3, kernel_initializer=init)\n"
     "        self.built = True\n"
     "    def call(self, inputs):\n"
     "        return self.inner(tf.matmul(inputs, self.w))\n"
     "m = My()\nwith tf.GradientTape() as t:\n    y = m(x)\n"
     "m2 = My(name='custom')\nm2(x)\n"
     "y, m.name, m.scope_name, [v.name for v in m.variables], "
     "[v.name for v in t.watched_variables()], m2.name, [v.name for v in m2.variables]", TOL),
    ("layer_apply", _NAMES + f"d = {V1}.Dense(2, kernel_initializer=init)\n"
     "d.apply(x), d.built", TOL),
    ("trainable_false", _NAMES + f"d = {V1}.Dense(2, trainable=False)\nd(x)\n"
     "[v.name for v in d.trainable_weights], [v.name for v in d.non_trainable_weights]", {}),
    ("regularizer", _NAMES + f"d = {V1}.Dense(2, kernel_initializer=init, "
     "kernel_regularizer=tf.keras.regularizers.l2(0.1))\nd(x)\nd.losses", TOL),
    ("defaults", _NAMES + f"d = {V1}.Dense(2)\ndr = {V1}.Dropout()\n"
     f"bn = {V1}.BatchNormalization()\nc = {V1}.Conv2D(2, 3)\n"
     "[d.kernel_initializer, d.use_bias, dr.rate, bn.momentum, bn.epsilon, bn.axis, "
     "c.strides, c.padding, c.data_format, c.kernel_size]", {}),
    ("pool_strides_none", f"{V1}.MaxPooling2D(2, None)", {}),
    ("pool_strides_missing", f"{V1}.max_pooling2d(tf.ones((1, 4, 4, 1)), 2)", {}),
    ("pool_class_strides_missing", f"{V1}.AveragePooling1D(2)", {}),
    ("bn_moving_updates", _NAMES + f"bn = {V1}.BatchNormalization(momentum=0.5)\n"
     "x = tf.constant(np.arange(12.0).reshape(4, 3).astype('float32'))\n"
     "bn(x, training=True)\nbn(x, training=True)\n"
     "[w.numpy() for w in bn.weights]", TOL),
    ("keras_model_with_tf_layers", _NAMES + "class M(tf.keras.Model):\n"
     "    def __init__(self):\n"
     "        super().__init__()\n"
     f"        self.conv = {V1}.Conv2D(2, 3, kernel_initializer=init)\n"
     f"        self.pool = {V1}.MaxPooling2D(2, 2)\n"
     f"        self.flat = {V1}.Flatten()\n"
     f"        self.fc = {V1}.Dense(3, kernel_initializer=init)\n"
     "    def call(self, x):\n"
     "        return self.fc(self.flat(self.pool(self.conv(x))))\n"
     "m = M()\n" + _x((2, 6, 6, 1)).strip() + "\n"
     "with tf.GradientTape() as t:\n    y = m(x)\n    s = tf.reduce_sum(y * y)\n"
     "y, [v.name for v in m.variables], t.gradient(s, m.trainable_variables)", TOL),
]

# -- Keras 2 utilities ---------------------------------------------------------------------------

_PAD = "seqs = [[1, 2, 3], [4, 5], [6], []]\npad = tf.keras.preprocessing.sequence.pad_sequences\n"
_B = "K = tf.keras.backend\n"

CASES += [
    ("to_categorical", "tf.keras.utils.to_categorical([0, 2, 1, 2])", {}),
    ("to_categorical_num_classes", "tf.keras.utils.to_categorical(np.array([[1], [0]]), 4)", {}),
    ("to_categorical_2d", "tf.keras.utils.to_categorical([[0, 1], [2, 0]], num_classes=3, "
     "dtype='int32')", {}),
    ("to_categorical_out_of_range", "tf.keras.utils.to_categorical([0, 3], num_classes=3)", {}),
    ("pad_default", _PAD + "pad(seqs)", {}),
    ("pad_post", _PAD + "pad(seqs, padding='post')", {}),
    ("pad_maxlen_trunc_pre", _PAD + "pad(seqs, maxlen=2)", {}),
    ("pad_maxlen_trunc_post", _PAD + "pad(seqs, maxlen=2, truncating='post', padding='post')",
     {}),
    ("pad_value_dtype", _PAD + "pad(seqs, maxlen=4, value=-1.5, dtype='float32')", {}),
    ("pad_float_truncates_to_int", "tf.keras.preprocessing.sequence.pad_sequences("
     "[[1.7, 2.2], [3.9]])", {}),
    ("pad_bad_padding", _PAD + "pad(seqs, padding='middle')", {}),
    ("pad_bad_truncating", _PAD + "pad(seqs, maxlen=1, truncating='middle')", {}),
    ("pad_utils_alias", "tf.keras.utils.pad_sequences([[1], [2, 3]], maxlen=3)", {}),
    ("pad_sample_shape", "tf.keras.preprocessing.sequence.pad_sequences("
     "[np.ones((2, 2)), np.ones((1, 2))])", {}),
    ("backend_floatx_epsilon", _B + "a = K.floatx()\nK.set_floatx('float64')\nb = K.floatx()\n"
     "K.set_floatx('float32')\na, b, K.epsilon(), K.image_data_format()", {}),
    # The message lists a set of names, whose order changes from run to run.
    ("backend_set_floatx_bad", _B + "try:\n    K.set_floatx('bfloat16')\nexcept ValueError as e:\n"
     "    r = str(e).split('Expected')[0]\nr, K.floatx()", {}),
    ("backend_epsilon_set", _B + "K.set_epsilon(1e-5)\ne = K.epsilon()\nK.set_epsilon(1e-7)\n"
     "e", {}),
    ("backend_learning_phase", _B + "K.clear_session()\na = K.learning_phase()\n"
     "K.set_learning_phase(1)\nb = K.learning_phase()\nK.clear_session()\n"
     "a, b, K.learning_phase()", {}),
    ("backend_set_learning_phase_bad", _B + "K.set_learning_phase(2)", {}),
    ("backend_values", _B + "v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])\na = K.get_value(v)\n"
     "K.set_value(v, np.array([[5.0, 6.0], [7.0, 8.0]]))\n"
     "a, K.get_value(v), v.numpy(), K.get_value(tf.constant(3))", {}),
    ("backend_cast_shapes", _B + "x = tf.ones((2, 3))\n"
     "K.cast(x, 'int32'), K.cast(np.array([1.5]), 'float16'), K.int_shape(x), K.shape(x), "
     "K.int_shape(tf.keras.Input((None, 4))), K.int_shape(np.ones((2, 5)))", {}),
    ("backend_concatenate", _B + "a = tf.constant([[1.0, 2.0]])\nb = tf.constant([[3.0, 4.0]])\n"
     "K.concatenate([a, b]), K.concatenate([a, b], axis=0), K.concatenate([a, b], axis=-2)",
     {}),
]
