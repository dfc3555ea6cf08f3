"""The attribution engine: article text in, quotes with their speakers out.

Pipeline (each step linear in the text, or local to one bounded sentence):
  1. quotation-mark spans (spans.py) and sentences (text.py);
  2. cue hits: every reporting verb or phrase of the lexicon (cues.txt), with
     noun uses ("the remarks", "a strong signal", "27 states") filtered out;
  3. names: every capitalised sequence -> people and organisations with their
     roles, nationality and gender, from titles ("Foreign Minister X"), words
     before the name ("striker X"), appositions ("X, 58,", "X, a nurse from Y,",
     "the group's director, X,") and pronouns after it (speakers.py);
  4. direct quotes: a span with a reporting clause right after it ("…," X said /
     said X / "…?" Name asked) or right before it (X said: "…", She said: and a
     new paragraph, X was firm: "…"), split quotes, continuations after the
     attribution sentence, multi-paragraph quotes, ''old style'' marks, and
     interview transcripts (NAME: …);
  5. indirect and mixed quotes: X said (that) …, …, X added., According to X, …,
     The fund, X said, is …, X stressed the need for …, …, saying that …,
     X did Y and said …, which the agency says …; coordinated cues split the
     content; evaluative verbs (praised, slammed) count only with quoted words;
  6. speakers resolved in text order: names to their fullest form, pronouns to
     the latest compatible subject (gender from titles, first names, and the
     article's own he/she), descriptions through roles, nationality, age and
     organisation type ("the club", "the union"), possessive and unnamed
     sources kept as the article words them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

_rx = lru_cache(maxsize=None)(re.compile)

from tui.quotes.lexicon import CueClass, FEMALE_WORDS, MALE_WORDS, ORG_WORDS, ROLE_SUFFIX, ROLE_WORDS, STOP_CAPS, common_word, is_demonym
from tui.quotes.model import Mention, Quote
from tui.quotes.spans import Span, find_spans
from tui.quotes.speakers import (INDEFINITE, NP, ORG_HEADS, ROLE_SYNONYMS, Entity, Registry, build_registry,
                                 np_region_ok, parse_np)
from tui.quotes.text import CUE_RE, cue_info, find_cues, sentences, tokens

_ADJUNCT_START = re.compile(
    r"(?:on|in|at|to|during|after|before|last|this|late|early|earlier|yesterday|today|tonight|overnight|"
    r"via|through|from|with|while|when|by|over|under|outside|inside|as|also|later|again|then|previously|"
    r"separately|privately|publicly|afterwards|recently|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b", re.I)
_TIME_ADJ = re.compile(
    r"\s*(?:(?:on|last|this|late|early|earlier)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|evening|afternoon|weekend)(?:\s+(?:morning|evening|night|afternoon))?|"
    r"yesterday|today|tonight|recently|again|also|later|previously|repeatedly|publicly|privately|separately|"
    r"on\s+(?:social\s+media|Twitter|X|Facebook|television|TV|radio)|"
    r"in\s+(?:a|an|his|her|its|their|the)\s+(?:written\s+|brief\s+|short\s+|joint\s+|separate\s+)?"
    r"(?:statement|interview|note|letter|post|tweet|email|speech|message|report|release|video|podcast|blog|"
    r"op-ed|column|filing|submission)(?:\s+(?:to|with|on|from|for|released|published|issued|posted)\s+[^,;]{1,60}?)?"
    r"(?=\s*(?:,|that\b|$))|"
    r"at\s+(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)(?:\s+(?:in|on|at)\s+[^,;]{1,40}?)?(?=\s*(?:,|that\b))|"
    r"to\s+reporters|to\s+journalists)\s*,?", re.I)
_THAT = re.compile(r"\bthat\b")
_WORDS = re.compile(r"[^\W_][\w’'\-]*")
_ADDRESSEE = re.compile(
    r"\s*(?:reporters|journalists|the\s+press|lawmakers|legislators|parliament|the\s+[\w\-’' ]{1,40}?|"
    r"(?:him|her|them|us|me|you)|[A-Z][\w’'\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'\-]*){0,4})"
    r"(?:\s+(?:on|in|at|during|after|last|this)\s+[^,;]{1,40}?)?\s*(?=that\b|,|$)")
_ADDRESSEE_BARE = re.compile(
    r"\s*(?:reporters|journalists|parliament|lawmakers|legislators|MPs|senators|delegates|supporters|members|"
    r"voters|investors|analysts|staff|employees|residents|viewers|listeners|readers|"
    r"the\s+(?:press|court|jury|committee|chamber|house|crowd|audience|hearing|tribunal|panel|inquiry|council|"
    r"assembly|senate|conference|meeting|rally|nation|country|public|media)|him|her|them|us|me|you|"
    r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,3})"
    r"(?:\s+(?:on|in|at|during|after|before|last|this|late|early)\s+(?:the\s+)?[\w\-]+(?:\s+(?:morning|evening|night|afternoon))?)?"
    r"\s+(?=[a-z]|[A-Z][a-z]*\s)")
_ADDRESSEE_TRAIL = re.compile(
    r"\s*(?:reporters|journalists|lawmakers|legislators|parliament|MPs|delegates|supporters|members|(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?|"
    r"him|her|them|us|me|you|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*){0,3})(?=\s*(?:[,.;]|$))")
_PARTICIPLE_CUES = frozenset("""saying adding noting arguing insisting warning explaining stressing claiming
suggesting stating declaring telling asking urging calling describing accusing pointing acknowledging
admitting conceding predicting promising vowing pledging denying confirming announcing emphasising
emphasizing underlining highlighting recalling complaining asserting maintaining contending alleging
reiterating writing replying responding revealing tweeting posting shouting chanting joking quipping boasting
bragging observing remarking""".split())
_ASKED_WHOM = frozenset("him her them me us you reporters".split())  # 'asked them, "…"'
_AMBIG_S = frozenset("""comments remarks reports claims calls notes answers questions charges posts promises pledges
vows threats demands estimates forecasts signals hints protests objects states rules counters replies appeals
pleas tweets accounts cites credits praises attacks slams blasts labels brands dubs defends hails mocks
warnings statements concludes briefs disputes requests echoes queries relays emails blogs guarantees reasons
gripes rants sobs gasps moans groans snaps roars ventures rebukes taunts""".split())
_BE_FORMS = frozenset("is are was were be been being am".split())
_AMBIG_BASE = frozenset("""state rule demand signal call report claim note question ask answer post promise pledge
vow comment remark charge estimate forecast hint protest object counter reply appeal plea tweet credit praise
attack slam blast label brand dub defend hail mock warning statement conclude cite blame reject dismiss
condemn decry denounce portray characterise characterize recommend propose suggest threaten urge demand
brief dispute request echo query relay email blog guarantee reason gripe rant sob gasp moan groan snap roar
venture rebuke taunt counsel""".split())
_BASE_OK = frozenset("""i we you they who that which to will would can could should may might must did do does
not also often never always still now then repeatedly usually sometimes rarely just""".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
fifty sixty seventy eighty ninety hundred thousand million several many few""".split())
_SUBJ_WORDS = frozenset("""he she it they who which that also company government ministry agency group official
officials spokesman spokeswoman spokesperson report study survey""".split())
_ABBR_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|Capt|Maj|Adm|Hon|Amb|Pres|"
                       r"Supt|Insp|Det|[A-Z]|[RDI]-[A-Z][a-z]{0,4})\.")  # "R-Ore." too
_QUOTE_OPEN = "\"“‘«„'"
_PRONOUN_IS = frozenset(p + s for p in ("he", "she", "it", "who", "that") for s in ("'s", "’s"))  # "he's claiming that …": not a possessive
# documents that state, note or claim things ("the website states that …")
_DOC_SUBJECTS = frozenset("""website site document report study survey poll statement letter memo filing page
ad advertisement release book article paper indictment complaint lawsuit ruling order""".split())
# ", who (once|in 2010 …) said": the cue inside a relative clause; and the one the clause is about
_REL_TAIL = r",\s*(?:who|which)\s+(?:(?:had|has|have|also|later|previously|repeatedly|once|in\s+\d{4})\s+)*$"
_REL_CLAUSE = re.compile(_REL_TAIL)
_REL_SUBJECT = re.compile(
    r"((?:the|a|an)\s+[\w\-’']+(?:\s+[\w\-’']+){0,3}|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*)"
    r"\s*" + _REL_TAIL)
_INTRO_PHRASE = re.compile(r"(?:During|In|After|Since|Over|For|Before|Throughout|Under|At|On|Unlike|Like|Despite)\s")
_ALSO_NOUNS = frozenset(("official", "public", "further", "first"))  # "official comments", but "an official said", "further asserted"
_NOUN_BEFORE = frozenset("""the a an his her its their our my your this that these those such any no some
several many more most other new further first last recent earlier previous latest same public official
written verbal whose of for with by in on to from about amid after despite against at into over under
between without within among""".split())


class Rule(StrEnum):
    """The rules that find quotes; each quote records its rule (its value is the explanation)."""
    SPLIT_LATER = "direct: a split quote's later part (its cue is shared)"
    DIRECT_CUE = "direct: a reporting verb next to the quotation"
    DIRECT_DASH = "direct: a dash and the speaker after the quotation"
    DIRECT_COLON = "direct: the speaker and a colon before the quotation"
    DIRECT_CONTINUED = "direct: continues the paragraph's attributed quote"
    TRANSCRIPT = "direct: interview transcript (NAME: …)"
    ACCORDING = "reported: according to X"
    RELATIVE = "reported: a relative clause (X, who said …)"
    PARTICIPLE = "reported: a participle or a coordinated cue (…, saying …; … and said …)"
    CONTINUED = "reported: continues the attribution before it (… and added …)"
    TRAILING_INVERTED = "reported: trailing with inversion (…, said X.)"
    TRAILING = "reported: trailing (…, X said.)"
    INTERRUPTING_BEFORE = "reported: interrupting, content before (…, X said, a view …)"
    INTERRUPTING = "reported: interrupting (The plan, X said, is …)"
    FORWARD = "reported: forward (X said (that) …)"
    ALONE = "direct: a quotation standing alone, the latest speaker's"
    ALONE_AFTER_SUBJECT = "direct: a quotation standing alone, after a sentence about its speaker"


