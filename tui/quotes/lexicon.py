"""Word lists the engine reads: reporting cues, role words, organisation words; and what libraries know
of words: given names and their usual gender (gender-guesser), common English words (wordfreq).

The lists live in .txt files next to this module (shipped as package data) and
are loaded once, at import.
"""
from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

_HERE = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    try:
        raw = (_HERE / name).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


class CueClass(StrEnum):
    """What a reporting cue takes as its content (the letters of cues.txt)."""

    CLAUSE = "S"  # a reported clause: say (that) …
    OBJECT = "O"  # an object or infinitive: urge them to …, describe X as …
    ADDRESSEE = "T"  # an addressee before the content: tell reporters that …
    DIRECT = "D"  # introduces direct speech only, unless "that" follows: laugh, go on
    EVALUATIVE = "E"  # praise, slam: a report only with quoted words
    PHRASE = "P"  # a prepositional phrase before the source: according to X


def _load_cues() -> dict[str, tuple[str, CueClass]]:
    """form (lower case, may hold spaces) -> (lemma, class)."""
    out: dict[str, tuple[str, CueClass]] = {}
    for ln in _lines("cues.txt"):
        forms, _, letter = ln.partition("|")
        cls = CueClass(letter.strip() or "S")
        words = forms.split()
        if cls == CueClass.PHRASE:
            out[" ".join(words)] = (" ".join(words), cls)
            continue
        # multi-word entries ("point out points out ...") are pairs of tokens
        particle = None
        if len(words) >= 2 and len(words) % 2 == 0 and len(set(words[1::2])) == 1 and words[1] in (
                "out", "on", "for", "up", "to", "about", "in", "back"):
            particle = words[1]
            words = words[0::2]
        lemma = words[0]
        for w in words:
            key = f"{w} {particle}" if particle else w
            out.setdefault(key, (lemma if not particle else f"{lemma} {particle}", cls))
    return out


CUES = _load_cues()

ROLE_WORDS = frozenset(w for ln in _lines("roles.txt") for w in ln.lower().split())
# Public offices one named person holds ("the agriculture minister"): never a guess at whoever spoke last
OFFICES = frozenset("""president minister secretary premier chancellor governor mayor senator congressman
congresswoman ambassador commissioner attorney-general""".split())
ORG_WORDS = frozenset(w for ln in _lines("orgwords.txt") for w in ln.lower().split())
DEMONYMS = frozenset(w for ln in _lines("demonyms.txt") for w in ln.lower().split())

_GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": ""}
_detector = None


@lru_cache(maxsize=16384)
def first_name(word: str) -> str | None:
    """The usual gender of a given name ('m', 'f', or '' for either), or None when it is none.

    From gender-guesser's list of given names (about 40,000, many countries), loaded on first use."""
    global _detector
    if _detector is None:
        _detector = _load_detector()
    return _GENDERS.get(_detector.get_gender(word.strip(".")))


def _load_detector():
    import gender_guesser.detector  # type: ignore[import-untyped]

    class Detector(gender_guesser.detector.Detector):
        def _parse(self, filename):
            # the library's own parse, on the file read at once: its line-by-line codecs reader took
            # more time than the parse (same lines: both split as str.splitlines does)
            self.names = {}
            with open(filename, encoding="utf-8") as f:
                for line in f.read().splitlines():
                    self._eat_name_line(line.strip())

    return Detector(case_sensitive=False)


# function words that begin sentences but never names
STOP_CAPS = frozenset("""
a an the this that these those there here it its it's he she they we i you his her their our my your
in on at by for from with without to of and or but nor so yet as if when while after before since
because although though unless until once where whereas whether which who whom whose what why how
according asked speaking opening sentencing holding outside inside among across during despite
furthermore however meanwhile moreover also still even then now today yesterday tomorrow tonight
last next other another some many most more much several few all both each every any no not
mr mrs ms dr sir
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
perhaps seriously indeed instead rather certainly obviously clearly finally maybe please well yes
sometimes often already again only just
""".split())
# plural or indefinite nouns that start sentences as unnamed sources, never names
SOURCE_CAPS = frozenset("""nobody everybody everyone someone somebody something nothing none people officials
residents critics experts analysts supporters opponents voters police authorities sources observers others
economists investors witnesses diplomats lawmakers protesters lawyers attorneys aides advisers advisors
spokesmen prosecutors""".split())
FUNCTION_CAPS = STOP_CAPS
STOP_CAPS = STOP_CAPS | SOURCE_CAPS

