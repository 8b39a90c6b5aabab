"""`tf.contrib.summary` (TF 1.15): the TF 1 summary writer API over the same event files as
`tf.summary`.

As in TF 1.15, nothing is recorded unless inside `always_record_summaries()` or
`record_summaries_every_n_global_steps(n)`; the step defaults to the global step. Scalars are
written as `simple_value`, histograms as TF's classic `HistogramProto`. Without a default writer
an op returns None (TF's eager `no_op`), otherwise a bool Tensor saying whether it recorded.
"""

import contextlib
import threading

import numpy as np

from tfcompat._src import summary as _s

__all__ = ["all_summary_ops", "always_record_summaries", "create_file_writer",
           "create_summary_file_writer", "flush", "generic", "histogram", "initialize",
           "never_record_summaries", "record_summaries_every_n_global_steps", "scalar",
           "should_record_summaries", "SummaryWriter"]

SummaryWriter = _s.SummaryWriter


class _Recording(threading.local):
    value = False


_recording = _Recording()


def create_file_writer(logdir, max_queue=None, flush_millis=None, filename_suffix=None,
                       name=None):
    """A writer of one new event file in `logdir` (None: a writer that writes nothing)."""
    if logdir is None:
        return SummaryWriter()
    return _s.FileWriter(logdir, filename_suffix)


create_summary_file_writer = create_file_writer


@contextlib.contextmanager
def _record(value):
    saved = _recording.value
    _recording.value = value
    try:
        yield
    finally:
        _recording.value = saved


def always_record_summaries():
    return _record(True)


def never_record_summaries():
    return _record(False)


def record_summaries_every_n_global_steps(n, global_step=None):
    """Records when `global_step % n == 0`, evaluated on entering (as TF 1 eager does)."""
    if global_step is None:
        from tfcompat._src.train.training_util import get_or_create_global_step
        global_step = get_or_create_global_step()
    return _record(int(_s._numpy(global_step)) % n == 0)


def should_record_summaries():
    from tfcompat._src.tensor import to_tensor
    return to_tensor(bool(_recording.value))


def _write(name, family, step, value_for):
    from tfcompat._src.tensor import to_tensor
    writer = _s.default_writer()
    if writer is None:
        return None
    if not _recording.value:
        return to_tensor(False)
    if step is None:
        from tfcompat._src.train.training_util import get_or_create_global_step
        step = get_or_create_global_step()
    # TF 1's summary_scope: a family prefixes the tag and the scope (`family/family/name`).
    tag = f"{family}/{family}/{name}" if family else name
    if isinstance(writer, _s.FileWriter):
        writer.write_summary(value_for(tag), int(_s._numpy(step)))
    return to_tensor(True)


def scalar(name, tensor, family=None, step=None):
    """Writes a scalar as `simple_value` (float32)."""
    return _write(name, family, step, lambda tag: _s.summary_value(
        tag, simple_value=float(np.float32(_s._numpy(tensor)))))


def histogram(name, tensor, family=None, step=None):
    """Writes TF's classic histogram of the values."""
    return _write(name, family, step, lambda tag: _s.summary_value(
        tag, histo=_s.histogram_proto(_s._numpy(tensor))))


def generic(name, tensor, metadata=None, family=None, step=None):
    """Writes `tensor` as a tensor summary with optional serialized `metadata`."""
    return _write(name, family, step, lambda tag: _s.summary_value(
        tag, tensor=_s._numpy(tensor), metadata=metadata or None))


def flush(writer=None, name=None):
    _s.flush(writer)


def initialize(graph=None, session=None):
    """Nothing to initialise eagerly."""


def all_summary_ops():
    """None when executing eagerly, as in TF 1."""
    return None
