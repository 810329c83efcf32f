"""The site's two pictures, drawn at build time as SVG: readable without JavaScript, each mark a
link, the same bytes for the same data.

Hand-written rather than through a plotting library: the marks must be links, text must carry
its language and direction, and the output must be byte-reproducible, which matplotlib's SVG
backend (ids, metadata, font subsetting) is not without patching.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from ...contract.fields import Meetings
from .labels import MEETING_STATUS, human_date, label

if TYPE_CHECKING:
    from .views import MeetingView, OrganizationView, Participation, PersonView, SiteView

#: Colour of each meeting status (colour-blind safe: Okabe-Ito).
STATUS_COLOURS = {
    Meetings.Status.ACKNOWLEDGED: "#009E73",
    Meetings.Status.REPORTED: "#E69F00",
    Meetings.Status.ALLEGED: "#CC79A7",
}
#: Colour of people by country; others are grey.
COUNTRY_COLOURS = {"LY": "#0072B2", "IL": "#D55E00"}
OTHER = "#777777"


def _a(href: str, title: str, body: str) -> str:
    return f'<a href="{escape(href)}"><title>{escape(title)}</title>{body}</a>'


#: Advance widths of DejaVu Sans (the usual "sans-serif" of Linux browsers, and among the
#: widest), in em, by kind of character: text is measured here to place labels without a
#: browser; the site's browser test measures the drawn labels and fails on any overlap.
_NARROW, _WIDE = set("iljft.,;:'!|()[] "), set("mwMW@%")


def text_width(text: str, size: float) -> float:
    """A generous estimate of the drawn width of ``text`` at font size ``size`` (pixels)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.36
        elif ch in _WIDE:
            em += 0.95
        elif ch.isupper():
            em += 0.74
        else:
            em += 0.64
    return em * size


