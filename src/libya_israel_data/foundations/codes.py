"""Every issue code: the one place a code is written.

Codes are stable public API (kebab-case). Where frictionless has a code for the same problem we
use it (``type-error``, ``constraint-error``, ``primary-key``, ``foreign-key``, ``hash-count`` ...),
so that reports can be compared with ``frictionless validate``. Code elsewhere names an issue as a
member (``Code.FOREIGN_KEY``), never as a string (``tests/test_architecture.py`` checks it).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Code"]


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
