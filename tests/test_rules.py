"""Each registered rule on small tables, in frictionless's style: the exact list of
(code, resource, row, line, field) it reports, boundaries included.

The tables are built in memory as the structure layer would hand them over (every cell text,
``_row`` the record number, ``_line`` the physical line where it starts) and one rule is run
through the registry, so that a column it lacks reports ``rule-not-run`` as in a real run.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from libya_israel_data.contract import resource
from libya_israel_data.contract.table_schema import Field, Resource
from libya_israel_data.foundations.issues import Code, Issue, make_issue
from libya_israel_data.validation import provenance as prov
from libya_israel_data.validation import rules
from libya_israel_data.validation.contacts import (
    both_sides,
    intermediaries,
    organization_claims,
    relevance,
)
from libya_israel_data.validation.dates import check as dates_check
from libya_israel_data.validation.descriptor import check as descriptor_check
from libya_israel_data.validation.provenance import normalise_url
from libya_israel_data.validation.reading import integrity, metadata, read_descriptor, read_files
from libya_israel_data.validation.rules import REGISTRY, Context, Rule, UndeclaredNeed
from libya_israel_data.validation.structure import LINE, ROW, Table
from libya_israel_data.validation.tables import check_fields, check_foreign_keys, check_primary_keys
from libya_israel_data.validation.text import check as text_check
from libya_israel_data.validation.text import check_scripts

Found = list[tuple[str, str | None, int | None, int | None, str | None]]


def table(
    name: str,
    rows: Iterable[dict[str, str]],
    *,
    lines: list[int] | None = None,
    drop: tuple[str, ...] = (),
) -> Table:
    """A resource as read: every contract field (minus ``drop``), cells not given are empty;
    record ``i`` starts on line ``i + 1`` unless ``lines`` says otherwise."""
    res = resource(name)
    rows = list(rows)
    names = [f for f in res.field_names if f not in drop]
    for r in rows:
        assert set(r) <= set(names), set(r) - set(names)
    data = {f: [r.get(f, "") for r in rows] for f in names}
    lines = lines or [i + 2 for i in range(len(rows))]
    df = pl.DataFrame(
        {
            ROW: list(range(1, len(rows) + 1)),
            LINE: lines,
            **data,
        },
        schema={ROW: pl.Int64, LINE: pl.Int64, **{f: pl.String for f in names}},
    )
    return Table(resource=res, file=f"data/{name}.csv", df=df)


def rule_of(check: Callable[[Context], Iterable[Issue]]) -> Rule:
    found = [r for r in REGISTRY if r.check is check]
    assert len(found) == 1, check
    return found[0]


def run(
    check: Callable[[Context], Iterable[Issue]],
    tables: dict[str, Table],
    created: date | None = None,
    descriptor: Path | None = None,
) -> Found:
    """The issues of one registered rule on ``tables`` (or, for the rules that read a package,
    on the package of ``descriptor``), as sorted keys."""
    r = rule_of(check)
    saved = list(REGISTRY)
    REGISTRY[:] = [r]
    try:
        ctx = Context(tables, created, descriptor_path=descriptor)
        if r.layer == "structure":  # the structure layer reads what the descriptor layer found
            ctx.package = descriptor_check(descriptor)[0] if descriptor else None
        issues = rules.run(ctx).issues
    finally:
        REGISTRY[:] = saved
    return sorted(
        ((i.code, i.resource, i.row, i.line, i.field) for i in issues),
        key=lambda k: tuple((v is not None, v if isinstance(v, str) else v or 0) for v in k),
    )


# --- rule 7: URLs compared after normalising ----------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org:99999/x", "https://example.org:99999/x?utm_source=a"),
        ("https://reader@example.org/x", "https://example.org/x"),
        ("https://reader:secret@EXAMPLE.org:443/x/", "https://example.org/x"),
        (" https://example.org/x", "https://example.org/x#top"),
        ("http://example.org:80/x", "http://example.org/x"),
        ("https://u:p@example.org:99999/x", "https://example.org:99999/x"),
    ],
)
def test_urls_that_normalise_alike(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org:99999/x", "https://example.org/x"),
        ("https://example.org:0/x", "https://example.org/x"),
        ("http://example.org:443/x", "http://example.org/x"),
        ("https://example.org/X", "https://example.org/x"),
        ("https://example.org/x?id=1", "https://example.org/x?id=2"),
        ("https://example.org/x", "https://example.net/x"),
        ("https://example.org/x?a=&b=1", "https://example.org/x?b=1"),
        ("https://example.org/x?ref=1", "https://example.org/x"),
    ],
)
def test_urls_that_differ(a: str, b: str) -> None:
    assert normalise_url(a) != normalise_url(b)


def test_an_unparseable_url_is_compared_as_written() -> None:
    assert normalise_url(" https://[::1/x ") == "https://[::1/x"


# --- rule 2: occurred claims and acknowledgement -----------------------------------------------
def _rule2(
    meetings: list[dict[str, str]],
    claims: list[dict[str, str]],
    participants: list[dict[str, str]] = (),
    organization_participants: list[dict[str, str]] = (),
) -> Found:
    return run(
        prov.occurred,
        {
            "meetings": table("meetings", meetings),
            "claims": table("claims", claims),
            "participants": table("participants", participants),
            "organization_participants": table(
                "organization_participants", organization_participants
            ),
            "people": table(
                "people",
                [
                    {"person_id": "p-ly", "country": "LY"},
                    {"person_id": "p-il", "country": "IL"},
                    {"person_id": "p-none"},
                ],
            ),
            "organizations": table(
                "organizations",
                [
                    {"organization_id": "gov-ly", "kind": "government", "country": "LY"},
                    {"organization_id": "min-il", "kind": "ministry", "country": "IL"},
                    {"organization_id": "pres-us", "kind": "presidency", "country": "US"},
                    {"organization_id": "media-ly", "kind": "media", "country": "LY"},
                    {"organization_id": "party-ly", "kind": "political_party", "country": "LY"},
                ],
            ),
        },
    )


def _occ(meeting: str, **claimant: str) -> dict[str, str]:
    return {"claim_id": f"c-{meeting}", "meeting_id": meeting, "claim_type": "occurred", **claimant}


def test_rule2_every_meeting_needs_an_occurred_claim() -> None:
    meetings = [
        {"meeting_id": "m1", "status": "reported"},
        {"meeting_id": "m2", "status": "alleged"},
        {"meeting_id": "m3", "status": "reported"},
    ]
    claims = [
        _occ("m1", claimant_description="a newspaper"),
        # another type about m2, and an 'occurred' claim about no meeting, count for nothing
        {"claim_id": "c-x", "meeting_id": "m2", "claim_type": "date"},
        {"claim_id": "c-y", "person_id": "p-ly", "claim_type": "occurred"},
        # the type is compared exactly
        {"claim_id": "c-z", "meeting_id": "m3", "claim_type": "Occurred"},
    ]
    assert _rule2(meetings, claims) == [
        ("occurred-claim-missing", "meetings", 2, 3, "meeting_id"),
        ("occurred-claim-missing", "meetings", 3, 4, "meeting_id"),
    ]


@pytest.mark.parametrize(
    ("claimant", "participants", "organization_participants", "acknowledged"),
    [
        # a participant, a person or an organization, speaks for itself
        ({"claimant_person_id": "p-ly"}, [{"person_id": "p-ly", "side": "LY"}], [], True),
        ({"claimant_organization_id": "media-ly"}, [], [{"organization_id": "media-ly"}], True),
        # a person who is not a participant does not
        ({"claimant_person_id": "p-il"}, [{"person_id": "p-ly", "side": "LY"}], [], False),
        # a government body of a participant's side; of another country it does not count
        ({"claimant_organization_id": "gov-ly"}, [{"person_id": "p-il", "side": "LY"}], [], True),
        ({"claimant_organization_id": "min-il"}, [{"person_id": "p-ly", "side": "LY"}], [], False),
        # the side, when set, is the participant's country, not the person's own
        ({"claimant_organization_id": "gov-ly"}, [{"person_id": "p-ly", "side": "IL"}], [], False),
        # no side: the person's or organization's own country
        ({"claimant_organization_id": "min-il"}, [{"person_id": "p-il"}], [], True),
        ({"claimant_organization_id": "gov-ly"}, [], [{"organization_id": "media-ly"}], True),
        # not a government body, even of the right country
        ({"claimant_organization_id": "party-ly"}, [{"person_id": "p-ly"}], [], False),
        # no participant has a country: any government body acknowledges it
        ({"claimant_organization_id": "pres-us"}, [], [], True),
        ({"claimant_organization_id": "pres-us"}, [{"person_id": "p-none"}], [], True),
        ({"claimant_organization_id": "media-ly"}, [], [], False),
        ({"claimant_description": "an official"}, [], [], False),
    ],
)
def test_rule2_acknowledged_by_a_participant_or_its_government(
    claimant: dict[str, str],
    participants: list[dict[str, str]],
    organization_participants: list[dict[str, str]],
    acknowledged: bool,
) -> None:
    meetings = [
        {"meeting_id": "m1", "status": "reported"},
        {"meeting_id": "m2", "status": "acknowledged"},
    ]
    claims = [_occ("m1", claimant_description="a newspaper"), _occ("m2", **claimant)]
    found = _rule2(
        meetings,
        claims,
        [{"meeting_id": "m2", "role": "participant", **p} for p in participants],
        [{"meeting_id": "m2", "role": "participant", **o} for o in organization_participants],
    )
    assert found == (
        [] if acknowledged else [("acknowledgement-missing", "meetings", 2, 3, "status")]
    )


def test_rule2_a_claim_about_another_meeting_does_not_acknowledge() -> None:
    meetings = [
        {"meeting_id": "m1", "status": "acknowledged"},
        {"meeting_id": "m2", "status": "reported"},
    ]
    claims = [_occ("m1", claimant_description="a newspaper"), _occ("m2", claimant_person_id="p-ly")]
    parts = [{"meeting_id": "m1", "person_id": "p-ly", "role": "participant", "side": "LY"}]
    assert _rule2(meetings, claims, parts) == [
        ("acknowledgement-missing", "meetings", 1, 2, "status")
    ]


def custom(
    fields: tuple[Field, ...], rows: list[dict[str, str]], *, pk: tuple[str, ...] = ()
) -> Table:
    """A table of a resource outside the contract, for constraints the contract does not use."""
    res = Resource(
        name="things", path="data/things.csv", schema_path="", fields=fields, primary_key=pk
    )
    df = pl.DataFrame(
        {ROW: list(range(1, len(rows) + 1)), LINE: [i + 2 for i in range(len(rows))]}
        | {f.name: [r.get(f.name, "") for r in rows] for f in fields},
        schema={ROW: pl.Int64, LINE: pl.Int64} | {f.name: pl.String for f in fields},
    )
    return Table(resource=res, file="data/things.csv", df=df)


# --- tables: types and constraints of every field ----------------------------------------------
def test_fields_required_enum_pattern_and_max_length_with_their_boundaries() -> None:
    statement = "x" * 400
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "claim_type": "occurred", "statement": statement},
            {"claim_id": "c-2", "claim_type": "happened", "statement": statement + "x"},
            # empty cells: only the required ones fail, never the enum or the pattern
            {"claim_id": "", "claim_type": "", "statement": "s", "meeting_id": ""},
            {"claim_id": "C-4", "claim_type": "date", "statement": "s", "meeting_id": "m-1\n"},
            {"claim_id": "c-5-", "claim_type": "Occurred", "statement": "s", "disputes": "c-1"},
        ],
        lines=[2, 3, 4, 6, 8],
    )
    assert run(check_fields, {"claims": claims}) == [
        ("constraint-error", "claims", 2, 3, "claim_type"),
        ("constraint-error", "claims", 2, 3, "statement"),
        ("constraint-error", "claims", 3, 4, "claim_id"),
        ("constraint-error", "claims", 3, 4, "claim_type"),
        ("constraint-error", "claims", 4, 6, "claim_id"),
        ("constraint-error", "claims", 4, 6, "meeting_id"),
        ("constraint-error", "claims", 5, 8, "claim_id"),
        ("constraint-error", "claims", 5, 8, "claim_type"),
    ]


def test_fields_types_unique_and_min_length() -> None:
    things = custom(
        (
            Field("n", type="integer"),
            Field("b", type="boolean"),
            Field("u", unique=True),
            Field("short", min_length=2, max_length=3),
        ),
        [
            {"n": "-12", "b": "true", "u": "a", "short": "ab"},
            {"n": "1.5", "b": "True", "u": "b", "short": "abc"},
            {"n": "", "b": "", "u": "a", "short": "a"},
            {"n": "007", "b": "false", "u": "", "short": "abcd"},
            {"n": "x", "b": "1", "u": "", "short": ""},
        ],
    )
    found = run(check_fields, {"things": things})
    assert found == [
        ("constraint-error", "things", 3, 4, "short"),
        ("constraint-error", "things", 4, 5, "short"),
        ("type-error", "things", 2, 3, "b"),
        ("type-error", "things", 2, 3, "n"),
        ("type-error", "things", 5, 6, "b"),
        ("type-error", "things", 5, 6, "n"),
        ("unique-error", "things", 3, 4, "u"),
    ]


def full(**tables: Table) -> dict[str, Table]:
    """Every resource of the contract, empty unless given."""
    from libya_israel_data.contract import RESOURCES

    return {name: tables.get(name) or table(name, []) for name in RESOURCES}


# --- tables: primary and foreign keys ----------------------------------------------------------
def test_primary_keys_single_and_composite() -> None:
    sources = table(
        "sources",
        [{"source_id": s} for s in ("a", "b", "a", "", "", "c", "b")],
    )
    citations = table(
        "citations",
        [
            {"claim_id": "c-1", "source_id": "a"},
            {"claim_id": "c-1", "source_id": "b"},
            {"claim_id": "c-2", "source_id": "a"},
            {"claim_id": "c-1", "source_id": "a"},
            {"claim_id": "c-1", "source_id": ""},
        ],
    )
    assert run(check_primary_keys, full(sources=sources, citations=citations)) == [
        ("primary-key", "citations", 4, 5, "claim_id,source_id"),
        ("primary-key", "sources", 3, 4, "source_id"),
        ("primary-key", "sources", 7, 8, "source_id"),
    ]


def test_sorted_unique_keys_pass() -> None:
    sources = table("sources", [{"source_id": s} for s in ("a", "b", "c")])
    people = table("people", [{"person_id": "p"}])
    assert run(check_primary_keys, full(sources=sources, people=people)) == []


def test_foreign_keys_point_at_existing_rows() -> None:
    sources = table("sources", [{"source_id": "s-1"}, {"source_id": "s-2", "relays": "s-9"}])
    claims = table("claims", [{"claim_id": "c-1", "disputes": "c-1"}, {"claim_id": "c-2"}])
    citations = table(
        "citations",
        [
            {"claim_id": "c-1", "source_id": "s-1"},
            {"claim_id": "c-3", "source_id": "s-2"},
            {"claim_id": "c-2", "source_id": "S-1"},
            {"claim_id": "", "source_id": ""},
        ],
    )
    assert run(check_foreign_keys, full(sources=sources, claims=claims, citations=citations)) == [
        ("foreign-key", "citations", 2, 3, "claim_id"),
        ("foreign-key", "citations", 3, 4, "source_id"),
        ("foreign-key", "sources", 2, 3, "relays"),
    ]


def test_a_rule_that_lacks_a_column_says_so() -> None:
    tables = full(citations=table("citations", [], drop=("source_id",)))
    del tables["aliases"]
    found = run(check_foreign_keys, tables)
    assert found == [
        ("rule-not-run", "aliases", None, None, None),
        ("rule-not-run", "citations", None, None, "source_id"),
    ]


# --- contacts: rules 3 (organizations), 9, 10, 11 -----------------------------------------------
def test_rule3_an_organization_participants_claim_is_about_its_meeting() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "meeting_id": "m1"},
            {"claim_id": "c-2"},
            {"claim_id": "c-3", "meeting_id": "m2"},
        ],
    )
    parts = table(
        "organization_participants",
        [
            {"meeting_id": "m1", "organization_id": "o", "claim_id": "c-1"},
            {"meeting_id": "m1", "organization_id": "p", "claim_id": "c-2"},
            {"meeting_id": "m1", "organization_id": "q", "claim_id": "c-3"},
            {"meeting_id": "m1", "organization_id": "r", "claim_id": "c-9"},  # a foreign-key issue
        ],
    )
    assert run(organization_claims, {"claims": claims, "organization_participants": parts}) == [
        ("participant-claim-mismatch", "organization_participants", 2, 3, "claim_id"),
        ("participant-claim-mismatch", "organization_participants", 3, 4, "claim_id"),
    ]


def test_rule3_a_persons_claim_is_about_its_meeting() -> None:
    claims = table("claims", [{"claim_id": "c-1", "meeting_id": "m1"}, {"claim_id": "c-2"}])
    parts = table(
        "participants",
        [
            {"meeting_id": "m1", "person_id": "a", "claim_id": "c-1"},
            {"meeting_id": "m2", "person_id": "a", "claim_id": "c-1"},
            {"meeting_id": "m1", "person_id": "b", "claim_id": "c-2"},
            {"meeting_id": "m1", "person_id": "c", "claim_id": ""},
        ],
    )
    assert run(prov.participants, {"claims": claims, "participants": parts}) == [
        ("participant-claim-mismatch", "participants", 2, 3, "claim_id"),
        ("participant-claim-mismatch", "participants", 3, 4, "claim_id"),
    ]


def _contacts(
    meetings: list[dict[str, str]], people: list[dict[str, str]], orgs: list[dict[str, str]]
) -> dict[str, Table]:
    return {
        "meetings": table("meetings", meetings),
        "participants": table("participants", people),
        "organization_participants": table("organization_participants", orgs),
    }


def test_rule9_a_contact_has_a_participant_on_each_side() -> None:
    tables = _contacts(
        [
            {"meeting_id": "m1", "contact": "direct"},  # LY person, IL organization
            {"meeting_id": "m2", "contact": "message_only"},  # LY only
            {"meeting_id": "m3", "contact": "shared_conference"},  # nobody
            {"meeting_id": "m4", "contact": "related_event"},  # not a contact
            {"meeting_id": "m5", "contact": "via_intermediary"},  # US and IL: LY missing
            {"meeting_id": "m6", "contact": ""},  # no contact given: the required check says so
        ],
        [
            {"meeting_id": "m1", "person_id": "a", "side": "LY"},
            {"meeting_id": "m2", "person_id": "a", "side": "LY"},
            {"meeting_id": "m2", "person_id": "b", "side": "ly"},
            {"meeting_id": "m5", "person_id": "c", "side": "US"},
        ],
        [
            {"meeting_id": "m1", "organization_id": "o", "side": "IL"},
            {"meeting_id": "m5", "organization_id": "o", "side": "IL"},
        ],
    )
    assert run(both_sides, tables) == [
        ("contact-one-sided", "meetings", 2, 3, "contact"),
        ("contact-one-sided", "meetings", 3, 4, "contact"),
        ("contact-one-sided", "meetings", 5, 6, "contact"),
    ]


def test_rule10_a_contact_via_an_intermediary_names_it() -> None:
    tables = _contacts(
        [
            {"meeting_id": "m1", "contact": "via_intermediary"},
            {"meeting_id": "m2", "contact": "via_intermediary"},
            {"meeting_id": "m3", "contact": "via_intermediary"},
            {"meeting_id": "m4", "contact": "direct"},
        ],
        [
            {"meeting_id": "m1", "person_id": "a", "role": "intermediary"},
            {"meeting_id": "m3", "person_id": "a", "role": "mediator"},
        ],
        [{"meeting_id": "m2", "organization_id": "o", "role": "intermediary"}],
    )
    assert run(intermediaries, tables) == [("intermediary-missing", "meetings", 3, 4, "contact")]


def test_rule11_a_related_event_says_why() -> None:
    meetings = table(
        "meetings",
        [
            {"meeting_id": "m1", "contact": "related_event", "relevance": "why"},
            {"meeting_id": "m2", "contact": "related_event"},
            {"meeting_id": "m3", "contact": "direct"},
        ],
    )
    assert run(relevance, {"meetings": meetings}) == [
        ("related-event-unexplained", "meetings", 2, 3, "relevance")
    ]


# --- dates ---------------------------------------------------------------------------------------
def test_dates_are_real_calendar_dates() -> None:
    meetings = table(
        "meetings",
        [
            {"meeting_id": "m1", "date": "2024-02-29", "end_date": "2023-02-28"},
            {"meeting_id": "m2", "date": "2023-02-29", "disclosed": "2023-13"},
            {"meeting_id": "m3", "date": "2023-04-31", "end_date": "2023-12-31"},
            {"meeting_id": "m4", "date": "2023-00", "end_date": "not a date"},  # the pattern's
            {"meeting_id": "m5", "date": "2023-02-29", "end_date": ""},
        ],
    )
    assert run(dates_check, {"meetings": meetings}) == [
        ("invalid-date", "meetings", 2, 3, "date"),
        ("invalid-date", "meetings", 2, 3, "disclosed"),
        ("invalid-date", "meetings", 3, 4, "date"),
        ("invalid-date", "meetings", 4, 5, "date"),
        ("invalid-date", "meetings", 5, 6, "date"),
    ]


# --- text ----------------------------------------------------------------------------------------
def test_text_is_clean() -> None:
    people = table(
        "people",
        [
            {"person_id": "p-1", "name": "Plain Name", "description": "a-b = c"},
            {"person_id": "p-2", "name": "Bidi\u202eName", "description": "tab\there"},
            {"person_id": "p-3", "name": "Cafe\u0301", "description": " leading"},
            {"person_id": "p-4", "name": "=SUM(A1)", "description": "trailing\u00a0"},
            {"person_id": "p-5", "name": "+1", "description": "-1"},
            {"person_id": "p-6", "name": "@x", "description": "C1 \u0085 control"},
            {"person_id": "p-7", "name": "Café", "description": "\u00a0"},
        ],
    )
    assert run(text_check, {"people": people}) == [
        ("bidi-control", "people", 2, 3, "name"),
        ("control-character", "people", 2, 3, "description"),
        ("control-character", "people", 6, 7, "description"),
        ("formula-trigger", "people", 4, 5, "name"),
        ("formula-trigger", "people", 5, 6, "description"),
        ("formula-trigger", "people", 5, 6, "name"),
        ("formula-trigger", "people", 6, 7, "name"),
        ("not-nfc", "people", 3, 4, "name"),
        ("surrounding-whitespace", "people", 3, 4, "description"),
        ("surrounding-whitespace", "people", 4, 5, "description"),
        ("surrounding-whitespace", "people", 7, 8, "description"),
    ]


def test_text_on_a_large_table_screens_by_character_class(monkeypatch: pytest.MonkeyPatch) -> None:
    from libya_israel_data.validation import text

    monkeypatch.setattr(text, "NFC_CLASS_MIN_ROWS", 1)
    people = table(
        "people",
        [
            {"person_id": "p-1", "name": "Café"},
            {"person_id": "p-2", "name": "Cafe\u0301"},
            {"person_id": "p-3", "name": "\u212b"},  # ANGSTROM SIGN: NFC changes it alone
        ],
    )
    assert run(text_check, {"people": people}) == [
        ("not-nfc", "people", 2, 3, "name"),
        ("not-nfc", "people", 3, 4, "name"),
    ]


def test_letters_belong_to_their_script() -> None:
    people = table(
        "people",
        [
            {"person_id": "p-1", "name": "Najla", "name_ar": "نجلاء", "name_he": "נג׳לא"},
            {"person_id": "p-2", "name": "Najl\u0430", "name_ar": "\u06a9\u06cc", "name_he": "AB"},
            {"person_id": "p-3", "name": "Zero\u200bWidth", "description": "ﻧﺠﻼء"},
            {"person_id": "p-4", "name": "CafÃ©", "name_he": "אב\u0627"},
            {"person_id": "p-5", "name": "Naj", "name_ar": "Najla"},
        ],
    )
    organizations = table(
        "organizations",
        [{"organization_id": "o-1", "name": "AP", "name_he": "סוכנות AP", "name_ar": "AP وكالة"}],
    )
    assert run(check_scripts, {"people": people, "organizations": organizations}) == [
        ("invisible-character", "people", 3, 4, "name"),
        ("mixed-script", "people", 2, 3, "name"),
        ("mixed-script", "people", 2, 3, "name_ar"),
        ("mixed-script", "people", 2, 3, "name_he"),
        ("mixed-script", "people", 4, 5, "name_he"),
        ("mixed-script", "people", 5, 6, "name_ar"),
        ("mojibake", "people", 4, 5, "name"),
        ("presentation-form", "people", 3, 4, "description"),
    ]


# --- provenance ----------------------------------------------------------------------------------
def test_every_claim_has_a_subject_and_a_claimant() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "meeting_id": "m", "claimant_description": "an official"},
            {"claim_id": "c-2", "person_id": "p", "claimant_person_id": "p"},
            {"claim_id": "c-3", "organization_id": "o", "claimant_organization_id": "o"},
            {"claim_id": "c-4", "claimant_person_id": "p"},
            {"claim_id": "c-5", "meeting_id": "m"},
            {"claim_id": "c-6"},
        ],
    )
    assert run(prov.claim_fields, {"claims": claims}) == [
        ("claim-subject-missing", "claims", 4, 5, "meeting_id"),
        ("claim-subject-missing", "claims", 6, 7, "meeting_id"),
        ("claimant-missing", "claims", 5, 6, "claimant_person_id"),
        ("claimant-missing", "claims", 6, 7, "claimant_person_id"),
    ]


def test_rule1_every_claim_is_cited() -> None:
    claims = table("claims", [{"claim_id": c} for c in ("c-1", "c-2", "c-3")])
    cites = table(
        "citations",
        [
            {"claim_id": "c-1", "source_id": "s"},
            {"claim_id": "c-1", "source_id": "t"},
            {"claim_id": "c-3", "source_id": "s"},
        ],
    )
    assert run(prov.citations, {"claims": claims, "citations": cites}) == [
        ("citation-missing", "claims", 2, 3, "claim_id")
    ]


def test_rule4_upstream_documents_are_relayed_and_chains_end() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "up", "url": ""},  # relayed by s-1
            {"source_id": "s-1", "url": "https://a.example/1", "relays": "up"},
            {"source_id": "lost", "url": ""},  # nobody relays it
            {"source_id": "self", "url": "", "relays": "self"},  # relaying itself is no relay
            {"source_id": "x", "url": "https://a.example/x", "relays": "y"},
            {"source_id": "y", "url": "https://a.example/y", "relays": "x"},
        ],
    )
    assert run(prov.relays, {"sources": sources}) == [
        ("relays-cycle", "sources", 4, 5, "relays"),
        ("relays-cycle", "sources", 5, 6, "relays"),
        ("relays-cycle", "sources", 6, 7, "relays"),
        ("upstream-not-relayed", "sources", 3, 4, "url"),
        ("upstream-not-relayed", "sources", 4, 5, "url"),
    ]


def test_rule5_a_dispute_is_about_the_same_subject() -> None:
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "meeting_id": "m1"},
            {"claim_id": "c-2", "meeting_id": "m1", "disputes": "c-1"},
            {"claim_id": "c-3", "meeting_id": "m2", "disputes": "c-1"},
            {"claim_id": "c-4", "person_id": "p", "disputes": "c-4"},
            {"claim_id": "c-5", "meeting_id": "m2", "person_id": "p", "disputes": "c-4"},
            {"claim_id": "c-6", "organization_id": "o", "disputes": "c-9"},  # a foreign-key issue
            {"claim_id": "c-7", "organization_id": "o", "disputes": "c-6"},
        ],
    )
    assert run(prov.disputes, {"claims": claims}) == [
        ("dispute-self", "claims", 4, 5, "disputes"),
        ("dispute-subject-mismatch", "claims", 3, 4, "disputes"),
    ]


def test_rule6_dates_agree_with_boundaries() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "published": "2023-08-27"},
            {"source_id": "s-2", "published": "2023-08"},  # latest 2023-08-31
            {"source_id": "s-3", "published": "2024-01-02"},  # after created
            {"source_id": "s-4", "published": ""},  # unknown: nothing compared
            {"source_id": "s-5", "published": "2024-01-01"},  # on the created date
        ],
    )
    claims = table(
        "claims",
        [
            {"claim_id": "c-1", "stated": "2023-08-27"},  # the day of publication
            {"claim_id": "c-2", "stated": "2023-08-28"},  # a day after
            {"claim_id": "c-3", "stated": "2023-08-31"},  # s-2's month holds it
            {"claim_id": "c-4", "stated": "2023-09"},  # after s-2's month
            {"claim_id": "c-5", "stated": "2030"},  # one source's date is unknown
            {"claim_id": "c-6", "stated": "2023-08-28"},  # the later of two sources holds it
        ],
    )
    cites = table(
        "citations",
        [
            {"claim_id": "c-1", "source_id": "s-1"},
            {"claim_id": "c-2", "source_id": "s-1"},
            {"claim_id": "c-3", "source_id": "s-2"},
            {"claim_id": "c-4", "source_id": "s-2"},
            {"claim_id": "c-5", "source_id": "s-1"},
            {"claim_id": "c-5", "source_id": "s-4"},
            {"claim_id": "c-6", "source_id": "s-1"},
            {"claim_id": "c-6", "source_id": "s-2"},
        ],
    )
    meetings = table(
        "meetings",
        [
            {"meeting_id": "m1", "date": "2023-08-22", "end_date": "2023-08-22"},
            {"meeting_id": "m2", "date": "2023-08-22", "end_date": "2023-08-21"},
            {
                "meeting_id": "m3",
                "date": "2023-08",
                "end_date": "2023-08-01",
            },  # may be the same day
            {"meeting_id": "m4", "date": "2023-08", "end_date": "2023-07"},
            {"meeting_id": "m5", "date": "2023-08-22", "end_date": ""},
        ],
    )
    tables = {"sources": sources, "claims": claims, "citations": cites, "meetings": meetings}
    assert run(prov.dates, tables, created=date(2024, 1, 1)) == [
        ("end-before-start", "meetings", 2, 3, "end_date"),
        ("end-before-start", "meetings", 4, 5, "end_date"),
        ("published-after-created", "sources", 3, 4, "published"),
        ("stated-after-published", "claims", 2, 3, "stated"),
        ("stated-after-published", "claims", 4, 5, "stated"),
    ]
    # without a created date, sources are not compared with it
    assert ("published-after-created", "sources", 3, 4, "published") not in run(prov.dates, tables)


def test_rule7_no_two_sources_share_a_url() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "url": "https://example.org/a"},
            {"source_id": "s-2", "url": "https://EXAMPLE.org/a/"},
            {"source_id": "s-3", "url": "https://example.org/a?utm_source=x#top"},
            {"source_id": "s-4", "url": "https://example.org/A"},
            {"source_id": "s-5", "url": "https://example.org/a?id=1"},
            {"source_id": "s-6", "url": ""},
            {"source_id": "s-7", "url": ""},
            {"source_id": "s-8", "url": "https://u@example.org:443/a"},
            {"source_id": "s-9", "url": "https://example.org:99999/a?fbclid=1"},
            {"source_id": "s-10", "url": "https://example.org:99999/a"},
        ],
    )
    assert run(prov.urls, {"sources": sources}) == [
        ("duplicate-url", "sources", 2, 3, "url"),
        ("duplicate-url", "sources", 3, 4, "url"),
        ("duplicate-url", "sources", 8, 9, "url"),
        ("duplicate-url", "sources", 10, 11, "url"),
    ]


def test_rule8_every_source_is_cited_or_relayed_by_a_cited_source() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "cited"},
            {"source_id": "upstream"},  # relayed by a cited source
            {"source_id": "mid", "relays": "upstream"},
            {"source_id": "top", "relays": "mid"},  # cited; relays mid, which relays upstream
            {"source_id": "alias-page"},  # cited by an alias row
            {"source_id": "orphan"},
            {"source_id": "relays-cited", "relays": "cited"},  # relays a cited one: still orphan
        ],
    )
    cites = table(
        "citations",
        [{"claim_id": "c", "source_id": "cited"}, {"claim_id": "c", "source_id": "top"}],
    )
    aliases = table("aliases", [{"person_id": "p", "alias": "P", "source_id": "alias-page"}])
    assert run(
        prov.source_orphans, {"sources": sources, "citations": cites, "aliases": aliases}
    ) == [
        ("source-orphaned", "sources", 6, 7, "source_id"),
        ("source-orphaned", "sources", 7, 8, "source_id"),
    ]


def test_rule8_every_person_appears_in_a_claim_or_a_participant_row() -> None:
    people = table(
        "people", [{"person_id": p} for p in ("subject", "claimant", "participant", "alone")]
    )
    claims = table(
        "claims", [{"claim_id": "c", "person_id": "subject", "claimant_person_id": "claimant"}]
    )
    parts = table("participants", [{"meeting_id": "m", "person_id": "participant"}])
    assert run(
        prov.person_orphans, {"people": people, "claims": claims, "participants": parts}
    ) == [("person-orphaned", "people", 4, 5, "person_id")]


# --- the registry --------------------------------------------------------------------------------
def test_every_registered_rule_has_a_test_here() -> None:
    """Each rule in the registry is run by a test of this module (``run(<its check>, ...)``)."""
    import ast
    import sys

    module = sys.modules[__name__]
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    ran = {
        ast.unparse(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "run" and node.args
    }
    checks = {eval(name, vars(module)) for name in ran}
    untested = [r.name for r in REGISTRY if r.check not in checks]
    assert untested == []
    assert len(REGISTRY) >= 20


def test_cell_messages_show_the_value_and_the_constraint() -> None:
    long = "y" * 61
    things = custom(
        (
            Field("n", type="integer"),
            Field("b", type="boolean"),
            Field("u", unique=True),
            Field("short", min_length=2, max_length=3),
            Field("e", enum=("a", "b"), pattern="[a-z]"),
        ),
        [
            {"n": "1.5", "b": "yes", "u": "x" * 60, "short": "a", "e": long},
            {"n": long, "u": "x" * 60, "short": "abcd", "e": "c"},
        ],
    )
    ctx = Context({"things": things})
    messages = sorted((i.row, i.field, i.message) for i in check_fields(ctx))
    assert messages == [
        (1, "b", "'yes' is not a boolean (true or false)"),
        (1, "e", f"'{'y' * 60}…' does not match the pattern [a-z] (constraint 'pattern')"),
        (1, "e", f"'{'y' * 60}…' is not one of: a, b (constraint 'enum')"),
        (1, "n", "'1.5' is not an integer"),
        (1, "short", "1 characters, fewer than 2 (constraint 'minLength')"),
        (2, "e", "'c' is not one of: a, b (constraint 'enum')"),
        (2, "n", f"'{'y' * 60}…' is not an integer"),
        (2, "short", "4 characters, more than 3 (constraint 'maxLength')"),
        (2, "u", f"'{'x' * 60}' appears more than once"),
    ]


def test_noncharacters_and_tatweel() -> None:
    people = table(
        "people",
        [
            {"person_id": "p-1", "name": "Name", "name_ar": "محمد", "description": "ok \ufffd"},
            {"person_id": "p-2", "name": "Na\ufffeme", "description": "x\ufdd0"},
            {"person_id": "p-3", "name": "Name", "name_ar": "مـحمد", "description": "مـحمد"},
            {"person_id": "p-4", "name": "N\U0010ffff", "description": "\ufdef"},
        ],
    )
    aliases = table("aliases", [{"person_id": "p-1", "alias": "مـحمد", "source_id": "s"}])
    found = run(text_check, {"people": people}) + run(
        check_scripts, {"people": people, "aliases": aliases}
    )
    assert sorted(found) == [
        ("noncharacter", "people", 2, 3, "description"),
        ("noncharacter", "people", 2, 3, "name"),
        ("noncharacter", "people", 4, 5, "description"),
        ("noncharacter", "people", 4, 5, "name"),
        # U+FDD0-U+FDEF lie inside the range the presentation-form check covers
        ("presentation-form", "people", 2, 3, "description"),
        ("presentation-form", "people", 4, 5, "description"),
        ("tatweel", "aliases", 1, 2, "alias"),
        ("tatweel", "people", 3, 4, "name_ar"),
    ]


# --- the layers that read the package -------------------------------------------------------------
def _descriptor(tiny: Path) -> dict:
    return json.loads(tiny.read_text(encoding="utf-8"))


def test_the_descriptor_rule_reports_missing_resources_and_unsafe_paths(tiny: Path) -> None:
    desc = _descriptor(tiny)
    sources = next(r for r in desc["resources"] if r["name"] == "sources")
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "people"]
    sources["path"] = "../outside.csv"
    tiny.write_text(json.dumps(desc), encoding="utf-8")
    assert run(read_descriptor, {}, descriptor=tiny) == [
        ("resource-missing", "people", None, None, None),
        ("unsafe-path", "sources", None, None, "path"),
    ]


def test_the_descriptor_rule_refuses_a_descriptor_without_resources(tiny: Path) -> None:
    tiny.write_text('{"name": "x"}', encoding="utf-8")
    assert run(read_descriptor, {}, descriptor=tiny) == [("package-error", None, None, None, None)]


def test_the_metadata_rule_reads_what_the_descriptor_rule_read(tiny: Path) -> None:
    desc = _descriptor(tiny)
    desc["version"], desc["created"] = "1.0", "2026-13-01"
    tiny.write_text(json.dumps(desc), encoding="utf-8")
    saved = list(REGISTRY)
    REGISTRY[:] = [rule_of(read_descriptor), rule_of(metadata)]
    try:
        report = rules.run(Context(descriptor_path=tiny))
    finally:
        REGISTRY[:] = saved
    assert [(i.code, i.field) for i in report.issues] == [
        ("metadata-error", "created"),
        ("metadata-error", "version"),
    ]
    assert run(metadata, {}) == []  # nothing read, nothing to say


def test_the_file_rule_reads_every_file_and_reports_its_structure(tiny: Path) -> None:
    people = tiny.parent / "data" / "people.csv"
    people.write_bytes(people.read_bytes().replace(b"\n", b"\r\n", 1) + b"\n")
    # two people, then the empty line the extra line feed makes: row 3, on line 4
    assert run(read_files, {}, descriptor=tiny) == [
        ("blank-row", "people", 3, 4, None),
        ("line-ending", "people", None, 1, None),
    ]


def test_the_integrity_rule_compares_sizes_and_hashes(tiny: Path) -> None:
    people = tiny.parent / "data" / "people.csv"
    desc = _descriptor(tiny)
    entry = next(r for r in desc["resources"] if r["name"] == "people")
    entry["bytes"], entry["hash"] = people.stat().st_size + 1, "sha256:" + "0" * 64
    tiny.write_text(json.dumps(desc), encoding="utf-8")
    assert run(integrity, {}, descriptor=tiny) == []  # the files are not read: nothing to compare
    saved = list(REGISTRY)
    REGISTRY[:] = [rule_of(read_descriptor), rule_of(read_files), rule_of(integrity)]
    try:
        report = rules.run(Context(descriptor_path=tiny))
    finally:
        REGISTRY[:] = saved
    assert [(i.code, i.resource, i.field) for i in report.issues] == [
        ("byte-count", "people", "bytes"),
        ("hash-count", "people", "hash"),
    ]


# --- needs: a rule's one declaration of its columns --------------------------------------------
def test_a_rule_sees_exactly_the_columns_it_declared() -> None:
    ctx = Context({"claims": table("claims", [{"claim_id": "c1", "statement": "s"}])})
    ctx.declared = {"claims": ("claim_id",)}
    assert ctx.df("claims").columns == [ROW, LINE, "claim_id"]
    with pytest.raises(UndeclaredNeed, match="'sources'"):
        ctx.df("sources")


def test_every_rule_runs_on_exactly_what_it_declared(tiny: Path) -> None:
    """The registry hands each rule only its declared columns: a full validation of a valid
    and of an invalid package runs every rule without asking for an undeclared one."""
    import libya_israel_data as lid

    assert lid.validate(tiny).valid
    claims = tiny.parent / "data" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "c99,,,,occurred,x,,,,,\n")
    assert {i.code for i in lid.validate(tiny).issues} >= {"claim-subject-missing"}


# --- options: what runs and what is reported ----------------------------------------------------
def test_options_resolve_codes_and_rule_names_and_refuse_unknown_ones() -> None:
    assert rules.Options(select=("foreign-key",)).codes() == {Code.FOREIGN_KEY, Code.RULE_NOT_RUN}
    assert rules.Options(select=(rule_of(prov.urls).name,)).codes() == {
        Code.DUPLICATE_URL,
        Code.RULE_NOT_RUN,
    }
    assert Code.FOREIGN_KEY not in rules.Options(ignore=("foreign-key",)).codes()
    assert rules.Options(select=("foreign-key",), ignore=("rule-not-run",)).codes() == {
        Code.FOREIGN_KEY
    }
    with pytest.raises(rules.UnknownSelector, match="did you mean 'duplicate-url'"):
        rules.Options(ignore=("duplicate-urls",))
    with pytest.raises(ValueError, match="at least 1"):
        rules.Options(limit_errors=0)


def test_entries_split_codes_on_commas_but_keep_a_rule_name_whole() -> None:
    name = rule_of(text_check).name
    assert "," in name
    assert rules.entries([name, "foreign-key, primary-key", ""]) == (
        name,
        "foreign-key",
        "primary-key",
    )


def test_a_rule_whose_codes_are_not_selected_does_not_run() -> None:
    ran: list[str] = []

    def noting(name: str) -> Callable[[Context], list[Issue]]:
        return lambda ctx: ran.append(name) or []

    saved = list(REGISTRY)
    REGISTRY[:] = [
        Rule("a", "provenance", (Code.DUPLICATE_URL,), lambda r: {}, noting("a")),
        Rule("b", "provenance", (Code.DISPUTE_SELF,), lambda r: {}, noting("b")),
    ]
    try:
        rules.run(Context(), rules.Options(select=("duplicate-url",)))
        rules.run(Context(), rules.Options(ignore=("duplicate-url",)))
    finally:
        REGISTRY[:] = saved
    assert ran == ["a", "b"]


def test_limit_errors_stops_running_rules_and_truncates() -> None:
    ran: list[str] = []

    def two_errors(ctx: Context) -> list[Issue]:
        ran.append("first")
        return [make_issue(Code.DUPLICATE_URL, f"u{i}", resource="sources", row=i) for i in (2, 1)]

    def later(ctx: Context) -> list[Issue]:
        ran.append("later")
        return []

    saved = list(REGISTRY)
    REGISTRY[:] = [
        Rule("first", "tables", (Code.DUPLICATE_URL,), lambda r: {}, two_errors),
        Rule("later", "provenance", (Code.DISPUTE_SELF,), lambda r: {}, later),
    ]
    try:
        report = rules.run(Context(), rules.Options(limit_errors=1))
    finally:
        REGISTRY[:] = saved
    assert ran == ["first"]
    assert [i.row for i in report.issues] == [1]  # the first in file order
    assert report.truncated and report.to_dict()["truncated"] is True
    assert report.summary().endswith("stopped after 1 error, the report is truncated")


def test_key_issues_past_the_cap_are_counted_not_made() -> None:
    """A file with thousands of repeated keys must not make thousands of issues: the first
    CAP are made, the rest counted as omitted, per code and resource."""
    from libya_israel_data.foundations.issues import CAP

    n = CAP + 30
    sources = table("sources", [{"source_id": "same"} for _ in range(n + 1)])
    claims = table("claims", [{"claim_id": f"c-{i:04d}"} for i in range(n)])
    citations = table(
        "citations", [{"claim_id": f"c-{i:04d}", "source_id": "gone"} for i in range(n)]
    )
    tables = full(sources=sources, claims=claims, citations=citations)
    saved = list(REGISTRY)
    REGISTRY[:] = [rule_of(check_primary_keys), rule_of(check_foreign_keys)]
    try:
        report = rules.run(Context(tables))
    finally:
        REGISTRY[:] = saved
    made = Counter((i.code, i.resource) for i in report.issues)
    assert made[("primary-key", "sources")] == CAP
    assert made[("foreign-key", "citations")] == CAP
    assert report.omitted == {("primary-key", "sources"): 30, ("foreign-key", "citations"): 30}
    first = next(i for i in report.issues if i.code == "primary-key")
    assert (first.row, first.line) == (2, 3)
    ctx = Context(tables)  # the rules themselves stop making issues at the cap
    ctx.declared = {name: set(t.df.columns) for name, t in tables.items()}
    assert len(list(check_primary_keys(ctx))) == CAP
    assert len(list(check_foreign_keys(ctx))) == CAP
    assert ctx.counted == {("primary-key", "sources"): 30, ("foreign-key", "citations"): 30}
