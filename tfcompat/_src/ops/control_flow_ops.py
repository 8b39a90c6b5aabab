"""Control flow as TF runs it eagerly: cond, case, while_loop, map_fn, scan, foldl, foldr.

Eager TF runs these as Python: the branch or body functions call ops one at a time, so the tape
records them and gradients flow through without any control-flow gradient. What must match TF is
the bookkeeping: TF 1's `cond` unpacks one-element results, `while_loop` checks the structure
returned by `body` against `loop_vars` and converts the final values to tensors, and map_fn/scan
collect per-element results the way TensorArray does (dtype fixed, shape set by the first write).
"""

import functools

import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops import array_ops, math_ops
from tfcompat._src.ops.check_ops import Assert
from tfcompat._src.tensor import Tensor

# -- tf.nest's rules, as far as control flow needs them -----------------------------------------


def _is_nested(x) -> bool:
    return isinstance(x, (list, tuple, dict))


def _children(x) -> list:
    return [x[k] for k in sorted(x)] if isinstance(x, dict) else list(x)


def _flatten(x) -> list:
    if not _is_nested(x):
        return [x]
    return [leaf for child in _children(x) for leaf in _flatten(child)]


def _rebuild(like, items):
    if isinstance(like, dict):
        return type(like)(zip(sorted(like), items, strict=True))
    if isinstance(like, tuple) and hasattr(like, "_fields"):
        return type(like)(*items)
    return type(like)(items)


def _pack(structure, flat):
    """`nest.pack_sequence_as`: the leaves `flat` in the shape of `structure`."""
    it = iter(flat)

    def build(s):
        if not _is_nested(s):
            return next(it)
        return _rebuild(s, [build(c) for c in _children(s)])
    return build(structure)


def _map(fn, structure):
    if not _is_nested(structure):
        return fn(structure)
    return _rebuild(structure, [_map(fn, c) for c in _children(structure)])


_NOT_SAME = "The two structures don't have the same nested structure."


def _assert_same_structure(a, b):
    """`nest.assert_same_structure`; only the first line of TF's message is reproduced."""
    def walk(x, y):
        if _is_nested(x) != _is_nested(y):
            raise ValueError(f"{_NOT_SAME}\n\nFirst structure: {x}\n\nSecond structure: {y}")
        if not _is_nested(x):
            return
        if type(x) is not type(y) and not (isinstance(x, list) and isinstance(y, list)):
            raise TypeError(f"{_NOT_SAME}\n\nFirst structure: {x}\n\nSecond structure: {y}")
        if isinstance(x, dict) and sorted(x) != sorted(y) or len(x) != len(y):
            raise ValueError(f"{_NOT_SAME}\n\nFirst structure: {x}\n\nSecond structure: {y}")
        for cx, cy in zip(_children(x), _children(y), strict=True):
            walk(cx, cy)
    walk(a, b)


def _read_variables(structure):
    return _map(lambda x: x.value() if hasattr(x, "_is_variable") else x, structure)


def _to_tensor(x):
    return x if isinstance(x, Tensor) else array_ops.convert_to_tensor(x)


# -- TensorArray, as far as these loops use it -----------------------------------------------

class _Elements:
    """An unstacked tensor (`TensorArray.unstack(x)`), read one row at a time."""

    def __init__(self, t: Tensor):
        if t.dtype == d.string:  # host values, nothing to differentiate
            arr = np.asarray(t.numpy(), dtype=object)
            self.rows = [Tensor(np.asarray(row, dtype=object), d.string) for row in arr]
        else:
            self.rows = array_ops.unstack(t) if t.shape[0] else ()

    def read(self, i: int):
        if i < 0:
            raise errors.OutOfRangeError(
                None, None, f"Reading from negative indices (index {i}) is not allowed.")
        if i >= len(self.rows):
            raise errors.OutOfRangeError(
                None, None, f"Tried to read from index {i} but array size is: {len(self.rows)} ")
        return self.rows[i]


