import tensorflow as tf
tf.enable_eager_execution()

# a trainable variable is watched automatically
w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    loss = w * w + 2.0 * w
print(tape.gradient(loss, w))

# constants must be watched by hand
x = tf.constant([1.0, 2.0, 3.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x * x)
print(tape.gradient(y, x))

# unwatched constant gives None
c = tf.constant(2.0)
with tf.GradientTape() as tape:
    z = c * c
print(tape.gradient(z, c))

# gradient with respect to a list and a dict
a = tf.Variable(1.0)
b = tf.Variable(2.0)
with tf.GradientTape() as tape:
    out = a * b + b
grads = tape.gradient(out, [a, b])
print([g.numpy() for g in grads])
with tf.GradientTape() as tape:
    out = a * 3.0 + b * 4.0
d = tape.gradient(out, {"first": a, "second": b})
print(sorted((k, float(v)) for k, v in d.items()))

# watched_variables lists what the tape saw
with tf.GradientTape() as tape:
    out = a * 2.0
print([v.numpy() for v in tape.watched_variables()])

# non-trainable variables are not watched
frozen = tf.Variable(5.0, trainable=False)
with tf.GradientTape() as tape:
    out = frozen * frozen
print(tape.gradient(out, frozen))

# output_gradients scales the result
v = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    out = v * v
print(tape.gradient(out, v, output_gradients=tf.constant([10.0, 100.0])))

# gradient of a non-scalar target sums over it
with tf.GradientTape() as tape:
    out = v * 3.0
print(tape.gradient(out, v))