@dataclass(slots=True)
class Rec:
    """A quote before its speaker is resolved."""
    start: int
    end: int
    type: str
    cue: str
    cue_start: int
    cue_end: int
    pos: int  # where the attribution sits (resolution order)
    np: NP | None = None
    follow: "Rec | None" = None  # takes its speaker from another record
    speaker: str = ""
    entity: Entity | None = None
    mentions: tuple = ()
    fallback: bool = False  # unattributed: the latest speaker
    rule: str = ""  # a Rule: what found it
    unresolved: bool = False  # its speaker is a pronoun that stands for no one: kept, with no speaker
    how: str = ""  # how the speaker was reached


class Hit(NamedTuple):
    """A reporting cue found in the text: `said`, `according to`, `told reporters`."""

    start: int
    end: int
    form: str  # as written
    lemma: str
    cls: CueClass


@dataclass
class Doc:
    """An article as the engine reads it: quotation spans, sentences, cue hits, and what rules used."""

    text: str
    spans: list[Span]
    sents: list[tuple[int, int]]
    hits: list[Hit]
    sent_starts: list[int] = field(default_factory=list)
    span_opens: list[int] = field(default_factory=list)
    hit_starts: list[int] = field(default_factory=list)
    used_hits: set = field(default_factory=set)
    used_spans: set = field(default_factory=set)

    def sent_of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sent_starts, pos) - 1
        if k < 0:
            return (0, self.sents[0][1] if self.sents else len(self.text))
        return self.sents[k]

    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def span_at(self, pos: int) -> int:
        """Index of the span whose marks enclose pos, or -1."""
        k = bisect_right(self.span_opens, pos) - 1
        if k >= 0:
            sp = self.spans[k]
            if sp.open < pos < sp.close or (not sp.closed and sp.open < pos <= sp.close):
                return k
        return -1

    def hits_in(self, s: int, e: int) -> list[int]:
        i = bisect_left(self.hit_starts, s)
        j = bisect_left(self.hit_starts, e)
        return list(range(i, j))


def extract(text: str) -> list[Quote]:
    """The quotes of one article, in text order. A bug raises: callers report it per article."""
    if not isinstance(text, str) or not text.strip():
        return []
    return _extract(text)


_LINK_LINE = re.compile(r"^[ \t]*(?:READ MORE|MORE|WATCH|RELATED|VIDEO|PHOTOS?|LISTEN|SEE ALSO|ALSO READ)[ \t]*:[^\n]*",
                        re.M)


def _link_lines(text: str) -> list[tuple[int, int]]:
    """Lines that point to other stories ("READ MORE: …", "WATCH: …"): their headlines report nothing here."""
    if ":" not in text:
        return []
    return [(m.start(), m.end()) for m in _LINK_LINE.finditer(text)]


def _hit_ok(doc: Doc, h) -> bool:
    """A capitalised cue counts at a sentence start (`Said Ellis: …`) or inside a title-case headline.

    A form that is also a noun ("reports", "comments", "promise") must follow a possible subject."""
    low = h[2].lower()
    if low in _AMBIG_S or low in _AMBIG_BASE:
        text = doc.text
        pw = _rx(r"([\w’'\-]+)[\s\"”’']*$").search(text, max(0, h[0] - 40), h[0])
        w = pw.group(1) if pw else ""
        lw = w.lower()
        if lw in _NOUN_BEFORE or w[:1].isdigit() or lw in _NUMBER_WORDS or "-" in lw and lw.split("-")[-1] in _NUMBER_WORDS:
            return False
        if low in _AMBIG_S and w and not (w[:1].isupper() or lw in _SUBJ_WORDS or lw in ROLE_WORDS or lw in _DOC_SUBJECTS
                                          or lw in ORG_HEADS or lw in ORG_WORDS or lw.endswith(("man", "woman", "person"))):
            return False
    if not h[2][:1].isupper() or h[4] == CueClass.PHRASE:
        return True
    text = doc.text
    ss = doc.sent_of(h[0])[0]
    before = text[ss:h[0]].strip(" \"“‘'«")
    if not before:
        return True
    pw = _rx(r"(\S+)\s*$").search(before)
    if not (pw and pw.group(1)[:1].isupper()):
        return False
    # a title-case headline: most words capitalised
    words = _WORDS.findall(text[ss:doc.sent_of(h[0])[1]])
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


def _extract(text: str) -> list[Quote]:
    spans = find_spans(text)
    sents = sentences(text, spans)
    hits = []
    for cs, ce, form in find_cues(text):
        lemma, cls = cue_info(form)
        hits.append(Hit(cs, ce, form, lemma, cls))
    doc = Doc(text, spans, sents, [])
    doc.sent_starts = [s for s, _ in sents]
    doc.span_opens = [s.open for s in spans]
    links = _link_lines(text)
    doc.hits = [h for h in hits if doc.span_at(h[0]) < 0 and _hit_ok(doc, h) and not _inside(links, h[0])]
    doc.hit_starts = [h[0] for h in doc.hits]

    reg, name_mentions = build_registry(text, sents, spans)
    _learn_gender(doc, reg, name_mentions)

    recs: list[Rec] = []
    _transcript(doc, recs)
    direct = _direct_quotes(doc, recs)
    _indirect_quotes(doc, recs, direct)
    _fallback_direct(doc, recs)
    _resolve(doc, reg, recs, name_mentions)
    return _finish(text, recs)


# ---------------------------------------------------------------------------
# direct quotes
# ---------------------------------------------------------------------------

def _words(s: str) -> int:
    return len(_WORDS.findall(s))


_TITLE_BEFORE = re.compile(r"(?:\b(?:show|programme|program|film|movie|documentary|book|memoir|novel|song|album|"
                           r"series|newspaper|magazine|column|podcast|titled|entitled|called|dubbed|on|of|sang|sings|"
                           r"anthem|hymn|ballad|poem|play|track|single|opera|musical|"
                           r"singing|performed|performing)|[’']s)\s*$", re.I)


def _a_title(text: str, sp: Span) -> bool:
    """`on CBS's "Face the Nation,"`, `the film "Under the Dome"`: a title in quotation marks."""
    words = _WORDS.findall(text[sp.start:sp.end])
    return 0 < len(words) <= 6 and all(w[:1].isupper() for w in words if len(w) > 3) \
        and bool(_TITLE_BEFORE.search(text, max(0, sp.open - 30), sp.open))


def _speechlike(text: str, sp: Span) -> bool:
    c = text[sp.start:sp.end]
    n = _words(c)
    if n <= 6 and _a_title(text, sp):
        return False
    if n >= 4 and (c[:1].isupper() or c[:1].isdigit()) and (c[-1] in ".,!?…:;—-" or n >= 8):
        return True
    if n >= 2 and c[-1] in ",!?" and (c[:1].isupper() or not sp.closed):
        return True
    return n >= 10


def _chains(doc: Doc) -> list[list[int]]:
    """Group spans into multi-paragraph chains."""
    chains: list[list[int]] = []
    for i, sp in enumerate(doc.spans):
        if sp.cont_prev and chains and not doc.spans[chains[-1][-1]].closed:
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


def _np_after_cue(doc: Doc, ce: int, limit: int) -> NP | None:
    """Inverted attribution: `said Okafor, who runs the clinic, …` -> the phrase after the cue."""
    text = doc.text
    m = _rx(r"\s*((?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Jr|Sr|Capt|Sgt|[A-Z])\.|[^,.;:!?\n]){1,80})"
            ).match(text[ce:limit])
    if not m:
        return None
    s = ce + m.start(1)
    e = ce + m.end(1)
    ss = doc.sent_of(s)[0]
    np = parse_np(text, s, e, ss)
    if np is not None and np.kind == "pronoun" and np.head not in ("he", "she", "they", "it"):
        return None
    if np is not None:
        # an apposition after the name: "said Rhea Castell, the union's treasurer."
        m2 = _rx(r",\s+((?:the|a|an)\s[^,.;\n]{1,80})").match(text[e:limit])
        if m2 and np.kind == "name":
            np.roles = np.roles + [m2.group(1).lower()]
    return np


_DASH_AT = re.compile(r"[―—–]")
# `"…" ― Ada Lund` closing a line (a reader's comment, an epigraph): the dash names the speaker
_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w’'\-.]*(?:[ \t\u00a0]+[A-Z][\w’'\-.]*){0,3})"
                        r"[ \t\u00a0.]*(?:\n|$|,)")
COLON_CUE, DASH_CUE = -1, -2  # an attribution with no reporting verb


def _attrib_after(doc: Doc, sp: Span) -> tuple[int, NP | None] | None:
    """`"…," X said` / `"…," said X` right after the closing mark."""
    text = doc.text
    if not sp.closed:
        return None
    ss, se = doc.sent_of(sp.close)
    # the window ends at the next quotation or the sentence end
    k = bisect_right(doc.span_opens, sp.close)
    limit = se
    if k < len(doc.spans):
        limit = min(limit, doc.spans[k].open)
    after = sp.close + 1
    if after >= limit:
        return None
    md = _DASH_NAME.match(text, after, limit)
    if md:
        np = parse_np(text, md.start(1), md.start(1) + len(md.group(1).rstrip(".")), ss)
        return (DASH_CUE, np) if np is not None and np.kind == "name" else None
    hs = doc.hits_in(after, limit)
    for hi in hs[:2]:
        h = doc.hits[hi]
        if h[4] == CueClass.PHRASE:
            continue
        between = text[after:h[0]]
        if h[2].lower() in _AMBIG_BASE and between.strip() and _a_noun(between.split()[-1]):
            return None  # '"…" against a coordinated attack': a noun
        if _rx(r"[.!?;:]").search(_ABBR_DOT.sub("", between)) or _words(between) > 14 or "\n" in between:
            return None
        b = between.strip()
        if (not b or b == ",") and h[2].lower() in _PARTICIPLE_CUES:
            return None  # '"…," adding that …': a participle never inverts; the quote's own attribution decides
        if not b or b == ",":
            np = _np_after_cue(doc, h[1], limit)
            return (hi, np) if np is not None else None
        if b.startswith(","):
            b = b[1:]
        bs = after + between.find(b) if b else after
        if h[2].lower() in _PARTICIPLE_CUES:
            np = _subject_np(doc, bs, h[0])  # '"…," Hale sang before asking them': the clause's subject
        else:
            np = parse_np(text, bs, h[0], ss)
        if np is None:
            return None
        return hi, np
    return None


