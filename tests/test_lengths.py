"""The record-length scan (validation/lengths.py): exact lengths and line numbers across block
boundaries, quotes and line endings, and a limit that no valid record of the contract reaches."""

from __future__ import annotations

import json
import re._parser as sre_parse  # the regex parser's width of a pattern (stdlib, no public API)
from pathlib import Path

import pytest

from libya_israel_data.validation import lengths
from libya_israel_data.validation.lengths import MAX_RECORD_BYTES, TooLong, too_long

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "src" / "libya_israel_data" / "contract" / "schemas"

CASES = [
    (b"a,b\n0123456789\n", None),
    (b"a,b\n01234567890\n", TooLong(2, 11)),
    (b"a,b\n01234,567890", TooLong(2, 12)),  # no final line break
    (b'a,b\n"01\n45\n89"\n', None),  # 10 bytes over three lines
    (b'a,b\n"01\n45\n890"\n', TooLong(2, 11)),
    (b'"ab\n""\n"\n' * 3 + b'"' + b'""\n' * 5 + b'"\n', TooLong(10, 17)),  # doubled quotes
    (b'a,b\r\n0123,\r\n5678\r\n"12345678901"', TooLong(4, 14)),  # CRLF counts once
    (b'a\r1\r2\r\r\r"0123456789"', TooLong(6, 12)),  # a lone CR ends a line
    (b"", None),
]


@pytest.mark.parametrize("step", [1, 3, 7, 1 << 22])
@pytest.mark.parametrize(("data", "expected"), CASES)
def test_the_first_record_over_the_limit_is_found_whatever_the_blocks(
    data: bytes, expected: TooLong | None, step: int, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(lengths, "STEP", step)
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    assert too_long(path, limit=10) == expected


def _widest(field: dict) -> int:
    """Characters of the longest value a field allows (maxLength, an enum, or the pattern)."""
    constraints = field.get("constraints", {})
    if "maxLength" in constraints:
        return constraints["maxLength"]
    if "enum" in constraints:
        return max(len(v) for v in constraints["enum"])
    pattern = constraints.get("pattern")
    assert pattern, f"{field['name']} has no bound on its length"
    widest = sre_parse.parse(pattern).getwidth()[1]
    assert widest < sre_parse.MAXREPEAT, f"{field['name']}: {pattern} is unbounded"
    return widest


def test_no_valid_record_comes_near_the_limit() -> None:
    """Every field is bounded; a record of every field at its longest, 4 bytes a character and
    quoted, stays under a twentieth of the limit: the scan can refuse only a broken file."""
    longest = 0
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        fields = json.loads(path.read_text(encoding="utf-8"))["fields"]
        record = sum(4 * _widest(f) + 2 + 1 for f in fields)
        longest = max(longest, record)
    assert 20 * longest <= MAX_RECORD_BYTES, longest
