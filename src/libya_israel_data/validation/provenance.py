"""Layer 5, provenance: the cross-table rules 1-8 of the data contract (DATA-MODEL.md).

They guarantee that every fact leads, by foreign keys, to at least one source. Joins and
anti-joins in polars; Python only walks the ``relays`` chains (one step per source).
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import polars as pl

from ..derive import date_bounds
from ..issues import Issue, make_issue
from .structure import LINE, ROW, Table
from .tables import present

#: Organization kinds that count as "a government body" for rule 2.
GOVERNMENT_KINDS = ["government", "ministry", "presidency"]
SUBJECTS = ["meeting_id", "person_id", "organization_id"]
CLAIMANTS = ["claimant_person_id", "claimant_organization_id", "claimant_description"]
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """The form in which two URLs are compared (rule 7)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ]
    )
    return urlunsplit((scheme, host, parts.path.rstrip("/"), query, ""))


class _Rules:
    def __init__(self, tables: dict[str, Table], created: date | None) -> None:
        self.t = tables
        self.created = created
        self.issues: list[Issue] = []

    def df(self, name: str, *columns: str) -> pl.DataFrame | None:
        """The columns a rule needs (and the row and line), or None if the table lacks one.

        Selecting them first keeps every join and filter from copying whole tables."""
        table = self.t.get(name)
        if table is None or any(c not in table.df.columns for c in columns):
            return None
        return table.df.select(ROW, LINE, *dict.fromkeys(columns))

    def emit(self, code: str, name: str, rows: pl.DataFrame, field: str | None, message) -> None:
        table = self.t[name]
        for rec in rows.sort(ROW).iter_rows(named=True):
            self.issues.append(
                make_issue(
                    code,
                    message(rec),
                    resource=name,
                    file=table.file,
                    row=rec[ROW],
                    line=rec[LINE],
                    field=field,
                )
            )

    # --- claims: subject and claimant --------------------------------------------------------
    def claim_fields(self) -> None:
        claims = self.df("claims", "claim_id", *SUBJECTS, *CLAIMANTS)
        if claims is None:
            return
        none = ~pl.any_horizontal([present(c) for c in SUBJECTS])
        self.emit(
            "claim-subject-missing",
            "claims",
            claims.filter(none),
            "meeting_id",
            lambda r: (
                f"claim {r['claim_id']!r} is about nothing: set meeting_id, "
                "person_id or organization_id"
            ),
        )
        none = ~pl.any_horizontal([present(c) for c in CLAIMANTS])
        self.emit(
            "claimant-missing",
            "claims",
            claims.filter(none),
            "claimant_person_id",
            lambda r: f"claim {r['claim_id']!r} has no claimant",
        )

    # --- rule 1 ------------------------------------------------------------------------------
    def citations(self) -> None:
        claims = self.df("claims", "claim_id")
        cites = self.df("citations", "claim_id")
        if claims is None or cites is None:
            return
        uncited = claims.join(cites.select("claim_id").unique(), on="claim_id", how="anti")
        self.emit(
            "citation-missing",
            "claims",
            uncited,
            "claim_id",
            lambda r: f"claim {r['claim_id']!r} has no citation (rule 1)",
        )

    # --- rule 2 ------------------------------------------------------------------------------
    def occurred(self) -> None:
        meetings = self.df("meetings", "meeting_id", "status")
        claims = self.df(
            "claims", "meeting_id", "claim_type", "claimant_person_id", "claimant_organization_id"
        )
        if meetings is None or claims is None:
            return
        occ = claims.filter((pl.col("claim_type") == "occurred") & present("meeting_id"))
        missing = meetings.join(occ.select("meeting_id").unique(), on="meeting_id", how="anti")
        self.emit(
            "occurred-claim-missing",
            "meetings",
            missing,
            "meeting_id",
            lambda r: f"meeting {r['meeting_id']!r} has no 'occurred' claim (rule 2)",
        )
        parts = self.df("participants", "meeting_id", "person_id", "side")
        orgs = self.df("organizations", "organization_id", "kind", "country")
        people = self.df("people", "person_id", "country")
        if parts is None or orgs is None or people is None:
            return
        by_participant = occ.join(
            parts.select("meeting_id", pl.col("person_id").alias("claimant_person_id")),
            on=["meeting_id", "claimant_person_id"],
            how="semi",
        ).select("meeting_id")
        countries = (
            parts.join(
                people.select("person_id", pl.col("country").alias("_pc")),
                on="person_id",
                how="left",
            )
            .select(
                "meeting_id",
                pl.coalesce(pl.when(present("side")).then(pl.col("side")), pl.col("_pc")).alias(
                    "country"
                ),
            )
            .drop_nulls()
            .filter(pl.col("country") != "")
            .unique()
        )
        gov = orgs.filter(pl.col("kind").is_in(GOVERNMENT_KINDS)).select(
            pl.col("organization_id").alias("claimant_organization_id"), "country"
        )
        by_gov = occ.join(gov, on="claimant_organization_id", how="inner")
        by_gov_ok = pl.concat(
            [
                by_gov.join(countries, on=["meeting_id", "country"], how="semi").select(
                    "meeting_id"
                ),
                by_gov.join(countries, on="meeting_id", how="anti").select("meeting_id"),
            ]
        )
        ok = pl.concat([by_participant, by_gov_ok]).unique()
        unack = meetings.filter(pl.col("status") == "acknowledged").join(
            ok, on="meeting_id", how="anti"
        )
        self.emit(
            "acknowledgement-missing",
            "meetings",
            unack,
            "status",
            lambda r: (
                f"meeting {r['meeting_id']!r} is 'acknowledged' but no participant "
                "and no government body of a participant's country says it occurred (rule 2)"
            ),
        )

    # --- rule 3 ------------------------------------------------------------------------------
    def participants(self) -> None:
        parts = self.df("participants", "meeting_id", "claim_id")
        claims = self.df("claims", "claim_id", "meeting_id")
        if parts is None or claims is None:
            return
        joined = parts.join(
            claims.select("claim_id", pl.col("meeting_id").alias("_cm")), on="claim_id", how="inner"
        )
        bad = joined.filter(pl.col("_cm").fill_null("") != pl.col("meeting_id"))
        self.emit(
            "participant-claim-mismatch",
            "participants",
            bad,
            "claim_id",
            lambda r: (
                f"claim {r['claim_id']!r} is about "
                f"{(r['_cm'] or 'no meeting')!r}, not meeting {r['meeting_id']!r} (rule 3)"
            ),
        )

    # --- rule 4 and relay chains ----------------------------------------------------------------
    def relays(self) -> None:
        sources = self.df("sources", "source_id", "url", "relays")
        if sources is None:
            return
        relayed = sources.filter(present("relays") & (pl.col("relays") != pl.col("source_id")))
        upstream = sources.filter(~present("url")).join(
            relayed.select(pl.col("relays").alias("source_id")).unique(), on="source_id", how="anti"
        )
        self.emit(
            "upstream-not-relayed",
            "sources",
            upstream,
            "url",
            lambda r: (
                f"source {r['source_id']!r} has no url and no other source relays it (rule 4)"
            ),
        )
        links = dict(relayed.select("source_id", "relays").iter_rows())
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        in_cycle: set[str] = set()
        for start in links:
            path = []
            node = start
            while node in links and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = links[node]
            if state.get(node) == 1:
                in_cycle.update(path[path.index(node) :])
            for n in path:
                state[n] = 2
        cyc = sources.filter(pl.col("source_id").is_in(sorted(in_cycle)))
        self.emit(
            "relays-cycle",
            "sources",
            cyc,
            "relays",
            lambda r: f"following relays from {r['source_id']!r} comes back to it",
        )
        self_ = sources.filter(pl.col("relays") == pl.col("source_id"))
        self.emit(
            "relays-cycle",
            "sources",
            self_,
            "relays",
            lambda r: f"source {r['source_id']!r} relays itself",
        )

    # --- rule 5 ------------------------------------------------------------------------------
    def disputes(self) -> None:
        claims = self.df("claims", "claim_id", "disputes", *SUBJECTS)
        if claims is None:
            return
        self_ = claims.filter(pl.col("disputes") == pl.col("claim_id"))
        self.emit(
            "dispute-self",
            "claims",
            self_,
            "disputes",
            lambda r: f"claim {r['claim_id']!r} disputes itself (rule 5)",
        )
        other = claims.select(
            pl.col("claim_id").alias("disputes"), *[pl.col(s).alias(f"_o_{s}") for s in SUBJECTS]
        )
        pairs = claims.filter(present("disputes") & (pl.col("disputes") != pl.col("claim_id")))
        pairs = pairs.join(other, on="disputes", how="inner")
        shared = pl.any_horizontal(
            [present(s) & (pl.col(s) == pl.col(f"_o_{s}")) for s in SUBJECTS]
        )
        self.emit(
            "dispute-subject-mismatch",
            "claims",
            pairs.filter(~shared),
            "disputes",
            lambda r: (
                f"claim {r['claim_id']!r} disputes {r['disputes']!r}, which is about "
                "another subject (rule 5)"
            ),
        )

    # --- rule 6 ------------------------------------------------------------------------------
    @staticmethod
    def _bounds(df: pl.DataFrame, column: str) -> pl.DataFrame:
        return date_bounds(df.get_column(column), column)

    def dates(self) -> None:
        sources = self.df("sources", "source_id", "published")
        claims = self.df("claims", "claim_id", "stated")
        cites = self.df("citations", "claim_id", "source_id")
        if sources is not None and self.created is not None:
            pub = sources.join(self._bounds(sources, "published"), on="published", how="inner")
            late = pub.filter(pl.col("published_earliest") > self.created)
            self.emit(
                "published-after-created",
                "sources",
                late,
                "published",
                lambda r: (
                    f"published {r['published']} is after the package's created "
                    f"date {self.created} (rule 6)"
                ),
            )
        if sources is not None and claims is not None and cites is not None:
            pub = sources.select("source_id", "published").join(
                self._bounds(sources, "published"), on="published", how="left"
            )
            per_claim = (
                cites.select("claim_id", "source_id")
                .join(pub, on="source_id", how="left")
                .group_by("claim_id")
                .agg(
                    pl.col("published_latest").max().alias("_last"),
                    pl.col("published_latest").null_count().alias("_unknown"),
                )
            )
            stated = claims.join(self._bounds(claims, "stated"), on="stated", how="inner")
            late = stated.join(per_claim, on="claim_id", how="inner").filter(
                (pl.col("_unknown") == 0) & (pl.col("stated_earliest") > pl.col("_last"))
            )
            self.emit(
                "stated-after-published",
                "claims",
                late,
                "stated",
                lambda r: (
                    f"stated {r['stated']} is after the last of its sources was "
                    f"published ({r['_last']}) (rule 6)"
                ),
            )
        meetings = self.df("meetings", "meeting_id", "date", "end_date")
        if meetings is not None:
            m = meetings.join(self._bounds(meetings, "date"), on="date", how="inner").join(
                self._bounds(meetings, "end_date"), on="end_date", how="inner"
            )
            bad = m.filter(pl.col("end_date_latest") < pl.col("date_earliest"))
            self.emit(
                "end-before-start",
                "meetings",
                bad,
                "end_date",
                lambda r: f"end_date {r['end_date']} is before date {r['date']} (rule 6)",
            )

    # --- rule 7 ------------------------------------------------------------------------------
    def urls(self) -> None:
        sources = self.df("sources", "source_id", "url")
        if sources is None:
            return
        with_url = sources.filter(present("url"))
        # A cheap key that two equal normalised URLs always share (lower-cased, no query,
        # fragment, default port or trailing slash); only URLs that share it are normalised
        # exactly, in Python.
        cheap = (
            pl.col("url")
            .str.to_lowercase()
            .str.replace(r"[?#].*$", "")
            .str.replace(r"^([a-z][a-z0-9+.-]*://[^/]*?):(80|443)(/|$)", "$1$3")
            .str.strip_chars_end("/")
        )
        candidates = with_url.filter(cheap.is_duplicated())
        if candidates.is_empty():
            return
        norm = {u: normalise_url(u) for u in candidates.get_column("url").unique().to_list()}
        candidates = candidates.with_columns(
            pl.col("url").replace_strict(norm, return_dtype=pl.String).alias("_norm")
        )
        first = candidates.group_by("_norm").agg(
            pl.col("source_id").sort_by(ROW).first().alias("_first")
        )
        dup = (
            candidates.sort(ROW)
            .filter(~pl.col("_norm").is_first_distinct())
            .join(first, on="_norm")
        )
        self.emit(
            "duplicate-url",
            "sources",
            dup,
            "url",
            lambda r: f"source {r['source_id']!r} has the same URL as {r['_first']!r} (rule 7)",
        )

    # --- rule 8 ------------------------------------------------------------------------------
    def orphans(self) -> None:
        sources = self.df("sources", "source_id", "relays")
        cites = self.df("citations", "source_id")
        if sources is not None and cites is not None:
            # Cited by a claim, or by an alias row (the page where a spelling was seen).
            seeds = [cites.get_column("source_id")]
            aliases = self.df("aliases", "source_id")
            if aliases is not None:
                seeds.append(aliases.get_column("source_id"))
            used = pl.DataFrame({"source_id": pl.concat(seeds).drop_nulls().unique()})
            links = sources.filter(present("relays")).select("source_id", "relays")
            frontier = used
            while not frontier.is_empty():  # follow relays, one step per round, all at once
                step = links.join(frontier, on="source_id", how="semi").select(
                    pl.col("relays").alias("source_id")
                )
                frontier = step.join(used, on="source_id", how="anti").unique()
                used = pl.concat([used, frontier])
            orphan = sources.join(used, on="source_id", how="anti")
            self.emit(
                "source-orphaned",
                "sources",
                orphan,
                "source_id",
                lambda r: (
                    f"source {r['source_id']!r} is neither cited (by a claim or an alias) "
                    "nor relayed by a cited source (rule 8)"
                ),
            )
        people = self.df("people", "person_id")
        claims = self.df("claims", "person_id", "claimant_person_id")
        parts = self.df("participants", "person_id")
        if people is not None and claims is not None and parts is not None:
            used = (
                pl.concat(
                    [
                        claims.get_column("person_id"),
                        claims.get_column("claimant_person_id"),
                        parts.get_column("person_id"),
                    ]
                )
                .drop_nulls()
                .unique()
            )
            orphan = people.filter(~pl.col("person_id").is_in(used.implode()))
            self.emit(
                "person-orphaned",
                "people",
                orphan,
                "person_id",
                lambda r: (
                    f"person {r['person_id']!r} appears in no claim and no participant row (rule 8)"
                ),
            )


def created_date(descriptor: dict) -> date | None:
    value = descriptor.get("created")
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def check(tables: dict[str, Table], descriptor: dict) -> list[Issue]:
    rules = _Rules(tables, created_date(descriptor))
    rules.claim_fields()
    rules.citations()
    rules.occurred()
    rules.participants()
    rules.relays()
    rules.disputes()
    rules.dates()
    rules.urls()
    rules.orphans()
    return rules.issues
