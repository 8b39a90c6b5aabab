"""tf.linalg: decompositions, solves, norms and diagonal/band helpers (matmul is in math_ops).

TF's CPU kernels use Eigen (LU with partial pivoting, LLT, Householder QR, divide-and-conquer
SVD, self-adjoint eigensolver); JAX uses LAPACK. Results agree to round-off (goldens state
rtol=1e-5 for float32), except that singular vectors and eigenvectors are defined up to sign.
"""

import collections

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export, export_value
from tfcompat._src.registry import OPS, apply_op, op
from tfcompat._src.tensor import Tensor, host_array, to_tensor

_LINALG = frozenset({d.float16, d.float32, d.float64, d.complex64, d.complex128})
_INV_TEXT = ("double", "float", "half", "complex64", "complex128")  # MatrixInverse's order
_DET_TEXT = ("half", "float", "double", "complex64", "complex128")

Qr = collections.namedtuple("Qr", ["q", "r"])
LogMatrixDeterminant = collections.namedtuple("LogMatrixDeterminant",
                                              ["sign", "log_abs_determinant"])


def _bad(message):
    return errors.InvalidArgumentError(None, None, message)


def _shape_text(shape) -> str:
    return "[" + ",".join(map(str, shape)) + "]"


def _square(x, what="Input matrix must be square."):
    if x.ndim < 2:
        raise _bad(f"Input tensor 0 must have rank >= 2, got {x.ndim}")
    if x.shape[-1] != x.shape[-2]:
        raise _bad(what)


def _tensor(x, dtype=None) -> Tensor:
    """A Tensor for `x`; Python/NumPy values take `dtype` when given, as TF's ops convert."""
    x = x.value() if hasattr(x, "_is_variable") else x
    if isinstance(x, Tensor):
        return x
    return Tensor(host_array(x, dtype), dtype) if dtype is not None else to_tensor(x)


def _call(name, *args, **attrs):
    """Runs a registered op by its canonical TF name (ops owned by other modules)."""
    return apply_op(OPS[name], list(args), attrs)


_min_pivot = jax.jit(lambda x: jnp.min(jnp.abs(jnp.diagonal(
    lax.linalg.lu(x)[0], axis1=-2, axis2=-1)), initial=np.inf))


def _check_invertible(message):
    """Eigen's PartialPivLU guards only against exact zero pivots, and so does TF."""
    def check(matrix, *rest):
        if matrix.ndim >= 2 and matrix.shape[-1] == matrix.shape[-2] and matrix.size:
            if rest and (rest[0].ndim < 2 or rest[0].shape[-2] != matrix.shape[-1]):
                return  # the kernel reports the shape error
            if float(_min_pivot(jnp.asarray(matrix))) == 0:
                raise _bad(message)
    return check


@op("linalg.inv", v1=("linalg.inv", "matrix_inverse"), kernel="MatrixInverse", dtypes_=_LINALG,
    allowed=_INV_TEXT, check=_check_invertible("Input is not invertible."))
def inv(input, adjoint=False):  # noqa: A002 - TF's argument name
    _square(input)
    out = jnp.linalg.inv(input) if input.size else input
    return jnp.conj(jnp.swapaxes(out, -1, -2)) if adjoint else out


@op("linalg.det", v1=("linalg.det", "matrix_determinant"), kernel="MatrixDeterminant",
    dtypes_=_LINALG, allowed=_DET_TEXT)
def det(input):  # noqa: A002
    _square(input)
    return jnp.linalg.det(input)


@op(name="linalg.slogdet", kernel="LogMatrixDeterminant", dtypes_=_LINALG, allowed=_DET_TEXT)
def _slogdet(input):  # noqa: A002
    _square(input)
    sign, logdet = jnp.linalg.slogdet(input)
    return sign, logdet


@export("linalg.slogdet")
def slogdet(input, name=None):  # noqa: A002
    """Returns TF's `LogMatrixDeterminant(sign, log_abs_determinant)` namedtuple."""
    return LogMatrixDeterminant(*_slogdet(input))


