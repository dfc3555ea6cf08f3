"""Speaker colours: stable per name, distinct within an article, readable on dark and light themes."""
from __future__ import annotations

import zlib
from typing import Iterable

from textual.color import Color
from textual.style import Style

# Mid-luminance hues: enough contrast as text on dark and light backgrounds,
# and as a faint background tint under normal text on either.
PALETTE = (
    "#e8590c",  # orange
    "#1c7ed6",  # blue
    "#2f9e44",  # green
    "#ae3ec9",  # purple
    "#0c8599",  # teal
    "#d6336c",  # pink
    "#a07c00",  # ochre
    "#5c7cfa",  # indigo
    "#c92a2a",  # red
    "#66a80f",  # lime
    "#7048e8",  # violet
    "#1098ad",  # cyan
)


def speaker_slot(name: str) -> int:
    """The palette slot a speaker's name hashes to (stable across runs)."""
    return zlib.crc32(name.casefold().encode("utf-8", "surrogatepass")) % len(PALETTE)


def assign_slots(names: Iterable[str]) -> dict[str, int]:
    """Palette slots for the speakers of one article.

    Each speaker gets its hashed slot unless an earlier speaker (in the order
    given, e.g. most quoted first) took it; then the next free slot.
    """
    slots: dict[str, int] = {}
    taken: set[int] = set()
    for name in names:
        if name in slots:
            continue
        slot = speaker_slot(name)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
        slots[name] = slot
        taken.add(slot)
    return slots


def luminance(c: Color) -> float:
    """WCAG relative luminance."""

    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


MIN_CONTRAST = 4.5


def readable(color: Color, background: Color, dark: bool) -> Color:
    """`color`, lightened (dark theme) or darkened (light theme) until it reads on `background`."""
    for _ in range(20):
        if contrast(color, background) >= MIN_CONTRAST:
            break
        color = color.lighten(0.04) if dark else color.darken(0.04)
    return color


def tint(background: Color, color: Color, text: Color, strength: float, weakest: float) -> Color:
    """`color` blended into `background`, as strongly as `text` on it stays readable."""
    while True:
        tinted = background.blend(color, strength)
        if strength <= weakest or contrast(text, tinted) >= MIN_CONTRAST:
            return tinted
        strength = max(weakest, strength - 0.05)


class SpeakerStyles:
    """The styles of one speaker's colour on the current theme."""

    def __init__(self, slot: int, background: Color, foreground: Color, dark: bool):
        base = Color.parse(PALETTE[slot])
        self.color = readable(base, background, dark)
        # Quote span: a tint of the colour over the page, text in the page's colour.
        self.quote = Style(background=tint(background, base, foreground, 0.28, 0.12), foreground=foreground)
        # The current quote: a stronger tint, bold.
        self.current = Style(background=tint(background, base, foreground, 0.55, 0.2), foreground=foreground, bold=True)
        # A mention the quote was attributed through: bold, underlined, in the colour.
        self.mention = Style(foreground=self.color, bold=True, underline=True)
        # Legend chip / sidebar speaker name.
        self.name = Style(foreground=self.color, bold=True)
        self.chip = Style(background=base, foreground=Color(255, 255, 255))


def over(widget, component: str, base: Style | None = None) -> Style:
    """A component class's style as solid colours over `base` (default: the widget's own style).

    A partial component style may carry translucent colours ($text-muted is
    one); rendered as they are they would ignore the background under them.
    """
    partial = widget.get_visual_style(component, partial=True)
    base = base or widget.get_visual_style()
    under = base.background if base.background is not None and base.background.a > 0 else Color(0, 0, 0)
    fg = partial.foreground
    if fg is not None and fg.a < 1:
        fg = (under + fg).with_alpha(1.0)
    bg = partial.background
    if bg is not None and bg.a < 1:
        bg = (under + bg).with_alpha(1.0) if bg.a > 0 else None
    return Style(
        background=bg,
        foreground=fg,
        bold=partial.bold,
        dim=partial.dim,
        italic=partial.italic,
        underline=partial.underline,
        reverse=partial.reverse,
        strike=partial.strike,
    )
