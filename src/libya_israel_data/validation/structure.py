"""Layer 1, structure: bytes, encoding, line endings, strict CSV syntax, header and cell counts.

Reading has two paths that give the same answers. A small file, or any file with a sign of
trouble, is parsed by Python's ``csv`` module in strict mode, record by record, with each record's
raw text checked against the RFC 4180 grammar, so that every problem gets its exact row and
physical line. A large clean file (UTF-8, LF, every quote where RFC 4180 allows it) is parsed by
polars in parallel, and two counts prove that no row was short: the file's commas must equal the
header's width minus one per row plus the commas inside cells. Only if a count disagrees is the
file parsed again the slow way.

Every cell is kept as text: types come from the Table Schema, never from inference.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import polars as pl

from ..contract import Package, Resource
from ..foundations.issues import Code, Issue, make_issue
from .lengths import MAX_RECORD_BYTES, too_long

#: Files with fewer body bytes are always read the exact, slow way (it is fast enough there, and
#: needs neither numpy nor the polars CSV reader).
SMALL = 4 << 20
#: One record of RFC 4180 (quoted cells may hold commas, quotes written twice, and line breaks).
_CELL = r'(?:"(?:[^"]|"")*"|[^,"\n]*)'
RECORD = re.compile(f"{_CELL}(?:,{_CELL})*")

# A header or a cell may be as long as the file (the file size is bounded by the descriptor
# layer): the csv module's default limit of 131,072 characters would raise mid-read.
csv.field_size_limit((1 << 31) - 1)

ROW = "_row"
LINE = "_line"
BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    """A resource read as text: one String column per header field known to the schema,
    plus ``_row`` (1-based record number) and ``_line`` (physical line where the record starts).
    A missing cell is null; an empty cell is the empty string."""

    resource: Resource
    file: str
    df: pl.DataFrame
    issues: list[Issue] = field(default_factory=list)
    size: int = 0  # bytes of the file as read
    hash: str = ""  # sha256:<hex> of the same bytes
    raw: bytes | None = None  # the bytes, when the reader was asked to keep them

    @property
    def columns(self) -> list[str]:
        return [c for c in self.df.columns if c not in (ROW, LINE)]


def first_invalid_utf8(data: bytes) -> int | None:
    """Offset of the first byte that breaks UTF-8, or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return None


def _clean(data: bytes, emit) -> tuple[bytes, list[Issue]]:
    """Report bytes that are not UTF-8 and carriage returns; return text the parsers can read."""
    issues = []
    bad = first_invalid_utf8(data)
    if bad is not None:
        line = data.count(b"\n", 0, bad) + 1
        issues.append(
            emit(
                Code.ENCODING_ERROR,
                f"byte 0x{data[bad]:02x} at offset {bad} is not valid UTF-8",
                line=line,
            )
        )
        data = data.decode("utf-8", "replace").encode("utf-8")
    cr = data.find(b"\r")
    if cr >= 0:
        issues.append(
            emit(
                Code.LINE_ENDING,
                "the file has carriage returns (first on this line)",
                line=data.count(b"\n", 0, cr) + 1,
            )
        )
        # A lone CR ends a line too (old Mac files): read it as one, so that row and line
        # numbers after it stay right.
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data, issues


def _parse_header(line: bytes) -> list[str]:
    text = line.decode("utf-8", "replace")
    return next(csv.reader([text]), [])


def _width(header: bytes) -> int:
    return max(len(_parse_header(header)), 1)


#: Characters of a header label shown in a report (a label may be as long as the file).
LABEL_SHOWN = 60


def _short(label: str) -> str:
    return repr(label if len(label) <= LABEL_SHOWN else label[:LABEL_SHOWN] + "…")


def _check_header(labels: list[str], resource: Resource, emit) -> dict[int, str]:
    """Report header problems; return the columns to keep, by position -> field name."""
    issues = []
    names = resource.field_names
    keep: dict[int, str] = {}
    seen: set[str] = set()
    for i, label in enumerate(labels):
        col = i + 1
        if label == "":
            issues.append(emit(Code.BLANK_LABEL, f"header cell {col} is empty", line=1))
        elif label in seen:
            issues.append(
                emit(
                    Code.DUPLICATE_LABEL,
                    f"{_short(label)} appears twice in the header",
                    line=1,
                    field=label[:LABEL_SHOWN],
                )
            )
        elif label not in names:
            issues.append(
                emit(
                    Code.EXTRA_LABEL,
                    f"header cell {col} is {_short(label)}, which is not a "
                    f"field of the {resource.name} schema",
                    line=1,
                    field=label[:LABEL_SHOWN],
                )
            )
        else:
            keep[i] = label
        seen.add(label)
    missing = [n for n in names if n not in seen]
    for n in missing:
        issues.append(emit(Code.MISSING_LABEL, f"the header lacks field {n!r}", line=1, field=n))
    present = [labels[i] for i in sorted(keep)]
    expected = [n for n in names if n in present]
    if not issues and present != expected:
        issues.append(
            emit(
                Code.INCORRECT_LABEL,
                f"header order is {present}, schema order is {expected}",
                line=1,
            )
        )
    return keep, issues


