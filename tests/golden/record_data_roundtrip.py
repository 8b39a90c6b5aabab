"""Records the data fixtures and the tfcompat -> TensorFlow round trip (needs both libraries;
run with the TF oracle, which has tfcompat installed):

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record_data_roundtrip.py

1. Real TF writes `tests/fixtures/data/tf_*.tfrecord*` (Examples, plain / GZIP / ZLIB) and a
   text file; the `data` golden cases read them with tfcompat.
2. tfcompat writes TFRecord files of Examples; TF reads and parses them. What TF read is stored
   in `data_roundtrip.json` and `tests/test_data.py` checks tfcompat still writes exactly that.
"""

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "data"
sys.path.insert(0, str(ROOT))


def examples(tf):
    """Three Examples built from the same calls under TF or tfcompat."""
    t = tf.train
    out = []
    for i in range(3):
        out.append(t.Example(features=t.Features(feature={
            "id": t.Feature(int64_list=t.Int64List(value=[i, -i * 1000])),
            "x": t.Feature(float_list=t.FloatList(value=[0.5 * i, 1.0 / 3])),
            "name": t.Feature(bytes_list=t.BytesList(value=[f"n{i}".encode(), b"\x00\xff"])),
            "tags": t.Feature(int64_list=t.Int64List(value=list(range(i)))),
        })))
    return out


def write(tf, path, options=None):
    with tf.io.TFRecordWriter(str(path), options) as w:
        for ex in examples(tf):
            w.write(ex.SerializeToString())
        w.write(b"raw record \n\x00")


def main():
    import tensorflow as tf

    import tfcompat

    FIXTURES.mkdir(parents=True, exist_ok=True)
    write(tf, FIXTURES / "tf_examples.tfrecord")
    write(tf, FIXTURES / "tf_examples.tfrecord.gz", "GZIP")
    write(tf, FIXTURES / "tf_examples.tfrecord.zlib", "ZLIB")
    (FIXTURES / "lines.txt").write_bytes(b"first line\nsecond\r\n\nlast without newline")
    (FIXTURES / "fixed.bin").write_bytes(bytes(range(3)) + bytes(range(100, 112)) + b"END")

    features = {"id": tf.io.FixedLenFeature([2], tf.int64),
                "x": tf.io.FixedLenFeature([2], tf.float32),
                "name": tf.io.FixedLenFeature([2], tf.string),
                "tags": tf.io.VarLenFeature(tf.int64)}
    rows = {}
    tmp = Path(tempfile.mkdtemp())
    for kind in ("", "GZIP", "ZLIB"):
        path = tmp / f"ours{kind}.tfrecord"
        write(tfcompat, path, kind)
        records = [r.numpy() for r in tf.data.TFRecordDataset(str(path), kind)]
        parsed = []
        for r in records[:-1]:
            p = tf.io.parse_single_example(r, features)
            parsed.append({"id": p["id"].numpy().tolist(), "x": p["x"].numpy().tolist(),
                           "name": [b.decode("latin-1") for b in p["name"].numpy()],
                           "tags": p["tags"].values.numpy().tolist()})
        rows[kind or "NONE"] = {
            "records": [r.decode("latin-1") for r in records], "parsed": parsed,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest() if not kind else None}
    out = Path(__file__).with_name("data_roundtrip.json")
    out.write_text(json.dumps({"tensorflow": tf.__version__, "files": rows}, indent=1) + "\n")
    print(f"wrote {out} and fixtures in {FIXTURES}")


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    main()
