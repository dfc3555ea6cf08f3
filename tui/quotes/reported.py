"""Stage: reported (indirect and mixed) speech. X said (that) …; …, X added.; According to X, …;
The fund, X said, is …; …, saying that …; X did Y and said …; quoted words inside make it mixed."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from tui.quotes.doc import (
    _a_title,
    _AMBIG_BASE,
    _AMBIG_S,
    _DOC_SUBJECTS,
    _NOUN_BEFORE,
    _PARTICIPLE_CUES,
    _REL_TAIL,
    _SUBJ_WORDS,
    _WORDS,
    Doc,
    Rec,
    Rule,
    _np_after_cue,
    _rx,
    _words,
    _words_upto,
)
from tui.quotes.lexicon import EVIDENCE_CUES, EVIDENCE_NOUNS, ORG_WORDS, ROLE_SUFFIX, ROLE_WORDS, CueClass, common_word
from tui.quotes.speakers import NP, ORG_HEADS, PREPS, VERBISH, np_region_ok, parse_np
from tui.quotes.text import cue_info, tokens

# the cue classes under module names: looking a member up on the Enum costs several times the
# comparison it feeds, and every cue is compared with a few
_PHRASE_CUE, _CLAUSE_CUE, _ADDRESSEE_CUE = CueClass.PHRASE, CueClass.CLAUSE, CueClass.ADDRESSEE
_DIRECT_CUE, _OBJECT_CUE, _EVALUATIVE_CUE = CueClass.DIRECT, CueClass.OBJECT, CueClass.EVALUATIVE


_ADJUNCT_START = re.compile(
    r"(?:on|in|at|to|during|after|before|last|this|late|early|earlier|yesterday|today|tonight|overnight|"
    r"via|through|from|with|while|when|by|over|under|outside|inside|as|also|later|again|then|previously|"
    r"separately|privately|publicly|afterwards|recently|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b", re.I)


_TIME_ADJ = re.compile(
    r"\s*(?:(?:(?:on|last|this|late|early|earlier)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|night|morning|evening|afternoon|weekend)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:\s+(?:morning|evening|night|afternoon))?|"
    r"yesterday|today|tonight|recently|again|also|later|previously|repeatedly|publicly|privately|separately|"
    r"on\s+(?:social\s+media|Twitter|X|Facebook|television|TV|radio)|"
    r"in\s+(?:a|an|his|her|its|their|the)\s+(?:written\s+|brief\s+|short\s+|joint\s+|separate\s+)?"
    r"(?:statement|interview|note|letter|post|tweet|email|speech|message|report|release|video|podcast|blog|"
    r"op-ed|column|filing|submission)(?:\s+(?:to|with|on|from|for|released|published|issued|posted)\s+[^,;]{1,60}?)?"
    r"(?=\s*(?:,|that\b|$))|"
    r"at\s+(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)(?:\s+(?:in|on|at)\s+[^,;]{1,40}?)?(?=\s*(?:,|that\b))|"
    r"to\s+reporters|to\s+journalists)\s*,?", re.I)


_THAT = re.compile(r"\bthat\b")


def _that_in(s: str, pos: int, end: int) -> re.Match | None:
    """_THAT.search(s, pos, end), started where str.find sees the letters first (faster than the pattern
    trying every position; its \\b looks at the character before the start, so the match is the same)."""
    k = s.find("that", pos, end)
    return _THAT.search(s, k, end) if k >= 0 else None


_ADDRESSEE = re.compile(
    r"\s*(?:reporters|journalists|the\s+press|lawmakers|legislators|parliament|the\s+[\w\-’' ]{1,40}?|"
    r"(?:him|her|them|us|me|you)|[A-Z][\w’'\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'\-]*){0,4})"
    r"(?:\s+(?:on|in|at|during|after|last|this)\s+[^,;]{1,40}?)?\s*(?=that\b|,|$)")


_ADDRESSEE_BARE = re.compile(
    r"\s*(?:reporters|journalists|parliament|lawmakers|legislators|MPs|senators|delegates|supporters|members|"
    r"voters|investors|analysts|staff|employees|residents|viewers|listeners|readers|court|council|police|"
    r"the\s+(?:press|court|jury|committee|chamber|house|crowd|audience|hearing|tribunal|panel|inquiry|council|"
    r"assembly|senate|conference|meeting|rally|nation|country|public|media)|him|her|them|us|me|you|"
    r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,3}|"
    r"(?:a|an|the)\s+(?:[A-Z][\w’'\-]*\s+){1,3}(?:gathering|meeting|rally|audience|crowd|panel|committee|conference|"
    r"forum|hearing|summit|convention|group|caucus|town\s+hall|radio\s+station|newspaper|broadcaster))"
    r"(?:\s+(?:on|in|at|during|after|before|last|this|late|early)\s+(?:the\s+)?[\w\-]+(?:\s+(?:morning|evening|night|afternoon))?)?"
    r"\s+(?=[a-z]|[A-Z][a-z]*\s)")


_ADDRESSEE_TRAIL = re.compile(
    r"\s*(?:reporters|journalists|lawmakers|legislators|parliament|MPs|delegates|supporters|members|"
    r"(?:the|a|an)\s+(?:[A-Z][\w’'\-]*\s+){0,2}[a-z]+(?:\s+[a-z]+)?|"
    r"him|her|them|us|me|you|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*){0,3})"
    r"(?=\s*(?:[,.;]|$)|\s+(?:before|after|while|without)\s+[a-z]+ing\b"  # "… told the House before slamming …"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*(?:[,.;]|$)"  # "… told a panel Wednesday."
    r"|\s+(?:earlier|later|last|this)\s+(?:this\s+)?(?:week|month|year|morning|afternoon|evening)\s*(?:[,.;]|$))")


_BE_FORMS = frozenset("is are was were be been being am".split())


_BASE_OK = frozenset("""i we you they who that which to will would can could should may might must did do does
not also often never always still now then repeatedly usually sometimes rarely just""".split())


_QUOTE_OPEN = "\"“‘«„'"


_QUOTE_MARKS = frozenset(_QUOTE_OPEN + "”»")


_PRONOUN_IS = frozenset(p + s for p in ("he", "she", "it", "who", "that") for s in ("'s", "’s"))  # "he's claiming that …": not a possessive


_REL_CLAUSE = re.compile(_REL_TAIL)


_REL_SUBJECT = re.compile(
    r"((?:the|a|an)\s+[\w\-’']+(?:\s+[\w\-’']+){0,3}|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*)"
    r"\s*" + _REL_TAIL)


_INTRO_PHRASE = re.compile(r"(?:During|In|After|Since|Over|For|Before|Throughout|Under|At|On|Unlike|Like|Despite)\s")


_ALSO_NOUNS = frozenset(("official", "public", "further", "first"))  # "official comments", but "an official said", "further asserted"


_REL_BEFORE = re.compile(r"\b(?:who|which)\s+(?:[a-z]+ly\s+)?$")


def _two_words(text: str, s: int, e: int) -> bool:
    """_words(text[s:e]) >= 2, from the first two words alone."""
    # (most contents open with two whitespace-separated tokens that each start with a letter or digit: two
    # words, as a word starts at such a character ([^\W_] is str.isalnum) and whitespace ends one)
    parts = text[s:e].split(None, 2)
    if len(parts) >= 2 and parts[0][0].isalnum() and parts[1][0].isalnum():
        return True
    m = _WORDS.search(text, s, e)
    return m is not None and _WORDS.search(text, m.end(), e) is not None


def _relative_clause_end(doc: Doc, hi: int, ce: int, cend: int) -> int:
    """'X, a deckhand who wrote "…" between shifts, said …': a cue in a relative clause about the subject
    of a later cue; what it reports ends at the comma right before that cue."""
    for h in doc.hits[hi + 1:]:
        if h[0] >= cend:
            break
        k = doc.text.rfind(",", ce, h[0])
        if k >= 0 and not doc.text[k + 1:h[0]].strip():
            return k
    return cend


def _content_end(text: str, s: int, e: int) -> int:
    if e <= s:
        return e
    seg = text[s:e].rstrip()  # (read in a copy: str methods with bounds parse their arguments slowly)
    k = seg.find(")")
    if k >= 0 and "(" not in seg[:k]:
        seg = seg[:k].rstrip()  # "(According to X, it does not …)", "(her aide said that …) and": the bracket closes the aside
    n = len(seg)
    while n and seg[n - 1] in ".;:,—–-" and not (seg[n - 1] == "." and n >= 2 and seg[n - 2] == "."):
        n -= 1
        while n and seg[n - 1].isspace():
            n -= 1
    return s + n


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
        if w0.lower() in _INTRO_WORDS or (w0.endswith(("ing", "ly")) and w0[:1].isupper() and common_word(w0)) \
                or w0 in (",", "—"):  # "Speaking …", "Clearly …"; but "Durning", "Kelly" are names
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


PREPS_SET = PREPS | {"as"}  # "as" introduces a role here ("as chair")


_INTRO_WORDS = frozenset("""in on at after before during despite with without asked speaking following according
outside inside across near behind beyond throughout amid among under over
earlier later meanwhile however also but and yet so still then when while as if since though although because
last this""".split())


_DESC_START = frozenset("""the a an about some several many dozens hundreds thousands two three four five six
seven eight nine ten fifty twenty thirty forty most more few""".split())


_VERBISH_SET = VERBISH | {"said", "says", "told"}


_CONJ_START = frozenset("and but so yet still then also".split())


_NP_INNER = frozenset("the a an of and for & his her its their former new top senior chief deputy".split())


# the rules whose speaker a participle right after the cue continues; bound to module names (an Enum
# member's lookup costs more than the comparison)
_SPEAKER_AT_CUE = frozenset((Rule.TRAILING, Rule.TRAILING_INVERTED, Rule.INTERRUPTING_BEFORE))
_TRAILING = Rule.TRAILING


def _indirect_quotes(doc: Doc, recs: list[Rec], direct: dict[int, Rec]) -> None:
    text = doc.text
    inherit: dict[int, Rec] = {}
    suppressed: set[int] = set()
    # direct quotes by the sentence (its start) of their cue: "…," he said, adding that … continues them
    by_sent: dict[int, Rec] = {}
    for prior in recs:
        if prior.cue_start >= 0 and prior.type == "direct":
            by_sent[doc.sent_of(prior.cue_start)[0]] = prior
    for hi, h in enumerate(doc.hits):
        if hi in doc.used_hits or hi in suppressed:
            continue
        cs, ce, form, lemma, cls = h
        ss, se = doc.sent_of(cs)
        if hi not in inherit:
            d = by_sent.get(ss)
            between = text[d.cue_end:cs] if d is not None and d.cue_end <= cs else None
            if d is None or between is None:
                pass
            elif _rx(r",\s*(?:going|went)\s+on\s+to\s+$").search(between):
                inherit[hi] = d  # '"…," she said, going on to say that …'
            elif _rx(r"(?:,|\band|\bbut)\s*(?:(?:also|then|later)\s+)?$").search(
                    between) and (form.endswith("ing") or _rx(r"\b(?:and|but)\s+\w*\s*$").search(between)):
                inherit[hi] = d
        # (no cue lies inside quotation marks: engine.py keeps none of those in doc.hits)
        r: Rec | None
        if cls == _PHRASE_CUE:
            r = _according(doc, h, ss, se)
        else:
            cend = _content_end(text, ce, se)
            near = max(ss, cs - 30)
            if "wh" in text[near:cs] and _REL_BEFORE.search(text, near, cs):
                cend = _relative_clause_end(doc, hi, ce, cend)
            r = _verb_attrib(doc, hi, h, ss, se, cend, inherit.get(hi))
        if r is None:
            continue
        if cls == _EVALUATIVE_CUE and not _has_span(doc, r):
            continue  # "praised the plan": an evaluation with no reported words
        first = text[r.start:r.start + 1]  # (a figure starts with a digit or a currency sign: most contents do not)
        if (first in "$€£" or first.isdigit()) and _A_FIGURE.match(text, r.start):
            continue  # "the index added 0.4 per cent to 5,835": a figure, not words
        # other cues inside the content
        _cut_content(doc, r, hi, inherit, suppressed)
        if r.end - r.start < 3 or not _two_words(text, r.start, r.end) or (cls == _EVALUATIVE_CUE and not _has_span(doc, r)):
            # no quote here; a participle it passed its speaker to ("attacked X, saying …") finds its own
            for k in [k for k, v in inherit.items() if v is r]:
                del inherit[k]
            continue
        # quotation marks inside: mixed; a content that is one quotation is not indirect
        i0 = bisect_left(doc.span_opens, r.start)
        i1 = bisect_left(doc.span_opens, r.end + 1)
        inner = [i for i in range(i0, i1) if doc.spans[i].close < r.end + 1] if i1 > i0 else []
        if inner and not direct.keys().isdisjoint(inner):
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
        if r.rule in _SPEAKER_AT_CUE:
            by_sent[ss] = r  # "…, Lohmar said, adding that …": the participle is his
        if r.rule == _TRAILING:
            _after_semicolon(doc, r, ce, se, recs)


def _after_semicolon(doc: Doc, r: Rec, ce: int, se: int, recs: list[Rec]) -> None:
    """"…, Foster writes; such charges "tended to …"": the report goes on after the semicolon."""
    text = doc.text
    m = _rx(r"[^;,.]{0,40}?;\s*").match(text, ce, se)
    if not m or doc.hits_in(m.end(), se):
        return
    s, e = _trim(text, m.end(), se)
    if _words(text[s:e]) < 4:
        return
    c = Rec(s, e, "indirect", r.cue, r.cue_start, r.cue_end, r.pos, follow=r, rule=Rule.CONTINUED)
    inner = range(bisect_left(doc.span_opens, s), bisect_left(doc.span_opens, e))
    if any(i in doc.used_spans for i in inner) or doc.span_at(s) >= 0:
        return
    if len(inner):
        c.type = "mixed"
        doc.used_spans.update(inner)
    recs.append(c)


# a relative pronoun and the cue's subject, the report's verb after the cue
_GAP_SUBJECT = re.compile(r"(?<![Aa]ll)(?<!thing)(?<![Ww]hat)\s(?:that|which|who)\s+((?:[\w’'\-.]+\s+){0,4}?[\w’'\-.]+)\s+$")
_GAP_ZERO = re.compile(r"\b(?!(?:all|what|everything|anything|nothing|something|and|but|or|because|that|if|when|as|so|than"
                       r"|what|where|how)\s)[a-z]{3,}\s+(he|she|they)\s+$")
_FINITE_START = re.compile(r"\s*(?:is|are|was|were|has|have|had|would|will|could|can|may|might|should|must|did|does|"
                           r"isn[’']t|wasn[’']t|aren[’']t|weren[’']t|hasn[’']t|haven[’']t|hadn[’']t|wouldn[’']t|won[’']t|"
                           r"couldn[’']t|can[’']t|didn[’']t|doesn[’']t)\b")


# the words _FINITE_START can open with (the contractions start with them: "isn’t", "won’t")
_FINITE_WORDS = ("is", "are", "was", "were", "has", "have", "had", "would", "will", "could", "can", "may", "might",
                 "should", "must", "did", "does", "won")


_FINITE_HEADS = frozenset(w[:2] for w in _FINITE_WORDS)


def _finite_head(right: str) -> bool:
    """right.lstrip() opens with the first two letters of one of _FINITE_WORDS (as every _FINITE_START
    match does), read from a short prefix unless spaces fill it."""
    head = right[:8].lstrip()
    if len(head) < 2:
        head = right.lstrip()
    return head[:2] in _FINITE_HEADS


_A_FIGURE = re.compile(r"[$€£]?\d[\d.,]*\s*(?:per\s*cent|percent|%|points?|cents?|basis\s+points)\b", re.I)


def _has_span(doc: Doc, r: Rec) -> bool:
    """Quoted words open inside the record's content."""
    k = bisect_left(doc.span_opens, r.start)
    return k < len(doc.spans) and doc.spans[k].open < r.end


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


