"""Files generated from the schemas, the issue catalogue and the CLI, so that they cannot drift.

``libya-israel-data generate`` rewrites them; the tests fail when one is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .paths import shipped_descriptor
from .schema import load_package


def json_schemas(root: Path) -> dict[Path, str]:
    """``schemas/json/<resource>.schema.json``: JSON Schemas of the records (from the models)."""
    from .export.json import json_schema

    package = load_package(root / "datapackage.json")
    return {
        root / "schemas" / "json" / f"{r.name}.schema.json": json.dumps(
            json_schema(r), ensure_ascii=False, indent=2
        )
        + "\n"
        for r in package.resources
    }


def all_files(root: Path | None = None) -> dict[Path, str]:
    """Every generated file of the checkout at ``root`` and its expected content."""
    root = root or shipped_descriptor().parent
    return {**json_schemas(root)}


def write_all(root: Path | None = None) -> list[Path]:
    """Write every generated file whose content changed; return those paths."""
    changed = []
    for path, text in all_files(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed
