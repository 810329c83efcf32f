"""CSV export: a copy of the package (descriptor, schemas, data) that Frictionless tools accept.

The data files are written from the bytes that were validated (never read again from disk), and
the descriptor's ``bytes`` and ``hash`` describe what is written. The schemas are the contract's.

With ``spreadsheet_safe``, every cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) gets the OWASP single-quote prefix, and the
descriptor says that the copy is for viewing, not for round-trips.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import polars as pl

from ...contract import reference_schema
from ...dataset.package import ValidatedPackage
from ...foundations.atomic import atomic_folder
from ..integrity import write_json_atomic
from .checks import check_before_writing

CSV_MARK = "x-libya-israel-data-export"

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SAFE_NOTE = (
    "Spreadsheet-safe copy for viewing only: cells that spreadsheets would execute as formulas "
    "(starting with =, +, -, @, tab or carriage return) carry a leading single quote. Do not use "
    "this copy for round-trips; export without --spreadsheet-safe for that."
)


def _safe_csv(df: pl.DataFrame) -> bytes:
    prefixed = df.with_columns(
        pl.when(pl.any_horizontal([pl.col(c).str.starts_with(t) for t in TRIGGERS]))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in df.columns
    )
    buf = io.BytesIO()
    prefixed.write_csv(buf, line_terminator="\n", quote_style="necessary")
    return buf.getvalue()


def export_csv(
    package: ValidatedPackage, output: Path, *, force: bool = False, spreadsheet_safe: bool = False
) -> Path:
    check_before_writing(package)
    descriptor = dict(package.descriptor)
    resources = [dict(r) for r in descriptor["resources"]]
    with atomic_folder(output, force, fmt="csv") as tmp:
        for entry in resources:
            name = entry["name"]
            data = _safe_csv(package.tables[name]) if spreadsheet_safe else package.raw[name]
            target = tmp / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            entry["bytes"] = len(data)
            entry["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
            schema = entry.get("schema")
            if isinstance(schema, str):
                (tmp / schema).parent.mkdir(parents=True, exist_ok=True)
                (tmp / schema).write_text(
                    json.dumps(reference_schema(name), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8",
                )
        descriptor["resources"] = resources
        descriptor[CSV_MARK] = True  # says what the folder is (--force reads the manifest)
        if spreadsheet_safe:
            descriptor["description"] = f"{descriptor.get('description', '')} {SAFE_NOTE}".strip()
            descriptor["x-spreadsheet-safe"] = True
        write_json_atomic(tmp / "datapackage.json", descriptor)
    return output
