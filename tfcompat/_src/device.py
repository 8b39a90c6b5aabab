"""Devices: `tf.device` places computation on the matching JAX device; `tf.config` and
`tf.test` report JAX's devices in TF's terms (TF's "CPU"/"GPU"/"TPU" are JAX's platforms)."""

import collections
import contextlib
import re

import jax

from tfcompat._src.export import export

_TYPES = {"cpu": "CPU", "gpu": "GPU", "cuda": "GPU", "rocm": "GPU", "tpu": "TPU"}
_SPEC = re.compile(r"^(?:/?job:\w+)?(?:/?replica:\d+)?(?:/?task:\d+)?"
                   r"(?:/?(?:device:)?(?P<type>[A-Za-z]+)(?::(?P<index>\d+|\*))?)?$")

PhysicalDevice = collections.namedtuple("PhysicalDevice", ["name", "device_type"])
LogicalDevice = collections.namedtuple("LogicalDevice", ["name", "device_type"])


def _devices(device_type=None):
    """JAX's devices as (TF type, index, jax device), CPU first."""
    out = []
    for platform in ("cpu", "gpu", "tpu"):
        try:
            devs = jax.devices(platform)
        except RuntimeError:
            continue
        kind = _TYPES[platform]
        if device_type is None or device_type.upper() == kind:
            out += [(kind, i, d) for i, d in enumerate(devs)]
    return out


def device_string(array) -> str:
    """TF's device name for the device an array lives on."""
    try:
        d = next(iter(array.devices()))
    except (AttributeError, StopIteration, TypeError):
        return "/job:localhost/replica:0/task:0/device:CPU:0"
    kind = _TYPES.get(d.platform, d.platform.upper())
    index = [x for x in _devices(kind) if x[2] == d]
    return f"/job:localhost/replica:0/task:0/device:{kind}:{index[0][1] if index else 0}"


@export("device", v1=())
@contextlib.contextmanager
def device(device_name):
    """`tf.device`: ops inside run on the named device; like TF's soft placement, a device
    type this machine lacks (GPU on a CPU-only machine) falls back to the CPU."""
    if device_name is None:
        yield
        return
    match = _SPEC.match(device_name.strip())
    kind = (match.group("type") or "").upper() if match else None
    if match is None or kind not in ("", "CPU", "GPU", "TPU"):
        bad = device_name.strip().lstrip("/").split(":")[0]
        raise ValueError(f"Unknown attribute '{bad}' is encountered while parsing the device "
                         f"spec: '{device_name}'.")
    index = match.group("index")
    candidates = _devices(kind) if kind else []
    if not candidates:
        yield  # nothing of that type here: stay where JAX puts things (the CPU)
        return
    idx = int(index) if index not in (None, "*") else 0
    target = candidates[min(idx, len(candidates) - 1)][2]
    with jax.default_device(target):
        yield


@export(v1=("device",))
def device_v1(device_name_or_function):
    """TF 1's `tf.device` (also accepts a function in graph mode; here a name)."""
    return device(device_name_or_function)


@export("config.list_physical_devices", "config.experimental.list_physical_devices")
def list_physical_devices(device_type=None):
    return [PhysicalDevice(f"/physical_device:{k}:{i}", k) for k, i, _ in _devices(device_type)]


@export("config.list_logical_devices", "config.experimental.list_logical_devices")
def list_logical_devices(device_type=None):
    return [LogicalDevice(f"/device:{k}:{i}", k) for k, i, _ in _devices(device_type)]


@export("config.experimental.set_memory_growth")
def set_memory_growth(device, enable):
    """Accepted for compatibility: JAX manages accelerator memory itself (see
    XLA_PYTHON_CLIENT_PREALLOCATE)."""


@export("test.is_gpu_available")
def is_gpu_available(cuda_only=False, min_cuda_compute_capability=None):
    return bool(_devices("GPU"))


@export("test.is_built_with_cuda")
def is_built_with_cuda():
    """Whether this JAX can use CUDA GPUs (a CUDA plugin is installed and sees a GPU)."""
    return any(d.platform in ("gpu", "cuda") for _, _, d in _devices("GPU"))


@export("test.gpu_device_name")
def gpu_device_name():
    gpus = _devices("GPU")
    return "/device:GPU:0" if gpus else ""