class _Results:
    """A TensorArray being written: a fixed dtype, the element shape set by the first write."""

    def __init__(self, dtype: d.DType, shape=None):
        self.dtype, self.shape, self.values = dtype, shape, {}

    def write(self, index: int, value):
        t = value if isinstance(value, Tensor) else array_ops.convert_to_tensor(
            value, dtype_hint=self.dtype)
        if t.dtype != self.dtype:
            raise errors.InvalidArgumentError(
                None, None, f"TensorArray dtype is {self.dtype.name} but Op is trying to write "
                f"dtype {t.dtype.name} ")
        if self.shape is not None and tuple(t.shape) != tuple(self.shape):
            raise ValueError(f"Incompatible shape for value ({t.shape}), expected "
                             f"({_shape_text(self.shape)})")
        self.shape = t.shape
        self.values[index] = t

    def stack(self):
        if not self.values:
            shape = (0, *(self.shape or ()))
            return Tensor(np.zeros(shape, self.dtype.as_numpy_dtype), self.dtype)
        return array_ops.stack([self.values[i] for i in sorted(self.values)])


def _shape_text(shape) -> str:
    return str(shape) if hasattr(shape, "as_list") else str(tuple(shape))


# -- cond and case ------------------------------------------------------------------------------

def _unpack_singleton(result):
    if isinstance(result, (list, tuple)) and len(result) == 1:
        return result[0]
    return result


@export(v1=("cond",))
def cond(pred, true_fn=None, false_fn=None, strict=False, name=None, fn1=None, fn2=None):
    """TF 1's `tf.cond`: runs one branch; a one-element list/tuple result is unpacked unless
    `strict`. TF 2's `tf.cond` is strict."""
    if fn1 is not None:
        if true_fn is not None:
            raise TypeError("cond(): 'true_fn' and 'fn1' may not be set simultaneously.")
        true_fn = fn1
    elif true_fn is None:
        raise TypeError("cond(): 'true_fn' argument required")
    if fn2 is not None:
        if false_fn is not None:
            raise TypeError("cond(): 'false_fn' and 'fn2' may not be set simultaneously.")
        false_fn = fn2
    elif false_fn is None:
        raise TypeError("cond(): 'false_fn' argument required")
    if not callable(true_fn):
        raise TypeError("'true_fn' must be callable.")
    if not callable(false_fn):
        raise TypeError("'false_fn' must be callable.")
    pred = _to_tensor(_read_variables(pred))
    result = true_fn() if np.asarray(pred.numpy()) else false_fn()
    return result if strict else _unpack_singleton(result)


@export("cond", v1=())
def cond_v2(pred, true_fn=None, false_fn=None, name=None):
    return cond(pred, true_fn=true_fn, false_fn=false_fn, strict=True)


def _at_most_n_true(predicates, n, msg):
    values = np.stack([np.asarray(p.numpy()) for p in predicates]) if predicates else \
        np.zeros((0,), bool)
    names = ", ".join("?" for _ in predicates)  # eager tensors have no names
    Assert(Tensor(np.asarray(values.astype(np.int32).sum() <= n)),
           [f"{msg}: more than {n} conditions ({names}) evaluated as True:", Tensor(values)],
           summarize=len(predicates))


def _case(pred_fn_pairs, default, exclusive, strict):
    if not isinstance(pred_fn_pairs, (list, tuple, dict)):
        raise TypeError("'pred_fn_pairs' must be a list, tuple, or dict. "
                        f"Received: {type(pred_fn_pairs)}")
    if isinstance(pred_fn_pairs, dict):
        if not exclusive:
            raise ValueError("Unordered dictionaries are not supported for the 'pred_fn_pairs' "
                             "argument when `exclusive=False` and eager mode is enabled.")
        pred_fn_pairs = list(pred_fn_pairs.items())
    for pair in pred_fn_pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"Each entry in 'pred_fn_pairs' must be a 2-tuple. Received {pair}.")
        pred, fn = pair
        if isinstance(pred, Tensor):
            if pred.dtype != d.bool_:
                raise TypeError(f"pred must be Tensor of type bool: {pred.name}")
        else:
            raise TypeError(f"pred must be a Tensor, got: {pred}")
        if not callable(fn):
            raise TypeError(f"fn for pred {pred.name} must be callable.")
    predicates, actions = zip(*pred_fn_pairs)  # noqa: B905 - TF's error for an empty list
    if default is None:
        k = len(predicates) - 1
        last, last_action, others, every = predicates[k], actions[k], predicates[:k], predicates

        def default():
            _at_most_n_true(others, 0, f"Implementation error: selected default action #{k} was "
                            "called, but some of other predicates are True: ")
            Assert(last, ["Input error: None of conditions evaluated as True:",
                          Tensor(np.stack([np.asarray(p.numpy()) for p in every]))])
            return last_action()
        predicates, actions = others, actions[:k]
    # TF nests one cond per predicate, so a result passes through (and, unless strict, is
    # unpacked by) every cond up to its own.
    fn = default
    for pred, action in reversed(list(zip(predicates, actions, strict=True))):
        fn = functools.partial(cond, pred, true_fn=action, false_fn=fn, strict=strict)
    if exclusive:
        _at_most_n_true(predicates, 1, "Input error: exclusive=True")
    return fn()


