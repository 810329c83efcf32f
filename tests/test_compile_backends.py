"""The contract's compiler, one backend at a time: one small field per constraint kind, compiled
by each backend, and the exact result (the cells each rendering accepts and rejects, the SQL
text, the messages).

These are unit tests of ``contract/compile.py``; the API and export tests exercise the same
renderings through whole packages, too slowly to run under the mutation tool.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
import polars as pl
import pytest
from pydantic import TypeAdapter, ValidationError

from libya_israel_data.contract.compile import (
    BOOLEANS,
    INTEGER,
    KINDS,
    PANDERA,
    Constraint,
    _boolean,
    _edtf,
    _integer,
    _show,
    constraints,
    pandera_column,
    polars_checks,
    present,
    pydantic_annotation,
    sql_column,
    sql_type,
    typed,
)
from libya_israel_data.contract.table_schema import Field
from libya_israel_data.foundations.dates import DateError

#: One field per constraint kind (and one per non-string type).
FIELDS = {
    "required": Field("f", required=True),
    "integer": Field("f", type="integer"),
    "boolean": Field("f", type="boolean"),
    "enum": Field("f", enum=("a", "b-c")),
    "pattern": Field("f", pattern="[a-z]|[0-9]{2}"),
    "max_length": Field("f", max_length=3),
    "min_length": Field("f", min_length=2),
    "unique": Field("f", unique=True),
    "edtf": Field("f", edtf=True),
}

#: Cells every rendering is tried on: empty, lengths 1 to 4, signs, booleans, a date, a repeat.
CELLS = ["", "a", "ab", "abc", "abcd", "12", "+7", "-0", "1.5", "true", "false", "True", "2024-02"]


# --- constraints ---------------------------------------------------------------------------------
def test_the_kinds_and_their_order() -> None:
    assert KINDS == (
        "required",
        "type",
        "enum",
        "pattern",
        "max_length",
        "min_length",
        "unique",
        "edtf",
    )
    assert Constraint("required") == Constraint("required", True)
    assert INTEGER == "[+-]?[0-9]+"
    assert BOOLEANS == ("true", "false")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("required", [Constraint("required", True)]),
        ("integer", [Constraint("type", "integer")]),
        ("boolean", [Constraint("type", "boolean")]),
        ("enum", [Constraint("enum", ("a", "b-c"))]),
        ("pattern", [Constraint("pattern", "[a-z]|[0-9]{2}")]),
        ("max_length", [Constraint("max_length", 3)]),
        ("min_length", [Constraint("min_length", 2)]),
        ("unique", [Constraint("unique", True)]),
        ("edtf", [Constraint("edtf", True)]),
    ],
)
def test_one_constraint_per_declared_kind(name: str, expected: list[Constraint]) -> None:
    assert constraints(FIELDS[name]) == expected


def test_a_plain_string_field_has_no_constraint_and_all_come_in_kind_order() -> None:
    assert constraints(Field("f")) == []
    every = Field(
        "f",
        type="integer",
        required=True,
        pattern="1",
        enum=("1",),
        max_length=0,
        min_length=0,
        unique=True,
        edtf=True,
    )
    # a zero length is a constraint all the same
    assert [(c.kind, c.value) for c in constraints(every)] == [
        ("required", True),
        ("type", "integer"),
        ("enum", ("1",)),
        ("pattern", "1"),
        ("max_length", 0),
        ("min_length", 0),
        ("unique", True),
        ("edtf", True),
    ]


def test_show_cuts_values_longer_than_its_limit() -> None:
    assert _show("x" * 60) == repr("x" * 60)
    assert _show("x" * 61) == repr("x" * 60 + "…")
    assert _show("abc", limit=2) == "'ab…'"
    assert _show("ab", limit=2) == "'ab'"


# --- polars: the validator's checks ---------------------------------------------------------------
def flagged(field: Field, cells: list[str | None]) -> list[tuple[str, str, str | None, str]]:
    """(check code, cell, field, message) for each cell a check of ``field`` flags."""
    df = pl.DataFrame({"f": cells}, schema={"f": pl.String})
    out = []
    for check in polars_checks(field):
        for value in df.filter(check.mask).get_column("f").to_list():
            out.append((check.code, value, check.field, check.message(value)))
    return out


def test_present_is_neither_missing_nor_empty() -> None:
    df = pl.DataFrame({"f": ["", None, " ", "x"]}, schema={"f": pl.String})
    assert df.select(present("f")).get_column("f").to_list() == [False, False, True, True]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("required", [("constraint-error", "", "a value is required (constraint 'required')")]),
        (
            "integer",
            [
                ("type-error", v, f"'{v}' is not an integer")
                for v in ["a", "ab", "abc", "abcd", "1.5", "true", "false", "True", "2024-02"]
            ],
        ),
        (
            "boolean",
            [
                ("type-error", v, f"'{v}' is not a boolean (true or false)")
                for v in ["a", "ab", "abc", "abcd", "12", "+7", "-0", "1.5", "True", "2024-02"]
            ],
        ),
        (
            "enum",
            [
                ("constraint-error", v, f"'{v}' is not one of: a, b-c (constraint 'enum')")
                for v in CELLS[2:]
            ],
        ),
        (
            "pattern",
            [
                (
                    "constraint-error",
                    v,
                    f"'{v}' does not match the pattern [a-z]|[0-9]{{2}} (constraint 'pattern')",
                )
                for v in CELLS[2:]
                if v != "12"
            ],
        ),
        (
            "max_length",
            [
                (
                    "constraint-error",
                    v,
                    f"{len(v)} characters, more than 3 (constraint 'maxLength')",
                )
                for v in ["abcd", "true", "false", "True", "2024-02"]
            ],
        ),
        (
            "min_length",
            [("constraint-error", "a", "1 characters, fewer than 2 (constraint 'minLength')")],
        ),
        ("unique", []),
        ("edtf", []),  # none of CELLS is a date that does not exist (see the next test)
    ],
)
def test_each_polars_check_flags_exactly_the_bad_cells(
    name: str, expected: list[tuple[str, str, str]]
) -> None:
    got = flagged(FIELDS[name], [*CELLS, None])
    assert got == [(code, v, "f", message) for code, v, message in expected]


def test_the_edtf_check_flags_dates_that_do_not_exist_with_the_parsers_reason() -> None:
    cells = ["2023-02-29", "2024-02-29", "2023-13", "2023-02-30/2024", "soon", None, "", "2023"]
    assert flagged(FIELDS["edtf"], cells) == [
        ("invalid-date", "2023-02-29", "f", "'2023-02-29': 2023-02 has no day 29"),
        ("invalid-date", "2023-13", "f", "'2023-13': month 13 does not exist"),
        ("invalid-date", "2023-02-30/2024", "f", "'2023-02-30/2024': 2023-02 has no day 30"),
    ]  # "soon" is the pattern's issue, an empty cell the required check's


def test_the_unique_check_flags_each_repeat_after_the_first() -> None:
    got = flagged(FIELDS["unique"], ["x", "", "y", "x", "", None, None, "x"])
    message = "'x' appears more than once"
    assert got == [("unique-error", "x", "f", message), ("unique-error", "x", "f", message)]


def test_checks_come_in_kind_order() -> None:
    field = Field("g", required=True, type="integer", max_length=2, min_length=2, unique=True)
    checks = polars_checks(field)
    assert [(c.field, c.code) for c in checks] == [
        ("g", "constraint-error"),
        ("g", "type-error"),
        ("g", "constraint-error"),
        ("g", "constraint-error"),
        ("g", "unique-error"),
    ]
    assert [c.message("123") for c in checks] == [
        "a value is required (constraint 'required')",
        "'123' is not an integer",
        "3 characters, more than 2 (constraint 'maxLength')",
        "3 characters, fewer than 2 (constraint 'minLength')",
        "'123' appears more than once",
    ]


def test_messages_shorten_long_values() -> None:
    long = "z" * 70
    shown = repr("z" * 60 + "…")
    for name, message in [
        ("integer", f"{shown} is not an integer"),
        ("boolean", f"{shown} is not a boolean (true or false)"),
        ("enum", f"{shown} is not one of: a, b-c (constraint 'enum')"),
        ("pattern", f"{shown} does not match the pattern [a-z]|[0-9]{{2}} (constraint 'pattern')"),
        ("unique", f"{shown} appears more than once"),
    ]:
        (check,) = polars_checks(FIELDS[name])
        assert check.message(long) == message


# --- pydantic: typed records ---------------------------------------------------------------------
def record_value(field: Field, cell: object) -> Any:
    """The value a record holds for ``cell``, or the first error message."""
    try:
        return TypeAdapter(pydantic_annotation(field)).validate_python(cell)
    except ValidationError as e:
        return "error: " + e.errors()[0]["msg"]


def test_the_integer_and_boolean_validators() -> None:
    assert [_integer(v) for v in ["12", "+7", "-0", "007"]] == [12, 7, 0, 7]
    for value in ["1.5", "1 ", " 1", "", "x1", "1x", 3, None]:
        with pytest.raises(ValueError, match=f"^{_escaped(value)} is not an integer$"):
            _integer(value)
    assert [_boolean("true"), _boolean("false")] == [True, False]
    for value in ["True", "1", "", True, None]:
        with pytest.raises(
            ValueError, match=rf"^{_escaped(value)} is not a boolean \(true or false\)$"
        ):
            _boolean(value)


def _escaped(value: object) -> str:
    import re

    return re.escape(repr(value))


def test_the_edtf_validator_keeps_the_text() -> None:
    assert _edtf("2024-02") == "2024-02"
    assert _edtf("2024-02-29") == "2024-02-29"
    with pytest.raises(DateError):
        _edtf("2023-02-29")
    with pytest.raises(DateError):
        _edtf("soon")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("required", {"": "error: String should have at least 1 character", "a": "a"}),
        (
            "integer",
            {"12": 12, "+7": 7, "-0": 0, "1.5": "error: Value error, '1.5' is not an integer"},
        ),
        (
            "boolean",
            {
                "true": True,
                "false": False,
                "True": "error: Value error, 'True' is not a boolean (true or false)",
            },
        ),
        ("enum", {"a": "a", "b-c": "b-c", "b": "error: Input should be 'a' or 'b-c'"}),
        (
            "pattern",
            {
                "a": "a",
                "12": "12",
                "ab": "error: String should match pattern '^(?:[a-z]|[0-9]{2})$'",
                "a1": "error: String should match pattern '^(?:[a-z]|[0-9]{2})$'",
                "123": "error: String should match pattern '^(?:[a-z]|[0-9]{2})$'",
            },
        ),
        (
            "max_length",
            {"abc": "abc", "abcd": "error: String should have at most 3 characters", "": ""},
        ),
        (
            "min_length",
            {
                "ab": "ab",
                "a": "error: String should have at least 2 characters",
                "": "error: String should have at least 2 characters",
            },
        ),
        ("unique", {"a": "a", "": ""}),
        (
            "edtf",
            {
                "2024-02-29": "2024-02-29",
                "2023-02-29": "error: Value error, '2023-02-29': 2023-02 has no day 29",
            },
        ),
    ],
)
def test_each_record_annotation_accepts_and_rejects(name: str, expected: dict[str, Any]) -> None:
    got = {cell: record_value(FIELDS[name], cell) for cell in expected}
    assert got == expected


def test_record_values_are_typed() -> None:
    assert type(record_value(FIELDS["integer"], "12")) is int
    assert type(record_value(FIELDS["boolean"], "true")) is bool


def test_two_minimum_lengths_the_larger_holds() -> None:
    for field in (
        Field("f", required=True, min_length=3),
        Field("f", required=True, min_length=3, max_length=4, pattern="[a-z]+"),
    ):
        assert record_value(field, "ab") == "error: String should have at least 3 characters"
        assert record_value(field, "abc") == "abc"
    both = Field("f", required=True, min_length=3, max_length=4, pattern="[a-z]+")
    assert record_value(both, "abcde") == "error: String should have at most 4 characters"
    assert record_value(both, "ab1") == "error: String should match pattern '^(?:[a-z]+)$'"
    # required alone is a minimum of one; a smaller declared minimum does not lower it
    assert record_value(Field("f", required=True, min_length=0), "") == (
        "error: String should have at least 1 character"
    )


def test_an_enum_with_a_date_is_checked_as_both() -> None:
    field = Field("f", enum=("2024-02-29", "2023-02-29"), edtf=True)
    assert record_value(field, "2024-02-29") == "2024-02-29"
    assert (
        record_value(field, "2023-02-29")
        == "error: Value error, '2023-02-29': 2023-02 has no day 29"
    )
    assert record_value(field, "2024") == "error: Input should be '2024-02-29' or '2023-02-29'"


def test_a_typed_field_ignores_string_constraints() -> None:
    field = Field("f", type="integer", required=True, max_length=1)
    assert record_value(field, "123") == 123


# --- pandera: the API's DataFrames ---------------------------------------------------------------
def rejected(field: Field, cells: list[str | None]) -> list[tuple[str, object]]:
    """(check, failure case) for each cell the pandera column of ``field`` rejects."""
    schema = pa.DataFrameSchema({"f": pandera_column(field)})
    frame = pd.DataFrame({"f": pd.Series(cells, dtype="string")})
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        cases = e.failure_cases
        found = zip(cases["check"].astype(str), cases["failure_case"], strict=True)
        return sorted((check, None if pd.isna(v) else v) for check, v in found)
    return []


NOT_DIGITS = ["", "1.5", "2024-02", "True", "a", "ab", "abc", "abcd", "false", "true"]


@pytest.mark.parametrize(
    ("name", "check", "values"),
    [
        ("required", "not_nullable", [None]),
        ("integer", "str_matches('^[+-]?[0-9]+$')", NOT_DIGITS),
        (
            "boolean",
            "str_matches('^(?:true|false)$')",
            sorted(set(CELLS) - {"true", "false"}),
        ),
        ("enum", "isin(['a', 'b-c'])", sorted(set(CELLS) - {"a"})),
        ("pattern", "str_matches('^(?:[a-z]|[0-9]{2})$')", sorted(set(CELLS) - {"a", "12"})),
        ("max_length", "str_length(None, 3)", ["2024-02", "True", "abcd", "false", "true"]),
        ("min_length", "str_length(2, None)", ["", "a"]),
        ("unique", "", []),
        # every cell but the date; pandera leaves missing cells to `nullable`
        ("edtf", "edtf", sorted(set(CELLS) - {"2024-02"})),
    ],
)
def test_each_pandera_column_rejects_exactly_the_bad_cells(
    name: str, check: str, values: list[str | None]
) -> None:
    assert rejected(FIELDS[name], [*CELLS, None]) == [(check, v) for v in values]


def test_the_pandera_unique_check_and_options() -> None:
    assert rejected(FIELDS["unique"], ["x", "y", "x"]) == [("field_uniqueness", "x")] * 2
    column = pandera_column(Field("f"))
    assert str(column.dtype).startswith("string")
    assert (column.nullable, column.unique, column.checks) == (
        True,
        False,
        [],
    )
    every = pandera_column(
        Field("f", required=True, enum=("a",), unique=True, pattern="a", edtf=True)
    )
    assert (every.nullable, every.unique) == (False, True)
    assert [c.name for c in every.checks] == ["isin", "str_matches", "edtf"]


def test_pandera_checks_by_kind() -> None:
    assert set(PANDERA) == set(KINDS)
    assert PANDERA["required"](FIELDS["required"], Constraint("required")) == {"nullable": False}
    assert PANDERA["unique"](FIELDS["unique"], Constraint("unique")) == {"unique": True}
    (edtf,) = PANDERA["edtf"](FIELDS["edtf"], Constraint("edtf"))["checks"]
    assert edtf.name == "edtf"
    assert edtf.element_wise is False
    assert edtf(
        pd.Series(["2024-02-29", "2023-02-29", "x"], dtype="string")
    ).check_output.tolist() == [
        True,
        False,
        False,
    ]


# --- SQL: the SQLite export ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "column"),
    [
        (Field("f"), '"f" TEXT'),
        (FIELDS["required"], '"f" TEXT NOT NULL'),
        (FIELDS["integer"], '"f" INTEGER'),
        (FIELDS["boolean"], '"f" INTEGER'),
        (FIELDS["enum"], '"f" TEXT'),
        (FIELDS["pattern"], '"f" TEXT'),
        (FIELDS["max_length"], '"f" TEXT'),
        (FIELDS["min_length"], '"f" TEXT'),
        (FIELDS["unique"], '"f" TEXT UNIQUE'),
        (FIELDS["edtf"], '"f" TEXT'),
        (
            Field("f", type="integer", required=True, unique=True, max_length=3),
            '"f" INTEGER NOT NULL UNIQUE',
        ),
    ],
)
def test_each_sql_column(field: Field, column: str) -> None:
    assert sql_column(field, '"f"') == column


def test_sql_types() -> None:
    assert [sql_type(Field("f", type=t)) for t in ("string", "integer", "boolean", "date")] == [
        "TEXT",
        "INTEGER",
        "INTEGER",
        "TEXT",
    ]


def test_typed_values_null_stays_null() -> None:
    df = pl.DataFrame({"f": ["1", "-2", None]}, schema={"f": pl.String})
    ints = df.select(typed(FIELDS["integer"], pl.col("f")).alias("f")).get_column("f")
    assert (ints.dtype, ints.to_list()) == (pl.Int64, [1, -2, None])
    df = pl.DataFrame({"f": ["true", "false", None]}, schema={"f": pl.String})
    bools = df.select(typed(FIELDS["boolean"], pl.col("f")).alias("f")).get_column("f")
    assert (bools.dtype, bools.to_list()) == (pl.Boolean, [True, False, None])
    texts = df.select(typed(FIELDS["enum"], pl.col("f")).alias("f")).get_column("f")
    assert (texts.dtype, texts.to_list()) == (pl.String, ["true", "false", None])
