"""The three browsable tables (meetings, claims, sources): rows, columns and filters.

A table is plain HTML, complete and in order without JavaScript (meetings by date, claims by
meeting date, sources by publication date). ``table.js`` sorts and filters it in the page and
keeps the filters in the address (``meetings/index.html?from=2021&to=2022&status=alleged``),
so a filtered view can be shared. Filters match the codes and ids kept in each row's ``data-``
attributes; the words shown come from :mod:`.labels`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...contract.fields import Meetings, Sources
from .labels import (
    CLAIM_TYPE,
    COUNTRY,
    LANGUAGE,
    MEETING_CONTACT,
    MEETING_KIND,
    MEETING_STATUS,
    SOURCE_TYPE,
    human_date,
    label,
)

if TYPE_CHECKING:
    from .views import ClaimView, MeetingView, Records, SiteView

Status = Meetings.Status


@dataclass(frozen=True)
class Cell:
    """One cell: its words, a link, the language of the words, a value to sort by."""

    text: str
    href: str | None = None
    lang: str | None = None
    sort: str = ""


@dataclass(frozen=True)
class Row:
    """One row: its cells, and the values its filters match (``data-<name>`` attributes)."""

    data: dict[str, str]
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Filter:
    """A filter above a table: a year (``range``) or a choice among (code, words) options."""

    name: str
    label: str
    options: tuple[tuple[str, str], ...] = ()
    range: bool = False
    #: A row may match several values (space-separated in its attribute).
    multi: bool = False


@dataclass(frozen=True)
class Table:
    """A browsable table: what it lists, its columns (title, sort kind), filters and rows."""

    noun: tuple[str, str]
    #: The filter whose values the count above the table is broken down by.
    count_by: str
    columns: tuple[tuple[str, str], ...]
    filters: tuple[Filter, ...]
    rows: tuple[Row, ...]


def _year(day: str | None) -> str:
    return day[:4] if day else ""


def _options(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(code, words) sorted by words, for a filter's choices."""
    return tuple(sorted(values.items(), key=lambda kv: (kv[1].casefold(), kv[0])))


def _years() -> tuple[Filter, Filter]:
    return Filter("from", "From year", range=True), Filter("to", "To year", range=True)


#: The order of the statuses when the meetings are sorted by status.
_STATUS_ORDER = {Status.ACKNOWLEDGED: 0, Status.REPORTED: 1, Status.ALLEGED: 2}


def _meeting_order(m: MeetingView) -> tuple[str, str]:
    return (m.date_earliest or "9999", m.meeting_id)


def meetings_table(site: SiteView) -> Table:
    by_id = site.by_id
    meetings = sorted(site.meetings, key=_meeting_order)
    people_in: dict[str, str] = {}
    countries: dict[str, str] = {}
    statuses = {m.status: label(MEETING_STATUS, m.status) for m in meetings}
    contacts = {m.contact: label(MEETING_CONTACT, m.contact) for m in meetings if m.contact}
    rows = []
    for m in meetings:
        names = []
        for p in m.people:
            person = by_id.people[p.participant_id]
            people_in[p.participant_id] = person.name
            names.append(person.name)
        if m.country:
            countries[m.country] = label(COUNTRY, m.country)
        data_attrs = {
            "from": _year(m.date_earliest),
            "to": _year(m.last_day),
            Meetings.status: m.status,
            Meetings.contact: m.contact or "",
            Meetings.country: m.country or "",
            "person": " ".join(sorted({p.participant_id for p in m.people})),
        }
        where = ", ".join(x for x in (m.city, label(COUNTRY, m.country)) if x)
        cells = (
            Cell(human_date(m.date) or "undated", sort=m.date_earliest or "9999"),
            Cell(m.title, href=f"{m.meeting_id}.html"),
            Cell(label(MEETING_STATUS, m.status), sort=str(_STATUS_ORDER[m.status])),
            Cell(label(MEETING_CONTACT, m.contact) or label(MEETING_KIND, m.kind)),
            Cell(where),
            Cell(", ".join(names)),
            Cell(str(len(m.claims))),
        )
        rows.append(Row(data_attrs, cells))
    filters = [*_years(), Filter(Meetings.status, "Status", _options(statuses))]
    if contacts:
        filters.append(Filter(Meetings.contact, "Kind of contact", _options(contacts)))
    filters += [
        Filter(Meetings.country, "Country", _options(countries)),
        Filter("person", "Person", _options(people_in), multi=True),
    ]
    return Table(
        noun=("meeting", "meetings"),
        count_by=Meetings.status,
        columns=(
            ("Date", "date"),
            ("Meeting", "text"),
            ("Status", "num"),
            ("Kind of contact" if contacts else "Kind", "text"),
            ("Place", "text"),
            ("Named participants", "text"),
            ("Claims", "num"),
        ),
        filters=tuple(filters),
        rows=tuple(rows),
    )


