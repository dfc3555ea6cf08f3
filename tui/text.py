"""Make untrusted text safe to show: control characters become visible symbols.

Article text may carry terminal escape sequences, bidirectional overrides and
other control characters; none of them may reach the terminal as such.
"""
from __future__ import annotations

import json
import re

# C0 and C1 controls (but newline and tab), DEL, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    c = m.group()
    code = ord(c)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi overrides: the replacement character


def printable(text: str) -> str:
    """`text` with every control character shown as one visible symbol.

    The length never changes, so quote offsets into the text stay valid.
    """
    return _UNSAFE.sub(_visible, text)


def json_line(record: dict) -> str:
    """One JSON object on one line; control characters escaped as \\uXXXX (same data, safe to print)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(record, ensure_ascii=False))


def plural(n: int, word: str, words: str | None = None) -> str:
    """ "1 quote", "2 quotes", "1,000 articles" (`words`: the plural when it is not `word` + "s")."""
    return f"{n:,} {word if n == 1 else words or word + 's'}"
