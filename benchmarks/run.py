"""Scale benchmarks: our commands against the reference tools and their floors, in one run.

    python benchmarks/run.py --claims 1000000            # one size
    python benchmarks/run.py --claims 1000,10000,100000,1000000 --markdown docs/benchmarks.md
    python benchmarks/run.py --sqlite-only --claims 1000000 --repeat 2   # the SQLite export alone

For each size a synthetic package is generated (benchmarks/generate.py), then every command runs
in its own process, several times: the report gives the median wall time, the peak RSS of the
process (the largest of its runs) and, against a baseline, the figure its target is about.
The targets:

- ``validate``: at least 30 times faster than ``frictionless validate``, under 1 GiB in every run;
- ``export --format sqlite``: at most twice the time of plain ``sqlite3`` ``executemany``
  streaming the same CSV rows (``baselines.py``), under 1 GiB;
- ``export --format parquet``: its time beyond validation at most 1.5 times a plain polars
  ``read_csv`` + ``write_parquet`` of the same files;
- ``export --format json``: at least twice as fast as the standard library's ``json.dump``;
- search (``search.py``, on the SQLite export and the loaded package): every query of its list
  under 50 ms in SQLite (the canned query ``find``: 200 records, ranked) and under 1 s in
  ``Dataset.search`` once the package's search index is built;
- the graph exports and the site (up to ``--outputs-max`` claims): time growing no faster than
  the rows (growth exponent at most 1.0, with 0.05 for noise);
- ``validate`` of the shipped package: at most half of frictionless's time; ``--help`` and
  ``import libya_israel_data`` under 150 ms.

It also checks, on a package with injected errors, that our validate finds every error
frictionless finds (same resource and record) and every injected one. Growth exponents
(log time ratio / log size ratio) show how cost grows with rows. With ``--markdown``, the report
replaces what lies between the ``results`` markers of that file, and the prose around stays.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
BASELINES = HERE / "baselines.py"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
GIB = 1024  # MiB
#: Sizes from which the reference tools that take minutes run once rather than --repeat times.
ONCE_FROM = 1_000_000
#: Growth exponents up to this count as linear (timing noise between single runs).
LINEAR = 1.05


@dataclass
class Result:
    name: str
    claims: int | None
    seconds: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # user + system
    load: list[float] = field(default_factory=list)  # 1-minute load average at the start

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def peak(self) -> float:
        return max(self.rss_mib, default=0.0)


@dataclass
class Row:
    """One line of the report: a command, what it is measured against and whether it meets
    its target (None: measured for reference, no target)."""

    ours: Result
    base: Result | None = None
    figure: str = ""
    target: str = ""
    met: bool | None = None


def measure(argv: list[str], repeat: int, *, name: str, claims: int | None) -> Result:
    """Run ``argv`` ``repeat`` times in its own process: wall time and peak RSS of each run."""
    result = Result(name, claims)
    for _ in range(repeat):
        result.load.append(os.getloadavg()[0])
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        result.seconds.append(time.perf_counter() - start)
        err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RuntimeError(f"{name}: exit {code}\n{err}")
        result.rss_mib.append(usage.ru_maxrss / 1024)  # KiB on Linux
        result.cpu_seconds.append(usage.ru_utime + usage.ru_stime)
    print(
        f"  {name:<44} {result.median:8.2f} s {result.peak:7.0f} MiB",
        file=sys.stderr,
        flush=True,
    )
    return result


def generate(claims: int, out: Path, *, inject: bool = False, seed: int = 1) -> Path:
    marker = out / ".complete"
    if not marker.exists():
        shutil.rmtree(out, ignore_errors=True)
        argv = [PY, str(HERE / "generate.py"), "--claims", str(claims), "--out", str(out)]
        argv += ["--seed", str(seed), *(["--inject-errors"] if inject else [])]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        marker.write_text("")
    return out


def cli(*args: str) -> list[str]:
    return [PY, "-m", "libya_israel_data", *args]


def export(fmt: str, pkg: Path, output: Path) -> list[str]:
    return cli("export", "--format", fmt, "--package", str(pkg), "-o", str(output), "--force")


def frictionless(path: Path) -> list[str]:
    return [PY, "-m", "frictionless", "validate", str(path / "datapackage.json"), "--json"]


def baseline(kind: str, pkg: Path, out: Path) -> list[str]:
    return [PY, str(BASELINES), kind, str(pkg), str(out)]


def run_size(
    claims: int, work: Path, repeat: int, outputs_max: int
) -> tuple[list[Row], list[Result]]:
    """The rows of one size, and the results of the outputs measured for growth only."""
    pkg = generate(claims, work / f"pkg-{claims}")
    out = work / f"out-{claims}"
    out.mkdir(exist_ok=True)
    once = 1 if claims >= ONCE_FROM else repeat
    rows: list[Row] = []

    def m(argv: list[str], name: str, times: int = repeat) -> Result:
        return measure(argv, times, name=name, claims=claims)

    theirs = m(frictionless(pkg), "frictionless validate", once)
    validate = m(cli("validate", str(pkg), "--format", "json"), "libya-israel-data validate")
    speed = theirs.median / validate.median
    rows.append(
        Row(
            validate,
            theirs,
            f"theirs / ours = {speed:.1f}",
            ">= 30; RSS <= 1,024 MiB in every run",
            speed >= 30 and validate.peak <= GIB,
        )
    )

    plain = m(baseline("sqlite3", pkg, out / "plain.sqlite"), "sqlite3 executemany (floor)")
    sqlite = m(export("sqlite", pkg, out / "lid.sqlite"), "libya-israel-data export sqlite")
    times = sqlite.median / plain.median
    rows.append(
        Row(
            sqlite,
            plain,
            f"ours / floor = {times:.2f}",
            "<= 2; RSS <= 1,024 MiB",
            times <= 2 and sqlite.peak <= GIB,
        )
    )
    rows += search_rows(claims, pkg, out / "lid.sqlite", repeat)
    utils = m(baseline("sqlite-utils", pkg, out / "utils.sqlite"), "sqlite-utils insert_all", once)
    rows.append(Row(sqlite, utils, f"ours / theirs = {sqlite.median / utils.median:.2f}"))

    floor = m(baseline("parquet", pkg, out / "plain-parquet"), "polars read_csv + write_parquet")
    parquet = m(export("parquet", pkg, out / "parquet"), "libya-israel-data export parquet")
    beyond = (parquet.median - validate.median) / floor.median
    rows.append(
        Row(
            parquet,
            floor,
            f"(ours - validate) / floor = {beyond:.2f}",
            "<= 1.5",
            beyond <= 1.5,
        )
    )

    stdlib = m(baseline("json", pkg, out / "stdlib.json"), "stdlib json.dump")
    ours_json = m(export("json", pkg, out / "lid.json"), "libya-israel-data export json")
    speed = stdlib.median / ours_json.median
    rows.append(Row(ours_json, stdlib, f"theirs / ours = {speed:.2f}", ">= 2", speed >= 2))

    grown: list[Result] = []
    if claims <= outputs_max:
        site_times = 1 if claims >= 100_000 else repeat
        for fmt, target in (("graphml", "net.graphml"), ("gexf", "net.gexf")):
            grown.append(m(export(fmt, pkg, out / target), f"libya-israel-data export {fmt}"))
        grown.append(
            m(
                cli("site", "--package", str(pkg), "-o", str(out / "site"), "--force"),
                "libya-israel-data site",
                site_times,
            )
        )
    shutil.rmtree(out, ignore_errors=True)
    return rows, grown


def search_rows(claims: int, pkg: Path, db: Path, repeat: int) -> list[Row]:
    """The search targets (``search.py``, in its own process): the slowest query of its list
    in SQLite's ``find``, in a first page of cells, and in ``Dataset.search``."""
    argv = [PY, str(HERE / "search.py"), str(pkg), str(db), "--repeat", str(max(repeat, 3))]
    found = json.loads(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)
    print(f"  search: {json.dumps(found, ensure_ascii=False)}", file=sys.stderr, flush=True)

    def slowest(kind: str, key: str) -> tuple[float, str]:
        ms, query = max((v[key], q) for q, v in found[kind].items())
        return ms, query

    rows = []
    for name, kind, key, limit in (
        ("search: SQLite find (200 records, ranked)", "sqlite", "find_ms", 50.0),
        ("search: SQLite first page (20 cells)", "sqlite", "page_ms", None),
        ("search: Dataset.search", "api", "ms", 1000.0),
    ):
        ms, query = slowest(kind, key)
        figure = f"slowest query: {query} ({ms:.1f} ms)"
        if kind == "api":
            figure += f"; index built in {found['index_s']:.1f} s"
        ours = Result(name, claims, [ms / 1000])
        target = f"< {limit:.0f} ms every query" if limit else ""
        rows.append(Row(ours, None, figure, target, ms < limit if limit else None))
    return rows


