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
    """`tfcompat run program.py [args]` prints exactly the recorded (or hand-derived) .out."""
    args_file = program.with_suffix(".args")
    args = args_file.read_text().split() if args_file.exists() else []
    run = subprocess.run([sys.executable, "-m", "tfcompat", "run", program.name, *args],
                         capture_output=True, text=True, cwd=program.parent, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout == program.with_suffix(".out").read_text()
