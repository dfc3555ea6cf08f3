"""reported.py's cheap gates before its patterns skip only texts the pattern cannot match: checked on texts
built from the patterns' own words (any case, prefixes, suffixes, odd letters and spaces)."""
import random
import re

from tui.quotes import reported as R

# the words the gated patterns are made of, and some they are not
_WORDS = re.findall(r"[A-Za-z]+", " ".join((R._TIME_ADJ.pattern, R._FINITE_START.pattern, R._NOT_A_CLAUSE_START.pattern,
                                            R._HYPOTHETICAL.pattern))) + \
    "that the he she it said a plan was dead Monday’s again against lateral isn’t won’t ſeparately".split()


def _texts(n: int, seed: int = 7):
    rnd = random.Random(seed)
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, 6)):
            w = rnd.choice(_WORDS)
            w = rnd.choice((w, w.lower(), w.upper(), w.capitalize(), w[:rnd.randint(1, len(w))], w + rnd.choice("s,.’'")))
            words.append(w)
        yield rnd.choice(("", " ", "  ", "\n ", "\t")) + rnd.choice((" ", "  ", ", ", " \u00a0")).join(words)


def test_time_adjunct_gate_matches_the_pattern():
    for t in _texts(20000):
        for pos in (0, 1):
            m = R._TIME_ADJ.match(t, pos)
            g = R._time_adj(t, pos)
            assert (m and m.span()) == (g and g.span()), t


def test_hypothetical_gate_matches_the_pattern():
    cases = ["a renoviction is when a landlord ", "WHENEVER someone ", "fine, if you ", "Unless anyone ", "once an ",
             "unleſs a tenant ", "oNce any ", "when, a ", "Whence a "]
    for t in cases + list(_texts(20000, seed=8)):
        k = max(t.rfind(","), t.rfind(";"), t.rfind(":")) + 1
        assert R._hypothetical(t) == (R._HYPOTHETICAL.search(t, k) is not None), t


def test_finite_and_not_a_clause_words_open_every_match():
    for t in _texts(20000, seed=9):
        if R._FINITE_START.match(t):
            assert t.lstrip().startswith(R._FINITE_WORDS), t
        for s in range(min(len(t), 3)):
            if R._NOT_A_CLAUSE_START.match(t, s):
                assert t.startswith(R._NOT_A_CLAUSE_WORDS, s), t
