# conformance: rtol=1e-5 atol=1e-6
import tensorflow as tf
tf.enable_eager_execution()

def run(opt, steps=4):
    x = tf.Variable([1.0, -1.5, 3.0])
    for _ in range(steps):
        opt.minimize(lambda: tf.reduce_sum(x * x * tf.constant([1.0, 2.0, 0.5])))
    print(type(opt).__name__, opt.get_name(), x.numpy())
    return x

run(tf.train.MomentumOptimizer(0.1, momentum=0.9))
run(tf.train.MomentumOptimizer(0.1, momentum=0.9, use_nesterov=True))
x = run(tf.train.AdamOptimizer(0.1))
run(tf.train.AdamOptimizer(learning_rate=0.05, beta1=0.8, beta2=0.99, epsilon=1e-6))

# slots
opt = tf.train.MomentumOptimizer(0.1, 0.5)
v = tf.Variable([2.0, 3.0])
opt.minimize(lambda: tf.reduce_sum(v * v))
print(opt.get_slot_names())
print(opt.get_slot(v, "momentum").numpy())

adam = tf.train.AdamOptimizer(0.01)
w = tf.Variable([1.0, 2.0])
adam.minimize(lambda: tf.reduce_sum(w * w))
print(sorted(adam.get_slot_names()))
print(adam.get_slot(w, "m").numpy(), adam.get_slot(w, "v").numpy())
print(len(adam.variables()))
