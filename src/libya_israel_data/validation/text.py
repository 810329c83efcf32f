"""Layer 4, text: NFC, no control or bidi control characters, no surrounding white space, no
spreadsheet formula triggers at the start of a cell. One vectorized pass per rule and column."""

from __future__ import annotations

import unicodedata
from functools import cache

import polars as pl

from ..contract.fields import Aliases, People
from ..foundations.issues import Code, Issue
from .rules import Context, rule
from .structure import Table
from .tables import Check, evaluate, present

BIDI = "[\u202a-\u202e\u2066-\u2069]"
CONTROL = "[\x00-\x1f\x7f-\x9f]"  # Unicode category Cc: C0, DEL and C1
#: The 66 noncharacters: U+FDD0-U+FDEF and the last two code points of every plane. With the
#: control characters above, every code point that XML 1.0 forbids in valid UTF-8 text.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17)
)
NONCHARACTER = f"[{NONCHARACTERS}]"


#: Distinct code points a message names; the rest are counted.
CODEPOINTS_SHOWN = 10


def _codepoints(value: str, pattern: str) -> str:
    """The distinct characters of ``value`` that match ``pattern`` (a character class), named
    U+XXXX: from the set of its characters, never a list of every match (a hostile cell may
    hold a gigabyte of them)."""
    import re

    match = re.compile(pattern).fullmatch
    found = sorted(ord(ch) for ch in set(value) if match(ch))
    names = [f"U+{c:04X}" for c in found[:CODEPOINTS_SHOWN]]
    more = len(found) - CODEPOINTS_SHOWN
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


RULES = [
    (
        Code.BIDI_CONTROL,
        lambda c: c.str.contains(BIDI),
        lambda v: f"contains bidi control character(s) {_codepoints(v, BIDI)}",
    ),
    (
        Code.CONTROL_CHARACTER,
        lambda c: c.str.contains(CONTROL),
        lambda v: f"contains control character(s) {_codepoints(v, CONTROL)}",
    ),
    (
        Code.NONCHARACTER,
        lambda c: c.str.contains(NONCHARACTER),
        lambda v: f"contains noncharacter(s) {_codepoints(v, NONCHARACTER)}",
    ),
    (Code.NOT_NFC, lambda c: c.str.normalize("NFC") != c, lambda v: "is not in Unicode NFC"),
    (
        Code.SURROUNDING_WHITESPACE,
        lambda c: c.str.contains(r"^\s|\s$"),
        lambda v: "starts or ends with white space",
    ),
    (
        Code.FORMULA_TRIGGER,
        lambda c: c.str.contains(r"^[=+\-@]"),
        lambda v: f"starts with {v[0]!r}, a spreadsheet formula trigger",
    ),
]


#: Tables from this size on are screened for NFC by character class rather than by normalising
#: every non-ASCII cell (building the class costs a fraction of a second, once per process).
NFC_CLASS_MIN_ROWS = 50_000


@cache
def nfc_unsafe() -> str:
    """A regex class of every character that can make a text non-NFC: combining marks, Hangul
    vowel and final jamo, and characters that NFC changes on their own. Text without any of
    them is NFC, so only cells that contain one need the costly normalisation."""
    points = [
        i
        for i in range(0x110000)
        if not 0xD800 <= i <= 0xDFFF
        and (
            unicodedata.combining(chr(i))
            or unicodedata.category(chr(i)) in ("Mn", "Mc", "Me")
            or unicodedata.normalize("NFC", chr(i)) != chr(i)
        )
    ]
    points += [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]
    ranges: list[list[int]] = []
    for i in sorted(set(points)):
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return "".join(f"\\x{{{a:X}}}-\\x{{{b:X}}}" if a != b else f"\\x{{{a:X}}}" for a, b in ranges)


def _edges(c: pl.Expr) -> pl.Expr:
    """First or last character is white space, or the first is a formula trigger."""
    return c.str.slice(0, 1).str.contains(r"^[\s=+\-@]") | c.str.slice(-1, 1).str.contains(r"\s")


@rule(
    "text is clean: NFC, no control or bidi characters, no edge spaces or formula triggers",
    "text",
    (
        Code.BIDI_CONTROL,
        Code.CONTROL_CHARACTER,
        Code.NONCHARACTER,
        Code.NOT_NFC,
        Code.SURROUNDING_WHITESPACE,
        Code.FORMULA_TRIGGER,
    ),
)
def check(ctx: Context) -> list[Issue]:
    """Screen each column with one cheap pass; run the rules on the flagged rows only.

    Almost every cell passes the screen, so the full rules, and the costly NFC normalisation,
    run on a small remainder. Small tables normalise their non-ASCII cells directly; large ones
    first look for a character that can break NFC at all.
    """
    issues: list[Issue] = []
    for table in ctx.tables.values():
        columns = table.columns
        if not columns or table.df.is_empty():
            continue
        big = table.df.height >= NFC_CLASS_MIN_ROWS
        scan = (
            "[\\x00-\\x1f\\x7f-\\x9f\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}"
            + NONCHARACTERS
            + (f"{nfc_unsafe()}]" if big else "]")
        )
        flags = table.df.select(
            *[
                (present(c) & (pl.col(c).str.contains(scan) | _edges(pl.col(c)))).alias(f"s{i}")
                for i, c in enumerate(columns)
            ],
            *[
                (
                    present(c)
                    & ~pl.lit(big)
                    & (pl.col(c).str.len_bytes() != pl.col(c).str.len_chars())
                ).alias(f"n{i}")
                for i, c in enumerate(columns)
            ],
        )
        counts = flags.sum().row(0, named=True)
        for i, name in enumerate(columns):
            plans = (
                (f"s{i}", RULES if big else [r for r in RULES if r[0] != Code.NOT_NFC]),
                (f"n{i}", [r for r in RULES if r[0] == Code.NOT_NFC]),
            )
            for flag, rules in plans:
                if not counts[flag]:
                    continue
                subset = Table(table.resource, table.file, table.df.filter(flags.get_column(flag)))
                issues += evaluate(
                    subset,
                    [
                        Check(
                            name,
                            present(name) & rule(pl.col(name)),
                            code,
                            lambda v, m=message: f"the cell {m(v)}",
                        )
                        for code, rule, message in rules
                    ],
                    ctx.counted,
                )
    return issues