def _attrib_before(doc: Doc, sp: Span) -> tuple[int, NP | None] | None:
    """`X said: "…"` / `X said, "…"` / `He went on: "…"` / `She said:` + a new paragraph."""
    text = doc.text
    j = sp.open
    i = j - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    crossed = False
    if i >= 0 and text[i] == "\n":
        while i >= 0 and text[i].isspace():
            i -= 1
        crossed = True
    if i < 0:
        return None
    punct = text[i]
    if crossed and punct != ":":
        return None
    if punct not in ":,—–" and not punct.isalpha():
        return None
    if punct == ":" and _speechlike(text, sp):
        # "Varga was firm: "No."": a clause with a subject and a colon, no reporting verb
        ss0 = doc.sent_of(i)[0]
        k0 = bisect_left(doc.span_opens, sp.open) - 1
        before = doc.hits_in(ss0, i)
        # the subject must follow the last cue before the colon: none can after "X said:"
        room = not before or text[doc.hits[before[-1]][1]:i].strip()
        if room and (k0 < 0 or doc.spans[k0].close < ss0):
            np0 = _subject_np(doc, ss0, i)
            if np0 is not None and np0.kind in ("name", "pronoun") and not doc.hits_in(np0.end, i) \
                    and _words(text[np0.end:i]) <= 8:
                return COLON_CUE, np0
    ss, _ = doc.sent_of(i)
    # the clause before: from the previous span (or the sentence start)
    k = bisect_left(doc.span_opens, sp.open) - 1
    lo = ss
    if k >= 0 and doc.spans[k].close < i and doc.spans[k].close >= ss:
        lo = doc.spans[k].close + 1
    hs = doc.hits_in(lo, i + 1)
    if not hs:
        return None
    hi = hs[-1]
    h = doc.hits[hi]
    if h[4] == CueClass.PHRASE:
        return None
    between = text[h[1]:i + (0 if punct in ":,—–" else 1)]
    if _words(between) > 8 or _rx(r"[.!?;]").search(_ABBR_DOT.sub("", between)):
        return None
    if punct.isalpha():
        # `she said "…"` without punctuation: only directly after the cue
        if between.strip() or not _speechlike(text, sp):
            return None
    if _rx(r"\bthat\b").search(between) or (between.strip() and h[4] not in (CueClass.ADDRESSEE, CueClass.DIRECT, CueClass.CLAUSE) and not (
            h[4] == CueClass.OBJECT and between.strip(" ,").lower() in _ASKED_WHOM)):
        return None
    if _rx(r"\s*(?:that|to|of|as|for|about|on)\b").match(between) and not _rx(r"\s*on\s+[A-Z]").match(between):
        if not _rx(r"\s*(?:on|in)\s").match(between):
            return None
    region = text[lo:h[0]]
    if h[2].lower() in _PARTICIPLE_CUES and lo > ss:
        return hi, None  # '"…," she said, adding: "…"': the earlier quote's speaker (the caller decides)
    if (h[2].lower() in _PARTICIPLE_CUES and _rx(r"(?:,|\b(?:before|after|while|by|without))\s*$").search(region)) or _rx(
            r"\s(?:and|but)\s+(?:(?:then|later|also)\s+)?$").search(region):
        # "X did Y, saying: "…"" / "X did Y before asking, "…"" / "X did Y and said, "…"": the main clause's subject
        np = _subject_np(doc, ss, h[0])
    elif not region.strip():
        np = _np_after_cue(doc, h[1], i)
    else:
        rs = lo + (len(region) - len(region.lstrip()))
        np = parse_np(text, rs, h[0], ss)
    if np is None:
        return None
    return hi, np


def _direct_quotes(doc: Doc, recs: list[Rec]) -> dict[int, Rec]:
    text = doc.text
    direct: dict[int, Rec] = {}
    last_rec_by_para: dict[int, Rec] = {}
    for chain in _chains(doc):
        if any(i in doc.used_spans for i in chain):
            continue
        first, lastsp = doc.spans[chain[0]], doc.spans[chain[-1]]
        if len(chain) == 1 and not _speechlike(text, first):
            # short spans may still be a split quote's second half ("…," X said, "and …"),
            # or a short sentence continuing a quote ("…," X said. "Not this time.")
            c = text[first.start:first.end]
            cont = (first.para_start in last_rec_by_para and c[:1].isupper() and c[-1] in ".!?…"
                    and text[doc.sent_of(first.open)[0]:first.open].strip() == "" and _words(c) >= 2)
            if not cont and not (first.closed and _attrib_before(doc, first) and _words(c) >= 3):
                continue
        att = _attrib_after(doc, lastsp)
        if att is None:
            att = _attrib_before(doc, first)
        follow = None
        if att is not None and att[1] is None:
            prev = last_rec_by_para.get(first.para_start)
            h = doc.hits[att[0]]
            if prev is not None and prev.cue_start >= 0 and doc.sent_index(prev.cue_start) == doc.sent_index(h[0]):
                doc.used_hits.add(att[0])
                r = Rec(first.start, first.end, "direct", h[2], h[0], h[1], h[0], follow=prev, rule=Rule.SPLIT_LATER)
                recs.append(r)
                direct[chain[0]] = r
                doc.used_spans.add(chain[0])
                last_rec_by_para[first.para_start] = r
                continue
            att = None
        if att is None:
            # continuation: `"…," Wrona said. "…"` in the same paragraph
            prev = last_rec_by_para.get(first.para_start)
            if prev is not None:
                ss, _ = doc.sent_of(first.open)
                if ss >= first.open - 1 or text[ss:first.open].strip() == "":
                    follow = prev
            if follow is None:
                continue
        base = None
        for idx in chain:
            sp = doc.spans[idx]
            if att is not None:
                hi, np = att
                if hi >= 0:
                    h = doc.hits[hi]
                    r = Rec(sp.start, sp.end, "direct", h[2], h[0], h[1], h[0], np=np, rule=Rule.DIRECT_CUE)
                    doc.used_hits.add(hi)
                elif hi == DASH_CUE:
                    assert np is not None
                    d = _DASH_AT.search(text, lastsp.close, np.start)
                    r = Rec(sp.start, sp.end, "direct", d.group(), d.start(), d.end(), np.start, np=np, rule=Rule.DIRECT_DASH)
                else:  # a colon, no reporting verb
                    assert np is not None  # a colon attribution always names its speaker
                    r = Rec(sp.start, sp.end, "direct", ":", first.open - 1, first.open, np.end, np=np, rule=Rule.DIRECT_COLON)
                    i0 = text.rfind(":", 0, first.open)
                    if i0 >= 0:
                        r.cue_start, r.cue_end = i0, i0 + 1
                if base is not None:
                    r.follow = base
                else:
                    base = r
            else:
                assert follow is not None  # no attribution: only continuations get here
                r = Rec(sp.start, sp.end, "direct", follow.cue, follow.cue_start, follow.cue_end,
                        sp.start, follow=follow, rule=Rule.DIRECT_CONTINUED)
            recs.append(r)
            direct[idx] = r
            doc.used_spans.add(idx)
            last_rec_by_para[sp.para_start] = r
    return direct


_TRANSCRIPT = re.compile(
    r"^[ \t]*[\"“]?((?:[A-Z][A-Z'’\-]+\.?)(?:[ \t][A-Z][A-Z'’\-]+\.?){0,2}):[ \t]+(\S[^\n]*)$", re.M)
_NOT_SPEAKERS = frozenset("""UPDATE UPDATED NOTE Q A BREAKING WATCH READ VIDEO PHOTO PHOTOS RELATED CORRECTION
ABSTRACT CLAIM FACT TOP STORIES WASHINGTON EDITOR'S EDITOR’S FULL TEXT SOURCE SOURCES CREDIT LISTEN MORE
WARNING ALERT EXCLUSIVE LIVE OPINION ANALYSIS ADVERTISEMENT SUMMARY TRANSCRIPT""".split())


def _transcript(doc: Doc, recs: list[Rec]) -> None:
    """Interview transcripts: `PENCE: Well, look, …` (a capitalised name and a colon opening a paragraph)."""
    text = doc.text
    if ":" not in text:
        return
    found = list(_TRANSCRIPT.finditer(text))
    turns = Counter(m.group(1) for m in found)
    for m in found:
        name = m.group(1)
        if any(w.strip(".") in _NOT_SPEAKERS for w in name.split()) or len(name.replace(" ", "")) < 3:
            continue
        if not _a_transcript_speaker(text, name, turns[name], m.group(2)):
            continue
        s, e = m.start(2), m.end(2)
        while e > s and text[e - 1] in " \t\"”":
            e -= 1
        if _words(text[s:e]) < 3:
            continue
        pretty = " ".join(w[:1] + w[1:].lower() for w in name.split())
        np = NP("name", m.start(1), m.end(1), text[m.start(1):m.end(1)], name=pretty)
        recs.append(Rec(s, e, "direct", ":", m.end(1), m.end(1) + 1, m.start(1), np=np, rule=Rule.TRANSCRIPT))
        for k in range(bisect_left(doc.span_opens, m.start()), bisect_left(doc.span_opens, e + 1)):
            doc.used_spans.add(k)
        for hi in doc.hits_in(s, e):
            doc.used_hits.add(hi)


_SPEECH_TURN = re.compile(r"\?|\b(?:I|I[’']m|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our|me|us)\b")


def _a_transcript_speaker(text: str, label: str, turns: int, turn: str) -> bool:
    """A speaker takes turns, is named elsewhere in the article ("Chris Wallace" for WALLACE:), or
    speaks (a question, I, we, you); a one-off label over a plain report ("ENERGY: Crude oil fell …")
    is a section heading."""
    if turns >= 2 or _SPEECH_TURN.search(turn):
        return True
    last = label.split()[-1].strip(".")
    return bool(_rx(r"\b" + re.escape(last[:1] + last[1:].lower()) + r"\b").search(text))


