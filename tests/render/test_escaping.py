"""Text is data: whatever a user types shows as that text in the diagram and injects nothing."""

from __future__ import annotations

import pytest
from defusedxml import ElementTree
from hypothesis import example, given, reject
from hypothesis import strategies as st

import argmap
from argmap.render.quoting import clean

from ..conftest import ENGINES
from ..strategies import every_field

XLINK = "{http://www.w3.org/1999/xlink}"
SNIPPETS = [
    '"]; x [label="pwned',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onload="alert(1)',
    "javascript:alert(1)",
    "\\N \\G \\L \\n \\\\ \\",
    "&amp; &lt;b&gt; &#92; &#x3C;script&#x3E;",
    "]]> <!-- --> <![CDATA[ x ]]>",
    "{ } [ ] ; = -> -- digraph",
    "Ümlaut “quote” ‘single’ 中文 😀 RTL \u202e",
]
# Any character a keyboard or a paste can bring, but the control characters XML cannot carry.
TEXT = st.one_of(
    st.sampled_from(SNIPPETS),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n"\\<>&{}'), min_size=1
    ),
).filter(lambda t: t.strip())


def _map(text: str, title: str, quote: str) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=title)
    m.add_party("p", title, role="plaintiff")
    m.add_source("s", title, url='https://example.org/a?b=1&c="2"')
    m.add_statement(
        "S1",
        party="p",
        kind="position",
        text=text,
        title=title,
        citations=[argmap.Citation("s", quote, title)],
    )
    m.add_statement("S2", party="p", kind="reason", text=quote)
    m.add_relation("S2", "S1", "support")
    return m


def _check_svg(svg: bytes, text: str) -> None:
    root = ElementTree.fromstring(svg)  # well-formed XML, or this raises
    tooltips = []
    for element in root.iter():
        assert not element.tag.lower().endswith("script"), element.tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, value)
            if local == "href":
                assert value.startswith("https://example.org/"), value
            if name == f"{XLINK}title":
                tooltips.append(value)

    # Graphviz keeps runs of spaces by writing every second one as a no-break space.
    def shown(s: str) -> str:
        return s.replace("\u00a0", " ")

    assert any(shown(clean(text)) in shown(tooltip) for tooltip in tooltips), (text, tooltips)


@pytest.mark.graphviz
@given(text=TEXT, title=TEXT, quote=TEXT)
@example(text=SNIPPETS[0], title=SNIPPETS[1], quote=SNIPPETS[5])
@example(text=SNIPPETS[6], title=SNIPPETS[2], quote=SNIPPETS[3])
def test_any_text_renders_literally_with_system_dot(text, title, quote):
    _check_svg(_map(text, title, quote).render("svg", engine="system"), text)


@pytest.mark.wasm
@given(text=TEXT, title=TEXT, quote=TEXT)
@example(text=SNIPPETS[5], title=SNIPPETS[6], quote=SNIPPETS[0])
def test_any_text_renders_literally_with_the_webassembly_engine(text, title, quote):
    try:
        svg = _map(text, title, quote).render("svg", engine="wasm")
    except argmap.RenderError as error:
        # That build traps on rare inputs (a fault of its own, also for plain text): argmap
        # must turn it into a RenderError and draw again afterwards, never unsafe SVG.
        assert "WebAssembly Graphviz crashed" in str(error)
        assert _map("after", "a", "crash").render("svg", engine="wasm").startswith(b"<?xml")
        reject()
    _check_svg(svg, text)


@pytest.mark.graphviz
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippets_show_as_label_text(snippet, engine):
    svg = _map(snippet, "T", "q").render("svg", engine=engine, width=200)
    root = ElementTree.fromstring(svg)
    shown = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert clean(snippet).strip() in shown, shown


@pytest.mark.graphviz
def test_control_characters_become_replacement_marks():
    svg = _map("bell\x07 and nul\x00 end", "T", "q").render("svg", engine="system")
    shown = [t.text for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "bell\ufffd and nul\ufffd end" in shown


@pytest.mark.graphviz
@pytest.mark.parametrize("text", ["]", "]]", "[", "[]", "x]"])
def test_brackets_alone(text):
    """A label of just "]" once broke Graphviz's HTML parser (found by Hypothesis in CI)."""
    svg = _map(text, "T", text).render("svg", engine="system")
    shown = [t.text for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert text in shown


# Control characters XML 1.0 forbids, as Word, terminals and PDFs paste them: vertical tab
# (Word's manual line break), form feed (page break), escape (colour codes), delete, NUL.
CONTROLS = ["\x0b", "\x0c", "\x1b", "\x7f", "\x00", "\x08", "\x1f"]


_FORBIDDEN_IN_XML = {chr(n) for n in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


@pytest.mark.parametrize("c", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize("html", [True, False])
def test_no_control_character_reaches_the_dot_text(c, html):
    text = every_field(c).to_dot(evaluate=True, legend=True, title=True, html_labels=html)
    assert not _FORBIDDEN_IN_XML & set(text)
    assert "text\ufffdx" in text and "test\ufffdx" in text  # shown as a mark, not dropped


@pytest.mark.graphviz
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("c", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_no_control_character_reaches_the_svg(c, engine):
    svg = every_field(c).render("svg", engine=engine, evaluate=True, legend=True, title=True)
    ElementTree.fromstring(svg)  # well-formed XML 1.0, or this raises
    assert not _FORBIDDEN_IN_XML & set(svg.decode("utf-8"))


@pytest.mark.parametrize("c", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_no_control_character_reaches_the_notebook_output(c):
    bundle = every_field(c)._repr_mimebundle_()
    ElementTree.fromstring(bundle["image/svg+xml"].encode("utf-8"))
    assert not _FORBIDDEN_IN_XML & set(bundle["image/svg+xml"])
