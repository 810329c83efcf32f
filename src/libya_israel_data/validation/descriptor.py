"""Layer 0, descriptor: datapackage.json itself, its resources, paths and schemas; sizes and
hashes are checked against the bytes the structure layer reads (:func:`check_integrity`).

A resource of the data contract is checked against the contract, whatever its schema file says:
the schema file is compared with the contract, and every difference is a ``schema-mismatch``.
Nothing is read through a path that is absolute, remote or leaves the package folder.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from .. import contract
from ..contract import (
    RESOURCES,
    Package,
    Resource,
    SchemaError,
    read_json,
    read_resource,
    unsafe_path_reason,
)
from ..foundations.issues import Code, Issue, make_issue
from ..foundations.paths import MAX_FILE_BYTES, file_problem
from .structure import Table

DESCRIPTOR_FILE = "datapackage.json"
OUTSIDE = "it resolves outside the package folder"


def _emit(code: Code, message: str, resource: str | None = None, field: str | None = None) -> Issue:
    return make_issue(code, message, resource=resource, file=DESCRIPTOR_FILE, field=field)


def check_resource_entry(root: Path, entry: object) -> tuple[Resource | None, list[Issue]]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None, [_emit(Code.RESOURCE_ERROR, "a resource entry is not an object with a name")]
    name = entry["name"]
    for key in ("path", "schema"):
        value = entry.get(key)
        if key == "schema" and isinstance(value, dict):
            continue
        reason = unsafe_path_reason(value)
        if reason is None and file_problem(root, value) == OUTSIDE:
            reason = OUTSIDE
        if reason:
            return None, [
                _emit(
                    Code.UNSAFE_PATH,
                    f"resource {name!r}: {key} {value!r}: {reason}",
                    resource=name,
                    field=key,
                )
            ]
    encoding = entry.get("encoding", "utf-8")
    issues = []
    if str(encoding).lower().replace("_", "-") not in ("utf-8", "utf8"):
        issues.append(
            _emit(
                Code.ENCODING_DECLARED,
                f"resource {name!r} declares encoding {encoding!r}",
                resource=name,
                field="encoding",
            )
        )
    try:
        resource = read_resource(root, entry)
        if name in RESOURCES:
            schema = entry["schema"]
            schema = schema if isinstance(schema, dict) else read_json(root / schema)
            for field, what in contract.differences(name, schema):
                issues.append(
                    _emit(
                        Code.SCHEMA_MISMATCH,
                        f"resource {name!r}: {what}",
                        resource=name,
                        field=field,
                    )
                )
            reference = contract.resource(name)
            resource = replace(
                reference,
                path=resource.path,
                schema_path=resource.schema_path,
                bytes=resource.bytes,
                hash=resource.hash,
            )
    except SchemaError as e:
        return None, [*issues, _emit(Code.SCHEMA_ERROR, str(e), resource=name, field="schema")]
    except (KeyError, TypeError) as e:
        return None, [
            *issues,
            _emit(
                Code.SCHEMA_ERROR,
                f"resource {name!r}: malformed schema ({e})",
                resource=name,
                field="schema",
            ),
        ]
    problem = file_problem(root, resource.path)
    if problem:
        return None, [
            *issues,
            _emit(
                Code.FILE_MISSING,
                f"resource {name!r}: {resource.path}: {problem}",
                resource=name,
                field="path",
            ),
        ]
    size = (root / resource.path).stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            *issues,
            _emit(
                Code.FILE_TOO_LARGE,
                f"resource {name!r}: {resource.path} has {size:,} bytes, more than the "
                f"{MAX_FILE_BYTES:,} this validator reads",
                resource=name,
                field="path",
            ),
        ]
    return resource, issues


#: Semantic Versioning 2.0.0, as the Data Package Version recipe asks.
SEMVER = re.compile(
    r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
    r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?"
)


def check_metadata(descriptor: dict) -> list[Issue]:
    """The descriptor's own metadata: a semantic ``version`` and a real ``created`` timestamp
    (rule 6 compares publication dates with it, so without one it could not run)."""
    issues = []
    version = descriptor.get("version")
    if not isinstance(version, str) or not SEMVER.fullmatch(version):
        issues.append(
            _emit(
                Code.METADATA_ERROR,
                f"version {version!r} is not a semantic version such as 1.2.0",
                field="version",
            )
        )
    created = descriptor.get("created")
    try:
        datetime.fromisoformat(str(created).replace("Z", "+00:00"))
        ok = isinstance(created, str) and len(created) >= 10
    except ValueError:
        ok = False
    if not ok:
        issues.append(
            _emit(
                Code.METADATA_ERROR,
                f"created {created!r} is not an ISO 8601 date and time such as "
                "2026-12-02T00:00:00Z",
                field="created",
            )
        )
    return issues


def created_date(descriptor: dict) -> date | None:
    """The descriptor's ``created`` date (rule 6 compares publication dates with it)."""
    value = descriptor.get("created")
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def check_integrity(table: Table) -> list[Issue]:
    """The descriptor's ``bytes`` and ``hash`` of a resource against the bytes that were read."""
    resource, issues = table.resource, []
    name = resource.name
    if resource.bytes is not None and resource.bytes != table.size:
        issues.append(
            _emit(
                Code.BYTE_COUNT,
                f"resource {name!r}: {resource.path} has {table.size} bytes, "
                f"the descriptor says {resource.bytes}",
                resource=name,
                field="bytes",
            )
        )
    if resource.hash is not None and resource.hash != table.hash:
        issues.append(
            _emit(
                Code.HASH_COUNT,
                f"resource {name!r}: {resource.path} hashes to "
                f"{table.hash}, the descriptor says {resource.hash}",
                resource=name,
                field="hash",
            )
        )
    return issues


def check(descriptor_path: Path) -> tuple[Package | None, list[Issue]]:
    """Read and check a descriptor; return the usable part of the package and the issues."""
    try:
        descriptor = read_json(descriptor_path)
    except SchemaError as e:
        return None, [_emit(Code.PACKAGE_ERROR, str(e).removeprefix(f"{descriptor_path.name}: "))]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [_emit(Code.PACKAGE_ERROR, "the descriptor has no list of resources")]
    root = descriptor_path.parent
    issues: list[Issue] = []
    resources: list[Resource] = []
    names: set[str] = set()
    for entry in descriptor["resources"]:
        resource, found = check_resource_entry(root, entry)
        issues += found
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and name in names:
            issues.append(
                _emit(Code.RESOURCE_ERROR, f"two resources are named {name!r}", resource=name)
            )
            continue
        if isinstance(name, str):
            names.add(name)
        if resource is not None:
            resources.append(resource)
    for name in RESOURCES:
        if name not in names:
            issues.append(
                _emit(
                    Code.RESOURCE_MISSING,
                    f"the contract's resource {name!r} is not in the descriptor",
                    resource=name,
                )
            )
    return Package(root, descriptor_path, descriptor, tuple(resources)), issues
