"""A bounded cache of compiled (jitted) functions keyed by computation structure, with counters."""

from collections import OrderedDict


class CompileCache:
    """LRU map from a structure key to a jitted function.

    `hits` counts lookups served, `misses` functions built, `compilations` traces (incremented
    by the built function itself when JAX traces it, so retraces for new shapes are counted too).
    """

    def __init__(self, name: str, maxsize: int = 512):
        self.name = name
        self.maxsize = maxsize
        self._entries: OrderedDict = OrderedDict()
        self.hits = 0
        self.misses = 0
        self.compilations = 0

    def get(self, key, build):
        """The function for `key`, calling `build()` to make it on a miss."""
        try:
            fn = self._entries[key]
        except KeyError:
            self.misses += 1
            fn = self._entries[key] = build()
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
            return fn
        self.hits += 1
        self._entries.move_to_end(key)
        return fn

    def traced(self):
        """Called from inside a function body being traced by JAX."""
        self.compilations += 1

    def __len__(self):
        return len(self._entries)

    def stats(self) -> dict:
        return {"size": len(self._entries), "maxsize": self.maxsize, "hits": self.hits,
                "misses": self.misses, "compilations": self.compilations}

    def clear(self):
        self._entries.clear()
