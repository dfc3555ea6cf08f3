"""Unit tests for the app's parts: speaker colours (stable, distinct, readable on every built-in theme) and the fallback search."""
from __future__ import annotations

from hypothesis import given, strategies as st
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.app.colors import MIN_CONTRAST, PALETTE, SpeakerStyles, assign_slots, contrast, speaker_slot


def test_slot_is_stable_and_case_blind():
    assert speaker_slot("Jeyhun Bayramov") == speaker_slot("Jeyhun Bayramov")
    assert speaker_slot("Sergey Lavrov") == speaker_slot("sergey lavrov")


@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=len(PALETTE), unique=True))
def test_speakers_of_one_article_get_distinct_colours(names):
    slots = assign_slots(names)
    assert len(set(slots.values())) == len(names)
    # The first speaker always gets its own hashed colour.
    assert slots[names[0]] == speaker_slot(names[0])


def test_more_speakers_than_colours_still_get_one():
    names = [f"Speaker {i}" for i in range(3 * len(PALETTE))]
    slots = assign_slots(names)
    assert set(slots) == set(names)
    assert all(0 <= s < len(PALETTE) for s in slots.values())


def test_colours_are_readable_on_every_builtin_theme():
    for name, theme in BUILTIN_THEMES.items():
        if "ansi" in name:
            continue  # terminal's own colours: unknown
        background = Color.parse(theme.surface or theme.background or ("#000" if theme.dark else "#fff"))
        foreground = Color.parse(theme.foreground or ("#e0e0e0" if theme.dark else "#000"))
        for slot in range(len(PALETTE)):
            s = SpeakerStyles(slot, background, foreground, theme.dark)
            assert contrast(s.color, background) >= MIN_CONTRAST - 0.3, (name, PALETTE[slot])
            assert contrast(foreground, s.quote.background) >= 3.0, (name, PALETTE[slot])
            assert contrast(foreground, s.current.background) >= 3.0, (name, PALETTE[slot])
