"""The three browsable tables (meetings, claims, sources): rows, columns and filters.

A table is plain HTML, complete and in order without JavaScript (meetings by date, claims by
meeting date, sources by publication date). ``table.js`` sorts and filters it in the page and
keeps the filters in the address (``meetings/index.html?from=2021&to=2022&status=alleged``),
so a filtered view can be shared. Filters match the codes and ids kept in each row's ``data-``
attributes; the words shown come from :mod:`.labels`.
"""

from __future__ import annotations

from typing import Any

from .labels import human_date, label


def _year(day: str | None) -> str:
    return day[:4] if day else ""


def _options(values: dict[str, str]) -> list[tuple[str, str]]:
    """(code, words) sorted by words, for a filter's choices."""
    return sorted(values.items(), key=lambda kv: (kv[1].casefold(), kv[0]))


def _cell(text: str, href: str | None = None, lang: str | None = None, sort: str = "") -> dict:
    return {"text": text, "href": href, "lang": lang, "sort": sort}


def meetings_table(data: dict[str, Any]) -> dict[str, Any]:
    t, by_id = data["t"], data["by_id"]
    meetings = sorted(t["meetings"], key=_meeting_order)
    people_in: dict[str, str] = {}
    countries: dict[str, str] = {}
    statuses = {m["status"]: label("meetings.status", m["status"]) for m in meetings}
    contacts = {
        m["contact"]: label("meetings.contact", m["contact"]) for m in meetings if m.get("contact")
    }
    rows = []
    for m in meetings:
        parts = data["parts_of_meeting"][m["meeting_id"]]
        names = []
        for p in parts:
            person = by_id["people"][p["person_id"]]
            people_in[p["person_id"]] = person["name"]
            names.append(person["name"])
        if m.get("country"):
            countries[m["country"]] = label("country", m["country"])
        last = m.get("end_date_latest") or m.get("date_latest")
        data_attrs = {
            "from": _year(m.get("date_earliest")),
            "to": _year(last),
            "status": m["status"],
            "contact": m.get("contact") or "",
            "country": m.get("country") or "",
            "person": " ".join(sorted({p["person_id"] for p in parts})),
        }
        where = ", ".join(x for x in (m.get("city"), label("country", m.get("country"))) if x)
        cells = [
            _cell(human_date(m.get("date")) or "undated", sort=m.get("date_earliest") or "9999"),
            _cell(m["title"], href=f"{m['meeting_id']}.html"),
            _cell(label("meetings.status", m["status"]), sort=str(_STATUS_ORDER[m["status"]])),
            _cell(label("meetings.contact", m.get("contact")) or label("meetings.kind", m["kind"])),
            _cell(where),
            _cell(", ".join(names)),
            _cell(str(len(data["about"][("meetings", m["meeting_id"])]))),
        ]
        rows.append({"data": data_attrs, "cells": cells})
    filters = [
        {"name": "from", "label": "From year", "range": True},
        {"name": "to", "label": "To year", "range": True},
        {"name": "status", "label": "Status", "options": _options(statuses)},
    ]
    if contacts:
        filters.append(
            {"name": "contact", "label": "Kind of contact", "options": _options(contacts)}
        )
    filters += [
        {"name": "country", "label": "Country", "options": _options(countries)},
        {"name": "person", "label": "Person", "options": _options(people_in), "multi": True},
    ]
    return {
        "noun": ("meeting", "meetings"),
        "count_by": "status",
        "columns": [
            ("Date", "date"),
            ("Meeting", "text"),
            ("Status", "num"),
            ("Kind of contact" if contacts else "Kind", "text"),
            ("Place", "text"),
            ("Named participants", "text"),
            ("Claims", "num"),
        ],
        "filters": filters,
        "rows": rows,
    }


_STATUS_ORDER = {"acknowledged": 0, "reported": 1, "alleged": 2}


def _meeting_order(m: dict) -> tuple:
    return (m.get("date_earliest") or "9999", m["meeting_id"])


