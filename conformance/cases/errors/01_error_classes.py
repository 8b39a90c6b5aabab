import tensorflow as tf
tf.enable_eager_execution()

classes = [tf.errors.OpError, tf.errors.CancelledError, tf.errors.UnknownError,
           tf.errors.InvalidArgumentError, tf.errors.DeadlineExceededError,
           tf.errors.NotFoundError, tf.errors.AlreadyExistsError,
           tf.errors.PermissionDeniedError, tf.errors.ResourceExhaustedError,
           tf.errors.FailedPreconditionError, tf.errors.AbortedError,
           tf.errors.OutOfRangeError, tf.errors.UnimplementedError, tf.errors.InternalError,
           tf.errors.UnavailableError, tf.errors.DataLossError, tf.errors.UnauthenticatedError]
for cls in classes:
    print(cls.__name__, issubclass(cls, tf.errors.OpError), issubclass(cls, Exception))

print(tf.errors.OK, tf.errors.CANCELLED, tf.errors.UNKNOWN, tf.errors.INVALID_ARGUMENT,
      tf.errors.DEADLINE_EXCEEDED, tf.errors.NOT_FOUND, tf.errors.ALREADY_EXISTS,
      tf.errors.PERMISSION_DENIED, tf.errors.RESOURCE_EXHAUSTED, tf.errors.FAILED_PRECONDITION,
      tf.errors.ABORTED, tf.errors.OUT_OF_RANGE, tf.errors.UNIMPLEMENTED, tf.errors.INTERNAL,
      tf.errors.UNAVAILABLE, tf.errors.DATA_LOSS, tf.errors.UNAUTHENTICATED)

e = tf.errors.InvalidArgumentError(None, None, "bad value")
print(e.message, e.error_code, e.node_def, e.op)
print(str(e))
e = tf.errors.NotFoundError(None, None, "missing")
print(e.error_code == tf.errors.NOT_FOUND, e.message)
e = tf.errors.OutOfRangeError(None, None, "end of sequence")
print(e.error_code, isinstance(e, tf.errors.OpError))
e = tf.errors.UnknownError(None, None, "mystery", tf.errors.UNKNOWN)
print(e.error_code)
print(issubclass(tf.compat.v2.errors.OperatorNotAllowedInGraphError, TypeError))
print(tf.compat.v2.errors.OperatorNotAllowedInGraphError.__name__)
