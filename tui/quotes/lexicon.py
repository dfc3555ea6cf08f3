"""Word lists the engine reads: reporting cues, role words, organisation words; and what libraries know
of words: given names and their usual gender (gender-guesser), common English words (wordfreq).

The lists live in .txt files next to this module (shipped as package data) and
are loaded once, at import.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

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


def first_name(word: str) -> str | None:
    """The usual gender of a given name ('m', 'f', or '' for either), or None when it is none.

    From gender-guesser's list of given names (about 40,000, many countries)."""
    return _tables()[0].get(word.strip(".").lower())


def _library_data() -> list[Path]:
    """The data files the two libraries answer from (found without importing them)."""
    def package_dir(name: str) -> Path:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"{name} is not installed: pip install -e . installs it", name=name)
        return Path(spec.origin).parent

    return [package_dir("gender_guesser") / "data" / "nam_dict.txt",
            package_dir("wordfreq") / "data" / "small_en.msgpack.gz"]


_TABLES: tuple[dict[str, str], dict[str, float]] | None = None


def _tables() -> tuple[dict[str, str], dict[str, float]]:
    """(given name -> gender letter, word -> Zipf frequency), as the libraries answer them.

    Asking the libraries costs a quarter of a second at start-up (wordfreq's import, gender-guesser's
    parse of its 4 MB list), more than the engine spends on a hundred articles. So their answers are
    kept in the user's cache folder, in a file named after the data files they came from (each
    installation of the libraries has its own), and asked again when those files change. Loading
    the cache takes a few milliseconds."""
    global _TABLES
    if _TABLES is None:
        from platformdirs import user_cache_path

        stamp = repr([(str(f), st.st_size, st.st_mtime_ns) for f in _library_data() for st in [f.stat()]])
        path = user_cache_path("newsreader") / f"lexicon-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.marshal"
        try:
            cached_stamp, genders, zipfs = marshal.loads(path.read_bytes())
            if cached_stamp != stamp:
                raise ValueError("made from other data files")
        except (OSError, EOFError, ValueError, TypeError):
            genders, zipfs = _ask_libraries()
            _save(path, marshal.dumps([stamp, genders, zipfs]))
        _TABLES = genders, zipfs
    return _TABLES


def _ask_libraries() -> tuple[dict[str, str], dict[str, float]]:
    import gender_guesser.detector  # type: ignore[import-untyped]
    from wordfreq import get_frequency_dict, zipf_frequency

    class Detector(gender_guesser.detector.Detector):
        def _parse(self, filename):
            # the library's own parse, on the file read at once: its line-by-line codecs reader took
            # more time than the parse (same lines: both split as str.splitlines does)
            self.names = {}
            with open(filename, encoding="utf-8") as f:
                for line in f.read().splitlines():
                    self._eat_name_line(line.strip())

    detector = Detector(case_sensitive=False)
    genders = {name: _GENDERS[detector.get_gender(name)] for name in detector.names}
    # Every word of wordfreq's list with its Zipf value as zipf_frequency gives it for that very string
    # (and "he’ll" beside "he'll"). A word of plain letters a-z is one token, so its value depends only
    # on its frequency: asked once per distinct frequency, not once per word.
    zipf_of: dict[float, float] = {}
    zipfs = {}
    for word, freq in get_frequency_dict("en", "small").items():
        if _plain(word):
            if freq not in zipf_of:
                zipf_of[freq] = zipf_frequency(word, "en", wordlist="small")
            zipfs[word] = zipf_of[freq]
        else:
            zipfs[word] = zipf_frequency(word, "en", wordlist="small")
            if "'" in word:
                curly = word.replace("'", "’")
                zipfs[curly] = zipf_frequency(curly, "en", wordlist="small")
    return genders, zipfs


def _save(path: Path, data: bytes) -> None:
    """Write the cache whole or not at all (another process may be reading it); a folder we
    cannot write to only means asking the libraries again next time."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        if tmp.exists():  # written, not renamed: a full disk
            tmp.unlink()


def _plain(word: str) -> bool:
    return word.isascii() and word.isalpha() and word.islower()


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


@lru_cache(maxsize=8192)
def is_demonym(word: str) -> bool:
    w = word.lower()
    return w in DEMONYMS or (len(w) > 3 and bool(DEMONYM_RE.search(w)) and word[:1].isupper())


@lru_cache(maxsize=8192)
def nationality_word(word: str) -> bool:
    """'canadian', 'german' (a word of a role phrase, in lower case): a nationality, unless a role word."""
    return is_demonym(word.capitalize()) and word not in ROLE_WORDS


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


def _zipf(w: str) -> float:
    """zipf_frequency(w, "en") on wordfreq's small English list: the same frequencies as the large one
    for every word above 1e-6 (Zipf 3), so the same answer at COMMON_ZIPF (Zipf 4) and at
    occupation_word's Zipf 3, and a tenth of the load time. The list's own words come from the cached
    table, and a plain word (a-z) not in it is one unknown token (0); others ("twenty-nine", "Ont.")
    need wordfreq's tokenizer."""
    z = _tables()[1].get(w)
    if z is not None:
        return z
    return 0.0 if _plain(w) else _zipf_other(w)


@lru_cache(maxsize=4096)
def _zipf_other(w: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(w, "en", wordlist="small")


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
