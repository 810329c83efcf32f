"""One compiler of Table Schema fields: every constraint is read once, here, and turned into
what each backend needs.

:func:`constraints` lists a field's constraints as :class:`Constraint` values. Each backend is
a table from constraint kind to its own rendering, and must name every kind (the tests check
it, so a new constraint cannot be forgotten by one backend):

- :data:`POLARS`: vectorized checks over text cells, which the validator runs
  (``validation/tables.py``);
- :data:`PYDANTIC`: the typed records of the Python API (``models.py``), and through them the
  JSON Schemas of the JSON export;
- :data:`PANDERA`: the schemas of the API's pandas DataFrames (``frames.py``);
- :data:`SQL`: column definitions of the SQLite export.

Cells are text in every backend: ``integer`` means text matching :data:`INTEGER`, ``boolean``
means ``true`` or ``false``; :func:`typed` turns such cells into typed values where a backend
stores them typed (SQLite, records).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..foundations import dates
from ..foundations.codes import Code
from .table_schema import Field

if TYPE_CHECKING:
    import polars as pl

#: The text form of the Table Schema types this package supports (anchored at both ends).
INTEGER = r"[+-]?[0-9]+"
BOOLEANS = ("true", "false")

#: Every constraint kind the compiler knows, in the order checks are reported.
KINDS = ("required", "type", "enum", "pattern", "max_length", "min_length", "unique", "edtf")


@dataclass(frozen=True)
class Constraint:
    kind: str
    value: Any = True


def constraints(f: Field) -> list[Constraint]:
    """The constraints of one field, in :data:`KINDS` order; the only reader of them."""
    out = []
    if f.required:
        out.append(Constraint("required"))
    if f.type != "string":
        out.append(Constraint("type", f.type))
    if f.enum is not None:
        out.append(Constraint("enum", f.enum))
    if f.pattern is not None:
        out.append(Constraint("pattern", f.pattern))
    if f.max_length is not None:
        out.append(Constraint("max_length", f.max_length))
    if f.min_length is not None:
        out.append(Constraint("min_length", f.min_length))
    if f.unique:
        out.append(Constraint("unique"))
    if f.edtf:
        out.append(Constraint("edtf"))
    return out


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


# --- polars: the validator's checks --------------------------------------------------------------
class Check(NamedTuple):
    """One rule on one column: where ``mask`` holds, ``message(value)`` is an issue ``code``."""

    field: str
    mask: pl.Expr
    code: Code
    message: Callable[[str], str]


def present(name: str) -> pl.Expr:
    """A cell that holds a value (not a missing cell, not an empty one)."""
    import polars as pl

    return pl.col(name).is_not_null() & (pl.col(name) != "")


def _polars_required(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    return [
        Check(
            f.name,
            pl.col(f.name) == "",
            Code.CONSTRAINT_ERROR,
            lambda v: "a value is required (constraint 'required')",
        )
    ]


def _polars_type(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    col, has = pl.col(f.name), present(f.name)
    if c.value == "integer":
        return [
            Check(
                f.name,
                has & ~col.str.contains(f"^{INTEGER}$"),
                Code.TYPE_ERROR,
                lambda v: f"{_show(v)} is not an integer",
            )
        ]
    return [
        Check(
            f.name,
            has & ~col.is_in(list(BOOLEANS)),
            Code.TYPE_ERROR,
            lambda v: f"{_show(v)} is not a boolean (true or false)",
        )
    ]


def _polars_enum(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    allowed = ", ".join(c.value)
    return [
        Check(
            f.name,
            present(f.name) & ~pl.col(f.name).is_in(list(c.value)),
            Code.CONSTRAINT_ERROR,
            lambda v, a=allowed: f"{_show(v)} is not one of: {a} (constraint 'enum')",
        )
    ]


def _polars_pattern(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    p = c.value
    return [
        Check(
            f.name,
            present(f.name) & ~pl.col(f.name).str.contains(f"^(?:{p})$"),
            Code.CONSTRAINT_ERROR,
            lambda v, p=p: f"{_show(v)} does not match the pattern {p} (constraint 'pattern')",
        )
    ]


def _polars_max_length(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    n = c.value
    return [
        Check(
            f.name,
            present(f.name) & (pl.col(f.name).str.len_chars() > n),
            Code.CONSTRAINT_ERROR,
            lambda v, n=n: f"{len(v)} characters, more than {n} (constraint 'maxLength')",
        )
    ]


def _polars_min_length(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    n = c.value
    return [
        Check(
            f.name,
            present(f.name) & (pl.col(f.name).str.len_chars() < n),
            Code.CONSTRAINT_ERROR,
            lambda v, n=n: f"{len(v)} characters, fewer than {n} (constraint 'minLength')",
        )
    ]


def _polars_unique(f: Field, c: Constraint) -> list[Check]:
    import polars as pl

    return [
        Check(
            f.name,
            present(f.name) & ~pl.col(f.name).is_first_distinct(),
            Code.UNIQUE_ERROR,
            lambda v: f"{_show(v)} appears more than once",
        )
    ]


def _polars_edtf(f: Field, c: Constraint) -> list[Check]:
    """A real calendar date: the cells of the subset's syntax (a wrong shape is the pattern's
    issue) that :func:`~..foundations.dates.parse` refuses. Dates repeat a lot, so each
    distinct value is parsed once."""
    import polars as pl

    shaped = present(f.name) & pl.col(f.name).str.contains(f"^(?:{dates.PATTERN})$")
    real = pl.col(f.name).map_batches(_real_dates, return_dtype=pl.Boolean)
    return [Check(f.name, shaped & ~real, Code.INVALID_DATE, _date_problem)]


def _real_dates(values: pl.Series) -> pl.Series:
    """Whether each value parses as a date, parsing each distinct value once."""

    distinct = values.unique().drop_nulls()
    ok = [v for v in distinct.to_list() if _is_date(v)]
    return values.is_in(ok).fill_null(True)


def _date_problem(value: str) -> str:
    try:
        dates.parse(value)
    except dates.DateError as e:
        return str(e)
    return f"{_show(value)} is a date"  # pragma: no cover - only failures are formatted


POLARS: dict[str, Callable[[Field, Constraint], list[Check]]] = {
    "required": _polars_required,
    "type": _polars_type,
    "enum": _polars_enum,
    "pattern": _polars_pattern,
    "max_length": _polars_max_length,
    "min_length": _polars_min_length,
    "unique": _polars_unique,
    "edtf": _polars_edtf,
}


def polars_checks(f: Field, kinds: Collection[str] = KINDS) -> list[Check]:
    """The validator's checks of one field, of the constraint ``kinds`` asked for (the tables
    layer checks every kind but ``edtf``, the dates layer that one)."""
    return [check for c in constraints(f) if c.kind in kinds for check in POLARS[c.kind](f, c)]


# --- pydantic: typed records -----------------------------------------------------------------
def _edtf(value: str) -> str:
    dates.parse(value)  # raises DateError (a ValueError), which pydantic reports
    return value


def _integer(value: object) -> int:
    import re

    if not isinstance(value, str) or not re.fullmatch(INTEGER, value):
        raise ValueError(f"{value!r} is not an integer")
    return int(value)


def _boolean(value: object) -> bool:
    if value not in BOOLEANS:
        raise ValueError(f"{value!r} is not a boolean (true or false)")
    return value == "true"


#: pydantic: each kind adds keyword arguments of ``StringConstraints`` (``"string"``), or
#: validators (``"after"``, ``"before"``), or replaces the base type (``"base"``).
PYDANTIC: dict[str, Callable[[Field, Constraint], dict[str, Any]]] = {
    "required": lambda f, c: {"string": {"min_length": 1}},
    "type": lambda f, c: {"before": _integer if c.value == "integer" else _boolean},
    "enum": lambda f, c: {"literal": c.value},
    "pattern": lambda f, c: {"string": {"pattern": f"^(?:{c.value})$"}},
    "max_length": lambda f, c: {"string": {"max_length": c.value}},
    "min_length": lambda f, c: {"string": {"min_length": c.value}},
    "unique": lambda f, c: {},  # a property of the table, not of one record
    "edtf": lambda f, c: {"after": _edtf},
}


def pydantic_annotation(f: Field) -> Any:
    """The annotation of one field's value in its resource's record model (an empty cell is
    ``None``, which the model allows for fields that are not required)."""
    from typing import Annotated, Literal

    from pydantic import AfterValidator, BeforeValidator, StringConstraints

    string: dict[str, Any] = {}
    rendered: dict[str, Any] = {}
    for c in constraints(f):
        for key, value in PYDANTIC[c.kind](f, c).items():
            if key == "string":
                for k, v in value.items():  # two minimum lengths: the larger holds
                    string[k] = max(string.get(k, v), v) if k == "min_length" else v
            else:
                rendered[key] = value
    base: Any
    if "before" in rendered:
        typ: Any = int if f.type == "integer" else bool
        base = Annotated[typ, BeforeValidator(rendered["before"])]
    elif "literal" in rendered:  # an enum is the narrowest constraint: a closed list of texts
        base = Literal[rendered["literal"]]  # type: ignore[valid-type]
    else:
        base = Annotated[str, StringConstraints(**string)]
    if "after" in rendered:
        base = Annotated[base, AfterValidator(rendered["after"])]
    return base


# --- pandera: the API's DataFrames -------------------------------------------------------------
def _pandera_pattern(pattern: str) -> dict[str, Any]:
    import pandera.pandas as pa

    return {"checks": [pa.Check.str_matches(pattern)]}


def _pandera_isin(values: tuple[str, ...]) -> dict[str, Any]:
    import pandera.pandas as pa

    return {"checks": [pa.Check.isin(list(values))]}


def _pandera_length(low: int | None = None, high: int | None = None) -> dict[str, Any]:
    import pandera.pandas as pa

    return {"checks": [pa.Check.str_length(min_value=low, max_value=high)]}


def _pandera_edtf() -> dict[str, Any]:
    import pandera.pandas as pa

    return {"checks": [pa.Check(lambda s: s.map(_is_date), element_wise=False, name="edtf")]}


def _is_date(value: str) -> bool:
    try:
        dates.parse(value)
    except dates.DateError:
        return False
    return True


#: pandera: each kind gives keyword arguments of ``pa.Column`` (``checks`` are added up).
PANDERA: dict[str, Callable[[Field, Constraint], dict[str, Any]]] = {
    "required": lambda f, c: {"nullable": False},
    "type": lambda f, c: _pandera_pattern(
        f"^{INTEGER}$" if c.value == "integer" else "^(?:true|false)$"
    ),
    "enum": lambda f, c: _pandera_isin(c.value),
    "pattern": lambda f, c: _pandera_pattern(f"^(?:{c.value})$"),
    "max_length": lambda f, c: _pandera_length(high=c.value),
    "min_length": lambda f, c: _pandera_length(low=c.value),
    "unique": lambda f, c: {"unique": True},
    "edtf": lambda f, c: _pandera_edtf(),
}


def pandera_column(f: Field) -> Any:
    """The pandera column of one field: a pandas ``string`` column with the field's checks."""
    import pandera.pandas as pa

    options: dict[str, Any] = {"nullable": True, "checks": [], "unique": False}
    for c in constraints(f):
        rendered = PANDERA[c.kind](f, c)
        options["checks"] += rendered.pop("checks", [])
        options.update(rendered)
    return pa.Column("string", **options)


