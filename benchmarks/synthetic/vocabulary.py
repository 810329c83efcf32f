"""The generator's vocabulary: names, places, titles and templates, read once from vocabulary.json.

The JSON file holds the data; this module gives it the shapes the generator draws from: rows as
tuples, weighted choices as lists in which each value is repeated (``{"en": 9, "ar": 5}`` becomes
``["en"] * 9 + ["ar"] * 5``), fixed organizations with their parent as a position. JSON objects
and arrays keep their order when read, so the random draws are the same as the file's order.

What stays in code is what the data contract decides (the field order of each CSV file, the
claim-type codes: see ``tables`` and ``claims``) and the generator's own arithmetic (the
probabilities written in the code that uses them).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

PATH = Path(__file__).with_name("vocabulary.json")
_DATA = json.loads(PATH.read_text(encoding="utf-8"))

Name = tuple[str, str, str]  # Latin, Arabic, Hebrew
Surname = tuple[str, str, str, str]  # Latin, Arabic, Hebrew, another Latin spelling (an alias)
City = tuple[str, str, str, str]  # English, Arabic, Hebrew, country
#: name, Arabic, Hebrew, country, kind, parent position or -1, claimant phrase, description
OrgTemplate = tuple[str, str, str, str, str, int, str, str]


def _rows(rows: list[list[str]]) -> list:
    return [tuple(row) for row in rows]


def _weighted(counts: dict[str, int]) -> list[str]:
    return [value for value, n in counts.items() for _ in range(n)]


def _organizations(entries: list[dict]) -> list[OrgTemplate]:
    names = [e["name"] for e in entries]
    return [
        (
            e["name"],
            e["name_ar"],
            e["name_he"],
            e["country"],
            e["kind"],
            names.index(e["parent"]) if e["parent"] else -1,
            e["claimant"],
            e["description"],
        )
        for e in entries
    ]


_people = _DATA["people"]
FIRST: dict[str, list[Name]] = {k: _rows(v) for k, v in _people["first"].items()}
LAST: dict[str, list[Surname]] = {k: _rows(v) for k, v in _people["last"].items()}
#: Father's names, used as middle names of Libyans.
MIDDLE_LY: list[Name] = _rows(_people["middle_ly"])
OTHER_COUNTRIES: list[str] = _people["other_countries"]
NATIONALITY: dict[str, str] = _people["nationality"]
DESCRIPTIONS: dict[str, list[str]] = _people["descriptions"]
CAPACITIES: dict[str, list[str]] = _people["capacities"]

_places = _DATA["places"]
CITIES: list[City] = _rows(_places["cities"])
VENUES: list[str] = _places["venues"]
MONTHS: list[str] = _places["months"]

_orgs = _DATA["organizations"]
#: Always written first (at least 10 organizations).
ORG_TEMPLATES: list[OrgTemplate] = _organizations(_orgs["fixed"])
MEDIA_WORDS: list[str] = _orgs["media_words"]
PORTFOLIOS: list[str] = _orgs["portfolios"]
PARTY_WORDS: list[str] = _orgs["party_words"]

_sources = _DATA["sources"]
PUBLISHERS: dict[str, list[str]] = _sources["publishers"]
#: language -> (native title, English title or "")
TITLES: dict[str, list[tuple[str, str]]] = {k: _rows(v) for k, v in _sources["titles"].items()}
SOURCE_NOTES: list[str] = _sources["notes"]
LOCATORS: list[str] = _sources["locators"]

KIND_WORDS: dict[str, str] = _DATA["meetings"]["kind_words"]

_claims = _DATA["claims"]
#: (claimant_description, phrase in a statement)
CLAIMANT_DESCRIPTIONS: list[tuple[str, str]] = _rows(_claims["claimant_descriptions"])
GOOD: list[str] = _claims["good"]
BAD: list[str] = _claims["bad"]
DETAILS: list[str] = _claims["details"]
TOPICS: list[str] = _claims["topics"]
MEDIATORS: list[str] = _claims["mediators"]
MEETING_TEMPLATES: dict[str, list[str]] = _claims["templates"]["meeting"]
PERSON_TEMPLATES: dict[str, list[str]] = _claims["templates"]["person"]
ORG_TEMPLATES_TEXT: dict[str, list[str]] = _claims["templates"]["organization"]

_weights = _DATA["weights"]
LANGUAGES: list[str] = _weighted(_weights["source_language"])
SOURCE_TYPES: list[str] = _weighted(_weights["source_type"])
MEETING_KINDS: list[str] = _weighted(_weights["meeting_kind"])
STATUSES: list[str] = _weighted(_weights["meeting_status"])
ROLES_EXTRA: list[str] = _weighted(_weights["extra_participant_role"])
MEETING_TYPES: list[str] = _weighted(_weights["meeting_claim_type"])
PERSON_TYPES: list[str] = _weighted(_weights["person_claim_type"])
ORG_TYPES: list[str] = _weighted(_weights["organization_claim_type"])

#: Values the contract constrains, by (resource, field): checked against the schemas' enums.
ENUM_VALUES: dict[tuple[str, str], list[str]] = {
    ("sources", "source_type"): SOURCE_TYPES,
    ("meetings", "kind"): MEETING_KINDS,
    ("meetings", "status"): STATUSES,
    ("participants", "role"): ROLES_EXTRA,
    ("claims", "claim_type"): MEETING_TYPES + PERSON_TYPES + ORG_TYPES,
    ("organizations", "kind"): [t[4] for t in ORG_TEMPLATES],
}


def _texts(node: object):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def check_assets() -> None:
    """Every text of the vocabulary is NFC, and alias spellings differ from the names."""
    for t in _texts(_DATA):
        if not unicodedata.is_normalized("NFC", t):
            raise AssertionError(f"asset not NFC: {t!r}")
    for rows in LAST.values():
        for row in rows:
            assert row[0] != row[3], row
