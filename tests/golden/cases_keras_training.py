"""Keras 2 training loop (compile/fit/evaluate/predict/*_on_batch, callbacks): golden cases from
tf_keras. Record with Keras 2 answering `tf.keras`:

    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py keras_training

Every case starts with `clear_session()` and fixes the weights with `set_weights` (cos values), and
fits with `shuffle=False`, so histories, weights and predictions compare by value. Cases named
`progbar_*` return the raw text printed (verbose=1/2); tests/test_keras_training.py compares it
after masking the measured timings.
"""

TOL = {"rtol": 1e-5}

PRE = """tf.keras.backend.clear_session()
x = (np.arange(40, dtype='float32').reshape(20, 2) / 20 - 0.5)
y = x @ np.array([[1.5], [-2.0]], 'float32') + 0.3
labels = (np.arange(20) * 7 % 3).astype('int64')
def fixed(m):
    m.set_weights([np.cos(np.arange(w.size) * 0.7).reshape(w.shape).astype('float32') * 0.5
                   for w in m.get_weights()])
    return m
def regressor(**kw):
    return fixed(tf.keras.Sequential([
        tf.keras.layers.Dense(3, activation='tanh', input_shape=(2,), **kw),
        tf.keras.layers.Dense(1)]))
def classifier(n=3, act='softmax'):
    return fixed(tf.keras.Sequential([
        tf.keras.layers.Dense(4, activation='relu', input_shape=(2,)),
        tf.keras.layers.Dense(n, activation=act)]))
def items(d):
    return sorted(d.items())
def out(h, m):
    return [items(h.history), h.epoch, items(h.params), m.metrics_names, m.get_weights()]
"""


def _case(case_id, body, opts=TOL):
    return (case_id, PRE + body, opts)


_FIT = "h = m.fit(x, y, batch_size={b}, epochs={e}, shuffle=False, verbose=0)\nout(h, m)"

