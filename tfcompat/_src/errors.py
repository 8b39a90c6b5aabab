"""tf.errors: TensorFlow's exception hierarchy.

OpError derives from Exception, not ValueError/TypeError, as in TF: `except ValueError` must not
catch an InvalidArgumentError.
"""

OK = 0
CANCELLED = 1
UNKNOWN = 2
INVALID_ARGUMENT = 3
DEADLINE_EXCEEDED = 4
NOT_FOUND = 5
ALREADY_EXISTS = 6
PERMISSION_DENIED = 7
RESOURCE_EXHAUSTED = 8
FAILED_PRECONDITION = 9
ABORTED = 10
OUT_OF_RANGE = 11
UNIMPLEMENTED = 12
INTERNAL = 13
UNAVAILABLE = 14
DATA_LOSS = 15
UNAUTHENTICATED = 16


class OpError(Exception):
    """The base class of errors raised by failing ops (`tf.errors.OpError`)."""

    def __init__(self, node_def, op, message, error_code=UNKNOWN, *args):
        # TF passes nothing to Exception: `e.args` is () and repr(e) is "InvalidArgumentError()".
        super().__init__()
        self._node_def = node_def
        self._op = op
        self._message = message
        self._error_code = error_code

    @property
    def message(self):
        return self._message

    @property
    def op(self):
        return self._op

    @property
    def node_def(self):
        return self._node_def

    @property
    def error_code(self):
        return self._error_code

    def __str__(self):
        return self._message

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message)


def _subclass(name, code, doc):
    def __init__(self, node_def, op, message, *args):
        OpError.__init__(self, node_def, op, message, code, *args)

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message)

    return type(name, (OpError,), {"__init__": __init__, "__reduce__": __reduce__, "__doc__": doc,
                                   "__module__": __name__})


CancelledError = _subclass("CancelledError", CANCELLED, "An operation was cancelled.")
UnknownError = _subclass("UnknownError", UNKNOWN, "Unknown error.")
InvalidArgumentError = _subclass("InvalidArgumentError", INVALID_ARGUMENT,
                                 "An op received an invalid argument.")
DeadlineExceededError = _subclass("DeadlineExceededError", DEADLINE_EXCEEDED,
                                  "A deadline expired before the operation could complete.")
NotFoundError = _subclass("NotFoundError", NOT_FOUND, "A requested entity was not found.")
AlreadyExistsError = _subclass("AlreadyExistsError", ALREADY_EXISTS,
                               "An entity that we attempted to create already exists.")
PermissionDeniedError = _subclass("PermissionDeniedError", PERMISSION_DENIED,
                                  "The caller does not have permission to run the operation.")
ResourceExhaustedError = _subclass("ResourceExhaustedError", RESOURCE_EXHAUSTED,
                                   "Some resource has been exhausted.")
FailedPreconditionError = _subclass("FailedPreconditionError", FAILED_PRECONDITION,
                                    "The system is not in a state to run the operation.")
AbortedError = _subclass("AbortedError", ABORTED, "The operation was aborted.")
OutOfRangeError = _subclass("OutOfRangeError", OUT_OF_RANGE,
                            "An operation iterated past the valid input range.")
UnimplementedError = _subclass("UnimplementedError", UNIMPLEMENTED,
                               "The operation is not implemented or supported.")
InternalError = _subclass("InternalError", INTERNAL, "The system hit an internal error.")
UnavailableError = _subclass("UnavailableError", UNAVAILABLE, "The service is unavailable.")
DataLossError = _subclass("DataLossError", DATA_LOSS, "Unrecoverable data loss or corruption.")
UnauthenticatedError = _subclass("UnauthenticatedError", UNAUTHENTICATED,
                                 "The request lacks valid authentication credentials.")


class OperatorNotAllowedInGraphError(TypeError):
    """An operation is not allowed while tracing a graph
    (`tf.errors.OperatorNotAllowedInGraphError`)."""


