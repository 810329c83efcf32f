"""The provenance layer's helpers and the boundaries of its rules, with exact results: what
``tests/test_rules.py`` leaves implicit (the normalised text of a URL, the package's created
date, each comparison at equality)."""

from __future__ import annotations

from datetime import date

import pytest

from libya_israel_data.validation import provenance as prov
from libya_israel_data.validation.provenance import created_date, normalise_url

from .test_rules import run, table


# --- rule 7: the normalised URL ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        (
            "HTTPS://Reader:pw@Example.ORG:443/A/B/?utm_source=x&UTM_medium=y&id=1&a=&fbclid=1"
            "&gclid=2&mc_cid=1&mc_eid=2&ocid=3&cmpid=4&ref=5#frag",
            "https://example.org/A/B?id=1&a=&ref=5",
        ),
        ("http://example.org:80/", "http://example.org"),
        ("https://example.org:443", "https://example.org"),
        ("http://example.org:443/x", "http://example.org:443/x"),
        ("https://example.org:80/x", "https://example.org:80/x"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("ftp://example.org:21/x", "ftp://example.org:21/x"),
        ("https://example.org:0/", "https://example.org:0"),
        ("https://example.org:65535/", "https://example.org:65535"),
        # not a port number: kept as written
        ("https://example.org:65536/", "https://example.org:65536"),
        ("https://example.org:99999/x", "https://example.org:99999/x"),
        ("https://u:p@example.org:99999/x", "https://example.org:99999/x"),
        ("https://u:p@example.org:abc/x", "https://example.org:abc/x"),
        # the query keeps its order and its blank values; spaces are written one way
        ("https://example.org/x?b=2&a=1", "https://example.org/x?b=2&a=1"),
        ("https://example.org/x?a=&b", "https://example.org/x?a=&b="),
        ("https://example.org/x?q=a+b%20c", "https://example.org/x?q=a+b+c"),
        ("https://example.org//", "https://example.org"),
        ("example.org/x/", "example.org/x"),
        ("  https://example.org/x \n", "https://example.org/x"),
        ("https://[::1/x", "https://[::1/x"),
        ("", ""),
    ],
)
def test_the_normalised_url(url: str, normalised: str) -> None:
    assert normalise_url(url) == normalised


@pytest.mark.parametrize(
    ("descriptor", "created"),
    [
        ({"created": "2024-05-01T10:00:00Z"}, date(2024, 5, 1)),
        ({"created": "2024-05-01T23:30:00-05:00"}, date(2024, 5, 1)),
        ({"created": "2024-05-01"}, date(2024, 5, 1)),
        ({"created": "May 2024"}, None),
        ({"created": 20240501}, None),
        ({"created": None}, None),
        ({}, None),
    ],
)
def test_the_created_date(descriptor: dict, created: date | None) -> None:
    assert created_date(descriptor) == created


def test_government_kinds() -> None:
    assert prov.GOVERNMENT_KINDS == ["government", "ministry", "presidency"]


def test_rule7_duplicates_point_at_the_first_source() -> None:
    sources = table(
        "sources",
        [
            {"source_id": "s-1", "url": "https://example.org/a"},
            {"source_id": "s-2", "url": "https://EXAMPLE.org/a/"},
            {"source_id": "s-3", "url": "https://example.org/b"},
            {"source_id": "s-4", "url": "https://reader@example.org/a?utm_source=x"},
            {"source_id": "s-5"},
            {"source_id": "s-6"},
        ],
    )
    assert run(prov.urls, {"sources": sources}) == [
        ("duplicate-url", "sources", 2, 3, "url"),
        ("duplicate-url", "sources", 4, 5, "url"),
    ]
