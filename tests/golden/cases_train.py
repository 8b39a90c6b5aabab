"""TF 1 training: optimizers, slots, global step, learning-rate decay; recorded from TF 2.21.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record.py train

Tolerance: optimizer trajectories (20 steps of a convex, non-chaotic problem, float32 and float64
variables) are compared exactly: the update rules round as TF's kernels do (transforms.py). Decay
schedules with transcendentals (exp, cos, pow, log: NumPy's float32 functions, not Eigen's) and
trajectories driven by them: rtol 1e-6.
Every case starts with reset_default_graph(), so slot names do not depend on earlier cases.
"""

TOL = {"rtol": 1e-6}
RESET = "tf.compat.v1.reset_default_graph()\n"

# Two float32 variables of different shapes and a float64 one; `frozen` is read by the loss but
# left out of var_list; `unused` is in var_list but gets a None gradient (skipped).
PROBLEM = RESET + """
w = tf.Variable([[0.5, -0.3], [0.2, 0.8]], name="w")
b = tf.Variable([0.1, -0.2], name="b")
d = tf.Variable(np.float64(0.7), name="d")
frozen = tf.Variable([1.0, 2.0], name="frozen")
unused = tf.Variable(3.0, name="unused")
x = tf.constant([[1.0, 2.0], [-1.0, 0.5]])
gs = tf.compat.v1.train.get_or_create_global_step()
def loss():
    y = tf.matmul(x, w) + b - frozen
    return tf.reduce_sum(tf.square(y)) * 0.5 + tf.cast(tf.square(d - 2.0), tf.float32)
VARS = [w, b, d, unused]
"""

RUN = """
opt = {opt}
trace = []
for _ in range(20):
    r = opt.minimize(loss, global_step=gs, var_list=VARS)
    trace.append([w.numpy(), b.numpy(), d.numpy()])
[r, trace, [(v.name, v.numpy()) for v in opt.variables()], opt.get_slot_names(), gs, unused,
 frozen, opt.get_name()]
"""

# The same problem through compute_gradients + apply_gradients, float32 variables only.
RUN_APPLY = """
opt = {opt}
trace = []
for _ in range(20):
    gv = opt.compute_gradients(loss, var_list=[w, b, unused])
    r = opt.apply_gradients(gv, global_step=gs)
    trace.append([w.numpy(), b.numpy()])
[r, trace, [(v.name, v.numpy()) for v in opt.variables()], opt.get_slot_names(), gs]
"""


def _run(case_id, opt, apply=False, tol=None):
    return (case_id, PROBLEM + (RUN_APPLY if apply else RUN).format(opt=opt), tol or {})


# The update rule alone: 20 steps of fixed gradients (no tape), float32 and float64 variables.
FIXED = RESET + """
G = (np.cos(np.arange(100.0) * 0.7) * 2.0).reshape(20, 5)
u = tf.Variable([[0.5, -0.3], [0.2, 0.8]], name="u")
v = tf.Variable(np.array([0.1, -0.2, 0.3]), name="v")
opt = {opt}
trace = []
for t in range(20):
    opt.apply_gradients([(tf.constant(G[t, :4].reshape(2, 2), tf.float32), u),
                         (tf.constant(G[t, 2:], tf.float64), v)])
    trace.append([u.numpy(), v.numpy()])
[trace, [(v.name, v.numpy()) for v in opt.variables()]]
"""
# Proximal optimizers take float32 variables only (their hyperparameters are not cast).
FIXED32 = FIXED.replace("(tf.constant(G[t, 2:], tf.float64), v)", "")


