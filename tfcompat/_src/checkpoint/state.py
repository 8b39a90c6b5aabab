"""The `checkpoint` state file (a CheckpointState text proto), `tf.train.latest_checkpoint` and
`tf.train.CheckpointManager`."""

import glob
import os
import time

from tfcompat._src.export import export


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unquote(s: str) -> str:
    s = s.strip()
    return s[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape") \
        if s[:1] == '"' else s


def read_state(directory: str, latest_filename: str = "checkpoint"):
    """The state file's fields (lists for the repeated ones), or None if there is none."""
    path = os.path.join(directory, latest_filename)
    if not os.path.isfile(path):
        return None
    out = {"model_checkpoint_path": None, "all_model_checkpoint_paths": [],
           "all_model_checkpoint_timestamps": [], "last_preserved_timestamp": None}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.partition(":")
            key = key.strip()
            if key in ("model_checkpoint_path", "all_model_checkpoint_paths"):
                value = _unquote(value)
                if not os.path.isabs(value):
                    value = os.path.join(directory, value)
            elif key:
                value = float(value)
            if isinstance(out.get(key), list):
                out[key].append(value)
            elif key in out:
                out[key] = value
    return out


def update(directory: str, latest: str, paths, timestamps=None, last_preserved=None,
           latest_filename: str = "checkpoint", relative: bool = True):
    """Writes the state file; paths inside `directory` are stored relative, as TF 2 does (TF 1's
    Saver stores them as given unless `save_relative_paths`)."""
    directory = directory or "."

    def rel(p):
        inside = os.path.dirname(os.path.abspath(p)) == os.path.abspath(directory)
        return os.path.relpath(p, directory) if relative and inside else p

    lines = [f"model_checkpoint_path: {_quote(rel(latest))}"]
    lines += [f"all_model_checkpoint_paths: {_quote(rel(p))}" for p in paths]
    lines += [f"all_model_checkpoint_timestamps: {t!r}" for t in timestamps or ()]
    if last_preserved is not None:
        lines.append(f"last_preserved_timestamp: {last_preserved!r}")
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".{latest_filename}.tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, os.path.join(directory, latest_filename))


def _exists(prefix: str) -> bool:
    return os.path.isfile(prefix + ".index") or os.path.isfile(prefix)


@export("train.latest_checkpoint")
def latest_checkpoint(checkpoint_dir, latest_filename=None):
    """The newest checkpoint prefix the directory's state file names, or None."""
    st = read_state(os.fspath(checkpoint_dir), latest_filename or "checkpoint")
    if st and st["model_checkpoint_path"] and _exists(st["model_checkpoint_path"]):
        return st["model_checkpoint_path"]
    return None


def _delete(prefix: str):
    for path in glob.glob(glob.escape(prefix) + ".index") + \
            glob.glob(glob.escape(prefix) + ".data-?????-of-?????"):
        os.remove(path)


@export("train.CheckpointManager")
class CheckpointManager:
    """Saves numbered checkpoints in a directory and deletes all but the newest `max_to_keep`."""

    def __init__(self, checkpoint, directory, max_to_keep, keep_checkpoint_every_n_hours=None,
                 checkpoint_name="ckpt", step_counter=None, checkpoint_interval=None,
                 init_fn=None):
        if max_to_keep is not None and max_to_keep <= 0:
            raise ValueError(f"Expected a positive integer or `None` for `max_to_keep`, got "
                             f"{max_to_keep}.")
        if checkpoint_interval is not None and step_counter is None:
            raise ValueError("`step_counter` should be passed if `checkpoint_interval` is not "
                             "None.")
        self._checkpoint = checkpoint
        self._directory = os.fspath(directory)
        self._max_to_keep = max_to_keep
        self._keep_every = keep_checkpoint_every_n_hours
        self._prefix = os.path.join(self._directory, checkpoint_name)
        self._step_counter = step_counter
        self._interval = checkpoint_interval
        self._last_step = None
        self._init_fn = init_fn
        st = read_state(self._directory)
        self._maybe_delete: dict[str, float] = {}
        self._latest = None
        self._last_preserved = time.time()
        if st is not None:
            self._latest = st["model_checkpoint_path"]
            stamps = st["all_model_checkpoint_timestamps"]
            for i, p in enumerate(st["all_model_checkpoint_paths"]):
                self._maybe_delete[p] = stamps[i] if i < len(stamps) else self._last_preserved
            if st["last_preserved_timestamp"] is not None:
                self._last_preserved = st["last_preserved_timestamp"]

    directory = property(lambda self: self._directory)
    checkpoint_interval = property(lambda self: self._interval)

    @property
    def latest_checkpoint(self):
        return self._latest

    @property
    def checkpoints(self):
        return list(self._maybe_delete)

    def _record(self):
        update(self._directory, self._latest, list(self._maybe_delete),
               list(self._maybe_delete.values()), self._last_preserved)

    def _sweep(self):
        if self._max_to_keep is None:
            return
        while len(self._maybe_delete) > self._max_to_keep:
            path, stamp = next(iter(self._maybe_delete.items()))
            del self._maybe_delete[path]
            if self._keep_every and stamp - self._keep_every * 3600 >= self._last_preserved:
                self._last_preserved = stamp
                continue
            _delete(path)

    def save(self, checkpoint_number=None, check_interval=True, options=None):
        """Saves `<directory>/<name>-<n>`; returns the prefix (None if the interval says skip)."""
        if self._interval is not None and check_interval:
            step = int(self._step_counter.numpy()) if hasattr(self._step_counter, "numpy") \
                else int(self._step_counter)
            if self._last_step is not None and step < self._last_step + self._interval:
                return None
            self._last_step = step
        counter = self._checkpoint.save_counter
        counter.assign_add(1)
        number = int(counter.numpy()) if checkpoint_number is None else int(
            checkpoint_number.numpy() if hasattr(checkpoint_number, "numpy")
            else checkpoint_number)
        path = self._checkpoint.write(f"{self._prefix}-{number}")
        self._maybe_delete.pop(path, None)
        self._maybe_delete[path] = time.time()
        self._latest = path
        self._record()
        self._sweep()
        self._record()
        return path

    def restore_or_initialize(self):
        if self._latest is not None:
            self._checkpoint.restore(self._latest)
            return self._latest
        if self._init_fn is not None:
            self._init_fn()
        return None
