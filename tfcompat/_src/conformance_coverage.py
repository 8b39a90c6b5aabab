"""Which exported TF symbols no conformance case uses: `tfcompat conformance --coverage`.

A symbol is one row of the coverage table (`coverage.rows()`: one per exported object). It is
covered when some case's source names it by one of its paths, the way the script's `tf`
resolves:

- `tf.compat.v1.<path>` names the object at TF 1 path `<path>`, `tf.compat.v2.<path>` the one at
  TF 2 path `<path>`;
- `tf.<path>` names what `tf.<path>` is in that script: in a script that does
  `import tensorflow.compat.v1 as tf` the TF 1 object, with `import tensorflow.compat.v2 as tf`
  the TF 2 object, and otherwise (`import tensorflow as tf`, which the suite binds to the TF 1
  API as TF's own compat.v1 namespace does) the TF 1 object, or the TF 2 object where no TF 1
  object has that path. So `tf.gather` covers the TF 1 `gather`; the TF 2 one needs
  `tf.compat.v2.gather`.

A path must end at a name boundary: `tf.add` does not name `tf.add_n`; `tf.math.add(...)` and
`tf.Variable(...).assign` name `math.add` and `Variable`.
"""

import re
from pathlib import Path

_MENTION = re.compile(
    r"(?<![\w.])tf\.(?:compat\.(v1|v2)\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)"
)
_IMPORT_AS_TF = re.compile(
    r"^\s*(?:import\s+tensorflow\.compat\.(v1|v2)\s+as\s+tf"
    r"|from\s+tensorflow\.compat\s+import\s+(v1|v2)\s+as\s+tf)\b",
    re.MULTILINE,
)


def _tables():
    """Canonical names, and path -> row index maps for TF 1 paths, TF 2 paths and plain `tf.`."""
    import tfcompat  # noqa: F401 - fills the export table
    from tfcompat._src.coverage import rows
    from tfcompat._src.export import EXPORTS

    names = [r[0] for r in rows()]
    row_of = {name: i for i, name in enumerate(names)}
    # Paths per object, merged as rows() merges them (so the canonical name is the same).
    paths: dict[int, tuple[list[str], list[str]]] = {}
    for e in EXPORTS:
        v2, v1 = paths.setdefault(id(e.obj), ([], []))
        v2 += [p for p in e.v2 if p not in v2]
        v1 += [p for p in e.v1 if p not in v1]
    v1_paths: dict[str, int] = {}
    v2_paths: dict[str, int] = {}
    for v2, v1 in paths.values():
        row = row_of[f"tf.{v2[0]}" if v2 else f"tf.compat.v1.{v1[0]}"]
        v1_paths.update(dict.fromkeys(v1, row))
        v2_paths.update(dict.fromkeys(v2, row))
    top = {**v2_paths, **v1_paths}  # tfcompat's top level: the TF 1 object wins
    return names, {"v1": v1_paths, "v2": v2_paths, "top": top}


def covered_rows(source: str, maps: dict[str, dict[str, int]]) -> set[int]:
    """Rows (indices into the coverage table) one case source names."""
    imported = _IMPORT_AS_TF.search(source)
    plain = (imported.group(1) or imported.group(2)) if imported else "top"
    found = set()
    for match in _MENTION.finditer(source):
        table = maps[match.group(1) or plain]
        parts = match.group(2).split(".")
        for n in range(1, len(parts) + 1):  # every prefix: `train.Optimizer.minimize`
            row = table.get(".".join(parts[:n]))
            if row is not None:
                found.add(row)
    return found


def uncovered(cases_dir) -> list[str]:
    """Canonical names of exported symbols that no `*.py` under cases_dir names."""
    names, maps = _tables()
    found: set[int] = set()
    for case in sorted(Path(cases_dir).rglob("*.py")):
        found |= covered_rows(case.read_text(), maps)
    return [name for i, name in enumerate(names) if i not in found]


def report(cases_dir) -> int:
    """Print uncovered symbols (one per line) and a summary; non-zero exit if any."""
    missing = uncovered(cases_dir)
    names, _ = _tables()
    for name in missing:
        print(name)
    print(f"{len(names) - len(missing)} of {len(names)} symbols covered by cases under "
          f"{cases_dir}; {len(missing)} uncovered")
    return 1 if missing else 0