T = "tf.compat.v1.train."
TRAJECTORIES = [
    _run("gd", T + "GradientDescentOptimizer(0.05)"),
    _run("gd_apply", T + "GradientDescentOptimizer(0.05)", apply=True),
    _run("gd_callable_lr", T + "GradientDescentOptimizer(lambda: 0.05)"),
    _run("gd_float64_lr", T + "GradientDescentOptimizer(np.float64(0.05))"),
    _run("gd_tensor_lr", T + "GradientDescentOptimizer(tf.constant(0.05))"),
    _run("gd_float64_tensor_lr", T + "GradientDescentOptimizer(tf.constant(0.05, tf.float64))"),
    _run("gd_variable_lr", T + "GradientDescentOptimizer(tf.Variable(0.05))"),
    _run("gd_exponential_decay_lr",
         T + "GradientDescentOptimizer(" + T + "exponential_decay(0.1, gs, 5, 0.5))", tol=TOL),
    _run("momentum", T + "MomentumOptimizer(0.02, 0.9)"),
    _run("momentum_apply", T + "MomentumOptimizer(0.02, 0.9)", apply=True),
    _run("momentum_nesterov", T + "MomentumOptimizer(0.02, 0.9, use_nesterov=True)"),
    _run("momentum_callables", T + "MomentumOptimizer(lambda: 0.02, lambda: 0.5)"),
    _run("momentum_name", T + "MomentumOptimizer(0.02, 0.9, name='Mom')"),
    _run("adam", T + "AdamOptimizer(0.05)"),
    _run("adam_apply", T + "AdamOptimizer(0.05)", apply=True),
    _run("adam_defaults", T + "AdamOptimizer()"),
    _run("adam_epsilon_hat", T + "AdamOptimizer(0.1, epsilon=1.0)"),
    _run("adam_betas", T + "AdamOptimizer(0.05, beta1=0.5, beta2=0.9, epsilon=1e-4)"),
    _run("adam_callables", T + "AdamOptimizer(lambda: 0.05, lambda: 0.8, lambda: 0.99)"),
    _run("adam_own_namescope", T + "AdamOptimizer(0.05, use_own_namescope_for_non_slot_vars=True)"),
    _run("adagrad", T + "AdagradOptimizer(0.1)"),
    _run("adagrad_initial_accumulator", T + "AdagradOptimizer(0.2, initial_accumulator_value=0.5)"),
    _run("adagrad_apply", T + "AdagradOptimizer(0.1)", apply=True),
    _run("adagrad_da", T + "AdagradDAOptimizer(0.1, gs)"),
    _run("adagrad_da_l1_l2", T + "AdagradDAOptimizer(0.5, gs, l1_regularization_strength=0.05, "
         "l2_regularization_strength=0.1, initial_gradient_squared_accumulator_value=0.3)"),
    _run("rmsprop", T + "RMSPropOptimizer(0.01)"),
    _run("rmsprop_momentum", T + "RMSPropOptimizer(0.01, decay=0.8, momentum=0.5)"),
    _run("rmsprop_centered", T + "RMSPropOptimizer(0.01, centered=True)"),
    _run("rmsprop_centered_momentum",
         T + "RMSPropOptimizer(0.01, momentum=0.3, epsilon=1e-6, centered=True)"),
    _run("rmsprop_callables", T + "RMSPropOptimizer(lambda: 0.01, decay=lambda: 0.8)"),
    _run("adadelta", T + "AdadeltaOptimizer(1.0)"),
    _run("adadelta_rho_epsilon", T + "AdadeltaOptimizer(2.0, rho=0.9, epsilon=1e-4)"),
    _run("adadelta_defaults", T + "AdadeltaOptimizer()"),
    _run("ftrl", T + "FtrlOptimizer(0.1)"),
    _run("ftrl_l1_l2", T + "FtrlOptimizer(0.5, l1_regularization_strength=0.05, "
         "l2_regularization_strength=0.1)"),
    _run("ftrl_l1_zeroes", T + "FtrlOptimizer(0.5, l1_regularization_strength=2.0)"),
    _run("ftrl_lr_power", T + "FtrlOptimizer(0.3, learning_rate_power=-0.3, "
         "initial_accumulator_value=0.5)"),
    _run("ftrl_lr_power_zero", T + "FtrlOptimizer(0.05, learning_rate_power=0.0)"),
    _run("ftrl_shrinkage", T + "FtrlOptimizer(0.3, l2_shrinkage_regularization_strength=0.05, "
         "l1_regularization_strength=0.01)"),
    _run("ftrl_beta", T + "FtrlOptimizer(0.3, beta=0.1, l2_regularization_strength=0.01)"),
    _run("ftrl_slot_names", T + "FtrlOptimizer(0.3, accum_name='Acc', linear_name='Lin')"),
    _run("proximal_gd", T + "ProximalGradientDescentOptimizer(0.05)", apply=True),
    _run("proximal_gd_l1_l2", T + "ProximalGradientDescentOptimizer(0.05, "
         "l1_regularization_strength=0.05, l2_regularization_strength=0.1)", apply=True),
    _run("proximal_gd_l2", T + "ProximalGradientDescentOptimizer(0.05, "
         "l2_regularization_strength=0.3)", apply=True),
    _run("proximal_adagrad", T + "ProximalAdagradOptimizer(0.1)", apply=True),
    _run("proximal_adagrad_l1_l2", T + "ProximalAdagradOptimizer(0.3, "
         "l1_regularization_strength=0.05, l2_regularization_strength=0.1, "
         "initial_accumulator_value=0.2)", apply=True),
]

