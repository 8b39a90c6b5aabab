"""tf.keras (Keras 3) optimizers and learning rate schedules: golden cases from TensorFlow 2.21.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py keras_optimizers

Trajectories run 20 steps of a convex quadratic (gradient 2 (v - t)) on three variables of
different shapes and record every variable after every step, then the optimizer's state.
Tolerance: RTOL relative. Most steps agree bit for bit; XLA's pow/cos/reductions may differ from
TF's Eigen kernels by an ulp, which the steps then carry along.
"""

RTOL = {"rtol": 1e-6}
K = "tf.keras.optimizers"

_VARS = """vs = [tf.Variable(np.array([1.0, -2.0, 0.5], '{d}'), name='a'),
      tf.Variable(np.array([[0.3, -0.7], [1.5, 2.0]], '{d}'), name='b'),
      tf.Variable(np.array(0.8, '{d}'), name='c')]
ts = [tf.constant(np.array(x, '{d}')) for x in ([0.5, 0.5, -1.0], [[1.0, 0.0], [-1.0, 0.5]], -0.3)]
"""


def _state(opt="opt"):
    # Unnamed Keras variables (Nadam's u_product) are numbered process-wide: 'variable_3'.
    # Keras's dtype is a string, tfcompat's the DType (equal to that string): compare names.
    return (f"[(x.path if not x.name.startswith('variable') else 'variable', "
            "getattr(x.dtype, 'name', x.dtype), "
            f"list(x.shape), x.numpy()) for x in {opt}.variables]")


def _traj(ctor, d="float32", steps=20, grad="2.0 * (v - t)"):
    """Variables after each of `steps` applies, the iteration count and the final state."""
    return (_VARS.format(d=d) + f"opt = {ctor}\nout = []\nfor _ in range({steps}):\n"
            f"    opt.apply_gradients(zip([{grad} for v, t in zip(vs, ts)], vs))\n"
            "    out.append([v.numpy() for v in vs])\n"
            f"out, int(opt.iterations.numpy()), {_state()}")


OPTIMIZERS = [
    ("sgd", f"{K}.SGD(0.1, name='opt')"),
    ("sgd_momentum", f"{K}.SGD(0.05, momentum=0.9, name='opt')"),
    ("sgd_nesterov", f"{K}.SGD(0.05, momentum=0.9, nesterov=True, name='opt')"),
    ("sgd_wd", f"{K}.SGD(0.1, weight_decay=0.1, name='opt')"),
    ("adam", f"{K}.Adam(0.1, name='opt')"),
    ("adam_defaults", f"{K}.Adam(name='opt')"),
    ("adam_amsgrad", f"{K}.Adam(0.1, amsgrad=True, name='opt')"),
    ("adam_eps", f"{K}.Adam(0.1, beta_1=0.8, beta_2=0.99, epsilon=0.5, name='opt')"),
    ("adamw", f"{K}.AdamW(0.1, name='opt')"),
    ("adamw_wd", f"{K}.AdamW(0.05, weight_decay=0.2, amsgrad=True, name='opt')"),
    ("adamax", f"{K}.Adamax(0.1, name='opt')"),
    ("nadam", f"{K}.Nadam(0.1, name='opt')"),
    ("rmsprop", f"{K}.RMSprop(0.01, name='opt')"),
    ("rmsprop_momentum", f"{K}.RMSprop(0.01, momentum=0.5, name='opt')"),
    ("rmsprop_centered", f"{K}.RMSprop(0.01, rho=0.8, centered=True, name='opt')"),
    ("rmsprop_both", f"{K}.RMSprop(0.01, momentum=0.3, centered=True, name='opt')"),
    ("adagrad", f"{K}.Adagrad(0.1, name='opt')"),
    ("adagrad_init", f"{K}.Adagrad(0.1, initial_accumulator_value=1.0, epsilon=0.1, name='opt')"),
    ("adadelta", f"{K}.Adadelta(1.0, name='opt')"),
    ("adadelta_rho", f"{K}.Adadelta(2.0, rho=0.8, epsilon=1e-3, name='opt')"),
    ("ftrl", f"{K}.Ftrl(0.1, name='opt')"),
    ("ftrl_l1l2", f"{K}.Ftrl(0.1, l1_regularization_strength=0.05, "
                  "l2_regularization_strength=0.1, name='opt')"),
    ("ftrl_shrink_beta", f"{K}.Ftrl(0.1, learning_rate_power=-0.7, initial_accumulator_value=0.5, "
                         "l2_shrinkage_regularization_strength=0.05, beta=0.3, name='opt')"),
    ("lion", f"{K}.Lion(0.01, name='opt')"),
    ("lion_betas", f"{K}.Lion(0.02, beta_1=0.5, beta_2=0.9, name='opt')"),
    ("sgd_clipnorm", f"{K}.SGD(0.1, clipnorm=0.5, name='opt')"),
    ("adam_clipvalue", f"{K}.Adam(0.1, clipvalue=0.3, name='opt')"),
    ("sgd_global_clipnorm", f"{K}.SGD(0.1, momentum=0.5, global_clipnorm=1.0, name='opt')"),
    ("rmsprop_clipnorm_big", f"{K}.RMSprop(0.01, clipnorm=100.0, name='opt')"),
    ("sgd_loss_scale", f"{K}.SGD(0.1, loss_scale_factor=4.0, name='opt')"),
    ("sgd_ema", f"{K}.SGD(0.1, use_ema=True, ema_momentum=0.9, name='opt')"),
    ("adam_ema_overwrite", f"{K}.Adam(0.1, use_ema=True, ema_overwrite_frequency=3, name='opt')"),
    ("sgd_accumulate", f"{K}.SGD(0.1, momentum=0.5, gradient_accumulation_steps=3, name='opt')"),
    ("adam_accumulate", f"{K}.Adam(0.1, gradient_accumulation_steps=2, name='opt')"),
    ("sgd_exp_decay", f"{K}.SGD({K}.schedules.ExponentialDecay(0.2, 5, 0.5), name='opt')"),
    ("adam_cosine", f"{K}.Adam({K}.schedules.CosineDecay(0.1, 15), name='opt')"),
    ("sgd_piecewise", f"{K}.SGD({K}.schedules.PiecewiseConstantDecay([4, 9], [0.2, 0.1, 0.05]), "
                      "name='opt')"),
    ("sgd_callable_lr", f"{K}.SGD(lambda: 0.05, momentum=0.9, name='opt')"),
]

