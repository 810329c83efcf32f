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
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path
from typing import Any

import polars as pl

from ...contract import NAMES, Resource
from ...contract.compile import sql_column, sql_type
from ...dataset.derive import (
    COUNT,
    DATE,
    DISPUTED,
    EVIDENCE_SOURCE,
    ORGANIZATION,
    ORIGINS,
    PARTICIPANT_TYPE,
    PARTICIPATION,
    PERSON,
    derived_columns,
    disputed_columns,
    table_columns,
)
from ...dataset.package import ValidatedPackage
from ...dataset.search import TIER
from ...foundations.atomic import atomic_files, json_text, write_text
from ...foundations.dates import earliest
from ...foundations.folding import MAX_QUERY_LENGTH
from ...foundations.progress import Progress, Silent
from .checks import check_before_writing

C, P = NAMES.claims, NAMES.people
PA, OP = NAMES.participants, NAMES.organization_participants
M = NAMES.meetings
DERIVED_TYPES = {DATE: "TEXT", COUNT: "INTEGER"}
#: Rows converted, folded and bound at a time: bounds the memory the export costs beyond the
#: tables, and how long an interrupted export takes to stop.
BATCH = 50_000

#: The meeting's own columns in ``meeting_participants``, before those of the participation table.
MEETING_COLUMNS = (M.meeting_id, M.title, M.date, M.city, M.country, M.status, M.contact)


def meeting_participants() -> str:
    """The view of people and organizations at each meeting: the meeting's columns, then the
    rows and columns of the derived participation table (``Dataset.participants_of``) but its
    ``meeting_id`` and ``country`` (here the meeting's)."""
    cols = [c for c in PARTICIPATION if c not in (PA.meeting_id, P.country)]
    person = {
        PARTICIPANT_TYPE: f"'{PERSON}'",
        "participant_id": "p.person_id",
        PA.person_id: "p.person_id",
        OP.organization_id: "NULL",
        P.name: "pe.name",
        P.name_ar: "pe.name_ar",
        P.name_he: "pe.name_he",
        PA.capacity: "p.capacity",
        OP.represented_by: "NULL",
    }
    body = {
        PARTICIPANT_TYPE: f"'{ORGANIZATION}'",
        "participant_id": "op.organization_id",
        PA.person_id: "NULL",
        OP.organization_id: "op.organization_id",
        P.name: "o.name",
        P.name_ar: "o.name_ar",
        P.name_he: "o.name_he",
        PA.capacity: "NULL",
        OP.represented_by: "op.represented_by",
    }

    def select(table: str, alias: dict[str, str]) -> str:
        return ", ".join(f"{alias.get(c, f'{table}.{_q(c)}')} AS {_q(c)}" for c in cols)

    meeting = ", ".join(f"m.{_q(c)}" for c in MEETING_COLUMNS)
    return f"""
        SELECT {meeting}, {", ".join(f"x.{_q(c)}" for c in cols)}
        FROM meetings m
        JOIN (
            SELECT p.meeting_id, {select("p", person)}
            FROM participants p JOIN people pe ON pe.person_id = p.person_id
            UNION ALL
            SELECT op.meeting_id, {select("op", body)}
            FROM organization_participants op
            JOIN organizations o ON o.organization_id = op.organization_id
        ) x ON x.meeting_id = m.meeting_id
        ORDER BY m.meeting_id, x.{PARTICIPANT_TYPE} DESC, x.participant_id"""


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
        "meeting_participants": meeting_participants(),
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


def _slices(package: ValidatedPackage, name: str) -> Iterator[pl.DataFrame]:
    """A resource's table with its derived columns, as SQLite stores them (typed, dates as ISO
    text), in slices of :data:`BATCH` rows: a typed copy of one slice at a time."""
    from ...contract.compile import typed

    resource = package.resources[name]
    fields = {f.name: f for f in resource.fields}
    df = package.derived.table(name)
    columns = [
        pl.col(c).dt.to_string("%Y-%m-%d")
        if df.schema[c] == pl.Date
        else typed(fields[c], pl.col(c))
        if c in fields
        else pl.col(c)
        for c in df.columns
    ]
    for part in df.iter_slices(BATCH):
        yield part.select(columns)


