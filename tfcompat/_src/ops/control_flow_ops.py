"""Control flow as TF runs it eagerly: cond, case, while_loop, map_fn, scan, foldl, foldr.

Eager TF runs these as Python: the branch or body functions call ops one at a time, so the tape
records them and gradients flow through without any control-flow gradient. What must match TF is
the bookkeeping: TF 1's `cond` unpacks one-element results, `while_loop` checks the structure
returned by `body` against `loop_vars` and converts the final values to tensors, and map_fn/scan
collect per-element results the way TensorArray does (dtype fixed, shape set by the first write).

Traced (inside tf.function, jax.jit or jax.grad), a predicate or loop condition is a tracer, and
cond / case / switch_case / while_loop lower to jax.lax.cond / switch / while_loop (or lax.scan
when the loop has a static bound and is being differentiated). Each branch or body is traced once
into a jaxpr (`_Traced`): its closed-over values become explicit operands, and variables it
assigns under tf.function become extra outputs (branches) or loop-carried values (loops), written
back to the trace frame afterwards. On a tape recording inside the trace, the whole construct is
one node, a pure function of its operands, so tapes differentiate through it. map_fn, scan and
the folds run as one lax.scan there (`_traced_scan`), their function traced once.
"""

import functools
import itertools

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors, tape, variable
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


def _structure_text(x) -> str:
    """A structure for an error message; traced tensors show as TF graph tensors do."""
    def show(leaf):
        if _is_traced(leaf):
            return _Symbolic(f"<tf.Tensor shape={leaf.shape} dtype={leaf.dtype.name}>")
        return leaf
    return str(_map(show, x))


class _Symbolic(str):
    __repr__ = str.__str__


def _assert_same_structure(a, b, check_types=True):
    """`nest.assert_same_structure`; only the first line of TF's message is reproduced."""
    def walk(x, y):
        try:
            _walk(x, y)
        except (TypeError, ValueError) as e:
            kind = type(e)
            raise kind(f"{_NOT_SAME}\n\nFirst structure: {_structure_text(a)}\n\nSecond "
                       f"structure: {_structure_text(b)}") from None

    def _walk(x, y):
        if _is_nested(x) != _is_nested(y):
            raise ValueError
        if not _is_nested(x):
            return
        if check_types and type(x) is not type(y) and not (isinstance(x, list)
                                                           and isinstance(y, list)):
            raise TypeError
        if isinstance(x, dict) and isinstance(y, dict) and sorted(x) != sorted(y) or \
                len(x) != len(y):
            raise ValueError
        for cx, cy in zip(_children(x), _children(y), strict=True):
            _walk(cx, cy)
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


# -- traced control flow ------------------------------------------------------------------------

# Tape node keys: each traced construct is its own function, never to share a compiled plan.
_node_ids = itertools.count()


def _is_traced(x) -> bool:
    return isinstance(getattr(x, "_value", None), jax.core.Tracer)


def _leaf_tensor(x):
    """A branch or body result leaf as the Tensor TF's graph would carry (None stays None)."""
    if x is None:
        return None
    x = x.value() if hasattr(x, "_is_variable") else x
    return _to_tensor(x)


def _aval(t: Tensor):
    if t.dtype == d.string:
        raise errors.UnimplementedError(
            None, None, "tf.string values cannot pass through traced control flow in tfcompat.")
    return jax.ShapeDtypeStruct(np.shape(t._value), t.dtype.as_numpy_dtype)


