"""Network export: the people-meeting network as GraphML or GEXF, for Gephi, networkx, igraph.

Nodes are people, organizations and meetings (``kind``), with their names in Latin, Arabic and
Hebrew script, country, and for meetings status, kind, contact, date and date bounds; edges join a
person or an organization to a meeting it took part in (``kind`` ``participant``: role, capacity
or represented_by, side, the claim that puts it there and the number of independent origins
behind it), and a claim's claimant organization to the meeting it speaks about (``kind``
``claimant``). GEXF carries each meeting's ``start`` and ``end`` dates so
Gephi's timeline works. Built with networkx; written in a fixed order, so the same input gives
the same bytes.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import polars as pl

from ..contract import NAMES
from ..package import ValidatedPackage
from .atomic import atomic_file

P, ORG, M, PA, OP, C = (
    NAMES.people,
    NAMES.organizations,
    NAMES.meetings,
    NAMES.participants,
    NAMES.organization_participants,
    NAMES.claims,
)


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF have no null: leave out empty attributes."""
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def build(package: ValidatedPackage) -> Any:
    """The network as a networkx ``MultiDiGraph`` (nodes and edges in package order)."""
    import networkx as nx

    g = nx.MultiDiGraph(name=str(package.metadata().get("title", "")))
    d = package.derived
    for r in d.table("people").iter_rows(named=True):
        g.add_node(
            f"person:{r[P.person_id]}",
            **_clean(
                {
                    "kind": "person",
                    "label": r[P.name],
                    "name_ar": r[P.name_ar],
                    "name_he": r[P.name_he],
                    "country": r[P.country],
                }
            ),
        )
    for r in d.table("organizations").iter_rows(named=True):
        g.add_node(
            f"organization:{r[ORG.organization_id]}",
            **_clean(
                {
                    "kind": "organization",
                    "label": r[ORG.name],
                    "name_ar": r[ORG.name_ar],
                    "name_he": r[ORG.name_he],
                    "country": r[ORG.country],
                    "organization_kind": r[ORG.kind],
                }
            ),
        )
    for r in d.table("meetings").iter_rows(named=True):
        first, last = r[f"{M.date}_earliest"], r[f"{M.date}_latest"]
        end_last = r[f"{M.end_date}_latest"]
        g.add_node(
            f"meeting:{r[M.meeting_id]}",
            **_clean(
                {
                    "kind": "meeting",
                    "label": r[M.title],
                    "meeting_kind": r[M.kind],
                    "contact": r[M.contact],
                    "status": r[M.status],
                    "date": r[M.date],
                    "date_earliest": first.isoformat() if first else None,
                    "date_latest": (end_last or last).isoformat() if last else None,
                    "country": r[M.country],
                    "city": r[M.city],
                    "start": first.isoformat() if first else None,
                    "end": (end_last or last).isoformat() if last else None,
                }
            ),
        )
    origins = dict(d.origins.iter_rows())
    for r in d.table("participants").iter_rows(named=True):
        g.add_edge(
            f"person:{r[PA.person_id]}",
            f"meeting:{r[PA.meeting_id]}",
            key=r[PA.claim_id],
            **_clean(
                {
                    "kind": "participant",
                    "role": r[PA.role],
                    "capacity": r[PA.capacity],
                    "side": r[PA.side],
                    "claim_id": r[PA.claim_id],
                    "origins": origins.get(r[PA.claim_id], 0),
                }
            ),
        )
    for r in d.table("organization_participants").iter_rows(named=True):
        g.add_edge(
            f"organization:{r[OP.organization_id]}",
            f"meeting:{r[OP.meeting_id]}",
            key=r[OP.claim_id],
            **_clean(
                {
                    "kind": "participant",
                    "role": r[OP.role],
                    "represented_by": r[OP.represented_by],
                    "side": r[OP.side],
                    "claim_id": r[OP.claim_id],
                    "origins": origins.get(r[OP.claim_id], 0),
                }
            ),
        )
    claimants = (
        d.table("claims")
        .filter(
            pl.col(C.meeting_id).is_not_null() & pl.col(C.claimant_organization_id).is_not_null()
        )
        .group_by([C.claimant_organization_id, C.meeting_id], maintain_order=True)
        .agg(pl.len().alias("claims"), pl.col(C.claim_id).first())
    )
    for org, meeting, n, first in claimants.iter_rows():
        g.add_edge(
            f"organization:{org}",
            f"meeting:{meeting}",
            key=f"claims:{first}",
            kind="claimant",
            claims=n,
        )
    return g


def _graphml(g: Any) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def _gexf(g: Any, created: str) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps the file with today's date: use the package's, so bytes are reproducible.
    return re.sub(
        rb'lastmodifieddate="[0-9-]+"',
        f'lastmodifieddate="{created[:10]}"'.encode(),
        buf.getvalue(),
    )


def export_graph(
    package: ValidatedPackage, output: Path, *, fmt: str = "graphml", force: bool = False
) -> Path:
    g = build(package)
    data = _graphml(g) if fmt == "graphml" else _gexf(g, str(package.metadata().get("created", "")))
    with atomic_file(output, force) as tmp:
        tmp.write_bytes(data)
    return output
