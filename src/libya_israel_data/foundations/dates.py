"""The EDTF subset used for every date field: parse, validate, bounds.

Accepted: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, each optionally followed by ``~`` (approximate),
``?`` (uncertain) or ``%`` (both); or an interval ``A/B`` of two such dates. A hand-written parser,
because the only EDTF libraries on PyPI accept far more than this subset and none checks intervals
the way the data contract asks; and never ``datetime.date`` or pydantic's ``date`` on raw cells:
those accept values such as ``"0"`` or ``2023-8-1`` that the contract forbids.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

# ASCII digits only: \d would also accept Arabic-Indic digits.
_PART = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?"
_DATE_RE = re.compile(_PART)
_ONE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?"
PATTERN = f"{_ONE}(/{_ONE})?"
"""The syntax of the subset as a Table Schema pattern (implicitly anchored at both ends)."""


class DateError(ValueError):
    """A value that is not a date of the subset, or not a real calendar date."""


@dataclass(frozen=True)
class EdtfDate:
    """One date of the subset, at year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)


@dataclass(frozen=True)
class EdtfValue:
    """A date or an interval; ``end`` is ``None`` for a single date."""

    start: EdtfDate
    end: EdtfDate | None = None

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest


def _parse_one(text: str, whole: str) -> EdtfDate:
    m = _DATE_RE.fullmatch(text)
    if m is None:
        raise DateError(
            f"{whole!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
            "(zero-padded, optionally followed by ~, ? or %)"
        )
    year, month, day = (int(g) if g else None for g in m.groups()[:3])
    if year == 0:
        raise DateError(f"{whole!r}: year 0000 is not supported")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{whole!r}: month {month:02d} does not exist")
    if day is not None:
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise DateError(f"{whole!r}: {year:04d}-{month:02d} has no day {day:02d}")
    return EdtfDate(year, month, day, m.group(4))


def parse(text: str) -> EdtfValue:
    """Parse a value of the subset; raise :class:`DateError` with the reason otherwise."""
    if not isinstance(text, str):
        raise DateError(f"{text!r} is not a string")
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{text!r}: an interval has exactly one '/'")
    start = _parse_one(parts[0], text)
    if len(parts) == 1:
        return EdtfValue(start)
    end = _parse_one(parts[1], text)
    if start.earliest > end.latest:
        raise DateError(f"{text!r}: the interval runs backwards (its start is after its end)")
    return EdtfValue(start, end)


def bounds(text: str | None) -> tuple[date | None, date | None]:
    """Earliest and latest day a value can mean; ``(None, None)`` for empty or invalid values."""
    if not text:
        return None, None
    try:
        value = parse(text)
    except DateError:
        return None, None
    return value.earliest, value.latest


# --- the same bounds, vectorized over whole columns -------------------------------------------
def _bounds_of_date(part: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Earliest and latest day of one date of the subset (no interval), as polars expressions."""
    import polars as pl

    core = part.str.replace(r"[~?%]$", "")
    n = core.str.len_chars()
    year, month, day = core.str.slice(0, 4), core.str.slice(5, 2), core.str.slice(8, 2)
    month_or = pl.when(n >= 7).then(month)
    first = pl.concat_str(
        [
            year,
            month_or.otherwise(pl.lit("01")),
            pl.when(n >= 10).then(day).otherwise(pl.lit("01")),
        ],
        separator="-",
    ).str.to_date("%Y-%m-%d", strict=False)
    last_month = pl.concat_str(
        [year, month_or.otherwise(pl.lit("12")), pl.lit("01")], separator="-"
    ).str.to_date("%Y-%m-%d", strict=False)
    last = pl.when(n >= 10).then(first).otherwise(last_month.dt.month_end())
    ok = year != "0000"
    return pl.when(ok).then(first), pl.when(ok).then(last)


def earliest(column: str) -> str:
    """The name of the derived column holding the first day ``column``'s date allows."""
    return f"{column}_earliest"


def latest(column: str) -> str:
    """The name of the derived column holding the last day ``column``'s date allows."""
    return f"{column}_latest"


def bounds_exprs(column: str) -> tuple[pl.Expr, pl.Expr]:
    """``<column>_earliest`` and ``<column>_latest`` as vectorized polars expressions.

    The same bounds as :func:`bounds` (the reference, which the tests compare against): null for
    empty values, values outside the subset, impossible dates and intervals that run backwards.
    """
    import polars as pl

    col = pl.col(column)
    shaped = col.str.contains(f"^(?:{PATTERN})$")
    parts = col.str.split_exact("/", 1)
    start, end = parts.struct.field("field_0"), parts.struct.field("field_1")
    s_first, s_last = _bounds_of_date(start)
    e_first, e_last = _bounds_of_date(pl.coalesce(end, start))
    valid = shaped & s_first.is_not_null() & s_last.is_not_null() & e_first.is_not_null()
    valid = valid & (s_first <= e_last)
    first = pl.when(valid).then(s_first).otherwise(None).alias(earliest(column))
    last = pl.when(valid).then(e_last).otherwise(None).alias(latest(column))
    return first, last


def date_bounds(values: pl.Series, name: str) -> pl.DataFrame:
    """``name``, ``name_earliest``, ``name_latest`` for each distinct non-empty value."""
    import polars as pl

    distinct = pl.DataFrame({name: values.drop_nulls().unique()}).filter(pl.col(name) != "")
    return distinct.with_columns(*bounds_exprs(name))
