"""JupyterLab's argmap extension in a real browser: the document, the launcher, outputs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import nbformat
import pytest

import argmap
from argmap._map import MIME_TYPE
from argmap.widgets.view import FALLBACK_MIME

from ..conftest import DATA, EXAMPLE
from .conftest import run_all_cells, shoot

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.graphviz]

MAP = "parler_v_aws.argmap.json"


def _lab(lab, workspace: str, path: str = "") -> str:
    tree = f"/tree/{path}" if path else ""
    return f"{lab.url}/lab/workspaces/{workspace}{tree}?token={lab.token}&reset"


def _document(page):
    return page.locator(".argmap-document").first


def test_double_click_opens_the_diagram_and_a_box_its_statement(lab, page):
    shutil.copy(EXAMPLE, lab.root / MAP)
    page.goto(_lab(lab, "open"))
    item = page.locator(f'.jp-DirListing-item[data-file-type="argmap"]:has-text("{MAP}")')
    item.wait_for()
    assert item.locator('[data-icon="jupyter-argmap:map"]').count() == 1  # its own icon
    item.dblclick()
    document = _document(page)
    document.locator("svg g.node#statement-P0").wait_for()
    for statement_id in ("A0", "F0", "F1a", "R"):
        assert document.locator(f"svg g.node#statement-{statement_id}").count() == 1
    assert page.locator(".jp-mod-current .lm-TabBar-tabLabel").first.text_content() == MAP

    document.locator("svg g.node#statement-A0").click()
    side = document.locator(".argmap-side")
    side.locator(".argmap-side-title").get_by_text("Not about free speech").wait_for()
    assert "F0 upholds it" in (side.locator(".argmap-side-court").text_content() or "")
    assert "Hier ging es nicht um Redefreiheit" in (side.text_content() or "")
    document.locator("svg g.node#statement-F0").click()  # the court's order has a link
    source = side.locator(".argmap-side-citations a").first
    assert (source.get_attribute("href") or "").startswith("https://law.justia.com/")
    shoot(page, "document-1-opened-and-selected")

    # "Open With > Editor" still shows the JSON text
    item.click(button="right")
    page.locator(".lm-Menu-item", has_text="Open With").hover()
    labels = page.locator(".lm-Menu-itemLabel")
    labels.get_by_text("Editor", exact=True).wait_for()
    assert labels.get_by_text("Argument map", exact=True).count() == 1
    labels.get_by_text("Editor", exact=True).click()
    page.locator(".jp-FileEditor .cm-content").get_by_text('"argmap": 1').wait_for()


def test_an_edit_is_saved_with_ctrl_s_and_shown_after_a_reload(lab, page):
    shutil.copy(EXAMPLE, lab.root / "edit.argmap.json")
    page.goto(_lab(lab, "edit", "edit.argmap.json"))
    document = _document(page)
    document.locator("svg g.node#statement-P0").click()
    form = document.locator(".argmap-side-edit")
    form.get_by_label("Title", exact=True).fill("Amazon had no right <at all>")
    form.get_by_role("button", name="Apply").click()
    document.locator("svg g.node#statement-P0").get_by_text(
        "Amazon had no right <at all>"
    ).wait_for()
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current")
    page.wait_for_function(
        "tab => tab.classList.contains('jp-mod-dirty')", arg=tab.element_handle()
    )

    # a change that breaks the map is refused, named, and leaves the text as it was
    form.get_by_label("Kind", exact=True).select_option("finding")
    form.get_by_role("button", name="Apply").click()
    refused = document.locator(".argmap-side .argmap-problems")
    refused.wait_for()
    assert "The map was not changed" in (refused.text_content() or "")
    assert "only the court states a finding" in (refused.text_content() or "")
    form.get_by_label("Kind", exact=True).select_option("position")

    # a reason for it, from the side panel
    add = document.locator(".argmap-side-add")
    add.get_by_label("New title").fill("No warning")
    add.get_by_label("New text").fill("AWS gave Parler no time to move.")
    add.get_by_role("button", name="Add").click()
    added = document.locator("svg g.node").get_by_text("No warning")
    added.wait_for()

    # Undo takes it away, Redo brings it back: the document's own history
    page.locator(".jp-Toolbar-item", has_text="Undo").click()
    added.wait_for(state="detached")
    page.locator(".jp-Toolbar-item", has_text="Redo").click()
    added.wait_for()

    page.keyboard.press("Control+s")
    page.wait_for_function(
        "tab => !tab.classList.contains('jp-mod-dirty')", arg=tab.element_handle()
    )
    saved = argmap.load(lab.root / "edit.argmap.json")
    assert saved.statements["P0"].title == "Amazon had no right <at all>"
    assert saved.statements["P0"].kind == "position"  # the refused change left no trace
    added = [s for s in saved.statements if s.title == "No warning"]
    assert len(added) == 1 and any(
        r.origin == added[0].id and r.target == "P0" and r.kind == "support"
        for r in saved.relations
    )
    shoot(page, "document-2-edited-and-saved")

    page.reload()
    reloaded = _document(page)
    reloaded.locator("svg g.node#statement-P0").get_by_text(
        "Amazon had no right <at all>"
    ).wait_for()


def test_the_launcher_creates_a_two_party_map(lab, page):
    page.goto(_lab(lab, "launch"))
    page.locator(".jp-LauncherCard", has_text="Argument map").click()
    document = _document(page)
    document.locator("svg g.node#statement-P0").wait_for()
    assert document.locator("svg g.node#statement-C0").count() == 1
    made = sorted(lab.root.glob("untitled*.argmap.json"))
    assert made, "no untitled.argmap.json"
    themap = argmap.load(made[-1])
    assert len([p for p in themap.parties if p.role in ("plaintiff", "defendant")]) == 2
    shoot(page, "document-3-from-the-launcher")


def test_outputs_show_the_map_and_hide_the_static_copy(lab, page):
    """A saved notebook, no kernel: the map's own type is drawn; a View's copy is hidden."""
    parler = argmap.example("parler-v-aws")
    bundle = parler._repr_mimebundle_()
    book = nbformat.v4.new_notebook()
    book.cells = [
        nbformat.v4.new_code_cell(
            "m",
            outputs=[nbformat.v4.new_output("display_data", data=bundle)],
        ),
        nbformat.v4.new_code_cell(
            "argmap.View(m)",
            outputs=[
                nbformat.v4.new_output(
                    "display_data",
                    data={FALLBACK_MIME: {}, "image/svg+xml": bundle["image/svg+xml"]},
                )
            ],
        ),
    ]
    nbformat.write(book, lab.root / "outputs.ipynb")
    page.goto(_lab(lab, "outputs", "outputs.ipynb"))
    output = page.locator(".argmap-output").first
    output.locator("svg g.node#statement-P0").wait_for()
    output.locator("svg g.node#statement-P1").click()
    page.wait_for_function(
        "el => el.querySelector('.argmap-selected')", arg=output.element_handle()
    )
    copy = page.locator(".argmap-fallback")
    assert copy.count() == 1 and not copy.is_visible()
    assert MIME_TYPE in json.dumps(bundle)
    shoot(page, "document-4-outputs")


def test_an_exported_page_shows_the_diagrams_offline(tmp_path, browser):
    """nbconvert --execute --to html, opened with every request to the network refused."""
    book = nbformat.v4.new_notebook()
    book.cells = [
        nbformat.v4.new_code_cell(source)
        for source in (
            "import argmap\nm = argmap.example()\nm",
            "argmap.View(m)",
            "argmap.Editor(m)",
        )
    ]
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(book, tmp_path / "page.ipynb")
    subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute", "page.ipynb"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=600,
    )
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    refused = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route("http*://**/*", refuse)
    page = context.new_page()
    page.goto((tmp_path / "page.html").as_uri())
    images = page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml"]')
    assert images.count() == 3
    for index in range(3):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 500")
    assert refused, "the page asked for nothing from the network: the test proves less"
    shoot(page, "document-5-exported-offline")
    context.close()


def test_an_invalid_map_shows_its_problems_in_the_document(lab, page):
    shutil.copy(DATA / "bad" / "dangling.argmap.json", lab.root / "broken.argmap.json")
    page.goto(_lab(lab, "broken", "broken.argmap.json"))
    problems = _document(page).locator(".argmap-problems")
    problems.wait_for()
    text = problems.text_content() or ""
    assert "broken.argmap.json is not a valid argument map" in text
    assert "unknown party: 'x'" in text and "cannot link a statement to itself" in text
    shoot(page, "document-6-problems")


def test_notebook_7_opens_the_document_too(lab, page):
    shutil.copy(EXAMPLE, lab.root / "nb7.argmap.json")
    page.goto(f"{lab.url}/tree?token={lab.token}")
    item = page.locator('.jp-DirListing-item[data-file-type="argmap"]:has-text("nb7.argmap.json")')
    with page.context.expect_page() as opened:
        item.dblclick()
    document = _document(opened.value)
    document.locator("svg g.node#statement-P0").wait_for()
    assert "/edit/nb7.argmap.json" in opened.value.url
    shoot(opened.value, "document-7-notebook-7")


def test_saving_over_a_change_on_disk_asks_first(lab, page):
    """The document saves through JupyterLab's context: another program's write is noticed,
    and taking the version on disk (revert) draws it."""
    path = lab.root / "both.argmap.json"
    shutil.copy(EXAMPLE, path)
    page.goto(_lab(lab, "both", path.name))
    document = _document(page)
    document.locator("svg g.node#statement-A0").click()
    time.sleep(1.1)  # a later modification time than the one the document opened with
    other = argmap.load(path)
    other.update(title="Written by the command line")
    other.save(path)
    form = document.locator(".argmap-side-edit")
    form.get_by_label("Title", exact=True).fill("Edited in the browser")
    form.get_by_role("button", name="Apply").click()
    document.locator("svg g.node#statement-A0").get_by_text("Edited in the browser").wait_for()
    page.keyboard.press("Control+s")
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("File Changed").wait_for()
    shoot(page, "document-8-changed-on-disk")
    dialog.get_by_role("button", name="Revert").click()  # take the version on disk
    document.locator("svg").get_by_text("Written by the command line").first.wait_for()
    assert document.locator("svg").get_by_text("Edited in the browser").count() == 0
    assert argmap.load(path).title == "Written by the command line"  # nothing overwritten


def test_a_saved_notebook_keeps_the_views_drawing_up_to_date(lab, page):
    """The static copy beside a View follows changes made from the browser (a button here),
    so the saved notebook shows the map as it was last drawn, where widgets do not run."""
    book = nbformat.v4.new_notebook()
    book.cells = [
        nbformat.v4.new_code_cell(source)
        for source in (
            "import argmap, ipywidgets\nm = argmap.example()\nargmap.View(m)",
            "button = ipywidgets.Button(description='Add Z9')\n"
            "button.on_click(lambda _: m.add_statement("
            "'Z9', party='parler', kind='reason', text='Late.'))\nbutton",
        )
    ]
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
    nbformat.write(book, lab.root / "copy.ipynb")
    page.goto(lab.notebook("copy.ipynb", "copy"))
    run_all_cells(page)
    page.get_by_role("button", name="Add Z9").click()
    page.locator(".argmap-view svg g.node#statement-Z9").wait_for()
    assert not page.locator(".argmap-fallback").first.is_visible()
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 60
    while True:
        saved = nbformat.read(lab.root / "copy.ipynb", as_version=4)
        copies = [o for o in saved.cells[0].outputs if FALLBACK_MIME in o.get("data", {})]
        if copies and "statement&#45;Z9" in copies[0]["data"]["image/svg+xml"]:
            break
        assert time.monotonic() < deadline, "the saved copy never showed Z9"
        time.sleep(0.5)  # polling for JupyterLab's save, not a fixed wait
