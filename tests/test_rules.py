"""Each registered rule on small tables, in frictionless's style: the exact list of
(code, resource, row, line, field) it reports, boundaries included.

The tables are built in memory as the structure layer would hand them over (every cell text,
``_row`` the record number, ``_line`` the physical line where it starts) and one rule is run
through the registry, so that a column it lacks reports ``rule-not-run`` as in a real run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import polars as pl
import pytest

from libya_israel_data.contract import resource
from libya_israel_data.issues import Issue
from libya_israel_data.validation import rules
from libya_israel_data.validation.provenance import normalise_url
from libya_israel_data.validation.rules import REGISTRY, Context, Rule
from libya_israel_data.validation.structure import LINE, ROW, Table

Found = list[tuple[str, str | None, int | None, int | None, str | None]]

#: check function name -> the registered rule it tests (filled by the ``rule_of`` calls).
TESTED: set[str] = set()


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
    TESTED.add(f"{check.__module__}.{check.__name__}")
    return found[0]


def run(
    check: Callable[[Context], Iterable[Issue]],
    tables: dict[str, Table],
    created: date | None = None,
) -> Found:
    """The issues of one registered rule on ``tables``, as sorted keys."""
    r = rule_of(check)
    saved = list(REGISTRY)
    REGISTRY[:] = [r]
    try:
        ctx = Context(tables, created)
        issues = rules.run(ctx, {n: t.resource for n, t in tables.items()})
    finally:
        REGISTRY[:] = saved
    return sorted(
        ((i.code, i.resource, i.row, i.line, i.field) for i in issues),
        key=lambda k: tuple("" if v is None else str(v).zfill(9) for v in k),
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
    from libya_israel_data.validation.provenance import occurred

    return run(
        occurred,
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
