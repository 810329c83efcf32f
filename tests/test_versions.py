"""One version everywhere, citations that name it, and diffs between versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.interfaces.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def test_descriptor_version_is_the_distribution_version() -> None:
    from importlib.metadata import version

    assert DESCRIPTOR["version"] == lid.__version__ == version("libya-israel-data")


def test_citation_cff_matches_the_descriptor() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "dataset"
    assert cff["version"] == DESCRIPTOR["version"]
    assert str(cff["date-released"]) == DESCRIPTOR["created"][:10]
    assert cff["license"] == DESCRIPTOR["licenses"][0]["name"]
    assert cff["title"] == DESCRIPTOR["title"]


def test_the_home_address_is_configured_once() -> None:
    """The descriptor's ``homepage`` is the one place that names where the package lives; the
    citation file, the wheel's metadata and ``cite`` take it from there (none names a registry
    page the package is not on)."""
    import tomllib

    home = DESCRIPTOR.get("homepage")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff.get("url") == home
    assert project.get("urls", {}).get("Homepage") == home
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "src").rglob("*.html")]:
        assert "pypi.org" not in path.read_text(encoding="utf-8"), path
    text = CliRunner().invoke(cli, ["cite"]).stdout
    assert (home in text) if home else ("http" not in text)


def test_cite_escapes_bibtex_and_survives_a_bare_descriptor(tmp_path: Path) -> None:
    from libya_israel_data.outputs.cite import bibtex_escape

    assert bibtex_escape("AT&T {50%} #1 a_b ~^\\") == (
        r"AT\&T \{50\%\} \#1 a\_b \textasciitilde{}\textasciicircum{}\textbackslash{}"
    )
    package = _copy(tmp_path, "bare")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("version", "created", "licenses", "title"):
        descriptor.pop(key)
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    text = lid_cite(package, "text")
    assert "(version unversioned, n.d.)" in text and "Licence" not in text
    assert lid_cite(package, "bibtex").startswith("@misc{libya_israel_data_unversioned,")


def lid_cite(package: Path, style: str) -> str:
    from libya_israel_data.outputs.cite import citation

    return citation(package, style=style)


def test_changelog_has_the_current_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {DESCRIPTOR['version']} " in changelog


def test_cite_names_the_version() -> None:
    version = DESCRIPTOR["version"]
    text = CliRunner().invoke(cli, ["cite"]).stdout
    assert f"version {version}" in text and "CC-BY-4.0" in text
    bib = CliRunner().invoke(cli, ["cite", "--format", "bibtex"]).stdout
    assert bib.startswith("@misc{") and f"version = {{{version}}}" in bib
    row = CliRunner().invoke(cli, ["cite", "claims", "c-1001"])
    assert row.exit_code == 0 and f"version {version}" in row.output and "c-1001" in row.output
    assert "Cohen" in row.output
    bad = CliRunner().invoke(cli, ["cite", "claims", "no-such-claim"])
    assert bad.exit_code == 2 and "no claims row" in bad.output


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    target.mkdir()
    shutil.copy(ROOT / "datapackage.json", target)
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(ROOT / "data", target / "data")
    return target


def test_diff_reports_a_removed_claim_and_a_changed_meeting_date(tmp_path: Path) -> None:
    old, new = _copy(tmp_path, "old"), _copy(tmp_path, "new")
    claims = new / "data" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").split("\n")
    claims.write_text(
        "\n".join(ln for ln in lines if not ln.startswith("c-0084,")), encoding="utf-8"
    )
    cites = new / "data" / "citations.csv"
    kept = [
        ln for ln in cites.read_text(encoding="utf-8").split("\n") if not ln.startswith("c-0084,")
    ]
    cites.write_text("\n".join(kept), encoding="utf-8")
    meetings = new / "data" / "meetings.csv"
    text = meetings.read_text(encoding="utf-8")
    assert ",2023-08-22/2023-08-23," in text
    meetings.write_text(text.replace(",2023-08-22/2023-08-23,", ",2023-08-22,"), encoding="utf-8")
    lid.refresh(new)
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1, result.output  # they differ
    d = json.loads(result.output)
    assert d["claims"]["removed"] == [{"claim_id": "c-0084"}]
    assert d["claims"]["added"] == [] and d["claims"]["changed"] == []
    assert d["meetings"]["changed"] == [
        {
            "key": {"meeting_id": "rome-2023-08-cohen-mangoush"},
            "fields": {"date": ["2023-08-22/2023-08-23", "2023-08-22"]},
        }
    ]
    assert all(
        not v["added"] and not v["removed"] and not v["changed"]
        for k, v in d.items()
        if k not in ("claims", "citations", "meetings", "schema", "version")
    )
    assert d["citations"]["removed"] == [
        {"claim_id": "c-0084", "source_id": "maghrebi-2024-04-02-pm-home-hit"}
    ]
    text = CliRunner().invoke(cli, ["diff", str(old), str(new)]).output
    assert "claims: +0 -1 ~0" in text and "  - claim_id=c-0084" in text
    assert (
        "  ~ meeting_id=rome-2023-08-cohen-mangoush: date: '2023-08-22/2023-08-23' -> '2023-08-22'"
    ) in text


def test_workflow_runs_the_same_commands_as_ci() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "validate.yml").read_text())
    assert "pull_request" in workflow[True] or "pull_request" in workflow.get("on", {})
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    script = "\n".join(steps)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "tests/readme_commands.py test" in ci  # CI runs the README's test command
    assert 'pip install -e ".[dev]"' in script
    assert "python -m playwright install --with-deps chromium" in script  # hosted runners
    assert "libya-israel-data validate --format github" in script
    assert "libya-israel-data diff ../base . --format markdown" in script
    assert "GITHUB_STEP_SUMMARY" in script
    assert "frictionless validate datapackage.json" in script
    assert "python -m pytest" in script


def test_pre_commit_config_is_valid_yaml() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {
        "ruff",
        "ruff-format",
        "end-of-file-fixer",
        "mixed-line-ending",
        "libya-israel-data-validate",
    } <= ids


def test_cite_a_person_and_the_rows_that_cannot_be_cited() -> None:
    from libya_israel_data.outputs.cite import citation

    def cite(resource: str | None, row: str | None, style: str = "text") -> str:
        return citation(ROOT, resource, row, style=style, validate=False)

    text = cite("people", "abdel-rahman-shalgam")
    assert text.startswith("libya-israel-data contributors (")
    assert '"Abdel Rahman Shalgam." In Libya' in text
    assert text.endswith(", people abdel-rahman-shalgam.")
    bib = cite("people", "abdel-rahman-shalgam", "bibtex")
    assert bib.startswith(f"@misc{{libya_israel_data_{DESCRIPTOR['version'].replace('.', '_')}_")
    assert "abdel_rahman_shalgam,\n" in bib and "  title = {{Abdel Rahman Shalgam}},\n" in bib
    with pytest.raises(KeyError, match="no resource 'nope'; choose one of sources, people"):
        cite("nope", "x")
    with pytest.raises(KeyError, match=r"composite key \(meeting_id, person_id\)"):
        cite("participants", "x")
    with pytest.raises(ValueError, match="give the row's id after the resource"):
        cite("people", None)
