"""The dataset as pandas DataFrames and typed records. Nothing is read at import time.

Every cell is read as text (``NA``, ``None``, ``null`` and ``007`` stay strings), an empty cell is
missing (``pd.NA``), and each EDTF date field gets two derived ``datetime64`` columns,
``<field>_earliest`` and ``<field>_latest``, so that users can sort and filter without parsing.
Claims also get ``origins``: the number of independent root documents behind their citations.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import polars as pl

from . import derive
from .folding import fold, fold_expr
from .issues import Report
from .models import Record, model_for
from .paths import resolve_descriptor
from .schema import RESOURCES, Resource
from .validation import read_tables
from .validation.structure import LINE, ROW

if TYPE_CHECKING:
    pass


class InvalidPackageError(ValueError):
    """Raised by :func:`load` when the package has validation errors; carries the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        lines = [i.to_text() for i in report.errors[:10]]
        more = len(report.errors) - len(lines)
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(
            f"the package is not valid ({report.summary()}):\n" + "\n".join(lines) + tail
        )


def _to_pandas(df: pl.DataFrame, resource: Resource) -> pd.DataFrame:
    """Schema columns as pandas ``string`` (empty = missing), derived date bounds as datetimes."""
    names = resource.field_names
    df = df.select([pl.col(n) for n in names if n in df.columns])
    edtf = [f.name for f in resource.fields if f.edtf and f.name in df.columns]
    df = derive.with_date_bounds(df, edtf)
    order: list[str] = []
    for n in names:
        order.append(n)
        if n in edtf:
            order += [f"{n}_earliest", f"{n}_latest"]
    df = df.select(order).with_columns(
        [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in names]
    )
    out = df.to_pandas()
    for n in names:
        out[n] = out[n].astype("string")
    for n in edtf:
        for suffix in ("_earliest", "_latest"):
            out[n + suffix] = pd.to_datetime(out[n + suffix])
    return out


class Dataset:
    """A loaded data package. ``ds.claims``, ``ds.meetings`` ... are pandas DataFrames."""

    def __init__(
        self,
        descriptor: Path,
        tables: dict[str, pl.DataFrame],
        resources: dict[str, Resource],
        report: Report | None = None,
        checked: bool = True,
    ) -> None:
        self.descriptor = descriptor
        self.report = report
        self.checked = checked  # frames are checked against their pandera schemas
        self._tables = tables
        self._resources = resources
        self._frames: dict[str, pd.DataFrame] = {}

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={t.height}" for n, t in self._tables.items())
        return f"<Dataset {self.descriptor} {counts}>"

    @property
    def resource_names(self) -> list[str]:
        return list(self._tables)

    def frame(self, name: str) -> pd.DataFrame:
        """The DataFrame of one resource (cached; a copy is yours to change)."""
        if name not in self._tables:
            raise KeyError(f"no resource {name!r}; the package has {self.resource_names}")
        if name not in self._frames:
            frame = _to_pandas(self._tables[name], self._resources[name])
            if name == "claims":
                frame = frame.merge(self._origins.to_pandas(), on="claim_id", how="left")
                frame["origins"] = frame["origins"].fillna(0).astype("int64")
                frame["claim_id"] = frame["claim_id"].astype("string")
            if self.checked:
                from .frames import frame_schema

                frame = frame_schema(self._resources[name]).validate(frame, lazy=True)
            self._frames[name] = frame
        return self._frames[name].copy()

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in RESOURCES or name in self.__dict__.get("_tables", {}):
            return self.frame(name)
        raise AttributeError(name)

    def records(self, name: str) -> list[Record]:
        """The rows of one resource as strict pydantic models (``None`` for empty cells)."""
        model = model_for(self._resources[name])
        df = self._tables[name].select(self._resources[name].field_names)
        rows = df.select(
            [pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in df.columns]
        ).to_dicts()
        return [model.model_validate(r) for r in rows]

    # --- questions researchers ask --------------------------------------------------------------
    @cached_property
    def _origins(self) -> pl.DataFrame:
        return derive.origins(self._tables["sources"], self._tables["citations"])

    def evidence(self) -> pd.DataFrame:
        """Every claim with each of its citations and the citing source (one row per citation)."""
        claims = self.frame("claims")
        cites = self.frame("citations")
        sources = self.frame("sources")[
            ["source_id", "title", "publisher", "url", "language", "published", "relays"]
        ].rename(columns={"title": "source_title", "language": "source_language"})
        return claims.merge(cites, on="claim_id", how="left").merge(
            sources, on="source_id", how="left"
        )

    def claims_about(
        self,
        *,
        meeting: str | None = None,
        person: str | None = None,
        organization: str | None = None,
    ) -> pd.DataFrame:
        """Claims whose subject is the given meeting, person or organization, with their
        citations and sources (one row per citation), in claim order."""
        if not any((meeting, person, organization)):
            raise ValueError("name a meeting, a person or an organization")
        ev = self.evidence()
        mask = pd.Series(False, index=ev.index)
        for column, value in (
            ("meeting_id", meeting),
            ("person_id", person),
            ("organization_id", organization),
        ):
            if value:
                mask |= ev[column].eq(value).fillna(False).astype(bool)
        return ev[mask].reset_index(drop=True)

    def meetings_of(self, person: str) -> pd.DataFrame:
        """The meetings a person took part in, with role, capacity and side."""
        parts = self.frame("participants")
        parts = parts[parts["person_id"] == person].drop(columns=["person_id"])
        return (
            self.frame("meetings")
            .merge(parts, on="meeting_id", how="inner")
            .sort_values(["date_earliest", "meeting_id"])
            .reset_index(drop=True)
        )

    def participants_of(self, meeting: str) -> pd.DataFrame:
        """The people at a meeting, with their names, role and capacity."""
        parts = self.frame("participants")
        parts = parts[parts["meeting_id"] == meeting]
        people = self.frame("people")[["person_id", "name", "name_ar", "name_he", "country"]]
        return parts.merge(people, on="person_id", how="left").reset_index(drop=True)

    def origins(self, claim: str) -> pd.DataFrame:
        """The independent root documents behind one claim: each citing source, the root it
        leads to by following ``relays``, and that root's publisher and title."""
        roots = derive.roots(self._tables["sources"])
        cites = self.frame("citations")
        cites = cites[cites["claim_id"] == claim][["claim_id", "source_id"]].copy()
        cites["root_id"] = cites["source_id"].map(lambda s: roots.get(s, s)).astype("string")
        sources = self.frame("sources")[["source_id", "publisher", "title", "url", "published"]]
        sources = sources.rename(columns={"source_id": "root_id"})
        return cites.merge(sources, on="root_id", how="left").reset_index(drop=True)

    def disputed(self) -> pd.DataFrame:
        """Pairs of contradicting claims: each claim that disputes another, beside the other."""
        claims = self.frame("claims")
        cols = [f for f in self._resources["claims"].field_names if f != "disputes"]
        left = claims[claims["disputes"].notna()][[*cols, "disputes"]]
        right = claims[cols].rename(columns={c: f"disputed_{c}" for c in cols})
        return (
            left.merge(right, left_on="disputes", right_on="disputed_claim_id", how="left")
            .drop(columns=["disputes"])
            .reset_index(drop=True)
        )

    def search(self, text: str) -> pd.DataFrame:
        """People, organizations, meetings and claims whose names, aliases, titles, summaries or
        statements contain ``text`` in any spelling (see :func:`libya_israel_data.fold`).

        Returns ``resource``, ``id``, ``field`` and the matching ``text``, one row per match.
        """
        key = fold(text, compact=True)
        if not key:
            raise ValueError("search for at least one letter or digit")
        hits = self._search_index.filter(pl.col("_key").str.contains(key, literal=True))
        return hits.drop("_key").to_pandas().astype("string")

    @cached_property
    def _search_index(self) -> pl.DataFrame:
        frame = searchable(self._tables)
        return frame.with_columns(fold_expr(pl.col("text"), compact=True).alias("_key"))


