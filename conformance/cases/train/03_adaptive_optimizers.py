# conformance: rtol=1e-5 atol=1e-6
import tensorflow as tf
tf.enable_eager_execution()

def run(opt, steps=3):
    x = tf.Variable([1.0, -2.0, 0.5])
    for _ in range(steps):
        opt.minimize(lambda: tf.reduce_sum(tf.square(x - tf.constant([0.5, 0.5, 0.5]))))
    print(type(opt).__name__, x.numpy())
    return opt, x

opt, x = run(tf.train.AdagradOptimizer(0.1))
print(opt.get_slot_names(), opt.get_slot(x, "accumulator").numpy())
opt, x = run(tf.train.AdagradOptimizer(0.1, initial_accumulator_value=1.0))
opt, x = run(tf.train.AdadeltaOptimizer(learning_rate=1.0, rho=0.9, epsilon=1e-6))
print(sorted(opt.get_slot_names()))
opt, x = run(tf.train.RMSPropOptimizer(0.01))
print(sorted(opt.get_slot_names()))
run(tf.train.RMSPropOptimizer(0.01, decay=0.8, momentum=0.5))
run(tf.train.RMSPropOptimizer(0.01, centered=True))
run(tf.train.FtrlOptimizer(0.5))
run(tf.train.FtrlOptimizer(0.5, l1_regularization_strength=0.1, l2_regularization_strength=0.2))
run(tf.train.ProximalGradientDescentOptimizer(0.1, l1_regularization_strength=0.05))
run(tf.train.ProximalAdagradOptimizer(0.1, l2_regularization_strength=0.1))
step = tf.train.get_or_create_global_step()
run(tf.train.AdagradDAOptimizer(0.1, global_step=step))
