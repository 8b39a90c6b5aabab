import tensorflow as tf
tf.enable_eager_execution()

def attempt(label, fn):
    try:
        out = fn()
        print(label, "passed", out)
    except tf.errors.InvalidArgumentError as e:
        print(label, "InvalidArgumentError")
    except ValueError as e:
        print(label, "ValueError")

x = tf.constant([1.0, 2.0])
attempt("assert_equal ok", lambda: tf.assert_equal(x, x))
attempt("assert_equal bad", lambda: tf.assert_equal(x, x + 1.0))
attempt("debugging.assert_equal", lambda: tf.debugging.assert_equal(x, tf.constant([1.0, 2.0])))
attempt("v2 assert_equal", lambda: tf.compat.v2.debugging.assert_equal(x, x))
attempt("v2 assert_equal bad", lambda: tf.compat.v2.assert_equal(x, -x))
attempt("assert_near", lambda: tf.debugging.assert_near(x, x + 1e-7))
attempt("assert_near bad", lambda: tf.assert_near(x, x + 1.0))
attempt("v2 assert_near", lambda: tf.compat.v2.debugging.assert_near(x, x, rtol=0.1))
attempt("assert_positive", lambda: tf.assert_positive(x))
attempt("assert_positive bad", lambda: tf.debugging.assert_positive(-x))
attempt("v2 assert_positive", lambda: tf.compat.v2.debugging.assert_positive(x))
attempt("assert_rank", lambda: tf.assert_rank(x, 1))
attempt("assert_rank bad", lambda: tf.debugging.assert_rank(x, 2))
attempt("v2 assert_rank", lambda: tf.compat.v2.debugging.assert_rank(x, 1))
attempt("v2 assert_rank top", lambda: tf.compat.v2.assert_rank(x, 1))
attempt("assert_rank_at_least", lambda: tf.assert_rank_at_least(x, 1))
attempt("assert_rank_at_least bad", lambda: tf.debugging.assert_rank_at_least(x, 3))
attempt("v2 assert_rank_at_least", lambda: tf.compat.v2.debugging.assert_rank_at_least(x, 0))
attempt("assert_rank_in", lambda: tf.assert_rank_in(x, [0, 1]))
attempt("assert_rank_in bad", lambda: tf.debugging.assert_rank_in(x, [2, 3]))
attempt("v2 assert_rank_in", lambda: tf.compat.v2.debugging.assert_rank_in(x, [1]))
attempt("assert_shapes", lambda: tf.debugging.assert_shapes([(x, ("n",)), (tf.ones([2, 3]), ("n", 3))]))
attempt("assert_shapes bad", lambda: tf.debugging.assert_shapes([(x, (3,))]))
attempt("Assert", lambda: tf.Assert(tf.reduce_all(x > 0), [x]))
attempt("Assert bad", lambda: tf.debugging.Assert(tf.reduce_all(x > 1.5), ["x was", x]))
attempt("v2 Assert", lambda: tf.compat.v2.debugging.Assert(True, [x]))
