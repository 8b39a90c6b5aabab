import tensorflow as tf
tf.enable_eager_execution()

x = tf.constant(3.0)
print(tf.cond(x > 2.0, lambda: x * 10.0, lambda: x - 1.0))
print(tf.cond(tf.constant(False), lambda: tf.constant(1), lambda: tf.constant(2)))
a, b = tf.cond(x < 0.0, lambda: (x, x), lambda: (x + 1.0, x + 2.0))
print(a, b)
print(tf.compat.v2.cond(x > 5.0, lambda: "big", lambda: "small"))
print(tf.compat.v2.cond(True, true_fn=lambda: tf.constant([1, 2]), false_fn=lambda: tf.constant([3, 4])))

def pick(v):
    return tf.case([(tf.less(v, 0), lambda: tf.constant(-1)),
                    (tf.equal(v, 0), lambda: tf.constant(0))],
                   default=lambda: tf.constant(1))
print(pick(tf.constant(-5)), pick(tf.constant(0)), pick(tf.constant(8)))
print(tf.compat.v2.case([(tf.constant(True), lambda: tf.constant("first"))],
                        default=lambda: tf.constant("other")))

# gradients through cond
v = tf.Variable(2.0)
with tf.GradientTape() as tape:
    y = tf.cond(v > 1.0, lambda: v * v, lambda: v)
print(tape.gradient(y, v))
