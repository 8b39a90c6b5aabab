"""`tf.function` on `jax.jit`: trace once per input signature, run as one XLA program.

A call looks its input signature up (tensor shapes and dtypes, Python values, which variables are
passed). On a miss the Python function is traced once with `jax.make_jaxpr`, every live Variable
standing in as an input (a `TraceFrame` makes reads return the trace's value and collects
assignments), so Python side effects happen at trace time only, as in TF. The jaxpr is then
jitted with just the variables it read or assigned as inputs; each call passes their current
values in and writes the assigned ones back. A trace that creates variables is traced again with
them as inputs (TF traces twice then as well); creating variables on a later trace is TF's
ValueError.

Inside the trace, tapes created there record traced values (a GradientTape and an optimizer step
inside the function become part of the one program). Called eagerly under a recording tape, the
whole call is recorded as one node, differentiable through the jitted program.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np
from jax.extend.core import jaxpr_as_fun

from tfcompat._src import errors, tape, variable
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export
from tfcompat._src.ops import gradient_ops
from tfcompat._src.tensor import Tensor, device_value

FUNCTION_CACHE = CompileCache("tf.function", maxsize=1024)


def _is_dynamic(x) -> bool:
    return isinstance(x, (Tensor, jax.Array, np.ndarray))


def _leaves(structure):
    return jax.tree_util.tree_flatten(
        structure, is_leaf=lambda x: isinstance(x, Tensor) or hasattr(x, "_is_variable"))


def _template(structure, leaves: list):
    """The structure with each leaf replaced by its index in `leaves` (appended in order);
    unlike jax.tree_util, dicts keep their key order when packed again, as TF's nest does."""
    if isinstance(structure, dict):
        return type(structure)((k, _template(v, leaves)) for k, v in structure.items())
    if isinstance(structure, tuple) and hasattr(structure, "_fields"):
        return type(structure)(*[_template(v, leaves) for v in structure])
    if isinstance(structure, (list, tuple)):
        return type(structure)(_template(v, leaves) for v in structure)
    leaves.append(structure)
    return _Leaf(len(leaves) - 1)


class _Leaf(int):
    pass


def _pack(template, leaves):
    if isinstance(template, _Leaf):
        return leaves[template]
    if isinstance(template, dict):
        return type(template)((k, _pack(v, leaves)) for k, v in template.items())
    if isinstance(template, tuple) and hasattr(template, "_fields"):
        return type(template)(*[_pack(v, leaves) for v in template])
    if isinstance(template, (list, tuple)):
        return type(template)(_pack(v, leaves) for v in template)
    return template


def _signature(leaves):
    """The retrace key of a call's flattened arguments."""
    key = []
    for x in leaves:
        if isinstance(x, Tensor):
            key.append(("T", tuple(x.shape), x.dtype))
        elif isinstance(x, (jax.Array, np.ndarray)):
            key.append(("A", np.shape(x), str(x.dtype)))
        elif hasattr(x, "_is_variable"):
            key.append(("V", x._uid))
        else:
            try:
                hash(x)
                key.append(("P", type(x), x))
            except TypeError:
                key.append(("O", id(x)))
    return tuple(key)


