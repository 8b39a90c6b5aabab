"""TF-exact optimizer update rules as optax GradientTransformations (reusable by tf.keras).

Each rule follows TF's CPU kernel (`training_ops.cc`) operation by operation, so float rounding
matches TF's up to XLA's fusion (XLA may contract a multiply and an add into one FMA; TF's Eigen
kernels round twice). Hyperparameters are scalars already in the parameter's dtype: TF 1 converts
them to float32 tensors and casts them to the variable's dtype, which the caller does. A state is
a NamedTuple whose fields are TF's slots in TF's creation order, so an optimizer can map its slot
variables to the state's leaves one to one. Rules where TF *assigns* the variable (Ftrl, the
proximal rules, AdagradDA) return `new - param` as the update, as optax's convention requires,
and also expose the assignment itself (`update.new_params`, see `_assigning`).

optax's own transforms reproduce TF 1 for GradientDescent and Momentum (`optax.sgd`), Adagrad
(`optax.adagrad(lr, initial_accumulator_value, eps=0.0)`) and Adadelta
(`optax.adadelta(lr, rho, eps)`); the rules here are those optax has not, or computes otherwise.
"""

import contextlib
import threading
from typing import Any, NamedTuple

import jax
import jax.numpy as jnp

_rounding = threading.local()


def _optax():
    """optax, imported when the first optimizer is built: importing it (optax.contrib with it)
    takes a fifth of `import tfcompat`'s time."""
    import optax
    return optax


@contextlib.contextmanager
def separate_rounding(one):
    """While tracing: `_rounded` multiplies by `one`, a runtime 1.0 (an argument of the jitted
    function, so XLA cannot fold it). LLVM then contracts `(a*b)*one + c` into
    fma(a*b, one, c) = round(round(a*b) + c): TF's two roundings instead of one FMA."""
    previous = getattr(_rounding, "one", None)
    _rounding.one = one
    try:
        yield
    finally:
        _rounding.one = previous


def _rounded(x):
    """A product that feeds an addition, to be rounded on its own as TF's kernels round it."""
    one = getattr(_rounding, "one", None)
    return x if one is None else x * jnp.asarray(one).astype(jnp.result_type(x))


R = _rounded


def _zeros(params):
    return jax.tree.map(jnp.zeros_like, params)


def _full(params, value):
    return jax.tree.map(lambda p: jnp.full_like(p, value), params)


def _map(fn, *trees):
    return jax.tree.map(fn, *trees)


def _assigning(init, assign):
    """A transformation for a rule that assigns the variable: `assign(grads, state, params)`
    gives (new params, new state). Its optax update is `new - params`; an optimizer that can
    assign reads `update.new_params` to skip that round trip (`(new - p) + p` may differ from
    `new` by an ulp)."""
    def update(grads, state, params):
        new, state = assign(grads, state, params)
        return _map(lambda n, p: n - p, new, params), state

    update.new_params = assign
    return _optax().GradientTransformation(init, update)


def _unzip(tree_of_tuples, like, n):
    """Splits a tree whose leaves are n-tuples into n trees shaped like `like`."""
    outer = jax.tree.structure(like)
    inner = jax.tree.structure(tuple(range(n)))
    return jax.tree.transpose(outer, inner, tree_of_tuples)


def _rsqrt(x):
    """1 / sqrt(x), each correctly rounded, as TF's Eigen kernels compute `rsqrt()` on CPU
    (XLA's own rsqrt, and its rewrite of 1/sqrt into rsqrt, can differ by an ulp)."""
    return 1 / R(jnp.sqrt(x))


class MomentumState(NamedTuple):
    momentum: Any


def tf_momentum(learning_rate, momentum, use_nesterov=False):
    """TF 1 Momentum (kernel ApplyMomentum):

        accum = accum * momentum + g
        var -= accum * lr                  (use_nesterov: var -= g * lr + accum * momentum * lr)

    The same rule as optax.sgd(lr, momentum, nesterov), with TF's rounding: under XLA,
    optax's `g + decay * trace` becomes one FMA, 1 ulp off TF's kernel now and then.
    """
    def init(params):
        return MomentumState(_zeros(params))

    def one(g, a):
        a = R(a * momentum) + g
        if use_nesterov:
            return -(R(g * learning_rate) + R(a * momentum * learning_rate)), a
        return -(a * learning_rate), a

    def update(grads, state, params=None):
        del params
        updates, a = _unzip(_map(one, grads, state.momentum), grads, 2)
        return updates, MomentumState(a)

    return _optax().GradientTransformation(init, update)


class AdagradState(NamedTuple):
    accumulator: Any


def tf_adagrad(learning_rate, initial_accumulator_value=0.1):
    """TF 1 Adagrad (kernel ApplyAdagrad): accum += g * g; var -= g * lr * rsqrt(accum).

    optax.adagrad(lr, initial_accumulator_value, eps=0.0) is the same rule, rounded otherwise
    (lr * (rsqrt(acc) * g), and an FMA for the accumulator under XLA).
    """
    def init(params):
        return AdagradState(_full(params, initial_accumulator_value))

    def one(g, acc):
        acc = acc + R(g * g)
        return -(g * learning_rate * _rsqrt(acc)), acc

    def update(grads, state, params=None):
        del params
        updates, acc = _unzip(_map(one, grads, state.accumulator), grads, 2)
        return updates, AdagradState(acc)

    return _optax().GradientTransformation(init, update)