def claims_table(data: dict[str, Any]) -> dict[str, Any]:
    t, by_id = data["t"], data["by_id"]
    order = {m["meeting_id"]: i for i, m in enumerate(sorted(t["meetings"], key=_meeting_order))}
    claims = sorted(
        t["claims"],
        key=lambda c: (order.get(c.get("meeting_id") or "", len(order)), c["claim_id"]),
    )
    types = {c["claim_type"]: label("claims.claim_type", c["claim_type"]) for c in claims}
    claimants: dict[str, str] = {}
    meetings: dict[str, str] = {}
    rows = []
    for c in claims:
        who, who_href = claimant_name(c, by_id)
        key = claimant_key(c)
        claimants[key] = who
        about, about_href = _subject(c, by_id)
        if c.get("meeting_id"):
            meetings[c["meeting_id"]] = by_id["meetings"][c["meeting_id"]]["title"]
        rows.append(
            {
                "data": {
                    "type": c["claim_type"],
                    "claimant": key,
                    "meeting": c.get("meeting_id") or "",
                },
                "cells": [
                    _cell(c["statement"], href=f"{c['claim_id']}.html"),
                    _cell(label("claims.claim_type", c["claim_type"])),
                    _cell(who, href=who_href),
                    _cell(about, href=about_href),
                    _cell(human_date(c.get("stated")), sort=c.get("stated_earliest") or ""),
                    _cell(str(c["origins"])),
                ],
            }
        )
    return {
        "noun": ("claim", "claims"),
        "count_by": "type",
        "columns": [
            ("Claim", "text"),
            ("Type", "text"),
            ("Claimant", "text"),
            ("About", "text"),
            ("Stated", "date"),
            ("Independent origins", "num"),
        ],
        "filters": [
            {"name": "type", "label": "Type", "options": _options(types)},
            {"name": "claimant", "label": "Claimant", "options": _options(claimants)},
            {"name": "meeting", "label": "Meeting", "options": _options(meetings)},
        ],
        "rows": rows,
    }


def claimant_key(c: dict) -> str:
    """A claimant's filter value: the person's or organization's id, or the description."""
    return (
        c.get("claimant_person_id")
        or c.get("claimant_organization_id")
        or c.get("claimant_description")
        or ""
    )


def claimant_name(c: dict, by_id: dict, root: str = "../") -> tuple[str, str | None]:
    """The claimant's name and page (``None`` for an unnamed claimant)."""
    if c.get("claimant_person_id"):
        pid = c["claimant_person_id"]
        return by_id["people"][pid]["name"], f"{root}people/{pid}.html"
    if c.get("claimant_organization_id"):
        oid = c["claimant_organization_id"]
        return by_id["organizations"][oid]["name"], f"{root}organizations/{oid}.html"
    return c.get("claimant_description") or "", None


def _subject(c: dict, by_id: dict) -> tuple[str, str | None]:
    if c.get("meeting_id"):
        return by_id["meetings"][c["meeting_id"]]["title"], f"../meetings/{c['meeting_id']}.html"
    if c.get("person_id"):
        return by_id["people"][c["person_id"]]["name"], f"../people/{c['person_id']}.html"
    oid = c["organization_id"]
    return by_id["organizations"][oid]["name"], f"../organizations/{oid}.html"


def sources_table(data: dict[str, Any]) -> dict[str, Any]:
    sources = sorted(
        data["t"]["sources"],
        key=lambda s: (s.get("published_earliest") or "9999", s["source_id"]),
    )
    publishers = {s["publisher"]: s["publisher"] for s in sources}
    languages = {s["language"]: label("language", s["language"]) for s in sources}
    rows = []
    for s in sources:
        rows.append(
            {
                "data": {
                    "from": _year(s.get("published_earliest")),
                    "to": _year(s.get("published_latest")),
                    "publisher": s["publisher"],
                    "language": s["language"],
                },
                "cells": [
                    _cell(
                        human_date(s.get("published")) or "no date",
                        sort=s.get("published_earliest") or "",
                    ),
                    _cell(s["publisher"]),
                    _cell(s["title"], href=f"{s['source_id']}.html", lang=s["language"]),
                    _cell(label("language", s["language"])),
                    _cell(label("sources.source_type", s["source_type"])),
                    _cell(str(len(s["claims"]))),
                ],
            }
        )
    return {
        "noun": ("source", "sources"),
        "count_by": "language",
        "columns": [
            ("Published", "date"),
            ("Publisher", "text"),
            ("Title", "text"),
            ("Language", "text"),
            ("Type", "text"),
            ("Claims", "num"),
        ],
        "filters": [
            {"name": "from", "label": "From year", "range": True},
            {"name": "to", "label": "To year", "range": True},
            {"name": "publisher", "label": "Publisher", "options": _options(publishers)},
            {"name": "language", "label": "Language", "options": _options(languages)},
        ],
        "rows": rows,
    }