TRAJECTORIES = []
for _id, _ctor in OPTIMIZERS:
    TRAJECTORIES.append((f"traj_{_id}_f32", _traj(_ctor), RTOL))
    TRAJECTORIES.append((f"traj_{_id}_f64", _traj(_ctor, "float64"), RTOL))

_SETUP = "v = tf.Variable([1.0, 2.0], name='w')\ng = tf.constant([0.5, -0.5])\n"

API = [
    ("apply_returns_iterations",
     _SETUP + f"opt = {K}.SGD(0.1, name='opt')\nr = opt.apply_gradients([(g, v)])\n"
     "(repr(r), r is opt.iterations, v.numpy())"),
    ("iterations_attrs",
     f"opt = {K}.Adam(name='opt')\nit = opt.iterations\n"
     "(it.name, it.path, it.dtype == 'int64', it.trainable, list(it.shape), it.numpy(), repr(it), "
     "it + 1, int(it))"),
    ("learning_rate_variable",
     f"opt = {K}.Adam(0.25, name='opt')\nlr = opt.learning_rate\n"
     "(lr.name, lr.path, lr.dtype == 'float32', lr.numpy(), repr(lr), float(lr), lr * 2, "
     "2.0 * lr, tf.cast(lr, tf.float64))"),
    ("learning_rate_set",
     f"opt = {K}.Adam(0.25, name='opt')\nopt.learning_rate = 0.5\n"
     "(repr(opt.learning_rate), opt.get_config()['learning_rate'])"),
    ("learning_rate_set_to_schedule",
     f"opt = {K}.Adam(0.25, name='opt')\n"
     f"opt.learning_rate = {K}.schedules.ExponentialDecay(0.1, 2, 0.5)\n"
     "(opt.learning_rate, [x.path for x in opt.variables])"),
    ("learning_rate_schedule_not_settable",
     f"opt = {K}.SGD({K}.schedules.ExponentialDecay(0.1, 2, 0.5))\nopt.learning_rate = 0.5"),
    ("learning_rate_schedule_value",
     _SETUP + f"opt = {K}.SGD({K}.schedules.ExponentialDecay(0.1, 2, 0.5), name='opt')\n"
     "a = opt.learning_rate\nopt.apply_gradients([(g, v)])\nopt.apply_gradients([(g, v)])\n"
     "(a, opt.learning_rate, [x.path for x in opt.variables], v.numpy())"),
    ("learning_rate_callable", f"{K}.SGD(lambda: 0.5).learning_rate"),
    ("learning_rate_float64_numpy", f"{K}.SGD(np.float64(0.5), name='opt').learning_rate.numpy()"),
    ("learning_rate_int", f"{K}.SGD(1)"),
    ("learning_rate_float32_numpy", f"{K}.SGD(np.float32(0.5))"),
    ("learning_rate_tensor", f"{K}.SGD(tf.constant(0.5))"),
    ("variables_before_build", f"{_state(K + '.RMSprop(0.1, name=' + repr('opt') + ')')}"),
    ("variables_build",
     "a = tf.Variable([1.0, 2.0], name='a')\nb = tf.Variable(3.0, name='b')\n"
     f"opt = {K}.RMSprop(0.1, momentum=0.5, centered=True, name='opt')\nopt.build([a, b])\n"
     f"(opt.built, {_state()})"),
    ("variables_adam_amsgrad",
     "a = tf.Variable([1.0, 2.0], name='a')\nb = tf.Variable(3.0, name='b')\n"
     f"opt = {K}.Adam(0.1, amsgrad=True, name='opt')\nopt.build([a, b])\n{_state()}"),
    ("variables_nadam_f64",
     "a = tf.Variable(np.array([1.0, 2.0]), name='a')\n"
     f"opt = {K}.Nadam(0.1, name='opt')\nopt.apply_gradients([(tf.constant([1.0, 1.0], "
     f"tf.float64), a)])\n{_state()}"),
    ("variables_ftrl_adagrad_f64",
     "a = tf.Variable(np.array([1.0, 2.0]), name='a')\n"
     f"o1 = {K}.Ftrl(0.1, name='o1')\no1.build([a])\no2 = {K}.Adagrad(0.1, name='o2')\n"
     f"o2.build([a])\n({_state('o1')}, {_state('o2')})"),
    ("variables_ema_accumulate",
     "a = tf.Variable([1.0, 2.0], name='a')\n"
     f"opt = {K}.SGD(0.1, momentum=0.5, use_ema=True, gradient_accumulation_steps=2, "
     f"name='opt')\nopt.build([a])\n{_state()}"),
    ("variables_unnamed",
     f"a = tf.Variable([1.0, 2.0])\nopt = {K}.Adamax(name='opt')\nopt.build([a])\n{_state()}"),
    ("no_minimize", f"opt = {K}.Adam()\nhasattr(opt, 'minimize')"),
    ("minimize_attribute_error", f"{K}.SGD().minimize(lambda: 1.0, [])"),
    ("grads_python_and_numpy",
     _SETUP + f"opt = {K}.SGD(0.1, name='opt')\nopt.apply_gradients([([1.0, 1.0], v)])\n"
     "opt.apply_gradients([(np.array([1.0, 1.0]), v)])\n"
     "opt.apply_gradients([(tf.constant([1.0, 1.0], tf.float64), v)])\nv.numpy()"),
    ("grads_float32_for_float64",
     f"v = tf.Variable(np.array([1.0, 2.0]))\nopt = {K}.Adam(0.1)\n"
     "opt.apply_gradients([(tf.constant([0.1, -0.3]), v)])\nv.numpy()"),
    ("tape_gradients",
     "w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])\nb = tf.Variable([0.5, -0.5])\n"
     f"opt = {K}.Adam(0.1)\nx = tf.constant([[1.0, -1.0]])\nfor _ in range(5):\n"
     "    with tf.GradientTape() as tape:\n"
     "        loss = tf.reduce_sum((tf.matmul(x, w) + b - 1.0) ** 2)\n"
     "    opt.apply_gradients(zip(tape.gradient(loss, [w, b]), [w, b]))\n"
     "(w.numpy(), b.numpy())", RTOL),
    ("apply_list_after_build",
     _SETUP + f"opt = {K}.SGD(0.1, name='opt')\nopt.build([v])\nopt.apply([g])\n"
     "(v.numpy(), int(opt.iterations.numpy()))"),
    ("apply_subset",
     "a = tf.Variable(1.0, name='a')\nb = tf.Variable(2.0, name='b')\n"
     f"opt = {K}.SGD(0.1, momentum=0.5, name='opt')\n"
     "opt.apply_gradients([(tf.constant(1.0), a), (tf.constant(1.0), b)])\n"
     "opt.apply_gradients([(tf.constant(1.0), b)])\n"
     f"(a.numpy(), b.numpy(), {_state()})"),
    ("exclude_from_weight_decay",
     "a = tf.Variable(1.0, name='a')\nbias = tf.Variable(2.0, name='bias')\n"
     "c = tf.Variable(3.0, name='c')\n"
     f"opt = {K}.AdamW(0.1, weight_decay=0.5)\n"
     "opt.exclude_from_weight_decay(var_list=[c], var_names=['bias'])\n"
     "opt.apply_gradients([(tf.constant(0.0), x) for x in (a, bias, c)])\n"
     "(a.numpy(), bias.numpy(), c.numpy())"),
    ("custom_subclass",
     "class MySGD(tf.keras.optimizers.Optimizer):\n"
     "    def __init__(self, lr):\n        super().__init__(learning_rate=lr, name='my')\n"
     "    def build(self, vs):\n        super().build(vs)\n"
     "        self.ms = [self.add_variable_from_reference(v, 'm') for v in vs]\n"
     "    def update_step(self, g, v, lr):\n"
     "        m = self.ms[self._get_variable_index(v)]\n"
     "        self.assign(m, 0.5 * m + g)\n"
     "        self.assign_sub(v, tf.cast(lr, v.dtype) * m)\n"
     "v = tf.Variable([1.0, 2.0], name='w')\nopt = MySGD(0.1)\n"
     "for _ in range(3):\n    opt.apply_gradients([(tf.constant([1.0, -1.0]), v)])\n"
     f"(v.numpy(), {_state()})"),
    ("legacy_raises", f"{K}.legacy.Adam(0.1)"),
    ("sgd_int_variable",   # Keras casts lr 0.1 to int32: 0, so nothing moves
     f"iv = tf.Variable([1, 2])\nopt = {K}.SGD(0.1)\n"
     "opt.apply_gradients([(tf.constant([1, 1]), iv)])\n(iv.numpy(), int(opt.iterations))"),
]

