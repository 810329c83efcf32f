"""Layer 5, provenance: the rules of contact (rules 9-11 of docs/data-model.md), and rule 3 for
organization participants.

A meeting says in ``contact`` how the two sides were in touch. Unless it is a ``related_event``
(kept because it explains a contact, and saying why in ``relevance``), both sides are at it: a
participant, person or organization, on side ``LY`` and one on side ``IL``; a contact through a
third party names that party as an ``intermediary``. Participants of both kinds count alike, so
each rule reads the two participant tables as one.
"""

from __future__ import annotations

import polars as pl

from ..contract.fields import Claims, Meetings, OrganizationParticipants, Participants
from ..foundations.issues import Code, Issue, shown
from .provenance import claims_about_another_meeting
from .rules import Context, rule
from .tables import present

#: The value of ``contact`` for an event that is not itself a contact.
RELATED_EVENT = Meetings.Contact.RELATED_EVENT
#: The value of ``contact`` that needs a participant with role :data:`INTERMEDIARY`.
VIA_INTERMEDIARY = Meetings.Contact.VIA_INTERMEDIARY
INTERMEDIARY = Participants.Role.INTERMEDIARY
#: The two sides every contact has.
SIDES = ("LY", "IL")


def _participants(ctx: Context, *columns: str) -> pl.DataFrame:
    """Person and organization participants as one table of ``columns`` (shared by both)."""
    return pl.concat(
        [
            ctx.df(Participants.RESOURCE).select(columns),
            ctx.df(OrganizationParticipants.RESOURCE).select(columns),
        ]
    )


# --- rule 3, for organizations -----------------------------------------------------------------
@rule(
    "rule 3: an organization participant's claim is about the same meeting",
    "provenance",
    (Code.PARTICIPANT_CLAIM_MISMATCH,),
    {
        OrganizationParticipants.RESOURCE: (
            OrganizationParticipants.meeting_id,
            OrganizationParticipants.claim_id,
        ),
        Claims.RESOURCE: (Claims.claim_id, Claims.meeting_id),
    },
)
def organization_claims(ctx: Context) -> list[Issue]:
    return claims_about_another_meeting(ctx, OrganizationParticipants.RESOURCE)


# --- rule 9 -----------------------------------------------------------------------------------
@rule(
    "rule 9: a contact has a participant on each side",
    "provenance",
    (Code.CONTACT_ONE_SIDED,),
    {
        Meetings.RESOURCE: (Meetings.meeting_id, Meetings.contact),
        Participants.RESOURCE: (Participants.meeting_id, Participants.side),
        OrganizationParticipants.RESOURCE: (
            OrganizationParticipants.meeting_id,
            OrganizationParticipants.side,
        ),
    },
)
def both_sides(ctx: Context) -> list[Issue]:
    meetings = ctx.df(Meetings.RESOURCE).filter(
        present(Meetings.contact) & (pl.col(Meetings.contact) != RELATED_EVENT)
    )
    sides = (
        _participants(ctx, Participants.meeting_id, Participants.side)
        .filter(pl.col(Participants.side).is_in(SIDES))
        .group_by(Participants.meeting_id)
        .agg(pl.col(Participants.side).unique().alias("_sides"))
    )
    joined = meetings.join(sides, on=Meetings.meeting_id, how="left")
    lacking = joined.with_columns(
        pl.concat_str(
            [
                pl.when(~pl.col("_sides").fill_null([]).list.contains(side)).then(pl.lit(side))
                for side in SIDES
            ],
            separator=" and ",
            ignore_nulls=True,
        ).alias("_missing")
    ).filter(pl.col("_missing") != "")
    return ctx.emit(
        Code.CONTACT_ONE_SIDED,
        Meetings.RESOURCE,
        lacking,
        Meetings.contact,
        lambda r: (
            f"meeting {shown(r[Meetings.meeting_id])} is a {shown(r[Meetings.contact])} contact "
            "but has no "
            f"participant (person or organization) on side {r['_missing']} (rule 9)"
        ),
    )


# --- rule 10 ----------------------------------------------------------------------------------
@rule(
    "rule 10: a contact through an intermediary names the intermediary",
    "provenance",
    (Code.INTERMEDIARY_MISSING,),
    {
        Meetings.RESOURCE: (Meetings.meeting_id, Meetings.contact),
        Participants.RESOURCE: (Participants.meeting_id, Participants.role),
        OrganizationParticipants.RESOURCE: (
            OrganizationParticipants.meeting_id,
            OrganizationParticipants.role,
        ),
    },
)
def intermediaries(ctx: Context) -> list[Issue]:
    meetings = ctx.df(Meetings.RESOURCE).filter(pl.col(Meetings.contact) == VIA_INTERMEDIARY)
    named = _participants(ctx, Participants.meeting_id, Participants.role).filter(
        pl.col(Participants.role) == INTERMEDIARY
    )
    missing = meetings.join(named, on=Meetings.meeting_id, how="anti")
    return ctx.emit(
        Code.INTERMEDIARY_MISSING,
        Meetings.RESOURCE,
        missing,
        Meetings.contact,
        lambda r: (
            f"meeting {shown(r[Meetings.meeting_id])} is a contact via an intermediary but no "
            "participant "
            "has the role 'intermediary' (rule 10)"
        ),
    )


# --- rule 11 ----------------------------------------------------------------------------------
@rule(
    "rule 11: a related event says why it is in the data",
    "provenance",
    (Code.RELATED_EVENT_UNEXPLAINED,),
    {Meetings.RESOURCE: (Meetings.meeting_id, Meetings.contact, Meetings.relevance)},
)
def relevance(ctx: Context) -> list[Issue]:
    meetings = ctx.df(Meetings.RESOURCE)
    unexplained = meetings.filter(
        (pl.col(Meetings.contact) == RELATED_EVENT) & ~present(Meetings.relevance)
    )
    return ctx.emit(
        Code.RELATED_EVENT_UNEXPLAINED,
        Meetings.RESOURCE,
        unexplained,
        Meetings.relevance,
        lambda r: (
            f"meeting {shown(r[Meetings.meeting_id])} is a related event but relevance does not "
            "say "
            "why it is in the data (rule 11)"
        ),
    )
