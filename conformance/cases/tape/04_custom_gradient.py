import tensorflow as tf
tf.enable_eager_execution()

@tf.custom_gradient
def clipped_identity(x):
    def grad(dy):
        return tf.clip_by_value(dy, -0.5, 0.5)
    return tf.identity(x), grad

x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = clipped_identity(x) * 3.0
print(tape.gradient(y, x))

@tf.custom_gradient
def stable_log1pexp(x):
    e = tf.exp(x)
    def grad(dy):
        return dy * (1 - 1 / (1 + e))
    return tf.math.log(1 + e), grad

x = tf.constant(100.0)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = stable_log1pexp(x)
print(y, tape.gradient(y, x))

# two inputs
@tf.custom_gradient
def mul(a, b):
    def grad(dy):
        return dy * b * 2.0, dy * a * 2.0
    return a * b, grad

a = tf.constant(3.0)
b = tf.constant(4.0)
with tf.GradientTape() as tape:
    tape.watch([a, b])
    y = mul(a, b)
print(tape.gradient(y, [a, b]))

# stop_gradient blocks the flow
v = tf.Variable(2.0)
with tf.GradientTape() as tape:
    y = v * tf.stop_gradient(v * 5.0)
print(tape.gradient(y, v))

# UnconnectedGradients
p = tf.Variable(1.0)
q = tf.Variable(2.0)
with tf.GradientTape(persistent=True) as tape:
    y = p * 4.0
print(tape.gradient(y, q))
print(tape.gradient(y, q, unconnected_gradients=tf.UnconnectedGradients.ZERO))
print(tape.gradient(y, q, unconnected_gradients="zero"))
print(tf.UnconnectedGradients.NONE, tf.UnconnectedGradients.ZERO.value)

# integer targets are not differentiable
i = tf.constant(3)
with tf.GradientTape() as tape:
    tape.watch(i)
    y = i * i
print(tape.gradient(y, i))
