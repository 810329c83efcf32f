"""The generator: the plan and the writers together, run in the order their data needs."""

from __future__ import annotations

from pathlib import Path

from .claims import Claims
from .entities import Entities
from .meetings import Meetings


class Generator(Entities, Meetings, Claims):
    """One random stream (``random.Random(seed)``) drawn in a fixed order: same N and seed, same
    bytes."""

    def run(self, out: Path) -> None:
        self.organizations(out)
        self.plan_people()
        self.plan_meetings()
        self.sources(out)
        self.people(out)
        self.meetings(out)
        self.claims(out)
