"""tf.data, TFRecord, tf.train.Example and tf.io.gfile: golden cases recorded from TF 2.21.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py data

Cases that touch files read `tests/fixtures/data` (run from the repository root) or write under
a fresh temporary directory `D`; `E(f)` returns an exception as (type, message) with TF's
`{{function_node ...}}` prefix, the `[Op:...]` suffix and `D` taken out.
"""

H = '''import os, re, tempfile, collections
def C(e):
    if isinstance(e, dict):
        return tuple((k, C(v)) for k, v in e.items())
    if isinstance(e, tuple):
        return tuple(C(v) for v in e)
    return e
def L(ds):
    return [C(e) for e in ds]
D = tempfile.mkdtemp()
def E(f):
    try:
        return C(f())
    except Exception as e:
        m = re.sub(r"^\\{\\{[^}]*\\}\\} ", "", str(e)).replace(D, "D")
        return type(e).__name__, m.split(" [Op:")[0]
FX = "tests/fixtures/data/"
def W(path, data):
    with open(path, 'wb' if isinstance(data, bytes) else 'w') as f:
        f.write(data)
def RB(path):
    with open(path, 'rb') as f:
        return f.read()
'''

R = "tf.data.Dataset.range"
TUP = ("tf.data.Dataset.from_tensor_slices(([1, 2, 3, 4], "
       "[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]))")
DIC = ("tf.data.Dataset.from_tensor_slices({'a': [1, 2, 3, 4, 5], "
       "'b': tf.constant(['p', 'q', 'r', 's', 't'])})")


def c(src):
    return H + src


SOURCES = [
    ("slices_vector", "L(tf.data.Dataset.from_tensor_slices([1, 2, 3]))"),
    ("slices_matrix", "L(tf.data.Dataset.from_tensor_slices(np.arange(6.0).reshape(3, 2)))"),
    ("slices_tuple", f"L({TUP})"),
    ("slices_dict", f"L({DIC})"),
    ("slices_nested", "L(tf.data.Dataset.from_tensor_slices(({'a': [1, 2]}, "
     "([3, 4], [5.0, 6.0]))))"),
    ("slices_strings", "L(tf.data.Dataset.from_tensor_slices(['a', 'bc']))"),
    ("slices_spec_tuple", f"repr({TUP}.element_spec)"),
    ("slices_spec_dict", f"repr({DIC}.element_spec)"),
    ("slices_repr", f"repr({TUP})"),
    ("slices_mismatch", "E(lambda: tf.data.Dataset.from_tensor_slices(([1, 2], [1, 2, 3])))"),
    ("slices_scalar", "E(lambda: tf.data.Dataset.from_tensor_slices(1))"),
    ("tensors", "ds = tf.data.Dataset.from_tensors(([1, 2], 'x'))\n(L(ds), repr(ds))"),
    ("range_1", f"L({R}(4))"),
    ("range_3", f"L({R}(10, 2, -3))"),
    ("range_dtype", f"ds = {R}(1, 4, output_type=tf.int32)\n(L(ds), repr(ds))"),
    ("range_repr", f"repr({R}(3))"),
    ("range_empty", f"L({R}(0))"),
]

