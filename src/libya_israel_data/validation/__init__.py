"""Validate a data package: every issue, in layers, each its own module.

descriptor -> structure (each file read once) -> the registered rules of the tables, dates, text
and provenance layers (``rules.py``).
"""

from __future__ import annotations

from pathlib import Path

from ..foundations.issues import Issue, Report
from ..foundations.paths import resolve_descriptor
from ..foundations.progress import Progress, Silent
from . import contacts, dates, descriptor, provenance, tables, text  # noqa: F401 - they register rules
from .provenance import created_date
from .rules import LAYERS, Context, run
from .structure import Table, UnreadableTable, read_table

__all__ = ["LAYERS", "Table", "check", "steps", "validate"]


def steps() -> int:
    """Progress steps of a validation: one per resource read, one per layer of rules."""
    from ..contract import RESOURCES

    return len(RESOURCES) + len(LAYERS)


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
    descriptor_path: Path, progress: Progress | None = None, *, keep_bytes: bool = False
) -> tuple[Report, dict[str, Table], dict]:
    """Every layer on one package: the report, the tables as read, and the descriptor.

    Each data file is read once; its size and hash are checked against the descriptor from the
    same bytes, and with ``keep_bytes`` the bytes stay on the tables for writers that copy them.
    """
    progress = progress or Silent()
    package, issues = descriptor.check(descriptor_path)
    loaded: dict[str, Table] = {}
    if package is not None:
        for resource in package.resources:
            progress.step(f"reading {resource.name}")
            try:
                table = read_table(package, resource, keep=keep_bytes)
            except UnreadableTable as e:
                issues.append(e.issue)
                continue
            issues += descriptor.check_integrity(table) + table.issues
            loaded[resource.name] = table
    desc = package.descriptor if package is not None else {}
    resources = {name: t.resource for name, t in loaded.items()}
    # A resource that could not be read keeps the rules that need it from running, and the
    # report says so (rule-not-run).
    ctx = Context(loaded, created_date(desc))
    issues += run(ctx, resources, progress.step)
    progress.close()
    ranks = {name: i for i, name in enumerate(loaded)}
    report = Report.capped(sorted(set(issues), key=lambda i: _order(i, ranks)), counted=ctx.counted)
    return report, loaded, desc


def validate(path: str | Path | None = None, progress: Progress | None = None) -> Report:
    """Validate the data package at ``path`` (a ``datapackage.json`` or its folder).

    Without ``path``, validate the package this library ships. Every issue is reported, never only
    the first (up to a cap per code and resource, past which they are counted); ``Report.valid``
    is false when any issue is an error.
    """
    return check(resolve_descriptor(path), progress)[0]
