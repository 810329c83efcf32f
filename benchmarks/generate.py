"""Generate a synthetic, valid libya-israel-data package of any size, for benchmarks.

    python benchmarks/generate.py --claims N --out DIR [--seed S] [--inject-errors]

writes into DIR a complete data package that follows the data contract (DATA-MODEL.md):
``datapackage.json`` (the repository's descriptor, with ``bytes`` and ``hash`` recomputed and
``created`` kept), ``schemas/`` (a copy of the repository's schemas) and ``data/<resource>.csv``
for the eight resources. The output is deterministic: the same N and seed give the same bytes.

Sizes: N claims; about N/10 people and N/10 sources; about N/100 meetings and organizations (at
least 10 organizations); about 2 aliases per person; 2-4 participants per meeting; 1-3 citations
per claim (1.8 on average).

How the rules are met by construction:

* Claims come in one block per meeting (about 100 claims each), written in id order. A block
  opens with the meeting's ``occurred`` claim (for an ``acknowledged`` meeting its claimant is a
  participant), then one ``attendance`` claim per participant (the participant rows point at
  them), then a mix of claims about the meeting, about a person or about an organization.
* Each block has its own slice of sources, published shortly after the meeting; the first claims
  of a block cite every source of its slice that has a URL, so every such source is cited. About
  10% of sources are upstream documents without a URL; the next source relays each of them.
  Relay chains point at earlier sources and are at most 3 steps long, so they have no cycles.
* A claim's ``stated`` date is never after the earliest publication date of the sources citing
  it; no source is published after the descriptor's ``created`` date.
* People are drawn, in a shuffled order, for the first person slots of the claim stream until
  every person has appeared; after that at random.
* ``disputes`` points at the meeting's ``occurred`` claim (same meeting) or at the previous claim
  about the same person, both earlier in the file.

With ``--inject-errors`` a list of known errors is then written into the valid package (rows
chosen so that each error stays isolated), ``bytes`` and ``hash`` are recomputed again, and
``DIR/injected-errors.json`` lists them: ``code``, ``resource``, ``row`` (1-based record
number, header excluded), ``field`` and ``description``.

Standard library only, but for this package's own ``refresh`` (sizes and hashes in the
descriptor); rows are streamed to the files, so memory stays small.

The code is the package ``benchmarks/synthetic/`` (one module per concern, listed in its
``__init__``); the names, places, titles and templates it draws from are the data file
``benchmarks/synthetic/vocabulary.json``. This file is the entry point.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic.cli import main

if __name__ == "__main__":
    sys.exit(main())
