import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

all_types = [tf.float16, tf.half, tf.bfloat16, tf.float32, tf.float64, tf.double,
             tf.int8, tf.int16, tf.int32, tf.int64, tf.uint8, tf.uint16, tf.uint32,
             tf.uint64, tf.bool, tf.string, tf.complex64, tf.complex128]
for dt in all_types:
    print(repr(dt), dt.name, dt.is_floating, dt.is_integer, dt.is_complex, dt.size
          if dt != tf.string else "-", dt.is_unsigned if dt.is_integer else "")
print(tf.dtypes.float32 is tf.float32, tf.dtypes.int64 == tf.int64, tf.dtypes.bool)
print(tf.dtypes.float16, tf.dtypes.half, tf.dtypes.bfloat16, tf.dtypes.float64, tf.dtypes.double)
print(tf.dtypes.int8, tf.dtypes.int16, tf.dtypes.int32, tf.dtypes.uint8, tf.dtypes.uint16)
print(tf.dtypes.uint32, tf.dtypes.uint64, tf.dtypes.string, tf.dtypes.complex64,
      tf.dtypes.complex128)
print(tf.as_dtype("float32"), tf.as_dtype(np.int16), tf.dtypes.as_dtype(np.float64))
print(tf.as_dtype(tf.int8), tf.as_dtype("bool"))
print(isinstance(tf.float32, tf.DType), isinstance(tf.int32, tf.dtypes.DType))
print(tf.float32.as_numpy_dtype, tf.int64.as_numpy_dtype, tf.float32.base_dtype)
print(tf.int32.min, tf.int32.max, tf.uint8.max, tf.float16.max, tf.float32.min)
print(tf.float32.real_dtype, tf.complex64.real_dtype, tf.complex128.real_dtype)
print(tf.float32.is_compatible_with(tf.float32), tf.float32.is_compatible_with(tf.int32))
print(tf.float32 == "float32" if False else sorted([str(tf.int8), str(tf.float64)]))
