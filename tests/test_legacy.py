"""Legacy TF 1 eager surface: TF 2.21 goldens (tf.image, tf.summary, flags, logging, sessions)
and the tf.contrib pieces TF 2.21 no longer has (checked against TF 2 core equivalents)."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src import summary as summary_lib

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "events"


@pytest.mark.parametrize("case", load("legacy"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


# -- event files ---------------------------------------------------------------------------------

def _values(events):
    """(step, tag, value) of each summary value: simple_value, tensor, or histogram limits."""
    out = []
    for e in events:
        for v in e.get("summary", []):
            value = v.get("simple_value", v.get("tensor"))
            if "histo" in v:
                value = (v["histo"]["bucket_limit"], v["histo"]["bucket"], v["histo"]["sum"])
            out.append((e["step"], v["tag"], v.get("plugin"), value))
    return out


def test_reader_parses_tf_written_files():
    tf2 = summary_lib.read_events(FIXTURES / "tf2")
    assert tf2[0]["file_version"] == "brain.Event:2"
    got = _values(tf2)
    assert [(s, t, p) for s, t, p, _ in got] == [
        (0, "loss", "scalars"), (1, "loss", "scalars"), (2, "loss", "scalars"),
        (2, "weights", "histograms"), (2, "note", "text")]
    assert got[2][3].dtype == np.float32 and got[2][3] == np.float32(0.5 / 3)
    assert got[4][3] == b"hello"
    tf1 = _values(summary_lib.read_events(FIXTURES / "tf1"))
    assert [(s, t, v) for s, t, _, v in tf1[:2]] == [(0, "acc", 0.25), (1, "acc", 0.5)]


def test_tf2_summaries_write_what_tf_writes(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    with writer.as_default():
        for step in range(3):
            assert tf.summary.scalar("loss", tf.constant(0.5 / (step + 1)), step=step).numpy()
        tf.summary.write("weights", tf.constant(np.array([[0.0, 1.0, 2.0], [1.0, 2.0, 3.0]])),
                         step=2, metadata=summary_lib.summary_metadata("histograms"))
        tf.summary.text("note", tf.constant("hello"), step=2)
    writer.close()
    ours = summary_lib.read_events(tmp_path)
    theirs = summary_lib.read_events(FIXTURES / "tf2")
    assert ours[0]["file_version"] == "brain.Event:2"
    assert len(ours) == len(theirs)
    for a, b in zip(_values(ours), _values(theirs), strict=True):
        assert a[:3] == b[:3]
        np.testing.assert_array_equal(a[3], b[3])
        assert a[3].dtype == b[3].dtype


def test_tf2_file_record_bytes_equal_tf(tmp_path):
    """Every record (but the wall time) is TF's byte for byte: re-encode TF's own events."""
    from tfcompat._src.data.tfrecord import records
    path = next((FIXTURES / "tf2").iterdir())
    raw = list(records(path.read_bytes(), str(path)))
    for record, e in zip(raw[1:], summary_lib.read_events(path)[1:], strict=True):
        v = e["summary"][0]
        summary = summary_lib.summary_value(v["tag"], tensor=v["tensor"],
                                             metadata=summary_lib.summary_metadata(
                                                 v["plugin"], v["data_class"]))
        assert summary_lib.event(e["wall_time"], e["step"], summary) == record


def test_tensorboard_reads_what_tfcompat_writes(tmp_path):
    """TensorBoard's EventAccumulator read these files once (tests/fixtures/events/
    tensorboard_readback.py): tfcompat writes them again and its reader must see the same."""
    import importlib.util
    import json
    spec = importlib.util.spec_from_file_location("tb_readback",
                                                  FIXTURES / "tensorboard_readback.py")
    readback = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(readback)
    readback.write_events(tmp_path)
    tb = json.loads((FIXTURES / "tensorboard_readback.json").read_text())
    tf1 = _values(summary_lib.read_events(tmp_path / "tf1"))
    assert [[s, v] for s, t, _, v in tf1 if t == "acc"] == tb["tf1"]["scalars"]["acc"]
    [(step, _, _, (limits, counts, total))] = [r for r in tf1 if r[1] == "h"]
    [[tb_step, tb_num, tb_sum, tb_limits, tb_counts]] = tb["tf1"]["histograms"]["h"]
    assert (step, sum(counts), total, list(limits), list(counts)) == \
        (tb_step, tb_num, tb_sum, tb_limits, tb_counts)
    tf2 = _values(summary_lib.read_events(tmp_path / "tf2"))
    for tag, seen in tb["tf2"]["tensors"].items():
        ours = [r for r in tf2 if r[1] == tag]
        assert [(s, p) for s, _, p, _ in ours] == [(e[0], seen["plugin"]) for e in seen["events"]]
        for (_, _, _, value), (_, _, expected) in zip(ours, seen["events"], strict=True):
            if value.dtype == object:
                got = [v.decode() if len(v) < 20 else f"<{len(v)} bytes>" for v in value.ravel()]
                assert got == expected
            else:
                np.testing.assert_array_equal(value, expected)
    tfe = _values(summary_lib.read_events(tmp_path / "tfe"))
    assert [(s, t, v) for s, t, _, v in tfe] == [
        (0, "loss", tb["tfe"]["scalars"]["loss"][0][1]),
        (tb["tfe"]["images"]["img/image/0"][0][0], "img/image/0", None)]


def test_histogram_and_image_summaries(tmp_path):
    with tf.summary.create_file_writer(str(tmp_path)).as_default():
        tf.summary.histogram("h", tf.constant([0.0, 1.0, 1.0, 4.0]), step=1, buckets=4)
        tf.summary.histogram("same", tf.constant([2.0, 2.0]), step=1, buckets=3)
        tf.summary.image("img", tf.zeros([2, 4, 5, 3]), step=1)
    (_, _, _, h), (_, _, _, same), (_, _, plugin, img) = _values(summary_lib.read_events(tmp_path))
    np.testing.assert_array_equal(h, [[0, 1, 1], [1, 2, 2], [2, 3, 0], [3, 4, 1]])
    np.testing.assert_array_equal(same, [[2, 2, 0], [2, 2, 0], [2, 2, 2]])
    assert plugin == "images" and list(img[:2]) == [b"5", b"4"] and img[2][:4] == b"\x89PNG"


def test_contrib_summaries_write_tf1_records(tmp_path):
    global_step = tf.compat.v1.train.get_or_create_global_step()
    writer = tf.contrib.summary.create_file_writer(str(tmp_path))
    with writer.as_default():
        assert tf.contrib.summary.scalar("skipped", 1.0).numpy() is np.False_
        with tf.contrib.summary.always_record_summaries():
            for step in range(2):
                tf.contrib.summary.scalar("acc", tf.constant(0.25 * (step + 1)), step=step)
            tf.contrib.summary.histogram(
                "h", tf.constant([-1.5, 0.0, 0.0, 2.0, 3.0e-3, 7.0]), step=1)
        global_step.assign(4)
        with tf.contrib.summary.record_summaries_every_n_global_steps(2):
            assert tf.contrib.summary.scalar("every", 2.0).numpy()
        with tf.contrib.summary.record_summaries_every_n_global_steps(3):
            assert not tf.contrib.summary.scalar("every", 3.0).numpy()
    tf.contrib.summary.flush(writer)
    writer.close()
    assert tf.contrib.summary.scalar("no_writer", 1.0) is None
    ours = _values(summary_lib.read_events(tmp_path))
    theirs = _values(summary_lib.read_events(FIXTURES / "tf1"))
    assert ours[:3] == theirs and ours[3] == (4, "every", None, 2.0)


# -- tf.contrib.eager ------------------------------------------------------------------------------

def _golden(case_id):
    return next(c for c in load("legacy") if c["id"] == case_id)["expected"]


def test_tfe_gradients_functions_match_tape():
    tfe = tf.contrib.eager

    def f(x, y):
        return x * x * y
    expected = [v["value"] for v in _golden("tfe_equiv_gradients_function")["value"]]
    assert [g.numpy() for g in tfe.gradients_function(f)(3.0, 2.0)] == expected
    assert [g.numpy() for g in tfe.gradients_function(f, params=["y"])(3.0, 2.0)] == [9.0]
    assert [g.numpy() for g in tfe.gradients_function(f, params=[0])(3.0, 2.0)] == [12.0]
    value, grads = tfe.value_and_gradients_function(f)(3.0, 2.0, dy=tf.constant(2.0))
    assert value.numpy() == 18.0 and [g.numpy() for g in grads] == [24.0, 18.0]
    with pytest.raises(ValueError, match="keyword arguments"):
        tfe.gradients_function(f)(3.0, y=2.0)


def test_tfe_implicit_gradients_match_tape():
    tfe = tf.contrib.eager
    w, b, unused = tfe.Variable([1.0, -2.0]), tfe.Variable(0.5), tfe.Variable(7.0)  # noqa: F841

    def loss():
        return tf.reduce_sum(w * tf.constant([3.0, 4.0])) + b * b
    pairs = tfe.implicit_gradients(loss)()
    expected = _golden("tfe_equiv_implicit_gradients")["value"]
    assert [v is var for (_, v), var in zip(pairs, (w, b), strict=True)] == [True, True]
    for (g, _), e in zip(pairs, expected, strict=True):
        assert np.asarray(g.numpy()).tolist() == e["value"][0]["value"]
    value, pairs = tfe.implicit_value_and_gradients(loss)()
    assert value.numpy() == np.float32(-5.0 + 0.25) and len(pairs) == 2
    with pytest.raises(ValueError, match="No trainable variables"):
        tfe.implicit_gradients(lambda: tf.constant(1.0))()


def test_tfe_misc():
    tfe = tf.contrib.eager
    assert tfe.executing_eagerly() and tfe.in_eager_mode()
    assert tfe.Variable is tf.Variable and tfe.GradientTape is tf.GradientTape
    assert (tfe.DEVICE_PLACEMENT_EXPLICIT, tfe.DEVICE_PLACEMENT_WARN, tfe.DEVICE_PLACEMENT_SILENT,
            tfe.DEVICE_PLACEMENT_SILENT_FOR_INT32) == (0, 1, 2, 3)
    assert tfe.num_gpus() == len(tf.config.list_physical_devices("GPU"))
    square = tfe.defun(lambda x: x * x)
    assert square(tf.constant(3.0)).numpy() == 9.0
    it = tfe.Iterator(tf.data.Dataset.range(3))
    assert [int(x) for x in it] == [0, 1, 2]
    m = tfe.metrics.Mean()
    m(tf.constant([1.0, 2.0]))
    m(4.0)
    assert m.result().numpy() == 7.0 / 3 and m.result().dtype == tf.float64
    acc = tfe.metrics.Accuracy()
    acc(tf.constant([1, 2, 3]), tf.constant([1, 0, 3]))
    assert acc.result().numpy() == 2.0 / 3


def _two_layer_network(tfe):
    class TwoLayerNetwork(tfe.Network):
        def __init__(self, name):
            super().__init__(name=name)
            self.layer_one = self.track_layer(tf.keras.layers.Dense(16, input_shape=(8,)))
            self.layer_two = self.track_layer(tf.keras.layers.Dense(1, input_shape=(16,)))
            self.untracked = tf.keras.layers.Dense(2)

        def call(self, inputs):
            return self.layer_two(self.layer_one(inputs))
    return TwoLayerNetwork


def test_tfe_network_names_as_tf_1_15_documents():
    """TF 1.15's Network docstring: 'net/dense/kernel:0', ... whatever other layers exist."""
    tfe = tf.contrib.eager
    tf.keras.layers.Dense(3)  # another anonymous dense layer elsewhere does not matter
    TwoLayerNetwork = _two_layer_network(tfe)  # noqa: N806
    net = TwoLayerNetwork(name="doc_net")
    assert net(tf.ones([1, 8])).shape == (1, 1)
    assert [v.name for v in net.variables] == [
        "doc_net/dense/kernel:0", "doc_net/dense/bias:0", "doc_net/dense_1/kernel:0",
        "doc_net/dense_1/bias:0"]
    assert net.trainable_variables == net.variables == net.weights
    assert net.non_trainable_weights == []
    assert [layer.name for layer in net.layers] == ["dense", "dense_1"]
    assert net.get_layer(index=1) is net.layer_two and net.get_layer("dense") is net.layer_one
    with pytest.raises(ValueError, match="No such layer: nope"):
        net.get_layer("nope")
    with pytest.raises(ValueError, match="A Network named 'doc_net' already exists"):
        TwoLayerNetwork(name="doc_net")(tf.ones([1, 8]))
    with pytest.raises(ValueError, match="Forward slashes"):
        TwoLayerNetwork(name="a/b")
    with pytest.raises(TypeError, match="not a tf.layers.Layer"):
        net.track_layer(lambda x: x)
    with pytest.raises(AttributeError, match="cannot mark Network as not trainable"):
        net.trainable = False
    with pytest.raises(RuntimeError, match="add_variable not supported"):
        net.add_variable("v", [1])