MALE_WORDS = frozenset("""mr mr. sir lord king prince duke emperor sultan sheikh father brother son husband
grandfather uncle nephew boy man businessman spokesman congressman chairman councilman sportsman
actor waiter monk""".split())
FEMALE_WORDS = frozenset("""ms ms. mrs mrs. miss madam dame lady queen princess duchess empress mother sister
daughter wife grandmother aunt niece girl woman businesswoman spokeswoman congresswoman chairwoman
councilwoman sportswoman actress waitress nun widow""".split())

# endings of nouns for people by what they do: "defenceman", "labourer", "economist", "trustee"
ROLE_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ive|ary|crat|arch|smith)$")

DEMONYM_RE = re.compile(r"(?:an|ian|ese|ish|i|ic|ch)$")


def is_demonym(word: str) -> bool:
    w = word.lower()
    return w in DEMONYMS or (len(w) > 3 and bool(DEMONYM_RE.search(w)) and word[:1].isupper())


# A word at least this frequent in English (Zipf scale: 4 is once per 100,000 words) is a common
# word: written capitalised only where a sentence or heading starts, unless the article shows otherwise.
COMMON_ZIPF = 4.0


@lru_cache(maxsize=8192)
def common_word(word: str) -> bool:
    """'Watch', 'Mostly', 'Energy' (but not 'Okafor', nor a known given name like 'Rose')."""
    w = word.lower().strip(".’'")
    return _zipf(w) >= COMMON_ZIPF and first_name(w) is None


def occupation_word(word: str) -> bool:
    """'Grower', 'Rancher', 'Fisherman': an English noun for what someone does (a role-like ending on a
    word English uses at least once per million words), and no given name ('Hunter', 'Mason')."""
    w = word.lower()
    return bool(ROLE_SUFFIX.search(w)) and _zipf(w) >= 3.0 and first_name(w) is None


_ZIPF_BY_FREQ: dict[float | None, float] = {}


def _zipf(w: str) -> float:
    """zipf_frequency(w, "en") wherever it reaches COMMON_ZIPF. Most of its time goes to tokenizing the
    word; a word of plain letters a-z is one token, so its value depends only on its frequency in
    wordfreq's table: asked once per distinct frequency (a few hundred), not once per word.

    It reads wordfreq's small English list: the same frequencies as the large one for every word above
    1e-6 (Zipf 3), so the same answer at COMMON_ZIPF (Zipf 4) and at occupation_word's Zipf 3, and a
    tenth of the load time."""
    if not (w.isascii() and w.isalpha() and w.islower()):
        return zipf_frequency(w, "en", wordlist="small")
    f = get_frequency_dict("en", "small").get(w)  # the table zipf_frequency reads (memoised by wordfreq)
    z = _ZIPF_BY_FREQ.get(f)
    if z is None:
        z = _ZIPF_BY_FREQ[f] = zipf_frequency(w, "en", wordlist="small")
    return z


# company legal forms, no part of the name a reader knows it by: "TransCanada Corp." is TransCanada
LEGAL_FORMS = frozenset("corp inc ltd llc plc".split())
# the people around a person, who speak as a body: "Scott's family", "Lund's campaign"
COLLECTIVE_WORDS = frozenset("family team campaign camp office staff relatives friends".split())
# who speaks for someone else, and is often named in the next quote
SPOKES_WORDS = frozenset("spokesman spokeswoman spokesperson".split())
# Evidence is no speaker: "the data suggests …", "a survey indicated that …", "the chart highlights …" report
# what figures show, not what anyone said. These nouns as the subject of these cues make no quote.
EVIDENCE_NOUNS = frozenset("""data figures numbers statistics stats survey surveys poll polls chart charts graph graphs
index indexes indices indicator indicators results findings evidence research study studies trend trends video videos
footage image images photo photos picture pictures map maps model models reading readings""".split())
EVIDENCE_CUES = frozenset("suggest indicate highlight imply predict reveal estimate forecast underline underscore".split())
