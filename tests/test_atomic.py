"""Fault injection for the all-or-nothing writers ``atomic_file`` and ``atomic_folder``.

Every call that atomic.py makes to ``os.mkdir``, ``os.fsync``, ``os.replace`` and
``shutil.rmtree`` is a step of a write. Each test makes exactly one of those calls fail (or, to
reach the step that puts the old folder back, two), or lets it run and then interrupts
(a Ctrl-C arriving just after the system call), checks that the fault was actually injected,
and checks what is left: at every instant the previous target or the new one is whole (a folder
export's own files and the user's files beside them), and what is left beside it is removed by
``recover_leftovers``. A real SIGTERM delivered inside each rename of a CLI export is in
test_hardening.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from libya_israel_data.foundations import atomic
from libya_israel_data.foundations.atomic import (
    MANIFEST,
    atomic_file,
    atomic_folder,
    recover_leftovers,
)

OLD_FILE = b"old,file\n1,2\n"
NEW_FILE = b"new,file\n3,4\n5,6\n"
OLD_FOLDER = {"x.csv": b"old x\n", "sub/y.csv": b"old y\n"}
NEW_FOLDER = {"a.csv": b"new a\n", "sub/b.csv": b"new b\n", "sub/deeper/c.csv": b"new c\n"}
#: What a user put into a previous export's folder (a GitHub Pages checkout): kept by --force.
FOREIGN = {
    ".git/HEAD": b"ref: refs/heads/main\n",
    "CNAME": b"example.org\n",
    "sub/mine.txt": b"m\n",
}


def _manifest(fmt: str, files: list[str]) -> bytes:
    return (json.dumps({"format": fmt, "files": sorted(files)}, indent=2) + "\n").encode()


# The calls atomic.py makes on the success path, in order, for each kind of target. The fault
# cases below are derived from these lists; test_success_path_makes_exactly_these_calls keeps
# them true. Each file and folder of a new folder is flushed (fsync) before the swap.
FLUSH_NEW = ["os.fsync"] * 6  # a.csv, the folder, sub/b.csv, sub/, sub/deeper/c.csv, deeper/
CALLS: dict[str, list[str]] = {
    "file-new": ["os.fsync", "os.replace", "os.fsync"],
    "file-existing": ["os.fsync", "os.replace", "os.fsync"],
    "folder-new": ["os.mkdir", *FLUSH_NEW, "os.replace", "os.fsync"],
    "folder-existing": [
        "os.mkdir",  # the temporary folder the caller fills
        *FLUSH_NEW,  # its files and folders, to the disk
        "os.replace",  # old folder -> aside
        "os.replace",  # new folder -> target
        "os.fsync",  # the parent folder
        "shutil.rmtree",  # the old folder, aside
    ],
    "folder-foreign": [
        "os.mkdir",
        *FLUSH_NEW,
        "os.fsync",  # the manifest
        "os.replace",  # the user's .git -> the new folder
        "os.replace",  # the user's CNAME -> the new folder
        "os.replace",  # the user's sub/mine.txt -> the new folder
        "os.replace",  # old folder -> aside
        "os.replace",  # new folder -> target
        "os.fsync",
        "shutil.rmtree",
    ],
}
MODULES = {"os": os, "shutil": shutil}


class InjectedError(OSError):
    """The failure a test injects into a system call."""


class InjectedInterrupt(KeyboardInterrupt):
    """The failure a test injects into ``shutil.rmtree``.

    ``rmtree(..., ignore_errors=True)`` swallows every OSError, so what can escape it is a
    Ctrl-C (or another non-OSError) arriving while it runs."""


def _injected(name: str) -> type[BaseException]:
    return InjectedInterrupt if name == "shutil.rmtree" else InjectedError


class Faults:
    """Wraps the functions named in CALLS. Calls made from atomic.py are recorded; those whose
    per-function index (1-based) is in ``fail[name]`` raise instead of running. Calls from
    anywhere else (shutil.rmtree's own os.rmdir, pytest) pass straight through."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, fail: dict[str, set[int]], after: bool = False
    ) -> None:
        self.fail, self.after = fail, after
        self.calls: list[str] = []
        self.triggered: dict[str, set[int]] = {name: set() for name in fail}
        for name in {n for names in CALLS.values() for n in names}:
            module, attr = name.split(".")
            real = getattr(MODULES[module], attr)
            monkeypatch.setattr(MODULES[module], attr, self._wrap(name, real))

    def _wrap(self, name: str, real: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            if sys._getframe(1).f_globals.get("__name__") != atomic.__name__:
                return real(*args, **kwargs)
            self.calls.append(name)
            index = self.calls.count(name)
            if index in self.fail.get(name, ()):
                self.triggered[name].add(index)
                if self.after:  # the call did its work; Ctrl-C arrives before it returns
                    real(*args, **kwargs)
                    raise InjectedInterrupt(f"injected after {name} call {index}")
                raise _injected(name)(f"injected: {name} call {index}")
            return real(*args, **kwargs)

        return wrapper

    def assert_all_triggered(self) -> None:
        assert self.triggered == self.fail, "an injected failure was never reached"


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    saved = os.umask(0o022)
    os.umask(saved)
    yield os.umask
    os.umask(saved)


def _snapshot(path: Path) -> bytes | dict[str, bytes] | None:
    """A file's bytes, a folder's files by relative path, or None if nothing is there."""
    if path.is_file():
        return path.read_bytes()
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file()
        }
    assert not path.exists() and not path.is_symlink()
    return None