def _fallback_direct(doc: Doc, recs: list[Rec]) -> None:
    """A speech-like quotation standing alone as a sentence: the latest speaker's."""
    text = doc.text
    for chain in _chains(doc):
        if any(i in doc.used_spans for i in chain):
            continue
        first = doc.spans[chain[0]]
        if not _speechlike(text, first):
            continue
        ss, se = doc.sent_of(first.open)
        if text[ss:first.open].strip():
            continue
        last = doc.spans[chain[-1]]
        tail = text[last.close + 1:se].strip() if last.closed else ""
        if tail and tail not in ".":
            continue
        if _words(text[first.start:first.end]) < 5:
            continue
        # "The mayor was blunt. "We are not paying …"": the subject of the sentence just before, in the
        # same paragraph, else the latest speaker
        np = None
        k = doc.sent_index(first.open)
        if k > 0 and doc.sents[k - 1][1] >= first.para_start and doc.sents[k - 1][0] >= first.para_start:
            ps, pe = doc.sents[k - 1]
            if not doc.hits_in(ps, pe) and doc.span_at(ps + 1) < 0:
                np = _subject_np(doc, ps, pe)
                if np is not None and np.kind not in ("name", "pronoun"):
                    np = None
        base = None
        for i in chain:
            sp = doc.spans[i]
            r = Rec(sp.start, sp.end, "direct", "", -1, -1, sp.start, np=np, fallback=np is None, follow=base,
                    rule=Rule.ALONE_AFTER_SUBJECT if np else Rule.ALONE)
            base = base or r
            recs.append(r)
            doc.used_spans.add(i)


# ---------------------------------------------------------------------------
# indirect and mixed quotes
# ---------------------------------------------------------------------------

def _content_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    k = text.find(")", s, e)
    if k >= 0 and text.rfind("(", s, k) < 0:
        e = k  # "(According to X, it does not …)", "(her aide said that …) and": the bracket closes the aside
        while e > s and text[e - 1].isspace():
            e -= 1
    while e > s and text[e - 1] in ".;:,—–-" and not (text[e - 1] == "." and e - 2 >= s and text[e - 2] == "."):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return e


_DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.\- ]{1,30})?(?:\s*\([\w .]{1,30}\))?\s*[—–-]{1,2}\s+")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    md = _DATELINE.match(text, s, e)
    if md and md.end() < e:
        s = md.end()  # "KESTRAL BAY — Rescue teams …", "LONDON (Reuters) - …": the dateline is not content
    e = _content_end(text, s, e)
    return s, e


def _subject_np(doc: Doc, ss: int, pos: int) -> NP | None:
    """The main-clause subject (for `…, saying that …`, `X did Y and said …`): the first
    phrase of a comma-chunk that is a name, pronoun or description followed by a verb."""
    text = doc.text
    toks = tokens(text, ss, pos)
    chunk_start = True
    i = 0
    n = len(toks)
    while i < n:
        if not chunk_start:
            chunk_start = toks[i][2] in (",", ";", "—", "–")
            i += 1
            continue
        chunk_start = False
        w0 = toks[i][2]
        if w0.lower() in _CONJ_START:
            i += 1  # "And even the coach agreed …": skip the conjunction and look again
            while i < n and toks[i][2].lower() in ("even", "also", "then", "so", "still"):
                i += 1
            chunk_start = True
            continue
        if w0.lower() in _INTRO_WORDS or (w0.endswith(("ing", "ly")) and w0[:1].isupper()) or w0 in (",", "—"):
            continue
        if i + 1 < n and toks[i + 1][2].lower() in ("later", "earlier", "ago", "before", "after"):
            continue  # "Hours later, …"
        end = None
        plural = False
        if w0.lower() in ("he", "she", "they", "it"):
            end = i + 1
        elif w0.lower() in _DESC_START:
            # "about fifty supporters of Halas waved flags": a description up to its verb
            j = i + 1
            while j < n and j - i < 9:
                w = toks[j][2]
                lw = w.lower()
                if lw in _VERBISH_SET or (w.islower() and lw.endswith("ed")) or w in (",", ";", ":", "—"):
                    break
                j += 1
            if j < n and j > i + 1 and toks[j][2] not in (",", ";", ":", "—"):
                found = parse_np(text, toks[i][0], toks[j - 1][1], ss)
                if found is not None:
                    return found
            continue
        else:
            j = i
            while j < n:
                w = toks[j][2]
                lw = w.lower()
                if w[:1].isupper() or lw in _NP_INNER or w.endswith(("’s", "'s")) or lw in ROLE_WORDS \
                        or w[:1].isdigit() or (j > i and w == "." and toks[j - 1][2] in ("Mr", "Mrs", "Ms", "Dr")):
                    j += 1
                    continue
                break
            # "Consumer groups welcomed …": a plural noun closing the phrase (or a verb: "Hale sings to …")
            plural = j > i and j + 1 < n and toks[j][2].islower() and toks[j][2].endswith("s") \
                and not toks[j][2].endswith(("ss", "us", "is")) and toks[j + 1][2].islower()
            if plural:
                j += 1
            end = j if j > i else None
        if end is None or end >= n:
            continue
        nxt = toks[end][2]
        if nxt in PREPS_SET and end > i:
            # "Officials at the ministry were surprised": the phrase runs over its preposition to the verb
            k = end + 1
            while k < n and k - end <= 8 and toks[k][2] not in (",", ";", ":", "—", "(", ")"):
                lw = toks[k][2].lower()
                if lw in _VERBISH_SET or (toks[k][2].islower() and lw.endswith("ed")):
                    found = parse_np(text, toks[i][0], toks[k - 1][1], ss)
                    if found is not None:
                        return found
                    break
                k += 1
            if plural:
                end -= 1  # no verb after the preposition: the "plural" was the verb ("Hale sings to …")
                nxt = toks[end][2]
        if nxt[:1].islower() and nxt not in PREPS_SET and nxt not in ("and", "or", "but", "who", "which", "that"):
            found = parse_np(text, toks[i][0], toks[end - 1][1], ss)
            if found is not None:
                return found
            continue
        if nxt == "," and end + 1 < n and toks[end + 1][2].lower() in ("who", "a", "an", "the", "whose") \
                and toks[i][2][:1].isupper():
            return parse_np(text, toks[i][0], toks[end - 1][1], ss)  # "Merrow, who was …, did … and told …"
    return None


PREPS_SET = frozenset("of for at from in on with by to about over under between among into within without as".split())
_INTRO_WORDS = frozenset("""in on at after before during despite with without asked speaking following according
outside inside across near behind beyond throughout amid among under over
earlier later meanwhile however also but and yet so still then when while as if since though although because
last this""".split())
_DESC_START = frozenset("""the a an about some several many dozens hundreds thousands two three four five six
seven eight nine ten fifty twenty thirty forty most more few""".split())
_VERBISH_SET = frozenset("""is are was were be been has have had will would can could should may might must do
does did said says told""".split())
_CONJ_START = frozenset("and but so yet still then also".split())
_NP_INNER = frozenset("the a an of and for & his her its their former new top senior chief deputy".split())


def _indirect_quotes(doc: Doc, recs: list[Rec], direct: dict[int, Rec]) -> None:
    text = doc.text
    inherit: dict[int, Rec] = {}
    suppressed: set[int] = set()
    # direct quotes by the sentence of their cue: "…," he said, adding that … continues them
    by_sent: dict[int, Rec] = {}
    for prior in recs:
        if prior.cue_start >= 0 and prior.type == "direct":
            by_sent[doc.sent_index(prior.cue_start)] = prior
    for hi, h in enumerate(doc.hits):
        if hi in doc.used_hits or hi in suppressed:
            continue
        cs, ce, form, lemma, cls = h
        ss, se = doc.sent_of(cs)
        if hi not in inherit:
            d = by_sent.get(doc.sent_index(cs))
            between = text[d.cue_end:cs] if d is not None and d.cue_end <= cs else None
            if d is None or between is None:
                pass
            elif _rx(r",\s*(?:going|went)\s+on\s+to\s+$").search(between):
                inherit[hi] = d  # '"…," she said, going on to say that …'
            elif _rx(r"(?:,|\band|\bbut)\s*(?:(?:also|then|later)\s+)?$").search(
                    between) and (form.endswith("ing") or _rx(r"\b(?:and|but)\s+\w*\s*$").search(between)):
                inherit[hi] = d
        if _in_direct(doc, cs):
            continue
        cend = _content_end(text, ce, se)
        r: Rec | None
        if cls == CueClass.PHRASE:
            r = _according(doc, h, ss, se)
        else:
            r = _verb_attrib(doc, hi, h, ss, se, cend, inherit.get(hi))
        if r is None:
            continue
        if cls == CueClass.EVALUATIVE and not _has_span(doc, r):
            continue  # "praised the plan": an evaluation with no reported words
        # other cues inside the content
        _cut_content(doc, r, hi, inherit, suppressed)
        if r.end - r.start < 3 or _words(text[r.start:r.end]) < 2 or (cls == CueClass.EVALUATIVE and not _has_span(doc, r)):
            # no quote here; a participle it passed its speaker to ("attacked X, saying …") finds its own
            for k in [k for k, v in inherit.items() if v is r]:
                del inherit[k]
            continue
        # quotation marks inside: mixed; a content that is one quotation is not indirect
        i0 = bisect_left(doc.span_opens, r.start)
        i1 = bisect_left(doc.span_opens, r.end + 1)
        inner = [i for i in range(i0, i1) if doc.spans[i].close < r.end + 1]
        if any(i in direct for i in inner):
            continue
        if r.start > 0 and text[r.start - 1] in _QUOTE_OPEN and doc.span_at(r.start) >= 0:
            continue
        if inner:
            r.type = "mixed"
            for i in inner:
                doc.used_spans.add(i)
        elif doc.span_at(r.start) >= 0:
            continue
        doc.used_hits.add(hi)
        recs.append(r)


def _has_span(doc: Doc, r: Rec) -> bool:
    """Quoted words open inside the record's content."""
    k = bisect_left(doc.span_opens, r.start)
    return k < len(doc.spans) and doc.spans[k].open < r.end


def _in_direct(doc: Doc, pos: int) -> bool:
    return doc.span_at(pos) >= 0


_PERSON_HEADS = frozenset("counsel head chief aide adviser advisor lawyer attorney boss founder owner".split())
_APPOS_NAME = re.compile(r"\s*((?:(?:[A-Z][\w’'.\-]*|van|von|de|der|den|da|di|du|al|el|bin|ibn|la|le)\s+){0,4}"
                         r"[A-Z][\w’'\-]*),")


_ACCORDING_NP = re.compile(r"\s*([^,;:\n]{1,120}?)(?=,|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)\.\s|\.$|;|$)")
_ACCORDING_DOC_BY = re.compile(
    r"(?:an?|the|his|her|their|its)\s+(?:[a-z\-]+\s+)?(?:speech|statement|letter|report|interview|memo|post|tweet"
    r"|filing|email|e-mail|message|note|op-ed|column|book|video|testimony)\s+(?:that\s+)?"
    r"((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*|(?:the|a|an)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)"
    r"\s+(?:had\s+|has\s+)?(?:gave|delivered|made|wrote|issued|posted|released|published|sent|filed|tweeted|recorded)\b")


