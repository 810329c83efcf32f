"""Coverage counts of a package: what the curation holds, and where it is thin."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from .. import contract
from ..contract import Claims, Meetings, People, Sources
from ..dataset.derive import ORIGINS, Derived
from ..dataset.package import ValidatedPackage, open_package
from ..foundations.dates import earliest, latest
from ..foundations.progress import Progress


def coverage(
    path: str | Path | ValidatedPackage | None = None,
    *,
    validate: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Counts for the package at ``path`` (default: the shipped one), or of a package already
    opened. A package with errors raises :class:`~.package.InvalidPackageError`, unless
    ``validate`` is false: then it is counted as it is, a resource that cannot be read as empty.

    Keys: ``rows`` per resource; ``claims_per_meeting`` (with each meeting's status and how
    many of its claims rest on a single independent origin);
    ``single_origin_claims`` (claims whose sources all go back to one document);
    ``people_without_native_name`` (Libyans without ``name_ar``, Israelis without ``name_he``);
    ``sources_without_url``; ``meetings_by_status``; ``disputed_claims``; ``contacts``
    (see :func:`contacts`).
    """
    package = (
        path
        if isinstance(path, ValidatedPackage)
        else open_package(path, validate=validate, progress=progress)
    )
    # A resource the validator rejected (unsafe path, missing file) counts as empty, and is
    # named under "unreadable", rather than failing the whole count.
    reference = contract.reference()
    t = {
        name: package.tables.get(name, pl.DataFrame(schema=dict.fromkeys(r.field_names, pl.String)))
        for name, r in reference.items()
    }
    derived = Derived(t, reference)
    claims, meetings, people = t[Claims.RESOURCE], t[Meetings.RESOURCE], t[People.RESOURCE]
    origin = derived.origins
    per_claim = claims.select(Claims.claim_id, Claims.meeting_id).join(
        origin, on=Claims.claim_id, how="left"
    )
    # "claims" and "single_origin" are counts of the report, not fields
    counts = per_claim.group_by(Claims.meeting_id).agg(
        pl.len().alias(CLAIMS), (pl.col(ORIGINS) == 1).sum().alias(SINGLE_ORIGIN)
    )
    per_meeting = (
        meetings.select(Meetings.meeting_id, Meetings.status)
        .join(counts, on=Meetings.meeting_id, how="left")
        .with_columns(pl.col(CLAIMS).fill_null(0), pl.col(SINGLE_ORIGIN).fill_null(0))
        .select(Meetings.meeting_id, Meetings.status, CLAIMS, SINGLE_ORIGIN)
        .sort(Meetings.meeting_id)
    )
    single = origin.filter(pl.col(ORIGINS) == 1).height
    missing_native = people.filter(
        ((pl.col(People.country) == "LY") & pl.col(People.name_ar).is_null())
        | ((pl.col(People.country) == "IL") & pl.col(People.name_he).is_null())
    ).select(People.person_id, People.country)
    return {
        "rows": {name: df.height for name, df in t.items()},
        "claims_per_meeting": per_meeting.to_dicts(),
        "single_origin_claims": single,
        "claims_with_origins": origin.height,
        "people_without_native_name": missing_native.to_dicts(),
        "sources_without_url": t[Sources.RESOURCE].filter(pl.col(Sources.url).is_null()).height,
        "meetings_by_status": dict(
            meetings.group_by(Meetings.status).len().sort(Meetings.status).iter_rows()
        ),
        "disputed_claims": claims.filter(pl.col(Claims.disputes).is_not_null()).height,
        "contacts": contacts(derived.table(Meetings.RESOURCE)),
        "unreadable": [name for name in reference if name not in package.tables],
    }


#: The ``contact`` of a meeting that is not itself a contact.
RELATED_EVENT = Meetings.Contact.RELATED_EVENT
#: Columns of ``claims_per_meeting`` beside the meeting's id and status.
CLAIMS, SINGLE_ORIGIN = "claims", "single_origin"


