"""The site as a reader who does not code uses it, in Chromium at 1280 and 390 pixels wide:
filter the meetings and share the address, read who confirms and who denies a meeting in the
first screen, open a person's meetings, search and share the search, read the pictures
(labels measured in the browser: none overlapping, none cut), download every format and open
it in its tool, and find no serious or critical accessibility issue (axe-core)."""

from __future__ import annotations

import csv
import hashlib
import re
import sqlite3
import threading
import zipfile
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import libya_israel_data as lid
from libya_israel_data.outputs.site.downloads import size_text
from libya_israel_data.outputs.site.labels import CODES
from libya_israel_data.outputs.site.verdict import verdict
from libya_israel_data.outputs.site.views import SiteView, site_view

ROOT = Path(__file__).resolve().parents[1]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
ROME = "meetings/rome-2023-08-cohen-mangoush.html"


@pytest.fixture(scope="module")
def data() -> SiteView:
    return site_view(lid.load().package)


@pytest.fixture(scope="module")
def http_site(site: Path):
    """The site served over http on a free local port (axe-core reads the style sheets, which
    a page opened from disk may not fetch)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def open_page(browser, site: Path):
    """open_page(path, viewport) -> a page of the site, failing the test on any console error,
    page error or request outside the site."""
    contexts, problems = [], []

    def route(r) -> None:
        if r.request.url.startswith(site.as_uri()):
            r.continue_()
        else:
            problems.append(f"request outside the site: {r.request.url}")
            r.abort()

    def opener(path: str, viewport: dict = WIDE):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.route("**/*", route)
        page.goto(f"{site.as_uri()}/{path}")
        return page

    yield opener
    for c in contexts:
        c.close()
    assert problems == []


def _visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "#rows tbody tr:not([hidden]) td:nth-child(2) a",
        "els => els.map(e => e.getAttribute('href'))",
    )


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "390px"])
def test_filter_meetings_and_share_the_address(open_page, data, viewport) -> None:
    page = open_page("meetings/index.html", viewport)
    every = _visible_rows(page)
    assert len(every) == len(data.meetings)
    dates = [m.date_earliest or "9999" for m in data.meetings]
    by_href = {f"{m.meeting_id}.html": d for m, d in zip(data.meetings, dates, strict=True)}
    assert [by_href[h] for h in every] == sorted(dates)  # chronological without a click
    page.fill("input[name=from]", "2021")
    page.fill("input[name=to]", "2022")
    page.select_option("select[name=status]", "alleged")
    shown = _visible_rows(page)
    expected = [
        f"{m.meeting_id}.html"
        for m in sorted(data.meetings, key=lambda m: m.date_earliest or "9999")
        if m.status == "alleged"
        and m.date_earliest
        and m.date_earliest[:4] <= "2022"
        and (m.end_date_latest or m.date_latest or "")[:4] >= "2021"
    ]
    assert shown and sorted(shown) == sorted(expected)
    assert page.inner_text("#count").startswith(f"{len(shown)} of {len(every)} meetings")
    shared = page.url
    assert "from=2021" in shared and "to=2022" in shared and "status=alleged" in shared
    again = open_page(shared.removeprefix(page.url.split("meetings/")[0]), viewport)
    assert _visible_rows(again) == shown
    assert again.input_value("select[name=status]") == "alleged"


def test_filter_meetings_by_contact_country_and_person(open_page, data) -> None:
    page = open_page("meetings/index.html?contact=via_intermediary")
    shown = _visible_rows(page)
    expected = [m for m in data.meetings if m.contact == "via_intermediary"]
    assert shown and len(shown) == len(expected)
    page = open_page("meetings/index.html?person=najla-mangoush&country=IT")
    assert _visible_rows(page) == ["rome-2023-08-cohen-mangoush.html"]
    assert page.inner_text("#count").startswith("1 of ")


def test_sort_a_table_and_keep_the_order_in_the_address(open_page) -> None:
    page = open_page("claims/index.html")
    page.click("th:nth-child(6) button")  # independent origins, ascending
    page.click("th:nth-child(6) button")  # and descending
    origins = page.eval_on_selector_all(
        "#rows tbody tr td:nth-child(6)", "els => els.map(e => +e.textContent)"
    )
    assert origins == sorted(origins, reverse=True) and origins[0] > origins[-1]
    assert "sort=6" in page.url and "order=desc" in page.url
    page.select_option("select[name=type]", "denial")
    kinds = page.eval_on_selector_all(
        "#rows tbody tr:not([hidden])", "els => els.map(e => e.dataset.type)"
    )
    assert kinds and set(kinds) == {"denial"}


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "390px"])
def test_meeting_page_says_who_confirms_and_who_denies_in_the_first_screen(
    open_page, data, viewport
) -> None:
    page = open_page(ROME, viewport)
    box = page.locator(".verdict").bounding_box()
    says = page.locator(".verdict li").first.bounding_box()
    assert says["y"] + says["height"] <= viewport["height"]
    if viewport is WIDE:  # on a phone the denials follow, one scroll down
        assert box["y"] + box["height"] <= viewport["height"]
    text = page.inner_text(".verdict")
    m = data.by_id.meetings["rome-2023-08-cohen-mangoush"]
    claims = [data.by_id.claims[c] for c in m.claims]
    v = verdict(
        claims, root=data.relay_root, people=data.by_id.people, orgs=data.by_id.organizations
    )
    for group in v.says + v.denies:
        assert f"{group.label.capitalize()} ({group.origins} independent origin" in text
    assert "Libyan side" in text and "Israeli side" in text and "Deny it" in text
    assert page.inner_text(".lead").startswith("Acknowledged")
    # claims grouped by type, with contents; long groups folded
    toc = page.eval_on_selector_all(".toc a", "els => els.map(e => e.getAttribute('href'))")
    assert "#type-occurred" in toc and "#type-denial" in toc
    folded = page.locator("section[id^=type-] > details:not([open])").count()
    assert folded >= 1
    assert page.evaluate("document.body.scrollHeight") < 12000  # was 40,000 pixels


def test_the_tables_work_from_the_keyboard(open_page) -> None:
    page = open_page("meetings/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "from"  # the first filter
    page.keyboard.type("2023")
    shown = page.eval_on_selector_all(
        "#rows tbody tr:not([hidden])", "els => els.map(e => e.dataset.to)"
    )
    assert shown and all(year >= "2023" for year in shown)
    page.focus("th:nth-child(1) button")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.get_attribute("th:nth-child(1)", "aria-sort") == "descending"


def test_person_page_leads_with_meetings(open_page, data) -> None:
    page = open_page("people/najla-mangoush.html")
    headings = page.eval_on_selector_all("main h2", "els => els.map(e => e.textContent)")
    assert headings[0] == "Meetings" and headings[-1].startswith("Other spellings")
    hrefs = page.eval_on_selector_all(
        "table.meetings-of a", "els => els.map(e => e.getAttribute('href'))"
    )
    rows = data.by_id.people["najla-mangoush"].meetings
    assert hrefs == [f"../meetings/{p.meeting_id}.html" for p in rows] and hrefs
    roles = page.inner_text("table.meetings-of")
    assert "delegation_member" not in roles and "participant" in roles
    assert page.locator("details:has(summary:text-matches('spellings'))").count() == 1
    assert not page.locator("details ul li").first.is_visible()  # spellings folded


def test_search_address_follows_the_query_and_results_are_grouped(open_page, site: Path) -> None:
    page = open_page("search.html")
    page.fill("input[type=search]", "Mangoush")
    assert page.url.endswith("search.html?q=Mangoush")
    groups = page.eval_on_selector_all("#results h2", "els => els.map(e => e.textContent)")
    assert groups[0].startswith("Meetings") and any(g.startswith("People") for g in groups)
    found = page.eval_on_selector_all("#results a", "els => els.map(e => e.getAttribute('href'))")
    again = open_page("search.html?q=Mangoush")
    assert again.input_value("input[type=search]") == "Mangoush"
    assert found == again.eval_on_selector_all(
        "#results a", "els => els.map(e => e.getAttribute('href'))"
    )


MEASURE = """(sel) => {
  const svg = document.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const boxes = Array.from(svg.querySelectorAll(sel)).map((t) => {
    const b = t.getBBox();
    return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent];
  });
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) overlaps.push([a[4], b[4]]);
    }
  const cut = boxes.filter((b) => b[0] < vb.x || b[1] < vb.y || b[2] > vb.x + vb.width
    || b[3] > vb.y + vb.height).map((b) => b[4]);
  return {labels: boxes.map((b) => b[4]), overlaps, cut};
}"""


def test_network_labels_do_not_overlap_and_every_colour_has_a_key(open_page, data) -> None:
    page = open_page("network.svg")
    drawn = page.evaluate(MEASURE, "text")
    assert drawn["overlaps"] == [] and drawn["cut"] == []
    labels = page.evaluate(MEASURE, "text.label")["labels"]
    named = {p.participant_id for p in data.participants + data.organization_participants}
    assert len(labels) >= 0.9 * len(named)  # a label with no free place is left out
    colours = set(
        page.eval_on_selector_all("a [fill]", "els => els.map(e => e.getAttribute('fill'))")
    )
    keyed = set(
        page.eval_on_selector_all(
            ".key [fill], .key [stroke]",
            "els => els.map(e => e.getAttribute('fill') === '#ffffff' ? "
            "e.getAttribute('stroke') : e.getAttribute('fill'))",
        )
    )
    assert colours <= keyed, colours - keyed
    # isolated records are left out: every mark is at the end of a line
    ends = page.evaluate(
        """() => {
        const ends = new Set(Array.from(document.querySelectorAll('line')).flatMap(
            (l) => [l.getAttribute('x1') + ',' + l.getAttribute('y1'),
                    l.getAttribute('x2') + ',' + l.getAttribute('y2')]));
        return Array.from(document.querySelectorAll('a circle')).filter(
            (c) => !ends.has(c.getAttribute('cx') + ',' + c.getAttribute('cy'))).length;
    }"""
    )
    assert ends == 0


def test_timeline_labels_are_whole_and_inside_the_picture(open_page, data) -> None:
    page = open_page("timeline.svg")
    drawn = page.evaluate(MEASURE, "text.label")
    assert drawn["overlaps"] == [] and drawn["cut"] == []
    titles = sorted(m.title for m in data.meetings if m.date_earliest)
    words = page.eval_on_selector_all(
        "text.label",
        "els => els.map(e => Array.from(e.querySelectorAll('tspan'), (s) => s.textContent)"
        ".join(' '))",
    )
    assert sorted(words) == titles  # no title cut, mid-word or otherwise


@pytest.mark.parametrize("picture", ["timeline.html", "network.html"])
def test_pictures_are_legible_on_a_phone(open_page, picture: str) -> None:
    page = open_page(picture, NARROW)
    size = page.evaluate(
        "() => document.querySelector('figure svg text').getBoundingClientRect().height"
    )
    assert size >= 10  # pixels on screen: the picture scrolls instead of shrinking
    scrolls = page.evaluate(
        "() => { const f = document.querySelector('figure');"
        " return f.scrollWidth > f.clientWidth; }"
    )
    assert scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


@pytest.mark.parametrize(
    "path",
    ["index.html", "meetings/index.html", "claims/index.html", ROME, "people/najla-mangoush.html"],
)
def test_no_page_is_wider_than_a_phone(open_page, path: str) -> None:
    page = open_page(path, NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        ROME,
        "people/najla-mangoush.html",
        "organizations/libya-gnu-foreign-ministry.html",
        "meetings/index.html",
        "search.html?q=%D8%A5%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84",
        "timeline.html",
        "network.html",
    ],
)
def test_axe_finds_no_serious_or_critical_issue(browser, http_site: str, path: str) -> None:
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(f"{http_site}/{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    bad = [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert bad == []
    assert len(result["passes"]) > 10  # axe ran its rules on the page


def test_favicon_and_no_missing_file_over_http(browser, http_site: str) -> None:
    context = browser.new_context()
    missing: list[str] = []
    page = context.new_page()
    page.on("response", lambda r: r.status >= 400 and missing.append(r.url))
    for path in ("index.html", ROME, "meetings/index.html", "search.html?q=Cohen"):
        page.goto(f"{http_site}/{path}")
        page.wait_for_load_state("networkidle")
    icon = page.eval_on_selector("link[rel=icon]", "e => e.href")
    assert page.request.get(icon).status == 200
    context.close()
    assert missing == []


# --- Without a browser -----------------------------------------------------------------------


class _Text(HTMLParser):
    """The visible text and the links (href, text) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._link: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "title", "svg"):
            self._skip += 1
        if tag == "a":
            self._href, self._link = dict(attrs).get("href"), []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title", "svg"):
            self._skip -= 1
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._link).strip()))
            self._href = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)
            if self._href is not None:
                self._link.append(data)


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        yield path.relative_to(site), " ".join(parser.text), parser.links


