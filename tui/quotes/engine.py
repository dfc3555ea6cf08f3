"""The attribution engine: article text in, quotes with their speakers out.

The pipeline is here; each stage has its module: doc.py (the article as read, cue hits, the
records and rules every stage shares), direct.py, reported.py, resolve.py; speakers.py finds
the names, lexicon.py holds the word lists and what libraries know of words.

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
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from tui.quotes.direct import _chains, _direct_quotes, _embedded_posts, _fallback_direct, _transcript
from tui.quotes.doc import (
    _AMBIG_BASE,
    _AMBIG_S,
    _DOC_SUBJECTS,
    _NOUN_BEFORE,
    _SUBJ_WORDS,
    _WORDS,
    Doc,
    Hit,
    Rec,
)
from tui.quotes.lexicon import ORG_WORDS, ROLE_WORDS, CueClass
from tui.quotes.model import Mention, Quote
from tui.quotes.reported import _indirect_quotes
from tui.quotes.resolve import _learn_gender, _resolve
from tui.quotes.spans import find_spans
from tui.quotes.speakers import NUMBER_WORDS, ORG_HEADS, build_registry
from tui.quotes.text import cue_info, find_cues, sentences

_NUMBER_WORDS = NUMBER_WORDS | {"one", "several", "many", "few", "dozens", "hundreds", "thousands", "million"}


def extract(text: str) -> list[Quote]:
    """The quotes of one article, in text order. A bug raises: callers report it per article."""
    if not isinstance(text, str) or not text.strip():
        return []
    return _extract(text)


_LINK_HEAD = re.compile(r"[ \t]*(?:READ MORE|MORE|WATCH|RELATED|VIDEO|PHOTOS?|LISTEN|SEE ALSO|ALSO READ)[ \t]*")
_LINK_LINE = re.compile(r"^" + _LINK_HEAD.pattern + r":[^\n]*", re.M)


def _link_lines(text: str) -> list[tuple[int, int]]:
    """Lines that point to other stories ("READ MORE: …", "WATCH: …"): their headlines report nothing here."""
    # (the regex tries every position of the text: it runs only if the line of a colon starts with a link
    # head; articles have a couple of colons)
    c = text.find(":")
    while c >= 0:
        if _LINK_HEAD.fullmatch(text, text.rfind("\n", 0, c) + 1, c):
            return [(m.start(), m.end()) for m in _LINK_LINE.finditer(text)]
        c = text.find(":", c + 1)
    return []


# a photo caption: a short paragraph closed by a credit in parentheses ("(Jane Roe/Canadian Press)",
# "( THE CANADIAN PRESS FILE PHOTO )", "(CBC)")
_CAPTION = re.compile(r"^[ \t]*[^\n]{1,600}\([ \t]*(?=[^()\n]*(?:/|\b(?:[Pp]hotos?|PHOTOS?|[Ii]mages|IMAGES|[Pp]ress|PRESS|"
                      r"[Cc]ontributed|[Aa]rchives|[Hh]andout|[Ff]ile|FILE|Reuters|REUTERS|CBC|AP|AFP|Getty)\b))"
                      r"[^()\n.]{2,80}\)[ \t]*\.?[ \t]*$", re.M)
# how every caption ends: looked for first (it starts with a literal, which re scans for fast; _CAPTION's
# line starts make it try every position of the text)
_CAPTION_END = re.compile(r"\)[ \t]*\.?[ \t]*$", re.M)


def _captions(text: str) -> list[tuple[int, int]]:
    """The lines _CAPTION matches (each a whole line): tried only from the start of a line that ends like one."""
    out = []
    for end in _CAPTION_END.finditer(text):
        m = _CAPTION.match(text, text.rfind("\n", 0, end.start()) + 1)
        if m is not None:
            out.append((m.start(), m.end()))
    return out


# a photo caption opened by its credit, a news or photo agency, then straight on with a capitalised word
# (no verb: "The Canadian Press Syrian refugee Ali Haddad watches as …"; not "Reuters reported …")
_CREDITS = ("The Canadian Press", "The Associated Press", "Reuters", "AFP", "Getty Images")
_CREDIT_LINE = r"[ \t]*(?:" + "|".join(re.escape(c) + "|" + re.escape(c.upper()) for c in _CREDITS) + r")[ \t]+[A-Z][^\n]*"
_CREDIT_CAPTION = re.compile(r"^" + _CREDIT_LINE, re.M)
# the same from the newline before the line: it opens with a literal, which re scans for fast (the line
# start makes _CREDIT_CAPTION try every position of the text)
_CREDIT_AFTER_NEWLINE = re.compile(r"\n" + _CREDIT_LINE)


def _credit_captions(text: str) -> list[tuple[int, int]]:
    """The lines _CREDIT_CAPTION matches, when the text names a credit (as written, not in capitals)
    anywhere. (The lines are looked for first: few texts have one, and five searches for a credit over the
    whole text cost more than one for a line.)"""
    first = _CREDIT_CAPTION.match(text)  # the first line
    found = [(first.start(), first.end())] if first is not None else []
    found += [(m.start() + 1, m.end()) for m in _CREDIT_AFTER_NEWLINE.finditer(text)]
    if found and any(credit in text for credit in _CREDITS):
        return found
    return []


def _masked(text: str) -> str:
    """The text with photo captions and links to other stories blanked out (their lengths kept): their
    sentences report nothing, and the people they name are not the subjects a pronoun after them means."""
    cut = _link_lines(text) + _captions(text) if "(" in text else _link_lines(text)
    cut += _credit_captions(text)
    if not cut:
        return text
    parts = []
    last = 0
    for s, e in sorted(cut):
        if s < last:
            continue
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)


# the word before a cue, over one adverb ("He now calls it …")
_SUBJ_BEFORE = re.compile(r"([\w’'\-]+)(?:\s+(?:now|also|then|later|still|again|often|once|[a-z]+ly))?[\s\"”’']*$")
# the same, tried only where a word starts. A match that starts just after a word character would match one
# character earlier too (its word one longer): so the leftmost match starts where the search starts or where
# a word starts. The word is taken whole (++): what follows it opens with a space, a quotation mark or the
# end, so a word cut short (ending before its own ’ or ') matches only where the whole word does.
_SUBJ_AT_WORD = re.compile(r"(?<![\w’'\-])([\w’'\-]++)(?:\s+(?:now|also|then|later|still|again|often|once|[a-z]+ly))?"
                           r"[\s\"”’']*$")


def _subj_before(text: str, end: int) -> re.Match | None:
    """_SUBJ_BEFORE.search(text, end - 40, end), searched from where a match can start: its word and adverb
    are the last two chunks (between spaces) before any quotation marks that close the window. (Searched
    from end - 40, the regex tries every position, and each backtracks over the rest.)"""
    lo = max(0, end - 40)
    window = text[lo:end]
    chunks = window.split()
    k = 2  # chunks the match can span: the word, an adverb, and the quotation marks after them
    while k - 2 < len(chunks) and not chunks[1 - k].strip("\"”’'"):
        k += 1
    parts = window.rsplit(None, k)
    if len(parts) > k:
        return _SUBJ_AT_WORD.search(text, lo + len(parts[0]), end)  # (from the space before the last k chunks)
    return _SUBJ_BEFORE.match(text, lo, end) or _SUBJ_AT_WORD.search(text, lo + 1, end)


def _hit_ok(doc: Doc, h) -> bool:
    """A capitalised cue counts at a sentence start (`Said Ellis: …`) or inside a title-case headline.

    A form that is also a noun ("reports", "comments", "promise") must follow a possible subject."""
    low = h[2].lower()
    if low in _AMBIG_S or low in _AMBIG_BASE:
        text = doc.text
        pw = _subj_before(text, h[0])
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
    ss, se = doc.sent_of(h[0])
    before = text[ss:h[0]].strip(" \"“‘'«")
    if not before:
        return True
    last_word = before.rsplit(None, 1)[-1:]  # (a regex for it searched from every position of the sentence)
    if not (last_word and last_word[0][:1].isupper()):
        return False
    # a title-case headline: most words capitalised
    words = _WORDS.findall(text[ss:se])
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


@lru_cache(maxsize=4096)
def _cue_form(form: str) -> tuple[str, CueClass, bool]:
    """A cue form's lemma and class, and whether _hit_ok has to look at it (a capitalised or ambiguous form;
    the rest always count)."""
    low = form.lower()
    return *cue_info(form), form[:1].isupper() or low in _AMBIG_S or low in _AMBIG_BASE


def _cue_hits(doc: Doc) -> list[Hit]:
    """The cues outside quotations that count (none in a link line does: _masked blanked them all, each a
    whole line)."""
    # the positions inside a quotation (as span_at places them: the closing mark at sp.close, or the end
    # of an unclosed quotation's paragraph there, starts no cue)
    inside = [(sp.open + 1, sp.close) for sp in doc.spans]
    hits = []
    for cs, ce, form in find_cues(doc.text, inside):
        lemma, cls, check = _cue_form(form)
        h = Hit(cs, ce, form, lemma, cls)
        if check and not _hit_ok(doc, h):
            continue
        hits.append(h)
    return hits


def _extract(original: str) -> list[Quote]:
    text = _masked(original)
    spans = find_spans(text)
    span_opens = [s.open for s in spans]
    sents = sentences(text, spans, span_opens)
    doc = Doc(text, spans, sents, [])
    doc.sent_starts = [s for s, _ in sents]
    doc.span_opens = span_opens
    doc.hits = _cue_hits(doc)
    doc.hit_starts = [h[0] for h in doc.hits]

    reg, name_mentions = build_registry(text, sents, spans)
    _learn_gender(doc, reg, name_mentions)

    recs: list[Rec] = []
    _transcript(doc, recs)
    _embedded_posts(doc, recs)
    chains = _chains(doc)  # (the spans of multi-paragraph quotations, grouped)
    direct = _direct_quotes(doc, recs, chains)
    _indirect_quotes(doc, recs, direct)
    _fallback_direct(doc, recs, chains)
    _resolve(doc, reg, recs, name_mentions)
    return _finish(original, recs)


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
    # by start, the longer first (two stable sorts: no key built in Python for each)
    keep.sort(key=attrgetter("end"), reverse=True)
    keep.sort(key=attrgetter("start"))
    last_end = -1
    n = len(text)

    def in_place(m: Mention) -> bool:
        """Is the mention's text where it says? (compared in place, not cut out; a text that starts at m.start
        ends within the text)"""
        return 0 <= m.start and m.end - m.start == len(m.text) > 0 and text.startswith(m.text, m.start)

    for r in keep:
        s, e = r.start, r.end
        if not (0 <= s < e <= n):
            continue
        if s < last_end:
            continue  # overlaps an earlier item
        if not r.speaker and not r.unresolved:
            continue
        mentions = r.mentions
        if not all(map(in_place, mentions)):
            mentions = tuple(filter(in_place, mentions))
        cs, ce = (r.cue_start, r.cue_end) if 0 <= r.cue_start < r.cue_end <= n else (-1, -1)
        out.append(Quote(text[s:e], s, e, r.speaker, r.type, r.cue if cs >= 0 else "", cs, ce, mentions,
                         str(r.rule), r.how))
        last_end = e
    return out