_QUOTE, _COMMA, _LF = 34, 44, 10


#: Bytes compared at a time when looking for quotes.
QUOTE_STEP = 1 << 24


def _quote_runs(buf) -> tuple:
    """Start and end (exclusive) of every run of consecutive quotes in ``buf``, compared 16 MiB
    at a time: memory grows with the number of runs, never with the file or its quotes."""
    import numpy as np

    step = QUOTE_STEP
    starts, ends = [], []
    for i in range(0, buf.size, step):
        mask = (buf[i : i + step] == _QUOTE).view(np.int8)
        prev = np.int8(i > 0 and buf[i - 1] == _QUOTE)
        nxt = np.int8(i + step < buf.size and buf[i + step] == _QUOTE)
        edges = np.diff(mask, prepend=prev, append=nxt)
        # edges[k] is mask[k] - mask[k - 1]: a run starts at k < len(mask) (the last edge is
        # the next chunk's) and ends at k >= 1 (an end at k = 0 is the previous chunk's last)
        starts.append(np.flatnonzero(edges[:-1] == 1) + i)
        ends.append(np.flatnonzero(edges[1:] == -1) + i + 1)
    if not starts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(starts).astype(np.int64), np.concatenate(ends).astype(np.int64)


def quotes_well_formed(data: bytes) -> bool:
    """Whether every quote character stands where RFC 4180 allows it, checked without a loop.

    Arrow's reader is lenient (it reads ``1,"2"x,3`` as ``2x``), so quoting is checked here first.
    Runs of consecutive quotes are classified by the number of quotes before them (even: the run
    starts outside a quoted cell, odd: inside). A run that starts outside must follow a comma, a
    line feed or the start; an even run that starts outside, or an odd run that starts inside,
    closes a cell, and must be followed by a comma, a line feed or the end.
    """
    import numpy as np  # only large files come here

    buf = np.frombuffer(data, dtype=np.uint8)
    first, after = _quote_runs(buf)  # where each run of quotes starts, and ends (exclusive)
    if first.size == 0:
        return True
    lengths = after - first
    before = np.cumsum(lengths) - lengths  # quotes before each run
    if (before[-1] + lengths[-1]) % 2:
        return False
    outside = before % 2 == 0
    before_ok = first == 0
    before_ok[first > 0] = np.isin(buf[first[first > 0] - 1], (_COMMA, _LF))
    after_ok = after >= buf.size
    inside_buf = ~after_ok
    after_ok[inside_buf] = np.isin(buf[after[inside_buf]], (_COMMA, _LF))
    closes = np.where(outside, lengths % 2 == 0, lengths % 2 == 1)
    return bool(np.all(before_ok | ~outside) and np.all(after_ok | ~closes))


def _fast(data: bytes, start: int, width: int) -> pl.DataFrame | None:
    """Parse ``data[start:]`` with polars; None when anything is off (the slow path says what)."""
    body = memoryview(data)[start:]
    if not _first_record_fits(body, width) or not quotes_well_formed(body):
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        df = pl.read_csv(
            data,
            has_header=False,
            skip_rows=1,
            new_columns=names,
            schema={n: pl.String for n in names},
            quote_char='"',
            empty_string_is_null=False,
            truncate_ragged_lines=False,
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, UnicodeDecodeError):
        return None
    if df.width != width:
        return None
    counts = df.select(
        pl.sum_horizontal([pl.col(n).str.count_matches(",", literal=True) for n in names])
        .cast(pl.Int64)
        .alias("commas"),
        pl.sum_horizontal([pl.col(n).str.count_matches("\n", literal=True) for n in names])
        .cast(pl.Int64)
        .alias("newlines"),
    )
    inner_commas = counts.get_column("commas").sum()
    # polars pads a short row with empty cells; the file's commas tell.
    if data.count(b",", start) != df.height * (width - 1) + inner_commas:
        return None
    row = pl.int_range(1, pl.len() + 1, dtype=pl.Int32)
    # A record starts on the line after the header and after every line earlier records used.
    return df.with_columns(
        row.alias(ROW),
        (1 + row + counts.get_column("newlines").cum_sum().shift(1, fill_value=0))
        .cast(pl.Int32)
        .alias(LINE),
    )


