"""The datasette plugin of libya-israel-data: registers ``lid_fold_query`` (and its older name
``lid_fold``) on every connection, so the exported database's canned query ``find`` (and any
query of yours) folds a search the way the Python API does. Installed with the package, found
by datasette through the ``datasette`` entry point; datasette itself is not a dependency.

It also makes ``find`` the one search of the database: the ``link`` column of its results is
a link to the record, and the page of the full-text table ``search`` (whose own search box
would match unfolded words, and find fewer records than ``find``) leads to ``find`` with the
same query.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from ..dataset.search import register

#: The page of the full-text table, as datasette routes it: /<database>/search
SEARCH_PAGE = r"^/(?P<database>[^/.]+)/search$"


@hookimpl
def prepare_connection(conn: Any) -> None:
    register(conn)


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str) -> Any:
    """In ``find`` (a query, so no table), ``link`` is a link to the record's row page, named
    by the record's label."""
    if not (table is None and column == "link" and isinstance(value, str)):
        return None
    if not value.startswith(f"/{database}/"):
        return None
    keys = row.keys() if hasattr(row, "keys") else ()
    text = row["label"] if "label" in keys and row["label"] else value
    return Markup(f'<a href="{escape(value)}">{escape(text)}</a>')


async def _to_find(request: Any) -> Response:
    database = request.url_vars["database"]
    query = request.args.get("_search") or request.args.get("q") or ""
    target = f"/{database}/find" + (f"?{urlencode({'q': query})}" if query else "")
    return Response.redirect(target)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(SEARCH_PAGE, _to_find)]
