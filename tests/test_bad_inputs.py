"""The bad-input corpus: every case fails with exactly its expected issues, through the library
and through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.interfaces.cli import cli

from .conftest import BAD_INPUTS, build_case

CASES = sorted(p for p in BAD_INPUTS.iterdir() if (p / "case.json").is_file())


def _spec(case: Path) -> dict:
    return json.loads((case / "case.json").read_text(encoding="utf-8"))


def _key(issue: dict) -> tuple:
    """What a case pins of each issue: the code, where (resource, row, physical line, field)."""
    return (
        issue["code"],
        issue["resource"] or "",
        issue["row"] or 0,
        issue["line"] or 0,
        issue["field"] or "",
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_expected_issue_names_its_line(case: Path) -> None:
    """``line`` is part of the key: each expected issue states it (null where it has none)."""
    assert all("line" in e for e in _spec(case)["expected"])


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


def test_base_package_is_valid(tiny: Path) -> None:
    report = lid.validate(tiny)
    assert report.issues == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_library(case: Path, tmp_path: Path) -> None:
    spec = _spec(case)
    report = lid.validate(build_case(tmp_path / "pkg", case))
    found = sorted(_key(i.to_dict()) for i in report.issues)
    expected = sorted(_key(e) for e in spec["expected"])
    assert found == expected, "\n".join(i.to_text() for i in report.issues)
    assert report.valid is (spec["exit_code"] == 0)
    for issue in report.issues:
        assert issue.message and issue.hint, issue


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli(case: Path, tmp_path: Path) -> None:
    spec = _spec(case)
    path = build_case(tmp_path / "pkg", case)
    result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
    assert result.exit_code == spec["exit_code"], result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    printed = json.loads(result.output)
    assert printed == lid.validate(path).to_dict()
    assert sorted(_key(i) for i in printed["issues"]) == sorted(_key(e) for e in spec["expected"])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_library_on_the_parallel_reading_path(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large files are read by another path; forced here, it must find exactly the same."""
    from libya_israel_data.validation import structure

    monkeypatch.setattr(structure, "SMALL", 0)
    spec = _spec(case)
    report = lid.validate(build_case(tmp_path / "pkg", case))
    found = sorted(_key(i.to_dict()) for i in report.issues)
    assert found == sorted(_key(e) for e in spec["expected"])
