"""Folding text for search: one spelling-insensitive key for Latin, Arabic and Hebrew names.

One definition, as a polars expression (:func:`fold_expr`), so that the API's search and the
SQLite export's full-text index fold millions of cells in parallel and always agree; :func:`fold`
applies it to one string (for queries).
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
# Apostrophe-like marks (Hebrew geresh and gershayim, typographic quotes) belong to the word:
# they are dropped. White space, hyphens and dots separate words.
MARKS = "['\u2018\u2019\u02bc\u05f3\u05f4\"]"
SEPARATORS = r"[\s\-\u2010-\u2015.·]+"


def fold_expr(expr: pl.Expr, *, compact: bool = False) -> pl.Expr:
    """The search key of every cell of ``expr``: compatibility-decomposed, without combining
    marks (Latin accents, Arabic harakat, Hebrew points and cantillation), lower-cased, Arabic
    alef/hamza/yeh/teh marbuta variants unified, tatweel and apostrophes (and the Hebrew geresh)
    dropped, and runs of spaces, hyphens and dots turned into one space, or removed with
    ``compact=True`` so that ``El-Mangoush``, ``El Mangoush`` and ``Elmangoush`` share one key.
    """
    return (
        expr.str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.normalize("NFC")
        .str.to_lowercase()
        .str.replace_many(list(ARABIC), list(ARABIC.values()))
        .str.replace_all(MARKS, "")
        .str.replace_all(SEPARATORS, "" if compact else " ")
        .str.strip_chars(" ")
    )


def fold(text: str, *, compact: bool = False) -> str:
    """The search key of one text (see :func:`fold_expr`).

    ``fold("المَنقوش") == fold("المنقوش")`` and ``fold("El-Mangoush", compact=True) ==
    fold("Elmangoush", compact=True)``.
    """
    import polars as pl

    return pl.select(fold_expr(pl.lit(text, dtype=pl.String), compact=compact)).item()
