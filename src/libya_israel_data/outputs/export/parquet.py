"""Parquet export: one file per resource, typed, for DuckDB, pandas, polars, Spark and Arrow.

Columns keep the schema's order with each field's derived columns after it: text as UTF-8
strings (empty cells as null), ``<field>_earliest`` / ``_latest`` as dates, ``origins`` as a
64-bit integer. Each file's key-value metadata carries the package's name, version and created
date, and the sha256 of the CSV file it was made from, so a file can be traced to its release.
Written by pyarrow with fixed options (zstd, statistics, no timestamps in the file), so the
same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from ...dataset.package import ValidatedPackage
from ...foundations.atomic import atomic_folder
from .checks import check_before_writing

#: The writer's fixed options (part of the reproducibility contract).
OPTIONS = {"compression": "zstd", "compression_level": 3, "write_statistics": True}


def export_parquet(package: ValidatedPackage, output: Path, *, force: bool = False) -> Path:
    import pyarrow.parquet as pq

    check_before_writing(package)
    meta = package.metadata()
    with atomic_folder(output, force, fmt="parquet") as tmp:
        for name in package.tables:
            table = package.derived.table(name).to_arrow()
            table = table.replace_schema_metadata(
                {
                    "libya_israel_data.name": str(meta.get("name", "")),
                    "libya_israel_data.version": str(meta.get("version", "")),
                    "libya_israel_data.created": str(meta.get("created", "")),
                    "libya_israel_data.resource": name,
                    "libya_israel_data.source_hash": package.hashes.get(name, ""),
                }
            )
            pq.write_table(table, tmp / f"{name}.parquet", **OPTIONS)
    return output
