# TF 1.15 contrib program: expected output derived by hand.
# Batches of range(5) by 2: [0 1], [2 3], [4]; their mean is 2.0; accuracy of 3 in 4 is 0.75.
import tensorflow as tf
import tensorflow.contrib.eager as tfe

tf.enable_eager_execution()
dataset = tf.data.Dataset.range(5).batch(2)
mean = tfe.metrics.Mean()
for batch in tfe.Iterator(dataset):
    print(batch.numpy().tolist())
    mean(batch)
print(mean.result().numpy())
acc = tfe.metrics.Accuracy()
acc(tf.constant([1, 2, 3, 4]), tf.constant([1, 2, 0, 4]))
print(acc.result().numpy())
