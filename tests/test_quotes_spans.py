"""Which quotes exist and where they start and end: each test is one construction of English news,
written with invented names and events, asserting the quote texts and kinds extract() returns."""
from __future__ import annotations

import pytest

from tui.quotes import extract


def found(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.type) for q in extract(text)]


# --- a reporting verb with a plain object reports nothing ---------------------

@pytest.mark.parametrize("text", [
    "The storm pushed warm air north, explaining the mild weather on the coast.",
    "Tomas Brekke won the race twice and boasts three other podium finishes.",
    "Lena Fosse believes the tax is fair and acknowledges the gains made by homeowners.",
])
def test_a_participle_or_coordinated_cue_with_a_plain_object_is_no_quote(text):
    assert found(text) == []


def test_a_participle_with_a_wh_clause_or_quoted_words_is_a_report():
    text = "Ada Lund spoke for an hour, explaining why the clinic had to close."
    assert found(text) == [("why the clinic had to close", "indirect")]
    text = "Pia Holm thanked the crew and boasted of their \"unmatched\" safety record."
    assert found(text) == [("of their \"unmatched\" safety record", "mixed")]


# --- evidence is no speaker -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The data suggests Ostrian firms may be less confident about new machinery.",
    "On Thursday, a private survey suggested that factory output in Tarrow had slowed.",
    "The chart below highlights the close link between low rates and the rally in shares.",
])
def test_figures_suggesting_or_indicating_are_no_quote(text):
    assert found(text) == []


def test_a_report_or_a_person_suggesting_is_still_a_quote():
    text = "Ada Lund suggested that factory output in Tarrow had slowed."
    assert found(text) == [("factory output in Tarrow had slowed", "indirect")]
