import tensorflow as tf
tf.enable_eager_execution()

# jacobian with a persistent tape and several sources
a = tf.Variable([1.0, 2.0])
b = tf.Variable(3.0)
with tf.GradientTape(persistent=True) as tape:
    y = a * b
ja, jb = tape.jacobian(y, [a, b])
print(ja)
print(jb)
# unconnected source in jacobian
c = tf.Variable(1.0)
print(tape.jacobian(y, c))
print(tape.jacobian(y, c, unconnected_gradients=tf.UnconnectedGradients.ZERO))
