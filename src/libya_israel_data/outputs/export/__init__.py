"""Exports to CSV, JSON and SQLite: validated first, reproducible, all-or-nothing.

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

FORMATS = ("sqlite", "json", "csv", "parquet", "graphml", "gexf")
#: The formats a file extension names unambiguously; csv and parquet write folders.
EXTENSIONS = {
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
    ".json": "json",
    ".graphml": "graphml",
    ".gexf": "gexf",
}
#: Extensions of file types that these formats write as a folder of such files.
FOLDER_EXTENSIONS = {".csv": "csv", ".parquet": "parquet"}

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

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The file every site carries, saying what it is.
SITE_MARK = "libya-israel-data-site.txt"
#: How a file written by each format starts (what --force checks before replacing one).
MAGIC = {"sqlite": SQLITE_MAGIC, "json": b"{", "graphml": b"<?xml", "gexf": b"<?xml"}


def format_of(output: str | Path, fmt: str | None = None) -> str:
    """The format to write ``output`` in: ``fmt`` if given, else the one its extension names,
    else SQLite (the default). Raises ``ValueError`` when ``fmt`` contradicts the extension, or
    when the extension names a format written as a folder (``lid.csv``) and ``fmt`` is not
    given, since a folder named so is rarely what was meant."""
    suffix = Path(output).suffix.lower()
    named = EXTENSIONS.get(suffix)
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt is None:
        if suffix in FOLDER_EXTENSIONS:
            kind = FOLDER_EXTENSIONS[suffix]
            raise ValueError(
                f"{output}: the {kind} export is a folder of {suffix} files; name a folder "
                f"(e.g. lid-{kind}) and add --format {kind}"
            )
        return named or "sqlite"
    if named is not None and named != fmt:
        raise ValueError(
            f"{output}: the extension {suffix} names {named}, not {fmt}; "
            f"drop --format or change the extension"
        )
    return fmt


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


#: The formats that write a folder (with a manifest of its files, see ``atomic.MANIFEST``).
FOLDER_FORMATS = ("csv", "parquet", "site")


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
    if not output.exists() and not output.is_symlink():
        return
    if fmt in FOLDER_FORMATS:
        _check_previous_folder(fmt, output)
        return
    if not output.is_file() or output.is_symlink():
        raise UnsafeTargetError(f"{output} is not a regular file; --force replaces only a file")
    with output.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if not (head.startswith(MAGIC[fmt]) or (fmt == "json" and head == b"")):
        raise UnsafeTargetError(
            f"{output} is not a {fmt} file; --force replaces only a previous {fmt} export"
        )


def _check_previous_folder(fmt: str, output: Path) -> None:
    """A folder is replaced only if it is empty or an earlier export in the same format wrote
    it, as its manifest says; only the files the manifest lists are replaced."""
    from ...foundations.atomic import MANIFEST, read_manifest

    if output.is_symlink() or not output.is_dir():
        raise UnsafeTargetError(
            f"{output} is not a folder; --force replaces only a previous {fmt} export"
        )
    if not any(output.iterdir()):
        return
    manifest = read_manifest(output)
    if manifest is None or manifest["format"] != fmt:
        raise UnsafeTargetError(
            f"{output} is not a {fmt} export of libya-israel-data (it has no {MANIFEST} of a "
            f"{fmt} export); --force replaces only the files of a previous export, so remove "
            "the folder yourself if it is yours, or choose an empty one"
        )


@contextlib.contextmanager
def claim_output(fmt: str, output: Path, descriptor: Path, force: bool) -> Iterator[None]:
    """Check ``output`` (:func:`check_output`), hold the right to write it while the body runs
    (a second writer is refused with :class:`OutputBusyError`), and clean up what a killed
    earlier writer left beside it."""
    from ...foundations.atomic import output_lock, recover_leftovers

    check_output(fmt, output, descriptor, force)
    with output_lock(output):
        check_output(fmt, output, descriptor, force)  # as it is now that the output is ours
        recover_leftovers(output)
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
    nothing is written. Same input, same bytes. ``progress`` is told of each step.
    """
    output = Path(output)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from ...foundations.paths import resolve_descriptor

    descriptor = resolve_descriptor(package)
    if datasette_metadata:
        from .sqlite import DATASETTE_METADATA

        check_datasette_metadata(output.parent / DATASETTE_METADATA, force)
    with claim_output(fmt, output, descriptor, force):
        return _export(
            fmt, output, descriptor, force, spreadsheet_safe, datasette_metadata, progress
        )


def _export(
    fmt: str,
    output: Path,
    descriptor: Path,
    force: bool,
    spreadsheet_safe: bool,
    datasette_metadata: bool,
    progress: Progress | None,
) -> Path:
    validated = open_package(descriptor, progress=progress, keep_bytes=fmt == "csv")
    if progress is not None and fmt != "sqlite":  # the SQLite writer reports its own steps
        progress.step(f"writing {fmt}")
    if fmt == "csv":
        from .csv import export_csv

        return export_csv(validated, output, force=force, spreadsheet_safe=spreadsheet_safe)
    if fmt == "json":
        from .json import export_json

        return export_json(validated, output, force=force)
    if fmt == "parquet":
        from .parquet import export_parquet

        return export_parquet(validated, output, force=force)
    if fmt in ("graphml", "gexf"):
        from .graph import export_graph

        return export_graph(validated, output, fmt=fmt, force=force)
    from .sqlite import export_sqlite

    return export_sqlite(
        validated, output, force=force, datasette=datasette_metadata, progress=progress
    )


def steps(fmt: str = "sqlite") -> int:
    """Progress steps of an export: validation's, then the writing (a step per table for
    SQLite, the longest to write)."""
    from ...validation import steps as validation_steps

    if fmt == "sqlite":
        from ...contract import RESOURCES
        from .sqlite import WRITE_STEPS

        return validation_steps() + len(RESOURCES) + WRITE_STEPS
    return validation_steps() + 1
