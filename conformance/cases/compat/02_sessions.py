import tensorflow as tf
tf.enable_eager_execution()

config = tf.ConfigProto(allow_soft_placement=True, log_device_placement=False)
config.gpu_options.allow_growth = True
sess = tf.Session(config=config)
print(type(sess).__name__)
sess.close()
sess.close()
try:
    sess.run(tf.constant(1))
except RuntimeError as e:
    print("RuntimeError:", e)
with tf.Session() as s:
    print(type(s).__name__, s is not None)
with tf.Session(config=tf.ConfigProto()) as s:
    pass
try:
    s.run(tf.constant(1))
except RuntimeError as e:
    print("RuntimeError:", e)
isess = tf.InteractiveSession()
print(type(isess).__name__)
isess.close()
try:
    isess.run(tf.constant(1))
except RuntimeError as e:
    print("RuntimeError:", e)
print(tf.executing_eagerly())
