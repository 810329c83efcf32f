"""The catalogue of issue types, keyed by :class:`~.codes.Code`: each code's title, layer,
description, hint and severity (``docs/errors.md`` is generated from it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .codes import Code

__all__ = ["CATALOGUE", "IssueType", "Severity"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class IssueType:
    code: Code
    title: str
    layer: str
    description: str
    hint: str
    severity: Severity = "error"
    example: str = ""  # for codes that the bad-input corpus cannot show with these schemas


_TYPES = [
    # descriptor
    IssueType(
        Code.PACKAGE_ERROR,
        "Descriptor cannot be read",
        "descriptor",
        "datapackage.json is not valid UTF-8 JSON, or has no list of resources.",
        "fix the JSON syntax; `frictionless validate datapackage.json` shows where",
    ),
    IssueType(
        Code.METADATA_ERROR,
        "Descriptor metadata invalid",
        "descriptor",
        "The descriptor's `version` is not a semantic version, or its `created` is missing or "
        "not a real ISO 8601 date and time (rule 6 needs it).",
        "set version to MAJOR.MINOR.PATCH and created to the release's date and time, e.g. "
        "2026-12-02T00:00:00Z",
    ),
    IssueType(
        Code.RESOURCE_MISSING,
        "Resource missing",
        "descriptor",
        "A resource of the data contract is not listed in the descriptor.",
        "add the resource back to datapackage.json (see docs/data-model.md)",
    ),
    IssueType(
        Code.RESOURCE_ERROR,
        "Resource entry unusable",
        "descriptor",
        "A resource entry has no name, a duplicate name, or is not an object.",
        "give every resource a unique name, path and schema",
    ),
    IssueType(
        Code.UNSAFE_PATH,
        "Unsafe path",
        "descriptor",
        "A resource or schema path is absolute, remote, or leaves the package folder ('..').",
        "use a relative path inside the package, such as data/claims.csv",
    ),
    IssueType(
        Code.SCHEMA_ERROR,
        "Table Schema unusable",
        "descriptor",
        "The Table Schema file is missing, not JSON, or declares an unsupported type.",
        "restore schemas/<resource>.schema.json from the repository",
    ),
    IssueType(
        Code.SCHEMA_MISMATCH,
        "Table Schema differs from the contract",
        "descriptor",
        "The package's Table Schema declares fields, types, constraints or keys other than the "
        "data contract this library ships (`docs/data-model.md`); the package is checked against "
        "the contract, never against a schema that would switch a rule off.",
        "restore the schema with `python tools/generate.py`, or change the contract in the "
        "library (src/libya_israel_data/contract/schemas/) in a reviewed release",
    ),
    IssueType(
        Code.FILE_MISSING,
        "Data file missing",
        "descriptor",
        "The file a resource points at does not exist.",
        "restore the file or correct the resource's path",
    ),
    IssueType(
        Code.FILE_TOO_LARGE,
        "Data file too large",
        "descriptor",
        "A data file is larger than the validator reads (1 GiB; `paths.MAX_FILE_BYTES`). "
        "Files are read whole, so this bound keeps validation within the memory of an "
        "ordinary machine; a package of this project is far smaller.",
        "check that the path names the right file; split or trim the data",
        example="`datapackage.json: path: resource 'claims': data/claims.csv has "
        "4,294,967,296 bytes, more than the 1,073,741,824 this validator reads [file-too-large]`",
    ),
    IssueType(
        Code.HASH_COUNT,
        "Hash mismatch",
        "descriptor",
        "The file's sha256 differs from the resource's `hash` in the descriptor.",
        "run `libya-israel-data refresh` after editing data, and commit the descriptor",
    ),
    IssueType(
        Code.BYTE_COUNT,
        "Size mismatch",
        "descriptor",
        "The file's size differs from the resource's `bytes` in the descriptor.",
        "run `libya-israel-data refresh` after editing data, and commit the descriptor",
    ),
    IssueType(
        Code.ENCODING_DECLARED,
        "Encoding not UTF-8",
        "descriptor",
        "A resource declares an encoding other than utf-8.",
        'set "encoding": "utf-8" and store the file as UTF-8',
    ),
    # structure
    IssueType(
        Code.ENCODING_ERROR,
        "Not UTF-8",
        "structure",
        "The file is not valid UTF-8.",
        "re-save the file as UTF-8 (without BOM)",
    ),
    IssueType(
        Code.BYTE_ORDER_MARK,
        "Byte order mark",
        "structure",
        "The file starts with a UTF-8 byte order mark (BOM).",
        "re-save the file as UTF-8 without BOM",
    ),
    IssueType(
        Code.LINE_ENDING,
        "Not LF line endings",
        "structure",
        "The file contains carriage returns (CRLF or CR line endings).",
        "convert the file to LF line endings (git does it through .gitattributes)",
    ),
    IssueType(
        Code.UNCLOSED_QUOTE,
        "Unclosed quote",
        "structure",
        "A quoted cell is never closed, which would swallow the lines after it.",
        'close the quote; a quote inside a quoted cell is written twice ("")',
    ),
    IssueType(
        Code.CSV_SYNTAX,
        "CSV syntax error",
        "structure",
        "The line breaks RFC 4180 (e.g. text after a closing quote).",
        "quote the whole cell and double any quote inside it",
    ),
    IssueType(
        Code.BLANK_LABEL,
        "Blank header label",
        "structure",
        "A header cell is empty.",
        "write the field name from the Table Schema",
    ),
    IssueType(
        Code.DUPLICATE_LABEL,
        "Duplicate header label",
        "structure",
        "A header names the same field twice.",
        "the header must list each field once",
    ),
    IssueType(
        Code.MISSING_LABEL,
        "Missing header label",
        "structure",
        "A field of the Table Schema is missing from the header.",
        "the header must be the schema's field names, in schema order",
    ),
    IssueType(
        Code.EXTRA_LABEL,
        "Extra header label",
        "structure",
        "The header names a field the Table Schema does not have.",
        "remove the column or add the field to the schema",
    ),
    IssueType(
        Code.INCORRECT_LABEL,
        "Header out of order",
        "structure",
        "The header has the schema's fields but in another order.",
        "reorder the columns as in the Table Schema",
    ),
    IssueType(
        Code.EMPTY_FILE,
        "No rows",
        "structure",
        "A data file holds its header and no row, or nothing at all: every rule about the "
        "resource passes vacuously, and rows elsewhere that point at it fail.",
        "restore the rows, or check that the path names the right file",
        "warning",
    ),
    IssueType(
        Code.BLANK_ROW,
        "Blank row",
        "structure",
        "A row has no value at all.",
        "delete the empty line",
    ),
    IssueType(
        Code.MISSING_CELL,
        "Missing cell",
        "structure",
        "A row has fewer cells than the header.",
        "add the missing commas; an empty cell is still separated by a comma",
    ),
    IssueType(
        Code.EXTRA_CELL,
        "Extra cell",
        "structure",
        "A row has more cells than the header.",
        "quote cells that contain commas, or remove the extra cells",
    ),
    IssueType(
        Code.RECORD_TOO_LONG,
        "Record too long",
        "structure",
        "A record (a row as written in the file: one line, or several when a quoted cell holds "
        "line breaks) is longer than 1 MiB (`validation.lengths.MAX_RECORD_BYTES`), twenty times "
        "the longest record the Table Schemas allow. Such a file is a broken or hostile one, and "
        "parsing it would cost many times its size, so it is not read further; the rules that "
        "need it do not run (`rule-not-run`).",
        "look for a quote left open (it makes the rest of the file one cell), a missing line "
        "break, or binary data in the file",
    ),
    # tables
    IssueType(
        Code.TYPE_ERROR,
        "Wrong type",
        "tables",
        "A cell does not hold a value of its field's type.",
        "write a value of the type the Table Schema declares",
        example="a field declared `integer` holding `12a`: "
        "`data/x.csv:2: count: '12a' is not an integer [type-error]`",
    ),
    IssueType(
        Code.CONSTRAINT_ERROR,
        "Constraint broken",
        "tables",
        "A cell breaks a constraint of its field (required, pattern, enum, maxLength).",
        "see the field in docs or schemas/ for the allowed values",
    ),
    IssueType(
        Code.PRIMARY_KEY,
        "Duplicate primary key",
        "tables",
        "Two rows share the same primary key.",
        "give each row its own id",
    ),
    IssueType(
        Code.UNIQUE_ERROR,
        "Duplicate unique value",
        "tables",
        "Two rows share a value in a field that must be unique.",
        "make the values unique",
        example="a field with the constraint `unique` holding `x` in rows 1 and 4: "
        "`data/x.csv:5: code: 'x' appears more than once [unique-error]`",
    ),
    IssueType(
        Code.FOREIGN_KEY,
        "Dangling reference",
        "tables",
        "A reference names a row that does not exist in the referenced resource.",
        "fix the id, or add the referenced row first",
    ),
    # dates
    IssueType(
        Code.INVALID_DATE,
        "Not a calendar date",
        "dates",
        "A date has the right shape but is not a real calendar date (e.g. 2023-02-29), "
        "or an interval runs backwards.",
        "write a real date; a date known only to the month is YYYY-MM",
    ),
    # text
    IssueType(
        Code.NOT_NFC,
        "Not Unicode NFC",
        "text",
        "Text is not in Unicode Normalization Form C.",
        "normalise the cell to NFC (unicodedata.normalize('NFC', text))",
    ),
    IssueType(
        Code.CONTROL_CHARACTER,
        "Control character",
        "text",
        "Text contains a control character (e.g. a newline, tab or NUL).",
        "remove it; a cell is one line of text",
    ),
    IssueType(
        Code.NONCHARACTER,
        "Unicode noncharacter",
        "text",
        "Text contains a Unicode noncharacter (U+FDD0-U+FDEF, or U+FFFE and U+FFFF of any "
        "plane): code points reserved for a program's own use, never text. XML 1.0 forbids "
        "U+FFFE and U+FFFF, so the GraphML and GEXF exports could not carry them.",
        "remove it; it usually comes from a broken conversion",
    ),
    IssueType(
        Code.BIDI_CONTROL,
        "Bidirectional control character",
        "text",
        "Text contains a bidi control character (U+202A-U+202E, U+2066-U+2069), which can "
        "disguise what a cell says.",
        "remove it; Arabic and Hebrew need no bidi controls",
    ),
    IssueType(
        Code.SURROUNDING_WHITESPACE,
        "Leading or trailing space",
        "text",
        "Text starts or ends with white space.",
        "trim the cell",
    ),
    IssueType(
        Code.FORMULA_TRIGGER,
        "Spreadsheet formula trigger",
        "text",
        "Text starts with =, +, - or @, which spreadsheets execute as a formula.",
        "reword the cell so that it starts with another character",
    ),
    IssueType(
        Code.INVISIBLE_CHARACTER,
        "Invisible character",
        "text",
        "A cell contains a zero-width character or a left-to-right/right-to-left mark "
        "(U+200B-U+200F, U+2060, U+FEFF, U+061C): invisible, it makes equal names differ.",
        "delete the invisible character (retype the text around it)",
        "warning",
    ),
    IssueType(
        Code.PRESENTATION_FORM,
        "Arabic presentation form",
        "text",
        "A cell contains Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE), glyph codes "
        "that PDFs and old software produce instead of letters; search and sorting miss them.",
        "replace them by the plain Arabic letters (Unicode NFKC does it)",
        "warning",
    ),
    IssueType(
        Code.MOJIBAKE,
        "Garbled encoding (mojibake)",
        "text",
        "A cell looks like UTF-8 text that was decoded as Latin-1 or Windows-1252 and saved "
        "again (`Ã©` for `é`, `Ø§Ù„` for `ال`).",
        "copy the text again from its source, as UTF-8",
        "warning",
    ),
    IssueType(
        Code.MIXED_SCRIPT,
        "Letters of another script",
        "text",
        "A name holds letters of another script: Farsi yeh or keheh, or Latin letters, in "
        "`name_ar`; Latin or Arabic letters in `name_he`; Greek or Cyrillic letters in a "
        "Latin `name` (look-alikes such as Cyrillic `а` for Latin `a`).",
        "retype the name in its own script (Arabic ي and ك, not Farsi ی and ک)",
        "warning",
    ),
    IssueType(
        Code.TATWEEL,
        "Tatweel in a name",
        "text",
        "A name or alias contains tatweel (U+0640, ـ), the stroke that stretches Arabic letters "
        "for display; the name then differs from the same name typed without it, in search "
        "and in sorting.",
        "remove the tatweel characters",
        "warning",
    ),
    # provenance
    IssueType(
        Code.CLAIM_SUBJECT_MISSING,
        "Claim without subject",
        "provenance",
        "A claim has none of meeting_id, person_id, organization_id.",
        "say what the claim is about",
    ),
    IssueType(
        Code.CLAIMANT_MISSING,
        "Claim without claimant",
        "provenance",
        "A claim has none of claimant_person_id, claimant_organization_id, claimant_description.",
        "say who makes the claim",
    ),
    IssueType(
        Code.CITATION_MISSING,
        "Claim without citation",
        "provenance",
        "Rule 1: every claim has at least one citation.",
        "add a row to citations.csv naming the source that reports it",
    ),
    IssueType(
        Code.OCCURRED_CLAIM_MISSING,
        "Meeting without occurred claim",
        "provenance",
        "Rule 2: every meeting has at least one claim of type 'occurred'.",
        "add the claim that says the meeting took place, with its citation",
    ),
    IssueType(
        Code.ACKNOWLEDGEMENT_MISSING,
        "Acknowledged meeting without acknowledgement",
        "provenance",
        "Rule 2: a meeting marked 'acknowledged' needs an 'occurred' claim made by one of its "
        "participants or by a government body (kind government, ministry or presidency) of a "
        "participant's country (its side, else its own country); when no participant has a "
        "country, by any government body.",
        "add that claim, or set the status to 'reported' or 'alleged'",
    ),
    IssueType(
        Code.PARTICIPANT_CLAIM_MISMATCH,
        "Participant claim about another meeting",
        "provenance",
        "Rule 3: a participant's claim_id, of a person or of an organization, must be a claim "
        "about the same meeting.",
        "point claim_id at the claim that puts the person or organization at this meeting",
    ),
    IssueType(
        Code.UPSTREAM_NOT_RELAYED,
        "URL-less source not relayed",
        "provenance",
        "Rule 4: a source with no url must be relayed by at least one other source.",
        "add the page that relays it, or the url",
    ),
    IssueType(
        Code.RELAYS_CYCLE,
        "Relay cycle",
        "provenance",
        "A chain of relays leads back to where it started, so origins cannot be counted.",
        "a source relays an earlier document; break the cycle",
    ),
    IssueType(
        Code.DISPUTE_SELF,
        "Claim disputes itself",
        "provenance",
        "Rule 5: disputes never points at the claim itself.",
        "point at the other claim",
    ),
    IssueType(
        Code.DISPUTE_SUBJECT_MISMATCH,
        "Dispute about another subject",
        "provenance",
        "Rule 5: a disputed claim is about the same subject (meeting, person or "
        "organization) as the claim that disputes it.",
        "give both claims the same subject, or remove disputes",
    ),
    IssueType(
        Code.STATED_AFTER_PUBLISHED,
        "Claim stated after its sources",
        "provenance",
        "Rule 6: a claim cannot be stated after every source reporting it was published.",
        "correct stated or the sources' published dates",
    ),
    IssueType(
        Code.PUBLISHED_AFTER_CREATED,
        "Source from the future",
        "provenance",
        "Rule 6: a source is not published after the package's created date.",
        "correct published, or the descriptor's created date",
    ),
    IssueType(
        Code.END_BEFORE_START,
        "Meeting ends before it starts",
        "provenance",
        "Rule 6: a meeting's end_date is not before its date.",
        "swap or correct the dates",
    ),
    IssueType(
        Code.DUPLICATE_URL,
        "Two sources share a URL",
        "provenance",
        "Rule 7: no two sources share a URL (compared without scheme/host case, trailing "
        "slash, default port, fragment and tracking parameters).",
        "merge the two sources into one row",
    ),
    IssueType(
        Code.SOURCE_ORPHANED,
        "Source not used",
        "provenance",
        "Rule 8: a source that no claim or alias cites and no cited source relays.",
        "cite it from a claim, or remove it",
        "warning",
    ),
    IssueType(
        Code.PERSON_ORPHANED,
        "Person not used",
        "provenance",
        "Rule 8: a person who appears in no claim and no participant row.",
        "add the claim that concerns them, or remove them",
        "warning",
    ),
    IssueType(
        Code.CONTACT_ONE_SIDED,
        "Contact without both sides",
        "provenance",
        "Rule 9: a meeting whose contact is not related_event has at least one participant "
        "(person or organization) with side LY and at least one with side IL.",
        "add the participant (a person, or the organization they belong to) of the missing side "
        "with the claim that puts them there, or set contact to related_event and say why in "
        "relevance",
    ),
    IssueType(
        Code.INTERMEDIARY_MISSING,
        "Intermediary not named",
        "provenance",
        "Rule 10: a meeting whose contact is via_intermediary has at least one participant "
        "(person or organization) with role intermediary.",
        "add the third party as a participant with role intermediary, or choose another contact",
    ),
    IssueType(
        Code.RELATED_EVENT_UNEXPLAINED,
        "Related event without relevance",
        "provenance",
        "Rule 11: a meeting whose contact is related_event says in relevance why it is in the "
        "data.",
        "write in relevance, in our words, how the event bears on a Libya-Israel contact",
    ),
    # rules
    IssueType(
        Code.RULE_NOT_RUN,
        "Rule could not run",
        "rules",
        "A rule of the data contract needs a resource or column that the package lacks or that "
        "could not be read, so the rule was not checked; the package cannot be called valid.",
        "restore the resource or column named in the message (see the other issues for why it "
        "is missing)",
    ),
]


CATALOGUE: dict[Code, IssueType] = {t.code: t for t in _TYPES}
if set(CATALOGUE) != set(Code) or len(CATALOGUE) != len(_TYPES):  # pragma: no cover
    raise AssertionError("every code is catalogued once")