# --- scripts: what a cell's letters say about how it was typed or copied -----------------------
INVISIBLE = "[\u200b-\u200f\u2060\ufeff\u061c]"  # zero-width characters, LRM, RLM, ALM, BOM
PRESENTATION = "[\ufb50-\ufdff\ufe70-\ufefe]"  # Arabic presentation forms (NFKC folds them)
#: UTF-8 text decoded as Latin-1 or Windows-1252 and encoded again: "Ã©" for "é", "Ø§" for "ا".
MOJIBAKE = (
    "(?:[ÃÂ][\u0080-\u00bf]|â€|[ØÙ][\u0080-\u00bf\u2018-\u201e\u2020-\u2122"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc])"
)
#: Letters that do not belong in a field's script: Farsi yeh and keheh, or Latin, in an Arabic
#: name; Latin or Arabic in a Hebrew name; Cyrillic or Greek inside a Latin name.
FOREIGN = {
    People.name_ar: ("[\u06cc\u06a9a-zA-Z]", "Farsi yeh or keheh, or Latin letters"),
    People.name_he: ("[a-zA-Z\u0600-\u06ff]", "Latin or Arabic letters"),
    People.name: ("[\u0370-\u03ff\u0400-\u04ff]", "Greek or Cyrillic letters"),
}
#: The fields that hold a name, where tatweel (U+0640) is a warning.
NAME_FIELDS = (People.name, People.name_ar, People.name_he, Aliases.alias)
TATWEEL = "\u0640"


def _script_checks(resource: str, columns: list[str]) -> list[Check]:
    checks = []
    for c in columns:
        col = pl.col(c)
        checks += [
            Check(
                c,
                present(c) & col.str.contains(INVISIBLE),
                Code.INVISIBLE_CHARACTER,
                lambda v: f"the cell contains invisible character(s) {_codepoints(v, INVISIBLE)}",
            ),
            Check(
                c,
                present(c) & col.str.contains(PRESENTATION),
                Code.PRESENTATION_FORM,
                lambda v: (
                    "the cell contains Arabic presentation forms "
                    f"({_codepoints(v, PRESENTATION)}); write the plain letters"
                ),
            ),
            Check(
                c,
                present(c) & col.str.contains(MOJIBAKE),
                Code.MOJIBAKE,
                lambda v: (
                    "the cell looks like UTF-8 text decoded as Latin-1 or Windows-1252 "
                    f"(mojibake): {v[:40]!r}"
                ),
            ),
        ]
        if c in NAME_FIELDS:
            checks.append(
                Check(
                    c,
                    present(c) & col.str.contains(TATWEEL, literal=True),
                    Code.TATWEEL,
                    lambda v: (
                        f"the name contains {v.count(TATWEEL)} tatweel character(s) (U+0640), "
                        "which stretch letters for display only"
                    ),
                )
            )
        # People's names only: an organization's Hebrew or Arabic name may hold a Latin
        # acronym (סוכנות AP).
        if c in FOREIGN and resource == People.RESOURCE:
            pattern, what = FOREIGN[c]
            checks.append(
                Check(
                    c,
                    present(c) & col.str.contains(pattern),
                    Code.MIXED_SCRIPT,
                    lambda v, p=pattern, w=what: (
                        f"the cell contains {w} "
                        f"({_codepoints(v, p)}), which do not belong in this field"
                    ),
                )
            )
    return checks


@rule(
    "letters belong to their script: no invisible characters, presentation forms, mojibake or "
    "letters of another script in a name",
    "text",
    (
        Code.INVISIBLE_CHARACTER,
        Code.PRESENTATION_FORM,
        Code.MOJIBAKE,
        Code.MIXED_SCRIPT,
        Code.TATWEEL,
    ),
)
def check_scripts(ctx: Context) -> list[Issue]:
    """Screened like the rule above: only cells with a non-ASCII character can fail."""
    issues: list[Issue] = []
    for table in ctx.tables.values():
        columns = table.columns
        if not columns or table.df.is_empty():
            continue
        screen = pl.any_horizontal(
            [
                present(c) & (pl.col(c).str.len_bytes() != pl.col(c).str.len_chars())
                | (pl.lit(c in FOREIGN and table.resource.name == People.RESOURCE) & present(c))
                for c in columns
            ]
        )
        subset = table.df.filter(screen)
        if subset.is_empty():
            continue
        sub = Table(table.resource, table.file, subset)
        issues += evaluate(sub, _script_checks(table.resource.name, columns), ctx.counted)
    return issues
