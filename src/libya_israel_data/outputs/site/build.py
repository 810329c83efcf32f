"""Writing the site's pages, pictures and search index (see the package docstring).

Pages are rendered with Jinja2 (autoescaped) from the package's ``templates/`` resources, read
through :mod:`importlib.resources` like every other asset (so the site builds from a wheel or a
zip as from a checkout), each from the typed records of :mod:`.views`; the pictures are SVG
written here; every list is in a fixed order and every file is written with ``\n`` line ends,
so the same package gives the same bytes.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ...contract.fields import Claims, Meetings, Organizations, People, Sources
from ...dataset.search import index
from ...foundations import folding
from ...foundations.atomic import write_text
from . import labels, svg
from .downloads import write_downloads
from .labels import human_date, label
from .tables import claims_table, meetings_table, sources_table
from .verdict import verdict
from .views import site_view

if TYPE_CHECKING:
    from pathlib import Path

    from ...dataset.package import ValidatedPackage
    from .views import ClaimView

ClaimType, Status = Claims.ClaimType, Meetings.Status
RTL = {"ar", "he", "fa", "ur", "yi"}
STATUS = {
    Status.ACKNOWLEDGED: "a participant, or the government of a participant, said it happened",
    Status.REPORTED: "named media reported it from more than one origin; no participant "
    "confirmed it",
    Status.ALLEGED: "a single origin (one outlet, however many copies relay it) or unnamed "
    "sources only",
}
#: A list of claims longer than this is folded (``<details>``) on a page.
FOLD_AFTER = 6
#: The order of the claim groups on a meeting's page: did it happen, then the details.
CLAIM_TYPE_ORDER = (
    ClaimType.OCCURRED,
    ClaimType.DENIAL,
    ClaimType.DATE,
    ClaimType.PLACE,
    ClaimType.ATTENDANCE,
    ClaimType.ARRANGEMENT,
    ClaimType.TOPIC,
    ClaimType.DISCLOSURE,
    ClaimType.REACTION,
    ClaimType.CONSEQUENCE,
    ClaimType.BACKGROUND,
)
#: The files copied as they are from ``templates/`` into the site.
ASSETS = ("site.css", "search.js", "table.js", "favicon.svg")


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
    env.globals.update({name: getattr(labels, name) for name in labels.TABLES})
    env.filters["when"] = human_date
    return env


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
    site = site_view(package)
    by_id = site.by_id
    common: dict[str, Any] = {
        "meta": site.meta,
        "status_text": STATUS,
        "by_id": by_id,
        "fold_after": FOLD_AFTER,
    }
    # A claim shows on its own page and on the pages of its meeting, people and organizations,
    # all one folder deep: render it once.
    block = env.get_template("claim_block.html")
    common["rendered"] = {
        c.claim_id: Markup(block.render(root="../", c=c, **common)) for c in site.claims
    }

    def page(path: str, template: str, **context: Any) -> None:
        depth = path.count("/")
        html = env.get_template(template).render(root="../" * depth, **common, **context)
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, html)

    drawn = svg.pictures(site)
    for name, picture in drawn.items():
        write_text(out / name, picture)
    downloads = write_downloads(package, out, "downloads")
    page("index.html", "index.html", counts=site.counts, downloads=downloads)
    page("timeline.html", "timeline.html", svg=drawn["timeline.svg"], meetings=site.meetings)
    page("network.html", "network.html", svg=drawn["network.svg"])
    page("search.html", "search.html")
    tables = {
        Meetings.RESOURCE: meetings_table(site),
        Claims.RESOURCE: claims_table(site),
        Sources.RESOURCE: sources_table(site),
    }
    for name, table in tables.items():
        page(f"{name}/index.html", "table.html", section=name, table=table)
    for name, records in (
        (People.RESOURCE, site.people),
        (Organizations.RESOURCE, site.organizations),
    ):
        rows = sorted(records, key=lambda r: (r.name.casefold(), r.id))
        page(f"{name}/index.html", "list.html", section=name, rows=rows)
    for m in site.meetings:
        claims = [by_id.claims[c] for c in m.claims]
        groups: dict[str, list[ClaimView]] = {code: [] for code in CLAIM_TYPE_ORDER}
        for c in claims:
            groups.setdefault(c.claim_type, []).append(c)
        page(
            f"meetings/{m.meeting_id}.html",
            "meeting.html",
            m=m,
            groups={k: v for k, v in groups.items() if v},
            v=verdict(claims, root=site.relay_root, people=by_id.people, orgs=by_id.organizations),
        )
    for p in site.people:
        page(f"people/{p.person_id}.html", "person.html", p=p)
    for o in site.organizations:
        page(f"organizations/{o.organization_id}.html", "organization.html", o=o)
    for s in site.sources:
        page(f"sources/{s.source_id}.html", "source.html", s=s)
    for c in site.claims:
        page(f"claims/{c.claim_id}.html", "claim.html", c=c)
    write_text(out / "fold.js", fold_script())
    index_js = "const LID_INDEX = " + json.dumps(search_index(package), ensure_ascii=False) + ";\n"
    write_text(out / "search-index.js", index_js)
    for name in ASSETS:
        write_text(out / name, asset(name))
    write_text(
        out / SITE_MARK,
        f"A static site of {site.meta.name} {site.meta.version}, built by "
        "`libya-israel-data site`; `--force` replaces this folder.\n",
    )
