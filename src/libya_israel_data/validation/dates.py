"""Layer 3, dates: every EDTF field holds a real calendar date.

The syntax is already checked by the field's pattern (tables layer); this layer runs the
contract's compiled ``edtf`` checks (``contract/compile.py``), which parse each distinct value
once (dates repeat a lot), so the cost grows with distinct values, not rows.
"""

from __future__ import annotations

from ..contract.compile import polars_checks
from ..foundations.issues import Code, Issue
from .rules import Context, rule
from .tables import evaluate


@rule("EDTF dates are real calendar dates", "dates", (Code.INVALID_DATE,))
def check(ctx: Context) -> list[Issue]:
    """Every EDTF field that is in its file (a missing one is reported by the structure layer)."""
    issues: list[Issue] = []
    for table in ctx.tables.values():
        fields = [f for f in table.resource.fields if f.name in table.df.columns]
        issues += evaluate(
            table, [c for f in fields for c in polars_checks(f, ("edtf",))], ctx.counted
        )
    return issues
