"""The ``libya-israel-data`` command: a thin shell over the library.

Each command parses its options, calls one public function and maps the outcome to an exit code:
0 valid, 1 invalid data, 2 usage error. Heavy imports happen inside the commands, so that
``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from .. import __version__
from ..outputs.formats import DEFAULT, FORMATS


def _either(words: list[str]) -> str:
    """``a, b or c``."""
    return " or ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


if TYPE_CHECKING:
    from ..foundations.progress import Progress


def _descriptor(path: str | None, *, announce: bool = False):
    """The descriptor a command acts on: PATH, or without it the package in the current folder
    or its parents, or else the shipped one. With ``announce`` and no PATH, say which on
    standard error (given a PATH, the user knows)."""
    from ..foundations.paths import PackageNotFound, discover_descriptor, resolve_descriptor

    try:
        found = resolve_descriptor(path) if path else discover_descriptor()
    except PackageNotFound as e:
        raise click.BadParameter(str(e), param_hint="PATH") from e
    if announce and not path:
        click.echo(f"package: {found}", err=True)
    return found


#: The --package option of the commands that read a package given by name.
PACKAGE = click.option(
    "--package",
    type=click.Path(dir_okay=True, file_okay=True),
    help="A datapackage.json or its folder [default: the package in the current folder or its "
    "nearest parent, else the shipped one].",
)


def _format_of(fmt: str | None, output: str) -> str:
    """The export format: --format, or the one OUTPUT's extension names, or SQLite; a usage
    error when the two disagree (``--output lid.json --format sqlite`` would write a database
    named like a JSON document)."""
    from ..outputs.export import format_of

    try:
        return format_of(output, fmt)
    except ValueError as e:
        raise click.UsageError(str(e)) from e


#: The option of the read-only commands that go on with a package that has errors.
KEEP_GOING = click.option(
    "--keep-going",
    is_flag=True,
    help="Go on with a package that has validation errors, reading it as it is "
    "(a file that cannot be read counts as empty).",
)


def _refuse_invalid(error: Exception, *, keep_going: bool = True) -> None:
    """Print an invalid package's first issues and the way on, on standard error; exit 2."""
    click.echo(str(error), err=True)
    way_on = " or pass --keep-going to read it as it is" if keep_going else ""
    click.echo(f"hint: run `libya-israel-data validate` for the full report{way_on}", err=True)
    sys.exit(2)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def _bar(steps: int, fmt: str = "text") -> Iterator[Progress]:
    """The progress bar of every command's long work (reading, validating, writing), on
    standard error: it shows only on a terminal, once the work has taken a second, and never
    beside JSON output (that is a machine's)."""
    from ..foundations.progress import Progress

    progress = Progress(steps, enabled=False if fmt in ("json", "github", "markdown") else None)
    try:
        yield progress
    finally:
        progress.close()


#: SQLite's codes for a file it could not write: a full disk, an I/O error, a read-only file.
SQLITE_WRITE_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")


def _write(output: str, steps: int, write: Callable[[Any], Any]) -> None:
    """Run a writer (an export, the site) with a progress bar, and map its outcome to exit
    codes: 2 for an output that may not be written, 1 for invalid data, a message without a
    traceback for an OS error. SIGTERM (kill, a CI timeout) unwinds like Ctrl-C, so the
    writer's temporary files are removed."""
    from ..outputs.export import InvalidPackageError, TargetExistsError, UnsafeTargetError

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with _bar(steps) as progress:
            path = write(progress)
    except (TargetExistsError, UnsafeTargetError, FileNotFoundError) as e:
        raise click.UsageError(str(e)) from e
    except InvalidPackageError as e:
        click.echo(str(e), err=True)
        sys.exit(1)
    except OSError as e:  # a full disk, a read-only folder: say so, without temporary names
        raise click.ClickException(f"could not write {output}: {e.strerror or e}") from e
    except sqlite3.Error as e:  # the same, as SQLite reports it; any other SQLite error is a bug
        if not str(getattr(e, "sqlite_errorname", "")).startswith(SQLITE_WRITE_ERRORS):
            raise
        raise click.ClickException(f"could not write {output}: {e}") from e
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(f"wrote {path}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libya-israel-data")
def cli() -> None:
    """An open, citable dataset of contacts between Libya and Israel.

    Validate the data package, export it to SQLite, JSON or CSV, compare versions, print
    coverage counts and citations. Every command takes --help.
    """