@export("linalg.logdet")
def logdet(matrix, name=None):
    """log det of a Hermitian positive definite matrix: 2 * sum(log(diag(cholesky))), as TF."""
    chol = cholesky(matrix)
    return _logdet_from_cholesky(chol)


@op(name="linalg.logdet_from_cholesky", kernel="Log", dtypes_=_LINALG)
def _logdet_from_cholesky(chol):
    diag = jnp.real(jnp.diagonal(chol, axis1=-2, axis2=-1))
    return (2.0 * jnp.sum(jnp.log(diag), axis=-1)).astype(diag.dtype)


@op("linalg.solve", v1=("linalg.solve", "matrix_solve"), kernel="MatrixSolve", dtypes_=_LINALG,
    allowed=_INV_TEXT, check=_check_invertible("Input matrix is not invertible."))
def solve(matrix, rhs, adjoint=False):
    if matrix.ndim < 2:
        raise _bad(f"Input tensor 0 must have rank >= 2, got {matrix.ndim}")
    if matrix.shape[-1] != matrix.shape[-2]:
        raise _bad("First input (lhs) must be a square matrix.")
    if rhs.ndim != matrix.ndim or rhs.shape[-2] != matrix.shape[-1]:
        raise _bad("Input matrix and rhs are incompatible.")
    if adjoint:
        matrix = jnp.conj(jnp.swapaxes(matrix, -1, -2))
    return jnp.linalg.solve(matrix, rhs)


def _lower_hermitian(x):
    """The Hermitian matrix that TF's kernels see: Eigen reads only the lower triangle."""
    low = jnp.tril(x, -1)
    return low + jnp.conj(jnp.swapaxes(low, -1, -2)) + _diag_matrix(x)


def _diag_matrix(x):
    eye = jnp.eye(x.shape[-1], dtype=bool)
    return jnp.where(eye, x, jnp.zeros((), x.dtype))


@op("linalg.cholesky", v1=("linalg.cholesky", "cholesky"), kernel="Cholesky", dtypes_=_LINALG,
    allowed=_INV_TEXT)
def cholesky(input):  # noqa: A002
    # TF does not raise for a matrix that is not positive definite: the result holds NaNs.
    _square(input)
    # The value reads the lower triangle; the gradient is TF's symmetrized one.
    herm = (input + jnp.conj(jnp.swapaxes(input, -1, -2))) / 2
    value = _lower_hermitian(lax.stop_gradient(input))
    return lax.linalg.cholesky(value + herm - lax.stop_gradient(herm), symmetrize_input=False)


@op(name="linalg.qr", kernel="Qr", dtypes_=_LINALG, allowed=_INV_TEXT)
def _qr(input, full_matrices=False):  # noqa: A002
    if input.ndim < 2:
        raise _bad(f"Input tensor 0 must have rank >= 2, got {input.ndim}")
    return tuple(jnp.linalg.qr(input, mode="complete" if full_matrices else "reduced"))


@export("linalg.qr", v1=("linalg.qr", "qr"))
def qr(input, full_matrices=False, name=None):  # noqa: A002
    """Returns TF's `Qr(q, r)` namedtuple."""
    return Qr(*_qr(input, full_matrices=full_matrices))


@op("linalg.svd", v1=("linalg.svd", "svd"), kernel="Svd", dtypes_=_LINALG, allowed=_INV_TEXT)
def svd(tensor, full_matrices=False, compute_uv=True):
    """TF returns (s, u, v) with v itself, not v's adjoint, or s alone without compute_uv."""
    if tensor.ndim < 2:
        raise _bad(f"Input tensor 0 must have rank >= 2, got {tensor.ndim}")
    if not compute_uv:
        return jnp.linalg.svd(tensor, compute_uv=False)
    u, s, vh = jnp.linalg.svd(tensor, full_matrices=bool(full_matrices))
    return s, u, jnp.conj(jnp.swapaxes(vh, -1, -2))