GEN = [
    ("gen_types", "def g():\n    for i in range(3):\n        yield i, [i] * i\n"
     "ds = tf.data.Dataset.from_generator(g, output_types=(tf.int64, tf.float32))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("gen_shapes", "def g():\n    yield [1, 2]\n    yield [3, 4]\n"
     "ds = tf.data.Dataset.from_generator(g, output_types=tf.int32, output_shapes=[2])\n"
     "(L(ds), repr(ds.element_spec))"),
    ("gen_signature", "def g():\n    yield {'a': 1, 'b': 'x'}\n"
     "sig = {'a': tf.TensorSpec([], tf.int64), 'b': tf.TensorSpec([], tf.string)}\n"
     "ds = tf.data.Dataset.from_generator(g, output_signature=sig)\n"
     "(L(ds), repr(ds.element_spec))"),
    ("gen_args", "def g(n):\n    for i in range(n):\n        yield i\n"
     "L(tf.data.Dataset.from_generator(g, output_types=tf.int64, args=(3,)))"),
    ("gen_batch", "def g():\n    yield from range(5)\n"
     "L(tf.data.Dataset.from_generator(g, output_types=tf.int64).batch(2))"),
    ("gen_no_types", "E(lambda: tf.data.Dataset.from_generator(lambda: iter([1])))"),
    ("tensorspec_repr", "(repr(tf.TensorSpec([2, None], tf.float32)), "
     "repr(tf.TensorSpec([], tf.int64, name='x')), repr(tf.TensorSpec(None, tf.string)))"),
    ("tensorspec_eq", "(tf.TensorSpec([2], tf.int32) == tf.TensorSpec([2], tf.int32), "
     "tf.TensorSpec([2], tf.int32) == tf.TensorSpec([3], tf.int32), "
     "tf.TensorSpec([None], tf.int32).is_compatible_with(tf.constant([1, 2])))"),
]

