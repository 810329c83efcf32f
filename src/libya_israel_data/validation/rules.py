"""One rule interface for every layer, and the registry that runs the rules.

A rule declares its layer, the issue codes it can report and the columns it needs (per
resource), and is a function from a :class:`Context` to issues. The registry runs the rules
layer by layer, the descriptor and structure layers first (their rules read the package and
fill the context with its descriptor and tables), and checks what each later rule needs before
running it: a rule whose resource or column is missing does not run, and says so with a
``rule-not-run`` error naming what it lacked, so no rule is ever skipped in silence.

``needs`` is a rule's one declaration of its columns: while a rule runs, :meth:`Context.df`
gives it exactly the columns it declared (with the row and line), and refuses a resource it did
not declare. Rules name resources and columns through the contract (``Claims.claim_id``).
Rules generic over every resource (each field's compiled checks, the keys, the dates, the text)
declare no columns: they check each table in ``ctx.tables`` against its own schema, and record
a key column a table lacks through :meth:`Context.lacks`.

What runs, and what is reported, is chosen by :class:`Options` (``--select``, ``--ignore``,
``--limit-errors`` and ``--fail-on-warnings`` of the ``validate`` command).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from ..contract import Package, Resource
from ..foundations.issues import CAP, Code, Issue, Report, make_issue
from .structure import LINE, ROW, Table

#: The layers, in the order they run. The descriptor and structure layers read the package;
#: the others check what was read.
LAYERS = ("descriptor", "structure", "tables", "dates", "text", "provenance")
#: The layers whose rules read the package: they always run (every later rule needs what they
#: read), and only their issues are selected.
READING = ("descriptor", "structure")

Needs = Mapping[str, tuple[str, ...]]

#: Codes the registry itself emits, outside any rule, and why.
OUTSIDE_RULES: dict[Code, str] = {
    Code.RULE_NOT_RUN: "the registry reports a rule whose resource or column is missing",
}


class UndeclaredNeed(LookupError):
    """A rule asked for a resource it did not declare in ``needs``."""


@dataclass
class Context:
    """What a rule sees: the package's descriptor and tables (cells as text) once the reading
    layers have run, and the columns the running rule declared."""

    #: the tables read, by resource name (filled by the structure layer)
    tables: dict[str, Table] = field(default_factory=dict)
    #: the descriptor's ``created`` date (filled by the descriptor layer)
    created: date | None = None
    descriptor_path: Path | None = None
    #: keep each file's bytes on its table (for writers that copy them)
    keep_bytes: bool = False
    step: Callable[[str], None] = lambda s: None
    package: Package | None = None
    descriptor: dict = field(default_factory=dict)
    #: (resource, column or None) -> names of the rules that it kept from running
    blocked: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    #: (code, resource) -> issues counted but not made: a report keeps only the first
    #: ``CAP`` of each, so a rule makes at most that many per check (see ``Report.capped``)
    counted: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    #: the running rule's declared needs (set by the registry)
    declared: Needs = field(default_factory=dict)

    def lacks(self, rule_name: str, resource: str, columns: Iterable[str]) -> bool:
        """Whether ``resource`` lacks any of ``columns``; if so, record that ``rule_name``
        could not run on it. For rules generic over resources, which run where they can."""
        missing = _missing({resource: tuple(columns)}, self.tables)
        for key in missing:
            self.blocked.setdefault(key, []).append(rule_name)
        return bool(missing)

    def df(self, name: str) -> pl.DataFrame:
        """Exactly the columns of ``name`` that the running rule declared in its ``needs``,
        with the row and line; a resource it did not declare is refused."""
        if name not in self.declared:
            raise UndeclaredNeed(
                f"the rule asked for {name!r}, which its needs do not declare "
                f"(it declares {sorted(self.declared)})"
            )
        return self.tables[name].df.select(ROW, LINE, *dict.fromkeys(self.declared[name]))

    def emit(
        self,
        code: Code,
        name: str,
        rows: pl.DataFrame,
        field: str | None,
        message: Callable[[dict[str, Any]], str],
        value: str | None = None,
    ) -> list[Issue]:
        """One issue per row of ``rows`` (which carry ``_row`` and ``_line``), in row order."""
        table = self.tables[name]
        if rows.height > CAP:
            self.counted[(str(code), name)] += rows.height - CAP
            rows = rows.sort(ROW).head(CAP)
        return [
            make_issue(
                code,
                message(rec),
                resource=name,
                file=table.file,
                row=rec[ROW],
                line=rec[LINE],
                field=field,
                value=rec.get(value) if value else rec.get(field) if field else None,
            )
            for rec in rows.sort(ROW).iter_rows(named=True)
        ]


@dataclass(frozen=True)
class Rule:
    name: str
    layer: str
    codes: tuple[Code, ...]
    needs: Callable[[Mapping[str, Resource]], Needs]
    check: Callable[[Context], Iterable[Issue]]


REGISTRY: list[Rule] = []


def rule(
    name: str,
    layer: str,
    codes: tuple[Code, ...],
    needs: Needs | Callable[[Mapping[str, Resource]], Needs] = {},  # noqa: B006 - never changed
) -> Callable[[Callable[[Context], Iterable[Issue]]], Callable[[Context], Iterable[Issue]]]:
    """Register a rule. ``needs`` is ``{resource: (column, ...)}``, or a function of the
    package's resources giving it (for rules generic over every resource)."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")

    def register(check: Callable[[Context], Iterable[Issue]]):
        fixed = needs
        wanted = fixed if callable(fixed) else (lambda resources: fixed)
        REGISTRY.append(Rule(name, layer, codes, wanted, check))
        return check

    return register


