"""pandera schemas of the API's DataFrames: the contract ``Dataset`` keeps for pandas users.

Every schema field is a pandas ``string`` column (nullable unless required) with the Table
Schema's constraints as pandera checks; each EDTF field has ``<field>_earliest`` and
``<field>_latest`` datetime columns; claims carry ``origins`` (a count, at least 1 for a cited
claim). ``Dataset`` validates every frame it hands out against these schemas, so a user can rely on
the dtypes, and can reuse the schemas on frames of their own (``frame_schema(resource)``).

The package validator itself checks the CSV files with polars expressions instead (see
``validation/tables.py``): it must report physical line numbers and scale to millions of rows.
"""

from __future__ import annotations

from functools import cache

import pandera.pandas as pa

from .schema import Resource


@cache
def frame_schema(resource: Resource) -> pa.DataFrameSchema:
    """The pandera schema of ``Dataset.frame(resource.name)``."""
    columns: dict[str, pa.Column] = {}
    for f in resource.fields:
        checks = []
        if f.pattern:
            checks.append(pa.Check.str_matches(f"^(?:{f.pattern})$"))
        if f.enum is not None:
            checks.append(pa.Check.isin(list(f.enum)))
        if f.max_length is not None:
            checks.append(pa.Check.str_length(max_value=f.max_length))
        columns[f.name] = pa.Column("string", checks=checks, nullable=not f.required)
        if f.edtf:
            for suffix in ("_earliest", "_latest"):
                columns[f.name + suffix] = pa.Column("datetime64[ms]", nullable=True)
    if resource.name == "claims":
        columns["origins"] = pa.Column("int64", pa.Check.ge(0))
    unique = list(resource.primary_key) or None
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=unique, name=resource.name)
