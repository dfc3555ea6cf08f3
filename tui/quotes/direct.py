"""Stage: direct quotes. A quotation with a reporting clause after it ("…," X said) or before it
(X said: "…"), split quotes, continuations, multi-paragraph quotes, interview transcripts, and
quotations standing alone (the latest speaker's)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from tui.quotes.doc import (
    _a_title,
    _AMBIG_BASE,
    _PARTICIPLE_CUES,
    Doc,
    Rec,
    Rule,
    _np_after_cue,
    _rx,
    _whole_word_at,
    _words,
    _words_upto,
)
from tui.quotes.lexicon import CueClass
from tui.quotes.reported import _a_noun, _subject_np
from tui.quotes.spans import Span
from tui.quotes.speakers import NP, parse_np

_ASKED_WHOM = frozenset("him her them me us you reporters".split())  # 'asked them, "…"'


_ABBR_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|Capt|Maj|Adm|Hon|Amb|Pres|"
                       r"Supt|Insp|Det|[A-Z]|[RDI]-[A-Z][a-z]{0,4})\.")  # "R-Ore." too
_CLAUSE_END = re.compile(r"[.!?](?!\w)|[;:]")
_SENT_STOP = re.compile(r"[.!?;]")


def _speechlike(doc: Doc, sp: Span) -> bool:
    """Does the quotation read like speech (not a title, a term, a scare-quoted word)? Answered once a span."""
    known = doc.speechlike.get(sp.open)
    if known is None:
        known = doc.speechlike[sp.open] = _reads_like_speech(doc.text, sp)
    return known


# ten words as _WORDS finds them (what lies between them and each word taken whole, never given back),
# matched without making them
_TEN_WORDS = re.compile(r"(?:[\W_]*+[^\W_][\w’'\-]*+){10}")


def _reads_like_speech(text: str, sp: Span) -> bool:
    if _TEN_WORDS.match(text, sp.start, sp.end):
        return True  # (ten words or more read like speech whatever the tests below say)
    c = text[sp.start:sp.end]
    n = _words(c)  # (fewer than ten)
    if n >= 4 and (c[:1].isupper() or c[:1].isdigit()) and (c[-1] in ".,!?…:;—-" or n >= 8):
        speech = True
    elif n >= 2 and c[-1] in ",!?" and (c[:1].isupper() or not sp.closed):
        speech = True
    else:
        speech = False
    # a short title in quotation marks is none (asked last: it is the dearest test)
    return speech and not (n <= 6 and _a_title(text, sp))


def _chains(doc: Doc) -> list[list[int]]:
    """Group spans into multi-paragraph chains."""
    chains: list[list[int]] = []
    for i, sp in enumerate(doc.spans):
        if sp.cont_prev and chains and not doc.spans[chains[-1][-1]].closed:
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


_DASH_AT = re.compile(r"[―—–]")


# `"…" ― Ada Lund` closing a line (a reader's comment, an epigraph): the dash names the speaker
_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w’'\-.]*(?:[ \t\u00a0]+[A-Z][\w’'\-.]*){0,3})"
                        r"[ \t\u00a0.]*(?:\n|$|,)")


_THAT_CLAUSE = re.compile(r"\s+that\s+(?!(?:night|day|morning|evening|afternoon|week|month|year|time|weekend)\b)")


COLON_CUE, DASH_CUE = -1, -2  # an attribution with no reporting verb


def _long_name_apposition(text: str, s: int, e: int, ss: int) -> bool:
    """'Peter Lind, director of trade studies at the U.S.-based Centre for Shipping Policy,': a name and
    its long apposition, the whole subject of a cue after a quotation."""
    b = text[s:e].strip()
    if not b.startswith(",") and not b[:1].isupper():
        return False
    np = parse_np(text, s, e, ss)
    return np is not None and np.kind == "name" and bool(np.roles) and text[np.start:np.end] in text[s:s + 60]


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
            nxt = hi + 1
            if nxt < len(doc.hits) and nxt in hs and not text[h[1]:doc.hits[nxt][0]].strip():
                continue  # '"…," the civil claim said': the noun heads the subject of the cue after it
            return None  # '"…" against a coordinated attack': a noun
        # a stop inside a word ("e.GO’s founder") ends nothing (nor can one after an abbreviation's is removed
        # if none before)
        if "\n" in between or _CLAUSE_END.search(between) and _CLAUSE_END.search(_ABBR_DOT.sub("", between)):
            return None
        nwords = _words_upto(between, 25)  # (no test below looks past 24)
        # (a subject with an apposition runs longer: '"…," Ada Lund, director of studies at the X Centre, said')
        most = 20 if between.count(",") >= 2 else 14
        if nwords > 24 or nwords > most and not _long_name_apposition(text, after, h[0], ss):
            return None
        b = between.strip()
        if text[sp.close - 1:sp.close] in ".!?" and _THAT_CLAUSE.match(text, h[1]):
            return None  # '“… to Canada.” Foster writes that …': a new sentence with its own report
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
    if punct == ":" and _speechlike(doc, sp):
        # "Varga was firm: "No."": a clause with a subject and a colon, no reporting verb
        ss0 = doc.sent_of(i)[0]
        k0 = bisect_left(doc.span_opens, sp.open) - 1
        before = doc.hits_in(ss0, i)
        # the subject must follow the last cue before the colon: none can after "X said:"
        room = not before or text[doc.hits[before[-1]][1]:i].strip()
        if room and (k0 < 0 or doc.spans[k0].close < ss0):
            np0 = _subject_np(doc, ss0, i)
            if np0 is not None and np0.kind in ("name", "pronoun") and not doc.hits_in(np0.end, i) \
                    and _words_upto(text[np0.end:i], 9) <= 8:
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
    if _words_upto(between, 9) > 8 or _SENT_STOP.search(between) and _SENT_STOP.search(_ABBR_DOT.sub("", between)):
        return None
    if punct.isalpha():
        # `she said "…"` without punctuation: only directly after the cue
        if between.strip() or not _speechlike(doc, sp):
            return None
    if punct == "," and h[4] == CueClass.OBJECT and _rx(r",\s*$").search(text, lo, h[0]) \
            and _rx(r"\s+(?:[\w’'.\-]+\s+){0,6}[A-Z][\w’'.\-]*\s+[A-Z][\w’'\-]*\s*").fullmatch(between):
        np = _np_after_cue(doc, h[1], i)
        if np is not None and np.kind == "name":
            return hi, np  # '…, asks editor Jane Roe, “has anyone …?”': inverted, the name between cue and quotation
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


def _other_subject(doc: Doc, first: Span, prev: Rec) -> NP | None:
    """The named subject of a plain sentence between a quote and the quotation continuing it, when that
    sentence is about someone else than the quote's speaker ("Durning did not need much coaxing.")."""
    k = doc.sent_index(first.open)
    if k == 0:
        return None
    ps, pe = doc.sents[k - 1]
    if ps <= prev.end or ps < first.para_start or doc.hits_in(ps, pe) or doc.span_at(ps + 1) >= 0 \
            or bisect_left(doc.span_opens, ps) != bisect_left(doc.span_opens, pe):
        return None
    np = _subject_np(doc, ps, pe)
    if np is None or np.kind != "name" or (prev.np is not None and prev.np.kind == "name"
                                            and prev.np.name.split()[-1] == np.name.split()[-1]):
        return None
    return np


