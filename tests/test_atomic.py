"""Fault injection for the all-or-nothing writers ``atomic_file``, ``atomic_files`` (a unit of
files: a database and its datasette metadata) and ``atomic_folder``.

Every call that atomic.py makes to ``os.mkdir``, ``os.fsync``, ``os.replace`` and
``shutil.rmtree`` is a step of a write. Each test makes exactly one of those calls fail (or, to
reach the step that puts the old folder back, two), or lets it run and then interrupts
(a Ctrl-C arriving just after the system call), checks that the fault was actually injected,
and checks what is left: at every instant the previous target or the new one is whole (a folder
export's own files and the user's files beside them), and what is left beside it is removed by
``recover_leftovers``. A unit of files is also killed (SIGKILL, no clean-up runs) after each
step, and ``recover_leftovers`` must then put both of its files back in step. A real SIGTERM
delivered inside each rename of a CLI export is in test_hardening.py.
"""

from __future__ import annotations

import contextlib
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
    atomic_files,
    atomic_folder,
    recover_leftovers,
)

OLD_FILE = b"old,file\n1,2\n"
NEW_FILE = b"new,file\n3,4\n5,6\n"
#: A unit's second file (its companion, as metadata.json is a database's).
OLD_META = b'{"old": 1}\n'
NEW_META = b'{"new": 2}\n'
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
    # a unit: the database-like first file and its companion, neither there before
    "unit-new": [
        "os.fsync",  # the first file's new copy
        "os.fsync",  # the companion's
        "os.replace",  # the companion's new copy -> companion (a .none mark says it had none)
        "os.replace",  # the first file's new copy -> first file: the commit
        "os.fsync",  # the parent folder
    ],
    # the first file there before, its companion not (a first export with metadata)
    "unit-companion-new": ["os.fsync", "os.fsync", "os.replace", "os.replace", "os.fsync"],
    "unit-existing": [
        "os.fsync",
        "os.fsync",
        "os.replace",  # the companion -> .prev
        "os.replace",  # the companion's new copy -> companion
        "os.replace",  # the first file's new copy -> first file: the commit
        "os.fsync",
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


def _state(kind: str, target: Path) -> object:
    """What ``target`` holds (:func:`_snapshot`); for a unit, its two files'."""
    if kind.startswith("unit"):
        return (_snapshot(target), _snapshot(_companion(target)))
    return _snapshot(target)


def _companion(target: Path) -> Path:
    return target.parent / "metadata.json"


def _leftovers(target: Path) -> list[str]:
    """Every hidden name beside the target (temporary files and folders, marks, locks)."""
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith("."))


def _recover(kind: str, target: Path) -> None:
    """What claim_output does before an export: the companions first, then the target."""
    if kind.startswith("unit"):
        recover_leftovers(_companion(target))
    recover_leftovers(target)


