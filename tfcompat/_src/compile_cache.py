"""A bounded cache of compiled (jitted) functions keyed by computation structure, with counters.

Every cache registers itself, so `tfcompat.debugging.cache_stats()` reports them all.
"""

import threading
import weakref
from collections import OrderedDict

_ALL: "weakref.WeakSet[CompileCache]" = weakref.WeakSet()


class CompileCache:
    """LRU map from a structure key to a jitted function; safe to share between threads.

    `hits` counts lookups served, `misses` functions built, `compilations` traces (incremented
    by the built function itself when JAX traces it, so retraces for new shapes are counted too).
    """

    def __init__(self, name: str, maxsize: int = 512):
        self.name = name
        self.maxsize = maxsize
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self.compilations = 0
        _ALL.add(self)

    def get(self, key, build):
        """The function for `key`, calling `build()` to make it on a miss."""
        with self._lock:
            fn = self._entries.get(key)
            if fn is not None:
                self.hits += 1
                self._entries.move_to_end(key)
                return fn
            self.misses += 1
        fn = build()  # outside the lock: building may trace user code, which may use caches
        with self._lock:
            self._entries[key] = fn
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        return fn

    def lookup(self, key):
        """The entry for `key`, or None (counted as a miss)."""
        with self._lock:
            value = self._entries.get(key)
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
                self._entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._entries[key] = value
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def traced(self):
        """Called from inside a function body being traced by JAX."""
        with self._lock:
            self.compilations += 1

    def __len__(self):
        return len(self._entries)

    def stats(self) -> dict:
        return {"size": len(self._entries), "maxsize": self.maxsize, "hits": self.hits,
                "misses": self.misses, "compilations": self.compilations}

    def clear(self):
        with self._lock:
            self._entries.clear()


def cache_stats() -> dict:
    """{cache name: counters} for every live cache (per-function caches are summed by name)."""
    out: dict = {}
    for cache in list(_ALL):
        s = cache.stats()
        total = out.setdefault(cache.name, dict.fromkeys(s, 0))
        for k, v in s.items():
            total[k] += v
    return dict(sorted(out.items()))
