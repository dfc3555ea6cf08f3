"""Text layout: sentences, capitalised name sequences, cue hits, small token lists.

Everything here is one regex pass over the article (linear), or works on a
short window (one sentence or less).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

_rx = lru_cache(maxsize=None)(re.compile)

from tui.quotes.lexicon import CUES, CueClass

# upper-case letters (Latin, Greek, Cyrillic) for name detection
_UP = "".join(chr(c) for c in range(0x41, 0x5B)) + "".join(
    chr(c) for c in range(0xC0, 0x530) if chr(c).isupper() and chr(c).isalpha())
UP = "[" + re.escape(_UP) + "]"
_NAMETOK = UP + r"[^\W_]*(?:[’'\-][^\W_]+)*(?:(?<=s)[’'](?=[ \t]+" + UP + "))?"
_ABBR_TITLES = (r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Prof|Rev|Capt|Maj|Adm|Cmdr|Insp|Supt|Det|Hon|Mt|Ft)\.|"
                 r"(?:[A-Z]\.){2,}|" + UP + r"\.")
_CONNECT = r"(?:of|the|and|for|&|de|da|del|der|den|van|von|al|el|bin|ibn|la|le|du|dos|di|y)"
NAME_RE = re.compile(
    r"(?=" + UP + r")(?<![\w’'])(?:" + _ABBR_TITLES + "|" + _NAMETOK + r")"
    r"(?:[ \t]+(?:" + _CONNECT + r"[ \t]+)*(?:" + _ABBR_TITLES + "|" + _NAMETOK + r"))*"
)

ABBREV = frozenset("""mr mrs ms dr st jr sr gen gov sen rep lt col sgt prof rev capt maj adm cmdr insp supt det hon mt ft
no vs etc inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m approx est""".split())

_STARTERS = frozenset("He She It They We I The A An This That These Those But And However In On At His Her Its Their Our There Then Meanwhile".split())
# the last three letters of each abbreviation that has three or more
_ABBREV_ENDS = frozenset(a[-3:] for a in ABBREV if len(a) >= 3)
_TITLE_ABBR = frozenset("mr mrs ms dr st jr sr gen gov sen rep lt col sgt prof rev capt maj adm cmdr insp supt det hon mt ft no vs".split())
# A run of stops ([.!?…]), searched for in a copy of the text with every stop a full stop: re finds a
# pattern that opens with a literal many times faster than one that opens with a class. (Written \.\.*
# rather than \.+: a pattern that opens with a repeat is tried at every position.)
_SENT_END_RE = re.compile(r"\.\.*[\"”’»')\]]*(?=[ \t]+(\S))")
# a word (with a plural possessive mark before a capitalised word: "the Farmers' Union"), a number
# with thousands separators ("180,000"), or one punctuation mark. Written for re's engine, which runs it
# at every character of every phrase parsed: the number opens with a class (a branch skips an alternative
# whose first class fails without entering it); a word is its letters and digits, then any more joined by
# [_’'\-&.] (what [\w’'\-&.]*[^\W_] matches, without backtracking off the last character); and "(?:X|)"
# for "(?:X)?" (re allocates a repeat context for each "?" on a group).
_WORD_RE = re.compile(r"[\d]\d{0,2}(?:,\d{3})+(?![\d,])|"
                      r"[^\W_]++(?:[_’'\-&.]++[^\W_]++)*+(?:(?<=s)[’'](?=[ \t]+[A-Z])|)(?:\.|)|[^\w\s]")


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(trie)


_cue_forms = sorted(CUES)
_cue_forms += [f[0].upper() + f[1:] for f in _cue_forms if CUES[f][1] in (CueClass.PHRASE, CueClass.CLAUSE, CueClass.ADDRESSEE, CueClass.OBJECT)]
CUE_RE = re.compile(r"(?<![\w’'\-])" + _trie_regex(_cue_forms) + r"(?![\w’'\-])")
# A text's letters: one byte a character (those outside Latin-1 encoded as "?"), its ASCII letters in lower
# case, everything else a space.
_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def _letters(text: str) -> bytes:
    return text.encode("latin-1", "replace").translate(_LETTERS)


# where a cue may start in a text's letters (above): a space, then the letters of a cue form and a space
_CUE_LETTERS_RE = re.compile(b" (?:" + _trie_regex(sorted({_letters(f).decode() for f in CUES})).encode() + b")(?= )")


def find_cues(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Every cue of the lexicon in text: (start, end, form), as CUE_RE.finditer would find them, but none
    that starts in a range of skip (each a start and an end; in order, not overlapping).

    A regex scan of CUE_RE over the whole text pays per character, and one that opens with a lookbehind
    is tried at every position; here a pattern over the text's letters finds where a cue may start (it
    is tried only at spaces: the letters of every cue are there, at its place), and CUE_RE is tried there.
    The ranges to skip are filled with NULs, which the scan for a space passes over fast."""
    letters = _letters(text)
    if skip:
        parts = [b" "]
        last = 0
        for s, e in skip:
            parts.append(letters[last:s])
            parts.append(bytes(e - s))
            last = e
        parts.append(letters[last:])
        parts.append(b" ")
        letters = b"".join(parts)
    else:
        letters = b" " + letters + b" "
    out = []
    pos = 0
    search = _CUE_LETTERS_RE.search
    match = CUE_RE.match
    # (after a cue, the next one is looked for from its end)
    while (c := search(letters, pos)) is not None:
        i = c.start()  # (the letters are a space ahead of the text)
        m = match(text, i)
        if m is None:
            pos = i + 1
        else:
            out.append((i, m.end(), m.group()))
            pos = m.end()
    return out


