"""Claims, with their citations and the participants that point at them.

Claims come in one block per meeting, in id order: the meeting's ``occurred`` claim, one
``attendance`` claim per participant, then claims about the meeting, a person or an
organization. Each claim cites sources of its block (the first claims cover every source with a
URL), and its ``stated`` date is never after the earliest publication of those sources. With
``keep_index`` a compact index of every claim is kept for ``inject``.
"""

from __future__ import annotations

import sys
from array import array
from pathlib import Path

from .dates import iso
from .plan import Plan
from .tables import open_csv
from .vocabulary import (
    BAD,
    CAPACITIES,
    CLAIMANT_DESCRIPTIONS,
    DETAILS,
    GOOD,
    KIND_WORDS,
    LOCATORS,
    MEDIATORS,
    MEETING_TEMPLATES,
    MEETING_TYPES,
    ORG_TEMPLATES_TEXT,
    ORG_TYPES,
    PERSON_TEMPLATES,
    PERSON_TYPES,
    PUBLISHERS,
    ROLES_EXTRA,
    TOPICS,
    VENUES,
)

#: A byte per claim type in the index kept for ``inject``. In code, not in vocabulary.json: the
#: types are the contract's enum of ``claims.claim_type``, in the schema's order.
TYPE_CODE = {
    t: i
    for i, t in enumerate(
        [
            "occurred",
            "date",
            "place",
            "attendance",
            "arrangement",
            "topic",
            "disclosure",
            "denial",
            "reaction",
            "consequence",
            "background",
        ]
    )
}


