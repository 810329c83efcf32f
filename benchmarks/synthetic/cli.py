"""The command line: ``python benchmarks/generate.py --claims N --out DIR [--seed S]
[--inject-errors]`` (see that file for what is generated)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

from libya_israel_data.outputs.integrity import refresh

from .generator import Generator
from .inject import inject
from .tables import REPO, check_schemas
from .vocabulary import check_assets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate a synthetic, valid libya-israel-data package (for benchmarks)."
    )
    ap.add_argument("--claims", type=int, required=True, metavar="N", help="number of claims")
    ap.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument(
        "--inject-errors",
        action="store_true",
        help="add a known list of errors; write DIR/injected-errors.json",
    )
    args = ap.parse_args(argv)
    if args.claims < 50:
        ap.error("--claims must be at least 50")
    started = time.perf_counter()
    check_assets()
    check_schemas()
    descriptor = json.loads((REPO / "datapackage.json").read_text("utf-8"))
    created = datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).date()
    out: Path = args.out
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schemas", out / "schemas", dirs_exist_ok=True)
    gen = Generator(args.claims, args.seed, created, keep_index=args.inject_errors)
    gen.run(out)
    report = out / "injected-errors.json"
    if args.inject_errors:
        errors = inject(gen, out, args.seed)
        report.write_text(
            json.dumps(errors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
        )
    elif report.exists():
        report.unlink()
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")
    refresh(out)  # bytes and sha256 of every generated file, as the project keeps them
    elapsed = time.perf_counter() - started
    sizes = ", ".join(f"{k} {v:,}" for k, v in gen.counts.items())
    print(f"wrote {out} in {elapsed:.1f}s: {sizes}", file=sys.stderr)
    return 0
