import tensorflow as tf
tf.enable_eager_execution()

i, total = tf.while_loop(lambda i, t: i < 5, lambda i, t: (i + 1, t + i), [0, 0])
print(i, total)
out = tf.while_loop(lambda n: n < 100, lambda n: n * 2, [tf.constant(3)])
print(out)
res = tf.compat.v2.while_loop(lambda k, acc: k < 4, lambda k, acc: (k + 1, acc * 2.0),
                              (tf.constant(0), tf.constant(1.0)), maximum_iterations=3)
print(res)

xs = tf.constant([1.0, 2.0, 3.0, 4.0])
print(tf.map_fn(lambda t: t * t, xs))
print(tf.map_fn(lambda ab: (ab[0], -ab[1]), (xs, xs), dtype=(tf.float32, tf.float32)))
print(tf.foldl(lambda acc, t: acc + t, xs))
print(tf.foldl(lambda acc, t: acc * t, xs, initializer=10.0))
print(tf.foldr(lambda acc, t: acc - t, xs))
print(tf.foldr(lambda acc, t: acc + t * 2.0, xs, initializer=0.0))
print(tf.scan(lambda acc, t: acc + t, xs))
print(tf.scan(lambda acc, t: acc * t, xs, initializer=1.0, reverse=True))
print(tf.scan(lambda acc, t: (acc[0] + t, acc[1] * t), xs, initializer=(0.0, 1.0)))

v = tf.Variable(1.0)
with tf.GradientTape() as tape:
    y = tf.foldl(lambda acc, t: acc * v + t, xs, initializer=0.0)
print(y, tape.gradient(y, v))
