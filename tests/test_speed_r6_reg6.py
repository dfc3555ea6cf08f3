"""speakers.py's name scan and registry in their faster forms give what the plain forms gave: checked against
those plain forms on texts built from the words the patterns and tests are about."""
import random
import re

from tui.quotes import speakers as S


def _pieces(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    out, end = [], 0
    while (m := pattern.search(text, end)) is not None:
        start, end = m.span(1)
        out.append((start, end))
    return out


_SCAN_WORDS = ["Mr.", "Mrs.", "Mr", "Dr.", "Gen.", "U.S.", "U.", "É.", "Cmdr.", "Smith", "O’Brien", "O'Neil", "Jean-Paul",
               "Jean-", "The", "THE", "He", "It’s", "It's", "Then", "Theresa", "of", "the", "and", "de", "del", "del",
               "van", "der", "y", "&", "said", "Lund’s", "Farmers’", "Farmers'", "Union", "NATO", "A.B.C.", "St.", "Élodie",
               "ÉLODIE", "Ми", "X2", "Abc_d", "b", "-", "’", "'", ",", ".", "\n", "“"]


def _scan_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_SCAN_WORDS) + rnd.choice([" ", " ", "", "\t", "  "]) for _ in range(rnd.randint(1, 14)))


def test_name_scan_with_possessive_repeats_as_with_greedy_ones():
    plain_src = S._NAME_SCAN.pattern.replace("++", "+").replace("*+", "*").replace("}+", "}")
    assert plain_src != S._NAME_SCAN.pattern and "*+" not in plain_src and "++" not in plain_src
    plain = re.compile(plain_src)
    rnd = random.Random(61)
    for _ in range(6000):
        text = _scan_text(rnd)
        assert _pieces(S._NAME_SCAN, text) == _pieces(plain, text), text
