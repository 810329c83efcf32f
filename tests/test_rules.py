"""Each registered rule on a small table: the exact (code, row, line, field) it reports."""

from __future__ import annotations

import pytest

from libya_israel_data.validation.provenance import normalise_url


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org:99999/x", "https://example.org:99999/x?utm_source=a"),
        ("https://reader@example.org/x", "https://example.org/x"),
        ("https://reader:secret@EXAMPLE.org:443/x/", "https://example.org/x"),
        (" https://example.org/x", "https://example.org/x#top"),
        ("http://example.org:80/x", "http://example.org/x"),
    ],
)
def test_urls_that_normalise_alike(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org:99999/x", "https://example.org/x"),
        ("https://example.org:0/x", "https://example.org/x"),
        ("http://example.org:443/x", "http://example.org/x"),
        ("https://example.org/X", "https://example.org/x"),
        ("https://example.org/x?id=1", "https://example.org/x?id=2"),
    ],
)
def test_urls_that_differ(a: str, b: str) -> None:
    assert normalise_url(a) != normalise_url(b)


def test_an_unparseable_url_is_compared_as_written() -> None:
    assert normalise_url(" https://[::1/x ") == "https://[::1/x"
