"""A validation report as GitHub Actions workflow commands, so that a pull request shows each
issue on the file and line it is about.

The syntax is GitHub's ``::error file=F,line=L,title=T::MESSAGE`` (and ``::warning``), with
``%``, CR and LF escaped in the message and ``:`` and ``,`` too in the properties, as the
workflow-commands documentation specifies. Written here, not taken from a library: the format
is four lines of escaping and no maintained package on PyPI does only this.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..foundations.issues import Issue, Report


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(issue: Issue, package_root: Path, workspace: Path | None = None) -> str:
    """One issue as a workflow command. ``file`` is the issue's file (or the descriptor) as a
    path from ``workspace`` (the repository root, GitHub's working folder by default), so the
    annotation lands on that file in the pull request's diff."""
    workspace = workspace or Path.cwd()
    target = (package_root / (issue.file or "datapackage.json")).resolve()
    try:
        name = target.relative_to(workspace.resolve()).as_posix()
    except ValueError:
        name = os.path.relpath(target, workspace.resolve()).replace(os.sep, "/")
    props = [f"file={_escape_property(name)}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
    title = f"{issue.code}" + (f" ({issue.field})" if issue.field else "")
    props.append(f"title={_escape_property(title)}")
    message = issue.message + (f" Hint: {issue.hint}" if issue.hint else "")
    command = "error" if issue.severity == "error" else "warning"
    return f"::{command} {','.join(props)}::{_escape_data(message)}"


def github_lines(report: Report, package_root: Path, workspace: Path | None = None) -> list[str]:
    """Every issue of ``report`` as an annotation, then the capped groups and the summary as a
    notice (GitHub shows at most ten annotations of each kind per step, and the log keeps all)."""
    lines = [annotation(i, package_root, workspace) for i in report.issues]
    lines += [
        f"::notice title=more issues::{n} more [{code}]" + (f" in {resource}" if resource else "")
        for (code, resource), n in report.omitted.items()
    ]
    return [*lines, f"::notice title=libya-israel-data validate::{report.summary()}"]
