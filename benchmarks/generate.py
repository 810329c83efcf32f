"""Generate a synthetic, valid libya-israel-data package of any size, for benchmarks.

    python benchmarks/generate.py --claims N --out DIR [--seed S] [--inject-errors]

writes into DIR a complete data package that follows the data contract (DATA-MODEL.md):
``datapackage.json`` (the repository's descriptor, with ``bytes`` and ``hash`` recomputed and
``created`` kept), ``schemas/`` (a copy of the repository's schemas) and ``data/<resource>.csv``
for the eight resources. The output is deterministic: the same N and seed give the same bytes.

Sizes: N claims; about N/10 people and N/10 sources; about N/100 meetings and organizations (at
least 10 organizations); about 2 aliases per person; 2-4 participants per meeting; 1-3 citations
per claim (1.8 on average).

How the rules are met by construction:

* Claims come in one block per meeting (about 100 claims each), written in id order. A block
  opens with the meeting's ``occurred`` claim (for an ``acknowledged`` meeting its claimant is a
  participant), then one ``attendance`` claim per participant (the participant rows point at
  them), then a mix of claims about the meeting, about a person or about an organization.
* Each block has its own slice of sources, published shortly after the meeting; the first claims
  of a block cite every source of its slice that has a URL, so every such source is cited. About
  10% of sources are upstream documents without a URL; the next source relays each of them.
  Relay chains point at earlier sources and are at most 3 steps long, so they have no cycles.
* A claim's ``stated`` date is never after the earliest publication date of the sources citing
  it; no source is published after the descriptor's ``created`` date.
* People are drawn, in a shuffled order, for the first person slots of the claim stream until
  every person has appeared; after that at random.
* ``disputes`` points at the meeting's ``occurred`` claim (same meeting) or at the previous claim
  about the same person, both earlier in the file.

With ``--inject-errors`` a list of known errors is then written into the valid package (rows
chosen so that each error stays isolated), ``bytes`` and ``hash`` are recomputed again, and
``DIR/injected-errors.json`` lists them: ``code``, ``resource``, ``row`` (1-based record
number, header excluded), ``field`` and ``description``.

Standard library only, but for this package's own ``refresh`` (sizes and hashes in the
descriptor); rows are streamed to the files, so memory stays small.
"""

# ruff: noqa: RUF001 - Arabic and Hebrew letters and en dashes are data here, not typos.
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import sys
import time
import unicodedata
from array import array
from datetime import date, datetime
from pathlib import Path

from libya_israel_data.integrity import refresh

REPO = Path(__file__).resolve().parent.parent

#: Field order per resource; checked against the repository's Table Schemas at start.
FIELDS = {
    "sources": (
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
    ),
    "people": ("person_id", "name", "name_ar", "name_he", "country", "description"),
    "aliases": ("person_id", "alias", "language", "source_id"),
    "organizations": (
        "organization_id",
        "name",
        "name_ar",
        "name_he",
        "country",
        "kind",
        "parent_id",
        "description",
    ),
    "meetings": (
        "meeting_id",
        "title",
        "kind",
        "date",
        "end_date",
        "city",
        "country",
        "venue",
        "status",
        "disclosed",
        "summary",
    ),
    "participants": ("meeting_id", "person_id", "role", "capacity", "side", "claim_id"),
    "claims": (
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
    ),
    "citations": ("claim_id", "source_id", "locator"),
}

# --------------------------------------------------------------------------------------------
# Text assets. Names in Latin, Arabic and Hebrew script; the last element of a surname is
# another Latin spelling seen in sources (it becomes an alias).
# --------------------------------------------------------------------------------------------

FIRST = {
    "LY": [
        ("Najla", "نجلاء", "נג׳לא"),
        ("Khalifa", "خليفة", "ח'ליפה"),
        ("Abdul Hamid", "عبد الحميد", "עבד אל-חמיד"),
        ("Ibrahim", "إبراهيم", "אבראהים"),
        ("Omar", "عمر", "עומר"),
        ("Mohamed", "محمد", "מוחמד"),
        ("Saddam", "صدام", "סדאם"),
        ("Aguila", "عقيلة", "עקילה"),
        ("Asma", "أسماء", "אסמאא"),
        ("Hussein", "حسين", "חוסיין"),
        ("Najwa", "نجوى", "נג'ווא"),
        ("Abdel Baset", "عبد الباسط", "עבד אל-באסט"),
        ("Sofian", "سفيان", "סופיאן"),
        ("Adel", "عادل", "עאדל"),
        ("Khadija", "خديجة", "ח'דיג'ה"),
        ("Abdullah", "عبد الله", "עבדאללה"),
        ("Mustafa", "مصطفى", "מוסטפא"),
        ("Fathi", "فتحي", "פתחי"),
        ("Salah", "صلاح", "סלאח"),
        ("Amal", "أمل", "אמל"),
    ],
    "IL": [
        ("Eli", "إيلي", "אלי"),
        ("Itay", "إيتاي", "איתי"),
        ("Ronen", "رونان", "רונן"),
        ("David", "دافيد", "דוד"),
        ("Meir", "مائير", "מאיר"),
        ("Tzipi", "تسيبي", "ציפי"),
        ("Gila", "جيلا", "גילה"),
        ("Danny", "داني", "דני"),
        ("Ayoub", "أيوب", "איוב"),
        ("Ron", "رون", "רון"),
        ("Nimrod", "نمرود", "נמרוד"),
        ("Yom Tov", "يوم توف", "יום טוב"),
        ("Raphael", "رافائيل", "רפאל"),
        ("Yehiel", "يحيئيل", "יחיאל"),
        ("Avi", "آفي", "אבי"),
        ("Yossi", "يوسي", "יוסי"),
        ("Miri", "ميري", "מירי"),
        ("Noa", "نوعا", "נועה"),
        ("Shlomo", "شلومو", "שלמה"),
        ("Tamar", "تمار", "תמר"),
    ],
    "XX": [
        ("Antonio", "أنطونيو", "אנטוניו"),
        ("Walter", "والتر", "וולטר"),
        ("William", "وليام", "ויליאם"),
        ("Steve", "ستيف", "סטיב"),
        ("Martin", "مارتين", "מרטין"),
        ("Giorgia", "جورجا", "ג'ורג'ה"),
        ("Pierre", "بيار", "פייר"),
        ("Ahmed", "أحمد", "אחמד"),
        ("Mehmet", "محمد", "מהמט"),
        ("Sarah", "سارة", "שרה"),
    ],
}
LAST = {
    "LY": [
        ("Mangoush", "المنقوش", "אלמנקוש", "Elmangoush"),
        ("Haftar", "حفتر", "חפתר", "Hifter"),
        ("Dbeibah", "الدبيبة", "דבייבה", "Dbaiba"),
        ("al-Badri", "البدري", "אל-בדרי", "El Badri"),
        ("Saleh", "صالح", "סאלח", "Salih"),
        ("al-Khoja", "الخوجة", "אל-ח'וג'ה", "Elkhoja"),
        ("Triki", "التريكي", "טריקי", "al-Treki"),
        ("Hamouda", "حمودة", "חמודה", "Hammouda"),
        ("al-Shaibani", "الشيباني", "א-שייבאני", "Shibani"),
        ("Bliheg", "بليحق", "בליחק", "Blaiheg"),
        ("al-Sour", "الصور", "א-סור", "Elsour"),
        ("Jumua", "جمعة", "ג'ומעה", "Juma"),
        ("Wahiba", "وهيبة", "והיבה", "Wheba"),
        ("al-Ayeb", "العائب", "אל-עאיב", "Layeb"),
        ("al-Gawairi", "القويري", "אל-גוויירי", "Gweiri"),
        ("Bashagha", "باشاغا", "באשאע'ה", "Bashaga"),
        ("al-Mishri", "المشري", "אל-משרי", "Mechri"),
        ("Ghoga", "غوقة", "ע'וקה", "Roka"),
    ],
    "IL": [
        ("Cohen", "كوهين", "כהן", "Kohen"),
        ("Blumental", "بلومنتال", "בלומנטל", "Blumenthal"),
        ("Levy", "ليفي", "לוי", "Levi"),
        ("Kahlon", "كحلون", "כחלון", "Kachlon"),
        ("Livni", "ليفني", "לבני", "Livny"),
        ("Gamliel", "جمليئيل", "גמליאל", "Gamli'el"),
        ("Danon", "دانون", "דנון", "Danoun"),
        ("Prosor", "بروسور", "פרוסור", "Prossor"),
        ("Sheetrit", "شطريت", "שטרית", "Shitrit"),
        ("Barnea", "بارنياع", "ברנע", "Barnia"),
        ("Gez", "جيز", "גז", "Guez"),
        ("Haddad", "حداد", "חדד", "Hadad"),
        ("Samia", "سامية", "סמיה", "Samiya"),
        ("Bar", "بار", "בר", "Barr"),
        ("Luzon", "لوزون", "לוזון", "Louzon"),
        ("Kara", "قرا", "קרא", "Qara"),
        ("Peretz", "بيرتس", "פרץ", "Perez"),
        ("Mizrahi", "مزراحي", "מזרחי", "Mizrachi"),
    ],
    "XX": [
        ("Tajani", "تاياني", "טאיאני", "Taiani"),
        ("Arbib", "أربيب", "ארביב", "Arbibe"),
        ("Burns", "بيرنز", "ברנס", "Burnes"),
        ("Witkoff", "ويتكوف", "וויטקוף", "Witkov"),
        ("Schlaff", "شلاف", "שלאף", "Schlaf"),
        ("Lazar", "لازار", "לזר", "Lazare"),
        ("Rossi", "روسي", "רוסי", "Rosi"),
        ("Dubois", "دوبوا", "דובואה", "Du Bois"),
        ("Safadi", "الصفدي", "צפדי", "al-Safadi"),
        ("Yilmaz", "يلماز", "ילמאז", "Yilmas"),
    ],
}
#: Father's names, used as middle names of Libyans.
MIDDLE_LY = [
    ("Ali", "علي", "עלי"),
    ("Mohamed", "محمد", "מוחמד"),
    ("Abdullah", "عبد الله", "עבדאללה"),
    ("Omar", "عمر", "עומר"),
    ("Salem", "سالم", "סאלם"),
    ("Khalil", "خليل", "ח'ליל"),
]
OTHER_COUNTRIES = ["IT", "US", "AE", "JO", "FR", "GB", "AT", "EG", "TR", "CA", "MA", "DE"]
NATIONALITY = {
    "LY": "Libyan",
    "IL": "Israeli",
    "IT": "Italian",
    "US": "American",
    "AE": "Emirati",
    "JO": "Jordanian",
    "FR": "French",
    "GB": "British",
    "AT": "Austrian",
    "EG": "Egyptian",
    "TR": "Turkish",
    "CA": "Canadian",
    "MA": "Moroccan",
    "DE": "German",
    "": "Stateless",
}