def test_public_pages_show_words_not_codes_ids_or_curators_notes(site: Path, data) -> None:
    codes = {code for table in CODES.values() for code in table if "_" in code}
    pattern = re.compile(r"\b(" + "|".join(sorted(codes)) + r")\b")
    # the curators' own notes (register numbers, search history, reliability tiers) live in
    # curation/source-notes.csv; the sources' notes are public
    with (ROOT / "curation" / "source-notes.csv").open(encoding="utf-8") as f:
        notes = [r["note"] for r in csv.DictReader(f) if len(r["note"]) > 20]
    assert len(notes) > 100
    ids = {r.id for r in data.people + data.organizations}
    ids |= {m.meeting_id for m in data.meetings} | {s.source_id for s in data.sources}
    found_codes, id_links, shown_notes = [], [], []
    for rel, text, links in _pages(site):
        found_codes += [(rel, m) for m in pattern.findall(text)]
        id_links += [(rel, href) for href, words in links if words in ids]
        shown_notes += [(rel, n[:40]) for n in notes if n in text]
    assert found_codes == [] and id_links == [] and shown_notes == []


def test_every_code_of_the_contract_and_the_data_has_words(data) -> None:
    from libya_israel_data.contract import RESOURCES, reference_schema
    from libya_israel_data.outputs.site.labels import COUNTRIES, LANGUAGES

    for name in RESOURCES:
        for f in reference_schema(name)["fields"]:
            enum = f.get("constraints", {}).get("enum")
            if enum:
                tables = [t for t in CODES if t.startswith(f"{name}.{f['name']}")]
                assert tables, (name, f["name"])
                for table in tables:
                    assert set(enum) <= set(CODES[table]), table
    records = (*data.meetings, *data.people, *data.organizations)
    countries = {r.country for r in records}
    countries |= {p.side for p in data.participants + data.organization_participants}
    assert countries - {None} <= set(COUNTRIES)
    languages = {s.language for s in data.sources}
    languages |= {a.language for p in data.people for a in p.aliases}
    assert languages <= set(LANGUAGES)


