"""The map editor: forms around a live diagram to build a map from both parties' positions."""

from __future__ import annotations

import functools
import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anywidget
import ipywidgets as w
import traitlets

from .. import formats
from .._map import ArgumentMap
from ..evaluate import evaluate
from ..exceptions import ArgmapError
from ..model import Change, Citation, Factor, LegalTest, RelationKind
from ..render import OUTPUTS, output_format
from .view import STATIC, View, show

__all__ = ["Editor", "StatusLine"]

log = logging.getLogger("argmap.widgets")

PARTY_KINDS = ("position", "reason", "objection", "fact")
COURT_KINDS = ("finding", "ruling", "fact")
ROLES = ("plaintiff", "defendant", "court", "other")
SOURCE_KINDS = ("article", "court order", "filing", "statute", "case law", "other")
NO_LINK = "no link"
LINKS_FOR_PARTIES = ("pro: supports the selected", "contra: attacks the selected", NO_LINK)
LINKS_FOR_COURT = ("upholds", "rejects", "acknowledges", "support", "attack", NO_LINK)
LINK_KINDS: dict[str, RelationKind] = {
    "pro: supports the selected": "support",
    "contra: attacks the selected": "attack",
    "support": "support",
    "attack": "attack",
    "upholds": "upholds",
    "rejects": "rejects",
    "acknowledges": "acknowledges",
}
# The link each kind starts with: a position is a party's own thesis and stands unlinked; an
# objection is there to attack, a reason or fact to support.
DEFAULT_LINKS = {
    "position": NO_LINK,
    "reason": LINKS_FOR_PARTIES[0],
    "fact": LINKS_FOR_PARTIES[0],
    "objection": LINKS_FOR_PARTIES[1],
}
VERBS: dict[RelationKind, str] = {
    "support": "supports",
    "attack": "attacks",
    "upholds": "upholds",
    "rejects": "rejects",
    "acknowledges": "acknowledges",
}
RULES = (("all", "all"), ("any", "any"), ("at least", "at_least"))

F = TypeVar("F", bound=Callable[..., Any])


class StatusLine(anywidget.AnyWidget):
    """One line of plain text (never markup) saying what happened or what went wrong."""

    _esm = STATIC / "status.js"
    value = traitlets.Unicode("", help="the message, shown as text").tag(sync=True)
    level = traitlets.Unicode("info", help="info or problem").tag(sync=True)