class _Traced:
    """`fn(list_of_tensors)` traced once into a jaxpr.

    Inputs: the tensors (dtypes `in_dtypes`), then the values of the `carried` variable storages
    (a loop's body sees the loop-current values). Outputs: the result leaves, the carried
    storages' values, then the values of storages assigned that were not carried
    (`self.assigned`). The trace frame is restored afterwards, so nothing leaks out; values the
    function closed over are `self.consts`, its explicit operands from then on.
    """

    def __init__(self, fn, in_dtypes, avals, carried=()):
        frame = variable.current_frame()
        self.read_vars, seen, info = [], set(), {}

        def on_read(var):
            if id(var) not in seen:
                seen.add(id(var))
                self.read_vars.append(var)

        def flat(*args):
            n = len(in_dtypes)
            saved = (dict(frame.values), set(frame.assigned)) if frame is not None else None
            try:
                if frame is not None:
                    for s, v in zip(carried, args[n:], strict=True):
                        frame.values[s] = v
                    base = dict(frame.values)
                with tape.paused():
                    out = fn([Tensor(a, dt) for a, dt in zip(args[:n], in_dtypes, strict=True)])
                leaves = [_leaf_tensor(x) for x in _flatten(out)]
                assigned = []
                if frame is not None:
                    assigned = [s for s, v in frame.values.items()
                                if s not in carried and base.get(s) is not v]
                info.update(out=out, leaves=leaves, assigned=assigned)
                return ([t._value for t in leaves if t is not None]
                        + [frame.values[s] for s in carried]
                        + [frame.values[s] for s in assigned])
            finally:
                if saved is not None:
                    frame.values.clear()
                    frame.values.update(saved[0])
                    frame.assigned.clear()
                    frame.assigned.update(saved[1])

        tape.read_hooks().append(on_read)
        try:
            closed = jax.make_jaxpr(flat)(*avals)
        finally:
            tape.read_hooks().remove(on_read)
        self.jaxpr, self.consts = closed.jaxpr, list(closed.consts)
        self.out = info["out"]
        self.leaves = info["leaves"]
        self.results = [t for t in self.leaves if t is not None]
        self.assigned = info["assigned"]

    def __call__(self, consts, *args):
        return jax.core.eval_jaxpr(self.jaxpr, list(consts), *args)


def _operand_tensors(values, read_vars):
    """The operands of a construct as Tensors for the tapes: a variable read inside (read again
    here, so the tapes see the read) or a tensor a tape tracks, when the value is theirs."""
    if not tape.is_recording():
        return [Tensor(v) for v in values]
    by_value = {}
    for x in tape.tracked_tensors():
        by_value.setdefault(id(x._value), x)
    for var in read_vars:
        r = var.value()
        by_value[id(r._value)] = r
    return [by_value[id(v)] if id(v) in by_value else Tensor(v) for v in values]


def _cast(value, dtype: d.DType):
    return jax.lax.convert_element_type(value, dtype.as_numpy_dtype)


def _write_back(storages, values):
    for s, v in zip(storages, values, strict=True):
        s.value = v  # recorded as an assignment of the enclosing trace


def _traced_switch(index: Tensor, fns, mismatch):
    """`fns[index]()` as jax.lax.switch; `index` is a traced int32 scalar already in range."""
    branches = [_Traced(lambda _, fn=fn: fn(), [], []) for fn in fns]
    first = branches[0]
    for b in branches[1:]:
        same = len(b.leaves) == len(first.leaves) and all(
            (x is None) == (y is None) and (x is None or x.dtype == y.dtype)
            for x, y in zip(b.leaves, first.leaves, strict=False))
        try:
            _assert_same_structure(first.out, b.out)
        except (TypeError, ValueError):
            same = False
        if not same:
            mismatch(_structure_text(first.out), _structure_text(b.out))
        for x, y in zip(b.results, first.results, strict=True):
            if tuple(x.shape) != tuple(y.shape):
                raise errors.UnimplementedError(
                    None, None, "tfcompat's traced tf.cond/tf.switch_case needs every branch "
                    f"to return the same shapes; got {y.shape} and {x.shape}.")
    frame = variable.current_frame()
    storages = []
    for b in branches:
        storages += [s for s in b.assigned if s not in storages]
    current = [frame.values[s] for s in storages] if storages else []
    offsets, k = [], 0
    for b in branches:
        offsets.append(k)
        k += len(b.consts)
    operands = [c for b in branches for c in b.consts] + current
    dtypes = [t.dtype for t in first.results]
    n_res = len(dtypes)

    def make(b, lo):
        def run(*ops):
            outs = b(ops[lo:lo + len(b.consts)])
            new = dict(zip(b.assigned, outs[n_res:], strict=True))
            rest = [new.get(s, ops[k + i]) for i, s in enumerate(storages)]
            return [_cast(o, dt) for o, dt in zip(outs[:n_res], dtypes, strict=True)] + [
                jax.lax.convert_element_type(r, c.dtype) for r, c in zip(rest, current,
                                                                         strict=True)]
        return run
    fns_ = [make(b, lo) for b, lo in zip(branches, offsets, strict=True)]

    def program(i, *ops):
        return jax.lax.switch(i, fns_, *ops)
    outs = program(index._value, *operands)
    results = [Tensor(o, dt) for o, dt in zip(outs[:n_res], dtypes, strict=True)]
    if results and tape.is_recording():
        reads = [v for b in branches for v in b.read_vars]
        tape.record(("tfcompat.switch", next(_node_ids)), lambda *v: tuple(program(*v)[:n_res]),
                    [index] + _operand_tensors(operands, reads), results)
    _write_back(storages, outs[n_res:])
    it = iter(results)
    return _pack(first.out, [None if t is None else next(it) for t in first.leaves])