# (English, Arabic, Hebrew, country)
CITIES = [
    ("Rome", "روما", "רומא", "IT"),
    ("Amman", "عمان", "עמאן", "JO"),
    ("Abu Dhabi", "أبوظبي", "אבו דאבי", "AE"),
    ("Paris", "باريس", "פריז", "FR"),
    ("Cairo", "القاهرة", "קהיר", "EG"),
    ("Tunis", "تونس", "תוניס", "TN"),
    ("Istanbul", "إسطنبول", "איסטנבול", "TR"),
    ("Athens", "أثينا", "אתונה", "GR"),
    ("Valletta", "فاليتا", "ולטה", "MT"),
    ("Washington", "واشنطن", "וושינגטון", "US"),
    ("Tel Aviv", "تل أبيب", "תל אביב", "IL"),
    ("Jerusalem", "القدس", "ירושלים", "IL"),
    ("Tripoli", "طرابلس", "טריפולי", "LY"),
    ("Benghazi", "بنغازي", "בנגזי", "LY"),
    ("Geneva", "جنيف", "ז'נבה", "CH"),
    ("Vienna", "فيينا", "וינה", "AT"),
    ("Nicosia", "نيقوسيا", "ניקוסיה", "CY"),
    ("Rabat", "الرباط", "רבאט", "MA"),
    ("Manama", "المنامة", "מנאמה", "BH"),
    ("Berlin", "برلين", "ברלין", "DE"),
    ("London", "لندن", "לונדון", "GB"),
    ("Misrata", "مصراتة", "מיסראתה", "LY"),
]
VENUES = [
    "Italian Foreign Ministry (Farnesina)",
    "Villa Madama",
    "a hotel near the airport",
    "Hotel Excelsior, Via Veneto",
    "the US embassy",
    "a private residence",
    "the royal palace",
    "the conference centre",
    'the "Dolce Vita" villa, outside the city',
]
MONTHS = [
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
]

# (organization name, Arabic, Hebrew, country, kind, parent index or -1, claimant phrase,
#  description). The first ten are always present (at least 10 organizations).
ORG_TEMPLATES = [
    (
        "Government of National Unity",
        "حكومة الوحدة الوطنية",
        "ממשלת האחדות הלאומית",
        "LY",
        "government",
        -1,
        "Libya's Government of National Unity",
        "Tripoli-based government of Libya (from 2021).",
    ),
    (
        "Libyan Ministry of Foreign Affairs",
        "وزارة الخارجية الليبية",
        "משרד החוץ הלובי",
        "LY",
        "ministry",
        0,
        "The Libyan foreign ministry",
        "Foreign ministry of the Tripoli government.",
    ),
    (
        "Government of Israel",
        "حكومة إسرائيل",
        "ממשלת ישראל",
        "IL",
        "government",
        -1,
        "The Israeli government",
        "The government of the State of Israel.",
    ),
    (
        "Israeli Ministry of Foreign Affairs",
        "وزارة الخارجية الإسرائيلية",
        "משרד החוץ",
        "IL",
        "ministry",
        2,
        "Israel's Foreign Ministry",
        "Israel's foreign ministry.",
    ),
    (
        "Mossad",
        "الموساد",
        "המוסד",
        "IL",
        "intelligence_agency",
        2,
        "The Mossad",
        "Israel's foreign intelligence agency.",
    ),
    (
        "House of Representatives",
        "مجلس النواب",
        "בית הנבחרים",
        "LY",
        "legislature",
        -1,
        "Libya's House of Representatives",
        "Libyan parliament, sitting in Tobruk and Benghazi.",
    ),
    (
        "Libyan National Army",
        "الجيش الوطني الليبي",
        "הצבא הלאומי הלובי",
        "LY",
        "armed_forces",
        -1,
        "The Libyan National Army",
        "Armed forces commanded by Khalifa Haftar.",
    ),
    ("Associated Press", "أسوشيتد برس", "סוכנות AP", "US", "media", -1, "AP", "US news agency."),
    ("Haaretz", "هآرتس", "הארץ", "IL", "media", -1, "Haaretz", "Israeli daily newspaper."),
    (
        "Al Arabiya",
        "العربية",
        "אל-ערביה",
        "AE",
        "media",
        -1,
        "Al Arabiya",
        "Saudi-owned television channel, based in Dubai.",
    ),
    (
        "Prime Minister's Office (Israel)",
        "مكتب رئيس الوزراء الإسرائيلي",
        "משרד ראש הממשלה",
        "IL",
        "ministry",
        2,
        "The Israeli Prime Minister's Office",
        "Office of Israel's prime minister.",
    ),
    (
        "Presidential Council",
        "المجلس الرئاسي",
        "המועצה הנשיאותית",
        "LY",
        "presidency",
        -1,
        "Libya's Presidential Council",
        "Libya's collective head of state (from 2021).",
    ),
    (
        "United Nations Support Mission in Libya",
        "بعثة الأمم المتحدة للدعم في ليبيا",
        "",
        "",
        "international_organization",
        -1,
        "UNSMIL",
        "UN political mission in Libya.",
    ),
    (
        "World Organization of Libyan Jews",
        "المنظمة العالمية ليهود ليبيا",
        "הארגון העולמי של יוצאי לוב",
        "IL",
        "community_organization",
        -1,
        "The World Organization of Libyan Jews",
        "Israel-based body of Jews from Libya and their descendants.",
    ),
    (
        "US Department of State",
        "وزارة الخارجية الأمريكية",
        "מחלקת המדינה",
        "US",
        "ministry",
        -1,
        "The US State Department",
        "Foreign ministry of the United States.",
    ),
    (
        "Italian Ministry of Foreign Affairs",
        "وزارة الخارجية الإيطالية",
        "משרד החוץ האיטלקי",
        "IT",
        "ministry",
        -1,
        "Italy's foreign ministry",
        "Italy's foreign ministry (the Farnesina).",
    ),
]
MEDIA_WORDS = [
    "Herald",
    "Observer",
    "Daily",
    "Post",
    "Gazette",
    "Times",
    "Review",
    "News",
    "Tribune",
    "Monitor",
    "Courier",
    "Mirror",
]
PORTFOLIOS = [
    "Interior",
    "Defence",
    "Economy",
    "Justice",
    "Culture",
    "Health",
    "Finance",
    "Regional Cooperation",
    "Oil and Gas",
    "Local Government",
]
PARTY_WORDS = ["National", "Justice", "Renewal", "Unity", "Future", "Liberal", "Homeland"]

