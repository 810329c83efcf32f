"""Meetings: the rows of meetings.csv, and the phrases claims use to speak of each meeting.

The day, city, kind, status and participants come from ``Plan.plan_meetings``; here each
meeting gets its date precision, title, place and summary. ``disclosed`` is the first
publication of the meeting's sources, so this runs after ``Entities.sources``.
"""

from __future__ import annotations

from pathlib import Path

from .dates import human, iso
from .plan import Plan
from .tables import open_csv
from .vocabulary import CITIES, GOOD, PUBLISHERS, VENUES


class Meetings(Plan):
    """Writes meetings.csv; leaves ``m_when``, ``m_on_when``, ``m_city_text``, ``m_phrase``."""

    def meetings(self, out: Path) -> None:
        rng = self.rng
        f, w = open_csv(out, "meetings")
        self.m_when: list[str] = []
        self.m_on_when: list[str] = []
        self.m_city_text: list[str] = []
        self.m_phrase: list[str] = []
        for m in range(self.M):
            day = self.m_day[m]
            kind = self.m_kind[m]
            status = self.m_status[m]
            city_en, _, _, country = CITIES[self.m_city[m]]
            r = rng.random()
            end_date = ""
            if r < 0.55:
                prec, value = 2, iso(day)
            elif r < 0.80:
                prec, value = 1, iso(day)[:7]
            elif r < 0.90:
                prec, value = 0, iso(day)[:4]
            elif r < 0.95:
                prec, value = 1, f"{iso(day)[:7]}/{iso(day + rng.randint(20, 120))[:7]}"
            else:
                prec, value = 2, f"{iso(day)}/{iso(day + rng.randint(1, 3))}"
            if "/" not in value:
                q = rng.random()
                if q < 0.08:
                    value += "~"
                elif q < 0.14:
                    value += "?"
                elif q < 0.16:
                    value += "%"
                if prec == 2 and kind in ("visit", "conference", "meeting") and rng.random() < 0.3:
                    end_date = iso(day + rng.randint(1, 4))
            self.m_has_end.append(bool(end_date))
            when = human(day, prec)
            on_when = ("on " if prec == 2 else "in ") + when
            self.m_when.append(when)
            self.m_on_when.append(on_when)
            parts = self.m_parts[m]
            a, b = self.p_name[parts[0]], self.p_name[parts[1]]
            sa, sb = self.show_person(parts[0]), self.show_person(parts[1])
            year = iso(day)[:4]
            if kind in ("call", "correspondence"):
                city, venue, place = "", "", ""
            else:
                city = city_en if rng.random() < 0.9 else ""
                venue = rng.choice(VENUES) if city and rng.random() < 0.25 else ""
                place = f" in {city}" if city else ""
            if kind == "meeting":
                word = "Meeting" if status == "acknowledged" else "Reported meeting"
                title = f"{word} of {a} and {b}{place} ({year})"
                phrase = f"the meeting between {sa} and {sb}{place}"
                did, doing = f"met{place}", f"meeting {b}{place}"
            elif kind == "visit":
                # an Israeli visits a Libyan city; otherwise the Libyan travels
                guest, sguest, shost = (b, sb, sa) if country == "LY" else (a, sa, sb)
                dest = city or "an undisclosed city"
                title = f"Reported visit of {guest} to {dest} ({year})"
                phrase = f"the visit by {sguest} to {dest} to meet {shost}"
                did, doing = (
                    f"met during a visit to {dest}",
                    f"meeting {b} during a visit to {dest}",
                )
            elif kind == "call":
                title = f"Phone call between {a} and {b} ({year})"
                phrase = f"the phone call between {sa} and {sb}"
                did, doing = "spoke by phone", f"speaking by phone with {b}"
            elif kind == "conference":
                title = f"{a} and {b} at a conference{place} ({year})"
                phrase = f"the encounter between {sa} and {sb} at a conference{place}"
                did = f"met on the sidelines of a conference{place}"
                doing = f"meeting {b} at a conference{place}"
            else:
                title = f"Letters between {a} and {b} ({year})"
                phrase = f"the exchange of letters between {sa} and {sb}"
                did, doing = "exchanged letters", f"exchanging letters with {b}"
            self.m_phrase.append(phrase)
            self.m_city_text.append(city or "an undisclosed location")
            country_out = country if city else ""
            pub = self.first_pub[m]
            disclosed = iso(pub) if pub and rng.random() < 0.8 else ""
            outlet = rng.choice(PUBLISHERS["en"] + PUBLISHERS["ar"])
            if status == "acknowledged":
                summary = (
                    f"{a} confirmed {doing} {on_when}, calling it "
                    f'"{rng.choice(GOOD)}". {outlet} reported it first, citing a '
                    f"statement by the foreign ministry."
                )
            elif status == "reported":
                summary = (
                    f"{outlet} and {rng.choice(PUBLISHERS['he'])} reported, citing "
                    f"officials, that {a} and {b} {did} {on_when}; no participant "
                    f"confirmed it."
                )
            else:
                summary = (
                    f"A single outlet, {outlet}, citing unnamed sources, said {a} and {b} "
                    f"{did} {on_when}. Single origin."
                )
            w.writerow(
                (
                    self.mid(m),
                    title,
                    kind,
                    "direct",  # every planned meeting has a Libyan and an Israeli participant
                    "",
                    value,
                    end_date,
                    city,
                    country_out,
                    venue,
                    status,
                    disclosed,
                    summary,
                )
            )
        f.close()
        self.counts["meetings"] = self.M
