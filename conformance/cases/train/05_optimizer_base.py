import tensorflow as tf
tf.enable_eager_execution()

print(issubclass(tf.train.GradientDescentOptimizer, tf.train.Optimizer))
print(issubclass(tf.train.AdamOptimizer, tf.train.Optimizer))

x = tf.Variable([3.0, 4.0])
opt = tf.train.GradientDescentOptimizer(0.5, name="MySGD")
print(opt.get_name())

# gradients can be processed between compute and apply
gv = opt.compute_gradients(lambda: tf.reduce_sum(x * x), [x])
clipped = [(tf.clip_by_norm(g, 1.0), v) for g, v in gv]
print(clipped[0][0].numpy())
opt.apply_gradients(clipped)
print(x.numpy())

# None gradients are skipped with a variable that does not affect the loss
y = tf.Variable(1.0)
gv = opt.compute_gradients(lambda: tf.reduce_sum(x), [x, y])
print([(g is None) for g, v in gv])

# all gradients None is an error
try:
    opt.minimize(lambda: tf.constant(1.0) * 2.0, var_list=[y])
except ValueError as e:
    print("ValueError:", str(e).split(",")[0])

# gradient clipping helpers used with an optimizer
a = tf.Variable([1.0, 1.0])
b = tf.Variable([2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(a * 3.0) + tf.reduce_sum(b * 4.0)
grads = tape.gradient(loss, [a, b])
clipped, norm = tf.clip_by_global_norm(grads, 2.0)
print(norm.numpy(), [c.numpy() for c in clipped])
opt.apply_gradients(zip(clipped, [a, b]))
print(a.numpy(), b.numpy())
