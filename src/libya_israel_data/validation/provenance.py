"""Layer 5, provenance: the cross-table rules 1-8 of the data contract (docs/data-model.md).

They guarantee that every fact leads, by foreign keys, to at least one source. Joins and
anti-joins in polars; the relay chains are walked once, by :class:`~..relays.Chains`.
Every rule declares the columns it needs, named through the contract.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import polars as pl

from ..contract.fields import (
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
from ..foundations.dates import date_bounds, earliest, latest
from ..foundations.issues import Code, Issue, shown
from ..foundations.relays import Chains
from .rules import Context, rule
from .structure import ROW
from .tables import present

#: Organization kinds that count as "a government body" for rule 2.
GOVERNMENT_KINDS = [
    Organizations.Kind.GOVERNMENT,
    Organizations.Kind.MINISTRY,
    Organizations.Kind.PRESIDENCY,
]
SUBJECTS = (Claims.meeting_id, Claims.person_id, Claims.organization_id)
CLAIMANTS = (
    Claims.claimant_person_id,
    Claims.claimant_organization_id,
    Claims.claimant_description,
)
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """The form in which two URLs are compared (rule 7): scheme and host lower-cased, no user
    name, default port, fragment, trailing slash or tracking parameter. A port that is not a
    number from 0 to 65535 is kept as written (the ``url`` pattern does not look at ports)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket: compared as written
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port: int | str | None = parts.port
    except ValueError:  # out of range or not a number
        port = parts.netloc.rpartition(":")[2]
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ]
    )
    return urlunsplit((scheme, host, parts.path.rstrip("/"), query, ""))


# --- claims: subject and claimant ------------------------------------------------------------
@rule(
    "every claim has a subject and a claimant",
    "provenance",
    (Code.CLAIM_SUBJECT_MISSING, Code.CLAIMANT_MISSING),
    {Claims.RESOURCE: (Claims.claim_id, *SUBJECTS, *CLAIMANTS)},
)
def claim_fields(ctx: Context) -> list[Issue]:
    claims = ctx.df(Claims.RESOURCE)
    none = ~pl.any_horizontal([present(c) for c in SUBJECTS])
    issues = ctx.emit(
        Code.CLAIM_SUBJECT_MISSING,
        Claims.RESOURCE,
        claims.filter(none),
        Claims.meeting_id,
        lambda r: (
            f"claim {shown(r[Claims.claim_id])} is about nothing: set meeting_id, "
            "person_id or organization_id"
        ),
    )
    none = ~pl.any_horizontal([present(c) for c in CLAIMANTS])
    return issues + ctx.emit(
        Code.CLAIMANT_MISSING,
        Claims.RESOURCE,
        claims.filter(none),
        Claims.claimant_person_id,
        lambda r: f"claim {shown(r[Claims.claim_id])} has no claimant",
    )


# --- rule 1 ----------------------------------------------------------------------------------
@rule(
    "rule 1: every claim is cited",
    "provenance",
    (Code.CITATION_MISSING,),
    {Claims.RESOURCE: (Claims.claim_id,), Citations.RESOURCE: (Citations.claim_id,)},
)
def citations(ctx: Context) -> list[Issue]:
    claims = ctx.df(Claims.RESOURCE)
    cites = ctx.df(Citations.RESOURCE)
    uncited = claims.join(cites.select(Citations.claim_id).unique(), on=Claims.claim_id, how="anti")
    return ctx.emit(
        Code.CITATION_MISSING,
        Claims.RESOURCE,
        uncited,
        Claims.claim_id,
        lambda r: f"claim {shown(r[Claims.claim_id])} has no citation (rule 1)",
    )


