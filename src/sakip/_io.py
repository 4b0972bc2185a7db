"""Safe output files: atomic writes, and the checks made before any file is written.

Internal to :mod:`sakip` (the command and the file writers of
:mod:`sakip.report.render`); the behaviour is documented in
``docs/report.md``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sakip.errors import InvalidValueError

__all__ = ["OutputRefusedError", "atomic_write", "check_target"]


class OutputRefusedError(InvalidValueError):
    """An output file that must not be written (the input, an existing file, a device).

    ``field`` is the path as the user wrote it, ``rule`` the reason.

    Examples
    --------
    >>> error = OutputRefusedError("lkip.toml", "it is the input data set", "lkip.toml")
    >>> error.field, error.rule
    ('lkip.toml', 'it is the input data set')
    """


def check_target(path: str | Path, *, force: bool, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse an output path that is an input, a non-regular file, or (without ``force``) a file.

    The input is recognised under any name: the same resolved path, or
    the same file (a hard or symbolic link).

    Raises
    ------
    OutputRefusedError
        With the path and the reason.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> data = folder / "lkip.toml"
    >>> _ = data.write_text("schema = 1", encoding="utf-8")
    >>> check_target(folder / "report.txt", force=False, inputs=[data])
    >>> check_target(folder / "." / "lkip.toml", force=True, inputs=[data])
    Traceback (most recent call last):
    ...
    sakip._io.OutputRefusedError: '.../lkip.toml' it is the input data set: ...
    >>> check_target(data, force=False)
    Traceback (most recent call last):
    ...
    sakip._io.OutputRefusedError: '.../lkip.toml' it exists (use --force to replace it): ...
    """
    target = Path(path)
    resolved = os.path.realpath(target)
    for source in inputs:
        same = resolved == os.path.realpath(source)
        with contextlib.suppress(OSError):
            same = same or os.path.samefile(target, source)
        if same:
            raise OutputRefusedError(str(path), "it is the input data set", str(path))
    if not os.path.lexists(target):
        return
    try:
        mode = os.stat(target).st_mode
    except OSError:  # a link to nothing: replacing it is a choice for --force
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        raise OutputRefusedError(
            str(path),
            "it is not a regular file (write to standard output and redirect it instead)",
            str(path),
        )
    if not force:
        raise OutputRefusedError(str(path), "it exists (use --force to replace it)", str(path))


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    ``path`` is either left as it was or holds all of ``data``; the
    temporary file never stays behind. A symbolic link is followed (the
    file it points to is replaced). A new file gets the permissions the
    umask gives; a replaced file keeps its own.

    Raises
    ------
    OSError
        With ``filename`` the path as given (not the temporary file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(folder / "report.txt", b"LKIP")
    >>> (folder / "report.txt").read_bytes(), [p.name for p in folder.iterdir()]
    (b'LKIP', ['report.txt'])
    >>> atomic_write(folder / "no" / "report.txt", b"LKIP")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: '.../no/report.txt'
    """
    target = Path(os.path.realpath(path))
    temporary = None
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(path)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
