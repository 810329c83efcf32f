"""The structure the code promises: one contract, one compiler, one rule interface, one read of
each file, one derivation shared by the API and the exports, and layers that import downwards."""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import libya_israel_data as lid
from libya_israel_data import contract
from libya_israel_data.contract import compile as compiler
from libya_israel_data.dates import PATTERN
from libya_israel_data.issues import CATALOGUE, Code, Report, make_issue
from libya_israel_data.validation import rules

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "libya_israel_data"


def test_the_package_schemas_are_the_contract() -> None:
    for name in contract.RESOURCES:
        on_disk = json.loads((ROOT / contract.schema_path(name)).read_text(encoding="utf-8"))
        assert on_disk == contract.reference_schema(name)
        assert contract.differences(name, on_disk) == []


def test_names_are_checked_against_the_contract() -> None:
    assert contract.NAMES.claims.statement == "statement"
    with pytest.raises(AttributeError, match="has no field 'statment'"):
        _ = contract.NAMES.claims.statment
    with pytest.raises(AttributeError, match="no resource"):
        _ = contract.NAMES.claimz


@pytest.mark.parametrize("table", ["POLARS", "PYDANTIC", "PANDERA", "SQL"])
def test_every_backend_compiles_every_constraint(table: str) -> None:
    assert set(getattr(compiler, table)) == set(compiler.KINDS)


TEXT_CELLS = ["", "abc", "a-b", "A", "x" * 121, "12", "-3", "1.5", "true", "no", "2023-02-29"]


@pytest.mark.parametrize(
    "field",
    [
        contract.Field("f", required=True, pattern="[a-z]+(-[a-z]+)*", max_length=120),
        contract.Field("f", enum=("abc", "true")),
        contract.Field("f", type="integer"),
        contract.Field("f", type="boolean"),
        contract.Field("f", min_length=2, max_length=3),
        contract.Field("f", edtf=True, pattern=PATTERN),
    ],
    ids=["id", "enum", "integer", "boolean", "lengths", "edtf"],
)
def test_the_validator_and_the_records_agree_on_every_cell(field: contract.Field) -> None:
    """The polars checks and the pydantic model are two renderings of one compiled field: a
    cell passes one exactly when it passes the other."""
    import polars as pl
    from pydantic import TypeAdapter, ValidationError

    from libya_israel_data.dates import DateError, parse
    from libya_israel_data.validation.structure import LINE, ROW, Table
    from libya_israel_data.validation.tables import evaluate

    resource = contract.Resource("t", "t.csv", "", (field,))
    df = pl.DataFrame({"f": TEXT_CELLS, ROW: range(1, 12), LINE: range(2, 13)})
    failed_rows = {
        i.row for i in evaluate(Table(resource, "t.csv", df), compiler.polars_checks(field))
    }
    adapter = TypeAdapter(compiler.pydantic_annotation(field))
    for row, cell in enumerate(TEXT_CELLS, start=1):
        if cell == "" and not field.required:
            continue  # an empty optional cell is None in a record, and passes both
        if field.edtf:  # calendar dates are the dates rule's, not a per-cell check
            try:
                parse(cell)
            except DateError:
                failed_rows.add(row)
        try:
            adapter.validate_python(cell, strict=False)
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted is (row not in failed_rows), (field, cell)


def test_every_rule_declares_catalogued_codes_and_is_registered_once() -> None:
    assert rules.REGISTRY, "rules are registered on import"
    names = [r.name for r in rules.REGISTRY]
    assert len(names) == len(set(names))
    for r in rules.REGISTRY:
        assert r.codes and all(code in CATALOGUE for code in r.codes), r.name
        assert r.layer in rules.LAYERS


def test_export_does_not_import_pandas() -> None:
    code = (
        "import sys, libya_israel_data.export, libya_israel_data.package;"
        "print('pandas' in sys.modules, 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_load_reads_each_data_file_once(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    ds = lid.load(tiny)
    _ = ds.claims, ds.evidence(), ds.search("Cohen")
    csvs = sorted(r for r in reads if r.endswith(".csv"))
    assert csvs == sorted(f"{name}.csv" for name in contract.RESOURCES)


def _layer_imports() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = (
                    module.split(".")[: -node.level]
                    if path.name != "__init__.py"
                    else (module.split(".")[: len(module.split(".")) - node.level + 1])
                )
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                found.add(target.split(".")[0] or node.module or "")
        out[module] = found
    return out


#: Layer of each top-level module or folder, from foundations (0) to the command line.
LAYER = {
    "paths": 0, "progress": 0, "dates": 0, "folding": 0, "issues": 0, "relays": 0,
    "contract": 1,
    "validation": 2,
    "derive": 2, "integrity": 2,
    "package": 3,
    "dataset": 4, "models": 4, "frames": 4, "export": 4, "coverage": 4, "diff": 4, "cite": 4,
    "annotations": 4,
    "search": 3.5, "site": 4.5, "datasette_plugin": 5,
    "cli": 5, "__main__": 6, "__init__": 6,
}  # fmt: skip


def test_layers_import_only_downwards() -> None:
    for module, targets in _layer_imports().items():
        top = module.split(".")[0]
        for target in targets:
            if target in ("", top) or target not in LAYER:
                continue
            allowed = (
                LAYER[target] < LAYER[top]
                or (
                    # the API's frames and records are siblings it builds on
                    top == "dataset" and target in ("models", "frames")
                )
                or (top == "frames" and target == "derive")
                or (top == "export" and target in ("models", "integrity"))
            )
            assert allowed, f"{module} imports {target}"


def test_developer_tools_are_not_in_the_package() -> None:
    assert not (SRC / "generated.py").exists()
    assert (ROOT / "tools" / "generate.py").is_file()


def test_the_api_and_the_sqlite_views_agree(tiny: Path, tmp_path: Path) -> None:
    from libya_israel_data.export import export

    ds = lid.load(tiny)
    db = export("sqlite", tmp_path / "t.sqlite", package=tiny)
    con = sqlite3.connect(db)
    try:
        for view, frame in (("claim_evidence", ds.evidence()), ("disputed_claims", ds.disputed())):
            sql = pd.read_sql_query(f"SELECT * FROM {view}", con)
            assert list(sql.columns) == list(frame.columns), view
            assert len(sql) == len(frame) > 0, view
            left = frame.astype(str).replace({"<NA>": "None", "NaT": "None"})
            right = sql.astype(str).replace({"nan": "None"})
            for column in left.columns:
                if column.endswith(("_earliest", "_latest")):
                    left[column] = left[column].str.slice(0, 10)
            assert left.values.tolist() == right.values.tolist(), view
    finally:
        con.close()


def test_reports_cap_repeats() -> None:
    issues = [
        make_issue(Code.FOREIGN_KEY, f"row {i}", resource="claims", file="data/claims.csv", row=i)
        for i in range(1, 251)
    ]
    report = Report.capped(issues, cap=100)
    assert len(report.issues) == 100
    assert report.omitted == {("foreign-key", "claims"): 150}
    assert report.summary() == "invalid: 250 errors, 0 warnings"
    lines = report.to_lines()
    assert lines[-2] == "... and 150 more [foreign-key] in claims"
    assert report.to_dict()["omitted"] == [
        {"code": "foreign-key", "resource": "claims", "count": 150}
    ]