def test_tfe_network_docstring_example_with_tf_layers():
    """TF 1.15's own example, verbatim but for the name: `tf.compat.v1.layers.Dense`."""
    tfe = tf.contrib.eager

    class TwoLayerNetwork(tfe.Network):
        def __init__(self, name):
            super().__init__(name=name)
            self.layer_one = self.track_layer(tf.compat.v1.layers.Dense(16, input_shape=(8,)))
            self.layer_two = self.track_layer(tf.compat.v1.layers.Dense(1, input_shape=(16,)))

        def call(self, inputs):
            return self.layer_two(self.layer_one(inputs))
    net = TwoLayerNetwork(name="layers_net")
    net(tf.ones([1, 8]))
    assert [v.name for v in net.variables] == [
        "layers_net/dense/kernel:0", "layers_net/dense/bias:0", "layers_net/dense_1/kernel:0",
        "layers_net/dense_1/bias:0"]


def test_tfe_network_anonymous_and_nested_names():
    tfe = tf.contrib.eager
    TwoLayerNetwork = _two_layer_network(tfe)  # noqa: N806

    class Outer(tfe.Network):
        def __init__(self):
            super().__init__()
            self.inner = self.track_layer(TwoLayerNetwork(None))
            self.head = self.track_layer(tf.keras.layers.Dense(2))

        def call(self, x):
            return self.head(self.inner(x))
    first, second = Outer(), Outer()
    with pytest.raises(ValueError, match="does not yet have a final name"):
        getattr(first, "name")  # noqa: B009 - the property raises
    first(tf.ones([1, 8]))
    second(tf.ones([1, 8]))
    prefix = first.name
    assert second.name == prefix + "_1" and prefix.startswith("outer")
    assert [v.name for v in second.variables] == [
        f"{prefix}_1/two_layer_network/dense/kernel:0",
        f"{prefix}_1/two_layer_network/dense/bias:0",
        f"{prefix}_1/two_layer_network/dense_1/kernel:0",
        f"{prefix}_1/two_layer_network/dense_1/bias:0",
        f"{prefix}_1/dense/kernel:0", f"{prefix}_1/dense/bias:0"]
    layer = tf.keras.layers.Dense(1)
    with pytest.raises(ValueError, match="Attempt to add two Layers with the name 'dense'"):
        net = tfe.Network("dup_net")
        net.track_layer(tf.keras.layers.Dense(1, name="dense"))
        net.track_layer(layer)
        net.track_layer(tf.keras.layers.Dense(1, name="dense"))


