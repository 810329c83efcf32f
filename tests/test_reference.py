"""frictionless is the reference: on every corpus case, our validator finds at least what
``frictionless validate`` finds (same resource and record), and the shipped package passes both."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import validate as frictionless_validate

import libya_israel_data as lid
from libya_israel_data.paths import shipped_descriptor

from .conftest import BAD_INPUTS, build_case

CASES = sorted(p for p in BAD_INPUTS.iterdir() if (p / "case.json").is_file())


def test_shipped_package_is_valid_for_both() -> None:
    report = lid.validate()
    assert report.issues == [], "\n".join(i.to_text() for i in report.issues)
    assert frictionless_validate(str(shipped_descriptor())).valid


def test_frictionless_cli_accepts_the_repository_descriptor() -> None:
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json", "--json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert json.loads(out.stdout)["valid"] is True


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_finds_everything_frictionless_finds(case: Path, tmp_path: Path) -> None:
    path = build_case(tmp_path / "pkg", case)
    theirs = frictionless_validate(str(path))
    ours = lid.validate(path)
    if theirs.valid:
        return
    assert not ours.valid
    found = {(i.resource, i.row) for i in ours.errors}
    # A header out of order: frictionless reads the columns by position, we read them by name.
    # Both flag the header; the cell errors frictionless derives from the shift are not ours.
    by_position = {i.resource for i in ours.errors if i.code.endswith("-label")}
    for task in theirs.tasks:
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            if row_number is None or task.name in by_position:
                continue  # file-level: covered by ours being invalid
            # frictionless numbers rows from the header (2 = first record); we number records.
            assert (task.name, row_number - 1) in found, (error.type, error.message)
