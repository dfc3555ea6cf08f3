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
    rule: str = ""  # the rule that found the quote, e.g. "direct: quote, then X said"
    how: str = ""  # how the speaker was reached: the mention and the chain back to the name


def explanation(speaker: str, type: str, cue: str, rule: str, how: str) -> str:
    """A quote's record in words: what it is, the rule that found it, how its speaker was reached."""
    if not rule:
        return f"{type} quote by {speaker}: imported before quotes explained themselves (re-import to see why)"
    lines = [f"{type} quote, cue {cue!r}" if cue else f"{type} quote", f"found by: {rule}",
             f"speaker: {speaker or '(none)'}"]
    if how:
        lines.append(f"how: {how}")
    return "\n".join(lines)
