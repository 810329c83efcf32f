"""The ``libya-israel-data`` command: a thin shell over the library.

Each command parses its options, calls one public function and maps the outcome to an exit code:
0 valid, 1 invalid data, 2 usage error. Heavy imports happen inside the commands, so that
``--help`` stays fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__


def _descriptor(path: str | None):
    from .paths import PackageNotFound, resolve_descriptor

    try:
        return resolve_descriptor(path)
    except PackageNotFound as e:
        raise click.BadParameter(str(e), param_hint="PATH") from e


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libya-israel-data")
def cli() -> None:
    """An open, citable dataset of contacts between Libya and Israel.

    Validate the data package, keep its descriptor current, and (soon) export it.
    """


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per issue; json: the library's report.",
)
def validate(path: str | None, fmt: str) -> None:
    """Validate a data package: PATH is a datapackage.json or a folder holding one.

    Without PATH, validate the package this library ships. Exit code 0 when there are no errors
    (warnings allowed), 1 when there are errors, 2 for usage errors.
    """
    from .validation import validate as run

    report = run(_descriptor(path))
    if fmt == "json":
        click.echo(report.to_json())
    else:
        for issue in report.issues:
            click.echo(issue.to_text())
        click.echo(report.summary())
    sys.exit(0 if report.valid else 1)


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
def refresh(path: str | None) -> None:
    """Recompute the descriptor's bytes and hash of every resource after editing data."""
    from .integrity import refresh as run

    descriptor = _descriptor(path)
    try:
        changed = run(descriptor)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"updated: {', '.join(changed)}" if changed else "already current")


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True, file_okay=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def coverage(path: str | None, fmt: str) -> None:
    """Print coverage counts: rows per resource, claims per meeting, single-origin claims,
    people without a name in Arabic or Hebrew script."""
    import json

    from .coverage import coverage as run
    from .coverage import render

    counts = run(_descriptor(path))
    click.echo(
        json.dumps(counts, ensure_ascii=False, indent=2) if fmt == "json" else render(counts)
    )


def main() -> None:
    cli(prog_name="libya-israel-data")
