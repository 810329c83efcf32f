"""Search: one definition of what a query finds and in which order, shared by the Python API,
the command line, the SQLite export (``search`` table and the ``lid_fold_query`` function),
datasette and the site.

A document (a searchable cell) is indexed as its words (``folded``) and, side by side, the forms
of its words (``stems``: without Arabic articles, prefixes and endings, without Hebrew prefixes;
see :mod:`.folding`). A query is folded into groups (:func:`~.folding.fold_query`); a cell
matches when every group matches it. A record is found when one of its cells matches; it is
ranked by its best cell: cells where every group matched exactly first, then in corpus order
(resource, field, row). The SQLite ``search`` table stores the same columns, so
``search MATCH lid_fold_query(?)`` finds the same cells; its ``text`` column keeps the original
text, so a value pasted as written (``MATCH '"الدبيبة"'``) is found too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from ..foundations.folding import RTL_WORD, Group, Vocabulary, fold_expr, fold_query, fts_query

if TYPE_CHECKING:
    from .package import ValidatedPackage

#: The SQL function that turns a query into an FTS5 query:
#: ``... WHERE search MATCH lid_fold_query(?)``; ``lid_fold_query(?, 'exact')`` gives the exact
#: matches only. ``lid_fold`` is the same function under its older name.
SQL_FUNCTION = "lid_fold_query"
SQL_ALIASES = ("lid_fold",)
#: The tier of a cell in the rank: exact matches (0) before forms (1); rank = tier * TIER + the
#: cell's position in the corpus (its ``rowid`` in SQLite, 1-based).
TIER = 2**40


def index(corpus: pl.DataFrame, vocabulary: Vocabulary | None = None) -> pl.DataFrame:
    """The search corpus with its words in ``folded`` and their other forms in ``stems``.

    ``vocabulary`` is the whole corpus's (:attr:`.derive.Derived.search_vocabulary`) when
    ``corpus`` is a part of it; without it, the vocabulary is read from ``corpus`` itself, as
    folded here (the whole corpus, folded once)."""
    folded = corpus.with_columns(fold_expr(pl.col("text")).alias("folded"))
    rtl = pl.col("folded").str.extract_all(RTL_WORD)
    if vocabulary is None:
        words = folded.select(rtl.explode().unique()).to_series()
        vocabulary = Vocabulary(w for w in words if w)
    stems = vocabulary.stems()
    forms = pl.element().replace_strict(list(stems), list(stems.values()), default=None)
    # only Hebrew and Arabic words have other forms: the others are never looked up
    return folded.with_columns(rtl.list.eval(forms).list.drop_nulls().list.join(" ").alias("stems"))


def searchable(indexed: pl.DataFrame) -> pl.DataFrame:
    """An indexed corpus with what :func:`matches` scans: its ``position`` (1-based, in corpus
    order), its words between spaces (``_words``) and its words and forms between spaces
    (``_keys``), so that a query scans each column as it is."""
    return indexed.with_row_index("position", offset=1).with_columns(
        (" " + pl.col("folded") + " ").alias("_words"),
        (" " + pl.col("folded") + " " + pl.col("stems") + " ").alias("_keys"),
    )


def _contains(column: str, words: tuple[str, ...]) -> pl.Expr:
    return pl.col(column).str.contains(" " + " ".join(words) + " ", literal=True)


def _group(g: Group, *, exact: bool) -> pl.Expr:
    """Whether a cell matches one group: exactly (a phrase among its words), or at all (a
    phrase of more than one word among its words, or a form among its words and forms)."""
    if exact:
        return pl.any_horizontal([_contains("_words", p) for p in g.phrases])
    alternatives = [_contains("_words", p) for p in g.phrases if len(p) > 1 or p[0] not in g.forms]
    alternatives += [_contains("_keys", (f,)) for f in g.forms]
    return pl.any_horizontal(alternatives)


def matches(indexed: pl.DataFrame, query: str) -> pl.DataFrame:
    """The cells of an indexed corpus (better: of :func:`searchable`) that ``query`` finds, with
    their ``position`` and ``rank`` (see :data:`TIER`), in corpus order. Raises
    :class:`~.folding.QueryError` for a query that cannot be searched."""
    groups = fold_query(query)
    cells = indexed if "_keys" in indexed.columns else searchable(indexed)
    # group by group, so that each scans only the cells the ones before have left, the
    # longest words (the rarest, as a rule) first
    for g in sorted(groups, key=lambda g: -max(len(" ".join(p)) for p in g.phrases)):
        cells = cells.filter(_group(g, exact=False))
    exact = pl.all_horizontal([_group(g, exact=True) for g in groups])
    tier = pl.when(exact).then(0).otherwise(1).cast(pl.Int64)
    return cells.with_columns((tier * TIER + pl.col("position")).alias("rank")).drop(
        "_words", "_keys"
    )


def records(hits: pl.DataFrame) -> pl.DataFrame:
    """One row per record found, best first: ``resource``, ``id``, ``label``, the text of its
    best cell (``matched``), the ``fields`` that matched (comma-separated, in corpus order) and
    its ``rank``."""
    keys = ["resource", "id"]
    best = (
        hits.sort("rank")
        .group_by(keys, maintain_order=True)
        .agg(pl.col("label").first(), pl.col("text").first().alias("matched"), pl.col("rank").min())
    )
    fields = (
        hits.group_by([*keys, "field"])
        .agg(pl.col("position").min())
        .sort("position")
        .group_by(keys, maintain_order=True)
        .agg(pl.col("field").str.join(",").alias("fields"))
    )
    return best.join(fields, on=keys, how="left", maintain_order="left").select(
        *keys, "label", "matched", "fields", "rank"
    )


def find(package: ValidatedPackage, query: str) -> pl.DataFrame:
    """The records of ``package`` that ``query`` finds (see :func:`records`)."""
    fold_query(query)  # a query that cannot be searched is refused before the corpus is indexed
    return records(matches(index(package.derived.search_corpus), query))


def sql_fold_query(text: str | None, mode: str | None = None) -> str:
    """``lid_fold_query``: the FTS5 query of ``text`` (exact matches only with ``mode`` =
    ``'exact'``). An empty query becomes ``'""'``, which matches nothing, rather than an FTS5
    syntax error; a query too long or with too many words is refused (an error)."""
    groups = fold_query(text or "", empty=True)
    return fts_query(groups, exact=mode == "exact") if groups else '""'


def register(con: sqlite3.Connection) -> sqlite3.Connection:
    """Register ``lid_fold_query`` (and ``lid_fold``) on a connection (the datasette plugin does
    the same)."""
    for name in (SQL_FUNCTION, *SQL_ALIASES):
        con.create_function(name, 1, sql_fold_query, deterministic=True)
        con.create_function(name, 2, sql_fold_query, deterministic=True)
    return con


def connect(path: str | Path, **kwargs: object) -> sqlite3.Connection:
    """A :class:`sqlite3.Connection` to an exported database with ``lid_fold_query``
    registered::

    con = lid.connect("lid.sqlite")
    con.execute("SELECT resource, id, text FROM search WHERE search MATCH lid_fold_query(?)",
                ["والدبيبة"])
    """
    return register(sqlite3.connect(path, **kwargs))  # type: ignore[arg-type]


def quote_phrase(value: str) -> str:
    """A value as an FTS5 phrase (``"..."`` with quotes doubled), to find it as written."""
    return '"' + value.replace('"', '""') + '"'
