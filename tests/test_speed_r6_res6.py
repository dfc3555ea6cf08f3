"""The sixth round's faster forms in engine.py, direct.py, resolve.py, doc.py and spans.py against their plain
forms, on texts built from the words, marks and spaces the patterns look at."""
import random

from tui.quotes import engine as E

_WORDS = """said says the company he she it now also then later still again often once fully rally ly only
Reuters AFP REUTERS The Canadian Press THE CANADIAN PRESS The Associated Press Getty Images GETTY IMAGES
players’ don’t O'Brien co-chair e-mail 27 ſ _x""".split() + ["counter-intelligence-officers’", "x" * 37]
_GAPS = [" ", "  ", "\t", "\n", " \n", "\n ", " \"", "” ", "’ ", "' ", "“", ", ", ". ", " ’", "\u00a0", "-", ""]


def _texts(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        parts = [rnd.choice(_GAPS)]
        for _ in range(rnd.randint(1, 14)):
            w = rnd.choice(_WORDS)
            w = rnd.choice((w, w, w.lower(), w.upper(), w[:rnd.randint(1, len(w))], w + rnd.choice("’'\"”-.,")))
            parts.append(w)
            parts.append(rnd.choice(_GAPS))
        yield "".join(parts)


def test_the_word_before_a_cue_as_the_plain_search_finds_it():
    for t in _texts(30000, seed=61):
        for end in {len(t), len(t) - 1, len(t) // 2, min(len(t), 45), 41, 40, 39, len(t) * 3 // 4}:
            if not 0 <= end <= len(t):
                continue
            plain = E._SUBJ_BEFORE.search(t, max(0, end - 40), end)
            fast = E._subj_before(t, end)
            assert (plain and (plain.span(), plain.group(1))) == (fast and (fast.span(), fast.group(1))), (t, end)


def _plain_credit_captions(text: str) -> list[tuple[int, int]]:
    if any(credit in text for credit in E._CREDITS):
        return [(m.start(), m.end()) for m in E._CREDIT_CAPTION.finditer(text)]
    return []


def test_credit_captions_as_the_plain_scan_finds_them():
    hits = 0
    for t in _texts(30000, seed=62):
        plain = _plain_credit_captions(t)
        hits += bool(plain)
        assert E._credit_captions(t) == plain, t
    assert hits > 50  # (the texts do hold such lines)


def test_a_transcript_speaker_named_elsewhere_as_the_regex_finds_it():
    import re

    from tui.quotes import direct as D
    rnd = random.Random(63)
    names = ["WALLACE", "O'BRIEN", "SMITH-JONES", "AB-", "ÉLODIE", "MC’DONALD", "X_Y", "KEEPING SCORE", "LEE JR."]
    found = 0
    for _ in range(20000):
        label = rnd.choice(names)
        last = label.split()[-1].strip(".")
        word = last[:1] + last[1:].lower()
        bits = [rnd.choice((word, word.upper(), word[:-1], "x" + word, word + rnd.choice("xé_1-'’ .")))
                for _ in range(rnd.randint(0, 3))]
        text = rnd.choice(("", " ", "_", "é", "-")).join(bits)
        plain = bool(re.search(r"\b" + re.escape(word) + r"\b", text))
        found += plain
        assert D._a_transcript_speaker(text, label, 1, "A plain report.") == plain, (label, text)
    assert found > 1000


def test_transcript_lines_as_the_plain_scan_finds_them():
    from tui.quotes import direct as D
    rnd = random.Random(64)
    bits = ["PENCE", "WALLACE", "O'NEIL", "MC’DONALD", "JR.", "A", "Q", "Well,", "look", "said", "U.S.", ":", ": ", ":\t",
            " ", "\t", "\n", "\n ", '"', "“", "-", "p.m.:", "x:", "Z:", "—"]
    found = 0
    for _ in range(30000):
        text = "".join(rnd.choice(bits) + rnd.choice(("", " ", " ", "\n")) for _ in range(rnd.randint(1, 16)))
        plain = [(m.span(), m.groups()) for m in D._TRANSCRIPT.finditer(text)]
        found += len(plain)
        assert [(m.span(), m.groups()) for m in D._transcript_lines(text)] == plain, text
    assert found > 300


def test_single_marks_are_the_marks_of_the_single_family():
    from tui.quotes import spans as S
    rnd = random.Random(65)
    bits = ["'", "’", "‘", '"', "“", "”", "«", "»", "a", "s", " ", "\n", "don", "t", "O", "Brien", "1", "_", "."]
    for _ in range(20000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 20)))
        marks, single = S._marks(text)
        assert single == [i for i in marks if text[i] in "‘’'"], text
        assert marks == sorted(set(marks))


