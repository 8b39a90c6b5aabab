"""Device placement and reporting (recorded from TF 2.21 on a CPU-only machine)."""

CASES = [
    ("list_physical", "tf.config.list_physical_devices()"),
    ("list_physical_gpu", "tf.config.list_physical_devices('GPU')"),
    ("list_physical_cpu_fields",
     "d = tf.config.list_physical_devices('CPU')[0]\n(d.name, d.device_type)"),
    ("list_logical", "[(d.name, d.device_type) for d in tf.config.list_logical_devices()]"),
    ("experimental_list", "len(tf.config.experimental.list_physical_devices('CPU'))"),
    ("gpu_available", "(tf.test.is_gpu_available(), tf.test.gpu_device_name())"),
    ("tensor_device", "(tf.constant(1.0) * 2.0).device"),
    ("variable_device", "tf.Variable(1.0).device"),
    ("cpu_placement", "with tf.device('/CPU:0'):\n    t = tf.constant([1.0]) + 1.0\n(t, t.device)"),
    ("gpu_soft_placement",
     "with tf.device('/GPU:0'):\n    t = tf.constant([1.0]) * 3.0\n(t, t.device)"),
    ("device_lowercase", "with tf.device('cpu'):\n    t = tf.constant(1.0) + 1.0\nt.device"),
    ("full_spec", "with tf.device('/job:localhost/replica:0/task:0/device:CPU:0'):\n"
                  "    t = tf.constant(2.0) * 2.0\nt"),
    ("bad_device_type", "with tf.device('/XPU:0'):\n    pass"),
    ("bad_device_garbage", "with tf.device('garbage'):\n    pass"),
]