OPTS = {
    "gd": "GradientDescentOptimizer(0.1)",
    "momentum": "MomentumOptimizer(0.1, 0.9)",
    "nesterov": "MomentumOptimizer(0.1, 0.9, use_nesterov=True)",
    "adam": "AdamOptimizer(0.1)",
    "adagrad": "AdagradOptimizer(0.1)",
    "adagrad_da": "AdagradDAOptimizer(0.1, tf.compat.v1.train.get_or_create_global_step())",
    "rmsprop": "RMSPropOptimizer(0.1)",
    "rmsprop_centered": "RMSPropOptimizer(0.1, centered=True)",
    "adadelta": "AdadeltaOptimizer(0.1)",
    "ftrl": "FtrlOptimizer(0.1)",
    "ftrl_v2": "FtrlOptimizer(0.1, l2_shrinkage_regularization_strength=0.1)",
    "proximal_gd": "ProximalGradientDescentOptimizer(0.1)",
    "proximal_adagrad": "ProximalAdagradOptimizer(0.1)",
}

# The error message with its variable part (the attribute list, in hash order in TF) cut off.
UPTO_ATTRS = """
try:
    opt.apply_gradients([(tf.constant([1, 2]), xi)])
    r = None
except Exception as e:
    r = [type(e).__name__, str(e).split(" with these attrs")[0]]
r
"""


def _per_optimizer():
    cases = []
    for key, opt in OPTS.items():
        o = T + opt
        fixed = FIXED32 if "proximal" in key else FIXED
        cases.append((f"{key}_fixed_gradients", fixed.format(opt=o), {}))
        if key == "gd":
            cases.append(("gd_int_lr_fixed_gradients",
                          FIXED.format(opt=T + "GradientDescentOptimizer(1)"), {}))
        cases += [
            (f"{key}_shape_mismatch", RESET + f"x = tf.Variable([1.0, 2.0], name='x')\n"
             f"{o}.apply_gradients([(tf.constant([1.0, 2.0, 3.0]), x)])", {}),
            (f"{key}_int_variable", RESET + f"xi = tf.Variable([1, 2], name='xi')\nopt = {o}\n"
             + UPTO_ATTRS, {}),
            (f"{key}_one_step_float64", RESET +
             f"x = tf.Variable([1.0, -2.0], dtype=tf.float64, name='x')\nopt = {o}\n"
             "r = opt.apply_gradients([(tf.constant([0.5, 2.0], tf.float64), x)])\n"
             "[r, x, [(v.name, v.dtype, v.numpy()) for v in opt.variables()]]", {}),
            (f"{key}_slots_before_apply", RESET +
             f"opt = {o}\n[opt.get_slot_names(), opt.variables()]", {}),
            (f"{key}_two_vars_same_name", RESET +
             f"a = tf.Variable([1.0, 2.0], name='a')\na2 = tf.Variable(3.0, name='a')\n"
             f"opt = {o}\nopt.apply_gradients([(tf.constant([1.0, 1.0]), a), (2.0, a2)])\n"
             "[[(n, opt.get_slot(v, n)) for n in opt.get_slot_names()] for v in (a, a2)] + "
             "[[v.name for v in opt.variables()], a, a2]", {}),
            (f"{key}_tensor_as_variable", RESET +
             f"{o}.apply_gradients([(tf.constant(1.0), tf.constant(2.0))])", {}),
        ]
    return cases