def _eigh(x):
    _square(x)
    # Eigen's self-adjoint solver reads the lower triangle; so does the gradient TF defines.
    v, w = lax.linalg.eigh(_lower_hermitian(x), lower=True, symmetrize_input=False)
    return w, v


@op("linalg.eigh", v1=("linalg.eigh", "self_adjoint_eig"), kernel="SelfAdjointEigV2",
    dtypes_=_LINALG, allowed=_INV_TEXT)
def eigh(tensor):
    return _eigh(tensor)


@op("linalg.eigvalsh", v1=("linalg.eigvalsh", "self_adjoint_eigvals"), kernel="SelfAdjointEigV2",
    dtypes_=_LINALG, allowed=_INV_TEXT)
def eigvalsh(tensor):
    return _eigh(tensor)[0]


# -- norm --------------------------------------------------------------------------------------

@op(name="linalg.norm", kernel="Sqrt", dtypes_=d.INEXACT)
def _norm(tensor, ord="euclidean", axis=None, keepdims=False):  # noqa: A002
    """TF's composite, op for op: the square root of sum(x * conj(x)), p-norms as pow-sum-pow."""
    x = tensor
    matrix = isinstance(axis, tuple) and len(axis) == 2
    axes = axis if matrix or axis is None else (axis,)
    if ord in ("fro", "euclidean", 2, 2.0) and not (matrix and ord in (2, 2.0)):
        result = jnp.sqrt(jnp.sum(x * jnp.conj(x), axis=axes, keepdims=True))
    elif ord in (2, 2.0):
        a0, a1 = (a % x.ndim for a in axis)
        perm = [i for i in range(x.ndim) if i not in (a0, a1)] + [a0, a1]
        s = jnp.linalg.svd(jnp.transpose(x, perm), compute_uv=False)
        result = jnp.expand_dims(jnp.max(jnp.abs(s), axis=-1, keepdims=True), -1)
        result = jnp.transpose(result, np.argsort(perm))
    else:
        result = jnp.abs(x)
        if ord == 1:
            result = jnp.sum(result, axis=None if axes is None else axes[0], keepdims=True)
            if matrix:
                result = jnp.max(result, axis=axes[-1], keepdims=True)
        elif ord == np.inf:
            if matrix:
                result = jnp.sum(result, axis=axes[1], keepdims=True)
            result = jnp.max(result, axis=None if axes is None else axes[0], keepdims=True)
        else:
            p = jnp.asarray(ord, result.dtype)
            result = jnp.power(jnp.sum(jnp.power(result, p), axis=axes, keepdims=True), 1 / p)
    if not keepdims:
        result = jnp.squeeze(result, axes)
    return result


def _norm_args(ord, axis):  # noqa: A002
    """TF's Python-level validation of `ord` and `axis` (ValueErrors)."""
    matrix = isinstance(axis, (tuple, list)) and len(axis) == 2
    if matrix:
        axis = tuple(axis)
        if not all(isinstance(a, (int, np.integer)) for a in axis) or axis[0] == axis[1]:
            raise ValueError("'axis' must be None, an integer, or a tuple of 2 unique "
                             f"integers, got {axis}")
        supported = ["euclidean", "fro", 1, 2, np.inf]
        if ord not in supported:
            raise ValueError(f"'ord' must be a supported matrix norm in {supported}, got {ord}")
        return tuple(int(a) for a in axis)
    if not (axis is None or isinstance(axis, (int, np.integer))):
        raise ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, "
                         f"got {axis}")
    if ord not in ("euclidean", 1, 2, np.inf) and (
            isinstance(ord, str) or not np.isreal(ord) or ord <= 0):
        raise ValueError(f"'ord' must be a supported vector norm, got {ord}")
    return axis if axis is None else int(axis)


@export("norm", "linalg.norm", v1=())
def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None):  # noqa: A002
    """tf.norm: vector p-norms (p > 0), matrix 1/2/inf/Frobenius norms over an axis pair."""
    axis = _norm_args(ord, axis)
    return _norm(tensor, ord=ord, axis=axis, keepdims=bool(keepdims))


