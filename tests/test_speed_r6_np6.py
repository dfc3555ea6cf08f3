"""text.py's fast forms give what their plain forms give: checked on generated text (words, numbers, the
characters the patterns treat apart, other scripts, odd spacing)."""
import random
import re

from tui.quotes import text as T

_PIECES = ("minister", "Farmers", "U.S", "a", "I", "x2", "180", "1,000", "12,34", "1,2345", "3,000,000", "co-op",
           "AT&T", "o’clock", "it's", "snake_case", "_x", "x_", "Müller", "ΑΘΗΝΑ", "東京", "٣٤", "²", "Ⅻ", "e.g",
           "s", "Jones’", "Jones'", "Union", "A", "")
_GLUE = ".,;:’'-&_—()\"“”…!?%$"


def _texts(n: int, seed: int = 6):
    rnd = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 8)):
            p = rnd.choice(_PIECES)
            if rnd.random() < 0.4:
                p += "".join(rnd.choice(_GLUE) for _ in range(rnd.randint(1, 2)))
            if rnd.random() < 0.2:
                p = rnd.choice(_GLUE) + p
            parts.append(p)
            parts.append(rnd.choice((" ", " ", "  ", "\t", "\n", "", " \u00a0")))
        yield "".join(parts)


def test_word_pattern_matches_the_plain_one():
    plain = re.compile(T._WORD_RE_PLAIN)
    rnd = random.Random(5)
    for t in _texts(30000):
        s = rnd.randint(0, len(t))
        e = rnd.randint(s, len(t))
        for a, b in ((0, len(t)), (s, e)):
            fast = [(m.span(), m[0]) for m in T._WORD_RE.finditer(t, a, b)]
            assert fast == [(m.span(), m[0]) for m in plain.finditer(t, a, b)], (t, a, b)
