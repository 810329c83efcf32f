"""``--inject-errors``: a list of known errors written into a generated (valid) package.

Each error is chosen so that it stays isolated (or its secondary effects are known and listed),
using the claim index the generator kept (``keep_index``). The files are rewritten by streaming;
``inject`` returns the list written to ``injected-errors.json``.
"""

from __future__ import annotations

import csv
import os
import random
from array import array
from pathlib import Path

from .claims import TYPE_CODE
from .generator import Generator
from .tables import FIELDS


def rewrite(path: Path, edits: dict[int, object]) -> None:
    """Stream ``path`` to a new file, applying ``edits``: record number -> function(row) that
    returns the list of rows to write instead (empty: delete; two: insert after). Every record
    of a generated (valid) file is one physical line, so lines are records."""
    tmp = path.with_suffix(".tmp")
    with (
        open(path, encoding="utf-8", newline="") as src,
        open(tmp, "w", encoding="utf-8", newline="", buffering=1 << 20) as dst,
    ):
        w = csv.writer(dst, lineterminator="\n")
        dst.write(src.readline())
        for rec, line in enumerate(src, 1):
            edit = edits.get(rec)
            if edit is None:
                dst.write(line)
            else:
                row = next(csv.reader([line]))
                for new in edit(row):
                    w.writerow(new)
    os.replace(tmp, path)