# language -> publishers, and title templates (native, English).
PUBLISHERS = {
    "en": [
        "Associated Press",
        "Reuters",
        "The Times of Israel",
        "The Jerusalem Post",
        "Libya Observer",
        "Middle East Eye",
        "Al-Monitor",
        "Axios",
        "The National",
    ],
    "ar": [
        "Al-Wasat",
        "Al Arabiya",
        "Asharq Al-Awsat",
        "Arabi21",
        "Libya Al-Mostakbal",
        "Al Jazeera",
    ],
    "he": ["Haaretz", "Ynet", "Maariv", "Kan 11", "Walla", "Israel Hayom"],
    "fr": ["Le Monde", "Jeune Afrique", "RFI"],
    "it": ["Agenzia Nova", "ANSA", "la Repubblica", "Corriere della Sera"],
}
LANGUAGES = ["en"] * 9 + ["ar"] * 5 + ["he"] * 3 + ["fr", "it", "it"]
TITLES = {
    "en": [
        ("{A} and {B} met secretly in {city}, report says", ""),
        ('Libya denies "any contact" with Israel after report on {city} meeting', ""),
        ("Israel says {B} held talks with {A} in {city}", ""),
        ('Report: {A}, {B} discussed "cooperation" at {city} meeting', ""),
    ],
    "ar": [
        (
            "تقرير: لقاء سري بين {A_ar} و{B_ar} في {city_ar}",
            "Report: secret meeting between {A} and {B} in {city}",
        ),
        (
            "الخارجية الليبية تنفي لقاء {A_ar} مع مسؤول إسرائيلي",
            "Libyan foreign ministry denies {A} met an Israeli official",
        ),
        (
            "{A_ar} يلتقي {B_ar} في {city_ar}، بحسب مصادر مطلعة",
            "{A} meets {B} in {city}, according to informed sources",
        ),
    ],
    "he": [
        ("דיווח: {B_he} נפגש עם {A_he} ב{city_he}", "Report: {B} met {A} in {city}"),
        (
            '"פגישה היסטורית": {B_he} ו{A_he} נפגשו ב{city_he}',
            '"A historic meeting": {B} and {A} met in {city}',
        ),
        ('לוב מכחישה: "לא הייתה פגישה" עם {B_he}', 'Libya denies: "there was no meeting" with {B}'),
    ],
    "fr": [
        ("Libye : {A} aurait rencontré {B} à {city}", "Libya: {A} reportedly met {B} in {city}"),
        (
            "Tripoli dément toute rencontre avec des responsables israéliens",
            "Tripoli denies any meeting with Israeli officials",
        ),
    ],
    "it": [
        (
            "Libia, incontro segreto a {city} tra {A} e {B}",
            "Libya: secret meeting in {city} between {A} and {B}",
        ),
        (
            'Israele-Libia, la Farnesina smentisce: "nessun incontro"',
            'Israel-Libya: the Italian foreign ministry denies "any meeting"',
        ),
    ],
}
SOURCE_TYPES = (
    ["news_report"] * 10
    + ["wire_report"] * 4
    + ["official_statement"] * 2
    + [
        "press_release",
        "interview",
        "analysis",
        "opinion",
        "social_media_post",
        "broadcast",
        "legal_document",
    ]
)
SOURCE_NOTES = [
    'Relays the wire story; dateline "{city}".',
    "Date from the URL path.",
    'Paywalled; text seen in an archived copy, "as published".',
    "Cites {publisher}, without a link.",
    "Same text stored under a second address (not cited separately).",
]
LOCATORS = [
    "headline",
    "para 1",
    "para 2",
    "para 3",
    "para 4",
    "photo caption",
    "lede",
    "para 5, quoting a statement",
]

CAPACITIES = {
    "LY": [
        "Foreign Minister of Libya (Government of National Unity)",
        "Libyan ambassador to {country}",
        "Adviser to the Prime Minister of Libya",
        "Commander of the Libyan National Army",
        "Member of the House of Representatives",
        "Head of Libya's intelligence service",
    ],
    "IL": [
        "Foreign Minister of Israel",
        "Director of the Mossad",
        "Israeli Minister of Regional Cooperation",
        "Adviser to the Prime Minister of Israel",
        "Head of the Foreign Ministry's Maghreb desk",
        "Member of the Knesset",
    ],
    "XX": [
        "Foreign Minister of {country}",
        "Special envoy for the Middle East",
        "National security adviser",
        "Businessman and intermediary",
    ],
}
DESCRIPTIONS = {
    "LY": [
        "Libyan diplomat; ambassador to {country} ({y1}–{y2}).",
        "Member of Libya's House of Representatives for {city} (from {y1}).",
        "Adviser to the Government of National Unity on foreign affairs ({y1}–{y2}).",
        'Libyan business figure, described by {pub} as "close to the Dbeibah family" ({y1}).',
        "Libyan official; deputy foreign minister ({y1}–{y2}), later an envoy to {country}.",
    ],
    "IL": [
        "Israeli diplomat; director of the Foreign Ministry's Maghreb division ({y1}–{y2}).",
        "Member of the Knesset ({y1}–{y2}), born to a family from {city}, Libya.",
        "Israeli intelligence officer, named in reports as a Mossad liaison ({y1}).",
        'Israeli minister ({y1}–{y2}); called the talks "historic" in {y2}.',
    ],
    "XX": [
        "{nat} diplomat, described as an intermediary between Libya and Israel ({y1}).",
        "{nat} business executive with interests in Libya, Israel and {city} ({y1}–{y2}).",
        "{nat} foreign minister ({y1}–{y2}); hosted talks in {city}.",
    ],
    "": [
        "Journalist; presenter at {pub} ({y1}–{y2}).",
        "Activist of the Libyan diaspora, quoted by {pub} in {y1}.",
    ],
}

CLAIMANT_DESCRIPTIONS = [
    ("unnamed Israeli official", "An unnamed Israeli official"),
    ("two senior Libyan officials", "Two senior Libyan officials"),
    (
        "a source close to the Government of National Unity",
        "A source close to the Government of National Unity",
    ),
    ("diplomatic sources in Rome", "Diplomatic sources in Rome"),
    ("an aide to the Libyan prime minister", "An aide to the Libyan prime minister"),
    ("informed sources", "Informed sources"),
]
GOOD = [
    "a historic step",
    "the first-ever meeting",
    "an important channel",
    "a useful exchange",
    "a first step towards normal relations",
    "frank and positive",
]
BAD = [
    "baseless",
    "a fabrication",
    "lies spread by hostile media",
    "a serious breach",
    "a betrayal of the Palestinian cause",
    "unacceptable",
]
DETAILS = [
    "humanitarian issues, agriculture and water",
    "the fate of Jewish heritage sites",
    "security, migration and trade",
    "a possible visit to Tripoli",
    "compensation for property left behind in 1967",
]
TOPICS = [
    "humanitarian cooperation",
    "the preservation of Jewish heritage in Libya",
    "agriculture and water management",
    "the return of Libyan Jewish property",
    "security on Libya's southern border",
    "a possible normalisation of relations",
    "direct flights between Tripoli and Tel Aviv",
    "the release of a detained citizen",
]
MEDIATORS = [
    "Italy's foreign minister",
    "the US State Department",
    "an Emirati official",
    "a Libyan-born Israeli businessman",
    "the Mossad",
]

KIND_WORDS = {
    "meeting": "meeting",
    "visit": "visit",
    "call": "phone call",
    "conference": "conference",
    "correspondence": "exchange of letters",
}

