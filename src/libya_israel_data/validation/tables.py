"""Layer 2, tables: types, constraints, primary and foreign keys, as vectorized polars expressions.

The cell checks are compiled from the contract's Table Schemas (``contract/compile.py``); each is
one expression over a whole column (no Python loop per row), and Python only formats the rows
that fail. Patterns are matched against the whole cell with Rust's regex engine, where ``$``
means the end of the text: an id with a trailing newline fails, as it must (frictionless's
pattern check lets it through).
"""

from __future__ import annotations

from collections import Counter

import polars as pl

from ..contract import Resource, reference
from ..contract.compile import KINDS, Check, polars_checks, present
from ..foundations.issues import CAP, Code, Issue, make_issue, shown
from .rules import Context, rule
from .structure import LINE, ROW, Table

__all__ = ["Check", "evaluate", "present"]


def evaluate(
    table: Table, checks: list[Check], counted: Counter[tuple[str, str | None]] | None = None
) -> list[Issue]:
    """Evaluate every check in one parallel pass over the table; format only the failures.

    With ``counted``, a check makes its first :data:`~..issues.CAP` issues (all that a report
    keeps) and counts the rest there, so a million bad cells cost a count, not a million
    issues."""
    if not checks or table.df.is_empty():
        return []
    masks = table.df.select([c.mask.fill_null(False).alias(f"m{i}") for i, c in enumerate(checks)])
    counts = masks.sum().row(0)
    issues = []
    for i, (check, count) in enumerate(zip(checks, counts, strict=True)):
        if not count:
            continue
        rows = table.df.filter(masks.get_column(f"m{i}")).select(ROW, LINE, check.field)
        if counted is not None and count > CAP:
            counted[(str(check.code), table.resource.name)] += count - CAP
            rows = rows.head(CAP)
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
                    value=value,
                )
            )
    return issues


#: The constraints checked here; ``edtf`` (a real calendar date) is the dates layer's.
CELL_KINDS = tuple(k for k in KINDS if k != "edtf")


@rule(
    "types and constraints of every field",
    "tables",
    (Code.TYPE_ERROR, Code.CONSTRAINT_ERROR, Code.UNIQUE_ERROR),
)
def check_fields(ctx: Context) -> list[Issue]:
    """Every field's compiled checks. A field missing from the file is reported by the
    structure layer (``missing-label``); the checks run on every field that is there."""
    issues: list[Issue] = []
    for table in ctx.tables.values():
        fields = [f for f in table.resource.fields if f.name in table.df.columns]
        checks = [c for f in fields for c in polars_checks(f, CELL_KINDS)]
        issues += evaluate(table, checks, ctx.counted)
    return issues


def _strictly_increasing(cols: list[str]) -> pl.Expr:
    """Each row's key is greater than the previous row's (lexicographically over ``cols``)."""
    greater = pl.lit(False)
    for i in reversed(range(len(cols))):
        c = pl.col(cols[i])
        prev = c.shift(1)
        greater = (c > prev) | ((c == prev) & greater) if i < len(cols) - 1 else (c > prev)
    return greater.fill_null(True).all()


PK_RULE = "primary keys are unique"
FK_RULE = "foreign keys point at existing rows"


@rule(PK_RULE, "tables", (Code.PRIMARY_KEY,))
def check_primary_keys(ctx: Context) -> list[Issue]:
    issues: list[Issue] = []
    for name, resource in _resources(ctx).items():
        if not ctx.lacks(PK_RULE, name, resource.primary_key):
            issues += _primary_key(ctx.tables[name], ctx.counted)
    return issues


def _resources(ctx: Context) -> dict[str, Resource]:
    """The contract's resources, read or not (a rule on one that was not read cannot run, and
    says so), and any other resource the package has."""
    return {**reference(), **{name: t.resource for name, t in ctx.tables.items()}}


def _primary_key(
    table: Table, counted: Counter[tuple[str, str | None]] | None = None
) -> list[Issue]:
    pk = list(table.resource.primary_key)
    if not pk:
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
    if counted is not None and dups.height > CAP:  # a report keeps the first CAP
        counted[(str(Code.PRIMARY_KEY), table.resource.name)] += dups.height - CAP
        dups = dups.head(CAP)
    issues = []
    for row, line, first_row, *values in dups.iter_rows():
        keys = ", ".join(f"{k}={shown(v)}" for k, v in zip(pk, values, strict=True))
        issues.append(
            make_issue(
                Code.PRIMARY_KEY,
                f"primary key ({keys}) already used by row {first_row}",
                resource=table.resource.name,
                file=table.file,
                row=row,
                line=line,
                field=",".join(pk),
                value=", ".join(values),
            )
        )
    return issues


@rule(FK_RULE, "tables", (Code.FOREIGN_KEY,))
def check_foreign_keys(ctx: Context) -> list[Issue]:
    issues: list[Issue] = []
    for name, resource in _resources(ctx).items():
        for fk in resource.foreign_keys:
            lacks_source = ctx.lacks(FK_RULE, name, fk.fields)
            if ctx.lacks(FK_RULE, fk.resource, fk.reference) or lacks_source:
                continue
            table, target = ctx.tables[name], ctx.tables[fk.resource]
            cols = list(fk.fields)
            # An anti-join needs no unique keys: duplicates in the target change nothing.
            keys = target.df.select(
                [pl.col(src).alias(dst) for src, dst in zip(fk.reference, cols, strict=True)]
            )
            # Table Schema: a foreign key whose cells are all empty is not checked.
            df = table.df.select(ROW, LINE, *cols).filter(
                pl.all_horizontal([present(c) for c in cols])
            )
            dangling = df.join(keys, on=cols, how="anti").select(ROW, LINE, *cols).sort(ROW)
            if dangling.height > CAP:  # a report keeps the first CAP: count the rest
                ctx.counted[(str(Code.FOREIGN_KEY), name)] += dangling.height - CAP
                dangling = dangling.head(CAP)
            ref = f"{fk.resource}.{','.join(fk.reference)}"
            for row, line, *values in dangling.iter_rows():
                cells = ", ".join(shown(v) for v in values)
                issues.append(
                    make_issue(
                        Code.FOREIGN_KEY,
                        f"{cells} is not a {ref} in the package",
                        resource=table.resource.name,
                        file=table.file,
                        row=row,
                        line=line,
                        field=",".join(cols),
                        value=", ".join(values),
                    )
                )
    return issues