def _traced_cond(pred: Tensor, true_fn, false_fn):
    if pred.dtype != d.bool_:
        raise errors.InvalidArgumentError(
            None, None, f"Input 'pred' passed {pred.dtype.name} expected bool while building "
            "tf.cond")
    if pred.ndim != 0:
        raise errors.InvalidArgumentError(
            None, None, f"The second input must be a scalar, but it has shape {pred.shape}")
    index = Tensor(pred._value.astype(np.int32), d.int32)

    def mismatch(false_out, true_out):
        raise TypeError("true_fn and false_fn arguments to tf.cond must have the same number, "
                        "type, and overall structure of return values.\n\n"
                        f"true_fn output: {true_out}\nfalse_fn output: {false_out}")
    return _traced_switch(index, [false_fn, true_fn], mismatch)


def _bare_or_single(structure, out) -> bool:
    """Whether `out` differs from `structure` only by a one-element list against a bare value."""
    if _is_nested(structure) and _is_nested(out):
        if isinstance(structure, dict) or isinstance(out, dict) or len(structure) != len(out):
            if len(structure) == 1 and not _is_nested(out):
                return True
            return False
        return all(_bare_or_single(s, o) for s, o in zip(structure, out, strict=True))
    if _is_nested(structure):
        return len(structure) == 1 and not _is_nested(structure[0]) \
            if not isinstance(structure, dict) else False
    if _is_nested(out):
        return not isinstance(out, dict) and len(out) == 1 and not _is_nested(out[0])
    return True


def _autodiff_tracing(values) -> bool:
    """Whether a JAX differentiation traces these values (reverse mode needs a bounded loop)."""
    return any(type(v).__name__ in ("JVPTracer", "LinearizeTracer") for v in values)


def _needs_bound():
    raise errors.UnimplementedError(
        None, None, "Gradients through a traced tf.while_loop need a bound on its iterations in "
        "tfcompat: pass maximum_iterations to tf.while_loop.")


@functools.partial(jax.custom_vjp, nondiff_argnums=(0,))
def _unbounded_on_tape(fn, *vals):
    """An unbounded loop as a tape records it: forward as usual, its gradient a clear error
    (lax.while_loop has no reverse-mode rule)."""
    return fn(*vals)


_unbounded_on_tape.defvjp(lambda fn, *vals: (fn(*vals), None),
                          lambda fn, res, cts: _needs_bound())