_HYPOTHETICAL = re.compile(r"\b(?:when|whenever|if|unless|once)\s+(?:a|an|any|someone|somebody|anyone|you)\s+[^,;:]{0,40}$",
                           re.I)


# the last word before a coordinated cue: "X did Y and (also) said …"
_COORD_TAIL = frozenset("and but also then later again has have had".split())


_NEGATED = re.compile(r"(?:\b(?:not|never)|n[’']t|\b(?:declined|refused|declining|refusing)\s+to)"
                      r"(?:\s+(?:yet|publicly|directly|explicitly|immediately|specifically))?\s+$", re.I)


_FUTURE = re.compile(r"\b(?:will|shall|[’']ll|(?:is|are|am)\s+going\s+to)(?:\s+(?:also|likely|probably|surely|again))?\s+$",
                     re.I)


def _hypothetical(lt: str) -> bool:
    """_HYPOTHETICAL.search(lt): its words hold no comma, semicolon or colon, so it is searched after the
    last one, and only if its opening word is there (outside ASCII, re.I matches "ſ" to "s": searched)."""
    low = lt.lower()
    if low.isascii() and not ("if" in low or "when" in low or "unless" in low or "once" in low):
        return False  # (none of its words in the whole text, so none after its last comma either)
    k = max(lt.rfind(","), lt.rfind(";"), lt.rfind(":")) + 1
    low = low[k:] if lt.isascii() else lt[k:].lower()
    if low.isascii() and not ("if" in low or "when" in low or "unless" in low or "once" in low):
        return False
    return _HYPOTHETICAL.search(lt, k) is not None


