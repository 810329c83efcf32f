"""Search: one definition of what a query finds, shared by the Python API, the command line,
the SQLite export (``search`` table and the ``lid_fold`` function) and datasette.

A query is folded (:func:`~.folding.fold`) into words; a cell matches when every word of the
query is a word of the cell's folded text. The SQLite ``search`` table stores the same folded
text, so ``search MATCH lid_fold(?)`` finds the same records; its ``text`` column keeps the
original text, so a value pasted as written (``MATCH '"الدبيبة"'``) is found too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from .folding import fold, fold_expr

if TYPE_CHECKING:
    from .package import ValidatedPackage

#: The SQL function that folds a query: ``SELECT ... WHERE search MATCH lid_fold(?)``.
SQL_FUNCTION = "lid_fold"


def index(corpus: pl.DataFrame) -> pl.DataFrame:
    """The search corpus with its folded text in ``folded`` (computed in parallel)."""
    return corpus.with_columns(fold_expr(pl.col("text")).alias("folded"))


def matches(indexed: pl.DataFrame, query: str) -> pl.DataFrame:
    """The rows of an indexed corpus whose folded text has every word of the folded query."""
    words = fold(query).split()
    if not words:
        raise ValueError("search for at least one letter or digit")
    padded = pl.lit(" ") + pl.col("folded") + pl.lit(" ")
    condition = pl.all_horizontal(
        [padded.str.contains(f" {w} ", literal=True) for w in dict.fromkeys(words)]
    )
    return indexed.filter(condition)


def records(hits: pl.DataFrame) -> pl.DataFrame:
    """One row per record found: ``resource``, ``id``, ``label`` and the first ``text`` that
    matched, in the order the records come in the package."""
    return hits.group_by(["resource", "id"], maintain_order=True).agg(
        pl.col("label").first(), pl.col("text").first().alias("matched")
    )


def find(package: ValidatedPackage, query: str) -> pl.DataFrame:
    """The records of ``package`` that ``query`` finds (see :func:`records`)."""
    return records(matches(index(package.derived.search_corpus), query))


def sql_fold(text: str | None) -> str:
    """``lid_fold``: :func:`~.folding.fold` for SQL. An empty result becomes ``'""'``, a query
    that matches nothing, rather than an FTS5 syntax error."""
    folded = fold(text or "")
    return folded or '""'


def register(con: sqlite3.Connection) -> sqlite3.Connection:
    """Register ``lid_fold`` on a connection (the datasette plugin does the same)."""
    con.create_function(SQL_FUNCTION, 1, sql_fold, deterministic=True)
    return con


def connect(path: str | Path, **kwargs: object) -> sqlite3.Connection:
    """A :class:`sqlite3.Connection` to an exported database with ``lid_fold`` registered::

    con = lid.connect("lid.sqlite")
    con.execute("SELECT resource, id, text FROM search WHERE search MATCH lid_fold(?)",
                ["والدبيبة"])
    """
    return register(sqlite3.connect(path, **kwargs))  # type: ignore[arg-type]


def quote_phrase(value: str) -> str:
    """A value as an FTS5 phrase (``"..."`` with quotes doubled), to find it as written."""
    return '"' + value.replace('"', '""') + '"'
