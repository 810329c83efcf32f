"""The search folding, one rule at a time, with exact results and each length boundary
(docs/search.md has the rules). The search tests run the same folding over the whole corpus;
these pin each step on its own, fast enough for the mutation tool."""

from __future__ import annotations

import polars as pl
import pytest

from libya_israel_data.foundations.folding import (
    ARABIC,
    ARTICLES,
    MAX_QUERY_LENGTH,
    MAX_QUERY_WORDS,
    Group,
    QueryError,
    Vocabulary,
    fold,
    fold_expr,
    fold_query,
    forms,
    fts_query,
    light_stem,
    normalize,
    tables,
)

NONE = lambda word: False  # noqa: E731 - a corpus that knows no word
ALL = lambda word: True  # noqa: E731 - a corpus that knows every word


# --- documents -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "folded", "compact"),
    [
        # compatibility decomposition, then no combining marks
        ("ﬁne Café", "fine cafe", "finecafe"),
        ("x\u0301y", "xy", "xy"),
        ("Ἀθῆναι", "αθηναι", "αθηναι"),
        ("שָׁלוֹם", "שלום", "שלום"),
        ("المَنقوش", "المنقوش", "المنقوش"),
        # tanween on an alef, the mark before or after the alef
        ("إسرائيلياً", "اسراييلي", "اسراييلي"),
        ("مسؤولًا", "مسوول", "مسوول"),
        # every Arabic variant unified, tatweel dropped
        ("أإآٱٲٳىئیؤةکـ", "اااااايييوهك", "اااااايييوهك"),
        # joined words: as parts and written together; other marks are spaces
        ("El-Mangoush", "el mangoush elmangoush", "elmangoushelmangoush"),
        ("a'b\u2019c d\u2013e", "a b c d e abc de", "abcdeabcde"),
        ("a--b", "a b", "ab"),
        ("  ", "", ""),
        ("", "", ""),
        ("İstanbul", "istanbul", "istanbul"),
        # decomposed for the marks, composed again after
        ("한국", "한국", "한국"),
    ],
)
def test_fold_a_document(text: str, folded: str, compact: str) -> None:
    assert fold(text) == folded
    assert fold(text, compact=True) == compact


def test_fold_expr_keeps_every_row_and_a_missing_cell_is_empty() -> None:
    df = pl.DataFrame({"t": ["El-Mangoush", None, "", "A b"]}, schema={"t": pl.String})
    assert df.select(fold_expr(pl.col("t"))).to_series().to_list() == [
        "el mangoush elmangoush",
        "",
        "",
        "a b",
    ]
    assert df.select(fold_expr(pl.col("t"), compact=True)).to_series().to_list() == [
        "elmangoushelmangoush",
        "",
        "",
        "ab",
    ]


def test_normalize_is_the_first_steps_of_fold() -> None:
    assert normalize("Café-ﬁ") == "cafe-fi"
    assert normalize("إسرائيلياً") == "اسراييلي"
    assert normalize("مسؤولًا") == "مسوول"
    assert normalize("أإآٱٲٳىئیؤةکـ") == "اااااايييوهك"
    assert normalize("A\u0301\u05b0B") == "ab"


# --- one word ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("abc", "abc"),
        ("الع", "الع"),  # one letter after the article: kept
        ("العم", "عم"),  # two letters after the article: removed
        ("والع", "والع"),
        ("والعم", "عم"),
        ("بالعم", "عم"),
        ("كالعم", "عم"),
        ("فالعم", "عم"),
        ("كتابها", "كتاب"),
        ("كتها", "كتها"),  # two letters before the ending: kept
        ("كتبها", "كتب"),  # three letters before the ending: removed
        ("كتابين", "كتاب"),
        ("مسلمون", "مسلم"),
        ("مسلمات", "مسلم"),
        ("لبنان", "لبن"),
        ("اسرائيليه", "اسرائيل"),  # yeh-heh; the heh alone is then gone already
        ("الاسرائيليه", "اسرائيل"),
        ("كتبه", "كتب"),
        ("كتبي", "كتب"),
        ("كتي", "كتي"),
        ("اسرائيليون", "اسرائيل"),  # ون, then ي
    ],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("abc", None, ["abc"]),
        ("العم", None, ["العم", "عم"]),
        ("الع", None, ["الع"]),
        # a conjunction before the article: three letters left after و
        ("والع", None, ["والع", "الع"]),
        ("والع", NONE, ["والع"]),
        ("والع", ALL, ["والع", "الع"]),
        ("ولو", None, ["ولو"]),  # two letters after و: too short
        ("والعم", None, ["والعم", "عم", "العم"]),
        ("والعم", NONE, ["والعم", "عم"]),
        ("بالعم", ALL, ["بالعم", "عم", "العم"]),
        ("فبلد", None, ["فبلد", "بلد"]),
        ("وبلد", None, ["وبلد", "بلد"]),
        ("كتابها", None, ["كتابها", "كتاب", "تابها", "تاب"]),
        ("كتابها", NONE, ["كتابها", "كتاب"]),
        # two prefixes, then three letters
        ("وببلد", None, ["وببلد", "ببلد", "بلد"]),
        # two prefixes leave three letters; three would leave two
        ("وبلدي", None, ["وبلدي", "وبلد", "بلدي", "بلد", "لدي"]),
        ("وبلدي", NONE, ["وبلدي", "وبلد"]),
        # lam-lam: the article after the preposition ل
        ("للعم", None, ["للعم", "عم", "لعم"]),
        ("للعم", NONE, ["للعم", "عم"]),
        ("للع", None, ["للع"]),
        ("لل", None, ["لل"]),
    ],
)
def test_arabic_forms(word: str, known: object, expected: list[str]) -> None:
    assert forms(word, known) == expected  # type: ignore[arg-type]


