"""What every export reads: the validated package as text tables, in schema order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from ..dataset import InvalidPackageError
from ..paths import resolve_descriptor
from ..progress import Progress
from ..schema import Resource
from ..validation import check
from ..validation.structure import LINE, ROW


@dataclass
class ExportSource:
    descriptor_path: Path
    descriptor: dict[str, Any]
    resources: dict[str, Resource]
    tables: dict[str, pl.DataFrame]  # every field as String, empty cells as null

    @property
    def root(self) -> Path:
        return self.descriptor_path.parent


def read_validated(package: str | Path | None, progress: Progress | None = None) -> ExportSource:
    """Validate the package (raise :class:`InvalidPackageError` on errors), then read it."""
    descriptor_path = resolve_descriptor(package)
    report, loaded, descriptor = check(descriptor_path, progress)
    if not report.valid:
        raise InvalidPackageError(report)
    tables = {}
    for name, table in loaded.items():
        names = table.resource.field_names
        tables[name] = table.df.drop(ROW, LINE).select(
            [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in names]
        )
    resources = {n: t.resource for n, t in loaded.items()}
    return ExportSource(descriptor_path, descriptor, resources, tables)


def package_metadata(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The descriptor without its resources: name, title, version, created, licenses ..."""
    return {k: v for k, v in descriptor.items() if k != "resources"}