#: Records at least this long are checked by :func:`quotes_well_formed` (linear, vectorized)
#: rather than by the RECORD regex, whose repeated groups cost memory per cell.
LONG_RECORD = 1 << 16


def _record_well_formed(raw: str) -> bool:
    """Whether one record's raw text is RFC 4180 (see RECORD). Without a quote it always is."""
    if '"' not in raw:
        return True
    if len(raw) < LONG_RECORD:
        return RECORD.fullmatch(raw) is not None
    return quotes_well_formed(raw.encode("utf-8"))


def _first_record_fits(body: bytes | memoryview, width: int) -> bool:
    """Whether the first record has no more cells than the header (counting the commas of its
    first line outside quotes). polars sizes its columns from that record: a hostile one with
    millions of cells would cost gigabytes before it fails."""
    end = bytes(body[: 1 << 20]).find(b"\n")
    line = bytes(body[:end] if end >= 0 else body)
    if line.count(b",") <= width - 1:
        return True
    # commas outside quoted cells (a quote pair inside a cell reads as two quoted cells); a
    # record that goes on past its first line may count too many: it is read the slow way
    return re.sub(rb'"[^"]*"', b"", line).count(b",") <= width - 1


def _slow(body: bytes | memoryview, width: int, emit) -> tuple[pl.DataFrame, list[Issue]]:
    """Parse record by record with Python's strict csv reader, reporting every bad record."""
    issues: list[Issue] = []
    columns: list[list[str | None]] = [[] for _ in range(width)]
    rows: list[int] = []
    lines: list[int] = []
    # The lines are the reader's input too (a StringIO would hold the text again, at up to
    # four bytes a character): memory stays a small multiple of the file.
    raw_lines = str(body, "utf-8").split("\n")
    last = len(raw_lines) - 1
    reader = csv.reader(
        (
            line if i == last else line + "\n"
            for i, line in enumerate(raw_lines)
            if line or i < last
        ),
        strict=True,
    )
    start, row = 2, 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            row += 1
            if "unexpected end of data" in str(e):
                issues.append(
                    emit(
                        Code.UNCLOSED_QUOTE,
                        f"the quote opened in the record that starts "
                        f"on line {start} is never closed",
                        row=row,
                        line=start,
                    )
                )
                break
            here = 1 + reader.line_num
            if here > start:  # the record ran on past its line: a quote left open swallowed it
                issues.append(
                    emit(
                        Code.UNCLOSED_QUOTE,
                        f"the quote opened in the record that starts "
                        f"on line {start} runs on to line {here} ({e})",
                        row=row,
                        line=start,
                    )
                )
            else:
                issues.append(emit(Code.CSV_SYNTAX, str(e), row=row, line=here))
            start = 2 + reader.line_num
            continue
        row += 1
        # Python's reader, even strict, accepts a quote inside an unquoted cell: check the raw text.
        first, end = start - 2, reader.line_num
        raw = raw_lines[first] if end - first == 1 else "\n".join(raw_lines[first:end])
        if not _record_well_formed(raw):
            issues.append(
                emit(
                    Code.CSV_SYNTAX,
                    "a quote stands inside a cell that is not quoted, "
                    "or text follows a closing quote",
                    row=row,
                    line=start,
                )
            )
        if len(record) < width and record != [] and record != [""]:
            issues.append(
                emit(
                    Code.MISSING_CELL,
                    f"the row has {len(record)} cells, the header {width}",
                    row=row,
                    line=start,
                )
            )
            record = record + [None] * (width - len(record))
        elif len(record) > width:
            issues.append(
                emit(
                    Code.EXTRA_CELL,
                    f"the row has {len(record)} cells, the header {width}",
                    row=row,
                    line=start,
                )
            )
            record = record[:width]
        elif len(record) < width:  # an empty line
            record = [""] * width
        for col, value in zip(columns, record, strict=True):
            col.append(value)
        rows.append(row)
        lines.append(start)
        start = 2 + reader.line_num
    df = pl.DataFrame(
        {**{f"c{i}": columns[i] for i in range(width)}, ROW: rows, LINE: lines},
        schema={**{f"c{i}": pl.String for i in range(width)}, ROW: pl.Int32, LINE: pl.Int32},
    )
    return df, issues