SLOTS = [
    ("slot_names_across_optimizers", RESET + """
x = tf.Variable([1.0, 2.0], name="x")
o1 = tf.compat.v1.train.AdamOptimizer(0.1)
o1.apply_gradients([(tf.constant([1.0, 1.0]), x)])
o2 = tf.compat.v1.train.AdamOptimizer(0.1)
o2.apply_gradients([(tf.constant([1.0, 1.0]), x)])
o3 = tf.compat.v1.train.MomentumOptimizer(0.1, 0.9)
o3.apply_gradients([(tf.constant([1.0, 1.0]), x)])
[[v.name for v in o.variables()] for o in (o1, o2, o3)]
""", {}),
    ("slot_names_after_reset", RESET + """
x = tf.Variable([1.0, 2.0], name="x")
tf.compat.v1.train.MomentumOptimizer(0.1, 0.9).apply_gradients([(tf.constant([1.0, 1.0]), x)])
tf.compat.v1.reset_default_graph()
o = tf.compat.v1.train.MomentumOptimizer(0.1, 0.9)
o.apply_gradients([(tf.constant([1.0, 1.0]), x)])
[v.name for v in o.variables()]
""", {}),
    ("slot_names_unnamed_and_scoped_vars", RESET + """
v = tf.Variable(1.0)
s = tf.Variable(2.0, name="a/b")
o = tf.compat.v1.train.RMSPropOptimizer(0.1, centered=True)
o.apply_gradients([(1.0, v), (1.0, s)])
[v.name for v in o.variables()]
""", {}),
    ("slot_properties", RESET + """
x = tf.Variable([1.0, 2.0], name="x")
o = tf.compat.v1.train.MomentumOptimizer(0.1, 0.9)
o.apply_gradients([(tf.constant([1.0, 1.0]), x)])
m = o.get_slot(x, "momentum")
[m, m.trainable, o.get_slot(x, "nope"), o.get_slot(tf.Variable(1.0), "momentum")]
""", {}),
    ("slots_created_lazily_for_vars_with_gradients", RESET + """
x = tf.Variable(1.0, name="x")
y = tf.Variable(2.0, name="y")
o = tf.compat.v1.train.AdagradOptimizer(0.1)
o.apply_gradients([(1.0, x), (None, y)])
r1 = [v.name for v in o.variables()]
o.apply_gradients([(1.0, y)])
[r1, [v.name for v in o.variables()], o.get_slot(y, "accumulator")]
""", {}),
    ("adam_beta_powers", RESET + """
x = tf.Variable(1.0, name="x")
o = tf.compat.v1.train.AdamOptimizer(0.1, beta1=0.8)
o.apply_gradients([(1.0, x)])
r = [v.numpy() for v in o._get_beta_accumulators()]
o.apply_gradients([(1.0, x)])
[r, [v for v in o._get_beta_accumulators()]]
""", {}),
    ("adam_beta_powers_named_by_first_var", RESET + """
z = tf.Variable(1.0, name="z")
a = tf.Variable(1.0, name="a")
o = tf.compat.v1.train.AdamOptimizer(0.1)
o.apply_gradients([(1.0, z), (1.0, a)])
[v.name for v in o.variables()]
""", {}),
    ("rmsprop_slot_order", RESET + """
x = tf.Variable(1.0, name="x")
o = tf.compat.v1.train.RMSPropOptimizer(0.1, centered=True)
o.apply_gradients([(1.0, x)])
[(n, o.get_slot(x, n).name) for n in o.get_slot_names()]
""", {}),
    ("variable_constraint_applied_after_update", RESET + """
x = tf.Variable([1.0, -2.0], constraint=lambda v: tf.clip_by_value(v, -1.0, 1.0))
tf.compat.v1.train.GradientDescentOptimizer(0.1).apply_gradients([(tf.constant([-5.0, 1.0]), x)])
x
""", {}),
]

