import tensorflow as tf
tf.enable_eager_execution()

sp = tf.SparseTensor(indices=[[0, 0], [1, 2]], values=[1.0, 2.0], dense_shape=[3, 4])
print(sp.indices.numpy().tolist(), sp.values.numpy(), sp.dense_shape.numpy())
print(tf.sparse.to_dense(sp))
print(tf.sparse_tensor_to_dense(tf.SparseTensor([[1]], [7], [3])))
print(tf.sparse.to_dense(sp, default_value=-1.0)[2])