# Claim templates. {C} claimant, {S} subject phrase, {P} a person, {when}, {city}, {venue},
# {good}, {bad}, {detail}, {topic}, {outlet}, {mediator}, {capacity}, {on_when}.
MEETING_TEMPLATES = {
    "occurred": [
        '{C} said {S} took place {on_when}, calling it "{good}."',
        "{C} confirmed {S}, which took place {on_when}, as reported by {outlet}.",
        '{C} said the two sides had been in contact {on_when}, in what {outlet} called "{good}."',
    ],
    "occurred_by_participant": [
        '{C} confirmed taking part in {S} {on_when}, calling it "{good}."',
        '{C} said {S} had taken place {on_when} and was "{good}," according to {outlet}.',
    ],
    "attendance": [
        '{C} said {P} attended {S}, as "{capacity}."',
        "{C} named {P} among those present at {S}.",
    ],
    "date": [
        "{C} said {S} took place {on_when}, not earlier, as first reported by {outlet}.",
        '{C} dated {S} to {when}, "a few days before it became public."',
    ],
    "place": [
        "{C} said {S} was held at {venue}, in {city}.",
        '{C} placed {S} in {city}, "at {venue}," according to {outlet}.',
    ],
    "arrangement": [
        '{C} said {S} was arranged by {mediator}, "at the request of both sides."',
        "{C} said {mediator} had prepared {S} for weeks, with the knowledge of the prime minister.",
    ],
    "topic": [
        '{C} said the sides discussed {topic}, including "{detail}," at {S}.',
        "{C} said {topic} was on the agenda of {S}, according to {outlet}.",
    ],
    "disclosure": [
        '{C} disclosed {S}, saying it had been "kept secret until now."',
        "{C} said {S} was first revealed by {outlet}, citing informed sources.",
    ],
    "denial": [
        '{C} denied {S}, calling the report "{bad}."',
        '{C} said {S} "never happened" and that only a chance, unplanned encounter took place.',
    ],
    "reaction": [
        '{C} condemned {S}, saying there would be "no normalisation with the occupation."',
        '{C} welcomed {S} as "{good}," according to {outlet}.',
        "{C} said protesters in Tripoli burned tyres after news of {S} spread.",
    ],
    "consequence": [
        "{C} said officials were suspended and referred to an investigation after {S}.",
        '{C} said {S} led to the recall of an ambassador, calling it "{bad}."',
    ],
    "background": [
        "{C} said {S} followed years of indirect contacts, according to {outlet}.",
        '{C} said {S} came "after years of indirect contacts," with elections pending in Libya.',
    ],
}
PERSON_TEMPLATES = {
    "background": [
        '{C} described {P} as "{capacity}," according to {outlet}.',
        "{C} said {P} had met Israeli officials before, in {city}.",
    ],
    "consequence": [
        '{C} said {P} was "suspended pending an investigation" after reports of Israeli contacts.',
        "{C} said {P} left the country for {city} after the reports, as reported by {outlet}.",
    ],
    "reaction": [
        '{C} criticised {P}, calling the contacts "{bad}," according to {outlet}.',
        '{C} defended {P}, calling the accusations "{bad}."',
    ],
    "denial": [
        '{C} denied that {P} had ever met Israeli officials, calling the reports "{bad}."',
        '{C} said {P} "has no mandate" for foreign contacts and denied any meeting in {city}.',
    ],
}
ORG_TEMPLATES_TEXT = {
    "background": [
        '{C} said {O} had "no mandate" to conduct foreign contacts.',
        "{C} described {O} as a party to the indirect talks, according to {outlet}.",
    ],
    "reaction": [
        '{C} said {O} condemned "any form of normalisation," in a statement.',
        '{C} said {O} called the reports "{bad}."',
    ],
    "consequence": [
        "{C} said {O} opened an inquiry into the reported contacts, as reported by {outlet}.",
        '{C} said {O} suspended cooperation, "pending clarification."',
    ],
}
MEETING_TYPES = (
    ["occurred"] * 4
    + ["date"] * 8
    + ["place"] * 8
    + ["attendance"] * 10
    + ["arrangement"] * 8
    + ["topic"] * 12
    + ["disclosure"] * 6
    + ["denial"] * 10
    + ["reaction"] * 14
    + ["consequence"] * 8
    + ["background"] * 12
)
PERSON_TYPES = ["background"] * 7 + ["consequence"] * 4 + ["reaction"] * 5 + ["denial"] * 4
ORG_TYPES = ["background"] * 4 + ["reaction"] * 4 + ["consequence"] * 2
TYPE_CODE = {
    t: i
    for i, t in enumerate(
        [
            "occurred",
            "date",
            "place",
            "attendance",
            "arrangement",
            "topic",
            "disclosure",
            "denial",
            "reaction",
            "consequence",
            "background",
        ]
    )
}

ROLES_EXTRA = [
    "participant",
    "delegation_member",
    "delegation_member",
    "host",
    "mediator",
    "organizer",
]
MEETING_KINDS = ["meeting"] * 6 + ["visit"] * 2 + ["call"] * 2 + ["conference", "correspondence"]
STATUSES = ["acknowledged"] * 3 + ["reported"] * 4 + ["alleged"] * 3


def _check_assets() -> None:
    """Every fixed text is NFC, and alias spellings differ from the names."""
    texts: list[str] = []
    for pool in (FIRST, LAST):
        for rows in pool.values():
            for row in rows:
                texts.extend(row)
    texts.extend(GOOD + BAD + DETAILS + TOPICS + VENUES)
    for row in MIDDLE_LY:
        texts.extend(row)
    for pool in (TITLES, MEETING_TEMPLATES, PERSON_TEMPLATES, ORG_TEMPLATES_TEXT):
        for rows in pool.values():
            for row in rows:
                texts.extend(row if isinstance(row, tuple) else [row])
    for row in CITIES + ORG_TEMPLATES:
        texts.extend(x for x in row if isinstance(x, str))
    for t in texts:
        if not unicodedata.is_normalized("NFC", t):
            raise AssertionError(f"asset not NFC: {t!r}")
    for rows in LAST.values():
        for row in rows:
            assert row[0] != row[3], row


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_ISO_CACHE: dict[int, str] = {}


def iso(day: int) -> str:
    s = _ISO_CACHE.get(day)
    if s is None:
        s = date.fromordinal(day).isoformat()
        if len(_ISO_CACHE) < 200_000:
            _ISO_CACHE[day] = s
    return s


def month_start(day: int) -> int:
    d = date.fromordinal(day)
    return date(d.year, d.month, 1).toordinal()


def year_start(day: int) -> int:
    return date(date.fromordinal(day).year, 1, 1).toordinal()


def human(day: int, precision: int) -> str:
    d = date.fromordinal(day)
    if precision == 2:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if precision == 1:
        return f"{MONTHS[d.month - 1]} {d.year}"
    return str(d.year)


# --------------------------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------------------------


def open_csv(out: Path, name: str):
    path = out / "data" / f"{name}.csv"
    # closed by the caller once the resource is written
    f = open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)  # noqa: SIM115
    w = csv.writer(f, lineterminator="\n")
    w.writerow(FIELDS[name])
    return f, w


def check_schemas() -> None:
    for name, fields in FIELDS.items():
        schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        names = tuple(f["name"] for f in schema["fields"])
        if names != fields:
            sys.exit(
                f"generate.py: schemas/{name}.schema.json has fields {names}, "
                f"the generator writes {fields}; update FIELDS"
            )


