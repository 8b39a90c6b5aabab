import tensorflow as tf
tf.enable_eager_execution()


def make(k):
    return lambda: tf.constant(k * 10)


branches = [make(0), make(1), make(2)]
for i in [0, 1, 2]:
    print(tf.switch_case(tf.constant(i), branches))
# Out-of-range indices run the default, or the last branch when there is none.
print(tf.switch_case(tf.constant(7), branches, default=lambda: tf.constant(-1)))
print(tf.switch_case(tf.constant(-1), branches))
try:
    tf.switch_case(5, branches)
except TypeError as e:
    print("TypeError:", e)
# A dict of branches keyed by index; tuples as results.
fns = {1: lambda: (tf.constant(2.0), tf.constant("one")),
       0: lambda: (tf.constant(1.0), tf.constant("zero"))}
print(tf.switch_case(tf.constant(1), fns))
print(tf.switch_case(tf.constant(3), fns,
                     default=lambda: (tf.constant(0.0), tf.constant("default"))))
try:
    tf.switch_case(tf.constant(0), {0: make(0), 2: make(2)})
except ValueError as e:
    print("ValueError:", e)

# Gradients flow through the taken branch only.
x = tf.Variable(3.0)
with tf.GradientTape() as tape:
    y = tf.switch_case(tf.constant(1), [lambda: x * x, lambda: 5.0 * x, lambda: tf.sin(x)])
print(y, tape.gradient(y, x))


@tf.function
def traced(i, v):
    return tf.switch_case(i, [lambda: v + 1.0, lambda: v * 2.0], name="pick")


print(traced(tf.constant(0), tf.constant(4.0)), traced(tf.constant(1), tf.constant(4.0)))
try:
    tf.switch_case(tf.constant(0), [])
except ValueError as e:
    print("ValueError:", e)
try:
    tf.switch_case(tf.constant(0.5), branches)
except (TypeError, ValueError, tf.errors.InvalidArgumentError) as e:
    print(type(e).__name__)
