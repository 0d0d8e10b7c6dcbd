"""The value objects of a map: parties, sources, statements, relations, legal tests."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, get_args
from urllib.parse import urlsplit

from ..exceptions import ValidationError

__all__ = [
    "COURT_KINDS",
    "FINDING_RELATIONS",
    "PARTY_KINDS",
    "Citation",
    "Factor",
    "LegalTest",
    "Party",
    "PartyRole",
    "Relation",
    "RelationKind",
    "Rule",
    "Source",
    "SourceKind",
    "Statement",
    "StatementKind",
    "check_id",
    "check_text",
    "check_url",
]

PartyRole = Literal["plaintiff", "defendant", "court", "other"]
StatementKind = Literal["position", "reason", "objection", "fact", "finding", "ruling"]
RelationKind = Literal["support", "attack", "upholds", "rejects", "acknowledges"]
SourceKind = Literal["article", "court order", "filing", "statute", "case law", "other"]
Rule = Literal["all", "any", "at_least"]

#: Kinds only the court states, and the only kinds the court states.
COURT_KINDS: frozenset[str] = frozenset({"finding", "ruling", "fact"})
#: Kinds a party (anyone but the court) states.
PARTY_KINDS: frozenset[str] = frozenset({"position", "reason", "objection", "fact"})
#: Relations that say how the court treated a statement; they start at a finding or ruling.
FINDING_RELATIONS: frozenset[str] = frozenset({"upholds", "rejects", "acknowledges"})

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def check_id(value: object, what: str = "id") -> str:
    """Return ``value`` if it is a valid id, else raise ValidationError.

    >>> check_id("F1a")
    'F1a'
    >>> check_id("a b")
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: invalid id: 'a b' (letters, digits, '_', '.', '-'; at most 64)
    """
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValidationError(
            f"invalid {what}: {value!r} (letters, digits, '_', '.', '-'; at most 64)"
        )
    return value


def check_text(value: object, what: str = "text", *, required: bool = True) -> str:
    """Return ``value`` if it is usable text; reject non-strings, blanks and lone surrogates.

    >>> check_text("  ")
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: text must not be empty
    """
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be a string, not {type(value).__name__}")
    if required and not value.strip():
        raise ValidationError(f"{what} must not be empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            f"{what} holds an unpaired surrogate at character {error.start}"
        ) from None
    return value


def check_url(value: str) -> str:
    """Return ``value`` if it is an http or https address (or empty), else raise.

    >>> check_url("https://law.justia.com/cases/")
    'https://law.justia.com/cases/'
    >>> check_url("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: url must start with http:// or https://: 'javascript:alert(1)'
    """
    check_text(value, "url", required=False)
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"url must start with http:// or https://: {value!r}")
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise ValidationError(f"url must not contain spaces or control characters: {value!r}")
    return value


def _check_choice(value: object, kind: object, what: str) -> None:
    choices = list(get_args(kind))
    if value not in choices:
        raise ValidationError(f"unknown {what}: {value!r} (must be one of {choices})")


@dataclass(frozen=True)
class Party:
    """Someone who argues: a plaintiff, a defendant, the court, or another voice."""

    id: str
    name: str
    role: PartyRole = "other"

    def __post_init__(self) -> None:
        check_id(self.id, "party id")
        check_text(self.name, "party name")
        _check_choice(self.role, PartyRole, "party role")


@dataclass(frozen=True)
class Source:
    """A document statements are taken from: an article, a court order, a filing."""

    id: str
    title: str
    url: str = ""
    date: str = ""
    language: str = ""
    kind: SourceKind = "other"
    publisher: str = ""

    def __post_init__(self) -> None:
        check_id(self.id, "source id")
        check_text(self.title, "source title")
        check_url(self.url)
        if self.date and not _DATE.fullmatch(self.date):
            raise ValidationError(f"date must read YYYY, YYYY-MM or YYYY-MM-DD: {self.date!r}")
        if self.language and not _LANGUAGE.fullmatch(self.language):
            raise ValidationError(f"language must be a tag like 'en' or 'de': {self.language!r}")
        _check_choice(self.kind, SourceKind, "source kind")
        check_text(self.publisher, "publisher", required=False)


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from: a source, the words quoted, and where they stand."""

    source: str
    quote: str = ""
    locator: str = ""

    def __post_init__(self) -> None:
        check_id(self.source, "source id")
        check_text(self.quote, "quote", required=False)
        check_text(self.locator, "locator", required=False)


@dataclass(frozen=True)
class Statement:
    """One claim of one party (or finding of the court), with its citations."""

    id: str
    party: str
    kind: StatementKind
    text: str
    title: str = ""
    citations: tuple[Citation, ...] = ()
    tags: tuple[str, ...] = ()
    translations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        check_id(self.id, "statement id")
        check_id(self.party, "party id")
        _check_choice(self.kind, StatementKind, "statement kind")
        check_text(self.text, "statement text")
        check_text(self.title, "title", required=False)
        object.__setattr__(self, "citations", tuple(self.citations))
        object.__setattr__(self, "tags", tuple(self.tags))
        for citation in self.citations:
            if not isinstance(citation, Citation):
                raise ValidationError(f"citations must be Citation objects, not {citation!r}")
        for tag in self.tags:
            check_text(tag, "tag")
        if len(set(self.tags)) != len(self.tags):
            raise ValidationError(f"tags repeat: {list(self.tags)}")
        for language, text in self.translations.items():
            if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
                raise ValidationError(f"translation language must be a tag like 'de': {language!r}")
            check_text(text, f"translation {language!r}")
        object.__setattr__(self, "translations", MappingProxyType(dict(self.translations)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Statement):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return (
            self.id,
            self.party,
            self.kind,
            self.text,
            self.title,
            self.citations,
            self.tags,
            tuple(sorted(self.translations.items())),
        )

    @property
    def label(self) -> str:
        """The title where there is one, else the text."""
        return self.title or self.text


@dataclass(frozen=True)
class Relation:
    """An arrow from one statement to another: support, attack, or a finding's verdict."""

    origin: str
    target: str
    kind: RelationKind

    def __post_init__(self) -> None:
        check_id(self.origin, "statement id")
        check_id(self.target, "statement id")
        _check_choice(self.kind, RelationKind, "relation kind")
        if self.origin == self.target:
            raise ValidationError(f"a relation cannot link a statement to itself: {self.origin!r}")

    @property
    def key(self) -> tuple[str, str]:
        """``(origin, target)``: at most one relation links two statements in one direction."""
        return (self.origin, self.target)


@dataclass(frozen=True)
class Factor:
    """One condition of a legal test and the findings that decide it."""

    id: str
    name: str
    deciding: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_id(self.id, "factor id")
        check_text(self.name, "factor name")
        object.__setattr__(self, "deciding", tuple(self.deciding))
        for finding in self.deciding:
            check_id(finding, "finding id")
        if len(set(self.deciding)) != len(self.deciding):
            raise ValidationError(f"factor {self.id!r} names a finding twice")


@dataclass(frozen=True)
class LegalTest:
    """A named test a court applies (e.g. Winter): factors combined by a rule."""

    id: str
    name: str
    factors: tuple[Factor, ...]
    rule: Rule = "all"
    threshold: int | None = None
    movant: str = ""
    ruling: str = ""
    description: str = ""
    citations: tuple[Citation, ...] = ()

    def __post_init__(self) -> None:
        check_id(self.id, "test id")
        check_text(self.name, "test name")
        check_text(self.description, "description", required=False)
        object.__setattr__(self, "factors", tuple(self.factors))
        object.__setattr__(self, "citations", tuple(self.citations))
        if not self.factors:
            raise ValidationError(f"legal test {self.id!r} needs at least one factor")
        ids = [factor.id for factor in self.factors]
        if len(set(ids)) != len(ids):
            raise ValidationError(f"legal test {self.id!r} has two factors with one id")
        _check_choice(self.rule, Rule, "rule")
        if self.rule == "at_least":
            if not isinstance(self.threshold, int) or not 1 <= self.threshold <= len(ids):
                raise ValidationError(
                    f"rule 'at_least' needs a threshold from 1 to {len(ids)}, "
                    f"not {self.threshold!r}"
                )
        elif self.threshold is not None:
            raise ValidationError(f"a threshold goes only with rule 'at_least', not {self.rule!r}")
        if self.movant:
            check_id(self.movant, "party id")
        if self.ruling:
            check_id(self.ruling, "statement id")

    def factor(self, factor_id: str) -> Factor:
        """The factor with this id."""
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        raise KeyError(factor_id)
