"""A progress bar for long work on a terminal: silent for quick runs, for pipes and for JSON.

Hand-written (about forty lines) rather than a dependency: it must stay silent until work has
taken a second, write only to a terminal's standard error, and cost nothing when disabled.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Call :meth:`step` as work advances; the bar appears once ``delay`` seconds have passed."""

    def __init__(
        self,
        total: int,
        *,
        stream: TextIO | None = None,
        delay: float = 1.0,
        enabled: bool | None = None,
    ) -> None:
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.delay = delay
        self.start = time.monotonic()
        self.done = 0
        self.shown = False

    def step(self, label: str) -> None:
        self.done = min(self.done + 1, self.total)
        if not self.enabled or time.monotonic() - self.start < self.delay:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


class Silent(Progress):
    def __init__(self) -> None:
        super().__init__(1, enabled=False)
