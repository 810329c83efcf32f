"""The export formats, each declared once as a :class:`Format` record.

The CLI's ``--format`` choices and help, the format an output's extension names
(:func:`format_of`), the writer an export runs and the check that ``--force`` replaces only a
previous output of the same format all read :data:`FORMATS`. Importing this module is cheap
(the CLI reads it to build its options): each writer imports its export module when it runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dataset.package import ValidatedPackage
    from ..foundations.progress import Progress

#: How many bytes of an existing file its format's signature is matched against.
HEAD = 512


@dataclass(frozen=True)
class Options:
    """What an export was asked for beyond the format and the output."""

    force: bool = False
    spreadsheet_safe: bool = False
    datasette_metadata: bool = False
    progress: Progress | None = None


#: A writer: the validated package, the output, the options; returns the output.
Writer = Callable[["ValidatedPackage", Path, Options], Path]


@dataclass(frozen=True)
class Format:
    """One output format of the package."""

    name: str
    #: Its name in prose ("SQLite") and what an output is, for the CLI's help.
    label: str
    summary: str
    #: The extensions that name it (lower case, the usual one first). A file format's output
    #: is named so; a folder format's files are, and naming the folder so is refused.
    extensions: tuple[str, ...]
    folder: bool
    #: How a file it wrote begins (matched against the first :data:`HEAD` bytes). A folder
    #: format's outputs are recognised by their manifest instead.
    signature: re.Pattern[bytes] | None
    write: Writer | None
    #: The :class:`Options` fields beyond ``force`` and ``progress`` that it takes.
    options: frozenset[str] = frozenset()
    #: Whether the writer needs the validated files' bytes (the CSV copy writes them).
    keeps_bytes: bool = False
    #: The progress steps of the writing, if the writer reports them itself; else one step.
    write_steps: Callable[[], int] | None = None
    media_type: str = ""

    def refusal(self, output: Path) -> str | None:
        """Why ``--force`` may not replace the existing ``output`` with this format, or None if
        it is a previous output of this format (a folder: empty, or its manifest says so)."""
        from ..foundations.atomic import MANIFEST, read_manifest

        only = f"--force replaces only a previous {self.name} export"
        if self.folder:
            if output.is_symlink() or not output.is_dir():
                return f"{output} is not a folder; {only}"
            if not any(output.iterdir()):
                return None
            manifest = read_manifest(output)
            if manifest is not None and manifest["format"] == self.name:
                return None
            return (
                f"{output} is not a {self.name} export of libya-israel-data (it has no "
                f"{MANIFEST} of a {self.name} export); --force replaces only the files of a "
                "previous export, so remove the folder yourself if it is yours, or choose an "
                "empty one"
            )
        if not output.is_file() or output.is_symlink():
            return f"{output} is not a regular file; --force replaces only a file"
        with output.open("rb") as f:
            head = f.read(HEAD)
        if self.signature is not None and self.signature.match(head):
            return None
        return f"{output} is not a {self.name} file; {only}"

    def check_previous(self, output: Path) -> None:
        """Raise :class:`UnsafeTargetError` with :meth:`refusal`'s reason, if any."""
        from ..foundations.atomic import UnsafeTargetError

        reason = self.refusal(output)
        if reason is not None:
            raise UnsafeTargetError(reason)


# --- the writers (each imports its module when it runs) ---------------------------------------


def _sqlite(package: ValidatedPackage, output: Path, options: Options) -> Path:
    from .export.sqlite import export_sqlite

    return export_sqlite(
        package,
        output,
        force=options.force,
        datasette=options.datasette_metadata,
        progress=options.progress,
    )


def _sqlite_steps() -> int:
    from ..contract import RESOURCES
    from .export.sqlite import WRITE_STEPS

    return len(RESOURCES) + WRITE_STEPS


def _json(package: ValidatedPackage, output: Path, options: Options) -> Path:
    from .export.json import export_json

    return export_json(package, output, force=options.force)


def _csv(package: ValidatedPackage, output: Path, options: Options) -> Path:
    from .export.csv import export_csv

    return export_csv(
        package, output, force=options.force, spreadsheet_safe=options.spreadsheet_safe
    )


def _parquet(package: ValidatedPackage, output: Path, options: Options) -> Path:
    from .export.parquet import export_parquet

    return export_parquet(package, output, force=options.force)