def _according(doc: Doc, h, ss: int, se: int) -> Rec | None:
    text = doc.text
    cs, ce = h[0], h[1]
    m = _ACCORDING_NP.match(text[ce:se])
    if not m:
        return None
    ns, ne = ce + m.start(1), ce + m.end(1)
    np_txt = text[ns:ne]
    mb = _rx(r"\b(?:by|from|of)\s+(?=(?:the\s+)?[A-Z])").search(np_txt)
    if mb:
        ns = ns + mb.end()
    else:
        # "according to a speech Ms. Hale gave in May": the speaker is the one who gave it
        md = _ACCORDING_DOC_BY.match(np_txt)
        if md:
            ns, ne = ns + md.start(1), ns + md.end(1)
    while ne > ns and text[ne - 1] in " .":
        ne -= 1
    # trim trailing time phrases ("shortly after midnight")
    mt = _rx(r"\s+(?:shortly|on|in|at|last|this|late|early|earlier)\b.*$").search(text[ns:ne])
    if mt and text[ns:ns + mt.start()].strip():
        ne = ns + mt.start()
    np = parse_np(text, ns, ne, ss)
    if np is None:
        return None
    before = text[ss:cs]
    if not before.strip(" \t([\"“‘") or _rx(r"\s*(?:But|And|Yet|So|Still|However,?)\s*").fullmatch(before):
        # According to X, CONTENT
        rest = text[ne:se]
        k = rest.find(",")
        if k < 0:
            return None
        # "According to the council's finance director, Ana Holt, the gap …": the name in apposition
        ma = _APPOS_NAME.match(text, ne + k + 1, se)
        if ma and np.kind == "desc" and (np.head in ROLE_WORDS or np.head in _PERSON_HEADS
                                         or ROLE_SUFFIX.search(np.head)):
            np2 = parse_np(text, ma.start(1), ma.end(1), ss)
            if np2 is not None and np2.kind == "name":
                np2.roles = np2.roles + [np.text.lower()]
                np = np2
                k = ma.end() - 1 - ne
        s, e = _trim(text, ne + k + 1, se)
    else:
        s, e = _trim(text, ss, cs)
        # "…, according to X": the content is the sentence before
    if e - s < 3:
        return None
    return Rec(s, e, "indirect", h[2], cs, ce, cs, np=np, rule=Rule.ACCORDING)


_LAST_WORD = re.compile(r"([\w’'\-]+)\s*$")
_NEGATED = re.compile(r"(?:\b(?:not|never)|n[’']t|\b(?:declined|refused|declining|refusing)\s+to)"
                      r"(?:\s+(?:yet|publicly|directly|explicitly|immediately|specifically))?\s+$", re.I)


_FUTURE = re.compile(r"\b(?:will|shall|[’']ll|(?:is|are|am)\s+going\s+to)(?:\s+(?:also|likely|probably|surely|again))?\s+$",
                     re.I)


def _a_noun(before: str) -> bool:
    """Is a base form that is also a noun ("attack", "signal") a noun after this word? A verb follows a
    pronoun, an auxiliary or a plural subject ("they attack", "officials warn")."""
    w = before.lower()
    return not (w in _BASE_OK or (w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
                                  and w not in ("its", "his", "this", "was", "has", "as") and not before[:1].isupper()))


def _verb_attrib(doc: Doc, hi: int, h, ss: int, se: int, cend: int, inh: "Rec | None") -> Rec | None:
    text = doc.text
    cs, ce, form, lemma, cls = h
    left = text[ss:cs]
    right = text[ce:cend]
    # the patterns anchored at the cue need only the last words before it (from a space on, so that
    # `^` cannot match inside the sentence)
    lt = left if len(left) <= 120 else left[max(0, left.find(" ", len(left) - 120)):]
    pw = _LAST_WORD.search(lt)
    if pw and inh is None and ((pw.group(1).lower() in _NOUN_BEFORE and not (pw.group(1).lower() in _ALSO_NOUNS and form.lower()
                                                            not in _AMBIG_S and form.lower() not in _AMBIG_BASE))
               or (pw.group(1).endswith(("’s", "'s")) and pw.group(1).lower() not in _PRONOUN_IS)):
        return None  # a noun: "made the remarks", "the minister's comments" (but "an official said", "he's saying")
    if _NEGATED.search(lt):
        return None  # "would not promise that …", "declined to say whether …": nothing was reported
    if _FUTURE.search(lt) and form.lower() == lemma:
        return None  # "the Greens will argue that …": not said yet
    if pw and pw.group(1).lower() == "worth":
        return None  # "it is worth noting that …": the writer's own aside
    if _REL_CLAUSE.search(lt):
        rel = _REL_SUBJECT.search(lt)
        if rel is None or lemma == "ask" or cls not in (CueClass.CLAUSE, CueClass.ADDRESSEE):
            return None  # ", who asked not to be named, said …": a relative clause about the subject
        # "He met Ms. Hale, who said the plan was dead": the one the relative clause is about
        off = cs - len(lt)
        np = parse_np(text, off + rel.start(1), off + rel.end(1), ss)
        s = _content_start(text, ce, cend, cls)
        if np is None or s is None or (lemma in _NP_TAKERS and not _clause_like(text, s, cend, lemma)):
            return None
        return Rec(s, cend, "indirect", form, cs, ce, cs, np=np, rule=Rule.RELATIVE)
    if pw and pw.group(1).lower() in _BE_FORMS and form.endswith(("ed", "told", "said", "written")) \
            and not _rx(r"\s+by\b").match(right):
        return None  # passive: "they were said to be stable", "he was told to leave"
    if form.lower() in _AMBIG_BASE and left.rstrip()[-1:].isalnum() and _a_noun(pw.group(1) if pw else ""):
        return None  # "a strong signal", "demand from China", "the United States"
    if lemma == "call" and _rx(r"\s+(?:a|an|fresh|new|early|snap)\s+[a-z\-]+(?:\s+[a-z\-]+)?\s*$").match(right):
        return None  # "called a strike", "called a snap election": an event, not words
    if lemma in ("call", "ask") and _rx(r"\s+(?:into|in|up|off|back|out|over|at|from|to|by|upon)\b").match(right):
        return None  # "called into a radio show", "called to service"
    if form.lower() in _AMBIG_S:
        w = pw.group(1) if pw else ""
        if not (w[:1].isupper() or w.lower() in _SUBJ_WORDS or w.lower() in ROLE_WORDS or w.lower() in ORG_HEADS
                or w.lower() in ORG_WORDS or w.lower() in _DOC_SUBJECTS):
            return None  # "cited derogatory comments", "dozens of reports"
    # participle after a main clause: "…, saying (that) …"; a coordinated verb: "X did Y and said …"
    coord = inh is None and _rx(r"(?:^|\s)(?:and|but)\s+(?:(?:also|then|later|again|has|have|had)\s+)*$").search(lt)
    if (form.endswith("ing") and form.lower() in _PARTICIPLE_CUES and not _rx(
            r"\b(?:is|are|was|were|be|been|am|’s|'s)\s+$").search(lt)) or (coord and cls != CueClass.DIRECT):
        if inh is None:
            np = _subject_np(doc, ss, cs)
            if np is None:
                return None
        s = _content_start(text, ce, cend, cls)
        if s is None:
            return None
        r = Rec(s, cend, "indirect", form, cs, ce, cs, np=None if inh else np, follow=inh, rule=Rule.PARTICIPLE)
        return r
    if inh is not None:
        s = _content_start(text, ce, cend, cls)
        if s is None:
            return None
        return Rec(s, cend, "indirect", form, cs, ce, cs, follow=inh, rule=Rule.CONTINUED)
    rstrip0 = right.strip()
    right_adj = (not rstrip0) or bool(_ADJUNCT_START.match(rstrip0) and not _rx(r"\bthat\b").search(rstrip0)
                                      and _words(rstrip0) <= 12 and "," not in rstrip0[:-1])
    if left.rstrip()[-1:] == "," and not _rx(r"\s*(?:that\b|to\b)").match(right) and cls != CueClass.DIRECT:
        if not right_adj and cs - ss < 400 and np_region_ok(text, ss, cs):
            pass  # "Tomas Brekke, head of X, said his office …": forward, below
        else:
            # inverted trailing: "…, said X." / "…, says X, the …"
            # (a participle is never inverted: "…, the council said, citing the cost" has no new speaker)
            np = _np_after_cue(doc, ce, cend if cend > ce else se) if not form.endswith("ing") else None
            if np is not None and (np.kind == "name" or np.kind == "desc" or np.head in ("he", "she", "they", "it")):
                tail = text[np.end:cend]
                if not tail.strip() or _rx(r"\s*,").match(tail):
                    s, e = _trim(text, ss, cs)
                    if _words(text[s:e]) >= 3:
                        return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.TRAILING_INVERTED)
            return None
    # trailing: "CONTENT, X said [on Monday]." / interrupting: "The fund, X said, could …"
    lc = left.rfind(",")
    if lc >= 0:
        subj_s = ss + lc + 1
        while subj_s < cs and text[subj_s] in "”\"’'»":
            subj_s += 1  # '…a “paper trail,” the Gazette reported.'
        subj = text[subj_s:cs]
        if 0 < _words(subj) <= 9 and not _rx(r"\b(?:that|which|who)\b").search(subj) \
                and not any(c in subj for c in _QUOTE_OPEN + "”»") and not doc.hits_in(subj_s, cs):
            np = parse_np(text, subj_s, cs, ss)
            if np is not None:
                rstrip = right.strip()
                if cls == CueClass.ADDRESSEE:
                    # "…, he told reporters." / "…, the senator told a radio station, the bill would …": skip the addressee
                    ma = _ADDRESSEE_TRAIL.match(right)
                    if ma:
                        right = right[ma.end():]
                        ce = ce + ma.end()
                        rstrip = right.strip()
                adj = (not rstrip) or (_ADJUNCT_START.match(rstrip) and not _rx(r"\bthat\b").search(rstrip)
                                       and _words(rstrip) <= 12 and "," not in rstrip[:-1])
                if adj and not rstrip.startswith(","):
                    s, e = _trim(text, ss, ss + lc)
                    if text[ss + lc + 1:ss + lc + 2] in ("”", "\"", "’", "»", "'") and doc.span_at(ss + lc) >= 0:
                        e = ss + lc + 2  # '…a “paper trail,” the Gazette reported': the quoted words close the content
                    if _words(text[s:e]) >= 3 and cls not in (CueClass.DIRECT, CueClass.OBJECT):
                        return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.TRAILING)
                m = _rx(r"\s*(?:[^,]{0,40}?)?,\s*").match(right)
                if rstrip.startswith(",") or (m and adj is not True and _ADJUNCT_START.match(rstrip)):
                    k = right.find(",")
                    after = text[ce + k + 1:cend]
                    # "During his years in office, X said, a majority …": an adverbial before, the content after
                    intro = _INTRO_PHRASE.match(text, ss) and not _clause_like(text, ss, ss + lc)
                    if cls != CueClass.DIRECT and not intro and _rx(r"\s*(?:a|an|the|his|her|its|their|and|but|adding|saying|noting|"
                                          r"who|which|as|in|on|at|according|"
                                          r"[a-z]+ing\b(?!(?:(?!\b(?:that|who|which)\b)[^,;]){0,40}\b(?:would|will|is|are|was|were|could|can|may|"
                                          r"might|should|must|has|have|had)\b))\b").match(after):
                        # "…, Ferrand said, a view she …" / "…, he said, and she …": the content is before
                        s, e = _trim(text, ss, ss + lc)
                        if _words(text[s:e]) >= 3:
                            return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.INTERRUPTING_BEFORE)
                    mt = _rx(r"\s*that\s+").match(after)
                    s, e = _trim(text, ce + k + 1 + (mt.end() if mt else 0), cend)
                    if _words(text[s:e]) >= 2 and cls != CueClass.DIRECT and not _rx(r"\s*(?:that|and|but)\b").match(text[s:e]):
                        return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.INTERRUPTING)
    # forward: "X said (that) CONTENT"
    if cls == CueClass.DIRECT and not _rx(r"\s*(?:that|whether|if)\b").match(right, _skip_time(right)):
        return None
    # the subject sits in the last few chunks before the cue: 300 characters are plenty
    subj_end = cs
    if pw and pw.group(1).lower() in _PRONOUN_IS:
        subj_end = cs - len(lt) + pw.end(1) - 2  # "She’s claiming": the pronoun
    np = parse_np(text, _chunk_floor(text, ss, cs), subj_end, ss) if left.strip() else None
    if np is None:
        return None
    s = _content_start(text, ce, cend, cls)
    if s is None or (_NOT_A_CLAUSE_START.match(text, s) and not _rx(r"\bwhat\s[^,;]*$").search(lt)):
        return None  # "Everything X says is a lie", "who said and did …" (not "in what X says is …")
    if lemma in _NP_TAKERS and not _rx(r"\bthat\s*$").search(text[ce:s]) and not _clause_like(text, s, cend, lemma):
        return None
    if lemma in _NP_TAKERS_QUOTED and not _rx(r"\bthat\s*$").search(text[ce:s]) \
            and not _clause_like(text, s, cend, lemma) and not doc.hits_in(s, cend) \
            and bisect_left(doc.span_opens, s) == bisect_left(doc.span_opens, cend):
        return None
    return Rec(s, cend, "indirect", form, cs, ce, cs, np=np, rule=Rule.FORWARD)


