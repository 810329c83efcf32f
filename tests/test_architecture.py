"""The structure the code promises: one contract, one compiler, one rule interface, one read of
each file, one derivation shared by the API and the exports, and layers that import downwards."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import libya_israel_data as lid
from libya_israel_data import contract
from libya_israel_data.contract import compile as compiler
from libya_israel_data.foundations.dates import PATTERN
from libya_israel_data.foundations.issues import CATALOGUE, Code, Report, make_issue
from libya_israel_data.validation import rules

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "libya_israel_data"


def test_the_package_schemas_are_the_contract() -> None:
    for name in contract.RESOURCES:
        on_disk = json.loads((ROOT / contract.schema_path(name)).read_text(encoding="utf-8"))
        assert on_disk == contract.reference_schema(name)
        assert contract.differences(name, on_disk) == []


def test_names_are_checked_against_the_contract() -> None:
    assert contract.Claims.statement == "statement"
    assert contract.Meetings.Contact.DIRECT == "direct"
    assert tuple(contract.TABLES) == contract.RESOURCES
    for name, table in contract.TABLES.items():
        assert name == table.RESOURCE
        assert tuple(contract.resource(name).field_names) == table.FIELDS
    assert contract.NAMES.claims is contract.Claims  # one source for both spellings
    with pytest.raises(AttributeError, match="statment"):
        _ = contract.NAMES.claims.statment
    with pytest.raises(AttributeError, match="claimz"):
        _ = contract.NAMES.claimz


#: Where contract names may be written as literals: the contract itself, and the issue
#: catalogue, whose messages are prose.
CONTRACT_HOME = ("contract/", "foundations/issues.py")

#: Literals equal to a field name or an enum value that name something else, by module.
DESCRIPTOR = frozenset({"name", "title", "description"})  # Frictionless descriptor keys
NOT_FIELDS: dict[str, tuple[frozenset[str], str]] = {
    "dataset/package.py": (DESCRIPTOR | {"author"}, "the descriptor's metadata, as shown"),
    "dataset/derive.py": (frozenset({"date"}), "the kind of a derived date bound (DATE)"),
    "outputs/cite.py": (
        frozenset({"name", "title", "author", "date", "url", "language"}),
        "descriptor keys; BibTeX field names",
    ),
    "outputs/diff.py": (frozenset({"name"}), "the name of a descriptor's resource or field"),
    "outputs/integrity.py": (frozenset({"name"}), "the name of a descriptor's resource"),
    "outputs/export/csv.py": (frozenset({"name", "description"}), "descriptor keys"),
    "outputs/export/parquet.py": (frozenset({"name"}), "the descriptor's name"),
    "outputs/export/json.py": (
        frozenset({"title", "description", "date"}),
        "JSON Schema keywords, and its format name date",
    ),
    "outputs/export/sqlite.py": (DESCRIPTOR, "descriptor and datasette metadata keys"),
    "validation/descriptor.py": (frozenset({"name"}), "the name of a descriptor's resource"),
    "outputs/site/labels.py": (
        frozenset(
            {"participant", "host", "mediator", "organizer", "intermediary", "acknowledged"}
            | {"reported", "alleged", "meeting", "visit", "call", "conference"}
            | {"correspondence", "background", "date", "place", "attendance", "disclosure"}
            | {"denial", "reaction", "consequence", "interview", "analysis", "opinion"}
            | {"broadcast", "government", "ministry", "presidency", "company", "other"}
            | {"media"}
        ),
        "the words shown to readers, some spelled like the code they stand for (the keys are"
        " the contract's enum members); the media's side of a meeting",
    ),
    "outputs/site/tables.py": (
        frozenset({"meeting", "date"}),
        "a table's noun and filter key; the sort kind of a date column",
    ),
    "outputs/export/graph.py": (
        DESCRIPTOR | {"kind", "meeting", "participant"},
        "the graph's node and edge kinds (KIND, MEETING, PARTICIPANT); GEXF's name, title and"
        " description; the descriptor's title",
    ),
}


def _contract_names() -> frozenset[str]:
    """Every field name and enum value of the contract."""
    found: set[str] = set()
    for r in contract.reference().values():
        for f in r.fields:
            found |= {f.name, *(f.enum or ())}
    return frozenset(found)


def field_literals(source: str, names: frozenset[str]) -> list[tuple[int, str]]:
    """(line, literal) for each string literal of ``source`` equal to one of ``names``,
    docstrings and other bare strings left out."""
    import ast

    tree = ast.parse(source)
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in names
        and id(node) not in bare
    )


def test_field_literals_finds_names_written_out() -> None:
    names = frozenset({"statement", "direct"})
    snippet = (
        '"""The statement of a claim."""\n'
        "x = df['statement']\n"
        "y = Claims.statement\n"
        "z = f'{a}statement' == 'direct'\n"
        "w = 'statements'\n"
    )
    assert field_literals(snippet, names) == [(2, "statement"), (4, "direct"), (4, "statement")]


def test_no_field_name_is_a_literal_outside_the_contract() -> None:
    """Code names a field as ``Claims.statement`` and a value as ``Meetings.Contact.DIRECT``
    (contract/fields.py, generated), so that a renamed field breaks at import, not at run."""
    names = _contract_names()
    found, allowed_seen = [], set()
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if module.startswith(CONTRACT_HOME):
            continue
        allowed, _why = NOT_FIELDS.get(module, (frozenset(), ""))
        for line, literal in field_literals(path.read_text(encoding="utf-8"), names):
            if literal in allowed:
                allowed_seen.add((module, literal))
            else:
                found.append(f"{module}:{line}: {literal!r}")
    assert found == [], "name fields through contract.fields:\n" + "\n".join(found)
    listed = {(m, literal) for m, (literals, _) in NOT_FIELDS.items() for literal in literals}
    assert listed - allowed_seen == set(), "NOT_FIELDS lists literals the code no longer has"
    assert all((SRC / p).exists() for p in CONTRACT_HOME)


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
    """The polars checks, the pydantic model and the pandera column are three renderings of one
    compiled field: a cell passes one exactly when it passes the others."""
    import pandera.pandas as pa
    import polars as pl
    from pandera.errors import SchemaError
    from pydantic import TypeAdapter, ValidationError

    from libya_israel_data.validation.structure import LINE, ROW, Table
    from libya_israel_data.validation.tables import evaluate

    resource = contract.Resource("t", "t.csv", "", (field,))
    df = pl.DataFrame({"f": TEXT_CELLS, ROW: range(1, 12), LINE: range(2, 13)})
    failed_rows = {
        i.row for i in evaluate(Table(resource, "t.csv", df), compiler.polars_checks(field))
    }
    adapter = TypeAdapter(compiler.pydantic_annotation(field))
    pandera = pa.DataFrameSchema({"f": compiler.pandera_column(field)})
    for row, cell in enumerate(TEXT_CELLS, start=1):
        if cell == "" and not field.required:
            continue  # an empty optional cell is None in a record, and passes both
        try:
            adapter.validate_python(cell, strict=False)
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted is (row not in failed_rows), (field, cell)
        frame = pd.DataFrame({"f": pd.array([cell or None], dtype="string")})
        try:
            pandera.validate(frame)
            accepted = True
        except SchemaError:
            accepted = False
        assert accepted is (row not in failed_rows), ("pandera", field, cell)
    if field.edtf:  # the edtf check is a real one: 2023-02-29 has the shape of a date
        assert TEXT_CELLS.index("2023-02-29") + 1 in failed_rows


def test_sql_restates_only_what_sqlite_can_enforce() -> None:
    """Every kind the SQLite DDL leaves out is listed with the reason, and no other."""
    field = contract.Field(
        "f", required=True, unique=True, enum=("a",), pattern="a", max_length=3, min_length=1
    )
    rendered = {c.kind: compiler.SQL[c.kind](field, c) for c in compiler.constraints(field)} | {
        "edtf": compiler.SQL["edtf"](field, compiler.Constraint("edtf"))
    }
    rendered["type"] = compiler.SQL["type"](field, compiler.Constraint("type", "integer"))
    assert {kind for kind, sql in rendered.items() if not sql} == set(compiler.SQL_NOT_RESTATED)


def test_every_rule_declares_catalogued_codes_and_is_registered_once() -> None:
    assert rules.REGISTRY, "rules are registered on import"
    names = [r.name for r in rules.REGISTRY]
    assert len(names) == len(set(names))
    for r in rules.REGISTRY:
        assert r.codes and all(code in CATALOGUE for code in r.codes), r.name
        assert r.layer in rules.LAYERS


def test_export_does_not_import_pandas() -> None:
    code = (
        "import sys, libya_israel_data.outputs.export, libya_israel_data.dataset.package;"
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


LAYERS = ("interfaces", "outputs", "dataset", "validation", "contract", "foundations")


def test_the_layers_are_the_folders() -> None:
    """Every module sits in one layer's folder; import-linter's contracts (pyproject.toml) name
    the same layers in the same order."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layered = config["tool"]["importlinter"]["contracts"][0]["layers"]
    assert layered == [f"libya_israel_data.{layer}" for layer in LAYERS]
    top = {p.name for p in SRC.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert top == set(LAYERS)
    loose = {p.name for p in SRC.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command())", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True, text=True, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
    )  # fmt: skip


