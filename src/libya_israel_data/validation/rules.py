"""One rule interface for every layer, and the registry that runs the rules.

A rule declares its layer, the issue codes it can report and the columns it needs (per
resource), and is a function from the package's tables (a :class:`Context`) to issues. The
registry checks what each rule needs before running it: a rule whose resource or column is
missing does not run, and says so with a ``rule-not-run`` error naming what it lacked, so no
rule is ever skipped in silence.

Rules name columns through the contract (``NAMES.claims.claim_id``), never as free literals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from ..contract import Resource
from ..foundations.issues import CAP, Code, Issue, make_issue
from .structure import LINE, ROW, Table

#: The layers that run rules, in order (the descriptor and structure layers read the package
#: and report what they find while reading).
LAYERS = ("tables", "dates", "text", "provenance")

Needs = Mapping[str, tuple[str, ...]]


@dataclass
class Context:
    """What a rule sees: the tables read (cells as text), and the package's metadata."""

    tables: dict[str, Table]
    created: date | None = None
    #: (resource, column or None) -> names of the rules that it kept from running
    blocked: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    #: (code, resource) -> issues counted but not made: a report keeps only the first
    #: ``CAP`` of each, so a rule makes at most that many per check (see ``Report.capped``)
    counted: Counter[tuple[str, str | None]] = field(default_factory=Counter)

    def lacks(self, rule_name: str, resource: str, columns: Iterable[str]) -> bool:
        """Whether ``resource`` lacks any of ``columns``; if so, record that ``rule_name``
        could not run on it. For rules generic over resources, which run where they can."""
        missing = _missing({resource: tuple(columns)}, self.tables)
        for key in missing:
            self.blocked.setdefault(key, []).append(rule_name)
        return bool(missing)

    def df(self, name: str, *columns: str) -> pl.DataFrame:
        """The columns a rule needs (declared in its ``needs``), with the row and line."""
        return self.tables[name].df.select(ROW, LINE, *dict.fromkeys(columns))

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
    assert layer in LAYERS, layer

    def register(check: Callable[[Context], Iterable[Issue]]):
        fixed = needs
        wanted = fixed if callable(fixed) else (lambda resources: fixed)
        REGISTRY.append(Rule(name, layer, codes, wanted, check))
        return check

    return register


def _missing(needs: Needs, tables: dict[str, Table]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for resource, columns in needs.items():
        table = tables.get(resource)
        if table is None:
            out.append((resource, None))
            continue
        out += [(resource, c) for c in columns if c not in table.df.columns]
    return out


def run(
    ctx: Context, resources: Mapping[str, Resource], step: Callable[[str], None] = lambda s: None
) -> list[Issue]:
    """Run every rule, layer by layer; report each missing resource or column once, with the
    rules it kept from running."""
    issues: list[Issue] = []
    blocked = ctx.blocked
    for layer in LAYERS:
        step(f"checking {layer}")
        for r in REGISTRY:
            if r.layer != layer:
                continue
            missing = _missing(r.needs(resources), ctx.tables)
            if missing:
                for key in missing:
                    blocked.setdefault(key, []).append(r.name)
                continue
            issues += r.check(ctx)
    for (resource, column), names in blocked.items():
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
