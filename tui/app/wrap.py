"""Word wrapping that keeps offsets: where each screen line of a paragraph starts and ends.

Greedy, like a terminal pager: a line breaks at the last space that fits, a word
longer than the width is cut, the spaces at a break belong to no line. Text made
only of one-cell characters (Latin, Greek, Cyrillic, punctuation: nearly all news)
is wrapped by one regular expression, ~15 ms a megabyte; anything else (wide or
zero-width characters) cell by cell.
"""
from __future__ import annotations

import functools
import re

from rich.cells import cell_len, get_character_cell_size

# Characters one cell wide (tests/test_reader_wrap.py checks every one against rich), including
# the symbols `printable` shows for control characters. No newline: paragraphs come split.
NARROW = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482"
    "\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2400-\u2426\ufffd]*"
)


@functools.lru_cache(maxsize=32)
def _line_pattern(width: int) -> re.Pattern:
    # The longest run of up to `width` characters followed by a space or the end, else `width`
    # characters of a longer word; then the spaces at the break.
    return re.compile(rf"([^\n]{{1,{width}}}(?= |$)|[^\n]{{{width}}}) *")


def wrap(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Append the lines of paragraph text[start:end] (no newline in it) as offsets into `text`."""
    if start >= end:
        starts.append(start)
        ends.append(start)
        return
    if NARROW.fullmatch(text, start, end):
        for m in _line_pattern(width).finditer(text, start, end):
            starts.append(m.start(1))
            ends.append(m.end(1))
        return
    _wrap_cells(text, start, end, width, starts, ends)


def _wrap_cells(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    """The same greedy wrap, counting each character's cells."""
    line, cells, space, i = start, 0, -1, start
    while i < end:
        ch = text[i]
        w = get_character_cell_size(ch)
        if cells + w > width and i > line:
            cut = space if space > line else i
            starts.append(line)
            ends.append(cut)
            line = cut
            while line < end and text[line] == " ":
                line += 1
            i = max(i, line)
            cells = cell_len(text[line:i])
            space = text.rfind(" ", line, i)
            continue
        if ch == " ":
            space = i
        cells += w
        i += 1
    if line < end:
        starts.append(line)
        ends.append(end)
