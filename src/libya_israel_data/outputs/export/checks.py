"""What every export checks itself before it writes, whatever the package went through.

A :class:`~..package.ValidatedPackage` may have been opened with ``validate=False`` (the API
allows it); an export still never writes a reference to a row that is not there, and the XML
formats never write a character that XML 1.0 cannot carry. The checks are the validator's own
(foreign keys by anti-join, the text layer's character classes), run on the tables at hand.
"""

from __future__ import annotations

import re

import polars as pl

from ...dataset.package import InvalidPackageError, ValidatedPackage
from ...foundations.issues import Code, Issue, Report, make_issue, shown
from ...validation.text import NONCHARACTERS

#: Issues kept per check: enough to name the problem, bounded whatever the package.
SHOWN = 10


def dangling_references(package: ValidatedPackage) -> list[Issue]:
    """A ``foreign-key`` issue for each reference to a row that is not in the package."""
    issues: list[Issue] = []
    for name, resource in package.resources.items():
        table = package.tables.get(name)
        for fk in resource.foreign_keys:
            target = package.tables.get(fk.resource)
            cols = list(fk.fields)
            if table is None or target is None or not set(cols) <= set(table.columns):
                continue
            keys = target.select(
                [pl.col(s).alias(d) for s, d in zip(fk.reference, cols, strict=True)]
            )
            rows = table.select(cols).with_row_index("_row", offset=1)
            rows = rows.filter(pl.all_horizontal([pl.col(c).is_not_null() for c in cols]))
            dangling = rows.join(keys, on=cols, how="anti").sort("_row")
            ref = f"{fk.resource}.{','.join(fk.reference)}"
            for row, *values in dangling.head(SHOWN).iter_rows():
                issues.append(
                    make_issue(
                        Code.FOREIGN_KEY,
                        f"{', '.join(map(shown, values))} is not a {ref} in the package",
                        resource=name,
                        row=row,
                        field=",".join(cols),
                        value=", ".join(values),
                    )
                )
    return issues


#: What XML 1.0 forbids in text that is valid UTF-8: C0 controls other than tab, line feed and
#: carriage return, and the noncharacters (it forbids U+FFFE and U+FFFF; the validator rejects
#: all 66).
XML_FORBIDDEN = f"[\x00-\x08\x0b\x0c\x0e-\x1f{NONCHARACTERS}]"


def unwritable_in_xml(package: ValidatedPackage) -> list[Issue]:
    """An issue for each cell holding a character that XML 1.0 cannot carry."""
    issues: list[Issue] = []
    for name, df in package.tables.items():
        for column in df.columns:
            found = (
                df.select(pl.col(column))
                .with_row_index("_row", offset=1)
                .filter(pl.col(column).str.contains(XML_FORBIDDEN))
                .head(SHOWN)
            )
            for row, value in found.iter_rows():
                first = re.search(XML_FORBIDDEN, value)
                char = ord(first.group()) if first else 0
                issues.append(
                    make_issue(
                        Code.CONTROL_CHARACTER if char < 0x20 else Code.NONCHARACTER,
                        f"the cell holds U+{char:04X}, which XML 1.0 cannot carry",
                        resource=name,
                        row=row,
                        field=column,
                        value=value,
                    )
                )
    return issues


def check_before_writing(package: ValidatedPackage, *, xml: bool = False) -> None:
    """Raise :class:`InvalidPackageError` if the export would write a dangling reference, or,
    with ``xml``, a character that XML cannot carry."""
    issues = dangling_references(package) + (unwritable_in_xml(package) if xml else [])
    if issues:
        raise InvalidPackageError(Report.capped(issues))