def startup(repeat: int) -> list[Row]:
    runs = max(repeat, 10)
    rows = []
    help_ = measure(cli("--help"), runs, name="libya-israel-data --help", claims=None)
    rows.append(Row(help_, None, f"{help_.median * 1000:.0f} ms", "< 150 ms", help_.median < 0.15))
    script = shutil.which("libya-israel-data", path=str(Path(PY).parent)) or shutil.which(
        "libya-israel-data"
    )
    if script:
        entry = measure([script, "--help"], runs, name="console script --help", claims=None)
        rows.append(
            Row(entry, None, f"{entry.median * 1000:.0f} ms", "< 150 ms", entry.median < 0.15)
        )
    imp = measure([PY, "-c", "import libya_israel_data"], runs, name="import", claims=None)
    rows.append(Row(imp, None, f"{imp.median * 1000:.0f} ms", "< 150 ms", imp.median < 0.15))
    shipped = "frictionless validate (shipped)"
    theirs = measure(frictionless(REPO), repeat, name=shipped, claims=None)
    ours = measure(
        cli("validate", str(REPO), "--format", "json"),
        repeat,
        name="libya-israel-data validate (shipped)",
        claims=None,
    )
    share = ours.median / theirs.median
    rows.append(Row(ours, theirs, f"ours / theirs = {share:.2f}", "<= 0.5", share <= 0.5))
    return rows


