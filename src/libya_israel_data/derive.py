"""Derived values, never curated: date bounds and the independent origins of each claim.

Computed with polars so that they scale to packages far larger than the shipped one; the API and
the exports both call these functions, so a value is derived in one place only.
"""

from __future__ import annotations

import polars as pl

from . import dates


def _bounds_of_date(part: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Earliest and latest day of one date of the subset (no interval), as polars expressions."""
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


def bounds_exprs(column: str) -> tuple[pl.Expr, pl.Expr]:
    """``<column>_earliest`` and ``<column>_latest`` as vectorized expressions.

    The same bounds as :func:`libya_israel_data.dates.bounds` (the reference, which the tests
    compare against): null for empty values, values outside the subset, impossible dates and
    intervals that run backwards.
    """
    col = pl.col(column)
    shaped = col.str.contains(f"^(?:{dates.PATTERN})$")
    parts = col.str.split_exact("/", 1)
    start, end = parts.struct.field("field_0"), parts.struct.field("field_1")
    s_first, s_last = _bounds_of_date(start)
    e_first, e_last = _bounds_of_date(pl.coalesce(end, start))
    valid = shaped & s_first.is_not_null() & s_last.is_not_null() & e_first.is_not_null()
    valid = valid & (s_first <= e_last)
    earliest = pl.when(valid).then(s_first).otherwise(None).alias(f"{column}_earliest")
    latest = pl.when(valid).then(e_last).otherwise(None).alias(f"{column}_latest")
    return earliest, latest


def date_bounds(values: pl.Series, name: str) -> pl.DataFrame:
    """``name``, ``name_earliest``, ``name_latest`` for each distinct non-empty value."""
    distinct = pl.DataFrame({name: values.drop_nulls().unique()}).filter(pl.col(name) != "")
    return distinct.with_columns(*bounds_exprs(name))


def with_date_bounds(df: pl.DataFrame, fields: list[str]) -> pl.DataFrame:
    """Add ``<field>_earliest`` and ``<field>_latest`` (dates) for each EDTF field."""
    return df.with_columns(*[e for name in fields for e in bounds_exprs(name)])


def roots(sources: pl.DataFrame) -> dict[str, str]:
    """Each source's root document: follow ``relays`` to its end (cycles stop where they close)."""
    links = {s: r for s, r in sources.select("source_id", "relays").iter_rows() if r and r != s}
    root: dict[str, str] = {}
    for start in sources.get_column("source_id").to_list():
        path, node, seen = [], start, set()
        while node in links and node not in root and node not in seen:
            seen.add(node)
            path.append(node)
            node = links[node]
        end = root.get(node, node)
        for n in path:
            root[n] = end
        root.setdefault(start, end)
    return root


def origins(sources: pl.DataFrame, citations: pl.DataFrame) -> pl.DataFrame:
    """``claim_id``, ``origins``: distinct root documents behind each cited claim's sources.

    Three copies of one AP story are one origin: the honest corroboration count.
    """
    mapping = roots(sources)
    return (
        citations.select(
            "claim_id",
            pl.col("source_id").replace_strict(mapping, default=pl.col("source_id")).alias("_root"),
        )
        .group_by("claim_id")
        .agg(pl.col("_root").n_unique().cast(pl.Int64).alias("origins"))
    )
