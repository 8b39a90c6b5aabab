"""`tf.compat.v1.logging`: TF's Python logger "tensorflow", lines `LEVEL:tensorflow:message` on
standard error (Python's BASIC_FORMAT, so `fatal` prints CRITICAL), default level WARN.

Differs from TF: inside `tf.compat.v1.app.run` TF also echoes each line through absl's handler
(with a timestamp and thread id); tfcompat prints only TF's own line.
"""

import logging as _logging

from tfcompat._src import logs
from tfcompat._src.export import export, export_value

DEBUG, INFO, WARN, ERROR, FATAL = (_logging.DEBUG, _logging.INFO, _logging.WARN, _logging.ERROR,
                                   _logging.FATAL)
for _name, _value in (("DEBUG", DEBUG), ("INFO", INFO), ("WARN", WARN), ("ERROR", ERROR),
                      ("FATAL", FATAL)):
    export_value(_value, (), (f"logging.{_name}",))


_logger = logs.logger  # "tensorflow", with its stderr handler (see logs.py)


@export(v1=("logging.set_verbosity",))
def set_verbosity(v):
    _logger.setLevel(v)


@export(v1=("logging.get_verbosity",))
def get_verbosity():
    return _logger.getEffectiveLevel()


@export(v1=("logging.log",))
def log(level, msg, *args, **kwargs):
    _logger.log(level, msg, *args, **kwargs)


@export(v1=("logging.vlog",))
def vlog(level, msg, *args, **kwargs):
    _logger.log(level, msg, *args, **kwargs)


@export(v1=("logging.debug",))
def debug(msg, *args, **kwargs):
    _logger.debug(msg, *args, **kwargs)


@export(v1=("logging.info",))
def info(msg, *args, **kwargs):
    _logger.info(msg, *args, **kwargs)


@export(v1=("logging.warning",))
def warning(msg, *args, **kwargs):
    _logger.warning(msg, *args, **kwargs)


@export(v1=("logging.warn",))
def warn(msg, *args, **kwargs):
    _logger.warning(msg, *args, **kwargs)


@export(v1=("logging.error",))
def error(msg, *args, **kwargs):
    _logger.error(msg, *args, **kwargs)


@export(v1=("logging.fatal",))
def fatal(msg, *args, **kwargs):
    _logger.fatal(msg, *args, **kwargs)


@export(v1=("logging.TaskLevelStatusMessage",))
def TaskLevelStatusMessage(msg):  # noqa: N802 - TF's name
    _logger.error(msg)


@export(v1=("logging.flush",))
def flush():
    """TF 2.21's `tf.compat.v1.logging.flush` raises NotImplementedError; so does this."""
    raise NotImplementedError()


@export(v1=("logging.log_if",))
def log_if(level, msg, condition, *args):
    if condition:
        vlog(level, msg, *args)


# TF keys the counters of log_every_n / log_first_n by the caller's file and line, but in TF
# 2.21 the frame it finds is its own export wrapper, so all call sites share one counter.
_count = [0]


def _next_count() -> int:
    _count[0] += 1
    return _count[0] - 1


@export(v1=("logging.log_every_n",))
def log_every_n(level, msg, n, *args):
    log_if(level, msg, not _next_count() % n, *args)


@export(v1=("logging.log_first_n",))
def log_first_n(level, msg, n, *args):
    log_if(level, msg, _next_count() < n, *args)


@export("get_logger")
def get_logger():
    """TF's Python logger, named "tensorflow"."""
    return _logger
