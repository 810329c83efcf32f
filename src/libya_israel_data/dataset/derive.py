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

from ..contract import (
    Aliases,
    Citations,
    Claims,
    Meetings,
    OrganizationParticipants,
    Organizations,
    Participants,
    People,
    Resource,
    Sources,
)
from ..foundations.dates import date_bounds, earliest, latest
from ..foundations.folding import RTL_TEXT, RTL_WORD, Vocabulary, fold_expr
from ..foundations.relays import Chains

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

#: The claims' derived count of independent root documents.
ORIGINS = "origins"


#: The kinds of derived column: a date bound, a count.
DATE, COUNT = "date", "count"


#: Columns that the derived data adds to a resource: field -> [(column, kind)], where the
#: field ``None`` means "after the last field". Kinds: :data:`DATE` and :data:`COUNT`.
def derived_columns(resource: Resource) -> dict[str | None, list[tuple[str, str]]]:
    out: dict[str | None, list[tuple[str, str]]] = {}
    for f in resource.fields:
        if f.edtf:
            out[f.name] = [(earliest(f.name), DATE), (latest(f.name), DATE)]
    if resource.name == Claims.RESOURCE:
        out[None] = [(ORIGINS, COUNT)]
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
    (Citations.RESOURCE, Citations.locator, Citations.locator),
    (Sources.RESOURCE, Sources.source_id, Sources.source_id),
    (Sources.RESOURCE, Sources.title, "source_title"),
    (Sources.RESOURCE, Sources.publisher, Sources.publisher),
    (Sources.RESOURCE, Sources.url, Sources.url),
    (Sources.RESOURCE, Sources.language, "source_language"),
    (Sources.RESOURCE, Sources.published, Sources.published),
    (Sources.RESOURCE, Sources.relays, Sources.relays),
)

#: The prefix of the disputed claim's columns in the disputed table.
DISPUTED = "disputed_"


def disputed_columns(claim_fields: list[str]) -> tuple[list[str], list[str]]:
    """Columns of the disputed table: the disputing claim's (all but ``disputes``), then the
    same of the claim it disputes, prefixed ``disputed_``."""
    left = [f for f in claim_fields if f != Claims.disputes]
    return left, [DISPUTED + f for f in left]


#: The participation table: every participant of every meeting, people and organizations alike,
#: one row each, ``participant_type`` saying which (see :attr:`Derived.participation`).
PARTICIPANT_TYPE = "participant_type"
PERSON, ORGANIZATION = "person", "organization"
PARTICIPANT_ID = "participant_id"
PARTICIPATION: tuple[str, ...] = (
    Participants.meeting_id,
    PARTICIPANT_TYPE,
    PARTICIPANT_ID,
    Participants.person_id,
    OrganizationParticipants.organization_id,
    People.name,
    People.name_ar,
    People.name_he,
    People.country,
    Participants.role,
    Participants.capacity,
    OrganizationParticipants.represented_by,
    Participants.side,
    Participants.claim_id,
)


#: What the search looks in: resource -> (id column, text columns). Aliases are listed under
#: the people they name.
SEARCH_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    People.RESOURCE: (People.person_id, (People.name, People.name_ar, People.name_he)),
    Aliases.RESOURCE: (Aliases.person_id, (Aliases.alias,)),
    Organizations.RESOURCE: (
        Organizations.organization_id,
        (Organizations.name, Organizations.name_ar, Organizations.name_he),
    ),
    Meetings.RESOURCE: (Meetings.meeting_id, (Meetings.title, Meetings.summary)),
    Claims.RESOURCE: (Claims.claim_id, (Claims.statement,)),
    Sources.RESOURCE: (Sources.source_id, (Sources.title, Sources.title_en)),
}


#: Rows of the search corpus folded at a time when its vocabulary is gathered.
VOCABULARY_ROWS = 200_000

