"""The site's downloads: every export format, built into the site with its size and SHA-256.

The CSV data package and the Parquet tables are folders, so they are offered as ZIP archives
written with fixed member times and order (the same package gives the same bytes). A
``SHA256SUMS`` file lists every download for ``sha256sum -c``.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ...dataset.package import ValidatedPackage
from ...foundations.atomic import write_text

NAME = "libya-israel-data"
#: The time stamped on every member of a ZIP archive (ZIP cannot store earlier dates).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(folder).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes())


def size_text(n: int) -> str:
    """A size in words: 980 bytes, 237 kB, 2.9 MB (SI units, as file browsers show them)."""
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB"
    return f"{n / 1_000_000:.1f} MB"


#: (file name, label, how to open it), in the order the home page lists them.
FORMATS = (
    (
        f"{NAME}-csv.zip",
        "CSV data package (ZIP)",
        "the curated tables with their Frictionless "
        "descriptor and Table Schemas; open the CSV files in any spreadsheet, or check the whole "
        "package with frictionless validate",
    ),
    (
        f"{NAME}.sqlite",
        "SQLite database",
        "one file with every table, the derived columns and "
        "a full-text index; open it with sqlite3, DB Browser for SQLite or datasette",
    ),
    (
        f"{NAME}-parquet.zip",
        "Parquet tables (ZIP)",
        "one file per table with the derived columns; for DuckDB, pandas, polars or R's arrow",
    ),
    (f"{NAME}.json", "JSON document", "every table as an array of records"),
    (
        f"{NAME}.graphml",
        "GraphML network",
        "people, organizations and meetings as a graph; for Gephi, Cytoscape or networkx",
    ),
    (f"{NAME}.gexf", "GEXF network", "the same graph for Gephi"),
)


@dataclass(frozen=True)
class Download:
    """One download as the home page lists it."""

    #: The file, from the site's root.
    href: str
    label: str
    #: How to open it.
    note: str
    #: Its size in words (:func:`size_text`), and in bytes.
    size: str
    bytes: int
    sha256: str


def write_downloads(package: ValidatedPackage, site: Path, folder: str) -> list[Download]:
    """Write every format into ``site/folder``; return what the home page lists for each."""
    from ..export.csv import export_csv
    from ..export.graph import export_graph
    from ..export.json import export_json
    from ..export.parquet import export_parquet
    from ..export.sqlite import write_database

    out = site / folder
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(dir=site, prefix=".downloads-") as tmp:
        work = Path(tmp)
        export_csv(package, work / "csv")
        _zip(work / "csv", out / FORMATS[0][0])
        write_database(package, out / FORMATS[1][0])
        export_parquet(package, work / "parquet")
        _zip(work / "parquet", out / FORMATS[2][0])
        export_json(package, out / FORMATS[3][0])
        export_graph(package, out / FORMATS[4][0], fmt="graphml")
        export_graph(package, out / FORMATS[5][0], fmt="gexf")
    listed = []
    sums = []
    for name, title, note in FORMATS:
        data = (out / name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        sums.append(f"{digest}  {name}\n")
        listed.append(
            Download(f"{folder}/{name}", title, note, size_text(len(data)), len(data), digest)
        )
    write_text(out / "SHA256SUMS", "".join(sums))
    return listed
