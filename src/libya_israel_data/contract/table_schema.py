"""Table Schema reading: a descriptor entry and its schema into plain typed objects.

The contract (``contract/__init__.py``) reads its reference schemas with it, and the validator
reads a package's entries with it; names of resources and fields come from the contract.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

#: Field types this package supports in its Table Schemas.
SUPPORTED_TYPES = ("string", "integer", "boolean")


class SchemaError(ValueError):
    """The descriptor or a Table Schema cannot be used (bad JSON, missing keys, unsafe path)."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    description: str = ""
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    max_length: int | None = None
    min_length: int | None = None
    unique: bool = False
    edtf: bool = False  # an EDTF-subset date (see dates.py), marked "x-edtf" in the schema

    @classmethod
    def from_descriptor(cls, d: dict[str, Any]) -> Field:
        c = d.get("constraints") or {}
        enum = c.get("enum")
        return cls(
            name=d["name"],
            type=d.get("type", "string"),
            description=d.get("description", ""),
            required=bool(c.get("required", False)),
            pattern=c.get("pattern"),
            enum=tuple(str(v) for v in enum) if enum is not None else None,
            max_length=c.get("maxLength"),
            min_length=c.get("minLength"),
            unique=bool(c.get("unique", False)),
            edtf=bool(d.get("x-edtf", False)),
        )


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # the referenced resource (already resolved: never "" for self-references)
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    path: str  # relative, POSIX, as written in the descriptor
    schema_path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    bytes: int | None = None
    hash: str | None = None

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True)
class Package:
    root: Path
    descriptor_path: Path
    descriptor: dict[str, Any]
    resources: tuple[Resource, ...] = field(default=())

    def file(self, resource: Resource) -> Path:
        return self.root / resource.path


def unsafe_path_reason(path: object) -> str | None:
    """Why a descriptor path may not be read, or ``None`` when it is a safe relative path."""
    if not isinstance(path, str) or not path:
        return "the path is not a non-empty string"
    if "://" in path:
        return "remote paths are not allowed; data must live inside the package"
    if "\\" in path:
        return "use '/' as the separator"
    p = PurePosixPath(path)
    if p.is_absolute() or (len(path) > 1 and path[1] == ":"):
        return "absolute paths are not allowed; use a path relative to the descriptor"
    if ".." in p.parts:
        return "'..' would leave the package folder"
    return None


#: The largest descriptor or Table Schema read (bytes); the project's are a few kilobytes.
MAX_JSON_BYTES = 1 << 22


class DuplicateKeyError(ValueError):
    """A JSON object names the same key twice (JSON parsers keep one of them silently)."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKeyError(key)
        out[key] = value
    return out


def read_json(path: Path) -> Any:
    """Read a descriptor or schema strictly: UTF-8 JSON, at most :data:`MAX_JSON_BYTES`, no key
    named twice in one object, no nesting so deep it would exhaust the parser."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise SchemaError(f"{path.name}: larger than {MAX_JSON_BYTES:,} bytes")
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_pairs)
    except FileNotFoundError as e:
        raise SchemaError(f"{path.name}: file not found") from e
    except IsADirectoryError as e:
        raise SchemaError(f"{path.name}: is a folder, not a file") from e
    except DuplicateKeyError as e:
        raise SchemaError(f"{path.name}: the key {e.args[0]!r} appears twice in one object") from e
    except RecursionError as e:
        raise SchemaError(f"{path.name}: JSON nested too deeply to read") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SchemaError(f"{path.name}: not valid UTF-8 JSON ({e})") from e


def read_resource(root: Path, d: dict[str, Any]) -> Resource:
    """Build a :class:`Resource` from its descriptor entry; raise :class:`SchemaError`."""
    name = d.get("name")
    if not isinstance(name, str) or not name:
        raise SchemaError("a resource has no name")
    path = d.get("path")
    reason = unsafe_path_reason(path)
    if reason:
        raise SchemaError(f"resource {name!r}: path {path!r}: {reason}")
    schema_ref = d.get("schema")
    if isinstance(schema_ref, dict):
        schema, schema_path = schema_ref, ""
    else:
        reason = unsafe_path_reason(schema_ref)
        if reason:
            raise SchemaError(f"resource {name!r}: schema {schema_ref!r}: {reason}")
        schema, schema_path = read_json(root / schema_ref), schema_ref
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        raise SchemaError(f"resource {name!r}: its schema has no list of fields")
    try:
        fields = tuple(Field.from_descriptor(f) for f in schema["fields"])
    except (KeyError, TypeError) as e:
        raise SchemaError(f"resource {name!r}: a field has no name ({e})") from e
    for f in fields:
        if f.type not in SUPPORTED_TYPES:
            raise SchemaError(
                f"resource {name!r}: field {f.name!r} has unsupported type {f.type!r}"
            )
    pk = schema.get("primaryKey") or []
    pk = (pk,) if isinstance(pk, str) else tuple(pk)
    fks = []
    for fk in schema.get("foreignKeys") or []:
        fields_ = fk["fields"]
        ref = fk["reference"]
        ref_fields = ref["fields"]
        fks.append(
            ForeignKey(
                fields=(fields_,) if isinstance(fields_, str) else tuple(fields_),
                resource=ref.get("resource") or name,
                reference=(ref_fields,) if isinstance(ref_fields, str) else tuple(ref_fields),
            )
        )
    return Resource(
        name=name,
        path=path,
        schema_path=schema_path,
        fields=fields,
        primary_key=pk,
        foreign_keys=tuple(fks),
        bytes=d.get("bytes"),
        hash=d.get("hash"),
    )