def check_injected(work: Path, claims: int) -> list[str]:
    """Our validate must find every error frictionless finds, and every injected one."""
    pkg = generate(claims, work / f"bad-{claims}", inject=True)
    expected = json.loads((pkg / "injected-errors.json").read_text(encoding="utf-8"))
    ours = json.loads(
        subprocess.run(
            cli("validate", str(pkg), "--format", "json"), capture_output=True, text=True
        ).stdout
    )
    theirs = json.loads(subprocess.run(frictionless(pkg), capture_output=True, text=True).stdout)
    found = {(i["resource"], i["row"]) for i in ours["issues"] if i["severity"] == "error"}
    full = {(i["code"], i["resource"], i["row"], i["field"]) for i in ours["issues"]}
    missed_theirs = [
        f"{task['name']} row {error['rowNumber'] - 1}: {error['type']}"
        for task in theirs["tasks"]
        for error in task["errors"]
        if error.get("rowNumber") is not None
        and (task["name"], error["rowNumber"] - 1) not in found
    ]
    missed_injected = [
        e for e in expected if (e["code"], e["resource"], e["row"], e["field"]) not in full
    ]
    frictionless_found = {
        (e["code"], e["resource"], e["row"])
        for e in expected
        if any(
            task["name"] == e["resource"] and err.get("rowNumber") == e["row"] + 1
            for task in theirs["tasks"]
            for err in task["errors"]
        )
    }
    only_ours = [
        e["code"]
        for e in expected
        if (e["code"], e["resource"], e["row"]) not in frictionless_found
    ]
    missed = ", ".join(f"{e['code']} {e['resource']} row {e['row']}" for e in missed_injected)
    return [
        f"injected errors: {len(expected)}; found by libya-israel-data: "
        f"{len(expected) - len(missed_injected)}; found by frictionless: "
        f"{len(frictionless_found)}",
        "frictionless errors that libya-israel-data misses: "
        + (", ".join(missed_theirs) or "none"),
        "injected errors that libya-israel-data misses: " + (missed or "none"),
        "injected errors frictionless misses: " + (", ".join(only_ours) or "none"),
    ]


def exponents(results: list[Result]) -> dict[str, list[tuple[int, int, float]]]:
    """Per command, the growth exponent between each pair of consecutive sizes."""
    by_name: dict[str, dict[int, Result]] = {}
    for r in results:
        if r.claims:
            by_name.setdefault(r.name, {})[r.claims] = r
    out = {}
    for name, sizes in by_name.items():
        pairs = itertools.pairwise(sorted(sizes.items()))
        out[name] = [
            (a, b, math.log(rb.median / ra.median) / math.log(b / a)) for (a, ra), (b, rb) in pairs
        ]
    return out


def growth_rows(grown: list[Result]) -> list[Row]:
    """The outputs measured for growth: met when every step is linear or better."""
    rows = []
    for name, steps in exponents(grown).items():
        largest = max((r for r in grown if r.name == name), key=lambda r: r.claims or 0)
        worst = max((k for _, _, k in steps), default=float("nan"))
        rows.append(
            Row(
                largest,
                None,
                f"largest growth exponent {worst:.2f}" if steps else "",
                f"<= 1.0 (+{LINEAR - 1:.2f} for noise)",
                bool(steps) and worst <= LINEAR,
            )
        )
    return rows


def versions() -> str:
    import importlib.metadata as md
    import sqlite3

    names = ["libya-israel-data", "frictionless", "polars", "pyarrow", "pydantic", "sqlite-utils"]
    found = []
    for n in names:
        with contextlib.suppress(md.PackageNotFoundError):
            found.append(f"{n} {md.version(n)}")
    return ", ".join(
        [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}", *found]
    )


