import tensorflow as tf
tf.enable_eager_execution()

@tf.function
def square_sum(a, b):
    return tf.reduce_sum(a * a) + b

print(square_sum(tf.constant([1.0, 2.0]), tf.constant(3.0)))
print(square_sum(tf.constant([1.0, 2.0, 3.0]), 1.0))

@tf.function
def affine(x, w, b=1.0):
    return tf.matmul(x, w) + b
print(affine(tf.ones([1, 2]), tf.ones([2, 3])))
print(affine(tf.ones([2, 2]), tf.ones([2, 1]), b=tf.constant(0.5)))

@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])
def double(x):
    return x * 2.0
print(double(tf.constant([1.0, 2.0, 3.0])))
spec = tf.TensorSpec([2, None], tf.int32, name="inp")
print(spec.shape, spec.dtype, spec.name)
print(spec)

v = tf.Variable(1.0)
@tf.function
def step():
    v.assign_add(1.0)
    return v.read_value()
step()
print(step(), v.numpy())

# gradients of a tf.function
@tf.function
def f(x):
    return x * x * x
x = tf.constant(2.0)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = f(x)
print(tape.gradient(y, x))

# python side effects run at trace time only
@tf.function
def traced(x):
    print("tracing")
    tf.print("running", x)
    return x + 1
traced(tf.constant(1))
traced(tf.constant(2))
print(callable(square_sum), tf.executing_eagerly())

# tf.gradients belongs to graph mode
try:
    tf.gradients(x * x, x)
except RuntimeError as e:
    print("RuntimeError:", e)
