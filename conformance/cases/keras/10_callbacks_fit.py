# conformance: rtol=1e-4 atol=1e-5
# record-env: TF_USE_LEGACY_KERAS=1
import contextlib
import io
import logging
import os
import re
import shutil
import tempfile

import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
# fitting many small models makes TF warn about tf.function retracing, with addresses
logging.getLogger("tensorflow").setLevel(logging.ERROR)

x = np.linspace(-1.0, 1.0, 16).reshape(8, 2).astype("float32")
y = (x @ np.array([[2.0], [-1.0]]) + 0.5).astype("float32")


def make_model():
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
    model.set_weights([np.array([[0.1], [0.2]], "float32"), np.zeros(1, "float32")])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse", metrics=["mae"])
    return model


def r(logs):
    return {k: round(float(v), 4) for k, v in sorted((logs or {}).items())}


class Recorder(tf.keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        print("train_begin", sorted(self.params.items()), self.model is not None)

    def on_epoch_begin(self, epoch, logs=None):
        print("epoch_begin", epoch)

    def on_train_batch_end(self, batch, logs=None):
        print("batch_end", batch, r(logs))

    def on_epoch_end(self, epoch, logs=None):
        print("epoch_end", epoch, r(logs))

    def on_train_end(self, logs=None):
        print("train_end", r(logs))

    def on_test_end(self, logs=None):
        print("test_end", r(logs))


model = make_model()
hist = model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0,
                 validation_data=(x[:4], y[:4]), callbacks=[Recorder()])
print(type(hist).__name__, isinstance(hist, tf.keras.callbacks.History), hist.epoch)
print(sorted(hist.params.items()))
print({k: np.round(v, 4).tolist() for k, v in sorted(hist.history.items())})
print(model.history is hist)

seen = []
lam = tf.keras.callbacks.LambdaCallback(
    on_epoch_begin=lambda epoch, logs: seen.append(("begin", epoch)),
    on_epoch_end=lambda epoch, logs: seen.append(("end", epoch, round(float(logs["loss"]), 4))),
    on_train_end=lambda logs: seen.append("done"))
make_model().fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0, callbacks=[lam])
print(seen)

# EarlyStopping: the loss stops improving by min_delta at once
model = make_model()
es = tf.keras.callbacks.EarlyStopping(monitor="loss", min_delta=10.0, patience=2, verbose=1)
h = model.fit(x, y, batch_size=8, epochs=10, shuffle=False, verbose=0, callbacks=[es])
print("EarlyStopping", es.stopped_epoch, es.wait, len(h.epoch), es.monitor, es.patience)
model = make_model()
es = tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, mode="min",
                                      restore_best_weights=True)
h = model.fit(x, y, batch_size=8, epochs=4, shuffle=False, verbose=0,
              validation_data=(x, y), callbacks=[es])
print("EarlyStopping val", es.stopped_epoch, len(h.epoch), round(float(es.best), 4))

# TerminateOnNaN
bad_y = y.copy()
bad_y[0, 0] = np.nan
h = make_model().fit(x, bad_y, batch_size=4, epochs=3, shuffle=False, verbose=0,
                     callbacks=[tf.keras.callbacks.TerminateOnNaN()])
print("TerminateOnNaN", h.epoch)

tmp = tempfile.mkdtemp()
os.chdir(tmp)

# CSVLogger
model = make_model()
model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0,
          callbacks=[tf.keras.callbacks.CSVLogger("log.csv")])
with open("log.csv") as f:
    rows = [line.strip().split(",") for line in f]
print(rows[0])
for row in rows[1:]:
    print([v if v == "NA" else round(float(v), 4) for v in row])
model.fit(x, y, batch_size=8, epochs=1, shuffle=False, verbose=0,
          callbacks=[tf.keras.callbacks.CSVLogger("log.csv", separator=";", append=True)])
with open("log.csv") as f:
    print(len(f.read().strip().splitlines()))

# ModelCheckpoint
model = make_model()
ckpt = tf.keras.callbacks.ModelCheckpoint("weights.{epoch:02d}", save_weights_only=True,
                                          monitor="loss", verbose=1)
model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, callbacks=[ckpt])
print(sorted(f for f in os.listdir(".") if f.startswith("weights")))
best = tf.keras.callbacks.ModelCheckpoint("best", save_weights_only=True, monitor="loss",
                                          save_best_only=True, verbose=1)
model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, callbacks=[best])
fresh = make_model()
fresh.load_weights("weights.02")
print(np.round(fresh.get_weights()[0].astype(float), 4).tolist())

# CallbackList driven by hand
cbs = tf.keras.callbacks.CallbackList([Recorder(), tf.keras.callbacks.History()], model=make_model(),
                                      epochs=1, steps=1, verbose=0)
cbs.on_train_begin()
cbs.on_epoch_begin(0)
cbs.on_train_batch_end(0, {"loss": 0.5})
cbs.on_epoch_end(0, {"loss": 0.5})
cbs.on_train_end()
print(len(cbs.callbacks), [type(c).__name__ for c in cbs.callbacks][:2])


# Progbar and ProgbarLogger print timings: keep what is deterministic
def untimed(fn):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    text = buf.getvalue().replace("\b", "").replace("\r", "\n")
    text = re.sub(r"( - )?(ETA: )?\b\d+(\.\d+)?(ms|us|s)(/\w+)?\b", "", text)
    for line in text.splitlines():
        if line.strip():
            print(repr(line.rstrip()))


def bar():
    p = tf.keras.utils.Progbar(3, interval=0, stateful_metrics=["acc"])
    p.update(1, values=[("loss", 1.0), ("acc", 0.5)])
    p.update(2, values=[("loss", 3.0), ("acc", 0.75)])
    p.add(1, values=[("loss", 2.0)])
    q = tf.keras.utils.Progbar(2, verbose=2, unit_name="sample")
    q.update(2, values=[("loss", 0.25)], finalize=True)


untimed(bar)
untimed(lambda: make_model().fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=2))
pl = tf.keras.callbacks.ProgbarLogger(count_mode="steps")
untimed(lambda: make_model().fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=2, callbacks=[pl]))
print(isinstance(pl, tf.keras.callbacks.Callback))
os.chdir("/")
shutil.rmtree(tmp)
