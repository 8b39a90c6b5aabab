"""Record tests/golden/core.json from real TensorFlow (the oracle). Never run by the tests.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record_core.py

Each case is Python source over `tf` and `np` (see core_eval.py): its last expression, or the
exception it raises, is encoded and stored. tests/test_{dtypes,tensor,ops,variable,errors}.py run
the same source with `import tfcompat as tf` and compare. Options per case: `rtol` (floats may
differ by that relative amount; transcendental kernels differ in the last ulp between Eigen and
XLA) and `first_line` (compare only the first line of an exception message, for messages that
list TF's kernel registrations).
"""

import json
import os
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf

sys.path.insert(0, str(Path(__file__).parent))
from core_eval import evaluate  # noqa: E402
from optimizer_cases import CASES as OPTIMIZER_CASES  # noqa: E402
from tape_cases import CASES as TAPE_CASES  # noqa: E402

DTYPES = ["float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
          "uint8", "bool", "complex64", "string"]
ATTRS = ["name", "repr({})", "str({})", "as_numpy_dtype", "is_floating", "is_integer",
         "is_complex", "is_bool", "is_unsigned", "size", "min", "max", "as_datatype_enum",
         "real_dtype", "base_dtype"]


def _dtype_cases():
    cases = []
    for d in DTYPES:
        for a in ATTRS:
            src = a.format(f"tf.{d}") if "{}" in a else f"tf.{d}.{a}"
            cases.append((f"{d}.{a.replace('({})', '')}", src))
    cases += [
        ("as_dtype_str", "tf.as_dtype('float32')"),
        ("as_dtype_double", "tf.as_dtype('double')"),
        ("as_dtype_half", "tf.as_dtype('half')"),
        ("as_dtype_np_type", "tf.as_dtype(np.float32)"),
        ("as_dtype_np_int64", "tf.as_dtype(np.int64)"),
        ("as_dtype_np_dtype", "tf.as_dtype(np.dtype('int16'))"),
        ("as_dtype_np_bool", "tf.as_dtype(np.bool_)"),
        ("as_dtype_np_complex", "tf.as_dtype(np.complex128)"),
        ("as_dtype_dtype", "tf.as_dtype(tf.int8)"),
        ("as_dtype_py_float", "tf.as_dtype(float)"),
        ("as_dtype_py_bool", "tf.as_dtype(bool)"),
        ("as_dtype_np_str", "tf.as_dtype(np.str_)"),
        ("as_dtype_bad_str", "tf.as_dtype('foo')"),
        ("as_dtype_bad_obj", "tf.as_dtype([1])"),
        ("eq_str", "tf.float32 == 'float32'"),
        ("eq_str_other", "tf.float32 == 'float64'"),
        ("eq_np_type", "tf.float32 == np.float32"),
        ("eq_np_dtype", "tf.int64 == np.dtype('int64')"),
        ("eq_dtype", "tf.float32 == tf.as_dtype('float32')"),
        ("ne_dtype", "tf.float32 != tf.float64"),
        ("ne_str", "tf.int32 != 'int32'"),
        ("eq_int", "tf.float32 == 1"),
        ("eq_none", "tf.float32 == None"),
        ("eq_bad_str", "tf.float32 == 'nonsense'"),
        ("double_is_float64", "tf.double is tf.float64"),
        ("half_is_float16", "tf.half is tf.float16"),
        ("dtypes_namespace", "tf.dtypes.float32 is tf.float32"),
        ("hash_equal", "hash(tf.float32) == hash(tf.as_dtype('float32'))"),
        ("dict_key", "{tf.float32: 1, tf.int32: 2}[tf.as_dtype('int32')]"),
        ("is_compatible", "(tf.float32.is_compatible_with(tf.float32),"
                          " tf.float32.is_compatible_with(tf.float64))"),
        ("dtype_of_tensor", "tf.constant(1.0).dtype"),
        # float64 / int64 are really 64-bit.
        ("int64_2p40", "tf.constant(2**40)"),
        ("int64_2p40_item", "tf.constant(2**40).numpy().item() == 2**40"),
        ("int64_max", "tf.constant(2**63 - 1)"),
        ("int64_min", "tf.constant(-2**63)"),
        ("int64_too_big", "tf.constant(2**63)"),
        ("int32_edge_hi", "tf.constant(2**31 - 1)"),
        ("int32_edge_over", "tf.constant(2**31)"),
        ("int32_edge_lo", "tf.constant(-2**31)"),
        ("int32_edge_under", "tf.constant(-2**31 - 1)"),
        ("int64_list", "tf.constant([1, 2**40])"),
        ("int64_arith", "tf.constant(2**40) * 3 + 1"),
        ("int64_sum", "tf.reduce_sum(tf.constant([2**40, 2**40]))"),
        ("float64_third", "tf.constant(np.float64(1 / 3))"),
        ("float64_third_item", "tf.constant(np.float64(1 / 3)).numpy().item() == 1 / 3"),
        ("float64_dtype_arg", "tf.constant(1 / 3, dtype=tf.float64).numpy().item()"),
        ("float32_third", "tf.constant(1 / 3).numpy().item()"),
        ("float64_big", "tf.constant(1e300, tf.float64) * 10.0"),
        ("float64_tiny", "tf.constant(1e-310, tf.float64)"),
        ("float64_add", "tf.constant(np.float64(0.1)) + 0.2"),
        ("float32_overflow", "tf.constant(1e300)"),
    ]
    return cases


