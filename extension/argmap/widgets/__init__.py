"""Notebook widgets: the live diagram (View) and the map editor (Editor)."""

from .editor import Editor, StatusLine
from .view import View

__all__ = ["Editor", "StatusLine", "View"]
