"""The Python API on the real data: DataFrames with honest dtypes, records, and the helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import libya_israel_data as lid
from libya_israel_data.contract import RESOURCES

ROOT = Path(__file__).resolve().parents[1]
ROME = "rome-2023-08-cohen-mangoush"


@pytest.fixture(scope="module")
def ds() -> lid.Dataset:
    return lid.load()


def test_every_resource_is_a_frame_of_its_file(ds: lid.Dataset) -> None:
    for name in RESOURCES:
        frame = getattr(ds, name)
        lines = (ROOT / "data" / f"{name}.csv").read_text(encoding="utf-8").count("\n")
        assert len(frame) == lines - 1
        header = (ROOT / "data" / f"{name}.csv").read_text(encoding="utf-8").split("\n")[0]
        assert [c for c in frame.columns if c in header.split(",")] == header.split(",")


def test_text_is_text_and_empty_is_missing(ds: lid.Dataset) -> None:
    claims = ds.claims
    assert claims["claim_id"].dtype == "string"
    assert claims["statement"].dtype == "string"
    assert claims["disputes"].isna().any() and not (claims["disputes"] == "").any()
    assert pd.api.types.is_datetime64_any_dtype(claims["stated_earliest"])
    assert claims["origins"].dtype == "int64"


def test_values_pandas_would_convert_stay_strings(tiny: Path) -> None:
    people = tiny.parent / "data" / "people.csv"
    people.write_text(
        people.read_text(encoding="utf-8")
        .replace("Foreign minister of Israel in 2023.", "NA")
        .replace("Eli Cohen,", "None,")
        .replace(",IL,", ",IL,", 1),
        encoding="utf-8",
    )
    aliases = tiny.parent / "data" / "aliases.csv"
    aliases.write_text(
        aliases.read_text(encoding="utf-8") + "najla-mangoush,007,en,\nnajla-mangoush,null,en,\n",
        encoding="utf-8",
    )
    ds = lid.load(tiny)
    people = ds.people.set_index("person_id")
    assert people.loc["eli-cohen", "description"] == "NA"
    assert people.loc["eli-cohen", "name"] == "None"
    assert set(ds.aliases["alias"]) >= {"007", "null"}
    assert pd.isna(ds.aliases.set_index("alias").loc["007", "source_id"])


def test_date_bounds_follow_precision(tiny: Path) -> None:
    meetings = lid.load(tiny).meetings.set_index("meeting_id")
    assert meetings.loc[ROME, "date"] == "2023-08"
    assert meetings.loc[ROME, "date_earliest"] == pd.Timestamp("2023-08-01")
    assert meetings.loc[ROME, "date_latest"] == pd.Timestamp("2023-08-31")
    assert pd.isna(meetings.loc[ROME, "end_date_earliest"])


def test_records_are_strict_models(ds: lid.Dataset) -> None:
    records = ds.records("claims")
    assert len(records) == len(ds.claims)
    first = records[0]
    assert type(first).__name__ == "Claim"
    assert first.claim_id == "c-0001" and isinstance(first.stated, str)
    with pytest.raises(ValueError):
        type(first).model_validate({**first.model_dump(), "unknown": 1})
    with pytest.raises(ValueError):
        type(first).model_validate({**first.model_dump(), "stated": "0"})
    people = ds.records("people")
    assert {p.person_id for p in people} >= {"najla-mangoush", "eli-cohen"}


def test_rome_meeting_participants(ds: lid.Dataset) -> None:
    rome = ds.participants_of(ROME).set_index("person_id")
    assert set(rome.index) == {"eli-cohen", "najla-mangoush", "antonio-tajani", "ronen-levy"}
    assert rome.loc["antonio-tajani", "role"] == "host"
    assert rome.loc["najla-mangoush", "country"] == "LY"
    assert ds.meetings.set_index("meeting_id").loc[ROME, "status"] == "acknowledged"


def test_claims_about_a_meeting_carry_their_sources(ds: lid.Dataset) -> None:
    rows = ds.claims_about(meeting=ROME)
    assert (rows["meeting_id"] == ROME).all()
    assert rows["source_id"].notna().all() and rows["publisher"].notna().all()
    first = rows[rows["claim_id"] == "c-1001"]
    assert "Kipa" in set(first["publisher"])
    with pytest.raises(ValueError):
        ds.claims_about()


def test_claims_about_a_person_and_an_organization(ds: lid.Dataset) -> None:
    assert (ds.claims_about(person="najla-mangoush")["person_id"] == "najla-mangoush").all()
    law = ds.claims_about(organization="libya-house-of-representatives")
    assert law["statement"].str.contains("Israel").any()


def test_meetings_of_a_person(ds: lid.Dataset) -> None:
    mine = ds.meetings_of("najla-mangoush")
    assert {ROME, "tripoli-2023-01-burns-dbeibah"} <= set(mine["meeting_id"])
    assert set(ds.meetings_of("ayoub-kara")["meeting_id"]) >= {
        "rhodes-2017-06-libyan-jews-conference"
    }


def test_organizations_take_part_in_meetings(ds: lid.Dataset) -> None:
    cairo = ds.participants_of("cairo-2017-haftar-mossad").set_index("participant_id")
    assert list(cairo["participant_type"]) == ["person", "organization"]  # people first
    assert cairo.loc["mossad", "organization_id"] == "mossad"
    assert pd.isna(cairo.loc["mossad", "person_id"])
    assert (cairo.loc["mossad", "name"], cairo.loc["mossad", "side"]) == ("Mossad", "IL")
    assert cairo.loc["khalifa-haftar", "side"] == "LY"
    mossad = ds.meetings_of("mossad")
    assert {"cairo-2017-haftar-mossad", "abu-dhabi-2023-02-shaibani-mossad"} <= set(
        mossad["meeting_id"]
    )
    assert (mossad["participant_type"] == "organization").all()
    assert mossad["represented_by"].notna().all()
    bodies = ds.organization_participants
    assert set(bodies["organization_id"]) <= set(ds.organizations["organization_id"])


def test_every_contact_has_someone_on_each_side(ds: lid.Dataset) -> None:
    meetings = ds.meetings
    assert meetings["date"].notna().all()
    parts = ds.participation()
    sides = {m: set(g["side"].dropna()) for m, g in parts.groupby("meeting_id")}
    contacts = meetings[meetings["contact"] != "related_event"]
    assert len(contacts) > 0
    for meeting in contacts["meeting_id"]:
        assert {"LY", "IL"} <= sides.get(meeting, set()), meeting
    related = meetings[meetings["contact"] == "related_event"]
    assert related["relevance"].notna().all()


def test_origins_follow_relays(ds: lid.Dataset) -> None:
    origins = ds.origins("c-1001")
    # seven pages cite the announcement, from three independent documents: one row per root
    assert sum(len(cited) for cited in origins["cited_by"]) == 7
    assert len(origins) == origins["root_id"].nunique() == 3
    assert "israel-mfa-2023-08-27-cohen-mangoush-statement" in set(origins["root_id"])
    assert ds.claims.set_index("claim_id").loc["c-1001", "origins"] == len(origins)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda ds: ds.meetings_of("Najla Mangoush"),
            "no people row with person_id 'Najla Mangoush'; did you mean 'najla-mangoush'?",
        ),
        (
            lambda ds: ds.meetings_of("نجلاء المنقوش"),
            "no people row with person_id 'نجلاء المنقوش'; did you mean 'najla-mangoush'?",
        ),
        (lambda ds: ds.origins("c-99999"), "no claims row with claim_id 'c-99999'; did you mean"),
        (
            lambda ds: ds.claims_about(meeting="nope"),
            "no meetings row with meeting_id 'nope'",
        ),
        (
            lambda ds: ds.participants_of("rome-2023-cohen"),
            "did you mean 'rome-2023-08-cohen-mangoush'",
        ),
    ],
)
def test_an_unknown_id_is_an_error_naming_the_closest(ds: lid.Dataset, call, message) -> None:
    with pytest.raises(lid.UnknownIdError) as raised:
        call(ds)
    assert message in str(raised.value)
    assert isinstance(raised.value, KeyError)  # what a lookup by key raises in Python


def test_disputed_pairs(ds: lid.Dataset) -> None:
    pairs = ds.disputed()
    assert len(pairs) == ds.claims["disputes"].notna().sum()
    row = pairs.set_index("claim_id").loc["c-7032"]
    assert row["disputed_claim_id"] == "c-2001"
    assert row["disputed_claimant_organization_id"] == "libya-gnu-foreign-ministry"


@pytest.mark.parametrize(
    "query",
    [
        "Mangoush",
        "mangoush",
        "Elmangoush",
        "El-Mangoush",
        "المنقوش",
        "المَنقوش",
        "نجلاء المـنقوش",
        "נג'לא",
    ],
)
def test_search_finds_her_by_any_spelling(ds: lid.Dataset, query: str) -> None:
    hits = ds.search(query)
    assert "najla-mangoush" in set(hits[hits["resource"] == "people"]["id"])


def test_search_covers_organizations_meetings_and_claims(ds: lid.Dataset) -> None:
    assert set(ds.search("Mossad")["resource"]) >= {"organizations", "claims"}
    assert ROME in set(ds.search("Rome")["id"])
    assert ds.search("zzzz-not-there").empty
    with pytest.raises(ValueError):
        ds.search(" - ")


def test_fold_is_exposed() -> None:
    # a hyphenated name is folded both as its parts and written together
    assert set(lid.fold("najla elmangoush").split()) <= set(lid.fold("Najla El-Mangoush").split())
    assert lid.fold("المَنقوش") == lid.fold("المنقوش")
    assert lid.fold("أيوب") == lid.fold("ايوب")


def test_working_copy_is_validated_first(tmp_path: Path) -> None:
    from .conftest import BAD_INPUTS, build_case

    path = build_case(tmp_path / "pkg", BAD_INPUTS / "provenance-citation-missing")
    with pytest.raises(lid.InvalidPackageError, match="citation-missing"):
        lid.load(path)
    assert len(lid.load(path, validate=False).claims) == 5


def test_import_is_cheap() -> None:
    code = (
        "import sys, libya_israel_data; "
        "print([m for m in ('pandas', 'polars', 'pyarrow', 'frictionless', 'pandera', "
        "'pydantic') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_functions_stay_functions_after_use(tiny: Path) -> None:
    """Importing a submodule must never shadow a public function of the same name."""
    lid.validate(tiny)
    lid.load(tiny)
    lid.refresh(tiny)
    lid.fold("x")
    for name in ("validate", "load", "refresh", "fold"):
        assert callable(getattr(lid, name)) and not isinstance(getattr(lid, name), type(lid))


def test_frames_keep_their_pandera_contract(ds: lid.Dataset) -> None:
    import pandera.errors

    from libya_israel_data.dataset.frames import frame_schema

    resource = ds.package.resources["claims"]
    claims = ds.claims
    frame_schema(resource).validate(claims)  # what the API hands out passes
    broken = claims.copy()
    broken.loc[0, "claim_type"] = "happened"
    broken.loc[1, "stated"] = pd.NA
    broken["origins"] = broken["origins"].astype("float64")
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        frame_schema(resource).validate(broken, lazy=True)
    failures = info.value.failure_cases
    assert {"claim_type", "origins"} <= set(failures["column"].dropna())


def test_a_missing_resource_is_a_missing_attribute(tiny: Path) -> None:
    import json

    descriptor = json.loads(tiny.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "aliases"]
    tiny.write_text(json.dumps(descriptor), encoding="utf-8")
    ds = lid.load(tiny, validate=False)
    assert not hasattr(ds, "aliases")
    assert getattr(ds, "aliases", None) is None
    with pytest.raises(AttributeError, match="the package has no resource 'aliases'"):
        _ = ds.aliases
    assert len(ds.claims) > 0


@pytest.mark.parametrize(
    ("resource", "column", "broken"),
    [
        ("claims", "stated", {"claims", "evidence"}),
        ("citations", "source_id", {"claims", "citations", "evidence"}),
        ("people", "name", {"people", "participation"}),
        ("claims", "disputes", {"claims", "evidence", "disputed"}),
    ],
)
def test_a_missing_column_breaks_only_what_needs_it(
    tiny: Path, resource: str, column: str, broken: set[str]
) -> None:
    import polars as pl

    from libya_israel_data.dataset.derive import MissingColumnsError

    csv = tiny.parent / "data" / f"{resource}.csv"
    pl.read_csv(csv, infer_schema=False).drop(column).write_csv(csv)
    ds = lid.load(tiny, validate=False)
    failed = set()
    for name in ds.resource_names:
        try:
            ds.frame(name)
        except MissingColumnsError as e:
            assert f"{resource}.{column}" in str(e)
            failed.add(name)
    for name in ("evidence", "disputed", "participation"):
        try:
            getattr(ds, name)()
        except MissingColumnsError as e:
            assert f"{resource}.{column}" in str(e)
            failed.add(name)
    assert failed == broken


def test_a_date_is_counted_in_the_decades_its_bounds_span() -> None:
    from datetime import date

    from libya_israel_data.outputs.coverage import decade

    assert decade(None, None) == "undated"
    assert decade(date(1993, 1, 1), None) == "1990s"
    assert decade(date(1993, 1, 1), date(1999, 12, 31)) == "1990s"
    assert decade(date(1999, 1, 1), date(2000, 12, 31)) == "1990s-2000s"
