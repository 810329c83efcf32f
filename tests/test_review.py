"""Contributions reviewed where they are made: validation issues as GitHub Actions annotations
on the pull request's lines, and a diff as a Markdown review summary for the job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from libya_israel_data.interfaces.annotations import _escape_data, _escape_property
from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.diff import render_markdown

from .conftest import build_case

#: GitHub's workflow-command syntax: ``::command prop=value,prop=value::message`` on one line,
#: with the properties' ``:`` and ``,`` and every ``%``, CR and LF escaped.
COMMAND = re.compile(
    r"^::(?P<kind>error|warning|notice) (?P<props>[^:\r\n]*)::(?P<message>[^\r\n]*)$"
)


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert _escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert _escape_property("data/a:b,c%.csv") == "data/a%3Ab%2Cc%25.csv"


def test_a_broken_row_gets_an_annotation_on_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    descriptor = build_case(tmp_path / "repo" / "pkg")
    claims = descriptor.parent / "data" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("c-0002,", "C-0002,", 1)  # the second record, on line 3
    claims.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")  # the repository root, as in a workflow
    result = run("validate", "pkg", "--format", "github")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert all(COMMAND.match(line) for line in out), out
    errors = [COMMAND.match(line) for line in out if line.startswith("::error")]
    props = [dict(p.split("=", 1) for p in m["props"].split(",")) for m in errors]
    assert {"file": "pkg/data/claims.csv", "line": "3", "title": "constraint-error (claim_id)"} in (
        props
    )
    assert (
        out[-1]
        == "::notice title=libya-israel-data validate::invalid: " + (out[-1].split("invalid: ")[1])
    )
    assert "Hint: " in errors[0]["message"]


def test_a_valid_package_gives_only_the_summary(tiny: Path) -> None:
    result = run("validate", str(tiny), "--format", "github")
    assert result.exit_code == 0
    assert (
        result.stdout == "::notice title=libya-israel-data validate::valid: 0 errors, 0 warnings\n"
    )


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def test_diff_as_a_markdown_review_summary(tmp_path: Path) -> None:
    old = build_case(tmp_path / "old").parent
    new = build_case(tmp_path / "new").parent
    claims = new / "data" / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace("met in Rome the previous week.", "met in Rome | the week before."),
        encoding="utf-8",
    )
    result = run("diff", str(old), str(new), "--format", "markdown")
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("## Data changes\n\n| resource | added | removed | changed |\n")
    assert "| claims | 0 | 0 | 1 |" in md
    assert "### claims" in md
    assert "| changed | `claim_id=c-0001` | statement |" in md
    assert r"met in Rome \| the week ..." in md  # escaped, and cut at 80 characters
    tables = [line for line in md.splitlines() if line.startswith("|")]
    header_cells = {}
    for line in tables:
        if line.startswith("|---"):
            continue
        n = _cells(line)
        if line.startswith("| resource") or line.startswith("| | row"):
            header_cells = n
        assert n == header_cells, line


def test_markdown_cuts_long_lists_and_says_so() -> None:
    result = {
        "claims": {
            "added": [{"claim_id": f"c-{i}"} for i in range(60)],
            "removed": [],
            "changed": [],
        }
    }
    md = render_markdown(result, limit=50)
    assert md.count("\n| added | ") == 50 and "... and 10 more" in md
    assert "No differences." in render_markdown(
        {"claims": {"added": [], "removed": [], "changed": []}}
    )


def test_schema_changes_between_contract_versions() -> None:
    from libya_israel_data.outputs.diff import schema_changes

    old = {
        "claims": {
            "fields": [{"name": "claim_id"}, {"name": "gone"}, {"name": "kind", "type": "string"}],
            "primaryKey": ["claim_id"],
        },
        "retired": {"fields": [{"name": "x"}]},
    }
    new = {
        "claims": {
            "fields": [
                {"name": "claim_id"},
                {"name": "kind", "type": "integer", "description": "d"},
                {"name": "fresh"},
            ],
            "primaryKey": ["claim_id", "kind"],
        },
    }
    assert schema_changes(old, new) == [
        {"resource": "claims", "field": "gone", "change": "removed"},
        {
            "resource": "claims",
            "field": "kind",
            "change": "changed",
            "keys": ["description", "type"],
        },
        {"resource": "claims", "field": "fresh", "change": "added"},
        {"resource": "claims", "field": None, "change": "primaryKey changed"},
        {"resource": "retired", "field": "x", "change": "removed"},
    ]


def test_a_new_version_schema_changes_and_a_new_resource_are_rendered() -> None:
    from libya_israel_data.outputs.diff import render

    result = {
        "schema": [
            {"resource": "claims", "field": "kind", "change": "changed", "keys": ["type"]},
            {"resource": "claims", "field": None, "change": "primaryKey changed"},
        ],
        "organization_participants": {"resource": "added"},
        "claims": {"added": [], "removed": [], "changed": []},
        "version": ["0.2.0", "0.3.0"],
    }
    assert render(result).splitlines()[:4] == [
        "version: 0.2.0 -> 0.3.0",
        "schema: claims.kind: changed (type)",
        "schema: claims: primaryKey changed",
        "organization_participants: resource added",
    ]
    md = render_markdown(result)
    assert "Version: `0.2.0` → `0.3.0`" in md
    assert "| organization_participants | resource added | | |" in md
    assert (
        "### Schema changes\n\n- `claims.kind`: changed (type)\n- `claims`: primaryKey changed"
    ) in md
