import tensorflow as tf
tf.enable_eager_execution()

class Dense(tf.Module):
    def __init__(self, n_in, n_out, name=None):
        super(Dense, self).__init__(name=name)
        self.w = tf.Variable(tf.ones([n_in, n_out]), name="w")
        self.b = tf.Variable(tf.zeros([n_out]), name="b")
        self.scale = tf.Variable(2.0, trainable=False, name="scale")

    def __call__(self, x):
        return tf.matmul(x, self.w) * self.scale + self.b

class Net(tf.Module):
    def __init__(self):
        super(Net, self).__init__(name="net")
        self.first = Dense(2, 3, name="first")
        self.second = Dense(3, 1, name="second")

    def __call__(self, x):
        return self.second(tf.nn.relu(self.first(x)))

net = Net()
print(net.name)
print(net(tf.constant([[1.0, 2.0]])))
print(len(net.variables), len(net.trainable_variables))
print(sorted(v.name for v in net.trainable_variables))
print(sorted(m.name for m in net.submodules))
print(net.first.name, net.first.name_scope.name if hasattr(net.first.name_scope, "name") else "")

with tf.GradientTape() as tape:
    y = tf.reduce_sum(net(tf.constant([[1.0, 1.0]])))
grads = tape.gradient(y, net.trainable_variables)
print([g.shape.as_list() for g in grads])
