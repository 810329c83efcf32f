"""Relay chains: which document a source republishes, followed to the end, walked once.

A source's ``relays`` names the document it republishes. Following the links from a source
leads to its root, the independent origin; a chain that comes back on itself is a cycle. The
validator (cycles, orphans), the derived ``origins`` and the site all use this one walk.
Plain Python over a dict: one step per source, linear in the number of sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Chains:
    """The relay chains of a package: each source's root, and the sources caught in cycles."""

    links: dict[str, str]
    root: dict[str, str] = field(default_factory=dict)
    in_cycle: set[str] = field(default_factory=set)

    @classmethod
    def walk(cls, sources: Iterable[str], links: dict[str, str]) -> Chains:
        """Follow ``links`` (source -> the document it relays) from every source once."""
        links = {s: r for s, r in links.items() if r and r != s}
        chains = cls(links)
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start in [*sources, *links]:
            if start in state:
                continue
            path, node = [], start
            while node in links and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = links[node]
            if state.get(node) == 1:  # the walk came back to a node of this path: a cycle
                chains.in_cycle.update(path[path.index(node) :])
                end = node
            else:
                end = chains.root.get(node, node)
            for n in path:
                state[n] = 2
                chains.root[n] = end
            state.setdefault(start, 2)
            chains.root.setdefault(start, end)
        return chains

    def path(self, source: str) -> list[str]:
        """``source`` and every document it relays, in order, down to its root."""
        out, node = [source], source
        while node in self.links and self.links[node] not in out:
            node = self.links[node]
            out.append(node)
        return out

    def reachable(self, seeds: Iterable[str]) -> set[str]:
        """The seeds and every document their chains pass through."""
        out: set[str] = set()
        for node in seeds:
            while node not in out:  # stop where an earlier chain already went
                out.add(node)
                if node not in self.links:
                    break
                node = self.links[node]
        return out
