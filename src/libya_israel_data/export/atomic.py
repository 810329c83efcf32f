"""All-or-nothing writes: build the target beside itself under a temporary name, then replace.

Whatever fails (a bug, a full disk, Ctrl-C), the previous target stays byte-identical and no
temporary file or folder is left behind.
"""

from __future__ import annotations

import contextlib
import os
import re
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


class UnsafeTargetError(ValueError):
    """The export target may not be written: it is the input package or inside it, or it is
    not something an earlier export of this tool wrote."""


def check_target(target: Path, force: bool) -> None:
    if str(target) == "-":
        raise UnsafeTargetError(
            "writing to standard output is not supported; give a file or folder name"
        )
    if target.exists() and not force:
        raise TargetExistsError(f"{target} exists; pass --force to replace it")
    if not target.parent.exists():
        raise FileNotFoundError(f"the folder {target.parent} does not exist; create it first")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"{target.parent} is not a folder")


def _leftover_pattern(target: Path) -> re.Pattern[str]:
    """Names of this module's temporary files and folders for ``target`` (see mkstemp/mkdtemp
    below: a dot, the target's name, a dot, eight random characters, .tmp or .old)."""
    return re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.(tmp|old)")


def recover_leftovers(target: Path) -> list[Path]:
    """Clean up after an earlier write that was killed (kill -9, power loss): remove its
    temporary files and folders beside ``target``. If the kill fell between the two renames of
    a folder swap, the target is missing and the old folder waits under its ``.old`` name: it is
    put back first, so nothing is lost. Returns what was removed."""
    pattern = _leftover_pattern(target)
    found = sorted(
        (p for p in target.parent.iterdir() if pattern.fullmatch(p.name)),
        key=lambda p: p.name,
    )
    olds = [p for p in found if p.name.endswith(".old") and p.is_dir()]
    if not target.exists() and len(olds) == 1:
        os.replace(olds[0], target)
        found.remove(olds[0])
    for p in found:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
    return found


@contextlib.contextmanager
def scratch_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; it is always removed (and, if a kill leaves
    it, :func:`recover_leftovers` removes it)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    path = Path(tmp)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_file(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``."""
    check_target(target, force)
    with scratch_file(target) as path:
        yield path
        _publish(path, 0o666)
        os.replace(path, target)


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
