"""The visual grammar: party colours, a shape a kind of statement, a line style a relation.

Every choice stays readable in greyscale: kinds differ by shape and border, relations by
line style and arrowhead (the court's verdicts also carry a word), not by colour alone.
Colours come from the Okabe–Ito palette, which colour-blind readers can tell apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "COURT_COLOURS",
    "FONT",
    "KIND_STYLES",
    "OUTCOME_MARKS",
    "PARTY_PALETTE",
    "RELATION_STYLES",
    "STATUS_STYLES",
    "VERDICTS",
    "KindStyle",
    "PartyColours",
    "RelationStyle",
    "StatusStyle",
    "party_colours",
    "washed",
]

FONT = "Helvetica,Arial,sans-serif"


@dataclass(frozen=True)
class PartyColours:
    """The ink (borders, headers), the fill of statements and the wash of a party's band."""

    ink: str
    fill: str
    band: str


#: Colours for the parties in the order they appear (court excluded).
PARTY_PALETTE: tuple[PartyColours, ...] = (
    PartyColours("#0060A0", "#DCEBF7", "#F3F8FC"),  # blue
    PartyColours("#B35900", "#FBE7CF", "#FDF6EC"),  # orange
    PartyColours("#007A5A", "#D5F0E7", "#F1FAF7"),  # bluish green
    PartyColours("#A8487E", "#F6DFEC", "#FCF4F8"),  # reddish purple
    PartyColours("#3F88C5", "#E2EEF8", "#F5F9FD"),  # sky blue
    PartyColours("#8C6D00", "#F5EDC8", "#FCF9EE"),  # yellow, darkened to read on white
)
COURT_COLOURS = PartyColours("#3A3A3A", "#EDEDED", "#F7F7F7")


def party_colours(index: int, role: str) -> PartyColours:
    """The colours of the ``index``-th party; the court is always neutral grey.

    >>> party_colours(0, "plaintiff").ink
    '#0060A0'
    >>> party_colours(0, "court") == COURT_COLOURS
    True
    """
    if role == "court":
        return COURT_COLOURS
    return PARTY_PALETTE[index % len(PARTY_PALETTE)]


@dataclass(frozen=True)
class KindStyle:
    """How a kind of statement is drawn: shape, border style and width, size of its title."""

    shape: str
    style: str
    penwidth: float
    title_size: int
    peripheries: int = 1


KIND_STYLES: Mapping[str, KindStyle] = MappingProxyType(
    {
        # A party's main thesis stands out: thick rounded frame, large title.
        "position": KindStyle("box", "rounded,filled", 3.0, 15),
        "reason": KindStyle("box", "rounded,filled", 1.2, 12),
        # An objection is a reason against: the cut corners mark it apart from a reason.
        "objection": KindStyle("box", "rounded,filled,diagonals", 1.2, 12),
        "fact": KindStyle("note", "filled", 1.0, 12),
        # The court's statements have square corners; the ruling a double frame.
        "finding": KindStyle("box", "filled", 1.4, 12),
        "ruling": KindStyle("box", "filled", 2.5, 15, peripheries=2),
    }
)


@dataclass(frozen=True)
class RelationStyle:
    """How a relation is drawn: line, arrowhead, colour, width.

    No word on the line: the box a verdict addresses says it ("REJECTED by F1a"), the line's
    look (and the key) tells the kind, and words placed along crossing lines only clutter.
    """

    style: str
    arrowhead: str
    colour: str
    penwidth: float


RELATION_STYLES: Mapping[str, RelationStyle] = MappingProxyType(
    {
        "support": RelationStyle("solid", "normal", "#2E7D32", 1.6),
        "attack": RelationStyle("dashed", "tee", "#C62828", 1.6),
        "upholds": RelationStyle("bold", "normal", "#3A3A3A", 2.2),
        "rejects": RelationStyle("bold,dashed", "tee", "#3A3A3A", 2.2),
        "acknowledges": RelationStyle("dotted", "odot", "#3A3A3A", 2.2),
    }
)


#: How a statement the court decided is marked in its box: a word, and the colour of that word.
VERDICTS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "upholds": ("UPHELD", "#1B5E20"),
        "rejects": ("REJECTED", "#B71C1C"),
        "acknowledges": ("ACKNOWLEDGED", "#6D4C00"),
    }
)


@dataclass(frozen=True)
class StatusStyle:
    """How a statement's status from evaluation shows: border, fill, text, and a marked word.

    Told apart in greyscale by the border (solid, dashed, dotted), the fill (a rejected box is
    washed out towards white, its text greyed) and the mark and word in the box.
    """

    border: str
    mark: str
    word: str
    colour: str
    wash: float = 0.0
    text: str = "#000000"


STATUS_STYLES: Mapping[str, StatusStyle] = MappingProxyType(
    {
        "accepted": StatusStyle("", "✓", "ACCEPTED", "#1B5E20"),
        "rejected": StatusStyle("dashed", "✗", "REJECTED", "#B71C1C", 0.7, "#5A5A5A"),
        "undecided": StatusStyle("dotted", "?", "UNDECIDED", "#6D4C00"),
    }
)

#: The mark of a factor's or a legal test's status in the diagram.
OUTCOME_MARKS: Mapping[str, str] = MappingProxyType({"met": "✓", "not met": "✗", "undecided": "?"})


def washed(colour: str, amount: float) -> str:
    """The colour moved ``amount`` (0 to 1) of the way towards white.

    >>> washed("#DCEBF7", 0.5)
    '#EEF5FB'
    >>> washed("#3A3A3A", 0.0), washed("#3A3A3A", 1.0)
    ('#3A3A3A', '#FFFFFF')
    """
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)