# --- SQL: the SQLite export ----------------------------------------------------------------------
#: Kinds the SQLite DDL does not restate, and why: the export writes only a package that
#: validated, so a column constraint there could only repeat the validator. ``required`` and
#: ``unique`` are kept because they document the table to SQL readers and cost nothing; SQLite
#: has no regular expressions or calendar to check the others with (``tests/test_architecture.py``
#: checks that exactly these compile to nothing).
SQL_NOT_RESTATED: dict[str, str] = {
    "type": "the column's declared type (sql_type) carries it",
    "enum": "SQLite keeps the validated text; a CHECK would repeat the list",
    "pattern": "SQLite has no regular expressions without an extension",
    "max_length": "validated; SQLite does not enforce lengths",
    "min_length": "validated; SQLite does not enforce lengths",
    "edtf": "SQLite has no EDTF calendar; the derived <field>_earliest / _latest columns carry "
    "the parsed bounds",
}

SQL: dict[str, Callable[[Field, Constraint], str]] = {
    "required": lambda f, c: "NOT NULL",
    "type": lambda f, c: "",
    "enum": lambda f, c: "",
    "pattern": lambda f, c: "",
    "max_length": lambda f, c: "",
    "min_length": lambda f, c: "",
    "unique": lambda f, c: "UNIQUE",
    "edtf": lambda f, c: "",
}


def sql_type(f: Field) -> str:
    return {"integer": "INTEGER", "boolean": "INTEGER"}.get(f.type, "TEXT")


def sql_column(f: Field, quoted: str) -> str:
    """``"name" TYPE [NOT NULL] [UNIQUE]`` of one field."""
    extra = " ".join(s for c in constraints(f) if (s := SQL[c.kind](f, c)))
    return f"{quoted} {sql_type(f)}" + (f" {extra}" if extra else "")


def typed(f: Field, expr: pl.Expr) -> pl.Expr:
    """The typed value of a text column, for backends that store types (null stays null)."""
    import polars as pl

    if f.type == "integer":
        return expr.cast(pl.Int64)
    if f.type == "boolean":
        return pl.when(expr.is_null()).then(None).otherwise(expr == "true")
    return expr
