"""One search everywhere: the Python API, the command line, the SQLite export (raw text and
lid_fold) and datasette find the same records, in Latin, Arabic and Hebrew script; and the
Parquet and network exports read as they are by DuckDB, pyarrow and networkx."""

from __future__ import annotations

import asyncio
import csv
import json
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.cli import cli
from libya_israel_data.export import export
from libya_israel_data.search import quote_phrase

ROOT = Path(__file__).resolve().parents[1]

QUERIES = [
    "Mangoush",
    "Najla El-Mangoush",
    "Elmangoush",
    "Eli Cohen",
    "Haftar",
    "Dbeibah",
    "Luzon",
    "Rhodes",
    "المنقوش",
    "نجلاء المنقوش",
    "الدبيبة",
    "والدبيبة",
    "دبيبة",
    "إسرائيل",
    "حفتر",
    "القذافي",
    "נג'לא",
    "אלי כהן",
    "לוב",
    "יוסי ביילין",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    return export("sqlite", folder / "lid.sqlite", datasette_metadata=True)


@pytest.fixture(scope="module")
def ds() -> lid.Dataset:
    return lid.load()


def _sql(db: Path, where: str, value: str) -> set[tuple[str, str]]:
    con = lid.connect(db)
    try:
        rows = con.execute(f"SELECT resource, id FROM search WHERE search MATCH {where}", [value])
        return set(rows.fetchall())
    finally:
        con.close()


def _api(ds: lid.Dataset, query: str) -> set[tuple[str, str]]:
    found = ds.search(query)
    return set(zip(found["resource"], found["id"], strict=True))


@pytest.mark.parametrize("query", QUERIES)
def test_the_api_and_sqlite_find_the_same_records(query: str, ds: lid.Dataset, db: Path) -> None:
    api = _api(ds, query)
    assert api, f"{query!r} finds nothing"
    assert _sql(db, "lid_fold(?)", query) == api


def test_every_person_is_found_by_each_of_their_names_as_written(ds: lid.Dataset, db: Path) -> None:
    people = list(csv.DictReader((ROOT / "data" / "people.csv").open(encoding="utf-8")))
    aliases = list(csv.DictReader((ROOT / "data" / "aliases.csv").open(encoding="utf-8")))
    names = [(p["person_id"], p[f]) for p in people for f in ("name", "name_ar", "name_he")]
    names += [(a["person_id"], a["alias"]) for a in aliases]
    checked = 0
    for person, name in names:
        if not name:
            continue
        key = ("people", person)
        assert key in _sql(db, "?", quote_phrase(name)), (person, name, "raw")
        assert key in _sql(db, "lid_fold(?)", name), (person, name, "folded")
        assert key in _api(ds, name), (person, name, "api")
        checked += 1
    assert checked > 400


def test_raw_text_finds_arabic_hebrew_and_possessives(db: Path) -> None:
    con = lid.connect(db)
    try:

        def ids(match: str) -> set[str]:
            q = "SELECT id FROM search WHERE search MATCH ?"
            return {r[0] for r in con.execute(q, [match])}

        assert ids("إسرائيل") and ids("الدبيبة") and ids('"נג׳לא"')
        possessive = {
            r[0] for r in con.execute("SELECT id FROM search WHERE text LIKE '%Mangoush''s%'")
        }
        assert possessive and possessive <= ids("Mangoush")
        # results show the original text, never the folded key
        text = con.execute(
            "SELECT text FROM search WHERE search MATCH lid_fold('المنقوش') AND id = ?",
            ["najla-mangoush"],
        ).fetchall()
        assert ("نجلاء المنقوش",) in text
    finally:
        con.close()


def test_arabic_prefixes_meet() -> None:
    assert lid.fold("الدبيبة") == lid.fold("دبيبة") == lid.fold("والدبيبة") == "دبيبه"
    assert lid.fold("بالمنقوش") == lid.fold("المَنقوش") == "منقوش"
    assert lid.fold("El-Mangoush's") == "el mangoush s elmangoushs"


def test_datasette_find_query_with_the_plugin(db: Path) -> None:
    from datasette.app import Datasette

    metadata = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    app = Datasette([str(db)], metadata=metadata)

    async def get(path: str):
        return await app.client.get(path)

    plugins = asyncio.run(get("/-/plugins.json")).json()
    assert any(p["name"] in ("libya-israel-data", "libya_israel_data") for p in plugins), plugins
    for q in ("والدبيبة", "Najla Elmangoush", "נג'לא"):
        response = asyncio.run(get(f"/lid/find.json?q={q}&_shape=array"))
        assert response.status_code == 200, response.text
        rows = response.json()
        assert rows, q
        assert len({(r["resource"], r["id"]) for r in rows}) == len(rows)  # one per record
        assert all(r["link"] == f"/lid/{r['resource']}/{r['id']}" for r in rows)
    rows = asyncio.run(get("/lid/find.json?q=نجلاء&_shape=array")).json()
    assert {"resource": "people", "id": "najla-mangoush"}.items() <= rows[0].items() or any(
        r["id"] == "najla-mangoush" for r in rows
    )
    assert any(r["matched"] == "نجلاء المنقوش" for r in rows)  # shown in its own script


def test_search_command(ds: lid.Dataset) -> None:
    result = CliRunner().invoke(cli, ["search", "والدبيبة"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert "people\tabdul-hamid-dbeibah\tAbdul Hamid Dbeibah" in lines
    assert {tuple(line.split("\t")[:2]) for line in lines} == _api(ds, "والدبيبة")
    as_json = json.loads(CliRunner().invoke(cli, ["search", "Mangoush", "--format", "json"]).stdout)
    assert {"resource", "id", "label", "matched"} <= set(as_json[0])
    assert CliRunner().invoke(cli, ["search", "zzyzx"]).exit_code == 1
    assert CliRunner().invoke(cli, ["search", "..."]).exit_code == 2


def test_parquet_is_typed_traceable_and_reproducible(tmp_path: Path) -> None:
    import duckdb
    import pyarrow.parquet as pq

    first = export("parquet", tmp_path / "a")
    second = export("parquet", tmp_path / "b")
    for f in sorted(first.iterdir()):
        assert f.read_bytes() == (second / f.name).read_bytes(), f.name
    schema = pq.read_schema(first / "claims.parquet")
    assert str(schema.field("stated_earliest").type) == "date32[day]"
    assert str(schema.field("origins").type) == "int64"
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["libya_israel_data.version"] == descriptor["version"]
    claims_hash = next(r["hash"] for r in descriptor["resources"] if r["name"] == "claims")
    assert meta["libya_israel_data.source_hash"] == claims_hash
    [(n, dated)] = duckdb.sql(
        f"SELECT count(*), count(stated_earliest) FROM '{first}/claims.parquet'"
    ).fetchall()
    assert n == len(lid.load().claims) and dated > 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_reads_in_networkx(fmt: str, tmp_path: Path) -> None:
    import networkx as nx

    path = export(fmt, tmp_path / f"net.{fmt}")
    again = export(fmt, tmp_path / f"again.{fmt}")
    assert path.read_bytes() == again.read_bytes()
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    meeting = g.nodes["meeting:rome-2023-08-cohen-mangoush"]
    assert meeting["status"] == "acknowledged" and meeting["kind"] == "meeting"
    mangoush = g.nodes["person:najla-mangoush"]
    assert mangoush["name_ar"] == "نجلاء المنقوش" and mangoush["country"] == "LY"
    edges = g.get_edge_data("person:najla-mangoush", "meeting:rome-2023-08-cohen-mangoush")
    edge = next(iter(edges.values())) if "kind" not in edges else edges
    assert edge["kind"] == "participant" and int(edge["origins"]) >= 1
    if fmt == "gexf":
        assert b'mode="dynamic"' in path.read_bytes() and b"start=" in path.read_bytes()


def test_datasette_leads_to_find_and_find_links_to_records(db: Path) -> None:
    from datasette.app import Datasette

    metadata = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    app = Datasette([str(db)], metadata=metadata)

    async def get(path: str):
        return await app.client.get(path)

    assert 'href="/lid/find"' in asyncio.run(get("/")).text  # the index links find
    page = asyncio.run(get("/lid/find?q=Mangoush")).text
    assert '<a href="/lid/people/najla-mangoush">Najla Mangoush</a>' in page
    record = asyncio.run(get("/lid/people/najla-mangoush"))
    assert record.status_code == 200 and "Najla Mangoush" in record.text
    # the search table's own box would match unfolded words: its page leads to find
    q = "إسرائيل"
    moved = asyncio.run(get(f"/lid/search?_search={q}"))
    assert moved.status_code == 302
    assert moved.headers["location"] == f"/lid/find?q={urllib.parse.quote(q)}"
    assert asyncio.run(get("/lid/search.json?_size=1")).status_code == 200  # data still there
    listed = asyncio.run(get("/lid")).text
    assert 'href="/lid/search"' not in listed and 'href="/lid/claims"' in listed
    # every derived column has a description
    tables = metadata["databases"]["lid"]["tables"]
    con = lid.connect(db)
    try:
        for table, about in tables.items():
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            derived = [c for c in columns if c.endswith(("_earliest", "_latest")) or c == "origins"]
            missing = [c for c in derived if not about.get("columns", {}).get(c)]
            assert missing == [], table
        folded = tables["search"]["columns"]["folded"]
        assert folded.startswith("Derived:")
    finally:
        con.close()
