"""text.py's fast forms give what their plain forms give: checked on generated text (words, numbers, the
characters the patterns treat apart, other scripts, odd spacing)."""
import random
import re

from tui.quotes import text as T

# text._WORD_RE as first written: the same tokens
_WORD_RE_PLAIN = r"\d{1,3}(?:,\d{3})+(?![\d,])|[^\W_](?:[\w’'\-&.]*[^\W_])?(?:(?<=s)[’'](?=[ \t]+[A-Z]))?\.?|[^\w\s]"

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
    plain = re.compile(_WORD_RE_PLAIN)
    rnd = random.Random(5)
    for t in _texts(30000):
        s = rnd.randint(0, len(t))
        e = rnd.randint(s, len(t))
        for a, b in ((0, len(t)), (s, e)):
            fast = [(m.span(), m[0]) for m in T._WORD_RE.finditer(t, a, b)]
            assert fast == [(m.span(), m[0]) for m in plain.finditer(t, a, b)], (t, a, b)


_SENT_WORDS = [w for a in sorted(T.ABBREV) for w in (a, a.capitalize(), a.upper())] + \
    "said year Protest degen pest Test est EST gen GEN étc Étc ünc x X é I US U.S e.g U.S.A café naïve".split()


def _prose(n: int, seed: int = 7):
    rnd = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 14)):
            w = rnd.choice(_SENT_WORDS)
            if rnd.random() < 0.15:
                w = rnd.choice("(\"“‘'") + w
            if rnd.random() < 0.15:
                w = rnd.choice(("xy", "a.", "'", "’")) + w
            parts.append(w)
            parts.append(rnd.choice((".", ". ", ".  ", ".\t", ".\" ", "? ", "! ", " ", " ", ", ", "\n", ".\n", " \u00a0")))
        yield "".join(parts)


class _Everything:
    def __contains__(self, _item) -> bool:
        return True


def test_abbreviation_gate_keeps_the_sentences(monkeypatch):
    from tui.quotes.spans import find_spans
    texts = list(_prose(6000))
    fast = []
    for t in texts:
        spans = find_spans(t)
        fast.append(T.sentences(t, spans, [s.open for s in spans]))
    # with every ending an abbreviation's, the gate never skips the full test: the plain form
    monkeypatch.setattr(T, "_ABBREV_ENDS", _Everything())
    for t, f in zip(texts, fast, strict=True):
        spans = find_spans(t)
        assert f == T.sentences(t, spans, [s.open for s in spans]), t


def _phrases(n: int, seed: int = 8):
    rnd = random.Random(seed)
    words = ("Ada", "Lund", "the", "minister", "of", "Trade", "R-Ore.", "D-Calif", "I-Vt.", "Md.", "Calif.", "NY",
             "N.Y.", "Texas", "Écija", "who", "said", "1,000", "é", "Ρ-Ore")
    for _ in range(n):
        yield "".join(rnd.choice(words) + rnd.choice((" ", " ", ", ", "; ", ": ", " — ", " – ", " (", ") ", "-", ""))
                      for _ in range(rnd.randint(1, 9)))


def test_chunks_as_the_plain_loop():
    from tui.quotes import speakers as S
    for p in _phrases(20000):
        toks = T.tokens(p, 0, len(p))
        if not toks:
            continue
        plain: list[list] = [[]]
        for t in toks:
            if t[2] not in S._CHUNK_MARKS:
                plain[-1].append(t)
            elif t[2] in (";", ":"):
                plain = [[]]
            elif plain[-1]:
                plain.append([])
        assert S._chunks(p, 0, len(p), list(toks)) == [c for c in plain if c], p


def _place_tail_plain(chunks, i: int) -> bool:
    from tui.quotes import speakers as S
    words = [t[2] for t in chunks[i]]
    if i == 0 or not (S._STATE_ABBR.fullmatch("".join(words)) or (
            len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words) and i == len(chunks) - 1
            and i >= 2 and chunks[i - 1][0][2] in ("a", "an", "the", "of", "from"))):
        return False
    prev = [t[2] for t in chunks[i - 1]]
    k = max((j for j, w in enumerate(prev) if w in ("of", "from", "in")), default=-1)
    return k >= 0 and k < len(prev) - 1 and all(w[:1].isupper() for w in prev[k + 1:])


def test_chunk_gates_as_the_plain_tests():
    from tui.quotes import speakers as S
    for p in _phrases(20000, seed=9):
        toks = T.tokens(p, 0, len(p))
        if not toks:
            continue
        chunks = S._chunks(p, 0, len(p), toks)
        for i, chunk in enumerate(chunks):
            assert S._party_tag(chunk) == (len(chunk) <= 4 and bool(S._PARTY_TAG.fullmatch("".join(t[2] for t in chunk)))), p
            assert S._place_tail(chunks, i) == _place_tail_plain(chunks, i), p


def _tokens_plain(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(_WORD_RE_PLAIN, text[:e]):
        if m.start() < s:
            continue
        w = m[0]
        if len(w) > 1 and w.endswith(".") and w[:-1].lower() not in T.ABBREV and not re.fullmatch(r"(?:\w\.)+", w):
            out += [(m.start(), m.end() - 1, w[:-1]), (m.end() - 1, m.end(), ".")]
        else:
            out.append((m.start(), m.end(), w))
    return out


def test_tokens_as_the_plain_form():
    rnd = random.Random(4)
    for t in list(_texts(5000, seed=3)) + list(_prose(5000, seed=4)):
        a = t.find(" ") + 1  # (from a token's start: a range may not cut a token)
        b = rnd.randint(a, len(t))
        assert T.tokens(t, a, b) == _tokens_plain(t, a, b), (t, a, b)