#: The full-text table. ``text`` holds the original, so a value pasted as written is found;
#: ``folded`` the words and ``stems`` their forms, which ``lid_fold_query(?)`` searches (see
#: :mod:`..search`). unicode61 splits words at apostrophes and hyphens, so "Mangoush" finds
#: "Mangoush's" in ``text``. Rows are in corpus order: a cell's ``rowid`` is its position.
SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE search USING fts5(resource UNINDEXED, id UNINDEXED, "
    "field UNINDEXED, label UNINDEXED, text, folded, stems)"
)
SEARCH_COLUMNS = ("resource", "id", "field", "label", "text", "folded", "stems")
#: Bytes of terms FTS5 holds in memory before it writes them out as a segment of the index.
#: With FTS5's default (1 MiB) a large corpus makes many small segments, merged again and again
#: while it is indexed; the export builds with a larger buffer, then sets the default back so
#: that the database it ships does not buffer that much on every later write.
BUILD_HASHSIZE = 64 * 1024 * 1024
DEFAULT_HASHSIZE = 1024 * 1024  # FTS5_DEFAULT_HASHSIZE in SQLite's fts5Int.h
HASHSIZE = "INSERT INTO search(search, rank) VALUES ('hashsize', ?)"


def search_batches(package: ValidatedPackage) -> Iterator[pl.DataFrame]:
    """Rows of the FTS table, in order and in batches: the API's search corpus (resource, id,
    field, label, the original text) and its folded text, folded in parallel by the API's own
    expression."""
    from ...dataset.search import index

    vocabulary = package.derived.search_vocabulary
    for part in package.derived.search_parts(BATCH):
        yield index(part, vocabulary).select(SEARCH_COLUMNS)


def _write_search(con: sqlite3.Connection, package: ValidatedPackage) -> None:
    """Fill the full-text table in corpus order, batch by batch, and set FTS5's buffer back.

    The folded rows are bound straight into FTS5, which tokenises each as it comes. Staging
    them in a plain table and moving them with one ``INSERT INTO search SELECT ...`` was
    measured (docs/benchmarks.md): it binds every row twice (into the plain table, then out of
    it) for the same tokenising, and with one writer nothing else runs during that statement."""
    con.execute(SEARCH_TABLE)
    con.execute(HASHSIZE, (BUILD_HASHSIZE,))
    marks = ", ".join("?" * len(SEARCH_COLUMNS))
    for batch in folded_ahead(search_batches(package)):
        con.executemany(f"INSERT INTO search VALUES ({marks})", batch.iter_rows())
    con.execute(HASHSIZE, (DEFAULT_HASHSIZE,))


