"""The datasette plugin of libya-israel-data: registers ``lid_fold`` on every connection, so
the exported database's canned query ``find`` (and any query of yours) folds a search the way
the Python API does. Installed with the package, found by datasette through the
``datasette`` entry point; datasette itself is not a dependency.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

from .search import register


@hookimpl
def prepare_connection(conn: Any) -> None:
    register(conn)
