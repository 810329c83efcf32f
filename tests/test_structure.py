"""The structure layer reads every cell as text, exactly, and knows each record's physical line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libya_israel_data.contract import Field, Package, Resource
from libya_israel_data.validation import structure
from libya_israel_data.validation.structure import quotes_well_formed, read_table

RESOURCE = Resource("notes", "notes.csv", "", (Field("a"), Field("b"), Field("c")))


def _read(tmp: Path, data: bytes):
    (tmp / "notes.csv").write_bytes(data)
    return read_table(Package(tmp, tmp / "datapackage.json", {}), RESOURCE)


def test_values_that_pandas_would_mangle_stay_text(tmp_path: Path, reading_path: str) -> None:
    table = _read(tmp_path, b"a,b,c\nNA,None,007\nnull,,0\n")
    assert table.df.select("a", "b", "c").rows() == [("NA", "None", "007"), ("null", "", "0")]
    assert table.issues == []


cells = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
) | st.sampled_from(["نجلاء المنقوش", "נג׳לא אלמנקוש", 'say "hi", then', "a\nb", "e\u0301", ""])


@pytest.fixture(params=["exact", "parallel"])
def reading_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test through both reading paths: the exact one and the parallel one for large
    files (forced on small ones by lowering the size threshold)."""
    if request.param == "parallel":
        monkeypatch.setattr(structure, "SMALL", 0)
    return request.param


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=8))
def test_any_text_round_trips_with_its_line_numbers(
    tmp_path: Path, reading_path: str, rows
) -> None:
    rows = [r for r in rows if any(c.replace("\r", "") for c in r)]  # blank rows are reported
    rows = [tuple(c.replace("\r", "") for c in r) for r in rows]  # CR is a line-ending issue
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["a", "b", "c"])
    writer.writerows(rows)
    table = _read(tmp_path, buf.getvalue().encode("utf-8"))
    assert [i.code for i in table.issues] == ([] if rows else ["empty-file"])
    assert table.df.select("a", "b", "c").rows() == rows
    expected_lines, line = [], 2
    for r in rows:
        expected_lines.append(line)
        line += 1 + sum(c.count("\n") for c in r)
    assert table.df.get_column("_line").to_list() == expected_lines
    assert table.df.get_column("_row").to_list() == list(range(1, len(rows) + 1))


def test_quote_rules() -> None:
    assert quotes_well_formed(b'a,"b,""c""",d\n"x\ny",""\n')
    assert not quotes_well_formed(b'a,b"c,d\n')
    assert not quotes_well_formed(b'a,"b"c,d\n')
    assert not quotes_well_formed(b'a,"b\n')


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"a,b,c\n1,2\n4,5,6\n", "missing-cell"),
        (b"a,b,c\n1,2,3,4\n4,5,6\n", "extra-cell"),
        (b"a,b,c\n1,2,3\n\n4,5,6\n", "blank-row"),
        (b'a,b,c\n1,"2"x,3\n4,5,6\n', "csv-syntax"),
        (b'a,b,c\n1,2"x",3\n4,5,6\n', "csv-syntax"),
        (b'a,b,c\n1,"2,3\n4,5,6\n', "unclosed-quote"),
        (b"a,b,c\n1,\xff,3\n", "encoding-error"),
        (b"a,b,c\r\n1,2,3\r\n", "line-ending"),
    ],
)
def test_both_paths_report_malformed_files(
    tmp_path: Path, reading_path: str, data: bytes, code: str
) -> None:
    table = _read(tmp_path, data)
    assert code in {i.code for i in table.issues}


@given(st.binary(max_size=40).map(lambda b: bytes(b'"",\na'[x % 5] for x in b)))
def test_quotes_are_checked_alike_across_chunk_boundaries(data: bytes) -> None:
    """quotes_well_formed compares the file a chunk at a time: any chunk size, one answer."""
    from libya_israel_data.validation import structure

    whole = quotes_well_formed(data)
    saved = structure.QUOTE_STEP
    try:
        for step in (1, 2, 3, 5):
            structure.QUOTE_STEP = step
            assert quotes_well_formed(data) == whole
    finally:
        structure.QUOTE_STEP = saved