class Claims(Plan):
    """Writes claims.csv, citations.csv, participants.csv and organization_participants.csv, in
    one pass over the claims."""

    def claimant(self):
        """(claimant_person_id, claimant_organization_id, claimant_description, phrase)."""
        rnd = self.rng.random
        r = rnd()
        if r < 0.40:
            p = self.next_person()
            org = ""
            if rnd() < 0.15:
                org = self.oid(self.gov_orgs[int(rnd() * len(self.gov_orgs))])
            return self.pid(p), org, "", self.show_person(p)
        if r < 0.85:
            pool = self.media_orgs if rnd() < 0.4 else self.gov_orgs
            o = pool[int(rnd() * len(pool))]
            return "", self.oid(o), "", self.org_phrase[o]
        desc, phrase = CLAIMANT_DESCRIPTIONS[int(rnd() * len(CLAIMANT_DESCRIPTIONS))]
        return "", "", desc, phrase

    def claims(self, out: Path) -> None:
        rng = self.rng
        rnd = rng.random

        def choice(seq):  # rng.choice, without its overhead (the hot loop calls it ~10x a claim)
            return seq[int(rnd() * len(seq))]

        def randrange(n):
            return int(rnd() * n)

        def randint(a, b):
            return a + int(rnd() * (b - a + 1))

        fc, wc = open_csv(out, "claims")
        ft, wt = open_csv(out, "citations")
        fp, wp = open_csv(out, "participants")
        fo, wo = open_csv(out, "organization_participants")
        cid, pid, mid, oid, srcid = self.cid, self.pid, self.mid, self.oid, self.srcid
        pub_earliest = self.pub_earliest
        created = self.created_day
        last_person_claim = array("l", [-1]) * self.P
        keep = self.keep_index
        if keep:
            self.claim_type = bytearray(self.N)
            self.claim_ref = bytearray(self.N)
            self.claim_ncit = bytearray(self.N)
            self.cite_src = array("l")
            self.src_count = array("l", [0]) * self.S
        n_cit = n_disputes = n_parts = n_bodies = 0
        outlets = PUBLISHERS["en"] + PUBLISHERS["ar"] + PUBLISHERS["he"]
        n_orgs = self.O
        for m in range(self.M):
            start, end = self.block_start[m], self.block_start[m + 1]
            parts = self.m_parts[m]
            status = self.m_status[m]
            mday = self.m_day[m]
            meeting_id = mid(m)
            occ = start
            urls = self.block_urls[m]
            n_urls = len(urls)
            cover = 0
            no_place = self.m_kind[m] in ("call", "correspondence")
            ctx = {
                "S": self.m_phrase[m],
                "when": self.m_when[m],
                "on_when": self.m_on_when[m],
                "city": self.m_city_text[m],
                "kind": KIND_WORDS[self.m_kind[m]],
            }
            part_rows = []
            for ci in range(start, end):
                k = ci - start
                subj_m = subj_p = subj_o = ""
                disputes = ""
                person = -1
                if k == 0:
                    ctype = "occurred"
                    subj_m = meeting_id
                    if status == "acknowledged":
                        p = parts[0]
                        cp, co, cd = pid(p), "", ""
                        phrase = self.show_person(p)
                    elif status == "reported":
                        o = choice(self.media_orgs)
                        cp, co, cd, phrase = "", oid(o), "", self.org_phrase[o]
                    else:
                        cd, phrase = choice(CLAIMANT_DESCRIPTIONS)
                        cp = co = ""
                    tmpl = choice(
                        MEETING_TEMPLATES[
                            "occurred_by_participant" if status == "acknowledged" else "occurred"
                        ]
                    )
                elif k <= len(parts):
                    ctype = "attendance"
                    subj_m = meeting_id
                    person = parts[k - 1]
                    subj_p = pid(person)
                    cp, co, cd, phrase = self.claimant()
                    tmpl = choice(MEETING_TEMPLATES["attendance"])
                    part_rows.append((person, k - 1, ci))
                else:
                    r = rnd()
                    if r < 0.5:
                        subj_m = meeting_id
                        ctype = choice(MEETING_TYPES)
                        if ctype == "place" and no_place:
                            ctype = "date"
                        if ctype == "attendance":
                            person = choice(parts)
                            subj_p = pid(person)
                        elif ctype == "denial" and rnd() < 0.5:
                            disputes = cid(occ)
                            if keep:
                                self.claim_ref[occ] = 1
                        tmpl = choice(MEETING_TEMPLATES[ctype])
                    elif r < 0.8:
                        person = self.next_person()
                        subj_p = pid(person)
                        ctype = choice(PERSON_TYPES)
                        if ctype == "denial" and rnd() < 0.75:
                            prev = last_person_claim[person]
                            if prev >= 0:
                                disputes = cid(prev)
                                if keep:
                                    self.claim_ref[prev] = 1
                        tmpl = choice(PERSON_TEMPLATES[ctype])
                    else:
                        o = randrange(n_orgs)
                        subj_o = oid(o)
                        ctype = choice(ORG_TYPES)
                        tmpl = choice(ORG_TEMPLATES_TEXT[ctype])
                        ctx["O"] = (
                            self.org_phrase[o][0].lower() + self.org_phrase[o][1:]
                            if self.org_phrase[o].startswith("The ")
                            else self.org_phrase[o]
                        )
                    cp, co, cd, phrase = self.claimant()
                if person >= 0:
                    ctx["P"] = self.show_person(person)
                    last_person_claim[person] = ci
                ctx["C"] = phrase
                ctx["good"] = choice(GOOD)
                ctx["bad"] = choice(BAD)
                if "{detail}" in tmpl:
                    ctx["detail"] = choice(DETAILS)
                ctx["outlet"] = choice(outlets)
                if "{venue}" in tmpl:
                    ctx["venue"] = choice(VENUES)
                if "{topic}" in tmpl:
                    ctx["topic"] = choice(TOPICS)
                if "{mediator}" in tmpl:
                    ctx["mediator"] = choice(MEDIATORS)
                if "{capacity}" in tmpl:
                    pool = self.p_country[person] if person >= 0 else "XX"
                    ctx["capacity"] = choice(CAPACITIES.get(pool, CAPACITIES["XX"])).format(
                        country="Jordan"
                    )
                statement = tmpl.format_map(ctx)
                if len(statement) > 400:
                    statement = statement[:399].rstrip() + "…"
                # citations: cover every URL source of the block first
                r = rnd()
                n = 1 if r < 0.4 else (2 if r < 0.8 else 3)
                if n > n_urls:
                    n = n_urls
                chosen = []
                if cover < n_urls:
                    chosen.append(urls[cover])
                    cover += 1
                tries = 0
                while len(chosen) < n and tries < 10:
                    tries += 1
                    s = urls[randrange(n_urls)]
                    if s not in chosen:
                        chosen.append(s)
                chosen.sort()
                # stated: never after the earliest publication of a citing source
                upper = 0
                for s in chosen:
                    e = pub_earliest[s]
                    if e and (upper == 0 or e < upper):
                        upper = e
                stated = ""
                if rnd() < 0.9:
                    if upper == 0:
                        upper = min(mday + 10, created)
                    if upper >= mday or k:
                        sday = upper - randint(0, 3)
                        r = rnd()
                        if r < 0.87:
                            stated = iso(sday)
                        elif r < 0.95:
                            stated = iso(sday)[:7]
                        elif r < 0.98:
                            stated = iso(sday)[:4]
                        else:
                            stated = f"{iso(sday - randint(1, 3))}/{iso(sday)}"
                        if "/" not in stated and rnd() < 0.03:
                            stated += choice("~?")
                claim_id = cid(ci)
                wc.writerow(
                    (
                        claim_id,
                        subj_m,
                        subj_p,
                        subj_o,
                        ctype,
                        statement,
                        cp,
                        co,
                        cd,
                        stated,
                        disputes,
                    )
                )
                if disputes:
                    n_disputes += 1
                for s in chosen:
                    wt.writerow((claim_id, srcid(s), choice(LOCATORS) if rnd() < 0.8 else ""))
                n_cit += len(chosen)
                if keep:
                    self.claim_type[ci] = TYPE_CODE[ctype]
                    self.claim_ncit[ci] = len(chosen)
                    self.cite_src.extend(chosen)
                    for s in chosen:
                        self.src_count[s] += 1
            # one organization per meeting, alternately Libya's and Israel's government (the
            # first and third fixed organizations), placed there by the 'occurred' claim
            side = m % 2
            wo.writerow(
                (
                    meeting_id,
                    oid(2 * side),
                    "participant",
                    "unnamed officials",
                    ("LY", "IL")[side],
                    cid(start),
                )
            )
            n_bodies += 1
            # participants of this meeting, sorted by person id
            part_rows.sort()
            for person, j, ci in part_rows:
                country = self.p_country[person]
                pool = country if country in ("LY", "IL") else "XX"
                role = "participant" if j < 2 else choice(ROLES_EXTRA)
                capacity = (
                    ""
                    if rnd() < 0.15
                    else choice(CAPACITIES[pool]).format(
                        country=rng.choice(["Jordan", "Italy", "the UAE", "Tunisia"])
                        if pool != "XX"
                        else {"IT": "Italy", "US": "the United States"}.get(country, "Jordan")
                    )
                )
                wp.writerow((meeting_id, pid(person), role, capacity, country, cid(ci)))
                if keep:
                    self.claim_ref[ci] = 1
                n_parts += 1
        fc.close()
        ft.close()
        fp.close()
        fo.close()
        if self.person_cursor < self.P:
            sys.exit(
                f"generate.py: only {self.person_cursor} of {self.P} people were used; "
                "use more claims"
            )
        self.counts.update(
            claims=self.N,
            citations=n_cit,
            participants=n_parts,
            organization_participants=n_bodies,
            disputes=n_disputes,
        )
