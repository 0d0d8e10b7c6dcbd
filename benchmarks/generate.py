"""Generated maps of any size that look like real disputes: two parties, a court, findings."""

from __future__ import annotations

import random

import argmap

__all__ = ["generate"]

WORDS = (
    "contract notice termination breach policy content moderation hosting service users "
    "court injunction harm evidence record claim antitrust market competitor platform posts "
    "violence speech agreement cure period damages revenue public interest balance equities "
    "likelihood success merits declaration filing order hearing account suspension review "
    "reports backlog plan statement customer provider terms conduct reasonable immediate"
).split()


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def generate(size: int, seed: int = 0) -> argmap.ArgumentMap:
    """A map of ``size`` statements (at least 3): both parties' arguments, the court's findings.

    About 45 % of the statements are the plaintiff's, 40 % the defendant's, 15 % findings.
    Reasons and facts back earlier statements of their own party; objections attack the
    other party's; findings uphold, reject or acknowledge party statements; texts run from
    one to three sentences, as in the bundled case.
    """
    if size < 3:
        raise ValueError(f"size must be at least 3, not {size}")
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"Generated dispute, {size} statements")
    m.add_party("plaintiff", "Plaintiff Inc.", role="plaintiff")
    m.add_party("defendant", "Defendant LLC", role="defendant")
    m.add_party("court", "District Court", role="court")
    m.add_source(
        "order", "Order on the motion", url="https://example.org/order", kind="court order"
    )
    own: dict[str, list[str]] = {"plaintiff": [], "defendant": []}
    for party in own:
        position = m.add_statement(
            party=party, kind="position", text=_sentence(rng, 8, 20), title=_sentence(rng, 2, 4)
        )
        own[party].append(position.id)
    findings: list[str] = []
    for _ in range(size - 2):
        roll = rng.random()
        if roll < 0.15:
            finding = m.add_statement(
                party="court",
                kind="finding",
                text=" ".join(_sentence(rng, 8, 18) for _ in range(rng.randint(1, 2))),
                title=_sentence(rng, 2, 5),
                citations=[
                    argmap.Citation("order", _sentence(rng, 4, 10), f"p. {rng.randint(1, 14)}")
                ],
            )
            party = rng.choice(list(own))
            m.add_relation(
                finding.id,
                rng.choice(own[party]),
                rng.choice(["upholds", "rejects", "acknowledges"]),
            )
            if findings and rng.random() < 0.3:
                m.add_relation(finding.id, rng.choice(findings), "support")
            findings.append(finding.id)
            continue
        party = "plaintiff" if roll < 0.6 else "defendant"
        other = "defendant" if party == "plaintiff" else "plaintiff"
        kind = rng.choices(["reason", "objection", "fact"], weights=[5, 3, 2])[0]
        statement = m.add_statement(
            party=party,
            kind=kind,
            text=" ".join(_sentence(rng, 6, 16) for _ in range(rng.randint(1, 3))),
            title=_sentence(rng, 2, 5),
        )
        if kind == "objection":
            m.add_relation(statement.id, rng.choice(own[other]), "attack")
        else:
            m.add_relation(statement.id, rng.choice(own[party]), "support")
        own[party].append(statement.id)
    m.clear_history()
    return m
