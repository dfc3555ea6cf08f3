"""The engine's working types: the article as read (Doc), its cue hits (Hit), quotes before their
speakers are known (Rec), the rules that find them (Rule), and helpers every stage uses."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from tui.quotes.lexicon import CueClass
from tui.quotes.spans import Span
from tui.quotes.speakers import NP, Entity, parse_np

# memoised: the engine compiles patterns with variable parts (a name, a head word)
_rx = lru_cache(maxsize=None)(re.compile)


_WORDS = re.compile(r"[^\W_][\w’'\-]*")


_TITLE_BEFORE = re.compile(r"(?:\b(?:show|programme|program|film|movie|documentary|book|memoir|novel|song|album|"
                           r"series|newspaper|magazine|column|podcast|titled|entitled|called|dubbed|on|of|sang|sings|"
                           r"wrote|written|penned|authored|"
                           r"anthem|hymn|ballad|poem|play|track|single|opera|musical|"
                           r"singing|performed|performing)|[’']s)\s*$", re.I)


def _a_title(text: str, sp: Span) -> bool:
    """`on CBS's "Face the Nation,"`, `the film "Under the Dome"`: a title in quotation marks."""
    words = _WORDS.findall(text[sp.start:sp.end])
    return 0 < len(words) <= 6 and all(w[:1].isupper() for w in words if len(w) > 3) \
        and bool(_TITLE_BEFORE.search(text, max(0, sp.open - 30), sp.open))


_PARTICIPLE_CUES = frozenset("""saying adding noting arguing insisting warning explaining stressing claiming
suggesting stating declaring telling asking urging calling describing accusing pointing acknowledging
admitting conceding predicting promising vowing pledging denying confirming announcing emphasising
emphasizing underlining highlighting recalling complaining asserting maintaining contending alleging
reiterating writing replying responding revealing tweeting posting shouting chanting joking quipping boasting
bragging observing remarking""".split())


_AMBIG_S = frozenset("""comments remarks reports claims calls notes answers questions charges posts promises pledges
vows threats demands estimates forecasts signals hints protests objects states rules counters replies appeals
pleas tweets accounts cites credits praises attacks slams blasts labels brands dubs defends hails mocks
warnings statements concludes briefs disputes requests echoes queries relays emails blogs guarantees reasons
gripes rants sobs gasps moans groans snaps roars ventures rebukes taunts""".split())


_AMBIG_BASE = frozenset("""state rule demand signal call report claim note question ask answer post promise pledge
vow comment remark charge estimate forecast hint protest object counter reply appeal plea tweet credit praise
attack slam blast label brand dub defend hail mock warning statement conclude cite blame reject dismiss
condemn decry denounce portray characterise characterize recommend propose suggest threaten urge demand
brief dispute request echo query relay email blog guarantee reason gripe rant sob gasp moan groan snap roar
venture rebuke taunt counsel""".split())


_SUBJ_WORDS = frozenset("""he she it they who which that also company government ministry agency group official
officials spokesman spokeswoman spokesperson report study survey""".split())


# documents that state, note or claim things ("the website states that …")
_DOC_SUBJECTS = frozenset("""website site document report study survey poll statement letter memo filing page
ad advertisement release book article paper indictment complaint lawsuit ruling order""".split())


# ", who (once|in 2010 …) said": the cue inside a relative clause; and the one the clause is about
_REL_TAIL = r",\s*(?:who|which)\s+(?:(?:had|has|have|also|later|previously|repeatedly|once|in\s+\d{4})\s+)*$"


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
    GAP = "reported: a relative clause around the cue (the wounds that police said were not self-inflicted)"
    POST = "direct: an embedded post signed with its author's name and handle"


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
    speechlike: dict[int, bool] = field(default_factory=dict)  # direct._speechlike's answers, by span open

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

    def hits_in(self, s: int, e: int) -> range:
        """Indices of the hits that start in [s, e) (a range: most callers only ask if there is one)."""
        i = bisect_left(self.hit_starts, s)
        return range(i, bisect_left(self.hit_starts, e, i))


def _words(s: str) -> int:
    return len(_WORDS.findall(s))


def _words_upto(s: str, cap: int) -> int:
    """min(_words(s), cap), counting in a prefix first: a long quotation need not be read to know it
    has cap words (the words of a prefix start where the whole string's do, so never more of them)."""
    if len(s) > 12 * cap:
        n = len(_WORDS.findall(s, 0, 12 * cap))
        if n >= cap:
            return cap
    return min(len(_WORDS.findall(s)), cap)


def _whole_word_at(text: str, word: str):
    """Where word occurs as a whole word (as the regex \\b word \\b matches, left to right), found by str.find:
    the regex, with no literal first, would try every position of the text."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        j = i + n
        if _is_word_char(text[i - 1:i]) != _is_word_char(word[0]) and _is_word_char(word[-1]) != _is_word_char(text[j:j + 1]):
            yield i
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


def _is_word_char(c: str) -> bool:
    """Is c (one character, or none) a \\w character?"""
    return c.isalnum() or c == "_"


_AFTER_NAME = re.compile(r"\s+(?:before|after|during|in|at|on|while|when|outside|inside|from|to|with|"
                         r"as|earlier|later|last|this|yesterday|today|on)\s")


def _np_after_cue(doc: Doc, ce: int, limit: int) -> NP | None:
    """Inverted attribution: `said Okafor, who runs the clinic, …` -> the phrase after the cue."""
    text = doc.text
    m = _rx(r"\s*((?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Jr|Sr|Capt|Sgt|[A-Z])\.|[^,.;:!?\n]){1,80})"
            ).match(text[ce:limit])
    if not m:
        return None
    s = ce + m.start(1)
    e = ce + m.end(1)
    # "said manager Bruce Harlan before the game": an adjunct after the name is no part of the phrase
    for mc in _AFTER_NAME.finditer(text, s, e):
        before = text[s:mc.start()].rsplit(None, 1)
        if before and before[-1][:1].isupper():
            e = mc.start()
            break
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