def test_lam_lam_is_removed_whole_unless_only_one_lam_is_a_prefix() -> None:
    # لليبيا: to Libya; the rest without one lam is a word, without both is not
    assert forms("لليبيا", Vocabulary(["ليبيا"]).__contains__) == ["لليبيا", "ليبيا"]
    assert forms("لليبيا", Vocabulary(["يبيا"]).__contains__) == ["لليبيا", "يبيا"]
    # neither is known: the rest without both lams is kept
    assert forms("للسلام", NONE) == ["للسلام", "سلام"]
    # both known: removed whole
    assert forms("للسلام", ALL) == ["للسلام", "سلام", "لسلام"]
    # a stem counts as known: of the rest, and of the rest with one lam
    assert forms("للسلامه", Vocabulary(["سلام"]).__contains__) == [
        "للسلامه",
        "للسلام",
        "سلامه",
        "سلام",
    ]
    assert forms("للسلامه", Vocabulary(["لسلام"]).__contains__) == [
        "للسلامه",
        "للسلام",
        "لسلامه",
        "لسلام",
    ]


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("ולוב", None, ["ולוב", "לוב"]),
        ("ולוב", NONE, ["ולוב"]),
        ("ולוב", ALL, ["ולוב", "לוב"]),
        ("ולו", None, ["ולו"]),  # two letters left: too short
        ("הלובית", None, ["הלובית", "לובית"]),
        ("לאלי", None, ["לאלי", "אלי"]),
        ("משה", None, ["משה"]),
        ("ושכלוב", None, ["ושכלוב", "שכלוב", "כלוב", "לוב"]),
        ("כשלוב", None, ["כשלוב", "שלוב", "לוב"]),
        ("שלוב", None, ["שלוב", "לוב"]),
        ("אלוב", None, ["אלוב"]),  # alef is no prefix
        ("ההלוב", None, ["ההלוב", "הלוב"]),  # he once only
        # at most three letters are tried as a prefix (as the site's script does), so the
        # four of vav, kaf-shin and he are not removed whole
        ("וכשהלוב", None, ["וכשהלוב", "כשהלוב", "שהלוב", "הלוב"]),
        # the rest after a Hebrew prefix is not stemmed, even in Arabic letters
        ("והالعم", None, ["והالعم", "הالعم", "العم"]),
    ],
)
def test_hebrew_forms(word: str, known: object, expected: list[str]) -> None:
    assert forms(word, known) == expected  # type: ignore[arg-type]


def test_a_vocabulary_knows_its_words_and_their_stems() -> None:
    vocabulary = Vocabulary(["ولوب", "لوب", "العم", "abc"])
    assert "عم" in vocabulary and "العم" in vocabulary and "ولوب" in vocabulary
    assert "والعم" not in vocabulary and 3 not in vocabulary
    assert vocabulary.stems() == {"العم": "عم", "ولوب": "لوب"}
    assert Vocabulary(["ولوب"]).stems() == {}
    # several other forms, space-separated
    assert Vocabulary(["والعم", "العم"]).stems() == {"العم": "عم", "والعم": "عم العم"}


def test_a_rest_is_known_as_written_or_by_its_stem() -> None:
    # only the rest as written is known, not its stem
    assert forms("وكتابها", {"كتابها"}.__contains__) == ["وكتابها", "وكتاب", "كتابها", "كتاب"]
    # only its stem
    assert forms("وكتابها", {"كتاب"}.__contains__) == ["وكتابها", "وكتاب", "كتابها", "كتاب"]
    # after two prefixes (waw and kaf)
    assert forms("وكتابها", {"تابها"}.__contains__) == ["وكتابها", "وكتاب", "تابها", "تاب"]
    assert forms("وكتابها", {"وكتابها"}.__contains__) == ["وكتابها", "وكتاب"]