#: What the search looks in: resource -> (id column, text columns).
SEARCH_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "people": ("person_id", ("name", "name_ar", "name_he")),
    "aliases": ("person_id", ("alias",)),
    "organizations": ("organization_id", ("name", "name_ar", "name_he")),
    "meetings": ("meeting_id", ("title", "summary")),
    "claims": ("claim_id", ("statement",)),
}


def searchable(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """``resource``, ``id``, ``field``, ``text`` of every searchable non-empty cell (aliases are
    listed under the people they name)."""
    parts = []
    for name, (id_col, fields) in SEARCH_FIELDS.items():
        df = tables.get(name)
        if df is None:
            continue
        resource = "people" if name == "aliases" else name
        for field in fields:
            parts.append(
                df.select(
                    pl.lit(resource).alias("resource"),
                    pl.col(id_col).alias("id"),
                    pl.lit(field).alias("field"),
                    pl.col(field).alias("text"),
                )
            )
    frame = (
        pl.concat(parts)
        if parts
        else pl.DataFrame(schema={c: pl.String for c in ("resource", "id", "field", "text")})
    )
    return frame.filter(pl.col("text").is_not_null() & (pl.col("text") != ""))


def load(path: str | Path | None = None, *, validate: bool | None = None) -> Dataset:
    """Load a data package: the shipped one (offline) by default, or the working copy at ``path``
    (a ``datapackage.json`` or its folder).

    A working copy is validated first and :class:`InvalidPackageError` is raised if it has errors;
    pass ``validate=False`` to load it as it is. The shipped package is validated by its tests,
    not at every load (pass ``validate=True`` to do it anyway).
    """
    descriptor = resolve_descriptor(path)
    report = None
    if validate if validate is not None else path is not None:
        from .validation import validate as run

        report = run(descriptor)
        if not report.valid:
            raise InvalidPackageError(report)
    loaded, _issues, _desc = read_tables(descriptor)
    tables = {n: t.df.drop(ROW, LINE) for n, t in loaded.items()}
    resources = {n: t.resource for n, t in loaded.items()}
    # The shipped package is validated by its tests; a working copy only when asked to be.
    checked = path is None or report is not None
    return Dataset(descriptor, tables, resources, report, checked)