class _Trace:
    """One traced signature: the jitted program and how to feed it and read it back."""

    def __init__(self, fn, args, kwargs, leaves, treedef):
        for attempt in range(2):
            created = variable.created_count()
            self._trace(fn, leaves, treedef)
            if variable.created_count() == created:
                break
            if attempt == 1:
                raise ValueError(
                    "tf.function only supports singleton tf.Variables created on the first call. "
                    "Make sure the tf.Variable is only created once or created outside "
                    "tf.function. See "
                    "https://www.tensorflow.org/guide/function#creating_tfvariables for more "
                    "information.")

    def _trace(self, fn, leaves, treedef):
        live = variable.live_variables()
        storages = [v._storage for v in live]
        dynamic = [i for i, x in enumerate(leaves) if _is_dynamic(x)]
        arg_dtypes = [x.dtype if isinstance(x, Tensor) else None for x in leaves]
        out_info = {}

        def flat(var_values, arg_values, call_index):
            frame = variable.TraceFrame(dict(zip(storages, var_values, strict=True)), call_index)
            args = list(leaves)
            for i, v in zip(dynamic, arg_values, strict=True):
                args[i] = Tensor(v, arg_dtypes[i]) if arg_dtypes[i] is not None else v
            call_args, call_kwargs = jax.tree_util.tree_unflatten(treedef, args)
            with tape.paused(), frame, gradient_ops.graph_recording(frame):
                out = fn(*call_args, **call_kwargs)
                out_leaves = []
                out_tree = _template(out, out_leaves)
                out_values, static = [], []
                for x in out_leaves:
                    if hasattr(x, "_is_variable"):
                        x = x.value()
                    if isinstance(x, Tensor):
                        out_values.append(x._value)
                        static.append(x.dtype)
                    elif isinstance(x, jax.Array) or isinstance(x, jax.core.Tracer):
                        out_values.append(x)
                        static.append(None)
                    else:
                        static.append(("static", x))
            assigned = [i for i, s in enumerate(storages) if s in frame.assigned]
            out_info.update(tree=out_tree, static=static, assigned=assigned,
                            used=sorted({i for i, s in enumerate(storages)
                                         if s in frame.read or s in frame.assigned}))
            return out_values, [frame.values[storages[i]] for i in assigned]

        var_values = [s.value for s in storages]
        arg_values = [leaves[i]._value if isinstance(leaves[i], Tensor) else leaves[i]
                      for i in dynamic]
        closed = jax.make_jaxpr(flat)(var_values, arg_values, np.uint32(0))
        FUNCTION_CACHE.traced()
        self.variables = [live[i] for i in out_info["used"]]
        self.assigned = [live[i] for i in out_info["assigned"]]
        self.out_tree, self.static = out_info["tree"], out_info["static"]
        self.dynamic = dynamic
        used = out_info["used"]
        specs = [(np.shape(v), v.dtype) for v in var_values]
        position = {i: k for k, i in enumerate(used)}
        run_jaxpr = jaxpr_as_fun(closed)

        def program(used_values, arg_values, call_index):
            # Unused variables are jaxpr inputs too: zeros, which XLA drops.
            all_values = [used_values[position[i]] if i in position else
                          jnp.zeros(*specs[i]) for i in range(len(specs))]
            outs = run_jaxpr(*all_values, *arg_values, call_index)
            return list(outs)

        # The call index feeds random ops only; a program without them is called without it,
        # which saves a host-to-device transfer per call.
        index_var = closed.jaxpr.invars[-1]
        self.uses_call_index = any(index_var is v for eqn in closed.jaxpr.eqns
                                   for v in eqn.invars) or index_var in closed.jaxpr.outvars
        if self.uses_call_index:
            self.program = jax.jit(program)
        else:
            zero = np.uint32(0)
            self.program = jax.jit(lambda used_values, arg_values: program(
                used_values, arg_values, zero))
        self.calls = 0
        self.n_out = sum(1 for s in self.static if not isinstance(s, tuple))

    def __call__(self, leaves):
        reads = [v.value() for v in self.variables] if tape.observed() else None
        args = [leaves[i] for i in self.dynamic]
        arg_values = [device_value(a) if isinstance(a, Tensor) else a for a in args]
        self.calls += 1
        read_values = [v._storage.value for v in self.variables] if reads is None else [
            r._value for r in reads]
        try:
            if self.uses_call_index:
                outs = self.program(read_values, arg_values, np.uint32(self.calls))
            else:
                outs = self.program(read_values, arg_values)
        except errors.TRANSLATED as e:
            if errors.is_jax_error(e):  # XLA's runtime errors; the user's own errors pass
                raise errors.from_jax(e) from None
            raise
        results, written = outs[:self.n_out], outs[self.n_out:]
        for v, value in zip(self.assigned, written, strict=True):
            v._storage.value = value
        tensors = []
        it = iter(results)
        out_leaves = []
        for s in self.static:
            if isinstance(s, tuple):
                out_leaves.append(s[1])
            else:
                t = Tensor(next(it), s) if s is not None else Tensor(next(it))
                tensors.append(t)
                out_leaves.append(t)
        if tape.is_recording() and tensors:
            self._record(reads, args, tensors)
        return _pack(self.out_tree, out_leaves)

    def _record(self, reads, args, outputs):
        inputs = reads + [a if isinstance(a, Tensor) else Tensor(a) for a in args]
        n_reads, n_out, program = len(reads), self.n_out, self.program

        call = np.uint32(self.calls)

        uses_call_index = self.uses_call_index

        def replay(*values):
            extra = (call,) if uses_call_index else ()
            return tuple(program(list(values[:n_reads]), list(values[n_reads:]), *extra)[:n_out])

        tape.record(("tf.function", self), replay, inputs, outputs)