@export("case", v1=())
def case_v2(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """`tf.case`: the first true predicate's function (exclusive: at most one may be true)."""
    return _case(pred_fn_pairs, default, exclusive, strict)


@export(v1=("case",))
def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    return _case(pred_fn_pairs, default, exclusive, strict)


# -- while_loop ---------------------------------------------------------------------------------

def _while(cond_fn, body, loop_vars, parallel_iterations, maximum_iterations,
           same_structure):
    if not callable(cond_fn):
        raise TypeError("'cond' must be callable.")
    if not callable(body):
        raise TypeError("'body' must be callable.")
    if parallel_iterations < 1:
        raise TypeError("'parallel_iterations' must be a positive integer.")
    loop_vars = _read_variables(loop_vars)
    if not loop_vars:
        raise ValueError("'loop_vars' must be provided.")
    pack = len(loop_vars) == 1 and not same_structure
    if maximum_iterations is not None:
        limit = _to_tensor(maximum_iterations)
        if limit.ndim != 0:
            raise ValueError(f"'maximum_iterations' must be a scalar. Received shape: "
                             f"{limit.shape}")
        limit = int(limit.numpy())
        user_cond, user_body = cond_fn, body
        if pack:
            loop_vars = (0, loop_vars[0])

            def cond_fn(i, lv):
                return math_ops.logical_and(i < limit, user_cond(lv))

            def body(i, lv):
                return i + 1, user_body(lv)
        else:
            loop_vars = (0, loop_vars)

            def cond_fn(i, lv):
                return math_ops.logical_and(i < limit, user_cond(*lv))

            def body(i, lv):
                return i + 1, user_body(*lv)
        pack = False
    packed = False
    structure = list(loop_vars)
    while cond_fn(*loop_vars):
        loop_vars = body(*loop_vars)
        if pack and not isinstance(loop_vars, (list, tuple)):
            packed = True
            loop_vars = (loop_vars,)
        _assert_same_structure(structure, list(loop_vars))
    loop_vars = _map(_to_tensor, loop_vars)
    if maximum_iterations is not None:
        return loop_vars[1]
    return loop_vars[0] if packed else loop_vars


@export("while_loop", v1=())
def while_loop_v2(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
                  back_prop=True, swap_memory=False, maximum_iterations=None, name=None):
    """`tf.while_loop`: returns the final `loop_vars`, in the structure `body` returns."""
    return _while(cond, body, loop_vars, parallel_iterations, maximum_iterations, True)


@export(v1=("while_loop",))
def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
               back_prop=True, swap_memory=False, name=None, maximum_iterations=None,
               return_same_structure=False):
    """TF 1's `tf.while_loop`: with one loop variable and a body returning a bare value, the
    result is that value rather than a list."""
    return _while(cond, body, loop_vars, parallel_iterations, maximum_iterations,
                  return_same_structure)


# -- map_fn -------------------------------------------------------------------------------------

def _spec(sig):
    """A DType or TensorSpec-like signature as (dtype, shape or None)."""
    if hasattr(sig, "dtype") and hasattr(sig, "shape") and not isinstance(sig, d.DType):
        return d.as_dtype(sig.dtype), sig.shape
    return d.as_dtype(sig), None


def _first_dim(t: Tensor) -> int:
    return tuple(t.shape)[0]