ERRORS = [
    ("adagrad_initial_accumulator_zero", T + "AdagradOptimizer(0.1, initial_accumulator_value=0.0)",
     {}),
    ("adagrad_da_initial_value_negative",
     T + "AdagradDAOptimizer(0.1, None, initial_gradient_squared_accumulator_value=-1)", {}),
    ("adagrad_da_global_step_none", RESET + "x = tf.Variable(1.0)\n"
     + T + "AdagradDAOptimizer(0.1, None).apply_gradients([(1.0, x)])", {}),
    ("proximal_adagrad_initial_value_zero",
     T + "ProximalAdagradOptimizer(0.1, initial_accumulator_value=0)", {}),
    ("ftrl_initial_accumulator_negative", T + "FtrlOptimizer(0.1, initial_accumulator_value=-1)",
     {}),
    ("ftrl_lr_power_positive", T + "FtrlOptimizer(0.1, learning_rate_power=0.5)", {}),
    ("ftrl_l1_negative", T + "FtrlOptimizer(0.1, l1_regularization_strength=-0.5)", {}),
    ("ftrl_l2_negative", T + "FtrlOptimizer(0.1, l2_regularization_strength=-0.5)", {}),
    ("ftrl_shrinkage_negative", T + "FtrlOptimizer(0.1, l2_shrinkage_regularization_strength=-1)",
     {}),
    ("ftrl_callable_lr", RESET + "x = tf.Variable(1.0)\n"
     + T + "FtrlOptimizer(lambda: 0.1).apply_gradients([(1.0, x)])", {}),
    ("proximal_gd_float64_tensor_lr", RESET + "x = tf.Variable([1.0], dtype=tf.float64)\n"
     + T + "ProximalGradientDescentOptimizer(tf.constant(0.1, tf.float64))"
     ".apply_gradients([(tf.constant([1.0], tf.float64), x)])", {}),
    ("empty_name", T + "GradientDescentOptimizer(0.1, name='')", {}),
    ("adam_empty_grads", T + "AdamOptimizer(0.1).apply_gradients([])", {}),
    ("adam_all_none", RESET + "x = tf.Variable(2.0, name='x')\n"
     + T + "AdamOptimizer(0.1).apply_gradients([(None, x)])", {}),
    ("minimize_only_int_variables", RESET + "x = tf.Variable(2, name='x')\n"
     + T + "AdamOptimizer(0.1).minimize(lambda: tf.cast(x, tf.float32) * 2.0)", {}),
    ("minimize_callable_required", RESET + "x = tf.Variable(2.0)\n"
     + T + "MomentumOptimizer(0.1, 0.9).minimize(x * x)", {}),
    ("failed_apply_after_slot_creation", RESET + """
x = tf.Variable([1.0, 2.0], name="x")
o = tf.compat.v1.train.MomentumOptimizer(0.1, 0.9)
try:
    o.apply_gradients([(tf.constant([1.0, 2.0, 3.0]), x)])
except Exception as e:
    err = type(e).__name__
[err, [v.name for v in o.variables()]]
""", {}),
]

GLOBAL_STEP = [
    ("global_step_none_after_reset", RESET + "tf.compat.v1.train.get_global_step()", {}),
    ("global_step_create", RESET + """
g = tf.compat.v1.train.get_or_create_global_step()
[g, g.trainable, tf.compat.v1.train.get_or_create_global_step() is g,
 tf.compat.v1.train.get_global_step() is g]
""", {}),
    ("global_step_create_twice", RESET + "tf.compat.v1.train.create_global_step()\n"
     "tf.compat.v1.train.create_global_step()", {}),
    ("global_step_reset_forgets", RESET + """
g = tf.compat.v1.train.get_or_create_global_step()
g.assign(5)
tf.compat.v1.reset_default_graph()
[tf.compat.v1.train.get_global_step(), tf.compat.v1.train.get_or_create_global_step(), g]
""", {}),
    ("global_step_int32_and_float", RESET + """
x = tf.Variable(1.0)
s32 = tf.Variable(7, dtype=tf.int32)
sf = tf.Variable(0.5)
o = tf.compat.v1.train.AdamOptimizer(0.1)
o.apply_gradients([(1.0, x)], global_step=s32)
o.minimize(lambda: x * x, global_step=sf)
[s32, sf, x]
""", {}),
    ("global_step_increments_after_update", RESET + """
x = tf.Variable(1.0)
gs = tf.compat.v1.train.get_or_create_global_step()
lr = lambda: 0.1 * tf.cast(gs + 1, tf.float32)
o = tf.compat.v1.train.GradientDescentOptimizer(lr)
for _ in range(3):
    o.apply_gradients([(1.0, x)], global_step=gs)
[gs, x]
""", {}),
]

STEPS = "for _ in range(13):\n    out.append(lr())\n    gs.assign_add(1)\n"


