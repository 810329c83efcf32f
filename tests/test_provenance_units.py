"""The provenance layer's helpers and the boundaries of its rules, with exact results: what
``tests/test_rules.py`` leaves implicit (the normalised text of a URL, the package's created
date, each comparison at equality)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import polars as pl
import pytest

from libya_israel_data.foundations.issues import Issue
from libya_israel_data.validation import provenance as prov
from libya_israel_data.validation import rules
from libya_israel_data.validation.descriptor import created_date
from libya_israel_data.validation.provenance import normalise_url
from libya_israel_data.validation.rules import REGISTRY, Context
from libya_israel_data.validation.structure import ROW, Table

from .test_rules import rule_of, run, table


# --- rule 7: the normalised URL ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        (
            "HTTPS://Reader:pw@Example.ORG:443/A/B/?utm_source=x&UTM_medium=y&id=1&a=&fbclid=1"
            "&gclid=2&mc_cid=1&mc_eid=2&ocid=3&cmpid=4&ref=5#frag",
            "https://example.org/A/B?id=1&a=&ref=5",
        ),
        ("http://example.org:80/", "http://example.org"),
        ("https://example.org:443", "https://example.org"),
        ("http://example.org:443/x", "http://example.org:443/x"),
        ("https://example.org:80/x", "https://example.org:80/x"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("ftp://example.org:21/x", "ftp://example.org:21/x"),
        ("https://example.org:0/", "https://example.org:0"),
        ("https://example.org:65535/", "https://example.org:65535"),
        # not a port number: kept as written
        ("https://example.org:65536/", "https://example.org:65536"),
        ("https://example.org:99999/x", "https://example.org:99999/x"),
        ("https://u:p@example.org:99999/x", "https://example.org:99999/x"),
        ("https://u:p@example.org:abc/x", "https://example.org:abc/x"),
        # the query keeps its order and its blank values; spaces are written one way
        ("https://example.org/x?b=2&a=1", "https://example.org/x?b=2&a=1"),
        ("https://example.org/x?a=&b", "https://example.org/x?a=&b="),
        ("https://example.org/x?q=a+b%20c", "https://example.org/x?q=a+b+c"),
        ("https://example.org//", "https://example.org"),
        ("https://example.org/TAX/", "https://example.org/TAX"),
        ("example.org/x/", "example.org/x"),
        ("  https://example.org/x \n", "https://example.org/x"),
        ("https://[::1/x", "https://[::1/x"),
        ("", ""),
    ],
)
def test_the_normalised_url(url: str, normalised: str) -> None:
    assert normalise_url(url) == normalised


@pytest.mark.parametrize(
    ("descriptor", "created"),
    [
        ({"created": "2024-05-01T10:00:00Z"}, date(2024, 5, 1)),
        ({"created": "2024-05-01T23:30:00-05:00"}, date(2024, 5, 1)),
        ({"created": "2024-05-01"}, date(2024, 5, 1)),
        # what the metadata rule rejects is no date here either: a lower-case z, a month
        ({"created": "2024-05-01T10:00:00z"}, None),
        ({"created": "May 2024"}, None),
        ({"created": 20240501}, None),
        ({"created": None}, None),
        ({}, None),
    ],
)
def test_the_created_date(descriptor: dict, created: date | None) -> None:
    assert created_date(descriptor) == created


def test_government_kinds() -> None:
    assert prov.GOVERNMENT_KINDS == ["government", "ministry", "presidency"]


def test_rule7_duplicates_point_at_the_first_source() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "url": "https://example.org/a"},
            {"source_id": "s-2", "url": "https://EXAMPLE.org/a/"},
            {"source_id": "s-3", "url": "https://example.org/b"},
            {"source_id": "s-4", "url": "https://reader@example.org/a?utm_source=x"},
            {"source_id": "s-5"},
            {"source_id": "s-6"},
        ],
    )
    assert run(prov.urls, {"sources": sources}) == [
        ("duplicate-url", "sources", 2, 3, "url"),
        ("duplicate-url", "sources", 4, 5, "url"),
    ]


# --- every rule's messages, values and boundaries ------------------------------------------------
Said = list[tuple[str, str | None, int | None, str | None, str | None, str]]


def said(
    check: Callable[[Context], Iterable[Issue]],
    tables: dict[str, Table],
    created: date | None = None,
) -> Said:
    """(code, resource, row, field, value, message) of each issue one rule reports, in the
    report's order (file order)."""
    r = rule_of(check)
    saved = list(REGISTRY)
    REGISTRY[:] = [r]
    try:
        issues = rules.run(Context(tables, created)).issues
    finally:
        REGISTRY[:] = saved
    return [(i.code, i.resource, i.row, i.field, i.value, i.message) for i in issues]