def _traced_while(cond_fn, body, loop_vars, normalize, bound, back_prop):
    """The rest of a while_loop as jax.lax.while_loop (lax.scan of `bound` steps when
    differentiated); returns the final loop_vars, packed as `loop_vars` (as TF's graph does)."""
    structure = list(loop_vars)
    tensors = [_to_tensor(x) for x in _flatten(_read_variables(structure))]
    dtypes = [t.dtype for t in tensors]
    avals = [_aval(t) for t in tensors]
    frame = variable.current_frame()
    carried: list = []

    def cond_flat(ts):
        return _read_variables(cond_fn(*_pack(structure, ts)))

    def body_flat(ts):
        return normalize(body(*_pack(structure, ts)))

    while True:
        storage_avals = [jax.ShapeDtypeStruct(np.shape(frame.values[s]),
                                              frame.values[s].dtype) for s in carried]
        c = _Traced(cond_flat, dtypes, avals + storage_avals, carried)
        b = _Traced(body_flat, dtypes, avals + storage_avals, carried)
        new = [s for s in b.assigned + c.assigned if s not in carried]
        if not new:
            break
        carried += list(dict.fromkeys(new))
    out = list(b.out) if isinstance(b.out, (list, tuple)) else b.out
    if len(b.leaves) != len(tensors) or any(t is None for t in b.leaves):
        _assert_same_structure(structure, out, check_types=False)
        raise ValueError(f"{_NOT_SAME}\n\nFirst structure: {_structure_text(structure)}\n\n"
                         f"Second structure: {_structure_text(out)}")
    try:
        _assert_same_structure(structure, out, check_types=False)  # as TF's graph checks
    except (TypeError, ValueError):
        # A graph accepts a lone loop variable returned bare (or in a list) where the other
        # was given, and nothing else: the innermost difference must be that one.
        if not _bare_or_single(structure, out):
            raise
    for t, r in zip(tensors, b.leaves, strict=True):
        if r.dtype != t.dtype:
            raise TypeError(f"Loop var enters the loop with type {t.dtype} but has type "
                            f"{r.dtype} after 1 iteration. Its type should remain constant.")
        if tuple(r.shape) != tuple(t.shape):
            raise ValueError(
                f"Input tensor enters the loop with shape {t.shape}, but has shape {r.shape} "
                "after one iteration. tfcompat's traced tf.while_loop needs loop variables of "
                "fixed shape (shape_invariants cannot relax it).")
    p = c.results[0] if len(c.results) == 1 else None
    if p is None or p.dtype != d.bool_ or p.ndim != 0:
        raise ValueError("tf.while_loop's cond must return a scalar boolean tensor.")
    init = [t._value for t in tensors] + [frame.values[s] for s in carried]
    k, nc = len(init), len(c.consts)

    def program(*vals):
        start, cc, bc = vals[:k], vals[k:k + nc], vals[k + nc:]

        def go(carry):
            return c(cc, *carry)[0]

        def step(carry):
            outs = b(bc, *carry)
            return tuple(jax.lax.convert_element_type(o, jnp.result_type(x))
                         for o, x in zip(outs[:k], carry, strict=True))
        start = tuple(jax.lax.convert_element_type(v, jnp.result_type(v)) for v in start)
        if bound is not None and _autodiff_tracing(vals):
            def scan_step(state, _):
                running, carry = state
                running = jnp.logical_and(running, go(carry))
                return (running, jax.lax.cond(running, step, lambda x: x, carry)), None
            (_, final), _ = jax.lax.scan(scan_step, (jnp.asarray(True), start), None,
                                         length=max(int(bound), 0))
            return tuple(final)
        return tuple(jax.lax.while_loop(go, step, start))

    operands = init + c.consts + b.consts
    outs = program(*operands)
    if not back_prop:
        outs = tuple(jax.lax.stop_gradient(o) for o in outs)
    results = [Tensor(o, dt) for o, dt in zip(outs[:len(dtypes)], dtypes, strict=True)]
    if back_prop and tape.is_recording():
        n = len(tensors)
        fn = program if bound is not None else functools.partial(_unbounded_on_tape, program)
        tape.record(("tfcompat.while_loop", next(_node_ids)), lambda *v: tuple(fn(*v)[:n]),
                    tensors + _operand_tensors(operands[n:], c.read_vars + b.read_vars),
                    results)
    _write_back(carried, outs[len(tensors):])
    return _pack(structure, results)  # TF's graph packs the results as loop_vars


def _lowered(flat) -> bool:
    """Whether map_fn/scan/folds over these tensors run as one lax.scan: in TF's graph (a
    tf.function) or on traced values, and for anything but strings."""
    return (variable.tracing_function() or any(_is_traced(t) for t in flat)) and \
        all(t.dtype != d.string for t in flat)


