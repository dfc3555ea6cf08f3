"""speakers.py's faster forms give what the plain forms gave: checked against those plain forms on texts
built from the words the patterns are about (titles, possessives, acronyms inside runs of capitalised words)."""
import random
import re

from tui.quotes import speakers as S
from tui.quotes.text import _ABBR_TITLES, NAME_RE, UP


def _acronyms_in_two_scans(text: str) -> list[tuple[int, int, str, str]]:
    """_acronyms as it was: the acronyms in one scan, the runs of capitalised words in another."""
    wanted = {m.group() for m in re.finditer(r"[A-Z][A-Z]{2,5}\b", text)
              if not (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))}
    cap_run = re.compile(S._CAP_WORD + (S._CAP_GAP + S._CAP_WORD) * 2 + "(?:" + S._CAP_GAP + S._CAP_WORD + ")*")
    out = []
    if not wanted:
        return out
    for run in cap_run.finditer(text):
        words = list(S._CAP_WORD_RE.finditer(text, run.start(), run.end()))
        initials = "".join(text[w.start()] for w in words)
        for acr in [a for a in wanted if a in initials]:
            k = initials.index(acr)
            s, e = words[k].start(), words[k + len(acr) - 1].end()
            full = re.sub(r"[’']s?$", "", text[s:e])
            wanted.discard(acr)
            if all(w.group().lower() in S.ROLE_WORDS or w.group().lower() in S.ROLE_MODIFIERS for w in words[k:k + len(acr)]):
                continue
            out.append((s, s + len(full), full, acr))
        if not wanted:
            break
    out.sort()
    return out


def test_acronyms_in_one_scan_as_in_two():
    rnd = random.Random(11)
    words = ["Alpha", "Beta", "Cedar", "Delta", "Anglo-Bex", "O’Dell", "Al-ABC", "Bo'DEF", "Chief", "Officer", "Executive",
             "Abc_DEF", "Dee-CAB", "xABC", "ABCDEFG"]
    joins = [" ", ", ", " of ", " and ", " & ", " the ", "\t", " on ", ". ", " (", "-", "’s "]
    found = 0
    for _ in range(6000):
        ws = [rnd.choice(words) for _ in range(rnd.randint(1, 8))]
        run = "".join(w + rnd.choice(joins) for w in ws)
        i = rnd.randrange(len(ws))
        acr = "".join(w[0] for w in ws[i:rnd.randint(i + 1, len(ws))])
        parts = [run, rnd.choice(["", "x", "-", "(", "’"]) + acr + rnd.choice(["", "s", ")", "-led"]), rnd.choice(["", "ABC", "DEF"])]
        rnd.shuffle(parts)
        text = " ".join(parts)
        want = _acronyms_in_two_scans(text)
        assert S._acronyms(text) == want, text
        found += bool(want)
    assert found > 100


def _pieces(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    out, end = [], 0
    while (m := pattern.search(text, end)) is not None:
        start, end = m.span(1)
        out.append((start, end))
    return out


def test_name_scan_with_the_title_lookahead_as_without():
    plain = re.compile(S._NAME_SCAN.pattern.replace("(?=" + UP + r"[a-z]{0,3}\.)", ""))
    assert plain.pattern != S._NAME_SCAN.pattern and "(?:" + _ABBR_TITLES + "|" in NAME_RE.pattern
    rnd = random.Random(12)
    words = ["Mr.", "Mrs.", "Mr", "Dr.", "Gen.", "U.S.", "U.", "É.", "Cmdr.", "Capt", "Insp.", "Smith", "O’Brien", "Jean-Paul", "The",
             "He", "of", "the", "and", "said", "Lund’s", "Farmers’", "Union", "NATO", "A.B.C.", "St.", "Ms.", "van", "Élodie", ",", "\n"]
    for _ in range(5000):
        text = "".join(rnd.choice(words) + rnd.choice([" ", " ", "", "\t"]) for _ in range(rnd.randint(1, 14)))
        assert _pieces(S._NAME_SCAN, text) == _pieces(plain, text), text


def test_apposition_before_opening_with_its_letter_as_tried_at_each_position():
    plain = re.compile(r"(?:^|[.;:]\s|\b)((?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*[’']s)\s[^,;:.]{1,80}),\s*$")
    rnd = random.Random(13)
    words = ["the", "The", "its", "Its", "his", "her", "their", "Their", "group’s", "Acme's", "director", "head", "x", "Thee",
             "other", "this", ".", ";", ":", "-", "(", "\n", "anti-the", "T’s", "a" * 30]
    for _ in range(20000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) + ", "
        pos = rnd.choice([0, 0, rnd.randrange(len(text))])
        m, n = plain.search(text, pos), S._APPOSITION_BEFORE.search(text, pos)
        assert (m and m.group(1)) == (n and n.group(1)), (text, pos)
