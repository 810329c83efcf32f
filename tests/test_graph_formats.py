"""The network exports against their formats' schemas: GEXF 1.2draft (gexf.xsd, data.xsd,
dynamics.xsd) and GraphML 1.0 (graphml-structure.xsd, graphml-attributes.xsd).

The schema files themselves are not installable from a package registry, so the rules that an
export could break are written out here, element by element, from the schemas: which attributes
each element may carry, which children it may hold, that ids are unique and that every reference
(an edge's ends, an attribute value's ``for``, a data's ``key``) resolves. networkx's own readers
accept far more than the schemas (a ``name`` on GEXF's <graph>, for one).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from libya_israel_data.outputs.export import export

GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
DYNAMIC = {"start", "end", "startopen", "endopen"}

#: GEXF 1.2draft: element -> (allowed attributes, allowed children).
GEXF_SCHEMA: dict[str, tuple[set[str], set[str]]] = {
    "gexf": ({"version", "variant", f"{XSI}schemaLocation"}, {"meta", "graph"}),
    "meta": ({"lastmodifieddate"}, {"creator", "keywords", "description"}),
    "creator": (set(), set()),
    "keywords": (set(), set()),
    "description": (set(), set()),
    "graph": (
        {"timeformat", "defaultedgetype", "idtype", "mode"} | DYNAMIC,
        {"attributes", "nodes", "edges"},
    ),
    "attributes": ({"class", "mode"} | DYNAMIC, {"attribute"}),
    "attribute": ({"id", "title", "type"}, {"default", "options"}),
    "nodes": ({"count"}, {"node"}),
    "node": (
        {"id", "label", "pid"} | DYNAMIC,
        {"attvalues", "spells", "nodes", "edges", "parents"},
    ),
    "edges": ({"count"}, {"edge"}),
    "edge": (
        {"id", "source", "target", "type", "label", "weight"} | DYNAMIC,
        {"attvalues", "spells"},
    ),
    "attvalues": (set(), {"attvalue"}),
    "attvalue": ({"for", "value"} | DYNAMIC, set()),
}
GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}

#: GraphML 1.0: element -> (allowed attributes, allowed children).
GRAPHML_SCHEMA: dict[str, tuple[set[str], set[str]]] = {
    "graphml": ({f"{XSI}schemaLocation"}, {"desc", "key", "graph", "data"}),
    "key": ({"id", "for", "attr.name", "attr.type"}, {"desc", "default"}),
    "graph": ({"id", "edgedefault"}, {"desc", "data", "node", "edge", "hyperedge"}),
    "node": ({"id"}, {"desc", "data", "port", "graph"}),
    "edge": ({"id", "source", "target", "directed"}, {"desc", "data", "graph"}),
    "data": ({"key", "id"}, set()),
}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("net")
    return {fmt: export(fmt, out / f"lid.{fmt}") for fmt in ("gexf", "graphml")}


def _conforms(root: ET.Element, ns: str, schema: dict[str, tuple[set[str], set[str]]]) -> None:
    for element in root.iter():
        assert element.tag.startswith(ns), element.tag
        name = element.tag[len(ns) :]
        assert name in schema, f"<{name}> is not in the schema"
        attributes, children = schema[name]
        assert set(element.attrib) <= attributes, (name, set(element.attrib) - attributes)
        for child in element:
            assert child.tag[len(ns) :] in children, (name, child.tag)


def test_gexf_follows_the_1_2draft_schema(files: dict[str, Path]) -> None:
    root = ET.parse(files["gexf"]).getroot()
    assert root.get("version") == "1.2"
    _conforms(root, GEXF, GEXF_SCHEMA)
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") in {"directed", "undirected", "mutual"}
    assert graph.get("mode") in {"static", "dynamic"}
    declared = {}
    for attributes in graph.findall(f"{GEXF}attributes"):
        assert attributes.get("class") in {"node", "edge"}
        for a in attributes.findall(f"{GEXF}attribute"):
            assert a.get("type") in GEXF_TYPES
            declared[(attributes.get("class"), a.get("id"))] = a.get("title")
    assert "networkx_key" not in declared.values()
    nodes = [n.get("id") for n in graph.iter(f"{GEXF}node")]
    assert len(nodes) == len(set(nodes))
    edges = list(graph.iter(f"{GEXF}edge"))
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids))
    for edge in edges:
        assert edge.get("source") in set(nodes) and edge.get("target") in set(nodes)
        kind = edge.get("id").split(":")[0]
        assert kind in {"participant", "claimant"}  # one id style: <kind>:<meeting>:<end>
        for value in edge.iter(f"{GEXF}attvalue"):
            assert ("edge", value.get("for")) in declared
    for node in graph.iter(f"{GEXF}node"):
        for value in node.iter(f"{GEXF}attvalue"):
            assert ("node", value.get("for")) in declared


def test_graphml_follows_the_1_0_schema(files: dict[str, Path]) -> None:
    root = ET.parse(files["graphml"]).getroot()
    _conforms(root, GRAPHML, GRAPHML_SCHEMA)
    keys = {k.get("id"): k for k in root.findall(f"{GRAPHML}key")}
    for key in keys.values():
        assert key.get("for") in {"graph", "node", "edge", "all"}
        assert key.get("attr.type") in GRAPHML_TYPES
    assert "networkx_key" not in {k.get("attr.name") for k in keys.values()}
    nodes = {n.get("id") for n in root.iter(f"{GRAPHML}node")}
    edges = list(root.iter(f"{GRAPHML}edge"))
    assert len({e.get("id") for e in edges}) == len(edges)
    for edge in edges:
        assert edge.get("source") in nodes and edge.get("target") in nodes
        assert edge.get("id").split(":")[0] in {"participant", "claimant"}
    for data in root.iter(f"{GRAPHML}data"):
        assert data.get("key") in keys


def test_people_and_organizations_are_claimants_alike(files: dict[str, Path]) -> None:
    g = nx.read_gexf(files["gexf"])
    claimants = {u.split(":")[0] for u, _v, d in g.edges(data=True) if d["kind"] == "claimant"}
    assert claimants == {"person", "organization"}
    rome = "meeting:rome-2023-08-cohen-mangoush"
    edges = g.get_edge_data("organization:israel-foreign-ministry", rome)
    assert any(d["kind"] == "claimant" and d["claims"] >= 1 for d in edges.values())