def _graph(fmt: str) -> Writer:
    def write(package: ValidatedPackage, output: Path, options: Options) -> Path:
        from .export.graph import export_graph

        return export_graph(package, output, fmt=fmt, force=options.force)

    return write


def _xml(root: bytes) -> re.Pattern[bytes]:
    """An XML document whose root element is ``root`` (after the declaration)."""
    return re.compile(rb"<\?xml[^>]*\?>\s*<" + root + rb"[\s>]")


#: Every export format, in the order the CLI lists them (the first is the default).
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "sqlite",
            "SQLite",
            "one database file",
            (".sqlite", ".sqlite3", ".db"),
            folder=False,
            signature=re.compile(rb"SQLite format 3\x00"),
            write=_sqlite,
            options=frozenset({"datasette_metadata"}),
            write_steps=_sqlite_steps,
            media_type="application/vnd.sqlite3",
        ),
        Format(
            "json",
            "JSON",
            "one document",
            (".json",),
            folder=False,
            # or an empty file (there is nothing in it to lose)
            signature=re.compile(rb"\{|\Z"),
            write=_json,
            media_type="application/json",
        ),
        Format(
            "csv",
            "CSV",
            "a copy of the data package",
            (".csv",),
            folder=True,
            signature=None,
            write=_csv,
            options=frozenset({"spreadsheet_safe"}),
            keeps_bytes=True,
            media_type="text/csv",
        ),
        Format(
            "parquet",
            "Parquet",
            "a folder of typed Parquet files",
            (".parquet",),
            folder=True,
            signature=None,
            write=_parquet,
            media_type="application/vnd.apache.parquet",
        ),
        Format(
            "graphml",
            "GraphML",
            "the people-meeting network",
            (".graphml",),
            folder=False,
            signature=_xml(b"graphml"),
            write=_graph("graphml"),
            media_type="application/graphml+xml",
        ),
        Format(
            "gexf",
            "GEXF",
            "the same network for Gephi",
            (".gexf",),
            folder=False,
            signature=_xml(b"gexf"),
            write=_graph("gexf"),
            media_type="application/gexf+xml",
        ),
    )
}

DEFAULT = next(iter(FORMATS))

#: The static website: not an export, but a folder output that ``--force`` replaces only when
#: its manifest says it is one, like the folder formats'.
SITE = Format(
    "site",
    "website",
    "a static website",
    (),
    folder=True,
    signature=None,
    write=None,
    keeps_bytes=True,
)

#: Every kind of output, by the name its manifest or the caller gives.
OUTPUTS: dict[str, Format] = {**FORMATS, SITE.name: SITE}


def get(fmt: str) -> Format:
    """The export format named ``fmt``; ``ValueError`` naming the choices for any other."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


#: The :class:`Options` every format takes; the others are taken by the formats that list them.
COMMON_OPTIONS = ("force", "progress")


def not_taken(fmt: str, options: Options) -> list[str]:
    """The options set in ``options`` that the format ``fmt`` does not take."""
    return [
        f.name
        for f in fields(Options)
        if f.name not in COMMON_OPTIONS
        and getattr(options, f.name)
        and f.name not in get(fmt).options
    ]


def by_extension(suffix: str) -> Format | None:
    """The format an extension names (``.sqlite``: SQLite), or None."""
    suffix = suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.extensions), None)


def format_of(output: str | Path, fmt: str | None = None) -> str:
    """The format to write ``output`` in: ``fmt`` if given, else the one its extension names,
    else SQLite (the default). Raises ``ValueError`` when ``fmt`` contradicts the extension, or
    when the extension names a format written as a folder (``lid.csv``) and ``fmt`` is not
    given, since a folder named so is rarely what was meant."""
    suffix = Path(output).suffix.lower()
    named = by_extension(suffix)
    if fmt is not None:
        get(fmt)
    if fmt is None:
        if named is not None and named.folder:
            raise ValueError(
                f"{output}: the {named.name} export is a folder of {suffix} files; name a "
                f"folder (e.g. lid-{named.name}) and add --format {named.name}"
            )
        return named.name if named is not None else DEFAULT
    if named is not None and named.name != fmt:
        raise ValueError(
            f"{output}: the extension {suffix} names {named.name}, not {fmt}; "
            f"drop --format or change the extension"
        )
    return fmt


def takes(option: str) -> list[str]:
    """The formats that take the :class:`Options` field ``option``."""
    return [f.name for f in FORMATS.values() if option in f.options]
