"""Keras weights in TF checkpoint format and Keras optimizers in `tf.train.Checkpoint`: files
written by TF 2.21 + tf_keras (tests/fixtures/keras_checkpoints/record.py) restore in tfcompat,
and tfcompat's files are the ones TF restored (roundtrip.py)."""

import json
import os
import shutil

import numpy as np
import pytest

import tfcompat as tf
from tests.fixtures.keras_checkpoints import build
from tfcompat._src.checkpoint import bundle
from tfcompat._src.checkpoint import object_graph as og

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "keras_checkpoints")
with open(os.path.join(HERE, "expected.json")) as _f:
    EXPECTED = json.load(_f)
with open(os.path.join(HERE, "roundtrip.json")) as _f:
    ROUNDTRIP = json.load(_f)
MODELS = {"seq": build.sequential, "sub": build.subclassed}
# RMSprop's update rounds as Keras 3's (tfcompat's optimizers): an ulp from tf_keras's.
RTOL = {"adam": 0, "sgd_momentum": 0, "rmsprop_centered": 1e-6}


def _copy(name, tmp_path):
    shutil.copytree(os.path.join(HERE, name), tmp_path / name)
    return str(tmp_path / name / ("ckpt" if (tmp_path / name / "ckpt.index").exists() else "w"))


def _close(actual, expected, rtol=0.0):
    assert len(actual) == len(expected)
    for a, e in zip(actual, expected, strict=True):
        np.testing.assert_allclose(np.asarray(a, np.float64), np.asarray(e, np.float64),
                                   rtol=rtol, atol=0)


@pytest.mark.parametrize("name", ["seq", "sub"])
def test_load_weights_from_tf_keras(name, tmp_path):
    prefix = _copy(name, tmp_path)
    model = MODELS[name](tf, fill=False)
    status = model.load_weights(prefix)
    status.assert_consumed()
    _close([v.numpy() for v in model.weights], EXPECTED[name]["weights"])


@pytest.mark.parametrize("name", ["seq", "sub"])
def test_load_weights_before_the_model_is_built(name, tmp_path):
    """As in TF, values for layers not built yet are applied when they are built."""
    prefix = _copy(name, tmp_path)
    if name == "seq":
        model = tf.keras.Sequential([tf.keras.layers.Dense(3), tf.keras.layers.BatchNormalization(),
                                     tf.keras.layers.Dense(1)])
    else:
        model = build.subclassed(tf, call=False)
    status = model.load_weights(prefix)
    with pytest.raises(AssertionError, match="Unresolved object in checkpoint"):
        status.assert_consumed()
    model(np.ones((1, 2), np.float32))
    status.assert_consumed()
    _close([v.numpy() for v in model.weights], EXPECTED[name]["weights"])


@pytest.mark.parametrize("name", ["seq", "sub"])
def test_save_weights_writes_tf_keras_layout(name, tmp_path):
    model = MODELS[name](tf)
    prefix = str(tmp_path / "w")
    model.save_weights(prefix)
    assert [[k, s] for k, s in tf.train.list_variables(prefix)] == \
        EXPECTED[name]["list_variables"]
    assert (tmp_path / "checkpoint").read_text() == EXPECTED[name]["state"]
    assert tf.train.latest_checkpoint(str(tmp_path)) == prefix
    reader = tf.train.load_checkpoint(prefix)
    for key, value in zip(sorted(k for k, _ in EXPECTED[name]["list_variables"][1:]),
                          _by_key(name), strict=True):
        np.testing.assert_array_equal(reader.get_tensor(key), value)


def _by_key(name):
    """TF's saved values in sorted-key order, from the TF-written fixture itself."""
    reader = bundle.Reader(os.path.join(HERE, name, "w"))
    return [reader.get(k) for k in sorted(reader.entries) if k != og.OBJECT_GRAPH_KEY]