def test_layers_import_only_downwards() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_import_up_a_layer_is_refused(tmp_path: Path) -> None:
    """The contract can fail: a validation module that imports the dataset layer breaks it."""
    import shutil

    shutil.copytree(SRC, tmp_path / "src" / "libya_israel_data")
    rule = tmp_path / "src" / "libya_israel_data" / "validation" / "dates.py"
    rule.write_text(
        rule.read_text(encoding="utf-8") + "\nfrom ..dataset import package  # noqa\n",
        encoding="utf-8",
    )
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "libya_israel_data.validation.dates -> libya_israel_data.dataset.package" in (
        result.stdout
    )


def test_developer_tools_are_not_in_the_package() -> None:
    assert not (SRC / "generated.py").exists()
    assert (ROOT / "tools" / "generate.py").is_file()


def test_the_api_and_the_sqlite_views_agree(tiny: Path, tmp_path: Path) -> None:
    from libya_israel_data.outputs.export import export

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


# --- issue codes: written once, named only through Code ----------------------------------------
def test_the_catalogue_is_keyed_by_code_and_covers_every_code() -> None:
    assert all(isinstance(key, Code) and t.code is key for key, t in CATALOGUE.items())
    assert set(CATALOGUE) == set(Code)


def test_every_code_is_declared_by_a_rule_or_emitted_outside_rules_with_a_reason() -> None:
    declared = {code for r in rules.REGISTRY for code in r.codes}
    outside = rules.OUTSIDE_RULES
    assert all(reason for reason in outside.values())
    assert set(Code) - declared == set(outside)
    assert not declared & set(outside)


