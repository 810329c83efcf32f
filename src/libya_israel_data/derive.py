"""Derived values, never curated: date bounds and the independent origins of each claim.

Computed with polars so that they scale to packages far larger than the shipped one; the API and
the exports both call these functions, so a value is derived in one place only.
"""

from __future__ import annotations

import polars as pl

from . import dates


def date_bounds(values: pl.Series, name: str) -> pl.DataFrame:
    """``name``, ``name_earliest``, ``name_latest`` for each distinct non-empty value."""
    distinct = values.drop_nulls().unique().to_list()
    rows = [(v, *dates.bounds(v)) for v in distinct if v]
    return pl.DataFrame(
        rows,
        schema={name: pl.String, f"{name}_earliest": pl.Date, f"{name}_latest": pl.Date},
        orient="row",
    )


def with_date_bounds(df: pl.DataFrame, fields: list[str]) -> pl.DataFrame:
    """Add ``<field>_earliest`` and ``<field>_latest`` (dates) after each EDTF field."""
    for name in fields:
        bounds = date_bounds(df.get_column(name), name)
        df = df.join(bounds, on=name, how="left", maintain_order="left")
    return df


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
