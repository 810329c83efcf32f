"""Layer 4, text: NFC, no control or bidi control characters, no surrounding white space, no
spreadsheet formula triggers at the start of a cell. One vectorized pass per rule and column."""

from __future__ import annotations

import polars as pl

from ..issues import Issue, make_issue
from .structure import Table
from .tables import failing, present

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
        for name in table.columns:
            for code, rule, message in RULES:
                mask = present(name) & rule(pl.col(name))
                for row, line, value in failing(table, mask, name):
                    issues.append(
                        make_issue(
                            code,
                            f"the cell {message(value)}",
                            resource=table.resource.name,
                            file=table.file,
                            row=row,
                            line=line,
                            field=name,
                        )
                    )
    return issues
