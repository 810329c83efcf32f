"""The report of a validation: each :class:`Issue` found, and the :class:`Report` that carries
them. Codes are :class:`~.codes.Code` members; their types are in :mod:`.catalogue`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .catalogue import CATALOGUE, IssueType, Severity
from .codes import Code

__all__ = [
    "CAP",
    "CATALOGUE",
    "Code",
    "Issue",
    "IssueType",
    "Report",
    "Severity",
    "excerpt",
    "make_issue",
    "shown",
]

#: Issues kept per code and resource in a report; the rest are counted ("and N more").
CAP = 100
#: Characters of an issue's value kept in a report; a longer value keeps its start and says
#: its length (a hostile cell may hold a gigabyte).
VALUE_CHARS = 200
#: Characters of an issue's message kept in a report, likewise.
MESSAGE_CHARS = 1000


def excerpt(text: str, limit: int = VALUE_CHARS) -> str:
    """``text`` if it is at most ``limit`` characters, else its start and its length."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text):,} characters in all]"


def shown(value: object, limit: int = 60) -> str:
    """A cell as a message quotes it: ``repr`` of at most ``limit`` characters of it (the
    ``repr`` of a whole hostile cell would cost four times its size)."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem found in a package.

    ``row`` is the 1-based record number (header excluded); ``line`` is the physical line in the
    file, which differs from ``row + 1`` after a cell that holds a line break.
    """

    code: str
    severity: Severity
    resource: str | None
    file: str | None
    row: int | None
    line: int | None
    field: str | None
    message: str
    hint: str = ""
    value: str | None = None  # the offending cell or setting, when there is one

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_text(self) -> str:
        where = self.file or "datapackage.json"
        if self.line is not None:
            where += f":{self.line}"
        field_part = f" {self.field}:" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}:{field_part} {self.message} [{self.code}]{hint}"


def make_issue(
    code: Code,
    message: str,
    *,
    resource: str | None = None,
    file: str | None = None,
    row: int | None = None,
    line: int | None = None,
    field: str | None = None,
    value: str | None = None,
) -> Issue:
    """An :class:`Issue` of a catalogued type, with the type's severity and hint. ``code`` is a
    :class:`Code` member: a string, even one equal to a code, is refused."""
    if not isinstance(code, Code):
        raise TypeError(f"an issue is named by a Code member, not {code!r}")
    t = CATALOGUE[code]
    return Issue(
        str(t.code),
        t.severity,
        resource,
        file,
        row,
        line,
        field,
        excerpt(message, MESSAGE_CHARS),
        t.hint,
        None if value is None else excerpt(value),
    )


@dataclass
class Report:
    """The outcome of :func:`libya_israel_data.validate`: every issue found, in file order."""

    issues: list[Issue] = field(default_factory=list)
    #: Issues left out past :data:`CAP` per code and resource: (code, resource) -> count.
    omitted: dict[tuple[str, str | None], int] = field(default_factory=dict)
    #: The validation stopped at its limit of errors: there may be more issues than these.
    truncated: bool = False
    #: Warnings make the report invalid too (``--fail-on-warnings``).
    fail_on_warnings: bool = False

    @classmethod
    def capped(
        cls,
        issues: list[Issue],
        cap: int = CAP,
        counted: dict[tuple[str, str | None], int] | None = None,
    ) -> Report:
        """A report keeping the first ``cap`` issues of each code and resource, counting the
        rest, so that a file with a million bad rows gives a readable, bounded report.
        ``counted`` are issues the rules counted without making them (past the first ``cap``
        of a check, which are among ``issues``)."""
        kept: list[Issue] = []
        seen: dict[tuple[str, str | None], int] = {}
        omitted: dict[tuple[str, str | None], int] = {}
        for issue in issues:
            key = (issue.code, issue.resource)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= cap:
                kept.append(issue)
            else:
                omitted[key] = omitted.get(key, 0) + 1
        for key, n in (counted or {}).items():
            if n:
                omitted[key] = omitted.get(key, 0) + n
        return cls(kept, omitted)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        """No errors (and, with :attr:`fail_on_warnings`, no warnings)."""
        if self.fail_on_warnings and (self.warnings or self._omitted_warnings()):
            return False
        return not self.errors

    def _omitted_errors(self) -> int:
        return sum(
            n for (c, _r), n in self.omitted.items() if CATALOGUE[Code(c)].severity == "error"
        )

    def _omitted_warnings(self) -> int:
        return sum(self.omitted.values()) - self._omitted_errors()

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"valid": self.valid, "issues": [i.to_dict() for i in self.issues]}
        if self.truncated:
            out["truncated"] = True
        if self.omitted:
            out["omitted"] = [
                {"code": code, "resource": resource, "count": n}
                for (code, resource), n in self.omitted.items()
            ]
        return out

    def to_lines(self) -> list[str]:
        """The report as text: one line per issue, a line per capped group, the summary."""
        lines = [i.to_text() for i in self.issues]
        lines += [
            f"... and {n} more [{code}]" + (f" in {resource}" if resource else "")
            for (code, resource), n in self.omitted.items()
        ]
        return [*lines, self.summary()]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def summary(self) -> str:
        e = len(self.errors) + self._omitted_errors()
        w = len(self.warnings) + self._omitted_warnings()
        verdict = "valid" if self.valid else "invalid"
        out = f"{verdict}: {e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"
        if self.fail_on_warnings and w and not e:
            out += " (warnings fail this validation)"
        if self.truncated:
            out += f"; stopped after {e} error{'s' * (e != 1)}, the report is truncated"
        return out