def test_tfe_network_trains_with_tape_and_optimizer():
    tfe = tf.contrib.eager

    class Linear(tfe.Network):
        def __init__(self):
            super().__init__(name="linear_net")
            self.dense = self.track_layer(tf.keras.layers.Dense(1, use_bias=False))

        def call(self, x):
            return self.dense(x)
    net = Linear()
    x = np.array([[1.0, 2.0], [3.0, -1.0]], np.float32)
    y = np.array([[1.0], [2.0]], np.float32)
    net(x)
    kernel = np.array([[0.5], [-0.25]], np.float32)
    net.variables[0].assign(kernel)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(net(x) - y))
    grads = tape.gradient(loss, net.trainable_variables)
    tf.compat.v1.train.GradientDescentOptimizer(0.1).apply_gradients(
        zip(grads, net.trainable_variables, strict=True))
    expected_grad = 2 * x.T @ (x @ kernel - y) / 2  # d mean((xk - y)^2) / dk
    np.testing.assert_allclose(grads[0].numpy(), expected_grad, rtol=1e-6)
    np.testing.assert_allclose(net.variables[0].numpy(), kernel - 0.1 * expected_grad, rtol=1e-6)


def test_tfe_sequential():
    tfe = tf.contrib.eager
    seq = tfe.Sequential([tf.keras.layers.Dense(2, use_bias=False), lambda x: x * 2.0,
                          tf.keras.layers.Dropout(0.5)], name="seq_net")
    out = seq(tf.ones([1, 3]), training=False)
    kernel = seq.variables[0].numpy()
    np.testing.assert_allclose(out.numpy(), 2.0 * kernel.sum(axis=0, keepdims=True), rtol=1e-6)
    assert [v.name for v in seq.variables] == ["seq_net/dense/kernel:0"]
    with pytest.raises(TypeError, match="takes only tf.layers.Layer objects or callables"):
        seq.add(3)