def _setup(tmp_path: Path, kind: str) -> Path:
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "neighbour.txt").write_bytes(b"untouched\n")
    target = parent / ("out.csv" if kind.startswith("file") else "out")
    if kind.startswith("unit"):
        target = parent / "out.sqlite"
    if kind in ("file-existing", "unit-existing", "unit-companion-new"):
        target.write_bytes(OLD_FILE)
    if kind == "unit-existing":
        _companion(target).write_bytes(OLD_META)
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
    elif kind.startswith("unit"):
        with atomic_files([target, _companion(target)], force=True) as (tmp, meta):
            tmp.write_bytes(NEW_FILE)
            meta.write_bytes(NEW_META)
    else:
        fmt = "site" if kind == "folder-foreign" else None
        with atomic_folder(target, force=True, fmt=fmt) as tmp:
            for rel, data in NEW_FOLDER.items():
                (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                (tmp / rel).write_bytes(data)


def _new(kind: str) -> bytes | dict[str, bytes]:
    if kind == "folder-foreign":
        return {**NEW_FOLDER, MANIFEST: _manifest("site", list(NEW_FOLDER)), **FOREIGN}
    if kind.startswith("unit"):
        return (NEW_FILE, NEW_META)
    return NEW_FILE if kind.startswith("file") else NEW_FOLDER


def _old(kind: str) -> object:
    if kind == "folder-foreign":
        return {**OLD_FOLDER, MANIFEST: _manifest("site", list(OLD_FOLDER)), **FOREIGN}
    return {
        "file-existing": OLD_FILE,
        "folder-existing": OLD_FOLDER,
        "unit-new": (None, None),
        "unit-companion-new": (OLD_FILE, None),
        "unit-existing": (OLD_FILE, OLD_META),
    }.get(kind)


# --- success --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(CALLS))
def test_success_path_makes_exactly_these_calls(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _setup(tmp_path, kind)
    faults = Faults(monkeypatch, {})
    _write(kind, target)
    assert faults.calls == CALLS[kind]
    assert _state(kind, target) == _new(kind)
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
    assert _state(kind, target) == _new(kind)
    mode = folder_mode if kind.startswith("folder") else file_mode
    assert target.stat().st_mode & 0o7777 == mode
    if kind.startswith("unit"):
        assert _companion(target).stat().st_mode & 0o7777 == mode
    assert _leftovers(target) == []
    assert (target.parent / "neighbour.txt").read_bytes() == b"untouched\n"


@pytest.mark.parametrize("kind", ["file-existing", "folder-existing", "unit-existing"])
def test_existing_target_without_force_is_refused(kind: str, tmp_path: Path) -> None:
    target = _setup(tmp_path, kind)
    if kind.startswith("unit"):
        target.unlink()  # the companion alone is enough to refuse the unit
    writer = _writer(kind)
    with pytest.raises(atomic.TargetExistsError), writer(target):
        pytest.fail("the body must not run")
    if kind.startswith("unit"):
        assert _state(kind, target) == (None, OLD_META)
    else:
        assert _state(kind, target) == _old(kind)
    assert _leftovers(target) == []


def _writer(kind: str) -> Callable[..., contextlib.AbstractContextManager]:
    """The writer for ``kind``, called as ``writer(target, force=...)``."""
    if kind.startswith("unit"):

        @contextlib.contextmanager
        def unit(target: Path, force: bool = False) -> Iterator[Path]:
            with atomic_files([target, _companion(target)], force) as (tmp, meta):
                meta.write_bytes(NEW_META)
                yield tmp

        return unit
    return atomic_file if kind.startswith("file") else atomic_folder


# --- failure inside the with block ----------------------------------------------------------


@pytest.mark.parametrize("kind", list(CALLS))
@pytest.mark.parametrize("exc", [KeyboardInterrupt, RuntimeError])
def test_failure_inside_the_block_leaves_the_old_target(
    kind: str, exc: type[BaseException], tmp_path: Path
) -> None:
    target = _setup(tmp_path, kind)
    with pytest.raises(exc), _writer(kind)(target, force=True) as tmp:
        if kind.startswith("folder"):
            (tmp / "a.csv").write_bytes(b"half")
        else:
            tmp.write_bytes(NEW_FILE[:5])  # half written
        raise exc("in the block")
    assert _state(kind, target) == _old(kind)
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
    now = _state(kind, target)
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
        assert _state(kind, target) == _old(kind)
        assert _leftovers(target) == []
        return

    # rmtree runs only in the clean-up, after the new content was moved into place.
    assert _state(kind, target) == _new(kind)
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
    _recover(kind, target)
    assert _state(kind, target) == (_new(kind) if swapped else _old(kind))
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


# --- a unit killed after each step ----------------------------------------------------------

#: Writes a unit in a fresh process and kills it (SIGKILL: no clean-up runs) just after the
#: STEP-th call that atomic.py makes to os.fsync or os.replace.
KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from libya_israel_data.foundations import atomic

step, first, companion = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
calls = []

def wrap(real):
    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        if sys._getframe(1).f_globals.get("__name__") == atomic.__name__:
            calls.append(real.__name__)
            if len(calls) == step:
                os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

os.fsync, os.replace = wrap(os.fsync), wrap(os.replace)
with atomic.atomic_files([first, companion], force=True) as (a, b):
    a.write_bytes(sys.argv[4].encode())
    b.write_bytes(sys.argv[5].encode())
"""


@pytest.mark.parametrize(
    ("kind", "step"),
    [(k, step) for k in CALLS if k.startswith("unit") for step in range(1, len(CALLS[k]) + 1)],
)
def test_a_unit_killed_after_each_step_is_put_back_in_step(
    kind: str, step: int, tmp_path: Path
) -> None:
    """Between the companion's rename and the commit, the disk holds a new companion beside the
    old first file: recover_leftovers (as the next export runs it) must undo that."""
    import signal
    import subprocess

    target = _setup(tmp_path, kind)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            KILL_SCRIPT,
            str(step),
            str(target),
            str(_companion(target)),
            NEW_FILE.decode(),
            NEW_META.decode(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    commit = max(i for i, n in enumerate(CALLS[kind]) if n == "os.replace")
    committed = step - 1 >= commit
    assert _leftovers(target), "a kill leaves its temporary files"
    _recover(kind, target)
    assert _state(kind, target) == (_new(kind) if committed else _old(kind))
    assert _leftovers(target) == []


def test_recovering_the_first_file_alone_undoes_an_uncommitted_unit(tmp_path: Path) -> None:
    """An export without the companion (no --datasette-metadata) after a killed one with it:
    recovering its target still puts the old companion back."""
    target = _setup(tmp_path, "unit-existing")
    key = "abcd1234"
    (target.parent / f".out.sqlite.{key}.tmp").write_bytes(NEW_FILE)  # the commit never came
    os.replace(_companion(target), target.parent / f".metadata.json.{key}.prev")
    _companion(target).write_bytes(NEW_META)
    recover_leftovers(target)
    assert _state("unit-existing", target) == (OLD_FILE, OLD_META)
    assert _leftovers(target) == []


@pytest.mark.parametrize("after", [False, True], ids=["fails", "interrupted-after"])
@pytest.mark.parametrize("step", [1, 2, 3])  # metadata aside, new metadata in, database in
def test_a_sqlite_export_replaces_its_database_and_metadata_together(
    step: int, after: bool, tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from libya_israel_data.outputs.export import export

    out, meta = tmp_path / "lid.sqlite", tmp_path / "metadata.json"
    export("sqlite", out, package=tiny, datasette_metadata=True)
    old = (out.read_bytes(), meta.read_bytes())
    descriptor = json.loads(tiny.read_text(encoding="utf-8"))
    descriptor["title"] += " (second edition)"  # in the database and in the metadata
    tiny.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    faults = Faults(monkeypatch, {"os.replace": {step}}, after=after)
    with pytest.raises(InjectedInterrupt if after else InjectedError):
        export("sqlite", out, package=tiny, force=True, datasette_metadata=True)
    faults.assert_all_triggered()
    monkeypatch.undo()
    if after and step == 3:  # the database was in place: the unit is committed
        assert json.loads(meta.read_text(encoding="utf-8"))["title"] == descriptor["title"]
        con = sqlite3.connect(out)
        try:
            titles = con.execute("SELECT value FROM _package WHERE key = 'title'").fetchall()
        finally:
            con.close()
        assert titles == [(descriptor["title"],)]
    else:
        assert (out.read_bytes(), meta.read_bytes()) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lid.sqlite", "metadata.json", "pkg"]


# --- edges: names, signals, manifests, the lock -----------------------------------------------


def test_a_target_whose_parent_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="plain is not a folder"):
        atomic.check_target(tmp_path / "plain" / "out.csv", force=False)


def test_no_free_temporary_name_is_an_error_not_a_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / ".out.csv.taken.tmp"
    taken.write_text("", encoding="utf-8")
    monkeypatch.setattr(atomic, "_temporary_name", lambda target, suffix, key=None: taken)
    with pytest.raises(FileExistsError, match="no free temporary name"):
        atomic._reserve(tmp_path / "out.csv", "tmp", atomic._new_file)
    with pytest.raises(FileExistsError, match="no free temporary name"):
        atomic._reserve_unit([tmp_path / "out.csv", tmp_path / "metadata.json"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [taken.name]  # nothing else left


def test_a_signal_during_a_swap_is_delivered_after_it() -> None:
    import signal

    got: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda s, f: got.append(s))
    try:
        with atomic._signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            assert got == []  # held while the swap runs
        assert got == [signal.SIGTERM]
        assert signal.getsignal(signal.SIGTERM) is not None  # the handler is put back
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_signals_are_left_alone_off_the_main_thread() -> None:
    import signal
    import threading

    seen: list[object] = []

    def swap() -> None:
        with atomic._signals_held():
            seen.append(signal.getsignal(signal.SIGINT))

    before = signal.getsignal(signal.SIGINT)
    worker = threading.Thread(target=swap)
    worker.start()
    worker.join()
    assert seen == [before]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"files": []}',
        '{"format": "csv", "files": "a.csv"}',
        '{"format": "csv", "files": ["a.csv", 3]}',
    ],
)
def test_a_malformed_manifest_is_no_manifest(text: str, tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert atomic.read_manifest(tmp_path) is None


def test_the_lock_is_taken_again_on_a_lock_file_its_holder_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between opening the lock file and locking it, its last holder may remove it: the lock
    held is then on a file nobody else sees, so it is taken again on the new file."""
    target = tmp_path / "lid.sqlite"
    lock = tmp_path / ".lid.sqlite.lock"
    real_stat, calls = os.stat, []

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == lock and not calls:
            calls.append(path)
            raise FileNotFoundError(path)  # the first time: removed meanwhile
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "stat", stat)
    with atomic.output_lock(target):
        assert lock.exists()
    assert calls and not lock.exists()
