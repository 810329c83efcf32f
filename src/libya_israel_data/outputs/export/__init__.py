"""Exports in every format of outputs/formats.py: validated first, reproducible, all-or-nothing.

Every writer takes one :class:`~..package.ValidatedPackage` (read and validated once) and writes
from its tables, bytes and derived data; none of them imports pandas.
"""

from __future__ import annotations

import contextlib
import json as _json  # not "json": the submodule export.json would shadow it
from collections.abc import Iterator
from pathlib import Path

from ...dataset.package import InvalidPackageError, open_package
from ...foundations.atomic import OutputBusyError, TargetExistsError, UnsafeTargetError
from ...foundations.progress import Progress
from ..formats import FORMATS, OUTPUTS, Options, format_of, get, not_taken, takes

__all__ = [
    "FORMATS",
    "InvalidPackageError",
    "OutputBusyError",
    "TargetExistsError",
    "UnsafeTargetError",
    "export",
    "format_of",
    "steps",
]

#: The file every site carries, saying what it is.
SITE_MARK = "libya-israel-data-site.txt"


def _protected(descriptor: Path) -> tuple[Path, set[Path], set[Path]]:
    """The input package's folder, its files (descriptor, data files, schemas) and the folders
    below it that hold them (data/, schemas/), resolved."""
    root = descriptor.parent.resolve()
    files = {descriptor.resolve()}
    try:
        entries = _json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
    except (OSError, ValueError, AttributeError):
        entries = []
    for entry in entries if isinstance(entries, list) else []:
        for key in ("path", "schema"):
            rel = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(rel, str):
                files.add((root / rel).resolve())
    return root, files, {f.parent for f in files} - {root}


def check_output(fmt: str, output: Path, descriptor: Path, force: bool) -> None:
    """Refuse an output that would destroy data: a file of the input package, a folder that
    holds any of them, or (with ``force``) an existing target that is not a previous export of
    this tool in the same format."""
    from ...foundations.atomic import check_target

    check_target(output, force)
    out = output.resolve()
    root, files, folders = _protected(descriptor)
    if (
        out in files
        or out == root
        or out in root.parents
        or any(out == d or d in out.parents or out in d.parents for d in folders)
    ):
        raise UnsafeTargetError(
            f"{output} would overwrite the package being exported ({descriptor.parent}) or a "
            "folder of it; choose an output outside its data and schema folders"
        )
    if output.exists() or output.is_symlink():
        OUTPUTS[fmt].check_previous(output)


@contextlib.contextmanager
def claim_output(
    fmt: str, output: Path, descriptor: Path, force: bool, companions: tuple[Path, ...] = ()
) -> Iterator[None]:
    """Check ``output`` (:func:`check_output`), hold the right to write it and the files
    written in one unit with it (``companions``) while the body runs (a second writer is
    refused with :class:`OutputBusyError`), and clean up what a killed earlier writer left
    beside them."""
    from ...foundations.atomic import output_lock, recover_leftovers

    check_output(fmt, output, descriptor, force)
    with contextlib.ExitStack() as stack:
        for path in (output, *companions):
            stack.enter_context(output_lock(path))
        check_output(fmt, output, descriptor, force)  # as it is now that the output is ours
        for path in (*companions, output):
            recover_leftovers(path)
        yield


def check_datasette_metadata(path: Path, force: bool) -> None:
    """metadata.json is replaced only with ``force``, and only when it is datasette metadata
    (a JSON object with ``databases``), never an unrelated file of the same name."""
    from ...foundations.atomic import check_target

    check_target(path, force)
    if not path.exists() and not path.is_symlink():
        return
    try:
        previous = _json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    if path.is_symlink() or not isinstance(previous, dict) or "databases" not in previous:
        raise UnsafeTargetError(
            f"{path} is not datasette metadata; --force replaces only a previous one "
            "(move it away if it is yours)"
        )


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
    nothing is written. ``ValueError`` for an unknown format or an option the format does not
    take (``spreadsheet_safe``: csv; ``datasette_metadata``: sqlite). Same input, same bytes.
    ``progress`` is told of each step.
    """
    output = Path(output)
    record = get(fmt)
    options = Options(force, spreadsheet_safe, datasette_metadata, progress)
    if refused := not_taken(fmt, options):
        option = refused[0]
        raise ValueError(f"{option} applies to {', '.join(takes(option))} exports only")
    from ...foundations.paths import resolve_descriptor

    descriptor = resolve_descriptor(package)
    companions: tuple[Path, ...] = ()
    if datasette_metadata:
        from .sqlite import DATASETTE_METADATA

        companions = (output.parent / DATASETTE_METADATA,)
        check_datasette_metadata(companions[0], force)
    with claim_output(fmt, output, descriptor, force, companions):
        validated = open_package(descriptor, progress=progress, keep_bytes=record.keeps_bytes)
        if progress is not None and record.write_steps is None:
            progress.step(f"writing {fmt}")
        assert record.write is not None  # every export format has a writer
        return record.write(validated, output, options)


def steps(fmt: str = "sqlite") -> int:
    """Progress steps of an export: validation's, then the writing (for SQLite, the longest
    to write, a step per table and per stage)."""
    from ...validation import steps as validation_steps

    write_steps = FORMATS[fmt].write_steps
    return validation_steps() + (write_steps() if write_steps is not None else 1)
