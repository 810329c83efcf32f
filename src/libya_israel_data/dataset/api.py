"""The dataset as pandas DataFrames and typed records. Nothing is read at import time.

Every cell is read as text (``NA``, ``None``, ``null`` and ``007`` stay strings), an empty cell is
missing (``pd.NA``), and each EDTF date field gets two derived ``datetime64`` columns,
``<field>_earliest`` and ``<field>_latest``, so that users can sort and filter without parsing.
Claims also get ``origins``: the number of independent root documents behind their citations.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd
import polars as pl

from ..contract import (
    RESOURCES,
    Aliases,
    Citations,
    Claims,
    Meetings,
    OrganizationParticipants,
    Organizations,
    Participants,
    People,
    Sources,
)
from ..foundations.dates import earliest
from .derive import PARTICIPANT_ID, PARTICIPANT_TYPE
from .models import Record, model_for
from .package import InvalidPackageError, ValidatedPackage, open_package

__all__ = ["Dataset", "InvalidPackageError", "UnknownIdError", "load"]


class UnknownIdError(KeyError):
    """An id that names no row of its resource. The message names the closest ids, and for a
    person or an organization given by name rather than id, the id of that name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class Dataset:
    """A loaded data package. ``ds.claims``, ``ds.meetings`` ... are pandas DataFrames."""

    def __init__(self, package: ValidatedPackage, checked: bool = True) -> None:
        self.package = package
        self.descriptor = package.descriptor_path
        self.report = package.report
        self.checked = checked  # frames are checked against their pandera schemas
        self._frames: dict[str, pd.DataFrame] = {}

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={t.height}" for n, t in self.package.tables.items())
        return f"<Dataset {self.descriptor} {counts}>"

    @property
    def resource_names(self) -> list[str]:
        return list(self.package.tables)

    def frame(self, name: str) -> pd.DataFrame:
        """The DataFrame of one resource with its derived columns (cached; a copy is yours)."""
        if name not in self.package.tables:
            raise KeyError(f"no resource {name!r}; the package has {self.resource_names}")
        if name not in self._frames:
            resource = self.package.resources[name]
            frame = _frame_of(self.package.derived.table(name))
            if self.checked:
                from .frames import frame_schema

                frame = frame_schema(resource).validate(frame, lazy=True)
            self._frames[name] = frame
        return self._frames[name].copy()

    def __getattr__(self, name: str) -> pd.DataFrame:
        # An attribute lookup must fail with AttributeError, so that hasattr() and getattr()
        # with a default work on a package that lacks a resource.
        if name in RESOURCES and name in self.package.tables:
            return self.frame(name)
        raise AttributeError(f"the package has no resource {name!r}" if name in RESOURCES else name)

    def records(self, name: str) -> list[Record]:
        """The rows of one resource as strict pydantic models (``None`` for empty cells)."""
        model = model_for(self.package.resources[name])
        return [model.model_validate(r) for r in self.package.tables[name].to_dicts()]

    def require(self, resource: str, value: str) -> str:
        """``value`` if it is an id of ``resource``, else :class:`UnknownIdError` naming the
        closest ids (by spelling, and for people and organizations by name in any script)."""
        table = self.package.tables[resource]
        key = self.package.resources[resource].primary_key[0]
        ids = table.get_column(key).to_list()
        if value in ids:
            return value
        import difflib

        from ..foundations.folding import fold

        wanted = fold(value)
        by_name = []
        # people and organizations have the same name fields
        names = [c for c in (People.name, People.name_ar, People.name_he) if c in table.columns]
        for row in table.select(key, *names).iter_rows():
            if wanted and any(cell and fold(cell) == wanted for cell in row[1:]):
                by_name.append(row[0])
        if resource == People.RESOURCE and Aliases.RESOURCE in self.package.tables:
            aliases = self.package.tables[Aliases.RESOURCE]
            aliases = aliases.select(Aliases.person_id, Aliases.alias).iter_rows()
            by_name += [pid for pid, alias in aliases if wanted and fold(alias) == wanted]
        close = difflib.get_close_matches(value.lower(), ids, n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(by_name + close))
        hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        raise UnknownIdError(f"no {resource} row with {key} {value!r}{hint}")

    # --- questions researchers ask --------------------------------------------------------------
    def evidence(self) -> pd.DataFrame:
        """Every claim with each of its citations and the citing source (one row per citation);
        the same rows and columns as the SQLite view ``claim_evidence``."""
        return _frame_of(self.package.derived.evidence)

    def claims_about(
        self,
        *,
        meeting: str | None = None,
        person: str | None = None,
        organization: str | None = None,
    ) -> pd.DataFrame:
        """Claims whose subject is the given meeting, person or organization, with their
        citations and sources (one row per citation), in claim order."""
        if not any((meeting, person, organization)):
            raise ValueError("name a meeting, a person or an organization")
        for resource, value in (
            (Meetings.RESOURCE, meeting),
            (People.RESOURCE, person),
            (Organizations.RESOURCE, organization),
        ):
            if value:
                self.require(resource, value)
        ev = self.evidence()
        mask = pd.Series(False, index=ev.index)
        for column, value in (
            (Claims.meeting_id, meeting),
            (Claims.person_id, person),
            (Claims.organization_id, organization),
        ):
            if value:
                mask |= ev[column].eq(value).fillna(False).astype(bool)
        return ev[mask].reset_index(drop=True)

    def meetings_of(self, participant: str) -> pd.DataFrame:
        """The meetings a person or an organization took part in (give its id), each with the
        participation's ``participant_type``, role, capacity or ``represented_by``, side and
        claim. An id of neither (a name, say) raises :class:`UnknownIdError` naming the
        closest person ids."""
        organizations = self.package.tables[Organizations.RESOURCE]
        if participant not in organizations.get_column(Organizations.organization_id).to_list():
            self.require(People.RESOURCE, participant)
        parts = self.participation()
        parts = parts[parts[PARTICIPANT_ID] == participant]
        keep = [
            Participants.meeting_id,
            PARTICIPANT_TYPE,
            Participants.role,
            Participants.capacity,
            OrganizationParticipants.represented_by,
            Participants.side,
        ]
        return (
            self.frame(Meetings.RESOURCE)
            .merge(parts[[*keep, Participants.claim_id]], on=Meetings.meeting_id, how="inner")
            .sort_values([earliest(Meetings.date), Meetings.meeting_id])
            .reset_index(drop=True)
        )

    def participants_of(self, meeting: str) -> pd.DataFrame:
        """The people and organizations at a meeting, people first: ``participant_type``
        (``person`` or ``organization``), ``participant_id`` (with ``person_id`` or
        ``organization_id`` set), names, country, role, capacity (people) or
        ``represented_by`` (organizations), side and the claim that puts them there."""
        self.require(Meetings.RESOURCE, meeting)
        parts = self.participation()
        return parts[parts[Participants.meeting_id] == meeting].reset_index(drop=True)

    def participation(self) -> pd.DataFrame:
        """Every participant of every meeting, people and organizations alike (the rows of the
        SQLite view ``meeting_participants``)."""
        return _frame_of(self.package.derived.participation)

    def origins(self, claim: str) -> pd.DataFrame:
        """The independent root documents behind one claim, one row each (as many rows as the
        claim's ``origins``): the root reached by following ``relays`` from each citing source,
        its publisher, title, url and date, and ``cited_by``, the citing sources that lead to it
        (a list, the root itself included when it is cited)."""
        self.require(Claims.RESOURCE, claim)
        roots = self.package.derived.chains.root
        cites = self.frame(Citations.RESOURCE)
        cites = cites[cites[Citations.claim_id] == claim][[Citations.source_id]].copy()
        cites["root_id"] = cites[Citations.source_id].map(lambda s: roots.get(s, s))
        cites["root_id"] = cites["root_id"].astype("string")
        cited_by = cites.groupby("root_id", sort=True)[Citations.source_id].agg(lambda s: sorted(s))
        out = cited_by.rename("cited_by").reset_index()
        out.insert(0, Claims.claim_id, pd.Series([claim] * len(out), dtype="string"))
        sources = self.frame(Sources.RESOURCE)[
            [Sources.source_id, Sources.publisher, Sources.title, Sources.url, Sources.published]
        ]
        sources = sources.rename(columns={Sources.source_id: "root_id"})
        return out.merge(sources, on="root_id", how="left").reset_index(drop=True)

    def disputed(self) -> pd.DataFrame:
        """Pairs of contradicting claims: each claim that disputes another, beside the other;
        the same rows and columns as the SQLite view ``disputed_claims``."""
        return _frame_of(self.package.derived.disputed)

    def search(self, text: str) -> pd.DataFrame:
        """People (with their aliases), organizations, meetings, claims and sources whose names,
        titles, summaries or statements contain every word of ``text`` in any spelling, with or
        without hyphens, apostrophes, articles, prefixes and endings (docs/search.md): the same
        records, in the same order, as the SQLite export's canned query ``find``, the site and
        ``libya-israel-data search``.

        Returns one row per record, best first: ``resource``, ``id``, ``label``, the text of its
        best matching cell (``matched``) and the ``fields`` that matched (comma-separated).
        Raises ``ValueError`` for a query without a letter or digit, longer than 256
        characters or with more than 24 different words.
        """
        from .search import matches, records

        found = records(matches(self._search_index, text))
        return found.drop("rank").to_pandas().astype("string")

    @cached_property
    def _search_index(self) -> pl.DataFrame:
        from .search import index, searchable

        return searchable(index(self.package.derived.search_corpus))


def _frame_of(df: pl.DataFrame) -> pd.DataFrame:
    """The one conversion from the package's polars tables to pandas: text as ``string``
    (empty = missing), dates as datetimes, counts stay int64."""
    out = df.to_pandas()
    for name, dtype in df.schema.items():
        if dtype == pl.String:
            out[name] = out[name].astype("string")
        elif dtype == pl.Date:
            out[name] = pd.to_datetime(out[name])
    return out


def load(path: str | Path | None = None, *, validate: bool | None = None) -> Dataset:
    """Load a data package: the shipped one (offline) by default, or the working copy at ``path``
    (a ``datapackage.json`` or its folder). Each file is read once.

    A working copy is validated, and :class:`InvalidPackageError` is raised if it has errors;
    pass ``validate=False`` to load it as it is. The shipped package is validated by its tests:
    its report is made while reading but not enforced unless ``validate=True``.
    """
    enforce = validate if validate is not None else path is not None
    package = open_package(path, validate=enforce)
    # The API's frames are checked against their pandera schemas whenever the data is known
    # valid: the shipped package, or a working copy that passed validation.
    return Dataset(package, checked=path is None or enforce)
