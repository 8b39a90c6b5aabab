import tensorflow as tf
tf.enable_eager_execution()

x = tf.constant([1.0, 2.0, 3.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
print(tape.jacobian(y, x))

w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as tape:
    y = tf.matmul(w, tf.constant([[1.0], [1.0]]))
j = tape.jacobian(y, w)
print(j.shape)
print(j)

# batch_jacobian: one jacobian per example
xb = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
with tf.GradientTape() as tape:
    tape.watch(xb)
    yb = xb * xb * 0.5
bj = tape.batch_jacobian(yb, xb)
print(bj.shape)
print(bj)