def _direct_quotes(doc: Doc, recs: list[Rec], chains: list[list[int]]) -> dict[int, Rec]:
    """The quotations with an attribution, and those that continue one; chains is _chains(doc)."""
    text = doc.text
    direct: dict[int, Rec] = {}
    last_rec_by_para: dict[int, Rec] = {}
    for chain in chains:
        if not doc.used_spans.isdisjoint(chain):
            continue
        first, lastsp = doc.spans[chain[0]], doc.spans[chain[-1]]
        before_att: tuple | None = None
        asked_before = False  # (is before_att _attrib_before's answer?)
        if len(chain) == 1 and not _speechlike(doc, first):
            # short spans may still be a split quote's second half ("…," X said, "and …"),
            # or a short sentence continuing a quote ("…," X said. "Not this time.")
            c = text[first.start:first.end]
            cont = (first.para_start in last_rec_by_para and c[:1].isupper() and c[-1] in ".!?…"
                    and text[doc.sent_of(first.open)[0]:first.open].strip() == "" and _words(c) >= 2)
            if not cont:
                if not (first.closed and _words(c) >= 3):
                    continue
                before_att, asked_before = _attrib_before(doc, first), True
                if before_att is None:
                    continue
        att = _attrib_after(doc, lastsp)
        if att is None:
            att = before_att if asked_before else _attrib_before(doc, first)
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
            subject = None
            if prev is not None:
                ss, _ = doc.sent_of(first.open)
                if ss >= first.open - 1 or text[ss:first.open].strip() == "":
                    follow = prev
                    subject = _other_subject(doc, first, prev)
            before = direct.get(chain[0] - 1)
            if follow is None and before is not None and _rx(r"[\s,]*(?:and|or)\s+").fullmatch(
                    text, doc.spans[chain[0] - 1].close + 1, first.open):
                follow = before  # 'he heard them shout, “Build that wall!” and “Go home!”': the same speaker's
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
                    assert d is not None  # the dash that made this attribution
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
            elif subject is not None:
                # `"…," X said. Y did not need coaxing. "…"`: the person the sentence between is about
                r = Rec(sp.start, sp.end, "direct", "", -1, -1, sp.start, np=subject, follow=base,
                        rule=Rule.ALONE_AFTER_SUBJECT)
                base = base or r
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