TENSOR_CASES = [
    # dtype inference
    ("infer_int", "tf.constant(1)"),
    ("infer_float", "tf.constant(1.5)"),
    ("infer_bool", "tf.constant(True)"),
    ("infer_complex", "tf.constant(1 + 2j)"),
    ("infer_str", "tf.constant('hi')"),
    ("infer_bytes", "tf.constant(b'hi')"),
    ("infer_int_list", "tf.constant([1, 2, 3])"),
    ("infer_float_list", "tf.constant([1.0, 2.0])"),
    ("infer_mixed_list", "tf.constant([1, 2.5])"),
    ("infer_mixed_nested", "tf.constant([[1, 2], [3.0, 4]])"),
    ("infer_bool_list", "tf.constant([True, False])"),
    ("infer_str_list", "tf.constant(['a', 'bc'])"),
    ("infer_empty", "tf.constant([])"),
    ("infer_empty_2d", "tf.constant([[]])"),
    ("infer_tuple", "tf.constant((1, 2))"),
    ("infer_np_float64_array", "tf.constant(np.array(1.0))"),
    ("infer_np_float64_vec", "tf.constant(np.array([1.0, 2.0]))"),
    ("infer_np_float32", "tf.constant(np.array([1.0], np.float32))"),
    ("infer_np_arange", "tf.constant(np.arange(3))"),
    ("infer_np_uint8", "tf.constant(np.array([1, 255], np.uint8))"),
    ("infer_np_float16_scalar", "tf.constant(np.float16(1.5))"),
    ("infer_np_float64_scalar", "tf.constant(np.float64(2.5))"),
    ("infer_np_int8_scalar", "tf.constant(np.int8(-3))"),
    ("infer_np_bool", "tf.constant(np.array([True]))"),
    ("infer_list_of_np", "tf.constant([np.float64(1.0), np.float64(2.0)])"),
    ("infer_out_of_int32", "tf.constant(3_000_000_000)"),
    ("infer_out_of_int32_list", "tf.constant([1, 3_000_000_000])"),
    ("infer_out_of_int64", "tf.constant(2**64)"),
    ("infer_out_of_int64_list", "tf.constant([1, 2**64])"),
    ("infer_tensor_list", "tf.constant([tf.constant(1.0), tf.constant(2.0)])",
     {"first_line": True}),
    ("infer_from_tensor", "tf.constant(tf.constant([1, 2]))"),
    # dtype= and shape=
    ("dtype_int_to_float", "tf.constant(1, dtype=tf.float32)"),
    ("dtype_str_name", "tf.constant(1, dtype='float64')"),
    ("dtype_np_type", "tf.constant([1, 2], np.int64)"),
    ("dtype_float16_list", "tf.constant([0.1, 2], tf.float16)"),
    ("dtype_bfloat16", "tf.constant([0.1, 1 / 3], tf.bfloat16)"),
    ("dtype_float_to_int", "tf.constant(1.5, dtype=tf.int32)"),
    ("dtype_float_list_to_int", "tf.constant([1.0, 2.0], dtype=tf.int32)"),
    ("dtype_bool_to_int", "tf.constant(True, dtype=tf.int32)"),
    ("dtype_int_to_bool", "tf.constant(1, dtype=tf.bool)"),
    ("dtype_str_to_float", "tf.constant('a', dtype=tf.float32)"),
    ("dtype_int_to_complex", "tf.constant(1, dtype=tf.complex64)"),
    ("dtype_wrap_int8", "tf.constant(200, dtype=tf.int8)"),
    ("dtype_wrap_uint8_neg", "tf.constant(-1, dtype=tf.uint8)"),
    ("dtype_np_float_to_int", "tf.constant(np.array([1.7, -1.7]), dtype=tf.int32)"),
    ("dtype_tensor_mismatch", "tf.constant(tf.constant(1.0), dtype=tf.int32)"),
    ("dtype_tensor_same", "tf.constant(tf.constant(1.0), dtype=tf.float32)"),
    ("dtype_bad", "tf.constant(1, dtype='nonsense')"),
    ("shape_fill", "tf.constant(0.0, shape=(2, 3))"),
    ("shape_fill_list", "tf.constant([7], shape=[3])"),
    ("shape_reshape", "tf.constant([1, 2, 3, 4], shape=(2, 2))"),
    ("shape_tensorshape", "tf.constant([1, 2, 3, 4], shape=tf.TensorShape([4, 1]))"),
    ("shape_mismatch", "tf.constant([1, 2, 3], shape=(2, 2))"),
    ("non_rectangular", "tf.constant([[1, 2], [3]])"),
    ("non_rectangular_mixed", "tf.constant([1, [2]])"),
    ("none", "tf.constant(None)"),
    ("none_in_list", "tf.constant([1, None])"),
    ("dict", "tf.constant({'a': 1})"),
    ("object", "class A:\n    def __repr__(self):\n        return 'A()'\ntf.constant(A())"),
    ("mixed_scalar_then_list", "tf.constant([[1], 2])"),
    ("mixed_str_int", "tf.constant(['a', 1])"),
    ("mixed_float_str", "tf.constant([1.0, 'a'])"),
    ("mixed_bool_int", "tf.constant([True, 1])"),
    ("mixed_int_bool", "tf.constant([1, True])"),
    ("mixed_bool_float", "tf.constant([True, 1.5])"),
    ("mixed_float_bool", "tf.constant([1.0, True])"),
    ("mixed_int_float_bool", "tf.constant([1, 1.5, True])"),
    ("mixed_complex_int", "tf.constant([1j, 1])"),
    ("mixed_int_complex", "tf.constant([1, 1j])"),
    ("mixed_bytes_str", "tf.constant([b'a', 'b'])"),
    ("mixed_np_f32_int", "tf.constant([np.float32(1), 2])"),
    ("mixed_int_np_f64", "tf.constant([1, np.float64(2.5)])"),
    ("none_alone_in_list", "tf.constant([None])"),
    ("none_after_list", "tf.constant([[1], None])"),
    ("tensor_list_vectors", "tf.constant([tf.constant([1, 2]), tf.constant([3, 4])])",
     {"first_line": True}),
    ("ctt_tensor_list", "tf.convert_to_tensor([tf.constant(1.0), tf.constant(2.0)])"),
    ("ctt_tensor_list_mixed", "tf.convert_to_tensor([tf.constant(1.0), 2.0])"),
    ("dtype_complex_to_float", "tf.constant(1j, tf.float32)"),
    ("dtype_complex_to_double", "tf.constant(1j, tf.float64)"),
    ("dtype_float_to_bool", "tf.constant(1.5, tf.bool)"),
    ("dtype_str_to_half", "tf.constant('a', tf.float16)"),
    ("dtype_str_to_int64", "tf.constant('a', tf.int64)"),
    ("dtype_float_to_uint8", "tf.constant(1.5, tf.uint8)"),
    ("dtype_float_to_bfloat16", "tf.constant(1.5, tf.bfloat16)"),
    ("dtype_int_wraps_int32", "tf.constant(2**31, tf.int32)"),
    ("dtype_int_beyond_int64", "tf.constant([2**70], tf.int64)"),
    ("dtype_big_int_to_float", "tf.constant(2**64, tf.float32)"),
    ("overflow_f32_inferred", "tf.constant(1e39)"),
    ("overflow_f32_negative", "tf.constant(-1e300)"),
    ("overflow_f32_list", "tf.constant([1.0, 1e300])"),
    ("overflow_f32_explicit", "tf.constant(1e300, tf.float32)"),
    ("overflow_f16_explicit", "tf.constant(1e10, tf.float16)"),
    ("overflow_ctt", "tf.convert_to_tensor(1e300)"),
    ("overflow_binary_op", "tf.constant(1.0) * 1e300"),
    ("inf_inferred", "tf.constant(float('inf'))"),
    # convert_to_tensor
    ("ctt_int", "tf.convert_to_tensor(1)"),
    ("ctt_list", "tf.convert_to_tensor([1.0, 2.0])"),
    ("ctt_dtype", "tf.convert_to_tensor(1, dtype=tf.float64)"),
    ("ctt_float_to_int", "tf.convert_to_tensor(1.5, dtype=tf.int32)"),
    ("ctt_tensor_same", "tf.convert_to_tensor(tf.constant(1.0), tf.float32)"),
    ("ctt_tensor_mismatch", "tf.convert_to_tensor(tf.constant(1.0), tf.float64)"),
    ("ctt_tensor_mismatch_vec", "tf.convert_to_tensor(tf.constant([1, 2]), tf.float32)"),
    ("ctt_hint_used", "tf.convert_to_tensor(1, dtype_hint=tf.float32)"),
    ("ctt_hint_ignored", "tf.convert_to_tensor(1.5, dtype_hint=tf.int32)"),
    ("ctt_hint_tensor", "tf.convert_to_tensor(tf.constant(1), dtype_hint=tf.float32)"),
    ("ctt_none", "tf.convert_to_tensor(None)"),
    ("ctt_str_list_mixed", "tf.convert_to_tensor([1, 'a'])"),
    ("ctt_ragged", "tf.convert_to_tensor([[1], [2, 3]])"),
    ("ctt_np", "tf.convert_to_tensor(np.array([1, 2], np.int16))"),
    ("ctt_is_same", "t = tf.constant(1.0)\ntf.convert_to_tensor(t) is t"),
    ("ctt_v1_preferred", "tf.compat.v1.convert_to_tensor(1, preferred_dtype=tf.int64)"),
    # .numpy() types
    ("numpy_f32", "tf.constant(1.5).numpy()"),
    ("numpy_i32", "tf.constant(3).numpy()"),
    ("numpy_i64", "tf.constant(2**40).numpy()"),
    ("numpy_bool", "tf.constant(True).numpy()"),
    ("numpy_str", "tf.constant('hi').numpy()"),
    ("numpy_str_vec", "tf.constant(['a', 'b']).numpy()"),
    ("numpy_vec", "tf.constant([1.0, 2.0]).numpy()"),
    ("numpy_matrix", "tf.constant([[1, 2], [3, 4]]).numpy()"),
    ("numpy_complex", "tf.constant(1 + 2j).numpy()"),
    ("numpy_type", "type(tf.constant([1]).numpy())"),
    ("numpy_scalar_type", "type(tf.constant(1.0).numpy())"),
    ("np_asarray", "np.asarray(tf.constant([1, 2]))"),
    ("np_array_dtype", "np.array(tf.constant([1, 2]), dtype=np.float32)"),
    # Python conversions
    ("float", "float(tf.constant(2.5))"),
    ("float_int", "float(tf.constant(3))"),
    ("float_vec1", "float(tf.constant([2.5]))"),
    ("float_vec", "float(tf.constant([1.0, 2.0]))"),
    ("int", "int(tf.constant(2.7))"),
    ("int_neg", "int(tf.constant(-2.7))"),
    ("int_int64", "int(tf.constant(2**40))"),
    ("int_vec", "int(tf.constant([1, 2]))"),
    ("bool_true", "bool(tf.constant(0.5))"),
    ("bool_false", "bool(tf.constant(0))"),
    ("bool_vec1", "bool(tf.constant([1]))"),
    ("bool_vec", "bool(tf.constant([1, 2]))"),
    ("bool_empty", "bool(tf.constant([]))"),
    ("if_tensor", "'yes' if tf.constant(True) else 'no'"),
    ("len_vec", "len(tf.constant([1, 2, 3]))"),
    ("len_matrix", "len(tf.constant([[1, 2, 3]]))"),
    ("len_scalar", "len(tf.constant(1))"),
    ("hash", "hash(tf.constant(1))"),
    ("set", "{tf.constant(1)}"),
    ("ref", "t = tf.constant(1)\nlen({t.ref(), t.ref(), tf.constant(1).ref()})"),
    ("deref", "t = tf.constant(1)\nt.ref().deref() is t"),
    ("format", "format(tf.constant(1.23456), '.3f')"),
    ("fstring_int", "f'{tf.constant(7):04d}'"),
    ("index", "[10, 20, 30][tf.constant(1)]"),
    ("index_float", "[10, 20, 30][tf.constant(1.0)]"),
    ("range", "list(range(tf.constant(3)))"),
    ("iter", "list(tf.constant([1, 2]))"),
    ("iter_scalar", "list(tf.constant(1))"),
    ("unpack", "a, b = tf.constant([[1, 2], [3, 4]])\nb"),
    ("complex_conv", "complex(tf.constant(1 + 2j))"),
    ("name_eager", "tf.constant(1).name"),
    ("ndim", "tf.constant([[1, 2]]).ndim"),
    ("device", "tf.constant(1).device"),
    # shapes
    ("shape_scalar", "tf.constant(1).shape"),
    ("shape_str_scalar", "str(tf.constant(1).shape)"),
    ("shape_repr_scalar", "repr(tf.constant(1).shape)"),
    ("shape_str_vec", "str(tf.constant([1, 2]).shape)"),
    ("shape_repr_vec", "repr(tf.constant([1, 2]).shape)"),
    ("shape_str_matrix", "str(tf.constant([[1, 2, 3], [4, 5, 6]]).shape)"),
    ("shape_repr_matrix", "repr(tf.constant([[1, 2, 3], [4, 5, 6]]).shape)"),
    ("shape_eq_tuple", "tf.constant([[1, 2, 3]]).shape == (1, 3)"),
    ("shape_eq_list", "tf.constant([[1, 2, 3]]).shape == [1, 3]"),
    ("shape_ne_tuple", "tf.constant([[1, 2, 3]]).shape != (3, 1)"),
    ("shape_eq_shape", "tf.constant([1]).shape == tf.TensorShape([1])"),
    ("shape_eq_scalar_tuple", "tf.constant(1).shape == ()"),
    ("shape_as_list", "tf.constant([[1, 2, 3]]).shape.as_list()"),
    ("shape_rank", "tf.constant([[1, 2, 3]]).shape.rank"),
    ("shape_ndims", "tf.constant(1).shape.ndims"),
    ("shape_num_elements", "tf.constant([[1, 2, 3]]).shape.num_elements()"),
    ("shape_index", "tf.constant([[1, 2, 3]]).shape[1]"),
    ("shape_index_type", "type(tf.constant([[1, 2, 3]]).shape[1])"),
    ("shape_slice", "tf.constant([[[1, 2, 3]]]).shape[1:]"),
    ("shape_len", "len(tf.constant([[1, 2, 3]]).shape)"),
    ("shape_tuple", "tuple(tf.constant([[1, 2, 3]]).shape)"),
    ("shape_get_shape", "tf.constant([[1, 2, 3]]).get_shape()"),
    ("shape_fully_defined", "tf.constant([1]).shape.is_fully_defined()"),
    ("tensorshape_none_dim_str", "str(tf.TensorShape([None, 3]))"),
    ("tensorshape_none_dim_repr", "repr(tf.TensorShape([None, 3]))"),
    ("tensorshape_unknown_str", "str(tf.TensorShape(None))"),
    ("tensorshape_unknown_repr", "repr(tf.TensorShape(None))"),
    ("tensorshape_unknown_rank", "tf.TensorShape(None).rank"),
    ("tensorshape_unknown_as_list", "tf.TensorShape(None).as_list()"),
    ("tensorshape_partial_elements", "tf.TensorShape([None, 3]).num_elements()"),
    ("tensorshape_compatible", "tf.TensorShape([None, 3]).is_compatible_with([2, 3])"),
    ("tensorshape_as_list_none", "tf.TensorShape([None, 3]).as_list()"),
    # str / repr (printing.py formats the values)
    ("str_f32", "str(tf.constant(1.5))"),
    ("repr_f32", "repr(tf.constant(1.5))"),
    ("str_f32_long", "str(tf.constant(0.999998569))"),
    ("repr_f32_long", "repr(tf.constant(0.999998569))"),
    ("str_f64", "str(tf.constant(np.float64(1 / 3)))"),
    ("repr_f64", "repr(tf.constant(np.float64(1 / 3)))"),
    ("str_int", "str(tf.constant(3))"),
    ("repr_int", "repr(tf.constant(3))"),
    ("repr_int64", "repr(tf.constant(2**40))"),
    ("str_bool", "str(tf.constant(True))"),
    ("repr_bool", "repr(tf.constant(False))"),
    ("str_vec", "str(tf.constant([1.0, 2.5]))"),
    ("repr_vec", "repr(tf.constant([1.0, 2.5]))"),
    ("str_int_vec", "str(tf.constant([1, 2, 3]))"),
    ("repr_int_vec", "repr(tf.constant([1, 2, 3]))"),
    ("repr_int64_vec", "repr(tf.constant(np.arange(3)))"),
    ("str_bool_vec", "str(tf.constant([True, False]))"),
    ("repr_bool_vec", "repr(tf.constant([True, False]))"),
    ("str_matrix", "str(tf.constant([[1, 2], [3, 4]]))"),
    ("repr_matrix", "repr(tf.constant([[1, 2], [3, 4]]))"),
    ("str_f_matrix", "str(tf.constant([[1.0, 2.0], [3.0, 4.5]]))"),
    ("repr_f_matrix", "repr(tf.constant([[1.0, 2.0], [3.0, 4.5]]))"),
    ("repr_f64_vec", "repr(tf.constant(np.array([0.5, 1.0])))"),
    ("str_string", "str(tf.constant('hi'))"),
    ("repr_string", "repr(tf.constant('hi'))"),
    ("repr_empty", "repr(tf.constant([]))"),
]


