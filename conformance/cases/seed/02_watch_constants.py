import tensorflow as tf
tf.enable_eager_execution()
import numpy as np

# f(x) = a*x**2 + b*x + c的导数

x = tf.Variable(0.0, name="x", dtype=tf.float32)
a = tf.constant(1.0)
b = tf.constant(-2.0)
c = tf.constant(1.0)

# 构建梯度环境
with tf.GradientTape() as tape: 
	# 构建计算过程
    y = a * tf.pow(x, 2) + b * x + c

# 求导
dy_dx = tape.gradient(y, x)
print(dy_dx)

with tf.GradientTape() as tape:
    tape.watch([a,b,c])
    y = a*tf.pow(x,2) + b*x + c
    
dy_dx,dy_da,dy_db,dy_dc = tape.gradient(y,[x,a,b,c])
print(dy_da)
print(dy_dc)
