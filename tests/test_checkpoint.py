"""Checkpoints: TF-written fixtures read and restored by tfcompat; tfcompat's files as TF reads
them (tests/fixtures/checkpoints/record.py and roundtrip.py record with real TensorFlow)."""

import json
import os
import shutil

import numpy as np
import pytest

import tfcompat as tf
from tests.fixtures.checkpoints import build
from tfcompat._src import crc32c
from tfcompat._src.checkpoint import bundle, table
from tfcompat._src.checkpoint import object_graph as og

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "checkpoints")


def _expected(name):
    with open(os.path.join(HERE, name, "expected.json")) as f:
        return json.load(f)


def _fixture(name, tmp_path):
    """A copy of a fixture directory (restoring must not touch the committed files)."""
    dst = tmp_path / name
    shutil.copytree(os.path.join(HERE, name), dst)
    exp = _expected(name)
    return str(dst / exp["prefix"]), exp


def _read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def _plain(v):
    v = np.asarray(v, dtype=object if isinstance(v, bytes) else None)
    if v.dtype == object:
        return {"bytes": [x.hex() for x in v.reshape(-1).tolist()], "shape": list(v.shape)}
    return {"dtype": str(v.dtype), "shape": list(v.shape), "values": v.reshape(-1).tolist()}


def test_crc32c():
    assert crc32c.value(b"123456789") == 0xE3069283
    assert crc32c.value(b"") == 0
    data = bytes(range(256)) * 5
    assert crc32c.extend(crc32c.value(data[:77]), data[77:]) == crc32c.value(data)
    assert crc32c.unmask(crc32c.mask(0xDEADBEEF)) == 0xDEADBEEF


@pytest.mark.parametrize("name", ["basic", "optimizer", "saver"])
def test_reader_matches_tensorflow(name, tmp_path):
    prefix, exp = _fixture(name, tmp_path)
    assert [[k, s] for k, s in tf.train.list_variables(prefix)] == exp["list_variables"]
    reader = tf.train.load_checkpoint(prefix)
    assert {k: d.name for k, d in reader.get_variable_to_dtype_map().items()} == exp["dtypes"]
    for key, value in exp["tensors"].items():
        assert _plain(reader.get_tensor(key)) == value, key
    if "object_graph" in exp:
        raw = reader.get_tensor(og.OBJECT_GRAPH_KEY)
        assert [n.as_dict() for n in og.decode(raw)] == exp["object_graph"]


@pytest.mark.parametrize("name", ["basic", "optimizer", "saver"])
def test_index_rebuilds_byte_identical(name, tmp_path):
    prefix, _ = _fixture(name, tmp_path)
    raw = _read(prefix + ".index")
    items = table.read(raw)
    assert table.build(items) == raw
    assert all(bundle.Entry.decode(v).encode() == v for _, v in items[1:])


def test_restore_tf_written_checkpoint(tmp_path):
    prefix, exp = _fixture("basic", tmp_path)
    m = build.model(tf)
    for v in m.variables:
        v.assign(np.zeros(v.shape, v.dtype.as_numpy_dtype))
    step, flag = tf.Variable(0, dtype=tf.int64), tf.Variable(False)
    ckpt = tf.train.Checkpoint(model=m, step=step, flag=flag)
    status = ckpt.restore(prefix)
    status.assert_existing_objects_matched()
    with pytest.raises(AssertionError, match="Unresolved object in checkpoint \\(root\\).name"):
        status.assert_consumed()  # the string variable `name` has no tfcompat counterpart
    assert status.expect_partial() is status
    np.testing.assert_array_equal(m.w.numpy(), [[1.0, 2.0], [3.0, 4.0]])
    assert m.b.numpy() == 0.5 and m.b.dtype == tf.float64
    np.testing.assert_array_equal(m.layer.bias.numpy(), [1, -2, 3])
    assert step.numpy() == 8 and bool(flag.numpy()) is True
    assert ckpt.save_counter.numpy() == 2
    assert tf.train.latest_checkpoint(str(tmp_path / "basic")) == prefix
    assert tf.train.load_variable(str(tmp_path / "basic"), "step/.ATTRIBUTES/VARIABLE_VALUE") == 8


def test_restore_optimizer_slots(tmp_path):
    prefix, exp = _fixture("optimizer", tmp_path)
    m = build.model(tf)
    opt = tf.compat.v1.train.AdamOptimizer(0.1)
    ckpt = tf.train.Checkpoint(model=m, optimizer=opt)
    ckpt.restore(prefix).assert_consumed()
    t = exp["tensors"]
    slot = "model/w/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE"
    assert _plain(opt.get_slot(m.w, "m").numpy()) == t[slot]
    assert _plain(opt._non_slot_dict["beta1_power"].numpy()) == \
        t["optimizer/beta1_power/.ATTRIBUTES/VARIABLE_VALUE"]
    assert _plain(m.w.numpy()) == t["model/w/.ATTRIBUTES/VARIABLE_VALUE"]


def test_object_graph_matches_tensorflow(tmp_path):
    """tfcompat's graph for the same program is TF's (node order, names, slots, full names)."""
    tf.compat.v1.reset_default_graph()  # slot names ('w/Adam') are unique per process, as in TF
    written = build.write_all(tf, str(tmp_path))
    reader = tf.train.load_checkpoint(written["object"])
    nodes = [n.as_dict() for n in og.decode(reader.get_tensor(og.OBJECT_GRAPH_KEY))]
    with open(os.path.join(HERE, "roundtrip.json")) as f:
        golden = json.load(f)
    assert nodes == golden["object"]["object_graph"]
    for name, prefix in written.items():
        entries = {k: e.as_dict() for k, e in bundle.Reader(prefix).entries.items()}
        assert entries == golden[name]["entries"], name
    # And the values TF restored from tfcompat's files are what tfcompat saved.
    tf_read = golden["object"]["tf_restored"]
    np.testing.assert_array_equal(reader.get_tensor("model/w/.ATTRIBUTES/VARIABLE_VALUE"),
                                  tf_read["w:0"])
    assert tf_read["Variable:0"] == 7 and tf_read["save_counter"] == 1
    assert golden["object"]["tf_assert_consumed"] is True
    assert golden["saver"]["tf_restored"] == {"dense/kernel": [1.0, 2.0, 3.0], "global_step": 5}


