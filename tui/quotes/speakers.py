"""Speakers: the article's people and organisations, their roles, and how a
speaker phrase (a name, a pronoun, a description) resolves to one of them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

_rx = lru_cache(maxsize=None)(re.compile)

from tui.quotes.lexicon import (
    DEMONYMS,
    FEMALE_WORDS,
    FUNCTION_CAPS,
    LEGAL_FORMS,
    MALE_WORDS,
    ORG_WORDS,
    ROLE_SUFFIX,
    ROLE_WORDS,
    STOP_CAPS,
    common_word,
    first_name,
    is_demonym,
    nationality_word,
    occupation_word,
)
from tui.quotes.text import CUE_RE, NAME_RE, tokens

DETERMINERS = frozenset("""the a an this that these those its his her their our one some several many most
two three four five six seven eight nine ten dozens hundreds thousands other another both all each every
no any various numerous few""".split())
INDEFINITE = frozenset("a an one some several many two three four five six seven eight nine ten dozens hundreds thousands other another various numerous few".split())
PRONOUN_WORDS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "x"}
VERBISH = frozenset("""is are was were be been being has have had will would can could should may might must
do does did am isn't wasn't aren't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't
doesn't didn't don't""".split())
AUX_ADV = VERBISH | frozenset("""also later then earlier previously again once already not never first further
finally today yesterday recently publicly privately separately repeatedly subsequently quickly simply
initially originally still even just only herself himself itself themselves reportedly allegedly
last often frequently always sometimes usually generally occasionally openly"""
                              .split())
