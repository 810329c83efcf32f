"""Validate a data package: every issue, in layers, each its own module.

Every layer is a set of registered rules (``rules.py``), run in order: the descriptor and the
structure (each file read once, ``reading.py``), then the tables, dates, text and provenance.
"""

from __future__ import annotations

from pathlib import Path

from ..foundations.issues import Report
from ..foundations.paths import resolve_descriptor
from ..foundations.progress import Progress, Silent
from . import (  # noqa: F401 - they register rules
    contacts,
    dates,
    provenance,
    reading,
    tables,
    text,
)
from .rules import LAYERS, READING, Context, Options, UnknownSelector, run
from .structure import Table

__all__ = ["LAYERS", "Options", "Table", "UnknownSelector", "check", "steps", "validate"]


def steps() -> int:
    """Progress steps of a validation: one per resource read, one per layer of checks."""
    from ..contract import RESOURCES

    return len(RESOURCES) + len(LAYERS) - len(READING)


def check(
    descriptor_path: Path,
    progress: Progress | None = None,
    *,
    keep_bytes: bool = False,
    options: Options | None = None,
) -> tuple[Report, dict[str, Table], dict]:
    """Every layer on one package: the report, the tables as read, and the descriptor.

    Each data file is read once; its size and hash are checked against the descriptor from the
    same bytes, and with ``keep_bytes`` the bytes stay on the tables for writers that copy them.
    """
    progress = progress or Silent()
    ctx = Context(descriptor_path=descriptor_path, keep_bytes=keep_bytes, step=progress.step)
    report = run(ctx, options)
    progress.close()
    return report, ctx.tables, ctx.descriptor


def validate(
    path: str | Path | None = None,
    progress: Progress | None = None,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    limit_errors: int | None = None,
    fail_on_warnings: bool = False,
) -> Report:
    """Validate the data package at ``path`` (a ``datapackage.json`` or its folder).

    Without ``path``, validate the package this library ships. Every issue is reported, never only
    the first (up to a cap per code and resource, past which they are counted); ``Report.valid``
    is false when any issue is an error.

    ``select`` and ``ignore`` choose issues by code or by rule name (an unknown one raises
    :class:`UnknownSelector`, naming close matches); ``limit_errors`` stops after that many
    errors (the report says it is truncated); ``fail_on_warnings`` makes warnings fail it.
    See :class:`~.rules.Options`.
    """
    options = Options(tuple(select), tuple(ignore), limit_errors, fail_on_warnings)
    return check(resolve_descriptor(path), progress, options=options)[0]
