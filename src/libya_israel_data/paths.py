"""Where the data package lives: the wheel copy, a checkout, or a path a user gives."""

from __future__ import annotations

from pathlib import Path

DESCRIPTOR = "datapackage.json"


class PackageNotFound(FileNotFoundError):
    """No ``datapackage.json`` at the path a user gave."""


def shipped_descriptor() -> Path:
    """The descriptor of the package this library ships.

    A wheel carries the package under ``libya_israel_data/_package``; an editable install or a
    plain checkout reads the repository's own copy, two folders above this file.
    """
    here = Path(__file__).resolve().parent
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