ERRORS = [
    ("err_all_none", _SETUP + f"{K}.SGD(0.1).apply_gradients([(None, v)])"),
    ("err_some_none_warns",
     "import warnings\na = tf.Variable(1.0, name='a')\nb = tf.Variable(2.0, name='b')\n"
     f"opt = {K}.SGD(0.1)\nwith warnings.catch_warnings(record=True) as w:\n"
     "    warnings.simplefilter('always')\n"
     "    opt.apply_gradients([(None, a), (tf.constant(1.0), b)])\n"
     "([str(x.message) for x in w if 'Gradients' in str(x.message)], a.numpy(), b.numpy(), "
     "int(opt.iterations.numpy()))"),
    ("err_empty", f"{K}.SGD().apply_gradients([])"),
    ("err_unknown_variable",
     _SETUP + f"opt = {K}.SGD(0.1)\nopt.apply_gradients([(g, v)])\n"
     "opt.apply_gradients([(g, tf.Variable([1.0, 2.0]))])"),
    ("err_apply_unbuilt", f"{K}.SGD(0.1).apply([tf.constant(1.0)])"),
    ("err_apply_wrong_count",
     _SETUP + f"opt = {K}.SGD(0.1)\nopt.build([v])\nopt.apply([g, g])"),
    ("err_unknown_kwarg", f"{K}.SGD(0.1, foo=1)"),
    ("err_two_clips", f"{K}.Adam(0.1, clipnorm=1.0, global_clipnorm=2.0)"),
    ("err_momentum_int", f"{K}.SGD(0.1, momentum=1)"),
    ("err_momentum_range", f"{K}.SGD(0.1, momentum=1.5)"),
    ("err_adamw_no_wd", f"{K}.AdamW(weight_decay=None)"),
    ("err_lion_beta", f"{K}.Lion(beta_1=0.0)"),
    ("err_ftrl_acc", f"{K}.Ftrl(initial_accumulator_value=-1.0)"),
    ("err_ftrl_power", f"{K}.Ftrl(learning_rate_power=0.5)"),
    ("err_ftrl_l1", f"{K}.Ftrl(l1_regularization_strength=-0.1)"),
    ("err_ftrl_l2", f"{K}.Ftrl(l2_regularization_strength=-0.1)"),
    ("err_ftrl_shrink", f"{K}.Ftrl(l2_shrinkage_regularization_strength=-0.1)"),
    ("err_ema_momentum", f"{K}.SGD(use_ema=True, ema_momentum=1.5)"),
    ("err_ema_frequency", f"{K}.SGD(use_ema=True, ema_overwrite_frequency=0.5)"),
    ("err_accumulation_steps", f"{K}.SGD(gradient_accumulation_steps=1)"),
    ("exclude_after_build_allowed",
     _SETUP + f"opt = {K}.AdamW()\nopt.build([v])\nopt.exclude_from_weight_decay([v])"),
]
for _name, _ctor, _g in [("sgd", "SGD(0.1)", "[1.0, 2.0, 3.0]"),
                         ("sgd_scalar", "SGD(0.1)", "1.0"),
                         ("sgd_momentum", "SGD(0.1, momentum=0.5)", "[1.0, 2.0, 3.0]"),
                         ("adam", "Adam(0.1)", "[1.0, 2.0, 3.0]"),
                         ("rmsprop", "RMSprop(0.1)", "[1.0, 2.0, 3.0]"),
                         ("adagrad", "Adagrad(0.1)", "[1.0, 2.0, 3.0]"),
                         ("adagrad_scalar", "Adagrad(0.1)", "1.0"),
                         ("adadelta", "Adadelta(0.1)", "[[1.0, 2.0, 3.0]]"),
                         ("ftrl", "Ftrl(0.1)", "[1.0, 2.0, 3.0]"),
                         ("lion", "Lion(0.1)", "[1.0, 2.0, 3.0]"),
                         ("adamax", "Adamax(0.1)", "[1.0, 2.0, 3.0]")]:
    ERRORS.append((f"err_shape_{_name}",
                   _SETUP + f"opt = {K}.{_ctor}\nopt.apply_gradients([(tf.constant({_g}), v)])"))