def wrap(text: str, size: float, room: float) -> list[str]:
    """``text`` in lines no wider than ``room``, broken between words only (a word longer
    than the room gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def timeline(meetings: Sequence[MeetingView], *, link_prefix: str = "") -> str:
    """Every dated meeting on a time axis, one row each in date order, drawn as the range of
    days its (partial or uncertain) date allows; colour by status, with a key. A title that
    does not fit beside its bar is wrapped between words, never cut."""
    dated = sorted(
        (m for m in meetings if m.date_earliest),
        key=lambda m: (m.date_earliest or "", m.meeting_id),
    )
    width, left, right, line, top, size = 960, 20, 20, 14, 56, 11
    if dated:
        first = date.fromisoformat(dated[0].date_earliest or "").year
        last = max(date.fromisoformat(m.last_day or "").year for m in dated)
    else:
        first = last = 2000
    first, last = first - first % 10, last + 1
    span = (date(last, 12, 31) - date(first, 1, 1)).days or 1

    def x(day: str) -> float:
        return left + (date.fromisoformat(day) - date(first, 1, 1)).days / span * (
            width - left - right
        )

    rows = []
    y = top
    for m in dated:
        x0 = x(m.date_earliest or "")
        x1 = x0 + max(x(m.last_day or "") + 2.5 - x0, 3)
        room_right, room_left = width - right - (x1 + 4), x0 - 4 - left
        if text_width(m.title, size) <= room_right or room_right >= room_left:
            anchor, tx, room = "start", x1 + 4, room_right
        else:
            anchor, tx, room = "end", x0 - 4, room_left
        lines = wrap(m.title, size, room)
        rows.append((m, x0, x1, y, anchor, tx, lines))
        y += line * len(lines) + 4
    height = y + 36
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-labelledby="timeline-title" '
        f'font-family="sans-serif" font-size="{size}">',
        '<title id="timeline-title">Timeline of the reported Libya-Israel contacts</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    kx = left
    out.append(f'<g class="key"><text x="{kx}" y="20">Status:</text>')
    kx += 50
    for status, colour in STATUS_COLOURS.items():
        words = label(MEETING_STATUS, status)
        out.append(
            f'<rect x="{kx}" y="10" width="12" height="12" fill="{colour}"/>'
            f'<text x="{kx + 18}" y="20">{escape(words)}</text>'
        )
        kx += 18 + text_width(words, size) + 24
    out.append("</g>")
    for year in range(first, last + 1, 10):
        gx = x(f"{year}-01-01")
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 8}" x2="{gx:.1f}" y2="{height - 30}" '
            'stroke="#dddddd"/>'
            f'<text x="{gx:.1f}" y="{height - 14}" text-anchor="middle">{year}</text>'
        )
    for m, x0, x1, y, anchor, tx, lines in rows:
        colour = STATUS_COLOURS.get(m.status, OTHER)
        bar = (
            f'<rect x="{x0:.1f}" y="{y}" width="{x1 - x0:.1f}" height="{line - 3}" '
            f'fill="{colour}"/>'
        )
        spans = "".join(
            f'<tspan x="{tx:.1f}" dy="{0 if i == 0 else line}">{escape(t)}</tspan>'
            for i, t in enumerate(lines)
        )
        bar += f'<text class="label" y="{y + line - 5}" text-anchor="{anchor}">{spans}</text>'
        status = label(MEETING_STATUS, m.status)
        title = f"{m.title} ({human_date(m.date)}; {status})"
        out.append(_a(f"{link_prefix}{m.meeting_id}.html", title, bar))
    out.append("</svg>\n")
    return "\n".join(out)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    marks: dict[str, tuple[float, float]],
    texts: dict[str, str],
    order: list[str],
    *,
    size: float,
    bounds: Box,
    radius: float = 6,
) -> dict[str, tuple[float, float, str]]:
    """Greedy label placement: each label (in ``order``, most connected first) takes the first
    of twelve places around its mark that overlaps no mark, no placed label and stays inside
    ``bounds``. Returns node -> (x, y of the baseline, text-anchor); a label with no free
    place is left out (its mark keeps its name as a tooltip and stays a link)."""
    h = size * 1.25
    taken: list[Box] = [(x - radius, y - radius, x + radius, y + radius) for x, y in marks.values()]
    placed: dict[str, tuple[float, float, str]] = {}
    for node in order:
        x, y = marks[node]
        w = text_width(texts[node], size)
        gap = radius + 3
        candidates = [
            (x + gap, y - h / 2, "start"),
            (x - gap - w, y - h / 2, "end"),
            (x - w / 2, y - gap - h, "middle"),
            (x - w / 2, y + gap, "middle"),
            (x + gap * 0.7, y - gap - h * 0.8, "start"),
            (x - gap * 0.7 - w, y - gap - h * 0.8, "end"),
            (x + gap * 0.7, y + gap * 0.6, "start"),
            (x - gap * 0.7 - w, y + gap * 0.6, "end"),
            (x + 2.5 * gap, y - h / 2, "start"),
            (x - 2.5 * gap - w, y - h / 2, "end"),
            (x - w / 2, y - 2 * gap - h, "middle"),
            (x - w / 2, y + 2 * gap, "middle"),
        ]
        for bx, by, anchor in candidates:
            box = (bx, by, bx + w, by + h)
            inside = bounds[0] <= box[0] and box[2] <= bounds[2]
            inside = inside and bounds[1] <= box[1] and box[3] <= bounds[3]
            if inside and not any(_overlap(box, t) for t in taken):
                taken.append(box)
                ax = {"start": bx, "end": bx + w, "middle": bx + w / 2}[anchor]
                placed[node] = (round(ax, 1), round(by + h * 0.78, 1), anchor)
                break
    return placed


def network(
    people: Sequence[PersonView],
    meetings: Sequence[MeetingView],
    participants: Sequence[Participation],
    *,
    organizations: Sequence[OrganizationView] = (),
    organization_participants: Sequence[Participation] = (),
    link_prefix: str = "",
) -> str:
    """People and organizations and the meetings they took part in, laid out by a seeded
    force-directed layout (networkx): people as circles and organizations as diamonds,
    coloured by country; meetings as squares coloured by status; a key for every colour. Only
    records with a link are drawn; labels never overlap (see :func:`place_labels`)."""
    import networkx as nx

    g = nx.Graph()
    for kind, rows in (("p", participants), ("o", organization_participants)):
        for p in sorted(rows, key=lambda p: (p.meeting_id, p.participant_id)):
            g.add_edge(f"{kind}:{p.participant_id}", f"m:{p.meeting_id}")
    nodes = sorted(g.nodes)
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    # Each connected part is laid out on its own (seeded, so the same data gives the same
    # picture) in a cell whose area follows its size: rows of cells, largest first.
    width, pad, size = 1400, 20, 10
    cells = _cells(parts, width - 2 * pad)
    height = round(max((y + h for _x, y, _w, h in cells), default=0) + pad)
    pos: dict[str, tuple[float, float]] = {}
    for part, (x0, y0, w, h) in zip(parts, cells, strict=True):
        sub = nx.Graph()
        sub.add_nodes_from(part)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(part).edges))
        layout = nx.spring_layout(sub, seed=7, iterations=300, k=1.6 / max(len(part), 1) ** 0.5)
        xs = [v[0] for v in layout.values()]
        ys = [v[1] for v in layout.values()]
        sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        mx, my = min(w * 0.3, 120), 18
        for node, (px, py) in layout.items():
            pos[node] = (
                round(pad + x0 + mx + (px - min(xs)) / sx * (w - 2 * mx), 1),
                round(pad + y0 + my + (py - min(ys)) / sy * (h - 2 * my), 1),
            )

    named_records: dict[str, PersonView | OrganizationView] = {
        **{f"p:{p.person_id}": p for p in people},
        **{f"o:{o.organization_id}": o for o in organizations},
    }
    meeting = {m.meeting_id: m for m in meetings}

    def name(node: str) -> str:
        record = named_records.get(node)
        return record.name if record else node.split(":", 1)[1]

    named = [n for n in nodes if not n.startswith("m:")]
    order = sorted(named, key=lambda n: (-g.degree(n), n))
    labels = place_labels(
        pos,
        {n: name(n) for n in named},
        order,
        size=size,
        bounds=(0, 0, width, height),
    )
    key_y = height + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {key_y + 50}" '
        f'width="{width}" height="{key_y + 50}" role="group" aria-labelledby="network-title" '
        f'font-family="sans-serif" font-size="{size}">',
        '<title id="network-title">People, organizations and the meetings they took part in'
        "</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for a, b in sorted(tuple(sorted(e)) for e in g.edges):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#bbbbbb"/>')
    for node in nodes:
        cx, cy = pos[node]
        kind, key = node.split(":", 1)
        if kind == "m":
            m = meeting.get(key)
            colour = STATUS_COLOURS.get(m.status, OTHER) if m else OTHER
            body = _square(cx, cy, colour)
            out.append(_a(f"{link_prefix}meetings/{key}.html", m.title if m else key, body))
            continue
        record = named_records.get(node)
        colour = COUNTRY_COLOURS.get((record.country if record else None) or "", OTHER)
        if kind == "p":
            body = f'<circle cx="{cx}" cy="{cy}" r="6" fill="{colour}"/>'
            href = f"{link_prefix}people/{key}.html"
        else:
            body = (
                f'<polygon points="{cx},{cy - 7} {cx + 7},{cy} {cx},{cy + 7} {cx - 7},{cy}" '
                f'fill="{colour}"/>'
            )
            href = f"{link_prefix}organizations/{key}.html"
        if node in labels:
            lx, ly, anchor = labels[node]
            body += (
                f'<text class="label" x="{lx}" y="{ly}" text-anchor="{anchor}">'
                f"{escape(name(node))}</text>"
            )
        out.append(_a(href, name(node), body))
    out.append(_network_key(pad, key_y, size))
    out.append("</svg>\n")
    return "\n".join(out)


def _network_key(x: float, y: float, size: float) -> str:
    """The key: every colour and shape the network uses, with its words."""
    out = ['<g class="key">']
    row1 = [("circle", colour, words) for words, colour in _country_key()]
    row1 += [("circle-outline", OTHER, "person"), ("diamond", OTHER, "organization")]
    row2 = [("square", c, f"meeting {label(MEETING_STATUS, s)}") for s, c in STATUS_COLOURS.items()]
    for j, row in enumerate((row1, row2)):
        cx, cy = x + 6, y + 8 + j * 22
        for shape, colour, words in row:
            if shape == "circle":
                out.append(f'<circle cx="{cx}" cy="{cy}" r="6" fill="{colour}"/>')
            elif shape == "circle-outline":
                out.append(f'<circle cx="{cx}" cy="{cy}" r="6" fill="#ffffff" stroke="{colour}"/>')
            elif shape == "diamond":
                out.append(
                    f'<polygon points="{cx},{cy - 7} {cx + 7},{cy} {cx},{cy + 7} {cx - 7},{cy}" '
                    f'fill="#ffffff" stroke="{colour}"/>'
                )
            else:
                out.append(_square(cx, cy, colour))
            out.append(f'<text x="{cx + 11}" y="{cy + 4}">{escape(words)}</text>')
            cx += 11 + text_width(words, size) + 28
    out.append("</g>")
    return "".join(out)


def _square(cx: float, cy: float, colour: str) -> str:
    return f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{colour}"/>'


def _country_key() -> list[tuple[str, str]]:
    return [
        ("acting for Libya", COUNTRY_COLOURS["LY"]),
        ("for Israel", COUNTRY_COLOURS["IL"]),
        ("for another country or none", OTHER),
    ]


def _cells(parts: list[list[str]], width: float) -> list[tuple[float, float, float, float]]:
    """A cell (x, y, w, h) for each part, largest first, in rows across ``width``: a part's
    cell area grows with its number of nodes, so every picture has room for its labels."""
    cells = []
    x = y = row_h = 0.0
    for part in parts:
        n = len(part)
        w = min(width, max(200.0, 95.0 * n**0.5 * 1.6))
        h = max(90.0, 105.0 * n**0.5)
        if x + w > width + 0.1:
            x, y, row_h = 0.0, y + row_h, 0.0
        cells.append((x, y, w, h))
        x += w
        row_h = max(row_h, h)
    return cells


def pictures(site: SiteView) -> dict[str, str]:
    """Both pictures of the site, by file name: what the site, and the README's copies in
    ``docs/``, show."""
    return {
        "timeline.svg": timeline(site.meetings, link_prefix="meetings/"),
        "network.svg": network(
            site.people,
            site.meetings,
            site.participants,
            organizations=site.organizations,
            organization_participants=site.organization_participants,
        ),
    }