def decade(earliest: date | None, latest: date | None) -> str:
    """The decade of a date's bounds, ``1990s``; a date whose bounds fall in two decades is
    counted under both, as ``1990s-2000s``, rather than placed in one it may not belong to."""
    if earliest is None:
        return "undated"
    first = f"{earliest.year // 10 * 10}s"
    last = f"{(latest or earliest).year // 10 * 10}s"
    return first if first == last else f"{first}-{last}"


def contacts(meetings: pl.DataFrame) -> dict[str, Any]:
    """Contacts (meetings whose ``contact`` is not ``related_event``) by decade and by kind of
    contact, and related events counted apart, each by decade too.

    Keys: ``contacts`` (the number); ``by_decade`` (decade -> kind of contact -> number);
    ``by_contact`` (kind of contact -> number); ``related_events``;
    ``related_events_by_decade``. A meeting without ``contact`` counts as ``unclassified``.
    """
    contact = (
        pl.col(Meetings.contact).fill_null("unclassified")
        if Meetings.contact in meetings.columns
        else pl.lit("unclassified")
    )
    first, last = earliest(Meetings.date), latest(Meetings.date)
    rows = meetings.select(
        contact.alias(Meetings.contact),
        pl.struct(first, last)
        .map_elements(lambda b: decade(b[first], b[last]), return_dtype=pl.String)
        .alias("decade"),
    )
    real = rows.filter(pl.col(Meetings.contact) != RELATED_EVENT)
    related = rows.filter(pl.col(Meetings.contact) == RELATED_EVENT)
    by_decade: dict[str, dict[str, int]] = {}
    for dec, kind, n in (
        real.group_by("decade", Meetings.contact).len().sort("decade", Meetings.contact).iter_rows()
    ):
        by_decade.setdefault(dec, {})[kind] = n
    return {
        "contacts": real.height,
        "by_decade": by_decade,
        "by_contact": dict(
            real.group_by(Meetings.contact).len().sort(Meetings.contact).iter_rows()
        ),
        "related_events": related.height,
        "related_events_by_decade": dict(
            related.group_by("decade").len().sort("decade").iter_rows()
        ),
    }


def render(counts: dict[str, Any]) -> str:
    """Coverage counts as plain text, one fact per line."""
    lines = ["rows per resource:"]
    width = max(map(len, counts["rows"]), default=0) + 2
    lines += [f"  {name:<{width}}{n:>6}" for name, n in counts["rows"].items()]
    lines.append(
        "meetings by status: "
        + ", ".join(f"{k} {v}" for k, v in counts["meetings_by_status"].items())
    )
    c = counts["contacts"]
    lines.append(f"contacts (meetings that are not related events): {c['contacts']}")
    lines += [
        f"  {dec:<12}{sum(kinds.values()):>4}  ("
        + ", ".join(f"{k} {n}" for k, n in kinds.items())
        + ")"
        for dec, kinds in c["by_decade"].items()
    ]
    lines.append("contacts by kind: " + ", ".join(f"{k} {n}" for k, n in c["by_contact"].items()))
    lines.append(f"related events (kept, not contacts): {c['related_events']}")
    lines += [f"  {dec:<12}{n:>4}" for dec, n in c["related_events_by_decade"].items()]
    lines.append(f"claims linked by disputes: {counts['disputed_claims']}")
    lines.append(
        f"claims with a single origin: {counts['single_origin_claims']} of "
        f"{counts['claims_with_origins']}"
    )
    lines.append(f"sources without url (upstream documents): {counts['sources_without_url']}")
    lines.append("claims per meeting (of which with a single origin):")
    lines += [
        f"  {m[CLAIMS]:>4} ({m[SINGLE_ORIGIN]:>3})  {m[Meetings.meeting_id]} ({m[Meetings.status]})"
        for m in counts["claims_per_meeting"]
    ]
    if counts["unreadable"]:
        lines.append(
            "resources that could not be read (counted as empty; run validate): "
            + ", ".join(counts["unreadable"])
        )
    missing = counts["people_without_native_name"]
    lines.append(f"people without a name in their own script: {len(missing)}")
    lines += [f"  {p[People.person_id]} ({p[People.country]})" for p in missing]
    return "\n".join(lines)
