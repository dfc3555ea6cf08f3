"""Placeholder: the attribution engine (issue 3) replaces this module."""
from __future__ import annotations

from tui.quotes.model import Quote


def extract(text: str) -> list[Quote]:
    return []