@cli.command(short_help="Validate a data package and report every issue.")
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text: one line per issue; json: the library's report; github: GitHub Actions "
    "annotations, each issue on its file and line in a pull request.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODE|RULE",
    help="Report only these issue codes, or the codes of these rules (repeat, or separate "
    "with commas); rules none of whose codes is selected do not run. [default: every code]",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODE|RULE",
    help="Do not report these issue codes, or the codes of these rules (repeat, or separate "
    "with commas).",
)
@click.option(
    "--limit-errors",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Stop after N errors; the report says it is truncated.",
)
@click.option(
    "--fail-on-warnings",
    is_flag=True,
    help="Exit 1 when there are warnings, as when there are errors.",
)
def validate(
    path: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    limit_errors: int | None,
    fail_on_warnings: bool,
) -> None:
    """Validate a data package: PATH is a datapackage.json or a folder holding one.

    Without PATH, validate the package in the current folder or the nearest parent that has a
    datapackage.json, or else the one this library ships; the package checked is named on
    standard error. Exit code 0 when there are no errors
    (warnings allowed, unless --fail-on-warnings), 1 when there are errors, 2 for usage errors
    (an unknown code or rule in --select or --ignore among them). docs/errors.md lists the codes
    and the rules that report them.
    """
    from ..validation import Options, UnknownSelector, check, steps
    from ..validation.rules import entries

    try:
        options = Options(entries(select), entries(ignore), limit_errors, fail_on_warnings)
    except UnknownSelector as e:
        raise click.BadParameter(str(e), param_hint="--select/--ignore") from e
    descriptor = _descriptor(path, announce=fmt == "text")
    with _bar(steps(), fmt) as progress:
        report = check(descriptor, progress, options=options)[0]
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "github":
        from .annotations import github_lines

        for line in github_lines(report, descriptor.parent):
            click.echo(line)
    else:
        for line in report.to_lines():
            click.echo(line)
    sys.exit(0 if report.valid else 1)


@cli.command(short_help=f"Export to {_either([f.label for f in FORMATS.values()])}.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values())
    + ". [default: from OUTPUT's extension ("
    + " ".join(e for f in FORMATS.values() if not f.folder for e in f.extensions)
    + f"), else {DEFAULT}]",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=True, file_okay=True),
    help="The file ("
    + ", ".join(f.name for f in FORMATS.values() if not f.folder)
    + ") or folder ("
    + ", ".join(f.name for f in FORMATS.values() if f.folder)
    + ") to write.",
)
@PACKAGE
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@click.option(
    "--spreadsheet-safe",
    is_flag=True,
    help="csv: prefix cells starting with = + - @ tab or CR with a single quote "
    "(a copy for viewing, not for round-trips).",
)
@click.option(
    "--datasette-metadata",
    is_flag=True,
    help="sqlite: also write metadata.json for datasette beside OUTPUT.",
)
def export(
    fmt: str | None,
    output: str,
    package: str | None,
    force: bool,
    spreadsheet_safe: bool,
    datasette_metadata: bool,
) -> None:
    """Export the package to SQLite (default), JSON, CSV, Parquet, GraphML or GEXF.

    Without --format, the format is the one OUTPUT's extension names (lid.json is JSON),
    else SQLite; a --format that contradicts the extension is refused. Without --package, the
    package in the current folder or its nearest parent is exported (a checkout's working
    copy), or else the shipped one; it is named on standard error.

    The package is validated first: invalid data exits 1 and nothing is written. An existing
    OUTPUT (or metadata.json) is replaced only with --force (otherwise exit 2). The output
    appears all at once or not at all; the same input gives the same bytes.
    """
    from pathlib import Path

    from ..outputs.export import export as run
    from ..outputs.export import steps
    from ..outputs.formats import Options, not_taken, takes

    fmt = _format_of(fmt, output)
    given = Options(spreadsheet_safe=spreadsheet_safe, datasette_metadata=datasette_metadata)
    if refused := not_taken(fmt, given):
        option = refused[0]
        flag = "--" + option.replace("_", "-")
        raise click.UsageError(f"{flag} applies to --format {', '.join(takes(option))} only")
    descriptor = _descriptor(package, announce=True)
    _write(
        output,
        steps(fmt),
        lambda progress: run(
            fmt,
            Path(output),
            package=descriptor,
            force=force,
            spreadsheet_safe=spreadsheet_safe,
            datasette_metadata=datasette_metadata,
            progress=progress,
        ),
    )


