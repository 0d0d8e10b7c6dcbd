"""The editor driven through its widgets, as a user clicks: the map and the state follow."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import argmap

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _add(editor, party, kind, text, title="", link=None):
    editor.add_party.value = party
    editor.add_kind.value = kind
    if link is not None:
        editor.add_link.value = link
    editor.add_title.value = title
    editor.add_text.value = text
    before = set(editor.map.statements.keys())
    editor.add_button.click()
    problem = editor.status.level == "problem"
    assert not problem, editor.status.value
    (added,) = set(editor.map.statements.keys()) - before
    assert f"added {kind} {added}" in editor.status.value
    return added


def test_a_full_parler_style_session(tmp_path):
    path = tmp_path / "class.argmap.json"
    editor = argmap.Editor(path=path)
    for pid, name, role in (
        ("parler", "Parler LLC", "plaintiff"),
        ("aws", "Amazon Web Services", "defendant"),
        ("court", "District Court", "court"),
    ):
        editor.party_id.value, editor.party_name.value, editor.party_role.value = pid, name, role
        editor.party_button.click()
    assert [p.id for p in editor.map.parties] == ["parler", "aws", "court"]

    editor.view.selected = ""
    p0 = _add(editor, "parler", "position", "AWS had no right to shut us down.", "No right")
    a0 = _add(editor, "aws", "position", "This was not about free speech.", "Not about speech")
    editor.view.selected = p0
    p1 = _add(
        editor,
        "parler",
        "reason",
        "The contract required thirty days' notice.",
        "Notice",
        "pro: supports the selected",
    )
    editor.view.selected = p1
    a1 = _add(
        editor,
        "aws",
        "objection",
        "The contract allows immediate termination.",
        "Immediate",
        "contra: attacks the selected",
    )
    editor.view.selected = a0
    a2 = _add(
        editor,
        "aws",
        "reason",
        "Parler broke the Acceptable Use Policy.",
        "",
        "pro: supports the selected",
    )
    editor.view.selected = p1
    f1 = _add(
        editor,
        "court",
        "finding",
        "Section 7.2(b)(ii) allows termination on notice.",
        "Contract",
        "rejects",
    )
    # the finding also upholds AWS's objection and acknowledges nothing else
    editor.view.selected = f1
    editor.link_target.value = a1
    editor.link_kind.value = "upholds"
    editor._tabs.children[2].children[3].children[0].click()
    assert editor.map.relations[(f1, a1)].kind == "upholds"

    # a citation
    editor.source_id.value, editor.source_title.value = "order", "Order, Dkt. 34"
    editor.source_url.value = "https://law.justia.com/cases/"
    editor.source_button.click()
    editor.view.selected = f1
    editor.cite_source.value, editor.cite_quote.value, editor.cite_locator.value = (
        "order",
        "immediately upon notice",
        "p. 9",
    )
    editor._tabs.children[0].children[11].children[0].click()
    assert editor.map.statements[f1].citations == (
        argmap.Citation("order", "immediately upon notice", "p. 9"),
    )

    # edit, undo, redo, delete, undo
    editor.view.selected = a2
    editor.edit_title.value = "AUP broken"
    editor.apply_button.click()
    assert editor.map.statements[a2].title == "AUP broken"
    editor.undo_button.click()
    assert editor.map.statements[a2].title == ""
    editor.redo_button.click()
    assert editor.map.statements[a2].title == "AUP broken"
    editor.view.selected = p1
    editor.delete_button.click()
    assert p1 not in editor.map.statements and (f1, p1) not in editor.map.relations
    editor.undo_button.click()
    assert editor.map.relations[(f1, p1)].kind == "rejects"

    # the relations the session made
    assert {(r.origin, r.target, r.kind) for r in editor.map.relations} == {
        (p1, p0, "support"),
        (a1, p1, "attack"),
        (a2, a0, "support"),
        (f1, p1, "rejects"),
        (f1, a1, "upholds"),
    }
    # autosave kept the file in step; it reloads identical
    assert argmap.load(path) == editor.map
    editor.save_button.click()
    assert argmap.load(path) == editor.map
    assert list(editor.view.get_state()["graph"]["nodes"]) == editor.map.statements.keys()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda e: e.add_text.__setattr__("value", "   "), "statement text must not be empty"),
        (
            lambda e: (
                e.add_party.__setattr__("value", "court"),
                e.add_kind.__setattr__("value", "finding"),
                e.add_text.__setattr__("value", "x"),
                e.add_link.__setattr__("value", "no link"),
            ),
            "a finding must decide something",
        ),
    ],
)
def test_bad_input_shows_a_message_and_changes_nothing(parler, setup, message):
    editor = argmap.Editor(parler)
    editor.view.selected = "P1"
    before = parler.copy()
    setup(editor)
    editor.add_button.click()
    assert editor.status.level == "problem" and message in editor.status.value
    assert parler == before


def test_linking_a_statement_to_itself_is_refused(parler):
    editor = argmap.Editor(parler)
    editor.view.selected = "P1"
    editor.link_target.value = "P1"
    editor.link()
    assert "cannot link: a relation cannot link a statement to itself" in editor.status.value
    assert ("P1", "P1") not in parler.relations


def test_an_unreadable_upload_changes_nothing(parler):
    editor = argmap.Editor(parler)
    before = parler.copy()
    editor.upload.value = (
        {
            "name": "broken.argmap.json",
            "type": "application/json",
            "size": 3,
            "content": memoryview(b"{x"),
            "last_modified": NOW,
        },
    )
    assert editor.status.level == "problem"
    assert "broken.argmap.json: line 1, column 2: malformed JSON" in editor.status.value
    editor.upload.value = (
        {
            "name": "latin1.argmap.json",
            "type": "application/json",
            "size": 2,
            "content": memoryview(b"\xff\xfe"),
            "last_modified": NOW,
        },
    )
    assert "not UTF-8 text" in editor.status.value
    assert parler == before


def test_a_good_upload_replaces_the_map_and_undo_brings_it_back(parler, debate):
    editor = argmap.Editor(debate)
    editor.upload.value = (
        {
            "name": "parler.argmap.json",
            "type": "application/json",
            "size": 1,
            "content": memoryview(parler.dumps().encode()),
            "last_modified": NOW,
        },
    )
    assert editor.map == parler and "loaded parler.argmap.json" in editor.status.value
    editor.undo_button.click()
    assert [s.id for s in editor.map.statements] == ["P0", "P1", "C0", "C1", "F1"]


@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "dot", "map"])
def test_export_buttons_send_files(parler, fmt, monkeypatch):
    editor = argmap.Editor(parler)
    sent = []
    monkeypatch.setattr(
        editor.view, "send", lambda content, buffers=None: sent.append((content, buffers))
    )
    editor.downloads[fmt].click()
    ((content, (data,)),) = sent
    assert editor.status.level == "info", editor.status.value
    signature = {
        "svg": b"<?xml",
        "png": b"\x89PNG",
        "pdf": b"%PDF",
        "dot": b"digraph",
        "map": b"{\n",
    }
    assert data.startswith(signature[fmt])
    assert content["filename"].startswith("Parler_v__Amazon_Web_Services")


def test_callback_errors_are_shown_not_lost(parler, monkeypatch):
    editor = argmap.Editor(parler)
    monkeypatch.setattr(parler, "undo", lambda: 1 / 0)
    editor.undo_button.click()
    assert editor.status.value == "undo failed: ZeroDivisionError: division by zero"


def test_the_status_line_is_text_not_markup(parler):
    editor = argmap.Editor(parler)
    editor.view.selected = "P0"
    editor.add_kind.value = "reason"
    editor.add_text.value = "<img src=x onerror=alert(1)>"
    editor.add_title.value = ""
    editor.add_button.click()
    from argmap.widgets.view import STATIC

    assert (
        "textContent" in (STATIC / "status.js").read_text()
        and "innerHTML" not in (STATIC / "status.js").read_text()
    )
    assert "innerHTML" not in (STATIC / "view.js").read_text()


def test_the_form_shows_only_fields_that_fit_the_kind(parler):
    editor = argmap.Editor(parler)
    editor.add_party.value = "court"
    assert tuple(editor.add_kind.options) == ("finding", "ruling", "fact")
    editor.add_kind.value = "finding"
    assert "upholds" in editor.add_link.options
    editor.add_party.value = "aws"
    assert tuple(editor.add_kind.options) == ("position", "reason", "objection", "fact")
    assert "upholds" not in editor.add_link.options


def test_the_evaluation_summary_follows_the_map(parler):
    editor = argmap.Editor(parler)
    assert editor.evaluation.value == (
        "Evaluation — Preliminary injunction (Winter v. NRDC, 2008): DENIED · "
        "P0 AWS had no right: rejected · A0 Not about free speech: accepted"
    )
    with parler.batch("drop every verdict and attack on P0, and P0's attack on A0"):
        for origin, target in (("R", "P0"), ("A0", "P0"), ("P0", "A0")):
            parler.remove_relation(origin, target)
    # P4 (acknowledged by F2) still stands, so P0 has a standing reason
    assert "P0 AWS had no right: accepted" in editor.evaluation.value


def test_show_what_stands_is_the_views_one_control(parler):
    editor = argmap.Editor(parler)
    assert "DENIED" not in editor.view.svg
    assert not hasattr(editor, "show_status")  # no second checkbox to disagree with the View's
    editor.view.evaluate = True  # as the View's "Show what stands" does
    assert "DENIED" in editor.view.svg and editor.view.options.evaluate


def test_the_title_field_names_the_map_and_its_downloads(tmp_path, monkeypatch):
    editor = argmap.Editor(path=tmp_path / "homework.argmap.json")
    assert editor.map.title == "homework" and editor.map_title.value == "homework"
    editor.map_title.value = "  Parler v. AWS, my notes "
    assert editor.map.title == "Parler v. AWS, my notes"
    assert "label=<<B>Parler v. AWS, my notes</B>>" in editor.view.drawing("dot").decode()
    sent = []
    monkeypatch.setattr(
        editor.view, "send", lambda content, buffers=None: sent.append((content, buffers))
    )
    editor.download("dot")
    editor.download("map")
    assert [content["filename"] for content, _ in sent] == [
        "Parler_v__AWS__my_notes.dot",
        "Parler_v__AWS__my_notes.argmap.json",
    ]
    editor.undo_button.click()  # the title is one undoable change, and the field follows it
    assert editor.map.title == "homework" and editor.map_title.value == "homework"
    assert argmap.load(tmp_path / "homework.argmap.json").title == "homework"  # autosaved


def test_a_bad_title_is_refused_with_a_message(parler):
    editor = argmap.Editor(parler)
    editor.map_title.value = "bad \ud800"
    assert editor.status.level == "problem" and "cannot change the title" in editor.status.value
    assert parler.title == "Parler v. Amazon Web Services (W.D. Wash. 2021)"


def test_an_add_keeps_the_parent_selected_for_its_next_reason(debate):
    editor = argmap.Editor(debate)
    editor.view.selected = "P0"
    first = _add(editor, "pro", "reason", "The law says so.")
    second = _add(editor, "pro", "reason", "So does the contract.")
    assert editor.view.selected == "P0"
    assert editor.status.value == f"added reason {second}, which supports P0"
    assert {debate.relations[(s, "P0")].kind for s in (first, second)} == {"support"}


def test_an_objection_attacks_by_default_and_a_reason_supports(debate):
    editor = argmap.Editor(debate)
    editor.view.selected = "P1"
    editor.add_party.value = "con"
    editor.add_kind.value = "objection"
    assert editor.add_link.value == "contra: attacks the selected"
    objection = _add(editor, "con", "objection", "Notice was given.", "Notice")
    assert debate.relations[(objection, "P1")].kind == "attack"
    assert editor.status.value == f"added objection {objection}, which attacks P1"
    for kind in ("reason", "fact"):
        editor.add_kind.value = "objection"
        editor.add_kind.value = kind
        assert editor.add_link.value == "pro: supports the selected"
    editor.add_link.value = "contra: attacks the selected"  # a fact against P1, say
    editor.source_id.value, editor.source_title.value = "memo", "A memo"
    editor.source_button.click()  # a change elsewhere keeps the link the user chose
    assert editor.add_link.value == "contra: attacks the selected"


def test_the_link_tab_changes_a_links_kind_in_one_undoable_step(debate):
    editor = argmap.Editor(debate)
    editor.view.selected = "P1"
    editor.link_target.value = "P0"
    editor.link_kind.value = "attack"
    editor._tabs.children[2].children[3].children[0].click()
    assert editor.status.level == "info", editor.status.value
    assert editor.status.value == "changed the link P1 -> P0: P1 now attacks P0"
    assert debate.relations[("P1", "P0")].kind == "attack"
    editor.undo_button.click()
    assert debate.relations[("P1", "P0")].kind == "support" and not debate.can_undo


def test_the_words_agree_with_their_numbers(debate):
    editor = argmap.Editor(debate)
    editor.view.selected = "C1"
    editor.link_target.value = "P1"
    editor.link_kind.value = "attack"
    editor.link()
    assert editor.status.value == "C1 already attacks P1"
    editor.view.selected = "P0"
    f2 = _add(editor, "court", "finding", "No.", link="rejects")
    assert editor.status.value == f"added finding {f2}, which rejects P0"
    editor.view.selected = f2
    editor.delete_button.click()
    assert editor.status.value == f"deleted {f2} and its 1 link (Undo brings them back)"
    editor.view.selected = "P0"
    editor.delete_button.click()
    assert editor.status.value == "deleted P0 and its 1 link (Undo brings them back)"
    assert [label for label, _ in editor.add_party.options] == [
        "Pro side (plaintiff)",
        "Con side (defendant)",
        "The court (court)",
    ]


def _test_form(debate):
    editor = argmap.Editor(debate)
    debate.add_statement("F2", party="court", kind="finding", text="There is harm.")
    editor.test_id.value, editor.test_name.value = "t", "Injunction"
    editor.test_factor.value, editor.test_deciding.value = "Success", ("F1",)
    editor.test_button.click()
    assert editor.status.value == "added legal test Injunction", editor.status.value
    return editor


def test_the_legal_test_form_starts_each_factor_afresh(debate):
    editor = _test_form(debate)
    assert (editor.test_id.value, editor.test_name.value) == ("", "")
    assert (editor.test_factor.value, editor.test_deciding.value) == ("", ())
    editor.test_factor.value, editor.test_deciding.value = "Harm", ("F2",)
    editor.factor_button.click()
    assert editor.status.value == "added factor 'Harm' to Injunction"
    assert (editor.test_factor.value, editor.test_deciding.value) == ("", ())
    editor.test_factor.value = "Equities"
    editor.factor_button.click()
    assert [(f.name, f.deciding) for f in debate.tests["t"].factors] == [
        ("Success", ("F1",)),
        ("Harm", ("F2",)),
        ("Equities", ()),
    ]


def test_at_least_shows_only_for_that_rule(debate):
    editor = argmap.Editor(debate)
    assert editor.test_threshold.layout.display == "none"
    editor.test_rule.value = "at_least"
    assert editor.test_rule.label == "at least" and editor.test_threshold.layout.display == ""
    editor.test_rule.value = "any"
    assert editor.test_threshold.layout.display == "none"


def test_buttons_are_as_wide_as_their_words(debate):
    editor = argmap.Editor(debate)
    for button in (editor.test_button, editor.factor_button, editor.remove_factor_button):
        assert (button.layout.width, button.layout.flex) == ("auto", "0 0 auto")
    assert editor.add_link.style.button_width == "auto"


def test_a_factor_and_a_test_are_removed_from_the_form(debate):
    editor = _test_form(debate)
    editor.test_factor.value, editor.test_deciding.value = "Harm", ("F2",)
    editor.factor_button.click()
    assert editor.factor_test.value == "t"
    assert list(editor.factor_choice.options) == [("Success", "success"), ("Harm", "harm")]
    editor.factor_choice.value = "success"
    editor.remove_factor_button.click()
    assert editor.status.value == "removed factor 'Success' from Injunction (Undo brings it back)"
    assert [f.id for f in debate.tests["t"].factors] == ["harm"]
    assert list(editor.factor_choice.options) == [("Harm", "harm")]
    editor.remove_factor_button.click()
    assert editor.status.level == "problem"
    assert "Injunction needs at least one factor: remove the test instead" in editor.status.value
    editor.remove_test_button.click()
    assert editor.status.value == "removed legal test Injunction (Undo brings it back)"
    assert "t" not in debate.tests and editor.remove_factor_button.disabled
    editor.undo_button.click()
    editor.undo_button.click()
    assert [f.id for f in debate.tests["t"].factors] == ["success", "harm"]
