"""`tf.data.Dataset` in eager mode: each dataset is a recipe for a fresh Python iterator of
elements (nests of Tensors) plus its `element_spec`.

Differences from TF: functions given to `map`, `filter`, `flat_map` and `interleave` run eagerly
once per element (TF traces them once, so their Python side effects run once); an
`element_spec` that depends on such a function is computed by running it on sample elements
(`_infer_spec`); `shuffle` draws its own random order (a reproducible one with a seed), so the
order differs from TF's while the elements do not.
"""

import itertools
import os

import numpy as np

from tfcompat._src import dtypes, errors, logs
from tfcompat._src.data import structure as st
from tfcompat._src.data.structure import TensorSpec
from tfcompat._src.export import export, export_value
from tfcompat._src.tensor import Tensor
from tfcompat._src.tensor_shape import TensorShape

_DATASET_OPS = "tensorflow.python.data.ops.dataset_ops"  # where TF's deprecation notices say
_ITERATOR_OPS = "tensorflow.python.data.ops.iterator_ops"  # the deprecated members live

AUTOTUNE = -1
export_value(AUTOTUNE, ("data.AUTOTUNE", "data.experimental.AUTOTUNE"))
_INFINITE = -1


def _end_of_sequence():
    return errors.OutOfRangeError(None, None, "End of sequence")


class OwnedIterator:
    """The iterator of a dataset (`iter(ds)`; TF's OwnedIterator): `next()` raises StopIteration
    at the end, `get_next()` TF's OutOfRangeError."""

    def __init__(self, dataset):
        self._dataset = dataset
        self._it = dataset._factory()

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def get_next(self, name=None):
        try:
            return next(self._it)
        except StopIteration:
            raise _end_of_sequence() from None

    @property
    def element_spec(self):
        return self._dataset.element_spec

    output_types = property(logs.deprecated_call(
        "OwnedIterator.output_types", _ITERATOR_OPS,
        "Use `tf.compat.v1.data.get_output_types(iterator)`.")(
        lambda self: get_output_types(self._dataset)))
    output_shapes = property(logs.deprecated_call(
        "OwnedIterator.output_shapes", _ITERATOR_OPS,
        "Use `tf.compat.v1.data.get_output_shapes(iterator)`.")(
        lambda self: get_output_shapes(self._dataset)))


def _call(fn, element):
    """Calls a user function with an element; tuples are unpacked into arguments, as in TF."""
    return fn(*element) if type(element) is tuple else fn(element)


def _result(value):
    # A list returned by a map function is a tuple of components, as in TF.
    return st.normalize(tuple(value) if isinstance(value, list) else value)


def _common(a, b):
    """The most specific spec compatible with both (for concatenate / repeat-like merges)."""
    def merge(x, y):
        if x.dtype != y.dtype:
            raise TypeError(f"Incompatible dataset elements:\n  {x!r} vs.  {y!r}")
        if x.shape.rank is None or y.shape.rank is None or x.shape.rank != y.shape.rank:
            return TensorSpec(None, x.dtype)
        return TensorSpec([p if p == q else None for p, q in zip(x.shape, y.shape, strict=True)],
                          x.dtype)
    if not st.same_structure(a, b):
        raise TypeError(f"Incompatible dataset elements:\n  {a!r} vs.  {b!r}")
    return st.map_structure(merge, a, b)


def _count(x) -> int:
    return int(x.numpy()) if isinstance(x, Tensor) else int(x)


