"""SQLite export, the embedded default: for SQL users, datasette and the sqlite3 shell.

One table per resource (columns as the schema, declared types, primary and foreign keys, an index
on every foreign key), derived columns (``<date>_earliest`` / ``_latest`` as ISO dates and
``claims.origins``), three views that answer common questions in one query, an FTS5 table
``search`` over names, aliases, titles, summaries and statements (folded with the API's
:func:`~libya_israel_data.fold`), and ``_package`` with the descriptor's metadata and hashes.
"""

from __future__ import annotations

import json
import sqlite3
import textwrap
from pathlib import Path
from typing import Any

import polars as pl

from ..contract import NAMES, Resource
from ..contract.compile import sql_column, sql_type
from ..derive import DISPUTED, EVIDENCE_SOURCE, disputed_columns, table_columns
from ..package import ValidatedPackage
from .atomic import atomic_file

C = NAMES.claims
DERIVED_TYPES = {"date": "TEXT", "count": "INTEGER"}

#: The view that has no counterpart in the derived data (the API answers it with two helpers).
MEETING_PARTICIPANTS = """
        SELECT m.meeting_id, m.title, m.date, m.city, m.country, m.status,
               p.person_id, pe.name, pe.name_ar, pe.name_he, p.role, p.capacity, p.side,
               p.claim_id
        FROM meetings m
        JOIN participants p ON p.meeting_id = m.meeting_id
        JOIN people pe ON pe.person_id = p.person_id"""


def views(claims: Resource) -> dict[str, str]:
    """The views, generated from the column lists of ``derive`` so that ``claim_evidence`` and
    ``disputed_claims`` have exactly the rows and columns of ``Dataset.evidence()`` and
    ``Dataset.disputed()``."""
    claim_cols = [name for name, _ in table_columns(claims)]
    alias = {"citations": "ci", "sources": "s"}
    evidence = ", ".join(
        [*(f"c.{_q(c)}" for c in claim_cols)]
        + [f"{alias[res]}.{_q(col)} AS {_q(out)}" for res, col, out in EVIDENCE_SOURCE]
    )
    left, right = disputed_columns(claims.field_names)
    disputed = ", ".join(
        [f"c.{_q(c)}" for c in left]
        + [f"d.{_q(c)} AS {_q(r)}" for c, r in zip(left, right, strict=True)]
    )
    assert all(r.startswith(DISPUTED) for r in right)
    return {
        "claim_evidence": f"""
        SELECT {evidence}
        FROM claims c
        JOIN citations ci ON ci.claim_id = c.claim_id
        JOIN sources s ON s.source_id = ci.source_id
        ORDER BY c.rowid, ci.rowid""",
        "meeting_participants": MEETING_PARTICIPANTS,
        "disputed_claims": f"""
        SELECT {disputed}
        FROM claims c
        JOIN claims d ON d.claim_id = c.disputes
        ORDER BY c.rowid""",
    }


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_columns(resource: Resource) -> list[tuple[str, str]]:
    """(column, declared type) of a resource's table: schema fields and derived columns."""
    fields = {f.name: f for f in resource.fields}
    return [
        (name, sql_type(fields[name]) if kind == "field" else DERIVED_TYPES[kind])
        for name, kind in table_columns(resource)
    ]


def create_table_sql(resource: Resource) -> str:
    fields = {f.name: f for f in resource.fields}
    lines = [
        sql_column(fields[name], _q(name))
        if kind == "field"
        else f"{_q(name)} {DERIVED_TYPES[kind]}"
        for name, kind in table_columns(resource)
    ]
    if resource.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_q, resource.primary_key))})")
    for fk in resource.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_q, fk.fields))}) REFERENCES "
            f"{_q(fk.resource)} ({', '.join(map(_q, fk.reference))})"
        )
    return f"CREATE TABLE {_q(resource.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _frame(package: ValidatedPackage, name: str) -> pl.DataFrame:
    from ..contract.compile import typed

    resource = package.resources[name]
    fields = {f.name: f for f in resource.fields}
    df = package.derived.table(name)
    return df.select(
        [
            pl.col(c).dt.to_string("%Y-%m-%d")
            if df.schema[c] == pl.Date
            else typed(fields[c], pl.col(c))
            if c in fields
            else pl.col(c)
            for c in df.columns
        ]
    )


def search_rows(package: ValidatedPackage) -> pl.DataFrame:
    """Rows of the FTS table: the API's search corpus (resource, id, field, label, the original
    text) and its folded text, folded in parallel by the API's own expression."""
    from ..search import index

    return index(package.derived.search_corpus).select(
        "resource", "id", "field", "label", "text", "folded"
    )