def _leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def _setup(tmp_path: Path, kind: str) -> Path:
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "neighbour.txt").write_bytes(b"untouched\n")
    target = parent / ("out.csv" if kind.startswith("file") else "out")
    if kind == "file-existing":
        target.write_bytes(OLD_FILE)
    elif kind in ("folder-existing", "folder-foreign"):
        for rel, data in _old(kind).items():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_bytes(data)
    return target


def _write(kind: str, target: Path) -> None:
    """Run the writer for ``kind`` on ``target``, filling in the new content."""
    if kind.startswith("file"):
        with atomic_file(target, force=True) as tmp:
            tmp.write_bytes(NEW_FILE)
    else:
        fmt = "site" if kind == "folder-foreign" else None
        with atomic_folder(target, force=True, fmt=fmt) as tmp:
            for rel, data in NEW_FOLDER.items():
                (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                (tmp / rel).write_bytes(data)


def _new(kind: str) -> bytes | dict[str, bytes]:
    if kind == "folder-foreign":
        return {**NEW_FOLDER, MANIFEST: _manifest("site", list(NEW_FOLDER)), **FOREIGN}
    return NEW_FILE if kind.startswith("file") else NEW_FOLDER


def _old(kind: str) -> bytes | dict[str, bytes] | None:
    if kind == "folder-foreign":
        return {**OLD_FOLDER, MANIFEST: _manifest("site", list(OLD_FOLDER)), **FOREIGN}
    return {"file-existing": OLD_FILE, "folder-existing": OLD_FOLDER}.get(kind)


# --- success --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(CALLS))
def test_success_path_makes_exactly_these_calls(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _setup(tmp_path, kind)
    faults = Faults(monkeypatch, {})
    _write(kind, target)
    assert faults.calls == CALLS[kind]
    assert _snapshot(target) == _new(kind)
    assert _leftovers(target) == []


@pytest.mark.parametrize(
    ("mask", "file_mode", "folder_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
@pytest.mark.parametrize("kind", list(CALLS))
def test_success_puts_new_content_in_place_with_umask_permissions(
    kind: str, mask: int, file_mode: int, folder_mode: int, tmp_path: Path, umask
) -> None:
    target = _setup(tmp_path, kind)
    umask(mask)
    _write(kind, target)
    assert _snapshot(target) == _new(kind)
    mode = file_mode if kind.startswith("file") else folder_mode
    assert target.stat().st_mode & 0o7777 == mode
    assert _leftovers(target) == []
    assert (target.parent / "neighbour.txt").read_bytes() == b"untouched\n"


@pytest.mark.parametrize("kind", ["file-existing", "folder-existing"])
def test_existing_target_without_force_is_refused(kind: str, tmp_path: Path) -> None:
    target = _setup(tmp_path, kind)
    writer = atomic_file if kind.startswith("file") else atomic_folder
    with pytest.raises(atomic.TargetExistsError), writer(target):
        pytest.fail("the body must not run")
    assert _snapshot(target) == _old(kind)
    assert _leftovers(target) == []


# --- failure inside the with block ----------------------------------------------------------


@pytest.mark.parametrize("kind", list(CALLS))
@pytest.mark.parametrize("exc", [KeyboardInterrupt, RuntimeError])
def test_failure_inside_the_block_leaves_the_old_target(
    kind: str, exc: type[BaseException], tmp_path: Path
) -> None:
    target = _setup(tmp_path, kind)
    writer = atomic_file if kind.startswith("file") else atomic_folder
    with pytest.raises(exc), writer(target, force=True) as tmp:
        if kind.startswith("file"):
            tmp.write_bytes(NEW_FILE[:5])  # half written
        else:
            (tmp / "a.csv").write_bytes(b"half")
        raise exc("in the block")
    assert _snapshot(target) == _old(kind)
    assert _leftovers(target) == []


# --- failure of each step -------------------------------------------------------------------


def _single_faults() -> list:
    """One case per call in CALLS: (kind, function, its index among that function's calls)."""
    params = []
    for kind, names in CALLS.items():
        for i, name in enumerate(names):
            index = names[: i + 1].count(name)
            params.append(pytest.param(kind, name, index, id=f"{kind}-{name}-{index}"))
    return params


def _whole(kind: str, target: Path) -> str:
    """Which copy is at ``target`` ("old" or "new"); fails if neither is there whole."""
    now = _snapshot(target)
    assert now in (_old(kind), _new(kind)), f"neither copy is whole: {now}"
    return "old" if now == _old(kind) else "new"


@pytest.mark.parametrize(("kind", "name", "index"), _single_faults())
def test_failure_of_each_step(
    kind: str, name: str, index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _setup(tmp_path, kind)
    faults = Faults(monkeypatch, {name: {index}})
    flushes_parent = name == "os.fsync" and index == CALLS[kind].count("os.fsync")
    if flushes_parent:
        # The new target is in place; a folder that cannot be flushed (some file systems
        # refuse) is not an error.
        _write(kind, target)
    else:
        with pytest.raises(_injected(name)):
            _write(kind, target)
    faults.assert_all_triggered()
    assert (target.parent / "neighbour.txt").read_bytes() == b"untouched\n"

    if name != "shutil.rmtree" and not flushes_parent:
        # Every other step comes before the new content is in place (or is the move itself,
        # which did not happen): the previous target is as it was, and nothing is left.
        assert _snapshot(target) == _old(kind)
        assert _leftovers(target) == []
        return

    # rmtree runs only in the clean-up, after the new content was moved into place.
    assert _snapshot(target) == _new(kind)
    if name == "shutil.rmtree":
        # The failing call is the one that removes the old folder set aside: it cannot be
        # cleaned up, and it is left whole (the previous export's files, byte-identical).
        (left,) = _leftovers(target)
        assert left.endswith(".old")
        assert set(_snapshot(target.parent / left)) <= set(_old(kind))
    else:
        assert _leftovers(target) == []


@pytest.mark.parametrize(("kind", "name", "index"), _single_faults())
def test_interrupt_just_after_each_step(
    kind: str, name: str, index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system call did its work, and Ctrl-C arrives before it returns (outside the main
    thread no handler can hold it): the old or the new target is whole, the user's files are
    in it, and what is left beside it, ``recover_leftovers`` removes."""
    target = _setup(tmp_path, kind)
    faults = Faults(monkeypatch, {name: {index}}, after=True)
    with pytest.raises(InjectedInterrupt):
        _write(kind, target)
    faults.assert_all_triggered()
    monkeypatch.undo()
    which = _whole(kind, target)
    # the new content is in place from the last rename on (new folder or file -> target)
    into_place = max(i for i, n in enumerate(CALLS[kind]) if n == "os.replace")
    swapped = _position(kind, name, index) >= into_place
    assert which == ("new" if swapped else "old")
    left = _leftovers(target)
    if name == "os.mkdir":  # the temporary folder exists, its name not yet known
        assert [n.endswith(".tmp") for n in left] == [True]
    else:
        assert left == []
    recover_leftovers(target)
    assert _snapshot(target) == (_new(kind) if swapped else _old(kind))
    assert _leftovers(target) == []


def _position(kind: str, name: str, index: int) -> int:
    """Where the ``index``-th call of ``name`` stands in CALLS[kind]."""
    seen = 0
    for i, n in enumerate(CALLS[kind]):
        seen += n == name
        if n == name and seen == index:
            return i
    raise AssertionError((kind, name, index))


def test_failure_to_put_the_old_folder_back_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.replace call 2 (new -> target) fails, so call 3 (aside -> target) runs; it fails too."""
    target = _setup(tmp_path, "folder-existing")
    faults = Faults(monkeypatch, {"os.replace": {2, 3}})
    with pytest.raises(InjectedError):
        _write("folder-existing", target)
    faults.assert_all_triggered()
    assert faults.calls.count("os.replace") == 3
    # The target cannot be restored, so the old folder cannot be cleaned up either: it must be
    # left where it was set aside, whole (the new content may go or stay).
    assert _snapshot(target) is None
    left = _leftovers(target)
    assert [_snapshot(target.parent / n) for n in left if n.endswith(".old")] == [OLD_FOLDER], left


def test_failed_new_content_move_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.replace call 2 (new -> target) fails; call 3 puts the old folder back."""
    target = _setup(tmp_path, "folder-existing")
    faults = Faults(monkeypatch, {"os.replace": {2}})
    with pytest.raises(InjectedError):
        _write("folder-existing", target)
    faults.assert_all_triggered()
    assert faults.calls.count("os.replace") == 3
    assert _snapshot(target) == OLD_FOLDER
    assert _leftovers(target) == []
