"""The plan drawn before any file is written: sizes and ids, the people, the meetings.

``Plan`` holds the state every writer shares (the random stream, sizes, id formats) and draws,
in this order, the people's names and countries (``plan_people``) and each meeting's day, city,
kind, status and participants (``plan_meetings``). The writers (``entities``, ``meetings``,
``claims``) are mixins on top of it; ``generator.Generator`` puts them together.
"""

from __future__ import annotations

import random
from datetime import date

from .tables import sid
from .vocabulary import CITIES, FIRST, LAST, MEETING_KINDS, MIDDLE_LY, OTHER_COUNTRIES, STATUSES


class Plan:
    """Sizes: N claims, N/10 people and sources, N/100 meetings and organizations (at least 10)."""

    def __init__(self, n_claims: int, seed: int, created: date, keep_index: bool) -> None:
        self.N = n_claims
        self.rng = random.Random(seed)
        self.created_day = created.toordinal()
        self.keep_index = keep_index
        n = n_claims
        self.P = max(n // 10, 4)
        self.S = max(n // 10, 4)
        self.M = max(n // 100, 1)
        self.O = max(n // 100, 10)
        self.cid = sid(max(7, len(str(n))), "c")
        self.pid = sid(max(6, len(str(self.P))), "p")
        self.srcid = sid(max(6, len(str(self.S))), "s")
        self.mid = sid(max(5, len(str(self.M))), "m")
        self.oid = sid(max(4, len(str(self.O))), "o")
        self.counts: dict[str, int] = {}

    def plan_people(self) -> None:
        rng = self.rng
        P = self.P
        self.p_name: list[str] = []
        self.p_ar: list[str] = []
        self.p_he: list[str] = []
        self.p_alt: list[str] = []
        self.p_country: list[str] = []
        self.by_country: dict[str, list[int]] = {"LY": [], "IL": [], "XX": []}
        for i in range(P):
            r = rng.random()
            if i == 0 or (i > 1 and r < 0.42):
                pool, country = "LY", "LY"
            elif i == 1 or (i > 1 and r < 0.80):
                pool, country = "IL", "IL"
            else:
                pool = "XX"
                country = "" if r > 0.985 else rng.choice(OTHER_COUNTRIES)
            fe, fa, fh = rng.choice(FIRST[pool])
            if pool == "LY" and rng.random() < 0.4:
                me, ma, mh = rng.choice(MIDDLE_LY)
                if me not in fe:
                    fe, fa, fh = f"{fe} {me}", f"{fa} {ma}", f"{fh} {mh}"
            le, la, lh, alt = rng.choice(LAST[pool])
            self.p_name.append(f"{fe} {le}")
            self.p_ar.append(f"{fa} {la}" if rng.random() < 0.9 else "")
            self.p_he.append(f"{fh} {lh}" if rng.random() < 0.7 else "")
            self.p_alt.append(f"{fe} {alt}")
            self.p_country.append(country)
            self.by_country[pool].append(i)
        order = list(range(P))
        rng.shuffle(order)
        self.person_order = order
        self.person_cursor = 0

    def show_person(self, p: int) -> str:
        r = self.rng.random()
        name = self.p_name[p]
        if r < 0.45:
            return name
        ar, he = self.p_ar[p], self.p_he[p]
        if r < 0.7 and ar:
            return f"{name} ({ar})"
        if r < 0.85 and he:
            return f"{name} ({he})"
        if ar and he:
            return f"{name} ({ar}, {he})"
        return name

    def next_person(self) -> int:
        """The next person of the shuffled order until everyone appeared; then at random."""
        if self.person_cursor < self.P:
            p = self.person_order[self.person_cursor]
            self.person_cursor += 1
            return p
        return int(self.rng.random() * self.P)

    # --- meetings and participants (planned; participants written after claims ids exist) ---
    def plan_meetings(self) -> None:
        rng = self.rng
        M, N = self.M, self.N
        first = date(1990, 1, 1).toordinal()
        last = self.created_day - 400
        span = last - first
        self.m_day, self.m_city, self.m_kind, self.m_status = [], [], [], []
        self.m_parts: list[list[int]] = []
        self.m_prec: list[int] = []
        self.m_has_end: list[bool] = []
        self.block_start: list[int] = []
        base, extra = divmod(N, M)
        start = 0
        LY, IL = self.by_country["LY"], self.by_country["IL"]
        for m in range(M):
            day = first + (2 * m + 1) * span // (2 * M) + rng.randint(-5, 5)
            self.m_day.append(day)
            self.m_city.append(rng.randrange(len(CITIES)))
            self.m_kind.append(rng.choice(MEETING_KINDS))
            self.m_status.append(rng.choice(STATUSES))
            k = rng.choice((2, 2, 3, 3, 3, 4))
            parts = [rng.choice(LY), rng.choice(IL)]
            tries = 0
            while len(parts) < k and tries < 20:
                tries += 1
                p = rng.randrange(self.P)
                if p not in parts:
                    parts.append(p)
            self.m_parts.append(parts)
            self.block_start.append(start)
            start += base + (1 if m < extra else 0)
        self.block_start.append(start)
        assert start == N
