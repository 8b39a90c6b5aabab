# Recorded with TF 2.21 (tf.compat.v1 flags, app.run and logging), run as
#   python flags_logging.py --steps=3 --name=demo extra
import sys

import tensorflow as tf

flags = tf.compat.v1.flags
flags.DEFINE_integer("steps", 1, "number of steps")
flags.DEFINE_string("name", "run", "a name")
flags.DEFINE_float("lr", 0.5, "learning rate")
flags.DEFINE_boolean("verbose", False, "verbose")
flags.DEFINE_list("layers", "8,4", "layer sizes")
FLAGS = flags.FLAGS


def main(argv):
    tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)
    tf.compat.v1.logging.info("not shown")
    print(argv[1:], FLAGS.steps, FLAGS.name, FLAGS.lr, FLAGS.verbose, FLAGS.layers)
    print(tf.compat.v1.logging.get_verbosity())
    x = tf.constant(0.0)
    for _ in range(FLAGS.steps):
        x = x + FLAGS.lr
    print(x.numpy())
    sys.stdout.flush()


if __name__ == "__main__":
    tf.compat.v1.app.run(main)