def missing(t: Table, column: str, rows: Iterable[int]) -> Table:
    """``t`` with the cells of ``column`` in ``rows`` missing (null), as a short record reads."""
    gone = pl.col(ROW).is_in(list(rows))
    df = t.df.with_columns(pl.when(gone).then(None).otherwise(pl.col(column)).alias(column))
    return Table(resource=t.resource, file=t.file, df=df)


def test_claim_subject_and_claimant_messages() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "organization_id": "o", "claimant_description": "x"},
            {"claim_id": "c-2", "claimant_organization_id": "o"},
            {"claim_id": "c-3", "person_id": "p"},
            {"claim_id": "c-4", "meeting_id": "m", "claimant_person_id": "p"},
        ],
    )
    subject = "is about nothing: set meeting_id, person_id or organization_id"
    assert said(prov.claim_fields, {"claims": missing(claims, "meeting_id", [2])}) == [
        ("claim-subject-missing", "claims", 2, "meeting_id", None, f"claim 'c-2' {subject}"),
        ("claimant-missing", "claims", 3, "claimant_person_id", "", "claim 'c-3' has no claimant"),
    ]


def test_rule1_message() -> None:
    claims = table("claims", [{"claim_id": "c-1"}, {"claim_id": "c-2"}])
    cites = table("citations", [{"claim_id": "c-2", "source_id": "s"}])
    assert said(prov.citations, {"claims": claims, "citations": cites}) == [
        ("citation-missing", "claims", 1, "claim_id", "c-1", "claim 'c-1' has no citation (rule 1)")
    ]


def test_rule2_messages_and_an_empty_country() -> None:
    tables = {
        "meetings": table(
            "meetings",
            [
                {"meeting_id": "m1", "status": "acknowledged"},
                {"meeting_id": "m2", "status": "acknowledged"},
                {"meeting_id": "m3", "status": "acknowledged"},
            ],
        ),
        "claims": table(
            "claims",
            [
                {
                    "claim_id": "c-1",
                    "meeting_id": "m1",
                    "claim_type": "occurred",
                    "claimant_organization_id": "gov-ly",
                },
                {
                    "claim_id": "c-3",
                    "meeting_id": "m3",
                    "claim_type": "occurred",
                    "claimant_organization_id": "gov-ly",
                },
            ],
        ),
        # m1: a participant without a side, of no country ("" is no country): any government
        # body speaks for it; m3: a participant of Israel, so Libya's government does not
        "participants": table(
            "participants",
            [
                {"meeting_id": "m1", "person_id": "p-none", "side": ""},
                {"meeting_id": "m3", "person_id": "p-none", "side": "IL"},
            ],
        ),
        "organization_participants": table(
            "organization_participants", [{"meeting_id": "m1", "organization_id": "ngo"}]
        ),
        "people": table("people", [{"person_id": "p-none", "country": ""}]),
        "organizations": table(
            "organizations",
            [
                {"organization_id": "gov-ly", "kind": "government", "country": "LY"},
                {"organization_id": "ngo", "kind": "ngo"},
            ],
        ),
    }
    tables["organizations"] = missing(tables["organizations"], "country", [2])
    ack = (
        "is 'acknowledged' but no participant and no government body of a participant's "
        "country says it occurred (rule 2)"
    )
    assert said(prov.occurred, tables) == [
        (
            "occurred-claim-missing",
            "meetings",
            2,
            "meeting_id",
            "m2",
            "meeting 'm2' has no 'occurred' claim (rule 2)",
        ),
        ("acknowledgement-missing", "meetings", 2, "status", "acknowledged", f"meeting 'm2' {ack}"),
        ("acknowledgement-missing", "meetings", 3, "status", "acknowledged", f"meeting 'm3' {ack}"),
    ]


