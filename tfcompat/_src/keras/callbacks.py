"""`tf.keras.callbacks` with Keras 2 semantics (tf_keras), and `tf.keras.utils.Progbar`.

`Model.fit`/`evaluate`/`predict` drive a `CallbackList`: the user's callbacks, then `History`,
then (when `verbose` is not 0) a `ProgbarLogger`, in that order, as tf_keras arranges them. Logs
are dicts of Python floats. The progress bar writes what tf_keras writes to stdout: on a POSIX
system it always uses the "dynamic" form (each update starts with backspaces over the previous
line and a carriage return), it skips updates closer than 0.05 s to the previous one, and the
timings (`ETA: 1s`, `- 0s 2ms/step`, `- 0s/epoch`) are measured, so they (and the number of
intermediate updates) differ from run to run; the bar, counts and metric values do not.
"""

import csv
import math
import os
import sys
import time
import warnings

import numpy as np

from tfcompat._src.export import export


def _print(message, line_break=True):
    sys.stdout.write(message + ("\n" if line_break else ""))
    sys.stdout.flush()


# -- progress bar ------------------------------------------------------------------------------

def _format_time(seconds, unit):
    if seconds >= 1 or seconds == 0:
        return f" {seconds:.0f}s/{unit}"
    if seconds >= 1e-3:
        return f" {seconds * 1e3:.0f}ms/{unit}"
    return f" {seconds * 1e6:.0f}us/{unit}"


def _format_value(avg, signed=True):
    big = abs(avg) > 1e-3 if signed else avg > 1e-3
    return f" {avg:.4f}" if big else f" {avg:.4e}"


@export("keras.utils.Progbar")
class Progbar:
    """The text progress bar of Keras 2: `current/target [====>....] - ETA: 1s - loss: 0.1234`.

    Values of names in `stateful_metrics` are shown as given; others are averaged over the steps
    they were reported for (weighted by the steps between updates)."""

    def __init__(self, target, width=30, verbose=1, interval=0.05, stateful_metrics=None,
                 unit_name="step"):
        self.target, self.width, self.verbose = target, width, verbose
        self.interval, self.unit_name = interval, unit_name
        self.stateful_metrics = set(stateful_metrics or ())
        self._total_width = 0
        self._seen_so_far = 0
        self._values, self._order = {}, []
        self._start = time.time()
        self._last_update = 0.0
        self._epoch_start, self._epoch_end = self._start, None
        self._after_first = None

    def update(self, current, values=None, finalize=None):
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        for name, value in values or ():
            if name not in self._order:
                self._order.append(name)
            if name in self.stateful_metrics:
                self._values[name] = [value, 1]
            else:
                weight = max(current - self._seen_so_far, 1)
                total = self._values.setdefault(name, [0.0, 0])
                total[0] += value * weight
                total[1] += weight
        self._seen_so_far = current
        now = time.time()
        elapsed = f" - {now - self._start:.0f}s"
        if current == self.target:
            self._epoch_end = now
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            previous = self._total_width
            message = "\b" * previous + "\r"
            if self.target is not None:
                digits = int(np.log10(self.target)) + 1
                bar = f"{current:{digits}d}/{self.target} ["
                filled = int(self.width * float(current) / self.target)
                if filled > 0:
                    bar += "=" * (filled - 1) + (">" if current < self.target else "=")
                bar += "." * (self.width - filled) + "]"
            else:
                bar = f"{current:7d}/Unknown"
            per_step = self._step_time(current, now)
            if self.target is None or finalize:
                info = elapsed + _format_time(per_step, self.unit_name)
            else:
                eta = per_step * (self.target - current)
                if eta > 3600:
                    eta_text = f"{int(eta // 3600)}:{int(eta % 3600 // 60):02d}:{int(eta % 60):02d}"
                elif eta > 60:
                    eta_text = f"{int(eta // 60)}:{int(eta % 60):02d}"
                else:
                    eta_text = f"{int(eta)}s"
                info = f" - ETA: {eta_text}"
            for name in self._order:
                total, count = self._values[name]
                info += f" - {name}:" + _format_value(np.mean(total / max(1, count)))
            self._total_width = len(bar) + len(info)
            if previous > self._total_width:
                info += " " * (previous - self._total_width)
            if finalize:
                info += "\n"
            _print(message + bar + info, line_break=False)
        elif self.verbose == 2 and finalize:
            digits = int(np.log10(self.target)) + 1
            info = f"{current:{digits}d}/{self.target}" + elapsed
            for name in self._order:
                total, count = self._values[name]
                info += f" - {name}:" + _format_value(np.mean(total / max(1, count)), False)
            if self._epoch_end:
                epoch_time = self._epoch_end - self._epoch_start
                info += " -" + _format_time(epoch_time, "epoch")
                info += " -" + _format_time(epoch_time / self.target, self.unit_name) + "\n"
                self._epoch_start, self._epoch_end = now, None
            _print(info, line_break=False)
        self._last_update = now

    def add(self, n, values=None):
        self.update(self._seen_so_far + n, values)

    def _step_time(self, current, now):
        """Seconds per step, leaving out the first step once there are more."""
        if not current:
            return 0
        if self._after_first is not None and current > 1:
            per_step = (now - self._after_first) / (current - 1)
        else:
            per_step = (now - self._start) / current
        if current == 1:
            self._after_first = now
        return per_step


