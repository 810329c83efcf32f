"""Scale benchmarks: our validate and exports against the reference tools, in one run.

    python benchmarks/run.py --claims 1000000            # one size
    python benchmarks/run.py --claims 1000,10000,100000,1000000 --markdown docs/benchmarks.md

For each size a synthetic package is generated (benchmarks/generate.py), then every command runs
in its own process, several times; the table gives the median wall time, the peak RSS of that
process, the ratio to its baseline and whether the target is met. It also checks, on a package
with injected errors, that our validate finds every error frictionless finds (same resource and
record) and every injected one. Growth exponents (log time ratio / log size ratio) show whether
cost grows linearly with rows.
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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable

BASELINES = HERE / "baselines.py"


@dataclass
class Result:
    name: str
    claims: int | None
    seconds: list[float] = field(default_factory=list)
    rss_mib: float = 0.0
    ok: bool = True

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def measure(
    argv: list[str],
    repeat: int,
    *,
    name: str,
    claims: int | None,
    cwd: Path | None = None,
    expect: set[int] = frozenset({0}),
) -> Result:
    """Run ``argv`` ``repeat`` times in its own process: wall time and peak RSS of each run."""
    result = Result(name, claims)
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        result.seconds.append(time.perf_counter() - start)
        code = os.waitstatus_to_exitcode(status)
        if code not in expect:
            err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
            raise RuntimeError(f"{name}: exit {code}\n{err}")
        if proc.stderr:
            proc.stderr.close()
        result.rss_mib = max(result.rss_mib, usage.ru_maxrss / 1024)  # KiB on Linux
    return result


def generate(claims: int, out: Path, *, inject: bool = False, seed: int = 1) -> Path:
    marker = out / ".complete"
    if not marker.exists():
        shutil.rmtree(out, ignore_errors=True)
        argv = [
            PY,
            str(HERE / "generate.py"),
            "--claims",
            str(claims),
            "--out",
            str(out),
            "--seed",
            str(seed),
        ]
        subprocess.run(
            argv + (["--inject-errors"] if inject else []), check=True, stdout=subprocess.DEVNULL
        )
        marker.write_text("")
    return out


def cli(*args: str) -> list[str]:
    return [PY, "-m", "libya_israel_data", *args]


def frictionless(path: Path) -> list[str]:
    return [PY, "-m", "frictionless", "validate", str(path / "datapackage.json"), "--json"]


def run_size(claims: int, work: Path, repeat: int) -> list[tuple[Result, Result | None, str, str]]:
    pkg = generate(claims, work / f"pkg-{claims}")
    out = work / f"out-{claims}"
    out.mkdir(exist_ok=True)
    big = claims >= 1_000_000
    rows: list[tuple[Result, Result | None, str, str]] = []
    theirs = measure(
        frictionless(pkg), 1 if big else repeat, name="frictionless validate", claims=claims
    )
    ours = measure(
        cli("validate", str(pkg), "--format", "json"),
        repeat,
        name="libya-israel-data validate",
        claims=claims,
    )
    rows.append(
        (
            ours,
            theirs,
            "ratio >= 30, RSS <= 1024 MiB",
            "ok" if theirs.median / ours.median >= 30 and ours.rss_mib <= 1024 else "MISSED",
        )
    )
    plain = measure(
        [PY, str(BASELINES), "sqlite3", str(pkg), str(out / "plain.sqlite")],
        repeat,
        name="sqlite3 executemany (baseline)",
        claims=claims,
    )
    ours_sql = measure(
        cli(
            "export",
            "--format",
            "sqlite",
            "--package",
            str(pkg),
            "--output",
            str(out / "lid.sqlite"),
            "--force",
        ),
        repeat,
        name="libya-israel-data export sqlite",
        claims=claims,
    )
    rows.append(
        (
            ours_sql,
            plain,
            "time <= 1.2 x baseline",
            "ok" if ours_sql.median <= 1.2 * plain.median else "MISSED",
        )
    )
    utils = measure(
        [PY, str(BASELINES), "sqlite-utils", str(pkg), str(out / "utils.sqlite")],
        1 if big else repeat,
        name="sqlite-utils insert_all",
        claims=claims,
    )
    rows.append((ours_sql, utils, "(reference)", ""))
    stdlib = measure(
        [PY, str(BASELINES), "json", str(pkg), str(out / "stdlib.json")],
        repeat,
        name="stdlib json.dump (baseline)",
        claims=claims,
    )
    ours_json = measure(
        cli(
            "export",
            "--format",
            "json",
            "--package",
            str(pkg),
            "--output",
            str(out / "lid.json"),
            "--force",
        ),
        repeat,
        name="libya-israel-data export json",
        claims=claims,
    )
    rows.append(
        (
            ours_json,
            stdlib,
            "ratio >= 2",
            "ok" if stdlib.median / ours_json.median >= 2 else "MISSED",
        )
    )
    shutil.rmtree(out, ignore_errors=True)
    return rows


def startup(repeat: int) -> list[tuple[Result, Result | None, str, str]]:
    help_ = measure(cli("--help"), max(repeat, 10), name="libya-israel-data --help", claims=None)
    script = shutil.which("libya-israel-data") or shutil.which(
        "libya-israel-data", path=str(Path(PY).parent)
    )
    rows = [(help_, None, "< 150 ms", "ok" if help_.median < 0.150 else "MISSED")]
    if script:
        entry = measure(
            [script, "--help"], max(repeat, 10), name="console script --help", claims=None
        )
        rows.append((entry, None, "< 150 ms", "ok" if entry.median < 0.150 else "MISSED"))
    imp = measure(
        [PY, "-c", "import libya_israel_data"],
        max(repeat, 10),
        name="import libya_israel_data",
        claims=None,
    )
    rows.append((imp, None, "", ""))
    shipped = REPO
    theirs = measure(
        frictionless(shipped), repeat, name="frictionless validate (shipped)", claims=None
    )
    ours = measure(
        cli("validate", str(shipped), "--format", "json"),
        repeat,
        name="libya-israel-data validate (shipped)",
        claims=None,
    )
    rows.append(
        (
            ours,
            theirs,
            "time <= 0.5 x frictionless",
            "ok" if ours.median <= 0.5 * theirs.median else "MISSED",
        )
    )
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
    lines = []
    missed_theirs = []
    for task in theirs["tasks"]:
        for error in task["errors"]:
            row = error.get("rowNumber")
            if row is not None and (task["name"], row - 1) not in found:
                missed_theirs.append(f"{task['name']} row {row - 1}: {error['type']}")
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
    lines.append(
        f"injected errors: {len(expected)}; found by libya-israel-data: "
        f"{len(expected) - len(missed_injected)}; found by frictionless: "
        f"{len(frictionless_found)}"
    )
    lines.append(
        "frictionless errors that libya-israel-data misses: " + (", ".join(missed_theirs) or "none")
    )
    lines.append(
        "injected errors that libya-israel-data misses: "
        + (
            ", ".join(f"{e['code']} {e['resource']} row {e['row']}" for e in missed_injected)
            or "none"
        )
    )
    only_ours = [
        e["code"]
        for e in expected
        if (e["code"], e["resource"], e["row"]) not in frictionless_found
    ]
    lines.append("injected errors frictionless misses: " + (", ".join(only_ours) or "none"))
    return lines


def growth(results: list[Result]) -> list[str]:
    lines = []
    by_name: dict[str, list[Result]] = {}
    for r in results:
        if r.claims:
            by_name.setdefault(r.name, []).append(r)
    for name, rs in by_name.items():
        rs = sorted({r.claims: r for r in rs}.values(), key=lambda r: r.claims)
        parts = []
        for a, b in itertools.pairwise(rs):
            if a.median > 0 and b.median > 0:
                k = math.log(b.median / a.median) / math.log(b.claims / a.claims)
                parts.append(f"{a.claims:,}->{b.claims:,}: {k:.2f}")
        if parts:
            lines.append(f"{name}: " + "; ".join(parts))
    return lines


def versions() -> str:
    import importlib.metadata as md

    names = [
        "libya-israel-data",
        "frictionless",
        "polars",
        "pyarrow",
        "pydantic",
        "pandas",
        "sqlite-utils",
    ]
    found = []
    for n in names:
        with contextlib.suppress(md.PackageNotFoundError):
            found.append(f"{n} {md.version(n)}")
    import sqlite3

    return ", ".join(
        [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}", *found]
    )


def table(rows: list[tuple[Result, Result | None, str, str]]) -> list[str]:
    out = [
        "| claims | command | median s | peak RSS MiB | baseline | baseline s | ratio | "
        "target | met |",
        "|---:|---|---:|---:|---|---:|---:|---|---|",
    ]
    for ours, base, target, met in rows:
        size = f"{ours.claims:,}" if ours.claims else ""
        if base is None:
            out.append(
                f"| {size} | {ours.name} | {ours.median:.3f} | {ours.rss_mib:.0f} | | | | "
                f"{target} | {met} |"
            )
        else:
            ratio = base.median / ours.median
            out.append(
                f"| {size} | {ours.name} | {ours.median:.3f} | {ours.rss_mib:.0f} | "
                f"{base.name} | {base.median:.3f} | {ratio:.2f} | {target} | {met} |"
            )
    return out


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
    ap.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.claims.split(",") if s]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lid-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sizes:
        print(f"size {n:,} ...", file=sys.stderr, flush=True)
        rows += run_size(n, work, args.repeat)
    rows += startup(args.repeat)
    report = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"versions: {versions()}",
        f"command: python benchmarks/run.py --claims {args.claims} --repeat {args.repeat}",
        "",
        *table(rows),
        "",
        "growth exponents (1.0 = linear):",
        *[f"  {line}" for line in growth([r for row in rows for r in (row[0], row[1]) if r])],
        "",
        *check_injected(work, args.inject_claims),
    ]
    text = "\n".join(report)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
