"""The Keras 2 training loop (compile/fit/evaluate/predict, callbacks, progress bars) against
goldens from tf_keras, plus checks that the train step is compiled once."""

import gc
import re

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, evaluate, load

CASES = load("keras_training")


def screen(text: str) -> str:
    """What a terminal finally shows of progress-bar output, with measured times masked: each
    line keeps the text after its last carriage return (the bar redraws itself), trailing
    padding is dropped, and `ETA: 1s`, `- 0s 2ms/step`, `- 0s/epoch` become placeholders."""
    lines = []
    for line in text.split("\n"):
        line = re.sub(r".*\r", "", line.replace("\b", ""))
        line = re.sub(r"ETA: [0-9:]+s?", "ETA: T", line)
        line = re.sub(r" - \d+s \d+(us|ms|s)/(step|sample)", " - Ts T/step", line)
        line = re.sub(r"^(\s*\d+/\d+) - \d+s", r"\1 - Ts", line)
        line = re.sub(r" - \d+(us|ms|s)/epoch - \d+(us|ms|s)/step", " - T/epoch - T/step", line)
        line = re.sub(r" - \d+s \d+(us|ms|s)/step", " - Ts T/step", line)
        lines.append(line.rstrip())
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    if case["id"] == "keras_version":
        assert case["expected"]["value"][0]["value"].startswith("2.")  # recorded with Keras 2
        return
    if case["id"].startswith(("progbar_", "utils_progbar")):
        actual = evaluate(tf, case["src"])
        assert actual["type"] == "str", actual
        assert screen(actual["value"]) == screen(case["expected"]["value"])
        return
    check(tf, case)


def test_progbar_raw_form():
    """Beyond the masked comparison: the raw bytes are tf_keras's dynamic form (backspaces over
    the previous line, a carriage return, the final line ended by a newline)."""
    case = next(c for c in CASES if c["id"] == "progbar_verbose1")
    raw = evaluate(tf, case["src"])["value"]
    expected = case["expected"]["value"]
    assert raw.startswith("Epoch 1/3\n\r1/1 [==============================] - ")
    assert raw.count("\n") == expected.count("\n")
    assert raw.count("\r") == expected.count("\r")
    assert "\n" + "\b" * 10 not in raw   # a fresh bar after "Epoch i/n" starts without backspaces
    assert expected.startswith("Epoch 1/3\n\r1/1 [==============================] - ")


def test_screen_masks_only_timings():
    a = "\r1/3 [=========>....................] - ETA: 12s - loss: 0.5000\b\b\r3/3 [====] - 1s " \
        "12ms/step - loss: 0.1000\n"
    assert screen(a) == "3/3 [====] - Ts T/step - loss: 0.1000\n"
    assert screen("2/2 - 3s - loss: 1.0 - 12ms/epoch - 3ms/step\n") == \
        "2/2 - Ts - loss: 1.0 - T/epoch - T/step\n"


# -- compilation --------------------------------------------------------------------------------

def _regressor():
    tf.keras.backend.clear_session()
    m = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="tanh", input_shape=(2,)),
                             tf.keras.layers.Dense(1)])
    m.set_weights([np.cos(np.arange(w.size) * 0.7).reshape(w.shape).astype("float32") * 0.5
                   for w in m.get_weights()])
    return m


X = np.arange(40, dtype="float32").reshape(20, 2) / 20 - 0.5
Y = X @ np.array([[1.5], [-2.0]], "float32") + 0.3


@pytest.mark.parametrize("optimizer", ["adam", "sgd",
                                       lambda: tf.compat.v1.train.AdamOptimizer(0.01)])
def test_fit_traces_train_step_once(optimizer):
    m = _regressor()
    m.compile(optimizer() if callable(optimizer) else optimizer, "mse", metrics=["mae", "acc"])
    m.fit(X, Y, batch_size=5, epochs=10, shuffle=False, verbose=0)
    assert m.train_function.experimental_get_tracing_count() == 1
    m.fit(X, Y, batch_size=5, epochs=2, verbose=0)      # shuffled batches: same signature
    assert m.train_function.experimental_get_tracing_count() == 1
    # A partial last batch is another input signature: one more trace, once.
    m.fit(X, Y, batch_size=6, epochs=3, shuffle=False, verbose=0)
    assert m.train_function.experimental_get_tracing_count() == 3


