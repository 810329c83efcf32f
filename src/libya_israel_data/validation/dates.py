"""Layer 3, dates: every EDTF field holds a real calendar date, and intervals run forwards.

The syntax is already checked by the field's pattern (tables layer); this layer parses each
distinct value once (dates repeat a lot), so its cost grows with distinct values, not rows.
"""

from __future__ import annotations

import polars as pl

from ..foundations import dates
from ..foundations.issues import Code, Issue
from .rules import Context, rule
from .tables import Check, evaluate, present


def invalid_values(values: pl.Series) -> dict[str, str]:
    """Distinct values of the subset's syntax that are not real dates -> the reason."""
    bad = {}
    for value in values.unique().to_list():
        try:
            dates.parse(value)
        except dates.DateError as e:
            bad[value] = str(e)
    return bad


@rule("EDTF dates are real calendar dates", "dates", (Code.INVALID_DATE,))
def check(ctx: Context) -> list[Issue]:
    """Every EDTF field that is in its file (a missing one is reported by the structure layer)."""
    issues: list[Issue] = []
    for table in ctx.tables.values():
        checks = []
        for f in table.resource.fields:
            if not f.edtf or f.name not in table.df.columns:
                continue
            shaped = present(f.name) & pl.col(f.name).str.contains(f"^(?:{dates.PATTERN})$")
            bad = invalid_values(table.df.filter(shaped).get_column(f.name))
            if bad:
                checks.append(
                    Check(
                        f.name,
                        pl.col(f.name).is_in(list(bad)),
                        Code.INVALID_DATE,
                        lambda v, bad=bad: bad[v],
                    )
                )
        issues += evaluate(table, checks, ctx.counted)
    return issues
