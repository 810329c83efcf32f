"""Compare two versions of the package: rows added, removed and changed, by primary key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from ..dataset.package import open_package
from ..foundations.progress import Progress


def _open(path: str | Path, progress: Progress | None = None):
    """Both sides must be valid packages: a diff of a package that lost rows to an unclosed
    quote would report them as removed. Raises InvalidPackageError with the report."""
    return open_package(path, validate=True, progress=progress)


def _frames(package) -> dict[str, tuple[list[str], list[str], pl.DataFrame]]:
    return {
        n: (r.field_names, list(r.primary_key), package.tables[n])
        for n, r in package.resources.items()
    }


def _schemas(package) -> dict[str, dict[str, Any]]:
    """Each resource's Table Schema as the package declares it (descriptions included)."""
    from ..contract import read_json

    out = {}
    for entry in package.descriptor.get("resources", []):
        schema = entry.get("schema")
        out[entry["name"]] = (
            schema if isinstance(schema, dict) else read_json(package.root / schema)
        )
    return out


def schema_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Fields added, removed or changed (any property: type, constraints, description) per
    resource, and changes of the primary or foreign keys."""
    changes = []
    for name in sorted({*old, *new}):
        a, b = old.get(name) or {}, new.get(name) or {}
        fa = {f.get("name"): f for f in a.get("fields", [])}
        fb = {f.get("name"): f for f in b.get("fields", [])}
        for field in [*fa, *[f for f in fb if f not in fa]]:
            if field not in fb:
                changes.append({"resource": name, "field": field, "change": "removed"})
            elif field not in fa:
                changes.append({"resource": name, "field": field, "change": "added"})
            elif fa[field] != fb[field]:
                keys = sorted(
                    k for k in {*fa[field], *fb[field]} if fa[field].get(k) != fb[field].get(k)
                )
                changes.append(
                    {"resource": name, "field": field, "change": "changed", "keys": keys}
                )
        for key in ("primaryKey", "foreignKeys"):
            if a.get(key) != b.get(key):
                changes.append({"resource": name, "field": None, "change": f"{key} changed"})
    return changes


def diff(old: str | Path, new: str | Path, *, progress: Progress | None = None) -> dict[str, Any]:
    """Per resource: ``added`` and ``removed`` keys, and ``changed`` rows with the fields that
    differ (``{"key": {...}, "fields": {name: [old, new]}}``). Keys are dicts of the primary key.
    ``schema`` lists changes of the Table Schemas and ``version`` the two versions when they
    differ. Both packages are validated first (:class:`InvalidPackageError` otherwise).
    """
    old_package, new_package = _open(old, progress), _open(new, progress)
    before, after = _frames(old_package), _frames(new_package)
    result: dict[str, Any] = {}
    schemas = schema_changes(_schemas(old_package), _schemas(new_package))
    if schemas:
        result["schema"] = schemas
    versions = [old_package.descriptor.get("version"), new_package.descriptor.get("version")]
    for name in [*before, *[n for n in after if n not in before]]:
        if name not in before or name not in after:
            result[name] = {"resource": "added" if name in after else "removed"}
            continue
        fields, pk, a = before[name]
        _fields_new, _pk_new, b = after[name]
        common = [f for f in fields if f in a.columns and f in b.columns and f not in pk]
        keyed_a = a.select(pk + common)
        keyed_b = b.select(pk + common)
        added = keyed_b.join(keyed_a, on=pk, how="anti").select(pk).sort(pk)
        removed = keyed_a.join(keyed_b, on=pk, how="anti").select(pk).sort(pk)
        both = keyed_a.join(keyed_b, on=pk, how="inner", suffix="__new")
        changed = []
        if common:
            differs = pl.any_horizontal([pl.col(f).ne_missing(pl.col(f"{f}__new")) for f in common])
            for row in both.filter(differs).sort(pk).iter_rows(named=True):
                changed.append(
                    {
                        "key": {k: row[k] for k in pk},
                        "fields": {
                            f: [row[f], row[f"{f}__new"]]
                            for f in common
                            if row[f] != row[f"{f}__new"]
                        },
                    }
                )
        result[name] = {
            "added": added.to_dicts(),
            "removed": removed.to_dicts(),
            "changed": changed,
        }
    if versions[0] != versions[1]:
        result["version"] = versions
    return result


def differs(result: dict[str, Any]) -> bool:
    """Whether a diff found any difference (rows, schemas or version)."""
    for name, d in result.items():
        if name in ("schema", "version") or "resource" in d:
            return True
        if d["added"] or d["removed"] or d["changed"]:
            return True
    return False


def _key(key: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in key.items())


def render(result: dict[str, Any]) -> str:
    """The diff as text: one line per added, removed or changed row."""
    lines = []
    if "version" in result:
        lines.append(f"version: {result['version'][0]} -> {result['version'][1]}")
    for c in result.get("schema", []):
        where = f"{c['resource']}.{c['field']}" if c["field"] else c["resource"]
        keys = f" ({', '.join(c['keys'])})" if c.get("keys") else ""
        lines.append(f"schema: {where}: {c['change']}{keys}")
    for name, d in result.items():
        if name in ("schema", "version"):
            continue
        if "resource" in d:
            lines.append(f"{name}: resource {d['resource']}")
            continue
        counts = f"+{len(d['added'])} -{len(d['removed'])} ~{len(d['changed'])}"
        lines.append(f"{name}: {counts}")
        lines += [f"  + {_key(k)}" for k in d["added"]]
        lines += [f"  - {_key(k)}" for k in d["removed"]]
        for c in d["changed"]:
            for field, (old, new) in c["fields"].items():
                lines.append(f"  ~ {_key(c['key'])}: {field}: {old!r} -> {new!r}")
    return "\n".join(lines)


def _cell(value: object) -> str:
    """A value in a Markdown table cell: pipes and line breaks escaped, long text cut."""
    text = "∅" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


def render_markdown(result: dict[str, Any], *, limit: int = 50) -> str:
    """The diff as a review summary in GitHub-flavoured Markdown: a table of rows added,
    removed and changed per resource, then the changed fields of each resource (at most
    ``limit`` rows each, the rest counted), for a pull request's job summary."""
    lines = ["## Data changes", ""]
    if "version" in result:
        lines += [f"Version: `{result['version'][0]}` → `{result['version'][1]}`", ""]
    lines += ["| resource | added | removed | changed |", "|---|---:|---:|---:|"]
    tables = {n: d for n, d in result.items() if n not in ("schema", "version")}
    for name, d in tables.items():
        if "resource" in d:
            lines.append(f"| {name} | resource {d['resource']} | | |")
        else:
            lines.append(
                f"| {name} | {len(d['added'])} | {len(d['removed'])} | {len(d['changed'])} |"
            )
    if result.get("schema"):
        lines += ["", "### Schema changes", ""]
        for c in result["schema"]:
            where = f"{c['resource']}.{c['field']}" if c["field"] else c["resource"]
            keys = f" ({', '.join(c['keys'])})" if c.get("keys") else ""
            lines.append(f"- `{where}`: {c['change']}{keys}")
    for name, d in tables.items():
        if "resource" in d or not (d["added"] or d["removed"] or d["changed"]):
            continue
        lines += ["", f"### {name}", ""]
        rows = [("added", _key(k), "", "", "") for k in d["added"]]
        rows += [("removed", _key(k), "", "", "") for k in d["removed"]]
        rows += [
            ("changed", _key(c["key"]), field, old, new)
            for c in d["changed"]
            for field, (old, new) in c["fields"].items()
        ]
        lines += ["| | row | field | before | after |", "|---|---|---|---|---|"]
        for what, key, field, old, new in rows[:limit]:
            before, after = (_cell(old), _cell(new)) if what == "changed" else ("", "")
            lines.append(f"| {what} | `{_cell(key)}` | {field} | {before} | {after} |")
        if len(rows) > limit:
            lines.append(f"\n... and {len(rows) - limit} more")
    if not differs(result):
        lines += ["", "No differences."]
    return "\n".join(lines) + "\n"
