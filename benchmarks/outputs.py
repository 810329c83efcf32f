"""Time the newer outputs (Parquet, GraphML, GEXF, the static site) on generated packages.

    python benchmarks/outputs.py --claims 10000,100000 [--markdown docs/benchmarks.md]

Each command runs in its own process on a package written by benchmarks/generate.py; the table
gives wall seconds and peak memory (from wait4), and the growth exponent between sizes
(log time ratio / log size ratio: 1.0 is linear). With --markdown, the table replaces the
section between the markers in that file.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- outputs:begin -->", "<!-- outputs:end -->"
COMMANDS = {
    "export parquet": ["export", "--format", "parquet", "--output", "{out}/parquet"],
    "export graphml": ["export", "--format", "graphml", "--output", "{out}/net.graphml"],
    "export gexf": ["export", "--format", "gexf", "--output", "{out}/net.gexf"],
    "site": ["site", "--output", "{out}/site"],
}


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one command in its own process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", default="10000,100000")
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    sizes = [int(n) for n in args.claims.split(",")]
    cli = [sys.executable, "-m", "libya_israel_data"]
    results: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in COMMANDS}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            pkg = Path(tmp) / f"p{n}"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), "--claims", str(n), "--out", str(pkg)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            for name, template in COMMANDS.items():
                out = Path(tmp) / f"o{n}-{name.replace(' ', '-')}"
                out.mkdir()
                command = [*cli, *[a.format(out=out) for a in template], "--package", str(pkg)]
                results[name][n] = run(command)
                print(f"{name:<16} {n:>9,} claims {results[name][n][0]:8.2f} s", flush=True)
    lines = [
        "| output | " + " | ".join(f"{n:,} claims" for n in sizes) + " | growth |",
        "|---|" + "---:|" * len(sizes) + "---:|",
    ]
    for name, by_size in results.items():
        cells = [f"{by_size[n][0]:.1f} s, {by_size[n][1]:.0f} MiB" for n in sizes]
        growth = ""
        if len(sizes) > 1:
            a, b = sizes[0], sizes[-1]
            growth = f"{math.log(by_size[b][0] / by_size[a][0]) / math.log(b / a):.2f}"
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {growth} |")
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        text = args.markdown.read_text(encoding="utf-8")
        command = f"python benchmarks/outputs.py --claims {args.claims}"
        block = f"{BEGIN}\n`{command}`\n\n{table}\n{END}"
        if BEGIN in text:
            text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
        else:
            text = text.rstrip("\n") + "\n\n## The newer outputs\n\n" + block + "\n"
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