# --- rule 2 ----------------------------------------------------------------------------------
@rule(
    "rule 2: every meeting has an 'occurred' claim; an acknowledged one, by a participant",
    "provenance",
    (Code.OCCURRED_CLAIM_MISSING, Code.ACKNOWLEDGEMENT_MISSING),
    {
        Meetings.RESOURCE: (Meetings.meeting_id, Meetings.status),
        Claims.RESOURCE: (
            Claims.meeting_id,
            Claims.claim_type,
            Claims.claimant_person_id,
            Claims.claimant_organization_id,
        ),
        Participants.RESOURCE: (Participants.meeting_id, Participants.person_id, Participants.side),
        OrganizationParticipants.RESOURCE: (
            OrganizationParticipants.meeting_id,
            OrganizationParticipants.organization_id,
            OrganizationParticipants.side,
        ),
        Organizations.RESOURCE: (
            Organizations.organization_id,
            Organizations.kind,
            Organizations.country,
        ),
        People.RESOURCE: (People.person_id, People.country),
    },
)
def occurred(ctx: Context) -> list[Issue]:
    meetings = ctx.df(Meetings.RESOURCE)
    claims = ctx.df(Claims.RESOURCE)
    occ = claims.filter(
        (pl.col(Claims.claim_type) == Claims.ClaimType.OCCURRED) & present(Claims.meeting_id)
    )
    missing = meetings.join(
        occ.select(Claims.meeting_id).unique(), on=Meetings.meeting_id, how="anti"
    )
    issues = ctx.emit(
        Code.OCCURRED_CLAIM_MISSING,
        Meetings.RESOURCE,
        missing,
        Meetings.meeting_id,
        lambda r: f"meeting {shown(r[Meetings.meeting_id])} has no 'occurred' claim (rule 2)",
    )
    parts = ctx.df(Participants.RESOURCE)
    orgs = ctx.df(Organizations.RESOURCE)
    people = ctx.df(People.RESOURCE)
    org_parts = ctx.df(OrganizationParticipants.RESOURCE)
    by_person = occ.join(
        parts.select(
            Participants.meeting_id, pl.col(Participants.person_id).alias(Claims.claimant_person_id)
        ),
        on=[Claims.meeting_id, Claims.claimant_person_id],
        how="semi",
    ).select(Claims.meeting_id)
    # An organization at the meeting speaks for itself, as a person participant does.
    by_organization = occ.join(
        org_parts.select(
            pl.col(OrganizationParticipants.meeting_id).alias(Claims.meeting_id),
            pl.col(OrganizationParticipants.organization_id).alias(Claims.claimant_organization_id),
        ),
        on=[Claims.meeting_id, Claims.claimant_organization_id],
        how="semi",
    ).select(Claims.meeting_id)
    person_countries = parts.join(
        people.select(People.person_id, pl.col(People.country).alias("_pc")),
        on=Participants.person_id,
        how="left",
    ).select(
        Participants.meeting_id,
        pl.coalesce(
            pl.when(present(Participants.side)).then(pl.col(Participants.side)), pl.col("_pc")
        ).alias(Organizations.country),
    )
    org_countries = org_parts.join(
        orgs.select(Organizations.organization_id, pl.col(Organizations.country).alias("_oc")),
        on=OrganizationParticipants.organization_id,
        how="left",
    ).select(
        pl.col(OrganizationParticipants.meeting_id).alias(Participants.meeting_id),
        pl.coalesce(
            pl.when(present(OrganizationParticipants.side)).then(
                pl.col(OrganizationParticipants.side)
            ),
            pl.col("_oc"),
        ).alias(Organizations.country),
    )
    countries = (
        pl.concat([person_countries, org_countries])
        .drop_nulls()
        .filter(pl.col(Organizations.country) != "")
        .unique()
    )
    gov = orgs.filter(pl.col(Organizations.kind).is_in(GOVERNMENT_KINDS)).select(
        pl.col(Organizations.organization_id).alias(Claims.claimant_organization_id),
        pl.col(Organizations.country),
    )
    by_gov = occ.join(gov, on=Claims.claimant_organization_id, how="inner")
    by_gov_ok = pl.concat(
        [
            by_gov.join(
                countries, on=[Claims.meeting_id, Organizations.country], how="semi"
            ).select(Claims.meeting_id),
            by_gov.join(countries, on=Claims.meeting_id, how="anti").select(Claims.meeting_id),
        ]
    )
    ok = pl.concat([by_person, by_organization, by_gov_ok]).unique()
    unack = meetings.filter(pl.col(Meetings.status) == Meetings.Status.ACKNOWLEDGED).join(
        ok, on=Meetings.meeting_id, how="anti"
    )
    return issues + ctx.emit(
        Code.ACKNOWLEDGEMENT_MISSING,
        Meetings.RESOURCE,
        unack,
        Meetings.status,
        lambda r: (
            f"meeting {shown(r[Meetings.meeting_id])} is 'acknowledged' but no participant "
            "and no government body of a participant's country says it occurred (rule 2)"
        ),
    )


