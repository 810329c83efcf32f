"""The rules of the two layers that read the package: the descriptor (``descriptor.py``) and
each data file, read and hashed once (``structure.py``). They fill the :class:`~.rules.Context`
that every later rule checks, and run before them."""

from __future__ import annotations

from ..foundations.issues import Code, Issue
from . import descriptor
from .rules import Context, rule
from .structure import UnreadableTable, read_table


@rule(
    "the descriptor is readable and lists the contract's resources, their files and schemas",
    "descriptor",
    (
        Code.PACKAGE_ERROR,
        Code.RESOURCE_MISSING,
        Code.RESOURCE_ERROR,
        Code.UNSAFE_PATH,
        Code.ENCODING_DECLARED,
        Code.SCHEMA_ERROR,
        Code.SCHEMA_MISMATCH,
        Code.FILE_MISSING,
        Code.FILE_TOO_LARGE,
    ),
)
def read_descriptor(ctx: Context) -> list[Issue]:
    if ctx.descriptor_path is None:
        raise ValueError("the context names no descriptor to read")
    ctx.package, issues = descriptor.check(ctx.descriptor_path)
    if ctx.package is not None:
        ctx.descriptor = ctx.package.descriptor
        ctx.created = descriptor.created_date(ctx.descriptor)
    return issues


@rule(
    "the descriptor has a semantic version and a creation date",
    "descriptor",
    (Code.METADATA_ERROR,),
)
def metadata(ctx: Context) -> list[Issue]:
    return descriptor.check_metadata(ctx.descriptor) if ctx.package is not None else []


@rule(
    "each data file is UTF-8 CSV with the schema's header, read strictly and once",
    "structure",
    (
        Code.RECORD_TOO_LONG,
        Code.BYTE_ORDER_MARK,
        Code.ENCODING_ERROR,
        Code.LINE_ENDING,
        Code.UNCLOSED_QUOTE,
        Code.CSV_SYNTAX,
        Code.MISSING_CELL,
        Code.EXTRA_CELL,
        Code.BLANK_LABEL,
        Code.DUPLICATE_LABEL,
        Code.EXTRA_LABEL,
        Code.MISSING_LABEL,
        Code.INCORRECT_LABEL,
        Code.BLANK_ROW,
        Code.EMPTY_FILE,
    ),
)
def read_files(ctx: Context) -> list[Issue]:
    """Read each resource's file; one that cannot be read is left out of the tables, and the
    rules that need it report that they could not run."""
    issues: list[Issue] = []
    if ctx.package is None:
        return issues
    for resource in ctx.package.resources:
        ctx.step(f"reading {resource.name}")
        try:
            table = read_table(ctx.package, resource, keep=ctx.keep_bytes)
        except UnreadableTable as e:
            issues.append(e.issue)
            continue
        issues += table.issues
        ctx.tables[resource.name] = table
    return issues


@rule(
    "each data file has the size and hash the descriptor gives",
    "structure",
    (Code.BYTE_COUNT, Code.HASH_COUNT),
)
def integrity(ctx: Context) -> list[Issue]:
    return [i for table in ctx.tables.values() for i in descriptor.check_integrity(table)]