def package_rows(package: ValidatedPackage) -> list[tuple[str, str]]:
    meta = package.metadata()
    rows = []
    for key in ("name", "title", "version", "created", "licenses"):
        if key in meta:
            value = meta[key]
            rows.append((key, value if isinstance(value, str) else json.dumps(value)))
    for name, digest in package.hashes.items():  # of the bytes validated and exported
        rows.append((f"hash:{name}", digest))
    return rows


def write_database(package: ValidatedPackage, path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = OFF")  # a temporary file: atomicity comes from rename
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        for name, resource in package.resources.items():
            con.execute(create_table_sql(resource))
            df = _frame(package, name)
            marks = ", ".join("?" * df.width)
            con.executemany(f"INSERT INTO {_q(name)} VALUES ({marks})", df.iter_rows())
        for name, resource in package.resources.items():
            for fk in resource.foreign_keys:
                cols = "_".join(fk.fields)
                con.execute(
                    f"CREATE INDEX {_q(f'idx_{name}_{cols}')} ON {_q(name)} "
                    f"({', '.join(map(_q, fk.fields))})"
                )
        for view, sql in views(package.resources["claims"]).items():
            con.execute(f"CREATE VIEW {_q(view)} AS {sql.strip()}")
        # ``text`` holds the original, so a value pasted as written is found; ``folded`` the
        # key that ``lid_fold(?)`` gives a query. unicode61 splits words at apostrophes and
        # hyphens, so "Mangoush" finds "Mangoush's".
        con.execute(
            "CREATE VIRTUAL TABLE search USING fts5(resource UNINDEXED, id UNINDEXED, "
            "field UNINDEXED, label UNINDEXED, text, folded)"
        )
        con.executemany(
            "INSERT INTO search VALUES (?, ?, ?, ?, ?, ?)", search_rows(package).iter_rows()
        )
        con.execute("CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO _package VALUES (?, ?)", package_rows(package))
        con.execute("COMMIT")
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign_key_check failed: {problems[:5]}")
    finally:
        con.close()


def datasette_metadata(package: ValidatedPackage, database: str) -> dict[str, Any]:
    """metadata.json for datasette: titles, licence, column descriptions, label columns."""
    meta = package.metadata()
    licenses = meta.get("licenses") or [{}]
    tables: dict[str, Any] = {}
    labels = {
        "sources": "title",
        "people": "name",
        "organizations": "name",
        "meetings": "title",
        "claims": "statement",
    }
    for entry in package.descriptor["resources"]:
        resource = package.resources[entry["name"]]
        table: dict[str, Any] = {
            "title": entry.get("title", resource.name),
            "columns": {f.name: f.description for f in resource.fields},
        }
        if resource.name in labels:
            table["label_column"] = labels[resource.name]
        tables[resource.name] = table
    return {
        "title": meta.get("title"),
        "description": meta.get("description"),
        "license": licenses[0].get("name"),
        "license_url": licenses[0].get("path"),
        "databases": {database: {"tables": tables, "queries": {"find": find_query(database)}}},
    }


def find_query(database: str) -> dict[str, Any]:
    """The canned query ``find``: one row per record that ``q`` finds, best first, with the
    text that matched (in its own script), the record's label and a link to its row page."""
    sql = f"""
        SELECT resource, id, text AS matched, label,
               '/{database}/' || resource || '/' || id AS link,
               min(rank) AS score
        FROM search
        WHERE search MATCH lid_fold(:q)
        GROUP BY resource, id
        ORDER BY score, resource, id
        LIMIT 200"""
    return {
        "sql": textwrap.dedent(sql).strip(),
        "title": "Find people, organizations, meetings, claims and sources",
        "description": "Any spelling, in Latin, Arabic or Hebrew script: the query is folded by "
        "lid_fold (the libya-israel-data plugin) as the Python API folds it.",
    }


#: Files SQLite keeps beside a database while it writes. One left by a crashed writer would be
#: rolled back (or replayed) into the new export on its first open.
JOURNALS = ("-journal", "-wal", "-shm")


def remove_stale_journals(output: Path) -> None:
    """Remove the journals of a database that used to be at ``output``, just before the new
    database takes its place: they belong to the old file, never to the new one."""
    for suffix in JOURNALS:
        Path(f"{output}{suffix}").unlink(missing_ok=True)


def export_sqlite(
    package: ValidatedPackage, output: Path, *, force: bool = False, datasette: bool = False
) -> Path:
    from ..integrity import write_json_atomic

    with atomic_file(output, force) as tmp:
        write_database(package, tmp)
        remove_stale_journals(output)
    if datasette:
        write_json_atomic(output.parent / "metadata.json", datasette_metadata(package, output.stem))
    return output