def sid(width: int, prefix: str):
    return lambda i: f"{prefix}-{i + 1:0{width}d}"


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, n_claims: int, seed: int, created: date, keep_index: bool) -> None:
        self.N = n_claims
        self.rng = random.Random(seed)
        self.created_day = created.toordinal()
        self.keep_index = keep_index
        n = n_claims
        self.P = max(n // 10, 4)
        self.S = max(n // 10, 4)
        self.M = max(n // 100, 1)
        self.O = max(n // 100, 10)
        self.cid = sid(max(7, len(str(n))), "c")
        self.pid = sid(max(6, len(str(self.P))), "p")
        self.srcid = sid(max(6, len(str(self.S))), "s")
        self.mid = sid(max(5, len(str(self.M))), "m")
        self.oid = sid(max(4, len(str(self.O))), "o")
        self.counts: dict[str, int] = {}

    # --- organizations -------------------------------------------------------------------
    def organizations(self, out: Path) -> None:
        rng = self.rng
        f, w = open_csv(out, "organizations")
        self.org_phrase: list[str] = []
        self.org_kind: list[str] = []
        gov, media = [], []
        for i in range(self.O):
            if i < len(ORG_TEMPLATES):
                name, ar, he, country, kind, parent, phrase, desc = ORG_TEMPLATES[i]
                parent_id = self.oid(parent) if parent >= 0 else ""
            else:
                r = rng.random()
                city = rng.choice(CITIES)
                parent_id = ""
                if r < 0.6:
                    kind = "media"
                    name = f"{city[0]} {rng.choice(MEDIA_WORDS)}"
                    ar = f"صحيفة {city[1]}" if rng.random() < 0.5 else ""
                    he = ""
                    country = city[3]
                    desc = f"News outlet based in {city[0]}."
                    phrase = f"The {name}" if rng.random() < 0.5 else name
                elif r < 0.78:
                    kind = "ministry"
                    country = rng.choice(["LY", "LY", "IL", "IL", *OTHER_COUNTRIES[:4]])
                    name = f"Ministry of {rng.choice(PORTFOLIOS)} ({country})"
                    ar, he = "", ""
                    parent_id = (
                        self.oid(0) if country == "LY" else (self.oid(2) if country == "IL" else "")
                    )
                    desc = f"{NATIONALITY[country]} ministry."
                    phrase = f"The {name}"
                elif r < 0.88:
                    kind = "political_party"
                    country = rng.choice(["LY", "IL"])
                    name = f"{rng.choice(PARTY_WORDS)} {rng.choice(PARTY_WORDS)} Party"
                    ar, he = "", ""
                    desc = f"{NATIONALITY[country]} political party."
                    phrase = f"The {name}"
                else:
                    kind = rng.choice(
                        ["community_organization", "company", "other", "international_organization"]
                    )
                    country = "" if kind == "international_organization" else city[3]
                    name = f"{city[0]} {rng.choice(['Forum', 'Foundation', 'Group', 'Council'])}"
                    ar, he = "", ""
                    desc = "" if rng.random() < 0.3 else f"Organization based in {city[0]}."
                    phrase = f"The {name}"
            w.writerow((self.oid(i), name, ar, he, country, kind, parent_id, desc))
            self.org_phrase.append(phrase)
            self.org_kind.append(kind)
            if kind in ("government", "ministry", "presidency"):
                gov.append(i)
            if kind == "media":
                media.append(i)
        f.close()
        self.gov_orgs, self.media_orgs = gov, media
        self.counts["organizations"] = self.O

    # --- people (attributes only; written with aliases once sources exist) -----------------
    def plan_people(self) -> None:
        rng = self.rng
        P = self.P
        self.p_name: list[str] = []
        self.p_ar: list[str] = []
        self.p_he: list[str] = []
        self.p_alt: list[str] = []
        self.p_country: list[str] = []
        self.by_country: dict[str, list[int]] = {"LY": [], "IL": [], "XX": []}
        for i in range(P):
            r = rng.random()
            if i == 0 or (i > 1 and r < 0.42):
                pool, country = "LY", "LY"
            elif i == 1 or (i > 1 and r < 0.80):
                pool, country = "IL", "IL"
            else:
                pool = "XX"
                country = "" if r > 0.985 else rng.choice(OTHER_COUNTRIES)
            fe, fa, fh = rng.choice(FIRST[pool])
            if pool == "LY" and rng.random() < 0.4:
                me, ma, mh = rng.choice(MIDDLE_LY)
                if me not in fe:
                    fe, fa, fh = f"{fe} {me}", f"{fa} {ma}", f"{fh} {mh}"
            le, la, lh, alt = rng.choice(LAST[pool])
            self.p_name.append(f"{fe} {le}")
            self.p_ar.append(f"{fa} {la}" if rng.random() < 0.9 else "")
            self.p_he.append(f"{fh} {lh}" if rng.random() < 0.7 else "")
            self.p_alt.append(f"{fe} {alt}")
            self.p_country.append(country)
            self.by_country[pool].append(i)
        order = list(range(P))
        rng.shuffle(order)
        self.person_order = order
        self.person_cursor = 0

    def show_person(self, p: int) -> str:
        r = self.rng.random()
        name = self.p_name[p]
        if r < 0.45:
            return name
        ar, he = self.p_ar[p], self.p_he[p]
        if r < 0.7 and ar:
            return f"{name} ({ar})"
        if r < 0.85 and he:
            return f"{name} ({he})"
        if ar and he:
            return f"{name} ({ar}, {he})"
        return name

    def next_person(self) -> int:
        """The next person of the shuffled order until everyone appeared; then at random."""
        if self.person_cursor < self.P:
            p = self.person_order[self.person_cursor]
            self.person_cursor += 1
            return p
        return int(self.rng.random() * self.P)

    # --- meetings and participants (planned; participants written after claims ids exist) ---
    def plan_meetings(self) -> None:
        rng = self.rng
        M, N = self.M, self.N
        first = date(1990, 1, 1).toordinal()
        last = self.created_day - 400
        span = last - first
        self.m_day, self.m_city, self.m_kind, self.m_status = [], [], [], []
        self.m_parts: list[list[int]] = []
        self.m_prec: list[int] = []
        self.m_has_end: list[bool] = []
        self.block_start: list[int] = []
        base, extra = divmod(N, M)
        start = 0
        LY, IL = self.by_country["LY"], self.by_country["IL"]
        for m in range(M):
            day = first + (2 * m + 1) * span // (2 * M) + rng.randint(-5, 5)
            self.m_day.append(day)
            self.m_city.append(rng.randrange(len(CITIES)))
            self.m_kind.append(rng.choice(MEETING_KINDS))
            self.m_status.append(rng.choice(STATUSES))
            k = rng.choice((2, 2, 3, 3, 3, 4))
            parts = [rng.choice(LY), rng.choice(IL)]
            tries = 0
            while len(parts) < k and tries < 20:
                tries += 1
                p = rng.randrange(self.P)
                if p not in parts:
                    parts.append(p)
            self.m_parts.append(parts)
            self.block_start.append(start)
            start += base + (1 if m < extra else 0)
        self.block_start.append(start)
        assert start == N

    # --- sources ------------------------------------------------------------------------
    def sources(self, out: Path) -> None:
        rng = self.rng
        S, M = self.S, self.M
        created = self.created_day
        f, w = open_csv(out, "sources")
        self.pub_earliest = array("l", [0]) * S
        depth = bytearray(S)
        self.block_urls: list[list[int]] = []
        self.src_has_url = bytearray(S)
        pub_day = array("l", [0]) * S
        forced = -1
        for m in range(M):
            a, b = m * S // M, (m + 1) * S // M
            urls: list[int] = []
            city_en, city_ar, city_he, _ = CITIES[self.m_city[m]]
            pa, pb = self.m_parts[m][0], self.m_parts[m][1]
            names = {
                "A": self.p_name[pa],
                "B": self.p_name[pb],
                "A_ar": self.p_ar[pa] or self.p_name[pa],
                "B_ar": self.p_ar[pb] or self.p_name[pb],
                "A_he": self.p_he[pa] or self.p_name[pa],
                "B_he": self.p_he[pb] or self.p_name[pb],
                "city": city_en,
                "city_ar": city_ar,
                "city_he": city_he,
            }
            for i in range(a, b):
                relays = -1
                upstream = False
                if forced == i:
                    relays = i - 1
                elif i + 1 < b and rng.random() < 0.11:
                    upstream = True
                    forced = i + 1
                elif i > a and rng.random() < 0.18:
                    j = rng.randrange(a, i)
                    if depth[j] < 3:
                        relays = j
                day = self.m_day[m] + rng.randint(0, 60)
                if relays >= 0:
                    depth[i] = depth[relays] + 1
                    day = max(day, pub_day[relays]) + rng.randint(0, 2)
                day = min(day, created)
                pub_day[i] = day
                r = rng.random()
                if r < 0.05:
                    published, earliest = "", 0
                elif r < 0.10:
                    published, earliest = iso(day)[:7], month_start(day)
                elif r < 0.12:
                    published, earliest = iso(day)[:4], year_start(day)
                else:
                    published, earliest = iso(day), day
                self.pub_earliest[i] = earliest
                lang = rng.choice(LANGUAGES)
                native, english = rng.choice(TITLES[lang])
                title = native.format(**names)
                title_en = english.format(**names) if english else ""
                publisher = rng.choice(PUBLISHERS[lang])
                if upstream:
                    url = ""
                else:
                    n = i + 1
                    r = rng.random()
                    if r < 0.7:
                        url = f"https://example.org/news/{n}"
                    elif r < 0.85:
                        url = f"https://example.com/{lang}/{iso(day).replace('-', '/')}/article-{n}"
                    elif r < 0.95:
                        url = f"https://news.example.net/story/{n}?ref=home"
                    else:
                        url = f"http://archive.example.org/details.asp?section=4&article={n}"
                    urls.append(i)
                    self.src_has_url[i] = 1
                author = ""
                if rng.random() < 0.4:
                    pool = rng.choice(("LY", "IL", "XX"))
                    author = f"{rng.choice(FIRST[pool])[0]} {rng.choice(LAST[pool])[0]}"
                notes = ""
                if upstream:
                    notes = "Upstream original; no stored page gives it, the next source relays it."
                elif rng.random() < 0.15:
                    notes = rng.choice(SOURCE_NOTES).format(city=city_en, publisher=publisher)
                w.writerow(
                    (
                        self.srcid(i),
                        title,
                        title_en,
                        publisher,
                        author,
                        url,
                        lang,
                        published,
                        rng.choice(SOURCE_TYPES),
                        self.srcid(relays) if relays >= 0 else "",
                        notes,
                    )
                )
            assert urls, "every block has a source with a URL"
            self.block_urls.append(urls)
        f.close()
        self.first_pub = [self.pub_earliest[u[0]] for u in self.block_urls]
        self.counts["sources"] = S

    # --- people and aliases ---------------------------------------------------------------
    def people(self, out: Path) -> None:
        rng = self.rng
        fp, wp = open_csv(out, "people")
        fa, wa = open_csv(out, "aliases")
        n_alias = 0
        S = self.S
        for i in range(self.P):
            country = self.p_country[i]
            pool = country if country in ("LY", "IL") else ("XX" if country else "")
            y1 = rng.randint(1995, 2022)
            y2 = min(y1 + rng.randint(1, 6), 2026)
            city = rng.choice(CITIES)
            desc = rng.choice(DESCRIPTIONS[pool]).format(
                country=rng.choice(["Jordan", "Italy", "the UAE", "Tunisia", "Egypt", "Malta"]),
                y1=y1,
                y2=y2,
                city=city[0],
                pub=rng.choice(PUBLISHERS["en"]),
                nat=NATIONALITY[country],
            )
            pid = self.pid(i)
            wp.writerow((pid, self.p_name[i], self.p_ar[i], self.p_he[i], country, desc))
            aliases = [(self.p_alt[i], rng.choice(("en", "en", "fr", "it")))]
            if self.p_ar[i]:
                aliases.append((self.p_ar[i], "ar"))
            if self.p_he[i] and (not self.p_ar[i] or rng.random() < 0.15):
                aliases.append((self.p_he[i], "he"))
            aliases.sort()
            for alias, lang in aliases:
                src = ""
                if rng.random() < 0.7:
                    src = self.srcid(rng.randrange(S))
                wa.writerow((pid, alias, lang, src))
                n_alias += 1
        fp.close()
        fa.close()
        self.counts["people"] = self.P
        self.counts["aliases"] = n_alias

    # --- meetings -------------------------------------------------------------------------
    def meetings(self, out: Path) -> None:
        rng = self.rng
        f, w = open_csv(out, "meetings")
        self.m_when: list[str] = []
        self.m_on_when: list[str] = []
        self.m_city_text: list[str] = []
        self.m_phrase: list[str] = []
        for m in range(self.M):
            day = self.m_day[m]
            kind = self.m_kind[m]
            status = self.m_status[m]
            city_en, _, _, country = CITIES[self.m_city[m]]
            r = rng.random()
            end_date = ""
            if r < 0.55:
                prec, value = 2, iso(day)
            elif r < 0.80:
                prec, value = 1, iso(day)[:7]
            elif r < 0.90:
                prec, value = 0, iso(day)[:4]
            elif r < 0.95:
                prec, value = 1, f"{iso(day)[:7]}/{iso(day + rng.randint(20, 120))[:7]}"
            else:
                prec, value = 2, f"{iso(day)}/{iso(day + rng.randint(1, 3))}"
            if "/" not in value:
                q = rng.random()
                if q < 0.08:
                    value += "~"
                elif q < 0.14:
                    value += "?"
                elif q < 0.16:
                    value += "%"
                if prec == 2 and kind in ("visit", "conference", "meeting") and rng.random() < 0.3:
                    end_date = iso(day + rng.randint(1, 4))
            self.m_has_end.append(bool(end_date))
            when = human(day, prec)
            on_when = ("on " if prec == 2 else "in ") + when
            self.m_when.append(when)
            self.m_on_when.append(on_when)
            parts = self.m_parts[m]
            a, b = self.p_name[parts[0]], self.p_name[parts[1]]
            sa, sb = self.show_person(parts[0]), self.show_person(parts[1])
            year = iso(day)[:4]
            if kind in ("call", "correspondence"):
                city, venue, place = "", "", ""
            else:
                city = city_en if rng.random() < 0.9 else ""
                venue = rng.choice(VENUES) if city and rng.random() < 0.25 else ""
                place = f" in {city}" if city else ""
            if kind == "meeting":
                word = "Meeting" if status == "acknowledged" else "Reported meeting"
                title = f"{word} of {a} and {b}{place} ({year})"
                phrase = f"the meeting between {sa} and {sb}{place}"
                did, doing = f"met{place}", f"meeting {b}{place}"
            elif kind == "visit":
                # an Israeli visits a Libyan city; otherwise the Libyan travels
                guest, sguest, shost = (b, sb, sa) if country == "LY" else (a, sa, sb)
                dest = city or "an undisclosed city"
                title = f"Reported visit of {guest} to {dest} ({year})"
                phrase = f"the visit by {sguest} to {dest} to meet {shost}"
                did, doing = (
                    f"met during a visit to {dest}",
                    f"meeting {b} during a visit to {dest}",
                )
            elif kind == "call":
                title = f"Phone call between {a} and {b} ({year})"
                phrase = f"the phone call between {sa} and {sb}"
                did, doing = "spoke by phone", f"speaking by phone with {b}"
            elif kind == "conference":
                title = f"{a} and {b} at a conference{place} ({year})"
                phrase = f"the encounter between {sa} and {sb} at a conference{place}"
                did = f"met on the sidelines of a conference{place}"
                doing = f"meeting {b} at a conference{place}"
            else:
                title = f"Letters between {a} and {b} ({year})"
                phrase = f"the exchange of letters between {sa} and {sb}"
                did, doing = "exchanged letters", f"exchanging letters with {b}"
            self.m_phrase.append(phrase)
            self.m_city_text.append(city or "an undisclosed location")
            country_out = country if city else ""
            pub = self.first_pub[m]
            disclosed = iso(pub) if pub and rng.random() < 0.8 else ""
            outlet = rng.choice(PUBLISHERS["en"] + PUBLISHERS["ar"])
            if status == "acknowledged":
                summary = (
                    f"{a} confirmed {doing} {on_when}, calling it "
                    f'"{rng.choice(GOOD)}". {outlet} reported it first, citing a '
                    f"statement by the foreign ministry."
                )
            elif status == "reported":
                summary = (
                    f"{outlet} and {rng.choice(PUBLISHERS['he'])} reported, citing "
                    f"officials, that {a} and {b} {did} {on_when}; no participant "
                    f"confirmed it."
                )
            else:
                summary = (
                    f"A single outlet, {outlet}, citing unnamed sources, said {a} and {b} "
                    f"{did} {on_when}. Single origin."
                )
            w.writerow(
                (
                    self.mid(m),
                    title,
                    kind,
                    value,
                    end_date,
                    city,
                    country_out,
                    venue,
                    status,
                    disclosed,
                    summary,
                )
            )
        f.close()
        self.counts["meetings"] = self.M

    # --- claims, citations, participants ------------------------------------------------
    def claimant(self):
        """(claimant_person_id, claimant_organization_id, claimant_description, phrase)."""
        rnd = self.rng.random
        r = rnd()
        if r < 0.40:
            p = self.next_person()
            org = ""
            if rnd() < 0.15:
                org = self.oid(self.gov_orgs[int(rnd() * len(self.gov_orgs))])
            return self.pid(p), org, "", self.show_person(p)
        if r < 0.85:
            pool = self.media_orgs if rnd() < 0.4 else self.gov_orgs
            o = pool[int(rnd() * len(pool))]
            return "", self.oid(o), "", self.org_phrase[o]
        desc, phrase = CLAIMANT_DESCRIPTIONS[int(rnd() * len(CLAIMANT_DESCRIPTIONS))]
        return "", "", desc, phrase

    def claims(self, out: Path) -> None:
        rng = self.rng
        rnd = rng.random

        def choice(seq):  # rng.choice, without its overhead (the hot loop calls it ~10x a claim)
            return seq[int(rnd() * len(seq))]

        def randrange(n):
            return int(rnd() * n)

        def randint(a, b):
            return a + int(rnd() * (b - a + 1))

        fc, wc = open_csv(out, "claims")
        ft, wt = open_csv(out, "citations")
        fp, wp = open_csv(out, "participants")
        cid, pid, mid, oid, srcid = self.cid, self.pid, self.mid, self.oid, self.srcid
        pub_earliest = self.pub_earliest
        created = self.created_day
        last_person_claim = array("l", [-1]) * self.P
        keep = self.keep_index
        if keep:
            self.claim_type = bytearray(self.N)
            self.claim_ref = bytearray(self.N)
            self.claim_ncit = bytearray(self.N)
            self.cite_src = array("l")
            self.src_count = array("l", [0]) * self.S
        n_cit = n_disputes = n_parts = 0
        outlets = PUBLISHERS["en"] + PUBLISHERS["ar"] + PUBLISHERS["he"]
        n_orgs = self.O
        for m in range(self.M):
            start, end = self.block_start[m], self.block_start[m + 1]
            parts = self.m_parts[m]
            status = self.m_status[m]
            mday = self.m_day[m]
            meeting_id = mid(m)
            occ = start
            urls = self.block_urls[m]
            n_urls = len(urls)
            cover = 0
            no_place = self.m_kind[m] in ("call", "correspondence")
            ctx = {
                "S": self.m_phrase[m],
                "when": self.m_when[m],
                "on_when": self.m_on_when[m],
                "city": self.m_city_text[m],
                "kind": KIND_WORDS[self.m_kind[m]],
            }
            part_rows = []
            for ci in range(start, end):
                k = ci - start
                subj_m = subj_p = subj_o = ""
                disputes = ""
                person = -1
                if k == 0:
                    ctype = "occurred"
                    subj_m = meeting_id
                    if status == "acknowledged":
                        p = parts[0]
                        cp, co, cd = pid(p), "", ""
                        phrase = self.show_person(p)
                    elif status == "reported":
                        o = choice(self.media_orgs)
                        cp, co, cd, phrase = "", oid(o), "", self.org_phrase[o]
                    else:
                        cd, phrase = choice(CLAIMANT_DESCRIPTIONS)
                        cp = co = ""
                    tmpl = choice(
                        MEETING_TEMPLATES[
                            "occurred_by_participant" if status == "acknowledged" else "occurred"
                        ]
                    )
                elif k <= len(parts):
                    ctype = "attendance"
                    subj_m = meeting_id
                    person = parts[k - 1]
                    subj_p = pid(person)
                    cp, co, cd, phrase = self.claimant()
                    tmpl = choice(MEETING_TEMPLATES["attendance"])
                    part_rows.append((person, k - 1, ci))
                else:
                    r = rnd()
                    if r < 0.5:
                        subj_m = meeting_id
                        ctype = choice(MEETING_TYPES)
                        if ctype == "place" and no_place:
                            ctype = "date"
                        if ctype == "attendance":
                            person = choice(parts)
                            subj_p = pid(person)
                        elif ctype == "denial" and rnd() < 0.5:
                            disputes = cid(occ)
                            if keep:
                                self.claim_ref[occ] = 1
                        tmpl = choice(MEETING_TEMPLATES[ctype])
                    elif r < 0.8:
                        person = self.next_person()
                        subj_p = pid(person)
                        ctype = choice(PERSON_TYPES)
                        if ctype == "denial" and rnd() < 0.75:
                            prev = last_person_claim[person]
                            if prev >= 0:
                                disputes = cid(prev)
                                if keep:
                                    self.claim_ref[prev] = 1
                        tmpl = choice(PERSON_TEMPLATES[ctype])
                    else:
                        o = randrange(n_orgs)
                        subj_o = oid(o)
                        ctype = choice(ORG_TYPES)
                        tmpl = choice(ORG_TEMPLATES_TEXT[ctype])
                        ctx["O"] = (
                            self.org_phrase[o][0].lower() + self.org_phrase[o][1:]
                            if self.org_phrase[o].startswith("The ")
                            else self.org_phrase[o]
                        )
                    cp, co, cd, phrase = self.claimant()
                if person >= 0:
                    ctx["P"] = self.show_person(person)
                    last_person_claim[person] = ci
                ctx["C"] = phrase
                ctx["good"] = choice(GOOD)
                ctx["bad"] = choice(BAD)
                if "{detail}" in tmpl:
                    ctx["detail"] = choice(DETAILS)
                ctx["outlet"] = choice(outlets)
                if "{venue}" in tmpl:
                    ctx["venue"] = choice(VENUES)
                if "{topic}" in tmpl:
                    ctx["topic"] = choice(TOPICS)
                if "{mediator}" in tmpl:
                    ctx["mediator"] = choice(MEDIATORS)
                if "{capacity}" in tmpl:
                    pool = self.p_country[person] if person >= 0 else "XX"
                    ctx["capacity"] = choice(CAPACITIES.get(pool, CAPACITIES["XX"])).format(
                        country="Jordan"
                    )
                statement = tmpl.format_map(ctx)
                if len(statement) > 400:
                    statement = statement[:399].rstrip() + "…"
                # citations: cover every URL source of the block first
                r = rnd()
                n = 1 if r < 0.4 else (2 if r < 0.8 else 3)
                if n > n_urls:
                    n = n_urls
                chosen = []
                if cover < n_urls:
                    chosen.append(urls[cover])
                    cover += 1
                tries = 0
                while len(chosen) < n and tries < 10:
                    tries += 1
                    s = urls[randrange(n_urls)]
                    if s not in chosen:
                        chosen.append(s)
                chosen.sort()
                # stated: never after the earliest publication of a citing source
                upper = 0
                for s in chosen:
                    e = pub_earliest[s]
                    if e and (upper == 0 or e < upper):
                        upper = e
                stated = ""
                if rnd() < 0.9:
                    if upper == 0:
                        upper = min(mday + 10, created)
                    if upper >= mday or k:
                        sday = upper - randint(0, 3)
                        r = rnd()
                        if r < 0.87:
                            stated = iso(sday)
                        elif r < 0.95:
                            stated = iso(sday)[:7]
                        elif r < 0.98:
                            stated = iso(sday)[:4]
                        else:
                            stated = f"{iso(sday - randint(1, 3))}/{iso(sday)}"
                        if "/" not in stated and rnd() < 0.03:
                            stated += choice("~?")
                claim_id = cid(ci)
                wc.writerow(
                    (
                        claim_id,
                        subj_m,
                        subj_p,
                        subj_o,
                        ctype,
                        statement,
                        cp,
                        co,
                        cd,
                        stated,
                        disputes,
                    )
                )
                if disputes:
                    n_disputes += 1
                for s in chosen:
                    wt.writerow((claim_id, srcid(s), choice(LOCATORS) if rnd() < 0.8 else ""))
                n_cit += len(chosen)
                if keep:
                    self.claim_type[ci] = TYPE_CODE[ctype]
                    self.claim_ncit[ci] = len(chosen)
                    self.cite_src.extend(chosen)
                    for s in chosen:
                        self.src_count[s] += 1
            # participants of this meeting, sorted by person id
            part_rows.sort()
            for person, j, ci in part_rows:
                country = self.p_country[person]
                pool = country if country in ("LY", "IL") else "XX"
                role = "participant" if j < 2 else choice(ROLES_EXTRA)
                capacity = (
                    ""
                    if rnd() < 0.15
                    else choice(CAPACITIES[pool]).format(
                        country=rng.choice(["Jordan", "Italy", "the UAE", "Tunisia"])
                        if pool != "XX"
                        else {"IT": "Italy", "US": "the United States"}.get(country, "Jordan")
                    )
                )
                wp.writerow((meeting_id, pid(person), role, capacity, country, cid(ci)))
                if keep:
                    self.claim_ref[ci] = 1
                n_parts += 1
        fc.close()
        ft.close()
        fp.close()
        if self.person_cursor < self.P:
            sys.exit(
                f"generate.py: only {self.person_cursor} of {self.P} people were used; "
                "use more claims"
            )
        self.counts.update(
            claims=self.N, citations=n_cit, participants=n_parts, disputes=n_disputes
        )

    def run(self, out: Path) -> None:
        self.organizations(out)
        self.plan_people()
        self.plan_meetings()
        self.sources(out)
        self.people(out)
        self.meetings(out)
        self.claims(out)


# --------------------------------------------------------------------------------------------
# Error injection
# --------------------------------------------------------------------------------------------


def rewrite(path: Path, edits: dict[int, object]) -> None:
    """Stream ``path`` to a new file, applying ``edits``: record number -> function(row) that
    returns the list of rows to write instead (empty: delete; two: insert after). Every record
    of a generated (valid) file is one physical line, so lines are records."""
    tmp = path.with_suffix(".tmp")
    with (
        open(path, encoding="utf-8", newline="") as src,
        open(tmp, "w", encoding="utf-8", newline="", buffering=1 << 20) as dst,
    ):
        w = csv.writer(dst, lineterminator="\n")
        dst.write(src.readline())
        for rec, line in enumerate(src, 1):
            edit = edits.get(rec)
            if edit is None:
                dst.write(line)
            else:
                row = next(csv.reader([line]))
                for new in edit(row):
                    w.writerow(new)
    os.replace(tmp, path)


def inject(gen: Generator, out: Path, seed: int) -> list[dict]:
    rng = random.Random(seed * 7919 + 104729)
    N, S = gen.N, gen.S
    ncit = gen.claim_ncit
    offsets = array("l", [0]) * (N + 1)
    total = 0
    for i in range(N):
        offsets[i] = total
        total += ncit[i]
    offsets[N] = total
    count = gen.src_count
    used: set[int] = set()
    occurred = TYPE_CODE["occurred"]

    def pick(limit: int, ok) -> int:
        start = rng.randrange(limit)
        for step in range(limit):
            i = (start + step) % limit
            if i not in used and ok(i):
                used.add(i)
                return i
        raise SystemExit("generate.py: no row fits an injected error; use more claims")

    def sources_of(c: int) -> list[int]:
        return list(gen.cite_src[offsets[c] : offsets[c + 1]])

    c_enum = pick(N, lambda i: gen.claim_type[i] != occurred)
    c_date = pick(N, lambda i: True)
    c_newline = pick(
        N, lambda i: ncit[i] == 1 and not gen.claim_ref[i] and gen.claim_type[i] != occurred
    )
    c_nocite = pick(N, lambda i: all(count[s] >= 2 for s in sources_of(i)))
    for s in sources_of(c_nocite):
        count[s] -= 1
    c_fk = pick(N, lambda i: any(count[s] >= 2 for s in sources_of(i)))
    j_fk = next(j for j, s in enumerate(sources_of(c_fk)) if count[s] >= 2)
    fk_source = gen.srcid(sources_of(c_fk)[j_fk])
    fk_value = f"{fk_source}-gone"

    def cite_row(c: int, j: int) -> int:
        row = offsets[c] + j + 1
        return row - ncit[c_nocite] if c_nocite < c else row

    used_people: set[int] = set()
    k_dup = rng.randrange(gen.P)
    k_bidi = (k_dup + 1 + rng.randrange(gen.P - 1)) % gen.P
    used_people.update((k_dup, k_bidi))
    # prefer a meeting without end_date (an unparsable date is skipped by rule 6 anyway)
    start = rng.randrange(gen.M)
    m_date = next(
        (m for m in ((start + k) % gen.M for k in range(gen.M)) if not gen.m_has_end[m]), start
    )
    s_formula = rng.randrange(S)

    # --- people: a second record with the same person_id; a bidi control in a description
    def dup(row):
        copy = list(row)
        copy[5] = f"{row[5].rstrip('.')}; a second record under the same id."
        return [row, copy]

    def bidi(row):
        row = list(row)
        head, _, tail = row[5].partition(" ")
        row[5] = f"{head} \u202e{tail}"
        return [row]

    rewrite(out / "data" / "people.csv", {k_dup + 1: dup, k_bidi + 1: bidi})
    dup_row = k_dup + 2
    bidi_row = k_bidi + 1 + (1 if k_bidi > k_dup else 0)

    # --- sources: a title that starts with "="
    def formula(row):
        row = list(row)
        row[1] = f"={row[1]}"
        return [row]

    rewrite(out / "data" / "sources.csv", {s_formula + 1: formula})

    # --- meetings: an unpadded date
    def unpadded(row):
        row = list(row)
        row[3] = "2023-8-1"
        return [row]

    rewrite(out / "data" / "meetings.csv", {m_date + 1: unpadded})

    # --- claims
    def set_field(i, value):
        def edit(row):
            row = list(row)
            row[i] = value
            return [row]

        return edit

    fields = FIELDS["claims"]
    rewrite(
        out / "data" / "claims.csv",
        {
            c_enum + 1: set_field(fields.index("claim_type"), "rumour"),
            c_date + 1: set_field(fields.index("stated"), "2023-02-30"),
            c_newline + 1: set_field(0, gen.cid(c_newline) + "\n"),
        },
    )

    # --- citations: remove every citation of one claim; point one at a missing source
    edits = {offsets[c_nocite] + j + 1: (lambda row: []) for j in range(ncit[c_nocite])}
    edits[offsets[c_fk] + j_fk + 1] = set_field(1, fk_value)
    rewrite(out / "data" / "citations.csv", edits)

    newline_cite = cite_row(c_newline, 0)
    return [
        {
            "code": "primary-key",
            "resource": "people",
            "row": dup_row,
            "field": "person_id",
            "description": f"a second record for person_id {gen.pid(k_dup)!r} right after the "
            f"first (row {dup_row - 1}); same name, other description. "
            "No secondary effect.",
        },
        {
            "code": "foreign-key",
            "resource": "citations",
            "row": cite_row(c_fk, j_fk),
            "field": "source_id",
            "description": f"citation of {gen.cid(c_fk)!r} points at {fk_value!r}, which is not a "
            f"source (was {fk_source!r}, still cited by other claims, so it is not "
            "orphaned; the claim keeps its other citations, if any). "
            "No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "claims",
            "row": c_enum + 1,
            "field": "claim_type",
            "description": f"claim {gen.cid(c_enum)!r} has claim_type 'rumour', not in the enum "
            "(it was not an 'occurred' claim, so rule 2 still holds). "
            "No secondary effect.",
        },
        {
            "code": "invalid-date",
            "resource": "claims",
            "row": c_date + 1,
            "field": "stated",
            "description": f"claim {gen.cid(c_date)!r} is stated '2023-02-30', which matches the "
            "pattern but is not a calendar date. No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "meetings",
            "row": m_date + 1,
            "field": "date",
            "description": f"meeting {gen.mid(m_date)!r} has date '2023-8-1', unpadded: it fails "
            "the pattern (a date that does not parse is left out of rule 6's "
            "end_date check). "
            "No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "claims",
            "row": c_newline + 1,
            "field": "claim_id",
            "description": f"claim id {gen.cid(c_newline)!r} followed by a newline, inside a "
            "quoted cell (the record spans two physical lines). Secondary effects: "
            "control-character and surrounding-whitespace on the same cell; "
            "citation-missing on the same row (its one citation names the id without "
            f"the newline); foreign-key in citations row {newline_cite} (claim_id). "
            "The claim is not referenced by a participant or a dispute.",
        },
        {
            "code": "citation-missing",
            "resource": "claims",
            "row": c_nocite + 1,
            "field": "claim_id",
            "description": f"all {ncit[c_nocite]} citation(s) of claim {gen.cid(c_nocite)!r} were "
            "removed (their sources are cited by other claims, so none is orphaned). "
            "No secondary effect.",
        },
        {
            "code": "bidi-control",
            "resource": "people",
            "row": bidi_row,
            "field": "description",
            "description": f"U+202E (right-to-left override) inside the description of "
            f"{gen.pid(k_bidi)!r}. No secondary effect.",
        },
        {
            "code": "formula-trigger",
            "resource": "sources",
            "row": s_formula + 1,
            "field": "title",
            "description": f"title of {gen.srcid(s_formula)!r} starts with '='. "
            "No secondary effect.",
        },
    ]


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate a synthetic, valid libya-israel-data package (for benchmarks)."
    )
    ap.add_argument("--claims", type=int, required=True, metavar="N", help="number of claims")
    ap.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument(
        "--inject-errors",
        action="store_true",
        help="add a known list of errors; write DIR/injected-errors.json",
    )
    args = ap.parse_args(argv)
    if args.claims < 50:
        ap.error("--claims must be at least 50")
    started = time.perf_counter()
    _check_assets()
    check_schemas()
    descriptor = json.loads((REPO / "datapackage.json").read_text("utf-8"))
    created = datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).date()
    out: Path = args.out
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schemas", out / "schemas", dirs_exist_ok=True)
    gen = Generator(args.claims, args.seed, created, keep_index=args.inject_errors)
    gen.run(out)
    report = out / "injected-errors.json"
    if args.inject_errors:
        errors = inject(gen, out, args.seed)
        report.write_text(
            json.dumps(errors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
        )
    elif report.exists():
        report.unlink()
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")
    refresh(out)  # bytes and sha256 of every generated file, as the project keeps them
    elapsed = time.perf_counter() - started
    sizes = ", ".join(f"{k} {v:,}" for k, v in gen.counts.items())
    print(f"wrote {out} in {elapsed:.1f}s: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
