"""Words for the codes the data stores, so that no public page shows ``news_report`` or ``LY``.

One table per coded field: every value the contract's enums allow (a test checks each enum is
covered), the ISO country codes and BCP 47 languages the data uses (a test checks every code in
the shipped package has a word). Written out rather than taken from pycountry or babel: the
site needs some forty names, the adjectives and plurals below have no library source, and a
missing word fails the test instead of showing a code.
"""

from __future__ import annotations

import re

from ...contract.fields import (
    Claims,
    Meetings,
    OrganizationParticipants,
    Organizations,
    Participants,
    Sources,
)

ClaimType = Claims.ClaimType
#: People and organizations take part in the same roles (one enum in the contract).
Role = Participants.Role


def _coded(resource: str, field: str) -> str:
    """The name of the code table of ``resource.field`` (``"meetings.status"``)."""
    return f"{resource}.{field}"


#: The code tables' names, as the templates give them to :func:`label`.
MEETING_STATUS = _coded(Meetings.RESOURCE, Meetings.status)
MEETING_KIND = _coded(Meetings.RESOURCE, Meetings.kind)
MEETING_CONTACT = _coded(Meetings.RESOURCE, Meetings.contact)
PARTICIPANT_ROLE = _coded(Participants.RESOURCE, Participants.role)
ORGANIZATION_ROLE = _coded(OrganizationParticipants.RESOURCE, OrganizationParticipants.role)
CLAIM_TYPE = _coded(Claims.RESOURCE, Claims.claim_type)
#: The claim types as a short tag beside one claim.
CLAIM_TYPE_TAG = f"{CLAIM_TYPE}.tag"
SOURCE_TYPE = _coded(Sources.RESOURCE, Sources.source_type)
ORGANIZATION_KIND = _coded(Organizations.RESOURCE, Organizations.kind)
#: The tables of ISO 3166-1 country codes and BCP 47 language tags (:data:`COUNTRIES`,
#: :data:`LANGUAGES`), for every field that holds one.
COUNTRY, LANGUAGE = "countries", "languages"
#: The names of these constants, which the templates see.
TABLES = (
    "MEETING_STATUS",
    "MEETING_KIND",
    "MEETING_CONTACT",
    "PARTICIPANT_ROLE",
    "ORGANIZATION_ROLE",
    "CLAIM_TYPE",
    "CLAIM_TYPE_TAG",
    "SOURCE_TYPE",
    "ORGANIZATION_KIND",
    "COUNTRY",
    "LANGUAGE",
)

#: The roles of a participant, person or organization.
ROLES = {
    Role.PARTICIPANT: "participant",
    Role.HOST: "host",
    Role.MEDIATOR: "mediator",
    Role.ORGANIZER: "organizer",
    Role.DELEGATION_MEMBER: "member of the delegation",
    Role.INTERMEDIARY: "intermediary",
}

#: Code tables: resource.field -> {code: words}.
CODES: dict[str, dict[str, str]] = {
    MEETING_STATUS: {
        Meetings.Status.ACKNOWLEDGED: "acknowledged",
        Meetings.Status.REPORTED: "reported",
        Meetings.Status.ALLEGED: "alleged",
    },
    MEETING_KIND: {
        Meetings.Kind.MEETING: "meeting",
        Meetings.Kind.VISIT: "visit",
        Meetings.Kind.CALL: "call",
        Meetings.Kind.CONFERENCE: "conference",
        Meetings.Kind.CORRESPONDENCE: "correspondence",
    },
    MEETING_CONTACT: {
        Meetings.Contact.DIRECT: "direct contact",
        Meetings.Contact.VIA_INTERMEDIARY: "through an intermediary",
        Meetings.Contact.MESSAGE_ONLY: "messages only",
        Meetings.Contact.SHARED_CONFERENCE: "at the same conference",
        Meetings.Contact.RELATED_EVENT: "related event",
    },
    PARTICIPANT_ROLE: ROLES,
    ORGANIZATION_ROLE: ROLES,
    CLAIM_TYPE: {
        ClaimType.OCCURRED: "that it happened",
        ClaimType.DATE: "when",
        ClaimType.PLACE: "where",
        ClaimType.ATTENDANCE: "who attended",
        ClaimType.ARRANGEMENT: "how it was arranged",
        ClaimType.TOPIC: "what was discussed",
        ClaimType.DISCLOSURE: "how it became known",
        ClaimType.DENIAL: "denials",
        ClaimType.REACTION: "reactions",
        ClaimType.CONSEQUENCE: "consequences",
        ClaimType.BACKGROUND: "background",
    },
    # the same codes as a short tag beside one claim ("Najla Mangoush, 27 August 2023 · denial")
    CLAIM_TYPE_TAG: {
        ClaimType.OCCURRED: "that it happened",
        ClaimType.DATE: "date",
        ClaimType.PLACE: "place",
        ClaimType.ATTENDANCE: "attendance",
        ClaimType.ARRANGEMENT: "arrangements",
        ClaimType.TOPIC: "topics",
        ClaimType.DISCLOSURE: "disclosure",
        ClaimType.DENIAL: "denial",
        ClaimType.REACTION: "reaction",
        ClaimType.CONSEQUENCE: "consequence",
        ClaimType.BACKGROUND: "background",
    },
    SOURCE_TYPE: {
        Sources.SourceType.NEWS_REPORT: "news report",
        Sources.SourceType.WIRE_REPORT: "news agency report",
        Sources.SourceType.OFFICIAL_STATEMENT: "official statement",
        Sources.SourceType.PRESS_RELEASE: "press release",
        Sources.SourceType.INTERVIEW: "interview",
        Sources.SourceType.ANALYSIS: "analysis",
        Sources.SourceType.OPINION: "opinion",
        Sources.SourceType.SOCIAL_MEDIA_POST: "social media post",
        Sources.SourceType.BROADCAST: "broadcast",
        Sources.SourceType.LEGAL_DOCUMENT: "legal document",
    },
    ORGANIZATION_KIND: {
        Organizations.Kind.GOVERNMENT: "government",
        Organizations.Kind.MINISTRY: "ministry",
        Organizations.Kind.LEGISLATURE: "parliament",
        Organizations.Kind.PRESIDENCY: "presidency",
        Organizations.Kind.INTELLIGENCE_AGENCY: "intelligence agency",
        Organizations.Kind.ARMED_FORCES: "armed forces",
        Organizations.Kind.JUDICIARY: "court",
        Organizations.Kind.POLITICAL_PARTY: "political party",
        Organizations.Kind.MEDIA: "news outlet",
        Organizations.Kind.COMMUNITY_ORGANIZATION: "community organization",
        Organizations.Kind.INTERNATIONAL_ORGANIZATION: "international organization",
        Organizations.Kind.COMPANY: "company",
        Organizations.Kind.OTHER: "other",
    },
}

