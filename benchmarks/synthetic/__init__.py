"""A synthetic, valid libya-israel-data package of any size, for benchmarks.

Run it as ``python benchmarks/generate.py --claims N --out DIR [--seed S] [--inject-errors]``;
that file describes what is generated. Modules:

* ``vocabulary`` - names, places, titles and templates, read from ``vocabulary.json``;
* ``tables`` - CSV field order (checked against the schemas), files and id formats;
* ``dates`` - days as ordinals, in ISO and human text;
* ``plan`` - sizes, ids, the people and the meetings, drawn before anything is written;
* ``entities`` - organizations, sources, people and aliases;
* ``meetings`` - meetings;
* ``claims`` - claims, citations and participants;
* ``generator`` - the writers together, in order;
* ``inject`` - ``--inject-errors``;
* ``cli`` - the command line.
"""

from .cli import main

__all__ = ["main"]