# --- rule 3 ----------------------------------------------------------------------------------
@rule(
    "rule 3: a participant's claim is about the same meeting",
    "provenance",
    (Code.PARTICIPANT_CLAIM_MISMATCH,),
    {
        Participants.RESOURCE: (Participants.meeting_id, Participants.claim_id),
        Claims.RESOURCE: (Claims.claim_id, Claims.meeting_id),
    },
)
def participants(ctx: Context) -> list[Issue]:
    return claims_about_another_meeting(ctx, Participants.RESOURCE)


def claims_about_another_meeting(ctx: Context, resource: str) -> list[Issue]:
    """Rule 3 for a participant table (people's or organizations': both name the meeting and
    the claim in ``meeting_id`` and ``claim_id``): rows whose claim is not about their meeting."""
    parts = ctx.df(resource)
    claims = ctx.df(Claims.RESOURCE)
    joined = parts.join(
        claims.select(Claims.claim_id, pl.col(Claims.meeting_id).alias("_cm")),
        on=Participants.claim_id,
        how="inner",
    )
    bad = joined.filter(pl.col("_cm").fill_null("") != pl.col(Participants.meeting_id))
    return ctx.emit(
        Code.PARTICIPANT_CLAIM_MISMATCH,
        resource,
        bad,
        Participants.claim_id,
        lambda r: (
            f"claim {shown(r[Participants.claim_id])} is about "
            f"{shown(r['_cm'] or 'no meeting')}, not meeting {shown(r[Participants.meeting_id])} "
            "(rule 3)"
        ),
    )


def _chains(sources: pl.DataFrame) -> Chains:
    links = dict(
        sources.filter(present(Sources.relays))
        .select(Sources.source_id, Sources.relays)
        .iter_rows()
    )
    return Chains.walk(sources.get_column(Sources.source_id).to_list(), links)


# --- rule 4 and relay chains -------------------------------------------------------------------
@rule(
    "rule 4: an upstream document is relayed; relay chains end",
    "provenance",
    (Code.UPSTREAM_NOT_RELAYED, Code.RELAYS_CYCLE),
    {Sources.RESOURCE: (Sources.source_id, Sources.url, Sources.relays)},
)
def relays(ctx: Context) -> list[Issue]:
    sources = ctx.df(Sources.RESOURCE)
    relayed = sources.filter(
        present(Sources.relays) & (pl.col(Sources.relays) != pl.col(Sources.source_id))
    )
    upstream = sources.filter(~present(Sources.url)).join(
        relayed.select(pl.col(Sources.relays).alias(Sources.source_id)).unique(),
        on=Sources.source_id,
        how="anti",
    )
    issues = ctx.emit(
        Code.UPSTREAM_NOT_RELAYED,
        Sources.RESOURCE,
        upstream,
        Sources.url,
        lambda r: (
            f"source {shown(r[Sources.source_id])} has no url and no other source relays it (rule "
            "4)"
        ),
        value=Sources.source_id,
    )
    chains = _chains(sources)
    cyc = sources.filter(pl.col(Sources.source_id).is_in(sorted(chains.in_cycle)))
    issues += ctx.emit(
        Code.RELAYS_CYCLE,
        Sources.RESOURCE,
        cyc,
        Sources.relays,
        lambda r: f"following relays from {shown(r[Sources.source_id])} comes back to it",
    )
    return issues + ctx.emit(
        Code.RELAYS_CYCLE,
        Sources.RESOURCE,
        sources.filter(pl.col(Sources.relays) == pl.col(Sources.source_id)),
        Sources.relays,
        lambda r: f"source {shown(r[Sources.source_id])} relays itself",
    )