#: The readable label of a record of each searchable resource (in its own script where the
#: record has one; the search shows the text that matched beside it).
LABELS: dict[str, str] = {
    People.RESOURCE: People.name,
    Organizations.RESOURCE: Organizations.name,
    Meetings.RESOURCE: Meetings.title,
    Claims.RESOURCE: Claims.statement,
    Sources.RESOURCE: Sources.title,
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
        self._need("the relay chains", {Sources.RESOURCE: (Sources.source_id, Sources.relays)})
        sources = self.tables[Sources.RESOURCE]
        links = dict(
            sources.select(Sources.source_id, Sources.relays)
            .filter(pl.col(Sources.relays).is_not_null())
            .iter_rows()
        )
        return Chains.walk(sources.get_column(Sources.source_id).to_list(), links)

    @cached_property
    def origins(self) -> pl.DataFrame:
        """``claim_id``, ``origins``: distinct root documents behind each cited claim's sources.

        Three copies of one AP story are one origin: the honest corroboration count.
        """
        root = self.chains.root
        self._need("origins", {Citations.RESOURCE: (Citations.claim_id, Citations.source_id)})
        return (
            self.tables[Citations.RESOURCE]
            .select(
                Claims.claim_id,
                pl.col(Citations.source_id)
                .replace_strict(root, default=pl.col(Citations.source_id))
                .alias("_r"),
            )
            .group_by(Claims.claim_id)
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
            if name == Claims.RESOURCE:
                df = df.join(self.origins, on=Claims.claim_id, how="left", maintain_order="left")
                df = df.with_columns(pl.col(ORIGINS).fill_null(0))
            self._tables[name] = df.select([c for c, _ in table_columns(resource)])
        return self._tables[name]

    @cached_property
    def evidence(self) -> pl.DataFrame:
        """Every claim (with its derived columns) beside each citation and the citing source."""
        claims = self.table(Claims.RESOURCE)
        self._need(
            "the evidence table",
            {
                Citations.RESOURCE: [
                    col for res, col, _ in EVIDENCE_SOURCE if res == Citations.RESOURCE
                ],
                Sources.RESOURCE: [
                    col for res, col, _ in EVIDENCE_SOURCE if res == Sources.RESOURCE
                ],
            },
        )
        cites = self.tables[Citations.RESOURCE].select(
            Claims.claim_id,
            *[col for res, col, _ in EVIDENCE_SOURCE if res == Citations.RESOURCE],
            pl.col(Citations.source_id).alias("_source"),
        )
        sources = self.tables[Sources.RESOURCE].select(
            pl.col(Sources.source_id).alias("_source"),
            *[
                pl.col(col).alias(out)
                for res, col, out in EVIDENCE_SOURCE
                if res == Sources.RESOURCE
            ],
        )
        joined = claims.join(cites, on=Claims.claim_id, how="inner", maintain_order="left").join(
            sources, on="_source", how="inner", maintain_order="left"
        )
        return joined.select(*claims.columns, *[out for _, _, out in EVIDENCE_SOURCE])

    @cached_property
    def disputed(self) -> pl.DataFrame:
        """Pairs of contradicting claims: each claim that disputes another, beside the other."""
        self._need("the disputed table", {Claims.RESOURCE: (Claims.claim_id, Claims.disputes)})
        claims = self.tables[Claims.RESOURCE]
        left, right = disputed_columns(claims.columns)
        other = claims.select([pl.col(c).alias(r) for c, r in zip(left, right, strict=True)])
        return (
            claims.filter(pl.col(Claims.disputes).is_not_null())
            .join(
                other,
                left_on=Claims.disputes,
                right_on=DISPUTED + Claims.claim_id,
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
        names = [People.name, People.name_ar, People.name_he, People.country]
        self._need(
            "the participation table",
            {
                Participants.RESOURCE: [c for c in PARTICIPATION if c in Participants.FIELDS],
                OrganizationParticipants.RESOURCE: [
                    c for c in PARTICIPATION if c in OrganizationParticipants.FIELDS
                ],
                People.RESOURCE: [People.person_id, *names],
                Organizations.RESOURCE: [Organizations.organization_id, *names],
            },
        )
        people = self.tables[People.RESOURCE]
        orgs = self.tables[Organizations.RESOURCE]
        persons = self.tables[Participants.RESOURCE].join(
            people.select(People.person_id, *names), on=Participants.person_id, how="left"
        )
        persons = persons.with_columns(
            pl.lit(PERSON).alias(PARTICIPANT_TYPE),
            pl.col(Participants.person_id).alias(PARTICIPANT_ID),
            pl.lit(None, pl.String).alias(OrganizationParticipants.organization_id),
            pl.lit(None, pl.String).alias(OrganizationParticipants.represented_by),
        )
        bodies = self.tables[OrganizationParticipants.RESOURCE].join(
            orgs.select(
                Organizations.organization_id,
                *[pl.col(getattr(Organizations, n)).alias(n) for n in names],
            ),
            on=OrganizationParticipants.organization_id,
            how="left",
        )
        bodies = bodies.with_columns(
            pl.lit(ORGANIZATION).alias(PARTICIPANT_TYPE),
            pl.col(OrganizationParticipants.organization_id).alias(PARTICIPANT_ID),
            pl.lit(None, pl.String).alias(Participants.person_id),
            pl.lit(None, pl.String).alias(Participants.capacity),
        )
        return pl.concat([persons.select(PARTICIPATION), bodies.select(PARTICIPATION)]).sort(
            [Participants.meeting_id, PARTICIPANT_TYPE, PARTICIPANT_ID],
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
            resource = People.RESOURCE if name == Aliases.RESOURCE else name
            if resource == name:
                label = pl.col(LABELS[name]).alias("label")
            else:  # an alias is labelled with the name of the person it names
                people = self.tables[People.RESOURCE].select(
                    pl.col(SEARCH_FIELDS[People.RESOURCE][0]).alias(id_col),
                    pl.col(LABELS[People.RESOURCE]).alias("label"),
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
