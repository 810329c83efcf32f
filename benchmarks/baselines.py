"""Baselines the exports are measured against: what a user would write by hand.

python benchmarks/baselines.py sqlite3 PKG OUT        plain sqlite3, executemany, 1 transaction
python benchmarks/baselines.py sqlite-utils PKG OUT   sqlite-utils insert_all
python benchmarks/baselines.py json PKG OUT           csv.DictReader + stdlib json.dump
python benchmarks/baselines.py parquet PKG DIR        polars read_csv + write_parquet, per file
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path


def resources(pkg: Path) -> list[tuple[str, Path]]:
    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    return [(r["name"], pkg / r["path"]) for r in descriptor["resources"]]


def plain_sqlite(pkg: Path, out: Path) -> None:
    """What a user writes by hand: csv.reader streamed straight into executemany, untyped
    columns, one transaction (no row list is built in memory)."""
    out.unlink(missing_ok=True)
    con = sqlite3.connect(out)
    with con:
        for name, path in resources(pkg):
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                header = next(reader)
                con.execute(f'CREATE TABLE "{name}" ({", ".join(f"{h} TEXT" for h in header)})')
                marks = ", ".join("?" * len(header))
                con.executemany(
                    f'INSERT INTO "{name}" VALUES ({marks})',
                    ([c if c != "" else None for c in row] for row in reader),
                )
    con.close()


def sqlite_utils(pkg: Path, out: Path) -> None:
    import sqlite_utils

    out.unlink(missing_ok=True)
    db = sqlite_utils.Database(out)
    for name, path in resources(pkg):
        with path.open(encoding="utf-8", newline="") as f:
            db[name].insert_all(csv.DictReader(f), batch_size=10_000)


def stdlib_json(pkg: Path, out: Path) -> None:
    document = {}
    for name, path in resources(pkg):
        with path.open(encoding="utf-8", newline="") as f:
            document[name] = [
                {k: (v if v != "" else None) for k, v in r.items()} for r in csv.DictReader(f)
            ]
    with out.open("w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)


def plain_parquet(pkg: Path, out: Path) -> None:
    """The floor of a Parquet export: each CSV read by polars (its own type inference) and
    written as it is."""
    import polars as pl

    out.mkdir(exist_ok=True)
    for name, path in resources(pkg):
        pl.read_csv(path).write_parquet(out / f"{name}.parquet")


if __name__ == "__main__":
    kind, pkg, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    {
        "sqlite3": plain_sqlite,
        "sqlite-utils": sqlite_utils,
        "json": stdlib_json,
        "parquet": plain_parquet,
    }[kind](pkg, out)