class Function:
    """`tf.function`: a Python function traced once per input signature and run under jax.jit.

    Differs from TF: no AutoGraph, so Python `if`/`while` on tensor values inside fail at trace
    time (use `tf.cond`/`tf.while_loop`); `input_signature` fixes nothing beyond TF's checks.
    """

    def __init__(self, python_function, input_signature=None, autograph=True,
                 jit_compile=None, reduce_retracing=False, experimental_implements=None,
                 experimental_autograph_options=None, experimental_attributes=None,
                 experimental_relax_shapes=None, experimental_compile=None,
                 experimental_follow_type_hints=None):
        self._python_function = python_function
        self._input_signature = input_signature
        self._traces = CompileCache(f"tf.function {getattr(python_function, '__name__', '')}",
                                    maxsize=64)
        self._no_args = None
        functools.update_wrapper(self, python_function)

    @property
    def python_function(self):
        return self._python_function

    def __call__(self, *args, **kwargs):
        if variable.tracing_function():
            return self._python_function(*args, **kwargs)  # inlined into the outer trace
        if not args and not kwargs and self._no_args is not None:
            return self._no_args(())  # a training step without arguments: skip the lookup
        leaves, treedef = _leaves((args, kwargs))
        key = _signature(leaves)
        trace = self._traces.get(key, lambda: _Trace(self._python_function, args, kwargs,
                                                     leaves, treedef))
        if not args and not kwargs:
            self._no_args = trace
        return trace(leaves)

    def get_concrete_function(self, *args, **kwargs):
        leaves, treedef = _leaves((args, kwargs))
        return self._traces.get(_signature(leaves), lambda: _Trace(
            self._python_function, args, kwargs, leaves, treedef))

    def experimental_get_tracing_count(self) -> int:
        return self._traces.misses

    def __get__(self, instance, owner):
        # A tf.function used as a method binds like one, keeping one trace cache per instance.
        if instance is None:
            return self
        bound = instance.__dict__.get(f"__tf_function_{id(self)}")
        if bound is None:
            bound = Function(self._python_function.__get__(instance, owner),
                             self._input_signature)
            instance.__dict__[f"__tf_function_{id(self)}"] = bound
        return bound


@export("function")
def function(func=None, input_signature=None, autograph=True, jit_compile=None,
             reduce_retracing=False, experimental_implements=None,
             experimental_autograph_options=None, experimental_attributes=None,
             experimental_relax_shapes=None, experimental_compile=None,
             experimental_follow_type_hints=None):
    """`tf.function`, as a decorator with or without arguments."""
    def wrap(f):
        return Function(f, input_signature=input_signature)
    return wrap if func is None else wrap(func)
