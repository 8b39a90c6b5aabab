"""`tf.image`: resize (bilinear, nearest; TF 2's half-pixel centres and TF 1's legacy corners),
flips, dtype conversion, grayscale, central crop.

Built from tfcompat's own ops (gather, subtract, multiply, add), each run eagerly as TF's kernels
compute, so results agree with TF to the bit and tapes differentiate them.
"""

import numpy as np

from tfcompat._src import errors
from tfcompat._src.export import export, export_value


def _tf():
    import tfcompat
    return tfcompat


@export("image.ResizeMethod", v1=())
class ResizeMethod:
    """TF 2's method names (plain strings, as TF's class attributes)."""
    BILINEAR = "bilinear"
    NEAREST_NEIGHBOR = "nearest"
    BICUBIC = "bicubic"
    AREA = "area"
    LANCZOS3 = "lanczos3"
    LANCZOS5 = "lanczos5"
    GAUSSIAN = "gaussian"
    MITCHELLCUBIC = "mitchellcubic"


class ResizeMethodV1:
    """TF 1's integer method codes."""
    BILINEAR, NEAREST_NEIGHBOR, BICUBIC, AREA = 0, 1, 2, 3


export_value(ResizeMethodV1, (), ("image.ResizeMethod",))
_V1_METHODS = {0: "bilinear", 1: "nearest", 2: "bicubic", 3: "area"}


def _scale(in_size: int, out_size: int, align_corners: bool) -> np.float32:
    if align_corners and out_size > 1:
        return np.float32(in_size - 1) / np.float32(out_size - 1)
    return np.float32(in_size) / np.float32(out_size)


def _linear_weights(in_size, out_size, half_pixel, align_corners):
    """TF's compute_interpolation_weights: lower, upper indices and lerp, in float32."""
    scale = _scale(in_size, out_size, align_corners)
    i = np.arange(out_size, dtype=np.float32)
    pos = (i + np.float32(0.5)) * scale - np.float32(0.5) if half_pixel else i * scale
    floor = np.floor(pos)
    lower = np.maximum(floor.astype(np.int64), 0)
    upper = np.minimum(np.ceil(pos).astype(np.int64), in_size - 1)
    return lower, upper, (pos - floor).astype(np.float32)


def _nearest_index(in_size, out_size, half_pixel, align_corners):
    scale = _scale(in_size, out_size, align_corners)
    i = np.arange(out_size, dtype=np.float32)
    pos = (i + np.float32(0.5)) * scale if half_pixel else i * scale
    index = np.floor(pos + np.float32(0.5)) if align_corners else np.floor(pos)  # roundf
    return np.clip(index.astype(np.int64), 0, in_size - 1)


def _resize4(images, height, width, method, half_pixel, align_corners):
    tf = _tf()
    in_h, in_w = images.shape[1], images.shape[2]
    if method == "nearest":
        ys = _nearest_index(in_h, height, half_pixel, align_corners)
        xs = _nearest_index(in_w, width, half_pixel, align_corners)
        return tf.gather(tf.gather(images, ys, axis=1), xs, axis=2)
    images = tf.cast(images, tf.float32)
    y0, y1, ly = _linear_weights(in_h, height, half_pixel, align_corners)
    x0, x1, lx = _linear_weights(in_w, width, half_pixel, align_corners)
    ly = tf.constant(ly.reshape(1, -1, 1, 1))
    lx = tf.constant(lx.reshape(1, 1, -1, 1))
    top, bottom = tf.gather(images, y0, axis=1), tf.gather(images, y1, axis=1)
    tl, tr = tf.gather(top, x0, axis=2), tf.gather(top, x1, axis=2)
    bl, br = tf.gather(bottom, x0, axis=2), tf.gather(bottom, x1, axis=2)
    top = tl + (tr - tl) * lx
    bottom = bl + (br - bl) * lx
    return top + (bottom - top) * ly


def _resize(images, size, method, half_pixel, align_corners, skip_same):
    tf = _tf()
    images = tf.convert_to_tensor(images)
    rank = images.shape.rank
    if rank not in (3, 4):
        raise ValueError("'images' must have either 3 or 4 dimensions.")
    size = [int(s) for s in np.asarray(size.numpy() if hasattr(size, "numpy") else size)]
    if len(size) != 2:
        raise ValueError("'size' must be a 1-D Tensor of 2 elements: new_height, new_width")
    if method not in ("bilinear", "nearest"):
        raise NotImplementedError(f"tfcompat: resize method {method!r} is not supported yet "
                                  "(bilinear and nearest are)")
    batch = images if rank == 4 else tf.expand_dims(images, 0)
    if skip_same and list(batch.shape[1:3]) == size:
        return images
    if min(size) <= 0:
        raise errors.InvalidArgumentError(None, None, "output dimensions must be positive")
    out = _resize4(batch, size[0], size[1], method, half_pixel, align_corners)
    return out if rank == 4 else tf.squeeze(out, 0)


