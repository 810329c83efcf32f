"""libya-israel-data: an open, citable dataset of contacts between Libya and Israel.

Importing this package is cheap: pandas, polars, pyarrow and frictionless load only when a function
that needs them is called.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("libya-israel-data")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from .issues import Issue, Report

__all__ = ["Issue", "Report", "__version__", "refresh", "validate"]


def validate(path: Any = None) -> Report:
    """Validate the data package at ``path`` (default: the shipped one); see :mod:`.validation`."""
    from .validation import validate as run

    return run(path)


def refresh(path: Any = None) -> list[str]:
    """Recompute the descriptor's ``bytes`` and ``hash``; return the resources that changed."""
    from .refresh import refresh as run

    return run(path)


def __getattr__(name: str) -> Any:
    if name in ("Issue", "Report"):
        from . import issues

        return getattr(issues, name)
    raise AttributeError(f"module 'libya_israel_data' has no attribute {name!r}")
