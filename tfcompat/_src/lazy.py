"""Lazy forward values under a recording tape (tinygrad-style: realised on demand).

While a GradientTape records, an op whose output the tape will record does not run: `apply_op`
returns `LazyTensor`s that know their shape and dtype (inferred once per op signature and cached)
and the call that makes them. `tape.gradient` then computes the forward values it replays anyway
in the same jitted call as the gradients and stores them in the lazy tensors, so a training step
costs one dispatch for the whole forward and backward pass instead of one per op. Any other use of
a lazy value (printing it, `.numpy()`, an op that is not lazy) realises it on the spot, op by op,
with the same eager kernels an eager call would have run, so values never differ from eager ones.

Only ops whose failures depend on shapes and dtypes alone are lazy (shape inference raises those
at the call, as eager execution does); ops with value checks (integer division by zero) run
eagerly.
"""

import threading
import weakref

import jax
import numpy as np

from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.tensor import Tensor, device_value
from tfcompat._src.tensor_shape import TensorShape

_VALUE = Tensor._value  # the slot a LazyTensor fills when it is realised
CACHE = CompileCache("lazy ops", maxsize=4096)  # per op signature: outputs' shapes, kernel
_LOCK = threading.RLock()


class LazyNode:
    """One op call not run yet: `run(*values)` computes its outputs from its inputs' values."""

    __slots__ = ("run", "inputs", "outputs", "__weakref__")

    def __init__(self, run, inputs):
        self.run, self.inputs, self.outputs = run, inputs, ()

    def realise(self):
        """Runs this call and every unrealised call it depends on, in dependency order."""
        with _LOCK:
            self._realise()

    def _realise(self):
        order, seen, stack = [], set(), [(self, False)]
        while stack:  # iterative: a long recorded chain must not hit the recursion limit
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            for x in node.inputs:
                pending = getattr(x, "_node", None)
                if pending is not None and id(pending) not in seen:
                    stack.append((pending, False))
        for node in order:
            if node.run is None:
                continue
            out = node.run(*[device_value(x) for x in node.inputs])
            node.set_values(out if isinstance(out, (tuple, list)) else (out,))

    def set_values(self, values):
        for ref, v in zip(self.outputs, values, strict=True):
            t = ref()
            if t is not None and t._node is self:
                _VALUE.__set__(t, v)
                t._node = None
        self.run, self.inputs = None, ()


class LazyTensor(Tensor):
    """A Tensor whose value is computed when first needed (see the module docstring)."""

    __slots__ = ("_node", "_shape")

    @property
    def _value(self):
        node = self._node
        if node is not None:
            node.realise()
        return _VALUE.__get__(self)

    @property
    def shape(self) -> TensorShape:
        return TensorShape(self._shape)

    @property
    def ndim(self) -> int:
        return len(self._shape)


jax.tree_util.register_pytree_node(
    LazyTensor, lambda t: ((t._value,), t._dtype),
    lambda dtype, children: Tensor(children[0], dtype))


def shape_of(x) -> tuple:
    """A tensor's shape without realising it."""
    if type(x) is LazyTensor:
        return x._shape
    return np.shape(x._value)


def signature(tensors) -> tuple:
    """(shape, dtype) of each input: with the op and its attributes, the lazy cache's key."""
    sig = []
    for x in tensors:
        if type(x) is LazyTensor:
            sig.append((x._shape, x._dtype))
        else:
            v = x._value
            sig.append((v.shape if hasattr(v, "shape") else np.shape(v), x._dtype))
    return tuple(sig)


def infer(run, sig):
    """(container type or None, [(shape, DType)...]) of `run`'s outputs, traced abstractly."""
    from tfcompat._src.dtypes import as_dtype
    out = jax.eval_shape(run, *[jax.ShapeDtypeStruct(s, d.as_numpy_dtype) for s, d in sig])
    multi = type(out) if isinstance(out, (tuple, list)) else None
    return multi, [(tuple(o.shape), as_dtype(o.dtype)) for o in (out if multi else (out,))]


def make(run, inputs, spec):
    """Lazy outputs for `run(*inputs)` with the inferred `spec`: what the call would have
    returned (a LazyTensor, or a tuple/list of them), and the outputs as a tuple."""
    multi, outs = spec
    node = LazyNode(run, tuple(inputs))
    tensors, refs = [], []
    for shape, dtype in outs:
        t = LazyTensor.__new__(LazyTensor)
        t._dtype, t._node, t._shape = dtype, node, shape
        tensors.append(t)
        refs.append(weakref.ref(t))
    node.outputs = tuple(refs)
    tensors = tuple(tensors)
    if multi is None:
        return tensors[0], tensors
    return (list(tensors) if multi is list else tensors), tensors


def pending(t) -> bool:
    return type(t) is LazyTensor and t._node is not None


# type(t) of a lazy tensor reads as the eager Tensor class's name.
LazyTensor.__name__, LazyTensor.__qualname__ = Tensor.__name__, Tensor.__qualname__
LazyTensor.__module__ = Tensor.__module__