def norm_v1(tensor, ord="euclidean", axis=None, keepdims=None, name=None,  # noqa: A002
            keep_dims=None):
    if keep_dims is not None:
        if keepdims is not None:
            raise ValueError("Cannot specify both 'keep_dims' and 'keepdims'.")
        keepdims = keep_dims
    return norm(tensor, ord=ord, axis=axis, keepdims=keepdims)


export_value(norm_v1, (), ("norm", "linalg.norm"))


# -- diagonals, bands, transposes --------------------------------------------------------------

@op("linalg.diag_part", v1=("linalg.diag_part", "matrix_diag_part"), kernel="MatrixDiagPartV3",
    error_name="diag_part")
def diag_part(input, k=0, padding_value=0, align="RIGHT_LEFT"):  # noqa: A002
    """A single diagonal (scalar `k`); TF's k-ranges are not supported."""
    if input.ndim < 2:
        raise _bad(f"input must be at least 2-dim, received shape: {_shape_text(input.shape)}")
    return jnp.diagonal(input, offset=int(k), axis1=-2, axis2=-1)


@export("linalg.trace", v1=("linalg.trace", "trace"))
def trace(x, name=None):
    """reduce_sum(matrix_diag_part(x), -1), as TF composes it."""
    return _call("math.reduce_sum", diag_part(x), axis=-1)


@op("linalg.diag", v1=("linalg.diag", "matrix_diag"), kernel="MatrixDiagV3", error_name="diag",
    tensors=1)
