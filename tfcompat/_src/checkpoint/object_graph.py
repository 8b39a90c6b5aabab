"""TrackableObjectGraph: the object graph `tf.train.Checkpoint` stores with its tensors.

Stored as a string scalar under `_CHECKPOINTABLE_OBJECT_GRAPH`. Node 0 is the root; a node lists
its children (node id, local name), its saved tensors (attribute name, the variable's full name,
the checkpoint key) and, for an optimizer, its slot variables. Encoded in field order, so the
bytes are TF's.
"""

from dataclasses import dataclass, field

from tfcompat._src.checkpoint import protowire as pw

OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH"


@dataclass
class Node:
    children: list = field(default_factory=list)       # (node_id, local_name)
    attributes: list = field(default_factory=list)     # (name, full_name, checkpoint_key)
    slot_variables: list = field(default_factory=list)  # (original_id, slot_name, slot_id)
    has_checkpoint_values: bool | None = None

    def encode(self) -> bytes:
        out = b"".join(pw.bytes_field(1, pw.int_field(1, i) + pw.bytes_field(2, n), True)
                       for i, n in self.children)
        out += b"".join(pw.bytes_field(2, pw.bytes_field(1, a) + pw.bytes_field(2, f)
                                       + pw.bytes_field(3, k), True)
                        for a, f, k in self.attributes)
        out += b"".join(pw.bytes_field(3, pw.int_field(1, o) + pw.bytes_field(2, n)
                                       + pw.int_field(3, s), True)
                        for o, n, s in self.slot_variables)
        if self.has_checkpoint_values is not None:
            out += pw.bytes_field(5, pw.int_field(1, self.has_checkpoint_values), True)
        return out

    @classmethod
    def decode(cls, raw: bytes) -> "Node":
        f = pw.decode(raw)
        node = cls()
        for c in map(pw.decode, f.get(1, [])):
            node.children.append((pw.first(c, 1), pw.first(c, 2, b"").decode()))
        for a in map(pw.decode, f.get(2, [])):
            node.attributes.append(tuple(pw.first(a, i, b"").decode() for i in (1, 2, 3)))
        for s in map(pw.decode, f.get(3, [])):
            node.slot_variables.append((pw.first(s, 1), pw.first(s, 2, b"").decode(),
                                        pw.first(s, 3)))
        if 5 in f:
            node.has_checkpoint_values = bool(pw.first(pw.decode(f[5][-1]), 1))
        return node

    def as_dict(self) -> dict:
        return {"children": [list(c) for c in self.children],
                "attributes": [list(a) for a in self.attributes],
                "slot_variables": [list(s) for s in self.slot_variables],
                "has_checkpoint_values": self.has_checkpoint_values}


def encode(nodes: list) -> bytes:
    return b"".join(pw.bytes_field(1, n.encode(), True) for n in nodes)


def decode(raw: bytes) -> list:
    return [Node.decode(n) for n in pw.decode(raw).get(1, [])]


def mark_checkpoint_values(nodes: list) -> None:
    """Sets has_checkpoint_values: a node has values if it or anything below it saves some."""
    parents: dict[int, set] = {}
    for i, n in enumerate(nodes):
        for c, _ in n.children:
            parents.setdefault(c, set()).add(i)
        for o, _, s in n.slot_variables:
            parents.setdefault(s, set()).update((i, o))
    todo = [i for i, n in enumerate(nodes) if n.attributes or n.slot_variables]
    seen = set(todo)
    while todo:
        for p in parents.get(todo.pop(), ()):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    for i, n in enumerate(nodes):
        n.has_checkpoint_values = i in seen


def escape(name: str) -> str:
    """TF's escaping of a local name inside a checkpoint key ('.' -> '..', '/' -> '.S')."""
    return name.replace(".", "..").replace("/", ".S")


def attribute_key(path: str, attribute: str = "VARIABLE_VALUE") -> str:
    return f"{path}/.ATTRIBUTES/{attribute}"


def slot_path(variable_path: str, optimizer_path: str, slot_name: str) -> str:
    return f"{variable_path}/.OPTIMIZER_SLOT/{optimizer_path}/{escape(slot_name)}"