# Gradients that broadcast to the variable pass where TF's first op broadcasts them.
for _name, _ctor in [("adam", "Adam(0.1)"), ("sgd_momentum", "SGD(0.1, momentum=0.5)"),
                     ("rmsprop", "RMSprop(0.1)")]:
    ERRORS.append((f"broadcast_grad_{_name}",
                   _SETUP + f"opt = {K}.{_ctor}\nopt.apply_gradients([(tf.constant(1.0), v)])\n"
                   "v.numpy()", RTOL))

_ALL_CTORS = ["SGD(0.1, momentum=0.5, nesterov=True)", "Adam(0.2, amsgrad=True, clipnorm=1.0)",
              "AdamW(0.2, weight_decay=0.1)", "Adamax(beta_2=0.9)", "Nadam(epsilon=0.1)",
              "RMSprop(rho=0.8, momentum=0.1, centered=True, global_clipnorm=2.0)",
              "Adagrad(initial_accumulator_value=0.5, clipvalue=3.0)", "Adadelta(rho=0.5)",
              "Ftrl(l1_regularization_strength=0.1, beta=0.2)", "Lion(beta_2=0.5)",
              "SGD(use_ema=True, ema_momentum=0.5, ema_overwrite_frequency=4, "
              "loss_scale_factor=2.0, gradient_accumulation_steps=3)"]
