"""Layer 5, provenance: the cross-table rules 1-8 of the data contract (docs/data-model.md).

They guarantee that every fact leads, by foreign keys, to at least one source. Joins and
anti-joins in polars; the relay chains are walked once, by :class:`~..relays.Chains`.
Every rule declares the columns it needs, named through the contract.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import polars as pl

from ..contract import NAMES
from ..foundations.dates import date_bounds
from ..foundations.issues import Code, Issue, shown
from ..foundations.relays import Chains
from .rules import Context, rule
from .structure import ROW
from .tables import present

S, P, A, ORG = NAMES.sources, NAMES.people, NAMES.aliases, NAMES.organizations
M, PA, C, CI = NAMES.meetings, NAMES.participants, NAMES.claims, NAMES.citations
OP = NAMES.organization_participants

#: Organization kinds that count as "a government body" for rule 2.
GOVERNMENT_KINDS = ["government", "ministry", "presidency"]
SUBJECTS = (C.meeting_id, C.person_id, C.organization_id)
CLAIMANTS = (C.claimant_person_id, C.claimant_organization_id, C.claimant_description)
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


def created_date(descriptor: dict) -> date | None:
    value = descriptor.get("created")
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


# --- claims: subject and claimant ------------------------------------------------------------
@rule(
    "every claim has a subject and a claimant",
    "provenance",
    (Code.CLAIM_SUBJECT_MISSING, Code.CLAIMANT_MISSING),
    {"claims": (C.claim_id, *SUBJECTS, *CLAIMANTS)},
)
def claim_fields(ctx: Context) -> list[Issue]:
    claims = ctx.df("claims", C.claim_id, *SUBJECTS, *CLAIMANTS)
    none = ~pl.any_horizontal([present(c) for c in SUBJECTS])
    issues = ctx.emit(
        Code.CLAIM_SUBJECT_MISSING,
        "claims",
        claims.filter(none),
        C.meeting_id,
        lambda r: (
            f"claim {shown(r[C.claim_id])} is about nothing: set meeting_id, "
            "person_id or organization_id"
        ),
    )
    none = ~pl.any_horizontal([present(c) for c in CLAIMANTS])
    return issues + ctx.emit(
        Code.CLAIMANT_MISSING,
        "claims",
        claims.filter(none),
        C.claimant_person_id,
        lambda r: f"claim {shown(r[C.claim_id])} has no claimant",
    )


# --- rule 1 ----------------------------------------------------------------------------------
@rule(
    "rule 1: every claim is cited",
    "provenance",
    (Code.CITATION_MISSING,),
    {"claims": (C.claim_id,), "citations": (CI.claim_id,)},
)
def citations(ctx: Context) -> list[Issue]:
    claims = ctx.df("claims", C.claim_id)
    cites = ctx.df("citations", CI.claim_id)
    uncited = claims.join(cites.select(CI.claim_id).unique(), on=C.claim_id, how="anti")
    return ctx.emit(
        Code.CITATION_MISSING,
        "claims",
        uncited,
        C.claim_id,
        lambda r: f"claim {shown(r[C.claim_id])} has no citation (rule 1)",
    )


# --- rule 2 ----------------------------------------------------------------------------------
@rule(
    "rule 2: every meeting has an 'occurred' claim; an acknowledged one, by a participant",
    "provenance",
    (Code.OCCURRED_CLAIM_MISSING, Code.ACKNOWLEDGEMENT_MISSING),
    {
        "meetings": (M.meeting_id, M.status),
        "claims": (C.meeting_id, C.claim_type, C.claimant_person_id, C.claimant_organization_id),
        "participants": (PA.meeting_id, PA.person_id, PA.side),
        "organization_participants": (OP.meeting_id, OP.organization_id, OP.side),
        "organizations": (ORG.organization_id, ORG.kind, ORG.country),
        "people": (P.person_id, P.country),
    },
)
def occurred(ctx: Context) -> list[Issue]:
    meetings = ctx.df("meetings", M.meeting_id, M.status)
    claims = ctx.df(
        "claims", C.meeting_id, C.claim_type, C.claimant_person_id, C.claimant_organization_id
    )
    occ = claims.filter((pl.col(C.claim_type) == "occurred") & present(C.meeting_id))
    missing = meetings.join(occ.select(C.meeting_id).unique(), on=M.meeting_id, how="anti")
    issues = ctx.emit(
        Code.OCCURRED_CLAIM_MISSING,
        "meetings",
        missing,
        M.meeting_id,
        lambda r: f"meeting {shown(r[M.meeting_id])} has no 'occurred' claim (rule 2)",
    )
    parts = ctx.df("participants", PA.meeting_id, PA.person_id, PA.side)
    orgs = ctx.df("organizations", ORG.organization_id, ORG.kind, ORG.country)
    people = ctx.df("people", P.person_id, P.country)
    org_parts = ctx.df("organization_participants", OP.meeting_id, OP.organization_id, OP.side)
    by_person = occ.join(
        parts.select(PA.meeting_id, pl.col(PA.person_id).alias(C.claimant_person_id)),
        on=[C.meeting_id, C.claimant_person_id],
        how="semi",
    ).select(C.meeting_id)
    # An organization at the meeting speaks for itself, as a person participant does.
    by_organization = occ.join(
        org_parts.select(
            pl.col(OP.meeting_id).alias(C.meeting_id),
            pl.col(OP.organization_id).alias(C.claimant_organization_id),
        ),
        on=[C.meeting_id, C.claimant_organization_id],
        how="semi",
    ).select(C.meeting_id)
    person_countries = parts.join(
        people.select(P.person_id, pl.col(P.country).alias("_pc")), on=PA.person_id, how="left"
    ).select(
        PA.meeting_id,
        pl.coalesce(pl.when(present(PA.side)).then(pl.col(PA.side)), pl.col("_pc")).alias(
            "country"
        ),
    )
    org_countries = org_parts.join(
        orgs.select(ORG.organization_id, pl.col(ORG.country).alias("_oc")),
        on=OP.organization_id,
        how="left",
    ).select(
        pl.col(OP.meeting_id).alias(PA.meeting_id),
        pl.coalesce(pl.when(present(OP.side)).then(pl.col(OP.side)), pl.col("_oc")).alias(
            "country"
        ),
    )
    countries = (
        pl.concat([person_countries, org_countries])
        .drop_nulls()
        .filter(pl.col("country") != "")
        .unique()
    )
    gov = orgs.filter(pl.col(ORG.kind).is_in(GOVERNMENT_KINDS)).select(
        pl.col(ORG.organization_id).alias(C.claimant_organization_id), pl.col(ORG.country)
    )
    by_gov = occ.join(gov, on=C.claimant_organization_id, how="inner")
    by_gov_ok = pl.concat(
        [
            by_gov.join(countries, on=[C.meeting_id, "country"], how="semi").select(C.meeting_id),
            by_gov.join(countries, on=C.meeting_id, how="anti").select(C.meeting_id),
        ]
    )
    ok = pl.concat([by_person, by_organization, by_gov_ok]).unique()
    unack = meetings.filter(pl.col(M.status) == "acknowledged").join(
        ok, on=M.meeting_id, how="anti"
    )
    return issues + ctx.emit(
        Code.ACKNOWLEDGEMENT_MISSING,
        "meetings",
        unack,
        M.status,
        lambda r: (
            f"meeting {shown(r[M.meeting_id])} is 'acknowledged' but no participant "
            "and no government body of a participant's country says it occurred (rule 2)"
        ),
    )


# --- rule 3 ----------------------------------------------------------------------------------
@rule(
    "rule 3: a participant's claim is about the same meeting",
    "provenance",
    (Code.PARTICIPANT_CLAIM_MISMATCH,),
    {"participants": (PA.meeting_id, PA.claim_id), "claims": (C.claim_id, C.meeting_id)},
)
def participants(ctx: Context) -> list[Issue]:
    return claims_about_another_meeting(ctx, "participants")


def claims_about_another_meeting(ctx: Context, resource: str) -> list[Issue]:
    """Rule 3 for a participant table (people's or organizations': both name the meeting and
    the claim in ``meeting_id`` and ``claim_id``): rows whose claim is not about their meeting."""
    parts = ctx.df(resource, PA.meeting_id, PA.claim_id)
    claims = ctx.df("claims", C.claim_id, C.meeting_id)
    joined = parts.join(
        claims.select(C.claim_id, pl.col(C.meeting_id).alias("_cm")), on=PA.claim_id, how="inner"
    )
    bad = joined.filter(pl.col("_cm").fill_null("") != pl.col(PA.meeting_id))
    return ctx.emit(
        Code.PARTICIPANT_CLAIM_MISMATCH,
        resource,
        bad,
        PA.claim_id,
        lambda r: (
            f"claim {shown(r[PA.claim_id])} is about "
            f"{shown(r['_cm'] or 'no meeting')}, not meeting {shown(r[PA.meeting_id])} (rule 3)"
        ),
    )


def _chains(sources: pl.DataFrame) -> Chains:
    links = dict(sources.filter(present(S.relays)).select(S.source_id, S.relays).iter_rows())
    return Chains.walk(sources.get_column(S.source_id).to_list(), links)


# --- rule 4 and relay chains -------------------------------------------------------------------
@rule(
    "rule 4: an upstream document is relayed; relay chains end",
    "provenance",
    (Code.UPSTREAM_NOT_RELAYED, Code.RELAYS_CYCLE),
    {"sources": (S.source_id, S.url, S.relays)},
)
def relays(ctx: Context) -> list[Issue]:
    sources = ctx.df("sources", S.source_id, S.url, S.relays)
    relayed = sources.filter(present(S.relays) & (pl.col(S.relays) != pl.col(S.source_id)))
    upstream = sources.filter(~present(S.url)).join(
        relayed.select(pl.col(S.relays).alias(S.source_id)).unique(), on=S.source_id, how="anti"
    )
    issues = ctx.emit(
        Code.UPSTREAM_NOT_RELAYED,
        "sources",
        upstream,
        S.url,
        lambda r: (
            f"source {shown(r[S.source_id])} has no url and no other source relays it (rule 4)"
        ),
        value=S.source_id,
    )
    chains = _chains(sources)
    cyc = sources.filter(pl.col(S.source_id).is_in(sorted(chains.in_cycle)))
    issues += ctx.emit(
        Code.RELAYS_CYCLE,
        "sources",
        cyc,
        S.relays,
        lambda r: f"following relays from {shown(r[S.source_id])} comes back to it",
    )
    return issues + ctx.emit(
        Code.RELAYS_CYCLE,
        "sources",
        sources.filter(pl.col(S.relays) == pl.col(S.source_id)),
        S.relays,
        lambda r: f"source {shown(r[S.source_id])} relays itself",
    )


# --- rule 5 ----------------------------------------------------------------------------------
@rule(
    "rule 5: a claim disputes another claim about the same subject",
    "provenance",
    (Code.DISPUTE_SELF, Code.DISPUTE_SUBJECT_MISMATCH),
    {"claims": (C.claim_id, C.disputes, *SUBJECTS)},
)
def disputes(ctx: Context) -> list[Issue]:
    claims = ctx.df("claims", C.claim_id, C.disputes, *SUBJECTS)
    issues = ctx.emit(
        Code.DISPUTE_SELF,
        "claims",
        claims.filter(pl.col(C.disputes) == pl.col(C.claim_id)),
        C.disputes,
        lambda r: f"claim {shown(r[C.claim_id])} disputes itself (rule 5)",
    )
    other = claims.select(
        pl.col(C.claim_id).alias(C.disputes), *[pl.col(s).alias(f"_o_{s}") for s in SUBJECTS]
    )
    pairs = claims.filter(present(C.disputes) & (pl.col(C.disputes) != pl.col(C.claim_id)))
    pairs = pairs.join(other, on=C.disputes, how="inner")
    shared = pl.any_horizontal([present(s) & (pl.col(s) == pl.col(f"_o_{s}")) for s in SUBJECTS])
    return issues + ctx.emit(
        Code.DISPUTE_SUBJECT_MISMATCH,
        "claims",
        pairs.filter(~shared),
        C.disputes,
        lambda r: (
            f"claim {shown(r[C.claim_id])} disputes {shown(r[C.disputes])}, which is about "
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
        "sources": (S.source_id, S.published),
        "claims": (C.claim_id, C.stated),
        "citations": (CI.claim_id, CI.source_id),
        "meetings": (M.meeting_id, M.date, M.end_date),
    },
)
def dates(ctx: Context) -> list[Issue]:
    sources = ctx.df("sources", S.source_id, S.published)
    claims = ctx.df("claims", C.claim_id, C.stated)
    cites = ctx.df("citations", CI.claim_id, CI.source_id)
    issues: list[Issue] = []
    if ctx.created is not None:
        pub = sources.join(_bounds(sources, S.published), on=S.published, how="inner")
        late = pub.filter(pl.col(f"{S.published}_earliest") > ctx.created)
        issues += ctx.emit(
            Code.PUBLISHED_AFTER_CREATED,
            "sources",
            late,
            S.published,
            lambda r: (
                f"published {r[S.published]} is after the package's created "
                f"date {ctx.created} (rule 6)"
            ),
        )
    pub = sources.select(S.source_id, S.published).join(
        _bounds(sources, S.published), on=S.published, how="left"
    )
    per_claim = (
        cites.select(CI.claim_id, CI.source_id)
        .join(pub, on=CI.source_id, how="left")
        .group_by(CI.claim_id)
        .agg(
            pl.col(f"{S.published}_latest").max().alias("_last"),
            pl.col(f"{S.published}_latest").null_count().alias("_unknown"),
        )
    )
    stated = claims.join(_bounds(claims, C.stated), on=C.stated, how="inner")
    late = stated.join(per_claim, on=C.claim_id, how="inner").filter(
        (pl.col("_unknown") == 0) & (pl.col(f"{C.stated}_earliest") > pl.col("_last"))
    )
    issues += ctx.emit(
        Code.STATED_AFTER_PUBLISHED,
        "claims",
        late,
        C.stated,
        lambda r: (
            f"stated {r[C.stated]} is after the last of its sources was "
            f"published ({r['_last']}) (rule 6)"
        ),
    )
    meetings = ctx.df("meetings", M.meeting_id, M.date, M.end_date)
    m = meetings.join(_bounds(meetings, M.date), on=M.date, how="inner").join(
        _bounds(meetings, M.end_date), on=M.end_date, how="inner"
    )
    bad = m.filter(pl.col(f"{M.end_date}_latest") < pl.col(f"{M.date}_earliest"))
    return issues + ctx.emit(
        Code.END_BEFORE_START,
        "meetings",
        bad,
        M.end_date,
        lambda r: f"end_date {r[M.end_date]} is before date {r[M.date]} (rule 6)",
    )


# --- rule 7 ----------------------------------------------------------------------------------
@rule(
    "rule 7: no two sources share a URL",
    "provenance",
    (Code.DUPLICATE_URL,),
    {"sources": (S.source_id, S.url)},
)
def urls(ctx: Context) -> list[Issue]:
    sources = ctx.df("sources", S.source_id, S.url)
    with_url = sources.filter(present(S.url))
    # A cheap key that two equal normalised URLs always share: coarser than normalise_url
    # (lower-cased, no user name, port, query, fragment or trailing slash); only URLs that
    # share it are normalised exactly, in Python.
    cheap = (
        pl.col(S.url)
        .str.strip_chars()
        .str.to_lowercase()
        .str.replace(r"[?#].*$", "")
        .str.replace(r"^([a-z][a-z0-9+.-]*://)(?:[^/@]*@)?([^/:]*)(?::[^/]*)?", "$1$2")
        .str.strip_chars_end("/")
    )
    candidates = with_url.filter(cheap.is_duplicated())
    if candidates.is_empty():
        return []
    norm = {u: normalise_url(u) for u in candidates.get_column(S.url).unique().to_list()}
    candidates = candidates.with_columns(
        pl.col(S.url).replace_strict(norm, return_dtype=pl.String).alias("_norm")
    )
    first = candidates.group_by("_norm").agg(
        pl.col(S.source_id).sort_by(ROW).first().alias("_first")
    )
    dup = candidates.sort(ROW).filter(~pl.col("_norm").is_first_distinct()).join(first, on="_norm")
    return ctx.emit(
        Code.DUPLICATE_URL,
        "sources",
        dup,
        S.url,
        lambda r: (
            f"source {shown(r[S.source_id])} has the same URL as {shown(r['_first'])} (rule 7)"
        ),
    )


# --- rule 8 ----------------------------------------------------------------------------------
@rule(
    "rule 8: every source is cited or relayed by a cited source",
    "provenance",
    (Code.SOURCE_ORPHANED,),
    {
        "sources": (S.source_id, S.relays),
        "citations": (CI.source_id,),
        "aliases": (A.source_id,),
    },
)
def source_orphans(ctx: Context) -> list[Issue]:
    sources = ctx.df("sources", S.source_id, S.relays)
    # Cited by a claim, or by an alias row (the page where a spelling was seen).
    seeds = pl.concat(
        [
            ctx.df("citations", CI.source_id)[CI.source_id],
            ctx.df("aliases", A.source_id)[A.source_id],
        ]
    )
    used = _chains(sources).reachable(seeds.drop_nulls().unique().to_list())
    orphan = sources.filter(~pl.col(S.source_id).is_in(sorted(used)))
    return ctx.emit(
        Code.SOURCE_ORPHANED,
        "sources",
        orphan,
        S.source_id,
        lambda r: (
            f"source {shown(r[S.source_id])} is neither cited (by a claim or an alias) "
            "nor relayed by a cited source (rule 8)"
        ),
    )


@rule(
    "rule 8: every person appears in a claim or a participant row",
    "provenance",
    (Code.PERSON_ORPHANED,),
    {
        "people": (P.person_id,),
        "claims": (C.person_id, C.claimant_person_id),
        "participants": (PA.person_id,),
    },
)
def person_orphans(ctx: Context) -> list[Issue]:
    people = ctx.df("people", P.person_id)
    claims = ctx.df("claims", C.person_id, C.claimant_person_id)
    parts = ctx.df("participants", PA.person_id)
    used = (
        pl.concat(
            [
                claims.get_column(C.person_id),
                claims.get_column(C.claimant_person_id),
                parts.get_column(PA.person_id),
            ]
        )
        .drop_nulls()
        .unique()
    )
    orphan = people.filter(~pl.col(P.person_id).is_in(used.implode()))
    return ctx.emit(
        Code.PERSON_ORPHANED,
        "people",
        orphan,
        P.person_id,
        lambda r: (
            f"person {shown(r[P.person_id])} appears in no claim and no participant row (rule 8)"
        ),
    )
