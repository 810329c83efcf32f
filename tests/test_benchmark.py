"""The benchmark harness keeps working: one small run, end to end (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generator_is_deterministic_and_valid(tmp_path: Path) -> None:
    import libya_israel_data as lid

    for out in (tmp_path / "a", tmp_path / "b"):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate.py"),
                "--claims",
                "300",
                "--out",
                str(out),
                "--seed",
                "7",
            ],
            check=True,
            capture_output=True,
        )
    for name in ("claims", "citations", "sources", "people"):
        a = (tmp_path / "a" / "data" / f"{name}.csv").read_bytes()
        assert a == (tmp_path / "b" / "data" / f"{name}.csv").read_bytes()
    assert lid.validate(tmp_path / "a").issues == []


def test_benchmark_runs_at_a_thousand_claims(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--claims",
            "1000",
            "--repeat",
            "1",
            "--inject-claims",
            "1000",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = out.stdout
    assert "| 1,000 | libya-israel-data validate |" in report
    assert "frictionless validate" in report and "sqlite-utils insert_all" in report
    assert "frictionless errors that libya-israel-data misses: none" in report
    assert "injected errors that libya-israel-data misses: none" in report


def test_sqlite_only_measures_the_export_alone(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--sqlite-only",
            "--claims",
            "300",
            "--repeat",
            "2",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    rows = [line for line in out.stdout.splitlines() if line.startswith("| 300 |")]
    assert [row.split(" | ")[1] for row in rows] == ["1", "2"]
    assert "frictionless" not in out.stderr and not (tmp_path / "out-300").exists()
