"""reported.py's faster forms (round 6) give what the plain forms gave: checked on generated texts with
letters, digits, apostrophes, dashes, brackets, stops, odd spaces and non-ASCII letters, at every bound."""
import random
import re

from tui.quotes import reported as R

_PIECES = ["said", "the", "plan", "was", "dead", "O’Brien", "don't", "2,521", "_x", "-", "—", "–", "(", ")", ".", "..",
           ";", ":", ",", "’", "'", "“", "”", "é", "ſ", "Ω", "٣", "²", "_", "a", "I", "it’s"]
_SPACES = ["", " ", "  ", "\n", "\t", "\u00a0", "\u2009"]


def _texts(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_PIECES) + rnd.choice(_SPACES) for _ in range(rnd.randint(0, 8)))


def _plain_two_words(text: str, s: int, e: int) -> bool:
    return R._words(text[s:e]) >= 2


def _plain_content_end(text: str, s: int, e: int) -> int:
    """_content_end as it was, reading the text through bounds."""
    while e > s and text[e - 1].isspace():
        e -= 1
    k = text.find(")", s, e)
    if k >= 0 and text.rfind("(", s, k) < 0:
        e = k
        while e > s and text[e - 1].isspace():
            e -= 1
    while e > s and text[e - 1] in ".;:,—–-" and not (text[e - 1] == "." and e - 2 >= s and text[e - 2] == "."):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return e


def _bounds(t: str):
    n = len(t)
    for s in range(0, n + 1, max(1, n // 6)):
        for e in (s - 1, s, s + 1, s + 3, n - 1, n):
            if 0 <= e <= n:
                yield s, e


def test_two_words_is_the_word_count():
    for t in _texts(20000, seed=61):
        for s, e in _bounds(t):
            assert R._two_words(t, s, e) == _plain_two_words(t, s, e), (t, s, e)


def test_content_end_reads_as_through_bounds():
    cases = ["(According to X, it does not …)", "(her aide said that …) and", "it is done...", "it is done. ;, ",
             "done —", "a (b) c.", "x)", "", "  ", ".", "..", " ."]
    for t in cases + list(_texts(20000, seed=62)):
        for s, e in _bounds(t):
            assert R._content_end(t, s, e) == _plain_content_end(t, s, e), (t, s, e)


def _plain_chunk_floor(text: str, ss: int, cs: int) -> int:
    """_chunk_floor as it was, reading the text through bounds."""
    po = text.rfind("(", ss, cs)
    if po >= 0 and text.find(")", po, cs) < 0:
        return po + 1
    mq = R._QUOTE_END.search(text, ss, cs)
    if mq:
        ss = mq.end()
    if cs - ss <= 300:
        return ss
    k = text.find(",", cs - 300, cs)
    return k + 1 if k >= 0 else cs - 300


def test_chunk_floor_reads_as_through_bounds():
    rnd = random.Random(63)
    cases = ["X (her campaign later said", "a (b) c", "“… to Canada.” Foster writes", "Why?” he", "No!” she"]
    long = [" ".join(rnd.choice(_PIECES) for _ in range(rnd.randint(60, 140))) for _ in range(300)]
    for t in cases + long + list(_texts(20000, seed=64)):
        for s, e in _bounds(t):
            assert R._chunk_floor(t, s, e) == _plain_chunk_floor(t, s, e), (t, s, e)


_GATED = re.findall(r"[A-Za-z]+", R._FINITE_START.pattern + " " + R._NOT_A_CLAUSE_START.pattern) + \
    "before after while without by slamming going that the it’s isn’t won’t i".split()


def _gated_texts(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, 4)):
            w = rnd.choice(_GATED)
            words.append(rnd.choice((w, w.capitalize(), w[:rnd.randint(1, len(w))], w + rnd.choice("s,’'"))))
        yield rnd.choice(("", " ", "\t", " " * rnd.randint(2, 12), "\u00a0")) + rnd.choice((" ", "  ", "\n")).join(words)


def test_two_letter_gates_pass_every_match():
    adjunct = R._rx(r"(?:before|after|while|without|by)\s+[a-z]+ing\b")
    for t in _gated_texts(30000, seed=65):
        if R._FINITE_START.match(t):
            assert R._finite_head(t), t
        for s in range(min(len(t), 4)):
            if R._NOT_A_CLAUSE_START.match(t, s):
                assert t[s:s + 2] in R._NOT_A_CLAUSE_HEADS, (t, s)
            if adjunct.match(t, s):
                assert t[s:s + 2] in R._ADJUNCT_ING_HEADS, (t, s)


_TIME_WORDS = re.findall(r"[A-Za-z]+", R._TIME_ADJ.pattern) + \
    "that the he she it said reporters court , : ; however Separately ſ é".split()


def test_no_time_opener_only_where_skip_time_finds_none():
    rnd = random.Random(66)
    gated = 0
    for _ in range(30000):
        words = []
        for _ in range(rnd.randint(1, 7)):
            w = rnd.choice(_TIME_WORDS)
            words.append(rnd.choice((w, w.lower(), w.upper(), w.capitalize(), w[:rnd.randint(1, len(w))], w + ",")))
        right = rnd.choice((" ", "", "  ", "\u00a0")) + " ".join(words) + rnd.choice(("", ".", " the plan was dead."))
        if R._no_time_opener(right.lstrip()):
            gated += 1
            assert R._skip_time(right) == 0, right
    assert gated > 3000  # the gate is asked both ways