_NOT_A_CLAUSE_START = re.compile(r"(?:is|was|are|were|has|had|and|or)\b")


# reporting verbs that also take a plain object ("conceded defeat", "announced a plan"): their bare
# content must read as a clause
_NP_TAKERS = frozenset("""add concede admit announce confirm reveal report acknowledge disclose recall repeat reiterate
mention observe state declare proclaim pronounce rule assert maintain affirm reaffirm specify
clarify certify testify estimate forecast predict answer question post tweet write recount confess signal
indicate imply hint boast brag complain lament comment remark counter retort respond reply explain""".split())
# ... and verbs whose plain object is a report only with quoted words in it: "denied the claims" is
# no quote, "denied what she called "a smear"" is
_NP_TAKERS_QUOTED = frozenset("deny cite highlight request condemn".split())
_CLAUSE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|had|has|have|would|will|could|can|cannot|should|may|might|must|did|does|do|"
    r"isn't|wasn't|aren't|weren't|hadn't|hasn't|haven't|wouldn't|won't|couldn't|can't|shouldn't|didn't|doesn't|"
    r"don't|[’']re|[’']ll|[’']d)\b|\b\w{3,}ed\b")


# "said that was not enough": "that" is the subject when a verb follows it at once
_THAT_SUBJECT = re.compile(r"\s+(?:is|was|isn't|wasn't|would|will|wouldn't|won't|could|couldn't|should|has|had|"
                           r"hasn't|hadn't|must|might|may|did|didn't|does|doesn't)\b")
_SPEECH_OBJECT = re.compile(r"(?:a|an|the|one|his|her|their|its)\s+(?:\w+\s+)?(?:note|word|words|warning|caution|"
                            r"comment|remark|message|plea|reminder|caveat|appeal)\b", re.I)
_REL_CUT = re.compile(r"\s(?:when|where|which|who|whom|whose)\b")


def _clause_like(text: str, s: int, e: int, lemma: str = "") -> bool:
    """A reported clause (`the deal was done`), not a bare object (`conceded defeat`)."""
    seg = text[s:min(e, s + 160)]
    mk = _rx(r",(?!\d)").search(seg)  # not the comma of "2,521"
    if mk and mk.start() > 0:
        seg = seg[:mk.start()]
    if lemma in ("comment", "remark") and _rx(r"(?:on|about|upon)\b", re.I).match(seg):
        return False  # "did not comment on individual decisions": a topic, not a reported clause
    mr = _REL_CUT.search(seg, 1)
    if mr and lemma == "add":
        seg = seg[:mr.start()]  # "add extra sailings on days when clinics were held": the verb is in the relative
    if _rx(r"(?:he|she|it|they|we|i|you|there)\s+\w", re.I).match(seg):
        return True
    for m in _CLAUSE_RE.finditer(seg):
        if m.start() > 0 or not m.group().endswith("ed"):
            return True
    if _SPEECH_OBJECT.match(seg):
        return True  # "added a note of caution": the object is itself something said
    return text[s:s + 3].lower() in ("it’", "it'")


def _skip_time(right: str) -> int:
    pos = 0
    m = _TIME_ADJ.match(right)
    while m and m.end() > pos:
        pos = m.end()
        m = _TIME_ADJ.match(right, pos)
    return pos


def _chunk_floor(text: str, ss: int, cs: int) -> int:
    """Start of the region to parse for a subject: the sentence start, an open parenthesis
    ("… (her campaign later said that …)"), or a comma within 300 characters."""
    po = text.rfind("(", ss, cs)
    if po >= 0 and text.find(")", po, cs) < 0:
        return po + 1
    if cs - ss <= 300:
        return ss
    k = text.find(",", cs - 300, cs)
    return k + 1 if k >= 0 else cs - 300


def _content_start(text: str, ce: int, cend: int, cls: str) -> int | None:
    right = text[ce:cend]
    if not right.strip():
        return None
    if right.lstrip().startswith(","):
        # "warned, however, that …": a parenthetical, then the that-clause
        mp = _rx(r"\s*,\s*[^,;:]{1,40},\s*that\s+").match(right)
        if not mp:
            return None  # "said, adding …"
        s = ce + mp.end()
        return s if cend - s >= 3 else None
    if right.lstrip()[:1] == ":":
        return None
    pos = 0
    m = _TIME_ADJ.match(right)
    while m and m.end() > pos and m.end() - m.start() > 0:
        pos = m.end()
        m = _TIME_ADJ.match(right, pos)
    if cls == CueClass.ADDRESSEE:
        # addressee: "told reporters (on Monday) that", "told the court that"
        ma = _ADDRESSEE.match(right, pos)
        mt = _THAT.search(right, pos, min(len(right), pos + 120))
        if mt and _words(right[pos:mt.start()]) <= 10 and not _rx(r"[,;]").search(right[pos:mt.start()].strip(", ")):
            pos = mt.end() if not _THAT_SUBJECT.match(right, mt.end()) else mt.start()
        elif ma:
            pos = ma.end()
            if right[pos:pos + 1] == ",":
                return None
        else:
            mb = _ADDRESSEE_BARE.match(right, pos)
            if mb:
                pos = mb.end()
            elif not _rx(r"\s*(?:[\w’'\-]+\s+){1,6}to\s+[a-z]").match(right, pos):
                return None  # else "warned officials to boost …": the object and its infinitive
    else:
        mt = _rx(r"\s*that\b").match(right[pos:])
        if mt and not _THAT_SUBJECT.match(right, pos + mt.end()):
            pos += mt.end()
        else:
            # "said in a statement issued … that" – a that within a short adjunct
            mt = _THAT.search(right, pos, min(len(right), pos + 100))
            if mt and _ADJUNCT_START.match(right[pos:].lstrip()) and _words(right[pos:mt.start()]) <= 12 \
                    and not _rx(r"[;]").search(right[pos:mt.start()]):
                pos = mt.end()
    s = ce + pos
    if text[s:s + 1] == "," and text[s - 4:s].lower() == "that":
        s += 1  # "said that, “Of course …”": the comma after "that" is not content
    while s < cend and text[s].isspace():
        s += 1
    if cend - s < 3:
        return None
    return s


