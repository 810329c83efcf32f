"""All-or-nothing writes: build the target beside itself under a temporary name, then replace.

Whatever fails (a bug, a full disk, Ctrl-C, SIGTERM), the previous target or the new one is left
whole, and no temporary file or folder is left behind. The temporary names are created with the
permissions a plain new file or folder gets: ``os.open(..., 0o666)`` and ``os.mkdir(..., 0o777)``
let the system call apply the umask. The umask is never read: ``os.umask`` reads it only by
setting it, and another thread creating a file in between would get the wrong permissions (a
test replaces ``os.umask`` with a failure and runs every writer).

Several files can form one unit (:func:`atomic_files`: a database and the datasette metadata that
describes it): all of them are replaced, or none is. Text files are written with
:func:`write_text` (UTF-8, LF on every system) or, replaced whole, :func:`atomic_text`; JSON
as :func:`json_text` formats it.

A folder cannot be replaced in one system call. The swap (:func:`atomic_folder`) decides every
clean-up step from what is on disk, not from how far the code got, so an interruption after any
system call leaves the old or the new folder whole; in the main thread it also holds SIGINT and
SIGTERM until the swap is over. A folder export carries a manifest of the files it wrote
(:data:`MANIFEST`): ``--force`` replaces those files only, and keeps everything else that is in
the folder (a ``.git`` folder, a ``CNAME`` file).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import signal
import string
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

#: The file in which a folder export lists the files it wrote (and its format).
MANIFEST = ".libya-israel-data-export.json"
_ALPHABET = string.ascii_lowercase + string.digits + "_"


class TargetExistsError(FileExistsError):
    """The export target exists and ``force`` was not given."""


class UnsafeTargetError(ValueError):
    """The export target may not be written: it is the input package or inside it, or it is
    not something an earlier export of this tool wrote."""


class OutputBusyError(UnsafeTargetError):
    """Another export is writing the same target right now."""


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


# --- temporary names --------------------------------------------------------------------------


def _leftover_pattern(target: Path) -> re.Pattern[str]:
    """Names of this module's temporary files and folders for ``target``: a dot, the target's
    name, a dot, eight random characters (the key), then .tmp (a new copy), .old (a folder set
    aside in a swap), .prev or .none (a file's previous copy in a unit, or the mark that it had
    none); see :func:`_reserve` and :func:`atomic_files`."""
    return re.compile(rf"\.{re.escape(target.name)}\.([A-Za-z0-9_]{{8}})\.(tmp|old|prev|none)")


def _temporary_name(target: Path, suffix: str, key: str | None = None) -> Path:
    key = key or "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return target.parent / f".{target.name}.{key}.{suffix}"


def _reserve(target: Path, suffix: str, make: Callable[[Path], None]) -> Path:
    """Create a new file or folder with a random name beside ``target`` (``make`` creates it,
    failing if it exists), as ``tempfile`` does but with the umask's permissions."""
    for _ in range(100):
        path = _temporary_name(target, suffix)
        try:
            make(path)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _new_file(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))


def _new_folder(path: Path) -> None:
    os.mkdir(path, 0o777)


# --- durability -----------------------------------------------------------------------------


#: What a file system says when it cannot flush a folder (then there is nothing to do).
_NO_FOLDER_FLUSH = {errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES, errno.EISDIR}


def _fsync(path: Path, *, folder: bool = False) -> None:
    """Flush a file's or a folder's entries to the disk (a folder: on systems that can)."""
    try:
        fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if folder else 0))
    except OSError as e:
        if folder and e.errno in _NO_FOLDER_FLUSH:  # Windows cannot open a folder
            return
        raise
    try:
        os.fsync(fd)
    except OSError as e:
        if not (folder and e.errno in _NO_FOLDER_FLUSH):
            raise
    finally:
        os.close(fd)


def _fsync_parent(target: Path) -> None:
    """Flush the rename that put ``target`` in place. It is done: a flush that fails cannot
    undo it, and is not reported as a failed write."""
    with contextlib.suppress(OSError):
        _fsync(target.parent, folder=True)


def _fsync_tree(root: Path) -> None:
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                _fsync(path)
        _fsync(Path(folder), folder=True)


