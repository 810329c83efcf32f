"""Writing the site's pages, pictures and search index (see the package docstring).

Pages are rendered with Jinja2 (autoescaped) from the package's ``templates/`` resources, read
through :mod:`importlib.resources` like every other asset (so the site builds from a wheel or a
zip as from a checkout); the pictures are SVG written here; every list is in a fixed order and
every file is written with ``\n`` line ends, so the same package gives the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
from markupsafe import Markup

from ...contract import NAMES
from ...dataset.package import ValidatedPackage, shown_metadata
from ...dataset.search import index
from ...foundations import folding
from . import svg
from .downloads import write_downloads
from .labels import human_date, label
from .tables import claimant_name, claims_table, meetings_table, sources_table
from .verdict import verdict

RTL = {"ar", "he", "fa", "ur", "yi"}
STATUS = {
    "acknowledged": "a participant, or the government of a participant, said it happened",
    "reported": "named media reported it from more than one origin; no participant confirmed it",
    "alleged": "a single origin (one outlet, however many copies relay it) or unnamed sources only",
}
#: A list of claims longer than this is folded (``<details>``) on a page.
FOLD_AFTER = 6
#: The order of the claim groups on a meeting's page: did it happen, then the details.
CLAIM_TYPE_ORDER = (
    "occurred",
    "denial",
    "date",
    "place",
    "attendance",
    "arrangement",
    "topic",
    "disclosure",
    "reaction",
    "consequence",
    "background",
)
#: The files copied as they are from ``templates/`` into the site.
ASSETS = ("site.css", "search.js", "table.js", "favicon.svg")
SECTIONS = {
    "meetings": ("meeting_id", "title"),
    "people": ("person_id", "name"),
    "organizations": ("organization_id", "name"),
    "sources": ("source_id", "title"),
    "claims": ("claim_id", "statement"),
}


def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("libya_israel_data.outputs.site", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["rtl"] = RTL
    env.globals["label"] = label
    env.filters["when"] = human_date
    env.globals["claimant_name"] = claimant_name
    return env


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    return [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        for r in df.iter_rows(named=True)
    ]


def site_data(package: ValidatedPackage) -> dict[str, Any]:
    """Everything the pages show, as plain dicts and lists in a fixed order."""
    d = package.derived
    t = {name: _rows(d.table(name)) for name in package.tables}
    by_id = {name: {r[key]: r for r in t[name]} for name, (key, _label) in SECTIONS.items()}
    cites: dict[str, list[dict]] = defaultdict(list)
    for c in t["citations"]:
        cites[c["claim_id"]].append({**c, "source": by_id["sources"][c["source_id"]]})
    cited_by: dict[str, list[str]] = defaultdict(list)
    for c in t["citations"]:
        cited_by[c["source_id"]].append(c["claim_id"])
    disputed_by: dict[str, list[str]] = defaultdict(list)
    for c in t["claims"]:
        if c["disputes"]:
            disputed_by[c["disputes"]].append(c["claim_id"])
    for c in t["claims"]:
        c["citations"] = cites[c["claim_id"]]
        c["disputed_by"] = disputed_by[c["claim_id"]]
    relayed_by: dict[str, list[str]] = defaultdict(list)
    for s in t["sources"]:
        if s["relays"]:
            relayed_by[s["relays"]].append(s["source_id"])
    chains = d.chains
    for s in t["sources"]:
        s["chain"] = chains.path(s["source_id"])[1:]
        s["relayed_by"] = relayed_by[s["source_id"]]
        s["claims"] = cited_by[s["source_id"]]
    aliases: dict[str, list[dict]] = defaultdict(list)
    for a in t["aliases"]:
        aliases[a["person_id"]].append(a)
    parts_of_meeting: dict[str, list[dict]] = defaultdict(list)
    meetings_of: dict[str, list[dict]] = defaultdict(list)
    for p in t["participants"]:
        parts_of_meeting[p["meeting_id"]].append(p)
        meetings_of[p["person_id"]].append(p)
    # Organizations taking part as such (a resource of newer packages; absent in older ones).
    orgs_of_meeting: dict[str, list[dict]] = defaultdict(list)
    meetings_of_org: dict[str, list[dict]] = defaultdict(list)
    for p in t.get("organization_participants", []):
        orgs_of_meeting[p["meeting_id"]].append(p)
        meetings_of_org[p["organization_id"]].append(p)
    when = {m["meeting_id"]: (m["date_earliest"] or "9999", m["meeting_id"]) for m in t["meetings"]}
    for rows in (*meetings_of.values(), *meetings_of_org.values()):
        rows.sort(key=lambda p: when[p["meeting_id"]])
    about: dict[tuple[str, str], list[str]] = defaultdict(list)
    made: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in t["claims"]:
        for resource, field in (
            ("meetings", NAMES.claims.meeting_id),
            ("people", NAMES.claims.person_id),
            ("organizations", NAMES.claims.organization_id),
        ):
            if c[field]:
                about[(resource, c[field])].append(c["claim_id"])
        if c["claimant_person_id"]:
            made[("people", c["claimant_person_id"])].append(c["claim_id"])
        if c["claimant_organization_id"]:
            made[("organizations", c["claimant_organization_id"])].append(c["claim_id"])
    return {
        "t": t,
        "by_id": by_id,
        "aliases": aliases,
        "parts_of_meeting": parts_of_meeting,
        "meetings_of": meetings_of,
        "orgs_of_meeting": orgs_of_meeting,
        "meetings_of_org": meetings_of_org,
        "about": about,
        "made": made,
        "meta": shown_metadata(package.metadata()),
        "chains": chains,
    }


def search_index(package: ValidatedPackage) -> list[list[str]]:
    """[resource, id, field, label, text, folded words, their forms] for every searchable cell,
    in corpus order (a cell's place is its position in the rank)."""
    derived = package.derived
    rows = index(derived.search_corpus).select(
        "resource", "id", "field", "label", "text", "folded", "stems"
    )
    return [list(r) for r in rows.iter_rows()]


def asset(name: str) -> str:
    """The text of the site asset ``name`` (a file of the package's ``templates/``)."""
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _write(path: Path, text: str) -> None:
    """Write a page, picture or script: UTF-8 with ``\n`` line ends on every platform."""
    path.write_text(text, encoding="utf-8", newline="\n")


def fold_script() -> str:
    """The JavaScript twin of :func:`..foundations.folding.fold_query`, from its tables."""
    return (
        "// Generated from libya_israel_data/foundations/folding.py: the Python API's folding.\n"
        f"const LID_FOLDING = {json.dumps(folding.tables(), ensure_ascii=False, sort_keys=True)};\n"
        + asset("fold.js")
    )


def write_site(package: ValidatedPackage, out: Path) -> None:
    """Write every page, picture and script of the site into the folder ``out``."""
    from ..export import SITE_MARK

    env = _env()
    data = site_data(package)
    meta = data["meta"]
    common: dict[str, Any] = {
        "meta": meta,
        "status_text": STATUS,
        "by_id": data["by_id"],
        "fold_after": FOLD_AFTER,
    }
    # A claim shows on its own page and on the pages of its meeting, people and organizations,
    # all one folder deep: render it once.
    block = env.get_template("claim_block.html")
    common["rendered"] = {
        c["claim_id"]: Markup(block.render(root="../", c=c, **common)) for c in data["t"]["claims"]
    }

    def page(path: str, template: str, **context: Any) -> None:
        depth = path.count("/")
        html = env.get_template(template).render(root="../" * depth, **common, **context)
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, html)

    t = data["t"]
    counts = {name: len(rows) for name, rows in t.items()}
    drawn = svg.pictures(t)
    for name, picture in drawn.items():
        _write(out / name, picture)
    downloads = write_downloads(package, out, "downloads")
    page("index.html", "index.html", counts=counts, downloads=downloads)
    page("timeline.html", "timeline.html", svg=drawn["timeline.svg"], meetings=t["meetings"])
    page("network.html", "network.html", svg=drawn["network.svg"])
    page("search.html", "search.html")
    tables = {
        "meetings": meetings_table(data),
        "claims": claims_table(data),
        "sources": sources_table(data),
    }
    for name, table in tables.items():
        page(f"{name}/index.html", "table.html", section=name, table=table)
    for name in ("people", "organizations"):
        key, name_field = SECTIONS[name]
        page(
            f"{name}/index.html",
            "list.html",
            section=name,
            rows=sorted(t[name], key=lambda r, f=name_field: (r[f].casefold(), r[key])),
            key=key,
            field=name_field,
        )
    root = data["chains"].root
    people, orgs = data["by_id"]["people"], data["by_id"]["organizations"]
    for m in t["meetings"]:
        claims = [data["by_id"]["claims"][c] for c in data["about"][("meetings", m["meeting_id"])]]
        groups: dict[str, list[dict]] = {code: [] for code in CLAIM_TYPE_ORDER}
        for c in claims:
            groups.setdefault(c["claim_type"], []).append(c)
        page(
            f"meetings/{m['meeting_id']}.html",
            "meeting.html",
            m=m,
            participants=data["parts_of_meeting"][m["meeting_id"]],
            org_participants=data["orgs_of_meeting"][m["meeting_id"]],
            groups={k: v for k, v in groups.items() if v},
            v=verdict(claims, root=root, people=people, orgs=orgs),
        )
    for p in t["people"]:
        page(
            f"people/{p['person_id']}.html",
            "person.html",
            p=p,
            aliases=data["aliases"][p["person_id"]],
            meetings=data["meetings_of"][p["person_id"]],
            about=data["about"][("people", p["person_id"])],
            made=data["made"][("people", p["person_id"])],
        )
    for o in t["organizations"]:
        page(
            f"organizations/{o['organization_id']}.html",
            "organization.html",
            o=o,
            meetings=data["meetings_of_org"][o["organization_id"]],
            about=data["about"][("organizations", o["organization_id"])],
            made=data["made"][("organizations", o["organization_id"])],
        )
    for s in t["sources"]:
        page(f"sources/{s['source_id']}.html", "source.html", s=s)
    for c in t["claims"]:
        page(f"claims/{c['claim_id']}.html", "claim.html", c=c)
    _write(out / "fold.js", fold_script())
    index_js = "const LID_INDEX = " + json.dumps(search_index(package), ensure_ascii=False) + ";\n"
    _write(out / "search-index.js", index_js)
    for name in ASSETS:
        _write(out / name, asset(name))
    _write(
        out / SITE_MARK,
        f"A static site of {meta.get('name')} {meta.get('version')}, built by "
        "`libya-israel-data site`; `--force` replaces this folder.\n",
    )