@cli.command(short_help="Update the descriptor's sizes and hashes after editing data.")
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
def refresh(path: str | None) -> None:
    """Recompute the descriptor's bytes and hash of every resource after editing data.

    Without PATH, refresh the package in the current folder or the nearest parent that has a
    datapackage.json (never the installed copy unless there is none); the package is named on
    standard error."""
    from ..contract import RESOURCES
    from ..outputs.integrity import refresh as run

    descriptor = _descriptor(path, announce=True)
    try:
        with _bar(len(RESOURCES)) as progress:
            changed = run(descriptor, progress=progress)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"updated: {', '.join(changed)}" if changed else "already current")


@cli.command(short_help="Print coverage counts of the package.")
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@KEEP_GOING
def coverage(path: str | None, fmt: str, keep_going: bool) -> None:
    """Print coverage counts: rows per resource, contacts by decade and by kind of contact
    (related events counted apart), claims per meeting, single-origin claims, people without a
    name in Arabic or Hebrew script.

    A package with errors is refused (exit 2, its first issues on standard error) unless
    --keep-going is given."""
    import json

    from ..dataset.package import InvalidPackageError
    from ..outputs.coverage import coverage as run
    from ..outputs.coverage import render
    from ..validation import steps

    descriptor = _descriptor(path, announce=fmt == "text")
    try:
        with _bar(steps(), fmt) as progress:
            counts = run(descriptor, validate=not keep_going, progress=progress)
    except InvalidPackageError as e:
        _refuse_invalid(e)
    click.echo(
        json.dumps(counts, ensure_ascii=False, indent=2) if fmt == "json" else render(counts)
    )


@cli.command(short_help="Compare two versions of a package, row by row.")
@click.argument("old", type=click.Path(dir_okay=True, file_okay=True))
@click.argument("new", type=click.Path(dir_okay=True, file_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: a line per row; json: the library's result; markdown: a review summary "
    "(counts per resource, then the changed fields) for a pull request's job summary.",
)
def diff(old: str, new: str, fmt: str) -> None:
    """Compare two packages (datapackage.json files or folders): rows added, removed and
    changed per resource, by primary key, with the fields that changed, and changes of the
    Table Schemas and of the version. Both packages are validated first.

    Exit code 0 when the packages are equal, 1 when they differ, 2 on error (an invalid
    package, whose report is printed, or a usage error), so that CI can decide a version bump.
    """
    import json

    from ..dataset.package import InvalidPackageError
    from ..outputs.diff import diff as run
    from ..outputs.diff import differs, render, render_markdown
    from ..validation import steps

    try:
        with _bar(2 * steps(), fmt) as progress:
            result = run(_descriptor(old), _descriptor(new), progress=progress)
    except InvalidPackageError as e:
        _refuse_invalid(e, keep_going=False)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(
            render_markdown(result) if fmt == "markdown" else render(result), nl=fmt == "text"
        )
    sys.exit(1 if differs(result) else 0)


@cli.command(short_help="Build the static website of the package.")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=True, file_okay=True),
    help="The folder to write the site into.",
)
@PACKAGE
@click.option("--force", is_flag=True, help="Replace OUTPUT if it is a previous site.")
def site(output: str, package: str | None, force: bool) -> None:
    """Build a static website of the package into OUTPUT: a page per meeting, person,
    organization, source and claim (citable permalinks such as meetings/<id>.html), a timeline
    and a network picture, a search page in Latin, Arabic and Hebrew script, and the data to
    download. It works opened from disk and on any static host, and requests nothing from
    other sites. Validated first; written all at once or not at all; same input, same bytes.
    """
    from pathlib import Path

    from ..outputs.site import build_site
    from ..validation import steps

    descriptor = _descriptor(package, announce=True)
    _write(
        output,
        steps() + 1,
        lambda progress: build_site(
            Path(output), package=descriptor, force=force, progress=progress
        ),
    )