ROLE_MODIFIERS = frozenset("""state foreign interior defence defense finance health justice home energy trade
economy science education culture opposition prime first vice deputy chief executive general of democrat
democratic republican independent libertarian conservative liberal labour tory socialist green centrist
progressive former veteran retired acting interim outgoing incoming""".split())
NAME_JOINERS = frozenset("of the and for & de da del der den van von al el bin ibn la le du dos di y".split())
_PLURAL_NOUN = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ives|ees|ies|men|women|ics)$")
SOURCE_HEADS = frozenset("""police staff people media press government military army public leadership
management family campaign team council committee parliament court percent majority minority half third
quarter""".split())
NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
fifty sixty seventy eighty ninety hundred hundreds dozen dozens thousand thousands""".split())
QUANT_START = frozenset("only just about nearly almost roughly around more fewer less most some".split())
NOT_ADVERBS = frozenset("""family assembly rally ally supply italy daily weekly monthly quarterly anomaly monopoly
reply bully folly tally oligopoly""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday week month year morning evening
afternoon night weekend day this next just now on earlier early late in at""".split())
SUBORD = frozenset("""and but while which who whom whose that as because when after although though if where
whereas since so then before until unless once or nor""".split())
PREPS = frozenset("of for at from in on with by to about over under between among into within without".split())
REL_START = frozenset("who which whose whom where when that".split())
ORG_HEADS = {
    "company": {"company", "technologies", "technology", "corp", "corporation", "inc", "ltd", "plc", "llc", "group",
                "holdings", "energy", "industries", "systems", "airlines", "airways", "motors", "labs", "bank",
                "securities", "capital", "partners", "ventures", "media", "pharmaceuticals", "firm", "orbital"},
    "firm": {"company", "technologies", "corp", "corporation", "inc", "ltd", "plc", "llc", "group", "holdings",
             "securities", "partners", "capital", "bank", "firm"},
    "club": {"club", "athletic", "united", "rovers", "fc", "city", "athletico", "atlético", "sporting", "wanderers"},
    "team": {"club", "athletic", "united", "rovers", "fc", "city", "team"},
    "union": {"union", "federation", "guild", "confederation", "congress"},
    "federation": {"federation", "union"},
    "government": {"government", "ministry", "cabinet", "administration"},
    "organisation": set(ORG_WORDS), "organization": set(ORG_WORDS), "group": set(ORG_WORDS),
    "charity": {"trust", "charity", "foundation"},
    "bank": {"bank"},
    "agency": {"agency"}, "ministry": {"ministry"}, "commission": {"commission"}, "council": {"council"},
    "coalition": {"coalition", "alliance"}, "alliance": {"alliance", "coalition"}, "party": {"party"},
    "directorate": {"directorate"}, "trust": {"trust"}, "authority": {"authority"}, "office": {"office"},
    "department": {"department"}, "committee": {"committee"}, "court": {"court"}, "police": {"police"},
    "institute": {"institute"}, "university": {"university"}, "board": {"board"}, "bureau": {"bureau"},
    "secretariat": {"secretariat"}, "association": {"association"}, "foundation": {"foundation"},
    "network": {"network"}, "forum": {"forum"}, "regulator": {"authority", "commission", "office", "regulator"},
    "newspaper": {"times", "post", "herald", "gazette", "journal", "tribune", "telegraph", "chronicle"},
    "watchdog": {"authority", "commission", "office", "watchdog", "directorate"},
    "campaign": {"campaign"}, "army": {"army"}, "military": {"army", "forces", "military"},
    "embassy": {"embassy"}, "parliament": {"parliament", "assembly"}, "senate": {"senate"},
    "airline": {"airlines", "airways", "air"}, "carrier": {"airlines", "airways", "air"},
    "hospital": {"hospital", "trust"}, "school": {"school", "college", "academy"},
    "utility": {"hydro", "power", "energy", "electric", "gas", "utilities", "utility"},
    "broadcaster": {"broadcasting", "television", "tv", "radio", "network", "news"},
    "league": {"league"}, "automaker": {"motors", "motor", "auto", "automotive"},
    "retailer": {"stores", "store", "mart", "retail"}, "insurer": {"insurance", "assurance", "life"},
}
ROLE_SYNONYMS = {
    "diplomat": {"diplomat", "minister", "ambassador", "envoy", "counterpart"},
    "top diplomat": {"foreign minister", "foreign secretary", "secretary of state"},
    "minister": {"minister"},
    "official": {"official", "minister", "secretary", "director", "spokesman", "spokeswoman", "spokesperson",
                 "commissioner", "officer"},
    "executive": {"executive", "ceo", "chief", "director", "chairman", "chairwoman", "president"},
    "boss": {"executive", "ceo", "chief", "director", "chairman", "chairwoman", "president", "manager", "head"},
    "premier": {"premier", "prime"}, "lawmaker": {"lawmaker", "deputy", "mp", "senator", "legislator", "congressman",
                                                  "congresswoman", "representative"},
    "legislator": {"lawmaker", "deputy", "mp", "senator", "legislator"},
    "senator": {"senator", "sen"}, "prosecutor": {"prosecutor"}, "judge": {"judge", "justice"},
    "striker": {"striker", "forward"}, "manager": {"manager", "coach"}, "coach": {"coach", "manager"},
    "chairman": {"chairman", "chair", "chairperson"}, "chairwoman": {"chairwoman", "chair", "chairperson"},
    "spokesman": {"spokesman", "spokesperson"}, "spokeswoman": {"spokeswoman", "spokesperson"},
    "analyst": {"analyst"}, "economist": {"economist"}, "scientist": {"scientist"},
}


@dataclass(eq=False, slots=True)
class Entity:
    name: str
    kind: str = "unknown"  # person | org | unknown | group
    gender: str = ""  # m | f | p (plural) | ""
    gender_guessed: bool = False  # from the given name only: the article's own he/she wins
    roles: set[str] = field(default_factory=set)  # role words (lower case)
    phrases: set[str] = field(default_factory=set)  # role phrases (lower case)
    nat: set[str] = field(default_factory=set)
    last_subj: int = -1
    last_mention: int = -1
    first: int = -1  # first mention in the text
    count: int = 0  # mentions so far
    unnamed: bool = False


@dataclass(slots=True)
class NP:
    kind: str  # name | pronoun | desc
    start: int
    end: int
    text: str
    name: str = ""  # for names: the bare name
    roles: list[str] = field(default_factory=list)
    head: str = ""
    mods: list[str] = field(default_factory=list)
    entity: Entity | None = None


@lru_cache(maxsize=20000)
def _key(name: str) -> str:
    return name.replace("’", "'").lower()


@lru_cache(maxsize=20000)
def _key_toks(name: str) -> list[str]:
    return name.replace("’", "'").lower().split()  # callers only read it


# words of a name not indexed in Registry.by_token
_UNINDEXED = frozenset(("of", "the", "and", "for", "&", "de", "van", "von", "al")) | ORG_WORDS


class Registry:
    def __init__(self, text: str):
        self.text = text
        self.entities: list[Entity] = []
        self.by_full: dict[str, Entity] = {}
        self.by_token: dict[str, list[Entity]] = {}
        # entities by recency (insertion order = recency; move to the end on each mention)
        self.rec_s: dict[Entity, None] = {}
        self.rec_m: dict[Entity, None] = {}
        self._by_first: tuple[list[Entity], list[int]] | None = None
        self.spoke: dict[Entity, None] = {}  # speakers of quotes resolved so far, latest last

    def upcoming(self, pos: int, limit: int) -> list[Entity]:
        """Entities first mentioned after pos, nearest first (at most limit)."""
        if self._by_first is None:
            ents = sorted((e for e in self.entities if e.first >= 0), key=lambda e: e.first)
            self._by_first = (ents, [e.first for e in ents])
        ents, firsts = self._by_first
        k = bisect_right(firsts, pos)
        return ents[k:k + limit]

    def touch(self, e: Entity, pos: int, subj: bool) -> None:
        if subj:
            e.last_subj = pos
            rec = self.rec_s
            rec.pop(e, None)
            rec[e] = None
        if pos > e.last_mention:
            e.last_mention = pos
        rec = self.rec_m
        rec.pop(e, None)
        rec[e] = None

    # ---- building -------------------------------------------------------
    def entity_for(self, name: str, kind: str = "unknown") -> Entity:
        key = _key(name)
        by_full = self.by_full
        by_token = self.by_token
        e = by_full.get(key)
        toks: list[str] = []
        if e is None:
            toks = key.split()
            if toks and toks[-1] in by_token:  # (most first mentions: no name shares the word)
                e = self._by_tokens(toks)
                if e is not None and kind == "person" and e.kind == "org":
                    e = None
            if e is None and kind != "org" and key.count(" ") == 1:
                # "Her brother, Tomas, …" then "Tomas Brekke": the same person, now with a surname
                first, last = key.split(" ", 1)
                solo = by_full.get(first)
                if solo is not None and any(_key_toks(o.name)[0] == first for o in by_token.get(first, ()) if o is not solo):
                    solo = None  # "Kim" after "Kim Jong-un": not "Kim Yong-chol" now; the bare name stays as written
                if solo is not None and solo.kind == "person" and " " not in solo.name and first_name(first) is not None \
                        and name.split(" ", 1)[1][:1].isupper() and last not in ORG_WORDS and last not in ROLE_WORDS \
                        and last not in NAME_JOINERS:
                    solo.name = name
                    by_full[key] = solo
                    by_token.setdefault(last, []).append(solo)
                    return solo
        if e is None:
            e = Entity(name, kind)  # (positional: cheaper)
            self.entities.append(e)
            by_full[key] = e
            for t in toks:  # (split above: e is None only where the key is not known in full)
                if t in _UNINDEXED:
                    continue
                lst = by_token.get(t)
                if lst is None:
                    by_token[t] = [e]
                else:
                    lst.append(e)
                    if len(lst) > 40:
                        del lst[0]  # very common tokens: keep the latest names only (bounded lookups)
        else:
            if len(name) > len(e.name) and kind != "org" and e.kind != "org":
                # a fuller form of the same name
                e.name = name
                by_full[key] = e
                for t in key.split():
                    if e not in by_token.setdefault(t, []):
                        by_token[t].append(e)
            if kind != "unknown" and e.kind == "unknown":
                e.kind = kind
        return e

    def lookup(self, name: str) -> Entity | None:
        key = _key(name)
        return self.by_full.get(key) or self._by_tokens(key.split())

    def _by_tokens(self, toks: list[str]) -> Entity | None:
        """The entity a name not known in full names, found by its words (toks: the words of the name as
        _key gives it)."""
        if not toks:
            return None
        last = toks[-1]
        cands = self.by_token.get(last)
        if not cands:
            return None  # most first mentions: no name shares the word
        best = None
        for cand in cands:
            ct = _key_toks(cand.name)
            if cand.kind == "org":
                ok = toks[0] == ct[0] or toks[-1] == ct[-1]
            else:
                ok = ct[-1] == last and (len(toks) == 1 or toks[0] == ct[0] or len(toks) < len(ct))
            # the most mentioned of the names that fit ("Cruz" -> Ted Cruz, not his father); a person whose
            # surname it is before an organisation named after them ("Trump" -> not Trump University)
            if ok and (best is None or (cand.kind != "org", cand.count, len(cand.name))
                       > (best.kind != "org", best.count, len(best.name))):
                best = cand
        if best is None and len(toks) == 1:
            for cand in cands:  # the names holding the one word
                ct = _key_toks(cand.name)
                if cand.kind == "org" and ct[0] == toks[0]:
                    best = cand
                    break
        return best


_ROLE_OR_DEMONYM = ROLE_WORDS | DEMONYMS
_OF_AT_FROM = frozenset(("of", "at", "from"))


def split_name(seq: str) -> tuple[list[str], str, str]:
    """'Ostrian Trade Minister Lena Fosse' -> (['ostrian', 'trade', 'minister'], 'Lena Fosse', kind)."""
    toks = seq.split()
    low = [t.lower().rstrip(".") for t in toks]
    if not _OF_AT_FROM.isdisjoint(low):
        for i, t in enumerate(low):
            if t in ("of", "at", "from") and i > 0:
                before = low[:i]
                # "U.S. Secretary of State X", "British Minister of Y X": a title, its country before it
                title = t == "of" and not ROLE_WORDS.isdisjoint(before) and all(
                    w in ROLE_WORDS or is_demonym(tk) or _COUNTRY_ABBR.fullmatch(tk) for w, tk in zip(before, toks, strict=False))
                if ORG_WORDS.isdisjoint(before) and not ROLE_WORDS.issuperset(before) and not title:
                    return split_name(" ".join(toks[:i]))
                break
    if not ORG_WORDS.isdisjoint(low):
        # a role word followed by a person name inside an org sequence ("Norvik Shipping CEO Ada Lund")
        j = max((i for i, t in enumerate(low[:-1]) if t in ROLE_WORDS and t not in ORG_WORDS
                 and t not in ROLE_MODIFIERS), default=-1)
        if j >= 0 and not any(t in ORG_WORDS for t in low[j + 1:]):
            return low[:j + 1], " ".join(toks[j + 1:]), "person"
        k = _given_name_at(toks)
        if k > 0 and ORG_WORDS.isdisjoint(low[k:]):
            # "Assistant Commissioner Eric Stubbs": a title that is also an office, then a person
            return low[:k], " ".join(toks[k:]), "person"
        while toks and low[0] in ("the",):
            toks, low = toks[1:], low[1:]
        if len(toks) > 1 and low[-1] in LEGAL_FORMS:
            toks = toks[:-1]  # "TransCanada Corp.": the company is TransCanada
        return [], " ".join(toks), "org"
    j = -1
    if not ROLE_WORDS.isdisjoint(low):
        j = max((i for i, t in enumerate(low[:-1]) if t in ROLE_WORDS), default=-1)
    if j >= 0:
        roles = low[:j + 1]
        rest = toks[j + 1:]
        if len(rest) == 1 and _plural_noun(rest[0]):
            return [], seq, "group"  # "First Nations": a people, not a person called Nations
        if rest and rest[0].lower() in _JOINED_TITLE:
            # "Minister of Crown Relations Carolyn Bennett": the title runs on to the given name
            k = _given_name_at(rest)
            if k > 0:
                return roles + [t.lower() for t in rest[:k]], " ".join(rest[k:]), "person"
            if rest[0].islower():
                return low, "", "role"  # "Democrat of Tennessee": a role and its place, no name
        return roles, " ".join(rest), "person"
    # leading demonym/role-only words before a name ("Azerbaijani Jeyhun Bayramov") are left in place
    if _ROLE_OR_DEMONYM.issuperset(low) or (
            not ROLE_WORDS.isdisjoint(low) and all(t in ROLE_WORDS or is_demonym(tt) for t, tt in zip(low, toks, strict=False))):
        return low, "", "role"  # "Foreign Minister", "Azerbaijani"; not "Brennan" (a surname in -an)
    given = first_name(low[0]) is not None
    # "of Crown Relations Carolyn Bennett", "Coastal Development Navin Batra", "Grower Lena Ostrow":
    # the tail of a title or an occupation (words of English, not names), then a person named from
    # a given name on. Where no given name follows, the tests of the first word cannot matter: the
    # name-list look-ups go first, the word frequencies (wordfreq's tokenizer for some words) after.
    if not given and (k := _given_name_at(toks)) > 0 and (
            not _JOINED_TITLE.isdisjoint(low) or common_word(toks[0]) or occupation_word(toks[0])):
        return low[:k], " ".join(toks[k:]), "person"
    plural = _plural_noun(toks[-1])
    kind = "person" if given and not plural else "unknown"
    if kind == "unknown" and not given and plural:
        kind = "group"  # "the Conservatives", "Toronto Maple Leafs": a party, a team, a people
    if "&" in toks:
        kind = "org"  # "Procter & Gamble", "Hollin & Marsh": a firm
    return [], seq, kind  # "San Jose Sharks" is a team, not a person called San


_JOINED_TITLE = frozenset(("of", "for", "and", "&", "to"))
_COUNTRY_ABBR = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # "U.S.", "U.K.", "UN", "EU"


def _plural_noun(word: str) -> bool:
    """'Sharks', 'Nations', 'Rockets': the plural of a common noun (a team, a people, a group)."""
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and first_name(w) is None \
        and (common_word(w[:-1]) or (w.endswith("es") and common_word(w[:-2])))


def _given_name_at(toks: list[str]) -> int:
    """Where a person's name starts after the words of a title (a given name followed by a surname), or 0."""
    for i in range(1, len(toks) - 1):
        if toks[i - 1].lower() not in _JOINED_TITLE and toks[i][:1].isupper() and first_name(toks[i]) is not None:
            return i
    return 0


