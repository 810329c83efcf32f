"""Compare two versions of the package: rows added, removed and changed, by primary key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from .package import open_package


def _frames(path: str | Path) -> dict[str, tuple[list[str], list[str], pl.DataFrame]]:
    package = open_package(path, validate=False)
    return {
        n: (r.field_names, list(r.primary_key), package.tables[n])
        for n, r in package.resources.items()
    }


def diff(old: str | Path, new: str | Path) -> dict[str, Any]:
    """Per resource: ``added`` and ``removed`` keys, and ``changed`` rows with the fields that
    differ (``{"key": {...}, "fields": {name: [old, new]}}``). Keys are dicts of the primary key.
    """
    before, after = _frames(old), _frames(new)
    result: dict[str, Any] = {}
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
    return result


def _key(key: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in key.items())


def render(result: dict[str, Any]) -> str:
    """The diff as text: one line per added, removed or changed row."""
    lines = []
    for name, d in result.items():
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
