"""Layer 2, tables: types, constraints, primary and foreign keys, as vectorized polars expressions.

Each rule is one expression over a whole column (no Python loop per row); Python only formats the
rows that fail. Patterns are matched against the whole cell with Rust's regex engine, where ``$``
means the end of the text: an id with a trailing newline fails, as it must (frictionless's pattern
check lets it through).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ..issues import Issue, make_issue
from ..schema import Field
from .structure import LINE, ROW, Table

_TYPE_PATTERNS = {"integer": r"^[+-]?[0-9]+$"}
_BOOLEANS = ["true", "false"]


def present(name: str) -> pl.Expr:
    """A cell that holds a value (not a missing cell, not an empty one)."""
    return pl.col(name).is_not_null() & (pl.col(name) != "")


def failing(table: Table, mask: pl.Expr, *columns: str) -> Iterable[tuple]:
    """(row, line, *columns) of every record where ``mask`` holds."""
    return table.df.filter(mask).select(ROW, LINE, *columns).iter_rows()


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _field_checks(f: Field) -> list[tuple[pl.Expr, str, callable]]:
    """(failure mask, code, message builder) for each rule of one field."""
    c = pl.col(f.name)
    has = present(f.name)
    checks = []
    if f.required:
        checks.append(
            (c == "", "constraint-error", lambda v: "a value is required (constraint 'required')")
        )
    if f.type == "integer":
        checks.append(
            (
                has & ~c.str.contains(_TYPE_PATTERNS["integer"]),
                "type-error",
                lambda v: f"{_show(v)} is not an integer",
            )
        )
    elif f.type == "boolean":
        checks.append(
            (
                has & ~c.is_in(_BOOLEANS),
                "type-error",
                lambda v: f"{_show(v)} is not a boolean (true or false)",
            )
        )
    if f.enum is not None:
        allowed = ", ".join(f.enum)
        checks.append(
            (
                has & ~c.is_in(list(f.enum)),
                "constraint-error",
                lambda v, a=allowed: f"{_show(v)} is not one of: {a} (constraint 'enum')",
            )
        )
    if f.pattern is not None:
        p = f.pattern
        checks.append(
            (
                has & ~c.str.contains(f"^(?:{p})$"),
                "constraint-error",
                lambda v, p=p: f"{_show(v)} does not match the pattern {p} (constraint 'pattern')",
            )
        )
    if f.max_length is not None:
        n = f.max_length
        checks.append(
            (
                has & (c.str.len_chars() > n),
                "constraint-error",
                lambda v, n=n: f"{len(v)} characters, more than {n} (constraint 'maxLength')",
            )
        )
    if f.min_length is not None:
        n = f.min_length
        checks.append(
            (
                has & (c.str.len_chars() < n),
                "constraint-error",
                lambda v, n=n: f"{len(v)} characters, fewer than {n} (constraint 'minLength')",
            )
        )
    return checks


def check_fields(table: Table) -> list[Issue]:
    issues: list[Issue] = []
    r = table.resource
    for f in r.fields:
        if f.name not in table.df.columns:
            continue
        for mask, code, message in _field_checks(f):
            for row, line, value in failing(table, mask, f.name):
                issues.append(
                    make_issue(
                        code,
                        message(value),
                        resource=r.name,
                        file=table.file,
                        row=row,
                        line=line,
                        field=f.name,
                    )
                )
        if f.unique:
            dup = present(f.name) & ~pl.col(f.name).is_first_distinct()
            for row, line, value in failing(table, dup, f.name):
                issues.append(
                    make_issue(
                        "unique-error",
                        f"{_show(value)} appears more than once",
                        resource=r.name,
                        file=table.file,
                        row=row,
                        line=line,
                        field=f.name,
                    )
                )
    return issues


def check_primary_key(table: Table) -> list[Issue]:
    pk = list(table.resource.primary_key)
    if not pk or any(k not in table.df.columns for k in pk):
        return []
    df = table.df.filter(pl.all_horizontal([present(k) for k in pk]))
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
        keys = target.df.select(
            [pl.col(src).alias(dst) for src, dst in zip(fk.reference, cols, strict=True)]
        ).unique()
        # Table Schema: a foreign key whose cells are all empty is not checked.
        df = table.df.filter(pl.all_horizontal([present(c) for c in cols]))
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