def _tail_from(s: str, words: int) -> int:
    """Where the last `words` whitespace-separated words of s start (or the spaces before them). A pattern
    anchored at the end that spans no more words can be searched from there: the same match, without
    trying every position of the text before."""
    parts = s.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


def _a_noun(before: str) -> bool:
    """Is a base form that is also a noun ("attack", "signal") a noun after this word? A verb follows a
    pronoun, an auxiliary or a plural subject ("they attack", "officials warn")."""
    w = before.lower()
    return not (w in _BASE_OK or (w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
                                  and w not in ("its", "his", "this", "was", "has", "as") and not before[:1].isupper()))


_LEMMAS_CHECKED = frozenset(("call", "ask", "dub", "label", "plead", "appeal"))


def _verb_attrib(doc: Doc, hi: int, h, ss: int, se: int, cend: int, inh: "Rec | None") -> Rec | None:
    text = doc.text
    cs, ce, form, lemma, cls = h
    low_form = form.lower()
    left = text[ss:cs]
    right = text[ce:cend]
    # the patterns anchored at the cue need only the last words before it (from a space on, so that
    # `^` cannot match inside the sentence); one that spans at most four words, only those (from t4)
    lt = left if len(left) <= 120 else left[max(0, left.find(" ", len(left) - 120)):]
    last4 = lt.rsplit(None, 4)  # the last four words (after what comes before them, if anything)
    t4 = len(last4[0]) if len(last4) > 4 else 0
    tok = last4[-1] if last4 else ""  # the last token before the cue
    # the word that ends the text: the token itself (most often), or the word characters ending it ("(Hale’s")
    if tok.isalpha():
        prev = tok
    else:
        pw = _LAST_WORD.search(lt, lt.rfind(tok))
        prev = pw.group(1) if pw else ""
    prev_low = prev.lower()
    if inh is None and ((prev_low in _NOUN_BEFORE and not (prev_low in _ALSO_NOUNS and low_form not in _AMBIG_S
                                                           and low_form not in _AMBIG_BASE))
                        or (prev[-2:] in ("’s", "'s") and prev_low not in _PRONOUN_IS)):
        return None  # a noun: "made the remarks", "the minister's comments" (but "an official said", "he's saying")
    # (the words these patterns need first: most cues have none; a negation's word is one of the last two)
    low2 = " ".join(last4[-2:]).lower()
    if ("not" in low2 or "never" in low2 or "n't" in low2 or "n’t" in low2 or "to" in low2) \
            and _NEGATED.search(lt, t4):
        return None  # "would not promise that …", "declined to say whether …": nothing was reported
    if low_form == lemma and ("ll" in low2 or "go" in lt[t4:].lower()) and _FUTURE.search(lt, t4):
        return None  # "the Greens will argue that …": not said yet
    if prev_low == "worth":
        return None  # "it is worth noting that …": the writer's own aside
    if (low_form == lemma or low_form == lemma + "s") and _hypothetical(lt):
        return None  # "a renoviction is when a landlord tells a tenant …" (present tense): a hypothetical, no report
    if prev[:1].isdigit() and form.endswith("ed") and _rx(r"\s+[a-z]+").match(right):
        return None  # "leads by 271 pledged delegates": a participle as an adjective after a number
    if "wh" in lt and _REL_CLAUSE.search(lt):
        rel = _REL_SUBJECT.search(lt)
        if rel is None or lemma == "ask" or cls not in (_CLAUSE_CUE, _ADDRESSEE_CUE):
            return None  # ", who asked not to be named, said …": a relative clause about the subject
        # "He met Ms. Hale, who said the plan was dead": the one the relative clause is about
        off = cs - len(lt)
        np = parse_np(text, off + rel.start(1), off + rel.end(1), ss)
        s = _content_start(text, ce, cend, cls)
        if np is None or s is None or (lemma in _NP_TAKERS and not _clause_like(text, s, cend, lemma)):
            return None
        return Rec(s, cend, "indirect", form, cs, ce, cs, np=np, rule=Rule.RELATIVE)
    if prev_low in _BE_FORMS and form.endswith(("ed", "told", "said", "written")) \
            and not _rx(r"\s+by\b").match(right):
        return None  # passive: "they were said to be stable", "he was told to leave"
    if prev[-2:] == "ly" and form.endswith(("ed", "told", "said")) \
            and _rx(r"\b(?:is|are|was|were|be|been|being)\s+[a-z]+ly\s+$").search(lt, t4) \
            and not _rx(r"\s+by\b").match(right):
        return None  # passive over an adverb: "they were rudely reminded that …", "he was quickly told to leave"
    if prev_low in _BE_FORMS and form.endswith("ed") and _rx(r"\s+by\b").match(right) \
            and not _rx(r"\bthat\b").search(right):
        return None  # "she was reported by a plumber who …": an event, nothing reported
    if low_form in _AMBIG_BASE:
        if "May" in lt and _rx(r"\b(?:a|an|the|this|last|next|its|their|his|her)\s+May\s+$").search(lt, t4):
            return None  # "at a May protest": the month, not the modal
        if left.rstrip()[-1:].isalnum() and _a_noun(prev):
            return None  # "a strong signal", "demand from China", "the United States"
    if lemma in _LEMMAS_CHECKED:  # (the checks below that only some verbs need)
        if lemma == "call" and _rx(r"\s+(?:a|an|fresh|new|early|snap)\s+[a-z\-]+(?:\s+[a-z\-]+)?\s*$").match(right):
            return None  # "called a strike", "called a snap election": an event, not words
        if lemma in ("call", "ask") and _rx(r"\s+(?:into|in|up|off|back|out|over|at|from|to|by|upon)\b").match(right):
            return None  # "called into a radio show", "called to service"
        if lemma in ("call", "dub", "label") and not form.endswith("ing") \
                and _rx(r"(?:[,(—–]\s*)(?:also|sometimes|often|commonly|popularly|formerly)\s+$").search(lt, t4):
            return None  # "a remediation agreement, also called deferred prosecution, …": a name given, no one speaks
        if lemma == "call" and _rx(r"\s+(?:themselves|himself|herself|itself|ourselves)\s+(?:the\s+)?[A-Z]").match(right):
            return None  # "a group calling themselves the Night Watch": a name taken
        if lemma == "plead" and _rx(r"\s+(?:not\s+)?(?:guilty|innocent|no\s+contest)\b").match(right):
            return None  # "pleaded guilty to fraud": a plea in court
        if lemma == "appeal" and _rx(r"\s+(?:the|a|an|his|her|their|its|this|that|these|those)\s+[\w\-]+(?:\s+[\w\-]+)?"
                                     r"\s+(?:to|in|before|at)\b|\s+(?:the|a|an|his|her|their|its)\s").match(right):
            return None  # "is appealing his conviction", "can appeal that decision to the Court of Appeal": a legal appeal
    if low_form in _AMBIG_S:
        if _rx(r"[A-Z][a-z]+\s+$").fullmatch(left) and common_word(left.strip()) \
                and form.islower() and _rx(r"\s+(?:to|for|of|from|by|over|against)\s+[a-z]").match(right):
            return None  # "City requests to the province …", "Union demands for …": a noun after a bare common noun
        mw = _rx(r"([\w’'\-]+)\s+(?:now|also|then|later|still|again|often|once|[a-z]+ly)\s*$").search(lt, t4)
        w = mw.group(1) if mw and prev and not prev[:1].isupper() else prev  # "He now calls"
        if not (w[:1].isupper() or w.lower() in _SUBJ_WORDS or w.lower() in ROLE_WORDS or w.lower() in ORG_HEADS
                or w.lower() in ORG_WORDS or w.lower() in _DOC_SUBJECTS):
            return None  # "cited derogatory comments", "dozens of reports"
    if cls == _CLAUSE_CUE and _finite_head(right) and _FINITE_START.match(right):
        # "the wounds that police said were not self-inflicted", "a poem she said was written by …": the
        # report goes on from the relative pronoun the cue's clause lacks
        t7 = _tail_from(lt, 7)
        mg = _GAP_SUBJECT.search(lt, t7) or _GAP_ZERO.search(lt, t7)
        if mg and mg.group(1).lower() not in _PRONOUN_IS:
            off = cs - len(lt)
            np = parse_np(text, off + mg.start(1), off + mg.end(1), ss)
            if np is not None and (np.kind != "pronoun" or np.head in ("he", "she", "they")):
                s = ce + len(right) - len(right.lstrip())
                if _words(text[s:cend]) >= 2:
                    return Rec(s, cend, "indirect", form, cs, ce, cs, np=np, rule=Rule.GAP)
    # participle after a main clause: "…, saying (that) …"; a coordinated verb: "X did Y and said …"
    coord = inh is None and prev in _COORD_TAIL \
        and _rx(r"(?:^|\s)(?:and|but)\s+(?:(?:also|then|later|again|has|have|had)\s+)*$").search(lt)
    if (low_form in _PARTICIPLE_CUES and form.endswith("ing") and not _rx(
            r"\b(?:is|are|was|were|be|been|am|’s|'s)\s+$").search(lt, t4)) or (coord and cls != _DIRECT_CUE):
        if inh is None:
            np = _subject_np(doc, ss, cs)
            if np is None:
                return None
        s = _content_start(text, ce, cend, cls)
        if s is None or (lemma in _OBJECT_TAKERS and _a_bare_object(doc, lemma, ce, s, cend) and text[cend:se].strip()[:1] != ":"):
            return None  # "…, explaining the rise", "won twice and boasts two other wins": an object
        r = Rec(s, cend, "indirect", form, cs, ce, cs, np=None if inh else np, follow=inh, rule=Rule.PARTICIPLE)
        return r
    if inh is not None:
        s = _content_start(text, ce, cend, cls)
        if s is None:
            return None
        return Rec(s, cend, "indirect", form, cs, ce, cs, follow=inh, rule=Rule.CONTINUED)
    subject_before: Callable[[], bool] | None = None
    if left.rstrip()[-1:] == "," and not _rx(r"\s*(?:that\b|to\b)").match(right) and cls != _DIRECT_CUE:
        rstrip0 = right.strip()
        right_adj = (not rstrip0) or bool(_ADJUNCT_START.match(rstrip0) and not _rx(r"\bthat\b").search(rstrip0)
                                          and _words(rstrip0) <= 12 and "," not in rstrip0[:-1])
        if right_adj and rstrip0 and (_CLAUSE_AFTER_TIME.match(right, _skip_time(right))
                                      or _CLAUSE_AFTER_PP.match(right)):
            right_adj = False  # "…, said Sunday a long standoff would …", "said in retrospect he …": the reported clause
        region_ok: list[bool] = []

        def forward() -> bool:
            """A possible subject before the cue (np_region_ok is costly: asked once, and only if it matters)."""
            if not region_ok:
                cj = _CONJ_OPEN.match(text, ss, cs)  # "But Mr. Orland, who …, said": the conjunction is no part of it
                region_ok.append(not right_adj and cs - ss < 400 and np_region_ok(text, cj.end() if cj else ss, cs))
            return region_ok[0]

        # inverted trailing: "…, said X." / "…, says X, the …"
        # (a participle is never inverted: "…, the council said, citing the cost" has no new speaker)
        np = _np_after_cue(doc, ce, cend if cend > ce else se) if not form.endswith("ing") else None
        if np is not None and (np.kind == "name" or np.kind == "desc" or np.head in ("he", "she", "they", "it")) \
                and not ((np.kind != "name" or text[ce:np.start].strip()) and forward()):
            tail = text[np.end:cend]
            tail = tail[_skip_time(tail):]  # "…, said Mona Greeley on Monday."
            ptc = _rx(r"\s*,\s*([a-z]+ing)\b").match(tail)  # "…, said Brill, adding that …"
            if not tail.strip(" \t.") or (_rx(r"\s*,").match(tail) and not (
                    (_CLAUSE_RE.search(tail) or doc.hits_in(np.end, cend))
                    and not (ptc and ptc.group(1) in _PARTICIPLE_CUES) and forward())):
                # (with a possible subject before the cue as well, only a name closing the sentence, or a
                # name and an apposition without a verb: "…, said Mark Holt, director of the guild.")
                s, e = _trim(text, ss, cs)
                if _words(text[s:e]) >= 3:
                    return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.TRAILING_INVERTED)
        # "Tomas Brekke, head of X, said his office …": forward, below, if the region before the cue is a subject
        # (asked last, the answer being costly; the trailing rules find no subject after the comma that ends it)
        subject_before = forward
    # trailing: "CONTENT, X said [on Monday]." / interrupting: "The fund, X said, could …"
    lc = left.rfind(",")
    if lc >= 0:
        subj_s = ss + lc + 1
        while subj_s < cs and text[subj_s] in "”\"’'»":
            subj_s += 1  # '…a “paper trail,” the Gazette reported.'
        subj = text[subj_s:cs]
        if 0 < _words_upto(subj, 10) <= 9 and not (("that" in subj or "wh" in subj)
                                                   and _rx(r"\b(?:that|which|who)\b").search(subj)) \
                and _QUOTE_MARKS.isdisjoint(subj) and not doc.hits_in(subj_s, cs):
            # (the subject is parsed only where a rule returns or skips an addressee: the parse is the dear part on
            # new text. Where it finds none, parsing first skipped these rules; parsed late, each rule returns
            # nothing, and the rest is pure, so the outcome is the same)
            rstrip = right.strip()
            if cls == _ADDRESSEE_CUE:
                # "…, he told reporters." / "…, the senator told a radio station, the bill would …": skip the addressee
                ma = _ADDRESSEE_TRAIL.match(right)
                if ma and parse_np(text, subj_s, cs, ss) is not None:
                    right = right[ma.end():]
                    ce = ce + ma.end()
                    rstrip = right.strip()
            adj = (not rstrip) or rstrip.startswith(";") or (
                _ADJUNCT_START.match(rstrip) and not _rx(r"\bthat\b").search(rstrip)
                and _words(rstrip) <= 12 and "," not in rstrip[:-1])  # "…, Foster writes; such …"
            if adj and not rstrip.startswith(","):
                s, e = _trim(text, ss, ss + lc)
                if text[ss + lc + 1:ss + lc + 2] in ("”", "\"", "’", "»", "'") and doc.span_at(ss + lc) >= 0:
                    e = ss + lc + 2  # '…a “paper trail,” the Gazette reported': the quoted words close the content
                if _words(text[s:e]) >= 3 and cls not in (_DIRECT_CUE, _OBJECT_CUE):
                    np = parse_np(text, subj_s, cs, ss)
                    if np is not None:
                        return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.TRAILING)
            infinitive = cls == _OBJECT_CUE and rstrip.startswith("to ")  # "threatened to release them, …"
            if rstrip.startswith(",") or (adj is not True and not infinitive and _ADJUNCT_START.match(rstrip)
                                          and _rx(r"\s*(?:[^,]{0,40}?)?,\s*").match(right)):
                k = right.find(",")
                after = text[ce + k + 1:cend]
                # "During his years in office, X said, a majority …": an adverbial before, the content after
                intro = _INTRO_PHRASE.match(text, ss) and not _clause_like(text, ss, ss + lc)
                if cls != _DIRECT_CUE and not intro and _rx(r"\s*(?:a|an|the|his|her|its|their|and|but|adding|saying|noting|"
                                      r"who|which|as|in|on|at|according|especially|particularly|notably|including|except|mostly|mainly|"
                                      r"[a-z]+ing\b(?!(?:(?!\b(?:that|who|which)\b)[^,;]){0,40}\b(?:would|will|is|are|was|were|could|can|may|"
                                      r"might|should|must|has|have|had)\b))\b").match(after):
                    # "…, Ferrand said, a view she …" / "…, he said, and she …": the content is before
                    s, e = _trim(text, ss, ss + lc)
                    if _words(text[s:e]) >= 3:
                        np = parse_np(text, subj_s, cs, ss)
                        if np is not None:
                            return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.INTERRUPTING_BEFORE)
                mt = _rx(r"\s*that\s+").match(after)
                s, e = _trim(text, ce + k + 1 + (mt.end() if mt else 0), cend)
                if _words(text[s:e]) >= 2 and cls != _DIRECT_CUE and not _rx(r"\s*(?:that|and|but)\b").match(text[s:e]):
                    np = parse_np(text, subj_s, cs, ss)
                    if np is not None:
                        return Rec(s, e, "indirect", form, cs, ce, cs, np=np, rule=Rule.INTERRUPTING)
    # forward: "X said (that) CONTENT"
    if cls == _DIRECT_CUE and not _rx(r"\s*(?:that|whether|if)\b").match(right, _skip_time(right)):
        return None
    # the subject sits in the last few chunks before the cue: 300 characters are plenty
    subj_end = cs
    if prev_low in _PRONOUN_IS:
        subj_end = cs - len(lt) + lt.rfind(tok) + len(tok) - 2  # "She’s claiming": the pronoun
    if not left.strip():
        return None  # no subject
    # (the checks on the content come first: they are cheaper than parsing the subject, and reject as it would)
    s = _content_start(text, ce, cend, cls)
    if s is None or (text[s:s + 2] in _NOT_A_CLAUSE_HEADS and _NOT_A_CLAUSE_START.match(text, s)
                     and not _rx(r"\bwhat\s[^,;]*$").search(lt)):
        return None  # "Everything X says is a lie", "who said and did …" (not "in what X says is …")
    if lemma in _OBJECT_TAKERS and _a_bare_object(doc, lemma, ce, s, cend):  # (most cues take no object)
        return None
    if "that" in text[ce:s] and _rx(r"\bthat\s*$").search(text[ce:s]) \
            and _rx(r"[a-z]+\s+(?:in|on|at|of|for|with|to|by)\s", re.I).match(text, s) \
            and _words(text[s:cend]) <= 8 and not _CLAUSE_RE.search(text, s, cend) \
            and not _rx(r"\b(?:he|she|it|they|we|i|you|there|that|which|who)\s").search(text, s, cend):
        return None  # "reiterated that approach in an interview": "that" is a determiner, no clause follows
    if text[s:s + 2] in _ADJUNCT_ING_HEADS \
            and _rx(r"(?:before|after|while|without|by)\s+[a-z]+ing\b").match(text, s) \
            and not _rx(r"\bthat\s*$").search(text[ce:s]):
        return None  # '"…," X told the House before slamming the offer': an adjunct, no content
    floor = _chunk_floor(text, ss, cs)
    np = parse_np(text, floor, subj_end, ss)
    if np is None:
        # "Carter, however, said …", "Even the organizer of the rally said …": without the discourse words
        fs, fe = _subject_bounds(text, floor, subj_end)
        if (fs, fe) != (floor, subj_end) and fs < fe:
            np = parse_np(text, fs, fe, ss)
    if np is None:
        return None
    if lemma in EVIDENCE_CUES and np.kind == "desc" and np.head in EVIDENCE_NOUNS:
        return None  # "the data suggests …": what figures show, no one said it
    if subject_before is not None and not subject_before():
        return None
    return Rec(s, cend, "indirect", form, cs, ce, cs, np=np, rule=Rule.FORWARD)


