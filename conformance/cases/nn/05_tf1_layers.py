# conformance: rtol=1e-5 atol=1e-5
# record-env: TF_USE_LEGACY_KERAS=1
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()


def show(label, t):
    print(label, np.round(np.asarray(t, dtype=np.float64), 4).tolist())


def names(layer):
    print([v.name for v in layer.variables], [v.shape.as_list() for v in layer.variables])


x = tf.constant([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]])
w = np.arange(6, dtype=np.float32).reshape(3, 2) / 10.0

# Object forms: tf.layers.Dense & co.
d = tf.layers.Dense(2, activation=tf.nn.relu, kernel_initializer=tf.keras.initializers.Constant(w),
                    bias_initializer=tf.keras.initializers.Constant(0.1))
show("Dense", d(x))
print(d.name, d.units, d.trainable)
names(d)
d2 = tf.layers.Dense(1, kernel_initializer="ones", name="head")
show("Dense named", d2.apply(x))
names(d2)
show("Dense again", tf.layers.Dense(1, use_bias=False, kernel_initializer="ones")(x))

# Functional forms: the variable scope is `name` as given.
show("dense", tf.layers.dense(x, 2, kernel_initializer=tf.keras.initializers.Constant(w),
                              name="fc1"))
show("dense tanh", tf.layers.dense(x, 1, activation=tf.tanh,
                                   kernel_initializer=tf.keras.initializers.Constant(0.5)))

show("Dropout eval", tf.layers.Dropout(0.5)(x))
show("dropout eval", tf.layers.dropout(x, rate=0.3, training=False))
y = tf.layers.dropout(tf.ones([4, 5]), rate=0.5, training=True, seed=1)
print("dropout train", y.shape, sorted(set(np.unique(y.numpy()).tolist()) - {0.0, 2.0}))
y = tf.layers.Dropout(0.5, seed=3)(tf.ones([3, 4]), training=True)
print("Dropout train", y.shape, sorted(set(np.unique(y.numpy()).tolist()) - {0.0, 2.0}))

cube = tf.reshape(tf.range(24, dtype=tf.float32), [2, 3, 4])
show("Flatten", tf.layers.Flatten()(cube))
print("flatten", tf.layers.flatten(cube).shape)

# Convolutions.
img = tf.reshape(tf.range(32, dtype=tf.float32), [1, 4, 4, 2]) / 10.0
c = tf.layers.Conv2D(3, 2, kernel_initializer=tf.keras.initializers.Constant(
    np.linspace(-1, 1, 24).reshape(2, 2, 2, 3)),
    bias_initializer=tf.keras.initializers.Constant(0.5))
show("Conv2D", c(img))
names(c)
print(c.kernel_size, c.strides, c.padding, c.data_format)
out = tf.layers.conv2d(img, 2, [3, 3], padding="same", strides=2,
                       kernel_initializer=tf.keras.initializers.Constant(0.1), name="conv_a")
show("conv2d", out)
out = tf.layers.conv2d(img, 1, 2, activation=tf.nn.relu,
                       kernel_initializer=tf.keras.initializers.Constant(-0.05))
show("conv2d relu", out)

seq = tf.reshape(tf.range(12, dtype=tf.float32), [1, 6, 2])
c1 = tf.layers.Conv1D(2, 3, kernel_initializer=tf.keras.initializers.Constant(
    np.linspace(-0.5, 0.5, 12).reshape(3, 2, 2)))
show("Conv1D", c1(seq))
names(c1)
show("conv1d", tf.layers.conv1d(seq, 1, 2, strides=2, padding="same",
                                kernel_initializer="ones", use_bias=False))

small = tf.reshape(tf.range(4, dtype=tf.float32), [1, 2, 2, 1])
ct = tf.layers.Conv2DTranspose(1, 3, strides=2, padding="same",
                               kernel_initializer="ones")
show("Conv2DTranspose", ct(small))
names(ct)
show("conv2d_transpose", tf.layers.conv2d_transpose(
    small, 2, 2, kernel_initializer=tf.keras.initializers.Constant(0.5), name="deconv"))

sc = tf.layers.SeparableConv2D(2, 2, depthwise_initializer=tf.keras.initializers.Constant(0.5),
                               pointwise_initializer=tf.keras.initializers.Constant(
                                   [[1.0, -1.0], [0.5, 2.0]]))
show("SeparableConv2D", sc(img))
names(sc)
show("separable_conv2d", tf.layers.separable_conv2d(
    img, 1, 3, padding="same", depth_multiplier=2,
    depthwise_initializer=tf.keras.initializers.Constant(0.1),
    pointwise_initializer="ones"))

# Pooling.
show("MaxPooling2D", tf.layers.MaxPooling2D(2, 2)(img)[..., 0])
show("AveragePooling2D", tf.layers.AveragePooling2D(2, 1)(img)[..., 1])
show("max_pooling2d", tf.layers.max_pooling2d(img, [3, 3], 1, padding="same")[..., 0])
show("average_pooling2d", tf.layers.average_pooling2d(img, 2, 2)[..., 1])
show("MaxPooling1D", tf.layers.MaxPooling1D(2, 2)(seq))
show("AveragePooling1D", tf.layers.AveragePooling1D(3, 1)(seq))
show("max_pooling1d", tf.layers.max_pooling1d(seq, 2, 1, padding="same"))
show("average_pooling1d", tf.layers.average_pooling1d(seq, 2, 2))

# Batch normalization: moving statistics at inference, batch statistics when training.
batch = tf.constant([[1.0, 2.0], [3.0, 6.0], [5.0, 1.0]])
bn = tf.layers.BatchNormalization(momentum=0.5)
show("BN eval", bn(batch))
show("BN train", bn(batch, training=True))
names(bn)
show("BN moving", [bn.moving_mean.numpy(), bn.moving_variance.numpy()])
print(len(bn.trainable_variables), len(bn.non_trainable_variables))
show("batch_normalization", tf.layers.batch_normalization(batch, training=True, name="bn_a"))
show("batch_normalization eval", tf.layers.batch_normalization(
    batch, gamma_initializer=tf.keras.initializers.Constant(2.0), center=False))


# A custom tf.layers.Layer: variables created with add_variable live in its scope.
class Scale(tf.layers.Layer):
    def build(self, input_shape):
        self.alpha = self.add_variable("alpha", [int(input_shape[-1])],
                                       initializer=tf.keras.initializers.Constant(2.0))
        super(Scale, self).build(input_shape)

    def call(self, inputs):
        return inputs * self.alpha


s = Scale()
show("Layer", s(x))
print(s.name, [v.name for v in s.variables], s.built)
s2 = Scale(name="scale_b")
show("Layer named", s2(x))
print(s2.name, [v.name for v in s2.trainable_variables])
