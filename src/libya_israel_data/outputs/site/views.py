"""What the site's pages show, as typed, immutable records built in one place.

:func:`site_view` reads a validated package's derived tables once (every column named through
the contract's constants, :mod:`...contract.fields`) and returns a :class:`SiteView`: each
meeting, person, organization, source and claim with what its page shows beside it (a claim's
citations and claimant, a person's meetings and claims, a source's relays), in a fixed order.
The templates, the tables, the verdict and the pictures read attributes of these records and
never a column by name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ...contract.fields import (
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
from ...dataset.derive import ORIGINS
from ...dataset.package import shown_metadata
from ...foundations.dates import earliest, latest

if TYPE_CHECKING:
    import polars as pl

    from ...dataset.package import ValidatedPackage

__all__ = [
    "AliasView",
    "CitationView",
    "ClaimView",
    "Claimant",
    "MeetingView",
    "Meta",
    "OrganizationView",
    "Participation",
    "PersonView",
    "Records",
    "SiteView",
    "SourceView",
    "site_view",
]


@dataclass(frozen=True)
class Meta:
    """The descriptor's metadata as the pages show it (see :func:`shown_metadata`)."""

    name: str
    version: str
    title: str
    created: str
    licence: str
    description: str
    author: str


@dataclass(frozen=True)
class SourceView:
    """A document, with the documents it relays and the claims it supports (by id)."""

    source_id: str
    title: str
    title_en: str | None
    publisher: str
    author: str | None
    url: str | None
    language: str
    published: str | None
    published_earliest: str | None
    published_latest: str | None
    source_type: str
    notes: str | None
    #: The documents it relays, in order down to the origin (itself not included).
    chain: tuple[str, ...]
    #: The documents that relay it.
    relayed_by: tuple[str, ...]
    #: The claims that cite it, in citation order.
    claims: tuple[str, ...]


@dataclass(frozen=True)
class CitationView:
    """One document cited for a claim, and where in it."""

    source: SourceView
    locator: str | None


@dataclass(frozen=True)
class Claimant:
    """Who makes a claim: a person, an organization or an unnamed claimant's description."""

    #: The person's or organization's id, or the description (a table's filter value).
    key: str
    name: str
    #: ``people`` or ``organizations`` for a named claimant (its folder in the site), else None.
    resource: str | None

    @property
    def page(self) -> str | None:
        """The claimant's page from the site's root (``people/x.html``); None when unnamed."""
        return f"{self.resource}/{self.key}.html" if self.resource else None


@dataclass(frozen=True)
class ClaimView:
    """A claim with its claimant, its citations and the claims that contradict it."""

    claim_id: str
    meeting_id: str | None
    person_id: str | None
    organization_id: str | None
    claim_type: str
    statement: str
    claimant: Claimant
    stated: str | None
    stated_earliest: str | None
    #: The claim this one contradicts.
    disputes: str | None
    #: Independent origins: distinct root documents behind its citations.
    origins: int
    citations: tuple[CitationView, ...]
    #: The claims that contradict this one.
    disputed_by: tuple[str, ...]


@dataclass(frozen=True)
class Participation:
    """A person or an organization taking part in a meeting."""

    meeting_id: str
    #: The person's id (people) or the organization's (organizations).
    participant_id: str
    role: str
    #: In what capacity a person took part (people only).
    capacity: str | None
    #: Who took part for an organization (organizations only).
    represented_by: str | None
    side: str | None
    #: The claim that says so.
    claim_id: str | None


@dataclass(frozen=True)
class AliasView:
    """A spelling of a person's name seen in a source."""

    alias: str
    language: str
    source_id: str | None


@dataclass(frozen=True)
class MeetingView:
    """A meeting, its named participants and the claims about it."""

    meeting_id: str
    title: str
    kind: str
    contact: str | None
    relevance: str | None
    date: str | None
    date_earliest: str | None
    date_latest: str | None
    end_date: str | None
    end_date_latest: str | None
    city: str | None
    country: str | None
    venue: str | None
    status: str
    disclosed: str | None
    summary: str
    people: tuple[Participation, ...]
    organizations: tuple[Participation, ...]
    #: The claims about it, in claim order.
    claims: tuple[str, ...]

    @property
    def last_day(self) -> str | None:
        """The last day it may have ended."""
        return self.end_date_latest or self.date_latest


@dataclass(frozen=True)
class PersonView:
    """A person, the meetings they took part in, claims about and by them, other spellings."""

    person_id: str
    name: str
    name_ar: str | None
    name_he: str | None
    country: str | None
    description: str | None
    #: Their meetings, in date order.
    meetings: tuple[Participation, ...]
    claims_about: tuple[str, ...]
    claims_made: tuple[str, ...]
    aliases: tuple[AliasView, ...]

    @property
    def id(self) -> str:
        return self.person_id


@dataclass(frozen=True)
class OrganizationView:
    """An organization, the meetings it took part in, and claims about and by it."""

    organization_id: str
    name: str
    name_ar: str | None
    name_he: str | None
    country: str | None
    kind: str
    parent_id: str | None
    description: str | None
    #: Its meetings, in date order.
    meetings: tuple[Participation, ...]
    claims_about: tuple[str, ...]
    claims_made: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.organization_id


