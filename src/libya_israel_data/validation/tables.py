"""Layer 2, tables: types, constraints, primary and foreign keys, as vectorized polars expressions.

Each rule is one expression over a whole column (no Python loop per row); Python only formats the
rows that fail. Patterns are matched against the whole cell with Rust's regex engine, where ``$``
means the end of the text: an id with a trailing newline fails, as it must (frictionless's pattern
check lets it through).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import polars as pl

from ..issues import Issue, make_issue
from ..schema import Field
from .structure import LINE, ROW, Table

_TYPE_PATTERNS = {"integer": r"^[+-]?[0-9]+$"}
_BOOLEANS = ["true", "false"]


def present(name: str) -> pl.Expr:
    """A cell that holds a value (not a missing cell, not an empty one)."""
    return pl.col(name).is_not_null() & (pl.col(name) != "")


class Check(NamedTuple):
    """One rule on one column: where ``mask`` holds, ``message(value)`` is an issue ``code``."""

    field: str
    mask: pl.Expr
    code: str
    message: Callable[[str], str]


def evaluate(table: Table, checks: list[Check]) -> list[Issue]:
    """Evaluate every check in one parallel pass over the table; format only the failures."""
    if not checks or table.df.is_empty():
        return []
    masks = table.df.select([c.mask.fill_null(False).alias(f"m{i}") for i, c in enumerate(checks)])
    counts = masks.sum().row(0)
    issues = []
    for i, (check, count) in enumerate(zip(checks, counts, strict=True)):
        if not count:
            continue
        rows = table.df.filter(masks.get_column(f"m{i}")).select(ROW, LINE, check.field)
        for row, line, value in rows.iter_rows():
            issues.append(
                make_issue(
                    check.code,
                    check.message(value),
                    resource=table.resource.name,
                    file=table.file,
                    row=row,
                    line=line,
                    field=check.field,
                )
            )
    return issues


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def field_checks(f: Field) -> list[Check]:
    """The type and constraint rules of one field."""
    c = pl.col(f.name)
    has = present(f.name)
    checks = []
    if f.required:
        checks.append(
            Check(
                f.name,
                c == "",
                "constraint-error",
                lambda v: "a value is required (constraint 'required')",
            )
        )
    if f.type == "integer":
        checks.append(
            Check(
                f.name,
                has & ~c.str.contains(_TYPE_PATTERNS["integer"]),
                "type-error",
                lambda v: f"{_show(v)} is not an integer",
            )
        )
    elif f.type == "boolean":
        checks.append(
            Check(
                f.name,
                has & ~c.is_in(_BOOLEANS),
                "type-error",
                lambda v: f"{_show(v)} is not a boolean (true or false)",
            )
        )
    if f.enum is not None:
        allowed = ", ".join(f.enum)
        checks.append(
            Check(
                f.name,
                has & ~c.is_in(list(f.enum)),
                "constraint-error",
                lambda v, a=allowed: f"{_show(v)} is not one of: {a} (constraint 'enum')",
            )
        )
    if f.pattern is not None:
        p = f.pattern
        checks.append(
            Check(
                f.name,
                has & ~c.str.contains(f"^(?:{p})$"),
                "constraint-error",
                lambda v, p=p: f"{_show(v)} does not match the pattern {p} (constraint 'pattern')",
            )
        )
    if f.max_length is not None:
        n = f.max_length
        checks.append(
            Check(
                f.name,
                has & (c.str.len_chars() > n),
                "constraint-error",
                lambda v, n=n: f"{len(v)} characters, more than {n} (constraint 'maxLength')",
            )
        )
    if f.min_length is not None:
        n = f.min_length
        checks.append(
            Check(
                f.name,
                has & (c.str.len_chars() < n),
                "constraint-error",
                lambda v, n=n: f"{len(v)} characters, fewer than {n} (constraint 'minLength')",
            )
        )
    if f.unique:
        checks.append(
            Check(
                f.name,
                has & ~c.is_first_distinct(),
                "unique-error",
                lambda v: f"{_show(v)} appears more than once",
            )
        )
    return checks


def check_fields(table: Table) -> list[Issue]:
    checks = [
        c for f in table.resource.fields if f.name in table.df.columns for c in field_checks(f)
    ]
    return evaluate(table, checks)


def _strictly_increasing(cols: list[str]) -> pl.Expr:
    """Each row's key is greater than the previous row's (lexicographically over ``cols``)."""
    greater = pl.lit(False)
    for i in reversed(range(len(cols))):
        c = pl.col(cols[i])
        prev = c.shift(1)
        greater = (c > prev) | ((c == prev) & greater) if i < len(cols) - 1 else (c > prev)
    return greater.fill_null(True).all()


def check_primary_key(table: Table) -> list[Issue]:
    pk = list(table.resource.primary_key)
    if not pk or any(k not in table.df.columns for k in pk):
        return []
    df = table.df.select(ROW, LINE, *pk).filter(pl.all_horizontal([present(k) for k in pk]))
    # The contract keeps rows sorted by primary key: a strictly increasing key is unique, and
    # that is one cheap pass. Otherwise look for duplicates the expensive way.
    if df.height < 2 or df.select(_strictly_increasing(pk)).item():
        return []
    first = df.group_by(pk).agg(pl.col(ROW).min().alias("_first"))
    dups = (
        df.filter(~pl.struct(pk).is_first_distinct())
        .join(first, on=pk, how="left")
        .select(ROW, LINE, "_first", *pk)
        .sort(ROW)
    )
    issues = []
    for row, line, first_row, *values in dups.iter_rows():
        shown = ", ".join(f"{k}={v!r}" for k, v in zip(pk, values, strict=True))
        issues.append(
            make_issue(
                "primary-key",
                f"primary key ({shown}) already used by row {first_row}",
                resource=table.resource.name,
                file=table.file,
                row=row,
                line=line,
                field=",".join(pk),
            )
        )
    return issues


def check_foreign_keys(table: Table, tables: dict[str, Table]) -> list[Issue]:
    issues = []
    for fk in table.resource.foreign_keys:
        target = tables.get(fk.resource)
        cols = list(fk.fields)
        if target is None or any(c not in table.df.columns for c in cols):
            continue
        if any(c not in target.df.columns for c in fk.reference):
            continue
        # An anti-join needs no unique keys: duplicates in the target change nothing.
        keys = target.df.select(
            [pl.col(src).alias(dst) for src, dst in zip(fk.reference, cols, strict=True)]
        )
        # Table Schema: a foreign key whose cells are all empty is not checked.
        df = table.df.select(ROW, LINE, *cols).filter(pl.all_horizontal([present(c) for c in cols]))
        dangling = df.join(keys, on=cols, how="anti").select(ROW, LINE, *cols).sort(ROW)
        ref = f"{fk.resource}.{','.join(fk.reference)}"
        for row, line, *values in dangling.iter_rows():
            shown = ", ".join(repr(v) for v in values)
            issues.append(
                make_issue(
                    "foreign-key",
                    f"{shown} is not a {ref} in the package",
                    resource=table.resource.name,
                    file=table.file,
                    row=row,
                    line=line,
                    field=",".join(cols),
                )
            )
    return issues


def check(tables: dict[str, Table]) -> list[Issue]:
    issues: list[Issue] = []
    for table in tables.values():
        issues += check_fields(table)
        issues += check_primary_key(table)
        issues += check_foreign_keys(table, tables)
    return issues