def test_tfe_saver_writes_what_tf_saver_writes(tmp_path):
    tfe = tf.contrib.eager
    golden = _golden("tfe_equiv_saver")["value"]
    w = tf.Variable([[1.0, 2.0]], name="net/dense/kernel")
    b = tf.Variable(0.5, name="net/dense/bias")
    saver = tfe.Saver([w, b])
    path = saver.save(str(tmp_path / "model"), global_step=tf.constant(3))
    assert Path(path).name == golden[0]["value"]
    listed = [[e["value"][0]["value"], [d["value"] for d in e["value"][1]["value"]]]
              for e in golden[1]["value"]]
    assert [[n, list(s)] for n, s in tf.train.list_variables(path)] == listed
    assert tf.train.load_variable(path, "net/dense/kernel").tolist() == golden[2]["value"]
    assert tf.train.latest_checkpoint(str(tmp_path)) == path
    w.assign([[0.0, 0.0]])
    b.assign(0.0)
    saver.restore(path)
    assert w.numpy().tolist() == [[1.0, 2.0]] and b.numpy() == 0.5
    dict_saver = tfe.Saver({"renamed": b})
    assert Path(dict_saver.save(str(tmp_path / "d"))).name == "d"
    assert [n for n, _ in tf.train.list_variables(str(tmp_path / "d"))] == ["renamed"]


