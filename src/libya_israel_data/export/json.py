"""JSON export: one document, package metadata plus every resource as an array of records.

Keys in schema order, UTF-8 unescaped, empty cells as null, never NaN. The records are written
by polars' Rust JSON writer, several times faster than the standard library on large packages.
JSON Schemas of the records, generated from the pydantic models, ship in ``schemas/json/``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from ..models import model_for
from ..schema import Resource
from .atomic import atomic_file
from .source import ExportSource, package_metadata

#: Records serialised at a time.
CHUNK = 50_000


def export_json(source: ExportSource, output: Path, *, force: bool = False) -> Path:
    head = json.dumps(package_metadata(source.descriptor), ensure_ascii=False, indent=2)
    with atomic_file(output, force) as tmp, tmp.open("wb") as f:
        f.write(head.removesuffix("\n}").encode("utf-8"))
        f.write(b',\n  "resources": {')
        for i, (name, df) in enumerate(source.tables.items()):
            f.write(b"," if i else b"")
            f.write(f"\n    {json.dumps(name)}: [".encode())
            # One record per line: NDJSON lines hold no raw line break, so turning every line
            # break into a separator is safe. Slices keep the buffers small.
            for offset in range(0, df.height, CHUNK):
                buf = io.BytesIO()
                df.slice(offset, CHUNK).write_ndjson(buf)
                f.write(b",\n      " if offset else b"\n      ")
                f.write(buf.getvalue().rstrip(b"\n").replace(b"\n", b",\n      "))
            if df.height:
                f.write(b"\n    ")
            f.write(b"]")
        f.write(b"\n  }\n}\n")
    return output


def json_schema(resource: Resource) -> dict[str, Any]:
    """The JSON Schema of one resource's records, from its pydantic model."""
    schema = model_for(resource).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{resource.name}.schema.json"
    return schema


def write_json_schemas(resources: list[Resource], folder: Path) -> list[Path]:
    """Write ``<resource>.schema.json`` for every resource into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for resource in resources:
        path = folder / f"{resource.name}.schema.json"
        path.write_text(
            json.dumps(json_schema(resource), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        paths.append(path)
    return paths