TRANSFORMS = [
    ("zip", f"ds = tf.data.Dataset.zip(({R}(3), {R}(10, 15)))\n(L(ds), repr(ds))"),
    ("zip_args", f"L(tf.data.Dataset.zip({R}(2), {R}(5, 8)))"),
    ("zip_dict", f"L(tf.data.Dataset.zip({{'x': {R}(2), 'y': {TUP}}}))"),
    ("concatenate", f"ds = {R}(3).concatenate({R}(7, 9))\n(L(ds), repr(ds))"),
    ("concatenate_shapes", "a = tf.data.Dataset.from_tensors([1, 2])\n"
     "b = tf.data.Dataset.from_tensors([1, 2, 3])\nds = a.concatenate(b)\n"
     "(L(ds), repr(ds.element_spec))"),
    ("batch", f"ds = {R}(7).batch(3)\n(L(ds), repr(ds))"),
    ("batch_drop", f"ds = {R}(7).batch(3, drop_remainder=True)\n(L(ds), repr(ds.element_spec))"),
    ("batch_tuple", f"ds = {TUP}.batch(3)\n(L(ds), repr(ds.element_spec))"),
    ("batch_dict", f"ds = {DIC}.batch(2, drop_remainder=True)\n(L(ds), repr(ds.element_spec))"),
    ("batch_twice", f"ds = {R}(8).batch(2).batch(2)\n(L(ds), repr(ds.element_spec))"),
    # TF names the two shapes in either order (its batch copies in parallel).
    ("batch_ragged_error", f"r = E(lambda: L({R}(1, 4).map(lambda x: tf.range(x)).batch(3)))\n"
     "r[0], r[1].split(' Shapes are')[0]"),
    ("padded_batch", f"ds = {R}(1, 5).map(lambda x: tf.fill([x], x)).padded_batch(2)\n"
     "(L(ds), repr(ds.element_spec))"),
    ("padded_batch_shapes", f"ds = {R}(1, 4).map(lambda x: tf.fill([x], x)).padded_batch("
     "2, padded_shapes=[5], padding_values=tf.constant(-1, tf.int64))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("padded_batch_tuple", f"ds = {R}(1, 4).map(lambda x: (x, tf.fill([x], 'a')))"
     ".padded_batch(3, drop_remainder=True)\n(L(ds), repr(ds.element_spec))"),
    ("unbatch", f"ds = {TUP}.batch(3).unbatch()\n(L(ds), repr(ds))"),
    ("unbatch_dict", f"L({DIC}.batch(2).unbatch())"),
    ("unbatch_scalar", f"E(lambda: {R}(3).unbatch())"),
    ("repeat", f"ds = {R}(3).repeat(2)\n(L(ds), repr(ds))"),
    ("repeat_take", f"L({R}(2).repeat().take(5))"),
    ("repeat_zero", f"L({R}(2).repeat(0))"),
    ("take_skip", f"(L({R}(6).take(2)), L({R}(6).skip(4)), L({R}(3).take(-1)), "
     f"L({R}(3).skip(-1)), L({R}(3).take(10)))"),
    ("take_repr", f"(repr({R}(6).take(2)), repr({R}(6).skip(2)))"),
    ("map", f"ds = {R}(4).map(lambda x: x * 2)\n(L(ds), repr(ds))"),
    ("map_parallel", f"ds = {R}(4).map(lambda x: x + 1, num_parallel_calls=tf.data.AUTOTUNE)\n"
     "(L(ds), repr(ds))"),
    ("map_tuple_args", f"ds = {TUP}.map(lambda a, b: a + tf.cast(tf.reduce_sum(b), tf.int32))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_dict", f"ds = {DIC}.map(lambda d: {{'c': d['a'] * 10, 'b': d['b']}})\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_to_tuple", f"ds = {R}(3).map(lambda x: (x, tf.cast(x, tf.float32) / 2))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_after_batch", f"ds = {R}(5).batch(2).map(lambda x: x * 3)\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_value_shape", f"ds = {R}(1, 4).map(lambda x: tf.fill([x], x))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_batch_reduce", f"ds = {R}(6).batch(4).map(lambda x: (tf.reduce_sum(x), x * 2))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("map_shape_change", f"ds = {R}(3).map(lambda x: tf.fill([2, 3], x))\n"
     "(L(ds), repr(ds.element_spec))"),
    ("filter", f"ds = {R}(10).filter(lambda x: x % 3 == 0)\n(L(ds), repr(ds))"),
    ("filter_tuple", f"L({TUP}.filter(lambda a, b: a > 2))"),
    ("filter_not_bool", f"E(lambda: L({R}(3).filter(lambda x: x)))"),
    ("flat_map", f"ds = {R}(4).flat_map(lambda x: tf.data.Dataset.range(x))\n"
     "(L(ds), repr(ds))"),
    ("flat_map_slices", f"ds = {TUP}.batch(2).flat_map(lambda a, b: "
     "tf.data.Dataset.from_tensor_slices(b))\n(L(ds), repr(ds.element_spec))"),
    ("interleave", f"ds = {R}(1, 5).interleave(lambda x: tf.data.Dataset.from_tensors(x)"
     ".repeat(x), cycle_length=2, block_length=1)\n(L(ds), repr(ds))"),
    ("interleave_block", f"L({R}(1, 5).interleave(lambda x: tf.data.Dataset.from_tensors(x)"
     ".repeat(6), cycle_length=3, block_length=2))"),
    ("interleave_cycle1", f"L({R}(3).interleave(lambda x: tf.data.Dataset.range(x), "
     "cycle_length=1))"),
    ("enumerate", f"ds = {DIC}.enumerate(start=5)\n(L(ds), repr(ds))"),
    ("cache", f"ds = {R}(3).map(lambda x: x + 1).cache()\n(L(ds), L(ds), repr(ds))"),
    ("prefetch", f"ds = {R}(3).prefetch(tf.data.experimental.AUTOTUNE)\n(L(ds), repr(ds))"),
    ("apply", f"L({R}(5).apply(lambda d: d.skip(1).take(2)))"),
    ("reduce", f"{R}(5).reduce(tf.constant(0, tf.int64), lambda s, x: s + x)"),
    ("as_numpy", f"(list({R}(3).as_numpy_iterator()), list({TUP}.take(1).as_numpy_iterator()), "
     "list(tf.data.Dataset.from_tensor_slices(['a']).as_numpy_iterator()))"),
    ("autotune", "(tf.data.AUTOTUNE, tf.data.experimental.AUTOTUNE)"),
    ("chain", f"L({R}(20).filter(lambda x: x % 2 == 0).map(lambda x: x * x).skip(1)"
     ".batch(3).take(2))"),
]

