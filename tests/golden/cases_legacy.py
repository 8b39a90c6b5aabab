"""Golden cases for the legacy TF 1 eager surface: tf.image, tf.summary, flags, logging, sessions.

tf.contrib has no TF 2.21 counterpart; its checks live in tests/test_legacy.py (against the TF 2
core equivalents recorded here, e.g. `implicit_gradients` == a tape over the variables read).
"""

IMG = ("img = tf.constant(np.arange(2 * 3 * 4 * 2, dtype=np.float32).reshape(2, 3, 4, 2) "
       "** 1.5)\n")
U8 = "u8 = tf.constant((np.arange(4 * 5 * 3) * 7 % 256).astype(np.uint8).reshape(4, 5, 3))\n"

CASES = []
for h, w in [(6, 8), (2, 3), (3, 4), (5, 7), (1, 1), (7, 2)]:
    for method in ("bilinear", "nearest"):
        CASES.append((f"resize_{method}_{h}x{w}",
                      IMG + f"tf.compat.v2.image.resize(img, [{h}, {w}], "
                       f"method='{method}')"))
        code = 0 if method == "bilinear" else 1
        CASES.append((f"resize_images_v1_{method}_{h}x{w}", IMG + "tf.compat.v1.image.resize_images"
                      f"(img, [{h}, {w}], method={code})"))
        CASES.append((f"resize_v1_align_{method}_{h}x{w}", IMG + "tf.compat.v1.image.resize_images"
                      f"(img, [{h}, {w}], method={code}, align_corners=True)"))
