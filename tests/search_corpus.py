"""The search's test corpus (tests/search/queries.csv), measured against a substring search.

Each query comes with the words a record must contain to be one the query should find
(``words``: regular expressions, all in one cell, on the text normalised as the search
normalises it: lower case, no accents or harakat, Arabic letter variants unified). In Arabic and
Hebrew script a word is a substring, so it is found with any attached prefix or ending
(بإسرائيل, الإسرائيلية, ולוב); in Latin script it stands between non-letters, so it is found with
an attached article, hyphen or possessive (al-Dbeibah, Mangoush's) but not inside another word.

    python tests/search_corpus.py       # recall and precision per script, and misses
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import libya_israel_data as lid
from libya_israel_data.foundations.folding import normalize

QUERIES = Path(__file__).resolve().parent / "search" / "queries.csv"
Records = set[tuple[str, str]]


@dataclass
class Query:
    query: str
    words: list[str]
    note: str

    @property
    def script(self) -> str:
        c = self.query[0]
        return (
            "Arabic"
            if "\u0600" <= c <= "\u06ff"
            else "Hebrew"
            if "\u0590" <= c <= "\u05ff"
            else "Latin"
        )

    def pattern(self, word: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{word})(?!\w)" if self.script == "Latin" else word)


def queries() -> list[Query]:
    with QUERIES.open(encoding="utf-8", newline="") as f:
        return [Query(r["query"], r["words"].split(), r["note"]) for r in csv.DictReader(f)]


def substring(ds: lid.Dataset, q: Query) -> Records:
    """The records with a cell that holds every word of ``q`` (the baseline)."""
    patterns = [q.pattern(w) for w in q.words]
    corpus = ds.package.derived.search_corpus
    return {
        (r, i)
        for r, i, text in corpus.select("resource", "id", "text").iter_rows()
        if all(p.search(normalize(text)) for p in patterns)
    }


@dataclass
class Score:
    query: Query
    expected: Records
    found: Records

    @property
    def missed(self) -> Records:
        return self.expected - self.found

    @property
    def extra(self) -> Records:
        return self.found - self.expected


def measure(ds: lid.Dataset, search: Callable[[str], Records]) -> list[Score]:
    return [Score(q, substring(ds, q), search(q.query)) for q in queries()]


def summary(scores: list[Score]) -> dict[str, tuple[int, int, int, int]]:
    """script -> (queries, records expected, expected records found, records found)."""
    out: dict[str, tuple[int, int, int, int]] = {}
    for s in scores:
        n, e, h, f = out.get(s.query.script, (0, 0, 0, 0))
        out[s.query.script] = (
            n + 1,
            e + len(s.expected),
            h + len(s.expected & s.found),
            f + len(s.found),
        )
    return out


def api_search(ds: lid.Dataset) -> Callable[[str], Records]:
    def run(query: str) -> Records:
        found = ds.search(query)
        return set(zip(found["resource"], found["id"], strict=True))

    return run


if __name__ == "__main__":
    ds = lid.load()
    scores = measure(ds, api_search(ds))
    for script, (n, e, h, f) in summary(scores).items():
        print(f"{script}: {n} queries, recall {h}/{e} = {h / e:.1%}, {f - h} found beyond")
    for s in scores:
        if s.missed or s.extra:
            print(s.query.query, "missed", sorted(s.missed)[:5], "beyond", sorted(s.extra)[:5])