SHUFFLE = [
    ("shuffle_multiset", f"sorted(int(x) for x in {R}(20).shuffle(5, seed=3))"),
    ("shuffle_full_multiset", f"sorted(int(x) for x in {R}(10).shuffle(100))"),
    ("shuffle_seed_reproducible", f"L({R}(30).shuffle(10, seed=7)) == L({R}(30).shuffle(10, "
     "seed=7)) and True"),
    ("shuffle_changes_order", f"[int(x) for x in {R}(30).shuffle(30, seed=1)] != list(range(30))"),
    ("shuffle_reshuffle", f"ds = {R}(30).shuffle(30, seed=2)\n[int(x) for x in ds] != "
     "[int(x) for x in ds]"),
    ("shuffle_no_reshuffle", f"ds = {R}(30).shuffle(30, seed=2, reshuffle_each_iteration=False)"
     "\n[int(x) for x in ds] == [int(x) for x in ds]"),
    ("shuffle_repeat_epochs", f"x = [int(v) for v in {R}(5).shuffle(5, seed=4).repeat(3)]\n"
     "[sorted(x[i:i + 5]) for i in (0, 5, 10)]"),
    ("shuffle_buffer_one", f"L({R}(5).shuffle(1))"),
    ("shuffle_repr", f"repr({R}(5).shuffle(2))"),
    ("shuffle_window", f"x = [int(v) for v in {R}(50).shuffle(3, seed=5)]\n"
     "all(v <= i + 2 for i, v in enumerate(x))"),
]

ITER = [
    ("iter_next", f"it = iter({R}(2))\n(next(it), next(it), E(lambda: next(it)))"),
    ("iter_get_next", f"it = iter({R}(1))\n(it.get_next(), E(it.get_next))"),
    ("one_shot", f"it = tf.compat.v1.data.make_one_shot_iterator({R}(2))\n"
     "(it.get_next(), it.get_next(), E(it.get_next)[0])"),
    ("one_shot_method", "ds = tf.compat.v1.data.Dataset.range(2)\n"
     "it = tf.compat.v1.data.make_one_shot_iterator(ds)\n[it.get_next() for _ in range(2)]"),
    ("for_loop", f"out = []\nfor a, b in {TUP}.take(2):\n    out.append((a, b))\nout"),
    ("v1_output_types", f"(tf.compat.v1.data.get_output_types({TUP}), "
     f"tf.compat.v1.data.get_output_shapes({DIC}.batch(2)))"),
    ("v1_dataset_props", "ds = tf.compat.v1.data.Dataset.range(3).batch(2)\n"
     "(ds.output_types, ds.output_shapes, repr(ds))"),
    ("v1_dataset_map_props", "ds = tf.compat.v1.data.Dataset.from_tensor_slices("
     "{'a': [1, 2]}).map(lambda d: (d['a'], 'x'))\n(ds.output_types, ds.output_shapes)"),
    ("v2_no_output_types", "hasattr(tf.compat.v2.data.Dataset.range(3), 'output_types')"),
    ("element_spec_iter", f"repr(iter({TUP}).element_spec)"),
]