def test_no_code_is_written_as_a_string_outside_its_enum() -> None:
    """Each code is written once, in ``foundations/codes.py``; everywhere else it is a member
    (``Code.FOREIGN_KEY``), so a mistyped code fails at import time, not in a report."""
    import ast

    values = {str(c) for c in Code}
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "foundations" / "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in values:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_an_issue_is_named_by_a_code_member() -> None:
    with pytest.raises(TypeError, match="Code member"):
        make_issue("foreign-key", "x")  # type: ignore[arg-type]


def test_the_readme_layout_names_every_module() -> None:
    """The README's Layout is what a newcomer reads first: each module is named on its
    folder's lines."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Layout", 1)[1].split("```")[1]
    folders: dict[str, str] = {}
    current = ""
    for line in block.splitlines():
        head = line[2:].split(" ", 1)[0] if line.startswith("  ") and line[2] != " " else ""
        if head.endswith("/"):
            current = head
        elif not line.startswith(" "):
            current = ""
        folders[current] = folders.get(current, "") + " " + line
    missing = [
        path.relative_to(SRC).as_posix()
        for path in sorted(SRC.glob("*/**/*.py"))
        if path.stem != "__init__"
        and path.stem not in folders.get(path.relative_to(SRC).parts[0] + "/", "")
    ]
    assert missing == [], "the README's Layout does not name: " + ", ".join(missing)


def test_the_architecture_map_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = text.split("```")[1]
    missing = [
        path.relative_to(SRC).as_posix()
        for path in sorted(SRC.glob("*/**/*.py"))
        if path.stem != "__init__" and not re.search(rf"\b{path.stem}\b", tree)
    ]
    assert missing == [], "docs/architecture.md's map does not name: " + ", ".join(missing)
