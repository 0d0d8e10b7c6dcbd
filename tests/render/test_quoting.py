"""Wrapping a statement's text into a box: lines fit, nothing is lost unless it says so."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.render.quoting import clean, wrap

WORDS = st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1),
    min_size=1,
    max_size=12,
)


@given(words=WORDS, width=st.integers(8, 40), max_lines=st.one_of(st.none(), st.integers(1, 4)))
@example(words=["abcdefgh", "ijkl"], width=8, max_lines=1)  # a full first line, then cut
@example(words=["a" * 30], width=8, max_lines=2)  # a word longer than a line
def test_lines_fit_the_width_and_a_cut_is_marked(words, width, max_lines):
    text = " ".join(words)
    lines = wrap(text, width, max_lines)
    assert all(len(line) <= width for line in lines), lines
    assert max_lines is None or len(lines) <= max_lines
    whole = wrap(text, width)
    if max_lines is not None and len(whole) > max_lines:
        assert lines[-1].endswith("…") and lines[:-1] == whole[: max_lines - 1]
    else:
        assert lines == whole
        assert "".join(lines).replace(" ", "") == clean(text).replace(" ", "")


def test_words_are_not_broken_at_their_hyphens():
    # Only a word longer than a line is split, and then at the width, not at a hyphen.
    assert wrap("anti-inflammatory medicine", 12) == ["anti-inflamm", "atory", "medicine"]
    assert wrap("well-known facts", 12) == ["well-known", "facts"]


def test_a_cut_line_is_shortened_to_make_room_for_the_mark():
    assert wrap("abcdefgh ijkl", 8, max_lines=1) == ["abcdefg…"]
    assert wrap("abc defgh ijkl", 9, max_lines=1) == ["abc defg…"]
    assert wrap("abcdef g hij", 8, max_lines=1) == ["abcdef…"]  # no space before the mark