def _binary(name, a, b, ops):
    return [(f"{name}{sym}", f"{a} {op} {b}") for sym, op in ops]


ALL_OPS = [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"),
           ("mod", "%"), ("pow", "**"), ("lt", "<"), ("le", "<="), ("gt", ">"), ("ge", ">="),
           ("eq", "=="), ("ne", "!=")]

F = "tf.constant([1.5, -2.0, 3.0])"
G = "tf.constant([0.5, 4.0, -3.0])"
IA = "tf.constant([7, -7, 6])"
IB = "tf.constant([2, 2, -4])"
BA = "tf.constant([True, True, False])"
BB = "tf.constant([True, False, False])"
M = "tf.constant([[1.0, 2.0], [3.0, 4.0]])"
FV = "tf.Variable([1.5, -2.0, 3.0])"
IV = "tf.Variable([7, -7, 6])"


def _tape(src_fn, x, y=None):
    """A gradient case: d src_fn(x[, y]) at the given points, recorded with a GradientTape."""
    if y is None:
        return (f"x = tf.constant({x})\nwith tf.GradientTape() as g:\n    g.watch(x)\n"
                f"    z = {src_fn}\ng.gradient(z, x)")
    return (f"x = tf.constant({x})\ny = tf.constant({y})\nwith tf.GradientTape() as g:\n"
            f"    g.watch([x, y])\n    z = {src_fn}\ng.gradient(z, [x, y])")


