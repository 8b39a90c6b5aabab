"""TF 1's session objects, accepted so that legacy scripts construct them: `ConfigProto`,
`GPUOptions`, `Session` / `InteractiveSession` (their `run` raises: tfcompat runs eagerly),
`global_variables_initializer` (None, as TF's eager no-op), the collections (empty eagerly,
as in TF 2), and `device_lib.list_local_devices`.
"""

from tfcompat._src import device as _device
from tfcompat._src.export import export


class _Proto:
    """A protocol-buffer-like record of the fields given; unset fields read as their default."""

    _DEFAULTS: dict = {}

    def __init__(self, **fields):
        unknown = set(fields) - set(self._DEFAULTS)
        if unknown:
            raise ValueError(f'Protocol message {type(self).__name__} has no "{unknown.pop()}" '
                             "field.")
        for key, default in self._DEFAULTS.items():
            setattr(self, key, fields.get(key, default() if callable(default) else default))
        self._set = [k for k in self._DEFAULTS if k in fields]

    def __repr__(self):
        lines = []
        for key in self._set:
            value = getattr(self, key)
            if isinstance(value, _Proto):
                inner = "".join("  " + ln + "\n" for ln in repr(value).splitlines())
                lines.append(f"{key} {{\n{inner}}}")
            else:
                lines.append(f"{key}: {str(value).lower() if isinstance(value, bool) else value}")
        return "".join(ln + "\n" for ln in lines)

    __str__ = __repr__


@export(v1=("GPUOptions",))
class GPUOptions(_Proto):
    _DEFAULTS = {"per_process_gpu_memory_fraction": 0.0, "allow_growth": False,
                 "allocator_type": "", "deferred_deletion_bytes": 0, "visible_device_list": "",
                 "polling_active_delay_usecs": 0, "polling_inactive_delay_msecs": 0,
                 "force_gpu_compatible": False, "experimental": None}


@export(v1=("ConfigProto",))
class ConfigProto(_Proto):
    _DEFAULTS = {"device_count": dict, "intra_op_parallelism_threads": 0,
                 "inter_op_parallelism_threads": 0, "use_per_session_threads": False,
                 "session_inter_op_thread_pool": list, "placement_period": 0,
                 "device_filters": list, "gpu_options": GPUOptions, "allow_soft_placement": False,
                 "log_device_placement": False, "graph_options": None,
                 "operation_timeout_in_ms": 0, "rpc_options": None, "cluster_def": None,
                 "isolate_session_state": False, "share_cluster_devices_in_session": False,
                 "experimental": None}


_EAGER = ("tfcompat runs eagerly: graph execution is not supported; compute the values directly "
          "and read them with .numpy() instead of Session.run")


@export(v1=("Session",))
class Session:
    """Constructible and usable as a context manager; `run` raises RuntimeError."""

    def __init__(self, target="", graph=None, config=None):
        self._closed = False

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        if self._closed:
            raise RuntimeError("Attempted to use a closed Session.")
        raise RuntimeError(_EAGER)

    def close(self):
        self._closed = True

    def as_default(self):
        import contextlib
        return contextlib.nullcontext(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@export(v1=("InteractiveSession",))
class InteractiveSession(Session):
    pass


@export(v1=("global_variables_initializer", "initializers.global_variables"))
def global_variables_initializer():
    """None: TF's eager no-op (variables are initialised when created)."""
    return None


@export(v1=("local_variables_initializer", "initializers.local_variables"))
def local_variables_initializer():
    return None


@export(v1=("variables_initializer", "initializers.variables"))
def variables_initializer(var_list, name="init"):
    return None


@export(v1=("trainable_variables",))
def trainable_variables(scope=None):
    """[]: eagerly TF keeps no graph collections."""
    return []


@export(v1=("global_variables",))
def global_variables(scope=None):
    return []


@export(v1=("local_variables",))
def local_variables(scope=None):
    return []


class DeviceAttributes:
    """TF's DeviceAttributes message for one local device."""

    def __init__(self, name, device_type, memory_limit, incarnation=0):
        self.name, self.device_type, self.memory_limit = name, device_type, memory_limit
        self.incarnation, self.physical_device_desc = incarnation, ""

    def __repr__(self):
        return (f'name: "{self.name}"\ndevice_type: "{self.device_type}"\n'
                f"memory_limit: {self.memory_limit}\nlocality {{\n}}\n"
                f"incarnation: {self.incarnation}\n")


def list_local_devices(session_config=None):
    """The local devices (`/device:CPU:0`, `/device:GPU:0`, ...); the CPU's memory_limit is TF's
    268435456; a GPU's is the memory JAX reports, when it does."""
    out = []
    for kind, index, dev in _device._devices():
        limit = 268435456
        if kind != "CPU":
            stats = dev.memory_stats() or {}
            limit = int(stats.get("bytes_limit", 0))
        out.append(DeviceAttributes(f"/device:{kind}:{index}", kind, limit))
    return out
