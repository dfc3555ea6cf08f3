"""Property tests: the engine never raises, and every offset it returns is true."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.quotes import extract

PIECES = st.sampled_from([
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", " said ", " says ", ", he said. ", "According to ", " told ",
    "Mr. ", "Dr ", "The minister", " that ", "\n\n", ". ", ", ", "Anna Berg", "she", "the company", ":", "—",
    "We will win", " and said ", "Ministry of Health", "the 61-year-old",
])


PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"}


def check(text: str) -> None:
    qs = extract(text)
    assert isinstance(qs, list)
    last = -1
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last
        last = q.start
        assert q.type in ("direct", "indirect", "mixed")
        # a speaker, or none (a pronoun that stands for no one), but never a pronoun
        assert isinstance(q.speaker, str) and q.speaker.lower() not in PRONOUNS
        if q.cue_start >= 0:
            assert 0 <= q.cue_start < q.cue_end <= len(text)
        for m in q.mentions:
            assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join))
def test_news_like_fragments_never_raise(text):
    check(text)