def test_tfe_restore_variables_on_create(tmp_path):
    tfe = tf.contrib.eager
    path = tfe.Saver([tf.Variable([3.0, 4.0], name="scope/v")]).save(str(tmp_path / "c"))
    with tfe.restore_variables_on_create(path):
        v = tf.Variable([0.0, 0.0], name="scope/v")
        with pytest.raises(tf.errors.NotFoundError, match="other not found in checkpoint"):
            tf.Variable(1.0, name="other")
    assert v.numpy().tolist() == [3.0, 4.0]
    assert tf.Variable(1.0, name="other").numpy() == 1.0  # outside the block: no lookup
    with tfe.restore_variables_on_create(path, map_func=lambda n: n.replace("new", "scope")):
        w = tf.Variable([0.0, 0.0], name="new/v")
    assert w.numpy().tolist() == [3.0, 4.0]
    with tfe.restore_variables_on_create(None):
        assert tf.Variable(2.0, name="scope/v").numpy() == 2.0
    with pytest.raises(ValueError, match="map_func must be callable"):
        with tfe.restore_variables_on_create(path, map_func=3):
            pass


def test_tfe_metrics_accuracies():
    tfe = tf.contrib.eager
    labels = tf.constant([[0., 1., 0.], [1., 0., 0.], [0., 0., 1.]])
    preds = tf.constant([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])
    cat = tfe.metrics.CategoricalAccuracy()
    out = cat(labels, preds)
    assert [t.numpy().tolist() for t in out] == [[1, 0, 2], [1, 1, 2]]
    got = cat.result()
    assert got.dtype == tf.float64
    assert got.numpy() == _golden("tfe_equiv_categorical_accuracy")["value"]
    sparse = tfe.metrics.SparseAccuracy()
    sparse(tf.constant([1, 1, 0]), preds, weights=tf.constant([1.0, 2.0, 3.0]))
    assert sparse.result().numpy() == _golden("tfe_equiv_sparse_accuracy_weighted")["value"]


