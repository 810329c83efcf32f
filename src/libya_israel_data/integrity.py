"""File integrity: the sha256 and size of each resource, kept current in the descriptor."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .contract import unsafe_path_reason
from .paths import file_problem, resolve_descriptor
from .progress import Progress


def file_hash(path: Path) -> str:
    """``sha256:<hex>`` of a file, the form the descriptor's ``hash`` uses."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return f"sha256:{h.hexdigest()}"


def write_json_atomic(path: Path, data: object) -> None:
    """Write JSON (UTF-8, two-space indent, LF, final newline) through a temporary file."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # as a plain new file would be, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        write_json_atomic(descriptor_path, descriptor)
    return changed
