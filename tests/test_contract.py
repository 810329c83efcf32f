"""Reading Table Schemas and descriptors strictly: each unusable entry fails with its reason,
never a traceback from deeper down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from libya_israel_data import contract
from libya_israel_data.contract import SchemaError, read_json, read_resource, unsafe_path_reason
from libya_israel_data.contract.table_schema import MAX_JSON_BYTES


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("", "not a non-empty string"),
        (None, "not a non-empty string"),
        ("https://example.org/x.csv", "remote paths"),
        ("data\\x.csv", "use '/'"),
        ("/etc/passwd", "absolute paths"),
        ("C:/x.csv", "absolute paths"),
        ("data/../../x.csv", "'..'"),
    ],
)
def test_unsafe_paths_say_why(path: object, reason: str) -> None:
    assert reason in (unsafe_path_reason(path) or "")
    assert unsafe_path_reason("data/claims.csv") is None


def _schema(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.schema.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"fields": [}', "not valid UTF-8 JSON"),
        ('{"a": 1, "a": 2}', "the key 'a' appears twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_read_json_refuses_bad_json(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        read_json(_schema(tmp_path, text))


def test_read_json_refuses_folders_missing_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="file not found"):
        read_json(tmp_path / "none.json")
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(SchemaError, match="is a folder"):
        read_json(tmp_path / "dir.json")
    with pytest.raises(SchemaError, match="larger than"):
        read_json(_schema(tmp_path, " " * (MAX_JSON_BYTES + 1)))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"path": "data/x.csv", "schema": {"fields": []}}, "has no name"),
        ({"name": "x", "path": "../x.csv", "schema": {"fields": []}}, "path '../x.csv'"),
        ({"name": "x", "path": "data/x.csv", "schema": "/abs.json"}, "schema '/abs.json'"),
        ({"name": "x", "path": "data/x.csv", "schema": {"fields": {}}}, "no list of fields"),
        ({"name": "x", "path": "data/x.csv", "schema": {"fields": [{}]}}, "a field has no name"),
        (
            {
                "name": "x",
                "path": "data/x.csv",
                "schema": {"fields": [{"name": "a", "type": "date"}]},
            },
            "unsupported type 'date'",
        ),
    ],
)
def test_read_resource_refuses_unusable_entries(entry: dict, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        read_resource(Path("."), entry)


def test_read_resource_keys_and_self_references() -> None:
    schema = {
        "fields": [{"name": "id", "constraints": {"required": True}}, {"name": "parent"}],
        "primaryKey": "id",
        "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}],
    }
    r = read_resource(Path("."), {"name": "t", "path": "data/t.csv", "schema": schema})
    assert r.primary_key == ("id",)
    assert (r.foreign_keys[0].resource, r.foreign_keys[0].reference) == ("t", ("id",))


def test_differences_name_each_change() -> None:
    schema = json.loads(json.dumps(contract.reference_schema("people")))
    assert contract.differences("people", schema) == []
    schema["fields"][0]["description"] = "Reworded: descriptions may differ."
    assert contract.differences("people", schema) == []
    schema["fields"][1]["type"] = "integer"
    schema["fields"].reverse()
    found = contract.differences("people", schema)
    assert ("name", "type is 'integer', the contract's is 'string'") in found
    schema["fields"][-2]["type"] = "string"
    assert any("order" in what for _, what in contract.differences("people", schema))
    assert contract.differences("people", []) == [(None, "the schema is not a JSON object")]
    assert contract.differences("people", {"fields": [1]})[0][1].startswith("the schema has no")
    with pytest.raises(KeyError, match="not a resource of the data contract"):
        contract.resource("nonsense")
