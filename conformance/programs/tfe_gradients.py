# TF 1.15 contrib program (TF 2.21 has no tf.contrib): expected output derived by hand.
# f(x, y) = x^2 y: df/dx = 2xy = 12, df/dy = x^2 = 9 at (3, 2); with dy = 2 both double.
import tensorflow as tf
import tensorflow.contrib.eager as tfe

tfe.enable_eager_execution()


def f(x, y):
    return x * x * y


grad = tfe.gradients_function(f)
print([g.numpy() for g in grad(3.0, 2.0)])
print([g.numpy() for g in tfe.gradients_function(f, params=["y"])(3.0, 2.0)])
value, grads = tfe.value_and_gradients_function(f)(3.0, 2.0, dy=tf.constant(2.0))
print(value.numpy(), [g.numpy() for g in grads])
print(tfe.executing_eagerly())
