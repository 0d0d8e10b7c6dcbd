"""Hypothesis strategies: valid random argument maps, built only through the model's methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import example
from hypothesis import strategies as st

import argmap
from argmap.model import COURT_KINDS, PARTY_KINDS

__all__ = ["PINNED_MAPS", "argument_maps", "every_field", "ids", "pinned", "texts"]

# Characters that mean something in one of the formats, drawn often so that escaping is tested.
_AWKWARD = [
    *"[]<>{}()#\\/*_@:;,\"'\n\t\r -+=>|`~!&%$",
    "//",
    "/*",
    "<!--",
    "===",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x00",
    # Control characters XML forbids that Word, terminals and PDFs paste: vertical tab (Word's
    # manual line break), form feed, escape, delete; and separators str.splitlines() obeys.
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x1c",
    "\x1e",
    "é",
    "—",
    "“",
    "😀",
]

_characters = st.one_of(
    st.characters(codec="utf-8"),  # any Unicode scalar value; the model refuses surrogates
    st.sampled_from(_AWKWARD),
)


def texts(*, required: bool = True, max_size: int = 24) -> st.SearchStrategy[str]:
    """Text a user might type or paste: any Unicode, quotes, brackets, newlines."""
    text = st.lists(_characters, max_size=max_size).map("".join)
    return text.filter(str.strip) if required else text


def ids() -> st.SearchStrategy[str]:
    """Ids as the model allows them."""
    return st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,9}", fullmatch=True)


@st.composite
def _sources(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = []
    for source_id in draw(st.lists(ids(), max_size=2, unique=True)):
        fields = {
            "url": draw(st.sampled_from(["", "https://example.org/a?b=c&d={e}#f", "http://x.y/"])),
            "date": draw(st.sampled_from(["", "2021", "2021-01", "2021-01-21"])),
            "language": draw(st.sampled_from(["", "en", "de-CH"])),
            "kind": draw(st.sampled_from(["article", "court order", "filing", "other"])),
            "publisher": draw(texts(required=False, max_size=8)),
        }
        found.append({"id": source_id, "title": draw(texts(max_size=12)), **fields})
    return found


@st.composite
def argument_maps(draw: st.DrawFn, *, max_statements: int = 7) -> argmap.ArgumentMap:
    """A valid map with parties (maybe a court), sources, statements, relations and tests."""
    themap = argmap.ArgumentMap(
        title=draw(texts(required=False)), description=draw(texts(required=False))
    )
    roles = draw(
        st.lists(st.sampled_from(["plaintiff", "defendant", "other"]), min_size=1, max_size=3)
    )
    if draw(st.booleans()):
        roles.append("court")
    for party_id, role in zip(
        draw(st.lists(ids(), min_size=len(roles), max_size=len(roles), unique=True)),
        roles,
        strict=True,
    ):
        themap.add_party(party_id, draw(texts(max_size=12)), role=role)  # type: ignore[arg-type]
    for source in draw(_sources()):
        themap.add_source(**source)
    source_ids = themap.sources.keys()

    parties = list(themap.parties)
    for statement_id in draw(st.lists(ids(), max_size=max_statements, unique=True)):
        party = draw(st.sampled_from(parties))
        kinds = COURT_KINDS if party.role == "court" else PARTY_KINDS
        citations = []
        if source_ids:
            for source in draw(st.lists(st.sampled_from(source_ids), max_size=2)):
                citations.append(
                    argmap.Citation(
                        source, draw(texts(required=False)), draw(texts(required=False, max_size=6))
                    )
                )
        themap.add_statement(
            statement_id,
            party=party.id,
            kind=draw(st.sampled_from(sorted(kinds))),  # type: ignore[arg-type]
            text=draw(texts()),
            title=draw(st.one_of(st.just(""), texts(max_size=12))),
            citations=citations,
            tags=draw(st.lists(texts(max_size=8), max_size=3, unique=True)),
            translations=draw(
                st.dictionaries(st.sampled_from(["de", "fr", "no", "pt-BR"]), texts(), max_size=2)
            ),
        )

    statements = list(themap.statements)
    if len(statements) >= 2:
        pairs = st.tuples(st.sampled_from(statements), st.sampled_from(statements))
        drawn = st.lists(pairs, min_size=len(statements) // 2, max_size=3 * len(statements))
        for origin, target in draw(drawn):
            if origin.id == target.id or (origin.id, target.id) in themap.relations:
                continue
            kinds = ["support", "attack"]
            if origin.kind in ("finding", "ruling"):
                kinds = ["upholds", "rejects", "acknowledges", *kinds]
            themap.add_relation(origin.id, target.id, draw(st.sampled_from(kinds)))  # type: ignore[arg-type]

    findings = [s.id for s in statements if s.kind == "finding"]
    rulings = [s.id for s in statements if s.kind == "ruling"]
    if findings and draw(st.booleans()):
        factor_ids = draw(st.lists(ids(), min_size=1, max_size=3, unique=True))
        factors = [
            argmap.Factor(
                factor_id,
                draw(texts(max_size=12)),
                tuple(draw(st.lists(st.sampled_from(findings), max_size=2, unique=True))),
            )
            for factor_id in factor_ids
        ]
        rule = draw(st.sampled_from(["all", "any", "at_least"]))
        themap.add_test(
            draw(ids()),
            draw(texts(max_size=12)),
            factors,
            rule=rule,  # type: ignore[arg-type]
            threshold=draw(st.integers(1, len(factors))) if rule == "at_least" else None,
            movant=draw(st.sampled_from(["", *themap.parties.keys()])),
            ruling=draw(st.sampled_from(["", *rulings])),
            description=draw(texts(required=False)),
            citations=[argmap.Citation(s) for s in source_ids[:1]],
        )
    themap.clear_history()
    return themap


def every_field(c: str) -> argmap.ArgumentMap:
    """A map with ``c`` in every text field: titles, names, texts, quotes, tags, tests."""
    m = argmap.ArgumentMap(title=f"title{c}x", description=f"description{c}x")
    m.add_party("p", f"party{c}x", role="plaintiff")
    m.add_party("court", f"court{c}x", role="court")
    m.add_source("s", f"source{c}x", url="https://example.org/", publisher=f"publisher{c}x")
    quote = argmap.Citation("s", f"quote{c}x", f"p.{c}2")
    m.add_statement(
        "S1",
        party="p",
        kind="position",
        text=f"text{c}x",
        title=f"label{c}x",
        citations=[quote],
        tags=[f"tag{c}x"],
        translations={"de": f"Text{c}x"},
    )
    m.add_statement("S2", party="p", kind="reason", text=f"reason{c}x", title=f"why{c}x")
    m.add_statement("F1", party="court", kind="finding", text=f"finding{c}x", citations=[quote])
    m.add_statement("R", party="court", kind="ruling", text=f"ruling{c}x")
    m.add_relation("S2", "S1", "support")
    m.add_relation("F1", "S1", "upholds")
    m.add_test(
        "t",
        f"test{c}x",
        [argmap.Factor("f", f"factor{c}x", ("F1",))],
        movant="p",
        ruling="R",
        description=f"about{c}x",
    )
    m.clear_history()
    return m


def _titled(*titles: str) -> argmap.ArgumentMap:
    """Reasons and objections (Argdown arguments) whose titles start like Argdown syntax."""
    m = argmap.ArgumentMap(title="Titles")
    m.add_party("p", "Pro", role="plaintiff")
    m.add_party("c", "Con", role="defendant")
    m.add_statement("P0", party="p", kind="position", text="School should start at nine.")
    for n, title in enumerate(titles):
        party, kind, relation = (
            ("p", "reason", "support") if n % 2 else ("c", "objection", "attack")
        )
        m.add_statement(f"S{n}", party=party, kind=kind, text=f"Text {n}.", title=title)
        m.add_relation(f"S{n}", "P0", relation)  # type: ignore[arg-type]
    m.clear_history()
    return m


#: Maps that once broke a round trip or a drawing (found by Hypothesis or by hand), pinned as
#: @example so that every run tries them, whatever the random draws: control characters in
#: every field, and titles "- Buses", "+ …", "_ …" that Argdown would read as relations.
PINNED_MAPS = (
    *(every_field(c) for c in ("\x0b", "\x0c", "\x1b", "\x7f", "\x00", "\x1c", "\x85", "\u2028")),
    _titled("- Buses", "+ Buses", "_ Buses", "!-- comment", "<- x", "-", "+", "_"),
    _titled("<+ x", "-> y", "+> z", "<_ w", ">< v", "[a]", "<b>", "# heading"),
)

T = TypeVar("T", bound=Callable[..., Any])


def pinned(test: T) -> T:
    """Run a property on each of PINNED_MAPS (its one argument) before any random map."""
    for themap in PINNED_MAPS:
        test = example(themap)(test)
    return test