def table(rows: list[Row]) -> list[str]:
    out = [
        "| claims | command | median s | peak RSS MiB | against | its s | figure | target | met |",
        "|---:|---|---:|---:|---|---:|---|---|---|",
    ]
    for row in rows:
        ours, base = row.ours, row.base
        size = f"{ours.claims:,}" if ours.claims else ""
        against = (base.name, f"{base.median:.3f}") if base else ("", "")
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        out.append(
            f"| {size} | {ours.name} | {ours.median:.3f} | {ours.peak:.0f} | {against[0]} | "
            f"{against[1]} | {row.figure} | {row.target} | {met} |"
        )
    return out


def rss_runs(rows: list[Row], pick: Callable[[Row], bool]) -> list[str]:
    return [
        f"  {r.ours.name} at {r.ours.claims:,} claims: "
        + ", ".join(f"{m:.0f}" for m in r.ours.rss_mib)
        + " MiB"
        for r in rows
        if pick(r) and r.ours.claims
    ]


def report(args: argparse.Namespace, rows: list[Row], results: list[Result], injected: list[str]):
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"versions: {versions()}",
        f"command: python benchmarks/run.py --claims {args.claims} --repeat {args.repeat}",
        "",
        *table(rows),
        "",
        "peak RSS of every run (MiB):",
        *rss_runs(rows, lambda r: "RSS" in r.target),
        "",
        "growth exponents (1.0 = linear; a step above it is flagged with *):",
    ]
    for name, steps in exponents(results).items():
        parts = [f"{a:,}->{b:,}: {k:.2f}{'*' if k > LINEAR else ''}" for a, b, k in steps]
        if parts:
            lines.append(f"  {name}: " + "; ".join(parts))
    return [*lines, "", *injected]


def write_markdown(path: Path, text: str, command: str) -> None:
    """Replace the block between the markers of ``path`` (or append one), keeping the prose."""
    block = f"{BEGIN}\n`{command}`\n\n{text}\n{END}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + "## Results\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def sqlite_only(sizes: list[int], work: Path, repeat: int) -> str:
    """Only ``export --format sqlite``, run after run: wall and CPU time, peak RSS and the load
    average when it started (on a shared machine, CPU time says more than wall time)."""
    lines = [
        "| claims | run | wall s | CPU s | peak RSS MiB | load (1 min) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        pkg = generate(n, work / f"pkg-{n}")
        out = work / f"out-{n}"
        out.mkdir(exist_ok=True)
        r = measure(
            export("sqlite", pkg, out / "lid.sqlite"), repeat, name="export sqlite", claims=n
        )
        shutil.rmtree(out, ignore_errors=True)
        for i, row in enumerate(zip(r.seconds, r.cpu_seconds, r.rss_mib, r.load, strict=True), 1):
            wall, cpu, rss, load = row
            lines.append(f"| {n:,} | {i} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {load:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--claims",
        default="1000,10000,100000,1000000",
        help="comma-separated sizes (default: 1000,10000,100000,1000000)",
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per command (median)")
    ap.add_argument("--workdir", type=Path, help="where packages are generated (kept)")
    ap.add_argument(
        "--inject-claims", type=int, default=10000, help="size of the package with injected errors"
    )
    ap.add_argument(
        "--outputs-max",
        type=int,
        default=100_000,
        help="largest size at which the graph exports and the site run (default: 100000)",
    )
    ap.add_argument("--markdown", type=Path, help="also write the report into this file")
    ap.add_argument(
        "--sqlite-only",
        action="store_true",
        help="measure only export --format sqlite at each size (wall and CPU time, peak RSS, "
        "load average), print a table and write nothing",
    )
    args = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.claims.split(",") if s]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lid-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.sqlite_only:
        print(sqlite_only(sizes, work, args.repeat))
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    rows: list[Row] = []
    grown: list[Result] = []
    for n in sizes:
        print(f"size {n:,} ...", file=sys.stderr, flush=True)
        size_rows, size_grown = run_size(n, work, args.repeat, args.outputs_max)
        rows += size_rows
        grown += size_grown
    rows += growth_rows(grown)
    rows += startup(args.repeat)
    measured = [r for row in rows for r in (row.ours, row.base) if r] + grown
    unique = list({(r.name, r.claims): r for r in measured}.values())
    text = "\n".join(report(args, rows, unique, check_injected(work, args.inject_claims)))
    print(text)
    if args.markdown:
        command = f"python benchmarks/run.py --claims {args.claims} --repeat {args.repeat}"
        write_markdown(args.markdown, text, command)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
