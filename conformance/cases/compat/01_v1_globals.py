import logging
import tensorflow as tf
# keep the log quiet: deprecation notice for is_gpu_available
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

print(tf.executing_eagerly())
tf.enable_v2_behavior()
print(tf.executing_eagerly())
print(tf.global_variables(), tf.trainable_variables(), tf.local_variables())
print(tf.global_variables_initializer() is None or True, tf.local_variables_initializer() is None or True)
print(tf.variables_initializer([]) is None or True)
cfg = tf.ConfigProto(allow_soft_placement=True, gpu_options=tf.GPUOptions(allow_growth=True))
print(cfg.allow_soft_placement, cfg.gpu_options.allow_growth)
print(callable(tf.app.run), hasattr(tf.flags, "DEFINE_string"))
print(tf.random.get_seed(None), tf.get_seed(5)[1] is not None)
print(tf.train.create_global_step().numpy())
try:
    tf.reset_default_graph()
    print("reset ok")
except Exception as e:
    print(type(e).__name__)
for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
print(tf.test.is_gpu_available())
