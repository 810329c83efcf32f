"""The data contract's resource names, field names and enum values as typed constants.

Generated from ``contract/schemas/`` by ``python tools/generate.py``; do not edit by hand.
Code outside the contract names a field as ``Claims.statement``, never as a string literal
(``tests/test_architecture.py`` checks it), and an enum value as
``Meetings.Contact.DIRECT``, a :class:`~enum.StrEnum` member equal to ``"direct"``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = [
    "NAMES",
    "TABLES",
    "Aliases",
    "Citations",
    "Claims",
    "Meetings",
    "OrganizationParticipants",
    "Organizations",
    "Participants",
    "People",
    "Sources",
]


class Sources:
    """``data/sources.csv``: 11 fields."""

    RESOURCE: Final = "sources"
    source_id: Final = "source_id"
    title: Final = "title"
    title_en: Final = "title_en"
    publisher: Final = "publisher"
    author: Final = "author"
    url: Final = "url"
    language: Final = "language"
    published: Final = "published"
    source_type: Final = "source_type"
    relays: Final = "relays"
    notes: Final = "notes"
    FIELDS: Final = (
        "source_id",
        "title",
        "title_en",
        "publisher",
        "author",
        "url",
        "language",
        "published",
        "source_type",
        "relays",
        "notes",
    )

    class SourceType(StrEnum):
        """The values of ``sources.source_type``."""

        NEWS_REPORT = "news_report"
        WIRE_REPORT = "wire_report"
        OFFICIAL_STATEMENT = "official_statement"
        PRESS_RELEASE = "press_release"
        INTERVIEW = "interview"
        ANALYSIS = "analysis"
        OPINION = "opinion"
        SOCIAL_MEDIA_POST = "social_media_post"
        BROADCAST = "broadcast"
        LEGAL_DOCUMENT = "legal_document"


class People:
    """``data/people.csv``: 6 fields."""

    RESOURCE: Final = "people"
    person_id: Final = "person_id"
    name: Final = "name"
    name_ar: Final = "name_ar"
    name_he: Final = "name_he"
    country: Final = "country"
    description: Final = "description"
    FIELDS: Final = (
        "person_id",
        "name",
        "name_ar",
        "name_he",
        "country",
        "description",
    )


class Aliases:
    """``data/aliases.csv``: 4 fields."""

    RESOURCE: Final = "aliases"
    person_id: Final = "person_id"
    alias: Final = "alias"
    language: Final = "language"
    source_id: Final = "source_id"
    FIELDS: Final = (
        "person_id",
        "alias",
        "language",
        "source_id",
    )


class Organizations:
    """``data/organizations.csv``: 8 fields."""

    RESOURCE: Final = "organizations"
    organization_id: Final = "organization_id"
    name: Final = "name"
    name_ar: Final = "name_ar"
    name_he: Final = "name_he"
    country: Final = "country"
    kind: Final = "kind"
    parent_id: Final = "parent_id"
    description: Final = "description"
    FIELDS: Final = (
        "organization_id",
        "name",
        "name_ar",
        "name_he",
        "country",
        "kind",
        "parent_id",
        "description",
    )

    class Kind(StrEnum):
        """The values of ``organizations.kind``."""

        GOVERNMENT = "government"
        MINISTRY = "ministry"
        LEGISLATURE = "legislature"
        PRESIDENCY = "presidency"
        INTELLIGENCE_AGENCY = "intelligence_agency"
        ARMED_FORCES = "armed_forces"
        JUDICIARY = "judiciary"
        POLITICAL_PARTY = "political_party"
        MEDIA = "media"
        COMMUNITY_ORGANIZATION = "community_organization"
        INTERNATIONAL_ORGANIZATION = "international_organization"
        COMPANY = "company"
        OTHER = "other"


class Meetings:
    """``data/meetings.csv``: 13 fields."""

    RESOURCE: Final = "meetings"
    meeting_id: Final = "meeting_id"
    title: Final = "title"
    kind: Final = "kind"
    contact: Final = "contact"
    relevance: Final = "relevance"
    date: Final = "date"
    end_date: Final = "end_date"
    city: Final = "city"
    country: Final = "country"
    venue: Final = "venue"
    status: Final = "status"
    disclosed: Final = "disclosed"
    summary: Final = "summary"
    FIELDS: Final = (
        "meeting_id",
        "title",
        "kind",
        "contact",
        "relevance",
        "date",
        "end_date",
        "city",
        "country",
        "venue",
        "status",
        "disclosed",
        "summary",
    )

    class Kind(StrEnum):
        """The values of ``meetings.kind``."""

        MEETING = "meeting"
        VISIT = "visit"
        CALL = "call"
        CONFERENCE = "conference"
        CORRESPONDENCE = "correspondence"

    class Contact(StrEnum):
        """The values of ``meetings.contact``."""

        DIRECT = "direct"
        VIA_INTERMEDIARY = "via_intermediary"
        MESSAGE_ONLY = "message_only"
        SHARED_CONFERENCE = "shared_conference"
        RELATED_EVENT = "related_event"

    class Status(StrEnum):
        """The values of ``meetings.status``."""

        ACKNOWLEDGED = "acknowledged"
        REPORTED = "reported"
        ALLEGED = "alleged"


class Participants:
    """``data/participants.csv``: 6 fields."""

    RESOURCE: Final = "participants"
    meeting_id: Final = "meeting_id"
    person_id: Final = "person_id"
    role: Final = "role"
    capacity: Final = "capacity"
    side: Final = "side"
    claim_id: Final = "claim_id"
    FIELDS: Final = (
        "meeting_id",
        "person_id",
        "role",
        "capacity",
        "side",
        "claim_id",
    )

    class Role(StrEnum):
        """The values of ``participants.role``."""

        PARTICIPANT = "participant"
        HOST = "host"
        MEDIATOR = "mediator"
        ORGANIZER = "organizer"
        DELEGATION_MEMBER = "delegation_member"
        INTERMEDIARY = "intermediary"


class OrganizationParticipants:
    """``data/organization_participants.csv``: 6 fields."""

    RESOURCE: Final = "organization_participants"
    meeting_id: Final = "meeting_id"
    organization_id: Final = "organization_id"
    role: Final = "role"
    represented_by: Final = "represented_by"
    side: Final = "side"
    claim_id: Final = "claim_id"
    FIELDS: Final = (
        "meeting_id",
        "organization_id",
        "role",
        "represented_by",
        "side",
        "claim_id",
    )

    class Role(StrEnum):
        """The values of ``organization_participants.role``."""

        PARTICIPANT = "participant"
        HOST = "host"
        MEDIATOR = "mediator"
        ORGANIZER = "organizer"
        DELEGATION_MEMBER = "delegation_member"
        INTERMEDIARY = "intermediary"


class Claims:
    """``data/claims.csv``: 11 fields."""

    RESOURCE: Final = "claims"
    claim_id: Final = "claim_id"
    meeting_id: Final = "meeting_id"
    person_id: Final = "person_id"
    organization_id: Final = "organization_id"
    claim_type: Final = "claim_type"
    statement: Final = "statement"
    claimant_person_id: Final = "claimant_person_id"
    claimant_organization_id: Final = "claimant_organization_id"
    claimant_description: Final = "claimant_description"
    stated: Final = "stated"
    disputes: Final = "disputes"
    FIELDS: Final = (
        "claim_id",
        "meeting_id",
        "person_id",
        "organization_id",
        "claim_type",
        "statement",
        "claimant_person_id",
        "claimant_organization_id",
        "claimant_description",
        "stated",
        "disputes",
    )

    class ClaimType(StrEnum):
        """The values of ``claims.claim_type``."""

        OCCURRED = "occurred"
        DATE = "date"
        PLACE = "place"
        ATTENDANCE = "attendance"
        ARRANGEMENT = "arrangement"
        TOPIC = "topic"
        DISCLOSURE = "disclosure"
        DENIAL = "denial"
        REACTION = "reaction"
        CONSEQUENCE = "consequence"
        BACKGROUND = "background"


class Citations:
    """``data/citations.csv``: 3 fields."""

    RESOURCE: Final = "citations"
    claim_id: Final = "claim_id"
    source_id: Final = "source_id"
    locator: Final = "locator"
    FIELDS: Final = (
        "claim_id",
        "source_id",
        "locator",
    )


#: Each resource's class, in dependency order: ``TABLES["claims"] is Claims``.
TABLES: Final[dict[str, type]] = {
    Sources.RESOURCE: Sources,
    People.RESOURCE: People,
    Aliases.RESOURCE: Aliases,
    Organizations.RESOURCE: Organizations,
    Meetings.RESOURCE: Meetings,
    Participants.RESOURCE: Participants,
    OrganizationParticipants.RESOURCE: OrganizationParticipants,
    Claims.RESOURCE: Claims,
    Citations.RESOURCE: Citations,
}


class _Names:
    """The classes by resource name: ``NAMES.claims.statement`` is ``Claims.statement``."""

    sources: Final = Sources
    people: Final = People
    aliases: Final = Aliases
    organizations: Final = Organizations
    meetings: Final = Meetings
    participants: Final = Participants
    organization_participants: Final = OrganizationParticipants
    claims: Final = Claims
    citations: Final = Citations


#: ``NAMES.<resource>.<field>``: the same constants, for code that names the resource.
NAMES: Final = _Names()