# --- rule 5 ----------------------------------------------------------------------------------
@rule(
    "rule 5: a claim disputes another claim about the same subject",
    "provenance",
    (Code.DISPUTE_SELF, Code.DISPUTE_SUBJECT_MISMATCH),
    {Claims.RESOURCE: (Claims.claim_id, Claims.disputes, *SUBJECTS)},
)
def disputes(ctx: Context) -> list[Issue]:
    claims = ctx.df(Claims.RESOURCE)
    issues = ctx.emit(
        Code.DISPUTE_SELF,
        Claims.RESOURCE,
        claims.filter(pl.col(Claims.disputes) == pl.col(Claims.claim_id)),
        Claims.disputes,
        lambda r: f"claim {shown(r[Claims.claim_id])} disputes itself (rule 5)",
    )
    other = claims.select(
        pl.col(Claims.claim_id).alias(Claims.disputes),
        *[pl.col(s).alias(f"_o_{s}") for s in SUBJECTS],
    )
    pairs = claims.filter(
        present(Claims.disputes) & (pl.col(Claims.disputes) != pl.col(Claims.claim_id))
    )
    pairs = pairs.join(other, on=Claims.disputes, how="inner")
    shared = pl.any_horizontal([present(s) & (pl.col(s) == pl.col(f"_o_{s}")) for s in SUBJECTS])
    return issues + ctx.emit(
        Code.DISPUTE_SUBJECT_MISMATCH,
        Claims.RESOURCE,
        pairs.filter(~shared),
        Claims.disputes,
        lambda r: (
            f"claim {shown(r[Claims.claim_id])} disputes {shown(r[Claims.disputes])}, which is "
            "about "
            "another subject (rule 5)"
        ),
    )


# --- rule 6 ----------------------------------------------------------------------------------
def _bounds(df: pl.DataFrame, column: str) -> pl.DataFrame:
    return date_bounds(df.get_column(column), column)


@rule(
    "rule 6: sources are published by the package's date and claims stated before citing "
    "sources; meetings end after they start",
    "provenance",
    (Code.PUBLISHED_AFTER_CREATED, Code.STATED_AFTER_PUBLISHED, Code.END_BEFORE_START),
    {
        Sources.RESOURCE: (Sources.source_id, Sources.published),
        Claims.RESOURCE: (Claims.claim_id, Claims.stated),
        Citations.RESOURCE: (Citations.claim_id, Citations.source_id),
        Meetings.RESOURCE: (Meetings.meeting_id, Meetings.date, Meetings.end_date),
    },
)
def dates(ctx: Context) -> list[Issue]:
    sources = ctx.df(Sources.RESOURCE)
    claims = ctx.df(Claims.RESOURCE)
    cites = ctx.df(Citations.RESOURCE)
    issues: list[Issue] = []
    if ctx.created is not None:
        pub = sources.join(_bounds(sources, Sources.published), on=Sources.published, how="inner")
        late = pub.filter(pl.col(earliest(Sources.published)) > ctx.created)
        issues += ctx.emit(
            Code.PUBLISHED_AFTER_CREATED,
            Sources.RESOURCE,
            late,
            Sources.published,
            lambda r: (
                f"published {r[Sources.published]} is after the package's created "
                f"date {ctx.created} (rule 6)"
            ),
        )
    pub = sources.select(Sources.source_id, Sources.published).join(
        _bounds(sources, Sources.published), on=Sources.published, how="left"
    )
    per_claim = (
        cites.select(Citations.claim_id, Citations.source_id)
        .join(pub, on=Citations.source_id, how="left")
        .group_by(Citations.claim_id)
        .agg(
            pl.col(latest(Sources.published)).max().alias("_last"),
            pl.col(latest(Sources.published)).null_count().alias("_unknown"),
        )
    )
    stated = claims.join(_bounds(claims, Claims.stated), on=Claims.stated, how="inner")
    late = stated.join(per_claim, on=Claims.claim_id, how="inner").filter(
        (pl.col("_unknown") == 0) & (pl.col(earliest(Claims.stated)) > pl.col("_last"))
    )
    issues += ctx.emit(
        Code.STATED_AFTER_PUBLISHED,
        Claims.RESOURCE,
        late,
        Claims.stated,
        lambda r: (
            f"stated {r[Claims.stated]} is after the last of its sources was "
            f"published ({r['_last']}) (rule 6)"
        ),
    )
    meetings = ctx.df(Meetings.RESOURCE)
    m = meetings.join(_bounds(meetings, Meetings.date), on=Meetings.date, how="inner").join(
        _bounds(meetings, Meetings.end_date), on=Meetings.end_date, how="inner"
    )
    bad = m.filter(pl.col(latest(Meetings.end_date)) < pl.col(earliest(Meetings.date)))
    return issues + ctx.emit(
        Code.END_BEFORE_START,
        Meetings.RESOURCE,
        bad,
        Meetings.end_date,
        lambda r: f"end_date {r[Meetings.end_date]} is before date {r[Meetings.date]} (rule 6)",
    )


