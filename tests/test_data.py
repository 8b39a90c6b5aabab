"""tf.data, TFRecord files, tf.train.Example and tf.io.gfile against TF 2.21's recorded results."""

import hashlib
import json
from pathlib import Path

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tests.golden.record_data_roundtrip import FIXTURES, ROOT, examples, write


@pytest.mark.parametrize("case", load("data"), ids=lambda c: c["id"])
def test_matches_tensorflow(case, monkeypatch):
    monkeypatch.chdir(ROOT)  # cases read tests/fixtures/data by relative path
    check(tf, case)


ROUNDTRIP = json.loads((Path(__file__).parent / "golden" / "data_roundtrip.json").read_text())


@pytest.mark.parametrize("kind", ["", "GZIP", "ZLIB"])
def test_tensorflow_reads_what_tfcompat_writes(kind, tmp_path):
    """TF read back the records tfcompat wrote (recorded by record_data_roundtrip.py); tfcompat
    still writes the same records, and the uncompressed file byte for byte."""
    path = tmp_path / "out.tfrecord"
    write(tf, path, kind)
    row = ROUNDTRIP["files"][kind or "NONE"]
    ours = [r.numpy().decode("latin-1") for r in tf.data.TFRecordDataset(str(path), kind)]
    assert ours == row["records"]
    if row["sha256"]:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]


def test_tfcompat_writes_what_tensorflow_writes(tmp_path):
    """Same records as TF's writer; Example bytes may differ only in map-entry order (TF's
    protobuf orders a map by its hash table)."""
    write(tf, tmp_path / "ours.tfrecord")
    ours = list(tf.compat.v1.io.tf_record_iterator(str(tmp_path / "ours.tfrecord")))
    theirs = list(tf.compat.v1.io.tf_record_iterator(str(FIXTURES / "tf_examples.tfrecord")))
    assert ours[-1] == theirs[-1] and len(ours) == len(theirs)
    for a, b in zip(ours[:-1], theirs[:-1], strict=True):
        assert tf.train.Example.FromString(a) == tf.train.Example.FromString(b)
        assert len(a) == len(b)


def test_tensorflow_parsed_our_examples():
    parsed = ROUNDTRIP["files"]["NONE"]["parsed"]
    for ex, row in zip(examples(tf), parsed, strict=True):
        f = ex.features.feature
        assert list(f["id"].int64_list.value) == row["id"]
        assert list(f["tags"].int64_list.value) == row["tags"]
        assert [v.decode("latin-1") for v in f["name"].bytes_list.value] == row["name"]