#: The widest header read. The contract's resources have at most a dozen fields; a header far
#: wider is a broken file, and reading it would cost time and memory in proportion.
MAX_COLUMNS = 1024


class UnreadableTable(Exception):
    """A file that is not read at all (its issue says why); rules that need it do not run."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _refuse_wide(width: int, resource: Resource, emit) -> None:
    if width > MAX_COLUMNS:
        raise UnreadableTable(
            emit(
                Code.EXTRA_LABEL,
                f"the header has {width:,} cells, the {resource.name} schema "
                f"{len(resource.fields)} fields; a header wider than {MAX_COLUMNS:,} cells is "
                "not read further",
                line=1,
            )
        )


def _refuse_long(path: Path, resource: Resource, emit) -> None:
    """Refuse, before reading it whole, a file with a record no valid row comes near
    (``lengths``): parsing it would cost many times its size. (The file is read again after the
    scan; one rewritten in between is still validated correctly, only without this bound.)"""
    if path.stat().st_size <= MAX_RECORD_BYTES:  # no record can be longer than its file
        return
    found = too_long(path)
    if found is not None:
        raise UnreadableTable(
            emit(
                Code.RECORD_TOO_LONG,
                f"the record that starts on line {found.line:,} is {found.length:,} bytes long; "
                f"no valid {resource.name} record comes near {MAX_RECORD_BYTES:,} bytes, so the "
                "file is not read further",
                line=found.line,
            )
        )


def read_table(package: Package, resource: Resource, keep: bool = False) -> Table:
    """Read one resource's file once, strictly; every problem becomes an issue on the table.

    The file's size and sha256 are taken from the same bytes (so the descriptor's ``bytes`` and
    ``hash`` are checked against what was validated), and with ``keep`` the bytes are kept for
    writers that copy them. A clean file (UTF-8, LF, well-formed) is parsed once, without copying
    its bytes; any sign of trouble sends it to the slow path, which finds and reports each problem.
    """
    rel = resource.path
    emit = partial(make_issue, resource=resource.name, file=rel)
    issues: list[Issue] = []
    path = package.file(resource)
    _refuse_long(path, resource, emit)
    data = path.read_bytes()
    size, digest = len(data), f"sha256:{hashlib.sha256(data).hexdigest()}"
    raw = data if keep else None
    if data.startswith(BOM):
        issues.append(emit(Code.BYTE_ORDER_MARK, "the file starts with a byte order mark", line=1))
        data = data[len(BOM) :]
    end = data.find(b"\n")
    end = len(data) if end < 0 else end
    header = data[:end]
    clean = data.find(b"\r") < 0 and first_invalid_utf8(header) is None
    body: bytes | memoryview = memoryview(data)[end + 1 :]
    width = _width(header) if clean else 1  # an unclean header is parsed once cleaned
    _refuse_wide(width, resource, emit)
    df = _fast(data, end + 1, width) if clean and len(body) >= SMALL else None
    if df is None and (len(body) or not clean):
        data, found = _clean(data, emit)
        issues.extend(found)
        end = data.find(b"\n")
        end = len(data) if end < 0 else end
        header, body = data[:end], data[end + 1 :]
        width = _width(header)
        _refuse_wide(width, resource, emit)
        df = _fast(data, end + 1, width) if len(body) >= SMALL else None
        if df is None and body:
            df, parse_issues = _slow(body, width, emit)
            issues.extend(parse_issues)
    del body, data  # the file's bytes are no longer needed: free them before the checks
    labels = _parse_header(header)
    keep, header_issues = _check_header(labels, resource, emit)
    issues.extend(header_issues)
    if df is None:  # no records at all
        df = pl.DataFrame(
            schema={**{f"c{i}": pl.String for i in range(width)}, ROW: pl.Int32, LINE: pl.Int32}
        )
    df = df.select(*[pl.col(f"c{i}").alias(name) for i, name in keep.items()], ROW, LINE)
    cells = [c for c in df.columns if c not in (ROW, LINE)]
    if cells:
        blank = df.select(pl.all_horizontal([pl.col(c).fill_null("") == "" for c in cells]))
        blank = blank.to_series()
        if blank.any():  # filtering copies the table: only when there is something to drop
            for row, line in df.filter(blank).select(ROW, LINE).iter_rows():
                issues.append(emit(Code.BLANK_ROW, "the row is empty", row=row, line=line))
            df = df.filter(~blank)

    if df.is_empty():
        issues.append(emit(Code.EMPTY_FILE, "the file has a header and no rows", line=1))
    return Table(resource, rel, df, issues, size, digest, raw)
