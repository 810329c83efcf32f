"""The first record too long to be valid, found before a data file is read.

A record is a row as written in the file: one physical line, or several when a quoted cell
holds line breaks; every line and every cell lies within one. No value of the contract comes
near a mebibyte: the longest, a meeting's ``summary``, is 3,000 characters (at most 12,000 bytes
of UTF-8), and the longest record it allows, a source, is under 50 KB even with every quote
doubled. A record longer than :data:`MAX_RECORD_BYTES` cannot be valid, and parsing it would
cost many times its size (a single cell of a file cost about 12 times the file: one string, its
copies, every text check). So the file is scanned first, 4 MiB at a time, straight from the
disk, keeping only a few counters: a hostile file is refused at constant memory, before it is
read whole or parsed.

numpy over each block, rather than ``bytes.find`` in a loop, because a valid file has millions
of lines: one vectorized pass per block costs a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Bytes of the longest record a data file may have (its raw bytes, quotes included, its final
#: line break not counted): twenty times the longest record the contract allows
#: (``tests/test_lengths.py`` checks that against every schema).
MAX_RECORD_BYTES = 1 << 20
#: Bytes read and scanned at a time.
STEP = 1 << 22

_LF, _CR, _QUOTE = 10, 13, 34


@dataclass(frozen=True)
class TooLong:
    """A record longer than the limit: the physical line where it starts (1-based), and its
    length in bytes."""

    line: int
    length: int


class _Segments:
    """Lengths of the records between their ends, block after block; the first one longer
    than the limit is kept (its start and length)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.start = 0  # offset where the open segment starts
        self.found: tuple[int, int] | None = None  # its start and length

    def feed(self, ends: np.ndarray) -> None:
        """``ends``: absolute offsets of a block's delimiters, in order."""
        if self.found is not None or not ends.size:
            return
        starts = np.empty_like(ends)
        starts[0] = self.start
        starts[1:] = ends[:-1] + 1
        over = np.flatnonzero(ends - starts > self.limit)
        if over.size:
            i = over[0]
            self.found = int(starts[i]), int(ends[i] - starts[i])
        self.start = int(ends[-1]) + 1

    def close(self, stop: int) -> None:
        if self.found is None and stop - self.start > self.limit:
            self.found = self.start, stop - self.start


def too_long(path: Path, limit: int = MAX_RECORD_BYTES) -> TooLong | None:
    """The first record longer than ``limit`` bytes (its line break not counted), or None.

    A physical line ends at a line feed or a carriage return (a CRLF counts once, as the parsers
    read it); a record ends at the first line end outside quotes. Memory is a few times
    ``STEP``, whatever the file."""
    records = _Segments(limit)
    offset = 0
    quoted = False  # inside a quoted cell at the end of the previous block
    after_cr = False  # the previous block ended with a carriage return
    with path.open("rb") as f:
        while records.found is None and (block := f.read(STEP)):
            c = np.frombuffer(block, dtype=np.uint8)
            if after_cr or b"\r" in block:
                prev_cr = np.empty(c.size, dtype=bool)
                prev_cr[0] = after_cr
                prev_cr[1:] = c[:-1] == _CR
                ends = np.flatnonzero((c == _CR) | ((c == _LF) & ~prev_cr))
                after_cr = bool(c[-1] == _CR)
            else:
                ends = np.flatnonzero(c == _LF)
            if quoted or b'"' in block:
                # a line end closes a record if an even number of quotes stands before it
                quotes = np.flatnonzero(c == _QUOTE)
                ends = ends[(np.searchsorted(quotes, ends) + quoted) % 2 == 0]
                quoted = bool((quotes.size + quoted) % 2)
            records.feed(ends + offset)
            offset += c.size
    records.close(offset)
    if records.found is None:
        return None
    start, length = records.found
    return TooLong(_count_breaks(path, start) + 1, length)


def _count_breaks(path: Path, stop: int) -> int:
    """Line breaks before offset ``stop`` (read again: only for the one line reported)."""
    count, offset, after_cr = 0, 0, False
    with path.open("rb") as f:
        while offset < stop and (block := f.read(min(STEP, stop - offset))):
            count += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
            if after_cr and block.startswith(b"\n"):
                count -= 1
            after_cr = block.endswith(b"\r")
            offset += len(block)
    return count