# --- rule 7 ----------------------------------------------------------------------------------
@rule(
    "rule 7: no two sources share a URL",
    "provenance",
    (Code.DUPLICATE_URL,),
    {Sources.RESOURCE: (Sources.source_id, Sources.url)},
)
def urls(ctx: Context) -> list[Issue]:
    sources = ctx.df(Sources.RESOURCE)
    with_url = sources.filter(present(Sources.url))
    # A cheap key that two equal normalised URLs always share: coarser than normalise_url
    # (lower-cased, no user name, port, query, fragment or trailing slash); only URLs that
    # share it are normalised exactly, in Python.
    cheap = (
        pl.col(Sources.url)
        .str.strip_chars()
        .str.to_lowercase()
        .str.replace(r"[?#].*$", "")
        .str.replace(r"^([a-z][a-z0-9+.-]*://)(?:[^/@]*@)?([^/:]*)(?::[^/]*)?", "$1$2")
        .str.strip_chars_end("/")
    )
    candidates = with_url.filter(cheap.is_duplicated())
    if candidates.is_empty():
        return []
    norm = {u: normalise_url(u) for u in candidates.get_column(Sources.url).unique().to_list()}
    candidates = candidates.with_columns(
        pl.col(Sources.url).replace_strict(norm, return_dtype=pl.String).alias("_norm")
    )
    first = candidates.group_by("_norm").agg(
        pl.col(Sources.source_id).sort_by(ROW).first().alias("_first")
    )
    dup = candidates.sort(ROW).filter(~pl.col("_norm").is_first_distinct()).join(first, on="_norm")
    return ctx.emit(
        Code.DUPLICATE_URL,
        Sources.RESOURCE,
        dup,
        Sources.url,
        lambda r: (
            f"source {shown(r[Sources.source_id])} has the same URL as {shown(r['_first'])} (rule "
            "7)"
        ),
    )


# --- rule 8 ----------------------------------------------------------------------------------
@rule(
    "rule 8: every source is cited or relayed by a cited source",
    "provenance",
    (Code.SOURCE_ORPHANED,),
    {
        Sources.RESOURCE: (Sources.source_id, Sources.relays),
        Citations.RESOURCE: (Citations.source_id,),
        Aliases.RESOURCE: (Aliases.source_id,),
    },
)
def source_orphans(ctx: Context) -> list[Issue]:
    sources = ctx.df(Sources.RESOURCE)
    # Cited by a claim, or by an alias row (the page where a spelling was seen).
    seeds = pl.concat(
        [
            ctx.df(Citations.RESOURCE)[Citations.source_id],
            ctx.df(Aliases.RESOURCE)[Aliases.source_id],
        ]
    )
    used = _chains(sources).reachable(seeds.drop_nulls().unique().to_list())
    orphan = sources.filter(~pl.col(Sources.source_id).is_in(sorted(used)))
    return ctx.emit(
        Code.SOURCE_ORPHANED,
        Sources.RESOURCE,
        orphan,
        Sources.source_id,
        lambda r: (
            f"source {shown(r[Sources.source_id])} is neither cited (by a claim or an alias) "
            "nor relayed by a cited source (rule 8)"
        ),
    )


@rule(
    "rule 8: every person appears in a claim or a participant row",
    "provenance",
    (Code.PERSON_ORPHANED,),
    {
        People.RESOURCE: (People.person_id,),
        Claims.RESOURCE: (Claims.person_id, Claims.claimant_person_id),
        Participants.RESOURCE: (Participants.person_id,),
    },
)
def person_orphans(ctx: Context) -> list[Issue]:
    people = ctx.df(People.RESOURCE)
    claims = ctx.df(Claims.RESOURCE)
    parts = ctx.df(Participants.RESOURCE)
    used = (
        pl.concat(
            [
                claims.get_column(Claims.person_id),
                claims.get_column(Claims.claimant_person_id),
                parts.get_column(Participants.person_id),
            ]
        )
        .drop_nulls()
        .unique()
    )
    orphan = people.filter(~pl.col(People.person_id).is_in(used.implode()))
    return ctx.emit(
        Code.PERSON_ORPHANED,
        People.RESOURCE,
        orphan,
        People.person_id,
        lambda r: (
            f"person {shown(r[People.person_id])} appears in no claim and no participant row (rule "
            "8)"
        ),
    )
