"""Where the data package lives: the wheel copy, a checkout, or a path a user gives."""

from __future__ import annotations

import os
import stat
from importlib import resources
from pathlib import Path

DESCRIPTOR = "datapackage.json"

#: The largest data file read (bytes). Larger files are refused with ``file-too-large``: files
#: are read whole, and a package of this project is far smaller (a million claims is ~300 MB).
MAX_FILE_BYTES = 1 << 30


class PackageNotFound(FileNotFoundError):
    """No ``datapackage.json`` at the path a user gave."""


def shipped_descriptor() -> Path:
    """The descriptor of the package this library ships.

    A wheel carries the package under ``libya_israel_data/_package``; an editable install or a
    plain checkout reads the repository's own copy, two folders above the package.
    """
    # The package is a plain folder on disk (the wheel is not zip-imported), so the resource
    # path is a real path that open_package can read and hash.
    here = Path(str(resources.files("libya_israel_data"))).resolve()
    wheel_copy = here / "_package" / DESCRIPTOR
    if wheel_copy.is_file():
        return wheel_copy
    checkout = here.parents[1] / DESCRIPTOR
    if checkout.is_file():
        return checkout
    raise PackageNotFound(
        f"the shipped data package is missing: neither {wheel_copy} nor {checkout} exists"
    )


def resolve_descriptor(path: str | Path | None = None) -> Path:
    """Turn ``None``, a folder or a descriptor path into the path of a ``datapackage.json``."""
    if path is None:
        return shipped_descriptor()
    p = Path(path)
    if p.is_dir():
        p = p / DESCRIPTOR
    if not p.is_file():
        raise PackageNotFound(f"{p}: no such data package descriptor (expected {DESCRIPTOR})")
    return p


def discover_descriptor(start: Path | None = None) -> Path:
    """The package a command without a path acts on: the ``datapackage.json`` in ``start`` (the
    current folder) or the nearest of its parents, as git finds its repository; the shipped one
    when there is none. So ``validate`` inside an edited working copy checks that copy."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / DESCRIPTOR
        if candidate.is_file():
            return candidate
    return shipped_descriptor()


def file_problem(root: Path, rel: str) -> str | None:
    """Why ``root / rel`` may not be read as a data file, or ``None``: it must stay inside the
    package folder once symbolic links are followed, and be a regular file (a named pipe would
    block a reader forever, a device never end)."""
    path = root / rel
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return "it resolves outside the package folder"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "it does not exist"
    except OSError as e:
        return f"it cannot be read ({e.strerror})"
    if not stat.S_ISREG(mode):
        return "it is not a regular file"
    return None