def test_every_download_opens_in_its_tool(site: Path, tmp_path: Path) -> None:
    import duckdb
    import networkx as nx
    from frictionless import Package

    folder = site / "downloads"
    sums = dict(
        reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines()
    )
    index = (site / "index.html").read_text(encoding="utf-8")
    for name, digest in sums.items():
        data = (folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
        assert digest in index and f'href="downloads/{name}"' in index
        assert f'href="downloads/{name}" download>' in index
        assert f"({size_text(len(data))})" in index
    assert size_text(980) == "980 bytes" and size_text(236_668) == "237 kB"
    assert size_text(2_875_392) == "2.9 MB"
    assert len(sums) == 6
    meetings = len(lid.load().meetings)
    con = sqlite3.connect(folder / "libya-israel-data.sqlite")
    assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] == meetings
    con.close()
    with zipfile.ZipFile(folder / "libya-israel-data-parquet.zip") as z:
        z.extractall(tmp_path / "parquet")
    parquet = tmp_path / "parquet" / "libya-israel-data" / "meetings.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall() == [(meetings,)]
    with zipfile.ZipFile(folder / "libya-israel-data-csv.zip") as z:
        z.extractall(tmp_path / "csv")
    report = Package(tmp_path / "csv" / "libya-israel-data" / "datapackage.json").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = read(folder / f"libya-israel-data.{fmt}")
        assert g.number_of_nodes() > meetings


