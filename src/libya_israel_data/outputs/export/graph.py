"""Network export: the people-meeting network as GraphML or GEXF, for Gephi, networkx, igraph.

Nodes are people, organizations and meetings (``kind``), with their names in Latin, Arabic and
Hebrew script, country, and for meetings status, kind, contact, date and date bounds; edges join
a person or an organization to a meeting it took part in (``kind`` ``participant``: role,
capacity or represented_by, side, the claim that puts it there and the number of independent
origins behind it) and a claim's claimant, person or organization, to the meeting it speaks about
(``kind`` ``claimant``, with the number of claims). Every edge has one id style,
``<kind>:<meeting_id>:<person|organization>:<id>``. GEXF carries each meeting's ``start`` and
``end`` dates so Gephi's timeline works, and only what the GEXF 1.2draft schema allows (no graph
``name``, no networkx bookkeeping attribute). Built with networkx; written in a fixed order, so
the same input gives the same bytes.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import polars as pl

from ...contract import (
    Claims,
    Meetings,
    OrganizationParticipants,
    Organizations,
    Participants,
    People,
)
from ...dataset.derive import ORGANIZATION, ORIGINS, PERSON
from ...dataset.package import ValidatedPackage
from ...foundations.atomic import atomic_file
from ...foundations.dates import earliest, latest
from .checks import check_before_writing

#: The graph's own vocabulary, not the contract's: the attribute that says what a node or an
#: edge is, and what it may be (besides a person or an organization).
KIND = "kind"
MEETING, PARTICIPANT, CLAIMANT = "meeting", "participant", "claimant"


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF have no null: leave out empty attributes."""
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def build(package: ValidatedPackage) -> Any:
    """The network as a networkx ``MultiDiGraph`` (nodes and edges in package order)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    d = package.derived
    for r in d.table(People.RESOURCE).iter_rows(named=True):
        g.add_node(
            f"person:{r[People.person_id]}",
            **_clean(
                {
                    KIND: PERSON,
                    "label": r[People.name],
                    People.name_ar: r[People.name_ar],
                    People.name_he: r[People.name_he],
                    People.country: r[People.country],
                }
            ),
        )
    for r in d.table(Organizations.RESOURCE).iter_rows(named=True):
        g.add_node(
            f"organization:{r[Organizations.organization_id]}",
            **_clean(
                {
                    KIND: ORGANIZATION,
                    "label": r[Organizations.name],
                    Organizations.name_ar: r[Organizations.name_ar],
                    Organizations.name_he: r[Organizations.name_he],
                    Organizations.country: r[Organizations.country],
                    "organization_kind": r[Organizations.kind],
                }
            ),
        )
    for r in d.table(Meetings.RESOURCE).iter_rows(named=True):
        first, last = r[earliest(Meetings.date)], r[latest(Meetings.date)]
        end_last = r[latest(Meetings.end_date)]
        g.add_node(
            f"meeting:{r[Meetings.meeting_id]}",
            **_clean(
                {
                    KIND: MEETING,
                    "label": r[Meetings.title],
                    "meeting_kind": r[Meetings.kind],
                    Meetings.contact: r[Meetings.contact],
                    Meetings.status: r[Meetings.status],
                    Meetings.date: r[Meetings.date],
                    earliest(Meetings.date): first.isoformat() if first else None,
                    latest(Meetings.date): (end_last or last).isoformat() if last else None,
                    Meetings.country: r[Meetings.country],
                    Meetings.city: r[Meetings.city],
                    "start": first.isoformat() if first else None,
                    "end": (end_last or last).isoformat() if last else None,
                }
            ),
        )
    origins = dict(d.origins.iter_rows())
    # People and organizations take part alike: one edge each, with what their table records
    # of them (a person's capacity, whoever represented an organization); the two tables share
    # the names meeting_id, role, side and claim_id.
    for table, kind, who, described in (
        (Participants.RESOURCE, PERSON, Participants.person_id, Participants.capacity),
        (
            OrganizationParticipants.RESOURCE,
            ORGANIZATION,
            OrganizationParticipants.organization_id,
            OrganizationParticipants.represented_by,
        ),
    ):
        for r in d.table(table).iter_rows(named=True):
            end, meeting = f"{kind}:{r[who]}", f"meeting:{r[Participants.meeting_id]}"
            g.add_edge(
                end,
                meeting,
                key=f"participant:{r[Participants.meeting_id]}:{end}",
                **_clean(
                    {
                        KIND: PARTICIPANT,
                        Participants.role: r[Participants.role],
                        described: r[described],
                        Participants.side: r[Participants.side],
                        Participants.claim_id: r[Participants.claim_id],
                        ORIGINS: origins.get(r[Participants.claim_id], 0),
                    }
                ),
            )
    claims = d.table(Claims.RESOURCE).filter(pl.col(Claims.meeting_id).is_not_null())
    for column, kind in (
        (Claims.claimant_person_id, PERSON),
        (Claims.claimant_organization_id, ORGANIZATION),
    ):
        claimants = (
            claims.filter(pl.col(column).is_not_null())
            .group_by([column, Claims.meeting_id], maintain_order=True)
            .agg(pl.len().alias("claims"))
        )
        for who, meeting, n in claimants.iter_rows():
            g.add_edge(
                f"{kind}:{who}",
                f"meeting:{meeting}",
                key=f"claimant:{meeting}:{kind}:{who}",
                kind=CLAIMANT,
                claims=n,
            )
    return g


def _graphml(g: Any) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def _gexf(g: Any, created: str, title: str) -> bytes:
    from xml.etree.ElementTree import SubElement

    from networkx.readwrite.gexf import GEXFWriter

    h = g.copy()
    for _u, _v, key, data in h.edges(keys=True, data=True):
        data["id"] = key  # networkx would number the edges, and keep the key as an attribute
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(h)
    # What networkx writes beyond the 1.2draft schema: a ``name`` on <graph>, and each
    # multigraph edge's key as an attribute ``networkx_key``. The title goes to <meta>.
    graph = writer.xml.find("graph")
    graph.attrib.pop("name", None)
    for attributes in graph.findall("attributes"):
        for declared in attributes.findall("attribute"):
            if declared.get("title") == "networkx_key":
                key_id = declared.get("id")
                attributes.remove(declared)
                for values in graph.iter("attvalues"):
                    for value in values.findall("attvalue"):
                        if value.get("for") == key_id:
                            values.remove(value)
    if title:
        SubElement(writer.xml.find("meta"), "description").text = title
    buf = io.BytesIO()
    writer.write(buf)
    # networkx stamps the file with today's date: use the package's, so bytes are reproducible.
    return re.sub(
        rb'lastmodifieddate="[0-9-]+"',
        f'lastmodifieddate="{created[:10]}"'.encode(),
        buf.getvalue(),
    )


def export_graph(
    package: ValidatedPackage, output: Path, *, fmt: str = "graphml", force: bool = False
) -> Path:
    check_before_writing(package, xml=True)
    g = build(package)
    meta = package.metadata()
    data = (
        _graphml(g)
        if fmt == "graphml"
        else _gexf(g, str(meta.get("created") or ""), str(meta.get("title") or ""))
    )
    with atomic_file(output, force) as tmp:
        tmp.write_bytes(data)
    return output
