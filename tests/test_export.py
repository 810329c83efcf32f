"""Exports: golden files for all three formats, validity in the tools that open them,
reproducibility, refusal of invalid data, overwrite rules and atomicity."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from frictionless import validate as frictionless_validate

from libya_israel_data import contract
from libya_israel_data.dataset.derive import table_columns
from libya_israel_data.dataset.package import open_package
from libya_israel_data.foundations.paths import resolve_descriptor
from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.export import TargetExistsError, export

from .conftest import BAD_INPUTS, build_case

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert actual == path.read_bytes(), f"{name} differs from its golden file"


def _dump(db: Path) -> bytes:
    con = sqlite3.connect(db)
    try:
        return ("\n".join(con.iterdump()) + "\n").encode("utf-8")
    finally:
        con.close()


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- golden files (on the tiny package, so that curation does not churn them) -------------------
def test_sqlite_golden(tiny: Path, tmp_path: Path) -> None:
    out = export("sqlite", tmp_path / "tiny.sqlite", package=tiny)
    _golden("tiny.sql", _dump(out))


def test_json_golden(tiny: Path, tmp_path: Path) -> None:
    out = export("json", tmp_path / "tiny.json", package=tiny)
    _golden("tiny.json", out.read_bytes())


def test_csv_golden(tiny: Path, tmp_path: Path) -> None:
    out = export("csv", tmp_path / "tiny-csv", package=tiny)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    _golden(
        "tiny-csv.txt",
        "".join(
            f"== {p.relative_to(out).as_posix()}\n{p.read_text(encoding='utf-8')}"
            for p in files
            if p.parent.name != "schemas"
        ).encode("utf-8"),
    )


# --- the shipped package, in the tools that open each format ------------------------------------
@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    return {fmt: export(fmt, folder / f"lid.{fmt}") for fmt in ("sqlite", "json", "csv")}


def test_sqlite_passes_integrity_and_foreign_key_checks(exported: dict[str, Path]) -> None:
    con = sqlite3.connect(exported["sqlite"])
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sources", "claims", "citations", "_package", "search"} <= tables
    views = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert views == {"claim_evidence", "meeting_participants", "disputed_claims"}
    fk_indexes = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'idx_%'"
    ).fetchone()[0]
    assert fk_indexes == 18


def test_sqlite_search_table_is_whole(exported: dict[str, Path], tmp_path: Path) -> None:
    """FTS5's own check finds the full-text table's index and its rows in agreement, one row per
    searchable cell, and nothing is left beside the export."""
    con = sqlite3.connect(exported["sqlite"])
    con.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # raises if corrupt
    rows = con.execute("SELECT count(*) FROM search").fetchone()[0]
    assert rows == open_package(resolve_descriptor(None)).derived.search_corpus.height
    names = sorted(p.name for p in exported["sqlite"].parent.iterdir())
    assert not [n for n in names if n.endswith(".tmp")], names


def test_sqlite_search_table_keeps_fts5_default_hashsize(exported: dict[str, Path]) -> None:
    """The export builds the index with a large in-memory buffer, then sets FTS5's default back:
    a database opened later does not buffer 64 MiB of terms on every write."""
    con = sqlite3.connect(exported["sqlite"])
    config = dict(con.execute("SELECT k, v FROM search_config").fetchall())
    assert config.get("hashsize", 1024 * 1024) == 1024 * 1024, config


def test_interrupt_while_indexing_leaves_previous_target_intact(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C between two batches of the search corpus: it stops the export at once, and the
    previous database and the folder are as they were."""
    from libya_israel_data.outputs.export import sqlite as sqlite_export

    out = export("sqlite", tmp_path / "lid.sqlite", package=tiny)
    before, listing = out.read_bytes(), sorted(p.name for p in tmp_path.iterdir())
    real, seen = sqlite_export.search_batches, []

    def interrupted(package):
        for batch in real(package):
            if seen:
                raise KeyboardInterrupt
            seen.append(batch.height)
            yield batch

    monkeypatch.setattr(sqlite_export, "BATCH", 3)  # several batches on the tiny package
    monkeypatch.setattr(sqlite_export, "search_batches", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export("sqlite", out, package=tiny, force=True)
    assert len(seen) == 1  # stopped at the second batch
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert out.read_bytes() == before


def test_sqlite3_shell_foreign_key_check_prints_nothing(exported: dict[str, Path]) -> None:
    shell = subprocess.run(
        ["sqlite3", str(exported["sqlite"]), "PRAGMA foreign_key_check;"],
        capture_output=True,
        text=True,
        check=False,
    )
    if shell.returncode == 127 or "not found" in shell.stderr:
        pytest.skip("no sqlite3 shell on this machine")
    assert shell.returncode == 0 and shell.stdout == ""


def test_sqlite_search_finds_her_in_both_scripts(exported: dict[str, Path]) -> None:
    con = sqlite3.connect(exported["sqlite"])
    for query in ("Mangoush", "المنقوش"):
        hits = con.execute(
            "SELECT resource, id FROM search WHERE search MATCH ?", (query,)
        ).fetchall()
        assert ("people", "najla-mangoush") in hits, query


def test_sqlite_views_and_derived_columns(exported: dict[str, Path]) -> None:
    con = sqlite3.connect(exported["sqlite"])
    rome = con.execute(
        "SELECT person_id, role FROM meeting_participants WHERE meeting_id = "
        "'rome-2023-08-cohen-mangoush' ORDER BY person_id"
    ).fetchall()
    assert ("antonio-tajani", "host") in rome and len(rome) == 4
    assert con.execute("SELECT origins FROM claims WHERE claim_id = 'c-1001'").fetchone() == (3,)
    assert con.execute(
        "SELECT count(*) FROM claim_evidence WHERE claim_id = 'c-1001'"
    ).fetchone() == (7,)
    assert con.execute(
        "SELECT date_earliest, date_latest FROM meetings WHERE meeting_id = "
        "'rome-2023-08-cohen-mangoush'"
    ).fetchone() == ("2023-08-22", "2023-08-23")
    pair = con.execute(
        "SELECT disputed_claim_id FROM disputed_claims WHERE claim_id = 'c-7032'"
    ).fetchone()
    assert pair == ("c-2001",)
    meta = dict(con.execute("SELECT key, value FROM _package").fetchall())
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["version"] == descriptor["version"]
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    assert meta["hash:claims"] == claims["hash"]


def test_json_validates_against_its_schemas(exported: dict[str, Path]) -> None:
    document = json.loads(exported["json"].read_text(encoding="utf-8"))
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert document["version"] == descriptor["version"]
    for name, records in document["resources"].items():
        schema = json.loads((ROOT / "schemas" / "json" / f"{name}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        lines = (ROOT / "data" / f"{name}.csv").read_text(encoding="utf-8").count("\n")
        assert len(records) == lines - 1
        for record in records:
            validator.validate(record)
        header = (ROOT / "data" / f"{name}.csv").read_text(encoding="utf-8").split("\n")[0]
        # keys in schema order, each field followed by its derived columns
        assert [k for k in records[0] if k in header.split(",")] == header.split(",")
        assert list(records[0]) == [c for c, _ in table_columns(contract.resource(name))]
    text = exported["json"].read_text(encoding="utf-8")
    assert "نجلاء" in text and "\\u" not in text and "NaN" not in text


def test_csv_export_is_accepted_by_frictionless(exported: dict[str, Path]) -> None:
    assert frictionless_validate(str(exported["csv"] / "datapackage.json")).valid
    for name in ("claims", "sources"):
        assert (exported["csv"] / "data" / f"{name}.csv").read_bytes() == (
            ROOT / "data" / f"{name}.csv"
        ).read_bytes()


def test_spreadsheet_safe_prefixes_formula_triggers(tiny: Path, tmp_path: Path) -> None:
    # A valid package never starts a cell with a trigger; write one past the validator.
    out = export("csv", tmp_path / "safe", package=tiny, spreadsheet_safe=True)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["x-spreadsheet-safe"] is True
    assert "for viewing only" in descriptor["description"]
    import polars as pl

    from libya_israel_data.outputs.export.csv import _safe_csv

    table = pl.DataFrame({"name": ["=1+1", "Eli Cohen", "-x", None], "n": ["@a", "b", None, "c"]})
    assert _safe_csv(table).decode() == "name,n\n'=1+1,'@a\nEli Cohen,b\n'-x,\n,c\n"
    assert "Eli Cohen" in (out / "data" / "people.csv").read_text(encoding="utf-8")


# --- reproducible, validated first, all or nothing ----------------------------------------------
@pytest.mark.parametrize("fmt", ["sqlite", "json", "csv"])
def test_same_input_same_bytes(fmt: str, tiny: Path, tmp_path: Path) -> None:
    a = export(fmt, tmp_path / f"a.{fmt}", package=tiny)
    b = export(fmt, tmp_path / f"b.{fmt}", package=tiny)
    if fmt == "csv":
        files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
        assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    else:
        assert a.read_bytes() == b.read_bytes()


def test_invalid_package_is_refused_and_nothing_written(tmp_path: Path) -> None:
    path = build_case(tmp_path / "pkg", BAD_INPUTS / "provenance-citation-missing")
    result = run(
        "export", "--format", "json", "-o", str(tmp_path / "x.json"), "--package", str(path)
    )
    assert result.exit_code == 1
    assert "citation-missing" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_existing_target_needs_force(tiny: Path, tmp_path: Path) -> None:
    target = export("sqlite", tmp_path / "lid.sqlite", package=tiny)
    before = target.read_bytes()
    target.write_bytes(before + b"marker")  # an earlier export, as the test can recognise it
    result = run("export", "-o", str(target), "--package", str(tiny))
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_bytes() == before + b"marker"
    with pytest.raises(TargetExistsError):
        export("sqlite", target, package=tiny)
    assert run("export", "-o", str(target), "--package", str(tiny), "--force").exit_code == 0
    assert target.read_bytes() == before


def test_usage_errors(tiny: Path, tmp_path: Path) -> None:
    for args in (
        ["export"],
        ["export", "-o", str(tmp_path / "x"), "--format", "xml"],
        ["export", "-o", str(tmp_path / "x.json"), "--format", "json", "--spreadsheet-safe"],
        ["export", "-o", str(tmp_path / "no" / "such" / "x.sqlite"), "--package", str(tiny)],
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fmt", "target", "module", "function"),
    [
        # while the tables are written, then while the search index is
        ("sqlite", "lid.sqlite", "libya_israel_data.outputs.export.sqlite", "views"),
        ("sqlite", "lid.sqlite", "libya_israel_data.outputs.export.sqlite", "search_batches"),
        ("json", "lid.json", "polars.DataFrame", "write_ndjson"),
        ("csv", "lid-csv", "libya_israel_data.outputs.export.csv", "json_text"),
    ],
)
def test_failure_mid_export_leaves_previous_target_intact(
    fmt: str,
    target: str,
    module: str,
    function: str,
    tiny: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = export(fmt, tmp_path / target, package=tiny)
    before = {
        p: p.read_bytes() for p in ([out] if out.is_file() else out.rglob("*")) if p.is_file()
    }
    listing = sorted(p.name for p in tmp_path.iterdir())

    def boom(*args, **kwargs):
        raise OSError("disk full (injected)")

    monkeypatch.setattr(f"{module}.{function}", boom)
    with pytest.raises(OSError, match="injected"):
        export(fmt, out, package=tiny, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no temporary left over
    assert {p: p.read_bytes() for p in before} == before


def test_datasette_metadata(tiny: Path, tmp_path: Path) -> None:
    result = run(
        "export", "-o", str(tmp_path / "lid.sqlite"), "--package", str(tiny), "--datasette-metadata"
    )
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC-BY-4.0"
    claims = meta["databases"]["lid"]["tables"]["claims"]
    assert claims["label_column"] == "statement" and "statement" in claims["columns"]


def test_json_written_in_slices_is_the_same_document(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from libya_israel_data.outputs.export import json as json_export

    whole = export("json", tmp_path / "whole.json", package=tiny).read_bytes()
    monkeypatch.setattr(json_export, "CHUNK", 2)
    sliced = export("json", tmp_path / "sliced.json", package=tiny).read_bytes()
    assert sliced == whole


def test_meeting_participants_covers_people_and_organizations(tiny: Path, tmp_path: Path) -> None:
    """The view has the rows and participant columns of ``Dataset.participation()``."""
    import libya_israel_data as lid

    ds = lid.load(tiny)
    db = export("sqlite", tmp_path / "t.sqlite", package=tiny)
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT meeting_id, participant_type, participant_id, person_id, organization_id, "
            "name, role, capacity, represented_by, side, claim_id FROM meeting_participants"
        ).fetchall()
    finally:
        con.close()
    frame = ds.participation()
    columns = ["meeting_id", "participant_type", "participant_id", "person_id"]
    columns += ["organization_id", "name", "role", "capacity", "represented_by", "side"]
    api = [
        tuple(None if pd_isna(v) else v for v in r)
        for r in frame[[*columns, "claim_id"]].itertuples(index=False)
    ]
    assert rows == api
    rome = "rome-2023-08-cohen-mangoush"
    assert rows == [
        (rome, "person", "eli-cohen", "eli-cohen", None, "Eli Cohen", "participant",
         "Foreign Minister of Israel", None, "IL", "c-0002"),
        (rome, "person", "najla-mangoush", "najla-mangoush", None, "Najla Mangoush",
         "participant", "Foreign Minister of Libya", None, "LY", "c-0002"),
        (rome, "organization", "israel-foreign-ministry", None, "israel-foreign-ministry",
         "Ministry of Foreign Affairs of Israel", "participant", None,
         "the foreign minister and his staff", "IL", "c-0002"),
    ]  # fmt: skip


def pd_isna(value: object) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_joins_haftar_to_the_mossad_through_a_meeting(fmt: str, tmp_path: Path) -> None:
    import networkx as nx

    path = export(fmt, tmp_path / f"net.{fmt}")
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.nodes["organization:mossad"]["kind"] == "organization"
    way = nx.shortest_path(nx.Graph(g), "person:khalifa-haftar", "organization:mossad")
    assert len(way) == 3 and way[1].startswith("meeting:"), way
    edges = g.get_edge_data("organization:mossad", way[1])
    edge = next(iter(edges.values())) if "kind" not in edges else edges
    assert edge["kind"] == "participant" and edge["side"] == "IL" and edge["represented_by"]


def test_folding_ahead_keeps_order_passes_errors_and_stops_with_its_caller() -> None:
    import threading

    from libya_israel_data.outputs.export.sqlite import folded_ahead

    made: list[int] = []

    def batches(n: int, fail_at: int | None = None):  # type: ignore[no-untyped-def]
        for i in range(n):
            if i == fail_at:
                raise ValueError(f"batch {i}")
            made.append(i)
            yield i

    assert list(folded_ahead(batches(5))) == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="batch 2"):
        list(folded_ahead(batches(5, fail_at=2)))
    made.clear()
    ahead = folded_ahead(batches(100))
    assert next(ahead) == 0
    ahead.close()  # the caller stops (an error while writing): at most one batch more is made
    assert made == [0, 1]
    assert not [t for t in threading.enumerate() if t.name.startswith("lid-fold")]
