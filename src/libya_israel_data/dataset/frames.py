"""pandera schemas of the API's DataFrames: the contract ``Dataset`` keeps for pandas users.

Every schema field is a pandas ``string`` column (nullable unless required) with the Table
Schema's constraints as pandera checks, compiled by ``contract/compile.py`` like every other
backend; each EDTF field has ``<field>_earliest`` and ``<field>_latest`` datetime columns; claims
carry ``origins`` (a count of independent root documents). ``Dataset`` validates every frame it
hands out against these schemas, so a user can rely on the dtypes, and can reuse the schemas on
frames of their own (``frame_schema(resource)``).
"""

from __future__ import annotations

from functools import cache

import pandera.pandas as pa

from ..contract import Resource
from ..contract.compile import pandera_column
from .derive import DATE, derived_columns


@cache
def frame_schema(resource: Resource) -> pa.DataFrameSchema:
    """The pandera schema of ``Dataset.frame(resource.name)``."""
    columns: dict[str, pa.Column] = {}
    derived = dict(derived_columns(resource))
    for f in resource.fields:
        columns[f.name] = pandera_column(f)
        for name, kind in derived.pop(f.name, []):
            columns[name] = pa.Column("datetime64[ms]" if kind == DATE else "int64", nullable=True)
    for name, _kind in derived.pop(None, []):
        columns[name] = pa.Column("int64", pa.Check.ge(0))
    unique = list(resource.primary_key) or None
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=unique, name=resource.name)
