"""The bad-input corpus (``tests/bad_inputs``): how a case becomes a package on disk.

A plain module (standard library only), so that ``tools/generate.py`` can run the corpus to
illustrate docs/errors.md without loading pytest or the test configuration.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
BASE = BAD_INPUTS / "_base"


def build_case(target: Path, case: Path | None = None) -> Path:
    """Lay out the tiny valid package in ``target``, then apply ``case`` (a bad_inputs folder):
    its ``data/`` and ``schemas/`` files replace the base ones, ``case.json`` may override
    descriptor keys per resource (``null`` deletes a key), remove files, or replace the
    descriptor's text."""
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(BASE / "data", target / "data")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("bytes", None)
        resource.pop("hash", None)
    spec = {}
    if case is not None:
        spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
        for folder in ("data", "schemas"):
            if (case / folder).is_dir():
                for f in (case / folder).iterdir():
                    shutil.copyfile(f, target / folder / f.name)
        for name, overrides in spec.get("descriptor", {}).items():
            entries = (
                [descriptor]
                if name == "*"
                else [r for r in descriptor["resources"] if r["name"] == name]
            )
            for entry in entries:
                for key, value in overrides.items():
                    if value is None:
                        entry.pop(key, None)
                    else:
                        entry[key] = value
        if "duplicate_resource" in spec:
            descriptor["resources"] += [
                dict(r) for r in descriptor["resources"] if r["name"] == spec["duplicate_resource"]
            ]
        if "drop_resource" in spec:
            descriptor["resources"] = [
                r for r in descriptor["resources"] if r["name"] != spec["drop_resource"]
            ]
        for rel in spec.get("remove", []):
            (target / rel).unlink()
    path = target / "datapackage.json"
    if "raw_descriptor" in spec:
        path.write_text(spec["raw_descriptor"], encoding="utf-8")
    else:
        path.write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return path
