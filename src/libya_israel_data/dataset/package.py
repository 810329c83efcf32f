"""The validated package: read once, validated, handed to every consumer.

:func:`open_package` reads and hashes each data file once, validates it, and returns a
:class:`ValidatedPackage`: the descriptor, the contract's resources, the tables (text, empty cells
as null: the one conversion, made here) and their :class:`~.derive.Derived` data. The Python API,
every export, the site and the contributor commands (``coverage``, ``diff``, ``cite``) take it
from here, so nothing is read, validated or derived twice. This module imports neither pandas
nor pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from ..contract import Resource
from ..foundations.issues import Report
from ..foundations.paths import resolve_descriptor
from ..foundations.progress import Progress
from ..validation import check
from ..validation.structure import LINE, ROW
from .derive import Derived


class InvalidPackageError(ValueError):
    """The package has validation errors; carries the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        lines = [i.to_text() for i in report.errors[:10]]
        more = len(report.errors) + sum(report.omitted.values()) - len(lines)
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(
            f"the package is not valid ({report.summary()}):\n" + "\n".join(lines) + tail
        )


@dataclass
class ValidatedPackage:
    """A package that passed validation (or was opened without it, see ``report``)."""

    descriptor_path: Path
    descriptor: dict[str, Any]
    resources: dict[str, Resource]
    tables: dict[str, pl.DataFrame]  # every field as String, empty cells as null
    report: Report
    raw: dict[str, bytes] = field(default_factory=dict)  # the files' bytes, when kept
    hashes: dict[str, str] = field(default_factory=dict)  # sha256 of the bytes validated

    @property
    def root(self) -> Path:
        return self.descriptor_path.parent

    @cached_property
    def derived(self) -> Derived:
        return Derived(self.tables, self.resources)

    def metadata(self) -> dict[str, Any]:
        """The descriptor without its resources: name, title, version, created, licenses ..."""
        return {k: v for k, v in self.descriptor.items() if k != "resources"}


def shown_metadata(meta: dict[str, Any]) -> dict[str, Any]:
    """The descriptor's metadata with the optional fields that pages and citations show always
    present: ``title`` (else the name), ``name``, ``description``, ``licence`` (the first
    licence's name, else its path, else "not stated") and ``author`` (the first contributor's
    title, else the name). A descriptor without them is valid; nothing may crash on it."""
    name = meta.get("name") if isinstance(meta.get("name"), str) else "libya-israel-data"
    licenses = meta.get("licenses")
    first = licenses[0] if isinstance(licenses, list) and licenses else {}
    first = first if isinstance(first, dict) else {}
    contributors = meta.get("contributors")
    author = contributors[0] if isinstance(contributors, list) and contributors else {}
    author = author if isinstance(author, dict) else {}
    return {
        **meta,
        "name": name,
        "title": str(meta.get("title") or name),
        "description": str(meta.get("description") or ""),
        "licence": str(first.get("name") or first.get("path") or "not stated"),
        "author": str(author.get("title") or name),
    }


def open_package(
    path: str | Path | None = None,
    *,
    validate: bool = True,
    progress: Progress | None = None,
    keep_bytes: bool = False,
) -> ValidatedPackage:
    """Read the package at ``path`` (default: the shipped one) once, and validate it.

    Raises :class:`InvalidPackageError` when ``validate`` is true and the package has errors.
    With ``validate=False`` the report is still made (it costs little beyond the reading) and
    kept on the result, but errors do not stop the opening.
    """
    descriptor_path = resolve_descriptor(path)
    report, loaded, descriptor = check(descriptor_path, progress, keep_bytes=keep_bytes)
    if validate and not report.valid:
        raise InvalidPackageError(report)
    tables = {}
    for name, table in loaded.items():
        names = [n for n in table.resource.field_names if n in table.df.columns]
        tables[name] = table.df.drop(ROW, LINE).select(
            [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in names]
        )
    return ValidatedPackage(
        descriptor_path=descriptor_path,
        descriptor=descriptor,
        resources={n: t.resource for n, t in loaded.items()},
        tables=tables,
        report=report,
        raw={n: t.raw for n, t in loaded.items() if t.raw is not None},
        hashes={n: t.hash for n, t in loaded.items()},
    )