def test_tfe_extras(tmp_path):
    tfe = tf.contrib.eager

    class Holder(tfe.Checkpointable):
        pass
    holder = Holder()
    holder.v = tf.Variable(2.0)
    path = tf.train.Checkpoint(holder=holder).save(str(tmp_path / "h"))
    assert "holder/v/.ATTRIBUTES/VARIABLE_VALUE" in [n for n, _ in tf.train.list_variables(path)]
    assert tfe.list_devices()[0] == "/job:localhost/replica:0/task:0/device:CPU:0"
    assert len(tfe.list_devices()) == len(tf.config.list_logical_devices())
    assert tfe.function is tf.function and tfe.TensorSpec is tf.TensorSpec
    assert (tfe.SYNC, tfe.ASYNC) == (0, 1)
    v = tf.Variable(1.0)
    opt = tf.compat.v1.train.AdamOptimizer(0.1)
    opt.minimize(lambda: v * v, var_list=[v])
    assert tfe.get_optimizer_variables(opt) == opt.variables()


def test_tfe_summary_writer_steps(tmp_path):
    writer = tf.contrib.eager.SummaryWriter(str(tmp_path))
    for _ in range(2):
        writer.scalar("loss", tf.constant(0.5 * (writer.global_step + 1)))
        writer.step()
    writer.histogram("w", tf.constant([0.0, 1.0, 1.0, 4.0]), family="train")
    writer.image("img", tf.zeros([2, 4, 5, 3]), max_images=1)
    writer.close()
    got = _values(summary_lib.read_events(tmp_path))
    assert [(s, t, v) for s, t, _, v in got[:2]] == [(0, "loss", 0.5), (1, "loss", 1.0)]
    assert [(s, t) for s, t, _, _ in got[2:]] == [(2, "train/train/w"), (2, "img/image")]
    assert got[2][3][2] == 6.0  # the histogram's sum


# -- version strings and deprecation notices -------------------------------------------------------

def test_version_strings():
    assert tf.__version__ == tf.VERSION == tf.version.VERSION == "1.15.5"
    assert tf.compat.v1.__version__ == tf.compat.v1.VERSION == "1.15.5"
    assert tf.compat.v2.__version__ == tf.compat.v2.version.VERSION == "2.21.0"
    import importlib.metadata
    assert tf.__tfcompat_version__ == importlib.metadata.version("tfcompat")


def test_deprecation_notices(capsys, monkeypatch):
    from tfcompat._src import logs
    monkeypatch.setattr(logs, "_printed", set())
    x = tf.constant([[1.0, 3.0, 2.0]])
    line = __import__("inspect").currentframe().f_lineno
    tf.arg_max(x, 1)
    tf.compat.v1.arg_max(x, 1)
    assert capsys.readouterr().err == (
        f"WARNING:tensorflow:From {__file__}:{line + 1}: arg_max (from "
        "tensorflow.python.ops.gen_math_ops) is deprecated and will be removed in a future "
        "version.\nInstructions for updating:\nUse `tf.math.argmax` instead\n")
    old = tf.compat.v1.logging.get_verbosity()
    try:
        tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)
        tf.to_float(tf.constant(1))
        tf.compat.v1.logging.set_verbosity(old)
        tf.to_float(tf.constant(1))  # already noted, while silenced
    finally:
        tf.compat.v1.logging.set_verbosity(old)
    assert capsys.readouterr().err == ""
    # the same object wherever TF has it; classes stay classes
    assert tf.arg_max is tf.compat.v1.arg_max and tf.multinomial is tf.random.multinomial
    assert tf.test.is_gpu_available is tf.compat.v2.test.is_gpu_available
    assert tf.compat.v2.nn.softmax_cross_entropy_with_logits is not \
        tf.compat.v1.nn.softmax_cross_entropy_with_logits
    assert issubclass(tf.gfile.FastGFile, tf.gfile.GFile)
    tf.compat.v2.nn.softmax_cross_entropy_with_logits([[0.0, 1.0]], [[1.0, 2.0]])
    assert capsys.readouterr().err == ""
    tf.compat.v2.test.is_gpu_available()
    assert "is_gpu_available (from tensorflow.python.framework.test_util)" in \
        capsys.readouterr().err