def gender_of_first(name: str) -> str:
    t = name.split(None, 1)
    if len(t) >= 2:
        return first_name(t[0]) or ""
    return ""


_LEAD_WORD = re.compile(r"(\S+)\s+")
_POSS_GAP = re.compile(r"[’']s?\s+")
_POSS_END = re.compile(r"\w[’']s?$")


def clean_seq(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop a sentence-initial function word, a leading possessive owner and trailing junk."""
    seq = text[s:e]
    # leading stop words ("The", "According", "In"); the word is looked up first, the regex only
    # for a stop word (most sequences start with none)
    while seq.split(" ", 1)[0].lower() in STOP_CAPS:
        m = _LEAD_WORD.match(seq)
        if not m:
            return None
        s += m.end()
        seq = text[s:e]
    # possessive owner: "Ostria's Trade Minister Lena Fosse" -> after the possessive
    if "'" in seq or "’" in seq:  # no apostrophe, no possessive (most names)
        m = None
        for m in _POSS_GAP.finditer(seq):  # noqa: B007 (the last match is wanted)
            pass
        if m is not None and _POSS_END.search(seq[:m.start() + 2].rstrip()) and not (
                seq[m.start() - 1:m.start()] == "s" and all(w.lower() in ORG_WORDS for w in seq[m.end():].split())):
            # "Ostria's Trade Minister X" -> after the possessive; "the Farmers' Union" stays whole
            if m.end() < len(seq):
                s += m.end()
                seq = text[s:e]
            else:
                return None
        if seq.endswith("’s") or seq.endswith("'s"):
            e -= 2
        elif seq.endswith("’") or seq.endswith("'"):
            e -= 1
    if e <= s:
        return None
    return s, e


STOP_RAW = frozenset(w.capitalize() for w in STOP_CAPS) | frozenset(w.upper() for w in STOP_CAPS if len(w) > 1)
_AND_RE = re.compile(r" and ")  # "Hollin & Marsh" is one firm


def _name_scan_re() -> re.Pattern:
    """NAME_RE that does not stop at a lone function word ("The", "He", "But" …): the sentence starts
    of every article would otherwise be matched one by one only to be dropped. Group 1 is the name.

    NAME_RE begins with lookarounds, so a scan with it runs the regex engine at every character. Here
    a capital letter comes first, which the engine finds on its own, and the name is matched from that
    letter in a lookahead (inside a lookbehind over the letter): the scan takes a fifth fewer instructions.

    Each word is first tried as an abbreviated title ("Mr.", "U.S.", "Gen."): some thirty alternatives. They
    all are a capital, at most three small letters and a full stop, so a lookahead for that shape goes first:
    the same names, a tenth fewer instructions.

    Its repeats are possessive (*+, ++): nothing after the name can fail (the lookahead ends there and every
    word after the first is optional), and no repeat that gave back could let what follows it match more (a
    space given back, or a joiner, leaves a space or a small letter where a capital is wanted; a letter given
    back leaves a letter where a mark, a space or the end is wanted). The re engine then keeps no state to
    back into: the same names, a seventh fewer instructions."""
    from tui.quotes.text import _ABBR_TITLES, _CONNECT, _UP, UP, _trie_regex
    titles = "(?:" + _ABBR_TITLES + "|"
    src = NAME_RE.pattern.replace(titles, "(?:(?=" + UP + r"[a-z]{0,3}\.)(?:" + _ABBR_TITLES + ")|")
    assert src.count("(?=" + UP + r"[a-z]{0,3}\.)") == 2  # NAME_RE's first word and the words after it
    for plain, poss, n in ((r"[^\W_]*", r"[^\W_]*+", 2), (r"[^\W_]+", r"[^\W_]++", 2), (r"[ \t]+", r"[ \t]++", 4),
                           (r"(?:[’'\-][^\W_]++)*", r"(?:[’'\-][^\W_]++)*+", 2), (r"(?:[A-Z]\.){2,}", r"(?:[A-Z]\.){2,}+", 2),
                           ("(?:" + _CONNECT + r"[ \t]++)*", "(?:" + _CONNECT + r"[ \t]++)*+", 1)):
        assert src.count(plain) == n, plain
        src = src.replace(plain, poss)
    assert src.endswith("))*")
    src += "+"  # the words after the first
    assert src.startswith("(?=" + UP + ")")
    src = src[len("(?=" + UP + ")"):]  # (the scan's own first letter, the one the lookahead starts on, is one)
    lb = "(?<![\\w’'])"
    i = src.index(lb) + len(lb)
    stop = _trie_regex(sorted(STOP_RAW))
    neg = (r"(?!(?:" + stop + r")(?![^\W_]|[’'\-.]|[’'][ \t]++" + UP + r")(?![ \t]++(?:" + _CONNECT + r"[ \t]++)*+"
           + UP + r"))")
    # The scan's first letter: a wider class (A-Z and a range from the first to the last other capital), which
    # re tests in fewer instructions than UP's table, on each character of the text; UP in the lookbehind is
    # what a name starts with (a small letter of the range is given up there: few texts have any)
    other = [c for c in _UP if c > "Z"]
    first = "[A-Z" + other[0] + "-" + other[-1] + "]"
    assert other == sorted(other) and all("A" <= c <= "Z" or other[0] <= c <= other[-1] for c in _UP)
    return re.compile(first + "(?<=(?=(" + src[:i] + neg + src[i:] + "))" + UP + ")")


_NAME_SCAN = _name_scan_re()
_SEQ_CACHE: dict[str, tuple] = {}
# words a name never holds but a title-case headline does ("Latinos Share Their Thoughts On X")
_HEADLINE_WORDS = frozenset("""their his her our my your its is are was were will would can could should has have
had be says said asks asking tells told wants how why what when not just""".split())


def _headline(seq: str) -> bool:
    words = seq.lower().split()
    return len(words) >= 4 and not _HEADLINE_WORDS.isdisjoint(words[1:])


def name_seq(raw: str) -> tuple:
    """A capitalised sequence cleaned and split: (offsets of the clean part in raw, that part,
    split_name of it, gender of its first name), or (None,). Pure, so memoised."""
    c = _SEQ_CACHE.get(raw)
    if c is None:
        r = clean_seq(raw, 0, len(raw))
        if r is None or _headline(seq := raw[r[0]:r[1]]):
            c = (None,)
        else:
            roles, name, kind = split_name(seq)
            # all immutable (the roles a tuple): the collector stops tracking the cached entries
            c = (r, seq, (tuple(roles), name, kind), gender_of_first(name))
        if len(_SEQ_CACHE) > 50000:
            _SEQ_CACHE.clear()
        _SEQ_CACHE[raw] = c
    return c


def _name_pieces(text: str):
    """Name sequences; 'Nadia Orlov and Peter Hahn' is two names, 'Ministry of Energy and Mines' one."""
    search = _NAME_SCAN.search
    end = 0
    while (m := search(text, end)) is not None:
        start, end = m.span(1)  # the scan goes on after the name (as finditer would)
        raw = text[start:end]
        if " and " not in raw:
            yield start, end, raw, start
            continue
        pos = 0
        for a in _AND_RE.finditer(raw):
            before = raw[pos:a.start()].lower().split()
            if any(w in ORG_WORDS for w in before) or not before:
                continue
            yield start + pos, start + a.start(), raw[pos:a.start()], start
            pos = a.end()
        yield start + pos, end, raw[pos:], start


# (a word's letters: \w with the ASCII letters and digits spelled out first, the same set: re then finds
# most letters in its table of characters before it asks for their Unicode category)
_WORD_CHAR = r"[0-9A-Za-z_\w’'\-]"
_CAP_WORD = r"[A-Z][a-z]" + _WORD_CHAR + "*+"
# possessive (*+, ++): what follows a word or a gap never starts with their characters, so giving some
# back could never make a run; without it a lone capitalised word was retried once per letter
_CAP_GAP = r",?[ \t]++(?:(?:of|the|and|for|on|&)[ \t]++)*+"
# an acronym (three to six capitals, a word of its own), or a run of three capitalised words or more (the
# first three spelled out, not {2,}: most capitals start no run, and the regex engine's general repeat costs
# more to set up than the first gap costs to fail). One scan finds both: each opens with a capital, which re
# skips to in C (a pattern opening with a lookbehind or an alternation is tried at every character), and a
# capital opens at most one of them (the next letter is a capital or a small letter). Group 1: the acronym
# after its first two letters. Each branch opens with its next letter's class, which re tests before it enters
# the branch: the acronym's lookbehind (one letter further on, one letter longer) is tried only after two capitals.
_ACRONYM_OR_RUN = re.compile(r"[A-Z](?:[A-Z](?<!\w..)([A-Z]{1,4})\b|[a-z]" + _WORD_CHAR + "*+" + (_CAP_GAP + _CAP_WORD) * 2
                             + "(?:" + _CAP_GAP + _CAP_WORD + ")*)")
_ACRONYM = re.compile(r"[A-Z](?<!\w.)[A-Z]{2,5}\b")
_CAP_WORD_RE = re.compile(_CAP_WORD)


def _acronyms(text: str) -> list[tuple[int, int, str, str]]:
    """'IRCC' and 'Immigration, Refugees and Citizenship Canada' in one article: (start, end, full name,
    acronym) for each acronym whose letters are the initials of a run of capitalised words in the text."""
    wanted = set()
    runs = []
    for m in _ACRONYM_OR_RUN.finditer(text):
        if m.group(1) is not None:
            wanted.add(m.group())
            continue
        run = m.group()
        runs.append((m.start(), run))
        if "-" in run or "’" in run or "'" in run:
            # "Anglo-USA …": an acronym inside a word of the run
            wanted.update(_ACRONYM.findall(text, m.start(), m.end()))
    out: list[tuple[int, int, str, str]] = []
    if not wanted:
        return out
    for start, run in runs:
        # a run's words start at its start and after its gaps' spaces; its joiners are lower case or '&'
        initials = "".join([w[0] for w in run.split() if w[0].isupper()])
        found = [a for a in wanted if a in initials]
        if not found:
            continue
        words = list(_CAP_WORD_RE.finditer(text, start, start + len(run)))
        for acr in found:
            k = initials.index(acr)
            s, e = words[k].start(), words[k + len(acr) - 1].end()
            full = _rx(r"[’']s?$").sub("", text[s:e])  # "… Affairs Committee's": the name, not its possessive
            wanted.discard(acr)
            if all(w.group().lower() in ROLE_WORDS or w.group().lower() in ROLE_MODIFIERS for w in words[k:k + len(acr)]):
                continue  # "Chief Executive Officer": a title, no organisation
            out.append((s, s + len(full), full, acr))
        if not wanted:
            break
    out.sort()
    return out


def build_registry(text: str, sents: list[tuple[int, int]], spans: list) -> tuple[Registry, list]:
    """First pass: every capitalised name sequence -> entity; roles and gender from context.

    Returns the registry and the list of name mentions (start, end, entity, np_roles) in text order."""
    reg = Registry(text)
    entity_for = reg.entity_for
    mentions = []
    seen: dict[Entity, int] = {}
    known: dict[tuple, tuple] = {}  # (raw, at_start, piece starts the match) -> (entity, offset, length)
    # Mentions come in text order, so the sentence and the quotation span of each are found by walking
    # along: k, the last sentence starting at or before the mention (ss, se: its bounds, or the text's
    # before the first), and q, the last quotation span opened at or before it (inside it where
    # q_open < pos < q_lim: as Doc.span_at; an unclosed span holds its closing position too).
    nsent = len(sents)
    k = -1
    ss, se = 0, len(text)
    next_sent = sents[0][0] if sents else len(text) + 1
    nspans = len(spans)
    q = -1
    q_open = q_lim = 0  # (no span yet: no position is inside)
    next_open = spans[0].open if spans else len(text) + 1

    # an organisation named in full with its acronym: the acronym names it too, by its full name
    acr = _acronyms(text)
    acr_ents = []
    for a_s, _a_e, full, short in acr:
        whole = entity_for(full, "org")
        whole.first = a_s if whole.first < 0 else whole.first
        reg.by_full[_key(short)] = whole
        acr_ents.append(whole)
    acr_starts = [a[0] for a in acr]

    for s0, e0, raw, m_start in _name_pieces(text):
        if raw in STOP_RAW:
            continue  # "The", "In", "But": never a name on their own
        if text[s0 - 2:s0] == ", " and _state_after_place(text, s0, e0):
            continue  # "Ont." in "Brampton, Ont.": the rest of a place, no one to quote
        s = s0
        if s >= next_sent:
            while k + 1 < nsent and sents[k + 1][0] <= s:
                k += 1
            ss, se = sents[k]
            next_sent = sents[k + 1][0] if k + 1 < nsent else len(text) + 1
        if s >= next_open:
            while q + 1 < nspans and spans[q + 1].open <= s:
                q += 1
            sp = spans[q]
            q_open, q_lim = sp.open, sp.close if sp.closed else sp.close + 1
            next_open = spans[q + 1].open if q + 1 < nspans else len(text) + 1
        if acr:
            j = bisect_right(acr_starts, s) - 1
            if j >= 0 and s < acr[j][1]:
                # a piece of a full name given with its acronym ("Refugees and Citizenship Canada")
                whole = acr_ents[j]
                whole.count += 1
                mentions.append((acr[j][0], acr[j][1], whole, not q_open < s < q_lim, k))
                if " " in raw.strip():
                    reg.by_full.setdefault(_key(raw.strip()), whole)  # not "Manafort" of "Black, Manafort, Stone"
                continue
        # sentence-initial: also after an opening quotation mark
        at_start = s == ss or (s - ss < 4 and text[ss:s].strip() in ("\"", "“", "‘", "«", "'", "„", "("))
        # only names of two words or more are kept in known (NAME_RE parts words with spaces or tabs)
        if " " in raw or "\t" in raw:
            kk = (raw, at_start, s == m_start)
            hit = known.get(kk)
            if hit is not None:
                ent, off, ln = hit
                ent.count += 1
                ns = s + off
                mentions.append((ns, ns + ln, ent, not q_open < s < q_lim, k))
                cnt = seen.get(ent, 0)
                if cnt < 2:
                    seen[ent] = cnt + 1
                    _context_roles(text, s, ns + ln, ent, ss, se)
                continue
        c = _SEQ_CACHE.get(raw) or name_seq(raw)
        if c[0] is None:
            continue
        r, seq, (roles, name, kind), first_gender = c
        if r[0]:
            s += r[0]
            if s >= next_open:  # (the walk above, on to the cleaned start)
                while q + 1 < nspans and spans[q + 1].open <= s:
                    q += 1
                sp = spans[q]
                q_open, q_lim = sp.open, sp.close if sp.closed else sp.close + 1
                next_open = spans[q + 1].open if q + 1 < nspans else len(text) + 1
        if not name:
            continue
        if at_start and s == m_start:
            if " " not in seq and seq.lower() in STOP_CAPS:
                continue
            # a single sentence-initial capitalised word is a name only if seen elsewhere
            if kind == "group" and " " not in name and not roles:
                kind = "unknown"  # "Schools stayed shut": a plural noun, no group
        ns = s + seq.rfind(name)
        ent = entity_for(name, kind)
        if kind == "person" and ent.kind == "unknown":
            ent.kind = "person"
        if roles:
            for r_ in roles:
                if nationality_word(r_):
                    ent.nat.add(r_)
                else:
                    ent.roles.add(r_)
            ent.phrases.add(" ".join(roles))
            if roles[0] in MALE_WORDS:
                ent.gender = ent.gender or "m"
            elif roles[0] in FEMALE_WORDS:
                ent.gender = ent.gender or "f"
        if not ent.gender and first_gender and ent.kind != "org":
            ent.gender, ent.gender_guessed = first_gender, True
            ent.kind = "person"
        if roles and ent.kind == "unknown":
            ent.kind = "person"
        ne = ns + len(name)
        mentions.append((ns, ne, ent, not q_open < s < q_lim, k))
        ent.count += 1
        if " " in name:
            known[kk] = (ent, ns - s, len(name))  # a single word is looked up each time (see Registry.lookup)
        if ent.first < 0:
            ent.first = ns
        cnt = seen.get(ent, 0)
        if cnt < 2:
            seen[ent] = cnt + 1
            _context_roles(text, s, ne, ent, ss, se)
    return reg, mentions


_PRE_WORD_REV = re.compile(r"\s*([\w\-’']*[A-Za-z])")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_APPOSITION_AFTER = re.compile(r",\s+([^,;:\n]{1,120}?)(?=,|\.|;|$| who | which | that )")
_WHO_WHICH_AFTER = re.compile(r",\s+(who|which)\b")
# group 1: "the group's director" before ", X,". It starts a word (\b: also after ^ or [.;:]\s), so its
# first letter is matched first (re skips to it in C) and the rest is matched from that letter on in a
# lookahead inside a lookbehind over it, as in _name_scan_re: half the instructions of trying each position
_APPOSITION_BEFORE = re.compile(
    r"[A-Zthi](?<!\w.)(?<=(?=((?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*[’']s)\s[^,;:.]{1,80}),\s*$)[A-Zthi])")
_STOP_PRE = frozenset("""the a an of with by to for and or but from in on at as said says told his her their its
our my your this that who which whose when after before was were is are has have had be been also
said told added according than like""".split())


def _word_before(text: str, lo: int, j: int) -> tuple[str, int] | None:
    """The last word of text[lo:j] (from its first letter a-z/A-Z on) and where it starts, or None."""
    if j - lo > 2 and text[j - 1] == " ":
        head, space, w = text[lo:j - 1].rpartition(" ")  # (cheaper than rfind with bounds)
        if space and w.isascii() and w.isalpha():
            return w, lo + len(head) + 1  # most often a plain word between two spaces: no regex needed
    m = _PRE_WORD_REV.match(text[lo:j][::-1])  # read backwards: one match
    return (m.group(1)[::-1], j - m.end(1)) if m else None


@lru_cache(maxsize=4096)
def _role_before(w: str) -> str:
    """What a word just before a name is: "role" (a role word or a nationality: "striker X", "Russian X"),
    "owner" (his, her, their, its), or "" (any other word: the role words before the name end there)."""
    lw = w.lower()
    if lw in ("his", "her", "their", "its"):
        return "owner"
    if lw in _STOP_PRE or lw.endswith("’s") or lw.endswith("'s"):
        return ""
    if w[0].isupper() and not is_demonym(w) and lw not in ROLE_WORDS:
        return ""
    if not (lw in ROLE_WORDS or is_demonym(w) or ROLE_SUFFIX.search(lw)):
        return ""
    return "role"


def _context_roles(text: str, s: int, e: int, ent: Entity, ss: int, se: int) -> None:
    """Role words just before the name ("striker X", "his Russian counterpart X") and appositions."""
    # words before (only a word and a space can hold one)
    pre = []
    owner_his = False
    if s > ss and text[s - 1] == " " and text[s - 2:s - 1].isalpha():
        j = s
        for _ in range(4):
            wb = _word_before(text, max(ss, j - 40), j)
            if wb is None:
                break
            w, j = wb
            what = _role_before(w)
            if what != "role":
                owner_his = what == "owner"
                break
            pre.append(w.lower())
    # a name used as a modifier of an organisation noun: "the Open Harbour party", "the Norvik group"
    if not ent.gender and ent.kind in ("unknown", "person") and " " in ent.name:
        nm = _NEXT_WORD.match(text, e)
        if nm and (nm.group(1) in ORG_HEADS or nm.group(1) in ORG_WORDS):
            ent.kind = "org"
    if pre:
        pre.reverse()
        for w in pre:
            if nationality_word(w):
                ent.nat.add(w)
            else:
                ent.roles.add(w)
        ent.phrases.add(" ".join(pre))
        if pre[-1] in FEMALE_WORDS:
            ent.gender = ent.gender or "f"
        elif pre[-1] in MALE_WORDS:
            ent.gender = ent.gender or "m"
        if ent.kind == "unknown" and any(w not in ROLE_MODIFIERS for w in pre):
            ent.kind = "person"
        if owner_his and ("counterpart" in pre or "colleague" in pre):
            ent.roles.add("counterpart")
    if text[e:e + 1] == ",":
        head = _APPOSITION_HEAD.match(text, e, se)
        if head is not None:  # both patterns want a space after the comma
            if _apposition_may_count(head[1]):
                _apposition_after(text, e, se, ent)
            m2 = _WHO_WHICH_AFTER.match(text, e, se)
            if m2:
                if m2.group(1) == "who" and ent.kind == "unknown":
                    ent.kind = "person"
                elif m2.group(1) == "which" and ent.kind == "unknown":
                    ent.kind = "org"
    # apposition before: "the group's director, X," / "Its leader, X,"
    m3 = None
    if text[s - 2:s] == ", ":
        before = text[max(ss, s - 100):s]
        # the phrase holds no , ; : or . so the search starts at the last of them before the comma
        c = len(before) - 2
        stop = max(before.rfind(",", 0, c), before.rfind(";", 0, c), before.rfind(":", 0, c), before.rfind(".", 0, c))
        m3 = _APPOSITION_BEFORE.search(before, max(0, stop))
    if m3:
        ph = m3.group(1).lower()
        _add_phrase(ent, _rx(r"^(?:the|its|his|her|their)\s+").sub("", ph))


# the first word after a comma and one space, as far as _APPOSITION_AFTER's group would hold it (its group
# then starts there, and ends at the first . , or ;)
_APPOSITION_HEAD = re.compile(r",\s([^\s.,;:]*)")


def _apposition_may_count(w0: str) -> bool:
    """Whether an apposition whose first word is w0 can give a role: one of _apposition_after's tests on
    that word (an age, a/an/the, a role word). "" (another space, a '.') cannot be told: it may. Most
    appositions start otherwise ("…, who", "…, said"), and the apposition pattern is a dear one."""
    lw0 = w0.lower()
    return not w0 or w0.isdecimal() or lw0 in ("a", "an", "the") or (lw0 in ROLE_WORDS and w0.islower())


def _apposition_after(text: str, e: int, se: int, ent: Entity) -> None:
    """'X, a political scientist at Y,' / 'X, 58,' / 'X, the private company that': the comma at e."""
    m = _APPOSITION_AFTER.match(text, e, se)
    if m:
        app = m.group(1).strip()
        if CUE_RE.search(app):
            app = ""  # "…, the commission said": not an apposition
        words = app.split()
        lw0 = words[0].lower() if words else ""
        if _rx(r"\d{1,3}").fullmatch(app):
            ent.roles.add(f"{app}-year-old")
            ent.kind = "person" if ent.kind == "unknown" else ent.kind
        elif (lw0 in ("a", "an", "the") or (lw0 in ROLE_WORDS and words[0].islower())) \
                and VERBISH.isdisjoint(w.lower() for w in words):  # "…, the government is": a clause
            ph = " ".join(w.lower() for w in words)
            ph = _rx(r"\b(?:who|which|that)\b").split(ph)[0].strip()
            _add_phrase(ent, ph)


_CURLY_POSSESSIVE = re.compile(r"’s\b")
_PHRASE_WORD_CHAR = re.compile(r"[\w\-']")
_HEAD_END = re.compile(r"\s(?:of|for|at|from|in|with|on|to)\s")


def _add_phrase(ent: Entity, ph: str) -> None:
    if "’" in ph:
        ph = _CURLY_POSSESSIVE.sub("'s", ph)
    if not _PHRASE_WORD_CHAR.search(ph):
        return  # no word in it
    ent.phrases.add(ph)
    # head: the word before the first preposition
    padded = " " + ph + " "
    m = _HEAD_END.search(padded)
    head_part = (padded[:m.start()] if m else padded).split()
    for w in head_part:
        w2 = w.split("'")[-1] if "'s" in w else w
        if "'" in w:
            continue
        if w in ("a", "an", "the", "former", "its", "his", "her", "their"):
            continue
        if nationality_word(w):
            ent.nat.add(w)
        else:
            ent.roles.add(w2)
    if head_part:
        h = head_part[-1]
        if h in ORG_HEADS or h in ("company", "firm", "club", "group", "organisation", "organization", "charity"):
            if ent.kind == "unknown":
                ent.kind = "org"
        elif ent.kind == "unknown":
            ent.kind = "person"
        if h in FEMALE_WORDS:
            ent.gender = ent.gender or "f"
        elif h in MALE_WORDS:
            ent.gender = ent.gender or "m"


_NP_CACHE: dict[tuple, tuple | None] = {}


def parse_np(text: str, s: int, e: int, sent_start: int) -> NP | None:
    """Parse the speaker phrase text[s:e] (a subject region or the words after an inverted cue).

    The parse reads only text[s:e] (and whether the sentence starts inside it), so it is memoised
    on that phrase; the cached result is stored relative to s and copied out."""
    rel = sent_start - s if s <= sent_start <= e else -1
    key = (text[s:e], rel)
    if key in _NP_CACHE:
        c = _NP_CACHE[key]
    else:
        np = _parse_np(key[0], 0, e - s, rel)
        c = None if np is None else (np.kind, np.start, np.end, np.text, np.name, tuple(np.roles), np.head,
                                     tuple(np.mods))
        if len(_NP_CACHE) > 20000:
            _NP_CACHE.clear()
        _NP_CACHE[key] = c
        if np is not None:  # a fresh parse is the caller's own: shift it rather than copy it out again
            np.start += s
            np.end += s
        return np
    if c is None:
        return None
    return NP(c[0], c[1] + s, c[2] + s, c[3], c[4], list(c[5]), c[6], list(c[7]))


_CHUNK_MARKS = frozenset(";:,—–()")  # single-character tokens that end a chunk
_CHUNK_MARK_RE = re.compile("[" + "".join(sorted(_CHUNK_MARKS)) + "]")


def _parse_np(text: str, s: int, e: int, sent_start: int) -> NP | None:
    toks = tokens(text, s, e)
    if "(" in text[s:e]:
        # drop parentheticals: "Sen. Ada Lund (D-Ore.)"
        out, depth = [], 0
        for t in toks:
            if t[2] == "(":
                depth += 1
            elif t[2] == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                out.append(t)
        toks = out
    # trailing auxiliaries, adverbs and time phrases ("has also", "later", "on Monday", "just this month")
    while toks:
        w = toks[-1][2]
        lw = w.lower()
        if not (lw in AUX_ADV or (lw in TIME_WORDS and (w.islower() or lw in WEEKDAYS))
                or (w.endswith("ly") and w.islower() and len(w) > 4 and w not in NOT_ADVERBS)):
            break
        toks.pop()
    while toks and toks[-1][2] in (",", "—", "–", "-"):
        toks.pop()
    if not toks:
        return None
    chunks = _chunks(text, s, e, toks)
    # skip relative clauses and participles at the end
    while len(chunks) > 1 and (_is_skippable(chunks[-1]) or _place_tail(chunks, len(chunks) - 1)
                               or _where_clause(chunks[-1]) or _rel_continued(chunks, len(chunks) - 1)):
        chunks.pop()
    if not chunks:
        return None
    last = _np_from_chunk(text, chunks[-1], sent_start)
    if len(chunks) >= 3 and _title_list(chunks[1:]):
        # "Ana Holt, Minister of Trade, Industry and Energy, said": the title's list runs over commas
        first = _np_from_chunk(text, chunks[0], sent_start)
        if first is not None and first.kind == "name":
            first.roles = first.roles + [text[chunks[1][0][0]:chunks[-1][-1][1]].lower()]
            return first
    if len(chunks) >= 3 and last is not None and last.kind == "desc":
        # "Tom Ridley, the attorney general of Tarrow, one of the states suing, said": appositions to a name
        first = _np_from_chunk(text, chunks[0], sent_start)
        rest = [_np_from_chunk(text, c, sent_start) for c in chunks[1:-1]]
        if first is not None and first.kind == "name" and all(r is not None and r.kind == "desc" for r in rest):
            first.roles = first.roles + [r.text.lower() for r in rest if r is not None] + [last.text.lower()]
            return first
    if len(chunks) >= 2 and last is not None and last.kind != "pronoun":
        # only a name or description joins the chunk before (the loop above left no skippable last chunk)
        prev = _np_from_chunk(text, chunks[-2], sent_start)
        if prev is not None:
            if last.kind == "desc" and prev.kind == "name":
                prev.roles = prev.roles + [last.text.lower()]
                return prev
            if last.kind == "name" and prev.kind == "desc":
                last.roles = last.roles + [prev.text.lower()]
                return last
            if last.kind == "desc" and prev.kind == "desc" and prev.start == chunks[-2][0][0] \
                    and last.text.split(" ", 1)[0].lower() in ("the", "a", "an") and _people_noun(prev.head):
                # "Shopkeepers on X Street, the road past the station, said": the apposition describes them
                prev.roles = prev.roles + [last.text.lower()]
                return prev
        if last.kind == "desc" and _rx(r"\d{1,3}").fullmatch(last.text) and prev is not None:
            return prev
    return last


def _chunks(text: str, s: int, e: int, toks: list) -> list[list]:
    """The tokens of text[s:e] (toks, not empty) in chunks separated by commas, dashes and parentheses; a colon or
    semicolon ends a clause, so what came before it is no apposition ("Frustration with police: Civil
    rights activists say …")."""
    if _CHUNK_MARK_RE.search(text, s, e) is None:
        return [toks]  # no mark in the phrase, so none among its tokens (most phrases)
    chunks: list[list] = [[]]
    for t in toks:
        w = t[2]
        if w not in _CHUNK_MARKS:  # most tokens: one set look-up
            chunks[-1].append(t)
        elif w in (";", ":"):
            chunks = [[]]
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


def _title_list(chunks) -> bool:
    """'Minister of Innovation', 'Science and Economic Development': a role 'of' a list of capitalised words."""
    words = [t[2] for c in chunks for t in c]
    low = [w.lower() for w in words]
    return len(low) >= 3 and low[0] in ROLE_WORDS and "of" in low[1:3] \
        and all(w[:1].isupper() or lw in NAME_JOINERS for w, lw in zip(words[1:], low[1:], strict=True)) \
        and first_name(words[-2]) is None


def _people_noun(head: str) -> bool:
    """'shopkeepers', 'residents', 'officials': a noun for people (a plural counts)."""
    one = head[:-1] if head.endswith("s") else head
    return one in ROLE_WORDS or bool(ROLE_SUFFIX.search(one))


def np_region_ok(text: str, s: int, e: int) -> bool:
    """Is text[s:e] wholly a subject phrase (a name or description with appositions)?"""
    toks = tokens(text, s, e)
    if not toks or len(toks) > 40:
        return False
    chunks: list[list] = [[]]
    for t in toks:
        if t[2] in (",", "—", "–", "(", ")"):
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(t)
    chunks = [c for c in chunks if c]
    if not chunks:
        return False
    for i, c in enumerate(chunks):
        if i > 0 and (_is_skippable(c) or _place_tail(chunks, i) or _where_clause(c) or _rel_continued(chunks, i)):
            continue
        w0 = c[0][2]
        if i == 0 and len(chunks) > 1 and (w0.lower() in PREPS or w0.lower() in ("asked", "speaking", "after",
                                                                                   "before", "during", "despite")
                                            or (w0.endswith("ing") and w0[:1].isupper())):
            continue  # an introductory phrase: "At the hearing itself, X, head of Y, told …"
        if w0.lower() in SUBORD or w0.lower() in PREPS:
            return False
        np = _np_from_chunk(text, c, s)
        if np is None:
            return False
    return True


def _org_before(lws, words) -> bool:
    """Words before 'of' that an 'of' phrase continues: an organisation's, or a title's ("U.S. Secretary")."""
    return any(w in ORG_WORDS for w in lws) or all(w in ROLE_WORDS for w in lws) or (
        not ROLE_WORDS.isdisjoint(lws) and all(w in ROLE_WORDS or is_demonym(tk) or _COUNTRY_ABBR.fullmatch(tk)
                                               for w, tk in zip(lws, words, strict=True)))


_RESTART_DETS = frozenset("their his her its our".split())


def _gerund(lws, words, i) -> bool:
    """A lower-case -ing word that starts a participle clause ("officials speaking on …"), not a noun
    after a preposition or determiner ("experts in shipping", "the training")."""
    return lws[i].endswith("ing") and words[i].islower() and lws[i] not in ("during",) and not (
        i > 0 and lws[i - 1] in _NOUN_ING_BEFORE)


_NOUN_ING_BEFORE = frozenset("of for at from in on with to about over under between among into within without "
                             "the a an this that its his her their our".split())


def _desc_end(chunk, lws, words) -> int:
    end_i = len(chunk)
    for i in range(1, len(lws)):
        if lws[i] in REL_START or (lws[i].endswith("ing") and _gerund(lws, words, i)) or lws[i] == "but":
            end_i = i  # "a person familiar with the talks but not authorized to speak": the source ends at "but"
            break
    return chunk[end_i - 1][1]


_STATE_ABBR = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+|[A-Z]{2}")  # "Md.", "Calif.", "N.Y.", "NY"


def _state_after_place(text: str, s: int, e: int) -> bool:
    """'Ont.' in 'Brampton, Ont.', 'Calif.' in 'Oakland, Calif.': a state or province abbreviated after a
    capitalised place and a comma."""
    if text[s - 2:s] != ", " or text[e:e + 1] != "." or _STATE_ABBR.fullmatch(text[s:e + 1]) is None:
        return False
    before = text[max(0, s - 40):s - 2].split()
    return bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def _place_tail(chunks, i: int) -> bool:
    """'Md.' in 'Tom Ridley, of Tarrow, Md., said' or 'Ana Brisk of Kessel, Va., said': the rest of a
    place named after 'of/from/in'."""
    if i == 0 or not chunks[i][0][2][0].isupper():
        return False  # (both tests below want a capital first: [A-Z] is upper case)
    words = [t[2] for t in chunks[i]]
    if not (_STATE_ABBR.fullmatch("".join(words)) or (
            len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words) and i == len(chunks) - 1
            and i >= 2 and chunks[i - 1][0][2] in ("a", "an", "the", "of", "from"))):
        return False  # "Md.", or a state or country closing the phrase: "a delegate from Houston, Texas"
    prev = [t[2] for t in chunks[i - 1]]
    k = max((j for j, w in enumerate(prev) if w in ("of", "from", "in")), default=-1)
    return k >= 0 and k < len(prev) - 1 and all(w[:1].isupper() for w in prev[k + 1:])


_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.\-]*")  # "Ada Lund, R-Ore., said"


