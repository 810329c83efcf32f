"""Validate a data package: every issue, in layers, each its own module.

descriptor -> structure -> tables -> dates -> text -> provenance -> records
"""

from __future__ import annotations

from pathlib import Path

from ..issues import Issue, Report
from ..paths import resolve_descriptor
from ..progress import Progress, Silent
from . import dates, descriptor, provenance, records, tables, text
from .structure import Table, read_table

__all__ = ["Table", "check", "read_tables", "validate"]


#: Steps reported to a progress bar: one per resource read, then one per later layer.
LAYERS = ("tables", "dates", "text", "provenance", "records")


def read_tables(
    descriptor_path: Path, progress: Progress | None = None
) -> tuple[dict[str, Table], list[Issue], dict]:
    """Descriptor and structure layers: the package's tables as text, and their issues."""
    progress = progress or Silent()
    package, issues = descriptor.check(descriptor_path)
    if package is None:
        return {}, issues, {}
    tables: dict[str, Table] = {}
    for resource in package.resources:
        progress.step(f"reading {resource.name}")
        table = read_table(package, resource)
        issues += table.issues
        tables[resource.name] = table
    return tables, issues, package.descriptor


def _order(issue: Issue, ranks: dict[str, int]) -> tuple:
    return (
        issue.file != "datapackage.json",
        ranks.get(issue.resource or "", len(ranks)),
        issue.row or 0,
        issue.field or "",
        issue.code,
        issue.message,
    )


def check(
    descriptor_path: Path, progress: Progress | None = None
) -> tuple[Report, dict[str, Table], dict]:
    """Every layer on one package: the report, and the tables as read (for callers that go on
    to use them, such as the exports, so that nothing is read twice)."""
    progress = progress or Silent()
    loaded, issues, desc = read_tables(descriptor_path, progress)
    progress.step("checking types, constraints and keys")
    issues += tables.check(loaded)
    progress.step("checking dates")
    issues += dates.check(loaded)
    progress.step("checking text")
    issues += text.check(loaded)
    progress.step("checking provenance")
    issues += provenance.check(loaded, desc)
    progress.step("checking records")
    issues += records.check(loaded, issues)
    progress.close()
    ranks = {name: i for i, name in enumerate(loaded)}
    return Report(sorted(set(issues), key=lambda i: _order(i, ranks))), loaded, desc


def validate(path: str | Path | None = None, progress: Progress | None = None) -> Report:
    """Validate the data package at ``path`` (a ``datapackage.json`` or its folder).

    Without ``path``, validate the package this library ships. Every issue is reported, never only
    the first; ``Report.valid`` is false when any issue is an error.
    """
    return check(resolve_descriptor(path), progress)[0]