OPS_CASES = (
    # no promotion between tensors
    [("tt_f32_i32", "tf.constant(1.0) + tf.constant(1)"),
     ("tt_i32_f32", "tf.constant(1) + tf.constant(1.0)"),
     ("tt_f32_f64", "tf.constant(1.0) + tf.constant(np.float64(1))"),
     ("tt_i32_i64", "tf.constant(1) * tf.constant(2**40)"),
     ("tt_sub_mismatch", "tf.constant(1.0) - tf.constant(1)"),
     ("tt_mul_mismatch", "tf.constant(1.0) * tf.constant(1)"),
     ("tt_div_mismatch", "tf.constant(1.0) / tf.constant(1)"),
     ("tt_lt_mismatch", "tf.constant(1.0) < tf.constant(1)"),
     ("tt_eq_mismatch", "tf.constant(1.0) == tf.constant(1)"),
     ("tt_ne_mismatch", "tf.constant(1.0) != tf.constant(1)"),
     ("tt_matmul_mismatch", f"tf.matmul({M}, tf.constant([[1.0], [2.0]], tf.float64))"),
     ("tt_maximum_mismatch", "tf.maximum(tf.constant(1.0), tf.constant(2))"),
     ("tt_pow_mismatch", "tf.constant(2.0) ** tf.constant(2)"),
     ("tt_add_func", "tf.add(1, 2.0)"),
     ("tt_add_func_f", "tf.add(1.0, 2)"),
     ("tt_bool_add", "tf.constant(True) + tf.constant(False)", {"first_line": True}),
     ("tt_string_add", "tf.constant('a') + tf.constant('b')"),
     # Python / NumPy scalars take the tensor's dtype
     ("py_int_f32", "tf.constant(1.5) + 1"),
     ("py_int_f32_r", "1 + tf.constant(1.5)"),
     ("py_float_f64", "tf.constant(np.float64(1.0)) * 0.1"),
     ("py_bool_f32", "tf.constant(1.0) + True"),
     ("py_float_i32_add", "tf.constant(1) + 1.5"),
     ("py_float_i32_radd", "1.5 + tf.constant(1)"),
     ("py_float_i32_tfadd", "tf.add(tf.constant(1), 1.5)"),
     ("py_float_i32_sub", "tf.constant(1) - 1.5"),
     ("py_float_i32_mul", "tf.constant(1) * 1.5"),
     ("py_float_i32_rmul", "1.5 * tf.constant(1)"),
     ("py_float_i32_floordiv", "tf.constant(3) // 1.5"),
     ("py_float_i32_pow", "tf.constant(3) ** 1.5"),
     ("py_float_i32_lt", "tf.constant(3) < 1.5"),
     ("py_float_i32_eq", "tf.constant(3) == 1.5"),
     ("py_float_i32_tfmul", "tf.multiply(tf.constant(1), 1.5)"),
     ("py_float_i32_tfmax", "tf.maximum(tf.constant(1), 1.5)"),
     ("py_float_i32_tfpow", "tf.pow(tf.constant(2), 0.5)"),
     ("py_float_i32_div", "tf.constant(3) / 1.5"),
     ("py_float_i32_rdiv", "1.5 / tf.constant(3)"),
     ("py_big_int_i32", "tf.constant(1) + 2**40"),
     ("py_int_i32_div", "tf.constant(3) / 2"),
     ("np_f32_i32", "tf.constant(2) + np.float32(1.5)"),
     ("np_f32_i32_r", "np.float32(1.5) + tf.constant(2)"),
     ("np_f64_f32", "tf.constant(1.0) + np.float64(0.1)"),
     ("np_f64_f32_r", "np.float64(0.1) * tf.constant(3.0)"),
     ("np_array_f32", "tf.constant([1.0, 2.0]) + np.array([0.1, 0.2])"),
     ("np_array_f32_r", "np.array([0.1, 0.2]) + tf.constant([1.0, 2.0])"),
     ("np_int_f32", "tf.constant(1.5) * np.int64(2)"),
     ("list_f32", "tf.constant([1.0, 2.0]) + [1, 2]"),
     ("list_r_f32", "[1, 2] * tf.constant([1.0, 2.0])"),
     # division
     ("div_i32", "tf.constant(7) / tf.constant(2)"),
     ("div_i64", "tf.constant(7, tf.int64) / tf.constant(2, tf.int64)"),
     ("div_i8", "tf.constant(7, tf.int8) / tf.constant(2, tf.int8)"),
     ("div_i16", "tf.constant(7, tf.int16) / tf.constant(2, tf.int16)"),
     ("div_u8", "tf.constant(7, tf.uint8) / tf.constant(2, tf.uint8)"),
     ("div_f16", "tf.constant(7, tf.float16) / tf.constant(2, tf.float16)"),
     ("div_i32_zero", "tf.constant([1, 0, -1]) / tf.constant(0)"),
     ("div_f32_zero", "tf.constant([1.0, 0.0, -1.0]) / 0.0"),
     ("tf_divide_i32", "tf.divide(tf.constant(7), 2)"),
     ("tf_truediv_i32", "tf.math.truediv(7, 2)"),
     ("floordiv_neg", f"{IA} // {IB}"),
     ("mod_neg", f"{IA} % {IB}"),
     ("floordiv_f", f"{F} // {G}"),
     ("mod_f", f"{F} % {G}"),
     ("floordiv_zero", "tf.constant(1) // tf.constant(0)"),
     ("floordiv_zero_vec", "tf.constant([4, 5]) // tf.constant([2, 0])"),
     ("mod_zero", "tf.constant(1) % 0"),
     ("floordiv_f_zero", "tf.constant(1.0) // 0.0"),
     ("tf_floordiv", "tf.math.floordiv(-7, 2)"),
     ("tf_floormod", "tf.math.floormod(-7, 2)"),
     ("tf_mod", "tf.math.mod(7, -2)"),
     # shapes
     ("shape_mismatch_add", "tf.constant([[1, 2, 3], [4, 5, 6]]) + tf.constant([1, 2, 3, 4])"),
     ("shape_mismatch_mul", "tf.constant([1.0, 2.0]) * tf.constant([1.0, 2.0, 3.0])"),
     ("shape_mismatch_sub", "tf.constant([1.0, 2.0]) - tf.constant([1.0, 2.0, 3.0])"),
     ("shape_mismatch_lt", "tf.constant([1.0, 2.0]) < tf.constant([1.0, 2.0, 3.0])"),
     ("broadcast_ok", "tf.constant([[1], [2]]) + tf.constant([10, 20, 30])"),
     # float-only ops on ints
     ("sqrt_int", "tf.sqrt(tf.constant(4))", {"first_line": True}),
     ("exp_int", "tf.exp(tf.constant(1))", {"first_line": True}),
     ("log_int", "tf.math.log(tf.constant([1, 2]))", {"first_line": True}),
     ("sqrt_py_int", "tf.sqrt(4)", {"first_line": True}),
     ("negative_uint8", "tf.negative(tf.constant(1, tf.uint8))", {"first_line": True}),
     ("abs_bool", "tf.abs(tf.constant(True))", {"first_line": True}),
     ("matmul_int8", "tf.matmul(tf.constant([[1]], tf.int8), tf.constant([[1]], tf.int8))",
      {"first_line": True}),
     # reductions
     ("sum_all", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]))"),
     ("sum_axis0", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]), axis=0)"),
     ("sum_axis1", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]), 1)"),
     ("sum_axis_neg", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]), axis=-1)"),
     ("sum_axis_list", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]), axis=[0, 1])"),
     ("sum_keepdims", "tf.reduce_sum(tf.constant([[1, 2, 3], [4, 5, 6]]), 1, keepdims=True)"),
     ("sum_f32", "tf.reduce_sum(tf.constant([0.1, 0.2, 0.3]))"),
     ("sum_bool", "tf.reduce_sum(tf.constant([True, True]))", {"first_line": True}),
     ("sum_empty", "tf.reduce_sum(tf.constant([]))"),
     ("sum_axis_oob", "tf.reduce_sum(tf.constant([1, 2]), axis=1)"),
     ("sum_py_list", "tf.reduce_sum([1.0, 2.0])"),
     ("sum_v1_keep_dims", "tf.compat.v1.reduce_sum(tf.constant([[1, 2], [3, 4]]), 0,"
                          " keep_dims=True)"),
     ("sum_v1_reduction_indices", "tf.compat.v1.reduce_sum(tf.constant([[1, 2], [3, 4]]),"
                                  " reduction_indices=[1])"),
     ("sum_v1_both", "tf.compat.v1.reduce_sum(tf.constant([[1, 2]]), axis=0,"
                     " reduction_indices=0)"),
     ("mean_all", "tf.reduce_mean(tf.constant([[1.0, 2.0], [3.0, 5.0]]))"),
     ("mean_axis", "tf.reduce_mean(tf.constant([[1.0, 2.0], [3.0, 5.0]]), axis=0)"),
     ("mean_keepdims", "tf.reduce_mean(tf.constant([[1.0, 2.0], [3.0, 5.0]]), 1,"
                       " keepdims=True)"),
     ("mean_int", "tf.reduce_mean(tf.constant([1, 2]))"),
     ("mean_int_neg", "tf.reduce_mean(tf.constant([-1, -2]))"),
     ("mean_int_axis", "tf.reduce_mean(tf.constant([[1, 2], [4, 8]]), axis=1)"),
     ("mean_f64", "tf.reduce_mean(tf.constant(np.array([0.1, 0.2, 0.4])))"),
     ("mean_v1_keep_dims", "tf.compat.v1.reduce_mean(tf.constant([[1.0, 2.0]]), 1,"
                           " keep_dims=True)"),
     ("mean_v1_reduction_indices", "tf.compat.v1.reduce_mean(tf.constant([[1.0, 2.0],"
                                   " [3.0, 4.0]]), reduction_indices=0)"),
     ("mean_empty", "tf.reduce_mean(tf.constant([]))"),
     # matmul
     ("matmul", f"tf.matmul({M}, {M})"),
     ("matmul_ta", f"tf.matmul({M}, {M}, transpose_a=True)"),
     ("matmul_tb", f"tf.matmul({M}, {M}, transpose_b=True)"),
     ("matmul_tab", f"tf.matmul({M}, {M}, transpose_a=True, transpose_b=True)"),
     ("matmul_int", "tf.matmul(tf.constant([[1, 2]]), tf.constant([[3], [4]]))"),
     ("matmul_op", f"{M} @ {M}"),
     ("matmul_rect", "tf.matmul(tf.constant([[1.0, 2.0, 3.0]]),"
                     " tf.constant([[1.0], [2.0], [3.0]]))"),
     ("matmul_batch", "tf.matmul(tf.constant(np.arange(8.0).reshape(2, 2, 2), tf.float32),"
                      f" {M})"),
     ("matmul_shape_error", "tf.matmul(tf.constant([[1.0, 2.0]]), tf.constant([[1.0, 2.0]]))"),
     ("matmul_vector_error", "tf.matmul(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0]))"),
     ("matmul_rank_error", f"tf.matmul(tf.constant([1.0, 2.0]), {M})"),
     ("matmul_py", "tf.matmul([[1.0, 2.0]], [[3.0], [4.0]])"),
     ("matmul_linalg", f"tf.linalg.matmul({M}, {M})"),
     # reshape
     ("reshape", "tf.reshape(tf.constant([1, 2, 3, 4, 5, 6]), [2, 3])"),
     ("reshape_infer", "tf.reshape(tf.constant([1, 2, 3, 4, 5, 6]), [-1, 2])"),
     ("reshape_flat", "tf.reshape(tf.constant([[1, 2], [3, 4]]), [-1])"),
     ("reshape_scalar", "tf.reshape(tf.constant([5]), [])"),
     ("reshape_tuple", "tf.reshape(tf.constant([1, 2, 3, 4]), (2, 2))"),
     ("reshape_tensor_shape", "tf.reshape(tf.constant([1, 2, 3, 4]), tf.constant([4, 1]))"),
     ("reshape_error", "tf.reshape(tf.constant([1, 2, 3, 4, 5, 6]), [4, 2])"),
     ("reshape_infer_error", "tf.reshape(tf.constant([1, 2, 3, 4, 5, 6]), [-1, 4])"),
     ("reshape_two_infer", "tf.reshape(tf.constant([1, 2, 3, 4]), [-1, -1])"),
     # cast
     ("cast_f_to_i", "tf.cast(tf.constant([1.7, -1.7, 2.5, -0.5]), tf.int32)"),
     ("cast_i_to_f", "tf.cast(tf.constant([1, 2]), tf.float32)"),
     ("cast_to_bool", "tf.cast(tf.constant([0.0, 0.5, -2.0]), tf.bool)"),
     ("cast_bool_to_f", "tf.cast(tf.constant([True, False]), tf.float32)"),
     ("cast_f64_to_f32", "tf.cast(tf.constant(np.float64(1 / 3)), tf.float32)"),
     ("cast_str_name", "tf.cast(tf.constant(3), 'float64')"),
     ("cast_py", "tf.cast(1.9, tf.int64)"),
     ("cast_i_to_u8", "tf.cast(tf.constant([-1, 256, 300]), tf.uint8)"),
     ("cast_same", "tf.cast(tf.constant([1.0]), tf.float32)"),
     ("cast_complex", "tf.cast(tf.constant(1 + 2j), tf.float32)"),
     ("cast_string", "tf.cast(tf.constant('1'), tf.float32)"),
     ("dtypes_cast", "tf.dtypes.cast(tf.constant([1.5]), tf.int32)"),
     # identity
     ("identity", "tf.identity(tf.constant([1, 2]))"),
     ("identity_py", "tf.identity(1.5)"),
     ("identity_var", "tf.identity(tf.Variable(2.0))"),
     # pow
     ("pow_f", "tf.pow(tf.constant([2.0, 3.0]), 2.0)"),
     ("pow_i", "tf.pow(tf.constant([2, 3]), 3)"),
     ("pow_i_neg", "tf.pow(tf.constant(2), -1)"),
     ("pow_i_neg_op", "tf.constant([2, 3]) ** tf.constant([1, -2])"),
     ("pow_i_zero", "tf.constant([0, 2]) ** 0"),
     ("pow_f_neg", "tf.constant([2.0, 4.0]) ** -1"),
     ("pow_f_half", "tf.constant([4.0, 9.0]) ** 0.5"),
     ("pow_rpow", "2 ** tf.constant([1, 2, 3])"),
     ("pow_rpow_f", "2.0 ** tf.constant([1.0, 0.5])"),
     # max / min / elementwise unary
     ("maximum", f"tf.maximum({F}, {G})"),
     ("minimum", f"tf.minimum({F}, {G})"),
     ("maximum_int", f"tf.maximum({IA}, {IB})"),
     ("maximum_bcast", "tf.maximum(tf.constant([[1.0], [3.0]]), tf.constant([2.0, 0.0]))"),
     ("maximum_py", "tf.maximum(tf.constant([1.0, 3.0]), 2)"),
     ("minimum_py_both", "tf.minimum(1, 2)"),
     ("abs_f", f"tf.abs({F})"),
     ("abs_i", f"tf.abs({IA})"),
     ("abs_i8_min", "tf.abs(tf.constant(-128, tf.int8))"),
     ("abs_complex", "tf.abs(tf.constant(3 + 4j))"),
     ("abs_op", f"abs({F})"),
     ("negative", f"tf.negative({F})"),
     ("negative_i", f"tf.negative({IA})"),
     ("neg_op", f"-{IA}"),
     ("square", f"tf.square({F})"),
     ("square_i", f"tf.square({IA})"),
     ("sqrt", "tf.sqrt(tf.constant([4.0, 2.0, 0.0]))"),
     ("sqrt_neg", "tf.sqrt(tf.constant(-1.0))"),
     ("sqrt_f64", "tf.sqrt(tf.constant(np.array([2.0])))"),
     ("exp", "tf.exp(tf.constant([0.0, 1.0, -1.0, 10.0]))", {"rtol": 1e-6}),
     ("exp_f64", "tf.exp(tf.constant(np.array([0.0, 1.0, -1.0])))", {"rtol": 1e-15}),
     ("exp_overflow", "tf.exp(tf.constant(100.0))"),
     ("log", "tf.math.log(tf.constant([1.0, 2.0, 10.0]))", {"rtol": 1e-6}),
     ("log_zero", "tf.math.log(tf.constant([0.0, -1.0]))"),
     ("log_v1", "tf.compat.v1.log(tf.constant(1.0))"),
     ("log_f64", "tf.math.log(tf.constant(np.array([2.0])))", {"rtol": 1e-15}),
     # indexing
     ("index_vec", f"{F}[1]"),
     ("index_neg", f"{F}[-1]"),
     ("index_matrix_row", f"{M}[1]"),
     ("index_matrix_col", f"{M}[:, 0]"),
     ("index_matrix_elem", f"{M}[1, 0]"),
     ("index_slice", "tf.constant([1, 2, 3, 4, 5])[1:4]"),
     ("index_step", "tf.constant([1, 2, 3, 4, 5])[::2]"),
     ("index_reverse", "tf.constant([1, 2, 3])[::-1]"),
     ("index_newaxis", "tf.constant([1, 2])[:, None]"),
     ("index_ellipsis", f"{M}[..., 1]"),
     ("index_tensor", f"{F}[tf.constant(2)]"),
     ("index_oob", f"{F}[3]"),
     ("index_oob_neg", f"{F}[-4]"),
     ("index_oob_matrix", f"{M}[:, 2]"),
     ("index_scalar", "tf.constant(1)[0]"),
     ("index_slice_oob", "tf.constant([1, 2, 3])[1:10]"),
     ("index_var", f"{FV}[0]"),
     ("index_var_col", "tf.Variable([[1, 2], [3, 4]])[:, 1]"),
     # logic
     ("and", f"{BA} & {BB}"),
     ("or", f"{BA} | {BB}"),
     ("xor", f"{BA} ^ {BB}"),
     ("invert", f"~{BA}"),
     ("and_py", f"{BA} & True"),
     ("and_int", f"{IA} & {IB}"),
     ("invert_int", f"~{IA}"),
     ("eq_none", f"{F} == None"),
     ("ne_none", f"{F} != None"),
     ("eq_py", f"{IA} == 7"),
     ("eq_shape_mismatch", "tf.constant([1, 2]) == tf.constant([1, 2, 3])"),
     ("tf_equal", f"tf.equal({IA}, {IB})"),
     ("tf_less", f"tf.less({F}, 0)"),
     ("logical_not", f"tf.logical_not({BA})"),
     ("logical_and_int", f"tf.logical_and({IA}, {IB})"),
     ("str_eq", "tf.constant('a') == tf.constant('a')"),
     ("str_ne", "tf.constant(['a', 'b']) != tf.constant('a')"),
     ("str_add_py", "tf.constant(['a', 'b']) + 'c'"),
     ("ne_shape_mismatch", "tf.constant([1, 2]) != tf.constant([1, 2, 3])"),
     ("eq_list_shape_mismatch", "tf.constant([1, 2]) == [1, 2, 3]"),
     ("eq_dtype_mismatch", "tf.constant([1, 2]) == tf.constant(1.0)"),
     ("tf_equal_shape_mismatch", "tf.equal(tf.constant([1, 2]), tf.constant([1, 2, 3]))"),
     ("and_float", "tf.constant([1.0]) & tf.constant([2.0])", {"first_line": True}),
     ("invert_float", "~tf.constant(1.0)", {"first_line": True}),
     ("and_int_py_bool", "tf.constant(1) & True"),
     ("and_bool_py_int", "tf.constant(True) & 1"),
     ("or_bool_py_int", "tf.constant([True]) | 1"),
     ("and_uint8", "tf.constant(1, tf.uint8) & tf.constant(3, tf.uint8)"),
     ("or_int", "tf.constant([5, -1]) | tf.constant([2, 0])"),
     ("xor_int", "tf.constant([5, -1]) ^ tf.constant([3, 1])"),
     ("rand_int", "6 & tf.constant([3, 4])"),
     ("invert_uint8", "~tf.constant([0, 1], tf.uint8)"),
     ("logical_not_int", "tf.logical_not(tf.constant(1))"),
     ("logical_and_py", "tf.logical_and(True, 1)"),
     ("matmul_b_vector", "tf.matmul(tf.constant([[1.0]]), tf.constant([1.0]))"),
     ("index_too_many", "tf.constant([[1.0]])[0, 0, 0]"),
     ("index_slice_too_many", "tf.constant([1.0])[1:2, 0]"),
     ("index_tensor_oob", "tf.constant([1, 2, 3])[tf.constant(5)]"),
     ("index_tensor_row", "tf.constant([[1, 2], [3, 4]])[tf.constant(0)]"),
     ("index_var_oob", "tf.Variable([1, 2])[5]"),
     ("sum_axis_neg_oob", "tf.reduce_sum(tf.constant([1, 2]), axis=-2)"),
     ("mean_axis_oob", "tf.reduce_mean(tf.constant([1, 2]), axis=1)"),
     ("sum_axis_tensor", "tf.reduce_sum(tf.constant([1.0, 2.0]), axis=tf.constant(0))"),
     ("abs_uint8", "tf.abs(tf.constant(1, tf.uint8))", {"first_line": True}),
     ("square_uint8", "tf.square(tf.constant(3, tf.uint8))"),
     ("square_bool", "tf.square(tf.constant(True))", {"first_line": True}),
     ("negative_bool", "tf.negative(tf.constant(True))", {"first_line": True}),
     ("mean_bool", "tf.reduce_mean(tf.constant([True]))", {"first_line": True}),
     ("pow_uint8", "tf.pow(tf.constant(2, tf.uint8), 1)", {"first_line": True}),
     ("maximum_bool", "tf.maximum(tf.constant(True), True)", {"first_line": True}),
     ("mod_bool_mismatch", "tf.constant(1.0) % tf.constant(True)"),
     ("floordiv_py_float_int", "tf.constant(3) // 0.5"),
     ("tf_floordiv_py_float_int", "tf.math.floordiv(tf.constant(3), 0.5)"),
     ("pow_f_neg_tensor", "tf.constant(2.0) ** tf.constant(-1.0)"),
     ("reshape_zero_dim", "tf.reshape(tf.constant([1, 2, 3, 4]), [-1, 0])"),
     ("reshape_empty_infer", "tf.reshape(tf.constant([], tf.int32), [-1, 0])"),
     ("reshape_negative", "tf.reshape(tf.constant([1, 2]), [-2, 1])"),
     ("cast_float_to_string", "tf.cast(tf.constant(1.5), tf.string)"),
     ("cast_string_to_int", "tf.cast(tf.constant('1'), tf.int32)"),
     ("cast_bool_to_string", "tf.cast(tf.constant([True]), tf.string)"),
     # division is exact (XLA's CPU compiler would multiply by a reciprocal)
     ("div_f32_by_scalar", "tf.constant(np.linspace(-5, 5, 101), tf.float32) / 3.1"),
     ("div_f32_by_tensor_scalar", "tf.constant(np.linspace(-5, 5, 101), tf.float32)"
                                  " / tf.constant(0.7)"),
     ("div_f64_by_scalar", "tf.constant(np.linspace(-5, 5, 101)) / 3.1"),
     ("div_int_by_scalar", "tf.constant(np.arange(-50, 51, dtype=np.int32)) / 3"),
     ("div_scalar_by_f32", "1.0 / tf.constant(np.linspace(0.5, 5, 10), tf.float32)"),
     ]
    + _binary("ff_", F, G, ALL_OPS)
    + _binary("ii_", IA, IB, ALL_OPS[:6] + ALL_OPS[7:])
    + _binary("fs_", F, "2", ALL_OPS)
    + _binary("sf_", "2", F, ALL_OPS)
    + _binary("fv_", FV, G, ALL_OPS)
    + _binary("vf_", G, FV, ALL_OPS)
    + _binary("vv_", FV, FV, ALL_OPS)
    + _binary("iv_", IV, "3", ALL_OPS)
    + _binary("vi_", "3", IV, ALL_OPS[:6] + ALL_OPS[7:])
    + [("var_matmul", "tf.Variable([[1.0, 2.0]]) @ tf.Variable([[3.0], [4.0]])"),
       ("var_rmatmul", "tf.constant([[1.0, 2.0]]) @ tf.Variable([[3.0], [4.0]])"),
       ("var_neg", f"-{FV}"),
       ("var_abs", f"abs({FV})"),
       ("var_invert", "~tf.Variable([True, False])"),
       ("var_and", "tf.Variable([True, False]) & tf.Variable([True, True])"),
       ("var_or", "tf.Variable([True, False]) | tf.constant([False, False])"),
       ("var_xor", "tf.constant([True, False]) ^ tf.Variable([True, True])"),
       ("var_mismatch", "tf.Variable(1.0) + tf.constant(1)"),
       ("var_py_float_int", "tf.Variable(1) * 1.5"),
       ("var_np", "tf.Variable(2) + np.float32(1.5)"),
       ("var_div_int", "tf.Variable(7) / 2"),
       ("var_sqrt", "tf.sqrt(tf.Variable(4.0))"),
       ("var_reduce_sum", f"tf.reduce_sum({FV})"),
       ("var_cast", f"tf.cast({FV}, tf.int32)"),
       ("var_reshape", "tf.reshape(tf.Variable([1, 2, 3, 4]), [2, 2])"),
       ("var_maximum", f"tf.maximum({FV}, 0.0)"),
       ("var_pow", f"tf.pow({FV}, 2)"),
       ("var_matmul_fn", "tf.matmul(tf.Variable([[1.0, 2.0]]), [[3.0], [4.0]])"),
       ]
    # gradients at points where TF and JAX conventions differ
    + [("grad_abs_0", _tape("tf.abs(x)", "0.0")),
       ("grad_abs_vec", _tape("tf.abs(x)", "[-2.0, 0.0, 3.0]")),
       ("grad_abs_op", _tape("abs(x)", "[-0.0, 0.0]")),
       ("grad_max_tie", _tape("tf.maximum(x, y)", "1.0", "1.0")),
       ("grad_max_vec", _tape("tf.maximum(x, y)", "[1.0, 2.0, 3.0]", "[2.0, 2.0, 2.0]")),
       ("grad_min_tie", _tape("tf.minimum(x, y)", "1.0", "1.0")),
       ("grad_min_vec", _tape("tf.minimum(x, y)", "[1.0, 2.0, 3.0]", "[2.0, 2.0, 2.0]")),
       ("grad_max_bcast", _tape("tf.maximum(x, y)", "[1.0, 2.0, 3.0]", "2.0")),
       ("grad_min_bcast", _tape("tf.minimum(x, y)", "2.0", "[1.0, 2.0, 3.0]")),
       ("grad_relu_like", _tape("tf.maximum(x, 0.0)", "[-1.0, 0.0, 1.0]")),
       ("grad_sqrt_0", _tape("tf.sqrt(x)", "[0.0, 4.0]")),
       ("grad_pow_0", _tape("x ** 2", "[0.0, 3.0]")),
       ("grad_pow_half_0", _tape("x ** 0.5", "[0.0, 4.0]")),
       ("grad_square", _tape("tf.square(x)", "[-1.5, 2.0]")),
       ("grad_div", _tape("x / y", "[1.0, 2.0]", "[4.0, 8.0]")),
       ("grad_mean", _tape("tf.reduce_mean(x)", "[1.0, 2.0, 3.0, 4.0]")),
       ("grad_div_bcast", _tape("x / y", "[1.0, 2.0, 3.0]", "3.1")),
       ("grad_matmul", _tape("tf.matmul(x, y)", "[[1.0, 2.0]]", "[[3.0], [4.0]]")),
       ("grad_floordiv", _tape("x // y", "[3.0]", "[2.0]")),
       ]
)