def test_all_warnings_go_through_the_tensorflow_logger(capsys):
    logger = tf.get_logger()
    assert logger.name == "tensorflow"
    old = logger.level
    try:
        logger.setLevel("ERROR")
        with tf.GradientTape() as t:
            t.watch(tf.constant(1))
        tf.compat.v1.train.Saver([tf.Variable(1.0)])
        assert capsys.readouterr().err == ""
        logger.setLevel("WARNING")
        tf.compat.v1.train.Saver([tf.Variable(1.0)])
        assert capsys.readouterr().err.startswith("WARNING:tensorflow:Saver is deprecated")
    finally:
        logger.setLevel(old)


# -- sessions, devices, imports --------------------------------------------------------------------

def test_session_run_explains_eager():
    with tf.compat.v1.Session(config=tf.compat.v1.ConfigProto()) as sess:
        with pytest.raises(RuntimeError, match="tfcompat runs eagerly"):
            sess.run(tf.compat.v1.global_variables_initializer())


def test_device_lib_lists_cpu():
    from tfcompat._src.session import list_local_devices
    cpu = list_local_devices()[0]
    assert (cpu.name, cpu.device_type, cpu.memory_limit) == ("/device:CPU:0", "CPU", 268435456)


def test_legacy_import_paths(tmp_path):
    script = tmp_path / "imports.py"
    script.write_text(
        "import tensorflow.contrib.eager as tfe\n"
        "from tensorflow.contrib.eager.python import tfe as tfe2\n"
        "from tensorflow.python.client import device_lib\n"
        "from tensorflow.python.eager import context\n"
        "print(tfe is tfe2, device_lib.list_local_devices()[0].device_type,\n"
        "      context.executing_eagerly())\n"
        "import tensorflow.contrib.slim\n")
    run = subprocess.run([sys.executable, "-m", "tfcompat", "run", str(script)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.stdout == "True CPU True\n"
    assert "ModuleNotFoundError: No module named 'tensorflow.contrib.slim'" in run.stderr
    assert "docs/coverage.md" in run.stderr


def test_tfe_run_and_framework_import_paths(tmp_path):
    script = tmp_path / "run_main.py"
    script.write_text(
        "import tensorflow as tf\n"
        "import tensorflow.contrib.eager as tfe\n"
        "from tensorflow.python.framework import ops\n"
        "tf.app.flags.DEFINE_integer('steps', 1, 'how many')\n"
        "def main(argv):\n"
        "    print(argv[1:], tf.app.flags.FLAGS.steps, ops.convert_to_tensor([1.5]).numpy())\n"
        "tfe.run(main)\n")
    run = subprocess.run([sys.executable, "-m", "tfcompat", "run", str(script), "--steps=3",
                          "extra"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "['extra'] 3 [1.5]\n"


def test_logging_format(capsys):
    log = tf.compat.v1.logging
    old = log.get_verbosity()
    try:
        log.info("hidden")
        log.warning("careful %d", 1)
        log.set_verbosity(log.INFO)
        log.info("shown %s", "x")
        log.fatal("bad")
    finally:
        log.set_verbosity(old)
    assert capsys.readouterr().err == ("WARNING:tensorflow:careful 1\nINFO:tensorflow:shown x\n"
                                       "CRITICAL:tensorflow:bad\n")


# -- legacy example programs ---------------------------------------------------------------------

PROGRAMS = sorted((ROOT / "conformance" / "programs").glob("*.py"))


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_legacy_program_runs_unchanged(program):
    """`tfcompat run program.py [args]` prints exactly the recorded (or hand-derived) .out, or
    within the tolerance a `# conformance: rtol=... atol=...` first line sets."""
    args_file = program.with_suffix(".args")
    args = args_file.read_text().split() if args_file.exists() else []
    run = subprocess.run([sys.executable, "-m", "tfcompat", "run", program.name, *args],
                         capture_output=True, text=True, cwd=program.parent, timeout=300)
    assert run.returncode == 0, run.stderr
    expected = program.with_suffix(".out").read_text()
    source = program.read_text()
    if source.startswith("# conformance:"):  # numbers within the tolerance that line sets
        from tfcompat._src import conformance
        tol = conformance.case_tolerance(source)
        assert conformance.first_difference(expected, run.stdout, tol) is None, run.stdout
    else:
        assert run.stdout == expected
