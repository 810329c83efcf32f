"""The data contract, declared once: the reference Table Schemas this library ships.

``contract/schemas/<resource>.schema.json`` are the reference. The package's own ``schemas/`` are
copies of them (written by ``python tools/generate.py``) so that any Frictionless tool can read
the package; the validator compares every schema it finds with the reference, so editing a
package's schema cannot switch a rule off (see :func:`differences`).

Every other module takes resource and field names from here, never as free string literals:
``Claims.claim_id`` is ``"claim_id"`` and ``Meetings.Contact.DIRECT`` is ``"direct"`` (the classes
of :mod:`.fields`, generated from the schemas and re-exported here), and a name the contract lacks
fails at import time (``tests/test_architecture.py`` bans the literals elsewhere).
The rules of the contract are described in ``docs/data-model.md``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from .fields import (
    NAMES,
    TABLES,
    Aliases,
    Citations,
    Claims,
    Meetings,
    OrganizationParticipants,
    Organizations,
    Participants,
    People,
    Sources,
)
from .table_schema import (
    SUPPORTED_TYPES,
    Field,
    ForeignKey,
    Package,
    Resource,
    SchemaError,
    read_json,
    read_resource,
    unsafe_path_reason,
)

__all__ = [
    "NAMES",
    "RESOURCES",
    "SUPPORTED_TYPES",
    "TABLES",
    "Aliases",
    "Citations",
    "Claims",
    "Field",
    "ForeignKey",
    "Meetings",
    "OrganizationParticipants",
    "Organizations",
    "Package",
    "Participants",
    "People",
    "Resource",
    "SchemaError",
    "Sources",
    "differences",
    "read_json",
    "read_resource",
    "reference",
    "reference_schema",
    "resource",
    "unsafe_path_reason",
]

#: The resources of the data contract, in dependency order (a resource refers only to earlier
#: ones, and to itself).
RESOURCES: tuple[str, ...] = (
    "sources",
    "people",
    "aliases",
    "organizations",
    "meetings",
    "participants",
    "organization_participants",
    "claims",
    "citations",
)


def schema_path(name: str) -> str:
    """The relative path of a resource's Table Schema, in the package as in this library."""
    return f"schemas/{name}.schema.json"


def data_path(name: str) -> str:
    """The relative path of a resource's CSV file in the package."""
    return f"data/{name}.csv"


@cache
def reference_schema(name: str) -> dict[str, Any]:
    """The reference Table Schema of one resource, as JSON (read once per process)."""
    files = importlib_resources.files(__package__) / "schemas" / f"{name}.schema.json"
    return json.loads(files.read_text(encoding="utf-8"))


@cache
def resource(name: str) -> Resource:
    """The contract's definition of one resource."""
    if name not in RESOURCES:
        raise KeyError(f"{name!r} is not a resource of the data contract")
    entry = {"name": name, "path": data_path(name), "schema": reference_schema(name)}
    found = read_resource(Path("."), entry)
    return Resource(
        name=found.name,
        path=found.path,
        schema_path=schema_path(name),
        fields=found.fields,
        primary_key=found.primary_key,
        foreign_keys=found.foreign_keys,
    )


def reference() -> dict[str, Resource]:
    """Every resource of the contract, in dependency order."""
    return {name: resource(name) for name in RESOURCES}


def differences(name: str, schema: object) -> list[tuple[str | None, str]]:
    """How a package's Table Schema for resource ``name`` differs from the contract's:
    ``(field or None, what differs)`` pairs, empty when they declare the same thing.

    Descriptions and other annotations may differ; fields, their order, types, constraints, the
    primary key and the foreign keys may not.
    """
    ref = reference_schema(name)
    if not isinstance(schema, dict):
        return [(None, "the schema is not a JSON object")]
    found: list[tuple[str | None, str]] = []
    ours = [f.get("name") for f in ref["fields"]]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not all(isinstance(f, dict) for f in fields):
        return [(None, "the schema has no list of field objects")]
    theirs = [f.get("name") for f in fields]
    for n in ours:
        if n not in theirs:
            found.append((n, "the contract's field is missing from the schema"))
    for n in theirs:
        if n not in ours:
            found.append((n if isinstance(n, str) else None, "the field is not in the contract"))
        elif theirs.count(n) > 1:
            found.append((n, "the field is declared more than once"))
    common = [n for n in theirs if n in ours]
    if not found and common != ours:
        found.append((None, f"fields are in the order {theirs}, the contract's is {ours}"))
    by_name = {f.get("name"): f for f in fields}
    for f in ref["fields"]:
        other = by_name.get(f["name"])
        if other is None:
            continue
        if other.get("type", "string") != f.get("type", "string"):
            found.append(
                (f["name"], f"type is {other.get('type')!r}, the contract's is {f.get('type')!r}")
            )
        for key in sorted({*f.get("constraints", {}), *(other.get("constraints") or {})}):
            want = f.get("constraints", {}).get(key)
            got = (other.get("constraints") or {}).get(key)
            if want != got:
                found.append(
                    (
                        f["name"],
                        f"constraint {key!r} is {_shown(got)}, the contract's is {_shown(want)}",
                    )
                )
        for key in ("x-edtf",):
            if f.get(key) != other.get(key):
                found.append(
                    (f["name"], f"{key} is {other.get(key)!r}, the contract's is {f.get(key)!r}")
                )
    for key in ("primaryKey", "foreignKeys", "missingValues"):
        if ref.get(key) != schema.get(key):
            found.append(
                (
                    None,
                    f"{key} is {_shown(schema.get(key))}, the contract's is {_shown(ref.get(key))}",
                )
            )
    return found


def _shown(value: object) -> str:
    return "absent" if value is None else json.dumps(value, ensure_ascii=False)