def test_tf_structure_equals_tfcompat_structure():
    """Same program, TF's own save (record.py) vs tfcompat's: same keys, shapes and graph
    apart from the extra `step` and `save_counter` nodes of the round-trip program."""
    tf_keys = {k for k, _ in _expected("optimizer")["list_variables"]}
    with open(os.path.join(HERE, "roundtrip.json")) as f:
        ours = set(json.load(f)["object"]["entries"])
    assert ours - tf_keys == {"step/.ATTRIBUTES/VARIABLE_VALUE",
                              "save_counter/.ATTRIBUTES/VARIABLE_VALUE"}
    assert tf_keys <= ours


def test_save_write_read_and_manager(tmp_path):
    v = tf.Variable([1.0, 2.0])
    ckpt = tf.train.Checkpoint(v=v)
    p = ckpt.save(str(tmp_path / "a" / "ckpt"))
    assert p == str(tmp_path / "a" / "ckpt-1") and ckpt.save_counter.numpy() == 1
    assert _read(tmp_path / "a" / "checkpoint", "r") == (
        'model_checkpoint_path: "ckpt-1"\nall_model_checkpoint_paths: "ckpt-1"\n')
    assert ckpt.write(str(tmp_path / "w")) == str(tmp_path / "w")
    v.assign([5.0, 6.0])
    ckpt.read(str(tmp_path / "w")).assert_consumed()
    np.testing.assert_array_equal(v.numpy(), [1.0, 2.0])

    mgr = tf.train.CheckpointManager(ckpt, str(tmp_path / "m"), max_to_keep=2)
    paths = [mgr.save() for _ in range(3)]
    assert [os.path.basename(p) for p in paths] == ["ckpt-2", "ckpt-3", "ckpt-4"]
    assert mgr.checkpoints == paths[1:] and mgr.latest_checkpoint == paths[-1]
    assert not os.path.exists(paths[0] + ".index")
    assert tf.train.latest_checkpoint(str(tmp_path / "m")) == paths[-1]
    again = tf.train.CheckpointManager(ckpt, str(tmp_path / "m"), max_to_keep=2)
    assert again.checkpoints == paths[1:]
    assert tf.train.latest_checkpoint(str(tmp_path / "none")) is None


def test_saver_roundtrip(tmp_path):
    a = tf.Variable([1.0, 2.0, 3.0], name="dense/kernel")
    g = tf.Variable(np.int64(5), name="global_step")
    saver = tf.compat.v1.train.Saver([a, g])
    path = saver.save(None, str(tmp_path / "model"), global_step=7)
    assert path == str(tmp_path / "model-7")
    assert tf.train.list_variables(path) == [("dense/kernel", [3]), ("global_step", [])]
    a.assign([0.0, 0.0, 0.0])
    saver.restore(None, path)
    np.testing.assert_array_equal(a.numpy(), [1.0, 2.0, 3.0])
    with pytest.raises(tf.errors.NotFoundError, match="Key other not found in checkpoint"):
        tf.compat.v1.train.Saver({"other": a}).restore(None, path)
    with pytest.raises(RuntimeError):
        tf.compat.v1.train.Saver()


def test_restore_tf_saver_checkpoint(tmp_path):
    prefix, _ = _fixture("saver", tmp_path)
    a = tf.Variable(np.zeros(3, np.float32), name="dense/kernel")
    g = tf.Variable(np.int64(0), name="global_step")
    tf.compat.v1.train.Saver([a, g]).restore(None, prefix)
    np.testing.assert_array_equal(a.numpy(), [1.0, 2.0, 3.0])
    assert g.numpy() == 5


def test_errors(tmp_path):
    with pytest.raises(tf.errors.NotFoundError):
        tf.train.load_checkpoint(str(tmp_path / "missing"))
    prefix, _ = _fixture("saver", tmp_path)
    with pytest.raises(tf.errors.NotFoundError, match="Key nope not found in checkpoint"):
        tf.train.load_checkpoint(prefix).get_tensor("nope")
    data = prefix + ".data-00000-of-00001"
    raw = bytearray(_read(data))
    raw[0] ^= 1
    with open(data, "wb") as f:
        f.write(bytes(raw))
    with pytest.raises(tf.errors.DataLossError):
        tf.train.load_variable(prefix, "dense/kernel")
    v = tf.Variable([1.0, 2.0, 3.0, 4.0], name="dense/kernel")
    with pytest.raises(ValueError, match="incompatible tensor with shape"):
        tf.train.Checkpoint(v=v).save(str(tmp_path / "x")) and tf.train.Checkpoint(
            v=tf.Variable([1.0])).restore(str(tmp_path / "x-1"))


def test_module():
    m = build.model(tf)
    assert m.name == "model"
    assert [v.name for v in m.variables] == ["b:0", "w:0", "bias:0", "kernel:0"]
    assert [v.name for v in m.trainable_variables] == ["b:0", "w:0", "bias:0", "kernel:0"]
    assert len(m.submodules) == 1 and m.submodules[0] is m.layer
    with m.name_scope as scope:
        assert scope == m.name_scope.name or scope is not None
