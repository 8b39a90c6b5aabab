import tensorflow as tf
tf.enable_eager_execution()

x = tf.constant(3.0)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = x * x
    z = y * y
print(tape.gradient(z, x))
print(tape.gradient(y, x))
del tape

# a non-persistent tape can only be used once
with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
tape.gradient(y, x)
try:
    tape.gradient(y, x)
except RuntimeError as e:
    print("RuntimeError:", e)

# nested tapes give higher derivatives
x = tf.Variable(2.0)
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        y = x * x * x
    dy = inner.gradient(y, x)
d2y = outer.gradient(dy, x)
print(dy.numpy(), d2y.numpy())

# third derivative with three tapes
with tf.GradientTape() as t3:
    with tf.GradientTape() as t2:
        with tf.GradientTape() as t1:
            y = x ** 4
        g1 = t1.gradient(y, x)
    g2 = t2.gradient(g1, x)
g3 = t3.gradient(g2, x)
print(g1.numpy(), g2.numpy(), g3.numpy())

# stop_recording pauses the tape
with tf.GradientTape() as tape:
    a = x * x
    with tape.stop_recording():
        b = x * 10.0
    c = a + b
print(tape.gradient(c, x))

# reset clears what was recorded
with tf.GradientTape() as tape:
    y = x * 100.0
    tape.reset()
    y = x * x
print(tape.gradient(y, x))

# watch_accessed_variables=False
v1 = tf.Variable(1.0)
v2 = tf.Variable(2.0)
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(v1)
    y = v1 * 3.0 + v2 * 4.0
g = tape.gradient(y, [v1, v2])
print(g[0], g[1])
