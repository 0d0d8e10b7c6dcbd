"""The user's path in a real browser: run the notebook, click, build, download, reload."""

from __future__ import annotations

import pytest
from defusedxml import ElementTree

from .conftest import run_all_cells, shoot, wait_for_kernel

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.graphviz]


def test_the_parler_notebook_shows_both_positions_and_the_findings(lab, page):
    page.goto(lab.notebook("parler_v_aws.ipynb", "parler"))
    page.wait_for_selector(".jp-Notebook")
    run_all_cells(page)
    diagram = page.locator(".argmap-view").first
    diagram.locator("svg g.node#statement-P0").wait_for()
    for statement_id in ("A0", "F0", "F1", "F1a", "F2", "F3", "F4", "R"):
        assert diagram.locator(f"svg g.node#statement-{statement_id}").count() == 1
    text = diagram.locator("svg").first.text_content() or ""
    assert "AWS had no right" in text and "Not about free speech" in text
    diagram.scroll_into_view_if_needed()
    shoot(page, "1-parler-diagram")


def test_click_build_download_and_reload(lab, page, tmp_path):
    page.goto(lab.notebook("build_your_own.ipynb", "build"))
    page.wait_for_selector(".jp-Notebook")
    run_all_cells(page)
    editor = page.locator(".argmap-view").first
    node = editor.locator("svg g.node#statement-PRO")
    node.wait_for()

    # 2. click a node: the editor's form fills with its text
    node.click()
    text_field = page.locator(".widget-tab textarea:visible").first
    page.wait_for_function(
        'el => el.value.includes("start at nine o\'clock")', arg=text_field.element_handle()
    )
    editor.scroll_into_view_if_needed()
    shoot(page, "2-selected-fills-the-form")

    # 3. add a reason with the editor's widgets: a new box appears
    page.get_by_role("tab", name="Add statement").click()
    page.locator(".widget-dropdown:visible select").nth(1).select_option("reason")
    page.locator(".widget-text:visible input").first.fill("Sleep")
    page.locator(".widget-tab textarea:visible").first.fill(
        "Teenagers' sleep shifts later; a later start helps them learn."
    )
    page.get_by_role("button", name="Add", exact=True).click()
    editor.locator("svg g.node#statement-P1").wait_for()
    assert "Sleep" in (editor.locator("svg g.node#statement-P1").text_content() or "")
    shoot(page, "3-a-reason-added")

    # 4. downloads: a valid SVG and a PNG
    for fmt, check in (
        ("SVG", lambda data: ElementTree.fromstring(data).tag.endswith("svg")),
        ("PNG", lambda data: data.startswith(b"\x89PNG\r\n\x1a\n")),
    ):
        with page.expect_download() as download:
            page.get_by_role("button", name=fmt, exact=True).click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.suffix == f".{fmt.lower()}" and check(saved.read_bytes())
    shoot(page, "4-downloaded")

    # 5. reload the page, restart the kernel and run again: the saved map is intact
    page.reload()
    page.wait_for_selector(".jp-Notebook")
    wait_for_kernel(page)
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name="Restart Kernel and Run All Cells…").click()
    page.locator(".jp-Dialog .jp-mod-accept").click()  # "Restart" in the confirmation
    reloaded = page.locator(".argmap-view").first
    reloaded.locator("svg g.node#statement-P1").wait_for()
    assert "Sleep" in (reloaded.locator("svg g.node#statement-P1").text_content() or "")
    assert (lab.root / "my_map.argmap.json").read_text("utf-8").count('"id": "P1"') == 1
    shoot(page, "5-reloaded-intact")


def test_notebook_7_shows_the_diagram_too(lab, page):
    page.goto(f"{lab.url}/notebooks/parler_v_aws.ipynb?token={lab.token}")
    page.wait_for_selector(".jp-Notebook")
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(state="attached")
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    diagram = page.locator(".argmap-view").first
    diagram.locator("svg g.node#statement-R").wait_for()
    diagram.scroll_into_view_if_needed()
    shoot(page, "6-notebook-7")
    assert diagram.locator("svg g.node#statement-A0").count() == 1
