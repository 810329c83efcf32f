"""Layer 6, records: rows must load as their resource's pydantic model (what the Python API
returns). Issues already reported for the same cell by an earlier layer are not repeated.

The models are generated from the same Table Schemas that the tables and dates layers check on
every cell, so this layer guards against the two drifting apart, not against bad cells as such.
Building a Python object per row is also by far the costliest check, so a resource with more than
``SAMPLE`` rows is checked on an evenly spaced sample of ``SAMPLE`` rows (first and last
included); smaller resources, like the shipped package's, are checked row by row.
"""

from __future__ import annotations

import polars as pl
from pydantic import TypeAdapter, ValidationError

from ..issues import Issue, make_issue
from ..models import model_for
from .structure import LINE, ROW, Table

#: Rows of one resource checked one by one; larger resources are sampled (see above).
SAMPLE = 5_000


def check(tables: dict[str, Table], known: list[Issue]) -> list[Issue]:
    seen = {(i.resource, i.row, i.field) for i in known}
    seen_rows = {(i.resource, i.row) for i in known if i.field is None}
    issues: list[Issue] = []
    for table in tables.values():
        names = table.resource.field_names
        if any(n not in table.df.columns for n in names) or table.df.is_empty():
            continue
        model = model_for(table.resource)
        df = table.df
        if df.height > SAMPLE:
            step = -(-df.height // SAMPLE)
            df = pl.concat([df.gather_every(step), df.tail(1)]).unique(ROW, maintain_order=True)
        frame = df.select(
            [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in names]
        )
        positions = df.select(ROW, LINE).rows()
        try:
            TypeAdapter(list[model]).validate_python(frame.to_dicts())
        except ValidationError as e:
            for err in e.errors(include_url=False):
                index, *rest = err["loc"]
                field = str(rest[0]) if rest else None
                row, line = positions[int(index)]
                key = (table.resource.name, row, field)
                if key in seen or (table.resource.name, row) in seen_rows:
                    continue
                seen.add(key)
                issues.append(
                    make_issue(
                        "record-error",
                        f"{err['msg']}",
                        resource=table.resource.name,
                        file=table.file,
                        row=row,
                        line=line,
                        field=field,
                    )
                )
    return issues
