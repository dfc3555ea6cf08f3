"""What the engine returns."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """A place in the text that names (or refers to) a speaker: `Bayramov`, `he`, `the minister`."""

    text: str
    start: int
    end: int


@dataclass
class Quote:
    """One quote; `text == article_text[start:end]`."""

    text: str
    start: int
    end: int
    speaker: str  # canonical name, or the unnamed source as described, lower case
    type: str  # "direct" | "indirect" | "mixed"
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