CONFIG = []
for _i, _ctor in enumerate(_ALL_CTORS):
    _o = f"{K}.{_ctor[:-1]}, name='opt')"
    CONFIG.append((f"config_{_i}_{_ctor.split('(')[0].lower()}",
                   f"o = {_o}\nc = o.get_config()\n"
                   "(c, type(o).from_config(o.get_config()).get_config() == c)"))
CONFIG += [
    ("config_schedule_lr",
     f"o = {K}.SGD({K}.schedules.ExponentialDecay(0.1, 10, 0.5), name='opt')\nc = o.get_config()\n"
     "o2 = tf.keras.optimizers.SGD.from_config(o.get_config())\n"
     "(c, o2.get_config() == c, o2.learning_rate)"),
    ("serialize", f"{K}.serialize({K}.Adam(0.5, name='opt'))"),
    ("deserialize",
     f"{K}.deserialize({{'class_name': 'Adam', 'config': {{'learning_rate': 0.5, "
     "'name': 'x'}}).get_config()"),
    ("deserialize_lowercase",
     f"{K}.deserialize({{'class_name': 'rmsprop', 'config': {{'name': 'x'}}}}).get_config()"),
    ("deserialize_round_trip",
     f"o = {K}.Ftrl(0.3, beta=0.1, name='f')\n"
     f"{K}.deserialize({K}.serialize(o)).get_config() == o.get_config()"),
    ("get_name", f"{K}.get('adamw').get_config()['weight_decay']"),
    ("get_capitalised", f"type({K}.get('Adadelta')).__name__"),
    ("get_dict", f"{K}.get({{'class_name': 'SGD', 'config': {{'learning_rate': 0.5, "
                 "'name': 'x'}}).get_config()"),
    ("get_instance", f"o = {K}.SGD()\n{K}.get(o) is o"),
    ("get_none", f"{K}.get(None)"),
    ("deserialize_unknown", f"{K}.deserialize({{'class_name': 'Nope', 'config': {{}}}})"),
    ("iterations_accumulating",
     _SETUP + f"opt = {K}.SGD(0.1, gradient_accumulation_steps=2)\n"
     "r = [opt.iterations]\nfor _ in range(3):\n    opt.apply_gradients([(g, v)])\n"
     "    r.append(opt.iterations)\nr"),
    ("get_bogus", f"{K}.get('bogus')"),
    ("get_number", f"{K}.get(3)"),
]