# --- signals ----------------------------------------------------------------------------------

_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the few system calls of a swap, then deliver them as they
    would have been (the handler that was installed runs). Only the main thread can set
    handlers; elsewhere the swap relies on its clean-up alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[tuple[int, Any]] = []
    previous = {}
    try:
        for signum in _HELD:
            if signal.getsignal(signum) is None:  # set outside Python: leave it alone
                continue
            previous[signum] = signal.signal(signum, lambda s, f: pending.append((s, f)))
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            signum, frame = pending[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), signum)


# --- the manifest -----------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """A folder export's manifest (``format``, ``files``), or None if it has no valid one."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (
        isinstance(data, dict)
        and isinstance(data.get("format"), str)
        and isinstance(data.get("files"), list)
        and all(isinstance(f, str) for f in data["files"])
    ):
        return None
    return data


def _write_manifest(folder: Path, fmt: str) -> None:
    files = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if (p.is_file() or p.is_symlink()) and p.name != MANIFEST
    )
    write_text(folder / MANIFEST, json_text({"format": fmt, "files": files}))


def _ours(manifest: dict[str, Any] | None) -> set[str]:
    if manifest is None:
        return set()
    return {*manifest["files"], MANIFEST}


def foreign_entries(folder: Path, ours: set[str]) -> list[str]:
    """What ``folder`` holds that a previous export did not write (``ours``: the paths of its
    manifest), as relative paths: a file, a link, or a whole folder with none of ours in it."""
    prefixes = {p.rsplit("/", k)[0] for p in ours for k in range(1, p.count("/") + 1)}
    found: list[str] = []

    def walk(rel: str) -> None:
        for entry in sorted(os.scandir(folder / rel), key=_name):
            path = f"{rel}/{entry.name}" if rel else entry.name
            if path in ours:
                continue
            if path in prefixes and entry.is_dir(follow_symlinks=False):
                walk(path)
            else:
                found.append(path)

    walk("")
    return found


def _name(entry: os.DirEntry) -> str:
    return entry.name


# --- leftovers --------------------------------------------------------------------------------


def _move_back(tmp: Path, target: Path, foreign: list[str]) -> bool:
    """Put the entries ``foreign`` that were moved from ``target`` into ``tmp`` back; True if
    nothing of them is left in ``tmp``."""
    done = True
    for rel in foreign:
        src, dst = tmp / rel, target / rel
        if not os.path.lexists(src):
            continue
        if os.path.lexists(dst) or not target.is_dir():
            done = False
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
    return done


def recover_leftovers(target: Path) -> list[Path]:
    """Clean up after an earlier write that was killed (kill -9, power loss): remove its
    temporary files and folders beside ``target``. If the kill fell between the two renames of
    a folder swap, the target is missing and the old folder waits under its ``.old`` name: it is
    put back first, so nothing is lost; files of the user's that were being carried over into
    the new folder are put back too (a temporary folder that still holds any is kept). Call it
    holding :func:`output_lock`. Returns what was removed.

    A unit of several files (:func:`atomic_files`) that a kill interrupted is settled first:
    before its commit, every companion gets its previous copy back; after it, the copies set
    aside are removed."""
    _settle_units(target)
    pattern = _leftover_pattern(target)
    found = sorted(
        (p for p in target.parent.iterdir() if pattern.fullmatch(p.name)),
        key=lambda p: p.name,
    )
    olds = [p for p in found if p.name.endswith(".old") and p.is_dir()]
    if not target.exists() and len(olds) == 1:
        os.replace(olds[0], target)
        found.remove(olds[0])
    removed = []
    for p in found:
        if p.is_dir() and not p.is_symlink():
            manifest = read_manifest(p)
            if manifest is not None:
                foreign = foreign_entries(p, _ours(manifest))
                if foreign and not _move_back(p, target, foreign):
                    continue
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        removed.append(p)
    return removed


# --- the lock ---------------------------------------------------------------------------------


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the one right to write ``target`` (an advisory lock on ``.<name>.lock`` beside it),
    or raise :class:`OutputBusyError` at once if another export holds it.

    Written here rather than taken from ``filelock``, which leaves its lock file behind: the
    file is removed on release, and a lock taken on a file that was removed meanwhile is
    taken again on the new one.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; writers are not serialised
        yield
        return
    path = target.parent / f".{target.name}.lock"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputBusyError(
                    f"another export is writing {target} right now; "
                    "wait for it to finish and run this again"
                ) from None
            raise
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the file was removed by its last holder: lock the new one
    try:
        yield
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)


