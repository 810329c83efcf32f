"""Fault injection for the all-or-nothing writers ``atomic_file`` and ``atomic_folder``.

Every call that atomic.py makes to ``os.chmod``, ``os.rmdir``, ``os.replace``,
``tempfile.mkdtemp`` and ``shutil.rmtree`` is a step of a swap. Each test makes exactly one of
those calls fail (or, to reach the step that puts the old folder back, two), checks that the
failure was actually injected, and checks what is left: the previous target byte-identical, or,
when the failure comes after the new content was moved into place, the new content complete; and
no temporary ``.<target>.*`` file or folder beside it, except where noted.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from libya_israel_data.export import atomic
from libya_israel_data.export.atomic import atomic_file, atomic_folder

OLD_FILE = b"old,file\n1,2\n"
NEW_FILE = b"new,file\n3,4\n5,6\n"
OLD_FOLDER = {"x.csv": b"old x\n", "sub/y.csv": b"old y\n"}
NEW_FOLDER = {"a.csv": b"new a\n", "sub/b.csv": b"new b\n", "sub/deeper/c.csv": b"new c\n"}

# The calls atomic.py makes on the success path, in order, for each kind of target. The fault
# cases below are derived from these lists; test_success_path_makes_exactly_these_calls keeps
# them true.
CALLS: dict[str, list[str]] = {
    "file-new": ["os.chmod", "os.replace"],
    "file-existing": ["os.chmod", "os.replace"],
    "folder-new": ["tempfile.mkdtemp", "os.chmod", "os.replace", "shutil.rmtree"],
    "folder-existing": [
        "tempfile.mkdtemp",  # the temporary folder the caller fills
        "os.chmod",  # its permissions
        "tempfile.mkdtemp",  # reserve a name to put the old folder aside
        "os.rmdir",  # free that name again
        "os.replace",  # old folder -> aside
        "os.replace",  # new folder -> target
        "shutil.rmtree",  # the temporary folder (gone by now)
        "shutil.rmtree",  # the old folder, aside
    ],
}
MODULES = {"os": os, "tempfile": tempfile, "shutil": shutil}


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

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail: dict[str, set[int]]) -> None:
        self.fail = fail
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
    elif kind == "folder-existing":
        for rel, data in OLD_FOLDER.items():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_bytes(data)
    return target


def _write(kind: str, target: Path) -> None:
    """Run the writer for ``kind`` on ``target``, filling in the new content."""
    if kind.startswith("file"):
        with atomic_file(target, force=True) as tmp:
            tmp.write_bytes(NEW_FILE)
    else:
        with atomic_folder(target, force=True) as tmp:
            for rel, data in NEW_FOLDER.items():
                (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                (tmp / rel).write_bytes(data)


def _new(kind: str) -> bytes | dict[str, bytes]:
    return NEW_FILE if kind.startswith("file") else NEW_FOLDER


def _old(kind: str) -> bytes | dict[str, bytes] | None:
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


@pytest.mark.parametrize(("kind", "name", "index"), _single_faults())
def test_failure_of_each_step(
    kind: str, name: str, index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _setup(tmp_path, kind)
    faults = Faults(monkeypatch, {name: {index}})
    with pytest.raises(_injected(name)):
        _write(kind, target)
    faults.assert_all_triggered()
    assert (target.parent / "neighbour.txt").read_bytes() == b"untouched\n"

    if name != "shutil.rmtree":
        # Every other step comes before the new content is in place (or is the move itself,
        # which did not happen): the previous target is as it was, and nothing is left.
        assert _snapshot(target) == _old(kind)
        assert _leftovers(target) == []
        return

    # rmtree runs only in the cleanup, after the new content was moved into place.
    assert _snapshot(target) == _new(kind)
    if kind == "folder-existing" and index == 2:
        # The failing call is the one that removes the old folder set aside: it cannot be
        # cleaned up, and it is left whole (the previous target, byte-identical).
        (left,) = _leftovers(target)
        assert left.endswith(".old")
        assert _snapshot(target.parent / left) == OLD_FOLDER
    else:
        assert _leftovers(target) == []


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