def _a_bare_object(doc: Doc, lemma: str, ce: int, s: int, cend: int) -> bool:
    """The cue's content text[s:cend] is a plain object, no report: "conceded defeat", "denied the claims"
    (but "denied what she called "a smear"")."""
    text = doc.text
    if not (lemma in _NP_TAKERS or lemma in _NP_TAKERS_QUOTED) or ("that" in text[ce:s] and _rx(r"\bthat\s*$").search(text[ce:s])) \
            or _clause_like(text, s, cend, lemma):
        return False
    inside = doc.spans[bisect_left(doc.span_opens, s):bisect_left(doc.span_opens, cend)]
    if any(not _a_title(text, sp) for sp in inside):
        return False  # quoted words in it: "boasted of his "unmatched" record" (a title is none: wrote "The Long Winter")
    # a cue in its first stretch ("denied claims that …"), not after a comma or "but" ("… but it was denied")
    mc = _COORD_CUT.search(text, s, cend)
    k = text.find(",", s, mc.start() if mc else cend)
    return lemma in _NP_TAKERS or not doc.hits_in(s, k if k >= 0 else mc.start() if mc else cend)


_DISCOURSE_PHRASES = (r"however", r"though", r"too", r"meanwhile", r"for\s+example", r"for\s+instance", r"in\s+fact",
                      r"in\s+turn", r"instead", r"likewise", r"similarly", r"nonetheless", r"nevertheless", r"moreover",
                      r"in\s+contrast", r"by\s+contrast", r"for\s+(?:his|her|its|their|our|my)\s+part",
                      r"on\s+the\s+other\s+hand", r"of\s+course")
