"""Layer 4, text: NFC, no control or bidi control characters, no surrounding white space, no
spreadsheet formula triggers at the start of a cell. One vectorized pass per rule and column."""

from __future__ import annotations

import polars as pl

from ..issues import Issue
from .structure import Table
from .tables import Check, evaluate, present

BIDI = "[\u202a-\u202e\u2066-\u2069]"
CONTROL = "[\x00-\x1f\x7f-\x9f]"  # Unicode category Cc: C0, DEL and C1


def _codepoints(value: str, pattern: str) -> str:
    import re

    found = sorted({f"U+{ord(ch):04X}" for ch in re.findall(pattern, value)})
    return ", ".join(found)


RULES = [
    (
        "bidi-control",
        lambda c: c.str.contains(BIDI),
        lambda v: f"contains bidi control character(s) {_codepoints(v, BIDI)}",
    ),
    (
        "control-character",
        lambda c: c.str.contains(CONTROL),
        lambda v: f"contains control character(s) {_codepoints(v, CONTROL)}",
    ),
    ("not-nfc", lambda c: c.str.normalize("NFC") != c, lambda v: "is not in Unicode NFC"),
    (
        "surrounding-whitespace",
        lambda c: c.str.contains(r"^\s|\s$"),
        lambda v: "starts or ends with white space",
    ),
    (
        "formula-trigger",
        lambda c: c.str.contains(r"^[=+\-@]"),
        lambda v: f"starts with {v[0]!r}, a spreadsheet formula trigger",
    ),
]


def check(tables: dict[str, Table]) -> list[Issue]:
    issues: list[Issue] = []
    for table in tables.values():
        checks = [
            Check(
                name,
                present(name) & rule(pl.col(name)),
                code,
                lambda v, m=message: f"the cell {m(v)}",
            )
            for name in table.columns
            for code, rule, message in RULES
        ]
        issues += evaluate(table, checks)
    return issues
