"""Organizations, sources, people and aliases: the rows that claims point at.

``organizations`` leaves the claimant phrase of each organization and the government and media
ones; ``sources`` (one slice per meeting, published shortly after it) leaves each block's sources
with a URL and the earliest publication day of every source; ``people`` writes the people planned
by ``Plan.plan_people`` with their aliases (which cite sources, so it runs after ``sources``).
"""

from __future__ import annotations

from array import array
from pathlib import Path

from .dates import iso, month_start, year_start
from .plan import Plan
from .tables import open_csv
from .vocabulary import (
    CITIES,
    DESCRIPTIONS,
    FIRST,
    LANGUAGES,
    LAST,
    MEDIA_WORDS,
    NATIONALITY,
    ORG_TEMPLATES,
    OTHER_COUNTRIES,
    PARTY_WORDS,
    PORTFOLIOS,
    PUBLISHERS,
    SOURCE_NOTES,
    SOURCE_TYPES,
    TITLES,
)


class Entities(Plan):
    """Writes organizations.csv, sources.csv, people.csv and aliases.csv."""

    def organizations(self, out: Path) -> None:
        rng = self.rng
        f, w = open_csv(out, "organizations")
        self.org_phrase: list[str] = []
        self.org_kind: list[str] = []
        gov, media = [], []
        for i in range(self.O):
            if i < len(ORG_TEMPLATES):
                name, ar, he, country, kind, parent, phrase, desc = ORG_TEMPLATES[i]
                parent_id = self.oid(parent) if parent >= 0 else ""
            else:
                r = rng.random()
                city = rng.choice(CITIES)
                parent_id = ""
                if r < 0.6:
                    kind = "media"
                    name = f"{city[0]} {rng.choice(MEDIA_WORDS)}"
                    ar = f"صحيفة {city[1]}" if rng.random() < 0.5 else ""
                    he = ""
                    country = city[3]
                    desc = f"News outlet based in {city[0]}."
                    phrase = f"The {name}" if rng.random() < 0.5 else name
                elif r < 0.78:
                    kind = "ministry"
                    country = rng.choice(["LY", "LY", "IL", "IL", *OTHER_COUNTRIES[:4]])
                    name = f"Ministry of {rng.choice(PORTFOLIOS)} ({country})"
                    ar, he = "", ""
                    parent_id = (
                        self.oid(0) if country == "LY" else (self.oid(2) if country == "IL" else "")
                    )
                    desc = f"{NATIONALITY[country]} ministry."
                    phrase = f"The {name}"
                elif r < 0.88:
                    kind = "political_party"
                    country = rng.choice(["LY", "IL"])
                    name = f"{rng.choice(PARTY_WORDS)} {rng.choice(PARTY_WORDS)} Party"
                    ar, he = "", ""
                    desc = f"{NATIONALITY[country]} political party."
                    phrase = f"The {name}"
                else:
                    kind = rng.choice(
                        ["community_organization", "company", "other", "international_organization"]
                    )
                    country = "" if kind == "international_organization" else city[3]
                    name = f"{city[0]} {rng.choice(['Forum', 'Foundation', 'Group', 'Council'])}"
                    ar, he = "", ""
                    desc = "" if rng.random() < 0.3 else f"Organization based in {city[0]}."
                    phrase = f"The {name}"
            w.writerow((self.oid(i), name, ar, he, country, kind, parent_id, desc))
            self.org_phrase.append(phrase)
            self.org_kind.append(kind)
            if kind in ("government", "ministry", "presidency"):
                gov.append(i)
            if kind == "media":
                media.append(i)
        f.close()
        self.gov_orgs, self.media_orgs = gov, media
        self.counts["organizations"] = self.O

    # --- sources ------------------------------------------------------------------------
    def sources(self, out: Path) -> None:
        rng = self.rng
        S, M = self.S, self.M
        created = self.created_day
        f, w = open_csv(out, "sources")
        self.pub_earliest = array("l", [0]) * S
        depth = bytearray(S)
        self.block_urls: list[list[int]] = []
        self.src_has_url = bytearray(S)
        pub_day = array("l", [0]) * S
        forced = -1
        for m in range(M):
            a, b = m * S // M, (m + 1) * S // M
            urls: list[int] = []
            city_en, city_ar, city_he, _ = CITIES[self.m_city[m]]
            pa, pb = self.m_parts[m][0], self.m_parts[m][1]
            names = {
                "A": self.p_name[pa],
                "B": self.p_name[pb],
                "A_ar": self.p_ar[pa] or self.p_name[pa],
                "B_ar": self.p_ar[pb] or self.p_name[pb],
                "A_he": self.p_he[pa] or self.p_name[pa],
                "B_he": self.p_he[pb] or self.p_name[pb],
                "city": city_en,
                "city_ar": city_ar,
                "city_he": city_he,
            }
            for i in range(a, b):
                relays = -1
                upstream = False
                if forced == i:
                    relays = i - 1
                elif i + 1 < b and rng.random() < 0.11:
                    upstream = True
                    forced = i + 1
                elif i > a and rng.random() < 0.18:
                    j = rng.randrange(a, i)
                    if depth[j] < 3:
                        relays = j
                day = self.m_day[m] + rng.randint(0, 60)
                if relays >= 0:
                    depth[i] = depth[relays] + 1
                    day = max(day, pub_day[relays]) + rng.randint(0, 2)
                day = min(day, created)
                pub_day[i] = day
                r = rng.random()
                if r < 0.05:
                    published, earliest = "", 0
                elif r < 0.10:
                    published, earliest = iso(day)[:7], month_start(day)
                elif r < 0.12:
                    published, earliest = iso(day)[:4], year_start(day)
                else:
                    published, earliest = iso(day), day
                self.pub_earliest[i] = earliest
                lang = rng.choice(LANGUAGES)
                native, english = rng.choice(TITLES[lang])
                title = native.format(**names)
                title_en = english.format(**names) if english else ""
                publisher = rng.choice(PUBLISHERS[lang])
                if upstream:
                    url = ""
                else:
                    n = i + 1
                    r = rng.random()
                    if r < 0.7:
                        url = f"https://example.org/news/{n}"
                    elif r < 0.85:
                        url = f"https://example.com/{lang}/{iso(day).replace('-', '/')}/article-{n}"
                    elif r < 0.95:
                        url = f"https://news.example.net/story/{n}?ref=home"
                    else:
                        url = f"http://archive.example.org/details.asp?section=4&article={n}"
                    urls.append(i)
                    self.src_has_url[i] = 1
                author = ""
                if rng.random() < 0.4:
                    pool = rng.choice(("LY", "IL", "XX"))
                    author = f"{rng.choice(FIRST[pool])[0]} {rng.choice(LAST[pool])[0]}"
                notes = ""
                if upstream:
                    notes = "Upstream original; no stored page gives it, the next source relays it."
                elif rng.random() < 0.15:
                    notes = rng.choice(SOURCE_NOTES).format(city=city_en, publisher=publisher)
                w.writerow(
                    (
                        self.srcid(i),
                        title,
                        title_en,
                        publisher,
                        author,
                        url,
                        lang,
                        published,
                        rng.choice(SOURCE_TYPES),
                        self.srcid(relays) if relays >= 0 else "",
                        notes,
                    )
                )
            assert urls, "every block has a source with a URL"
            self.block_urls.append(urls)
        f.close()
        self.first_pub = [self.pub_earliest[u[0]] for u in self.block_urls]
        self.counts["sources"] = S

    # --- people and aliases ---------------------------------------------------------------
    def people(self, out: Path) -> None:
        rng = self.rng
        fp, wp = open_csv(out, "people")
        fa, wa = open_csv(out, "aliases")
        n_alias = 0
        S = self.S
        for i in range(self.P):
            country = self.p_country[i]
            pool = country if country in ("LY", "IL") else ("XX" if country else "")
            y1 = rng.randint(1995, 2022)
            y2 = min(y1 + rng.randint(1, 6), 2026)
            city = rng.choice(CITIES)
            desc = rng.choice(DESCRIPTIONS[pool]).format(
                country=rng.choice(["Jordan", "Italy", "the UAE", "Tunisia", "Egypt", "Malta"]),
                y1=y1,
                y2=y2,
                city=city[0],
                pub=rng.choice(PUBLISHERS["en"]),
                nat=NATIONALITY[country],
            )
            pid = self.pid(i)
            wp.writerow((pid, self.p_name[i], self.p_ar[i], self.p_he[i], country, desc))
            aliases = [(self.p_alt[i], rng.choice(("en", "en", "fr", "it")))]
            if self.p_ar[i]:
                aliases.append((self.p_ar[i], "ar"))
            if self.p_he[i] and (not self.p_ar[i] or rng.random() < 0.15):
                aliases.append((self.p_he[i], "he"))
            aliases.sort()
            for alias, lang in aliases:
                src = ""
                if rng.random() < 0.7:
                    src = self.srcid(rng.randrange(S))
                wa.writerow((pid, alias, lang, src))
                n_alias += 1
        fp.close()
        fa.close()
        self.counts["people"] = self.P
        self.counts["aliases"] = n_alias
