"""Layer 6, records: every row must load as its resource's pydantic model (what the Python API
returns). Issues already reported for the same cell by an earlier layer are not repeated."""

from __future__ import annotations

import polars as pl
from pydantic import TypeAdapter, ValidationError

from ..issues import Issue, make_issue
from ..models import model_for
from .structure import LINE, ROW, Table


def check(tables: dict[str, Table], known: list[Issue]) -> list[Issue]:
    seen = {(i.resource, i.row, i.field) for i in known}
    seen_rows = {(i.resource, i.row) for i in known if i.field is None}
    issues: list[Issue] = []
    for table in tables.values():
        names = table.resource.field_names
        if any(n not in table.df.columns for n in names) or table.df.is_empty():
            continue
        model = model_for(table.resource)
        frame = table.df.select(
            [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in names]
        )
        positions = table.df.select(ROW, LINE).rows()
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
