"""Exports to CSV, JSON and SQLite: validated first, reproducible, all-or-nothing.

Every writer takes one :class:`~..package.ValidatedPackage` (read and validated once) and writes
from its tables, bytes and derived data; none of them imports pandas.
"""

from __future__ import annotations

from pathlib import Path

from ..package import InvalidPackageError, open_package
from ..progress import Progress
from .atomic import TargetExistsError

FORMATS = ("sqlite", "json", "csv")

__all__ = ["FORMATS", "InvalidPackageError", "TargetExistsError", "export", "steps"]


def export(
    fmt: str,
    output: str | Path,
    *,
    package: str | Path | None = None,
    force: bool = False,
    spreadsheet_safe: bool = False,
    datasette_metadata: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Export the package at ``package`` (default: the shipped one) to ``output``.

    Raises :class:`~libya_israel_data.InvalidPackageError` when the package has errors and
    :class:`TargetExistsError` when ``output`` exists and ``force`` is false; in both cases
    nothing is written. Same input, same bytes. ``progress`` is told of each step.
    """
    output = Path(output)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from .atomic import check_target

    check_target(output, force)
    validated = open_package(package, progress=progress, keep_bytes=fmt == "csv")
    if progress is not None:
        progress.step(f"writing {fmt}")
    if fmt == "csv":
        from .csv import export_csv

        return export_csv(validated, output, force=force, spreadsheet_safe=spreadsheet_safe)
    if fmt == "json":
        from .json import export_json

        return export_json(validated, output, force=force)
    from .sqlite import export_sqlite

    return export_sqlite(validated, output, force=force, datasette=datasette_metadata)


def steps() -> int:
    """Progress steps of an export: validation's, then the writing."""
    from ..validation import steps as validation_steps

    return validation_steps() + 1
