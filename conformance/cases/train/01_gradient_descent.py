import tensorflow as tf
tf.enable_eager_execution()

w = tf.Variable([1.0, -2.0])
b = tf.Variable(0.5)
opt = tf.train.GradientDescentOptimizer(learning_rate=0.1)
print(opt.get_name())

def loss():
    return tf.reduce_sum(tf.square(w * 2.0 + b - 1.0))

for step in range(3):
    opt.minimize(loss)
    print(step, w.numpy(), b.numpy(), loss().numpy())

# compute_gradients / apply_gradients
grads_and_vars = opt.compute_gradients(loss, var_list=[w, b])
for g, v in grads_and_vars:
    print(v.name, g.numpy())
opt.apply_gradients(grads_and_vars)
print(w.numpy(), b.numpy())

# minimize with an explicit var_list leaves other variables alone
before = b.numpy()
opt.minimize(loss, var_list=[w])
print(w.numpy(), b.numpy() == before)

# apply_gradients with a global step
step = tf.Variable(0, dtype=tf.int64, trainable=False)
opt.apply_gradients([(tf.constant([1.0, 1.0]), w)], global_step=step)
opt.apply_gradients([(tf.constant([1.0, 1.0]), w)], global_step=step)
print(w.numpy(), step.numpy())

# learning rate given as a callable
lr = tf.Variable(0.25)
opt2 = tf.train.GradientDescentOptimizer(lambda: lr)
v = tf.Variable(1.0)
opt2.minimize(lambda: v * v)
print(v.numpy())
lr.assign(0.125)
opt2.minimize(lambda: v * v)
print(v.numpy())