FILES = [
    ("textline_fixture", "ds = tf.data.TextLineDataset(FX + 'lines.txt')\n(L(ds), repr(ds))"),
    ("textline_list", "L(tf.data.TextLineDataset([FX + 'lines.txt', FX + 'lines.txt']).take(5))"),
    ("textline_missing", "E(lambda: L(tf.data.TextLineDataset(D + '/nope.txt')))"),
    ("textline_gzip", "import gzip\nW(D + '/t.gz', gzip.compress(b'a\\nb\\n'))\n"
     "L(tf.data.TextLineDataset(D + '/t.gz', compression_type='GZIP'))"),
    ("fixed_length", "ds = tf.data.FixedLengthRecordDataset(FX + 'fixed.bin', 4, "
     "header_bytes=3, footer_bytes=3)\n(L(ds), repr(ds))"),
    ("fixed_length_plain", "L(tf.data.FixedLengthRecordDataset(FX + 'fixed.bin', 6))"),
    ("tfrecord_tf_fixture", "ds = tf.data.TFRecordDataset(FX + 'tf_examples.tfrecord')\n"
     "(L(ds), repr(ds))"),
    ("tfrecord_tf_gzip", "L(tf.data.TFRecordDataset(FX + 'tf_examples.tfrecord.gz', "
     "compression_type='GZIP'))"),
    ("tfrecord_tf_zlib", "L(tf.data.TFRecordDataset([FX + 'tf_examples.tfrecord.zlib'], 'ZLIB'))"),
    ("tfrecord_missing", "E(lambda: L(tf.data.TFRecordDataset(D + '/none.tfrecord')))"),
    ("tfrecord_corrupt", "W(D + '/bad', RB(FX + 'tf_examples.tfrecord')"
     "[:-3])\nE(lambda: L(tf.data.TFRecordDataset(D + '/bad')))"),
    ("tfrecord_roundtrip", "with tf.io.TFRecordWriter(D + '/r.tfrecord') as w:\n"
     "    w.write(b'abc')\n    w.write('')\n    w.write(b'\\x00' * 300)\n"
     "L(tf.data.TFRecordDataset(D + '/r.tfrecord'))"),
    ("tfrecord_roundtrip_gzip", "opts = tf.io.TFRecordOptions(compression_type='GZIP')\n"
     "w = tf.io.TFRecordWriter(D + '/g', opts)\nw.write(b'x')\nw.write(b'yz')\nw.close()\n"
     "L(tf.data.TFRecordDataset(D + '/g', 'GZIP'))"),
    ("tfrecord_v1_writer", "w = tf.compat.v1.python_io.TFRecordWriter(D + '/z', "
     "tf.compat.v1.python_io.TFRecordOptions(tf.compat.v1.python_io.TFRecordCompressionType.ZLIB))"
     "\nw.write(b'q')\nw.close()\n(list(tf.compat.v1.io.tf_record_iterator(D + '/z', "
     "tf.compat.v1.python_io.TFRecordOptions(tf.compat.v1.python_io.TFRecordCompressionType.ZLIB)"
     ")), L(tf.data.TFRecordDataset(D + '/z', 'ZLIB')))"),
    ("tfrecord_writer_missing_dir", "E(lambda: tf.io.TFRecordWriter(D + '/no/dir/x'))[0]"),
    ("tfrecord_filenames_dataset", "names = tf.data.Dataset.from_tensor_slices("
     "[FX + 'tf_examples.tfrecord', FX + 'tf_examples.tfrecord'])\n"
     "len(L(tf.data.TFRecordDataset(names)))"),
    ("tfrecord_v1_class", "ds = tf.compat.v1.data.TFRecordDataset(FX + 'tf_examples.tfrecord')"
     "\n(ds.output_types, repr(ds))"),
    ("tfrecord_parse_map", "F = {'id': tf.io.FixedLenFeature([2], tf.int64), "
     "'tags': tf.io.VarLenFeature(tf.int64)}\n"
     "ds = tf.data.TFRecordDataset(FX + 'tf_examples.tfrecord').take(3).map("
     "lambda s: tf.io.parse_single_example(s, F)['id'])\n(L(ds), repr(ds.element_spec))"),
    ("tfrecord_parse_batch", "F = {'x': tf.io.FixedLenFeature([2], tf.float32), "
     "'name': tf.io.FixedLenFeature([2], tf.string)}\n"
     "ds = tf.data.TFRecordDataset(FX + 'tf_examples.tfrecord').take(3).batch(3)"
     ".map(lambda s: tf.io.parse_example(s, F))\nL(ds)"),
]

EX = ("tf.train.Example(features=tf.train.Features(feature={"
      "'i': tf.train.Feature(int64_list=tf.train.Int64List(value=[-1, 2 ** 40])), "
      "'f': tf.train.Feature(float_list=tf.train.FloatList(value=[1.0, 0.1, -2.5, 1e10, 3e-7])), "
      "'b': tf.train.Feature(bytes_list=tf.train.BytesList(value=[b'ab', b'\\x00\\xff']))}))")
