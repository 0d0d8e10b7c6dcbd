"""Reading a map in the browser: the opening scale, search, fold, options, overview, glide."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from .conftest import run_all_cells, shoot

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.graphviz]

GENERATE = Path(__file__).parent.parent.parent / "benchmarks" / "generate.py"
NOTEBOOK = "view_navigation.ipynb"
# JupyterLab's side bar is collapsed (Ctrl+B), so the notebook's output area is about
# 1,000 px wide, the width DESIGN.md draws for.
VIEWPORT = {"width": 1160, "height": 1000}
CELLS = [
    "import argmap\nfrom generate import generate\n\n"
    'parler = argmap.View(argmap.example("parler-v-aws"))\nparler',
    "big = argmap.View(generate(150, seed=150))\nbig",
]


@pytest.fixture
def notebook(lab) -> str:
    """A notebook showing the Parler map and a generated 150-statement map, in the lab's root."""
    shutil.copy(GENERATE, lab.root / "generate.py")
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
    nbformat.write(book, lab.root / NOTEBOOK)
    return NOTEBOOK


@pytest.fixture
def tab(browser, request) -> Iterator[object]:
    """A browser tab whose notebook area is about 1,000 px wide."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        shoot(page, f"failed-{request.node.name}")
    context.close()


def _open(lab, tab, notebook: str, workspace: str):
    tab.goto(lab.notebook(notebook, workspace))
    tab.wait_for_selector(".jp-Notebook")
    tab.keyboard.press("Control+b")  # collapse the side bar, as a reader with a laptop would
    run_all_cells(tab)
    views = tab.locator(".argmap-view")
    for n in (0, 1):  # drawn, or else saying why not
        views.nth(n).locator("svg g.node, .argmap-status-shown").first.wait_for(state="attached")
        assert not views.nth(n).locator(".argmap-status").text_content()
    return views.nth(0), views.nth(1)


def _inside(inner, outer) -> bool:
    a, b = inner.bounding_box(), outer.bounding_box()
    return (
        a is not None
        and b is not None
        and a["x"] >= b["x"] - 1
        and a["y"] >= b["y"] - 1
        and a["x"] + a["width"] <= b["x"] + b["width"] + 1
        and a["y"] + a["height"] <= b["y"] + b["height"] + 1
    )


def _top(view) -> None:
    view.evaluate("el => el.scrollIntoView({block: 'start'})")


def _point_at(view, x: float | None = None, y: float | None = None) -> dict[str, float]:
    """The point of the drawing (px at 1:1) at (x, y) of the visible stage, or its middle."""
    return view.evaluate(
        """(el, [x, y]) => {
          const stage = el.querySelector('.argmap-stage');
          const canvas = el.querySelector('.argmap-canvas');
          const scale = Number(el.dataset.scale);
          x = x === null ? stage.clientWidth / 2 : x;
          y = y === null ? stage.clientHeight / 2 : y;
          return {
            x: (stage.scrollLeft + x - canvas.offsetLeft) / scale,
            y: (stage.scrollTop + y - canvas.offsetTop) / scale,
          };
        }""",
        [x, y],
    )


def _near(a: dict[str, float], b: dict[str, float]) -> bool:
    return abs(a["x"] - b["x"]) < 2 and abs(a["y"] - b["y"]) < 2


def test_a_map_opens_readable_and_is_navigated(lab, tab, notebook):
    parler, big = _open(lab, tab, notebook, "navigation")
    width = parler.bounding_box()["width"]
    assert 900 <= width <= 1100, f"the notebook area is {width} px wide, not about 1,000"

    # A. never below 60 %: fitted to the width, or 1:1 with scroll bars and an overview
    for view in (parler, big):
        assert float(view.get_attribute("data-scale")) >= 0.6
    _top(parler)
    shoot(tab, "view-1-parler-default")

    # search: F1a is selected and brought into the stage
    search = parler.locator(".argmap-search")
    search.press_sequentially("f1a")  # typed: JupyterLab's shortcuts (A: a new cell) stay out
    search.press("Enter")
    node = parler.locator("svg g.node#statement-F1a")
    tab.wait_for_function("n => n.classList.contains('argmap-selected')", arg=node.element_handle())
    assert _inside(node, parler.locator(".argmap-stage"))
    assert parler.locator(".argmap-found").text_content().startswith("F1a: 1 of")
    search.fill("no such words anywhere")
    search.press("Enter")
    assert parler.locator(".argmap-found").text_content() == "no match"

    # fold P0 with the toolbar's button: its reasons go, the box says how many
    search.fill("P0")
    search.press("Enter")
    fold = parler.locator(".argmap-fold")
    tab.wait_for_function("b => !b.disabled", arg=fold.element_handle())
    fold.click()
    parler.locator("svg g.node#statement-P1").wait_for(state="detached")
    assert "6 more statements folded away" in parler.locator("svg").first.text_content()
    assert fold.text_content() == "Unfold"
    # a folded statement is still found: searching unfolds it
    search.fill("P1a")
    search.press("Enter")
    parler.locator("svg g.node#statement-P1a").wait_for()
    # double-click folds and unfolds too
    parler.locator("svg g.node#statement-P1 polygon, svg g.node#statement-P1 path").first.dblclick()
    parler.locator("svg g.node#statement-P1a").wait_for(state="detached")
    parler.locator("svg g.node#statement-P1 polygon, svg g.node#statement-P1 path").first.dblclick()
    parler.locator("svg g.node#statement-P1a").wait_for()

    # C. the legend and the statuses from the toolbar; B. the boxes glide to their new places
    _count_animations(tab)
    parler.get_by_label("Legend").check()
    parler.locator("svg g#legend").wait_for()
    parler.get_by_label("Show what stands").check()
    tab.wait_for_function(
        "el => (el.querySelector('svg') || {}).textContent?.includes('DENIED')",
        arg=parler.element_handle(),
    )
    assert tab.evaluate("window.argmapGlides") > 0
    parler.locator(".argmap-search").fill("")
    parler.locator(".argmap-canvas svg").click(position={"x": 3, "y": 3})  # clears the selection
    tab.wait_for_function("el => !el.querySelector('svg.argmap-dim')", arg=parler.element_handle())
    tab.wait_for_timeout(400)  # let the boxes arrive before the picture is taken
    _top(parler)
    shoot(tab, "view-2a-parler-statuses-legend")
    parler.locator("svg g#legend").scroll_into_view_if_needed()
    shoot(tab, "view-2b-parler-statuses-legend-key")

    # the large map: an overview whose window follows the scroll, zoom keeps the centre
    overview = big.locator(".argmap-overview")
    assert overview.is_visible()
    _top(big)
    shoot(tab, "view-3-generated-150")
    before = _point_at(big)
    big.get_by_role("button", name="+", exact=True).click()
    assert float(big.get_attribute("data-scale")) == pytest.approx(1.25)
    assert _near(_point_at(big), before)  # the buttons zoom around the middle
    stage = big.locator(".argmap-stage").bounding_box()
    x, y = 300, 200  # Ctrl + wheel zooms around the pointer
    before = _point_at(big, x, y)
    tab.mouse.move(stage["x"] + x, stage["y"] + y)
    tab.keyboard.down("Control")
    tab.mouse.wheel(0, 100)
    tab.keyboard.up("Control")
    tab.wait_for_function("el => Number(el.dataset.scale) < 1.2", arg=big.element_handle())
    assert _near(_point_at(big, x, y), before)
    box = overview.bounding_box()
    window_before = big.locator(".argmap-overview-window").bounding_box()
    tab.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
    tab.wait_for_function(  # the stage scrolls to the bottom right, the window follows
        "([w, x]) => w.getBoundingClientRect().x > x",
        arg=[big.locator(".argmap-overview-window").element_handle(), window_before["x"]],
    )
    window_after = big.locator(".argmap-overview-window").bounding_box()
    assert window_after["y"] > window_before["y"]
    far = "s => s.scrollLeft > 0.9 * (s.scrollWidth - s.clientWidth) && s.scrollTop > 0"
    assert big.locator(".argmap-stage").evaluate(far)


def test_reduced_motion_means_no_glide(lab, tab, notebook):
    tab.emulate_media(reduced_motion="reduce")
    parler, _ = _open(lab, tab, notebook, "still")
    _count_animations(tab)
    shape = "el => el.querySelector('.argmap-canvas svg').getAttribute('viewBox')"
    before = parler.evaluate(shape)
    parler.locator(".argmap-direction select").select_option("LR")
    tab.wait_for_function(
        f"([el, before]) => ({shape})(el) !== before", arg=[parler.element_handle(), before]
    )
    assert tab.evaluate("window.argmapGlides") == 0


def _count_animations(tab) -> None:
    """Count the page's Web Animations (the glides) in window.argmapGlides from now on."""
    tab.evaluate(
        """() => {
          window.argmapGlides = 0;
          const animate = Element.prototype.animate;
          Element.prototype.animate = function (...args) {
            window.argmapGlides += 1;
            return animate.apply(this, args);
          };
        }"""
    )