def folded_ahead(batches: Iterator[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    """``batches``, each next one computed on a worker thread while the caller writes the
    current one. Folding runs in polars and tokenising in SQLite, both without Python's lock,
    so they overlap; the writing stays on one thread and one connection. One batch ahead at
    most, so memory stays bounded; if the caller stops, the worker finishes that batch and
    ends."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lid-fold") as pool:
        ahead = pool.submit(next, batches, None)
        while (batch := ahead.result()) is not None:
            ahead = pool.submit(next, batches, None)
            yield batch


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


#: Progress steps of :func:`write_database` beyond one per table.
WRITE_STEPS = 3


def write_database(
    package: ValidatedPackage, path: Path, *, progress: Progress | None = None
) -> None:
    """Write the database to ``path`` (a new, temporary file), through one connection and in
    one transaction: the tables, their indexes and views, then the full-text table, then
    ``_package``. The bytes depend only on the package."""
    check_before_writing(package)
    progress = progress or Silent()
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = OFF")  # a temporary file: atomicity comes from rename
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        _write_tables(con, package, progress)
        _write_search(con, package)
        progress.step("writing the search index")
        con.execute("CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO _package VALUES (?, ?)", package_rows(package))
        con.execute("COMMIT")
        progress.step("writing _package")
    finally:
        con.close()


def _write_tables(con: sqlite3.Connection, package: ValidatedPackage, progress: Progress) -> None:
    for name, resource in package.resources.items():
        con.execute(create_table_sql(resource))
        marks = ", ".join("?" * len(table_columns(resource)))
        for rows in _slices(package, name):
            con.executemany(f"INSERT INTO {_q(name)} VALUES ({marks})", rows.iter_rows())
        progress.step(f"writing {name}")
    for name, resource in package.resources.items():
        for fk in resource.foreign_keys:
            cols = "_".join(fk.fields)
            con.execute(
                f"CREATE INDEX {_q(f'idx_{name}_{cols}')} ON {_q(name)} "
                f"({', '.join(map(_q, fk.fields))})"
            )
    for view, sql in views(package.resources["claims"]).items():
        con.execute(f"CREATE VIEW {_q(view)} AS {sql.strip()}")
    progress.step("writing indexes and views")


#: Descriptions of the tables and columns the export adds to the package's resources.
SEARCH_DESCRIPTIONS = {
    "resource": "Derived: the kind of record (people, organizations, meetings, claims, sources)",
    "id": "Derived: the record's id in that table",
    "field": "Derived: the field the text comes from",
    "label": "Derived: the record's name or title",
    "text": "Derived: the text as written, in its own script",
    "folded": "Derived: the text folded for search (case, accents, Arabic and Hebrew spelling "
    "variants, joined words) by lid_fold, as the Python API folds it",
}
VIEW_DESCRIPTIONS = {
    "claim_evidence": "Derived: each claim beside each of its citations and the citing source "
    "(Dataset.evidence() in Python)",
    "disputed_claims": "Derived: each claim that contradicts another, beside the claim it "
    "disputes (Dataset.disputed() in Python)",
    "meeting_participants": "Derived: each participant of each meeting with the person's name",
}


def derived_description(column: str, kind: str, field: str | None) -> str:
    """The description of a column the derived data adds (see :func:`derive.derived_columns`)."""
    if column == ORIGINS:
        return (
            "Derived: the number of independent root documents behind the claim's citations "
            "(relays followed to the end: three copies of one agency story are one origin)"
        )
    if kind == DATE:
        end = "first" if field is not None and column == earliest(field) else "last"
        return f"Derived: the {end} day the date in {field} allows (2023-08 spans August)"
    raise ValueError(f"no description for the derived column {column}")


def datasette_metadata(package: ValidatedPackage, database: str) -> dict[str, Any]:
    """metadata.json for datasette: titles, licence, column descriptions (the derived columns'
    too), label columns, and the ``find`` query, linked from the index; the full-text table
    ``search`` is hidden in favour of ``find`` (the plugin sends its page there)."""
    meta = package.metadata()
    licenses = meta.get("licenses") or [{}]
    tables: dict[str, Any] = {}
    labels = {
        NAMES.sources.RESOURCE: NAMES.sources.title,
        P.RESOURCE: P.name,
        NAMES.organizations.RESOURCE: NAMES.organizations.name,
        M.RESOURCE: M.title,
        C.RESOURCE: C.statement,
    }
    derived_help: dict[str, str] = {}
    for entry in package.descriptor["resources"]:
        resource = package.resources[entry["name"]]
        columns = {f.name: f.description for f in resource.fields}
        for field, added in derived_columns(resource).items():
            for column, kind in added:
                columns[column] = derived_description(column, kind, field)
                derived_help[column] = columns[column]
        table: dict[str, Any] = {"title": entry.get("title", resource.name), "columns": columns}
        if resource.name in labels:
            table["label_column"] = labels[resource.name]
        tables[resource.name] = table
    tables["search"] = {
        "hidden": True,
        "description": "The full-text index behind the find query; search with find, which "
        "folds the query as the index is folded.",
        "columns": SEARCH_DESCRIPTIONS,
    }
    claim_help = {**tables.get("claims", {}).get("columns", {}), **derived_help}
    for view, text in VIEW_DESCRIPTIONS.items():
        tables[view] = {"description": text, "columns": claim_help}
    find = f"/{database}/find"
    intro = (
        f"<p>{escape(str(meta.get('description') or ''))}</p>"
        f'<p><a href="{find}">Find a person, organization, meeting, claim or source</a>: any '
        "spelling, in Latin, Arabic or Hebrew script.</p>"
    )
    return {
        "title": meta.get("title"),
        "description_html": intro,
        "license": licenses[0].get("name"),
        "license_url": licenses[0].get("path"),
        "databases": {
            database: {
                "description_html": intro,
                "tables": tables,
                "queries": {"find": find_query(database)},
            }
        },
    }


def find_query(database: str) -> dict[str, Any]:
    """The canned query ``find``: one row per record that ``q`` finds, ranked as the Python API
    ranks them (:mod:`..search`), with the text of its best cell (in its own script), the
    fields that matched, the record's label and a link to its row page.

    The cells found are read from FTS5's own content table (``search_content``, one column
    ``c<i>`` per column of ``search``, in order): a row looked up there by ``rowid`` costs a
    twentieth of a column read through the full-text table, which matters for a name found in
    tens of thousands of cells."""
    c = {name: f"c{i}" for i, name in enumerate(SEARCH_COLUMNS)}
    sql = f"""
        WITH hits AS MATERIALIZED (
          SELECT c.id AS position, c.{c["resource"]} AS resource, c.{c["id"]} AS id,
                 c.{c["field"]} AS field
          FROM (SELECT rowid AS found FROM search WHERE search MATCH lid_fold_query(:q))
          JOIN search_content AS c ON c.id = found
        ),
        exact AS MATERIALIZED (
          SELECT rowid AS position FROM search WHERE search MATCH lid_fold_query(:q, 'exact')
        ),
        cells AS MATERIALIZED (
          SELECT resource, id, field, min(position) AS first,
                 min(CASE WHEN position IN exact THEN 0 ELSE {TIER} END + position) AS rank
          FROM hits GROUP BY resource, id, field
        ),
        ranked AS (
          SELECT resource, id, min(rank) AS rank FROM cells
          GROUP BY resource, id ORDER BY rank LIMIT 200
        ),
        fields AS (
          SELECT resource, id, group_concat(field, ',') AS fields FROM (
            SELECT resource, id, field, first FROM cells JOIN ranked USING (resource, id)
            ORDER BY resource, id, first)
          GROUP BY resource, id
        )
        SELECT r.resource, r.id, c.{c["label"]} AS label, c.{c["text"]} AS matched, f.fields,
               '/{database}/' || r.resource || '/' || r.id AS link, r.rank
        FROM ranked AS r
        JOIN fields AS f USING (resource, id)
        JOIN search_content AS c ON c.id = r.rank % {TIER}
        ORDER BY r.rank"""
    return {
        "sql": textwrap.dedent(sql).strip(),
        "title": "Find people, organizations, meetings, claims and sources",
        "description": "Any spelling, in Latin, Arabic or Hebrew script, with or without "
        "hyphens, apostrophes, articles, prefixes and endings: the query is folded by "
        "lid_fold_query (the libya-israel-data plugin) as the Python API folds it, and the "
        "records are ranked as the API ranks them. A query is at most "
        f"{MAX_QUERY_LENGTH} characters.",
    }


#: The file datasette reads its metadata from, written beside the database.
DATASETTE_METADATA = "metadata.json"

#: Files SQLite keeps beside a database while it writes. One left by a crashed writer would be
#: rolled back (or replayed) into the new export on its first open.
JOURNALS = ("-journal", "-wal", "-shm")


def remove_stale_journals(output: Path) -> None:
    """Remove the journals of a database that used to be at ``output``, just before the new
    database takes its place: they belong to the old file, never to the new one."""
    for suffix in JOURNALS:
        Path(f"{output}{suffix}").unlink(missing_ok=True)


def export_sqlite(
    package: ValidatedPackage,
    output: Path,
    *,
    force: bool = False,
    datasette: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the database at ``output`` and, with ``datasette``, the metadata describing it
    beside it: one unit (``atomic_files``), so an interrupted export never leaves a new
    database with the old metadata, or the other way round."""
    targets = [output, output.parent / DATASETTE_METADATA] if datasette else [output]
    with atomic_files(targets, force) as (tmp, *metadata):
        write_database(package, tmp, progress=progress)
        for path in metadata:
            write_text(path, json_text(datasette_metadata(package, output.stem)))
        remove_stale_journals(output)
    return output
