"""Exports to CSV, JSON and SQLite: validated first, reproducible, all-or-nothing.

Every writer takes one :class:`~..package.ValidatedPackage` (read and validated once) and writes
from its tables, bytes and derived data; none of them imports pandas.
"""

from __future__ import annotations

import json as _json  # not "json": the submodule export.json would shadow it
from pathlib import Path

from ..package import InvalidPackageError, open_package
from ..progress import Progress
from .atomic import TargetExistsError, UnsafeTargetError
from .csv import CSV_MARK  # the key a CSV export carries, so that --force knows it

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
    "TargetExistsError",
    "UnsafeTargetError",
    "export",
    "format_of",
    "steps",
]

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The file every site carries, so that --force knows a previous site.
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


def _csv_export(folder: Path) -> bool:
    try:
        descriptor = _json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(descriptor, dict) and descriptor.get(CSV_MARK) is True


def _parquet_export(folder: Path) -> bool:
    """A folder of ``<resource>.parquet`` files and nothing else, as the Parquet export writes."""
    names = {p.name for p in folder.iterdir()}
    return bool(names) and all(n.endswith(".parquet") for n in names)


#: How to recognise a folder that an earlier run of each folder format wrote.
PREVIOUS = {
    "csv": _csv_export,
    "parquet": _parquet_export,
    "site": lambda folder: (folder / SITE_MARK).is_file(),
}


def check_output(fmt: str, output: Path, descriptor: Path, force: bool) -> None:
    """Refuse an output that would destroy data: a file of the input package, a folder that
    holds any of them, or (with ``force``) an existing target that is not a previous export of
    this tool in the same format."""
    from .atomic import check_target

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
    if fmt in PREVIOUS:
        if output.is_symlink() or not output.is_dir() or not PREVIOUS[fmt](output):
            raise UnsafeTargetError(
                f"{output} is not a {fmt} export of libya-israel-data; --force replaces only a "
                "previous export (remove it yourself if it is yours)"
            )
        return
    if not output.is_file() or output.is_symlink():
        raise UnsafeTargetError(f"{output} is not a regular file; --force replaces only a file")
    with output.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if not (head.startswith(MAGIC[fmt]) or (fmt == "json" and head == b"")):
        raise UnsafeTargetError(
            f"{output} is not a {fmt} file; --force replaces only a previous {fmt} export"
        )


def check_datasette_metadata(path: Path, force: bool) -> None:
    """metadata.json is replaced only with ``force``, and only when it is datasette metadata
    (a JSON object with ``databases``), never an unrelated file of the same name."""
    from .atomic import check_target

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
    from ..paths import resolve_descriptor
    from .atomic import recover_leftovers

    descriptor = resolve_descriptor(package)
    check_output(fmt, output, descriptor, force)
    if datasette_metadata:
        check_datasette_metadata(output.parent / "metadata.json", force)
    recover_leftovers(output)
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
    from ..validation import steps as validation_steps

    if fmt == "sqlite":
        from ..contract import RESOURCES
        from .sqlite import WRITE_STEPS

        return validation_steps() + len(RESOURCES) + WRITE_STEPS
    return validation_steps() + 1
