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
from pathlib import Path
from typing import Any

import polars as pl

from .. import derive
from ..folding import fold_expr
from ..schema import Resource
from .atomic import atomic_file
from .source import ExportSource, package_metadata

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER"}

VIEWS = {
    "claim_evidence": """
        SELECT c.claim_id, c.meeting_id, c.person_id, c.organization_id, c.claim_type,
               c.statement, c.claimant_person_id, c.claimant_organization_id,
               c.claimant_description, c.stated, c.disputes, c.origins,
               ci.locator, s.source_id, s.title AS source_title, s.publisher, s.url,
               s.language AS source_language, s.published, s.relays
        FROM claims c
        JOIN citations ci ON ci.claim_id = c.claim_id
        JOIN sources s ON s.source_id = ci.source_id""",
    "meeting_participants": """
        SELECT m.meeting_id, m.title, m.date, m.city, m.country, m.status,
               p.person_id, pe.name, pe.name_ar, pe.name_he, p.role, p.capacity, p.side,
               p.claim_id
        FROM meetings m
        JOIN participants p ON p.meeting_id = m.meeting_id
        JOIN people pe ON pe.person_id = p.person_id""",
    "disputed_claims": """
        SELECT c.claim_id, c.meeting_id, c.person_id, c.organization_id, c.statement,
               c.claimant_person_id, c.claimant_organization_id, c.claimant_description,
               c.stated, d.claim_id AS disputed_claim_id, d.statement AS disputed_statement,
               d.claimant_person_id AS disputed_claimant_person_id,
               d.claimant_organization_id AS disputed_claimant_organization_id,
               d.claimant_description AS disputed_claimant_description,
               d.stated AS disputed_stated
        FROM claims c
        JOIN claims d ON d.claim_id = c.disputes""",
}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(resource: Resource) -> list[tuple[str, str]]:
    """(column, declared type) of a resource's table: schema fields, then derived columns."""
    cols: list[tuple[str, str]] = []
    for f in resource.fields:
        cols.append((f.name, SQL_TYPES.get(f.type, "TEXT")))
        if f.edtf:
            cols += [(f"{f.name}_earliest", "TEXT"), (f"{f.name}_latest", "TEXT")]
    if resource.name == "claims":
        cols.append(("origins", "INTEGER"))
    return cols


def create_table_sql(resource: Resource) -> str:
    lines = []
    required = {f.name for f in resource.fields if f.required}
    for name, sql_type in table_columns(resource):
        lines.append(f"{_q(name)} {sql_type}" + (" NOT NULL" if name in required else ""))
    if resource.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_q, resource.primary_key))})")
    for fk in resource.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_q, fk.fields))}) REFERENCES "
            f"{_q(fk.resource)} ({', '.join(map(_q, fk.reference))})"
        )
    return f"CREATE TABLE {_q(resource.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _frame(source: ExportSource, name: str, origins: pl.DataFrame) -> pl.DataFrame:
    resource = source.resources[name]
    df = derive.with_date_bounds(source.tables[name], [f.name for f in resource.fields if f.edtf])
    if name == "claims":
        df = df.join(origins, on="claim_id", how="left", maintain_order="left").with_columns(
            pl.col("origins").fill_null(0)
        )
    cols = [c for c, _ in table_columns(resource)]
    return df.select(
        [pl.col(c).dt.to_string("%Y-%m-%d") if df.schema[c] == pl.Date else pl.col(c) for c in cols]
    )


def search_rows(source: ExportSource) -> pl.DataFrame:
    """(resource, id, folded text) for the FTS table: what the API searches, plus source titles,
    folded in parallel with the API's own folding expression."""
    from ..dataset import searchable

    titles = source.tables["sources"]
    frame = pl.concat(
        [
            searchable(source.tables).select("resource", "id", "text"),
            *[
                titles.select(
                    pl.lit("sources").alias("resource"),
                    pl.col("source_id").alias("id"),
                    pl.col(c).alias("text"),
                )
                for c in ("title", "title_en")
            ],
        ]
    ).filter(pl.col("text").is_not_null() & (pl.col("text") != ""))
    return frame.with_columns(fold_expr(pl.col("text")))


def package_rows(source: ExportSource) -> list[tuple[str, str]]:
    meta = package_metadata(source.descriptor)
    rows = []
    for key in ("name", "title", "version", "created", "licenses"):
        if key in meta:
            value = meta[key]
            rows.append((key, value if isinstance(value, str) else json.dumps(value)))
    for entry in source.descriptor["resources"]:
        rows.append((f"hash:{entry['name']}", entry.get("hash", "")))
    return rows


def write_database(source: ExportSource, path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = OFF")  # a temporary file: atomicity comes from rename
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        origins = derive.origins(source.tables["sources"], source.tables["citations"])
        for name, resource in source.resources.items():
            con.execute(create_table_sql(resource))
            df = _frame(source, name, origins)
            marks = ", ".join("?" * df.width)
            con.executemany(f"INSERT INTO {_q(name)} VALUES ({marks})", df.iter_rows())
        for name, resource in source.resources.items():
            for fk in resource.foreign_keys:
                cols = "_".join(fk.fields)
                con.execute(
                    f"CREATE INDEX {_q(f'idx_{name}_{cols}')} ON {_q(name)} "
                    f"({', '.join(map(_q, fk.fields))})"
                )
        for view, sql in VIEWS.items():
            con.execute(f"CREATE VIEW {_q(view)} AS {sql.strip()}")
        con.execute(
            "CREATE VIRTUAL TABLE search USING fts5(resource UNINDEXED, id UNINDEXED, "
            "text, tokenize = 'unicode61 remove_diacritics 2')"
        )
        con.executemany("INSERT INTO search VALUES (?, ?, ?)", search_rows(source).iter_rows())
        con.execute("CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO _package VALUES (?, ?)", package_rows(source))
        con.execute("COMMIT")
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign_key_check failed: {problems[:5]}")
    finally:
        con.close()


def datasette_metadata(source: ExportSource, database: str) -> dict[str, Any]:
    """metadata.json for datasette: titles, licence, column descriptions, label columns."""
    meta = package_metadata(source.descriptor)
    licenses = meta.get("licenses") or [{}]
    tables: dict[str, Any] = {}
    labels = {
        "sources": "title",
        "people": "name",
        "organizations": "name",
        "meetings": "title",
        "claims": "statement",
    }
    for entry in source.descriptor["resources"]:
        resource = source.resources[entry["name"]]
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
        "databases": {database: {"tables": tables}},
    }


def export_sqlite(
    source: ExportSource, output: Path, *, force: bool = False, datasette: bool = False
) -> Path:
    from ..integrity import write_json_atomic

    with atomic_file(output, force) as tmp:
        write_database(source, tmp)
    if datasette:
        write_json_atomic(output.parent / "metadata.json", datasette_metadata(source, output.stem))
    return output