class AdadeltaState(NamedTuple):
    accum: Any
    accum_update: Any


def tf_adadelta(learning_rate, rho, epsilon):
    """TF 1 Adadelta (kernel ApplyAdadelta):

        accum = accum * rho + g*g * (1 - rho)
        update = sqrt(accum_update + eps) * rsqrt(accum + eps) * g;  var -= update * lr
        accum_update = accum_update * rho + update*update * (1 - rho)

    optax.adadelta(lr, rho, eps) is the same rule (its default lr=None means no scaling),
    rounded otherwise under XLA.
    """
    def init(params):
        return AdadeltaState(_zeros(params), _zeros(params))

    def one(g, acc, acc_u):
        acc = R(acc * rho) + R(R(g * g) * (1 - rho))
        u = jnp.sqrt(acc_u + epsilon) * _rsqrt(acc + epsilon) * g
        acc_u = R(acc_u * rho) + R(R(u * u) * (1 - rho))
        return -(u * learning_rate), acc, acc_u

    def update(grads, state, params=None):
        del params
        updates, acc, acc_u = _unzip(_map(one, grads, state.accum, state.accum_update), grads, 3)
        return updates, AdadeltaState(acc, acc_u)

    return _optax().GradientTransformation(init, update)


class AdamState(NamedTuple):
    m: Any
    v: Any


def tf_adam(learning_rate, beta1, beta2, epsilon, beta1_power, beta2_power):
    """TF 1 Adam (kernel ApplyAdam), with TF's "epsilon hat":

        alpha = lr * sqrt(1 - beta2_power) / (1 - beta1_power)
        m += (g - m) * (1 - beta1);  v += (g*g - v) * (1 - beta2)
        var -= m * alpha / (sqrt(v) + epsilon)

    `beta1_power`/`beta2_power` are beta**t for this step (TF 1 keeps them as float32 running
    products; Keras computes `beta ** (iterations + 1)`). optax.adam differs: it divides by
    sqrt(v / (1 - beta2**t)) + epsilon, i.e. it puts epsilon inside the bias correction.
    """
    def init(params):
        return AdamState(_zeros(params), _zeros(params))

    def update(grads, state, params=None):
        del params
        alpha = learning_rate * jnp.sqrt(1 - beta2_power) / (1 - beta1_power)
        m = _map(lambda g, m: m + R((g - m) * (1 - beta1)), grads, state.m)
        v = _map(lambda g, v: v + R((R(g * g) - v) * (1 - beta2)), grads, state.v)
        updates = _map(lambda m, v: -(m * alpha) / (jnp.sqrt(v) + epsilon), m, v)
        return updates, AdamState(m, v)

    return _optax().GradientTransformation(init, update)


class RMSPropState(NamedTuple):
    rms: Any
    momentum: Any


class CenteredRMSPropState(NamedTuple):
    rms: Any
    mg: Any
    momentum: Any


def tf_rmsprop(learning_rate, decay, momentum, epsilon, centered=False, initial_rms=1.0):
    """TF 1 RMSProp (kernels ApplyRMSProp / ApplyCenteredRMSProp):

        ms += (g*g - ms) * (1 - decay)
        mg += (g - mg) * (1 - decay)                       (centered only)
        mom = mom * momentum + g * lr / sqrt(ms [- mg*mg] + epsilon)
        var -= mom

    epsilon is inside the square root, the `rms` slot starts at ones (`initial_rms`), and the
    momentum slot is used even when momentum is 0 (Keras 3 starts `rms` at zeros).
    """
    def init(params):
        if centered:
            return CenteredRMSPropState(_full(params, initial_rms), _zeros(params),
                                        _zeros(params))
        return RMSPropState(_full(params, initial_rms), _zeros(params))

    def one(g, ms, mg, mom):
        ms = ms + R((R(g * g) - ms) * (1 - decay))
        if centered:
            mg = mg + R((g - mg) * (1 - decay))
            denom = (ms - R(mg * mg)) + epsilon
        else:
            denom = ms + epsilon
        # R() on the sqrt also keeps XLA from rewriting x / sqrt(y) as x * rsqrt(y).
        mom = R(mom * momentum) + (g * learning_rate) / R(jnp.sqrt(denom))
        return -mom, ms, mg, mom

    def update(grads, state, params=None):
        del params
        mg = state.mg if centered else _zeros(grads)
        out = _unzip(_map(one, grads, state.rms, mg, state.momentum), grads, 4)
        updates, ms, mg, mom = out
        new = CenteredRMSPropState(ms, mg, mom) if centered else RMSPropState(ms, mom)
        return updates, new

    return _optax().GradientTransformation(init, update)


class FtrlState(NamedTuple):
    accum: Any
    linear: Any


