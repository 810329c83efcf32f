"""The site's two pictures, drawn at build time as SVG: readable without JavaScript, each mark a
link, the same bytes for the same data.

Hand-written rather than through a plotting library: the marks must be links, text must carry
its language and direction, and the output must be byte-reproducible, which matplotlib's SVG
backend (ids, metadata, font subsetting) is not without patching.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

#: Colour of each meeting status (colour-blind safe: Okabe-Ito).
STATUS_COLOURS = {"acknowledged": "#009E73", "reported": "#E69F00", "alleged": "#CC79A7"}
#: Colour of people by country; others are grey.
COUNTRY_COLOURS = {"LY": "#0072B2", "IL": "#D55E00"}
OTHER = "#777777"


def _a(href: str, title: str, body: str) -> str:
    return f'<a href="{escape(href)}"><title>{escape(title)}</title>{body}</a>'


def timeline(meetings: list[dict[str, Any]], *, link_prefix: str = "") -> str:
    """Every dated meeting on a time axis, one row each in date order, drawn as the range of
    days its (partial or uncertain) date allows; colour by status, with a legend."""
    dated = sorted(
        (m for m in meetings if m.get("date_earliest")),
        key=lambda m: (m["date_earliest"], m["meeting_id"]),
    )
    width, left, right, row, top = 960, 20, 20, 16, 56
    height = top + row * max(len(dated), 1) + 40
    if dated:
        first = date.fromisoformat(dated[0]["date_earliest"]).year
        last = max(
            date.fromisoformat(m.get("end_date_latest") or m["date_latest"]).year for m in dated
        )
    else:
        first = last = 2000
    first, last = first - first % 10, last + 1
    span = (date(last, 12, 31) - date(first, 1, 1)).days or 1

    def x(day: str) -> float:
        return left + (date.fromisoformat(day) - date(first, 1, 1)).days / span * (
            width - left - right
        )

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="timeline-title" '
        'font-family="sans-serif" font-size="11">',
        '<title id="timeline-title">Timeline of the reported Libya-Israel contacts</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for i, (status, colour) in enumerate(STATUS_COLOURS.items()):
        out.append(
            f'<rect x="{left + i * 150}" y="10" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + i * 150 + 18}" y="20">{status}</text>'
        )
    for year in range(first, last + 1, 10):
        gx = x(f"{year}-01-01")
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 8}" x2="{gx:.1f}" y2="{height - 30}" '
            'stroke="#dddddd"/>'
            f'<text x="{gx:.1f}" y="{height - 14}" text-anchor="middle">{year}</text>'
        )
    for i, m in enumerate(dated):
        x0 = x(m["date_earliest"])
        x1 = x(m.get("end_date_latest") or m["date_latest"]) + 2.5
        y = top + i * row
        colour = STATUS_COLOURS.get(m["status"], OTHER)
        label = escape(m["title"][:90])
        bar = (
            f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 3):.1f}" height="{row - 5}" '
            f'fill="{colour}"/>'
        )
        text_x = x0 + max(x1 - x0, 3) + 4
        anchor = "start"
        if text_x > width * 0.62:
            text_x, anchor = x0 - 4, "end"
        bar += f'<text x="{text_x:.1f}" y="{y + row - 7}" text-anchor="{anchor}">{label}</text>'
        title = f"{m['title']} ({m['date']}; {m['status']})"
        out.append(_a(f"{link_prefix}{m['meeting_id']}.html", title, bar))
    out.append("</svg>\n")
    return "\n".join(out)


def network(
    people: list[dict[str, Any]],
    meetings: list[dict[str, Any]],
    participants: list[dict[str, Any]],
    *,
    link_prefix: str = "",
) -> str:
    """People and the meetings they took part in, laid out by a seeded force-directed layout
    (networkx), people coloured by country, meetings as squares coloured by status."""
    import networkx as nx

    g = nx.Graph()
    for p in sorted(participants, key=lambda p: (p["meeting_id"], p["person_id"])):
        g.add_edge(f"p:{p['person_id']}", f"m:{p['meeting_id']}")
    nodes = sorted(g.nodes)
    # Each connected part is laid out on its own (seeded, so the same data gives the same
    # picture) and given a cell: the largest the left two thirds, the others a grid beside it.
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    width, height, pad = 1200, 820, 30
    # The two largest parts get large cells (left, and top right); the rest share a grid.
    cells = [(pad, pad, 640, height - 2 * pad), (700, pad, width - 700 - 150, 430)]
    small = parts[2:]
    columns = 3
    rows_ = max(-(-len(small) // columns), 1)
    cell_w, cell_h = (width - 700 - 110) / columns, (height - 480 - pad) / rows_
    for i in range(len(small)):
        cells.append((700 + (i % columns) * cell_w, 470 + (i // columns) * cell_h, cell_w, cell_h))
    pos: dict[str, tuple[float, float]] = {}
    for part, (x0, y0, w, h) in zip(parts, cells, strict=False):
        sub = nx.Graph()
        sub.add_nodes_from(part)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(part).edges))
        layout = nx.spring_layout(sub, seed=7, iterations=300, k=1.6 / max(len(part), 1) ** 0.5)
        xs = [v[0] for v in layout.values()]
        ys = [v[1] for v in layout.values()]
        sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        for node, (px, py) in layout.items():
            pos[node] = (
                round(x0 + 20 + (px - min(xs)) / sx * (w - 40), 1),
                round(y0 + 15 + (py - min(ys)) / sy * (h - 30), 1),
            )

    def xy(node: str) -> tuple[float, float]:
        return pos[node]

    person = {p["person_id"]: p for p in people}
    meeting = {m["meeting_id"]: m for m in meetings}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 30}" '
        f'width="{width}" height="{height + 30}" role="img" aria-labelledby="network-title" '
        'font-family="sans-serif" font-size="10">',
        '<title id="network-title">People and the meetings they took part in</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    legend = [("Libya", COUNTRY_COLOURS["LY"]), ("Israel", COUNTRY_COLOURS["IL"]), ("other", OTHER)]
    for i, (name, colour) in enumerate(legend):
        out.append(
            f'<circle cx="{pad + i * 110}" cy="{height + 16}" r="6" fill="{colour}"/>'
            f'<text x="{pad + i * 110 + 10}" y="{height + 20}">{name}</text>'
        )
    out.append(
        f'<rect x="{pad + 340}" y="{height + 10}" width="11" height="11" fill="#999999"/>'
        f'<text x="{pad + 356}" y="{height + 20}">meeting (colour: status)</text>'
    )
    for a, b in sorted(tuple(sorted(e)) for e in g.edges):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#bbbbbb"/>')
    for node in nodes:
        cx, cy = xy(node)
        kind, key = node.split(":", 1)
        if kind == "p":
            p = person.get(key, {"name": key, "country": None})
            colour = COUNTRY_COLOURS.get(p.get("country") or "", OTHER)
            body = (
                f'<circle cx="{cx}" cy="{cy}" r="6" fill="{colour}"/>'
                f'<text x="{cx + 8}" y="{cy + 3}">{escape(p["name"])}</text>'
            )
            out.append(_a(f"{link_prefix}people/{key}.html", p["name"], body))
        else:
            m = meeting.get(key, {"title": key, "status": ""})
            colour = STATUS_COLOURS.get(m["status"], OTHER)
            body = (
                f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{colour}"/>'
            )
            out.append(_a(f"{link_prefix}meetings/{key}.html", m["title"], body))
    out.append("</svg>\n")
    return "\n".join(out)