def _traced_scan(step, init, xs, reverse=False):
    """`step(carry, row) -> (carry, ys)` (lists of Tensors) over the rows of `xs` as one
    jax.lax.scan; returns (final carry, stacked ys). Variables the step assigns are carried."""
    n = _first_dim(xs[0]) if xs else 0
    nc = len(init)
    in_dtypes = [t.dtype for t in init] + [t.dtype for t in xs]
    avals = [_aval(t) for t in init] + [jax.ShapeDtypeStruct(tuple(t.shape)[1:],
                                                              t.dtype.as_numpy_dtype) for t in xs]
    frame = variable.current_frame()
    n_ys = []

    def flat_step(ts):
        carry, ys = step(ts[:nc], ts[nc:])
        n_ys.append(len(ys))
        return list(carry) + list(ys)
    carried: list = []
    while True:
        storage_avals = [jax.ShapeDtypeStruct(np.shape(frame.values[s]),
                                              frame.values[s].dtype) for s in carried]
        s = _Traced(flat_step, in_dtypes, avals + storage_avals, carried)
        new = [x for x in s.assigned if x not in carried]
        if not new:
            break
        carried += new
    for t, r in zip(init, s.results[:nc], strict=True):
        if r.dtype != t.dtype or tuple(r.shape) != tuple(t.shape):
            raise TypeError(f"The accumulator enters the loop as {t.dtype.name} {t.shape} but is "
                            f"{r.dtype.name} {r.shape} after one step; it must keep both.")
    ny = n_ys[-1]
    y_dtypes = [t.dtype for t in s.results[nc:nc + ny]]
    start = [t._value for t in init] + [frame.values[x] for x in carried]
    k, nx = len(start), len(xs)

    def program(*vals):
        first, rows, consts = vals[:k], vals[k:k + nx], vals[k + nx:]

        def body(carry, row):
            outs = s(consts, *carry[:nc], *row, *carry[nc:])
            new_carry = outs[:nc] + outs[nc + ny:nc + ny + len(carried)]
            return tuple(jax.lax.convert_element_type(o, jnp.result_type(x))
                         for o, x in zip(new_carry, carry, strict=True)), tuple(outs[nc:nc + ny])
        first = tuple(jax.lax.convert_element_type(v, jnp.result_type(v)) for v in first)
        final, ys = jax.lax.scan(body, first, tuple(rows), length=n, reverse=reverse)
        return tuple(final) + tuple(ys)

    operands = start + [t._value for t in xs] + s.consts
    outs = program(*operands)
    final = [Tensor(o, t.dtype) for o, t in zip(outs[:nc], init, strict=True)]
    ys = [Tensor(o, dt) for o, dt in zip(outs[k:k + ny], y_dtypes, strict=True)]
    if final + ys and tape.is_recording():
        keep = list(range(nc)) + list(range(k, k + ny))
        others = _operand_tensors(start[nc:] + s.consts, s.read_vars)  # in `operands` order
        inputs = list(init) + others[:k - nc] + list(xs) + others[k - nc:]
        tape.record(("tfcompat.scan", next(_node_ids)),
                    lambda *v: tuple(program(*v)[i] for i in keep), inputs, final + ys)
    _write_back(carried, outs[nc:k])
    return final, ys


def _written(results, values):
    """Each value checked and converted as a TensorArray write (dtype fixed, shape set once)."""
    out = []
    for ta, v in zip(results, values, strict=True):
        ta.values = {}
        ta.write(0, v)
        out.append(ta.values[0])
    return out


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
    if isinstance(pred, bool) and variable.tracing_function():
        raise TypeError("pred must not be a Python bool", pred)  # as TF's graph mode
    pred = _to_tensor(_read_variables(pred))
    # In a tf.function (TF's graph) a tensor predicate builds one conditional of both branches;
    # TF 1's cond there returns the branch's list as it is.
    if _is_traced(pred) or variable.tracing_function():
        return _traced_cond(pred, true_fn, false_fn)
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
    # Traced predicates are known only when the program runs: TF's graph checks them with Assert
    # ops there; the traced form here skips those checks (see docs/differences.md).
    traced = variable.tracing_function() or any(_is_traced(p) for p in predicates)
    if default is None and traced:
        default, predicates, actions = actions[-1], predicates[:-1], actions[:-1]
    elif default is None:
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
    if exclusive and not traced:
        _at_most_n_true(predicates, 1, "Input error: exclusive=True")
    return fn()


