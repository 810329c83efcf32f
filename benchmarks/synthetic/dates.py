"""Days as ordinals (``date.toordinal()``): ISO text, the start of a month or year, human text."""

from __future__ import annotations

from datetime import date

from .vocabulary import MONTHS

_ISO_CACHE: dict[int, str] = {}


def iso(day: int) -> str:
    s = _ISO_CACHE.get(day)
    if s is None:
        s = date.fromordinal(day).isoformat()
        if len(_ISO_CACHE) < 200_000:
            _ISO_CACHE[day] = s
    return s


def month_start(day: int) -> int:
    d = date.fromordinal(day)
    return date(d.year, d.month, 1).toordinal()


def year_start(day: int) -> int:
    return date(date.fromordinal(day).year, 1, 1).toordinal()


def human(day: int, precision: int) -> str:
    """``12 March 2023`` (precision 2), ``March 2023`` (1) or ``2023`` (0)."""
    d = date.fromordinal(day)
    if precision == 2:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if precision == 1:
        return f"{MONTHS[d.month - 1]} {d.year}"
    return str(d.year)