@export("image.resize", v1=())
def resize(images, size, method=ResizeMethod.BILINEAR, preserve_aspect_ratio=False,
           antialias=False, name=None):
    """TF 2's resize: half-pixel centres; bilinear returns float32, nearest keeps the dtype."""
    if preserve_aspect_ratio or antialias:
        raise NotImplementedError("tfcompat: preserve_aspect_ratio and antialias are not "
                                  "supported yet")
    return _resize(images, size, method, True, False, False)


@export(v1=("image.resize_images", "image.resize"))
def resize_images(images, size, method=ResizeMethodV1.BILINEAR, align_corners=False,
                  preserve_aspect_ratio=False, name=None):
    """TF 1's resize: legacy corner-aligned sampling (no half-pixel centres); returns the input
    itself when the size is unchanged."""
    if preserve_aspect_ratio:
        raise NotImplementedError("tfcompat: preserve_aspect_ratio is not supported yet")
    method = _V1_METHODS.get(method, method)
    return _resize(images, size, method, False, align_corners, True)


@export(v1=("image.resize_bilinear",))
def resize_bilinear(images, size, align_corners=False, name=None, half_pixel_centers=False):
    return _resize(images, size, "bilinear", half_pixel_centers, align_corners, False)


@export(v1=("image.resize_nearest_neighbor",))
def resize_nearest_neighbor(images, size, align_corners=False, name=None,
                            half_pixel_centers=False):
    return _resize(images, size, "nearest", half_pixel_centers, align_corners, False)


def _flip(image, axis_from_end):
    tf = _tf()
    image = tf.convert_to_tensor(image)
    if image.shape.rank not in (3, 4):
        raise ValueError(f"'image' (shape {image.shape}) must have either 3 or 4 dimensions.")
    return tf.reverse(image, [image.shape.rank - axis_from_end])


@export("image.flip_left_right")
def flip_left_right(image):
    return _flip(image, 2)


@export("image.flip_up_down")
def flip_up_down(image):
    return _flip(image, 3)


@export("image.convert_image_dtype")
def convert_image_dtype(image, dtype, saturate=False, name=None):
    """TF's conversion: integers are scaled to [0, 1] by their max; floats back by max + 0.5."""
    tf = _tf()
    image = tf.convert_to_tensor(image)
    dtype = tf.as_dtype(dtype)
    src = image.dtype
    if src == dtype:
        return image
    if src.is_integer and dtype.is_integer:
        scale_in, scale_out = src.max, dtype.max
        if scale_in > scale_out:
            return tf.cast(tf.math.floordiv(image, (scale_in + 1) // (scale_out + 1)), dtype)
        return tf.cast(image, dtype) * ((scale_out + 1) // (scale_in + 1))
    if src.is_floating and dtype.is_floating:
        return tf.cast(image, dtype)
    if src.is_integer:
        return tf.cast(image, dtype) * tf.constant(1.0 / src.max, dtype)
    scaled = image * tf.constant(dtype.max + 0.5, src)
    if saturate:  # TF's saturate_cast: clamp to the target's range first
        scaled = tf.clip_by_value(scaled, float(dtype.min), float(dtype.max))
    return tf.cast(scaled, dtype)


@export("image.rgb_to_grayscale")
def rgb_to_grayscale(images, name=None):
    """The ITU-R 601 luma (0.2989 R + 0.5870 G + 0.1140 B) in the input's dtype, last axis 1."""
    tf = _tf()
    images = tf.convert_to_tensor(images)
    flt = convert_image_dtype(images, tf.float32)
    weights = tf.constant([0.2989, 0.5870, 0.1140], tf.float32)
    gray = tf.expand_dims(tf.tensordot(flt, weights, [[-1], [-1]]), -1)
    return convert_image_dtype(gray, images.dtype)


@export("image.central_crop")
def central_crop(image, central_fraction):
    """The central `central_fraction` of each image (TF's rounding of the offsets)."""
    tf = _tf()
    image = tf.convert_to_tensor(image)
    if central_fraction <= 0.0 or central_fraction > 1.0:
        raise ValueError("central_fraction must be within (0, 1]")
    if central_fraction == 1.0:
        return image
    rank = image.shape.rank
    h, w = image.shape[rank - 3], image.shape[rank - 2]
    top = int((h - h * central_fraction) / 2)
    left = int((w - w * central_fraction) / 2)
    rows, cols = h - 2 * top, w - 2 * left
    if rank == 3:
        return image[top:top + rows, left:left + cols, :]
    return image[:, top:top + rows, left:left + cols, :]