def _schedule(case_id, call, tol=TOL):
    src = (RESET + "gs = tf.Variable(0, dtype=tf.int64)\n"
           f"lr = tf.compat.v1.train.{call}\nout = [callable(lr), type(lr).__name__]\n" + STEPS
           + "out")
    return (case_id, src, tol)


SCHEDULES = [
    _schedule("exponential_decay", "exponential_decay(0.1, gs, 4, 0.5)"),
    _schedule("exponential_decay_staircase", "exponential_decay(0.1, gs, 4, 0.5, staircase=True)"),
    _schedule("exponential_decay_float64", "exponential_decay(np.float64(0.1), gs, 3, 0.9)"),
    _schedule("natural_exp_decay", "natural_exp_decay(0.1, gs, 4, 0.5)"),
    _schedule("natural_exp_decay_staircase", "natural_exp_decay(0.1, gs, 4, 0.5, True)"),
    _schedule("inverse_time_decay", "inverse_time_decay(0.1, gs, 4, 0.5)"),
    _schedule("inverse_time_decay_staircase", "inverse_time_decay(0.1, gs, 4, 0.5, True)"),
    _schedule("polynomial_decay", "polynomial_decay(0.1, gs, 8)"),
    _schedule("polynomial_decay_power", "polynomial_decay(0.1, gs, 8, 0.01, power=0.5)"),
    _schedule("polynomial_decay_cycle", "polynomial_decay(0.1, gs, 5, 0.01, cycle=True)"),
    _schedule("cosine_decay", "cosine_decay(0.1, gs, 10)"),
    _schedule("cosine_decay_alpha", "cosine_decay(0.1, gs, 10, alpha=0.2)"),
    _schedule("cosine_decay_restarts", "cosine_decay_restarts(0.1, gs, 3)"),
    _schedule("cosine_decay_restarts_t_mul_one",
              "cosine_decay_restarts(0.1, gs, 4, t_mul=1.0, m_mul=0.5, alpha=0.1)"),
    _schedule("cosine_decay_restarts_m_mul", "cosine_decay_restarts(0.1, gs, 2, 1.5, 0.8, 0.05)"),
    _schedule("linear_cosine_decay", "linear_cosine_decay(0.1, gs, 10)"),
    _schedule("linear_cosine_decay_periods",
              "linear_cosine_decay(0.1, gs, 10, num_periods=2.0, alpha=0.1, beta=0.01)"),
    _schedule("piecewise_constant", "piecewise_constant(gs, [3, 7], [1.0, 0.5, 0.1])", {}),
    _schedule("piecewise_constant_decay", "piecewise_constant_decay(gs, [3, 7], [1, 2, 3])", {}),
    _schedule("piecewise_constant_one_boundary", "piecewise_constant(gs, [5], [0.1, 0.01])", {}),
    ("piecewise_constant_python_step", "lr = tf.compat.v1.train.piecewise_constant(4, [3, 7], "
     "[1.0, 0.5, 0.1])\nlr()", {}),
    ("exponential_decay_python_step",
     "tf.compat.v1.train.exponential_decay(0.1, 10, 4, 0.5)()", TOL),
    ("piecewise_constant_bad_boundaries", "tf.compat.v1.train.piecewise_constant("
     "tf.Variable(0, dtype=tf.int64), [1.5], [1.0, 2.0])", {}),
    ("piecewise_constant_mixed_values", "tf.compat.v1.train.piecewise_constant("
     "tf.Variable(0, dtype=tf.int64), [1], [1.0, 2])", {}),
    ("piecewise_constant_bad_lengths", "tf.compat.v1.train.piecewise_constant("
     "tf.Variable(0, dtype=tf.int64), [1, 2], [1.0, 2.0])", {}),
    ("schedule_as_learning_rate", RESET + """
x = tf.Variable(5.0)
gs = tf.compat.v1.train.get_or_create_global_step()
lr = tf.compat.v1.train.polynomial_decay(0.5, gs, 10, 0.05)
o = tf.compat.v1.train.MomentumOptimizer(lr, 0.5)
out = []
for _ in range(12):
    o.minimize(lambda: x * x, global_step=gs)
    out.append(x.numpy())
[out, gs]
""", TOL),
]

CASES = TRAJECTORIES + _per_optimizer() + SLOTS + ERRORS + GLOBAL_STEP + SCHEDULES