@dataclass(frozen=True)
class Records:
    """Every record by its id, for the links between pages."""

    meetings: dict[str, MeetingView]
    people: dict[str, PersonView]
    organizations: dict[str, OrganizationView]
    sources: dict[str, SourceView]
    claims: dict[str, ClaimView]


@dataclass(frozen=True)
class SiteView:
    """Everything the site shows, each list in the package's order."""

    meta: Meta
    #: Rows of each resource of the package, in its order.
    counts: dict[str, int]
    meetings: tuple[MeetingView, ...]
    people: tuple[PersonView, ...]
    organizations: tuple[OrganizationView, ...]
    sources: tuple[SourceView, ...]
    claims: tuple[ClaimView, ...]
    #: Every person's participation, then every organization's, in the package's order.
    participants: tuple[Participation, ...]
    organization_participants: tuple[Participation, ...]
    by_id: Records
    #: Each source's origin: the document at the end of its relay chain.
    relay_root: dict[str, str]


#: Keys of the claims made by a person or an organization (beside the claims about a record).
_BY_PERSON, _BY_ORGANIZATION = "made by a person", "made by an organization"


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    """A table's rows, dates as ISO strings."""
    return [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        for r in df.iter_rows(named=True)
    ]


def _meta(meta: dict[str, Any]) -> Meta:
    """The descriptor properties :class:`Meta` names (validation makes sure of ``version`` and
    ``created``; :func:`shown_metadata` of the others)."""
    shown = shown_metadata(meta)
    return Meta(**{f.name: str(shown.get(f.name) or "") for f in fields(Meta)})


def _claimant(c: dict[str, Any], people: dict[str, dict], orgs: dict[str, dict]) -> Claimant:
    if pid := c.get(Claims.claimant_person_id):
        return Claimant(pid, people[pid][People.name], People.RESOURCE)
    if oid := c.get(Claims.claimant_organization_id):
        return Claimant(oid, orgs[oid][Organizations.name], Organizations.RESOURCE)
    description = c.get(Claims.claimant_description) or ""
    return Claimant(description, description, None)


def _participation(r: dict[str, Any], who: str) -> Participation:
    return Participation(
        meeting_id=r[Participants.meeting_id],
        participant_id=r[who],
        role=r[Participants.role],
        capacity=r.get(Participants.capacity),
        represented_by=r.get(OrganizationParticipants.represented_by),
        side=r.get(Participants.side),
        claim_id=r.get(Participants.claim_id),
    )


