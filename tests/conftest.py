"""Shared fixtures: build small packages in temporary folders from the repository's schemas."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from .corpus import BAD_INPUTS, BASE, ROOT, build_case

# No time limit per example: speed goals live in benchmarks/run.py, and a deadline only makes
# property tests fail on a busy machine (two test processes share two cores).
settings.register_profile("lid", deadline=None)
settings.load_profile("lid")

__all__ = ["BAD_INPUTS", "BASE", "ROOT", "build_case"]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """The descriptor of a tiny valid package in a temporary folder."""
    return build_case(tmp_path / "pkg")


# --- The browser: one Chromium for the whole session -----------------------------------------

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_BROWSER = (
    "no Chromium: install Debian's package chromium, run `playwright install chromium`, "
    "or set LID_CHROMIUM to a Chromium executable"
)


def choose_browser(
    env: dict[str, str],
    which: Callable[[str], str | None],
    is_file: Callable[[str], bool],
    playwright_browser: str,
) -> tuple[str, str | None]:
    """What the browser tests use: ``("launch", executable)`` (``None``: Playwright's own
    browser), or ``("skip", why)`` / ``("fail", why)`` when there is none.

    In order: ``LID_CHROMIUM`` (failing if it names no file), ``chromium`` on ``PATH``,
    ``/usr/bin/chromium``, Playwright's own browser; without any, skip, or fail when ``CI``
    is set."""
    chosen = env.get("LID_CHROMIUM")
    if chosen:
        return (
            ("launch", chosen)
            if is_file(chosen)
            else ("fail", f"LID_CHROMIUM={chosen} is not a file")
        )
    found = which("chromium")
    if found:
        return "launch", found
    if is_file("/usr/bin/chromium"):
        return "launch", "/usr/bin/chromium"
    if playwright_browser and is_file(playwright_browser):
        return "launch", None
    if env.get("CI"):
        return "fail", NO_BROWSER + " (CI is set: the browser tests must run)"
    return "skip", NO_BROWSER


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright, shared by every browser test (see :func:`choose_browser`):
    with no browser the tests skip (one line in the summary), except in CI, where they fail."""
    import os

    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        what, value = choose_browser(
            dict(os.environ),
            shutil.which,
            lambda path: Path(path).is_file(),
            p.chromium.executable_path,
        )
        if what == "fail":
            pytest.fail(value)
        if what == "skip":
            pytest.skip(value)
        b = p.chromium.launch(executable_path=value, args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped package's site, built once for the session."""
    from libya_israel_data.outputs.site import build_site

    return build_site(tmp_path_factory.mktemp("site") / "site")
