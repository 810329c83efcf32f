"""Folding text for search: spelling-insensitive keys for Latin, Arabic and Hebrew text.

Documents and queries are folded by different rules (docs/search.md has the rules and a table of
examples):

- a **document** (a cell of the search corpus) is folded by :func:`fold_expr`, a polars
  expression, into its words (``folded``); beside them it keeps their other forms (``stems``:
  :func:`forms`, checked against the vocabulary of the whole corpus);
- a **query** is folded by :func:`fold_query` into groups of alternatives: every group must
  match, one alternative of a group is enough. A hyphenated or apostrophised query word matches
  its parts as a phrase or the joined word; a possessive matches the name; an Arabic or Hebrew
  word matches its forms without its attached prefixes and endings.

The query folding is plain Python, linear in the length of the query and bounded
(:data:`MAX_QUERY_LENGTH`, :data:`MAX_QUERY_WORDS`); the site's JavaScript is generated from the
tables of this module (:func:`tables`), so both fold a query alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

# Arabic letter variants that spellings of one name mix freely; tatweel is dropped.
ARABIC = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    "ـ": "",
}
#: Tanween on an alef (``إسرائيلياً``, ``مسؤولاً``): an ending, dropped with the alef before the
#: marks are removed (the mark may come before or after the alef).
TANWEEN_ALEF = ("\u0627\u064b", "\u064b\u0627")
#: Marks that join the parts of one word: apostrophes (and the Hebrew geresh and gershayim),
#: quotes and hyphens. In a document a joined word is indexed both as its parts and written
#: together (``El-Mangoush`` gives ``el mangoush elmangoush``).
JOINER_CHARS = "'\u2018\u2019\u02bc\u05f3\u05f4\"-\u2010\u2011\u2012\u2013\u2014\u2015"
JOINERS = "[" + "".join(f"\\x{{{ord(c):04X}}}" for c in JOINER_CHARS) + "]"
WORD = r"[\p{L}\p{N}]+"

#: Arabic articles, alone or after و ب ك ف, removed as Lucene's ``ArabicStemmer`` removes them:
#: when at least :data:`ARTICLE_REST` letters remain.
ARTICLES = ("وال", "بال", "كال", "فال", "ال")
ARTICLE_REST = 2
#: ``لل`` (the preposition ل before the article): removed whole, unless only the first ل is a
#: prefix, that is unless the rest without one ل is a known word and the rest without both is
#: not (``لليبيا``: to Libya, ``للسلام``: to the peace).
LAM_LAM = "لل"
#: Arabic endings removed in this order, each when at least :data:`SUFFIX_REST` letters remain
#: (teh marbuta is already heh, so ية is يه): Lucene's list, with a longer minimum stem.
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
SUFFIX_REST = 3
#: Attached conjunctions and prepositions removed only where the rest is a word the corpus
#: knows, and at least :data:`PREFIX_REST` letters remain: in Arabic waw or feh, then beh, kaf
#: or lam; in Hebrew vav, then shin or kaf-shin, then one of he, bet, lamed, mem, kaf (``ולוב``,
#: ``הלובית``, ``לאלי``; ``משה`` stays ``משה``).
ARABIC_PREFIX = "[وف]?[بكل]?"
HEBREW_PREFIX = "ו?(?:כש|ש)?[הבלמכ]?"
PREFIX_REST = 3
#: Latin transcriptions of the Arabic article: in a hyphenated query word (``Al-Dbeibah``,
#: ``el-Sisi``) the name is also found without it.
LATIN_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul")
#: A query is at most this many characters, and at most this many distinct words; a word
#: repeated counts once.
MAX_QUERY_LENGTH = 256
MAX_QUERY_WORDS = 24

ARABIC_LETTER = r"[\x{0620}-\x{064A}\x{066E}-\x{06D3}]"
#: A folded word in Hebrew or Arabic script (the only words that have other forms), and a text
#: that may hold one (presentation forms included, which folding turns into letters).
RTL_WORD = r"\b[\x{0590}-\x{06FF}][\p{L}\p{N}]*"
RTL_TEXT = r"[\x{0590}-\x{06FF}\x{FB1D}-\x{FDFF}\x{FE70}-\x{FEFF}]"
_ARABIC_FIRST = re.compile("[\u0620-\u064a\u066e-\u06d3]")
_HEBREW_FIRST = re.compile("[\u05d0-\u05ea]")
_ARABIC_PREFIX = re.compile(ARABIC_PREFIX)
_HEBREW_PREFIX = re.compile(HEBREW_PREFIX)


def fold_expr(expr: pl.Expr, *, compact: bool = False) -> pl.Expr:
    """The words of every cell of ``expr`` (a document's ``folded`` key): compatibility-
    decomposed, without combining marks (Latin accents, Arabic harakat, Hebrew points),
    lower-cased, Arabic alef, hamza, yeh and teh marbuta variants unified, tatweel dropped,
    joined words given both as their parts and written together, and everything but letters and
    digits turned into single spaces; with ``compact=True`` the spaces are removed too.
    """
    import polars as pl

    base = (
        expr.str.normalize("NFKD")
        .str.replace_many(list(TANWEEN_ALEF), [""] * len(TANWEEN_ALEF))
        .str.replace_all(r"\p{M}", "")
        .str.normalize("NFC")
        .str.to_lowercase()
        .str.replace_many(list(ARABIC), list(ARABIC.values()))
    )
    joined = (
        base.str.extract_all(f"{WORD}(?:{JOINERS}{WORD})+")
        .list.eval(pl.element().str.replace_all(JOINERS, ""))
        .list.join(" ")
    )
    words = (
        pl.concat_str([base, joined], separator=" ", ignore_nulls=True)
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars(" ")
    )
    return words.str.replace_all(" ", "") if compact else words


def fold(text: str, *, compact: bool = False) -> str:
    """The words of one document text (see :func:`fold_expr`).

    ``fold("المَنقوش") == fold("المنقوش") == "المنقوش"`` and
    ``fold("El-Mangoush") == "el mangoush elmangoush"``.
    """
    import polars as pl

    return pl.select(fold_expr(pl.lit(text, dtype=pl.String), compact=compact)).item() or ""


# --- one word --------------------------------------------------------------------------------


def light_stem(word: str) -> str:
    """An Arabic word without its article and endings (Lucene's light stemming, as
    ``ArabicStemmer`` does it, with a minimum stem of three letters for endings); any other
    word as it is. ``light_stem("الإسرائيلية")`` is ``light_stem("إسرائيل")`` once normalised."""
    if not _ARABIC_FIRST.match(word):
        return word
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= ARTICLE_REST:
            word = word[len(article) :]
            break
    return _strip_suffixes(word)


def _strip_suffixes(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SUFFIX_REST:
            word = word[: -len(suffix)]
    return word


def forms(word: str, known: Callable[[str], bool] | None = None) -> list[str]:
    """The forms a folded ``word`` is indexed (or searched) under, the word itself first.

    Arabic: the light stem (:func:`light_stem`); after ``لل`` the rest (see :data:`LAM_LAM`);
    without an attached و ف ب ك ل, the rest and its stem. Hebrew: without attached prefixes
    (:data:`HEBREW_PREFIX`). A form that removes a conjunction or preposition is kept only
    where ``known`` says the rest is a word of the corpus; a query passes no ``known``: its
    forms meet only the forms the corpus has, which are known words.
    """
    out = [word]
    if _ARABIC_FIRST.match(word):
        out.append(light_stem(word))
        if word.startswith(LAM_LAM) and len(word) - len(LAM_LAM) >= ARTICLE_REST:
            rest, kept = word[2:], word[1:]
            if known is None or _known(rest, known) or not _known(kept, known):
                out += [rest, _strip_suffixes(rest)]
        out += _without_prefix(word, _ARABIC_PREFIX, known, stem=True)
    elif _HEBREW_FIRST.match(word):
        out += _without_prefix(word, _HEBREW_PREFIX, known, stem=False)
    return list(dict.fromkeys(out))


def _known(rest: str, known: Callable[[str], bool]) -> bool:
    return known(rest) or known(light_stem(rest))


def _without_prefix(
    word: str, prefix: re.Pattern[str], known: Callable[[str], bool] | None, *, stem: bool
) -> list[str]:
    out: list[str] = []
    for k in (1, 2, 3):
        rest = word[k:]
        if len(rest) < PREFIX_REST:
            break
        if prefix.fullmatch(word[:k]) and (known is None or _known(rest, known)):
            out += [rest, light_stem(rest)] if stem else [rest]
    return out


class Vocabulary:
    """The Hebrew and Arabic words of a corpus (:data:`RTL_WORD`) and their light stems: what
    :func:`forms` checks a document's prefixed words against."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._known = self.words | {light_stem(w) for w in self.words}

    def __contains__(self, word: object) -> bool:
        return word in self._known

    def stems(self) -> dict[str, str]:
        """``word -> its other forms, space-separated`` for every word that has any."""
        known = self.__contains__
        out = {}
        for w in self.words:
            f = forms(w, known)
            if len(f) > 1:
                out[w] = " ".join(f[1:])
        return out


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """One word of a query: found where one of its ``phrases`` is in a document's words
    (``folded``), or one of its ``forms`` among the document's words or their other forms
    (``stems``). ``phrases`` alone are the exact matches, ranked first."""

    phrases: tuple[tuple[str, ...], ...]
    forms: tuple[str, ...]


class QueryError(ValueError):
    """A query that cannot be searched: empty, too long, or with too many words."""


def normalize(text: str) -> str:
    """Compatibility decomposition, no combining marks, lower case, Arabic variants unified:
    the same as the first steps of :func:`fold_expr`, for one short string."""
    text = unicodedata.normalize("NFKD", text)
    for tanween in TANWEEN_ALEF:
        text = text.replace(tanween, "")
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    text = unicodedata.normalize("NFC", text).lower()
    return text.translate(str.maketrans({k: v for k, v in ARABIC.items()}))


def _chunks(text: str) -> list[list[str]]:
    """Words of a normalised text, each as its parts (split at joiners), in one pass."""
    chunks: list[list[str]] = []
    parts: list[str] = []
    word: list[str] = []
    for c in text + " ":
        if unicodedata.category(c)[0] in "LN":
            word.append(c)
            continue
        if word:
            parts.append("".join(word))
            word = []
        if c not in JOINER_CHARS and parts:
            chunks.append(parts)
            parts = []
    return chunks


def _group(parts: list[str]) -> Group:
    if len(parts) > 1 and parts[-1] == "s":  # a possessive: Mangoush's
        parts = parts[:-1]
    if len(parts) == 1:
        return Group(((parts[0],),), tuple(forms(parts[0])))
    phrases: list[tuple[str, ...]] = [tuple(parts), ("".join(parts),)]
    found: list[str] = []
    if parts[0] in LATIN_ARTICLES:  # al-Dbeibah: also Dbeibah
        rest = _group(parts[1:])
        phrases += rest.phrases
        found += rest.forms
    return Group(tuple(dict.fromkeys(phrases)), tuple(found))


def fold_query(query: str, *, empty: bool = False) -> list[Group]:
    """The groups of a query (see :class:`Group`), each distinct word once.

    Raises :class:`QueryError` for a query longer than :data:`MAX_QUERY_LENGTH` characters, with
    more than :data:`MAX_QUERY_WORDS` distinct words, or (unless ``empty``) without a letter or
    digit.
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"a search is at most {MAX_QUERY_LENGTH} characters ({len(query)} given)")
    groups = list(dict.fromkeys(_group(parts) for parts in _chunks(normalize(query))))
    if not groups and not empty:
        raise QueryError("search for at least one letter or digit")
    if len(groups) > MAX_QUERY_WORDS:
        raise QueryError(f"a search has at most {MAX_QUERY_WORDS} different words")
    return groups


def fts_query(groups: list[Group], *, exact: bool = False) -> str:
    """An FTS5 query over the ``folded`` and ``stems`` columns that finds what ``groups`` find
    (with ``exact=True``: the exact matches only)."""

    def quoted(words: Iterable[str]) -> str:
        return '"' + " ".join(words) + '"'  # letters and digits only: nothing to escape

    clauses = []
    for g in groups:
        if exact:
            alternatives = [f"folded : {quoted(p)}" for p in g.phrases]
        else:  # a form that is a phrase of one word is looked for once
            alternatives = [
                f"folded : {quoted(p)}" for p in g.phrases if len(p) > 1 or p[0] not in g.forms
            ]
            alternatives += [f"{{folded stems}} : {quoted([f])}" for f in g.forms]
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def tables() -> dict[str, object]:
    """The tables the site's JavaScript folds a query with (``site/templates/fold.js``)."""
    return {
        "arabic": ARABIC,
        "joiners": JOINER_CHARS,
        "tanweenAlef": list(TANWEEN_ALEF),
        "articles": list(ARTICLES),
        "articleRest": ARTICLE_REST,
        "lamLam": LAM_LAM,
        "suffixes": list(SUFFIXES),
        "suffixRest": SUFFIX_REST,
        "arabicPrefix": ARABIC_PREFIX,
        "hebrewPrefix": HEBREW_PREFIX,
        "prefixRest": PREFIX_REST,
        "arabicFirst": _ARABIC_FIRST.pattern,
        "hebrewFirst": _HEBREW_FIRST.pattern,
        "latinArticles": list(LATIN_ARTICLES),
        "maxLength": MAX_QUERY_LENGTH,
        "maxWords": MAX_QUERY_WORDS,
    }