# --- queries -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "groups"),
    [
        ("Mangoush's", [Group((("mangoush",),), ("mangoush",))]),
        ("it's", [Group((("it",),), ("it",))]),
        ("a b A", [Group((("a",),), ("a",)), Group((("b",),), ("b",))]),
        ("x-y-z", [Group((("x", "y", "z"), ("xyz",)), ())]),
        ("x-y's", [Group((("x", "y"), ("xy",)), ())]),
        ("x- y", [Group((("x",),), ("x",)), Group((("y",),), ("y",))]),
        (
            "al-Dbeibah",
            [Group((("al", "dbeibah"), ("aldbeibah",), ("dbeibah",)), ("dbeibah",))],
        ),
        ("El-Sisi's", [Group((("el", "sisi"), ("elsisi",), ("sisi",)), ("sisi",))]),
        (
            "al-el-x",
            [Group((("al", "el", "x"), ("alelx",), ("el", "x"), ("elx",), ("x",)), ("x",))],
        ),
        ("ولليبيا", [Group((("ولليبيا",),), ("ولليبيا", "لليبيا", "ليبيا"))]),
        ("א-ב", [Group((("א", "ב"), ("אב",)), ())]),
        ("s", [Group((("s",),), ("s",))]),
    ],
)
def test_fold_query(query: str, groups: list[Group]) -> None:
    assert fold_query(query) == groups


def test_query_limits() -> None:
    assert len(fold_query("a" * MAX_QUERY_LENGTH)) == 1
    with pytest.raises(QueryError, match=r"^a search is at most 256 characters \(257 given\)$"):
        fold_query("a" * (MAX_QUERY_LENGTH + 1))
    words = [f"w{i}" for i in range(MAX_QUERY_WORDS)]
    assert len(fold_query(" ".join(words + words))) == 24  # a repeated word counts once
    with pytest.raises(QueryError, match=r"^a search has at most 24 different words$"):
        fold_query(" ".join([*words, "w24"]))
    with pytest.raises(QueryError, match=r"^search for at least one letter or digit$"):
        fold_query(" -'")
    assert fold_query(" -'", empty=True) == []
    assert fold_query("", empty=True) == []


def test_fts_query() -> None:
    groups = fold_query("al-Dbeibah x-y ولوب")
    assert fts_query(groups) == (
        '(folded : "al dbeibah" OR folded : "aldbeibah" OR {folded stems} : "dbeibah")'
        ' AND (folded : "x y" OR folded : "xy")'
        ' AND ({folded stems} : "ولوب" OR {folded stems} : "لوب")'
    )
    assert fts_query(groups, exact=True) == (
        '(folded : "al dbeibah" OR folded : "aldbeibah" OR folded : "dbeibah")'
        ' AND (folded : "x y" OR folded : "xy")'
        ' AND (folded : "ولوب")'
    )
    # a one-word phrase that is not among the forms is kept
    assert fts_query([Group((("a",), ("b", "c")), ("z",))]) == (
        '(folded : "a" OR folded : "b c" OR {folded stems} : "z")'
    )
    # a phrase of two words is kept even when its first word is a form
    assert fts_query([Group((("a", "b"), ("a",)), ("a",))]) == (
        '(folded : "a b" OR {folded stems} : "a")'
    )
    assert fts_query([]) == ""


def test_tables_for_the_site_script() -> None:
    t = tables()
    assert t == {
        "arabic": ARABIC,
        "joiners": "'\u2018\u2019\u02bc\u05f3\u05f4\"-\u2010\u2011\u2012\u2013\u2014\u2015",
        "tanweenAlef": ["\u0627\u064b", "\u064b\u0627"],
        "articles": list(ARTICLES),
        "articleRest": 2,
        "lamLam": "لل",
        "suffixes": ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"],
        "suffixRest": 3,
        "arabicPrefix": "[وف]?[بكل]?",
        "hebrewPrefix": "ו?(?:כש|ש)?[הבלמכ]?",
        "prefixRest": 3,
        "arabicFirst": "[\u0620-\u064a\u066e-\u06d3]",
        "hebrewFirst": "[\u05d0-\u05ea]",
        "latinArticles": ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"],
        "maxLength": 256,
        "maxWords": 24,
    }
    assert ARTICLES == ("وال", "بال", "كال", "فال", "ال")
