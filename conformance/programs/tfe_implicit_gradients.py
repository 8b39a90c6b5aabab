# TF 1.15 contrib program: expected output derived by hand.
# loss = (w*x + b - y)^2 at w=1, b=0, x=2, y=8: residual -6, dL/dw = 2*(-6)*2 = -24,
# dL/db = -12; one SGD step with lr 0.125 gives w = 4, b = 1.5, then the residual is 1.5.
import tensorflow as tf
import tensorflow.contrib.eager as tfe

tf.enable_eager_execution()
w = tfe.Variable(1.0, name="w")
b = tfe.Variable(0.0, name="b")
unused = tfe.Variable(5.0, name="unused")


def loss(x, y):
    return (w * x + b - y) ** 2


grads_and_vars = tfe.implicit_gradients(loss)(2.0, 8.0)
print([(g.numpy(), v.name) for g, v in grads_and_vars])
opt = tf.train.GradientDescentOptimizer(0.125)
opt.apply_gradients(grads_and_vars)
print(w.numpy(), b.numpy())
value, _ = tfe.implicit_value_and_gradients(loss)(2.0, 8.0)
print(value.numpy())