def _cut_content(doc: Doc, r: Rec, hi: int, inherit: dict, suppressed: set) -> None:
    """Other cues inside r's content: a coordinated cue splits it, a nested one is left inside."""
    text = doc.text
    for hj in doc.hits_in(r.start, r.end):
        if hj == hi or hj in doc.used_hits:
            continue
        h2 = doc.hits[hj]
        pre = text[r.start:h2[0]]
        m = _rx(r"(,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?)$").search(pre)
        if m and h2[4] != CueClass.PHRASE:
            first_lemma, first_cls = cue_info(r.cue) if r.cue else ("", CueClass.CLAUSE)
            if first_cls in (CueClass.OBJECT, CueClass.EVALUATIVE) or first_lemma == h2[3]:
                # 'called the deal "historic" and said …', 'said A but said B': one report
                suppressed.add(hj)
                continue
            cut = h2[0] - len(m.group(1))
            s, e = _trim(text, r.start, cut)
            if e - s >= 3:
                r.end = e
                inherit[hj] = r
                return
        if h2[4] == CueClass.DIRECT and not _rx(r"\s*(?:that|whether|if)\b").match(text, h2[1]):
            continue  # "had agreed to reopen": not a report
        # a coordinated clause with its own subject: "…, and Y said …" / "… while Y said …"
        m = _rx(r"(?:,\s*|\s+)(?:and|but|while|whereas|although|though|;)\s+((?:[\w’'\-.]+\s+){1,6})$").search(pre)
        if m and h2[4] != CueClass.PHRASE:
            subj_s = h2[0] - len(m.group(1))
            np2 = parse_np(text, subj_s, h2[0], subj_s)
            if np2 is not None and np2.kind in ("name", "pronoun") or (np2 is not None and np2.kind == "desc"
                                                                      and np2.text.split()[0].lower() in (
                                                                          "the", "a", "an", "his", "her", "its")):
                s, e = _trim(text, r.start, h2[0] - len(m.group()))
                if e - s >= 3:
                    r.end = e
                    return
        m = _rx(r",\s*$").search(pre)
        if m and h2[2].endswith("ing") and h2[2].lower() in _PARTICIPLE_CUES:
            s, e = _trim(text, r.start, h2[0] - len(m.group()))
            if e - s >= 3:
                r.end = e
                inherit[hj] = r
                return
        # trailing attribution of a source: "…, Azernews reports."
        m = _rx(r",\s*([^,]{1,60})$").search(pre)
        if m and _words(m.group(1)) <= 5 and not text[h2[1]:r.end].strip(" .") and h2[4] != CueClass.PHRASE:
            s, e = _trim(text, r.start, h2[0] - len(m.group()))
            r.end = e
            suppressed.add(hj)
            return
        # "…, according to X" at the end
        if h2[4] == CueClass.PHRASE and _rx(r",\s*$").search(pre):
            s, e = _trim(text, r.start, h2[0])
            r.end = e
            suppressed.add(hj)
            return
        suppressed.add(hj)


# ---------------------------------------------------------------------------
# speaker resolution
# ---------------------------------------------------------------------------

def _learn_gender(doc: Doc, reg: Registry, mentions) -> None:
    """`Lena Fosse said … her plan` -> female: the first pronoun after a sentence's first name (over the
    usual gender of the given name: the article knows its people better than a list)."""
    text = doc.text
    by_sent: dict[int, list] = {}
    for m in mentions:
        if m[3]:
            by_sent.setdefault(m[4], []).append(m)
    for k, ms in by_sent.items():
        s0, e0, ent, _, _ = ms[0]
        if (ent.gender and not ent.gender_guessed) or ent.kind == "org" or (ent.kind == "unknown" and not _name_like(ent.name)):
            continue
        ss, se = doc.sents[k]
        stop = ms[1][0] if len(ms) > 1 else se
        seg = text[e0:stop]
        pm = _rx(r"\b(he|his|him|himself|she|her|hers|herself)\b").search(seg)
        if pm and doc.span_at(e0 + pm.start()) < 0:
            ent.gender = "m" if pm.group(1) in ("he", "his", "him", "himself") else "f"
            ent.gender_guessed = False
            if ent.kind == "unknown":
                ent.kind = "person"


def _name_like(name: str) -> bool:
    """Could this be a person's name? None of its words is a common English word ('Keller' could;
    'Lake Cowichan', 'Canada', 'EU' are places and things)."""
    words = name.split()
    return bool(words) and not any(common_word(w) for w in words)


_WEAK_WORDS = frozenset("""with to by for from of at on in against about between among than like told urged
asked accused called thanked praised criticised criticized met congratulate congratulated unlike despite besides
including except""".split())
_SKIP_BEFORE_NAME = frozenset("his her their its the a an".split())
_REL_WORDS = frozenset("who which whose whom".split())
_REL_EXCEPT = frozenset("those anyone someone people".split())


def _subject_lead(lead: str) -> bool:
    """Is a name after this lead a clause subject (not the object of a preposition or verb, not inside a
    relative clause)? Looks only at the last few words, so the cost is bounded."""
    words = lead.rsplit(None, 6)[-6:]
    # "with his Russian counterpart X", "told Y", "met the new X": a governing word within a few words
    k = len(words) - 1
    steps = 0
    while k >= 0 and steps < 5:
        w = words[k]
        if w[-1:] in ",.;:":
            break
        lw = w.lower()
        if lw in _WEAK_WORDS:
            return False
        k -= 1
        steps += 1
    # a relative clause since the last comma: "the lawyer who has led X", ", which sued X"
    tail = lead[max(lead.rfind(","), lead.rfind("."), lead.rfind(";")) + 1:]
    if "wh" not in tail.lower():
        return True  # no who/which/whose/whom
    tw = tail.split()
    for i, w in enumerate(tw):
        if w.lower() in _REL_WORDS:
            if i == 0 and lead.rfind(",") >= 0 and lead.rfind(",") >= max(lead.rfind("."), lead.rfind(";")):
                return False
            if i > 0 and tw[i - 1].islower() and len(tw[i - 1]) >= 3 and tw[i - 1] not in _REL_EXCEPT:
                return False
    return True


