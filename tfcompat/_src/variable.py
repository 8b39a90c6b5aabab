"""`tf.Variable`: mutable state read into immutable Tensors.

Each read while a tape records is reported to the tapes (`tape.variable_read`), which is how
trainable variables are watched automatically. Assignments replace the stored array and are not
recorded, so they cut the gradient as in TF.
"""

import itertools
import threading
import weakref

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes, errors, tape
from tfcompat._src.export import export
from tfcompat._src.tensor import OperatorMixin, Tensor, host_array, to_tensor
from tfcompat._src.tensor_shape import TensorShape

_uids = itertools.count()


class _Storage:
    """The value cell a Variable and the views returned by its assign methods share.

    While a `tf.function` traces, the cell's value is the trace's input (a tracer) and writes
    go to the trace's frame, to be written back after the call (`function.py`).
    """

    __slots__ = ("_value", "__weakref__")

    def __init__(self, value):
        self._value = value

    @property
    def value(self):
        frame = getattr(_frames, "frame", None)
        if frame is not None:
            v = frame.values.get(self)
            if v is not None:
                frame.read.add(self)
                return v
        return self._value

    @value.setter
    def value(self, v):
        frame = getattr(_frames, "frame", None)
        if frame is not None and (self in frame.values or isinstance(v, jax.core.Tracer)):
            frame.values[self] = v
            frame.assigned.add(self)
            return
        self._value = v


class TraceFrame:
    """Variable values seen by one tf.function trace: its inputs, what it read and assigned."""

    def __init__(self, values: dict, call_index=None):
        self.values = values
        self.read: set = set()
        self.assigned: set = set()
        # A traced per-call counter (tf.function): random ops mix it into their keys, so each
        # call of the compiled function draws new numbers, as each run of TF's graph does.
        self.call_index = call_index

    def __enter__(self):
        self._outer = getattr(_frames, "frame", None)
        _frames.frame = self
        return self

    def __exit__(self, *exc):
        _frames.frame = self._outer


def current_frame():
    """The innermost TraceFrame of this thread, or None."""
    return getattr(_frames, "frame", None)


def tracing_function() -> bool:
    """Whether a tf.function is being traced on this thread."""
    return getattr(_frames, "frame", None) is not None


def live_variables() -> list:
    """Every Variable still referenced somewhere, in creation order."""
    return [v for _, v in sorted(_LIVE.items())]


def created_count() -> int:
    """How many Variables were ever created (to see whether a trace created some)."""
    return _created_count[0]


_frames = threading.local()
_created_count = [0]
# Variables are unhashable (as in TF), so the registry is keyed by their creation number.
_LIVE: "weakref.WeakValueDictionary" = weakref.WeakValueDictionary()


