"""Quotation-mark spans: which marks open and close a quotation, and where.

One left-to-right pass over the marks of each paragraph with a small stack.
Double marks (" “ ” „), guillemets (« ») and single marks (‘ ’ ') are three
families; a closing mark closes the innermost open quotation of its family.
Apostrophes (don’t, O’Brien, the players’ union) are told apart by context.
Only outermost spans are returned; marks nested inside them stay content.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

_rx = lru_cache(maxsize=None)(re.compile)

# The quotation marks are found in a copy of the text with every double mark or guillemet written " and
# every single mark ': re finds a pattern that opens with a literal many times faster than one that opens
# with a class. A single mark between two letters or digits is an apostrophe (don’t, O'Brien), which
# neither opens nor closes a quotation, and is left out.
_AS_DOUBLE = "“”„«»‹›"
_AS_SINGLE = "‘’"
_DOUBLE_MARK = re.compile('"')
_SINGLE_MARK = re.compile("'(?:(?<![^\\W_]')|(?![^\\W_]))")


def _marks(text: str) -> tuple[list[int], list[int]]:
    """Where the quotation marks are (apostrophes left out), in order: all of them, and the single ones."""
    plain = text
    for c in _AS_DOUBLE:
        if c in plain:
            plain = plain.replace(c, '"')
    for c in _AS_SINGLE:
        if c in plain:
            plain = plain.replace(c, "'")
    single = [m.start() for m in _SINGLE_MARK.finditer(plain)]
    found = [m.start() for m in _DOUBLE_MARK.finditer(plain)] + single
    found.sort()
    return found, single
_OPEN_BEFORE = set(" \t\n([{—–-/:;\x01") | set("\"“„«‘'‹")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…/\x01") | set("\"”»’'“›")


@dataclass(slots=True)
class Span:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when unclosed
    start: int  # content start
    end: int  # content end (exclusive), trimmed of spaces
    closed: bool
    para_start: int
    para_end: int
    cont_prev: bool = False  # continues an unclosed quote of the previous paragraph


def _opening(text: str, i: int, n: int) -> bool:
    p = text[i - 1] if i > 0 else "\n"
    nx = text[i + 1] if i + 1 < n else "\n"
    return (p in _OPEN_BEFORE) and not nx.isspace()


def _closing(text: str, i: int, n: int) -> bool:
    p = text[i - 1] if i > 0 else "\n"
    nx = text[i + 1] if i + 1 < n else "\n"
    return (not p.isspace()) and (nx in _CLOSE_AFTER)


def _is_apostrophe(text: str, i: int, n: int) -> bool:
    p = text[i - 1] if i > 0 else " "
    nx = text[i + 1] if i + 1 < n else " "
    return p.isalnum() and nx.isalnum()


_DOUBLE_APOS = re.compile(r"''|``")
_TWO_APOS = re.compile(r"''")  # (a pattern that opens with a literal is searched for fast)


def _normalise(text: str) -> str:
    """Two apostrophes (or backticks) as one double mark: ''Like this,'' said X (old newspaper style).

    The result has the same length: the pair becomes a mark plus a filler character."""
    # (a character is looked for many times faster than a pair: the pair only where the character is)
    backticks = "`" in text and "``" in text
    if not backticks and ("'" not in text or "''" not in text):
        return text
    out = []
    pos = 0
    for m in (_DOUBLE_APOS if backticks else _TWO_APOS).finditer(text):
        i = m.start()
        out.append(text[pos:i])
        p = text[i - 1] if i > 0 else " "
        if m.group() == "``" or p.isspace() or p in "([{—–-":
            out.append('"\x01')  # opening: the mark first
        else:
            out.append('\x01"')  # closing: the mark last
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def find_spans(text: str) -> list[Span]:
    text = _normalise(text)
    n = len(text)
    marks, single_marks = _marks(text)
    if not marks:
        return []
    # only the paragraphs (runs between newlines) that hold a mark are visited
    spans: list[Span] = []
    k = 0
    nmarks = len(marks)
    prev_unclosed = False
    prev_pe = -1
    while k < nmarks:
        ps = text.rfind("\n", 0, marks[k]) + 1
        pe = text.find("\n", marks[k])
        if pe < 0:
            pe = n
        k2 = bisect_left(marks, pe, k)
        pm = marks[k:k2]
        k = k2
        if prev_unclosed and text[prev_pe:ps].strip("\n"):
            prev_unclosed = False  # a paragraph without marks came between
        prev_pe = pe
        stripped_start = ps
        while stripped_start < pe and text[stripped_start] in " \t":
            stripped_start += 1
        # candidate closers for single quotes, for look-ahead (among the paragraph's single marks: most have none)
        single_close = [i for i in single_marks[bisect_left(single_marks, ps):bisect_left(single_marks, pe)]
                        if text[i] in "’'" and _closing(text, i, n) and not _is_apostrophe(text, i, n)]
        stack: list[tuple[str, int]] = []  # (family, position)
        fams: list[str] = []  # the stack's families, kept alongside it
        first_open_in_para = None
        unclosed_here = False

        # Called only within this paragraph's pass: its state is bound here, not looked up later.
        def close_family(fam: str, pos: int, stack=stack, fams=fams, ps=ps, pe=pe, prev_unclosed=prev_unclosed,
                         stripped_start=stripped_start) -> None:
            # pop to the innermost open of this family; record if it was outermost
            for j in range(len(fams) - 1, -1, -1):
                if fams[j] == fam:
                    o = stack[j][1]
                    del stack[j:]
                    del fams[j:]
                    if j == 0:
                        _add(spans, text, o, pos, True, ps, pe, prev_unclosed and o == stripped_start)
                    return

        for i in pm:
            c = text[i]
            if c in "«‹":
                if not stack:
                    first_open_in_para = i if first_open_in_para is None else first_open_in_para
                stack.append(("g", i))
                fams.append("g")
            elif c in "»›":
                if "g" in fams:
                    close_family("g", i)
            elif c == "„":
                if not stack and first_open_in_para is None:
                    first_open_in_para = i
                stack.append(("d", i))
                fams.append("d")
            elif c in "“\"":
                if "d" in fams and (_closing(text, i, n) or not _opening(text, i, n)):
                    close_family("d", i)
                elif _opening(text, i, n) or (c == "“" and not _closing(text, i, n)):
                    if not stack and first_open_in_para is None:
                        first_open_in_para = i
                    stack.append(("d", i))
                    fams.append("d")
            elif c == "”":
                if "d" in fams:
                    close_family("d", i)
            elif c in "‘'":
                if "s" in fams and c == "'" and _closing(text, i, n) and not _is_apostrophe(text, i, n):
                    close_family("s", i)
                elif _opening(text, i, n) and (text[i + 1].isalnum() or text[i + 1] in "“\"«"):
                    # straight ' opens only if a closer follows in this paragraph
                    if c == "'" and bisect_right(single_close, i) >= len(single_close):
                        continue
                    if (c == "‘" and not stack and i != stripped_start
                            and bisect_right(single_close, i) >= len(single_close)):
                        continue
                    if not stack and first_open_in_para is None:
                        first_open_in_para = i
                    stack.append(("s", i))
                    fams.append("s")
            elif c == "’":
                if "s" in fams and _closing(text, i, n) and not _is_apostrophe(text, i, n):
                    # plural possessive (the players’ union): skip when another closer follows
                    p = text[i - 1]
                    nx2 = text[i + 2] if i + 2 < n else ""
                    if p in "sz" and text[i + 1:i + 2] == " " and nx2.islower():
                        j = bisect_right(single_close, i)
                        if j < len(single_close):
                            continue
                    close_family("s", i)
        unclosed_here = False
        if stack:
            fam, o = stack[0]
            # unclosed at the paragraph end: a multi-paragraph quote (or a stray mark)
            if o == first_open_in_para and o <= stripped_start + 1 or _para_tail_ok(text, o, pe):
                _add(spans, text, o, pe, False, ps, pe, prev_unclosed and o == stripped_start)
                unclosed_here = True
        prev_unclosed = unclosed_here
    spans.sort(key=lambda s: s.open)
    return spans


def _para_tail_ok(text: str, o: int, pe: int) -> bool:
    """An unclosed mark inside a paragraph: keep it only when what follows reads like speech."""
    tail = text[o + 1:pe].lstrip("\x01")
    return len(tail.split()) >= 6 and tail[:1].isupper()


def _add(spans: list[Span], text: str, o: int, c: int, closed: bool, ps: int, pe: int, cont: bool) -> None:
    s, e = o + 1, c
    while s < e and (text[s].isspace() or text[s] == "\x01"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == "\x01"):
        e -= 1
    if e <= s:
        return
    spans.append(Span(o, c, s, e, closed, ps, pe, cont))
