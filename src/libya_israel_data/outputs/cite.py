"""Citations of the dataset, or of one row at this version, in plain text and BibTeX."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..contract import Claims, Meetings, People, Sources
from ..foundations.paths import resolve_descriptor
from ..foundations.progress import Progress

AUTHOR = "libya-israel-data contributors"

#: Characters BibTeX gives a meaning to, and how to write them as text.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """``text`` as literal BibTeX field content: braces, ``&``, ``%``, ``#`` ... escaped."""
    return "".join(BIBTEX_ESCAPES.get(ch, ch) for ch in text)


def _descriptor(path: str | Path | None) -> dict[str, Any]:
    return json.loads(resolve_descriptor(path).read_text(encoding="utf-8"))


def _row(
    path: str | Path | None,
    resource: str,
    row_id: str,
    validate: bool,
    progress: Progress | None,
) -> dict[str, str]:
    from ..dataset.package import open_package

    package = open_package(path, validate=validate, progress=progress)
    if resource not in package.tables:
        raise KeyError(f"no resource {resource!r}; choose one of {', '.join(package.tables)}")
    key = package.resources[resource].primary_key
    if len(key) != 1:
        raise KeyError(
            f"{resource} has a composite key ({', '.join(key)}); cite its claim or source instead"
        )
    import polars as pl

    rows = package.tables[resource].filter(pl.col(key[0]) == row_id)
    if rows.is_empty():
        raise KeyError(f"no {resource} row with {key[0]} = {row_id!r}")
    return rows.row(0, named=True)


def citation(
    path: str | Path | None = None,
    resource: str | None = None,
    row_id: str | None = None,
    style: str = "text",
    *,
    validate: bool = True,
    progress: Progress | None = None,
) -> str:
    """A citation of the dataset (``resource`` None) or of one row, at the package's version.
    A row of a package with errors raises :class:`~.package.InvalidPackageError` unless
    ``validate`` is false."""
    d = _descriptor(path)
    # Optional descriptor fields may be missing from a user's package: cite what is there.
    version = str(d.get("version") or "unversioned")
    created = str(d.get("created") or "")
    year, date = created[:4] or "n.d.", created[:10] or "n.d."
    title = str(d.get("title") or d.get("name") or "libya-israel-data")
    licences = d.get("licenses") if isinstance(d.get("licenses"), list) else []
    licence = str(
        (licences[0] if licences and isinstance(licences[0], dict) else {}).get("name", "")
    )
    url = d.get("homepage") if isinstance(d.get("homepage"), str) else None
    key = f"libya_israel_data_{version.replace('.', '_')}"
    if resource is None:
        if style == "bibtex":
            fields = [
                ("author", f"{{{AUTHOR}}}"),
                ("title", f"{{{bibtex_escape(title)}}}"),
                ("year", year),
                ("version", bibtex_escape(version)),
                ("date", date if created else None),
                ("url", url),
                ("note", f"Data licence: {bibtex_escape(licence)}" if licence else None),
            ]
            return _bibtex("misc", key, fields)
        where = f" {url}." if url else ""
        rights = f" Licence: {licence}." if licence else ""
        return f"{AUTHOR} ({year}). {title} (version {version}, {date}) [Data set].{where}{rights}"
    if row_id is None:
        raise ValueError("give the row's id after the resource")
    row = _row(path, resource, row_id, validate, progress)
    if resource == Sources.RESOURCE:
        return _source(row, title, version, date, style)
    # a claim's statement, a meeting's title, a person's or an organization's name
    label = row.get(Claims.statement) or row.get(Meetings.title) or row.get(People.name) or row_id
    label = label if len(label) <= 120 else label[:117] + "..."
    if style == "bibtex":
        fields = [
            ("author", f"{{{AUTHOR}}}"),
            ("title", f"{{{bibtex_escape(label)}}}"),
            ("howpublished", bibtex_escape(f"{title}, version {version}, {resource} {row_id}")),
            ("year", year),
            ("version", bibtex_escape(version)),
            ("url", url),
        ]
        return _bibtex("misc", f"{key}_{row_id.replace('-', '_')}", fields)
    where = f" {url}." if url else ""
    stop = "" if label.endswith((".", "?", "!")) else "."  # a statement often ends with one
    return (
        f'{AUTHOR} ({year}). "{label}{stop}" In {title} (version {version}, {date}), '
        f"{resource} {row_id}.{where}"
    )


def _bibtex(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    """A BibTeX entry of the fields that have a value; values are already escaped."""
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}"


def _source(row: dict, dataset: str, version: str, date: str, style: str) -> str:
    """A cited document: its publisher, author, date, title and address first (the work the
    reader should cite), then the dataset row that records it."""
    sid = row[Sources.source_id]
    when = row.get(Sources.published) or "n.d."
    who = row.get(Sources.author) or row.get(Sources.publisher)
    title = row[Sources.title] + (
        f" [{row[Sources.title_en]}]" if row.get(Sources.title_en) else ""
    )
    where = (
        f" {row[Sources.url]}"
        if row.get(Sources.url)
        else " (not online; known through the pages that relay it)"
    )
    if style == "bibtex":
        note = f"Recorded in {dataset}, version {version} ({date}), sources {sid}"
        fields = [
            ("author", f"{{{bibtex_escape(who)}}}"),
            ("title", f"{{{bibtex_escape(title)}}}"),
            (
                "journal" if row.get(Sources.url) else "organization",
                bibtex_escape(row[Sources.publisher]),
            ),
            ("date", when if row.get(Sources.published) else None),
            ("url", row.get(Sources.url)),
            ("language", row.get(Sources.language)),
            ("note", bibtex_escape(note)),
        ]
        return _bibtex("article", sid.replace("-", "_"), fields)
    by = (
        f"{row[Sources.author]} ({row[Sources.publisher]})"
        if row.get(Sources.author)
        else row[Sources.publisher]
    )
    return (
        f'{by} ({when}). "{title}".{where}. Recorded in {AUTHOR}, {dataset} '
        f"(version {version}, {date}), sources {sid}."
    )