@export("Variable")
class Variable(OperatorMixin):
    """`tf.Variable`; constructing one gives a ResourceVariable, as in TF's eager mode."""

    _is_variable = True

    def __new__(cls, *args, **kwargs):
        # TF's error messages name the instance type ("object of type 'ResourceVariable' has
        # no len()"), so instances are of the subclass that TF names.
        return super().__new__(ResourceVariable if cls is Variable else cls)

    def __init__(self, initial_value=None, trainable=None, validate_shape=True,
                 caching_device=None, name=None, variable_def=None, dtype=None,
                 import_scope=None, constraint=None, synchronization=None, aggregation=None,
                 shape=None, **v1_kwargs):
        del validate_shape, caching_device, import_scope, synchronization, aggregation
        unknown = set(v1_kwargs) - {"use_resource", "expected_shape", "collections",
                                    "experimental_enable_variable_lifting"}
        if unknown:
            raise TypeError(f"Variable got unexpected keyword arguments: {sorted(unknown)}")
        if initial_value is None and variable_def is None:
            raise ValueError("The `initial_value` arg to `tf.Variable` must be specified except "
                             "when you are not providing a `variable_def`. You provided neither.")
        if callable(initial_value):
            with jax.ensure_compile_time_eval():  # under tf.function: evaluated once, eagerly
                initial_value = initial_value()
        dtype = None if dtype is None else dtypes.as_dtype(dtype)
        value = _convert(initial_value, dtype, name="initial_value")
        self._dtype = value.dtype
        if isinstance(value._value, jax.core.Tracer):
            raise ValueError("A tf.Variable created inside a tf.function needs an initial value "
                             "that does not depend on the function's inputs; pass a callable "
                             "(e.g. lambda: tf.zeros(shape)) so it runs once, eagerly.")
        with jax.ensure_compile_time_eval():
            self._storage = _Storage(jnp.asarray(value._value))
        self._shape = TensorShape(np.shape(value._value) if shape is None else shape)
        if not self._shape.is_compatible_with(TensorShape(np.shape(value._value))):
            raise ValueError(
                f"In this `tf.Variable` creation, the initial value's shape "
                f"({tuple(np.shape(value._value))}) is not compatible with the explicitly "
                f"supplied `shape` argument ({shape}).")
        self._name = (name if name is not None else "Variable") + ":0"
        self._trainable = True if trainable is None else bool(trainable)
        self._constraint = constraint
        self._uid = next(_uids)
        _created_count[0] += 1
        _LIVE[self._uid] = self

    # -- reads -----------------------------------------------------------------------------

    @property
    def _value(self):
        return self._storage.value

    def value(self) -> Tensor:
        """Reads the current value; tapes that watch this variable see the read."""
        t = Tensor(self._storage.value, self._dtype)
        if tape.observed():
            tape.variable_read(self, t)
        return t

    def read_value(self) -> Tensor:
        return self.value()

    def numpy(self):
        arr = np.asarray(self._storage.value)
        return arr[()] if arr.ndim == 0 else arr

    def __array__(self, dtype=None, copy=None):
        arr = np.asarray(self._storage.value)
        return arr if dtype is None else arr.astype(dtype)

    def __jax_array__(self):
        return jnp.asarray(self._storage.value)

    def __bool__(self):
        return bool(self.numpy())

    def __float__(self):
        return float(self.numpy())

    def __int__(self):
        return int(self.numpy())

    # No __len__ and no __index__: TF's variables have neither (len(v) is a TypeError).

    def __iter__(self):
        return iter(self.value())

    def __hash__(self):
        raise TypeError("Variable is unhashable. Instead, use variable.ref() as the key. "
                        f"(Variable: {self!r})")

    def ref(self):
        return self.value().__class__.ref(self)

    # -- attributes ------------------------------------------------------------------------

    dtype = property(lambda self: self._dtype)
    shape = property(lambda self: self._shape)
    name = property(lambda self: self._name)
    trainable = property(lambda self: self._trainable)
    constraint = property(lambda self: self._constraint)
    @property
    def device(self) -> str:
        from tfcompat._src.device import device_string
        return device_string(self._storage.value)

    def get_shape(self) -> TensorShape:
        return self._shape

    @property
    def initial_value(self):
        raise RuntimeError("This property is not supported when eager execution is enabled.")

    # -- writes ----------------------------------------------------------------------------

    def assign(self, value, use_locking=None, name=None, read_value=True):
        """Replaces the value; checks dtype and shape first, so a failed assign changes nothing."""
        new = self._checked(_convert(value, self._dtype)._value)
        self._storage.value = new
        return _UnreadVariable(self) if read_value else None

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        d = self._checked_update(_convert(delta, self._dtype)._value, "AssignAddVariableOp")
        self._storage.value = jnp.add(self._storage.value, d)
        return _UnreadVariable(self) if read_value else None

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        d = self._checked_update(_convert(delta, self._dtype)._value, "AssignSubVariableOp")
        self._storage.value = jnp.subtract(self._storage.value, d)
        return _UnreadVariable(self) if read_value else None

    def _checked_update(self, value, kernel: str):
        """assign_add/sub do not broadcast; TF's kernel rejects any other shape."""
        if tuple(np.shape(value)) != tuple(self._shape):
            dims = [",".join(map(str, s)) for s in (self._shape, np.shape(value))]
            raise errors.InvalidArgumentError(
                None, None, f"{{{{function_node __wrapped__{kernel}_device_/job:localhost/"
                f"replica:0/task:0/device:CPU:0}}}} Cannot update variable with shape "
                f"[{dims[0]}] using a Tensor with shape [{dims[1]}], shapes must be equal. "
                f"[Op:{kernel}] name: ")
        return jnp.asarray(value)

    def _checked(self, value):
        if tuple(np.shape(value)) != tuple(self._shape):
            raise ValueError(
                f"Cannot assign value to variable ' {self._name}': Shape mismatch.The variable "
                f"shape {self._shape}, and the assigned value shape {TensorShape(np.shape(value))}"
                " are incompatible.")
        return jnp.asarray(value)

    def __repr__(self):
        from tfcompat._src import printing
        return printing.variable_repr(self)

    __str__ = __repr__


class ResourceVariable(Variable):
    """The type of every `tf.Variable(...)` in eager mode."""


class _UnreadVariable(Variable):
    """What `assign` returns in eager TF: a view of the same variable named 'UnreadVariable'."""

    def __init__(self, parent: Variable):  # noqa: B027 - deliberately no Variable.__init__
        self.__dict__.update(parent.__dict__)
        self._name = "UnreadVariable"


def _convert(value, dtype, name: str | None = None) -> Tensor:
    """TF's conversion for initial values and assigned values; a named conversion prefixes its
    dtype-mismatch message with the name, as TF's convert_to_tensor(name=...) does."""
    if isinstance(value, Variable):
        value = value.value()
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            prefix = f"{name}: " if name else ""
            raise ValueError(f"{prefix}Tensor conversion requested dtype {dtype.name} for Tensor "
                             f"with dtype {value.dtype.name}: {value!r}")
        return value
    if dtype is None:
        return to_tensor(value)
    return Tensor(host_array(value, dtype), dtype)