def _transcript_lines(text: str) -> list[re.Match]:
    """_TRANSCRIPT.finditer(text), tried only from the start of a line with a colon after a capital letter, full
    stop or apostrophe, as after every _TRANSCRIPT name: each match is one whole line, from its start. (A few
    colons are looked at; the pattern's line start makes re try every position of the text.)"""
    found = []
    tried = -1  # the start of the line tried last
    i = text.find(":")
    while i >= 0:
        if i > 0 and text[i - 1] in _NAME_END:
            line = text.rfind("\n", 0, i) + 1
            if line != tried:
                tried = line
                m = _TRANSCRIPT.match(text, line)
                if m is not None:
                    found.append(m)
        i = text.find(":", i + 1)
    return found


_NAME_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'’-.")


def _transcript(doc: Doc, recs: list[Rec]) -> None:
    """Interview transcripts: `PENCE: Well, look, …` (a capitalised name and a colon opening a paragraph)."""
    text = doc.text
    found = _transcript_lines(text)
    if not found:
        return
    turns = Counter(m.group(1) for m in found)
    for m in found:
        name = m.group(1)
        if any(w.strip(".") in _NOT_SPEAKERS for w in name.split()) or len(name.replace(" ", "")) < 3 \
                or _rx(r"[’']S\b").search(name):
            continue  # "ANALYST'S TAKE:", "EDITOR'S NOTE:": a heading, no one speaking
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
    # (as the regex \b name \b finds it; a pattern made for each name is compiled anew, and tries every position)
    return next(_whole_word_at(text, last[:1] + last[1:].lower()), None) is not None


def _fallback_direct(doc: Doc, recs: list[Rec], chains: list[list[int]]) -> None:
    """A speech-like quotation standing alone as a sentence: the latest speaker's (chains is _chains(doc))."""
    text = doc.text
    for chain in chains:
        if not doc.used_spans.isdisjoint(chain):
            continue
        first = doc.spans[chain[0]]
        if not _speechlike(doc, first):
            continue
        ss, se = doc.sent_of(first.open)
        if text[ss:first.open].strip():
            continue
        last = doc.spans[chain[-1]]
        tail = text[last.close + 1:se].strip() if last.closed else ""
        if tail and tail not in ".":
            continue
        if _words_upto(text[first.start:first.end], 5) < 5:
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


# an embedded post as news sites print it: its text, a link, then "— Name (@handle) December 18, 2018"
_POST = re.compile(r"^[ \t]*(\S[^\n]*?)[ \t]*(?:(?:https?://|pic\.twitter\.com/)\S*[ \t]*)*[—–][ \t]*"
                   r"([A-Z][^\n()@]{1,60}?)[ \t]*\(@\w{1,30}\)[ \t]*(?:[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]*\d{4})?[ \t.]*$",
                   re.M)


def _embedded_posts(doc: Doc, recs: list[Rec]) -> None:
    """A post embedded in the article (`… https://t.co/x — Ada Lund (@adalund) May 2, 2019`): its author's words."""
    text = doc.text
    if "(@" not in text:
        return
    for m in _POST.finditer(text):
        s, e = m.start(1), m.end(1)
        while e > s and text[e - 1] in " \t\"”":
            e -= 1
        while s < e and text[s] in "\"“":
            s += 1
        if _words(text[s:e]) < 3:
            continue
        ns, ne = m.start(2), m.end(2)
        np = parse_np(text, ns, ne, ns)
        if np is None or np.kind != "name":
            np = NP("name", ns, ne, text[ns:ne], name=text[ns:ne])
        recs.append(Rec(s, e, "direct", "—", ns - 1, ns, ns, np=np, rule=Rule.POST))
        for k in range(bisect_left(doc.span_opens, m.start()), bisect_left(doc.span_opens, m.end())):
            doc.used_spans.add(k)
        for hi in doc.hits_in(m.start(), m.end()):
            doc.used_hits.add(hi)
