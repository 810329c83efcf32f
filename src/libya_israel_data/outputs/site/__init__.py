"""The static website: every record on its own citable page, a timeline, a network picture and
a search in three scripts, built from a validated package.

The site is plain files that work opened from disk (``file://``) and on any static host: no
request leaves it (no CDN, fonts or analytics), the pictures are SVG drawn at build time, and the
search page folds queries with JavaScript generated from the Python folding tables. Same input,
same bytes; written all at once or not at all, like the exports.
"""

from __future__ import annotations

from pathlib import Path

from ...dataset.package import ValidatedPackage, open_package
from ...foundations.progress import Progress

__all__ = ["build_site"]


def build_site(
    output: str | Path,
    *,
    package: str | Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Build the site of the package at ``package`` (default: the shipped one) into ``output``.

    Raises :class:`~libya_israel_data.InvalidPackageError` when the package has errors, and the
    export's :class:`TargetExistsError` / :class:`UnsafeTargetError` for an output that exists
    (without ``force``) or that is not a previous site."""
    from ...foundations.atomic import atomic_folder
    from ...foundations.paths import resolve_descriptor
    from ..export import claim_output
    from .build import write_site

    output = Path(output)
    descriptor = resolve_descriptor(package)
    with claim_output("site", output, descriptor, force):
        # the bytes are kept for the CSV download, which is the validated files themselves
        validated: ValidatedPackage = open_package(descriptor, progress=progress, keep_bytes=True)
        if progress is not None:
            progress.step("writing the site")
        with atomic_folder(output, force, fmt="site") as tmp:
            write_site(validated, tmp)
    return output
