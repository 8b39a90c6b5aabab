import tensorflow as tf
tf.enable_eager_execution()

def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except tf.errors.OpError as e:
        print(label, type(e).__name__, e.error_code)
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__)

attempt("matmul shapes", lambda: tf.matmul(tf.ones([2, 3]), tf.ones([2, 3])))
attempt("reshape", lambda: tf.reshape(tf.range(6), [4, -1]))
attempt("add dtypes", lambda: tf.add(tf.constant(1), tf.constant(1.0)))
attempt("gather range", lambda: tf.gather(tf.constant([1, 2]), 5))
attempt("bad int", lambda: tf.constant([1, 2])[3])
attempt("concat rank", lambda: tf.concat([tf.ones([2]), tf.ones([2, 2])], 0))
attempt("inv singular", lambda: tf.linalg.inv(tf.zeros([2, 2])))
attempt("check_numerics", lambda: tf.debugging.check_numerics(tf.constant([1.0, float("nan")]), "oops"))
attempt("check_numerics ok", lambda: tf.check_numerics(tf.constant([1.0]), "fine"))
attempt("split", lambda: tf.split(tf.range(5), 2))
attempt("one_hot", lambda: tf.one_hot(tf.constant([1.0]), 3))
attempt("variable assign shape", lambda: tf.Variable([1.0, 2.0]).assign([1.0, 2.0, 3.0]))

try:
    tf.debugging.check_numerics(tf.constant([float("inf")]), "bad input")
except tf.errors.InvalidArgumentError as e:
    print(e.message.split(" : ")[0])
