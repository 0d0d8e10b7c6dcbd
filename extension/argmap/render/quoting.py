"""Quote user text for DOT: HTML-like labels and escString attributes (tooltip, URL).

Text is data: after these functions, nothing a user types can end a DOT string, add an
attribute, inject markup, or be expanded by Graphviz (``\\N``, ``\\G``, entities).
"""

from __future__ import annotations

import re
import textwrap

__all__ = ["clean", "esc_string", "html_text", "quote_id", "wrap"]

# Characters XML 1.0 forbids (and Graphviz's HTML parser rejects): C0 controls but tab and
# newline, lone surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Replace characters that cannot stand in SVG with U+FFFD; tabs and CR become spaces.

    >>> clean("a\\x00b\\tc\\r\\nd")
    'a\\ufffdb c\\nd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _FORBIDDEN.sub("\ufffd", text)


def html_text(text: str) -> str:
    r"""Escape text for the inside of an HTML-like label (one line; no newlines).

    Graphviz decodes entities and then expands escapes such as ``\N``, so a backslash is
    doubled after the markup characters are escaped.

    >>> html_text('<b>"Tom" & \\N</b>')
    '&lt;b&gt;&quot;Tom&quot; &amp; \\\\N&lt;/b&gt;'
    """
    text = clean(text).replace("\n", " ")
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")):
        text = text.replace(char, entity)
    return text.replace("\\", "\\\\")


def esc_string(text: str) -> str:
    r"""Quote text as a DOT string for an escString attribute (tooltip, URL), quotes included.

    Graphviz expands backslash escapes twice in these attributes, so a backslash becomes
    four; ``&`` becomes ``&amp;`` because Graphviz passes entities through to SVG.

    >>> print(esc_string('say "hi" \\N & go\nnow'))
    "say \"hi\" \\\\N &amp; go\nnow"
    """
    text = clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\")
    return '"' + text.replace('"', '\\"').replace("\n", "\\n") + '"'


def quote_id(identifier: str) -> str:
    """Quote an id (already restricted to safe characters by the model) as a DOT id.

    >>> quote_id("F1a")
    '"F1a"'
    """
    return '"' + identifier.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """Break text into lines of at most ``width`` characters; cut with '…' past ``max_lines``.

    Paragraph breaks in the text are kept; words longer than a line are split.

    >>> wrap("The likelihood of Parler prevailing on its claims is not a close call.", 24)
    ['The likelihood of Parler', 'prevailing on its claims', 'is not a close call.']
    >>> wrap("one two three four", 8, max_lines=1)
    ['one two…']
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(
            textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    while lines and not lines[-1]:
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return lines