@cli.command(short_help="Find people, organizations, meetings, claims and sources.")
@click.argument("query")
@PACKAGE
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@KEEP_GOING
def search(query: str, package: str | None, fmt: str, keep_going: bool) -> None:
    """Find the records whose names, aliases, titles, summaries or statements hold every word of
    QUERY, in any spelling and in Latin, Arabic or Hebrew script, with or without hyphens,
    apostrophes, articles, prefixes and endings: one line per record, best first, with its
    resource, id, label and the fields that matched. The same records, in the same order, as
    the Python API's Dataset.search, the SQLite export's query find and the site. A query is at
    most 256 characters. Exit code 0 when something is found, 1 when nothing is."""
    import json

    from ..dataset.package import InvalidPackageError, open_package
    from ..dataset.search import find
    from ..foundations.folding import QueryError, fold_query
    from ..validation import steps

    try:
        fold_query(query)  # refused before the package is read
    except QueryError as e:
        raise click.UsageError(str(e)) from e
    try:
        with _bar(steps(), fmt) as progress:
            opened = open_package(
                _descriptor(package, announce=fmt == "text"),
                validate=not keep_going,
                progress=progress,
            )
        found = find(opened, query)
    except InvalidPackageError as e:
        _refuse_invalid(e)
    except ValueError as e:
        raise click.UsageError(str(e)) from e
    rows = found.select("resource", "id", "label", "matched", "fields").to_dicts()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            click.echo(f"{r['resource']}\t{r['id']}\t{r['label'] or r['matched']}\t{r['fields']}")
    sys.exit(0 if rows else 1)


@cli.command(short_help="Print a citation of the dataset or of one row.")
@click.argument("resource", required=False)
@click.argument("row_id", required=False)
@PACKAGE
@click.option(
    "--format", "fmt", type=click.Choice(["text", "bibtex"]), default="text", show_default=True
)
@KEEP_GOING
def cite(
    resource: str | None, row_id: str | None, package: str | None, fmt: str, keep_going: bool
) -> None:
    """Print a citation of the dataset, or of one row (e.g. `cite claims c-1001`), naming the
    version. A package with errors is refused unless --keep-going is given."""
    from ..dataset.package import InvalidPackageError
    from ..outputs.cite import citation
    from ..validation import steps

    descriptor = _descriptor(package, announce=True)
    try:
        with _bar(steps()) as progress:
            text = citation(
                descriptor, resource, row_id, fmt, validate=not keep_going, progress=progress
            )
        click.echo(text)
    except InvalidPackageError as e:
        _refuse_invalid(e)
    except (KeyError, ValueError) as e:
        raise click.UsageError(str(e.args[0])) from e


#: polars allocates through jemalloc, which keeps freed memory for ten seconds before giving it
#: back, so a command's peak holds every transient buffer of the last ten seconds. Given back at
#: once, a million claims validate in about 100 MiB less and export to SQLite in about 250 MiB
#: less, for 5% (SQLite) to 40% (validate) more time (docs/benchmarks.md). Set before polars
#: loads; a value the user set wins.
ALLOCATOR = ("_RJEM_MALLOC_CONF", "background_thread:true,dirty_decay_ms:0,muzzy_decay_ms:0")


def main() -> None:
    os.environ.setdefault(*ALLOCATOR)
    cli(prog_name="libya-israel-data")