@export("case", v1=())
def case_v2(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """`tf.case`: the first true predicate's function (exclusive: at most one may be true)."""
    return _case(pred_fn_pairs, default, exclusive, strict)


@export(v1=("case",))
def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    return _case(pred_fn_pairs, default, exclusive, strict)


@export("switch_case")
def switch_case(branch_index, branch_fns, default=None, name="switch_case"):
    """`tf.switch_case`: runs `branch_fns[branch_index]`; an index out of range runs `default`
    (the last branch when there is none)."""
    if hasattr(branch_index, "_is_variable"):
        branch_index = branch_index.value()
    if not isinstance(branch_index, Tensor):
        raise TypeError(f"'branch_index' must be a Tensor, got {type(branch_index)}")
    if not branch_index.dtype.is_integer:
        raise TypeError(f"'branch_index' must be an integer Tensor, got {branch_index.dtype}")
    if not isinstance(branch_fns, (list, tuple, dict)):
        raise TypeError(f"'branch_fns' must be a list, tuple, or dict. Received: "
                        f"{type(branch_fns)}")
    if not branch_fns:
        raise ValueError("Must provide at least one item in 'branch_fns'")
    pairs = list(branch_fns.items()) if isinstance(branch_fns, dict) else list(branch_fns)
    if all(callable(fn) for fn in pairs):
        pairs = list(enumerate(pairs))
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"Each entry in 'branch_fns' must be a 2-tuple. Received {pair}.")
        key, fn = pair
        if not isinstance(key, int):
            raise TypeError(f"key must be a Python `int`, got {type(key)}")
        if not callable(fn):
            raise TypeError(f"fn for key {key} must be callable.")
    keys = sorted(k for k, _ in pairs)
    if keys != list(range(len(keys))):
        raise ValueError(f"branch indices (keys) must form contiguous range of [0 to "
                         f"{len(keys)}) but found {{{','.join(map(str, keys))}}}")
    actions = [fn for _, fn in sorted(pairs, key=lambda p: p[0])]
    if default is not None:
        actions.append(default)
    if branch_index.ndim != 0:
        raise errors.InvalidArgumentError(
            None, None, f"branch_index must be a scalar, but it has shape {branch_index.shape}")
    n = len(keys)
    if not _is_traced(branch_index) and not variable.tracing_function():
        i = int(branch_index.numpy())
        return actions[i if 0 <= i < n else -1]()
    i = branch_index._value.astype(np.int32)
    index = Tensor(jnp.where((i < 0) | (i >= n), len(actions) - 1, i), d.int32)

    def mismatch(first, other):
        raise TypeError("branch_fns of tf.switch_case must have the same number, type, and "
                        f"overall structure of return values.\n\nOne branch output: {first}\n"
                        f"Another branch output: {other}")
    return _traced_switch(index, actions, mismatch)


# -- while_loop ---------------------------------------------------------------------------------

def _while(cond_fn, body, loop_vars, parallel_iterations, maximum_iterations,
           same_structure, back_prop=True, graph=True):
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
    limit = None
    if maximum_iterations is not None:
        limit = _to_tensor(_read_variables(maximum_iterations))
        if limit.ndim != 0:
            raise ValueError(f"'maximum_iterations' must be a scalar. Received shape: "
                             f"{limit.shape}")
        if not _is_traced(limit):
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

    def normalize(out):
        nonlocal packed
        # (TF's graph wraps a lone bare tensor only, where eager TF wraps any other value.)
        if pack and not isinstance(out, (list, tuple)) and not (graph and _is_nested(out)):
            packed = True
            return (out,)
        return out
    iterations = 0
    graph = graph and variable.tracing_function()  # in TF's graph the loop is one op
    while True:
        go = None if graph else cond_fn(*loop_vars)
        if graph or _is_traced(_read_variables(go)):  # the rest runs as one traced loop
            graph = True
            bound = limit - iterations if isinstance(limit, int) else None
            loop_vars = _traced_while(cond_fn, body, loop_vars, normalize, bound, back_prop)
            # TF 1's graph returns a lone loop variable bare when it is one tensor.
            packed = pack and len(_flatten(loop_vars)) == 1
            break
        if not go:
            break
        loop_vars = normalize(body(*loop_vars))
        iterations += 1
        _assert_same_structure(structure, list(loop_vars))
    loop_vars = _map(_to_tensor, loop_vars)
    if maximum_iterations is not None:
        return loop_vars[1]
    return loop_vars[0] if packed else loop_vars