# --- the writers ------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_file(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``."""
    with atomic_files([target], force) as (path,):
        yield path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with LF line ends on every system (what the golden files hold)."""
    path.write_text(text, encoding="utf-8", newline="\n")


def json_text(data: object) -> str:
    """JSON as the package's own files hold it: UTF-8 unescaped, two-space indent, a final LF."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def atomic_text(target: Path, text: str, force: bool = False) -> None:
    """Replace ``target`` with ``text`` (:func:`write_text`) all at once."""
    with atomic_file(target, force) as path:
        write_text(path, text)


def _reserve_unit(targets: Sequence[Path]) -> list[Path]:
    """A new empty temporary file beside each target, all under one key (which pairs them)."""
    for _ in range(100):
        key = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        made: list[Path] = []
        try:
            for target in targets:
                path = _temporary_name(target, "tmp", key)
                _new_file(path)
                made.append(path)
        except FileExistsError:
            for path in made:
                path.unlink(missing_ok=True)
            continue
        return made
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(targets[0]))


@contextlib.contextmanager
def atomic_files(targets: Sequence[Path], force: bool = False) -> Iterator[list[Path]]:
    """Yield a temporary path beside each of ``targets``; on success every target is replaced
    by its new copy, and on any failure none is.

    The first target is the commit point. The others (its companions, such as the datasette
    metadata beside a database) go into place first, each previous copy set aside under a
    ``.prev`` name (or, if there was none, a ``.none`` mark left); then the first target's new
    copy is renamed into place. The clean-up decides from the disk: while that copy is still
    under its temporary name, every companion's previous copy is put back (or its new copy
    removed, if there was none before); once it is in place, what was set aside goes. Every
    name carries the unit's key, so after a kill :func:`recover_leftovers` does the same from
    the names alone.
    """
    for target in targets:
        check_target(target, force)
    first, companions = targets[0], targets[1:]
    with _signals_held():  # so that no interruption falls between creating them and knowing them
        paths = _reserve_unit(targets)
    key = _key(paths[0])
    try:
        yield paths
        for path in paths:
            _fsync(path)
        with _signals_held():
            try:
                for target, path in zip(companions, paths[1:], strict=True):
                    if os.path.lexists(target):
                        os.replace(target, _temporary_name(target, "prev", key))
                    else:
                        _new_file(_temporary_name(target, "none", key))
                    os.replace(path, target)
                os.replace(paths[0], first)
                _fsync_parent(first)
            finally:
                committed = not os.path.lexists(paths[0])
                for target in companions:
                    _settle_companion(target, key, committed)
    finally:
        for path in paths[1:]:
            path.unlink(missing_ok=True)
        # A companion that could not be settled keeps the first temporary file, which tells
        # recover_leftovers that the unit was not committed.
        if not any(_marked(target, key) for target in companions):
            paths[0].unlink(missing_ok=True)


def _key(path: Path) -> str:
    return path.name.rsplit(".", 2)[1]


def _marked(target: Path, key: str) -> bool:
    return any(os.path.lexists(_temporary_name(target, s, key)) for s in ("prev", "none"))


def _settle_companion(target: Path, key: str, committed: bool) -> None:
    """Finish (``committed``) or undo the replacement of one companion of a unit (see
    :func:`atomic_files`), from what is on disk."""
    old, none = _temporary_name(target, "prev", key), _temporary_name(target, "none", key)
    if committed:
        old.unlink(missing_ok=True)
    elif os.path.lexists(old):
        os.replace(old, target)
    elif os.path.lexists(none) and not os.path.lexists(_temporary_name(target, "tmp", key)):
        target.unlink(missing_ok=True)  # the new copy went in where there was none
    none.unlink(missing_ok=True)


#: A companion's mark in a unit (see :func:`atomic_files`): its previous copy or its absence.
_MARK = re.compile(r"\.(.+)\.([A-Za-z0-9_]{8})\.(prev|none)")