#: ISO 3166-1 alpha-2 codes -> English short names.
COUNTRIES = {
    "AE": "United Arab Emirates",
    "AR": "Argentina",
    "AT": "Austria",
    "BE": "Belgium",
    "CA": "Canada",
    "CH": "Switzerland",
    "CY": "Cyprus",
    "DE": "Germany",
    "DZ": "Algeria",
    "EG": "Egypt",
    "ES": "Spain",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "IL": "Israel",
    "IR": "Iran",
    "IT": "Italy",
    "JO": "Jordan",
    "KW": "Kuwait",
    "LB": "Lebanon",
    "LY": "Libya",
    "MA": "Morocco",
    "MT": "Malta",
    "NL": "Netherlands",
    "PL": "Poland",
    "PS": "Palestine",
    "QA": "Qatar",
    "RU": "Russia",
    "SA": "Saudi Arabia",
    "SD": "Sudan",
    "SY": "Syria",
    "TD": "Chad",
    "TN": "Tunisia",
    "TR": "Türkiye",
    "TW": "Taiwan",
    "US": "United States",
    "VA": "Vatican City",
}

#: BCP 47 primary subtags -> English names.
LANGUAGES = {
    "ar": "Arabic",
    "cs": "Czech",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "he": "Hebrew",
    "hu": "Hungarian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
}

#: The sides a claimant speaks for on a meeting page, in the order they are shown.
SIDES = {
    "LY": "Libyan side",
    "IL": "Israeli side",
    "third": "third parties",
    "media": "media and unnamed sources",
}


def label(table: str, code: str | None) -> str:
    """The words for ``code`` in the code table ``table`` (:data:`MEETING_STATUS`, ...,
    :data:`COUNTRY`, :data:`LANGUAGE`); the code itself when it has none, so a page never
    breaks."""
    if not code:
        return ""
    if table == COUNTRY:
        return COUNTRIES.get(code, code)
    if table == LANGUAGE:
        return LANGUAGES.get(code, code)
    return CODES.get(table, {}).get(code, code.replace("_", " "))


def side_of(country: str | None, *, media: bool = False, description: str | None = None) -> str:
    """The side (a key of :data:`SIDES`) of a claimant acting for ``country``; an outlet, or an
    unnamed claimant whose description names no country, speaks for the media."""
    if media:
        return "media"
    if country in ("LY", "IL"):
        return country
    if country:
        return "third"
    words = set(re.findall(r"\w+", (description or "").lower()))
    if words & MEDIA_WORDS:
        return "media"
    if "israeli" in words:
        return "IL"
    if "libyan" in words:
        return "LY"
    return "media"


#: Words that make an unnamed claimant's description the media's ("Israeli media reports").
MEDIA_WORDS = {"media", "newspaper", "newspapers", "press", "television", "channel", "site"}


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUALIFIERS = {"~": "about ", "?": "perhaps ", "%": "perhaps about "}


def human_date(value: str | None) -> str:
    """An EDTF-subset date in words: ``2023-08-22`` is 22 August 2023, ``2023-08~`` about
    August 2023, ``2005/2007`` 2005 to 2007. A value outside the subset is shown as it is."""
    if not value:
        return ""
    if "/" in value:
        start, _, end = value.partition("/")
        return f"{human_date(start)} to {human_date(end)}"
    qualifier = _QUALIFIERS.get(value[-1], "")
    core = value[:-1] if qualifier else value
    parts = core.split("-")
    try:
        if len(parts) == 1:
            words = str(int(parts[0]))
        elif len(parts) == 2:
            words = f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        else:
            words = f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return value
    return qualifier + words