def _action(what: str) -> Callable[[F], F]:
    """Run an editor action; show any error in the status line instead of losing it."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(self: Editor, *args: Any) -> Any:
            try:
                return function(self, *args)
            except (ArgmapError, ValueError, KeyError, traitlets.TraitError) as error:
                self.say(f"{what}: {error}", problem=True)
            except Exception as error:  # a bug: still shown, never lost in the kernel log
                log.exception("%s failed", what)
                self.say(f"{what} failed: {type(error).__name__}: {error}", problem=True)
            return None

        return run  # type: ignore[return-value]

    return decorate


def _button(description: str, tooltip: str, style: str = "") -> w.Button:
    return w.Button(
        description=description,
        tooltip=tooltip,
        button_style=style,
        # Wide enough for its words, and never squeezed by a wide neighbour in a row.
        layout=w.Layout(width="auto", flex="0 0 auto"),
    )


def _text(description: str, placeholder: str = "") -> w.Text:
    return w.Text(
        description=description,
        placeholder=placeholder,
        layout=w.Layout(width="95%"),
        style={"description_width": "7em"},
    )


def _area(description: str, placeholder: str = "") -> w.Textarea:
    return w.Textarea(
        description=description,
        placeholder=placeholder,
        rows=3,
        layout=w.Layout(width="95%"),
        style={"description_width": "7em"},
    )


def _dropdown(description: str, options: Any = ()) -> w.Dropdown:
    return w.Dropdown(
        description=description,
        options=options,
        layout=w.Layout(width="95%"),
        style={"description_width": "7em"},
    )


class Editor(w.VBox):  # type: ignore[misc]
    """Build and edit a map with forms, beside its live diagram.

    ``Editor(m)`` edits a map; ``Editor(path="my.argmap.json")`` opens that file (or starts
    it) and saves every change to it, atomically. Clicking a box selects it for editing.
    Every button does what a method of the map does, so code and clicks can be mixed.
    """

    def __init__(
        self,
        themap: ArgumentMap | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        autosave: bool | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        if themap is None:
            themap = self._open(self.path)
        self.map = themap
        self.autosave = self.path is not None if autosave is None else autosave
        self.status = StatusLine()
        self.evaluation = StatusLine()
        self.view = View(themap)
        self._build()
        super().__init__(
            children=(self._toolbar, self.view, self.evaluation, self._tabs, self.status),
            layout=w.Layout(width="100%"),
        )
        themap.observe(self._map_changed)
        self.view.observe(self._selection_changed, names=["selected"])
        self._refresh_choices()
        self._show_selected()
        self._show_evaluation()

    def _ipython_display_(self, **kwargs: Any) -> None:
        show(self, self.view)

    @staticmethod
    def _open(path: Path | None) -> ArgumentMap:
        if path is not None and path.exists():
            from .. import load

            return load(path)
        return ArgumentMap(title=path.name.split(".")[0] if path else "")

    # ---- the parts -----------------------------------------------------------------------

    def _build(self) -> None:
        self.undo_button = _button("Undo", "Take back the last change", "")
        self.redo_button = _button("Redo", "Make the undone change again", "")
        self.upload = w.FileUpload(
            accept=".json,.argmap.json", multiple=False, description="Load map…"
        )
        self.save_button = _button("Save", "Save the map to its file", "")
        self.downloads = {
            fmt: _button(fmt.upper(), f"Download the diagram as {fmt.upper()}")
            for fmt in ("svg", "png", "pdf", "dot")
        }
        self.downloads["map"] = _button("JSON map", "Download the map as *.argmap.json")
        self.undo_button.on_click(lambda _: self.undo())
        self.redo_button.on_click(lambda _: self.redo())
        self.save_button.on_click(lambda _: self.save())
        self.upload.observe(self._uploaded, names=["value"])
        for fmt, button in self.downloads.items():
            button.on_click(functools.partial(lambda fmt, _: self.download(fmt), fmt))
        self._toolbar = w.HBox(
            [
                self.undo_button,
                self.redo_button,
                self.upload,
                self.save_button,
                w.Label("Download:"),
                *self.downloads.values(),
            ],
            layout=w.Layout(flex_flow="row wrap"),
        )
        self._tabs = w.Tab(
            children=[
                self._selected_form(),
                self._add_form(),
                self._link_form(),
                self._parties_form(),
                self._test_form(),
            ]
        )
        for index, title in enumerate(
            ["Selected", "Add statement", "Link", "Parties & sources", "Legal test"]
        ):
            self._tabs.set_title(index, title)

    def _selected_form(self) -> w.VBox:
        self.selected_info = StatusLine(value="Click a box in the diagram to select it.")
        self.edit_party = _dropdown("Party")
        self.edit_kind = _dropdown("Kind")
        self.edit_title = _text("Title", "a few words")
        self.edit_text = _area("Text", "the full statement")
        self.citations_info = StatusLine()
        self.cite_source = _dropdown("Source")
        self.cite_quote = _text("Quote", "the words quoted")
        self.cite_locator = _text("Where", "e.g. p. 2")
        self.apply_button = _button(
            "Apply changes", "Save these fields to the statement", "primary"
        )
        self.delete_button = _button("Delete", "Delete the statement and its links", "danger")
        cite_button = _button("Add citation", "Cite the source for this statement")
        uncite_button = _button("Remove last citation", "Remove the statement's last citation")
        self.apply_button.on_click(lambda _: self.apply_edits())
        self.delete_button.on_click(lambda _: self.delete_selected())
        cite_button.on_click(lambda _: self.add_citation())
        uncite_button.on_click(lambda _: self.remove_citation())
        self.edit_party.observe(
            lambda _: self._kinds_for(self.edit_party, self.edit_kind), names=["value"]
        )
        return w.VBox(
            [
                self.selected_info,
                self.edit_party,
                self.edit_kind,
                self.edit_title,
                self.edit_text,
                w.HBox([self.apply_button, self.delete_button]),
                w.HTML("<b>Citations</b>"),
                self.citations_info,
                self.cite_source,
                self.cite_quote,
                self.cite_locator,
                w.HBox([cite_button, uncite_button]),
            ]
        )

    def _add_form(self) -> w.VBox:
        self.add_party = _dropdown("Party")
        self.add_kind = _dropdown("Kind")
        self.add_link = w.ToggleButtons(
            options=LINKS_FOR_PARTIES,
            description="Link",
            style={"description_width": "7em", "button_width": "auto"},
        )
        self.add_title = _text("Title", "a few words (Enter adds)")
        self.add_text = _area("Text", "the full statement")
        self.add_button = _button("Add", "Add the statement", "primary")
        self.add_button.on_click(lambda _: self.add_statement())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.add_title.on_submit(lambda _: self.add_statement())
        self.add_party.observe(
            lambda _: self._kinds_for(self.add_party, self.add_kind), names=["value"]
        )
        self.add_kind.observe(lambda _: self._links_for_kind(), names=["value"])
        return w.VBox(
            [
                self.add_party,
                self.add_kind,
                self.add_title,
                self.add_text,
                self.add_link,
                self.add_button,
            ]
        )

    def _link_form(self) -> w.VBox:
        self.link_info = StatusLine(value="Select the statement the link starts at.")
        self.link_target = _dropdown("To")
        self.link_kind = _dropdown("As", ("support", "attack"))
        link_button = _button("Link", "Link the selected statement to this one", "primary")
        unlink_button = _button("Unlink", "Remove the link between the two")
        link_button.on_click(lambda _: self.link())
        unlink_button.on_click(lambda _: self.unlink())
        return w.VBox(
            [self.link_info, self.link_target, self.link_kind, w.HBox([link_button, unlink_button])]
        )

    def _parties_form(self) -> w.VBox:
        self.map_title = _text("Title", "heads the diagram and names downloads (Enter sets it)")
        self.map_title.continuous_update = False  # one undoable change, not one a keystroke
        self.map_title.value = self.map.title
        self.map_title.observe(lambda change: self.set_title(change["new"]), names=["value"])
        self.party_id = _text("Party id", "e.g. parler")
        self.party_name = _text("Name", "e.g. Parler LLC")
        self.party_role = _dropdown("Role", ROLES)
        self.party_button = _button("Add party", "Add the party", "primary")
        self.party_button.on_click(lambda _: self.add_party_from_form())
        self.source_id = _text("Source id", "e.g. order")
        self.source_title = _text("Title")
        self.source_url = _text("Link", "https://…")
        self.source_kind = _dropdown("Kind", SOURCE_KINDS)
        self.source_button = _button("Add source", "Add the source", "primary")
        self.source_button.on_click(lambda _: self.add_source_from_form())
        return w.VBox(
            [
                w.HTML("<b>The map</b>"),
                self.map_title,
                w.HTML("<b>Parties</b>"),
                self.party_id,
                self.party_name,
                self.party_role,
                self.party_button,
                w.HTML("<b>Sources</b>"),
                self.source_id,
                self.source_title,
                self.source_url,
                self.source_kind,
                self.source_button,
            ]
        )

    def _test_form(self) -> w.VBox:
        self.test_id = _text("Test id", "e.g. winter")
        self.test_name = _text("Name", "e.g. Preliminary injunction (Winter)")
        self.test_rule = _dropdown("Rule", RULES)
        self.test_threshold = w.BoundedIntText(
            value=1, min=1, max=99, description="At least", style={"description_width": "7em"}
        )
        self.test_movant = _dropdown("Movant")
        self.test_ruling = _dropdown("Ruling")
        self.test_factor = _text("Factor", "e.g. Likely success on the merits")
        self.test_deciding = w.SelectMultiple(
            description="Decided by", rows=4, style={"description_width": "7em"}
        )
        self.test_button = _button(
            "Add test", "Add the legal test with the factor above as its first", "primary"
        )
        self.test_button.on_click(lambda _: self.add_test_from_form())
        self.factor_test = _dropdown("Test")
        self.factor_button = _button("Add factor", "Add the factor above to this test")
        self.factor_button.on_click(lambda _: self.add_factor_from_form())
        self.remove_test_button = _button("Remove test", "Remove this legal test", "danger")
        self.remove_test_button.on_click(lambda _: self.remove_test())
        self.factor_choice = _dropdown("Its factor")
        self.remove_factor_button = _button("Remove factor", "Remove this factor from the test")
        self.remove_factor_button.on_click(lambda _: self.remove_factor())
        self.test_rule.observe(lambda _: self._show_threshold(), names=["value"])
        self.factor_test.observe(lambda _: self._refresh_factors(), names=["value"])
        self._show_threshold()
        return w.VBox(
            [
                w.HTML("<b>A new legal test</b>"),
                self.test_id,
                self.test_name,
                self.test_rule,
                self.test_threshold,
                self.test_movant,
                self.test_ruling,
                w.HTML("<b>A factor: of the new test, or added to the test below</b>"),
                self.test_factor,
                self.test_deciding,
                self.test_button,
                w.HTML("<b>The map's legal tests</b>"),
                self.factor_test,
                w.HBox([self.factor_button, self.remove_test_button]),
                self.factor_choice,
                self.remove_factor_button,
            ]
        )

    # ---- keeping the forms in step -------------------------------------------------------

    def say(self, message: str, *, problem: bool = False) -> None:
        """Show a message in the status line (as text)."""
        self.status.level = "problem" if problem else "info"
        self.status.value = message

    def _show_evaluation(self) -> None:
        """One line on what the map's evaluation says: each test's outcome, each position's status."""
        result = evaluate(self.map)
        parts = [f"{self.map.tests[t].name}: {o.result.upper()}" for t, o in result.tests.items()]
        parts += [
            f"{s.id} {_short(s.label, 30)}: {result.status(s.id)}"
            for s in self.map.statements
            if s.kind == "position"
        ]
        self.evaluation.value = ("Evaluation — " + " · ".join(parts)) if parts else ""

    def _map_changed(self, change: Change) -> None:
        self._refresh_choices()
        self._show_selected()
        self._show_evaluation()
        if self.autosave and self.path is not None:
            try:
                self.map.save(self.path)
            except (OSError, ArgmapError) as error:
                self.say(f"autosave to {self.path} failed: {error}", problem=True)

    def _selection_changed(self, change: dict[str, Any]) -> None:
        self._show_selected()

    def _statement_choices(self) -> list[tuple[str, str]]:
        return [(f"{s.id} · {_short(s.label)}", s.id) for s in self.map.statements]

    def _refresh_choices(self) -> None:
        parties = [(f"{p.name} ({p.role})", p.id) for p in self.map.parties]
        sources = [(_short(s.title), s.id) for s in self.map.sources]
        findings = [
            (f"{s.id} · {_short(s.label)}", s.id)
            for s in self.map.statements
            if s.kind == "finding"
        ]
        rulings = [("none", "")] + [
            (f"{s.id} · {_short(s.label)}", s.id) for s in self.map.statements if s.kind == "ruling"
        ]
        for dropdown, options in (
            (self.add_party, parties),
            (self.edit_party, parties),
            (self.cite_source, sources),
            (self.link_target, self._statement_choices()),
            (self.test_movant, [("none", ""), *parties]),
            (self.test_ruling, rulings),
            (self.factor_test, [(t.name, t.id) for t in self.map.tests]),
        ):
            _set_options(dropdown, options)
        keep = tuple(v for v in self.test_deciding.value if v in self.map.statements)
        self.test_deciding.options = findings
        self.test_deciding.value = keep
        self._kinds_for(self.add_party, self.add_kind)
        self._refresh_factors()
        self.undo_button.disabled = not self.map.can_undo
        self.redo_button.disabled = not self.map.can_redo
        self.save_button.disabled = self.path is None
        self.map_title.value = self.map.title

    def _kinds_for(self, party: w.Dropdown, kind: w.Dropdown) -> None:
        role = self.map.parties[party.value].role if party.value in self.map.parties else "other"
        # The link follows the kind only when the kind changes (add_kind's observer), so a
        # link the user chose survives unrelated changes to the map.
        _set_options(kind, COURT_KINDS if role == "court" else PARTY_KINDS)

    def _links_for_kind(self) -> None:
        kind = self.add_kind.value
        options = LINKS_FOR_COURT if kind in ("finding", "ruling") else LINKS_FOR_PARTIES
        if tuple(self.add_link.options) != options:
            self.add_link.options = options
        self.add_link.value = DEFAULT_LINKS.get(kind, options[0])

    def _show_threshold(self) -> None:
        self.test_threshold.layout.display = "" if self.test_rule.value == "at_least" else "none"

    def _refresh_factors(self) -> None:
        test = self.map.tests.get(self.factor_test.value) if self.factor_test.value else None
        factors = [(f.name, f.id) for f in test.factors] if test is not None else []
        _set_options(self.factor_choice, factors)
        for control in (self.factor_button, self.remove_test_button, self.remove_factor_button):
            control.disabled = test is None

    def _show_selected(self) -> None:
        statement = self.map.statements.get(self.view.selected) if self.view.selected else None
        editing = (
            self.edit_party,
            self.edit_kind,
            self.edit_title,
            self.edit_text,
            self.apply_button,
            self.delete_button,
        )
        for field in editing:
            field.disabled = statement is None
        if statement is None:
            self.selected_info.value = "Click a box in the diagram to select it."
            self.link_info.value = "Select the statement the link starts at."
            self.citations_info.value = ""
            return
        party = self.map.parties[statement.party]
        self.selected_info.value = f"{statement.id} · {party.name} · {statement.kind}"
        self.link_info.value = f"From {statement.id} · {_short(statement.label)}"
        self.edit_party.value = statement.party
        self._kinds_for(self.edit_party, self.edit_kind)
        self.edit_kind.value = statement.kind
        self.edit_title.value = statement.title
        self.edit_text.value = statement.text
        lines = [
            f"{i}. {self.map.sources[c.source].title}"
            + (f", {c.locator}" if c.locator else "")
            + (f": “{c.quote}”" if c.quote else "")
            for i, c in enumerate(statement.citations, 1)
        ]
        self.citations_info.value = "\n".join(lines) or "No citations yet."
        self.link_kind.options = (
            ("support", "attack", "upholds", "rejects", "acknowledges")
            if statement.kind in ("finding", "ruling")
            else ("support", "attack")
        )

    def _selected(self) -> str:
        if not self.view.selected:
            raise ValueError("select a statement in the diagram first")
        return self.view.selected

    # ---- actions (each also a plain method) -----------------------------------------------

    @_action("undo")
    def undo(self) -> None:
        """Take back the last change."""
        change = self.map.undo()
        self.say(f"undid: {change.description}")

    @_action("redo")
    def redo(self) -> None:
        """Make the last undone change again."""
        change = self.map.redo()
        self.say(f"redid: {change.description}")

    @_action("cannot add the statement")
    def add_statement(self) -> None:
        """Add the statement described in the "Add statement" form."""
        kind = self.add_kind.value
        link = LINK_KINDS.get(self.add_link.value)
        target = self.view.selected
        if link and not target:
            raise ValueError("select the statement to link it to, or choose 'no link'")
        if kind == "finding" and not link:
            raise ValueError(
                "a finding must decide something: select the statement it upholds, rejects "
                "or acknowledges (or the finding or ruling it supports)"
            )
        if not self.add_party.value:
            raise ValueError("add a party first (tab 'Parties & sources')")
        with self.map.batch(f"add {kind}"):
            statement = self.map.add_statement(
                party=self.add_party.value,
                kind=kind,
                text=self.add_text.value.strip(),
                title=self.add_title.value.strip(),
            )
            if link:
                self.map.add_relation(statement.id, target, link)
        self.add_title.value = ""
        self.add_text.value = ""
        # The parent stays selected (the new box is not), so its next reason is one Add away.
        self.say(
            f"added {kind} {statement.id}" + (f", which {VERBS[link]} {target}" if link else "")
        )

    @_action("cannot change the statement")
    def apply_edits(self) -> None:
        """Save the "Selected" form's fields to the selected statement."""
        statement_id = self._selected()
        self.map.update_statement(
            statement_id,
            party=self.edit_party.value,
            kind=self.edit_kind.value,
            title=self.edit_title.value.strip(),
            text=self.edit_text.value.strip(),
        )
        self.say(f"changed {statement_id}")

    @_action("cannot delete")
    def delete_selected(self) -> None:
        """Delete the selected statement with its links (undo brings them back)."""
        statement_id = self._selected()
        links = len(self.map.relations_of(statement_id))
        self.map.remove_statement(statement_id)
        self.say(f"deleted {statement_id} and its {_count(links, 'link')} (Undo brings them back)")

    @_action("cannot add the citation")
    def add_citation(self) -> None:
        """Cite the chosen source, quote and place for the selected statement."""
        statement_id = self._selected()
        if not self.cite_source.value:
            raise ValueError("add a source first (tab 'Parties & sources')")
        statement = self.map.statements[statement_id]
        citation = Citation(
            self.cite_source.value, self.cite_quote.value.strip(), self.cite_locator.value.strip()
        )
        self.map.update_statement(statement_id, citations=(*statement.citations, citation))
        self.cite_quote.value = ""
        self.cite_locator.value = ""
        self.say(f"{statement_id} now cites {self.map.sources[citation.source].title}")

    @_action("cannot remove the citation")
    def remove_citation(self) -> None:
        """Remove the selected statement's last citation."""
        statement_id = self._selected()
        statement = self.map.statements[statement_id]
        if not statement.citations:
            raise ValueError(f"{statement_id} cites nothing")
        self.map.update_statement(statement_id, citations=statement.citations[:-1])
        self.say(f"removed the last citation of {statement_id}")

    @_action("cannot link")
    def link(self) -> None:
        """Link the selected statement to the one chosen in the "Link" form, or give their
        link the chosen kind (one undoable change)."""
        origin, target, kind = self._selected(), self.link_target.value, self.link_kind.value
        existing = self.map.relations.get((origin, target))
        if existing is None:
            self.map.add_relation(origin, target, kind)
            self.say(f"linked {origin} -> {target}: {origin} {VERBS[kind]} {target}")
        elif existing.kind == kind:
            self.say(f"{origin} already {VERBS[kind]} {target}")
        else:
            self.map.update_relation(origin, target, kind)
            self.say(f"changed the link {origin} -> {target}: {origin} now {VERBS[kind]} {target}")

    @_action("cannot unlink")
    def unlink(self) -> None:
        """Remove the link from the selected statement to the chosen one."""
        origin = self._selected()
        self.map.remove_relation(origin, self.link_target.value)
        self.say(f"removed the link {origin} -> {self.link_target.value}")

    @_action("cannot change the title")
    def set_title(self, title: str) -> None:
        """Give the map a new title: it heads the diagram and names the downloads."""
        title = title.strip()
        if title != self.map.title:
            self.map.update(title=title)
            self.say(f"the map is now titled {title!r}" if title else "the map has no title now")

    @_action("cannot add the party")
    def add_party_from_form(self) -> None:
        """Add the party described in the form."""
        party = self.map.add_party(
            self.party_id.value.strip(), self.party_name.value.strip(), role=self.party_role.value
        )
        self.party_id.value = self.party_name.value = ""
        self.add_party.value = party.id
        self.say(f"added party {party.name}")

    @_action("cannot add the source")
    def add_source_from_form(self) -> None:
        """Add the source described in the form."""
        fields = {"kind": self.source_kind.value}
        if self.source_url.value.strip():
            fields["url"] = self.source_url.value.strip()
        source = self.map.add_source(
            self.source_id.value.strip(), self.source_title.value.strip(), **fields
        )
        self.source_id.value = self.source_title.value = self.source_url.value = ""
        self.say(f"added source {source.title}")

    @_action("cannot add the legal test")
    def add_test_from_form(self) -> None:
        """Add the legal test described in the form, with its first factor."""
        name = self.test_factor.value.strip()
        test = self.map.add_test(
            self.test_id.value.strip(),
            self.test_name.value.strip(),
            [Factor(_factor_id(name, ()), name, tuple(self.test_deciding.value))],
            rule=self.test_rule.value,
            threshold=self.test_threshold.value if self.test_rule.value == "at_least" else None,
            movant=self.test_movant.value or "",
            ruling=self.test_ruling.value or "",
        )
        self.factor_test.value = test.id
        self._clear_factor()
        self.test_id.value = self.test_name.value = ""
        self.say(f"added legal test {test.name}")

    @_action("cannot add the factor")
    def add_factor_from_form(self) -> None:
        """Add a factor (name and deciding findings from the form) to the chosen test."""
        test = self._chosen_test("add a legal test first")
        name = self.test_factor.value.strip()
        factor = Factor(
            _factor_id(name, [f.id for f in test.factors]), name, tuple(self.test_deciding.value)
        )
        self.map.update_test(test.id, factors=(*test.factors, factor))
        self._clear_factor()
        self.say(f"added factor {name!r} to {test.name}")

    def _chosen_test(self, missing: str) -> LegalTest:
        """The test chosen under "The map's legal tests"; ``missing`` says why there is none."""
        if not self.factor_test.value:
            raise ValueError(missing)
        return self.map.tests[self.factor_test.value]

    def _clear_factor(self) -> None:
        # A next factor is decided by its own findings, never silently by the last one's.
        self.test_factor.value = ""
        self.test_deciding.value = ()

    @_action("cannot remove the legal test")
    def remove_test(self) -> None:
        """Remove the test chosen under "The map's legal tests" (its findings stay)."""
        test = self._chosen_test("there is no legal test to remove")
        self.map.remove_test(test.id)
        self.say(f"removed legal test {test.name} (Undo brings it back)")

    @_action("cannot remove the factor")
    def remove_factor(self) -> None:
        """Remove the chosen factor from the chosen test."""
        test = self._chosen_test("there is no legal test to remove a factor from")
        kept = tuple(f for f in test.factors if f.id != self.factor_choice.value)
        if not kept:
            raise ValueError(f"{test.name} needs at least one factor: remove the test instead")
        removed = test.factor(self.factor_choice.value)
        # The model has no remove_factor: the test without it is one undoable change.
        self.map.update_test(test.id, factors=kept)
        self.say(f"removed factor {removed.name!r} from {test.name} (Undo brings it back)")

    @_action("cannot save")
    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Save the map to ``path`` (or the editor's file), atomically."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("this editor has no file: use the 'JSON map' download, or save(path)")
        self.map.save(target)
        self.say(f"saved to {target}")

    @_action("cannot load the file")
    def load_text(self, text: str, name: str) -> None:
        """Replace the map with one read from text (as from an uploaded file)."""
        loaded = formats.loads(text, formats.find_format(name).name, file=name, factory=ArgumentMap)
        self.view.selected = ""
        self.map.assign(loaded, f"load {name}")
        self.say(f"loaded {name}: {_count(len(self.map.statements), 'statement')} (Undo goes back)")

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        try:
            text = bytes(upload["content"]).decode("utf-8-sig")
        except UnicodeDecodeError:
            self.say(f"cannot load the file: {upload['name']}: not UTF-8 text", problem=True)
        else:
            self.load_text(text, upload["name"])
        self.upload.value = ()

    @_action("cannot download")
    def download(self, fmt: str) -> None:
        """Send the diagram (svg, png, pdf, dot) as on screen, or the map ("map"), to the
        browser as a file named after the map's title."""
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.map.title)[:60]
        stem = stem or "argmap"
        if fmt == "map":
            data, name, mime = (
                self.map.dumps().encode("utf-8"),
                f"{stem}.argmap.json",
                "application/json",
            )
        else:
            fmt = output_format(format=fmt)
            # The drawing on screen, not the whole map: the same options, focus, party
            # filter and folds.
            data, name, mime = self.view.drawing(fmt), f"{stem}.{fmt}", OUTPUTS[fmt][1]
        self.view.download(data, name, mime)
        self.say(f"downloading {name} ({len(data):,} bytes)")


def _short(text: str, length: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _count(number: int, noun: str) -> str:
    """A number with its noun, singular or plural.

    >>> _count(1, "link"), _count(2, "link"), _count(0, "legal test")
    ('1 link', '2 links', '0 legal tests')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _set_options(dropdown: w.Dropdown, options: Any) -> None:
    value = dropdown.value
    options = tuple(options)
    if tuple(dropdown.options) != options:
        dropdown.options = options
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    if value in values:
        dropdown.value = value
    elif values:
        dropdown.value = values[0]


def _factor_id(name: str, taken: Any) -> str:
    base = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:40] or "factor"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
