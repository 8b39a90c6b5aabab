import tensorflow as tf
tf.enable_eager_execution()

print(tf.executing_eagerly())
x = tf.constant([1.0, 2.0])
print(isinstance(x, tf.Tensor), isinstance(tf.Variable(1.0), tf.Tensor))
with tf.device("/cpu:0"):
    y = x * 2.0
print(y)
with tf.compat.v2.device("/CPU:0"):
    print(x + 1.0)
print(tf.newaxis is None)
print(tf.identity(x).numpy())
print([d.device_type for d in tf.config.list_physical_devices("CPU")])
print(len(tf.config.list_logical_devices("CPU")) >= 1)
print(tf.config.experimental.list_physical_devices("GPU"))
print(tf.test.is_built_with_cuda() in (True, False))
print(tf.test.gpu_device_name())
