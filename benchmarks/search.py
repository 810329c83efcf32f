"""Search at scale: a query in SQLite and in the Python API, on a generated package and its
SQLite export (run by benchmarks/run.py, in its own process).

    python benchmarks/search.py PACKAGE DATABASE [--repeat N]

prints one JSON object: for each query of :data:`QUERIES`, the records it finds and the median
milliseconds of the SQLite canned query ``find`` (the first 200 records, ranked), of a first
page of cells (``search MATCH lid_fold_query(?) LIMIT 20``) and of ``Dataset.search`` once the
package is loaded and its search index built (whose seconds are given apart, as ``index_s``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

#: Names and words of the generator's vocabulary (benchmarks/synthetic/vocabulary.json), in the
#: three scripts, plain, hyphenated and prefixed: from a few hundred to many thousand records.
QUERIES = [
    "Abdel Baset Wahiba",
    "Itay Prosor",
    "Al-Dbeibah",
    "Mangoush's",
    "المنقوش",
    "لحفتر",
    "بإسرائيل",
    "אלמנקוש",
    "ולוב",
]


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", type=Path)
    ap.add_argument("database", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    import libya_israel_data as lid
    from libya_israel_data.outputs.export.sqlite import find_query

    out: dict[str, object] = {}
    con = lid.connect(args.database)
    find = find_query("lid")["sql"]
    page = "SELECT resource, id, text FROM search WHERE search MATCH lid_fold_query(?) LIMIT 20"
    sqlite = {}
    for q in QUERIES:
        sqlite[q] = {
            "find_ms": _median_ms(lambda q=q: con.execute(find, {"q": q}).fetchall(), args.repeat),
            "page_ms": _median_ms(lambda q=q: con.execute(page, [q]).fetchall(), args.repeat),
        }
    con.close()
    out["sqlite"] = sqlite

    ds = lid.load(args.package, validate=False)
    start = time.perf_counter()
    ds.search("warm up")  # builds the search index, once per loaded package
    out["index_s"] = round(time.perf_counter() - start, 2)
    api = {}
    for q in QUERIES:
        api[q] = {
            "records": len(ds.search(q)),
            "ms": _median_ms(lambda q=q: ds.search(q), args.repeat),
        }
    out["api"] = api
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
