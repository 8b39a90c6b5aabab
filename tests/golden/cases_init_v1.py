"""TF 1's initializers (`tf.compat.v1.*_initializer`, `tf.compat.v1.initializers.*`, TF's
init_ops.py): golden cases for the deterministic ones (values, dtypes, configs, errors). Random
initializers draw other values than TF's by design; tests/test_init_v1.py checks their
statistics.

    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py init_v1
"""

V1 = "tf.compat.v1"
FIRST = {"first_line": True}

CASES = [
    # zeros / ones: constructor dtype is the default, __call__'s dtype wins
    ("zeros", f"{V1}.zeros_initializer()([2, 3])"),
    ("zeros_ctor_int", f"{V1}.zeros_initializer(dtype=tf.int32)([2])"),
    ("zeros_call_dtype", f"{V1}.zeros_initializer(tf.int32)([2], dtype=tf.float64)"),
    ("zeros_bool", f"{V1}.zeros_initializer()([2], tf.bool)"),
    ("zeros_alias", f"{V1}.initializers.zeros()([1, 2], 'int64')"),
    ("zeros_config", f"{V1}.zeros_initializer(tf.float16).get_config()"),
    ("ones", f"{V1}.ones_initializer()([3])"),
    ("ones_int", f"{V1}.ones_initializer(dtype=tf.int64)([2, 2])"),
    ("ones_alias", f"{V1}.initializers.ones()(tf.TensorShape([2]), tf.float64)"),
    ("ones_config", f"{V1}.ones_initializer().get_config()"),
    ("ones_partition_info", f"{V1}.ones_initializer()([2], partition_info=None)"),
    # constant
    ("constant_scalar", f"{V1}.constant_initializer(0.5)([2, 2])"),
    ("constant_default", f"{V1}.constant_initializer()([3])"),
    ("constant_list", f"{V1}.constant_initializer([1, 2, 3, 4])([2, 2])"),
    ("constant_int", f"{V1}.constant_initializer([1, 2], dtype=tf.int32)([2])"),
    ("constant_call_dtype", f"{V1}.constant_initializer(3)([2], tf.float64)"),
    ("constant_ndarray", f"{V1}.constant_initializer(np.arange(6.0).reshape(2, 3))([3, 2])"),
    ("constant_alias", f"{V1}.initializers.constant(7)([1], tf.int32)"),
    ("constant_verify_ok",
     f"{V1}.constant_initializer([[1., 2.], [3., 4.]], verify_shape=True)([2, 2])"),
    ("constant_verify_bad", f"{V1}.constant_initializer([1, 2, 3, 4], verify_shape=True)([2, 2])"),
    ("constant_verify_call",
     f"{V1}.constant_initializer([1, 2, 3, 4])([2, 2], verify_shape=True)"),
    ("constant_wrong_count", f"{V1}.constant_initializer([1, 2, 3])([2, 2])", FIRST),
    ("constant_bad_type", f"{V1}.constant_initializer({{'a': 1}})"),
    ("constant_config", f"{V1}.constant_initializer([1, 2], dtype=tf.int32).get_config()"),
    ("constant_from_config",
     f"c = {V1}.constant_initializer.from_config({{'value': 2.0, 'dtype': 'float64'}})\n"
     "c([2])"),
    # identity
    ("identity", f"{V1}.initializers.identity()([2, 3])"),
    ("identity_gain", f"{V1}.initializers.identity(gain=2.0)([3, 2], tf.float64)"),
    ("identity_rank", f"{V1}.initializers.identity()([2, 2, 2])"),
    ("identity_int_ctor", f"{V1}.initializers.identity(dtype=tf.int32)"),
    ("identity_config", f"{V1}.initializers.identity(gain=0.5).get_config()"),
    # configs and constructor checks of the random ones
    ("ru_config", f"{V1}.random_uniform_initializer(-1, 1, seed=3).get_config()"),
    ("ru_default_config", f"{V1}.random_uniform_initializer().get_config()"),
    ("ru_int_nomax", f"{V1}.random_uniform_initializer(dtype=tf.int32)([2])", FIRST),
    ("rn_config", f"{V1}.random_normal_initializer(1.0, 2.0, seed=4).get_config()"),
    ("rn_int", f"{V1}.random_normal_initializer(dtype=tf.int32)"),
    ("tn_config", f"{V1}.truncated_normal_initializer().get_config()"),
    ("tn_int", f"{V1}.truncated_normal_initializer(dtype='int64')"),
    ("vs_config", f"{V1}.variance_scaling_initializer().get_config()"),
    ("vs_config2", f"{V1}.initializers.variance_scaling(2.0, 'fan_avg', 'uniform', 5)"
                   ".get_config()"),
    ("vs_normal", f"{V1}.variance_scaling_initializer(distribution='Normal').get_config()"),
    ("vs_bad_scale", f"{V1}.variance_scaling_initializer(scale=0.0)"),
    ("vs_bad_mode", f"{V1}.variance_scaling_initializer(mode='fan')"),
    ("vs_bad_dist", f"{V1}.variance_scaling_initializer(distribution='gamma')"),
    ("vs_int", f"{V1}.variance_scaling_initializer(dtype=tf.int32)"),
    ("glorot_u_config", f"{V1}.glorot_uniform_initializer(seed=2).get_config()"),
    ("glorot_n_config", f"{V1}.initializers.glorot_normal().get_config()"),
    ("he_normal_config", f"{V1}.initializers.he_normal(seed=1).get_config()"),
    ("he_uniform_config", f"{V1}.initializers.he_uniform().get_config()"),
    ("lecun_normal_config", f"{V1}.initializers.lecun_normal().get_config()"),
    ("lecun_uniform_config", f"{V1}.initializers.lecun_uniform(seed=7).get_config()"),
    ("orth_config", f"{V1}.orthogonal_initializer(gain=2.0, seed=1).get_config()"),
    ("orth_rank1", f"{V1}.orthogonal_initializer()([3])"),
    ("uus_config", f"{V1}.uniform_unit_scaling_initializer(1.5).get_config()"),
    ("from_config_roundtrip",
     f"c = {V1}.random_uniform_initializer(-2, 3, seed=1, dtype=tf.float64)\n"
     "type(c).from_config(c.get_config()).get_config()"),
    # shapes and dtypes the random ones produce (values differ from TF by design)
    ("random_shapes_dtypes",
     "out = []\n"
     f"for init in [{V1}.random_uniform_initializer(seed=1),\n"
     f"             {V1}.random_normal_initializer(seed=1),\n"
     f"             {V1}.truncated_normal_initializer(seed=1),\n"
     f"             {V1}.glorot_uniform_initializer(seed=1),\n"
     f"             {V1}.glorot_normal_initializer(seed=1),\n"
     f"             {V1}.variance_scaling_initializer(seed=1),\n"
     f"             {V1}.orthogonal_initializer(seed=1),\n"
     f"             {V1}.initializers.he_normal(seed=1),\n"
     f"             {V1}.uniform_unit_scaling_initializer(seed=1)]:\n"
     "    v = init([3, 4], dtype=tf.float64)\n"
     "    out.append((v.shape.as_list(), v.dtype.name))\n"
     "out"),
    ("ru_int_range",
     f"v = {V1}.random_uniform_initializer(2, 5, dtype=tf.int32, seed=1)([50])\n"
     "[v.dtype.name, bool(tf.reduce_min(v) >= 2), bool(tf.reduce_max(v) < 5)]"),
    # as layer / variable initializers
    ("tf_layers_dense",
     "tf.keras.backend.clear_session()\n"
     f"x = tf.constant([[1.0, 2.0]])\n"
     f"layer = {V1}.layers.Dense(3, kernel_initializer={V1}.constant_initializer(0.5),\n"
     f"                          bias_initializer={V1}.ones_initializer())\n"
     "[layer(x), [w.numpy() for w in layer.weights]]"),
    ("keras_dense",
     "tf.keras.backend.clear_session()\n"
     f"ki = {V1}.constant_initializer([1., 2., 3., 4.])\n"
     f"layer = tf.keras.layers.Dense(2, kernel_initializer=ki,\n"
     f"                              bias_initializer={V1}.zeros_initializer())\n"
     "layer(tf.constant([[1.0, 1.0]]))"),
    ("keras_dense_float64",
     "tf.keras.backend.clear_session()\n"
     f"ki = {V1}.ones_initializer()\n"
     "layer = tf.keras.layers.Dense(2, dtype='float64', kernel_initializer=ki)\n"
     "layer(tf.constant([[1.0, 2.0]], tf.float64))"),
    ("variable",
     f"v = tf.Variable({V1}.initializers.identity()([2, 2]))\n"
     "[v.dtype.name, v.numpy()]"),
]
