"""CSV export: a copy of the package (descriptor, schemas, data) that Frictionless tools accept.

With ``spreadsheet_safe``, every cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) gets the OWASP single-quote prefix, and the
descriptor says that the copy is for viewing, not for round-trips.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from ..integrity import file_hash, write_json_atomic
from .atomic import atomic_folder
from .source import ExportSource

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SAFE_NOTE = (
    "Spreadsheet-safe copy for viewing only: cells that spreadsheets would execute as formulas "
    "(starting with =, +, -, @, tab or carriage return) carry a leading single quote. Do not use "
    "this copy for round-trips; export without --spreadsheet-safe for that."
)


def _safe(value: str) -> str:
    return "'" + value if value.startswith(TRIGGERS) else value


def _write_safe(src: Path, dst: Path) -> None:
    with src.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows([[_safe(c) for c in row] for row in rows[1:]])
    dst.write_bytes(buf.getvalue().encode("utf-8"))


def export_csv(
    source: ExportSource, output: Path, *, force: bool = False, spreadsheet_safe: bool = False
) -> Path:
    descriptor = dict(source.descriptor)
    resources = [dict(r) for r in descriptor["resources"]]
    with atomic_folder(output, force) as tmp:
        for entry in resources:
            for key in ("path", "schema"):
                rel = entry.get(key)
                if isinstance(rel, str):
                    (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                    src = source.root / rel
                    if key == "path" and spreadsheet_safe:
                        _write_safe(src, tmp / rel)
                    else:
                        shutil.copyfile(src, tmp / rel)
            if spreadsheet_safe:
                entry["bytes"] = (tmp / entry["path"]).stat().st_size
                entry["hash"] = file_hash(tmp / entry["path"])
        descriptor["resources"] = resources
        if spreadsheet_safe:
            descriptor["description"] = f"{descriptor.get('description', '')} {SAFE_NOTE}".strip()
            descriptor["x-spreadsheet-safe"] = True
        write_json_atomic(tmp / "datapackage.json", descriptor)
    return output