def test_rule3_messages_and_a_claim_about_no_meeting() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "meeting_id": "m1"},
            {"claim_id": "c-2", "meeting_id": "m2"},
            {"claim_id": "c-3"},
            {"claim_id": "c-4"},
        ],
    )
    claims = missing(claims, "meeting_id", [4])
    parts = table(
        "participants",
        [
            {"meeting_id": "m1", "person_id": "p", "claim_id": "c-1"},
            {"meeting_id": "m1", "person_id": "p", "claim_id": "c-2"},
            {"meeting_id": "m1", "person_id": "p", "claim_id": "c-3"},
            {"meeting_id": "m1", "person_id": "p", "claim_id": "c-4"},
            {"meeting_id": "", "person_id": "p", "claim_id": "c-3"},
            {"meeting_id": "", "person_id": "p", "claim_id": "c-4"},
            {"meeting_id": "m1", "person_id": "p", "claim_id": "c-9"},
        ],
    )
    assert said(prov.participants, {"participants": parts, "claims": claims}) == [
        (
            "participant-claim-mismatch",
            "participants",
            2,
            "claim_id",
            "c-2",
            "claim 'c-2' is about 'm2', not meeting 'm1' (rule 3)",
        ),
        (
            "participant-claim-mismatch",
            "participants",
            3,
            "claim_id",
            "c-3",
            "claim 'c-3' is about 'no meeting', not meeting 'm1' (rule 3)",
        ),
        (
            "participant-claim-mismatch",
            "participants",
            4,
            "claim_id",
            "c-4",
            "claim 'c-4' is about 'no meeting', not meeting 'm1' (rule 3)",
        ),
    ]


def test_rule4_messages_and_values() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "lost"},
            {"source_id": "self", "url": "https://a.example/s", "relays": "self"},
            {"source_id": "x", "url": "https://a.example/x", "relays": "y"},
            {"source_id": "y", "url": "https://a.example/y", "relays": "x"},
        ],
    )
    assert said(prov.relays, {"sources": missing(sources, "url", [1])}) == [
        (
            "upstream-not-relayed",
            "sources",
            1,
            "url",
            "lost",
            "source 'lost' has no url and no other source relays it (rule 4)",
        ),
        ("relays-cycle", "sources", 2, "relays", "self", "source 'self' relays itself"),
        ("relays-cycle", "sources", 3, "relays", "y", "following relays from 'x' comes back to it"),
        ("relays-cycle", "sources", 4, "relays", "x", "following relays from 'y' comes back to it"),
    ]


def test_rule5_messages_and_shared_subjects() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "meeting_id": "m1", "person_id": "p"},
            {"claim_id": "c-2", "disputes": "c-2"},
            {"claim_id": "c-3", "person_id": "p", "disputes": "c-1"},  # shares the person
            {"claim_id": "c-4", "organization_id": "o", "disputes": "c-1"},
            {"claim_id": "c-5", "disputes": "c-6"},  # neither has a subject: nothing shared
            {"claim_id": "c-6"},
        ],
    )
    assert said(prov.disputes, {"claims": claims}) == [
        ("dispute-self", "claims", 2, "disputes", "c-2", "claim 'c-2' disputes itself (rule 5)"),
        (
            "dispute-subject-mismatch",
            "claims",
            4,
            "disputes",
            "c-1",
            "claim 'c-4' disputes 'c-1', which is about another subject (rule 5)",
        ),
        (
            "dispute-subject-mismatch",
            "claims",
            5,
            "disputes",
            "c-6",
            "claim 'c-5' disputes 'c-6', which is about another subject (rule 5)",
        ),
    ]


