"""The static site, driven in a real browser (Playwright with the system Chromium or
Playwright's own; see the ``browser`` fixture in conftest.py): pages open from disk, links lead
to meetings, participants and citations, the search box finds records in three scripts with
the Python folding, and no page makes a request outside the site or logs an error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.foundations.folding import fold_query
from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.site import build_site

ROOT = Path(__file__).resolve().parents[1]

FOLD_CORPUS = [
    "Najla El-Mangoush's",
    "Mangoush",
    "ÉLI  Cohen",
    "المَنقوش",
    "والدبيبة",
    "الدبيبة",
    "بالمنقوش",
    "إسرائيل",
    "وليد",
    "نجلاء ـ المنقوش",
    "נג׳לא אלמנקוש",
    "נג'לא",
    "אֱלִי כֹּהֵן",
    "Ayoub Kara (2011), 'Libya' – “Rhodes”",
    "İstanbul ﻻ ﷲ",
    "",
]


@pytest.fixture
def page(browser, site: Path):
    """A page that fails the test on any console error, page error or request outside the
    site (the links to the cited pages are never followed)."""
    context = browser.new_context()
    problems: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def route(r) -> None:
        if r.request.url.startswith(site.as_uri()):
            r.continue_()
        else:
            problems.append(f"request outside the site: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    yield page
    context.close()
    assert problems == []


def test_index_leads_to_a_meeting_its_participants_and_citations(page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert page.title() == "Home · libya-israel-data" and "Libya" in page.inner_text("h1")
    page.click("text=Timeline")
    page.click("svg a[href='meetings/rome-2023-08-cohen-mangoush.html']")
    assert page.url.endswith("meetings/rome-2023-08-cohen-mangoush.html")
    assert page.inner_text(".lead").startswith("Acknowledged: a participant")
    participants = page.inner_text(".participants")
    assert "Najla Mangoush" in participants and "Eli Cohen" in participants
    arabic = page.locator(".participants [lang=ar]").first
    assert arabic.get_attribute("dir") == "rtl"
    first = page.locator("article.claim >> visible=true").first
    assert first.locator(".citation").count() >= 1
    assert "independent origin" in first.inner_text()
    first.locator(".citation a[href^='../sources/']").first.click()
    assert "/sources/" in page.url and "Publisher" in page.inner_text("dl")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("والدبيبة", "people/abdul-hamid-dbeibah.html"),
        ("נג'לא", "people/najla-mangoush.html"),
        ("Elmangoush", "people/najla-mangoush.html"),
        ("ELI COHEN", "people/eli-cohen.html"),
    ],
)
def test_search_box_in_three_scripts(page, site: Path, query: str, expected: str) -> None:
    page.goto((site / "search.html").as_uri())
    page.fill("input[type=search]", query)
    hrefs = page.eval_on_selector_all("#results a", "els => els.map(e => e.getAttribute('href'))")
    assert expected in hrefs
    python = {f"{r}/{i}.html" for r, i in zip(*_api(query), strict=True)}
    assert set(hrefs) == python  # the page finds what the Python API finds


def _api(query: str):
    found = lid.load().search(query)
    records = found[["resource", "id"]].drop_duplicates()
    return list(records["resource"]), list(records["id"])


def test_javascript_folding_is_the_python_folding(page, site: Path) -> None:
    page.goto((site / "search.html").as_uri())
    js = page.evaluate("(xs) => xs.map((x) => lidFoldQuery(x, true))", FOLD_CORPUS)
    python = [fold_query(x, empty=True) for x in FOLD_CORPUS]
    assert js == [[[[list(p) for p in g.phrases], list(g.forms)] for g in q] for q in python]
    start = page.evaluate("() => performance.now()")
    page.evaluate("() => lidFoldQuery('ب'.repeat(50000) + '-x '.repeat(25000), true, Infinity)")
    assert page.evaluate("() => performance.now()") - start < 1000  # linear time


def test_a_100_000_letter_search_link_is_refused_at_once(page, site: Path) -> None:
    start = time.perf_counter()
    page.goto((site / "search.html").as_uri() + "?q=" + "a" * 100_000)
    assert "at most 256 characters" in page.inner_text("#count")
    assert time.perf_counter() - start < 5  # loading included; the folding refuses at once


def test_site_is_reproducible_and_self_contained(site: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path / "again")
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel
    for rel in files:
        if rel.suffix in (".html", ".css", ".js", ".svg"):
            text = (site / rel).read_text(encoding="utf-8")
            for tag in ('<script src="http', '<link rel="stylesheet" href="http', "@import"):
                assert tag not in text, (rel, tag)
    for kind in ("meetings", "people", "organizations", "sources", "claims"):
        assert (site / kind / "index.html").is_file()
    assert (site / "meetings" / "rome-2023-08-cohen-mangoush.html").is_file()
    assert (site / "claims" / "c-0001.html").is_file()


def test_site_command(tmp_path: Path) -> None:
    out = tmp_path / "web"
    result = CliRunner().invoke(cli, ["site", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["site", "--output", str(out)]).exit_code == 2
    assert CliRunner().invoke(cli, ["site", "--output", str(out), "--force"]).exit_code == 0
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["site", "--output", str(other), "--force"])
    assert result.exit_code == 2 and (other / "notes.txt").read_text() == "mine"


def test_docs_pictures_are_current() -> None:
    from libya_israel_data.outputs.site.svg import pictures
    from libya_israel_data.outputs.site.views import site_view

    for name, svg in pictures(site_view(lid.load().package)).items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == svg, "run tools/generate.py"


@pytest.mark.parametrize(
    "change",
    [{"licenses": None}, {"licenses": []}, {"title": None}, {"contributors": None}],
    ids=["no-licenses", "empty-licenses", "no-title", "no-contributors"],
)
def test_a_descriptor_without_optional_fields_never_crashes_a_command(
    change: dict, tmp_path: Path
) -> None:
    """Optional descriptor fields missing: the site shows what is there; nothing crashes."""
    import json

    from .conftest import build_case

    descriptor = build_case(tmp_path / "pkg")
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    for key, value in change.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    descriptor.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    assert lid.validate(descriptor).valid
    runner = CliRunner()
    result = runner.invoke(cli, ["site", "--package", str(descriptor), "-o", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    if "title" in change:
        assert f"<h1>{meta['name']}</h1>" in index
    if "licenses" in change:
        assert "Data licence:\nnot stated." in index
    for args in (
        ["export", "--package", str(descriptor), "-o", str(tmp_path / "d.sqlite")],
        [
            "export",
            "--package",
            str(descriptor),
            "-o",
            str(tmp_path / "d2.sqlite"),
            "--datasette-metadata",
        ],
        ["export", "--format", "graphml", "--package", str(descriptor), "-o", str(tmp_path / "g")],
        ["cite", "--package", str(descriptor)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)


def test_meeting_and_organization_pages_link_organization_participants(site: Path) -> None:
    meeting = (site / "meetings" / "cairo-2017-haftar-mossad.html").read_text(encoding="utf-8")
    assert '<a href="../organizations/mossad.html">Mossad' in meeting
    assert "represented by Mossad members (unnamed) (Israel)" in meeting
    assert "(direct contact)" in meeting
    mossad = (site / "organizations" / "mossad.html").read_text(encoding="utf-8")
    assert 'href="../meetings/cairo-2017-haftar-mossad.html"' in mossad
    related = (site / "meetings" / "israel-2023-08-hallett-cohen.html").read_text(encoding="utf-8")
    assert "(related event)" in related
    assert '<p class="relevance">Why it is here: The US conveyed' in related


SITE_CODE = ROOT / "src" / "libya_israel_data" / "outputs" / "site"


def _column_literals(source: str) -> list[str]:
    """Contract field names used as literal keys: ``row["title"]``, ``row.get("title")``."""
    import ast

    from libya_israel_data.contract import fields

    names = {n for cls in fields.TABLES.values() for n in cls.FIELDS}
    found = []
    for node in ast.walk(ast.parse(source)):
        key = None
        if isinstance(node, ast.Subscript):
            key = node.slice
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "get":
            key = node.args[0] if node.args else None
        if isinstance(key, ast.Constant) and key.value in names:
            found.append(key.value)
    return found


def test_the_site_names_columns_through_the_contract_and_reads_assets_as_resources() -> None:
    """Pages read typed records (outputs/site/views.py), built from the frames through the
    contract's constants: no column is looked up by a literal name in the site's code or
    templates, and no asset is found through ``__file__`` (only importlib.resources)."""
    import re

    assert _column_literals('m["title"]; r.get("person_id"); x["bogus"]') == ["title", "person_id"]
    for path in sorted(SITE_CODE.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert _column_literals(source) == [], path.name
        assert "__file__" not in source, path.name
    lookup = re.compile(r"""\.get\(|\[["']""")
    for path in sorted((SITE_CODE / "templates").glob("*.html")):
        assert not lookup.search(path.read_text(encoding="utf-8")), path.name


def test_templates_and_assets_load_from_a_zipped_package(tmp_path: Path) -> None:
    """The site reads its templates and assets as package resources, so it works where the
    package is not a folder on disk (a zip import here)."""
    import subprocess
    import sys
    import zipfile

    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted((ROOT / "src").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, path.relative_to(ROOT / "src").as_posix())
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from libya_israel_data.outputs.site import build\n"
        "assert build.__file__.startswith(sys.argv[1]), build.__file__\n"
        "template = build._env().get_template('meeting.html')\n"
        "print(len(build.asset('site.css')), len(build.fold_script()), template.filename)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(archive)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    css, fold, template = done.stdout.split()
    assert template.startswith(str(archive))
    assert int(css) == len((SITE_CODE / "templates" / "site.css").read_text(encoding="utf-8"))
    assert int(fold) > len((SITE_CODE / "templates" / "fold.js").read_text(encoding="utf-8"))