S = f"{K}.schedules"
SCHEDULES = [
    ("exp", f"{S}.ExponentialDecay(0.1, 4, 0.5)"),
    ("exp_staircase", f"{S}.ExponentialDecay(0.1, 4, 0.96, staircase=True)"),
    ("exp_f64", f"{S}.ExponentialDecay(np.float64(0.1), 4, 0.96)"),
    ("piecewise", f"{S}.PiecewiseConstantDecay([3, 7, 10], [1.0, 0.5, 0.25, 0.1])"),
    ("piecewise_one", f"{S}.PiecewiseConstantDecay([5], [0.3, 0.2])"),
    ("poly", f"{S}.PolynomialDecay(0.1, 10)"),
    ("poly_power", f"{S}.PolynomialDecay(0.1, 10, end_learning_rate=0.01, power=0.5)"),
    ("poly_cycle", f"{S}.PolynomialDecay(0.1, 4, end_learning_rate=0.01, power=2.0, cycle=True)"),
    ("inverse", f"{S}.InverseTimeDecay(0.1, 2, 0.5)"),
    ("inverse_staircase", f"{S}.InverseTimeDecay(0.1, 3, 0.5, staircase=True)"),
    ("cosine", f"{S}.CosineDecay(0.1, 10)"),
    ("cosine_alpha", f"{S}.CosineDecay(0.1, 10, alpha=0.1)"),
    ("cosine_warmup", f"{S}.CosineDecay(0.0, 8, warmup_target=0.2, warmup_steps=5)"),
    ("cosine_f64", f"{S}.CosineDecay(np.float64(0.1), 10, alpha=0.2)"),
    ("restarts", f"{S}.CosineDecayRestarts(0.1, 3)"),
    ("restarts_tmul1", f"{S}.CosineDecayRestarts(0.1, 4, t_mul=1.0, m_mul=0.5, alpha=0.1)"),
    ("restarts_mmul", f"{S}.CosineDecayRestarts(0.1, 2, t_mul=1.5, m_mul=0.8)"),
]
SCHEDULE_CASES = []
for _id, _ctor in SCHEDULES:
    SCHEDULE_CASES.append((f"schedule_{_id}", f"s = {_ctor}\n[s(i) for i in range(16)]", RTOL))
    SCHEDULE_CASES.append((f"schedule_{_id}_config",
                           f"s = {_ctor}\nc = s.get_config()\n"
                           f"(c, {S}.serialize(s), type(s).from_config(c).get_config() == c, "
                           f"{S}.deserialize({S}.serialize(s)).get_config() == c)"))
SCHEDULE_CASES += [
    ("schedule_step_tensor", f"{S}.ExponentialDecay(0.1, 4, 0.5)(tf.constant(6))", RTOL),
    ("schedule_step_int64", f"{S}.CosineDecay(0.1, 10)(tf.constant(3, tf.int64))", RTOL),
    ("schedule_step_variable", f"{S}.PolynomialDecay(0.1, 10)(tf.Variable(4))", RTOL),
    ("schedule_err_decay_steps", f"{S}.ExponentialDecay(0.1, 0, 0.5)"),
    ("schedule_err_poly_steps", f"{S}.PolynomialDecay(0.1, -1)"),
    ("schedule_err_restart_steps", f"{S}.CosineDecayRestarts(0.1, 0)"),
    ("schedule_err_piecewise", f"{S}.PiecewiseConstantDecay([1, 2], [0.1, 0.2])"),
    ("schedule_base_call", f"{S}.LearningRateSchedule()(1)"),
    ("schedule_deserialize_unknown",
     f"{S}.deserialize({{'class_name': 'Nope', 'config': {{}}}})"),
]

CASES = TRAJECTORIES + API + ERRORS + CONFIG + SCHEDULE_CASES