# --- Screenshots in docs/ ----------------------------------------------------------------------

SHOTS = ROOT / "docs" / "screenshots"
#: name -> (page, viewport): what docs/screenshots shows, each a step of a reader's visit.
SCREENSHOTS = {
    "meetings-filtered.png": ("meetings/index.html?from=2021&to=2022&status=alleged", WIDE),
    "meeting-first-screen.png": (ROME, WIDE),
    "meeting-first-screen-phone.png": (ROME, NARROW),
    "person.png": ("people/najla-mangoush.html", WIDE),
    "search.png": ("search.html?q=Mangoush", WIDE),
    "network.png": ("network.html", WIDE),
    "timeline-phone.png": ("timeline.html", NARROW),
}
ASSETS = ("site.css", "table.js", "search.js", "fold.js")


def _fingerprint(site: Path, page: str) -> str:
    """What a screenshot depends on: the page's file and the site's style and scripts."""
    digest = hashlib.sha256()
    for rel in (page.split("?")[0], *ASSETS):
        digest.update((site / rel).read_bytes())
    return digest.hexdigest()


#: name -> (address, viewport): datasette serving the site's SQLite download.
DATASETTE_SHOTS = {
    "datasette-index.png": ("/", WIDE),
    "datasette-find.png": ("/libya-israel-data/find?q=Mangoush", WIDE),
}


