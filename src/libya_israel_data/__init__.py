"""libya-israel-data: an open, citable dataset of contacts between Libya and Israel.

Importing this package is cheap: pandas, polars, pyarrow and frictionless load only when a function
that needs them is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.3.0"

if TYPE_CHECKING:
    import sqlite3

    from .dataset.api import Dataset, UnknownIdError
    from .dataset.package import InvalidPackageError
    from .foundations.issues import Issue, Report

__all__ = [
    "Dataset",
    "InvalidPackageError",
    "Issue",
    "Report",
    "UnknownIdError",
    "__version__",
    "connect",
    "fold",
    "load",
    "refresh",
    "validate",
]


def load(path: Any = None, *, validate: bool | None = None) -> Dataset:
    """Load the data package as DataFrames and records; see :func:`.dataset.load`."""
    from .dataset.api import load as run

    return run(path, validate=validate)


def connect(path: Any, **kwargs: Any) -> sqlite3.Connection:
    """A ``sqlite3`` connection to an exported database, with ``lid_fold_query`` registered; see
    :func:`.search.connect`."""
    from .dataset.search import connect as run

    return run(path, **kwargs)


def fold(text: str, *, compact: bool = False) -> str:
    """The search key of a text (case, diacritics and script variants folded); see
    :func:`.folding.fold`."""
    from .foundations.folding import fold as run

    return run(text, compact=compact)


def validate(
    path: Any = None,
    progress: Any = None,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    limit_errors: int | None = None,
    fail_on_warnings: bool = False,
) -> Report:
    """Validate the data package at ``path`` (default: the shipped one); see :mod:`.validation`.

    ``progress``, a :class:`~libya_israel_data.foundations.progress.Progress`, is told of each step.
    ``select`` and ``ignore`` (issue codes or rules' names), ``limit_errors`` and
    ``fail_on_warnings`` are those of the ``validate`` command (:class:`.validation.Options`).
    """
    from .validation import validate as run

    return run(
        path,
        progress=progress,
        select=select,
        ignore=ignore,
        limit_errors=limit_errors,
        fail_on_warnings=fail_on_warnings,
    )


def refresh(path: Any = None) -> list[str]:
    """Recompute the descriptor's ``bytes`` and ``hash``; return the resources that changed."""
    from .outputs.integrity import refresh as run

    return run(path)


def __getattr__(name: str) -> Any:
    if name in ("Issue", "Report"):
        from .foundations import issues

        return getattr(issues, name)
    if name in ("Dataset", "UnknownIdError"):
        from .dataset import api as dataset

        return getattr(dataset, name)
    if name == "InvalidPackageError":
        from .dataset.package import InvalidPackageError

        return InvalidPackageError
    raise AttributeError(f"module 'libya_israel_data' has no attribute {name!r}")