PARSE = "s = " + EX + ".SerializeToString()\n"

EXAMPLE = [
    ("example_serialize", "tf.train.Example(features=tf.train.Features(feature={'i': "
     "tf.train.Feature(int64_list=tf.train.Int64List(value=[-1, 2 ** 40, 0]))})"
     ").SerializeToString()"),
    ("bytes_list_str_error", "E(lambda: tf.train.BytesList(value=['z']))"),
    ("example_single_str", "e = tf.train.Example()\n"
     "e.features.feature['x'].float_list.value.append(1.5)\n(str(e), e.SerializeToString())"),
    ("example_str_bytes", "str(tf.train.Example(features=tf.train.Features(feature={'k\"': "
     "tf.train.Feature(bytes_list=tf.train.BytesList(value=[b'a\\n\\\"\\x01\\x80', b'z']))})))"),
    ("example_str_floats", "str(tf.train.FloatList(value=[1.0, 0.1, -2.5, 1e10, 3e-7, 1/3, "
     "float('inf'), 123456789.0]))"),
    ("example_roundtrip", f"e = {EX}\ne2 = tf.train.Example.FromString(e.SerializeToString())\n"
     "(e2 == e, list(e2.features.feature['i'].int64_list.value), "
     "list(e2.features.feature['f'].float_list.value), "
     "list(e2.features.feature['b'].bytes_list.value), sorted(e2.features.feature))"),
    ("example_parse_from", f"e = tf.train.Example()\ne.ParseFromString({EX}.SerializeToString())\n"
     "(e.features.feature['i'].WhichOneof('kind'), e.features.feature['zz'].WhichOneof('kind'), "
     "e.HasField('features'))"),
    ("example_empty", "(tf.train.Example().SerializeToString(), str(tf.train.Example()), "
     "tf.train.Feature(int64_list=tf.train.Int64List()).SerializeToString(), "
     "tf.train.Example(features=tf.train.Features()).SerializeToString())"),
    ("example_lists", "(tf.train.Int64List(value=[1, -2]).SerializeToString(), "
     "tf.train.FloatList(value=[0.5]).SerializeToString(), "
     "tf.train.BytesList(value=[b'x', b'y']).SerializeToString(), "
     "str(tf.train.Int64List(value=[3])))"),
    ("example_int_float_error", "E(lambda: tf.train.Int64List(value=[1.5]))"),
    ("example_decode_error", "E(lambda: tf.train.Example.FromString(b'\\xff\\xff'))[0]"),
    ("example_eq", "a = tf.train.Feature(int64_list=tf.train.Int64List(value=[1]))\n"
     "b = tf.train.Feature(int64_list=tf.train.Int64List(value=[1]))\n"
     "c = tf.train.Feature(float_list=tf.train.FloatList(value=[1]))\n(a == b, a == c)"),
    ("example_tf_fixture", "r = next(iter(tf.data.TFRecordDataset(FX + 'tf_examples.tfrecord')"
     ".skip(2)))\ne = tf.train.Example.FromString(r.numpy())\nstr(e.features.feature['x']), "
     "list(e.features.feature['tags'].int64_list.value), e.SerializeToString() == r.numpy()"),
    ("parse_single_fixed", PARSE + "C(tf.io.parse_single_example(s, {"
     "'f': tf.io.FixedLenFeature([5], tf.float32), 'b': tf.io.FixedLenFeature([2], tf.string), "
     "'i': tf.io.FixedLenFeature([1, 2], tf.int64)}))"),
    ("parse_single_varlen", PARSE + "p = tf.io.parse_single_example(s, {"
     "'i': tf.io.VarLenFeature(tf.int64), 'f': tf.io.FixedLenFeature([5], tf.float32)})\n"
     "(list(p), p['i'].indices, p['i'].values, p['i'].dense_shape, "
     "tf.sparse.to_dense(p['i']))"),
    ("parse_single_varlen_missing", PARSE + "p = tf.io.parse_single_example(s, {"
     "'zz': tf.io.VarLenFeature(tf.string)})['zz']\n(p.indices, p.values, p.dense_shape)"),
    ("parse_default", PARSE + "C(tf.io.parse_single_example(s, {"
     "'z': tf.io.FixedLenFeature([], tf.float32, default_value=5), "
     "'w': tf.io.FixedLenFeature([2], tf.int64, default_value=[7, 8])}))"),
    ("parse_missing", PARSE + "E(lambda: tf.io.parse_single_example(s, {"
     "'z': tf.io.FixedLenFeature([], tf.float32)}))"),
    ("parse_type_mismatch", PARSE + "E(lambda: tf.io.parse_single_example(s, {"
     "'i': tf.io.FixedLenFeature([2], tf.float32)}))"),
    ("parse_example_batch", PARSE + "p = tf.io.parse_example([s, s], {"
     "'i': tf.io.VarLenFeature(tf.int64), 'b': tf.io.FixedLenFeature([2], tf.string)})\n"
     "(list(p), p['b'], p['i'].indices, p['i'].values, p['i'].dense_shape)"),
    ("parse_example_ragged_varlen", "T = tf.train\nss = [T.Example(features=T.Features("
     "feature={'v': T.Feature(float_list=T.FloatList(value=[1.0] * n))})).SerializeToString() "
     "for n in (2, 0, 3)]\np = tf.io.parse_example(ss, {'v': tf.io.VarLenFeature(tf.float32)})"
     "['v']\n(p.indices, p.values, p.dense_shape, tf.sparse.to_dense(p['v'] if False else p))"),
    ("parse_v1_names", PARSE + "C(tf.compat.v1.parse_single_example(s, {"
     "'i': tf.compat.v1.FixedLenFeature([2], tf.int64)}))"),
    ("feature_reprs", "(repr(tf.io.FixedLenFeature([2], tf.float32)), "
     "repr(tf.io.VarLenFeature(tf.int64)))"),
    ("sparse_tensor", "sp = tf.sparse.SparseTensor([[0, 1], [2, 0]], [3, 4], [3, 2])\n"
     "(repr(sp), sp.shape, sp.dtype, tf.sparse.to_dense(sp), "
     "tf.sparse.to_dense(sp, default_value=-1))"),
]