CASES = [
    _case("sgd_mse_mae", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          + _FIT.format(b=5, e=4)),
    _case("adam_partial_batches", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.Adam(0.05), loss='mean_squared_error')\n"
          + _FIT.format(b=7, e=3)),
    _case("default_batch_size", "m = regressor()\nm.compile('sgd', 'mse')\n"
          "h = m.fit(x, y, epochs=2, shuffle=False, verbose=0)\nout(h, m)"),
    _case("string_adam", "m = regressor()\nm.compile('adam', 'mse', metrics=['mse'])\n"
          + _FIT.format(b=6, e=2)),
    _case("string_rmsprop", "m = regressor()\nm.compile('rmsprop', 'mae')\n"
          + _FIT.format(b=6, e=2)),
    _case("string_adagrad", "m = regressor()\nm.compile('adagrad', 'mse')\n"
          + _FIT.format(b=6, e=2)),
    _case("sgd_momentum_nesterov", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True), 'mse')\n"
          + _FIT.format(b=4, e=3)),
    _case("tf1_gradient_descent", "m = regressor()\n"
          "m.compile(tf.compat.v1.train.GradientDescentOptimizer(0.1), 'mse', metrics=['mae'])\n"
          + _FIT.format(b=5, e=3)),
    _case("tf1_adam", "m = regressor()\n"
          "m.compile(tf.compat.v1.train.AdamOptimizer(0.01), 'mse')\n" + _FIT.format(b=8, e=3)),
    _case("tf1_momentum", "m = regressor()\n"
          "m.compile(tf.compat.v1.train.MomentumOptimizer(0.05, 0.9), 'mse')\n"
          + _FIT.format(b=8, e=3)),
    _case("loss_and_metric_objects", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), tf.keras.losses.MeanSquaredError(),\n"
          "          metrics=[tf.keras.metrics.MeanAbsoluteError(), 'mse'])\n"
          + _FIT.format(b=5, e=2)),
    _case("loss_function_and_metric_function", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), tf.keras.losses.mae,\n"
          "          metrics=[tf.keras.losses.mse])\n" + _FIT.format(b=5, e=2)),
    _case("sparse_categorical_accuracy", "m = classifier()\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'sparse_categorical_crossentropy',\n"
          "          metrics=['accuracy'])\n"
          "h = m.fit(x, labels, batch_size=8, epochs=4, shuffle=False, verbose=0)\nout(h, m)"),
    _case("categorical_acc", "m = classifier()\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'categorical_crossentropy',\n"
          "          metrics=['acc', 'ce'])\n"
          "h = m.fit(x, np.eye(3, dtype='float32')[labels], batch_size=8, epochs=3, "
          "shuffle=False, verbose=0)\nout(h, m)"),
    _case("binary_accuracy", "m = classifier(1, 'sigmoid')\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'binary_crossentropy',\n"
          "          metrics=['accuracy', 'crossentropy'])\n"
          "h = m.fit(x, (labels == 1).astype('float32'), batch_size=8, epochs=3, shuffle=False, "
          "verbose=0)\nout(h, m)"),
    _case("sparse_from_logits_class", "m = classifier(3, None)\n"
          "m.compile(tf.keras.optimizers.Adam(0.01),\n"
          "          tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),\n"
          "          metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])\n"
          "h = m.fit(x, labels, batch_size=6, epochs=3, shuffle=False, verbose=0)\nout(h, m)"),
    _case("validation_data", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "h = m.fit(x[:14], y[:14], batch_size=4, epochs=3, shuffle=False, verbose=0,\n"
          "          validation_data=(x[14:], y[14:]))\nout(h, m)"),
    _case("validation_split", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "h = m.fit(x, y, batch_size=4, epochs=3, shuffle=False, verbose=0,\n"
          "          validation_split=0.25)\nout(h, m)"),
    _case("validation_split_too_large", "m = regressor()\nm.compile('sgd', 'mse')\n"
          "m.fit(x[:1], y[:1], validation_split=0.5, verbose=0)", {"first_line": True}),
    _case("sample_weight", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'],\n"
          "          weighted_metrics=['mse'])\n"
          "h = m.fit(x, y, sample_weight=np.linspace(0.5, 2, 20).astype('float32'), "
          "batch_size=6, epochs=2, shuffle=False, verbose=0)\nout(h, m)"),
    _case("class_weight", "m = classifier()\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'sparse_categorical_crossentropy',\n"
          "          metrics=['accuracy'])\n"
          "h = m.fit(x, labels, class_weight={0: 1.0, 1: 2.0, 2: 0.5}, batch_size=8, epochs=2,"
          " shuffle=False, verbose=0)\nout(h, m)"),
    _case("loss_weights_and_regularizer",
          "m = regressor(kernel_regularizer=tf.keras.regularizers.l2(0.01))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', loss_weights=0.5, metrics=['mae'])\n"
          + _FIT.format(b=5, e=3)),
    _case("initial_epoch", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit(x, y, batch_size=10, epochs=4, initial_epoch=2, shuffle=False, verbose=0)"
          "\nout(h, m)"),
    _case("dataset_input", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(6)\n"
          "h = m.fit(ds, epochs=3, verbose=0, validation_data=ds)\nout(h, m)"),
    _case("dataset_steps_per_epoch", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(4).repeat()\n"
          "h = m.fit(ds, epochs=3, steps_per_epoch=2, verbose=0)\nout(h, m)"),
    _case("dataset_with_batch_size", "m = regressor()\nm.compile('sgd', 'mse')\n"
          "h = m.fit(tf.data.Dataset.from_tensor_slices((x, y)).batch(4), batch_size=3, "
          "verbose=0)\nout(h, m)"),
    _case("evaluate_scalar", "m = regressor()\nm.compile('sgd', 'mse')\n"
          "[m.metrics_names, m.evaluate(x, y, verbose=0), m.metrics_names,\n"
          " m.evaluate(x, y, batch_size=7, verbose=0)]"),
    _case("evaluate_list_and_dict", "m = regressor()\n"
          "m.compile('sgd', 'mse', metrics=['mae', 'accuracy'])\n"
          "[m.evaluate(x, y, batch_size=6, verbose=0),\n"
          " sorted(m.evaluate(x, y, verbose=0, return_dict=True).items())]"),
    _case("evaluate_classifier", "m = classifier()\n"
          "m.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])\n"
          "m.evaluate(x, labels, batch_size=5, verbose=0)"),
    _case("predict", "m = regressor()\n"
          "[m.predict(x, verbose=0), m.predict(x, batch_size=3, verbose=0),\n"
          " m.predict_on_batch(x[:4])]"),
    _case("predict_after_fit", "m = classifier()\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'sparse_categorical_crossentropy')\n"
          "m.fit(x, labels, batch_size=5, epochs=2, shuffle=False, verbose=0)\n"
          "m.predict(x, batch_size=8, verbose=0)"),
    _case("train_on_batch", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "r = [m.train_on_batch(x[:5], y[:5]) for _ in range(3)]\n"
          "r += [m.test_on_batch(x[5:10], y[5:10]), items(m.train_on_batch(x[:5], y[:5], "
          "return_dict=True))]\n"
          "r + [m.train_on_batch(x[:5], y[:5], reset_metrics=False), "
          "m.train_on_batch(x[5:], y[5:], reset_metrics=False), m.metrics_names, "
          "m.get_weights()]"),
    _case("train_on_batch_loss_only", "m = classifier()\n"
          "m.compile('adam', 'sparse_categorical_crossentropy')\n"
          "[m.train_on_batch(x, labels), m.train_on_batch(x, labels), m.test_on_batch(x, labels)]"),
    _case("metrics_names_before_after", "m = regressor()\n"
          "m.compile('sgd', 'mse', metrics=['mae', tf.keras.metrics.MeanSquaredError(name='m2')])\n"
          "before = m.metrics_names\nm.fit(x, y, epochs=1, verbose=0)\n"
          "[before, m.metrics_names, [type(v).__name__ for v in m.metrics]]"),
    _case("early_stopping_patience", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "es = tf.keras.callbacks.EarlyStopping(monitor='loss', min_delta=0.05, patience=1)\n"
          "h = m.fit(x, y, batch_size=5, epochs=20, shuffle=False, verbose=0, callbacks=[es])\n"
          "[h.epoch, es.stopped_epoch, es.wait, items(h.history), m.stop_training]"),
    _case("early_stopping_restore_best", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.2), 'mse')\n"
          "es = tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=2,\n"
          "                                      restore_best_weights=True)\n"
          "h = m.fit(x[:14], y[:14], batch_size=4, epochs=30, shuffle=False, verbose=0,\n"
          "          validation_data=(x[14:], 0.5 * y[14:]), callbacks=[es])\n"
          "[h.epoch, es.stopped_epoch, es.best_epoch, es.best, m.get_weights(), items(h.history)]"),
    _case("early_stopping_mode_max", "m = classifier()\n"
          "m.compile(tf.keras.optimizers.SGD(0.5), 'sparse_categorical_crossentropy',\n"
          "          metrics=['accuracy'])\n"
          "es = tf.keras.callbacks.EarlyStopping(monitor='accuracy', patience=2)\n"
          "h = m.fit(x, labels, batch_size=8, epochs=15, shuffle=False, verbose=0, "
          "callbacks=[es])\n[h.epoch, es.stopped_epoch, str(es.monitor_op), items(h.history)]"),
    _case("lambda_callback", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\nseen = []\n"
          "cb = tf.keras.callbacks.LambdaCallback(\n"
          "    on_train_begin=lambda logs: seen.append(('train_begin', sorted(logs))),\n"
          "    on_epoch_begin=lambda e, logs: seen.append(('epoch_begin', e)),\n"
          "    on_batch_end=lambda b, logs: seen.append(('batch_end', b, sorted(logs))),\n"
          "    on_epoch_end=lambda e, logs: seen.append(('epoch_end', e, items(logs))),\n"
          "    on_train_end=lambda logs: seen.append(('train_end', items(logs))))\n"
          "m.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, callbacks=[cb])\nseen"),
    _case("callback_subclass_stop_training", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "class Stop(tf.keras.callbacks.Callback):\n"
          "    def on_train_batch_end(self, batch, logs=None):\n"
          "        self.last = (batch, sorted(logs))\n"
          "        if batch == 1:\n"
          "            self.model.stop_training = True\n"
          "cb = Stop()\n"
          "h = m.fit(x, y, batch_size=4, epochs=5, shuffle=False, verbose=0, callbacks=[cb])\n"
          "[h.epoch, cb.last, cb.model is m, items(h.params), m.history is h]"),
    _case("model_checkpoint_weights", "import os, tempfile\nm = regressor()\nsaved = []\n"
          "m.save_weights = lambda path, overwrite=True, **kw: saved.append(\n"
          "    (os.path.basename(path), overwrite, m.get_weights()))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\nd = tempfile.mkdtemp()\n"
          "cb = tf.keras.callbacks.ModelCheckpoint(os.path.join(d, 'w.{epoch:02d}-{loss:.3f}.h5'),"
          "\n    save_weights_only=True)\n"
          "m.fit(x, y, batch_size=5, epochs=3, shuffle=False, verbose=0, callbacks=[cb])\n"
          "saved"),
    _case("model_checkpoint_best_only", "import os, tempfile\nm = regressor()\nsaved = []\n"
          "m.save_weights = lambda path, overwrite=True, **kw: saved.append(\n"
          "    (os.path.basename(path), overwrite, m.get_weights()))\n"
          "m.compile(tf.keras.optimizers.SGD(0.2), 'mse')\nd = tempfile.mkdtemp()\n"
          "cb = tf.keras.callbacks.ModelCheckpoint(os.path.join(d, 'w{epoch}.h5'), "
          "monitor='val_loss',\n    save_best_only=True, save_weights_only=True)\n"
          "h = m.fit(x[:14], y[:14], batch_size=4, epochs=8, shuffle=False, verbose=0,\n"
          "          validation_data=(x[14:], 0.5 * y[14:]), callbacks=[cb])\n"
          "[[(n, o) for n, o, _ in saved], cb.best, h.history['val_loss'], saved[-1][2]]"),
    _case("csv_logger", "import os, tempfile\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "path = os.path.join(tempfile.mkdtemp(), 'log.csv')\n"
          "m.fit(x, y, batch_size=5, epochs=2, shuffle=False, verbose=0,\n"
          "      callbacks=[tf.keras.callbacks.CSVLogger(path)])\n"
          "with open(path) as f:\n    rows = [r.split(',') for r in f.read().splitlines()]\n"
          "[rows[0]] + [[r[0]] + [v if v == 'NA' else round(float(v), 5) for v in r[1:]]\n"
          "             for r in rows[1:]]"),
    _case("history_callback_object", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit(x, y, batch_size=20, epochs=2, shuffle=False, verbose=0)\n"
          "[type(h).__name__, isinstance(h, tf.keras.callbacks.History),\n"
          " isinstance(h, tf.keras.callbacks.Callback), h.model is m]"),
    _case("functional_model_fit", "inp = tf.keras.Input((2,))\n"
          "hid = tf.keras.layers.Dense(3, activation='relu')(inp)\n"
          "m = fixed(tf.keras.Model(inp, tf.keras.layers.Dense(1)(hid)))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          + _FIT.format(b=8, e=3)),
    _case("two_outputs", "inp = tf.keras.Input((2,))\n"
          "hid = tf.keras.layers.Dense(3, activation='tanh', name='hid')(inp)\n"
          "reg = tf.keras.layers.Dense(1, name='reg')(hid)\n"
          "cls = tf.keras.layers.Dense(3, activation='softmax', name='cls')(hid)\n"
          "m = fixed(tf.keras.Model(inp, [reg, cls]))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), ['mse', 'sparse_categorical_crossentropy'],\n"
          "          loss_weights=[1.0, 0.5], metrics=[['mae'], ['accuracy']])\n"
          "h = m.fit(x, [y, labels], batch_size=8, epochs=2, shuffle=False, verbose=0)\n"
          "out(h, m) + [m.evaluate(x, [y, labels], verbose=0), m.predict(x[:3], verbose=0)]"),
    _case("two_outputs_dict_loss", "inp = tf.keras.Input((2,))\n"
          "hid = tf.keras.layers.Dense(3, activation='tanh', name='hid')(inp)\n"
          "reg = tf.keras.layers.Dense(1, name='reg')(hid)\n"
          "cls = tf.keras.layers.Dense(3, activation='softmax', name='cls')(hid)\n"
          "m = fixed(tf.keras.Model(inp, [reg, cls]))\n"
          "m.compile('adam', {'reg': 'mae', 'cls': 'sparse_categorical_crossentropy'},\n"
          "          metrics={'cls': 'acc'})\n"
          "h = m.fit(x, [y, labels], batch_size=8, epochs=2, shuffle=False, verbose=0)\n"
          "out(h, m)"),
    _case("two_inputs", "a = tf.keras.Input((2,), name='a')\nb = tf.keras.Input((1,), name='b')\n"
          "cat = tf.keras.layers.Concatenate()([a, b])\n"
          "m = fixed(tf.keras.Model([a, b], tf.keras.layers.Dense(1)(cat)))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit([x, x[:, :1] * 2], y, batch_size=8, epochs=2, shuffle=False, verbose=0)\n"
          "out(h, m) + [m.predict([x[:3], x[:3, :1]], verbose=0)]"),
    _case("tensor_inputs", "m = regressor()\nm.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit(tf.constant(x), tf.constant(y), batch_size=6, epochs=2, shuffle=False, "
          "verbose=0)\nout(h, m) + [m.evaluate(tf.constant(x), tf.constant(y), verbose=0)]"),
    _case("float64_numpy_inputs", "m = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit(x.astype('float64'), y.astype('float64'), batch_size=6, epochs=2, "
          "shuffle=False, verbose=0)\nout(h, m) + [m.predict(x.astype('float64'), verbose=0)]"),
    _case("batchnorm_dropout_fit", "m = fixed(tf.keras.Sequential([\n"
          "    tf.keras.layers.Dense(4, input_shape=(2,)), tf.keras.layers.BatchNormalization(),\n"
          "    tf.keras.layers.Dropout(0.0), tf.keras.layers.Dense(1)]))\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "h = m.fit(x, y, batch_size=5, epochs=2, shuffle=False, verbose=0)\n"
          "out(h, m) + [m.evaluate(x, y, verbose=0), m.predict(x[:4], verbose=0)]"),
    _case("evaluate_sample_weight", "m = regressor()\n"
          "m.compile('sgd', 'mse', metrics=['mae'], weighted_metrics=['mae'])\n"
          "m.evaluate(x, y, sample_weight=np.linspace(0, 1, 20), batch_size=8, verbose=0)"),
    _case("predict_dataset", "m = regressor()\n"
          "m.predict(tf.data.Dataset.from_tensor_slices(x).batch(7), verbose=0)"),
    _case("fit_uncompiled", "m = regressor()\nm.fit(x, y, verbose=0)", {"first_line": True}),
    _case("compile_bad_optimizer", "m = regressor()\nm.compile('nonesuch', 'mse')",
          {"first_line": True}),
    # TF raises at the first train step, inside its train_function ("in user code: ...").
    _case("compile_bad_loss", "m = regressor()\nm.compile('sgd', 'nonesuch')\n"
          "try:\n    m.fit(x, y, verbose=0)\n    r = None\nexcept ValueError as e:\n"
          "    r = str(e).strip().splitlines()[-1].strip().replace('ValueError: ', '')\nr"),
    _case("optimizer_type_after_compile", "m = regressor()\nm.compile('adam', 'mse')\n"
          "[type(m.optimizer).__name__, m.optimizer.learning_rate.numpy()]"),
    # Progress bars: the raw text; the tests mask timings before comparing.
    _case("progbar_verbose1", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=20, epochs=3, shuffle=False, verbose=1)\nbuf.getvalue()",
          {}),
    _case("progbar_verbose1_steps", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=7, epochs=2, shuffle=False, verbose=1,\n"
          "          validation_data=(x[:5], y[:5]))\nbuf.getvalue()", {}),
    _case("progbar_verbose1_one_epoch", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=20, epochs=1, shuffle=False)\nbuf.getvalue()", {}),
    _case("progbar_verbose2", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=7, epochs=2, shuffle=False, verbose=2,\n"
          "          validation_data=(x[:5], y[:5]))\nbuf.getvalue()", {}),
    _case("progbar_verbose0", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=7, epochs=2, shuffle=False, verbose=0)\n"
          "    m.evaluate(x, y, verbose=0)\n    m.predict(x, verbose=0)\nbuf.getvalue()", {}),
    _case("progbar_evaluate_predict", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse', metrics=['mae'])\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.evaluate(x, y, batch_size=20)\n    m.predict(x, batch_size=20)\n"
          "buf.getvalue()", {}),
    _case("progbar_early_stopping_verbose", "import io, contextlib\nm = regressor()\n"
          "m.compile(tf.keras.optimizers.SGD(0.1), 'mse')\n"
          "es = tf.keras.callbacks.EarlyStopping(monitor='loss', min_delta=0.05, patience=1,\n"
          "                                      verbose=1)\n"
          "buf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
          "    m.fit(x, y, batch_size=20, epochs=20, shuffle=False, verbose=2, "
          "callbacks=[es])\nbuf.getvalue()", {}),
    _case("utils_progbar", "import io, contextlib\nbuf = io.StringIO()\n"
          "with contextlib.redirect_stdout(buf):\n"
          "    p = tf.keras.utils.Progbar(4, stateful_metrics=['s'])\n"
          "    p.update(4, [('a', 1.0), ('s', 2.0)])\n"
          "    q = tf.keras.utils.Progbar(None)\n    q.update(3, [('a', 0.0001)])\n"
          "buf.getvalue()", {}),
    _case("keras_version", "import sys\n[getattr(sys.modules.get('tf_keras'), '__version__', "
          "None)]", {}),
]