def _settle_units(target: Path) -> None:
    """Settle, from the names on disk, the units a kill interrupted that ``target`` took part
    in: as a companion (its own marks), or as the first target (the marks with the key of one
    of its temporary files). Every companion's new copy is in place before the commit, so a
    unit was committed unless a temporary file of a target other than the marked one is left
    under its key: the first target's, renamed at the commit."""
    names = sorted(os.listdir(target.parent))
    pattern = _leftover_pattern(target)
    own = {m.group(1) for n in names if (m := pattern.fullmatch(n)) and m.group(2) == "tmp"}
    for name in names:
        mark = _MARK.fullmatch(name)
        if mark is None:
            continue
        companion, key = target.parent / mark.group(1), mark.group(2)
        if companion != target and key not in own:
            continue  # another unit's: settled when its own targets are written again
        mine = _temporary_name(companion, "tmp", key).name
        committed = not any(n != mine and n.endswith(f".{key}.tmp") for n in names)
        _settle_companion(companion, key, committed)


@contextlib.contextmanager
def atomic_folder(target: Path, force: bool = False, fmt: str | None = None) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it takes the target's place.

    With ``fmt``, the folder gets a manifest of the files written (:data:`MANIFEST`); an
    existing target must then be empty or hold a manifest of the same format, and whatever
    it holds beyond the manifest's files is carried over into the new folder, untouched.

    The steps: fill and flush the new folder; carry the user's entries over; rename the old
    folder aside; rename the new one into place; remove the old one. The clean-up looks at the
    disk: while the new folder is still under its temporary name, the old one is put back (if
    it was set aside) and the carried entries go back into it; once the new folder is in place,
    the old one is removed. At no instant is the only copy of either deleted.
    """
    check_target(target, force)
    with _signals_held():  # so that no interruption falls between creating it and knowing it
        tmp = _reserve(target, "tmp", _new_folder)
    aside: Path | None = None
    carried: list[str] = []
    try:
        yield tmp
        if fmt is not None:
            _write_manifest(tmp, fmt)
        _fsync_tree(tmp)
        with _signals_held():
            try:
                if target.exists():
                    carried = _carry_plan(target, tmp, fmt)
                    for rel in carried:
                        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                        os.replace(target / rel, tmp / rel)
                    # A fresh random name: nothing is there (only this writer holds the lock)
                    aside = _temporary_name(target, "old")
                    os.replace(target, aside)
                os.replace(tmp, target)
                _fsync_parent(target)
            finally:
                _settle(target, tmp, aside, carried)
    finally:
        if os.path.lexists(tmp) and not carried:
            shutil.rmtree(tmp, ignore_errors=True)


def _carry_plan(target: Path, tmp: Path, fmt: str | None) -> list[str]:
    """The entries of ``target`` to carry over into ``tmp``: none without a manifest format
    (the whole folder is replaced), else what the previous manifest does not list. Refuses
    when the new export would write over one of them."""
    if fmt is None:
        return []
    foreign = foreign_entries(target, _ours(read_manifest(target)))
    taken = [rel for rel in foreign if _taken(tmp, rel)]
    if taken:
        raise UnsafeTargetError(
            f"{target / taken[0]} is not a file of the previous export, and the new one would "
            "write over it; move it away first"
        )
    return foreign


def _taken(tmp: Path, rel: str) -> bool:
    parts = rel.split("/")
    return any(
        os.path.lexists(tmp.joinpath(*parts[:i])) and not tmp.joinpath(*parts[:i]).is_dir()
        for i in range(1, len(parts))
    ) or os.path.lexists(tmp / rel)


def _settle(target: Path, tmp: Path, aside: Path | None, carried: list[str]) -> None:
    """Finish or undo a swap from what is on disk (see :func:`atomic_folder`)."""
    if os.path.lexists(tmp):  # the new folder never took the target's place: undo
        if aside is not None and not os.path.lexists(target) and aside.exists():
            os.replace(aside, target)
        if _move_back(tmp, target, carried):
            shutil.rmtree(tmp, ignore_errors=True)
    elif aside is not None:  # the new folder is in place: the old one may go
        shutil.rmtree(aside, ignore_errors=True)