_DISCOURSE_END = re.compile(r"(?:,?\s*(?:" + "|".join(_DISCOURSE_PHRASES) + r")\s*,?\s*)$", re.I)
# the last three letters of each phrase: a region that ends otherwise needs no search (the pattern tries
# every one of its phrases at every position)
_DISCOURSE_TAILS = frozenset(p[-3:] for p in _DISCOURSE_PHRASES)
_FOCUS_START = re.compile(r"\s*(?:Even|Only|Also|Still|Now|Yet|And|But|So)\s+(?=\S)")


def _subject_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """The subject region without a discourse adverb after it ("Carter, however,") or a focus word before it
    ("Even the organizer …")."""
    region = text[s:e]
    last = region.rstrip()
    if last.endswith(","):
        last = last[:-1].rstrip()
    tail = last[-3:]  # where a phrase would end, before its comma (ASCII: lower() is what re.I does)
    if not tail.isascii() or tail.lower() in _DISCOURSE_TAILS:
        # the pattern spans at most six tokens (", on the other hand ,"): search only those
        m = _DISCOURSE_END.search(text, s + _tail_from(region, 8), e)
        if m and m.start() > s:
            e = m.start()
    m = _FOCUS_START.match(text, s, e)
    if m:
        s = m.end()
    return s, e