@export("map_fn", v1=("map_fn",))
def map_fn(fn, elems, dtype=None, parallel_iterations=None, back_prop=True, swap_memory=False,
           infer_shape=True, name=None, fn_output_signature=None):
    """`tf.map_fn`: `fn` on each row of `elems` (a nest of tensors), results stacked; results
    of another dtype or structure than `elems` need `fn_output_signature` (or TF 1's `dtype`)."""
    if fn_output_signature is None:
        fn_output_signature = dtype
    if not callable(fn):
        raise TypeError(f"The provided function {fn.__name__} is not callable.fn must be "
                        "callable.")
    elems = _read_variables(elems)
    flat = _flatten(elems)
    if not flat:
        raise ValueError("elems must be a Tensor or (possibly nested) sequence of Tensors. "
                         f"Got {elems}, which does not contain any Tensors.")
    flat = [_to_tensor(t) for t in flat]
    if fn_output_signature is None:
        specs, out_structure = [(t.dtype, None) for t in flat], elems
    else:
        specs, out_structure = [_spec(s) for s in _flatten(fn_output_signature)], \
            fn_output_signature
    if flat[0].ndim < 1:
        raise ValueError("Elements in elems must be 1+ dimensional Tensors, not scalars")
    n = _first_dim(flat[0])
    for t in flat[1:]:
        if t.ndim < 1:
            raise ValueError(f"Shape {t.shape} must have rank at least 1")
        if _first_dim(t) != n:
            raise ValueError(f"Dimensions {n} and {_first_dim(t)} are not compatible")
    rows = [_Elements(t) for t in flat]
    results = [_Results(dt, shape) for dt, shape in specs]
    for i in range(n):
        value = fn(_pack(elems, [r.read(i) for r in rows]))
        _assert_same_structure(fn_output_signature or elems, value)
        for ta, v in zip(results, _flatten(value), strict=True):
            ta.write(i, v)
    return _pack(out_structure, [ta.stack() for ta in results])


# -- scan, foldl, foldr -------------------------------------------------------------------------

def _check_callable(fn):
    if not callable(fn):
        raise TypeError(f"{fn.__name__} is not callable. Please provide a callable function.")


def _fold(fn, elems, initializer, reverse):
    _check_callable(fn)
    flat = [_to_tensor(e) for e in _flatten(_read_variables(elems))]
    n = tuple(flat[0].shape)[0]
    rows = _pack(elems, [_Elements(t) for t in flat])

    def read(i):
        return _map(lambda r: r.read(i), rows)
    if initializer is None:
        i, acc = (n - 1, read(n - 1)) if reverse else (1, read(0))
    else:
        i, acc = (n, initializer) if reverse else (0, initializer)

    def body(i, a):
        if reverse:
            return [i - 1, fn(a, read(i - 1))]
        return [i + 1, fn(a, read(i))]
    return _while((lambda i, a: i > 0) if reverse else (lambda i, a: i < n), body, [i, acc],
                  10, n, False)[1]


@export("foldl", v1=("foldl",))
def foldl(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """`tf.foldl`: `fn(acc, row)` over the rows of `elems`, first to last."""
    return _fold(fn, elems, initializer, False)


@export("foldr", v1=("foldr",))
def foldr(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """`tf.foldr`: `fn(acc, row)` over the rows of `elems`, last to first."""
    return _fold(fn, elems, initializer, True)


@export("scan", v1=("scan",))
def scan(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
         swap_memory=False, infer_shape=True, reverse=False, name=None):
    """`tf.scan`: every intermediate `fn(acc, row)`, stacked."""
    _check_callable(fn)
    in_nested = _is_nested(elems)
    elems_flat = [_to_tensor(e) for e in (_flatten(elems) if in_nested else [elems])]

    def pack_in(xs):
        return _pack(elems, xs) if in_nested else xs[0]
    if initializer is None:
        out_like, out_nested = elems, in_nested
    else:
        out_like, out_nested = initializer, _is_nested(initializer)

    def flat_out(x):
        return _flatten(x) if out_nested else [x]

    def pack_out(xs):
        return _pack(out_like, xs) if out_nested else xs[0]
    n = tuple(elems_flat[0].shape)[0]
    rows = [_Elements(t) for t in elems_flat]
    if initializer is None:
        acc = [r.read(n - 1 if reverse else 0) for r in rows]
        first = 1
    else:
        acc = [_to_tensor(v) for v in flat_out(initializer)]
        first = 0
    results = [_Results(a.dtype, a.shape if infer_shape else None) for a in acc]
    if initializer is None:
        for ta, a in zip(results, acc, strict=True):
            ta.write(n - 1 if reverse else 0, a)
    for i in range(n - 1 - first, -1, -1) if reverse else range(first, n):
        a_out = fn(pack_out(acc), pack_in([r.read(i) for r in rows]))
        _assert_same_structure(elems if initializer is None else initializer, a_out)
        acc = flat_out(a_out)
        for ta, a in zip(results, acc, strict=True):
            ta.write(i, a)
    for e in elems_flat[1:]:
        if tuple(e.shape)[0] != n:
            raise ValueError(f"Dimensions {n} and {tuple(e.shape)[0]} are not compatible")
    return pack_out([ta.stack() for ta in results])
