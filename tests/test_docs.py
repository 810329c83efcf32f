"""Generated docs cannot drift: each is compared with what the generator makes now."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from libya_israel_data.foundations import catalogue
from libya_israel_data.foundations.codes import Code
from libya_israel_data.interfaces.cli import cli
from libya_israel_data.validation import rules

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import generate as generated  # noqa: E402 - the contributor tool, which is not installed


def test_generated_files_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert generated.main(["--check"]) == 0, capsys.readouterr().out


def test_error_reference_goes_stale_when_the_catalogue_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on_disk = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert generated.error_reference(ROOT) == on_disk
    code = Code.CITATION_MISSING
    changed = dataclasses.replace(catalogue.CATALOGUE[code], title="Made up")
    monkeypatch.setitem(catalogue.CATALOGUE, code, changed)
    assert "### `citation-missing`: Made up" in generated.error_reference(ROOT)


def test_the_error_reference_names_the_rules_that_report_each_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = generated.error_reference(ROOT)
    section = text.split("### `citation-missing`")[1].split("###")[0]
    assert "Reported by: *rule 1: every claim is cited*." in section
    section = text.split("### `rule-not-run`")[1].split("###")[0]
    assert "Reported by the rule registry: " in section
    first, *rest = rules.REGISTRY
    monkeypatch.setattr(rules, "REGISTRY", [dataclasses.replace(first, name="renamed"), *rest])
    assert "Reported by: *renamed*" in generated.error_reference(ROOT)


def test_generated_files_go_stale_when_the_contract_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from libya_israel_data import contract

    on_disk = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert generated.data_dictionary(ROOT) == on_disk
    schema = json.loads(json.dumps(contract.reference_schema("claims")))
    schema["fields"][5]["description"] = "Changed."
    original = contract.reference_schema
    monkeypatch.setattr(
        contract, "reference_schema", lambda name: schema if name == "claims" else original(name)
    )
    contract.resource.cache_clear()
    try:
        assert generated.data_dictionary(ROOT) != on_disk
        package_copy = ROOT / "schemas" / "claims.schema.json"
        assert generated.all_files()[package_copy] != package_copy.read_text(encoding="utf-8")
    finally:
        contract.resource.cache_clear()


def test_every_code_and_every_command_is_documented() -> None:
    errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in catalogue.CATALOGUE:
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