def diag(diagonal, k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """A matrix with `diagonal` on its k-th diagonal (scalar `k`), as MatrixDiagV3."""
    if diagonal.ndim < 1:
        raise _bad(f"diagonal must be at least 1-dim, received shape: "
                   f"{_shape_text(diagonal.shape)}")
    k = int(k)
    n = diagonal.shape[-1]
    min_rows, min_cols = n - min(k, 0), n + max(k, 0)
    rows, cols = int(num_rows), int(num_cols)
    if rows == -1 and cols == -1:
        rows = cols = max(min_rows, min_cols)
    rows = min_rows if rows == -1 else rows
    cols = min_cols if cols == -1 else cols
    if rows < min_rows:
        raise _bad("The number of rows is too small.")
    if cols < min_cols:
        raise _bad("The number of columns is too small.")
    if rows != min_rows and cols != min_cols:
        raise _bad("The number of rows or columns is not consistent with the specified "
                   "d_lower, d_upper, and diagonal.")
    i = jnp.arange(rows)[:, None]
    j = jnp.arange(cols)[None, :]
    index = jnp.clip(jnp.minimum(i, j), 0, max(n - 1, 0))
    values = jnp.take(diagonal, index, axis=-1) if n else jnp.zeros(
        diagonal.shape[:-1] + (rows, cols), diagonal.dtype)
    return jnp.where(j - i == k, values, jnp.asarray(padding_value, diagonal.dtype))


@op("linalg.tensor_diag", v1=("linalg.tensor_diag", "diag"), kernel="Diag")
def tensor_diag(diagonal):
    """Rank k -> rank 2k with the input on the diagonal (TF's Diag)."""
    n = diagonal.size
    return jnp.diag(diagonal.reshape(n)).reshape(diagonal.shape * 2)


@op("linalg.tensor_diag_part", v1=("linalg.tensor_diag_part", "diag_part"), kernel="DiagPart")
def tensor_diag_part(input):  # noqa: A002
    rank = input.ndim
    if rank == 0 or rank % 2:
        raise _bad(f"The rank of the tensor should be even and positive, got shape "
                   f"{_shape_text(input.shape)}")
    half = rank // 2
    for i in range(half):
        if input.shape[i] != input.shape[i + half]:
            raise _bad(f"Invalid shape {_shape_text(input.shape)}: dimensions {i} and "
                       f"{i + half} do not match.")
    n = int(np.prod(input.shape[:half]))
    return jnp.diagonal(input.reshape(n, n)).reshape(input.shape[:half])


@op("linalg.band_part", v1=("linalg.band_part", "matrix_band_part"), kernel="MatrixBandPart",
    tensors=1)
def band_part(input, num_lower, num_upper):  # noqa: A002
    if input.ndim < 2:
        raise _bad(f"input must be at least 2-dim, received shape: {_shape_text(input.shape)}")
    rows, cols = input.shape[-2:]
    lower, upper = int(num_lower), int(num_upper)
    if lower > rows:
        raise _bad(f"num_lower must be negative or less or equal to number of rows ({rows}) "
                   f"got: {lower}")
    if upper > cols:
        raise _bad(f"num_upper must be negative or less or equal to number of columns ({cols}) "
                   f"got: {upper}")
    i = jnp.arange(rows)[:, None]
    j = jnp.arange(cols)[None, :]
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return jnp.where(keep, input, jnp.zeros((), input.dtype))


@op(name="linalg.matrix_transpose", kernel="Transpose")
def _matrix_transpose(a, conjugate=False):
    out = jnp.swapaxes(a, -1, -2)
    return jnp.conj(out) if conjugate else out


@export("linalg.matrix_transpose", v1=("linalg.matrix_transpose", "linalg.transpose",
                                       "matrix_transpose"))
def matrix_transpose(a, name="matrix_transpose", conjugate=False):
    """Swaps the last two dimensions (and conjugates with `conjugate=True`)."""
    a = _tensor(a)
    if len(a.shape) < 2:
        raise ValueError("Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` "
                         f"= {np.asarray(a._value)} with shape: {tuple(a.shape)}")
    return _matrix_transpose(a, conjugate=conjugate)


# -- least squares -----------------------------------------------------------------------------

@op(name="linalg.lstsq", kernel="MatrixSolveLs", dtypes_=_LINALG, allowed=_INV_TEXT)
def _lstsq(matrix, rhs, l2_regularizer=0.0):
    """TF's fast path: Cholesky of the regularized Gramian (normal equations)."""
    def adj(x):
        return jnp.conj(jnp.swapaxes(x, -1, -2))

    def mm(a, b):
        return jnp.matmul(a, b, precision=lax.Precision.HIGHEST)

    m, n = matrix.shape[-2:]
    over = m >= n
    gram = mm(adj(matrix), matrix) if over else mm(matrix, adj(matrix))
    if l2_regularizer:
        gram = gram + jnp.asarray(l2_regularizer, matrix.dtype) * jnp.eye(gram.shape[-1],
                                                                          dtype=matrix.dtype)
    chol = lax.linalg.cholesky(gram, symmetrize_input=False)

    def chol_solve(b):
        y = lax.linalg.triangular_solve(chol, b, left_side=True, lower=True)
        return lax.linalg.triangular_solve(chol, y, left_side=True, lower=True,
                                           transpose_a=True, conjugate_a=True)
    return chol_solve(mm(adj(matrix), rhs)) if over else mm(adj(matrix), chol_solve(rhs))


@export("linalg.lstsq", v1=("linalg.lstsq", "matrix_solve_ls"))
def lstsq(matrix, rhs, l2_regularizer=0.0, fast=True, name=None):
    """Least squares by the normal equations (TF's `fast=True`; `fast=False` is the same here)."""
    matrix, rhs = _tensor(matrix), _tensor(rhs)
    if matrix.shape[-2] != rhs.shape[-2]:
        # TF's first step is matmul(matrix, rhs, adjoint_a=True); MatMul names the shapes given.
        raise errors.InvalidArgumentError(None, None, (
            "{{function_node __wrapped____MklMatMul_device_/job:localhost/replica:0/task:0/"
            f"device:CPU:0}}}} Matrix size-incompatible: In[0]: {_shape_text(matrix.shape)}, "
            f"In[1]: {_shape_text(rhs.shape)} [Op:MatMul] name: "))
    return _lstsq(matrix, rhs, l2_regularizer=float(l2_regularizer))
