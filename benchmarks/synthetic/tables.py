"""The CSV side of the package: field order per resource, the files, the id formats.

``FIELDS`` stays in code, not in vocabulary.json: it is the data contract's, not the generator's
choice, and ``check_schemas`` compares it with the repository's Table Schemas at start (with the
enum values the vocabulary draws from).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from .vocabulary import ENUM_VALUES

REPO = Path(__file__).resolve().parents[2]

#: Field order per resource; checked against the repository's Table Schemas at start.
FIELDS = {
    "sources": (
        "source_id",
        "title",
        "title_en",
        "publisher",
        "author",
        "url",
        "language",
        "published",
        "source_type",
        "relays",
        "notes",
    ),
    "people": ("person_id", "name", "name_ar", "name_he", "country", "description"),
    "aliases": ("person_id", "alias", "language", "source_id"),
    "organizations": (
        "organization_id",
        "name",
        "name_ar",
        "name_he",
        "country",
        "kind",
        "parent_id",
        "description",
    ),
    "meetings": (
        "meeting_id",
        "title",
        "kind",
        "contact",
        "relevance",
        "date",
        "end_date",
        "city",
        "country",
        "venue",
        "status",
        "disclosed",
        "summary",
    ),
    "participants": ("meeting_id", "person_id", "role", "capacity", "side", "claim_id"),
    "organization_participants": (
        "meeting_id",
        "organization_id",
        "role",
        "represented_by",
        "side",
        "claim_id",
    ),
    "claims": (
        "claim_id",
        "meeting_id",
        "person_id",
        "organization_id",
        "claim_type",
        "statement",
        "claimant_person_id",
        "claimant_organization_id",
        "claimant_description",
        "stated",
        "disputes",
    ),
    "citations": ("claim_id", "source_id", "locator"),
}


def open_csv(out: Path, name: str):
    path = out / "data" / f"{name}.csv"
    # closed by the caller once the resource is written
    f = open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)  # noqa: SIM115
    w = csv.writer(f, lineterminator="\n")
    w.writerow(FIELDS[name])
    return f, w


def check_schemas() -> None:
    schemas = {
        name: json.loads((REPO / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        for name in FIELDS
    }
    for name, fields in FIELDS.items():
        names = tuple(f["name"] for f in schemas[name]["fields"])
        if names != fields:
            sys.exit(
                f"generate.py: schemas/{name}.schema.json has fields {names}, "
                f"the generator writes {fields}; update FIELDS"
            )
    for (name, field), values in ENUM_VALUES.items():
        spec = next(f for f in schemas[name]["fields"] if f["name"] == field)
        extra = sorted(set(values) - set(spec.get("constraints", {}).get("enum", values)))
        if extra:
            sys.exit(
                f"generate.py: {name}.{field} values {extra} in vocabulary.json are not in "
                f"schemas/{name}.schema.json; update the vocabulary"
            )


def sid(width: int, prefix: str):
    """Id format: ``sid(6, "p")(0) == "p-000001"``."""
    return lambda i: f"{prefix}-{i + 1:0{width}d}"