def _party_tag(chunk) -> bool:
    """'R-Ore.' (a chunk of up to four tokens); the pattern is asked only where the first letter fits."""
    return len(chunk) <= 4 and chunk[0][2][0] in "RDI" and _PARTY_TAG.fullmatch("".join(t[2] for t in chunk)) is not None


def _rel_continued(chunks, i: int) -> bool:
    """'X, who attended the school, played in the band and graduated in 2013, said': a relative clause
    going on after a comma with another verb of its own."""
    k = i - 1
    while k > 0 and chunks[k][0][2].islower() and chunks[k][0][2] not in ("who", "whose"):
        k -= 1  # earlier continuations of the same clause
    w = chunks[i][0][2]
    return k > 0 and chunks[k][0][2] in ("who", "whose") and w.islower() and w.isalpha() \
        and w not in DETERMINERS and w not in PRONOUN_WORDS and w not in PREPS and w not in SUBORD \
        and w not in ("and", "or", "but")


def _where_clause(chunk) -> bool:
    """'…, a councillor in Kenton County, where the school is, said': a clause about the place, no subject."""
    return len(chunk) > 2 and chunk[0][2] == "where"


def _is_skippable(chunk) -> bool:
    if _party_tag(chunk):
        return True
    w = chunk[0][2].lower()
    if w in PREPS and len(chunk) > 2 and chunk[1][2].lower() in ("what", "which", "whom"):
        return False  # "…, in what the board says is …", "…, in which he said …": the subject follows
    if w in PREPS or (len(chunk) == 1 and w in ("however", "though", "meanwhile", "too", "also", "instead",
                                                "therefore", "again")):
        return True  # "Aksoy, for his part, told …", "She, however, said …"
    if w in ("who", "which", "whose", "whom"):
        if 1 < len(chunk) <= 6 and w != "whose" and not any(t[2].lower() in VERBISH for t in chunk):
            nx = chunk[1][2]
            if nx.lower() in DETERMINERS or nx.lower() in PRONOUN_WORDS or nx[:1].isupper():
                return False
        return True
    if w.endswith("ing") and chunk[0][2].islower():
        return True
    if len(chunk) == 1 and _rx(r"\d{1,3}").fullmatch(chunk[0][2]):
        return True
    if w in ("speaking", "asked", "reached", "contacted", "interviewed", "writing"):
        return True
    return False


