"""Typed records: one strict pydantic model per resource, built from its Table Schema.

The models are generated, not written out by hand, so the Table Schemas stay the single source of
truth for field names and constraints. Dates stay strings of the EDTF subset (checked by
``dates.parse``): pydantic's own ``date`` would turn ``"0"`` into 1970-01-01.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, create_model
from pydantic import Field as PydanticField

from . import dates
from .schema import Field, Resource

#: Class names of the contract's resources (others get a title-cased name).
CLASS_NAMES = {
    "sources": "Source",
    "people": "Person",
    "aliases": "Alias",
    "organizations": "Organization",
    "meetings": "Meeting",
    "participants": "Participant",
    "claims": "Claim",
    "citations": "Citation",
}


class Record(BaseModel):
    """Base of every record model: strict, immutable, no unknown fields."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _edtf(value: str) -> str:
    dates.parse(value)  # raises DateError (a ValueError), which pydantic reports
    return value


def _annotation(f: Field) -> Any:
    if f.enum is not None:
        base: Any = Literal[f.enum]  # type: ignore[valid-type]
    elif f.type == "integer":
        base = int
    elif f.type == "boolean":
        base = bool
    else:
        base = Annotated[
            str,
            StringConstraints(
                pattern=f"^(?:{f.pattern})$" if f.pattern else None,
                max_length=f.max_length,
                min_length=f.min_length
                if f.min_length is not None
                else (1 if f.required else None),
            ),
        ]
        if f.edtf:
            base = Annotated[base, AfterValidator(_edtf)]
    return base


@cache
def model_for(resource: Resource) -> type[Record]:
    """The pydantic model of one resource's rows (cached per resource)."""
    fields: dict[str, Any] = {}
    for f in resource.fields:
        ann = _annotation(f)
        description = f.description or None
        if f.required:
            fields[f.name] = (ann, PydanticField(..., description=description))
        else:
            optional = Optional[ann]  # noqa: UP045 - an annotation built at run time
            fields[f.name] = (optional, PydanticField(None, description=description))
    name = CLASS_NAMES.get(resource.name, resource.name.title().replace("_", ""))
    model = create_model(name, __base__=Record, __doc__=f"A row of {resource.name}.", **fields)
    return model