def test_fit_compiles_through_tf_function_cache():
    """tf.debugging.cache_stats() sees the step's tf.function cache: one trace (miss) for a
    10-epoch fit of 5 equal batches, every other step a hit."""
    def step_stats():
        return tf.debugging.cache_stats().get("tf.function _train_step",
                                              {"misses": 0, "hits": 0})
    m = _regressor()
    m.compile("sgd", "mse")
    gc.collect()     # caches of dead models drop out of the sums now, not during the fit
    before = step_stats()
    m.fit(X, Y, batch_size=4, epochs=10, shuffle=False, verbose=0)
    after = step_stats()
    assert isinstance(m.train_function, type(tf.function(lambda: None)))
    assert after["misses"] - before["misses"] == 1
    assert after["hits"] - before["hits"] == 49


def test_run_eagerly_matches_compiled():
    m = _regressor()
    m.compile(tf.keras.optimizers.Adam(0.05), "mse", metrics=["mae"])
    h1 = m.fit(X, Y, batch_size=6, epochs=3, shuffle=False, verbose=0).history
    m2 = _regressor()
    m2.compile(tf.keras.optimizers.Adam(0.05), "mse", metrics=["mae"], run_eagerly=True)
    h2 = m2.fit(X, Y, batch_size=6, epochs=3, shuffle=False, verbose=0).history
    assert not isinstance(m2.train_function, type(tf.function(lambda: None)))   # eager
    for k in h1:
        np.testing.assert_allclose(h1[k], h2[k], rtol=1e-5)


def test_shuffle_changes_order_but_not_epoch_mean_at_fixed_weights():
    m = _regressor()
    m.compile(tf.keras.optimizers.SGD(0.0), "mse", metrics=["mae"])
    a = m.fit(X, Y, batch_size=6, epochs=1, shuffle=False, verbose=0).history
    b = m.fit(X, Y, batch_size=6, epochs=1, shuffle=True, verbose=0).history
    np.testing.assert_allclose(a["loss"], b["loss"], rtol=1e-5)
    np.testing.assert_allclose(a["mae"], b["mae"], rtol=1e-5)


def test_subclassed_model_fit():
    class Net(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.d = tf.keras.layers.Dense(1)

        def call(self, inputs, training=None):
            return self.d(inputs)

    net = Net()
    net.compile(tf.keras.optimizers.SGD(0.1), "mse")
    h = net.fit(X, Y, batch_size=5, epochs=30, verbose=0)
    assert h.history["loss"][-1] < 0.05 * h.history["loss"][0] + 1e-3
    assert net.train_function.experimental_get_tracing_count() == 1
    assert net.predict(X, verbose=0).shape == (20, 1)


def test_deferred_sequential_builds_before_tracing():
    tf.keras.backend.clear_session()
    m = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="tanh"), tf.keras.layers.Dense(1)])
    m.compile(tf.keras.optimizers.Adam(0.05), "mse", metrics=["mae"])
    p = m.predict(X, batch_size=8, verbose=0)
    assert p.shape == (20, 1) and m.predict_function.experimental_get_tracing_count() == 2
    h = m.fit(X, Y, batch_size=5, epochs=20, shuffle=False, verbose=0)
    assert m.train_function.experimental_get_tracing_count() == 1
    assert h.history["loss"][-1] < 0.2 * h.history["loss"][0]


def test_duplicate_metric_names():
    m = _regressor()
    m.compile("sgd", "mse", metrics=["mae", "mae"])
    with pytest.raises(ValueError, match="Found two metrics with the same name: mae"):
        m.fit(X, Y, verbose=0)


def test_progbar_counts_with_unknown_target():
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        p = tf.keras.utils.Progbar(None)
        p.update(5, [("loss", 0.5)])
    assert screen(buf.getvalue()) == "      5/Unknown - Ts T/step - loss: 0.5000"