def site_view(package: ValidatedPackage) -> SiteView:
    """The view of every page of ``package``'s site (its derived tables, read once)."""
    derived = package.derived
    t = {name: _rows(derived.table(name)) for name in package.tables}
    people_rows = {r[People.person_id]: r for r in t[People.RESOURCE]}
    org_rows = {r[Organizations.organization_id]: r for r in t[Organizations.RESOURCE]}
    chains = derived.chains

    # sources, with their relays and the claims citing them
    cited_by: dict[str, list[str]] = defaultdict(list)
    for ci in t[Citations.RESOURCE]:
        cited_by[ci[Citations.source_id]].append(ci[Citations.claim_id])
    relayed_by: dict[str, list[str]] = defaultdict(list)
    for s in t[Sources.RESOURCE]:
        if s[Sources.relays]:
            relayed_by[s[Sources.relays]].append(s[Sources.source_id])
    sources = tuple(
        SourceView(
            source_id=(sid := s[Sources.source_id]),
            title=s[Sources.title],
            title_en=s.get(Sources.title_en),
            publisher=s[Sources.publisher],
            author=s.get(Sources.author),
            url=s.get(Sources.url),
            language=s[Sources.language],
            published=s.get(Sources.published),
            published_earliest=s.get(earliest(Sources.published)),
            published_latest=s.get(latest(Sources.published)),
            source_type=s[Sources.source_type],
            notes=s.get(Sources.notes),
            chain=tuple(chains.path(sid)[1:]),
            relayed_by=tuple(relayed_by[sid]),
            claims=tuple(cited_by[sid]),
        )
        for s in t[Sources.RESOURCE]
    )
    source_by_id = {s.source_id: s for s in sources}

    # claims, with their citations, claimant and contradictions
    citations: dict[str, list[CitationView]] = defaultdict(list)
    for ci in t[Citations.RESOURCE]:
        citations[ci[Citations.claim_id]].append(
            CitationView(source_by_id[ci[Citations.source_id]], ci.get(Citations.locator))
        )
    disputed_by: dict[str, list[str]] = defaultdict(list)
    for c in t[Claims.RESOURCE]:
        if c[Claims.disputes]:
            disputed_by[c[Claims.disputes]].append(c[Claims.claim_id])
    claims = tuple(
        ClaimView(
            claim_id=(cid := c[Claims.claim_id]),
            meeting_id=c.get(Claims.meeting_id),
            person_id=c.get(Claims.person_id),
            organization_id=c.get(Claims.organization_id),
            claim_type=c[Claims.claim_type],
            statement=c[Claims.statement],
            claimant=_claimant(c, people_rows, org_rows),
            stated=c.get(Claims.stated),
            stated_earliest=c.get(earliest(Claims.stated)),
            disputes=c.get(Claims.disputes),
            origins=c[ORIGINS],
            citations=tuple(citations[cid]),
            disputed_by=tuple(disputed_by[cid]),
        )
        for c in t[Claims.RESOURCE]
    )
    about: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in t[Claims.RESOURCE]:
        for resource, field in (
            (Meetings.RESOURCE, Claims.meeting_id),
            (People.RESOURCE, Claims.person_id),
            (Organizations.RESOURCE, Claims.organization_id),
            (_BY_PERSON, Claims.claimant_person_id),
            (_BY_ORGANIZATION, Claims.claimant_organization_id),
        ):
            if c[field]:
                about[(resource, c[field])].append(c[Claims.claim_id])

    # participation: people, then organizations (a resource of newer packages only)
    participants = tuple(
        _participation(r, Participants.person_id) for r in t[Participants.RESOURCE]
    )
    organization_participants = tuple(
        _participation(r, OrganizationParticipants.organization_id)
        for r in t.get(OrganizationParticipants.RESOURCE, [])
    )
    when = {
        m[Meetings.meeting_id]: (m[earliest(Meetings.date)] or "9999", m[Meetings.meeting_id])
        for m in t[Meetings.RESOURCE]
    }

    of_meeting: dict[tuple[str, str], list[Participation]] = defaultdict(list)
    in_date_order: dict[tuple[str, str], list[Participation]] = defaultdict(list)
    for resource, rows in (
        (People.RESOURCE, participants),
        (Organizations.RESOURCE, organization_participants),
    ):
        for p in rows:
            of_meeting[(resource, p.meeting_id)].append(p)
        for p in sorted(rows, key=lambda p: when[p.meeting_id]):
            in_date_order[(resource, p.participant_id)].append(p)

    meetings = tuple(
        MeetingView(
            meeting_id=(mid := m[Meetings.meeting_id]),
            title=m[Meetings.title],
            kind=m[Meetings.kind],
            contact=m.get(Meetings.contact),
            relevance=m.get(Meetings.relevance),
            date=m.get(Meetings.date),
            date_earliest=m.get(earliest(Meetings.date)),
            date_latest=m.get(latest(Meetings.date)),
            end_date=m.get(Meetings.end_date),
            end_date_latest=m.get(latest(Meetings.end_date)),
            city=m.get(Meetings.city),
            country=m.get(Meetings.country),
            venue=m.get(Meetings.venue),
            status=m[Meetings.status],
            disclosed=m.get(Meetings.disclosed),
            summary=m[Meetings.summary],
            people=tuple(of_meeting[(People.RESOURCE, mid)]),
            organizations=tuple(of_meeting[(Organizations.RESOURCE, mid)]),
            claims=tuple(about[(Meetings.RESOURCE, mid)]),
        )
        for m in t[Meetings.RESOURCE]
    )
    aliases: dict[str, list[AliasView]] = defaultdict(list)
    for a in t[Aliases.RESOURCE]:
        aliases[a[Aliases.person_id]].append(
            AliasView(a[Aliases.alias], a[Aliases.language], a.get(Aliases.source_id))
        )
    people = tuple(
        PersonView(
            person_id=(pid := p[People.person_id]),
            name=p[People.name],
            name_ar=p.get(People.name_ar),
            name_he=p.get(People.name_he),
            country=p.get(People.country),
            description=p.get(People.description),
            meetings=tuple(in_date_order[(People.RESOURCE, pid)]),
            claims_about=tuple(about[(People.RESOURCE, pid)]),
            claims_made=tuple(about[(_BY_PERSON, pid)]),
            aliases=tuple(aliases[pid]),
        )
        for p in t[People.RESOURCE]
    )
    organizations = tuple(
        OrganizationView(
            organization_id=(oid := o[Organizations.organization_id]),
            name=o[Organizations.name],
            name_ar=o.get(Organizations.name_ar),
            name_he=o.get(Organizations.name_he),
            country=o.get(Organizations.country),
            kind=o[Organizations.kind],
            parent_id=o.get(Organizations.parent_id),
            description=o.get(Organizations.description),
            meetings=tuple(in_date_order[(Organizations.RESOURCE, oid)]),
            claims_about=tuple(about[(Organizations.RESOURCE, oid)]),
            claims_made=tuple(about[(_BY_ORGANIZATION, oid)]),
        )
        for o in t[Organizations.RESOURCE]
    )
    return SiteView(
        meta=_meta(package.metadata()),
        counts={name: len(rows) for name, rows in t.items()},
        meetings=meetings,
        people=people,
        organizations=organizations,
        sources=sources,
        claims=claims,
        participants=participants,
        organization_participants=organization_participants,
        by_id=Records(
            meetings={m.meeting_id: m for m in meetings},
            people={p.person_id: p for p in people},
            organizations={o.organization_id: o for o in organizations},
            sources=source_by_id,
            claims={c.claim_id: c for c in claims},
        ),
        relay_root=chains.root,
    )
