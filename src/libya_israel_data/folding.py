"""Folding text for search: one spelling-insensitive key for Latin, Arabic and Hebrew names.

One definition, as a polars expression (:func:`fold_expr`), so that the API's search, the
SQLite export's full-text index and the ``lid_fold`` SQL function fold millions of cells in
parallel and always agree; :func:`fold` applies it to one string (for queries). The site's
search page folds with the same tables (:data:`ARABIC`, :data:`JOINERS`, :data:`PREFIXES`),
turned into JavaScript from these definitions.

A folded key is a list of words of letters and digits separated by single spaces, so it is also
a valid FTS5 query (its words are ANDed): ``search MATCH lid_fold('Najla al-Mangoush')``.
"""

from __future__ import annotations

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
#: Marks that join the parts of one word: apostrophes (and the Hebrew geresh and gershayim),
#: quotes and hyphens. A joined word is indexed both as its parts and written together, so
#: ``Mangoush's`` is found by ``Mangoush`` and ``El-Mangoush`` by ``Elmangoush``.
JOINERS = "['\u2018\u2019\u02bc\u05f3\u05f4\"\\-\u2010-\u2015]"
WORD = r"[\p{L}\p{N}]+"
#: Arabic prefixes removed from the start of a word, as the light stemmer of Lucene's (and
#: Elasticsearch's) Arabic analyzer does: the article and the article after the conjunctions
#: and prepositions و ب ك ف ل, kept only when at least two letters remain; then و alone, when
#: at least three remain. So دبيبة, الدبيبة and والدبيبة meet.
PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_LETTER = r"[\x{0620}-\x{064A}\x{066E}-\x{06D3}]"


def fold_expr(expr: pl.Expr, *, compact: bool = False) -> pl.Expr:
    """The search key of every cell of ``expr``: compatibility-decomposed, without combining
    marks (Latin accents, Arabic harakat, Hebrew points), lower-cased, Arabic alef, hamza, yeh
    and teh marbuta variants unified, tatweel dropped, joined words given both as their parts
    and written together, Arabic prefixes removed, and everything but letters and digits turned
    into single spaces; with ``compact=True`` the spaces are removed too.
    """
    import polars as pl

    base = (
        expr.str.normalize("NFKD")
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
    prefixes = "|".join(PREFIXES)
    stemmed = (
        (pl.lit(" ") + words)
        .str.replace_all(f" (?:{prefixes})({ARABIC_LETTER}{{2,}})", " $1")
        .str.replace_all(f" و({ARABIC_LETTER}{{3,}})", " $1")
        .str.strip_chars(" ")
    )
    return stemmed.str.replace_all(" ", "") if compact else stemmed


def fold(text: str, *, compact: bool = False) -> str:
    """The search key of one text (see :func:`fold_expr`).

    ``fold("المَنقوش") == fold("المنقوش")``, ``fold("الدبيبة") == fold("دبيبة")`` and
    ``fold("El-Mangoush") == "el mangoush elmangoush"``.
    """
    import polars as pl

    return pl.select(fold_expr(pl.lit(text, dtype=pl.String), compact=compact)).item() or ""