VARIABLE_CASES = [
    ("create_float", "tf.Variable(1.0)"),
    ("create_int", "tf.Variable(1)"),
    ("create_bool", "tf.Variable(True)"),
    ("create_list", "tf.Variable([1.0, 2.0])"),
    ("create_np_f64", "tf.Variable(np.array([1.0]))"),
    ("create_np_i64", "tf.Variable(np.arange(3))"),
    ("create_int64", "tf.Variable(2**40)"),
    ("create_tensor", "tf.Variable(tf.constant([[1, 2]]))"),
    ("create_dtype", "tf.Variable(1, dtype=tf.float32)"),
    ("create_dtype_f64", "tf.Variable(0.1, dtype=tf.float64)"),
    ("create_dtype_f64_value", "tf.Variable(0.1, dtype=tf.float64).numpy().item()"),
    ("create_dtype_bad", "tf.Variable(1.5, dtype=tf.int32)"),
    ("create_dtype_tensor_bad", "tf.Variable(tf.constant(1.0), dtype=tf.float64)"),
    ("create_callable", "tf.Variable(lambda: tf.constant([3.0, 4.0]))"),
    ("create_callable_dtype", "tf.Variable(lambda: 3, dtype=tf.float32)"),
    ("create_name", "tf.Variable(1.0, name='x')"),
    ("create_name_scoped", "tf.Variable(1.0, name='a/b')"),
    ("name_default", "tf.Variable(1.0).name"),
    ("name_x", "tf.Variable(1.0, name='x').name"),
    ("name_not_unique", "a = tf.Variable(1.0, name='w')\nb = tf.Variable(2.0, name='w')\n"
                        "(a.name, b.name)"),
    ("trainable_default", "tf.Variable(1.0).trainable"),
    ("trainable_false", "tf.Variable(1.0, trainable=False).trainable"),
    ("create_none", "tf.Variable(None)"),
    ("create_ragged", "tf.Variable([[1], [2, 3]])"),
    ("dtype", "tf.Variable(1.0).dtype"),
    ("shape", "tf.Variable([[1.0, 2.0]]).shape"),
    ("shape_str", "str(tf.Variable([[1.0, 2.0]]).shape)"),
    ("get_shape", "tf.Variable([[1.0, 2.0]]).get_shape()"),
    # repr / str
    ("repr_scalar", "repr(tf.Variable(0.0, name='x'))"),
    ("str_scalar", "str(tf.Variable(0.0, name='x'))"),
    ("repr_default", "repr(tf.Variable(1.5))"),
    ("repr_int", "repr(tf.Variable(3))"),
    ("repr_vec", "repr(tf.Variable([1.0, 2.0], name='v'))"),
    ("repr_matrix", "repr(tf.Variable([[1, 2], [3, 4]]))"),
    ("repr_f64", "repr(tf.Variable(np.array([0.5])))"),
    ("repr_bool", "repr(tf.Variable(True))"),
    # assign
    ("assign", "v = tf.Variable(1.0)\nv.assign(2.0)\nv"),
    ("assign_return", "v = tf.Variable(1.0, name='x')\nv.assign(2.0)"),
    ("assign_return_repr", "v = tf.Variable(1.0, name='x')\nrepr(v.assign(2.0))"),
    ("assign_return_name", "v = tf.Variable(1.0, name='x')\nv.assign(2.0).name"),
    ("assign_read_value_false", "v = tf.Variable(1.0)\nv.assign(2.0, read_value=False)"),
    ("assign_int_to_float", "v = tf.Variable(1.0)\nv.assign(2)\nv"),
    ("assign_np_f64_to_f32", "v = tf.Variable(1.0)\nv.assign(np.float64(0.1))\nv"),
    ("assign_np_array", "v = tf.Variable([1.0, 2.0])\nv.assign(np.array([3, 4]))\nv"),
    ("assign_tensor", "v = tf.Variable([1, 2])\nv.assign(tf.constant([3, 4]))\nv"),
    ("assign_var", "v = tf.Variable(1.0)\nv.assign(tf.Variable(5.0))\nv"),
    ("assign_f64_tensor", "v = tf.Variable(1.0)\nv.assign(tf.constant(np.float64(2.0)))"),
    ("assign_f64_unchanged", "v = tf.Variable(1.0)\ntry:\n    v.assign(tf.constant("
                             "np.float64(2.0)))\nexcept Exception:\n    pass\nv"),
    ("assign_float_to_int", "v = tf.Variable(1)\nv.assign(1.5)"),
    ("assign_int_tensor_to_float", "v = tf.Variable(1.0)\nv.assign(tf.constant(2))"),
    ("assign_shape", "v = tf.Variable(1.0)\nv.assign([1.0, 2.0])"),
    ("assign_shape_named", "v = tf.Variable([1.0, 2.0], name='w')\nv.assign([1.0, 2.0, 3.0])"),
    ("assign_shape_unchanged", "v = tf.Variable(1.0)\ntry:\n    v.assign([1.0, 2.0])\n"
                               "except ValueError:\n    pass\nv"),
    ("assign_shape_matrix", "v = tf.Variable([[1, 2]])\nv.assign([[1], [2]])"),
    ("assign_chain", "v = tf.Variable(1.0)\nv.assign(2.0).assign_add(3.0)\nv"),
    ("assign_returned_reads_later", "v = tf.Variable(1.0)\nr = v.assign(2.0)\nv.assign(7.0)\nr"),
    ("assign_add", "v = tf.Variable(1.0)\nv.assign_add(2.5)\nv"),
    ("assign_add_return", "v = tf.Variable(1.0, name='x')\nrepr(v.assign_add(2.5))"),
    ("assign_add_read_value_false", "v = tf.Variable(1.0)\nv.assign_add(1.0, read_value=False)"),
    ("assign_add_int", "v = tf.Variable([1, 2])\nv.assign_add([10, 20])\nv"),
    ("assign_add_float_to_int", "v = tf.Variable(1)\nv.assign_add(0.5)"),
    ("assign_add_shape", "v = tf.Variable([1.0, 2.0])\nv.assign_add([1.0, 2.0, 3.0])"),
    ("assign_add_broadcast", "v = tf.Variable([1.0, 2.0])\nv.assign_add(1.0)"),
    ("assign_add_mismatch", "v = tf.Variable(1.0)\nv.assign_add(tf.constant(1))"),
    ("assign_sub", "v = tf.Variable(1.0)\nv.assign_sub(0.25)\nv"),
    ("assign_sub_return", "v = tf.Variable(1.0, name='x')\nrepr(v.assign_sub(0.25))"),
    ("assign_sub_read_value_false", "v = tf.Variable(1.0)\nv.assign_sub(1.0, read_value=False)"),
    ("assign_sub_shape", "v = tf.Variable(1.0)\nv.assign_sub([1.0])"),
    # reads
    ("value", "tf.Variable([1.0]).value()"),
    ("read_value", "tf.Variable([1.0]).read_value()"),
    ("numpy", "tf.Variable([1.0]).numpy()"),
    ("numpy_scalar", "tf.Variable(1.0).numpy()"),
    ("convert_to_tensor", "tf.convert_to_tensor(tf.Variable([1, 2]))"),
    ("convert_to_tensor_dtype", "tf.convert_to_tensor(tf.Variable(1.0), tf.float64)"),
    ("convert_to_tensor_dtype_vec", "tf.convert_to_tensor(tf.Variable([1, 2]), tf.float32)"),
    ("convert_to_tensor_same", "tf.convert_to_tensor(tf.Variable(1.0), tf.float32)"),
    ("constant_of_var_dtype", "tf.constant(tf.Variable(1.0), tf.float64)"),
    ("type_name", "type(tf.Variable(1.0)).__name__"),
    ("unread_type_name", "type(tf.Variable(1.0).assign(2.0)).__name__"),
    ("isinstance", "isinstance(tf.Variable(1.0), tf.Variable)"),
    ("assign_add_float_list_to_int", "tf.Variable([1, 2]).assign_add([1.5, 2])"),
    ("assign_add_int_tensor_to_float", "tf.Variable(1.0).assign_add(tf.constant(1, tf.int32))"),
    ("assign_add_unchanged", "v = tf.Variable([1.0, 2.0])\ntry:\n    v.assign_add([1.0, 2.0,"
                             " 3.0])\nexcept tf.errors.InvalidArgumentError:\n    pass\nv"),
    ("constant_of_var", "tf.constant(tf.Variable([1, 2]))"),
    ("identity_snapshot", "v = tf.Variable(1.0)\nt = tf.identity(v)\nv.assign(2.0)\nt"),
    ("read_snapshot", "v = tf.Variable(1.0)\nt = v.read_value()\nv.assign(2.0)\nt"),
    ("float", "float(tf.Variable(2.5))"),
    ("int", "int(tf.Variable(2.5))"),
    ("bool", "bool(tf.Variable(0.0))"),
    ("bool_vec", "bool(tf.Variable([1.0, 2.0]))"),
    ("len", "len(tf.Variable([1, 2, 3]))"),
    ("len_scalar", "len(tf.Variable(1))"),
    ("hash", "hash(tf.Variable(1))"),
    ("index", "[1, 2, 3][tf.Variable(1)]"),
    ("np_asarray", "np.asarray(tf.Variable([1.0, 2.0]))"),
    ("iter", "list(tf.Variable([1, 2]))"),
    ("var_plus_var", "tf.Variable(1.0) + tf.Variable(2.0)"),
    ("var_in_constant_list", "tf.constant([tf.Variable(1.0), tf.Variable(2.0)])"),
    ("var_eq", "tf.Variable([1, 2]) == tf.Variable([1, 3])"),
    ("grad_var", "v = tf.Variable(3.0)\nwith tf.GradientTape() as g:\n    y = v * v\n"
                 "g.gradient(y, v)"),
    ("grad_var_abs_0", "v = tf.Variable(0.0)\nwith tf.GradientTape() as g:\n    y = abs(v)\n"
                       "g.gradient(y, v)"),
]

