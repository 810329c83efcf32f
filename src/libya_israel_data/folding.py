"""Folding text for search: one spelling-insensitive key for Latin, Arabic and Hebrew names.

Pure standard library, cheap to import; the API's search and the SQLite export's full-text index
both use :func:`fold`, so that a query finds the same rows in both.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic letter variants that spellings of one name mix freely.
_ARABIC = str.maketrans(
    {
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
        "ـ": None,  # tatweel
    }
)
# Apostrophe-like marks (Hebrew geresh and gershayim, typographic quotes) belong to the word:
# they are dropped. White space, hyphens and dots separate words.
_MARKS = re.compile(r"['\u2018\u2019\u02bc\u05f3\u05f4\"]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.·]+")


def fold(text: str, *, compact: bool = False) -> str:
    """A search key: case-folded, without diacritics (Latin accents, Arabic harakat, Hebrew points
    and cantillation), Arabic alef/hamza/yeh/teh marbuta variants unified, tatweel removed.

    Apostrophes and the Hebrew geresh are dropped (``נג׳לא`` and ``נג'לא`` share a key); spaces,
    hyphens and dots become one space, and with ``compact=True`` they are removed, so that
    ``El-Mangoush``, ``El Mangoush`` and ``Elmangoush`` share one key.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = unicodedata.normalize("NFC", stripped).casefold().translate(_ARABIC)
    key = _MARKS.sub("", key)
    return _SEPARATORS.sub("" if compact else " ", key).strip()