def invalid_argument(message: str, op: str | None = None) -> InvalidArgumentError:
    """An InvalidArgumentError whose message ends with TF's eager `[Op:Name]` suffix."""
    if op is not None:
        message = f"{message} [Op:{op}] name: "
    return InvalidArgumentError(None, None, message)


# -- the one place JAX/XLA failures become TF errors ------------------------------------------
# Callers catch `TRANSLATED` around JAX computations and raise `from_jax(e)` (registry.apply_op
# does so for every op, with TF's "[Op:Kernel]" framing added on top).

TRANSLATED = (TypeError, ValueError, IndexError, ArithmeticError, RuntimeError, OpError)

# XLA status codes ("RESOURCE_EXHAUSTED: Out of memory ...") -> TF classes.
_BY_STATUS = {"CANCELLED": CancelledError, "UNKNOWN": UnknownError,
              "INVALID_ARGUMENT": InvalidArgumentError,
              "DEADLINE_EXCEEDED": DeadlineExceededError, "NOT_FOUND": NotFoundError,
              "ALREADY_EXISTS": AlreadyExistsError, "PERMISSION_DENIED": PermissionDeniedError,
              "RESOURCE_EXHAUSTED": ResourceExhaustedError,
              "FAILED_PRECONDITION": FailedPreconditionError, "ABORTED": AbortedError,
              "OUT_OF_RANGE": OutOfRangeError, "UNIMPLEMENTED": UnimplementedError,
              "INTERNAL": InternalError, "UNAVAILABLE": UnavailableError,
              "DATA_LOSS": DataLossError, "UNAUTHENTICATED": UnauthenticatedError}
_JAX_WORDING = (("jax.numpy.", "numpy."), ("jnp.", "numpy."), ("JAX type", "type"),
                ("jaxlib.", ""), ("jax.", ""), ("JAX ", ""), ("XLA ", ""), ("Traced<", "<"))


def is_jax_error(e: BaseException) -> bool:
    """Whether `e` comes from JAX/XLA (its class, or its JAX wording) rather than user code."""
    if type(e).__module__.split(".")[0] in ("jax", "jaxlib"):
        return True
    text = str(e)
    return any(w in text for w in ("jax", "JAX", "XLA", "Traced<", "jnp."))


def python_error(e: Exception) -> Exception:
    """Marks an exception that TF raises in Python, before any kernel runs (a TypeError from
    converting an attribute), so that `from_jax` lets it through unchanged."""
    e._tf_python_error = True
    return e


def from_jax(e: BaseException) -> BaseException:
    """The TF error for an exception raised while computing with JAX (returned, not raised).

    XLA runtime errors keep their status code's class (RESOURCE_EXHAUSTED ->
    ResourceExhaustedError); JAX's and Python's TypeError/ValueError/IndexError/ArithmeticError
    (bad shapes, dtypes or indices reaching jax.numpy) become InvalidArgumentError; the message
    loses JAX's wording. TF errors pass through; other RuntimeErrors are not JAX's to translate
    and are returned unchanged.
    """
    if isinstance(e, OpError) or getattr(e, "_tf_python_error", False):
        return e
    from_jax_module = type(e).__module__.split(".")[0] in ("jax", "jaxlib")
    if isinstance(e, RuntimeError) and not from_jax_module:
        return e
    message = str(e).split("\n")[0] if from_jax_module else str(e)
    cls = InvalidArgumentError
    status, sep, rest = message.partition(": ")
    if sep and status in _BY_STATUS:
        cls, message = _BY_STATUS[status], rest
    elif isinstance(e, RuntimeError):
        cls = InternalError
    for jax_words, tf_words in _JAX_WORDING:
        message = message.replace(jax_words, tf_words)
    return cls(None, None, message)


def _export_all():
    from tfcompat._src.export import export_value
    for name, value in list(globals().items()):
        if name[0].isupper() and not isinstance(value, tuple):  # TRANSLATED is ours
            # OperatorNotAllowedInGraphError is TF 2 only.
            v1 = () if name == "OperatorNotAllowedInGraphError" else None
            export_value(value, (f"errors.{name}",), v1)


_export_all()