# after a time adjunct, a subject and more words: a reported clause, not the rest of an inversion
_CLAUSE_AFTER_TIME = re.compile(r"\s*(?:a|an|the|he|she|it|they|we|there|his|her|its|their)\s+\S+\s+\S+\s+\S+")


_CLAUSE_AFTER_PP = re.compile(r"\s*(?:in|on|at|after|before|during|over|with|by)\s+(?:[\w\-]+\s+){1,3}?"
                              r"(?:he|she|they|it|we|there)\s+[a-z]")


_CONJ_OPEN = re.compile(r"(?:But|And|Yet|So)\s+(?=[A-Z])")


_NOT_A_CLAUSE_WORDS = ("is", "was", "are", "were", "has", "had", "and", "or")
_NOT_A_CLAUSE_START = re.compile(r"(?:" + "|".join(_NOT_A_CLAUSE_WORDS) + r")\b")
# the first two letters of its words and of the adjuncts' ("before slamming …"): a match opens with one of
# them, and a set look-up is cheaper than trying each word
_NOT_A_CLAUSE_HEADS = frozenset(w[:2] for w in _NOT_A_CLAUSE_WORDS)
_ADJUNCT_ING_HEADS = frozenset(("be", "af", "wh", "wi", "by"))  # before after while without by