def _tree(nodes):
    """Each node with values, breadth first from the root: (path, children with values in
    order, checkpoint keys); nodes TF keeps without values (`_index_dict`...) are left out."""
    has = [n["has_checkpoint_values"] for n in nodes]
    out, paths, todo = [], {0: ""}, [0]
    while todo:
        i = todo.pop(0)
        kids = [(c, name) for c, name in nodes[i]["children"] if has[c]]
        out.append((paths[i], [name for _, name in kids],
                    [a[2] for a in nodes[i]["attributes"]]))
        for c, name in kids:
            if c not in paths:
                paths[c] = f"{paths[i]}/{name}"
                todo.append(c)
    return out


def test_object_graph_is_tf_keras(tmp_path):
    """The graph's nodes with values, their children's order and keys are TF's (node numbers
    differ where TF keeps empty nodes)."""
    for name, prefix in build.write_all(tf, str(tmp_path)).items():
        nodes = og.decode(bundle.Reader(prefix).get(og.OBJECT_GRAPH_KEY)[()])
        assert _tree([n.as_dict() for n in nodes]) == _tree(EXPECTED[name]["object_graph"]), name


@pytest.mark.parametrize("name", sorted(build.OPTIMIZERS))
@pytest.mark.parametrize("built", [False, True], ids=["deferred", "built"])
def test_restore_tf_optimizer_state_gives_tf_next_step(name, built, tmp_path):
    prefix = _copy(name, tmp_path)
    model = build.dense_pair(tf, fill=False)
    opt = build.OPTIMIZERS[name](tf)
    if built:
        opt.build(model.trainable_variables)
    status = tf.train.Checkpoint(model=model, optimizer=opt).read(prefix)
    assert int(opt.iterations.numpy()) == 2
    _close([v.numpy() for v in model.weights], EXPECTED[name]["saved"]["weights"])
    if built:
        status.assert_consumed()
        _close(build.state(model, opt)["slots"], EXPECTED[name]["saved"]["slots"])
    else:
        with pytest.raises(AssertionError, match="Unresolved object in checkpoint"):
            status.assert_consumed()   # slots wait for build, as in TF
    build.apply_step(tf, model, opt, 2)
    state = build.state(model, opt)
    assert state["iterations"] == EXPECTED[name]["next"]["iterations"] == 3
    _close(state["weights"], EXPECTED[name]["next"]["weights"], RTOL[name])
    _close(state["slots"], EXPECTED[name]["next"]["slots"], RTOL[name])


@pytest.mark.parametrize("legacy", sorted(build.LEGACY))
@pytest.mark.parametrize("built", [False, True], ids=["deferred", "built"])
def test_restore_optimizer_v2_checkpoint(legacy, built, tmp_path):
    """Checkpoints of TF's OptimizerV2 (`iter`, `.OPTIMIZER_SLOT`) restore into the Keras
    optimizer of the same kind."""
    prefix = _copy(legacy, tmp_path)
    name = build.LEGACY[legacy][0]
    model = build.dense_pair(tf, fill=False)
    opt = build.OPTIMIZERS[name](tf)
    if built:
        opt.build(model.trainable_variables)
    status = tf.train.Checkpoint(model=model, optimizer=opt).read(prefix)
    assert int(opt.iterations.numpy()) == 2
    _close([v.numpy() for v in model.weights], EXPECTED[legacy]["saved"]["weights"])
    if built:
        status.assert_consumed()   # hyperparameters equal to the optimizer's count as matched
        _close(build.state(model, opt)["slots"], EXPECTED[legacy]["saved"]["slots"])
    build.apply_step(tf, model, opt, 2)
    state = build.state(model, opt)
    assert state["iterations"] == 3
    # OptimizerV2's fused kernels compute v as b2*v + (1-b2)*g^2, Keras 3 as v + (g^2-v)(1-b2):
    # the restored state is exact (above), the step after it agrees to rounding.
    _close(state["weights"], EXPECTED[legacy]["next"]["weights"], 1e-4)
    _close(state["slots"], EXPECTED[legacy]["next"]["slots"], 1e-4)


def test_optimizer_v2_hyperparameter_mismatch_is_unmatched(tmp_path):
    prefix = _copy("legacy_adam", tmp_path)
    model = build.dense_pair(tf, fill=False)
    opt = tf.keras.optimizers.Adam(0.1, beta_1=0.8)
    opt.build(model.trainable_variables)
    status = tf.train.Checkpoint(model=model, optimizer=opt).read(prefix)
    with pytest.raises(AssertionError, match="optimizer.beta_1"):
        status.assert_consumed()
    status.assert_existing_objects_matched()