# -- callbacks ---------------------------------------------------------------------------------

@export("keras.callbacks.Callback")
class Callback:
    """Base class: override the `on_*` hooks; `self.model` and `self.params` are set by fit."""

    def __init__(self):
        self.validation_data = None
        self.model = None
        self.params = {}

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self.model = model

    def on_batch_begin(self, batch, logs=None):
        """A backwards-compatible alias of `on_train_batch_begin`."""

    def on_batch_end(self, batch, logs=None):
        """A backwards-compatible alias of `on_train_batch_end`."""

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass


@export("keras.callbacks.CallbackList")
class CallbackList:
    """Calls each hook on every callback in order; adds `History` and `ProgbarLogger` when asked
    (`add_history`, `add_progbar`) unless the list has them already."""

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None,
                 **params):
        self.callbacks = list(callbacks or [])
        self._history = next((c for c in self.callbacks if isinstance(c, History)), None)
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if add_progbar and not any(isinstance(c, ProgbarLogger) for c in self.callbacks):
            self.callbacks.append(ProgbarLogger(count_mode="steps"))
        if model is not None:
            self.set_model(model)
        if params:
            self.set_params(params)

    def append(self, callback):
        self.callbacks.append(callback)

    def set_params(self, params):
        self.params = params
        for c in self.callbacks:
            c.set_params(params)

    def set_model(self, model):
        self.model = model
        if self._history is not None:
            model.history = self._history
        for c in self.callbacks:
            c.set_model(model)

    def __iter__(self):
        return iter(self.callbacks)

    def _call(self, hook, *args):
        for c in self.callbacks:
            getattr(c, hook)(*args)

    def __getattr__(self, hook):
        if not hook.startswith("on_"):
            raise AttributeError(hook)
        if hook.endswith(("_begin", "_end")) and ("epoch" in hook or "batch" in hook):
            return lambda index, logs=None: self._call(hook, index, dict(logs or {}))
        return lambda logs=None: self._call(hook, dict(logs or {}))


@export("keras.callbacks.History")
class History(Callback):
    """Records each epoch's logs: `history.history[name]` is the list of values."""

    def __init__(self):
        super().__init__()
        self.history = {}

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for k, v in (logs or {}).items():
            self.history.setdefault(k, []).append(v)
        self.model.history = self


