"""The shortcuts that make validation fast on large packages give the same answers as the
straightforward code they replace."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from libya_israel_data.contract import Field, Resource
from libya_israel_data.dataset import derive
from libya_israel_data.foundations import dates
from libya_israel_data.validation import tables, text
from libya_israel_data.validation.rules import Context
from libya_israel_data.validation.structure import LINE, ROW, Table

one = st.builds(
    lambda y, m, d, q, prec: (
        f"{y:04d}" + (f"-{m:02d}" if prec > 0 else "") + (f"-{d:02d}" if prec > 1 else "") + q
    ),
    st.integers(0, 2100),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["", "~", "?", "%"]),
    st.integers(0, 2),
)
values = st.one_of(
    one,
    st.builds(lambda a, b: f"{a}/{b}", one, one),
    st.text(alphabet="0123456789-/~?% ", max_size=12),
)


@given(st.lists(values, min_size=1, max_size=30))
def test_vectorized_bounds_equal_the_reference_parser(items: list[str]) -> None:
    df = pl.DataFrame({"d": items}, schema={"d": pl.String})
    out = df.with_columns(*dates.bounds_exprs("d"))
    for value, earliest, latest in out.iter_rows():
        assert (earliest, latest) == dates.bounds(value), value
    # the derived tables compute each distinct date once and join the bounds back
    joined = derive.with_date_bounds(df.with_columns(pl.col("d").replace("", None)), ["d"])
    assert joined.height == df.height
    for value, (_, earliest, latest) in zip(items, joined.iter_rows(), strict=True):
        assert (earliest, latest) == (dates.bounds(value) if value else (None, None)), value


def _table(name: str, rows: dict[str, list[str]]) -> Table:
    fields = tuple(Field(c) for c in rows)
    n = len(next(iter(rows.values())))
    df = pl.DataFrame(rows).with_columns(
        pl.int_range(1, n + 1, dtype=pl.Int64).alias(ROW),
        pl.int_range(2, n + 2, dtype=pl.Int64).alias(LINE),
    )
    return Table(Resource(name, f"data/{name}.csv", "", fields, primary_key=("id",)), "x", df)


def test_nfc_screen_of_large_tables_finds_what_normalising_finds() -> None:
    n = text.NFC_CLASS_MIN_ROWS + 10
    cells = ["Najla Mangoush", "نجلاء المنقوش", "נג׳לא", "Lévy"] * (n // 4 + 1)
    cells = cells[:n]
    for i, bad in ((7, "Le\u0301vy"), (n - 1, "\u212b"), (500, "المَنقوش")):
        cells[i] = bad
    big = _table("big", {"id": [f"x{i:06d}" for i in range(n)], "t": cells})
    small = Table(big.resource, big.file, big.df.head(1000))
    found_big = {(i.row, i.code) for i in text.check(Context({"big": big}))}
    assert found_big == {(8, "not-nfc"), (n, "not-nfc")}  # the harakat are NFC already
    assert {(i.row, i.code) for i in text.check(Context({"small": small}))} == {(8, "not-nfc")}


def test_unsorted_but_unique_keys_pass_and_duplicates_are_found_unsorted() -> None:
    ok = _table("t", {"id": ["b", "a", "c"]})
    assert tables._primary_key(ok) == []
    bad = _table("t", {"id": ["b", "a", "b", "a"]})
    assert [(i.row, i.code) for i in tables._primary_key(bad)] == [
        (3, "primary-key"),
        (4, "primary-key"),
    ]
