"""Hostile files cost bounded memory and give bounded reports (docs/limits.md): a valid header
followed by 64 MiB of NUL bytes, or by one quoted cell of 256 MiB, is validated at no more than
1 GiB peak memory, with a report under 1 MB, and every value and message in an issue is a short
excerpt that gives the length."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import libya_israel_data as lid
from libya_israel_data.foundations.issues import (
    MESSAGE_CHARS,
    VALUE_CHARS,
    Code,
    excerpt,
    make_issue,
    shown,
)

from .conftest import build_case

MiB = 1 << 20

#: Validates the package given, prints the report's size in bytes and the peak memory.
MEASURE = """
import resource, sys
from libya_israel_data import validate
report = validate(sys.argv[1]).to_json()
sys.stdout.write(report)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def test_an_issue_keeps_an_excerpt_of_a_long_value_and_message() -> None:
    cell = "\0" * 5_000_000
    issue = make_issue(Code.CONTROL_CHARACTER, f"claim {cell!r}", value=cell)
    assert len(issue.value) < VALUE_CHARS + 50
    assert issue.value.endswith("[5,000,000 characters in all]")
    assert len(issue.message) < MESSAGE_CHARS + 50
    assert excerpt("short") == "short"
    assert shown("c-0001") == "'c-0001'"
    assert shown("x" * 1000).endswith("... (1,000 characters)")


def _fill(claims: Path, shape: str, mib: int) -> None:
    """The valid header, then ``mib`` MiB of one shape."""
    header = claims.read_bytes().split(b"\n", 1)[0] + b"\n"
    with claims.open("wb") as f:
        f.write(header)
        if shape == "quoted":  # one quoted cell on one line
            f.write(b'"')
            for _ in range(mib):
                f.write(b"a" * MiB)
            f.write(b'"\n')
        elif shape == "lines":  # one quoted cell of short lines
            f.write(b'"')
            for _ in range(mib):
                f.write((b"a" * 63 + b"\n") * (MiB // 64))
            f.write(b'"\n')
        else:  # one byte, repeated
            for _ in range(mib):
                f.write(shape.encode() * MiB)


@pytest.mark.parametrize(
    ("shape", "mib"),
    [("\0", 64), ("a", 64), (",", 64), ('"', 64), ("lines", 64), ("quoted", 256)],
    ids=["nul", "letter", "comma", "quote", "cell-of-short-lines", "quoted-cell-256-mib"],
)
def test_a_header_and_a_huge_record_cost_bounded_memory_and_report(
    shape: str, mib: int, tmp_path: Path
) -> None:
    """The case that gave a 1.95 GB report at 9.9 GB peak memory (NUL bytes); one long cell of
    letters; a row of 67 million cells (commas: 22 GB, killed); one quoted cell of 33 million
    quotes (4.4 GB); a quoted cell of a million short lines and one of 256 MiB (12 times the
    file before the record-length scan). Each is refused before it is read whole, with one
    ``record-too-long`` issue. Measured in a fresh process: ``ru_maxrss`` is its peak resident
    memory."""
    descriptor = build_case(tmp_path / "pkg")
    _fill(descriptor.parent / "data" / "claims.csv", shape, mib)
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(descriptor)],
        capture_output=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    peak_kib = int(proc.stderr.split()[-1])
    assert peak_kib <= 1 << 20, f"peak memory {peak_kib / 1024:.0f} MiB"
    assert len(proc.stdout) < 1_000_000
    report = json.loads(proc.stdout)
    assert not report["valid"]
    for issue in report["issues"]:
        assert len(issue["message"]) <= MESSAGE_CHARS + 50
        assert issue["value"] is None or len(issue["value"]) <= VALUE_CHARS + 50
    claims = [(i["code"], i["line"]) for i in report["issues"] if i["resource"] == "claims"]
    assert claims == [("record-too-long", 2), ("rule-not-run", None)]
    (issue,) = [i for i in report["issues"] if i["code"] == "record-too-long"]
    length = mib * MiB + (2 if shape in ("quoted", "lines") else 0)
    assert f"is {length:,} bytes long" in issue["message"]


def test_a_report_caps_issues_per_code_and_counts_the_rest(tmp_path: Path) -> None:
    """Thousands of bad rows: the report keeps 100 per code and resource and counts the rest
    (the rules make those 100 and count the others)."""
    descriptor = build_case(tmp_path / "pkg")
    people = descriptor.parent / "data" / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    rows = "".join(f"p-{i},Name {i}\u0640,,,XX,\n" for i in range(5_000))
    people.write_text(lines[0] + "\n" + rows, encoding="utf-8")
    report = lid.validate(descriptor)
    tatweel = [i for i in report.issues if i.code == "tatweel"]
    assert len(tatweel) == 100
    assert report.omitted[("tatweel", "people")] == 4_900
    assert len(report.to_json()) < 1_000_000
