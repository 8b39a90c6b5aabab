import tensorflow as tf
tf.enable_eager_execution()

print(tf.logging.DEBUG if hasattr(tf.logging, "DEBUG") else "", tf.logging.INFO, tf.logging.WARN,
      tf.logging.ERROR, tf.logging.FATAL)
print(tf.logging.get_verbosity())
tf.logging.warning("careful: %d items", 3)
tf.logging.warn("old spelling")
tf.logging.error("broken %s", "thing")
tf.logging.info("hidden at the default level")
tf.logging.set_verbosity(tf.logging.INFO)
print(tf.logging.get_verbosity())
tf.logging.info("now shown: %s", [1, 2])
tf.logging.log(tf.logging.WARN, "via log %d", 5)
tf.logging.log_if(tf.logging.INFO, "condition true", True)
tf.logging.log_if(tf.logging.INFO, "condition false", False)
for i in range(4):
    tf.logging.log_first_n(tf.logging.INFO, "first n %d", 2, i)
    tf.logging.log_every_n(tf.logging.INFO, "every n %d", 2, i)
tf.logging.debug("debug hidden")
tf.logging.vlog(1, "vlog hidden")
tf.logging.set_verbosity(tf.logging.ERROR)
tf.logging.warning("hidden now")
tf.logging.error("still shown")
try:
    tf.logging.flush()
except NotImplementedError:  # TF 2.21 raises here
    pass
print(callable(tf.logging.fatal), tf.logging.TaskLevelStatusMessage("x") if False else "")
