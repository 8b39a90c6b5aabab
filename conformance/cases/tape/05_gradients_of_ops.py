import tensorflow as tf
tf.enable_eager_execution()

x = tf.Variable([0.5, 1.0, 2.0])
def grad(f):
    with tf.GradientTape() as tape:
        y = f(x)
    return tf.convert_to_tensor(tape.gradient(y, x)).numpy()

print(grad(lambda t: tf.reduce_sum(tf.square(t))))
print(grad(lambda t: tf.reduce_mean(t)))
print(grad(lambda t: tf.reduce_max(t)))
print(grad(lambda t: tf.reduce_prod(t)))
print(grad(lambda t: tf.sqrt(t)))
print(grad(lambda t: tf.abs(t - 1.0)))
print(grad(lambda t: tf.maximum(t, 1.0)))
print(grad(lambda t: tf.where(t > 0.8, t * t, -t)))
print(grad(lambda t: tf.reduce_sum(tf.gather(t, [0, 0, 2]))))
print(grad(lambda t: tf.concat([t, t * 2.0], axis=0)))
print(grad(lambda t: tf.reshape(t, [3, 1]) * tf.constant([[1.0, 2.0]])))
print(grad(lambda t: t / (t + 1.0)))
print(grad(lambda t: tf.nn.relu(t - 1.0)))
print(grad(lambda t: tf.cast(t, tf.float64) * 2.0))

# gradient through a matmul
m = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.matmul(m, m))
print(tape.gradient(y, m))