class DatasetV2:
    """`tf.data.Dataset` (TF 2)."""

    _kind = "Dataset"

    def _init(self, kind, factory, spec):
        self._kind = kind
        self._factory = factory
        self._spec = spec  # a nest of TensorSpec, or a callable computing it on first use
        return self

    @classmethod
    def _base(cls):
        return DatasetV1 if issubclass(cls, DatasetV1) else DatasetV2

    @classmethod
    def _new(cls, kind, factory, spec):
        return object.__new__(cls._base())._init(kind, factory, spec)

    def _derive(self, kind, factory, spec):
        return type(self)._new(kind, factory, spec)

    # -- the dataset protocol -------------------------------------------------------------------

    @property
    def element_spec(self):
        if callable(self._spec):
            self._spec = self._spec()
        return self._spec

    def __iter__(self):
        return OwnedIterator(self)

    def __repr__(self):
        return f"<{self._kind} element_spec={self.element_spec!r}>"

    def as_numpy_iterator(self):
        return (st.map_structure(lambda t: t.numpy(), e) for e in self._factory())

    # -- sources ------------------------------------------------------------------------------

    @classmethod
    def from_tensors(cls, tensors, name=None):
        element = st.normalize(tensors)
        return cls._new("_TensorDataset", lambda: iter([element]), st.spec_of(element))

    @classmethod
    def from_tensor_slices(cls, tensors, name=None):
        element = st.normalize(tensors)
        leaves = st.flatten(element)
        if any(t.shape.rank == 0 for t in leaves):
            raise ValueError("Unbatching a tensor is only supported for rank >= 1")
        n = leaves[0].shape[0]
        for t in leaves[1:]:
            if t.shape[0] != n:
                raise ValueError(f"Dimensions {n} and {t.shape[0]} are not compatible")

        def factory():
            for i in range(n):
                yield st.map_structure(lambda t, i=i: st.from_host(st.host(t)[i], t.dtype), element)

        spec = st.map_structure(lambda t: TensorSpec(t.shape[1:], t.dtype), element)
        return cls._new("_TensorSliceDataset", factory, spec)

    @classmethod
    def range(cls, *args, output_type=dtypes.int64, name=None):
        if not args:
            raise ValueError("Invalid arguments to RangeDataset: ()")
        bounds = [_count(a) for a in args]
        dtype = dtypes.as_dtype(output_type)
        return cls._new("_RangeDataset", lambda: (st.from_host(
            np.asarray(i, dtype.as_numpy_dtype), dtype) for i in range(*bounds)),
            TensorSpec([], dtype))

    @classmethod
    def from_generator(cls, generator, output_types=None, output_shapes=None, args=None,
                       output_signature=None, name=None):
        if not callable(generator):
            raise TypeError("`generator` must be a Python callable.")
        if output_signature is not None:
            if output_types is not None or output_shapes is not None:
                raise TypeError("The `output_types` argument can not be used together with the "
                                "`output_signature` argument.")
            spec = output_signature
        elif output_types is None:
            raise TypeError("To specify the output signature you need to provide either the "
                            "`output_signature` argument or the `output_types` argument.")
        else:
            if output_shapes is None:
                output_shapes = st.map_structure(lambda _: None, output_types)
            spec = _types_and_shapes(output_types, output_shapes)
        gen_args = [st.to_tensor(a).numpy() for a in (args or ())]

        def convert(value, s):
            t = st.to_tensor(value, s.dtype)
            if not s.shape.is_compatible_with(t.shape):
                raise errors.InvalidArgumentError(None, None, "`generator` yielded an element "
                                                  f"of shape {t.shape} where an element of shape"
                                                  f" {s.shape} was expected.")
            return t

        def factory():
            for value in generator(*gen_args):
                if isinstance(value, list) and st.is_nest(spec):
                    value = tuple(value)
                yield st.map_structure(convert, value, spec)

        return cls._new("_FlatMapDataset", factory, spec)

    @staticmethod
    def zip(*args, datasets=None, name=None):
        if datasets is None:
            datasets = args[0] if len(args) == 1 else tuple(args)
        leaves = st.flatten(datasets)
        base = DatasetV1 if any(isinstance(d, DatasetV1) for d in leaves) else DatasetV2

        def factory():
            for items in zip(*(d._factory() for d in leaves), strict=False):
                yield _pack(datasets, list(items))

        return base._new("_ZipDataset", factory,
                         lambda: _pack(datasets, [d.element_spec for d in leaves]))

    # -- transformations ------------------------------------------------------------------------

    def concatenate(self, dataset, name=None):
        spec = _common(self.element_spec, dataset.element_spec)
        return self._derive("_ConcatenateDataset",
                            lambda: itertools.chain(self._factory(), dataset._factory()), spec)

    def repeat(self, count=None, name=None):
        count = _INFINITE if count is None else _count(count)

        def factory():
            epochs = itertools.count() if count < 0 else range(count)
            for _ in epochs:
                empty = True
                for e in self._factory():
                    empty = False
                    yield e
                if empty:
                    return
        return self._derive("_RepeatDataset", factory, lambda: self.element_spec)

    def take(self, count, name=None):
        count = _count(count)
        return self._derive("_TakeDataset", lambda: itertools.islice(
            self._factory(), None if count < 0 else count), lambda: self.element_spec)

    def skip(self, count, name=None):
        count = _count(count)

        def factory():
            it = self._factory()
            if count < 0:
                return iter(())
            return itertools.islice(it, count, None)
        return self._derive("_SkipDataset", factory, lambda: self.element_spec)

    def enumerate(self, start=0, name=None):
        start = _count(start)

        def factory():
            for i, e in enumerate(self._factory(), start):
                yield st.from_host(np.int64(i), dtypes.int64), e
        return self._derive("_ZipDataset", factory,
                            lambda: (TensorSpec([], dtypes.int64), self.element_spec))

    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None,
              deterministic=None, name=None):
        n = _count(batch_size)
        if n <= 0:
            raise errors.InvalidArgumentError(None, None, "Batch size must be greater than zero.")

        def factory():
            it = self._factory()
            while True:
                chunk = list(itertools.islice(it, n))
                if not chunk or (drop_remainder and len(chunk) < n):
                    return
                yield _stack(chunk)
        return self._derive("_BatchDataset", factory, lambda: st.map_structure(
            lambda s: _prepend(n if drop_remainder else None, s), self.element_spec))

    def padded_batch(self, batch_size, padded_shapes=None, padding_values=None,
                     drop_remainder=False, name=None):
        n = _count(batch_size)
        spec = self.element_spec
        if padded_shapes is None:
            # Unknown dims pad to the longest in the batch; known ones are that long anyway.
            padded_shapes = st.map_structure(
                lambda s: None if s.shape.rank is None else [None] * s.shape.rank, spec)
        shapes = st.map_structure(lambda s, p: _padded_shape(s, p), spec, _like(spec,
                                                                                 padded_shapes))
        if padding_values is None:
            padding_values = st.map_structure(lambda s: None, spec)
        pads = st.map_structure(_pad_value, spec, _like(spec, padding_values))

        def factory():
            it = self._factory()
            while True:
                chunk = list(itertools.islice(it, n))
                if not chunk or (drop_remainder and len(chunk) < n):
                    return
                yield _pad_stack(chunk, shapes, pads)
        out = st.map_structure(lambda s, p: _prepend(n if drop_remainder else None, TensorSpec(
            p if p is None or s.shape.rank is None else [
                a if b is None else b for a, b in zip(s.shape, p, strict=True)], s.dtype)),
            spec, shapes)
        return self._derive("_PaddedBatchDataset", factory, out)

    def unbatch(self, name=None):
        def factory():
            for e in self._factory():
                sizes = {t.shape[0] for t in st.flatten(e)}
                if len(sizes) > 1:
                    raise errors.InvalidArgumentError(None, None, "Input element must have the "
                                                      "same batch size in each component.")
                for i in range(sizes.pop() if sizes else 0):
                    yield st.map_structure(lambda t, i=i: st.from_host(st.host(t)[i], t.dtype), e)

        def spec():
            for s in st.flatten(self.element_spec):
                if s.shape.rank == 0:
                    raise ValueError("Cannot unbatch an input with scalar components.")
            return st.map_structure(lambda s: TensorSpec(
                None if s.shape.rank is None else s.shape[1:], s.dtype), self.element_spec)
        spec()
        return self._derive("_UnbatchDataset", factory, spec)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=None, name=None):
        size = _count(buffer_size)
        if size == 0 or size < -1:
            raise errors.InvalidArgumentError(None, None, "buffer_size must be greater than zero.")
        reshuffle = True if reshuffle_each_iteration is None else bool(reshuffle_each_iteration)
        base_seed = _shuffle_seed(seed)
        epochs = itertools.count()

        def factory():
            epoch = next(epochs) if reshuffle else 0
            rng = np.random.default_rng([base_seed, epoch])
            it, buf = self._factory(), []
            for e in it:
                buf.append(e)
                if size != -1 and len(buf) >= size:
                    break
            for e in it:
                i = int(rng.integers(len(buf)))
                yield buf[i]
                buf[i] = e
            while buf:
                i = int(rng.integers(len(buf)))
                buf[i], buf[-1] = buf[-1], buf[i]
                yield buf.pop()
        return self._derive("_ShuffleDataset", factory, lambda: self.element_spec)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        kind = "_MapDataset" if num_parallel_calls is None else "_ParallelMapDataset"

        def factory():
            return (_result(_call(map_func, e)) for e in self._factory())

        return self._derive(kind, factory, lambda: self._infer_spec(
            lambda e: st.spec_of(_result(_call(map_func, e)))))

    def filter(self, predicate, name=None):
        def keep(e):
            r = st.to_tensor(_call(predicate, e))
            if r.dtype != dtypes.bool_ or r.shape.rank != 0:
                raise ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar "
                                 f"tensor, but its return type is {TensorSpec(r.shape, r.dtype)}.")
            return bool(r.numpy())
        return self._derive("_FilterDataset", lambda: (e for e in self._factory() if keep(e)),
                            lambda: self.element_spec)

    def flat_map(self, map_func, name=None):
        def factory():
            for e in self._factory():
                yield from _as_dataset(_call(map_func, e))._factory()
        return self._derive("_FlatMapDataset", factory, lambda: self._inner_spec(map_func))

    def _inner_spec(self, map_func):
        return self._infer_spec(lambda e: _as_dataset(_call(map_func, e)).element_spec)

    def _infer_spec(self, probe):
        """The spec of `probe(element)`: TF traces the function with unknown dims; we run it on
        the first two elements and on the first one grown along its unknown dims, and make the
        dims that differ unknown."""
        first = list(itertools.islice(self._factory(), 2))
        if not first:
            return self.element_spec
        specs = [probe(e) for e in first]
        grown = st.grow(first[0], self.element_spec)
        if grown is not None:
            try:
                specs.append(probe(grown))
            except Exception:  # noqa: BLE001 - the grown element is only a probe
                pass
        return st.merge_specs(specs)

    def interleave(self, map_func, cycle_length=None, block_length=None,
                   num_parallel_calls=None, deterministic=None, name=None):
        cycle = (os.cpu_count() or 1) if cycle_length in (None, AUTOTUNE) else _count(cycle_length)
        block = 1 if block_length is None else _count(block_length)
        kind = "_InterleaveDataset" if num_parallel_calls is None else \
            "_ParallelInterleaveDataset"

        def factory():
            # TF's InterleaveDataset: `cycle` open iterators visited in turn, `block` elements
            # from each; an exhausted slot is refilled when the cycle comes back to it.
            source, slots = self._factory(), [None] * cycle
            index = taken = 0
            open_count, end = 0, False

            def advance():
                nonlocal index, taken
                index, taken = (index + 1) % cycle, 0
            while not end or open_count:
                if slots[index] is not None:
                    e = next(slots[index], None)
                    if e is not None:
                        taken += 1
                        if taken == block:
                            advance()
                        yield e
                        continue
                    slots[index] = None
                    open_count -= 1
                    advance()
                elif not end:
                    e = next(source, None)
                    if e is None:
                        end = True
                        continue
                    slots[index] = _as_dataset(_call(map_func, e))._factory()
                    open_count += 1
                else:
                    advance()
        return self._derive(kind, factory, lambda: self._inner_spec(map_func))

    def cache(self, filename="", name=None):
        store, done = [], [False]

        def factory():
            if done[0]:
                yield from store
                return
            store.clear()
            for e in self._factory():
                store.append(e)
                yield e
            done[0] = True
        return self._derive("CacheDataset", factory, lambda: self.element_spec)

    def prefetch(self, buffer_size, name=None):
        return self._derive("_PrefetchDataset", lambda: self._factory(),
                            lambda: self.element_spec)

    def apply(self, transformation_func):
        return transformation_func(self)

    def reduce(self, initial_state, reduce_func, name=None):
        state = st.normalize(initial_state)
        for e in self._factory():
            state = st.normalize(reduce_func(state, e))
        return state