def test_rule6_messages_and_each_boundary() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "published": "2024-01-01"},  # on the created date
            {"source_id": "s-2", "published": "2024-01-02"},  # the day after
            {"source_id": "s-3", "published": "2023-12"},  # latest 2023-12-31
        ],
    )
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "stated": "2023-12-31"},  # the last day of s-3's month
            {"claim_id": "c-2", "stated": "2024-01"},  # earliest the day after
            {"claim_id": "c-3", "stated": "2024-01-02"},  # s-1 and s-2: the later holds it
            {"claim_id": "c-4", "stated": "2024-01-03"},
        ],
    )
    cites = table(
        "citations",
        [
            {"claim_id": "c-1", "source_id": "s-3"},
            {"claim_id": "c-2", "source_id": "s-3"},
            {"claim_id": "c-3", "source_id": "s-1"},
            {"claim_id": "c-3", "source_id": "s-2"},
            {"claim_id": "c-4", "source_id": "s-2"},
            {"claim_id": "c-4", "source_id": "s-1"},
        ],
    )
    meetings = table(
        "meetings",
        [
            {"meeting_id": "m1", "date": "2023-08-22", "end_date": "2023-08-22"},
            {"meeting_id": "m2", "date": "2023-08-22", "end_date": "2023-08-21"},
        ],
    )
    tables = {"sources": sources, "claims": claims, "citations": cites, "meetings": meetings}
    assert said(prov.dates, tables, created=date(2024, 1, 1)) == [
        (
            "published-after-created",
            "sources",
            2,
            "published",
            "2024-01-02",
            "published 2024-01-02 is after the package's created date 2024-01-01 (rule 6)",
        ),
        (
            "stated-after-published",
            "claims",
            2,
            "stated",
            "2024-01",
            "stated 2024-01 is after the last of its sources was published (2023-12-31) (rule 6)",
        ),
        (
            "stated-after-published",
            "claims",
            4,
            "stated",
            "2024-01-03",
            "stated 2024-01-03 is after the last of its sources was published "
            "(2024-01-02) (rule 6)",
        ),
        (
            "end-before-start",
            "meetings",
            2,
            "end_date",
            "2023-08-21",
            "end_date 2023-08-21 is before date 2023-08-22 (rule 6)",
        ),
    ]
    assert [i[:3] for i in said(prov.dates, tables)] == [
        ("stated-after-published", "claims", 2),
        ("stated-after-published", "claims", 4),
        ("end-before-start", "meetings", 2),
    ]


def test_rule7_message_names_the_first_of_three_and_the_cheap_key() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "url": "https://b.example/x?id=1"},
            {"source_id": "s-2", "url": "https://a.example/x"},
            {"source_id": "s-3", "url": "HTTPS://A.example:443/x/#top"},
            {"source_id": "s-4", "url": "https://u:p@a.example/x?utm_source=y"},
            {"source_id": "s-5", "url": "https://b.example/x?id=2"},  # same cheap key as s-1
            {"source_id": "s-6", "url": "http://a.example/x"},  # another scheme
        ],
    )
    same = "has the same URL as 's-2' (rule 7)"
    assert said(prov.urls, {"sources": sources}) == [
        (
            "duplicate-url",
            "sources",
            3,
            "url",
            "HTTPS://A.example:443/x/#top",
            f"source 's-3' {same}",
        ),
        (
            "duplicate-url",
            "sources",
            4,
            "url",
            "https://u:p@a.example/x?utm_source=y",
            f"source 's-4' {same}",
        ),
    ]
    unique = table(
        "sources",
        [{"source_id": "s-1", "url": "https://a.example/x"}, {"source_id": "s-2", "url": ""}],
    )
    assert said(prov.urls, {"sources": unique}) == []


def test_rule8_messages() -> None:
    sources = table("sources", [{"source_id": "s-1"}, {"source_id": "s-2", "relays": "s-1"}])
    cites = table("citations", [{"claim_id": "c", "source_id": "s-2"}])
    aliases = table("aliases", [{"person_id": "p", "alias": "P", "source_id": ""}])
    aliases = missing(aliases, "source_id", [1])
    assert (
        said(prov.source_orphans, {"sources": sources, "citations": cites, "aliases": aliases})
        == []
    )
    assert said(
        prov.source_orphans,
        {"sources": sources, "citations": aliases_as_cites(), "aliases": aliases},
    ) == [
        (
            "source-orphaned",
            "sources",
            1,
            "source_id",
            "s-1",
            "source 's-1' is neither cited (by a claim or an alias) nor relayed by a cited source "
            "(rule 8)",
        ),
        (
            "source-orphaned",
            "sources",
            2,
            "source_id",
            "s-2",
            "source 's-2' is neither cited (by a claim or an alias) nor relayed by a cited source "
            "(rule 8)",
        ),
    ]
    people = table("people", [{"person_id": "p-1"}, {"person_id": "p-2"}])
    claims = missing(
        table("claims", [{"claim_id": "c", "person_id": "p-2"}]), "claimant_person_id", [1]
    )
    parts = table("participants", [{"meeting_id": "m", "person_id": "p-3"}])
    assert said(
        prov.person_orphans, {"people": people, "claims": claims, "participants": parts}
    ) == [
        (
            "person-orphaned",
            "people",
            1,
            "person_id",
            "p-1",
            "person 'p-1' appears in no claim and no participant row (rule 8)",
        ),
    ]


def aliases_as_cites() -> Table:
    """Citations of no source (a missing cell): they cite nothing."""
    return missing(table("citations", [{"claim_id": "c", "source_id": ""}]), "source_id", [1])