# reporting verbs that also take a plain object ("conceded defeat", "announced a plan"): their bare
# content must read as a clause
_NP_TAKERS = frozenset("""add concede admit announce confirm reveal report acknowledge disclose recall repeat reiterate
mention observe state declare proclaim pronounce rule assert maintain affirm reaffirm specify
clarify certify testify estimate forecast predict answer question post tweet write recount confess signal
indicate imply hint boast brag complain lament comment remark counter retort respond reply explain
contend""".split())


# ... and verbs whose plain object is a report only with quoted words in it: "denied the claims" is
# no quote, "denied what she called "a smear"" is
_NP_TAKERS_QUOTED = frozenset("deny cite highlight request condemn".split())
_OBJECT_TAKERS = _NP_TAKERS | _NP_TAKERS_QUOTED  # (_a_bare_object is false for any other verb)


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


# a coordinated clause after an object: "requested access but it was denied", "… and their quality of life was …"
_COORD_CUT = re.compile(r"\s(?:but|yet|while|whereas)\s|\s(?:and|or)\s+(?=(?:their|his|her|its|it|they|he|she|we)\s)")


def _clause_like(text: str, s: int, e: int, lemma: str = "") -> bool:
    """A reported clause (`the deal was done`), not a bare object (`conceded defeat`)."""
    seg = text[s:min(e, s + 160)]
    mk = _rx(r",(?!\d)").search(seg)  # not the comma of "2,521"
    if mk and mk.start() > 0:
        seg = seg[:mk.start()]
    if lemma in ("comment", "remark") and _rx(r"(?:on|about|upon)\b", re.I).match(seg):
        return False  # "did not comment on individual decisions": a topic, not a reported clause
    mr = _REL_CUT.search(seg, 1)
    if mr and lemma:
        seg = seg[:mr.start()]  # "add extra sailings on days when clinics were held": the verb is in the relative
    mc = _COORD_CUT.search(seg, 1)
    if mc and lemma:
        seg = seg[:mc.start()]  # "reported little progress but are hopeful": the verb after "but" is the subject's
    if _rx(r"(?:he|she|it|they|we|i|you|there|why|how|what|whether|where|who)\s+\w", re.I).match(seg):
        return True
    for m in _CLAUSE_RE.finditer(seg):
        if m.start() > 0 or not m.group().endswith("ed"):
            return True
    if lemma and _rx(r"\sas\s+(?:a|an|being|having|[a-z]+ing)\s").search(seg):
        return True  # "cited the memo as pointing to China", "mentioned her as a possible successor": a predication
    if _SPEECH_OBJECT.match(seg):
        return True  # "added a note of caution": the object is itself something said
    return text[s:s + 3].lower() in ("it’", "it'")


