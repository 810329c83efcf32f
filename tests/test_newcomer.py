"""What a newcomer and a contributor meet first: commands that act on the checkout they are run
in, an export format taken from the file name, nothing replaced without --force, and read-only
commands that refuse an invalid package with a way on."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.export import format_of


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def edited(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working copy whose data a contributor has just edited and refreshed, entered at a
    subfolder (as git finds its repository from anywhere inside it)."""
    people = tiny.parent / "data" / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("Najla Mangoush,", "Najla Zedit,"))
    monkeypatch.chdir(tiny.parent / "data")
    assert run("refresh").exit_code == 0
    return tiny


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["coverage"],
        ["search", "Zedit"],
        ["cite", "people", "najla-mangoush"],
        ["export", "--output", "{out}/lid.sqlite"],
        ["export", "--output", "{out}/lid.json"],
        ["site", "--output", "{out}/site"],
    ],
    ids=lambda c: " ".join(c[:3]).replace("{out}/", ""),
)
def test_every_command_acts_on_the_checkout_it_runs_in_and_says_so(
    edited: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(*(arg.format(out=out) for arg in command))
    assert result.exit_code == 0, result.output
    assert f"package: {edited}" in result.stderr
    if command[0] == "search":
        assert "people\tnajla-mangoush\tNajla Zedit" in result.stdout
    if command[0] == "cite":
        assert "Najla Zedit" in result.stdout
    if command[0] == "export" and command[2].endswith(".sqlite"):
        con = sqlite3.connect(out / "lid.sqlite")
        name = con.execute("SELECT name FROM people WHERE person_id = 'najla-mangoush'")
        assert name.fetchone() == ("Najla Zedit",)
    if command[0] == "export" and command[2].endswith(".json"):
        doc = json.loads((out / "lid.json").read_text(encoding="utf-8"))
        names = {p["person_id"]: p["name"] for p in doc["resources"]["people"]}
        assert names["najla-mangoush"] == "Najla Zedit"
    if command[0] == "site":
        page = (out / "site" / "people" / "najla-mangoush.html").read_text(encoding="utf-8")
        assert "Najla Zedit" in page


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        ("lid.sqlite", None, "sqlite"),
        ("lid.db", None, "sqlite"),
        ("LID.JSON", None, "json"),
        ("lid.gexf", None, "gexf"),
        ("lid.graphml", None, "graphml"),
        ("lid", None, "sqlite"),
        ("lid-parquet", "parquet", "parquet"),
        ("lid.sqlite", "sqlite", "sqlite"),
    ],
)
def test_the_format_follows_the_extension(output: str, fmt: str | None, expected: str) -> None:
    assert format_of(output, fmt) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--output", "lid.json", "--format", "sqlite"],
            "the extension .json names json, not sqlite",
        ),
        (["--output", "lid.csv"], "the csv export is a folder of .csv files"),
        (["--output", "lid.parquet"], "add --format parquet"),
    ],
)
def test_a_format_that_contradicts_the_name_is_refused(
    tmp_path: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_export_to_a_json_name_writes_json(tiny: Path, tmp_path: Path) -> None:
    result = run("export", "--package", str(tiny), "--output", str(tmp_path / "lid.json"))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "lid.json").read_text(encoding="utf-8"))["resources"]


def test_metadata_json_is_replaced_only_with_force_and_only_if_it_is_datasette_metadata(
    tiny: Path, tmp_path: Path
) -> None:
    meta = tmp_path / "metadata.json"
    meta.write_text('{"mine": true}\n', encoding="utf-8")
    args = ["export", "--package", str(tiny), "--output", str(tmp_path / "lid.sqlite")]
    result = run(*args, "--datasette-metadata")
    assert result.exit_code == 2 and "metadata.json exists; pass --force" in result.stderr
    assert not (tmp_path / "lid.sqlite").exists()
    result = run(*args, "--datasette-metadata", "--force")
    assert result.exit_code == 2 and "is not datasette metadata" in result.stderr
    assert meta.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert not (tmp_path / "lid.sqlite").exists()
    meta.unlink()
    assert run(*args, "--datasette-metadata").exit_code == 0
    assert run(*args, "--datasette-metadata", "--force").exit_code == 0  # its own: replaced
    assert "databases" in json.loads(meta.read_text(encoding="utf-8"))


def _on(command: list[str], package: Path, *extra: str) -> list[str]:
    """``command`` pointed at ``package``: coverage takes it as PATH, the others as --package."""
    where = [str(package)] if command[0] == "coverage" else ["--package", str(package)]
    return [*command, *where, *extra]


@pytest.mark.parametrize(
    "command",
    [["coverage"], ["search", "Cohen"], ["cite", "people", "eli-cohen"]],
    ids=lambda c: c[0],
)
def test_read_only_commands_refuse_an_invalid_package_unless_told_to_go_on(
    tiny: Path, command: list[str]
) -> None:
    (tiny.parent / "data" / "meetings.csv").unlink()
    result = run(*_on(command, tiny))
    assert result.exit_code == 2
    assert "the package is not valid" in result.stderr
    assert "file-missing" in result.stderr
    assert "hint: run `libya-israel-data validate` for the full report" in result.stderr
    assert "or pass --keep-going" in result.stderr
    assert result.stdout == ""
    result = run(*_on(command, tiny, "--keep-going"))
    assert result.exit_code == 0, result.output
    if command[0] == "coverage":
        assert "resources that could not be read (counted as empty; run validate): meetings" in (
            result.stdout
        )
