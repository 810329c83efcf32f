"""Words for the codes the data stores, so that no public page shows ``news_report`` or ``LY``.

One table per coded field: every value the contract's enums allow (a test checks each enum is
covered), the ISO country codes and BCP 47 languages the data uses (a test checks every code in
the shipped package has a word). Written out rather than taken from pycountry or babel: the
site needs some forty names, the adjectives and plurals below have no library source, and a
missing word fails the test instead of showing a code.
"""

from __future__ import annotations

import re

#: The roles of a participant, person or organization.
ROLES = {
    "participant": "participant",
    "host": "host",
    "mediator": "mediator",
    "organizer": "organizer",
    "delegation_member": "member of the delegation",
    "intermediary": "intermediary",
}

#: Code tables: resource.field -> {code: words}.
CODES: dict[str, dict[str, str]] = {
    "meetings.status": {
        "acknowledged": "acknowledged",
        "reported": "reported",
        "alleged": "alleged",
    },
    "meetings.kind": {
        "meeting": "meeting",
        "visit": "visit",
        "call": "call",
        "conference": "conference",
        "correspondence": "correspondence",
    },
    "meetings.contact": {
        "direct": "direct contact",
        "via_intermediary": "through an intermediary",
        "message_only": "messages only",
        "shared_conference": "at the same conference",
        "related_event": "related event",
    },
    # People and organizations take part in the same roles (one enum in the contract).
    "participants.role": ROLES,
    "organization_participants.role": ROLES,
    "claims.claim_type": {
        "occurred": "that it happened",
        "date": "when",
        "place": "where",
        "attendance": "who attended",
        "arrangement": "how it was arranged",
        "topic": "what was discussed",
        "disclosure": "how it became known",
        "denial": "denials",
        "reaction": "reactions",
        "consequence": "consequences",
        "background": "background",
    },
    # the same codes as a short tag beside one claim ("Najla Mangoush, 27 August 2023 · denial")
    "claims.claim_type.tag": {
        "occurred": "that it happened",
        "date": "date",
        "place": "place",
        "attendance": "attendance",
        "arrangement": "arrangements",
        "topic": "topics",
        "disclosure": "disclosure",
        "denial": "denial",
        "reaction": "reaction",
        "consequence": "consequence",
        "background": "background",
    },
    "sources.source_type": {
        "news_report": "news report",
        "wire_report": "news agency report",
        "official_statement": "official statement",
        "press_release": "press release",
        "interview": "interview",
        "analysis": "analysis",
        "opinion": "opinion",
        "social_media_post": "social media post",
        "broadcast": "broadcast",
        "legal_document": "legal document",
    },
    "organizations.kind": {
        "government": "government",
        "ministry": "ministry",
        "legislature": "parliament",
        "presidency": "presidency",
        "intelligence_agency": "intelligence agency",
        "armed_forces": "armed forces",
        "judiciary": "court",
        "political_party": "political party",
        "media": "news outlet",
        "community_organization": "community organization",
        "international_organization": "international organization",
        "company": "company",
        "other": "other",
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
    """The words for ``code`` in the code table ``table`` (``"meetings.status"``,
    ``"country"``, ``"language"``); the code itself when it has none, so a page never breaks."""
    if not code:
        return ""
    if table == "country":
        return COUNTRIES.get(code, code)
    if table == "language":
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