@export("while_loop", v1=())
def while_loop_v2(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
                  back_prop=True, swap_memory=False, maximum_iterations=None, name=None):
    """`tf.while_loop`: returns the final `loop_vars`, in the structure `body` returns."""
    return _while(cond, body, loop_vars, parallel_iterations, maximum_iterations, True,
                  back_prop)


@export(v1=("while_loop",))
def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
               back_prop=True, swap_memory=False, name=None, maximum_iterations=None,
               return_same_structure=False):
    """TF 1's `tf.while_loop`: with one loop variable and a body returning a bare value, the
    result is that value rather than a list."""
    return _while(cond, body, loop_vars, parallel_iterations, maximum_iterations,
                  return_same_structure, back_prop)


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
    results = [_Results(dt, shape) for dt, shape in specs]
    if _lowered(flat):  # one traced loop, fn traced once
        def step(_, row):
            value = fn(_pack(elems, row))
            _assert_same_structure(fn_output_signature or elems, value)
            return [], _written(results, _flatten(value))
        return _pack(out_structure, _traced_scan(step, [], flat)[1])
    rows = [_Elements(t) for t in flat]
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
    if _lowered(flat):
        if initializer is None:
            first = n - 1 if reverse else 0
            acc = _pack(elems, [t[first] for t in flat])
            flat = [t[:n - 1] if reverse else t[1:] for t in flat]
        else:
            acc = initializer
        leaves = [_to_tensor(x) for x in _flatten(_read_variables(acc))]

        def step(carry, row):
            out = fn(_pack(acc, carry), _pack(elems, row))
            _assert_same_structure(acc, out, check_types=False)
            return [_leaf_tensor(x) for x in _flatten(out)], []
        return _pack(acc, _traced_scan(step, leaves, flat, reverse)[0])
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
                  10, n, False, graph=False)[1]


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
    if _lowered(elems_flat):
        return _scan_lowered(fn, elems, elems_flat, initializer, infer_shape, reverse,
                             pack_in, flat_out, pack_out)
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


def _scan_lowered(fn, elems, elems_flat, initializer, infer_shape, reverse, pack_in, flat_out,
                  pack_out):
    """tf.scan as one lax.scan (see `_lowered`); without an initializer the first row (last when
    `reverse`) is the first accumulator and the first result."""
    n = tuple(elems_flat[0].shape)[0]
    for e in elems_flat[1:]:
        if tuple(e.shape)[0] != n:
            raise ValueError(f"Dimensions {n} and {tuple(e.shape)[0]} are not compatible")
    if initializer is None:
        first = n - 1 if reverse else 0
        acc = [t[first] for t in elems_flat]
        rows = [t[:n - 1] if reverse else t[1:] for t in elems_flat]
    else:
        acc = [_to_tensor(v) for v in flat_out(initializer)]
        rows = elems_flat
    results = [_Results(a.dtype, a.shape if infer_shape else None) for a in acc]

    def step(carry, row):
        a_out = fn(pack_out(carry), pack_in(row))
        _assert_same_structure(elems if initializer is None else initializer, a_out)
        outs = _written(results, flat_out(a_out))
        return outs, outs
    ys = _traced_scan(step, acc, rows, reverse)[1]
    if initializer is None:
        ys = [array_ops.concat([y, array_ops.expand_dims(a, 0)] if reverse else
                               [array_ops.expand_dims(a, 0), y], 0)
              for a, y in zip(acc, ys, strict=True)]
    return pack_out(ys)
