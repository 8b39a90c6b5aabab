"""tf.data, TFRecord files, tf.train.Example parsing and tf.io.gfile."""

from tfcompat._src.data import dataset, example, gfile, parsing, readers, sparse, structure

__all__ = ["dataset", "example", "gfile", "parsing", "readers", "sparse", "structure"]