class UnknownSelector(ValueError):
    """A ``--select`` or ``--ignore`` entry that is neither an issue code nor a rule's name."""


@dataclass(frozen=True)
class Options:
    """Which issues a validation reports, and when it stops (as in ruff and frictionless).

    ``select`` and ``ignore`` hold issue codes or rules' names; an empty ``select`` means
    every code. A rule none of whose codes is selected does not run (the descriptor and
    structure layers always run: every rule needs what they read). ``limit_errors`` stops the
    validation once that many errors are found and marks the report truncated;
    ``fail_on_warnings`` makes a report with warnings invalid.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    limit_errors: int | None = None
    fail_on_warnings: bool = False

    def __post_init__(self) -> None:
        for entry in (*self.select, *self.ignore):
            _resolve(entry)
        if self.limit_errors is not None and self.limit_errors < 1:
            raise ValueError(f"limit_errors is {self.limit_errors}; it must be at least 1")

    def codes(self) -> frozenset[Code]:
        """The codes reported."""
        chosen = set(Code)
        if self.select:
            chosen = {c for entry in self.select for c in _resolve(entry)}
            chosen.add(Code.RULE_NOT_RUN)  # a selected rule that cannot run says so
        return frozenset(chosen - {c for entry in self.ignore for c in _resolve(entry)})


def entries(values: Iterable[str]) -> tuple[str, ...]:
    """Entries of ``--select`` or ``--ignore`` as given on a command line: each value a code, a
    rule's name, or codes separated by commas (``--select foreign-key,primary-key``)."""
    names = {r.name for r in REGISTRY}
    out: list[str] = []
    for value in values:
        parts = [value] if value in names else value.split(",")
        out += [p.strip() for p in parts if p.strip()]
    return tuple(out)


def _resolve(entry: str) -> tuple[Code, ...]:
    """The codes an entry of ``select`` or ``ignore`` stands for: itself, or a rule's."""
    if entry in Code._value2member_map_:
        return (Code(entry),)
    for r in REGISTRY:
        if r.name == entry:
            return r.codes
    known = [str(c) for c in Code] + [r.name for r in REGISTRY]
    close = difflib.get_close_matches(entry, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownSelector(
        f"{entry!r} is not an issue code or a rule's name{hint} "
        "(docs/errors.md lists the codes and the rules that report them)"
    )


def _missing(needs: Needs, tables: dict[str, Table]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for resource, columns in needs.items():
        table = tables.get(resource)
        if table is None:
            out.append((resource, None))
            continue
        out += [(resource, c) for c in columns if c not in table.df.columns]
    return out


def _order(issue: Issue, ranks: dict[str, int]) -> tuple:
    return (
        issue.file != "datapackage.json",
        ranks.get(issue.resource or "", len(ranks)),
        issue.row or 0,
        issue.field or "",
        issue.code,
        issue.message,
    )


def run(ctx: Context, options: Options | None = None) -> Report:
    """Run every rule, layer by layer, and make the report: each missing resource or column
    once, with the rules it kept from running; the issues in file order, capped per code."""
    options = options or Options()
    wanted = options.codes()
    issues: list[Issue] = []
    errors = 0
    stopped = False
    for layer in LAYERS:
        if stopped:
            break
        if layer not in READING:
            ctx.step(f"checking {layer}")
        resources = {name: t.resource for name, t in ctx.tables.items()}
        for r in REGISTRY:
            if r.layer != layer or (layer not in READING and not wanted.intersection(r.codes)):
                continue
            needs = r.needs(resources)
            missing = _missing(needs, ctx.tables)
            if missing:
                for key in missing:
                    ctx.blocked.setdefault(key, []).append(r.name)
                continue
            ctx.declared = needs
            try:
                found = [i for i in r.check(ctx) if i.code in wanted]
            finally:
                ctx.declared = {}
            issues += found
            errors += sum(i.severity == "error" for i in found)
            if options.limit_errors is not None and errors >= options.limit_errors:
                stopped = True
                break
    if not stopped:
        issues += _not_run(ctx) if Code.RULE_NOT_RUN in wanted else []
    ranks = {name: i for i, name in enumerate(ctx.tables)}
    ordered = sorted(set(issues), key=lambda i: _order(i, ranks))
    if options.limit_errors is not None and errors >= options.limit_errors:
        ordered = _first_errors(ordered, options.limit_errors)
        return Report(ordered, truncated=True, fail_on_warnings=options.fail_on_warnings)
    counted = {key: n for key, n in ctx.counted.items() if key[0] in wanted}
    report = Report.capped(ordered, counted=counted)
    report.fail_on_warnings = options.fail_on_warnings
    return report


def _first_errors(issues: list[Issue], limit: int) -> list[Issue]:
    """The issues up to and including the ``limit``-th error."""
    out, errors = [], 0
    for issue in issues:
        if issue.severity == "error":
            if errors == limit:
                break
            errors += 1
        out.append(issue)
    return out


def _not_run(ctx: Context) -> list[Issue]:
    issues = []
    for (resource, column), names in ctx.blocked.items():
        table = ctx.tables.get(resource)
        what = (
            f"resource {resource!r} could not be read"
            if column is None
            else (f"{resource} has no column {column!r}")
        )
        issues.append(
            make_issue(
                Code.RULE_NOT_RUN,
                f"{what}, so these rules were not checked: {'; '.join(dict.fromkeys(names))}",
                resource=resource,
                file=table.file if table is not None else None,
                field=column,
            )
        )
    return issues
