# conformance: rtol=1e-5 atol=1e-6
import tensorflow as tf
tf.enable_eager_execution()

step = tf.Variable(0, dtype=tf.int64, trainable=False)
schedules = {
    "exponential": tf.train.exponential_decay(0.1, step, 10, 0.5),
    "exponential_staircase": tf.train.exponential_decay(0.1, step, 10, 0.5, staircase=True),
    "inverse_time": tf.train.inverse_time_decay(0.1, step, 10, 0.5),
    "natural_exp": tf.train.natural_exp_decay(0.1, step, 10, 0.5),
    "polynomial": tf.train.polynomial_decay(0.1, step, 100, end_learning_rate=0.01, power=2.0),
    "polynomial_cycle": tf.train.polynomial_decay(0.1, step, 20, end_learning_rate=0.01,
                                                  cycle=True),
    "piecewise": tf.train.piecewise_constant(step, [10, 30], [1.0, 0.5, 0.1]),
    "cosine": tf.train.cosine_decay(0.1, step, 50),
    "cosine_alpha": tf.train.cosine_decay(0.1, step, 50, alpha=0.1),
    "cosine_restarts": tf.train.cosine_decay_restarts(0.1, step, 20),
    "linear_cosine": tf.train.linear_cosine_decay(0.1, step, 50),
}
for s in [0, 5, 10, 25, 40, 60]:
    step.assign(s)
    row = ", ".join("%s=%.6f" % (name, float(fn())) for name, fn in schedules.items())
    print(s, row)

# global step helpers
print(tf.train.get_global_step())
gs = tf.train.get_or_create_global_step()
print(gs.name, gs.dtype, gs.numpy())
print(tf.train.get_global_step() is gs)
gs.assign_add(3)
print(tf.train.get_or_create_global_step().numpy())
