"""Generated docs cannot drift: each is compared with what the generator makes now."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from libya_israel_data import generated, issues
from libya_israel_data.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_generated_files_are_current() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "libya_israel_data", "generate", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout


def test_error_reference_goes_stale_when_the_catalogue_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on_disk = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert generated.error_reference(ROOT) == on_disk
    new = issues.IssueType("made-up-code", "Made up", "text", "Never raised.", "none")
    monkeypatch.setitem(issues.CATALOGUE, new.code, new)
    assert generated.error_reference(ROOT) != on_disk


def test_data_dictionary_goes_stale_when_a_schema_changes(tmp_path: Path) -> None:
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    on_disk = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert generated.data_dictionary(tmp_path) == on_disk
    schema_path = tmp_path / "schemas" / "claims.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"][5]["description"] = "Changed."
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    assert generated.data_dictionary(tmp_path) != on_disk


def test_every_code_and_every_command_is_documented() -> None:
    errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in issues.CATALOGUE:
        assert f"### `{code}`" in errors
        section = errors.split(f"### `{code}`")[1].split("### ")[0]
        assert "Example" in section and "Fix:" in section, code
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        if not command.hidden:
            assert f"## `libya-israel-data {name}`" in reference
            assert command.help, name
    dictionary = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for schema in (ROOT / "schemas").glob("*.schema.json"):
        for field in json.loads(schema.read_text(encoding="utf-8"))["fields"]:
            assert field.get("description"), (schema.name, field["name"])
            assert f"`{field['name']}`" in dictionary