ERRORS_CASES = [
    ("codes", "[tf.errors.OK, tf.errors.CANCELLED, tf.errors.UNKNOWN, tf.errors.INVALID_ARGUMENT,"
              " tf.errors.DEADLINE_EXCEEDED, tf.errors.NOT_FOUND, tf.errors.ALREADY_EXISTS,"
              " tf.errors.PERMISSION_DENIED, tf.errors.RESOURCE_EXHAUSTED,"
              " tf.errors.FAILED_PRECONDITION, tf.errors.ABORTED, tf.errors.OUT_OF_RANGE,"
              " tf.errors.UNIMPLEMENTED, tf.errors.INTERNAL, tf.errors.UNAVAILABLE,"
              " tf.errors.DATA_LOSS, tf.errors.UNAUTHENTICATED]"),
    ("opError_not_value_error", "issubclass(tf.errors.OpError, ValueError)"),
    ("opError_not_type_error", "issubclass(tf.errors.OpError, TypeError)"),
    ("opError_is_exception", "issubclass(tf.errors.OpError, Exception)"),
    ("opError_bases", "[c.__name__ for c in tf.errors.OpError.__mro__]"),
    ("opError_init", "e = tf.errors.OpError(None, None, 'boom', tf.errors.ABORTED)\n"
                     "(e.message, e.error_code, e.op, e.node_def, str(e), e.args)"),
    ("invalid_argument_init", "e = tf.errors.InvalidArgumentError(None, None, 'bad')\n"
                              "(e.message, e.error_code, e.op, str(e), repr(e), e.args)"),
    ("raise_catch_op_error", "try:\n    raise tf.errors.NotFoundError(None, None, 'nf')\n"
                             "except tf.errors.OpError as e:\n    r = (type(e).__name__,"
                             " e.error_code)\nr"),
    ("raise_not_caught_by_value_error", "try:\n    try:\n        raise"
                                        " tf.errors.InvalidArgumentError(None, None, 'x')\n"
                                        "    except ValueError:\n        r = 'value'\n"
                                        "except tf.errors.OpError:\n    r = 'op'\nr"),
    ("op_not_allowed", "issubclass(tf.errors.OperatorNotAllowedInGraphError, TypeError)"),
    ("v1_errors_same", "tf.compat.v1.errors.InvalidArgumentError is"
                       " tf.errors.InvalidArgumentError"),
    ("op_raises_invalid", "try:\n    tf.constant(1.0) + tf.constant(1)\n"
                          "except tf.errors.InvalidArgumentError as e:\n"
                          "    r = (e.error_code, e.op, e.message == str(e))\nr"),
    ("op_error_caught_as_op_error", "try:\n    tf.constant(1) // 0\n"
                                    "except tf.errors.OpError as e:\n"
                                    "    r = type(e).__name__\nr"),
]
for _name in ["CancelledError", "UnknownError", "InvalidArgumentError", "DeadlineExceededError",
              "NotFoundError", "AlreadyExistsError", "PermissionDeniedError",
              "ResourceExhaustedError", "FailedPreconditionError", "AbortedError",
              "OutOfRangeError", "UnimplementedError", "InternalError", "UnavailableError",
              "DataLossError", "UnauthenticatedError"]:
    ERRORS_CASES.append((f"{_name}", f"e = tf.errors.{_name}(None, None, 'msg {_name}')\n"
                                     f"(e.error_code, e.message, str(e),"
                                     f" isinstance(e, tf.errors.OpError),"
                                     f" tf.errors.{_name}.__bases__[0].__name__,"
                                     f" tf.errors.{_name}.__name__)"))


