"""File integrity: the sha256 and size of each resource, kept current in the descriptor."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path

from ..contract import unsafe_path_reason
from ..foundations.paths import file_problem, resolve_descriptor
from ..foundations.progress import Progress


def file_hash(path: Path) -> str:
    """``sha256:<hex>`` of a file, the form the descriptor's ``hash`` uses."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return f"sha256:{h.hexdigest()}"


def write_json_atomic(path: Path, data: object) -> None:
    """Write JSON (UTF-8, two-space indent, LF, final newline) through a temporary file, flushed
    to the disk before it replaces ``path``. The temporary file is created with the permissions
    of a plain new file (the system call applies the umask: it is never read or changed, which
    other threads would see)."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
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
