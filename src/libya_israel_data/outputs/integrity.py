"""File integrity: the sha256 and size of each resource, kept current in the descriptor."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..contract import unsafe_path_reason
from ..foundations.atomic import atomic_text, json_text
from ..foundations.paths import file_problem, resolve_descriptor
from ..foundations.progress import Progress


def file_hash(path: Path) -> str:
    """``sha256:<hex>`` of a file, the form the descriptor's ``hash`` uses."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return f"sha256:{h.hexdigest()}"


def refresh(path: str | Path | None = None, *, progress: Progress | None = None) -> list[str]:
    """Recompute ``bytes`` and ``hash`` of every resource; return the names that changed.

    The descriptor is rewritten only when something changed, atomically. ``progress`` is told
    of each file hashed.
    """
    descriptor_path = resolve_descriptor(path)
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changed = []
    for entry in descriptor.get("resources", []):
        rel = entry.get("path")
        reason = unsafe_path_reason(rel)
        if reason:
            raise ValueError(f"resource {entry.get('name')!r}: path {rel!r}: {reason}")
        problem = file_problem(descriptor_path.parent, rel)
        if problem:
            raise ValueError(f"resource {entry.get('name')!r}: {rel}: {problem}")
        file = descriptor_path.parent / rel
        if progress is not None:
            progress.step(f"hashing {rel}")
        size, digest = file.stat().st_size, file_hash(file)
        if entry.get("bytes") != size or entry.get("hash") != digest:
            entry["bytes"], entry["hash"] = size, digest
            changed.append(entry["name"])
    if changed:
        atomic_text(descriptor_path, json_text(descriptor), force=True)
    return changed