def test_tfcompat_writes_what_tf_restored(tmp_path):
    written = build.write_all(tf, str(tmp_path))
    for name, prefix in written.items():
        assert [[k, s] for k, s in tf.train.list_variables(prefix)] == ROUNDTRIP[name]["keys"]
        assert ROUNDTRIP[name]["keys"] == EXPECTED[name]["list_variables"]
    for name in MODELS:   # TF's load_weights gave back exactly the values tfcompat saved
        _close(ROUNDTRIP[name]["tf_restored"], EXPECTED[name]["weights"])
    for name in build.OPTIMIZERS:   # TF continued from tfcompat's state as from its own
        _close(ROUNDTRIP[name]["tf_next"]["weights"], EXPECTED[name]["next"]["weights"],
               RTOL[name])
        model, opt = build.trained(tf, name)
        _close(build.state(model, opt)["weights"], EXPECTED[name]["saved"]["weights"],
               RTOL[name])


def test_save_weights_formats_and_errors(tmp_path):
    model = build.dense_pair(tf)
    with pytest.raises(ValueError, match="looks like an HDF5 file"):
        model.save_weights(str(tmp_path / "w.h5"), save_format="tf")
    with pytest.raises(ValueError, match="Unknown format"):
        model.save_weights(str(tmp_path / "w"), save_format="pickle")
    model.save_weights(str(tmp_path / "explicit"), save_format="tensorflow")
    assert os.path.isfile(tmp_path / "explicit.index")
    with pytest.raises(NotImplementedError, match="by_name=True"):
        model.load_weights(str(tmp_path / "explicit"), by_name=True)
    with pytest.raises(ValueError, match="skip_mismatch can only be set to True"):
        model.load_weights(str(tmp_path / "explicit"), skip_mismatch=True)
    with pytest.raises(tf.errors.NotFoundError):
        model.load_weights(str(tmp_path / "missing"))
    unbuilt = tf.keras.Sequential([tf.keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="have not yet been created"):
        unbuilt.save_weights(str(tmp_path / "u"))
    other = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(5,))])
    with pytest.raises(ValueError, match="Received incompatible tensor with shape"):
        other.load_weights(str(tmp_path / "explicit"))


def test_round_trip_in_tfcompat(tmp_path):
    src = build.subclassed(tf)
    src.save_weights(str(tmp_path / "w"))
    dst = build.subclassed(tf, fill=False)
    dst.load_weights(str(tmp_path / "w")).assert_consumed()
    _close([v.numpy() for v in dst.weights], [v.numpy() for v in src.weights])
    # tf.train.Checkpoint(model=...) nests the same layout under `model/`
    ckpt = tf.train.Checkpoint(model=src)
    keys = [k for k, _ in tf.train.list_variables(ckpt.write(str(tmp_path / "c")))]
    assert "model/block/inner/1/kernel/.ATTRIBUTES/VARIABLE_VALUE" in keys
    assert "model/w/.ATTRIBUTES/VARIABLE_VALUE" in keys


def test_compiled_model_weights_include_the_optimizer(tmp_path):
    """Keras 2's save_weights of a compiled, trained model also holds its optimizer."""
    exp = EXPECTED["compiled"]
    model = build.compiled(tf)
    model.save_weights(str(tmp_path / "w"))
    assert [[k, s] for k, s in tf.train.list_variables(str(tmp_path / "w"))] == \
        exp["list_variables"]
    prefix = _copy("compiled", tmp_path)
    fresh = build.dense_pair(tf, fill=False)
    fresh.compile(optimizer=tf.keras.optimizers.Adam(0.1), loss="mse")
    fresh.load_weights(prefix)
    _close([v.numpy() for v in fresh.weights], exp["saved"]["weights"])
    assert int(fresh.optimizer.iterations.numpy()) == 1
    fresh.optimizer.build(fresh.trainable_variables)   # the slots take the saved values
    _close(build.state(fresh, fresh.optimizer)["slots"], exp["saved"]["slots"])