GFILE = [
    ("gfile_write_read", "g = tf.io.gfile\nwith g.GFile(D + '/a.txt', 'w') as f:\n"
     "    f.write('line1\\nline2\\n')\n    f.write(b'bytes')\n"
     "(g.exists(D + '/a.txt'), g.GFile(D + '/a.txt').read(), g.GFile(D + '/a.txt', 'rb').read(),"
     " g.GFile(D + '/a.txt').readlines(), list(g.GFile(D + '/a.txt', 'rb')))"),
    ("gfile_read_n", "g = tf.io.gfile\nwith g.GFile(D + '/a', 'wb') as f:\n    f.write(b'abcdef')\n"
     "f = g.GFile(D + '/a', 'rb')\n(f.read(2), f.tell(), f.read(), f.size())"),
    ("gfile_append", "g = tf.io.gfile\nfor s in ['a', 'b']:\n    with g.GFile(D + '/x', 'a') as f:"
     "\n        f.write(s)\ng.GFile(D + '/x').read()"),
    ("gfile_readline", "g = tf.io.gfile\nwith g.GFile(D + '/l', 'w') as f:\n    f.write('x\\ny')"
     "\nf = g.GFile(D + '/l')\n(f.readline(), f.readline(), f.readline())"),
    ("gfile_missing_read", "E(lambda: tf.io.gfile.GFile(D + '/zz').read())"),
    ("gfile_missing_lazy", "type(tf.io.gfile.GFile(D + '/zz')).__name__"),
    ("gfile_dirs", "g = tf.io.gfile\ng.makedirs(D + '/p/q/r')\ng.makedirs(D + '/p/q')\n"
     "g.mkdir(D + '/p/s')\nW(D + '/p/f.txt', 'x')\n"
     "(sorted(g.listdir(D + '/p')), g.isdir(D + '/p/q'), g.isdir(D + '/p/f.txt'), "
     "g.exists(D + '/p/q/r'), sorted(x.replace(D, 'D') for x in g.glob(D + '/p/*')), "
     "sorted(x.replace(D, 'D') for x in g.glob(D + '/p/*.txt')))"),
    ("gfile_walk", "g = tf.io.gfile\ng.makedirs(D + '/w/a')\nW(D + '/w/a/f', '')\n"
     "[(d.replace(D, 'D'), sorted(s), sorted(f)) for d, s, f in g.walk(D + '/w')]"),
    ("gfile_errors", "g = tf.io.gfile\n[E(f) for f in [lambda: g.listdir(D + '/zz'), "
     "lambda: g.remove(D + '/zz'), lambda: g.rmtree(D + '/zz'), "
     "lambda: g.rename(D + '/zz', D + '/yy'), lambda: g.copy(D + '/zz', D + '/yy'), "
     "lambda: g.stat(D + '/zz')]]"),
    ("gfile_exists_errors", "g = tf.io.gfile\nW(D + '/f', 'x')\n"
     "W(D + '/h', 'y')\n[E(f) for f in [lambda: g.copy(D + '/f', D + '/h'), "
     "lambda: g.rename(D + '/f', D + '/h'), lambda: g.mkdir(D), lambda: g.listdir(D + '/f')]]"),
    ("gfile_copy_rename_remove", "g = tf.io.gfile\nW(D + '/f', 'x')\n"
     "g.copy(D + '/f', D + '/c')\ng.copy(D + '/f', D + '/c', overwrite=True)\n"
     "g.rename(D + '/c', D + '/d')\ng.rename(D + '/f', D + '/d', overwrite=True)\n"
     "r = sorted(g.listdir(D))\ng.remove(D + '/d')\ng.makedirs(D + '/t/u')\ng.rmtree(D + '/t')\n"
     "(r, g.listdir(D), g.stat(D).is_directory)"),
    ("gfile_stat", "W(D + '/s', '12345')\nst = tf.io.gfile.stat(D + '/s')\n"
     "(st.length, st.is_directory)"),
    ("gfile_join", "tf.io.gfile.join('a', 'b', 'c.txt')"),
    ("gfile_v1", "g = tf.compat.v1.gfile\ng.MakeDirs(D + '/v/w')\n"
     "with g.Open(D + '/v/f', 'w') as f:\n    f.write('hi')\n"
     "with g.GFile(D + '/v/f') as f:\n    text = f.read()\n"
     "g.Copy(D + '/v/f', D + '/v/c')\ng.Rename(D + '/v/c', D + '/v/d')\n"
     "(text, g.Exists(D + '/v/f'), g.IsDirectory(D + '/v/w'), sorted(g.ListDirectory(D + '/v')),"
     " sorted(x.replace(D, 'D') for x in g.Glob(D + '/v/*')), g.Remove(D + '/v/d'), "
     "g.DeleteRecursively(D + '/v/w'), sorted(g.ListDirectory(D + '/v')), "
     "g.Stat(D + '/v/f').length, g.FastGFile(D + '/v/f', 'rb').read())"),
    ("gfile_v1_missing", "E(lambda: tf.compat.v1.gfile.GFile(D + '/q').read())"),
    ("gfile_read_write_mode", "g = tf.io.gfile\nf = g.GFile(D + '/m', 'w')\n"
     "r = E(lambda: f.read())\nf.close()\nr"),
]

CASES = [(case_id, c(src), *rest) for case_id, src, *rest in
         SOURCES + GEN + TRANSFORMS + SHUFFLE + ITER + FILES + EXAMPLE + GFILE]
