"""Validate a data package: every issue, in layers, each its own module.

descriptor -> structure -> tables -> dates -> text -> provenance -> records
"""

from __future__ import annotations

from pathlib import Path

from ..issues import Issue, Report
from ..paths import resolve_descriptor
from . import dates, descriptor, provenance, records, tables, text
from .structure import Table, read_table

__all__ = ["Table", "read_tables", "validate"]


def read_tables(descriptor_path: Path) -> tuple[dict[str, Table], list[Issue], dict]:
    """Descriptor and structure layers: the package's tables as text, and their issues."""
    package, issues = descriptor.check(descriptor_path)
    if package is None:
        return {}, issues, {}
    tables: dict[str, Table] = {}
    for resource in package.resources:
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


def validate(path: str | Path | None = None) -> Report:
    """Validate the data package at ``path`` (a ``datapackage.json`` or its folder).

    Without ``path``, validate the package this library ships. Every issue is reported, never only
    the first; ``Report.valid`` is false when any issue is an error.
    """
    descriptor_path = resolve_descriptor(path)
    loaded, issues, desc = read_tables(descriptor_path)
    issues += tables.check(loaded)
    issues += dates.check(loaded)
    issues += text.check(loaded)
    issues += provenance.check(loaded, desc)
    issues += records.check(loaded, issues)
    ranks = {name: i for i, name in enumerate(loaded)}
    return Report(sorted(set(issues), key=lambda i: _order(i, ranks)))
