"""Derived data, never curated, computed once for every consumer.

Date bounds, each claim's independent ``origins``, the relay roots, the disputed pairs, the
evidence table and the search corpus are all defined here, and only here: the Python API, the
SQLite and JSON exports and the site take them from a :class:`Derived` (one per validated
package, each value computed at first use and kept). Column lists of the evidence and disputed
tables are declared once (:data:`EVIDENCE`, :func:`disputed_columns`), and the SQLite views of the
same names are generated from them, so the API and the export cannot disagree.

Every table here has empty cells as null.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import polars as pl

from ..contract import NAMES, Resource
from ..foundations.dates import date_bounds
from ..foundations.folding import RTL_TEXT, RTL_WORD, Vocabulary, fold_expr
from ..foundations.relays import Chains

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

S, C, CI = NAMES.sources, NAMES.claims, NAMES.citations

#: The claims' derived count of independent root documents.
ORIGINS = "origins"


#: Columns that the derived data adds to a resource: field -> [(column, kind)], where the
#: field ``None`` means "after the last field". Kinds: ``date`` and ``count``.
def derived_columns(resource: Resource) -> dict[str | None, list[tuple[str, str]]]:
    out: dict[str | None, list[tuple[str, str]]] = {}
    for f in resource.fields:
        if f.edtf:
            out[f.name] = [(f"{f.name}_earliest", "date"), (f"{f.name}_latest", "date")]
    if resource.name == "claims":
        out[None] = [(ORIGINS, "count")]
    return out


def table_columns(resource: Resource) -> list[tuple[str, str]]:
    """Every column of a resource with its derived ones, in order: (name, kind), where kind is
    ``field`` for a schema field."""
    derived = derived_columns(resource)
    cols: list[tuple[str, str]] = []
    for f in resource.fields:
        cols.append((f.name, "field"))
        cols += derived.get(f.name, [])
    return cols + derived.get(None, [])


def with_date_bounds(df: pl.DataFrame, fields: list[str]) -> pl.DataFrame:
    """Add ``<field>_earliest`` and ``<field>_latest`` (dates) for each EDTF field.

    Computed once per distinct value and joined back: a million claims state a few thousand
    distinct dates, and parsing each cell costs ten times the join."""
    for name in fields:
        bounds = date_bounds(df.get_column(name), name)
        df = df.join(bounds, on=name, how="left", maintain_order="left")
    return df


#: The evidence table: one row per citation, the claim beside the citing source.
#: (resource, column, output name); claim columns come first, all of them (see evidence()).
EVIDENCE_SOURCE: tuple[tuple[str, str, str], ...] = (
    ("citations", CI.locator, CI.locator),
    ("sources", S.source_id, S.source_id),
    ("sources", S.title, "source_title"),
    ("sources", S.publisher, S.publisher),
    ("sources", S.url, S.url),
    ("sources", S.language, "source_language"),
    ("sources", S.published, S.published),
    ("sources", S.relays, S.relays),
)

#: The prefix of the disputed claim's columns in the disputed table.
DISPUTED = "disputed_"


def disputed_columns(claim_fields: list[str]) -> tuple[list[str], list[str]]:
    """Columns of the disputed table: the disputing claim's (all but ``disputes``), then the
    same of the claim it disputes, prefixed ``disputed_``."""
    left = [f for f in claim_fields if f != C.disputes]
    return left, [DISPUTED + f for f in left]


#: The participation table: every participant of every meeting, people and organizations alike,
#: one row each, ``participant_type`` saying which (see :attr:`Derived.participation`).
PARTICIPANT_TYPE = "participant_type"
PERSON, ORGANIZATION = "person", "organization"
PA, OP = NAMES.participants, NAMES.organization_participants
PARTICIPATION: tuple[str, ...] = (
    PA.meeting_id,
    PARTICIPANT_TYPE,
    "participant_id",
    PA.person_id,
    OP.organization_id,
    NAMES.people.name,
    NAMES.people.name_ar,
    NAMES.people.name_he,
    NAMES.people.country,
    PA.role,
    PA.capacity,
    OP.represented_by,
    PA.side,
    PA.claim_id,
)


#: What the search looks in: resource -> (id column, text columns). Aliases are listed under
#: the people they name.
SEARCH_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "people": (
        NAMES.people.person_id,
        (NAMES.people.name, NAMES.people.name_ar, NAMES.people.name_he),
    ),
    "aliases": (NAMES.aliases.person_id, (NAMES.aliases.alias,)),
    "organizations": (
        NAMES.organizations.organization_id,
        (NAMES.organizations.name, NAMES.organizations.name_ar, NAMES.organizations.name_he),
    ),
    "meetings": (NAMES.meetings.meeting_id, (NAMES.meetings.title, NAMES.meetings.summary)),
    "claims": (C.claim_id, (C.statement,)),
    "sources": (S.source_id, (S.title, S.title_en)),
}


#: Rows of the search corpus folded at a time when its vocabulary is gathered.
VOCABULARY_ROWS = 200_000

#: The readable label of a record of each searchable resource (in its own script where the
#: record has one; the search shows the text that matched beside it).
LABELS: dict[str, str] = {
    "people": NAMES.people.name,
    "organizations": NAMES.organizations.name,
    "meetings": NAMES.meetings.title,
    "claims": C.statement,
    "sources": S.title,
}


class MissingColumnsError(ValueError):
    """A derived table needs a resource or column that the package lacks."""


class Derived:
    """The derived data of one package's tables (text, empty cells as null)."""

    def __init__(self, tables: Mapping[str, pl.DataFrame], resources: Mapping[str, Resource]):
        self.tables = tables
        self.resources = resources
        self._tables: dict[str, pl.DataFrame] = {}

    def _need(self, what: str, needs: Mapping[str, Iterable[str]]) -> None:
        """Raise :class:`MissingColumnsError` if a table or column ``what`` needs is missing
        (a package opened with ``validate=False``), so that only what needs it fails."""
        lacking = [
            f"{name}.{c}" if name in self.tables else name
            for name, columns in needs.items()
            for c in (columns if name in self.tables else [None])
            if name not in self.tables or c not in self.tables[name].columns
        ]
        if lacking:
            raise MissingColumnsError(
                f"{what} cannot be derived: the package lacks {', '.join(dict.fromkeys(lacking))}"
                " (validate the package to see why)"
            )

    @cached_property
    def chains(self) -> Chains:
        self._need("the relay chains", {"sources": (S.source_id, S.relays)})
        sources = self.tables["sources"]
        links = dict(
            sources.select(S.source_id, S.relays).filter(pl.col(S.relays).is_not_null()).iter_rows()
        )
        return Chains.walk(sources.get_column(S.source_id).to_list(), links)

    @cached_property
    def origins(self) -> pl.DataFrame:
        """``claim_id``, ``origins``: distinct root documents behind each cited claim's sources.

        Three copies of one AP story are one origin: the honest corroboration count.
        """
        root = self.chains.root
        self._need("origins", {"citations": (CI.claim_id, CI.source_id)})
        return (
            self.tables["citations"]
            .select(
                C.claim_id,
                pl.col(CI.source_id).replace_strict(root, default=pl.col(CI.source_id)).alias("_r"),
            )
            .group_by(C.claim_id)
            .agg(pl.col("_r").n_unique().cast(pl.Int64).alias(ORIGINS))
        )

    def table(self, name: str) -> pl.DataFrame:
        """One resource with its derived columns, in :func:`table_columns` order (each resource
        derived at first use, so that one lacking a column does not keep the others from
        being derived)."""
        if name not in self._tables:
            resource = self.resources[name]
            self._need(f"the {name} table", {name: resource.field_names})
            df = with_date_bounds(self.tables[name], [f.name for f in resource.fields if f.edtf])
            if name == "claims":
                df = df.join(self.origins, on=C.claim_id, how="left", maintain_order="left")
                df = df.with_columns(pl.col(ORIGINS).fill_null(0))
            self._tables[name] = df.select([c for c, _ in table_columns(resource)])
        return self._tables[name]

    @cached_property
    def evidence(self) -> pl.DataFrame:
        """Every claim (with its derived columns) beside each citation and the citing source."""
        claims = self.table("claims")
        self._need(
            "the evidence table",
            {
                "citations": [col for res, col, _ in EVIDENCE_SOURCE if res == "citations"],
                "sources": [col for res, col, _ in EVIDENCE_SOURCE if res == "sources"],
            },
        )
        cites = self.tables["citations"].select(
            C.claim_id,
            *[col for res, col, _ in EVIDENCE_SOURCE if res == "citations"],
            pl.col(CI.source_id).alias("_source"),
        )
        sources = self.tables["sources"].select(
            pl.col(S.source_id).alias("_source"),
            *[pl.col(col).alias(out) for res, col, out in EVIDENCE_SOURCE if res == "sources"],
        )
        joined = claims.join(cites, on=C.claim_id, how="inner", maintain_order="left").join(
            sources, on="_source", how="inner", maintain_order="left"
        )
        return joined.select(*claims.columns, *[out for _, _, out in EVIDENCE_SOURCE])

    @cached_property
    def disputed(self) -> pl.DataFrame:
        """Pairs of contradicting claims: each claim that disputes another, beside the other."""
        self._need("the disputed table", {"claims": (C.claim_id, C.disputes)})
        claims = self.tables["claims"]
        left, right = disputed_columns(claims.columns)
        other = claims.select([pl.col(c).alias(r) for c, r in zip(left, right, strict=True)])
        return (
            claims.filter(pl.col(C.disputes).is_not_null())
            .join(
                other,
                left_on=C.disputes,
                right_on=DISPUTED + C.claim_id,
                how="inner",
                maintain_order="left",
                coalesce=False,
            )
            .select(*left, *right)
        )

    @cached_property
    def participation(self) -> pl.DataFrame:
        """People and organizations at each meeting, with their names and country, role, side
        and the claim that puts them there: :data:`PARTICIPATION`, ordered by meeting, people
        before organizations, then id (the order of the SQLite view ``meeting_participants``)."""
        P, ORG = NAMES.people, NAMES.organizations
        names = [P.name, P.name_ar, P.name_he, P.country]
        self._need(
            "the participation table",
            {
                "participants": [c for c in PARTICIPATION if c in NAMES.participants],
                "organization_participants": [
                    c for c in PARTICIPATION if c in NAMES.organization_participants
                ],
                "people": [P.person_id, *names],
                "organizations": [ORG.organization_id, *names],
            },
        )
        people = self.tables["people"]
        orgs = self.tables["organizations"]
        persons = self.tables["participants"].join(
            people.select(P.person_id, *names), on=PA.person_id, how="left"
        )
        persons = persons.with_columns(
            pl.lit(PERSON).alias(PARTICIPANT_TYPE),
            pl.col(PA.person_id).alias("participant_id"),
            pl.lit(None, pl.String).alias(OP.organization_id),
            pl.lit(None, pl.String).alias(OP.represented_by),
        )
        bodies = self.tables["organization_participants"].join(
            orgs.select(
                ORG.organization_id,
                *[pl.col(getattr(ORG, n)).alias(n) for n in names],
            ),
            on=OP.organization_id,
            how="left",
        )
        bodies = bodies.with_columns(
            pl.lit(ORGANIZATION).alias(PARTICIPANT_TYPE),
            pl.col(OP.organization_id).alias("participant_id"),
            pl.lit(None, pl.String).alias(PA.person_id),
            pl.lit(None, pl.String).alias(PA.capacity),
        )
        return pl.concat([persons.select(PARTICIPATION), bodies.select(PARTICIPATION)]).sort(
            [PA.meeting_id, PARTICIPANT_TYPE, "participant_id"],
            descending=[False, True, False],
        )

    @cached_property
    def search_corpus(self) -> pl.DataFrame:
        """``resource``, ``id``, ``field``, ``text`` and the record's ``label``, for every
        searchable non-empty cell, in resource and row order."""
        return pl.concat(list(self.search_parts()))

    @cached_property
    def search_vocabulary(self) -> Vocabulary:
        """Every folded Hebrew and Arabic word of the search corpus (read part by part, only
        the cells in those scripts folded): the words a document's prefix may be removed to
        reach (see :func:`.folding.forms`)."""
        words: set[str] = set()
        for part in self.search_parts(VOCABULARY_ROWS):
            rtl = part.filter(pl.col("text").str.contains(RTL_TEXT))
            found = rtl.select(fold_expr(pl.col("text")).str.extract_all(RTL_WORD).explode())
            words.update(w for w in found.to_series().unique() if w)
        return Vocabulary(words)

    def search_parts(self, rows: int | None = None) -> Iterator[pl.DataFrame]:
        """:attr:`search_corpus` in order, in parts: one per searchable field, cut into slices
        of at most ``rows`` rows when given, so that a consumer holds one slice at a time."""
        for name, (id_col, fields) in SEARCH_FIELDS.items():
            df = self.tables.get(name)
            if df is None:
                continue
            resource = "people" if name == "aliases" else name
            if resource == name:
                label = pl.col(LABELS[name]).alias("label")
            else:  # an alias is labelled with the name of the person it names
                people = self.tables["people"].select(
                    pl.col(SEARCH_FIELDS["people"][0]).alias(id_col),
                    pl.col(LABELS["people"]).alias("label"),
                )
                df = df.join(people, on=id_col, how="left", maintain_order="left")
                label = pl.col("label")
            for f in fields:
                part = df.select(
                    pl.lit(resource).alias("resource"),
                    pl.col(id_col).alias("id"),
                    pl.lit(f).alias("field"),
                    pl.col(f).alias("text"),
                    label,
                ).filter(pl.col("text").is_not_null() & (pl.col("text") != ""))
                yield from part.iter_slices(rows) if rows else (part,)
