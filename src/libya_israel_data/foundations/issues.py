"""The catalogue of validation issues, and the report that carries them.

Codes are stable public API (kebab-case). Where frictionless has a code for the same problem we
use it (``type-error``, ``constraint-error``, ``primary-key``, ``foreign-key``, ``hash-count`` ...),
so that reports can be compared with ``frictionless validate``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Literal

Severity = Literal["error", "warning"]

#: Issues kept per code and resource in a report; the rest are counted ("and N more").
CAP = 100
#: Characters of an issue's value kept in a report; a longer value keeps its start and says
#: its length (a hostile cell may hold a gigabyte).
VALUE_CHARS = 200
#: Characters of an issue's message kept in a report, likewise.
MESSAGE_CHARS = 1000


def excerpt(text: str, limit: int = VALUE_CHARS) -> str:
    """``text`` if it is at most ``limit`` characters, else its start and its length."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text):,} characters in all]"


def shown(value: object, limit: int = 60) -> str:
    """A cell as a message quotes it: ``repr`` of at most ``limit`` characters of it (the
    ``repr`` of a whole hostile cell would cost four times its size)."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


class Code(StrEnum):
    """Every issue code, a stable public name (kebab-case)."""

    PACKAGE_ERROR = "package-error"
    RESOURCE_MISSING = "resource-missing"
    RESOURCE_ERROR = "resource-error"
    UNSAFE_PATH = "unsafe-path"
    SCHEMA_ERROR = "schema-error"
    FILE_MISSING = "file-missing"
    HASH_COUNT = "hash-count"
    BYTE_COUNT = "byte-count"
    ENCODING_DECLARED = "encoding-declared"
    ENCODING_ERROR = "encoding-error"
    BYTE_ORDER_MARK = "byte-order-mark"
    LINE_ENDING = "line-ending"
    UNCLOSED_QUOTE = "unclosed-quote"
    CSV_SYNTAX = "csv-syntax"
    BLANK_LABEL = "blank-label"
    DUPLICATE_LABEL = "duplicate-label"
    MISSING_LABEL = "missing-label"
    EXTRA_LABEL = "extra-label"
    INCORRECT_LABEL = "incorrect-label"
    BLANK_ROW = "blank-row"
    MISSING_CELL = "missing-cell"
    EXTRA_CELL = "extra-cell"
    RECORD_TOO_LONG = "record-too-long"
    TYPE_ERROR = "type-error"
    CONSTRAINT_ERROR = "constraint-error"
    PRIMARY_KEY = "primary-key"
    UNIQUE_ERROR = "unique-error"
    FOREIGN_KEY = "foreign-key"
    INVALID_DATE = "invalid-date"
    NOT_NFC = "not-nfc"
    CONTROL_CHARACTER = "control-character"
    NONCHARACTER = "noncharacter"
    BIDI_CONTROL = "bidi-control"
    SURROUNDING_WHITESPACE = "surrounding-whitespace"
    FORMULA_TRIGGER = "formula-trigger"
    CLAIM_SUBJECT_MISSING = "claim-subject-missing"
    CLAIMANT_MISSING = "claimant-missing"
    CITATION_MISSING = "citation-missing"
    OCCURRED_CLAIM_MISSING = "occurred-claim-missing"
    ACKNOWLEDGEMENT_MISSING = "acknowledgement-missing"
    PARTICIPANT_CLAIM_MISMATCH = "participant-claim-mismatch"
    UPSTREAM_NOT_RELAYED = "upstream-not-relayed"
    RELAYS_CYCLE = "relays-cycle"
    DISPUTE_SELF = "dispute-self"
    DISPUTE_SUBJECT_MISMATCH = "dispute-subject-mismatch"
    STATED_AFTER_PUBLISHED = "stated-after-published"
    PUBLISHED_AFTER_CREATED = "published-after-created"
    END_BEFORE_START = "end-before-start"
    DUPLICATE_URL = "duplicate-url"
    SOURCE_ORPHANED = "source-orphaned"
    PERSON_ORPHANED = "person-orphaned"
    CONTACT_ONE_SIDED = "contact-one-sided"
    INTERMEDIARY_MISSING = "intermediary-missing"
    RELATED_EVENT_UNEXPLAINED = "related-event-unexplained"
    SCHEMA_MISMATCH = "schema-mismatch"
    FILE_TOO_LARGE = "file-too-large"
    METADATA_ERROR = "metadata-error"
    EMPTY_FILE = "empty-file"
    INVISIBLE_CHARACTER = "invisible-character"
    PRESENTATION_FORM = "presentation-form"
    MOJIBAKE = "mojibake"
    MIXED_SCRIPT = "mixed-script"
    TATWEEL = "tatweel"
    RULE_NOT_RUN = "rule-not-run"


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
        "package-error",
        "Descriptor cannot be read",
        "descriptor",
        "datapackage.json is not valid UTF-8 JSON, or has no list of resources.",
        "fix the JSON syntax; `frictionless validate datapackage.json` shows where",
    ),
    IssueType(
        "metadata-error",
        "Descriptor metadata invalid",
        "descriptor",
        "The descriptor's `version` is not a semantic version, or its `created` is missing or "
        "not a real ISO 8601 date and time (rule 6 needs it).",
        "set version to MAJOR.MINOR.PATCH and created to the release's date and time, e.g. "
        "2026-12-02T00:00:00Z",
    ),
    IssueType(
        "resource-missing",
        "Resource missing",
        "descriptor",
        "A resource of the data contract is not listed in the descriptor.",
        "add the resource back to datapackage.json (see docs/data-model.md)",
    ),
    IssueType(
        "resource-error",
        "Resource entry unusable",
        "descriptor",
        "A resource entry has no name, a duplicate name, or is not an object.",
        "give every resource a unique name, path and schema",
    ),
    IssueType(
        "unsafe-path",
        "Unsafe path",
        "descriptor",
        "A resource or schema path is absolute, remote, or leaves the package folder ('..').",
        "use a relative path inside the package, such as data/claims.csv",
    ),
    IssueType(
        "schema-error",
        "Table Schema unusable",
        "descriptor",
        "The Table Schema file is missing, not JSON, or declares an unsupported type.",
        "restore schemas/<resource>.schema.json from the repository",
    ),
    IssueType(
        "schema-mismatch",
        "Table Schema differs from the contract",
        "descriptor",
        "The package's Table Schema declares fields, types, constraints or keys other than the "
        "data contract this library ships (`docs/data-model.md`); the package is checked against "
        "the contract, never against a schema that would switch a rule off.",
        "restore the schema with `python tools/generate.py`, or change the contract in the "
        "library (src/libya_israel_data/contract/schemas/) in a reviewed release",
    ),
    IssueType(
        "file-missing",
        "Data file missing",
        "descriptor",
        "The file a resource points at does not exist.",
        "restore the file or correct the resource's path",
    ),
    IssueType(
        "file-too-large",
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
        "hash-count",
        "Hash mismatch",
        "descriptor",
        "The file's sha256 differs from the resource's `hash` in the descriptor.",
        "run `libya-israel-data refresh` after editing data, and commit the descriptor",
    ),
    IssueType(
        "byte-count",
        "Size mismatch",
        "descriptor",
        "The file's size differs from the resource's `bytes` in the descriptor.",
        "run `libya-israel-data refresh` after editing data, and commit the descriptor",
    ),
    IssueType(
        "encoding-declared",
        "Encoding not UTF-8",
        "descriptor",
        "A resource declares an encoding other than utf-8.",
        'set "encoding": "utf-8" and store the file as UTF-8',
    ),
    # structure
    IssueType(
        "encoding-error",
        "Not UTF-8",
        "structure",
        "The file is not valid UTF-8.",
        "re-save the file as UTF-8 (without BOM)",
    ),
    IssueType(
        "byte-order-mark",
        "Byte order mark",
        "structure",
        "The file starts with a UTF-8 byte order mark (BOM).",
        "re-save the file as UTF-8 without BOM",
    ),
    IssueType(
        "line-ending",
        "Not LF line endings",
        "structure",
        "The file contains carriage returns (CRLF or CR line endings).",
        "convert the file to LF line endings (git does it through .gitattributes)",
    ),
    IssueType(
        "unclosed-quote",
        "Unclosed quote",
        "structure",
        "A quoted cell is never closed, which would swallow the lines after it.",
        'close the quote; a quote inside a quoted cell is written twice ("")',
    ),
    IssueType(
        "csv-syntax",
        "CSV syntax error",
        "structure",
        "The line breaks RFC 4180 (e.g. text after a closing quote).",
        "quote the whole cell and double any quote inside it",
    ),
    IssueType(
        "blank-label",
        "Blank header label",
        "structure",
        "A header cell is empty.",
        "write the field name from the Table Schema",
    ),
    IssueType(
        "duplicate-label",
        "Duplicate header label",
        "structure",
        "A header names the same field twice.",
        "the header must list each field once",
    ),
    IssueType(
        "missing-label",
        "Missing header label",
        "structure",
        "A field of the Table Schema is missing from the header.",
        "the header must be the schema's field names, in schema order",
    ),
    IssueType(
        "extra-label",
        "Extra header label",
        "structure",
        "The header names a field the Table Schema does not have.",
        "remove the column or add the field to the schema",
    ),
    IssueType(
        "incorrect-label",
        "Header out of order",
        "structure",
        "The header has the schema's fields but in another order.",
        "reorder the columns as in the Table Schema",
    ),
    IssueType(
        "empty-file",
        "No rows",
        "structure",
        "A data file holds its header and no row, or nothing at all: every rule about the "
        "resource passes vacuously, and rows elsewhere that point at it fail.",
        "restore the rows, or check that the path names the right file",
        "warning",
    ),
    IssueType(
        "blank-row", "Blank row", "structure", "A row has no value at all.", "delete the empty line"
    ),
    IssueType(
        "missing-cell",
        "Missing cell",
        "structure",
        "A row has fewer cells than the header.",
        "add the missing commas; an empty cell is still separated by a comma",
    ),
    IssueType(
        "extra-cell",
        "Extra cell",
        "structure",
        "A row has more cells than the header.",
        "quote cells that contain commas, or remove the extra cells",
    ),
    IssueType(
        "record-too-long",
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
        "type-error",
        "Wrong type",
        "tables",
        "A cell does not hold a value of its field's type.",
        "write a value of the type the Table Schema declares",
        example="a field declared `integer` holding `12a`: "
        "`data/x.csv:2: count: '12a' is not an integer [type-error]`",
    ),
    IssueType(
        "constraint-error",
        "Constraint broken",
        "tables",
        "A cell breaks a constraint of its field (required, pattern, enum, maxLength).",
        "see the field in docs or schemas/ for the allowed values",
    ),
    IssueType(
        "primary-key",
        "Duplicate primary key",
        "tables",
        "Two rows share the same primary key.",
        "give each row its own id",
    ),
    IssueType(
        "unique-error",
        "Duplicate unique value",
        "tables",
        "Two rows share a value in a field that must be unique.",
        "make the values unique",
        example="a field with the constraint `unique` holding `x` in rows 1 and 4: "
        "`data/x.csv:5: code: 'x' appears more than once [unique-error]`",
    ),
    IssueType(
        "foreign-key",
        "Dangling reference",
        "tables",
        "A reference names a row that does not exist in the referenced resource.",
        "fix the id, or add the referenced row first",
    ),
    # dates
    IssueType(
        "invalid-date",
        "Not a calendar date",
        "dates",
        "A date has the right shape but is not a real calendar date (e.g. 2023-02-29), "
        "or an interval runs backwards.",
        "write a real date; a date known only to the month is YYYY-MM",
    ),
    # text
    IssueType(
        "not-nfc",
        "Not Unicode NFC",
        "text",
        "Text is not in Unicode Normalization Form C.",
        "normalise the cell to NFC (unicodedata.normalize('NFC', text))",
    ),
    IssueType(
        "control-character",
        "Control character",
        "text",
        "Text contains a control character (e.g. a newline, tab or NUL).",
        "remove it; a cell is one line of text",
    ),
    IssueType(
        "noncharacter",
        "Unicode noncharacter",
        "text",
        "Text contains a Unicode noncharacter (U+FDD0-U+FDEF, or U+FFFE and U+FFFF of any "
        "plane): code points reserved for a program's own use, never text. XML 1.0 forbids "
        "U+FFFE and U+FFFF, so the GraphML and GEXF exports could not carry them.",
        "remove it; it usually comes from a broken conversion",
    ),
    IssueType(
        "bidi-control",
        "Bidirectional control character",
        "text",
        "Text contains a bidi control character (U+202A-U+202E, U+2066-U+2069), which can "
        "disguise what a cell says.",
        "remove it; Arabic and Hebrew need no bidi controls",
    ),
    IssueType(
        "surrounding-whitespace",
        "Leading or trailing space",
        "text",
        "Text starts or ends with white space.",
        "trim the cell",
    ),
    IssueType(
        "formula-trigger",
        "Spreadsheet formula trigger",
        "text",
        "Text starts with =, +, - or @, which spreadsheets execute as a formula.",
        "reword the cell so that it starts with another character",
    ),
    IssueType(
        "invisible-character",
        "Invisible character",
        "text",
        "A cell contains a zero-width character or a left-to-right/right-to-left mark "
        "(U+200B-U+200F, U+2060, U+FEFF, U+061C): invisible, it makes equal names differ.",
        "delete the invisible character (retype the text around it)",
        "warning",
    ),
    IssueType(
        "presentation-form",
        "Arabic presentation form",
        "text",
        "A cell contains Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE), glyph codes "
        "that PDFs and old software produce instead of letters; search and sorting miss them.",
        "replace them by the plain Arabic letters (Unicode NFKC does it)",
        "warning",
    ),
    IssueType(
        "mojibake",
        "Garbled encoding (mojibake)",
        "text",
        "A cell looks like UTF-8 text that was decoded as Latin-1 or Windows-1252 and saved "
        "again (`Ã©` for `é`, `Ø§Ù„` for `ال`).",
        "copy the text again from its source, as UTF-8",
        "warning",
    ),
    IssueType(
        "mixed-script",
        "Letters of another script",
        "text",
        "A name holds letters of another script: Farsi yeh or keheh, or Latin letters, in "
        "`name_ar`; Latin or Arabic letters in `name_he`; Greek or Cyrillic letters in a Latin "
        "`name` (look-alikes such as Cyrillic `а` for Latin `a`).",
        "retype the name in its own script (Arabic ي and ك, not Farsi ی and ک)",
        "warning",
    ),
    IssueType(
        "tatweel",
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
        "claim-subject-missing",
        "Claim without subject",
        "provenance",
        "A claim has none of meeting_id, person_id, organization_id.",
        "say what the claim is about",
    ),
    IssueType(
        "claimant-missing",
        "Claim without claimant",
        "provenance",
        "A claim has none of claimant_person_id, claimant_organization_id, claimant_description.",
        "say who makes the claim",
    ),
    IssueType(
        "citation-missing",
        "Claim without citation",
        "provenance",
        "Rule 1: every claim has at least one citation.",
        "add a row to citations.csv naming the source that reports it",
    ),
    IssueType(
        "occurred-claim-missing",
        "Meeting without occurred claim",
        "provenance",
        "Rule 2: every meeting has at least one claim of type 'occurred'.",
        "add the claim that says the meeting took place, with its citation",
    ),
    IssueType(
        "acknowledgement-missing",
        "Acknowledged meeting without acknowledgement",
        "provenance",
        "Rule 2: a meeting marked 'acknowledged' needs an 'occurred' claim made by one of its "
        "participants or by a government body (kind government, ministry or presidency) of a "
        "participant's country (its side, else its own country); when no participant has a "
        "country, by any government body.",
        "add that claim, or set the status to 'reported' or 'alleged'",
    ),
    IssueType(
        "participant-claim-mismatch",
        "Participant claim about another meeting",
        "provenance",
        "Rule 3: a participant's claim_id, of a person or of an organization, must be a claim "
        "about the same meeting.",
        "point claim_id at the claim that puts the person or organization at this meeting",
    ),
    IssueType(
        "upstream-not-relayed",
        "URL-less source not relayed",
        "provenance",
        "Rule 4: a source with no url must be relayed by at least one other source.",
        "add the page that relays it, or the url",
    ),
    IssueType(
        "relays-cycle",
        "Relay cycle",
        "provenance",
        "A chain of relays leads back to where it started, so origins cannot be counted.",
        "a source relays an earlier document; break the cycle",
    ),
    IssueType(
        "dispute-self",
        "Claim disputes itself",
        "provenance",
        "Rule 5: disputes never points at the claim itself.",
        "point at the other claim",
    ),
    IssueType(
        "dispute-subject-mismatch",
        "Dispute about another subject",
        "provenance",
        "Rule 5: a disputed claim is about the same subject (meeting, person or "
        "organization) as the claim that disputes it.",
        "give both claims the same subject, or remove disputes",
    ),
    IssueType(
        "stated-after-published",
        "Claim stated after its sources",
        "provenance",
        "Rule 6: a claim cannot be stated after every source reporting it was published.",
        "correct stated or the sources' published dates",
    ),
    IssueType(
        "published-after-created",
        "Source from the future",
        "provenance",
        "Rule 6: a source is not published after the package's created date.",
        "correct published, or the descriptor's created date",
    ),
    IssueType(
        "end-before-start",
        "Meeting ends before it starts",
        "provenance",
        "Rule 6: a meeting's end_date is not before its date.",
        "swap or correct the dates",
    ),
    IssueType(
        "duplicate-url",
        "Two sources share a URL",
        "provenance",
        "Rule 7: no two sources share a URL (compared without scheme/host case, trailing "
        "slash, default port, fragment and tracking parameters).",
        "merge the two sources into one row",
    ),
    IssueType(
        "source-orphaned",
        "Source not used",
        "provenance",
        "Rule 8: a source that no claim or alias cites and no cited source relays.",
        "cite it from a claim, or remove it",
        "warning",
    ),
    IssueType(
        "person-orphaned",
        "Person not used",
        "provenance",
        "Rule 8: a person who appears in no claim and no participant row.",
        "add the claim that concerns them, or remove them",
        "warning",
    ),
    IssueType(
        "contact-one-sided",
        "Contact without both sides",
        "provenance",
        "Rule 9: a meeting whose contact is not related_event has at least one participant "
        "(person or organization) with side LY and at least one with side IL.",
        "add the participant (a person, or the organization they belong to) of the missing side "
        "with the claim that puts them there, or set contact to related_event and say why in "
        "relevance",
    ),
    IssueType(
        "intermediary-missing",
        "Intermediary not named",
        "provenance",
        "Rule 10: a meeting whose contact is via_intermediary has at least one participant "
        "(person or organization) with role intermediary.",
        "add the third party as a participant with role intermediary, or choose another contact",
    ),
    IssueType(
        "related-event-unexplained",
        "Related event without relevance",
        "provenance",
        "Rule 11: a meeting whose contact is related_event says in relevance why it is in the "
        "data.",
        "write in relevance, in our words, how the event bears on a Libya-Israel contact",
    ),
    # rules
    IssueType(
        "rule-not-run",
        "Rule could not run",
        "rules",
        "A rule of the data contract needs a resource or column that the package lacks or that "
        "could not be read, so the rule was not checked; the package cannot be called valid.",
        "restore the resource or column named in the message (see the other issues for why it "
        "is missing)",
    ),
]

CATALOGUE: dict[str, IssueType] = {t.code: t for t in _TYPES}
assert set(CATALOGUE) == set(Code), "every code is catalogued once"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem found in a package.

    ``row`` is the 1-based record number (header excluded); ``line`` is the physical line in the
    file, which differs from ``row + 1`` after a cell that holds a line break.
    """

    code: str
    severity: Severity
    resource: str | None
    file: str | None
    row: int | None
    line: int | None
    field: str | None
    message: str
    hint: str = ""
    value: str | None = None  # the offending cell or setting, when there is one

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_text(self) -> str:
        where = self.file or "datapackage.json"
        if self.line is not None:
            where += f":{self.line}"
        field_part = f" {self.field}:" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}:{field_part} {self.message} [{self.code}]{hint}"