def inject(gen: Generator, out: Path, seed: int) -> list[dict]:
    rng = random.Random(seed * 7919 + 104729)
    N, S = gen.N, gen.S
    ncit = gen.claim_ncit
    offsets = array("l", [0]) * (N + 1)
    total = 0
    for i in range(N):
        offsets[i] = total
        total += ncit[i]
    offsets[N] = total
    count = gen.src_count
    used: set[int] = set()
    occurred = TYPE_CODE["occurred"]

    def pick(limit: int, ok) -> int:
        start = rng.randrange(limit)
        for step in range(limit):
            i = (start + step) % limit
            if i not in used and ok(i):
                used.add(i)
                return i
        raise SystemExit("generate.py: no row fits an injected error; use more claims")

    def sources_of(c: int) -> list[int]:
        return list(gen.cite_src[offsets[c] : offsets[c + 1]])

    c_enum = pick(N, lambda i: gen.claim_type[i] != occurred)
    c_date = pick(N, lambda i: True)
    c_newline = pick(
        N, lambda i: ncit[i] == 1 and not gen.claim_ref[i] and gen.claim_type[i] != occurred
    )
    c_nocite = pick(N, lambda i: all(count[s] >= 2 for s in sources_of(i)))
    for s in sources_of(c_nocite):
        count[s] -= 1
    c_fk = pick(N, lambda i: any(count[s] >= 2 for s in sources_of(i)))
    j_fk = next(j for j, s in enumerate(sources_of(c_fk)) if count[s] >= 2)
    fk_source = gen.srcid(sources_of(c_fk)[j_fk])
    fk_value = f"{fk_source}-gone"

    def cite_row(c: int, j: int) -> int:
        row = offsets[c] + j + 1
        return row - ncit[c_nocite] if c_nocite < c else row

    used_people: set[int] = set()
    k_dup = rng.randrange(gen.P)
    k_bidi = (k_dup + 1 + rng.randrange(gen.P - 1)) % gen.P
    used_people.update((k_dup, k_bidi))
    # prefer a meeting without end_date (an unparsable date is skipped by rule 6 anyway)
    start = rng.randrange(gen.M)
    m_date = next(
        (m for m in ((start + k) % gen.M for k in range(gen.M)) if not gen.m_has_end[m]), start
    )
    s_formula = rng.randrange(S)

    # --- people: a second record with the same person_id; a bidi control in a description
    def dup(row):
        copy = list(row)
        copy[5] = f"{row[5].rstrip('.')}; a second record under the same id."
        return [row, copy]

    def bidi(row):
        row = list(row)
        head, _, tail = row[5].partition(" ")
        row[5] = f"{head} \u202e{tail}"
        return [row]

    rewrite(out / "data" / "people.csv", {k_dup + 1: dup, k_bidi + 1: bidi})
    dup_row = k_dup + 2
    bidi_row = k_bidi + 1 + (1 if k_bidi > k_dup else 0)

    # --- sources: a title that starts with "="
    def formula(row):
        row = list(row)
        row[1] = f"={row[1]}"
        return [row]

    rewrite(out / "data" / "sources.csv", {s_formula + 1: formula})

    # --- meetings: an unpadded date
    def unpadded(row):
        row = list(row)
        row[FIELDS["meetings"].index("date")] = "2023-8-1"
        return [row]

    rewrite(out / "data" / "meetings.csv", {m_date + 1: unpadded})

    # --- claims
    def set_field(i, value):
        def edit(row):
            row = list(row)
            row[i] = value
            return [row]

        return edit

    fields = FIELDS["claims"]
    rewrite(
        out / "data" / "claims.csv",
        {
            c_enum + 1: set_field(fields.index("claim_type"), "rumour"),
            c_date + 1: set_field(fields.index("stated"), "2023-02-30"),
            c_newline + 1: set_field(0, gen.cid(c_newline) + "\n"),
        },
    )

    # --- citations: remove every citation of one claim; point one at a missing source
    edits = {offsets[c_nocite] + j + 1: (lambda row: []) for j in range(ncit[c_nocite])}
    edits[offsets[c_fk] + j_fk + 1] = set_field(1, fk_value)
    rewrite(out / "data" / "citations.csv", edits)

    newline_cite = cite_row(c_newline, 0)
    return [
        {
            "code": "primary-key",
            "resource": "people",
            "row": dup_row,
            "field": "person_id",
            "description": f"a second record for person_id {gen.pid(k_dup)!r} right after the "
            f"first (row {dup_row - 1}); same name, other description. "
            "No secondary effect.",
        },
        {
            "code": "foreign-key",
            "resource": "citations",
            "row": cite_row(c_fk, j_fk),
            "field": "source_id",
            "description": f"citation of {gen.cid(c_fk)!r} points at {fk_value!r}, which is not a "
            f"source (was {fk_source!r}, still cited by other claims, so it is not "
            "orphaned; the claim keeps its other citations, if any). "
            "No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "claims",
            "row": c_enum + 1,
            "field": "claim_type",
            "description": f"claim {gen.cid(c_enum)!r} has claim_type 'rumour', not in the enum "
            "(it was not an 'occurred' claim, so rule 2 still holds). "
            "No secondary effect.",
        },
        {
            "code": "invalid-date",
            "resource": "claims",
            "row": c_date + 1,
            "field": "stated",
            "description": f"claim {gen.cid(c_date)!r} is stated '2023-02-30', which matches the "
            "pattern but is not a calendar date. No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "meetings",
            "row": m_date + 1,
            "field": "date",
            "description": f"meeting {gen.mid(m_date)!r} has date '2023-8-1', unpadded: it fails "
            "the pattern (a date that does not parse is left out of rule 6's "
            "end_date check). "
            "No secondary effect.",
        },
        {
            "code": "constraint-error",
            "resource": "claims",
            "row": c_newline + 1,
            "field": "claim_id",
            "description": f"claim id {gen.cid(c_newline)!r} followed by a newline, inside a "
            "quoted cell (the record spans two physical lines). Secondary effects: "
            "control-character and surrounding-whitespace on the same cell; "
            "citation-missing on the same row (its one citation names the id without "
            f"the newline); foreign-key in citations row {newline_cite} (claim_id). "
            "The claim is not referenced by a participant or a dispute.",
        },
        {
            "code": "citation-missing",
            "resource": "claims",
            "row": c_nocite + 1,
            "field": "claim_id",
            "description": f"all {ncit[c_nocite]} citation(s) of claim {gen.cid(c_nocite)!r} were "
            "removed (their sources are cited by other claims, so none is orphaned). "
            "No secondary effect.",
        },
        {
            "code": "bidi-control",
            "resource": "people",
            "row": bidi_row,
            "field": "description",
            "description": f"U+202E (right-to-left override) inside the description of "
            f"{gen.pid(k_bidi)!r}. No secondary effect.",
        },
        {
            "code": "formula-trigger",
            "resource": "sources",
            "row": s_formula + 1,
            "field": "title",
            "description": f"title of {gen.srcid(s_formula)!r} starts with '='. "
            "No secondary effect.",
        },
    ]