def _datasette_metadata() -> dict:
    from libya_israel_data.outputs.export.sqlite import datasette_metadata

    return datasette_metadata(lid.load().package, "libya-israel-data")


def _datasette_fingerprint() -> str:
    import json

    from libya_israel_data.interfaces import datasette_plugin

    digest = hashlib.sha256(Path(datasette_plugin.__file__).read_bytes())
    digest.update(json.dumps(_datasette_metadata(), sort_keys=True).encode())
    return digest.hexdigest()


def _shoot_datasette(browser, site: Path, tmp: Path) -> None:
    """Serve the site's SQLite download with datasette and the plugin; take DATASETTE_SHOTS."""
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    meta = tmp / "metadata.json"
    meta.write_text(json.dumps(_datasette_metadata()), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = site / "downloads" / "libya-israel-data.sqlite"
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(meta), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for name, (address, viewport) in DATASETTE_SHOTS.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.goto(base + address)
            page.screenshot(path=str(SHOTS / name))
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_screenshots_in_docs_are_current(request, site: Path, tmp_path: Path) -> None:
    """docs/screenshots/manifest.json records the fingerprint of what each screenshot shows; a
    page that has changed since fails here. ``UPDATE_SCREENSHOTS=1`` takes them again."""
    import json
    import os

    manifest = SHOTS / "manifest.json"
    current = {name: _fingerprint(site, page) for name, (page, _v) in SCREENSHOTS.items()}
    current |= {name: _datasette_fingerprint() for name in DATASETTE_SHOTS}
    if os.environ.get("UPDATE_SCREENSHOTS"):
        browser = request.getfixturevalue("browser")
        SHOTS.mkdir(exist_ok=True)
        for name, (page_path, viewport) in SCREENSHOTS.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.goto(f"{site.as_uri()}/{page_path}")
            page.screenshot(path=str(SHOTS / name))
            context.close()
        _shoot_datasette(browser, site, tmp_path)
        manifest.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", "utf-8")
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    stale = sorted(n for n in current if recorded.get(n) != current[n])
    assert stale == [], (
        "pages changed since their screenshots: run "
        "UPDATE_SCREENSHOTS=1 python -m pytest tests/test_site_reader.py -k screenshots"
    )
    for name, (_page, viewport) in (SCREENSHOTS | DATASETTE_SHOTS).items():
        png = (SHOTS / name).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == viewport["width"], name