@export("keras.callbacks.ProgbarLogger")
class ProgbarLogger(Callback):
    """Prints `Epoch i/n` and a `Progbar` per epoch (per evaluate/predict run outside fit)."""

    def __init__(self, count_mode="samples", stateful_metrics=None):
        super().__init__()
        if count_mode not in ("samples", "steps"):
            raise ValueError(f"Unknown `count_mode`: {count_mode}. Expected values are "
                             '["samples", "steps"]')
        self.use_steps = count_mode == "steps"
        self.stateful_metrics = set(stateful_metrics or ())
        self.seen, self.progbar, self.target = 0, None, None
        self.verbose, self.epochs = 1, 1
        self._in_fit = False

    def set_params(self, params):
        self.verbose, self.epochs = params["verbose"], params["epochs"]
        self.target = params.get("steps") if self.use_steps else params.get("samples")

    def on_train_begin(self, logs=None):
        self._in_fit = True

    def on_test_begin(self, logs=None):
        if not self._in_fit:
            self._start()

    def on_predict_begin(self, logs=None):
        self._start()

    def on_epoch_begin(self, epoch, logs=None):
        self._start()
        if self.verbose and self.epochs > 1:
            _print(f"Epoch {epoch + 1}/{self.epochs}")

    def on_train_batch_end(self, batch, logs=None):
        self._batch(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        if not self._in_fit:
            self._batch(batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        self._batch(batch, None)

    def on_epoch_end(self, epoch, logs=None):
        self._finish(logs)

    def on_test_end(self, logs=None):
        if not self._in_fit:
            self._finish(logs)

    def on_predict_end(self, logs=None):
        self._finish(logs)

    def _start(self):
        self.seen = 0
        self.progbar = Progbar(self.target, verbose=self.verbose,
                               stateful_metrics=self.stateful_metrics,
                               unit_name="step" if self.use_steps else "sample")
        self._refresh()

    def _refresh(self):
        """The model's metrics report running means: shown as they are, not averaged again
        (they exist once the first batch has built them)."""
        names = {m.name for m in getattr(self.model, "metrics", ())}
        self.progbar.stateful_metrics |= self.stateful_metrics | names

    def _batch(self, batch, logs):
        self._refresh()
        logs = dict(logs or {})
        if self.use_steps:
            self.seen = batch + 1
        else:
            self.seen += logs.pop("num_steps", 1) * logs.pop("size", 0)
            logs.pop("batch", None)
        if self.verbose == 1:
            self.progbar.update(self.seen, list(logs.items()), finalize=False)

    def _finish(self, logs):
        self._refresh()
        if self.target is None:
            self.target = self.seen
            self.progbar.target = self.target
        self.progbar.update(self.target, list((logs or {}).items()), finalize=True)


def _monitor_op(mode, monitor, auto_max):
    if mode not in ("auto", "min", "max"):
        warnings.warn(f"mode {mode} is unknown, fallback to auto mode.", stacklevel=3)
        mode = "auto"
    if mode == "auto":
        mode = "max" if auto_max(monitor) else "min"
    return np.greater if mode == "max" else np.less


@export("keras.callbacks.EarlyStopping")
class EarlyStopping(Callback):
    """Stops training once `monitor` has not improved by more than `min_delta` for `patience`
    epochs (Keras 2's rules, `restore_best_weights` at the end of training included)."""

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        self.monitor, self.patience, self.verbose = monitor, patience, verbose
        self.baseline, self.restore_best_weights = baseline, restore_best_weights
        self.start_from_epoch = start_from_epoch
        self.wait, self.stopped_epoch, self.best_weights = 0, 0, None
        self.monitor_op = _monitor_op(
            mode, monitor, lambda m: m.endswith(("acc", "accuracy", "auc")))
        self.min_delta = abs(min_delta) * (1 if self.monitor_op == np.greater else -1)

    def on_train_begin(self, logs=None):
        self.wait, self.stopped_epoch, self.best_epoch = 0, 0, 0
        self.best = np.inf if self.monitor_op == np.less else -np.inf
        self.best_weights = None

    def on_epoch_end(self, epoch, logs=None):
        current = self.get_monitor_value(logs)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = self.model.get_weights(), epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best, self.best_epoch = current, epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            _print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                _print("Restoring model weights from the end of the best epoch: "
                       f"{self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)

    def get_monitor_value(self, logs):
        logs = logs or {}
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn(f"Early stopping conditioned on metric `{self.monitor}` which is not "
                          f"available. Available metrics are: {','.join(logs)}", stacklevel=2)
        return value

    def _is_improvement(self, value, reference):
        return self.monitor_op(value - self.min_delta, reference)


@export("keras.callbacks.ModelCheckpoint")
class ModelCheckpoint(Callback):
    """Saves the weights (`save_weights_only=True`, through `Model.save_weights`) after every
    epoch or every `save_freq` batches; `filepath` may hold `{epoch:02d}`-style fields filled
    from the epoch (1-based) and the logs. Saving a whole model needs `Model.save`."""

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch", options=None,
                 initial_value_threshold=None, **kwargs):
        super().__init__()
        self.filepath = os.fspath(filepath)
        self.monitor, self.verbose = monitor, verbose
        self.save_best_only, self.save_weights_only = save_best_only, save_weights_only
        self.save_freq, self.period = save_freq, kwargs.get("period", 1)
        self.epochs_since_last_save, self._batches_since_save, self._last_batch = 0, 0, -1
        self.monitor_op = _monitor_op(
            mode, monitor, lambda m: "acc" in m or m.startswith("fmeasure"))
        self.best = initial_value_threshold
        if self.best is None:
            self.best = -np.inf if self.monitor_op == np.greater else np.inf
        if save_freq != "epoch" and not isinstance(save_freq, int):
            raise ValueError(f"Unrecognized save_freq: {save_freq}. Expected save_freq are "
                             '"epoch" or integer')
        self._current_epoch = 0

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._batches_since_save += batch + 1 if batch <= self._last_batch \
            else batch - self._last_batch
        self._last_batch = batch
        if self._batches_since_save >= self.save_freq:
            self._batches_since_save = 0
            self._save(self._current_epoch, batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self.epochs_since_last_save += 1
        if self.save_freq == "epoch":
            self._save(epoch, None, logs)

    def _file_path(self, epoch, batch, logs):
        try:
            if batch is None or "batch" in logs:
                return self.filepath.format(epoch=epoch + 1, **logs)
            return self.filepath.format(epoch=epoch + 1, batch=batch + 1, **logs)
        except KeyError as e:
            raise KeyError(f'Failed to format this callback filepath: "{self.filepath}". '
                           f"Reason: {e}") from e

    def _save(self, epoch, batch, logs):
        logs = logs or {}
        if not (isinstance(self.save_freq, int) or self.epochs_since_last_save >= self.period):
            return
        self.epochs_since_last_save = 0
        filepath = self._file_path(epoch, batch, logs)
        dirname = os.path.dirname(filepath)
        if dirname:
            os.makedirs(dirname, exist_ok=True)
        if os.path.isdir(filepath):
            raise OSError("Please specify a non-directory filepath for ModelCheckpoint. "
                          f"Filepath used is an existing directory: {filepath}")
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(f"Can save best model only with {self.monitor} available, "
                              "skipping.", stacklevel=2)
                return
            if not self.monitor_op(current, self.best):
                if self.verbose > 0:
                    _print(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from "
                           f"{self.best:.5f}")
                return
            if self.verbose > 0:
                _print(f"\nEpoch {epoch + 1}: {self.monitor} improved from {self.best:.5f} to "
                       f"{current:.5f}, saving model to {filepath}")
            self.best = current
        elif self.verbose > 0:
            _print(f"\nEpoch {epoch + 1}: saving model to {filepath}")
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        elif hasattr(self.model, "save"):
            self.model.save(filepath, overwrite=True)
        else:
            raise NotImplementedError("tfcompat cannot save a whole Keras model; use "
                                      "ModelCheckpoint(..., save_weights_only=True).")


@export("keras.callbacks.LambdaCallback")
class LambdaCallback(Callback):
    """A callback made of the functions given (`on_epoch_end=lambda epoch, logs: ...`)."""

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None,
                 on_batch_end=None, on_train_begin=None, on_train_end=None, **kwargs):
        super().__init__()
        self.__dict__.update(kwargs)
        hooks = {"on_epoch_begin": on_epoch_begin, "on_epoch_end": on_epoch_end,
                 "on_batch_begin": on_batch_begin, "on_batch_end": on_batch_end,
                 "on_train_begin": on_train_begin, "on_train_end": on_train_end}
        for name, fn in hooks.items():
            if fn is not None:
                setattr(self, name, fn)


@export("keras.callbacks.CSVLogger")
class CSVLogger(Callback):
    """Writes each epoch's logs as a CSV row (`epoch` first, then the log names sorted)."""

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep, self.filename, self.append = separator, os.fspath(filename), append
        self.writer, self.keys, self.append_header = None, None, True

    def on_train_begin(self, logs=None):
        if self.append and os.path.exists(self.filename):
            with open(self.filename) as f:
                self.append_header = not f.readline()
        self.csv_file = open(self.filename, "a" if self.append else "w", newline="")  # noqa: SIM115

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}

        def value(v):
            if isinstance(v, str):
                return v
            if hasattr(v, "__iter__") and not (isinstance(v, np.ndarray) and v.ndim == 0):
                return f"\"[{', '.join(map(str, v))}]\""
            return v

        if self.keys is None:
            self.keys = sorted(logs)
            if not any(k.startswith("val_") for k in self.keys):
                self.keys += ["val_" + k for k in self.keys]
        if self.writer is None:
            dialect = type("Dialect", (csv.excel,), {"delimiter": self.sep})
            self.writer = csv.DictWriter(self.csv_file, fieldnames=["epoch", *self.keys],
                                         dialect=dialect)
            if self.append_header:
                self.writer.writeheader()
        self.writer.writerow({"epoch": epoch, **{k: value(logs.get(k, "NA"))
                                                 for k in self.keys}})
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        self.csv_file.close()
        self.writer = None


@export("keras.callbacks.TerminateOnNaN")
class TerminateOnNaN(Callback):
    """Stops training when a batch's loss is NaN or infinite."""

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and (math.isnan(loss) or math.isinf(loss)):
            _print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True
