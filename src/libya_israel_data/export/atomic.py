"""All-or-nothing writes: build the target beside itself under a temporary name, then replace.

Whatever fails (a bug, a full disk, Ctrl-C), the previous target stays byte-identical and no
temporary file or folder is left behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(path: Path, mode: int) -> None:
    """Give a temporary file or folder the permissions a plain new one would have."""
    os.chmod(path, mode & ~_umask())


class TargetExistsError(FileExistsError):
    """The export target exists and ``force`` was not given."""


def check_target(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise TargetExistsError(f"{target} exists; pass --force to replace it")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"{target.parent} is not a folder")


@contextlib.contextmanager
def atomic_file(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``."""
    check_target(target, force)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    path = Path(tmp)
    try:
        yield path
        _publish(path, 0o666)
        os.replace(path, target)
    finally:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_folder(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it takes the target's place.

    A folder cannot be replaced in one system call: the old one is first renamed aside, and put
    back if the swap fails.
    """
    check_target(target, force)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    aside = None
    try:
        yield tmp
        _publish(tmp, 0o777)
        if target.exists():
            aside = Path(
                tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old")
            )
            os.rmdir(aside)
            os.replace(target, aside)
        try:
            os.replace(tmp, target)
        except BaseException:
            if aside is not None:
                # From here the set-aside folder is the only copy of the old target: it is never
                # deleted, even when putting it back fails (then it stays where it was put).
                old, aside = aside, None
                os.replace(old, target)
            raise
    finally:
        try:
            shutil.rmtree(tmp, ignore_errors=True)
        finally:  # even when interrupted while removing the temporary folder
            if aside is not None:
                shutil.rmtree(aside, ignore_errors=True)