def _plain_finish(text, recs):
    """engine._finish as it was: one sort by a key built for each record, the mention test in full. (A frozen
    copy, to prove the rewrite changed nothing: when _finish is changed on purpose, delete it and its test.)"""
    from bisect import bisect_left

    from tui.quotes.model import Quote
    out = []
    directs = sorted((r.start, r.end) for r in recs if r.type == "direct")
    ds = [d[0] for d in directs]
    keep = []
    for r in recs:
        if r.type != "direct" and directs:
            k = bisect_left(ds, r.end)
            if k > 0 and directs[k - 1][1] > r.start and not (r.start <= directs[k - 1][0] and directs[k - 1][1] <= r.end):
                continue
        keep.append(r)
    keep.sort(key=lambda r: (r.start, r.start - r.end))
    last_end = -1
    n = len(text)

    def in_place(m):
        return 0 <= m.start < m.end <= n and m.end - m.start == len(m.text) and text.startswith(m.text, m.start)

    for r in keep:
        s, e = r.start, r.end
        if not (0 <= s < e <= n) or s < last_end or (not r.speaker and not r.unresolved):
            continue
        mentions = r.mentions
        if not all(map(in_place, mentions)):
            mentions = tuple(filter(in_place, mentions))
        cs, ce = (r.cue_start, r.cue_end) if 0 <= r.cue_start < r.cue_end <= n else (-1, -1)
        out.append(Quote(text[s:e], s, e, r.speaker, r.type, r.cue if cs >= 0 else "", cs, ce, mentions,
                         str(r.rule), r.how))
        last_end = e
    return out


def test_finish_as_the_plain_form():
    from tui.quotes.doc import Rec
    from tui.quotes.model import Mention
    rnd = random.Random(66)
    text = "abcdefghij" * 3
    for _ in range(5000):
        recs = []
        for k in range(rnd.randint(0, 7)):
            s = rnd.randint(-2, 30)
            e = rnd.choice((s, s + 1, rnd.randint(-2, 33)))
            mentions = []
            for _ in range(rnd.randint(0, 2)):
                ms, me = rnd.randint(-3, 31), rnd.randint(-3, 33)
                mentions.append(Mention(rnd.choice((text[max(ms, 0):me], "", "zz", text[max(ms, 0):me + 1])), ms, me))
            recs.append(Rec(s, e, rnd.choice(("direct", "indirect")), "said", -1, -1, s, speaker=rnd.choice(("", "X")),
                            unresolved=rnd.random() < 0.2, mentions=tuple(mentions), how=str(k)))
        assert E._finish(text, recs) == _plain_finish(text, recs)


def test_gendered_pronoun_as_the_one_pattern_finds_it():
    from tui.quotes import resolve as R
    rnd = random.Random(67)
    bits = ["he", "she", "his", "him", "himself", "her", "hers", "herself", "the", "s", "h", "x", "é", "_", "-", " ",
            "’", ".", "ashe", "Bush", "hey", "shed"]
    found = 0
    for _ in range(30000):
        seg = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 8)))
        plain = R._GENDERED_PRONOUN.search(seg)
        fast = R._gendered_pronoun(seg)
        found += plain is not None
        assert (plain and (plain.span(), plain.group())) == (fast and (fast.span(), fast.group())), seg
    assert found > 3000