CASES += [
    ("resize_u8_bilinear_3d", U8 + "tf.compat.v2.image.resize(u8, [7, 3])"),
    ("resize_u8_nearest_3d", U8 + "tf.compat.v2.image.resize(u8, [7, 3], method=tf.compat.v2.image."
     "ResizeMethod.NEAREST_NEIGHBOR)"),
    ("resize_v1_same_size", U8 + "tf.compat.v1.image.resize_images(u8, [4, 5])"),
    ("resize_v2_same_size", U8 + "tf.compat.v2.image.resize(u8, [4, 5])"),
    ("resize_method_names", "[tf.compat.v2.image.ResizeMethod.BILINEAR, "
     "tf.compat.v2.image.ResizeMethod.NEAREST_NEIGHBOR, tf.compat.v1.image.ResizeMethod.BILINEAR, "
     "tf.compat.v1.image.ResizeMethod.NEAREST_NEIGHBOR]"),
    ("resize_bad_rank", "tf.compat.v2.image.resize(tf.zeros([3, 3]), [2, 2])"),
    ("resize_grad", IMG + "with tf.GradientTape() as t:\n    t.watch(img)\n"
     "    y = tf.reduce_sum(tf.compat.v2.image.resize(img, [5, 7]) ** 2)\nt.gradient(y, img)",
     {"rtol": 1e-6}),
    ("flip_lr", U8 + "tf.image.flip_left_right(u8)"),
    ("flip_ud", U8 + "tf.image.flip_up_down(u8)"),
    ("flip_lr_batch", IMG + "tf.image.flip_left_right(img)"),
    ("flip_ud_batch", IMG + "tf.image.flip_up_down(img)"),
    ("convert_u8_f32", U8 + "tf.image.convert_image_dtype(u8, tf.float32)"),
    ("convert_f32_u8", "tf.image.convert_image_dtype(tf.constant([0.0, 0.25, 0.5, 0.999, 1.0]), "
     "tf.uint8)"),
    ("convert_f32_u8_sat", "tf.image.convert_image_dtype(tf.constant([-0.5, 0.5, 1.5]), tf.uint8, "
     "saturate=True)"),
    ("convert_u8_i32", U8 + "tf.image.convert_image_dtype(u8, tf.int32)"),
    ("convert_i32_u8", "tf.image.convert_image_dtype(tf.constant([0, 2**24, 2**31 - 1]), "
     "tf.uint8)"),
    ("convert_f32_f64", "tf.image.convert_image_dtype(tf.constant([0.1, 0.7]), tf.float64)"),
    ("convert_same", U8 + "tf.image.convert_image_dtype(u8, tf.uint8)"),
    ("gray_u8", U8 + "tf.image.rgb_to_grayscale(u8)"),
    ("gray_f32", IMG[:-1].replace("2)", "3)").replace("2 * 3 * 4 * 2", "2 * 3 * 4 * 3") + " / 300\n"
     "tf.image.rgb_to_grayscale(img)"),
    ("central_crop", U8 + "tf.image.central_crop(u8, 0.5)"),
    ("central_crop_batch", IMG + "tf.image.central_crop(img, 0.7)"),
    ("central_crop_one", U8 + "tf.image.central_crop(u8, 1.0)"),
    # Sessions and collections, as TF 2's eager mode has them.
    ("global_variables_initializer", "tf.compat.v1.global_variables_initializer()"),
    ("trainable_variables_eager", "v = tf.Variable(1.0)\ntf.compat.v1.trainable_variables()"),
    ("global_variables_eager", "v = tf.Variable(1.0)\ntf.compat.v1.global_variables()"),
    ("config_proto_str", "str(tf.compat.v1.ConfigProto(allow_soft_placement=True, "
     "gpu_options=tf.compat.v1.GPUOptions(allow_growth=True)))"),
    ("config_proto_field", "tf.compat.v1.ConfigProto(log_device_placement=True)."
     "log_device_placement"),
    ("session_closed", "s = tf.compat.v1.Session()\ns.close()\ns.run(tf.constant(1))"),
    # Logging levels.
    ("logging_levels", "L = tf.compat.v1.logging\n[L.DEBUG, L.INFO, L.WARN, L.ERROR, L.FATAL]"),
    ("logging_verbosity", "L = tf.compat.v1.logging\nold = L.get_verbosity()\n"
     "L.set_verbosity(L.ERROR)\nnew = L.get_verbosity()\nL.set_verbosity(old)\n[old, new]"),
    # Summaries (the return values; the files are checked in tests/test_legacy.py).
    ("summary_write_no_writer", "tf.summary.write('a', 1.0, step=1)"),
    ("summary_should_record_no_writer", "tf.summary.should_record_summaries()"),
    ("summary_write_writer", "import tempfile\n"
     "w = tf.summary.create_file_writer(tempfile.mkdtemp())"
     "\nwith w.as_default():\n    r = [tf.summary.write('a', 1.0, step=1), "
     "tf.summary.should_record_summaries()]\n    with tf.summary.record_if(False):\n"
     "        r += [tf.summary.write('a', 1.0, step=1), tf.summary.should_record_summaries()]\nr"),
    ("summary_no_step", "import tempfile\n"
     "w = tf.summary.create_file_writer(tempfile.mkdtemp())"
     "\nwith w.as_default():\n    tf.summary.write('a', 1.0)"),
    ("summary_step", "import tempfile\nw = tf.summary.create_file_writer(tempfile.mkdtemp())\n"
     "with w.as_default(step=5):\n    a = tf.summary.experimental.get_step()\n"
     "tf.summary.experimental.set_step(3)\nb = tf.summary.experimental.get_step()\n"
     "tf.summary.experimental.set_step(None)\n[a, b]"),
    ("summary_closed_writer", "import tempfile\n"
     "w = tf.summary.create_file_writer(tempfile.mkdtemp())"
     "\nw.close()\ntry:\n    with w.as_default():\n        pass\nexcept RuntimeError as e:\n"
     "    r = str(e).endswith('is already closed')\nr"),
    # Flags, on a private FlagValues so that cases do not share state.
    ("flags_parse", "F = tf.compat.v1.flags\nfv = F.FlagValues()\n"
     "F.DEFINE_string('name', 'bob', 'h', flag_values=fv)\n"
     "F.DEFINE_integer('n', 3, 'h', flag_values=fv)\n"
     "F.DEFINE_float('lr', 0.1, 'h', flag_values=fv)\n"
     "F.DEFINE_boolean('fast', False, 'h', flag_values=fv)\nF.DEFINE_bool('slow', True, 'h', "
     "flag_values=fv)\nF.DEFINE_list('xs', 'a,b', 'h', flag_values=fv)\n"
     "F.DEFINE_enum('mode', 'train', ['train', 'eval'], 'h', flag_values=fv)\n"
     "rest = fv(['prog', '--n=5', '--fast', '--noslow', 'pos', '--xs=p,q', '--mode', 'eval', "
     "'--lr', '0.5', '--', '--name=x'])\n"
     "[rest, fv.name, fv.n, fv.lr, fv.fast, fv.slow, fv.xs, fv.mode]"),
    ("flags_defaults", "F = tf.compat.v1.flags\nfv = F.FlagValues()\n"
     "F.DEFINE_integer('n', 3, 'h', flag_values=fv)\nF.DEFINE_list('xs', 'a,b', 'h', "
     "flag_values=fv)\nfv(['prog'])\n[fv.n, fv.xs, fv.flag_values_dict()]"),
    ("flags_unknown_known_only", "F = tf.compat.v1.flags\nfv = F.FlagValues()\n"
     "F.DEFINE_integer('n', 3, 'h', flag_values=fv)\n"
     "fv(['prog', '--other=1', '--n', '4'], known_only=True) + [fv.n]"),
    ("flags_bad_int", "F = tf.compat.v1.flags\nfv = F.FlagValues()\n"
     "F.DEFINE_integer('n', 3, 'h', flag_values=fv)\nfv(['prog', '--n=x'])"),
    ("flags_bad_enum", "F = tf.compat.v1.flags\nfv = F.FlagValues()\n"
     "F.DEFINE_enum('m', 'a', ['a', 'b'], 'h', flag_values=fv)\nfv(['prog', '--m=c'])"),
    ("flags_undefined_attr", "F = tf.compat.v1.flags\nfv = F.FlagValues()\nfv(['prog'])\n"
     "fv.nothing"),
    # What tfe's gradient helpers compute, in TF 2 terms (test_legacy compares tfe to these).
    ("tfe_equiv_gradients_function", "x, y = tf.constant(3.0), tf.constant(2.0)\n"
     "with tf.GradientTape() as t:\n    t.watch([x, y])\n    z = x * x * y\nt.gradient(z, [x, y])"),
    ("tfe_equiv_implicit_gradients", "w = tf.Variable([1.0, -2.0])\nb = tf.Variable(0.5)\n"
     "u = tf.Variable(7.0)\nwith tf.GradientTape() as t:\n"
     "    z = tf.reduce_sum(w * tf.constant([3.0, 4.0])) + b * b\n"
     "vs = t.watched_variables()\n[(g.numpy(), v.numpy()) for g, v in zip(t.gradient(z, vs), vs)]"),
]
CASES += [
    ("summary_v1_scalar", "tf.compat.v1.summary.scalar('acc', tf.constant(0.75))"),
    ("summary_v1_scalar_family", "tf.compat.v1.summary.scalar('acc', 0.5, family='train')"),
    ("summary_v1_histogram", "tf.compat.v1.summary.histogram('h', tf.constant([-1.5, 0.0, 2.0, "
     "7.0]))"),
]
# What tfe's metrics and Saver compute, in TF 2 terms (test_legacy compares tfe to these).
CASES += [
    ("tfe_equiv_categorical_accuracy",
     "l = tf.constant([[0., 1., 0.], [1., 0., 0.], [0., 0., 1.]])\n"
     "p = tf.constant([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])\n"
     "tf.reduce_mean(tf.cast(tf.equal(tf.argmax(l, -1), tf.argmax(p, -1)), tf.float64))"),
    ("tfe_equiv_sparse_accuracy_weighted",
     "p = tf.constant([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])\n"
     "m = tf.cast(tf.equal(tf.constant([1, 1, 0], tf.int64), tf.argmax(p, -1)), tf.float64)\n"
     "w = tf.constant([1.0, 2.0, 3.0], tf.float64)\ntf.reduce_sum(m * w) / tf.reduce_sum(w)"),
    ("tfe_equiv_saver", "import os, tempfile\n"
     "w = tf.Variable([[1.0, 2.0]], name='net/dense/kernel')\n"
     "b = tf.Variable(0.5, name='net/dense/bias')\n"
     "s = tf.compat.v1.train.Saver([w, b])\n"
     "p = s.save(None, os.path.join(tempfile.mkdtemp(), 'model'), global_step=3, "
     "write_meta_graph=False)\n"
     "[os.path.basename(p), tf.train.list_variables(p), "
     "tf.train.load_variable(p, 'net/dense/kernel')]"),
]
