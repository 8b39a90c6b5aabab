"""`tf.io.gfile` and TF 1's `tf.gfile` over the local file system (TF's other file systems,
gs:// and friends, are not supported).

Failures raise TF's error classes with TF's messages (`NotFoundError: <path>; No such file or
directory`); a GFile opens its file lazily, at the first read or write, as TF's does.
"""

import errno
import glob as _glob
import os
import shutil

from tfcompat._src import errors
from tfcompat._src.export import export


def _path(p) -> str:
    return os.fspath(p).decode() if isinstance(p, bytes) else os.fspath(p)


def _os_error(e: OSError, path: str):
    """TF's error for an OSError on `path`."""
    message = f"{path}; {os.strerror(e.errno) if e.errno else e.strerror}"
    cls = {errno.ENOENT: errors.NotFoundError, errno.EEXIST: errors.AlreadyExistsError,
           errno.EACCES: errors.PermissionDeniedError, errno.EPERM: errors.PermissionDeniedError,
           errno.EISDIR: errors.FailedPreconditionError,
           errno.ENOTDIR: errors.FailedPreconditionError}.get(e.errno, errors.UnknownError)
    return cls(None, None, message)


def read_bytes(path) -> bytes:
    path = _path(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise _os_error(e, path) from None


@export("io.gfile.GFile", v1=("io.gfile.GFile", "gfile.GFile", "gfile.Open"))
class GFile:
    """A file handle (`tf.io.gfile.GFile`); text modes read str, binary modes bytes; both modes
    write str or bytes."""

    def __init__(self, name, mode="r"):
        self._name, self._mode = _path(name), mode
        self._binary = "b" in mode
        self._file = None

    name = property(lambda self: self._name)
    mode = property(lambda self: self._mode)

    def _open(self):
        if self._file is None:
            try:
                self._file = open(self._name, self._mode.replace("b", "") + "b")  # noqa: SIM115
            except OSError as e:
                raise _os_error(e, self._name) from None
        return self._file

    def _check(self, want_read):
        reading = "r" in self._mode
        if want_read and not reading:
            raise errors.PermissionDeniedError(None, None, "File isn't open for reading")
        if not want_read and reading and "+" not in self._mode:
            raise errors.PermissionDeniedError(None, None, "File isn't open for writing")

    def _out(self, data: bytes):
        return data if self._binary else data.decode("utf-8")

    def read(self, n=-1):
        self._check(True)
        return self._out(self._open().read(-1 if n is None else n))

    def readline(self):
        self._check(True)
        return self._out(self._open().readline())

    def readlines(self):
        self._check(True)
        return [self._out(line) for line in self._open().readlines()]

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    next = __next__

    def write(self, file_content):
        self._check(False)
        data = file_content.encode("utf-8") if isinstance(file_content, str) else bytes(
            file_content)
        self._open().write(data)

    def seek(self, offset=None, whence=0, position=None):
        self._check(True)
        self._open().seek(position if offset is None else offset, whence)

    def tell(self):
        return self._open().tell()

    def size(self):
        return stat(self._name).length

    def flush(self):
        if self._file is not None:
            self._file.flush()

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None

    def seekable(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


@export(v1=("gfile.FastGFile",))
class FastGFile(GFile):
    """TF 1's FastGFile: the same as GFile."""


@export("io.gfile.exists")
def exists(path):
    return os.path.exists(_path(path))


@export("io.gfile.isdir")
def isdir(path):
    return os.path.isdir(_path(path))


@export("io.gfile.listdir")
def listdir(path):
    path = _path(path)
    if not os.path.isdir(path):
        raise errors.NotFoundError(None, None, f"Could not find directory {path}")
    return os.listdir(path)


@export("io.gfile.glob")
def glob(pattern):
    patterns = [pattern] if isinstance(pattern, (str, bytes, os.PathLike)) else pattern
    return [m for p in patterns for m in _glob.glob(_path(p))]


@export("io.gfile.makedirs")
def makedirs(path):
    path = _path(path)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise _os_error(e, path) from None


@export("io.gfile.mkdir")
def mkdir(path):
    path = _path(path)
    try:
        os.mkdir(path)
    except FileExistsError:
        pass  # TF's mkdir succeeds when the path exists
    except OSError as e:
        raise _os_error(e, path) from None


@export("io.gfile.remove")
def remove(path):
    path = _path(path)
    try:
        os.remove(path)
    except OSError as e:
        raise _os_error(e, path) from None


@export("io.gfile.rmtree")
def rmtree(path):
    path = _path(path)
    if not os.path.exists(path):
        raise errors.NotFoundError(None, None, f"{path} not found")
    if os.path.isdir(path):
        shutil.rmtree(path)
    else:
        os.remove(path)


@export("io.gfile.rename")
def rename(src, dst, overwrite=False):
    src, dst = _path(src), _path(dst)
    if not os.path.exists(src):
        raise errors.NotFoundError(None, None, f"{src}; No such file or directory")
    if not overwrite and os.path.exists(dst):
        raise errors.AlreadyExistsError(None, None, "file already exists")
    try:
        os.replace(src, dst)
    except OSError as e:
        raise _os_error(e, dst) from None


@export("io.gfile.copy")
def copy(src, dst, overwrite=False):
    src, dst = _path(src), _path(dst)
    if not os.path.exists(src):
        raise errors.NotFoundError(None, None, f"{src}; No such file or directory")
    if not overwrite and os.path.exists(dst):
        raise errors.AlreadyExistsError(None, None, "file already exists")
    try:
        shutil.copyfile(src, dst)
    except OSError as e:
        raise _os_error(e, dst) from None


class FileStatistics:
    """The result of `stat`: length, mtime_nsec, is_directory."""

    def __init__(self, length, mtime_nsec, is_directory):
        self.length, self.mtime_nsec, self.is_directory = length, mtime_nsec, is_directory


@export("io.gfile.stat")
def stat(path):
    path = _path(path)
    try:
        s = os.stat(path)
    except OSError as e:
        raise _os_error(e, path) from None
    return FileStatistics(s.st_size, s.st_mtime_ns, os.path.isdir(path))


@export("io.gfile.walk")
def walk(top, topdown=True, onerror=None):
    top = _path(top)
    if not os.path.isdir(top):
        return
    names = os.listdir(top)
    dirs = [n for n in names if os.path.isdir(os.path.join(top, n))]
    files = [n for n in names if n not in dirs]
    if topdown:
        yield top, dirs, files
    for d in dirs:
        yield from walk(os.path.join(top, d), topdown, onerror)
    if not topdown:
        yield top, dirs, files


@export("io.gfile.join")
def join(path, *paths):
    return os.path.join(_path(path), *map(_path, paths))


# TF 1's tf.gfile: CamelCase names and TF 1 argument names.

@export(v1=("gfile.Exists",))
def Exists(filename):  # noqa: N802 - TF's name
    return exists(filename)


@export(v1=("gfile.IsDirectory",))
def IsDirectory(dirname):  # noqa: N802
    return isdir(dirname)


@export(v1=("gfile.ListDirectory",))
def ListDirectory(dirname):  # noqa: N802
    return listdir(dirname)


@export(v1=("gfile.Glob",))
def Glob(filename):  # noqa: N802
    return glob(filename)


@export(v1=("gfile.MakeDirs",))
def MakeDirs(dirname):  # noqa: N802
    return makedirs(dirname)


@export(v1=("gfile.MkDir",))
def MkDir(dirname):  # noqa: N802
    return mkdir(dirname)


@export(v1=("gfile.Remove",))
def Remove(filename):  # noqa: N802
    return remove(filename)


@export(v1=("gfile.DeleteRecursively",))
def DeleteRecursively(dirname):  # noqa: N802
    return rmtree(dirname)


@export(v1=("gfile.Rename",))
def Rename(oldname, newname, overwrite=False):  # noqa: N802
    return rename(oldname, newname, overwrite)


@export(v1=("gfile.Copy",))
def Copy(oldpath, newpath, overwrite=False):  # noqa: N802
    return copy(oldpath, newpath, overwrite)


@export(v1=("gfile.Stat",))
def Stat(filename):  # noqa: N802
    return stat(filename)


@export(v1=("gfile.Walk",))
def Walk(top, in_order=True):  # noqa: N802
    return walk(top, in_order)
