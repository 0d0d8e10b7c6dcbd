"""Quote user text for DOT: HTML-like labels and escString attributes (tooltip, URL).

Text is data: after these functions, nothing a user types can end a DOT string, add an
attribute, inject markup, or be expanded by Graphviz (``\\N``, ``\\G``, entities).
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache
from urllib.parse import quote

__all__ = ["clean", "esc_string", "html_text", "plain_label", "quote_id", "safe_url", "wrap"]

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


# The escaping functions are pure and called for every line of every box at every redraw;
# an edit changes one box, so the rest is remembered (bounded caches, a few MB at most).
@lru_cache(maxsize=32768)
def html_text(text: str) -> str:
    r"""Escape text for the inside of an HTML-like label (one line; no newlines).

    Graphviz decodes entities and then expands escapes such as ``\N``, so a backslash is
    doubled after the markup characters are escaped.

    >>> html_text('<b>"Tom" & \\N</b>')
    '&lt;b&gt;&quot;Tom&quot; &amp; \\\\N&lt;/b&gt;'
    """
    text = clean(text).replace("\n", " ")
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#39;"),
        # A text of just "]" trips Graphviz's HTML lexer (2.43): brackets go as entities.
        ("[", "&#91;"),
        ("]", "&#93;"),
    ):
        text = text.replace(char, entity)
    return text.replace("\\", "\\\\")


@lru_cache(maxsize=16384)
def esc_string(text: str) -> str:
    r"""Quote text as a DOT string for an escString attribute (tooltip, URL), quotes included.

    Graphviz expands backslash escapes twice in these attributes, so a backslash becomes
    four; ``&`` becomes ``&amp;`` because Graphviz passes entities through to SVG.

    >>> print(esc_string('say "hi" \\N & go\nnow'))
    "say \"hi\" \\\\N &amp; go\nnow"
    """
    text = clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\")
    return '"' + text.replace('"', '\\"').replace("\n", "\\n") + '"'


def plain_label(lines: list[str], align: str = "l") -> str:
    r"""Quote lines as a plain (not HTML-like) DOT label, aligned left, centre or right.

    For Graphviz builds without HTML-like labels (the WebAssembly one). Labels are expanded
    once, so a backslash is doubled; ``&`` becomes ``&amp;`` as in escString attributes.

    >>> print(plain_label(['say "hi"', 'a\\b & c']))
    "say \"hi\"\la\\b &amp; c\l"
    """
    escaped = (
        clean(line)
        .replace("\n", " ")
        .replace("&", "&amp;")
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        for line in lines
    )
    end = {"l": "\\l", "c": "\\n", "r": "\\r"}[align]
    return '"' + "".join(line + end for line in escaped) + '"'


def safe_url(url: str) -> str:
    """Percent-encode what may not stand in a link as Graphviz writes it (quotes, brackets).

    The model admits http and https links only; this keeps them from breaking the SVG.

    >>> safe_url('https://example.org/a b?q="x"&r=<1>#ü')
    'https://example.org/a%20b?q=%22x%22&r=%3C1%3E#%C3%BC'
    """
    return quote(clean(url), safe=":/?#[]@!$&'()*+,;=%~")


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
    return list(_wrapped(text, width, max_lines))


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: int, max_lines: int | None) -> tuple[str, ...]:
    # Every redraw wraps every box's text again, and textwrap is most of the time it takes
    # to write the DOT text of a large map; an edit changes one box, so remember the rest.
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
    return tuple(lines)
