"""The model: pure data of an argument map, with no I/O, no colours and no Jupyter."""

from .argument_map import ArgumentMap, Change, Collection, Edit, Listener
from .elements import (
    COURT_KINDS,
    FINDING_RELATIONS,
    PARTY_KINDS,
    Citation,
    Factor,
    LegalTest,
    Party,
    PartyRole,
    Relation,
    RelationKind,
    Rule,
    Source,
    SourceKind,
    Statement,
    StatementKind,
)

__all__ = [
    "COURT_KINDS",
    "FINDING_RELATIONS",
    "PARTY_KINDS",
    "ArgumentMap",
    "Change",
    "Citation",
    "Collection",
    "Edit",
    "Factor",
    "LegalTest",
    "Listener",
    "Party",
    "PartyRole",
    "Relation",
    "RelationKind",
    "Rule",
    "Source",
    "SourceKind",
    "Statement",
    "StatementKind",
]
