import tensorflow as tf
tf.enable_eager_execution()

x = tf.constant([1, 2, 3, 4])
print(tf.cumsum(x))
print(tf.cumsum(x, exclusive=True))
print(tf.cumsum(x, reverse=True))
print(tf.math.cumsum(tf.constant([[1, 2], [3, 4]]), axis=1))
print(tf.math.cumprod(x))
print(tf.cumprod(x, exclusive=True, reverse=True))

data = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]])
print(tf.math.segment_sum(data, tf.constant([0, 0, 1, 2])))
print(tf.segment_sum(tf.constant([1, 2, 3]), tf.constant([0, 1, 1])))
print(tf.math.unsorted_segment_sum(data, tf.constant([2, 0, 2, 0]), num_segments=3))
print(tf.unsorted_segment_sum(tf.constant([5, 6, 7]), tf.constant([1, 1, 0]), 2))

print(tf.math.bincount(tf.constant([1, 1, 3, 0, 3, 3])))
print(tf.bincount(tf.constant([1, 2]), minlength=5))
print(tf.math.bincount(tf.constant([0, 2, 2]), weights=tf.constant([0.5, 1.0, 2.0])))

print(tf.clip_by_value(tf.constant([-3.0, 0.5, 7.0]), -1.0, 1.0))
print(tf.clip_by_value(tf.constant([1, 5, 9]), 2, 6))
print(tf.clip_by_norm(tf.constant([3.0, 4.0]), 1.0))
print(tf.clip_by_norm(tf.constant([[3.0, 4.0], [0.6, 0.8]]), 2.0, axes=[1]))
clipped, norm = tf.clip_by_global_norm([tf.constant([3.0]), tf.constant([4.0])], 2.5)
print(clipped, norm)
print(tf.linalg.global_norm([tf.constant([3.0]), tf.constant([4.0])]))
print(tf.global_norm([tf.constant([1.0, 1.0])]))