def claims_table(site: SiteView) -> Table:
    by_id = site.by_id
    order = {m.meeting_id: i for i, m in enumerate(sorted(site.meetings, key=_meeting_order))}
    claims = sorted(
        site.claims, key=lambda c: (order.get(c.meeting_id or "", len(order)), c.claim_id)
    )
    types = {c.claim_type: label(CLAIM_TYPE, c.claim_type) for c in claims}
    claimants: dict[str, str] = {}
    meetings: dict[str, str] = {}
    rows = []
    for c in claims:
        claimants[c.claimant.key] = c.claimant.name
        about, about_href = _subject(c, by_id)
        if c.meeting_id:
            meetings[c.meeting_id] = by_id.meetings[c.meeting_id].title
        who_href = f"../{c.claimant.page}" if c.claimant.page else None
        rows.append(
            Row(
                {"type": c.claim_type, "claimant": c.claimant.key, "meeting": c.meeting_id or ""},
                (
                    Cell(c.statement, href=f"{c.claim_id}.html"),
                    Cell(label(CLAIM_TYPE, c.claim_type)),
                    Cell(c.claimant.name, href=who_href),
                    Cell(about, href=about_href),
                    Cell(human_date(c.stated), sort=c.stated_earliest or ""),
                    Cell(str(c.origins)),
                ),
            )
        )
    return Table(
        noun=("claim", "claims"),
        count_by="type",
        columns=(
            ("Claim", "text"),
            ("Type", "text"),
            ("Claimant", "text"),
            ("About", "text"),
            ("Stated", "date"),
            ("Independent origins", "num"),
        ),
        filters=(
            Filter("type", "Type", _options(types)),
            Filter("claimant", "Claimant", _options(claimants)),
            Filter("meeting", "Meeting", _options(meetings)),
        ),
        rows=tuple(rows),
    )


def _subject(c: ClaimView, by_id: Records) -> tuple[str, str | None]:
    if c.meeting_id:
        return by_id.meetings[c.meeting_id].title, f"../meetings/{c.meeting_id}.html"
    if c.person_id:
        return by_id.people[c.person_id].name, f"../people/{c.person_id}.html"
    oid = c.organization_id or ""
    return by_id.organizations[oid].name, f"../organizations/{oid}.html"


def sources_table(site: SiteView) -> Table:
    sources = sorted(site.sources, key=lambda s: (s.published_earliest or "9999", s.source_id))
    publishers = {s.publisher: s.publisher for s in sources}
    languages = {s.language: label(LANGUAGE, s.language) for s in sources}
    rows = []
    for s in sources:
        rows.append(
            Row(
                {
                    "from": _year(s.published_earliest),
                    "to": _year(s.published_latest),
                    Sources.publisher: s.publisher,
                    Sources.language: s.language,
                },
                (
                    Cell(human_date(s.published) or "no date", sort=s.published_earliest or ""),
                    Cell(s.publisher),
                    Cell(s.title, href=f"{s.source_id}.html", lang=s.language),
                    Cell(label(LANGUAGE, s.language)),
                    Cell(label(SOURCE_TYPE, s.source_type)),
                    Cell(str(len(s.claims))),
                ),
            )
        )
    return Table(
        noun=("source", "sources"),
        count_by=Sources.language,
        columns=(
            ("Published", "date"),
            ("Publisher", "text"),
            ("Title", "text"),
            ("Language", "text"),
            ("Type", "text"),
            ("Claims", "num"),
        ),
        filters=(
            *_years(),
            Filter(Sources.publisher, "Publisher", _options(publishers)),
            Filter(Sources.language, "Language", _options(languages)),
        ),
        rows=tuple(rows),
    )