# up to four capitalised words and a one-word cue: `Governor Ann Lee asked`
_ATTRIB_AFTER = re.compile(
    r"(?:(?!(?:He|She|They|It|We|I|The|This|That|But|And|In|On|At|A|An)\b)[A-Z][\w’'\-]*\.?\s+){1,4}([a-z]+)\b")
# (the word is looked up in a set: the cues are all lower-case letters, so the match is the same as with
# the cues in the pattern, which would take 10 ms more to compile)
_ONE_WORD_CUES = frozenset(f for f in CUES if CUES[f][1] != CueClass.PHRASE and " " not in f)


@lru_cache(maxsize=4096)
def cue_info(form: str) -> tuple[str, CueClass]:
    f = _rx(r"\s+").sub(" ", form.lower())
    return CUES.get(f, (f, CueClass.CLAUSE))


def sentences(text: str, spans, opens: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a paragraph break always ends one. (opens: where each span opens.)

    Full stops inside a quotation do not end the sentence unless they close it."""
    out: list[tuple[int, int]] = []
    attrib = _ATTRIB_AFTER.match
    cue_words = _ONE_WORD_CUES
    has_tab = "\t" in text
    # One scan of the whole text for the stops: none reaches past its line, so each lies in a paragraph.
    paras = _PARA_RE.finditer(text)
    start = pe = -1  # where the current sentence starts; where its paragraph ends
    stops = text
    for stop in "!?…":
        if stop in stops:
            stops = stops.replace(stop, ".")
    for m in _SENT_END_RE.finditer(stops):
        ms, e = m.span()
        while ms >= pe:  # the stop is in a later paragraph: end the current one
            if start < pe:
                out.append((start, pe))
            start, pe = next(paras).span()
        nxt_at = m.start(1)  # the first character after the spaces
        nxt = text[nxt_at]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘«„'(["):
            continue
        # abbreviation before the full stop? (Not if the word ends in three ASCII letters that no abbreviation
        # ends in: "said.", "this year." The test below looks only at the word's end: an abbreviation, a
        # single letter, or "u.s"-like letters with full stops between.)
        if e - ms == 1 and text[ms] == "." and not (
                ms - 3 >= start and (end3 := text[ms - 3:ms]).isascii() and end3.isalpha()
                and end3.lower() not in _ABBREV_ENDS):
            j = (max(text.rfind(" ", start, ms), text.rfind("\t", start, ms)) if has_tab
                 else text.rfind(" ", start, ms)) + 1
            if j < start:
                j = start
            word = text[j:ms]
            if not word.isalpha():
                parts = word.split()
                word = parts[-1] if parts else ""
            word = word.lower().strip("(\"“‘'")
            if word in ABBREV or len(word) == 1 and word.isalpha() or "." in word and _ABBR_WORD.fullmatch(word):
                nw = _CAP_WORD.match(text, nxt_at, nxt_at + 12)
                if not (nw and nw.group() in _STARTERS and word not in _TITLE_ABBR):
                    continue
        # a quotation ending in ?/!/. and then its attribution: "…?" Governor Ann Lee asked.
        if text[e - 1] in "\"”»’'" and (a := attrib(text, nxt_at)) and a.group(1) in cue_words:
            continue
        # inside a quotation span?
        if opens:
            k = bisect_right(opens, ms) - 1
            if k >= 0:
                sp = spans[k]
                if sp.open < ms < sp.close:
                    # the stop closes the quotation only if the closing mark follows
                    if not (sp.closed and e > sp.close):
                        continue
        out.append((start, e))
        start = nxt_at  # (only spaces and tabs come between)
    if start < pe:
        out.append((start, pe))
    out.extend(p.span() for p in paras)  # paragraphs without a stop
    if any(e - s > MAX_SENT for s, e in out):
        out = _cap(text, out)
    return out


_PARA_RE = re.compile(r"[^\s][^\n]*")
_ABBR_WORD = re.compile(r"(?:\w\.)+\w")
_CAP_WORD = re.compile(r"[A-Za-z]+")


MAX_SENT = 1500


def _cap(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut overlong 'sentences' (no punctuation for pages) at spaces, so that all work per sentence is bounded."""
    res = []
    for s, e in sents:
        while e - s > MAX_SENT:
            cut = text.rfind(" ", s + MAX_SENT // 2, s + MAX_SENT)
            if cut <= s:
                cut = s + MAX_SENT
            res.append((s, cut))
            s = cut
        res.append((s, e))
    return res


def tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of text[s:e] with offsets."""
    toks = [(m.start(), m.end(), m[0]) for m in _WORD_RE.finditer(text, s, e)]  # m[0]: no method call
    if text.find(".", s, e) < 0:
        return toks  # no word can end in a full stop
    out = []
    for t in toks:
        w = t[2]
        if w[-1] == "." and len(w) > 1 and w[:-1].lower() not in ABBREV and not _ABBR_DOTS.fullmatch(w):
            out.append((t[0], t[1] - 1, w[:-1]))
            out.append((t[1] - 1, t[1], "."))
        else:
            out.append(t)
    return out


_ABBR_DOTS = re.compile(r"(?:\w\.)+")