def _snippets(cases: dict, rtol: float):
    return [(name, src.strip(), {"rtol": rtol}) for name, src in cases.items()]


# Gradients replayed under XLA may round fused or transcendental ops an ulp or so differently
# from TF's op-by-op kernels; optimizer loops accumulate a few ulps. The seed is pinned bit for
# bit in tests/test_tape.py.
SECTIONS = {
    "tape": _snippets(TAPE_CASES, 1e-6),
    "optimizer": _snippets(OPTIMIZER_CASES, 1e-6),
    "dtypes": _dtype_cases(),
    "tensor": TENSOR_CASES,
    "ops": OPS_CASES,
    "variable": VARIABLE_CASES,
    "errors": ERRORS_CASES,
}


def main():
    out = {"tensorflow": tf.__version__, "numpy": np.__version__, "sections": {}}
    for section, cases in SECTIONS.items():
        rows = []
        seen = set()
        for case in cases:
            case_id, src, opts = (*case, {})[:3]
            assert case_id not in seen, case_id
            seen.add(case_id)
            rows.append({"id": case_id, "src": src, "expected": evaluate(tf, src), **opts})
        out["sections"][section] = rows
    path = Path(__file__).parent / "core.json"
    path.write_text(json.dumps(out, indent=1, sort_keys=False) + "\n")
    print(f"wrote {path} ({sum(len(r) for r in out['sections'].values())} cases)")


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    main()
