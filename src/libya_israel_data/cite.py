"""Citations of the dataset, or of one row at this version, in plain text and BibTeX."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .package import shown_metadata
from .paths import resolve_descriptor
from .progress import Progress

AUTHOR = "libya-israel-data contributors"
URL = "https://pypi.org/project/libya-israel-data/"


def _descriptor(path: str | Path | None) -> dict[str, Any]:
    return json.loads(resolve_descriptor(path).read_text(encoding="utf-8"))


def _row(
    path: str | Path | None, resource: str, row_id: str, progress: Progress | None
) -> dict[str, str]:
    from .package import open_package

    package = open_package(path, validate=False, progress=progress)
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
    progress: Progress | None = None,
) -> str:
    """A citation of the dataset (``resource`` None) or of one row, at the package's version."""
    d = _descriptor(path)
    version, year = d["version"], d["created"][:4]
    date = d["created"][:10]
    shown = shown_metadata(d)
    title, licence = shown["title"], shown["licence"]
    if resource is None:
        if style == "bibtex":
            return (
                f"@misc{{libya_israel_data_{version.replace('.', '_')},\n"
                f"  author = {{{{{AUTHOR}}}}},\n  title = {{{{{title}}}}},\n"
                f"  year = {{{year}}},\n  version = {{{version}}},\n"
                f"  date = {{{date}}},\n  url = {{{URL}}},\n  note = {{Data licence: "
                f"{licence}}}\n}}"
            )
        return (
            f"{AUTHOR} ({year}). {title} (version {version}, {date}) [Data set]. "
            f"{URL}. Licence: {licence}."
        )
    if row_id is None:
        raise ValueError("give the row's id after the resource")
    row = _row(path, resource, row_id, progress)
    if resource == "sources":
        return _source(row, title, version, date, style)
    label = row.get("statement") or row.get("title") or row.get("name") or row_id
    label = label if len(label) <= 120 else label[:117] + "..."
    if style == "bibtex":
        return (
            f"@misc{{libya_israel_data_{version.replace('.', '_')}_{row_id.replace('-', '_')},"
            f"\n  author = {{{{{AUTHOR}}}}},\n  title = {{{{{label}}}}},\n"
            f"  howpublished = {{{title}, version {version}, {resource} {row_id}}},\n"
            f"  year = {{{year}}},\n  version = {{{version}}},\n  url = {{{URL}}}\n}}"
        )
    return (
        f'{AUTHOR} ({year}). "{label}" In {title} (version {version}, {date}), '
        f"{resource} {row_id}. {URL}."
    )


def _source(row: dict, dataset: str, version: str, date: str, style: str) -> str:
    """A cited document: its publisher, author, date, title and address first (the work the
    reader should cite), then the dataset row that records it."""
    sid = row["source_id"]
    when = row.get("published") or "n.d."
    who = row.get("author") or row.get("publisher")
    title = row["title"] + (f" [{row['title_en']}]" if row.get("title_en") else "")
    where = (
        f" {row['url']}"
        if row.get("url")
        else " (not online; known through the pages that relay it)"
    )
    if style == "bibtex":
        fields = [
            ("author", f"{{{who}}}"),
            ("title", f"{{{title}}}"),
            ("journal" if row.get("url") else "organization", row["publisher"]),
            ("date", when if row.get("published") else None),
            ("url", row.get("url")),
            ("language", row.get("language")),
            ("note", f"Recorded in {dataset}, version {version} ({date}), sources {sid}"),
        ]
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
        return f"@article{{{sid.replace('-', '_')},\n{body}\n}}"
    by = f"{row['author']} ({row['publisher']})" if row.get("author") else row["publisher"]
    return (
        f'{by} ({when}). "{title}".{where}. Recorded in {AUTHOR}, {dataset} '
        f"(version {version}, {date}), sources {sid}."
    )