def _inside(intervals: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(intervals, (pos, 1 << 60)) - 1
    return k >= 0 and intervals[k][0] <= pos < intervals[k][1]


_DOC_HEADS = frozenset("statement letter release filing memo email e-mail post tweet message note".split())


def _resolve(doc: Doc, reg: Registry, recs: list[Rec], name_mentions) -> None:
    text = doc.text
    # events in text order: subject mentions, name mentions, quotes to resolve
    events: list[tuple[int, int, tuple]] = []
    content = sorted((r.start, r.end) for r in recs if r.type != "direct")
    for (s, e, ent, outside, k) in name_mentions:
        if not outside:
            continue
        events.append((s, 0, ("mention", ent, k, e)))
    for rec in recs:
        events.append((rec.pos, 1, ("rec", rec)))
    events.sort(key=lambda x: (x[0], x[1]))
    last_speaker: Entity | None = None
    last_speaker_name = ""
    last_sent = (0, 0)  # the sentence of the latest attribution
    for pos, _, ev in events:
        if ev[0] == "mention":
            _, ent, k, e = ev
            if (ent.kind != "org" or text[e:e + 30].lstrip()[:1].islower()) \
                    and _subject_lead(text[max(doc.sents[k][0], pos - 160):pos]) and not _inside(content, pos):
                reg.touch(ent, pos, True)
            else:
                reg.touch(ent, pos, False)
            continue
        r: Rec = ev[1]
        if r.follow is not None:
            continue
        if r.fallback:
            if last_speaker is not None or last_speaker_name:
                r.entity = last_speaker
                r.speaker = last_speaker.name if last_speaker else last_speaker_name
                r.how = f'no attribution: the latest speaker, "{r.speaker}"'
            continue
        np0 = r.np
        if np0 is not None and np0.kind == "desc" and np0.head in _DOC_HEADS and (last_speaker or last_speaker_name) \
                and np0.text.split(" ", 1)[0].lower() in ("the", "this", "that", "its", "his", "her", "their") \
                and not np0.mods and np0.text[1:] == np0.text[1:].lower() \
                and _rx(r"\b" + np0.head + r"\b").search(text, last_sent[0], last_sent[1]) \
                and doc.sent_index(pos) - doc.sent_index(last_sent[0]) <= 2:
            # "X said in a statement … The statement added …": the document speaks for its author
            ent, spk = last_speaker, last_speaker.name if last_speaker else last_speaker_name
            r.how = f'"{np0.text}" speaks for its author, the speaker just before: "{spk}"'
        else:
            ent, spk = _resolve_np(reg, np0, pos, text, doc)
            r.how = _how(np0, ent, spk)
            r.unresolved = not spk and np0 is not None and np0.kind == "pronoun"
        if r.np is not None:
            r.mentions = (Mention(text[r.np.start:r.np.end], r.np.start, r.np.end),)
        r.entity, r.speaker = ent, spk
        if ent is not None:
            if ent.kind == "unknown" and r.np is not None and r.np.kind == "name":
                ent.kind = "person"
            reg.touch(ent, pos, True)
            last_speaker = ent
            last_speaker_name = ent.name
            last_sent = doc.sent_of(pos)
        elif spk:
            last_speaker, last_speaker_name = None, spk
            last_sent = doc.sent_of(pos)
    # followers
    for r in recs:
        f = r.follow
        seen = 0
        while f is not None and f.follow is not None and seen < 50:
            f = f.follow
            seen += 1
        if f is not None:
            r.speaker, r.entity, r.unresolved = f.speaker, f.entity, f.unresolved
            if not r.mentions:
                r.mentions = f.mentions
            r.how = f"the speaker of the quote it continues; {f.how}" if f.how else "the speaker of the quote it continues"


def _how(np: NP | None, ent: Entity | None, speaker: str) -> str:
    """How a mention led to its speaker, in words (for `quotes --explain` and the reader)."""
    if np is None:
        return "no mention of a speaker"
    said = f'"{np.text}"'
    if np.kind == "name":
        if ent is not None and ent.name.lower() != np.text.lower():
            return f"named {said}, the article's fullest form of the name is \"{ent.name}\""
        return f"named {said}"
    if np.kind == "pronoun":
        if ent is None:
            return f"pronoun {said}, with no earlier speaker it can stand for"
        return f"pronoun {said} -> the latest subject it fits: \"{ent.name}\""
    if ent is None or ent.unnamed:
        return f"description {said}: a source the article does not name"
    heads = ({np.head} | ROLE_SYNONYMS.get(np.head, set())) & (ent.roles | {w for p in ent.phrases for w in p.split()})
    why = f'its role "{sorted(heads)[0]}"' if heads else "the organisation or person it fits"
    return f"description {said} -> \"{ent.name}\", named earlier ({why})"


def _resolve_np(reg: Registry, np: NP | None, pos: int, text: str, doc: Doc | None = None
                ) -> tuple[Entity | None, str]:
    if np is None:
        return None, ""
    if np.kind == "name":
        if doc is not None and not np.text.isupper() and _a_common_word(doc, np.name, np.start):
            # "Watch …", "Mostly …": a word that opens a sentence, not a name; "Reports say …",
            # "City officials …": a noun for a source, kept as the article words it
            low = np.name.lower()
            if low in ROLE_WORDS or low in ORG_HEADS or (low.endswith("s") and not low.endswith("ss")):
                return _unnamed(reg, NP("desc", np.start, np.end, np.text, head=low), pos)
            return None, ""
        ent = reg.lookup(np.name) or reg.entity_for(np.name)
        if ent.name.isupper() and not np.name.isupper():
            ent.name = np.name  # "HOLLOWAY" in a transcript is Holloway
        for ph in np.roles:
            _absorb_roles(ent, ph)
        return ent, ent.name
    if np.kind == "pronoun":
        g = np.head
        if g in ("he", "she"):
            want = "m" if g == "he" else "f"
            best = _pick(reg, pos, lambda e: e.kind in ("person", "unknown") and not e.unnamed
                         and (e.gender == want or (not e.gender and e.kind == "person")))
            if best is None:
                # "he" and "she" stand for people: not for a place or a thing ("Canada", "the EU")
                best = _pick(reg, pos, lambda e: e.gender in ("", want) and (
                    e.kind == "person" or (e.kind == "unknown" and _name_like(e.name))))
            if best is not None:
                if not best.gender:
                    best.gender = want
                return best, best.name
            return None, ""  # a pronoun is never a speaker: unresolved, the quote has none
        if g == "they":
            if doc is not None:
                # "About fifty supporters waved flags. They said …": a plural subject just before
                k = doc.sent_index(np.start)
                if k > 0 and doc.sents[k][0] == np.start:
                    ps, pe = doc.sents[k - 1]
                    sub = _subject_np(doc, ps, pe)
                    if sub is not None and sub.kind == "desc" and sub.head.endswith("s") \
                            and not sub.head.endswith(("ss", "us")):
                        return _unnamed(reg, sub, pos)
            best = _pick(reg, pos, lambda e: e.gender == "p" or e.kind in ("org", "group"), subj_only=True)
            return (best, best.name) if best else (None, "")
        if g == "it":
            best = _pick(reg, pos, lambda e: e.kind == "org")
            if best is None:
                # "BC Tram said … It said …": a named thing that is no person the article knows of
                best = _pick(reg, pos, lambda e: e.kind in ("org", "unknown") and not e.gender and not e.unnamed,
                             any_mention=True)
            return (best, best.name) if best else (None, "")
        return None, ""
    # descriptions
    words = np.text.split()
    first = words[0].lower() if words else ""
    if len(words) >= 3 and words[0][:1].isupper() and words[1] in _IMPERATIVE_OBJECT and first.isalpha() \
            and first not in _NOUN_BEFORE and first not in STOP_CAPS and not first.endswith("ly") \
            and common_word(words[0]):
        return None, ""  # "Watch the coach explain …": an imperative, addressed to the reader
    head = np.head
    bare_role = len(words) <= 3 and head in ROLE_WORDS and not head.endswith("s") and first not in INDEFINITE
    if not bare_role and (first in INDEFINITE or (first not in ("the", "this", "that", "its", "his", "her", "their")
                                                  and not np.text[:1].isupper() and "'" not in first
                                                  and "’" not in first)):
        return _unnamed(reg, np, pos)
    if not bare_role and first not in ("the", "this", "that", "its", "his", "her", "their") \
            and not ("’" in first or "'" in first):
        if np.text[:1].isupper() and first not in ("the",):
            return _unnamed(reg, np, pos)
    if head in ORG_HEADS and not any(m in ROLE_WORDS for m in np.mods if m not in ORG_HEADS):
        words_ok = ORG_HEADS[head]
        best = _pick(reg, pos, lambda e: e.kind == "org" and (
            any(t.lower() in words_ok for t in e.name.split()) or head in e.roles), any_mention=True)
        if best is None and head in ("company", "firm", "group", "organisation", "organization"):
            best = _pick(reg, pos, lambda e: e.kind == "org" and head in e.roles, any_mention=True)
        if best is not None:
            return best, best.name
        return None, _lower_first(np.text)
    # person descriptions: roles, synonyms, nationality, age
    nats = {m for m in np.mods if is_demonym(m.capitalize()) and m not in ROLE_WORDS}
    phrase = " ".join([m for m in np.mods if m not in nats] + [head])
    heads = {head} | ROLE_SYNONYMS.get(head, set())
    syn_phr = ROLE_SYNONYMS.get(phrase, set()) if phrase != head else set()

    def match(e: Entity) -> bool:
        if e.kind == "org":
            return False
        if nats and not (nats & e.nat):
            return False
        if syn_phr and any(p in ph for ph in e.phrases for p in syn_phr):
            return True
        if e.roles & heads:
            return True
        return any(head in p.split() for p in e.phrases)

    possessive = "’" in first or "'" in first
    best = _pick(reg, pos, lambda e: match(e) and not e.unnamed, any_mention=True)
    if best is None and nats:
        best = _pick(reg, pos, lambda e: e.kind != "org" and bool(nats & e.nat) and not e.unnamed, any_mention=True)
    unnamed = _pick(reg, pos, lambda e: e.unnamed and (head in e.roles), any_mention=True)
    if unnamed is not None and (best is None or max(unnamed.last_subj, unnamed.last_mention)
                                > max(best.last_subj, best.last_mention)):
        best = unnamed  # "the negotiator" after "a negotiator from a donor country said …"
    if best is None:
        # a role named only later: "its governor signalled …" … "Governor Ann Lee said"
        for e in reg.upcoming(pos, 30):
            if not e.unnamed and match(e):
                best = e
                break
    if best is None and possessive and np.text[:1].isupper():
        return None, np.text  # "Varga's lawyers", "Holm's office": a source in its own right
    definite = first in ("the", "this", "that") or possessive
    if best is None and (head in ROLE_WORDS or head.endswith("-year-old") or head.endswith("ist")
                         or head in ("man", "woman") or (definite and bool(ROLE_SUFFIX.search(head)))):
        best = _pick(reg, pos, lambda e: e.kind == "person" and not e.unnamed)
    if best is not None:
        return best, best.name
    return None, _lower_first(np.text)


_IMPERATIVE_OBJECT = frozenset("the a an his her their our this these those".split())


def _a_common_word(doc: Doc, name: str, at: int) -> bool:
    """A one-word 'name' that opens its sentence or line, is a common English word, and that the article
    never writes capitalised inside a sentence, is that word, not a name."""
    word = name.strip()
    if " " in word or not word[:1].isupper() or not common_word(word):
        return False
    ss = doc.sent_of(at)[0]
    if doc.text[ss:at].strip(" \t\n\"“‘'«(—–-"):
        return False  # not at the start
    for m in _rx(r"\b" + re.escape(word) + r"\b").finditer(doc.text):
        before = doc.text[max(0, m.start() - 3):m.start()].rstrip(" \"“‘'«(")
        if before and before[-1] not in ".!?:\n—–-" and doc.sent_of(m.start())[0] < m.start() - 2:
            return False  # written capitalised mid-sentence elsewhere: a name there, a name here
    return True


def _lower_first(s: str) -> str:
    """'A government spokesperson' -> 'a government spokesperson'; 'Hungarian media' stays."""
    s = s.strip()
    first = s.split(" ", 1)[0] if s else ""
    if not s or (is_demonym(first) and first.lower() not in ROLE_WORDS) or (first.isupper() and len(first) > 1):
        return s
    if first.endswith(("’s", "'s")) and first[:1].isupper():
        return s  # "Holm's office": the owner is a name
    return s[:1].lower() + s[1:]


def _unnamed(reg: Registry, np: NP, pos: int) -> tuple[Entity, str]:
    name = _lower_first(np.text)
    e = reg.by_full.get("~" + name.lower())
    if e is None:
        e = Entity(name=name, kind="person", unnamed=True)
        e.roles.add(np.head)
        for m in np.mods:
            e.roles.add(m)
        first = name.split()[0].lower() if name else ""
        if np.head.endswith("s") and first not in ("a", "an", "one"):
            e.gender = "p"
            e.kind = "group"
        reg.by_full["~" + name.lower()] = e
        reg.entities.append(e)
    return e, name


def _absorb_roles(ent: Entity, ph: str) -> None:
    for w in _rx(r"[\w\-]+").findall(ph.lower()):
        if w in ("the", "a", "an", "of", "for", "at"):
            continue
        if is_demonym(w.capitalize()) and w not in ROLE_WORDS:
            ent.nat.add(w)
        else:
            ent.roles.add(w)
        if w in FEMALE_WORDS and not ent.gender:
            ent.gender = "f"
        elif w in MALE_WORDS and not ent.gender:
            ent.gender = "m"
    ent.phrases.add(ph.lower())


def _pick(reg: Registry, pos: int, pred, any_mention: bool = False, subj_only: bool = False) -> Entity | None:
    """The most recent entity satisfying pred: by subject mentions first (unless any_mention)."""
    if not any_mention:
        n = 0
        for e in reversed(reg.rec_s):
            if e.last_subj < pos and pred(e):
                return e
            n += 1
            if n > 60:
                break
        if subj_only:
            return None
    n = 0
    for e in reversed(reg.rec_m):
        if (any_mention or e.last_subj < 0) and max(e.last_subj, e.last_mention) < pos and pred(e):
            return e
        n += 1
        if n > 60:
            break
    return None


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

def _finish(text: str, recs: list[Rec]) -> list[Quote]:
    out: list[Quote] = []
    # a direct quote wins over an indirect one that overlaps it
    directs = sorted((r.start, r.end) for r in recs if r.type == "direct")
    ds = [d[0] for d in directs]
    keep = []
    for r in recs:
        if r.type != "direct" and directs:
            k = bisect_left(ds, r.end)
            if k > 0 and directs[k - 1][1] > r.start and not (r.start <= directs[k - 1][0] and directs[k - 1][1] <= r.end):
                continue  # partly overlaps a direct quote (a direct quote wholly inside is a mixed quote)
        keep.append(r)
    recs = sorted(keep, key=lambda r: (r.start, -(r.end - r.start)))
    last_end = -1
    for r in recs:
        s, e = r.start, r.end
        if not (0 <= s < e <= len(text)):
            continue
        if s < last_end:
            continue  # overlaps an earlier item
        if not r.speaker and not r.unresolved:
            continue
        mentions = tuple(m for m in r.mentions if 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text)
        cs, ce = (r.cue_start, r.cue_end) if 0 <= r.cue_start < r.cue_end <= len(text) else (-1, -1)
        out.append(Quote(text[s:e], s, e, r.speaker, r.type, r.cue if cs >= 0 else "", cs, ce, mentions,
                         str(r.rule), r.how))
        last_end = e
    return out
