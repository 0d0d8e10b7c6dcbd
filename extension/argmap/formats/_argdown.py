"""Argdown (argdown.org): a map as statements, arguments and relations in plain text.

How argmap's concepts are written, so that a map read back is the map written:

- front matter (YAML between ``===`` lines): Argdown's ``title``; argmap's own data under
  ``argmap`` (format ``version``, ``description``, ``parties``, ``sources``, ``tests``, as in
  ``*.argmap.json``); ``color.tagColors`` so that Argdown colours each party's nodes;
- one heading a party, then its statements; reasons and objections as arguments
  ``<Title>: text``, the other kinds as statements ``[Title]: text``. The title in brackets
  is the statement's title, or its id where the title cannot be one (empty, taken twice,
  holding brackets or line breaks);
- tags ``#party-ID`` and ``#kind-KIND``, then the statement's own tags;
- a ``{YAML data}`` element after a statement for the rest: ``id`` (when the bracketed
  title is not the id), ``title``, ``text`` (when the text has line breaks or outer spaces,
  which Argdown's text cannot hold), ``citations``, ``tags`` (when Argdown's tags cannot hold
  them), ``translations``, and for the court's findings ``upholds``, ``rejects`` and
  ``acknowledges``: the ids of the statements whose relation is that verdict (written as
  support, ``+``, or, for ``rejects``, attack, ``-``);
- the relations last, under a heading ``Relations``, in the map's order: ``+``/``-`` below
  the target, ``+>``/``->`` below the origin, ``><`` for two statements attacking each other.

A file written by hand in Argdown's own style reads too: statements and arguments both become
statements (titles give ids; the party is ``author`` unless a ``#party-`` tag says otherwise;
the kind is guessed from the relations: see ``_interchange.guess_kind``); ``+``/``<+`` and
``+>`` are supports, ``-``/``<-`` and ``->`` attacks, ``><`` two attacks, undercuts (``_``,
``<_``, ``_>``) attacks on the argument; a premise-conclusion structure after an argument
makes each premise support the argument and the argument support the conclusion (without an
argument, the premises of each step support its conclusion); list items are statements.
Argdown's configuration in the front matter, headings, ``{data}`` keys argmap does not know
and the texts of further members of an equivalence class are not kept. Indentation must be
consistent (Argdown itself lets a relation dedent to a column between two levels).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from ..exceptions import Problem, ValidationError
from ..model import FINDING_RELATIONS, ArgumentMap, Relation, Statement
from . import _interchange, _json

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

__all__ = ["SYMBOLS", "read", "write"]

#: The relation symbols of Argdown.
SYMBOLS = ("+", "-", "<+", "<-", "+>", "->", "><", "_", "<_", "_>")

_ARGUMENT_KINDS = frozenset({"reason", "objection"})
_DATA_KEYS = (
    "id",
    "title",
    "text",
    "citations",
    "tags",
    "translations",
    *sorted(FINDING_RELATIONS),
)
_HYPHEN_TAG = re.compile(r"[A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")
_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# YAML 1.1 reads these as booleans or null when they stand unquoted.
_YAML_WORDS = frozenset("y n yes no on off true false null".split())
# Characters YAML (1.1, PyYAML) takes as they are inside double quotes; the rest is escaped,
# and so are '{', '}' and '=', which would end Argdown's data or front matter early.
_YAML_PRINTABLE = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_TEXT_SPECIALS = frozenset("\\#{}[]<>*_")
# Tokens that start a line of their own (ending the element before them).
_LINE_STARTS = frozenset({"CONT", "_BLANK", "RELATION", "PCS_NEXT", "INFERENCE", "LIST_NEXT"})


# ---- reading ----------------------------------------------------------------------------


class _SyntaxProblem(Exception):
    """A problem found while reading the lines, before parsing can go on."""

    def __init__(self, message: str, place: str) -> None:
        super().__init__(message)
        self.place = place


def _data_pattern(depth: int = 6) -> str:
    """A regular expression for ``{YAML}`` with braces nested up to ``depth`` deep.

    Quotes count only where YAML starts a quoted scalar (after a space, ``{``, ``[``, ``,``
    or ``:``), so an apostrophe inside a word does not open a string. The alternatives never
    overlap, which keeps matching linear.
    """
    quoted = r"""(?<=[\s{\[,:])(?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^']|'')*')"""
    other = r"""(?:[^{}"']|(?<![\s{\[,:])["'])"""
    inner = f"(?:{quoted}|{other})*"
    for _ in range(depth):
        inner = f"(?:{quoted}|{other}|\\{{{inner}\\}})*"
    return f"\\{{{inner}\\}}"


class _Lines:
    """The post-lexer: indentation of relation lines to _INDENT/_DEDENT; blocks cleaned up.

    Blank lines before the first block, after the last and in a row are dropped, and so are
    line breaks at the start or the end of a block (left by comment lines). The indentation
    of a relation must be deeper than its parent's, or equal to that of a relation above it.
    """

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        levels: list[int] = []  # empty between blocks
        blank: Token | None = None
        breaks: list[Token] = []  # line breaks held back: dropped before a blank line or the end
        relation: Token | None = None  # a relation symbol still waiting for its element
        for token in stream:
            if relation is not None and token.type in _LINE_STARTS:
                _nothing_after(relation)
            relation = token if token.type == "RELATION" else None
            if token.type == "CONT":
                if levels:
                    breaks.append(token)
                continue
            if token.type == "_BLANK":
                breaks.clear()
                if levels:
                    yield from self._dedent(levels, 0, token)
                    levels.clear()
                    blank = token
                continue
            yield from breaks
            breaks.clear()
            if not levels:
                if blank is not None:
                    yield blank
                    blank = None
                levels.append((token.column or 1) - 1)
            if token.type == "ORPHAN_RELATION":
                symbol = token.value.strip()
                indent = len(token.value) - len(token.value.lstrip())
                raise _SyntaxProblem(
                    f"relation {symbol!r} has no statement or argument above it "
                    "(a relation line goes right below what it relates to, with no blank line)",
                    _place(token.line or 1, (token.column or 1) + indent),
                )
            if token.type == "BAD_RELATION":
                raise _SyntaxProblem(
                    f"unknown relation symbol: {token.value.strip()!r} "
                    f"(must be one of {list(SYMBOLS)})",
                    _line_start(token),
                )
            if token.type == "RELATION":
                yield from self._relation(levels, token)
            elif token.type in ("PCS_NEXT", "INFERENCE", "LIST_NEXT"):
                yield from self._dedent(levels, 0, token)
            yield token
        if relation is not None:
            _nothing_after(relation)
        yield from self._dedent(levels, 0, None)

    def _relation(self, levels: list[int], token: Token) -> Iterator[Token]:
        indent = _indent(token)
        symbol = token.value.strip()
        if indent > levels[-1]:
            levels.append(indent)
            yield _synthetic("_INDENT", symbol, token)
            return
        enclosing = list(levels)
        while len(levels) > 1 and indent < levels[-1]:
            levels.pop()
            yield _synthetic("_DEDENT", symbol, token)
        if indent != levels[-1]:
            raise _SyntaxProblem(
                f"broken indentation: relation {symbol!r} is indented {indent} characters, "
                f"which matches no line above it (indented {', '.join(map(str, enclosing))})",
                _line_start(token),
            )
        if len(levels) == 1:
            raise _SyntaxProblem(
                f"relation {symbol!r} must be indented below the statement or argument "
                "it relates to",
                _line_start(token),
            )

    @staticmethod
    def _dedent(levels: list[int], keep: int, token: Token | None) -> Iterator[Token]:
        from lark import Token

        while len(levels) > keep + 1:
            levels.pop()
            yield Token("_DEDENT", "") if token is None else _synthetic("_DEDENT", "", token)


def _indent(token: Token) -> int:
    """The indentation of the line a RELATION-like token starts (a tab is one, as in Argdown)."""
    line = token.value.lstrip("\n")
    return len(line) - len(line.lstrip(" \t"))


def _nothing_after(relation: Token) -> None:
    raise _SyntaxProblem(
        f"relation {relation.value.strip()!r} has no statement or argument after it",
        _line_start(relation),
    )


def _line_start(token: Token) -> str:
    """Where the line a RELATION-like token starts has its first character (after the break)."""
    return _place(token.end_line or token.line or 1, _indent(token) + 1)


def _at(token: Token) -> str:
    return _place(token.line or 1, token.column or 1)


def _synthetic(kind: str, value: str, token: Token) -> Token:
    from lark import Token

    line = token.end_line or token.line
    column = _indent(token) + 1
    return Token(kind, value, token.end_pos, line, column, line, column, token.end_pos)


@cache
def _parser() -> Lark:
    from lark import Lark
    from lark.lark import PostLex

    grammar = resources.files(__package__).joinpath("argdown.lark").read_text("utf-8")
    grammar += f"\nDATA.4: /{_data_pattern()}/\n"
    return Lark(
        grammar,
        parser="lalr",
        lexer="basic",
        postlex=cast(PostLex, _Lines()),
        maybe_placeholders=False,
    )


@cache
def _yaml_loader() -> Any:
    """PyYAML's safe loader without dates: ``2021-01-21`` stays a string, as argmap wants."""
    import yaml

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _place(line: int, column: int) -> str:
    return f"line {line}, column {column}"


@dataclass
class _Node:
    """A statement or argument of the file: every mention of one title is one node."""

    bracket: str  # "statement", "argument" or "" (no title)
    label: str
    place: str
    text: str = ""
    party: str = ""
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        if not self.bracket:
            return "this statement"
        return f"[{self.label}]" if self.bracket == "statement" else f"<{self.label}>"


@dataclass
class _Link:
    origin: _Node
    target: _Node
    kind: str
    place: str


class _Reader:
    """Walks the parse tree, gathering nodes, links and the front matter, then builds the map."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.nodes: dict[tuple[str, str], _Node] = {}
        self.links: list[_Link] = []
        self.front: dict[str, Any] = {}
        self.front_places: dict[str, list[str]] = {}
        self.front_place = ""
        self.previous: _Node | None = None  # the root of the last block, for a pcs after it

    def problem(self, message: str, place: str) -> None:
        self.problems.append(Problem(message, place, self.file))

    # -- the tree -------------------------------------------------------------------------

    def document(self, tree: Tree[Token]) -> None:
        for block in tree.children:
            block = cast("Tree[Token]", block)
            root = None
            if block.data == "front_matter":
                self.front_matter(cast("Token", block.children[0]))
            elif block.data == "tree":
                root = self.element(cast("Tree[Token]", block.children[0]))
                self.children(root, block.children[1:])
            elif block.data == "pcs":
                self.pcs(block)
            elif block.data == "list":
                for item in block.children:
                    item = cast("Tree[Token]", item)
                    node = self.element(cast("Tree[Token]", item.children[1]))
                    self.children(node, item.children[2:])
            self.previous = root

    def element(self, tree: Tree[Token]) -> _Node:
        tokens = [cast("Token", child) for child in tree.children]
        kind = str(tree.data)
        bracket = kind.split("_")[0] if kind != "anonymous" else ""
        defines = kind.endswith("definition") or kind == "anonymous"
        if bracket:
            head, rest = tokens[0], tokens[1:]
            label = head.value[1 : -2 if defines else -1].strip()
            key = (bracket, label)
        else:
            head, rest, label = tokens[0], tokens, ""
            key = ("", str(len(self.nodes)))
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = _Node(bracket, label, _at(head))
        text, tags, data = self.content(rest)
        if text and not defines:
            self.problem(
                f"text after the reference {node.describe()}: a reference takes only #tags and "
                f"{{data}}; write {node.describe()}: text to give it a text",
                _at(rest[0]),
            )
        if text and not node.text:
            node.text = text
        for tag in tags:
            self.tag(node, tag, _at(head))
        for token in data:
            self.merge(node, token)
        return node

    @staticmethod
    def content(tokens: list[Token]) -> tuple[str, list[str], list[Token]]:
        """An element's text, its tags and its data; tags at the end of the text leave it."""
        pieces: list[tuple[str, str]] = []
        data = []
        for token in tokens:
            if token.type == "DATA":
                data.append(token)
            elif token.type == "CONT":
                pieces.append(("break", ""))
            elif token.type == "TAG":
                pieces.append(("tag", token.value))
            elif token.type == "ESCAPED":
                pieces.append(("text", token.value[1:]))
            else:
                pieces.append(("text", token.value))
        tags = [v[2:-1] if v.startswith("#(") else v[1:] for k, v in pieces if k == "tag"]
        words = [i for i, (k, v) in enumerate(pieces) if k == "text" and v.strip()]
        text = ""
        for what, value in pieces[: words[-1] + 1 if words else 0]:
            text = (
                (text.rstrip() + " " if text.strip() else "") if what == "break" else text + value
            )
        return text.strip(), tags, data

    def tag(self, node: _Node, tag: str, place: str) -> None:
        for prefix in ("party", "kind"):
            if tag.startswith(prefix + "-"):
                value = tag[len(prefix) + 1 :]
                old = getattr(node, prefix)
                if old and old != value:
                    self.problem(
                        f"{node.describe()} has two {prefix} tags: {old!r} and {value!r}", place
                    )
                setattr(node, prefix, value)
                return
        if tag not in node.tags:
            node.tags.append(tag)

    def merge(self, node: _Node, token: Token) -> None:
        data = self.yaml(token)
        if data is None:
            return
        for key in _DATA_KEYS:
            if key not in data:
                continue
            if key in node.data and node.data[key] != data[key]:
                self.problem(
                    f"{node.describe()} has two values for {key!r}: "
                    f"{node.data[key]!r} and {data[key]!r}",
                    _at(token),
                )
            node.data[key] = data[key]

    def yaml(self, token: Token) -> dict[str, Any] | None:
        """The mapping of a {data} element (block style when a line break follows the '{')."""
        import yaml

        block = token.value[1:2] == "\n"
        source = token.value[1:-1] if block else token.value
        try:
            data = yaml.load(source, Loader=_yaml_loader())
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line, column = token.line or 1, token.column or 1
            if mark is not None:
                column = mark.column + 1 if mark.line else column + mark.column + int(block)
                line += mark.line
            self.problem(
                f"invalid YAML data: {getattr(error, 'problem', None) or error}",
                _place(line, column),
            )
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(
                f"data must be a mapping of keys to values, not {type(data).__name__}",
                _at(token),
            )
            return None
        return data

    def children(self, parent: _Node, rest: list[Any]) -> None:
        for child in rest:
            for relation in cast("Tree[Token]", child).children:
                relation = cast("Tree[Token]", relation)
                token = cast("Token", relation.children[0])
                node = self.element(cast("Tree[Token]", relation.children[1]))
                place = _line_start(token)
                self.relate(parent, node, token.value.strip(), place)
                self.children(node, relation.children[2:])

    def relate(self, parent: _Node, child: _Node, symbol: str, place: str) -> None:
        kind = "support" if "+" in symbol else "attack"
        if symbol == "><":
            self.links += [_Link(child, parent, kind, place), _Link(parent, child, kind, place)]
        elif symbol.endswith(">"):
            self.links.append(_Link(parent, child, kind, place))
        else:
            self.links.append(_Link(child, parent, kind, place))

    def pcs(self, block: Tree[Token]) -> None:
        argument = self.previous if self.previous and self.previous.bracket == "argument" else None
        statements: list[_Node] = []
        step: list[_Node] = []  # premises (and the last conclusion) of the current step
        inference: Tree[Token] | None = None
        concluded = False
        for item in block.children:
            item = cast("Tree[Token]", item)
            if item.data == "inference":
                inference = item
                continue
            node = self.element(cast("Tree[Token]", item.children[1]))
            self.children(node, item.children[2:])
            statements.append(node)
            if inference is None:
                step.append(node)
                continue
            if argument is None:
                for premise in step:
                    self.links.append(_Link(premise, node, "support", node.place))
            rest = [c for c in inference.children if not hasattr(c, "type")]
            self.children(argument or node, rest)
            step, inference, concluded = [node], None, True
        first = cast("Token", cast("Tree[Token]", block.children[0]).children[0])
        if inference is not None or not concluded or len(step) != 1:
            self.problem(
                "a premise-conclusion structure ends with its conclusion after an inference "
                "line (----)",
                _at(first),
            )
        elif argument is not None:
            for premise in statements[:-1]:
                self.links.append(_Link(premise, argument, "support", premise.place))
            self.links.append(_Link(argument, statements[-1], "support", argument.place))

    def front_matter(self, token: Token) -> None:
        import yaml

        rest = token.value.partition("\n")[2]
        body = rest.rpartition("\n")[0] + "\n" if "\n" in rest else ""
        line = (token.line or 1) + 1
        self.front_place = _place(line - 1, 1)
        try:
            data = yaml.load(body, Loader=_yaml_loader())
            root = yaml.compose(body, Loader=_yaml_loader())
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = _place(line + mark.line, mark.column + 1) if mark else self.front_place
            self.problem(
                f"invalid YAML in the front matter: {getattr(error, 'problem', None) or error}",
                where,
            )
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.problem("the front matter must be a mapping of keys to values", self.front_place)
            return
        self.front = data
        section = _yaml_child(root, "argmap")
        for table in ("parties", "sources", "tests"):
            items = _yaml_child(section, table)
            sequence = getattr(items, "id", "") == "sequence"
            marks = [n.start_mark for n in items.value] if sequence else []
            self.front_places[table] = [
                f"{_place(line + m.line, m.column + 1)} (front matter, argmap.{table}[{i}])"
                for i, m in enumerate(marks)
            ]

    # -- the map --------------------------------------------------------------------------

    def data(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The map as native JSON data, and where in the file each item came from."""
        ext, own = self.extension()  # own: written by argmap, where a bare title is an id
        nodes = list(self.nodes.values())
        parties, roles, places = self.parties(ext, nodes)
        ids = self.ids(nodes)
        links = self.verdicts(ids)
        outgoing = _interchange.outgoing((id(k.origin), id(k.target), k.kind) for k in links)
        statements = []
        for node in nodes:
            party = node.party or _interchange.DEFAULT_PARTY["id"]
            title = node.label if node.label and (node.label != ids[id(node)] or not own) else ""
            text = node.data.get("text", node.text or node.label)
            if text == "":
                self.problem(f"{node.describe()} has no text", node.place)
            guessed = _interchange.guess_kind(str(roles.get(party)), outgoing.get(id(node), []))
            tags = node.tags + [t for t in _list(node.data.get("tags")) if t not in node.tags]
            statements.append(
                {
                    "id": ids[id(node)],
                    "party": party,
                    "kind": node.kind or guessed,
                    "text": text,
                    "title": node.data.get("title", title),
                    "citations": node.data.get("citations", []),
                    "tags": tags,
                    "translations": node.data.get("translations", {}),
                }
            )
        data = {
            "argmap": _json.VERSION,
            "title": self.front.get("title", ""),
            "description": ext.get("description", ""),
            "parties": parties,
            "sources": _list(ext.get("sources")),
            "statements": statements,
            "relations": [
                {"from": ids[id(link.origin)], "to": ids[id(link.target)], "kind": link.kind}
                for link in links
            ],
            "tests": _list(ext.get("tests")),
        }
        places["statements"] = [node.place for node in nodes]
        places["relations"] = [link.place for link in links]
        return data, places

    def extension(self) -> tuple[dict[str, Any], bool]:
        """The ``argmap`` section of the front matter, checked, and whether there is one."""
        section = self.front.get("argmap")
        if section is not None and not isinstance(section, dict):
            self.problem("'argmap' in the front matter must be a mapping", self.front_place)
        ext: dict[str, Any] = section if isinstance(section, dict) else {}
        version = ext.get("version", _json.VERSION)
        if version != _json.VERSION:
            self.problem(
                f"unsupported argmap version {version!r} "
                f"(this argmap reads version {_json.VERSION})",
                self.front_place,
            )
        for table in ("parties", "sources", "tests"):
            if not isinstance(ext.get(table, []), list):
                self.problem(f"argmap.{table} in the front matter must be a list", self.front_place)
        return ext, isinstance(section, dict)

    def parties(
        self, ext: dict[str, Any], nodes: list[_Node]
    ) -> tuple[list[Any], dict[str, str], dict[str, list[str]]]:
        """The parties of the front matter, then those only tags name, then ``author``."""
        places = {table: list(self.front_places.get(table, [])) for table in ("sources", "tests")}
        parties = _list(ext.get("parties"))
        places["parties"] = list(self.front_places.get("parties", []))
        places["parties"] += [self.front_place] * (len(parties) - len(places["parties"]))
        roles = {
            p["id"]: p.get("role", "other")
            for p in parties
            if isinstance(p, dict) and isinstance(p.get("id"), str)
        }
        for node in nodes:
            if node.party and node.party not in roles:
                parties.append({"id": node.party, "name": node.party, "role": "other"})
                places["parties"].append(node.place)
                roles[node.party] = "other"
        if not all(node.party for node in nodes) and _interchange.DEFAULT_PARTY["id"] not in roles:
            author = self.front.get("author")
            default = dict(_interchange.DEFAULT_PARTY)
            if isinstance(author, str) and author.strip():
                default["name"] = author.strip()
            parties.append(default)
            places["parties"].append(self.front_place or nodes[0].place)
        return parties, roles, places

    def ids(self, nodes: list[_Node]) -> dict[int, str]:
        """An id for each node: its data's id, else its title (made valid), else a fresh one."""
        taken: set[str] = set()
        ids: dict[int, str] = {}
        for node in nodes:
            wanted = node.data.get("id")
            if isinstance(wanted, str):
                ids[id(node)] = wanted
                taken.add(wanted)
            elif wanted is not None:
                self.problem(
                    f"the id of {node.describe()} must be a string, not {wanted!r}", node.place
                )
        for node in nodes:
            if id(node) not in ids:
                ids[id(node)] = _interchange.fresh_id(node.label, taken)
        return ids

    def verdicts(self, ids: dict[int, str]) -> list[_Link]:
        """The links, each once, with the court's verdicts from its findings' data."""
        unique: dict[tuple[int, int, str], _Link] = {}
        for link in self.links:
            unique.setdefault((id(link.origin), id(link.target), link.kind), link)
        links = list(unique.values())
        by_ends = {(ids[id(link.origin)], ids[id(link.target)]): link for link in links}
        for node in self.nodes.values():
            for verdict in sorted(FINDING_RELATIONS):
                targets = node.data.get(verdict)
                if targets is None:
                    continue
                if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
                    self.problem(
                        f"{verdict!r} of {node.describe()} must be a list of statement ids",
                        node.place,
                    )
                    continue
                for target in targets:
                    found = by_ends.get((ids[id(node)], target))
                    wanted = "attack" if verdict == "rejects" else "support"
                    if found is None or found.kind not in (wanted, verdict):
                        symbol = "-" if verdict == "rejects" else "+"
                        self.problem(
                            f"{node.describe()} {verdict} {target!r} in its data, but no "
                            f"relation {symbol!r} links it to {target!r}",
                            node.place,
                        )
                        continue
                    found.kind = verdict
        return links


def _yaml_child(node: Any, key: str) -> Any:
    """The value node under ``key`` in a composed YAML mapping node, if there is one."""
    for name, value in getattr(node, "value", []) if getattr(node, "id", "") == "mapping" else []:
        if getattr(name, "value", None) == key:
            return value
    return None


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _unexpected(token: Token) -> str:
    """What is wrong when the parser meets a token where it cannot go."""
    symbol = token.value.strip()
    if token.type in ("RELATION", "_INDENT", "_DEDENT"):
        return f"relation {symbol!r} cannot go here: relations go below a statement or argument"
    if token.type == "INFERENCE":
        return (
            "an inference line (----) goes only between the numbered statements of a "
            "premise-conclusion structure"
        )
    if token.type in ("PCS_NEXT", "LIST_NEXT"):
        what = "premise-conclusion statement" if token.type == "PCS_NEXT" else "list item"
        return f"a {what} ({symbol}) cannot go here; leave a blank line before it"
    if token.type == "$END":
        return "the file ends too early"
    return f"unexpected {str(token.value)!r}"


def read(text: str, file: str, factory: Callable[[], ArgumentMap] = ArgumentMap) -> ArgumentMap:
    """Parse Argdown; raise one ValidationError naming every problem by line and column."""
    from lark.exceptions import UnexpectedInput, UnexpectedToken

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(file)
    try:
        tree = _parser().parse(text)
    except _SyntaxProblem as problem:
        raise ValidationError(Problem(str(problem), problem.place, file)) from None
    except UnexpectedToken as error:
        token = error.token
        place = _at(token)
        if token.type == "$END" or not token.line or token.line < 1:
            place = _place(text.count("\n") + 1, len(text.rpartition("\n")[2]) + 1)
        elif token.type in ("RELATION", "INFERENCE", "PCS_NEXT", "LIST_NEXT", "CONT"):
            place = _line_start(token)
        raise ValidationError(Problem(_unexpected(token), place, file)) from None
    except UnexpectedInput as error:
        place = _place(error.line, error.column)
        raise ValidationError(Problem(f"cannot read this: {error}", place, file)) from None
    reader.document(tree)
    data, places = reader.data()
    if reader.problems:
        raise ValidationError(reader.problems)
    return _interchange.build(data, file, factory, places, reader.front_place)


# ---- writing ----------------------------------------------------------------------------


def _quote(text: str) -> str:
    r"""A YAML double-quoted scalar that Argdown's data and front matter leave whole.

    >>> print(_quote('a "b" {c} = d\n'))
    "a \"b\" \u007bc\u007d \u003d d\n"
    """
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char in "{}=" or not _YAML_PRINTABLE.match(char):
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _flow(value: Any) -> str:
    """Data as YAML in flow style (JSON-like, one line), keys in the order given.

    >>> _flow({"id": "P0", "no": [1, None], "tags": []})
    '{id: "P0", "no": [1, null], tags: []}'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _quote(str(value))


def _key(key: str) -> str:
    plain = _PLAIN_KEY.fullmatch(key) and key.lower() not in _YAML_WORDS
    return key if plain else _quote(key)


def _escape(text: str) -> str:
    r"""Text as Argdown text: characters with a meaning in Argdown get a backslash.

    >>> print(_escape("[a] #b {c} http://x *y*"))
    \[a\] \#b \{c\} http:\//x \*y\*
    """
    out = []
    for i, char in enumerate(text):
        if char in _TEXT_SPECIALS or (char == "/" and text[i + 1 : i + 2] in ("/", "*")):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _fits_line(text: str) -> bool:
    """Whether Argdown can hold the text as it is (one line, no space at its ends)."""
    return "\n" not in text and "\r" not in text and text == text.strip()


def _fits_title(title: str) -> bool:
    # "<!--" would open a comment where an argument's title should be, and "<+", "<-",
    # "<_" at the start of a line are relations.
    brackets = any(c in "[]<>" for c in title) or title.startswith(("!--", "+", "-", "_"))
    return bool(title) and _fits_line(title) and not brackets


def _fits_tag(tag: str) -> bool:
    return bool(_HYPHEN_TAG.fullmatch(tag)) or (_fits_line(tag) and ")" not in tag and bool(tag))


def _tag(tag: str) -> str:
    return f"#{tag}" if _HYPHEN_TAG.fullmatch(tag) else f"#({tag})"


def _labels(themap: ArgumentMap) -> dict[str, str]:
    """The title in brackets of each statement: its title where it can be one, else its id."""
    ids = set(themap.statements.keys())
    titles: dict[str, int] = {}
    for statement in themap.statements:
        titles[statement.title] = titles.get(statement.title, 0) + 1
    return {
        s.id: s.title
        if _fits_title(s.title) and titles[s.title] == 1 and (s.title == s.id or s.title not in ids)
        else s.id
        for s in themap.statements
    }


def _reference(statement: Statement, label: str) -> str:
    return f"<{label}>" if statement.kind in _ARGUMENT_KINDS else f"[{label}]"


def _definition(statement: Statement, label: str, verdicts: list[Relation]) -> str:
    text = statement.text if _fits_line(statement.text) else " ".join(statement.text.split())
    tags = [_tag(f"party-{statement.party}"), _tag(f"kind-{statement.kind}")]
    inline_tags = all(
        _fits_tag(t) and not t.startswith(("party-", "kind-")) for t in statement.tags
    )
    if inline_tags:
        tags += [_tag(t) for t in statement.tags]
    data: dict[str, Any] = {}
    if label != statement.id:
        data["id"] = statement.id
    if statement.title and (label != statement.title or label == statement.id):
        data["title"] = statement.title
    if text != statement.text:
        data["text"] = statement.text
    if statement.citations:
        data["citations"] = _json._citation_data(statement.citations)
    if not inline_tags:
        data["tags"] = list(statement.tags)
    if statement.translations:
        data["translations"] = dict(sorted(statement.translations.items()))
    for relation in verdicts:
        data.setdefault(relation.kind, []).append(relation.target)
    line = f"{_reference(statement, label)}: {_escape(text)} {' '.join(tags)}"
    return f"{line}\n{_flow(data)}" if data else line


def _runs(relations: list[Relation]) -> Iterator[tuple[str, list[Relation]]]:
    """Relations in order, in runs that share a target or an origin, or pairs that attack
    each other (Argdown's contradiction, ``><``)."""
    i = 0
    while i < len(relations):
        first = relations[i]
        following = relations[i + 1] if i + 1 < len(relations) else None
        if (
            following is not None
            and first.kind == following.kind == "attack"
            and (following.origin, following.target) == (first.target, first.origin)
        ):
            yield "mutual", [first, following]
            i += 2
            continue
        same = {
            side: next(
                (
                    j
                    for j in range(i + 1, len(relations))
                    if getattr(relations[j], side) != getattr(first, side)
                ),
                len(relations),
            )
            for side in ("target", "origin")
        }
        side = "target" if same["target"] >= same["origin"] else "origin"
        yield side, relations[i : same[side]]
        i = same[side]


def _relation_blocks(themap: ArgumentMap, labels: dict[str, str]) -> Iterator[str]:
    statements = themap.statements

    def ref(statement_id: str) -> str:
        return _reference(statements[statement_id], labels[statement_id])

    for side, run in _runs(list(themap.relations)):
        if side == "mutual" and all(statements[r.origin].kind not in _ARGUMENT_KINDS for r in run):
            yield f"{ref(run[0].target)}\n    >< {ref(run[0].origin)}"
            continue
        if side == "mutual":
            # Argdown has ">< " (contradiction) only between statements; two arguments that
            # attack each other are two attacks.
            yield from (f"{ref(r.target)}\n    - {ref(r.origin)}" for r in run)
            continue
        lines = [ref(getattr(run[0], side))]
        for relation in run:
            sign = "-" if relation.kind in ("attack", "rejects") else "+"
            if side == "target":
                lines.append(f"    {sign} {ref(relation.origin)}")
            else:
                lines.append(f"    {sign}> {ref(relation.target)}")
        yield "\n".join(lines)


def _front_matter(themap: ArgumentMap) -> str:
    data = _json.to_data(themap)
    lines = ["==="]
    if themap.title:
        lines.append(f"title: {_quote(themap.title)}")
    lines += ["argmap:", f"  version: {_json.VERSION}"]
    if themap.description:
        lines.append(f"  description: {_quote(themap.description)}")
    for table in ("parties", "sources", "tests"):
        if data.get(table):
            lines.append(f"  {table}:")
            lines += [f"    - {_flow(item)}" for item in data[table]]
    if len(themap.parties):
        others = [p for p in themap.parties if p.role != "court"]
        colours: dict[str, Any] = {f"party-{p.id}": i % 8 + 1 for i, p in enumerate(others)}
        colours.update({f"party-{p.id}": "#e0e0e0" for p in themap.parties if p.role == "court"})
        lines += [
            "color:",
            f"  colorScheme: {_quote('iwanthue-colorblind-friendly')}",
            f"  tagColors: {_flow(colours)}",
        ]
    lines += ["selection:", "  excludeDisconnected: false", "==="]
    return "\n".join(lines)


def write(themap: ArgumentMap) -> str:
    """The map as Argdown text that reads back to the same map."""
    labels = _labels(themap)
    verdicts: dict[str, list[Relation]] = {}
    for relation in themap.relations:
        if relation.kind in FINDING_RELATIONS:
            verdicts.setdefault(relation.origin, []).append(relation)
    blocks = [_front_matter(themap)]
    party = None
    for statement in themap.statements:
        if statement.party != party:
            party = statement.party
            name = themap.parties[party].name
            blocks.append(f"# {_escape(' '.join(name.split()))}")
        blocks.append(_definition(statement, labels[statement.id], verdicts.get(statement.id, [])))
    if len(themap.relations):
        blocks.append("# Relations {isGroup: false}")
        blocks += _relation_blocks(themap, labels)
    return "\n\n".join(blocks) + "\n"
