"""frictionless is the reference: on every corpus case, ``frictionless validate`` still gives the
verdict recorded in the case's ``case.json`` (key ``"frictionless"``); where it finds problems, our
validator finds at least the same (same resource and record); where it passes the case, ours
reports exactly the case's expected issues. The shipped package passes both.

In the corpus, frictionless passes cases in which we report these codes:
``acknowledgement-missing``, ``bidi-control``, ``byte-order-mark``, ``citation-missing``,
``claim-subject-missing``, ``claimant-missing``, ``constraint-error``, ``contact-one-sided``,
``control-character``, ``csv-syntax``, ``dispute-self``, ``dispute-subject-mismatch``,
``duplicate-url``, ``encoding-declared``, ``end-before-start``, ``foreign-key``,
``formula-trigger``, ``intermediary-missing``, ``invalid-date``, ``invisible-character``,
``line-ending``, ``metadata-error``, ``missing-label``, ``mixed-script``, ``mojibake``,
``noncharacter``, ``not-nfc``, ``occurred-claim-missing``, ``package-error``,
``participant-claim-mismatch``, ``person-orphaned``, ``presentation-form``,
``published-after-created``, ``related-event-unexplained``, ``relays-cycle``,
``resource-missing``, ``rule-not-run``, ``schema-mismatch``, ``source-orphaned``,
``stated-after-published``, ``surrounding-whitespace``, ``tatweel``, ``unclosed-quote`` and
``upstream-not-relayed``
(``foreign-key`` only because frictionless reads a malformed CSV row
differently and so sees a different key; ``constraint-error`` and ``missing-label`` because
frictionless checks the data against the package's own, edited schema, and we against the
contract).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from frictionless import validate as frictionless_validate

import libya_israel_data as lid
from libya_israel_data.foundations.paths import shipped_descriptor

from .conftest import BAD_INPUTS, build_case

CASES = sorted(p for p in BAD_INPUTS.iterdir() if (p / "case.json").is_file())

# Cases that both validators must pass with no issue at all (they guard against false positives);
# every other case that frictionless passes must make ours report at least one issue.
CLEAN = {"provenance-source-cited-by-alias-only"}


def _spec(case: Path) -> dict:
    return json.loads((case / "case.json").read_text(encoding="utf-8"))


def _keys(issues: list[dict]) -> Counter:
    return Counter((i["code"], i["resource"], i["row"], i["line"], i["field"]) for i in issues)


def test_shipped_package_is_valid_for_both() -> None:
    report = lid.validate()
    assert report.issues == [], "\n".join(i.to_text() for i in report.issues)
    assert frictionless_validate(str(shipped_descriptor())).valid


def test_frictionless_cli_accepts_the_repository_descriptor() -> None:
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json", "--json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert json.loads(out.stdout)["valid"] is True


def test_every_case_records_the_frictionless_verdict() -> None:
    for case in CASES:
        spec = _spec(case)
        assert spec.get("frictionless") in ("valid", "invalid", "crashes"), case.name
        assert next(iter(spec)) == "frictionless", case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_finds_everything_frictionless_finds(case: Path, tmp_path: Path) -> None:
    spec = _spec(case)
    path = build_case(tmp_path / "pkg", case)
    ours = lid.validate(path)
    if spec["frictionless"] == "crashes":
        # frictionless raises instead of reporting (e.g. on a pattern that is no regular
        # expression); ours reports exactly the case's issues.
        with pytest.raises(Exception):  # noqa: B017 - whatever frictionless raises
            frictionless_validate(str(path))
        assert _keys([i.to_dict() for i in ours.issues]) == _keys(spec["expected"])
        return
    theirs = frictionless_validate(str(path))
    # A change in frictionless, or in the case, shows here first.
    assert ("valid" if theirs.valid else "invalid") == spec["frictionless"], [
        (e.type, e.message) for e in theirs.flatten(["type", "message"])
    ][:5]
    if theirs.valid:
        # What frictionless misses: ours reports exactly the issues the case expects.
        found = _keys([i.to_dict() for i in ours.issues])
        assert found == _keys(spec["expected"]), "\n".join(i.to_text() for i in ours.issues)
        assert ours.valid is (spec["exit_code"] == 0)
        if case.name in CLEAN:
            assert ours.issues == []
        else:
            assert ours.issues, "frictionless and ours both pass this case: it tests nothing"
        return
    assert not ours.valid
    found_rows = {(i.resource, i.row) for i in ours.errors}
    # A header out of order: frictionless reads the columns by position, we read them by name.
    # Both flag the header; the cell errors frictionless derives from the shift are not ours.
    by_position = {i.resource for i in ours.errors if i.code.endswith("-label")}
    # A file with a record too long to be valid is refused whole, before its rows are read.
    refused = {i.resource for i in ours.errors if i.code == "record-too-long"}
    for task in theirs.tasks:
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            if row_number is None or task.name in by_position | refused:
                continue  # file-level: covered by ours being invalid
            # frictionless numbers rows from the header (2 = first record); we number records.
            assert (task.name, row_number - 1) in found_rows, (error.type, error.message)


def test_clean_cases_are_exactly_those_expecting_no_issue() -> None:
    assert {c.name for c in CASES if not _spec(c)["expected"]} == CLEAN


def test_we_catch_codes_that_frictionless_misses() -> None:
    missed = {
        issue["code"]
        for case in CASES
        if _spec(case)["frictionless"] == "valid"
        for issue in _spec(case)["expected"]
    }
    assert missed, "no corpus case shows a problem that frictionless misses"
    listed = set(re.findall(r"``([a-z-]+)``", __doc__.split("In the corpus", 1)[1]))
    assert missed == listed