def tf_ftrl(learning_rate, l1, l2, learning_rate_power, l2_shrinkage=None,
            initial_accumulator_value=0.1):
    """TF 1 FTRL-proximal (kernels ApplyFtrl, and ApplyFtrlV2 when `l2_shrinkage` is given):

        g_s = g + 2 * l2_shrinkage * var                   (V2; the z update uses g_s)
        n' = n + g*g
        z += g_s - (n'^(-p) - n^(-p)) / lr * var           (p = learning_rate_power)
        var = (l1 * sign(z) - z) / (n'^(-p) / lr + 2 * l2)  if |z| > l1 else 0
        n = n'

    TF computes n^(-p) as sqrt(n) when p == -0.5 (a different rounding from pow). `l2` is TF 1's
    adjusted l2 (l2 + beta / (2 * lr)); the caller adds beta.
    """
    def init(params):
        return FtrlState(_full(params, initial_accumulator_value), _zeros(params))

    def powered(n):
        return jnp.where(learning_rate_power == -0.5, jnp.sqrt(n),
                         jnp.power(n, -learning_rate_power))

    def one(g, p, n, z):
        g_s = g if l2_shrinkage is None else g + R(R(2 * l2_shrinkage) * p)
        n_new = n + R(g * g)
        z = z + (g_s - R((powered(n_new) - powered(n)) / learning_rate * p))
        x = R(l1 * jnp.sign(z)) - z
        y = powered(n_new) / learning_rate + R(2 * l2)
        new = jnp.where(jnp.abs(z) > l1, x / y, jnp.zeros_like(p))
        return new, n_new, z

    def assign(grads, state, params):
        new, n, z = _unzip(_map(one, grads, params, state.accum, state.linear), grads, 3)
        return new, FtrlState(n, z)

    return _assigning(init, assign)


def _prox(prox, lr, l1, l2):
    """TF's FOBOS step: sign(prox) * max(|prox| - lr*l1, 0) / (1 + l2*lr), or without the
    shrinkage when l1 <= 0."""
    denom = 1 + R(l2 * lr)
    shrunk = jnp.sign(prox) * jnp.maximum(jnp.abs(prox) - R(lr * l1), 0) / denom
    return jnp.where(l1 > 0, shrunk, prox / denom)


def tf_proximal_gradient_descent(learning_rate, l1, l2):
    """TF 1 ProximalGradientDescent (kernel ApplyProximalGradientDescent):
    prox = var - g * lr; var = sign(prox) * max(|prox| - lr*l1, 0) / (1 + l2*lr)."""
    def assign(grads, state, params):
        return _map(lambda g, p: _prox(p - R(g * learning_rate), learning_rate, l1, l2),
                    grads, params), state

    return _assigning(lambda params: _optax().EmptyState(), assign)


class ProximalAdagradState(NamedTuple):
    accumulator: Any


def tf_proximal_adagrad(learning_rate, l1, l2, initial_accumulator_value=0.1):
    """TF 1 ProximalAdagrad (kernel ApplyProximalAdagrad): acc += g*g; a = lr * rsqrt(acc);
    prox = var - g * a; var = sign(prox) * max(|prox| - a*l1, 0) / (1 + l2*a)."""
    def init(params):
        return ProximalAdagradState(_full(params, initial_accumulator_value))

    def one(g, p, acc):
        acc = acc + R(g * g)
        lr = learning_rate * _rsqrt(acc)
        return _prox(p - R(g * lr), lr, l1, l2), acc

    def assign(grads, state, params):
        new, acc = _unzip(_map(one, grads, params, state.accumulator), grads, 2)
        return new, ProximalAdagradState(acc)

    return _assigning(init, assign)


class AdagradDAState(NamedTuple):
    gradient_accumulator: Any
    gradient_squared_accumulator: Any


def tf_adagrad_da(learning_rate, l1, l2, global_step, initial_value=0.1):
    """TF 1 AdagradDA (kernel ApplyAdagradDA), dual averaging; `global_step` is the step number t
    as a float (TF passes its global step + 1):

        ga += g;  gg += g*g
        var = -lr * sign(ga) * max(|ga| - t*l1, 0) / (l2 * t * lr + sqrt(gg))   (l1 > 0)
        var = -lr * ga / (l2 * t * lr + sqrt(gg))                               (otherwise)
    """
    def init(params):
        return AdagradDAState(_zeros(params), _full(params, initial_value))

    def one(g, p, ga, gg):
        ga = ga + g
        gg = gg + R(g * g)
        denom = R(l2 * (global_step * learning_rate)) + jnp.sqrt(gg)
        with_l1 = (learning_rate * -1 * jnp.sign(ga)
                   * jnp.maximum(jnp.abs(ga) - R(global_step * l1), 0)) / denom
        new = jnp.where(l1 > 0, with_l1, learning_rate * ga * -1 / denom)
        return new, ga, gg

    def assign(grads, state, params):
        new, ga, gg = _unzip(_map(one, grads, params, state.gradient_accumulator,
                                  state.gradient_squared_accumulator), grads, 3)
        return new, AdagradDAState(ga, gg)

    return _assigning(init, assign)
