"""What a meeting's page says first: did it happen, and who says so.

From the claims about one meeting: who says it happened and who denies it, by side (Libyan,
Israeli, third parties, media), each side with its claimants and its number of independent
origins (distinct root documents behind its claims, relays followed to the end: three copies of
one AP story are one origin); the date and place claims by side; the disputed pairs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .labels import SIDES, side_of
from .tables import claimant_key

#: Claim types that say a meeting happened, and the one that says it did not.
AFFIRM = ("occurred", "attendance")
DENY = ("denial",)
WHEN_WHERE = ("date", "place")


def claimant_side(c: dict[str, Any], people: dict[str, dict], orgs: dict[str, dict]) -> str:
    """The side a claim's claimant speaks for (a key of :data:`SIDES`)."""
    if c.get("claimant_person_id"):
        return side_of(people[c["claimant_person_id"]].get("country"))
    if c.get("claimant_organization_id"):
        o = orgs[c["claimant_organization_id"]]
        return side_of(o.get("country"), media=o.get("kind") == "media")
    return side_of(None, description=c.get("claimant_description"))


def _by_side(claims: list[dict], root: dict[str, str], side: dict[str, str]) -> list[dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        groups[side[c["claim_id"]]].append(c)
    out = []
    for key in SIDES:
        if key not in groups:
            continue
        roots = {
            root.get(ci["source_id"], ci["source_id"]) for c in groups[key] for ci in c["citations"]
        }
        claimants: dict[str, dict] = {}
        for c in groups[key]:
            claimants.setdefault(claimant_key(c), c)
        out.append(
            {
                "side": key,
                "label": SIDES[key],
                "claims": groups[key],
                "claimants": list(claimants.values()),
                "origins": len(roots),
            }
        )
    return out


def verdict(
    claims: list[dict[str, Any]],
    *,
    root: dict[str, str],
    people: dict[str, dict],
    orgs: dict[str, dict],
) -> dict[str, Any]:
    """The summary of one meeting's claims (each claim a site claim, with its citations)."""
    side = {c["claim_id"]: claimant_side(c, people, orgs) for c in claims}
    denials = [c for c in claims if c["claim_type"] in DENY]
    affirm = [c for c in claims if c["claim_type"] in AFFIRM]
    when_where = _by_side([c for c in claims if c["claim_type"] in WHEN_WHERE], root, side)
    by_id = {c["claim_id"]: c for c in claims}
    pairs = [
        (by_id[c["disputes"]], c) for c in claims if c.get("disputes") and c["disputes"] in by_id
    ]
    return {
        "says": _by_side(affirm, root, side),
        "denies": _by_side(denials, root, side),
        "when_where": when_where if len(when_where) > 1 else [],
        "pairs": pairs,
        "side": side,
    }