def make_issue(
    code: str,
    message: str,
    *,
    resource: str | None = None,
    file: str | None = None,
    row: int | None = None,
    line: int | None = None,
    field: str | None = None,
    value: str | None = None,
) -> Issue:
    """An :class:`Issue` of a catalogued type, with the type's severity and hint."""
    t = CATALOGUE[Code(code)]
    return Issue(
        str(t.code),
        t.severity,
        resource,
        file,
        row,
        line,
        field,
        excerpt(message, MESSAGE_CHARS),
        t.hint,
        None if value is None else excerpt(value),
    )


@dataclass
class Report:
    """The outcome of :func:`libya_israel_data.validate`: every issue found, in file order."""

    issues: list[Issue] = field(default_factory=list)
    #: Issues left out past :data:`CAP` per code and resource: (code, resource) -> count.
    omitted: dict[tuple[str, str | None], int] = field(default_factory=dict)

    @classmethod
    def capped(
        cls,
        issues: list[Issue],
        cap: int = CAP,
        counted: dict[tuple[str, str | None], int] | None = None,
    ) -> Report:
        """A report keeping the first ``cap`` issues of each code and resource, counting the
        rest, so that a file with a million bad rows gives a readable, bounded report.
        ``counted`` are issues the rules counted without making them (past the first ``cap``
        of a check, which are among ``issues``)."""
        kept: list[Issue] = []
        seen: dict[tuple[str, str | None], int] = {}
        omitted: dict[tuple[str, str | None], int] = {}
        for issue in issues:
            key = (issue.code, issue.resource)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= cap:
                kept.append(issue)
            else:
                omitted[key] = omitted.get(key, 0) + 1
        for key, n in (counted or {}).items():
            if n:
                omitted[key] = omitted.get(key, 0) + n
        return cls(kept, omitted)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"valid": self.valid, "issues": [i.to_dict() for i in self.issues]}
        if self.omitted:
            out["omitted"] = [
                {"code": code, "resource": resource, "count": n}
                for (code, resource), n in self.omitted.items()
            ]
        return out

    def to_lines(self) -> list[str]:
        """The report as text: one line per issue, a line per capped group, the summary."""
        lines = [i.to_text() for i in self.issues]
        lines += [
            f"... and {n} more [{code}]" + (f" in {resource}" if resource else "")
            for (code, resource), n in self.omitted.items()
        ]
        return [*lines, self.summary()]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def summary(self) -> str:
        more_e = sum(n for (c, _r), n in self.omitted.items() if CATALOGUE[c].severity == "error")
        e = len(self.errors) + more_e
        w = len(self.warnings) + sum(self.omitted.values()) - more_e
        verdict = "valid" if self.valid else "invalid"
        return f"{verdict}: {e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"
