"""What a meeting's page says first: did it happen, and who says so.

From the claims about one meeting: who says it happened and who denies it, by side (Libyan,
Israeli, third parties, media), each side with its claimants and its number of independent
origins (distinct root documents behind its claims, relays followed to the end: three copies of
one AP story are one origin); the date and place claims by side; the disputed pairs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...contract.fields import Claims, Organizations, People
from .labels import SIDES, side_of

if TYPE_CHECKING:
    from .views import ClaimView, OrganizationView, PersonView

ClaimType = Claims.ClaimType
#: Claim types that say a meeting happened, and the one that says it did not.
AFFIRM = (ClaimType.OCCURRED, ClaimType.ATTENDANCE)
DENY = (ClaimType.DENIAL,)
WHEN_WHERE = (ClaimType.DATE, ClaimType.PLACE)


@dataclass(frozen=True)
class Side:
    """The claims of one side (a key of :data:`SIDES`), its claimants and its origins."""

    side: str
    label: str
    claims: tuple[ClaimView, ...]
    #: One claim of each claimant, in the order they first speak.
    claimants: tuple[ClaimView, ...]
    #: Distinct root documents behind the side's claims.
    origins: int


@dataclass(frozen=True)
class Verdict:
    """The summary of one meeting's claims."""

    says: tuple[Side, ...]
    denies: tuple[Side, ...]
    #: The date and place claims by side, when more than one side gives them.
    when_where: tuple[Side, ...]
    #: (the claim contradicted, the claim contradicting it).
    pairs: tuple[tuple[ClaimView, ClaimView], ...]
    #: Each claim's side, by claim id.
    side: dict[str, str]


def claimant_side(
    c: ClaimView, people: dict[str, PersonView], orgs: dict[str, OrganizationView]
) -> str:
    """The side a claim's claimant speaks for (a key of :data:`SIDES`)."""
    if c.claimant.resource == People.RESOURCE:
        return side_of(people[c.claimant.key].country)
    if c.claimant.resource == Organizations.RESOURCE:
        o = orgs[c.claimant.key]
        return side_of(o.country, media=o.kind == Organizations.Kind.MEDIA)
    return side_of(None, description=c.claimant.name)


def _by_side(
    claims: list[ClaimView], root: dict[str, str], side: dict[str, str]
) -> tuple[Side, ...]:
    groups: dict[str, list[ClaimView]] = defaultdict(list)
    for c in claims:
        groups[side[c.claim_id]].append(c)
    out = []
    for key in SIDES:
        if key not in groups:
            continue
        roots = {
            root.get(ci.source.source_id, ci.source.source_id)
            for c in groups[key]
            for ci in c.citations
        }
        claimants: dict[str, ClaimView] = {}
        for c in groups[key]:
            claimants.setdefault(c.claimant.key, c)
        out.append(Side(key, SIDES[key], tuple(groups[key]), tuple(claimants.values()), len(roots)))
    return tuple(out)


def verdict(
    claims: list[ClaimView],
    *,
    root: dict[str, str],
    people: dict[str, PersonView],
    orgs: dict[str, OrganizationView],
) -> Verdict:
    """The summary of one meeting's claims; ``root`` is each source's origin."""
    side = {c.claim_id: claimant_side(c, people, orgs) for c in claims}
    denials = [c for c in claims if c.claim_type in DENY]
    affirm = [c for c in claims if c.claim_type in AFFIRM]
    when_where = _by_side([c for c in claims if c.claim_type in WHEN_WHERE], root, side)
    by_id = {c.claim_id: c for c in claims}
    pairs = tuple((by_id[c.disputes], c) for c in claims if c.disputes and c.disputes in by_id)
    return Verdict(
        says=_by_side(affirm, root, side),
        denies=_by_side(denials, root, side),
        when_where=when_where if len(when_where) > 1 else (),
        pairs=pairs,
        side=side,
    )