def _pack(template, items):
    """`items` (one per dataset leaf) in the structure of `template`, a nest of datasets."""
    it = iter(items)
    return st.map_structure(lambda _: next(it), template)


def _as_dataset(value):
    if not isinstance(value, DatasetV2):
        raise TypeError(f"The `map_func` argument must return a `Dataset` object. Got "
                        f"{type(value)!r}.")
    return value


def _prepend(n, s):
    return TensorSpec(None if s.shape.rank is None else [n] + list(s.shape), s.dtype)


def _shape_list(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def _stack(chunk):
    def stack(*ts):
        shapes = [tuple(t.shape) for t in ts]
        for shape in shapes:
            if shape != shapes[0]:
                raise errors.InvalidArgumentError(
                    None, None, "Cannot add tensor to the batch: number of elements does not "
                    f"match. Shapes are: [tensor]: {_shape_list(shape)}, [batch]: "
                    f"{_shape_list(shapes[0])}")
        return st.from_host(np.stack([st.host(t) for t in ts]), ts[0].dtype)
    return st.map_structure(stack, *chunk)


def _like(spec, value):
    """A per-component argument (padded shapes or values) given for the whole structure."""
    if not st.is_nest(spec) or st.is_nest(value):
        return value
    return st.map_structure(lambda _: value, spec)


def _padded_shape(spec, padded):
    dims = list(st.host(padded)) if isinstance(padded, Tensor) else (
        None if padded is None else list(TensorShape(padded) if not isinstance(
            padded, TensorShape) else padded))
    if spec.shape.rank is None:
        return dims
    if dims is None or len(dims) != spec.shape.rank:
        raise ValueError(f"The padded shape {TensorShape(dims)} is not compatible with the shape "
                         f"{spec.shape} of the corresponding input component.")
    return [None if d in (None, -1) else int(d) for d in dims]


def _pad_value(spec, value):
    if value is None:
        return b"" if spec.dtype == dtypes.string else np.zeros((), spec.dtype.as_numpy_dtype)
    return st.host(st.to_tensor(value, spec.dtype))[()]


def _pad_stack(chunk, shapes, pads):
    def pad(shape, value, *ts):
        arrays = [st.host(t) for t in ts]
        if shape is None:
            shape = [None] * arrays[0].ndim
        target = [max(a.shape[i] for a in arrays) if d is None else d
                  for i, d in enumerate(shape)]
        out = np.full([len(arrays)] + target, value, dtype=arrays[0].dtype)
        for i, a in enumerate(arrays):
            if any(s > d for s, d in zip(a.shape, target, strict=True)):
                raise errors.InvalidArgumentError(
                    None, None, "Attempted to pad to a smaller size than the input element.")
            out[(i,) + tuple(slice(0, s) for s in a.shape)] = a
        return st.from_host(out, ts[0].dtype)
    return st.map_structure(pad, shapes, pads, *chunk)


def _types_and_shapes(types, shapes):
    if isinstance(types, dict):
        return type(types)((k, _types_and_shapes(types[k], shapes[k])) for k in types)
    if isinstance(types, tuple):
        return tuple(_types_and_shapes(t, s) for t, s in zip(types, shapes, strict=True))
    return TensorSpec(None if shapes is None else TensorShape(shapes) if not isinstance(
        shapes, TensorShape) else shapes, types)


def _shuffle_seed(seed):
    from tfcompat._src.ops import random_ops
    if seed is not None:
        return _count(seed)
    if random_ops._STATE.global_seed is not None:
        return int(random_ops._STATE.global_seed)
    return int(np.random.SeedSequence().entropy % 2**63)


class DatasetV1(DatasetV2):
    """`tf.compat.v1.data.Dataset`: TF 2's Dataset plus TF 1's output_* properties and
    one-shot iterators."""

    # TF 2.21 logs a deprecation notice on first use of each of these (logs.deprecated_call).
    output_types = property(logs.deprecated_call(
        "DatasetV1.output_types", _DATASET_OPS,
        "Use `tf.compat.v1.data.get_output_types(dataset)`.")(
        lambda self: get_output_types(self)))
    output_shapes = property(logs.deprecated_call(
        "DatasetV1.output_shapes", _DATASET_OPS,
        "Use `tf.compat.v1.data.get_output_shapes(dataset)`.")(
        lambda self: get_output_shapes(self)))
    output_classes = property(logs.deprecated_call(
        "DatasetV1.output_classes", _DATASET_OPS,
        "Use `tf.compat.v1.data.get_output_classes(dataset)`.")(
        lambda self: get_output_classes(self)))

    @logs.deprecated_call("DatasetV1.make_one_shot_iterator", _DATASET_OPS, (
        "This is a deprecated API that should only be used in TF 1 graph mode and legacy TF 2 "
        "graph mode available through `tf.compat.v1`. In all other situations -- namely, eager "
        "mode and inside `tf.function` -- you can consume dataset elements using `for elem in "
        "dataset: ...` or by explicitly creating iterator via `iterator = iter(dataset)` and "
        "fetching its elements via `values = next(iterator)`. Furthermore, this API is not "
        "available in TF 2. During the transition from TF 1 to TF 2 you can use "
        "`tf.compat.v1.data.make_one_shot_iterator(dataset)` to create a TF 1 graph mode style "
        "iterator for a dataset created through TF 2 APIs. Note that this should be a transient "
        "state of your code base as there are in general no guarantees about the "
        "interoperability of TF 1 and TF 2 code."))
    def make_one_shot_iterator(self):
        return OwnedIterator(self)


export_value(DatasetV2, ("data.Dataset",), ())
export_value(DatasetV1, (), ("data.Dataset",))


@export(v1=("data.get_output_types",))
def get_output_types(dataset_or_iterator):
    return st.map_structure(lambda s: s.dtype, dataset_or_iterator.element_spec)


@export(v1=("data.get_output_shapes",))
def get_output_shapes(dataset_or_iterator):
    return st.map_structure(lambda s: s.shape, dataset_or_iterator.element_spec)


@export(v1=("data.get_output_classes",))
def get_output_classes(dataset_or_iterator):
    return st.map_structure(lambda s: Tensor, dataset_or_iterator.element_spec)


@export(v1=("data.make_one_shot_iterator",))
def make_one_shot_iterator(dataset):
    return OwnedIterator(dataset)