def _np_from_chunk(text: str, chunk, sent_start: int) -> NP | None:
    words = [t[2] for t in chunk]
    lws = [w.lower() for w in words]  # lowered once: every check below reads them
    n = len(chunk)
    # cut at the last subordinator / conjunction followed by a lower-case word or a pronoun
    cut = 0
    stop = n
    if "what" in lws or not SUBORD.isdisjoint(lws):  # most chunks have neither: no walk
        for i in range(n - 1):
            lw = lws[i]
            if lw in SUBORD or lw == "what":
                nxt = words[i + 1]
                nl = lws[i + 1]
                if lw == "and" and nxt[:1].isupper() and nl not in PRONOUN_WORDS and nl not in DETERMINERS:
                    continue
                if lw in ("and", "but", "or") and i > cut and nxt[:1].islower() and nl not in PRONOUN_WORDS \
                        and nl not in DETERMINERS and not any(
                        lws[k] in VERBISH or (words[k].endswith("ed") and words[k].islower()) for k in range(cut, i)):
                    continue  # "Specialists in shipping and trade law": no clause before the conjunction
                if lw in ("that", "who", "which", "whose") and i > cut and nxt[:1].islower() \
                        and nl not in DETERMINERS and nl not in PRONOUN_WORDS:
                    stop = i  # a relative clause on the phrase before: "the company that built X"
                    break
                cut = i + 1
    if cut > 1 and lws[0] in ("the", "a", "an") and lws[cut] in PRONOUN_WORDS and lws[cut - 1] in SUBORD:
        # "the student seen in the video as he stood next to X": a description, then a clause of its own
        stop, cut = cut - 1, 0
    if cut or stop < n:
        chunk, words, lws = chunk[cut:stop], words[cut:stop], lws[cut:stop]
    if not chunk:
        return None
    last = words[-1]
    if len(chunk) >= 3 and last in ("he", "she", "they", "we") and words[-2].islower():
        # "At the end of the song she": an opening phrase with no comma, then the pronoun subject
        return NP("pronoun", chunk[-1][0], chunk[-1][1], last, head=last)
    if lws[0] in PREPS and not (
            lws[0] in QUANT_START and len(chunk) > 1 and (words[1][:1].isdigit() or lws[1] in NUMBER_WORDS)):
        return None  # "about fifty supporters" is a phrase; "about the plan" is not
    if len(chunk) > 14:
        return None
    if not VERBISH.isdisjoint(lws):
        return None
    span = text[chunk[0][0]:chunk[-1][1]]
    if ("'" in span or "’" in span) and any(w.endswith(("n't", "n’t")) for w in lws):
        return None  # (the apostrophe test spares the scan on most phrases)
    # a preposition after a lower-case word (or after a person's name) ends the phrase's core:
    # "director of the X Authority", "an analyst at Y", "Ada Lund of the University of Z"
    for i in range(1, len(chunk) - 1):  # (not the last word)
        if lws[i] in PREPS:
            prev_cap = words[i - 1][:1].isupper() and lws[i - 1] not in DETERMINERS and lws[i - 1] not in STOP_CAPS
            if not prev_cap or not _org_before(lws[:i], words[:i]):
                if prev_cap and all(w[:1].isupper() for w in words[:i]) and not any(
                        w in ORG_WORDS for w in lws[:i]):
                    core = _np_from_chunk(text, chunk[:i], sent_start)
                    if core is not None and core.kind == "desc":
                        core.end = _desc_end(chunk, lws, words)
                        core.text = text[core.start:core.end]
                    if core is not None:
                        return core
                    break
                if prev_cap and lws[i] != "of":
                    # "physics professor Kent Moore at the University of Toronto": the person, not the place
                    core = _np_from_chunk(text, chunk[:i], sent_start)
                    if core is not None and core.kind == "name" and first_name(core.name.split()[0]) is not None:
                        return core
                if not prev_cap:
                    core = _np_from_chunk(text, chunk[:i], sent_start)
                    if core is not None and core.kind == "desc":
                        core.end = _desc_end(chunk, lws, words)
                        core.text = text[core.start:core.end]
                        return core
                    break
            break
    s, e = chunk[0][0], chunk[-1][1]
    if len(chunk) == 1 and lws[0] in PRONOUN_WORDS:
        return NP("pronoun", s, e, text[s:e], head=lws[0])
    # a trailing proper name?
    j = len(chunk)
    while j > 0 and (words[j - 1][:1].isupper() or (j - 1 > 0 and lws[j - 1] in NAME_JOINERS
                                                         and words[j - 2][:1].isupper())):
        j -= 1
    if j == 0 and len(chunk) == 1 and s == sent_start and _PLURAL_NOUN.search(words[0]):
        j = 1  # "Engineers from the firm …": a sentence-initial common noun, not a name
    if 1 < j < len(chunk) and lws[0] in ("the", "a", "an") and (
            lws[j - 1] in PREPS or (j > 2 and lws[j - 1] == "the" and lws[j - 2] in PREPS)):
        j = len(chunk)  # "the top Democrat on the House Budget Committee": a description, the name its object
    if j < len(chunk):
        # the name sequence is chunk[j:]; it may hold titles
        ns = chunk[j][0]
        while j < len(chunk) and lws[j] in NAME_JOINERS:
            j += 1
        if j < len(chunk):
            ns = chunk[j][0]
            c = name_seq(text[ns:e])
            if c[0] is not None:
                ns2 = ns + c[0][0]
                seq = c[1]
                roles, name, kind = c[2]
                prefix = lws[:j]
                if name:
                    nstart = ns2 + seq.rfind(name)
                    return NP("name", nstart, nstart + len(name), name, name=name,
                              roles=[" ".join(prefix + list(roles))] if (prefix or roles) else [])
                if not name and roles and j == 0 and all(w[:1].isupper() for w in words):
                    return NP("desc", s, e, text[s:e], head=roles[-1], mods=list(roles[:-1]))
    # a description: determiner ... head
    # two noun phrases side by side ("a result their manager described as …": a relative clause without
    # "that"): the speaker is the second
    if lws[0] in ("a", "an", "the"):
        for i in range(min(3, len(lws) - 2), 0, -1):  # the second phrase starts at word 1..3, not last
            if lws[i] in _RESTART_DETS and words[i].islower() and lws[i - 1] not in PREPS \
                    and lws[i - 1] not in DETERMINERS and lws[i - 1] not in SUBORD and lws[i - 1] not in AUX_ADV \
                    and not lws[i - 1].endswith(("’s", "'s")) and not lws[i - 1].endswith("ing"):
                return _np_from_chunk(text, chunk[i:], sent_start)
    first = lws[0]
    # head: last word before a preposition (after the first word)
    hi = len(lws) - 1
    for i in range(1, len(lws)):
        if lws[i] in PREPS or lws[i] in REL_START or (lws[i].endswith("ing") and _gerund(lws, words, i)):
            hi = i - 1
            break
    if hi == len(lws) - 1 and hi >= 2 and lws[hi].endswith("ed") and words[hi].islower() \
            and lws[hi - 1] not in DETERMINERS and lws[hi - 1] not in PRONOUN_WORDS:
        hi -= 1  # "a study published (on Tuesday)": the participle is not the head
        chunk = chunk[:hi + 1]
        words, lws = words[:hi + 1], lws[:hi + 1]
        e = chunk[-1][1]
    hw = lws[hi]
    plural_or_role = hw in ROLE_WORDS or hw.endswith("s") or hw in SOURCE_HEADS
    if not (first in DETERMINERS or words[0].endswith("’s") or words[0].endswith("'s") or first in ROLE_WORDS
            or first in QUANT_START or first[:1].isdigit()
            or (words[0].islower() and hi < 4 and plural_or_role)
            or ((s == sent_start or words[0][:1].isupper()) and not first.endswith("ly")
                and first not in FUNCTION_CAPS and hi < 5 and plural_or_role)):
        return None
    # trim relative / participle tails from the description text
    e2 = _desc_end(chunk, lws, words)
    head = lws[hi]
    mods = [w for w in lws[:hi] if w not in DETERMINERS]
    return NP("desc", s, e2, text[s:e2], head=head, mods=mods)
