"""The README's two fresh-machine commands, as a newcomer copies them: ``main`` (validate and
export) and ``test`` (install the development tools and run the tests). ``.ci/run`` runs the
test command through this script, and the tests run the main command in a fresh clone, so the
README cannot drift from what works. Standard library only: CI runs it before anything is
installed. Usage: ``python3 tests/readme_commands.py main|test``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = "## On a fresh machine"


def commands(readme: Path = README) -> dict[str, str]:
    """The section's fenced blocks, in order: the main job, then the tests."""
    text = readme.read_text(encoding="utf-8").split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = [b.strip() for b in re.findall(r"```\n(.*?)```", text, re.S)]
    if len(blocks) != 2 or any("\n" in b for b in blocks):
        raise SystemExit(f"{readme}: '{SECTION}' must hold two one-line command blocks")
    return {"main": blocks[0], "test": blocks[1]}


if __name__ == "__main__":
    print(commands()[sys.argv[1]])
