"""Which browser the site's tests drive, and what happens without one (see conftest.py)."""

from __future__ import annotations

from .conftest import NO_BROWSER, choose_browser


def _choose(env: dict[str, str], files: set[str], path: dict[str, str] | None = None):
    return choose_browser(env, (path or {}).get, files.__contains__, "/pw/chrome")


def test_lid_chromium_comes_first_and_must_exist() -> None:
    files = {"/opt/c/chrome", "/usr/bin/chromium", "/pw/chrome"}
    assert _choose({"LID_CHROMIUM": "/opt/c/chrome"}, files) == ("launch", "/opt/c/chrome")
    what, why = _choose({"LID_CHROMIUM": "/nope"}, files)
    assert what == "fail" and "LID_CHROMIUM=/nope" in why


def test_then_path_then_debian_then_playwright() -> None:
    found = {"chromium": "/snap/bin/chromium"}
    assert _choose({}, {"/usr/bin/chromium"}, found) == ("launch", "/snap/bin/chromium")
    assert _choose({}, {"/usr/bin/chromium", "/pw/chrome"}) == ("launch", "/usr/bin/chromium")
    assert _choose({}, {"/pw/chrome"}) == ("launch", None)  # Playwright's own


def test_without_a_browser_skip_locally_and_fail_in_ci() -> None:
    assert _choose({}, set()) == ("skip", NO_BROWSER)
    what, why = _choose({"CI": "true"}, set())
    assert what == "fail" and why.startswith(NO_BROWSER) and "CI" in why