# the words a _TIME_ADJ match opens with (lower case): a text that opens with none of them (most reported
# clauses: "that …", "the …", "he …") needs no match, which tries every alternative
_TIME_OPENERS = ("on", "in", "at", "to", "last", "this", "late", "early", "earlier", "monday", "tuesday", "wednesday",
                 "thursday", "friday", "saturday", "sunday", "yesterday", "recently", "again", "also", "previously",
                 "repeatedly", "publicly", "privately", "separately")


def _time_adj(right: str, pos: int) -> re.Match | None:
    """_TIME_ADJ.match(right, pos); not tried after an ASCII opening no alternative starts with (outside
    ASCII, re.I matches some letters to others lower() leaves apart: "ſ" to "s")."""
    if _no_time_opener(right[pos:].lstrip()):
        return None
    return _TIME_ADJ.match(right, pos)


def _no_time_opener(lead: str) -> bool:
    """Does lead (stripped) open, in ASCII, with a word no _TIME_ADJ alternative starts with?"""
    head = lead[:10]
    return bool(head) and head.isascii() and not head.lower().startswith(_TIME_OPENERS)


def _skip_time(right: str) -> int:
    pos = 0
    m = _time_adj(right, 0)
    while m and m.end() > pos:
        pos = m.end()
        m = _time_adj(right, pos)
    return pos


_QUOTE_END = re.compile(r"[.!?][”\"’»]\s+(?=\S)(?!.*[.!?][”\"’»]\s)")


def _chunk_floor(text: str, ss: int, cs: int) -> int:
    """Start of the region to parse for a subject: the sentence start, an open parenthesis
    ("… (her campaign later said that …)"), or a comma within 300 characters."""
    seg = text[ss:cs]  # (read in a copy: str methods with bounds parse their arguments slowly)
    po = seg.rfind("(")
    if po >= 0 and ")" not in seg[po:]:
        return ss + po + 1
    # (its stop is rare before a cue: looked for first, faster than the pattern trying every position)
    mq = _QUOTE_END.search(text, ss, cs) if "." in seg or "?" in seg or "!" in seg else None
    if mq:
        ss = mq.end()  # '“… to Canada.” Foster writes that …': a new sentence after the closed quotation
    if cs - ss <= 300:
        return ss
    k = text.find(",", cs - 300, cs)
    return k + 1 if k >= 0 else cs - 300


def _content_start(text: str, ce: int, cend: int, cls: str) -> int | None:
    right = text[ce:cend]
    lead = right.lstrip()
    if not lead:
        return None
    if lead[0] == ",":
        # "warned, however, that …": a parenthetical, then the that-clause
        mp = _rx(r"\s*,\s*[^,;:]{1,40},\s*that\s+").match(right)
        if not mp:
            return None  # "said, adding …"
        s = ce + mp.end()
        return s if cend - s >= 3 else None
    if lead[0] == ":":
        return None
    pos = 0 if _no_time_opener(lead) else _skip_time(right)  # (the test _time_adj makes first, on the copy at hand)
    if cls == _ADDRESSEE_CUE:
        # addressee: "told reporters (on Monday) that", "told the court that"
        ma = _ADDRESSEE.match(right, pos)
        if ma and _words(ma.group()) > 4 and _ADDRESSEE_BARE.match(right, pos):
            ma = None  # "told the Courier the plan was dead": the addressee is "the Courier", the rest is content
        mt = _that_in(right, pos, pos + 120)
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
    elif right.find("that", pos) >= 0:  # (both patterns below need it)
        mt = _rx(r"\s*(?:(?:however|though|also|too|again|later|further|moreover),?\s+)?that\b").match(right, pos)
        if mt and not _THAT_SUBJECT.match(right, mt.end()):
            pos = mt.end()  # "states, however, that …" (the comma before is a parenthetical's, above)
        else:
            # "said in a statement issued … that" – a that within a short adjunct
            mt = _that_in(right, pos, pos + 100)
            if mt and (_ADJUNCT_START.match(right[pos:].lstrip()) or (right[pos:].lstrip().startswith("for ")
                                                                       and "," not in right[pos:mt.start()])) \
                    and _words(right[pos:mt.start()]) <= 12 \
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
        if hj == hi:
            continue
        h2 = doc.hits[hj]
        pre = text[r.start:h2[0]]
        # (the patterns anchored at the end span at most three and eight words: search only those)
        m = _rx(r"(,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?)$").search(pre, _tail_from(pre, 3))
        if hj in doc.used_hits:
            if m and h2[4] != _PHRASE_CUE:
                # 'said "…," and added: "…"': the second cue has its own quotation; the report ends before it
                s, e = _trim(text, r.start, h2[0] - len(m.group(1)))
                if e - s >= 3:
                    r.end = e
                    return
            continue
        if m and h2[4] != _PHRASE_CUE:
            first_lemma, first_cls = cue_info(r.cue) if r.cue else ("", _CLAUSE_CUE)
            if first_cls in (_OBJECT_CUE, _EVALUATIVE_CUE) or first_lemma == h2[3]:
                # 'called the deal "historic" and said …', 'said A but said B': one report
                suppressed.add(hj)
                continue
            cut = h2[0] - len(m.group(1))
            s, e = _trim(text, r.start, cut)
            if e - s >= 3:
                r.end = e
                inherit[hj] = r
                return
        if h2[4] == _DIRECT_CUE and not _rx(r"\s*(?:that|whether|if)\b").match(text, h2[1]):
            continue  # "had agreed to reopen": not a report
        # a coordinated clause with its own subject: "…, and Y said …" / "… while Y said …"
        m = _rx(r"(?:,\s*|\s+)(?:and|but|while|whereas|although|though|;)\s+((?:[\w’'\-.]+\s+){1,6})$").search(
            pre, _tail_from(pre, 8))
        if m and h2[4] != _PHRASE_CUE:
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
        if m and _words(m.group(1)) <= 5 and not text[h2[1]:r.end].strip(" .") and h2[4] != _PHRASE_CUE:
            s, e = _trim(text, r.start, h2[0] - len(m.group()))
            r.end = e
            suppressed.add(hj)
            return
        # "…, according to X" at the end
        if h2[4] == _PHRASE_CUE and _rx(r",\s*$").search(pre):
            s, e = _trim(text, r.start, h2[0])
            r.end = e
            suppressed.add(hj)
            return
        suppressed.add(hj)
