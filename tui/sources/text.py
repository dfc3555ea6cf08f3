"""Plain-text and Markdown articles: header lines, byline, title, body."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

# `date 2022-06-27 By Azernews` (the seed format); the outlet part is optional.
_DATE_HEADER = re.compile(
    r"^[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+By[ \t]+(\S.*?))?[ \t]*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^[ \t]*[*_]{0,2}[ \t]*By:?[ \t]+(\S.{0,100}?)[ \t]*[*_]{0,2}[ \t]*$")
_NAME_LINK_WORDS = {
    "and", "de", "da", "del", "della", "der", "den", "van", "von", "la", "le",
    "du", "dos", "das", "bin", "al", "el", "ibn", "ter", "y", "e", "staff",
    "reporter", "correspondent", "in", "for", "the", "our", "with", "of",
}
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]']*(?=\s|$)")
_TERMINAL = tuple(".!?…:;,—–-")
_OPENING_QUOTES = "\"'“‘«„‚‹»›"
_WS = re.compile(r"\s+")

TITLE_MAX = 80
# How far into a body we look for the lede sentence / headline (1 MB lines).
_LOOKAHEAD = 4000


@dataclass
class Parsed:
    title: str
    body: str
    author: str = ""
    outlet: str = ""
    published: str = ""


def _valid_date(value: str) -> str:
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return ""


def _byline_name(line: str) -> str | None:
    """The author in a `By Jane Doe` line, or None if it is not a byline."""
    if len(line) > 120:
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    name = m.group(1).strip().strip("*_").strip()
    if _looks_like_name(name):
        return name
    # `By Ann Lee, political correspondent`: the name before the comma.
    head, _, rest = name.partition(",")
    head = head.strip()
    if rest and len(head.split()) >= 2 and not rest.rstrip().endswith((".", "!", "?")) and _looks_like_name(head):
        return head
    return None


def _looks_like_name(name: str) -> bool:
    if not name or name[-1] in ".!?;:" and not re.search(r"\b[A-Z]\.$", name):
        return False
    words = [w for w in re.split(r"[\s,&/]+", name) if w]
    if not words or not words[0][:1].isupper():
        return False
    return all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINK_WORDS for w in words
    )


class _Lines:
    """Walks the first lines of a (possibly huge) text without splitting it."""

    def __init__(self, text: str, pos: int = 0):
        self.text = text
        self.pos = pos

    def peek(self) -> tuple[str, int] | None:
        """(line, position after its newline) or None at the end."""
        if self.pos >= len(self.text):
            return None
        end = self.text.find("\n", self.pos)
        if end == -1:
            return self.text[self.pos :], len(self.text)
        return self.text[self.pos : end], end + 1

    def skip_blank(self) -> None:
        while True:
            item = self.peek()
            if item is None or item[0].strip():
                return
            self.pos = item[1]

    def next_is_blank_or_end(self, after: int) -> bool:
        end = self.text.find("\n", after)
        line = self.text[after:] if end == -1 else self.text[after:end]
        return not line.strip()


def _is_headline(line: str, lines: _Lines, after: int) -> bool:
    s = line.strip()
    if not s or len(s) > 150 or len(s.split()) < 2:
        return False
    if s.endswith(_TERMINAL) or re.search(r"[.!?…][\"”’»']+$", s):
        return False
    if s[0] in _OPENING_QUOTES:
        return False  # a one-line quote paragraph, not a headline: keep it in the body
    if not lines.next_is_blank_or_end(after):
        return False
    # There must be a body after it.
    rest = lines.text[after : after + _LOOKAHEAD]
    return bool(rest.strip())


def lede_title(body: str) -> str:
    """A title from the body's first sentence, cut at a word boundary."""
    head = body.lstrip()[:_LOOKAHEAD]
    para = head.split("\n\n", 1)[0]
    para = _WS.sub(" ", para).strip()
    m = _SENTENCE_END.search(para)
    sentence = para[: m.end()] if m else para
    sentence = sentence.strip()
    if len(sentence) <= TITLE_MAX:
        title = sentence.rstrip()
        if title.endswith(".") and not title.endswith(".."):
            title = title[:-1]
        return title
    cut = sentence[: TITLE_MAX + 1]
    space = cut.rfind(" ")
    if space > TITLE_MAX // 2:
        cut = cut[:space]
    else:
        cut = cut[:TITLE_MAX]
    return cut.rstrip(" ,;:-—–") + "…"


def clean_title(title: str) -> str:
    return _WS.sub(" ", title).strip()


def _take_byline(lines: "_Lines", line: str, after: int) -> str:
    """The author a byline line names, moving past it; "" when the line is not a byline."""
    name = _byline_name(line)
    if name:
        lines.pos = after
        lines.skip_blank()
    return name or ""


def parse_text(text: str) -> Parsed:
    """Parse the seed format: `date YYYY-MM-DD By Outlet`, `By Author`, body; or a block of
    `Title: …`, `Author: …`, `Date: …` lines, then a blank line, then the body."""
    lines = _Lines(text)
    lines.skip_blank()
    published = outlet = author = title = ""
    item = lines.peek()
    meta = _header_block(lines)
    if meta:
        title, author, outlet, published = _meta_fields(meta)
        lines.skip_blank()
        item = None
    if item:
        m = _DATE_HEADER.match(item[0])
        if m:
            published = _valid_date(m.group(1))
            outlet = (m.group(2) or "").strip()
            lines.pos = item[1]
            lines.skip_blank()
    # Up to one headline and one byline, in either order.
    for _ in range(2):
        item = lines.peek()
        if not item:
            break
        line, after = item
        if not author:
            author = _take_byline(lines, line, after)
            if author:
                continue
        if not title and _is_headline(line, lines, after):
            title = clean_title(line)
            lines.pos = after
            lines.skip_blank()
            continue
        break
    body = text[lines.pos :].rstrip()
    if not title and body:
        title = lede_title(body)
    return Parsed(title=title, body=body, author=author, outlet=outlet, published=published)


_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_-]+)\s*:\s*(.*?)\s*$")
_META_KEYS = {"title", "author", "by", "date", "published", "outlet", "source", "site", "publication"}


def _meta_fields(meta: dict[str, str]) -> tuple[str, str, str, str]:
    """(title, author, outlet, published) from header or front matter keys (lower-cased)."""
    title = clean_title(meta.get("title", ""))
    author = meta.get("author", "") or meta.get("by", "")
    outlet = meta.get("outlet", "") or meta.get("source", "") or meta.get("site", "") or meta.get("publication", "")
    date = meta.get("date", "") or meta.get("published", "")
    return title, author, outlet, _valid_date(date[:10]) if date else ""


def _header_block(lines: _Lines) -> dict[str, str]:
    """`Title: …` / `Author: …` / `Date: …` lines opening a text file, up to a blank line; moves past
    them. {} (and nothing moved) unless every line of the block is such a header."""
    probe = _Lines(lines.text, lines.pos)
    found: dict[str, str] = {}
    for _ in range(len(_META_KEYS)):
        item = probe.peek()
        if item is None or not item[0].strip():
            break
        m = _FRONT_MATTER_KEY.match(item[0])
        if not m or m.group(1).lower() not in _META_KEYS:
            return {}
        found[m.group(1).lower()] = m.group(2).strip().strip("\"'")
        probe.pos = item[1]
    else:
        if (item := probe.peek()) is not None and item[0].strip():
            return {}  # more header-like lines than there are keys: not a header
    if "title" not in found and "date" not in found and "author" not in found:
        return {}
    lines.pos = probe.pos
    return found
_MD_H1 = re.compile(r"^[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$")
_MD_SETEXT = re.compile(r"^[ \t]{0,3}=+[ \t]*$")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)


def _md_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(r"\1", text)
    return text


def parse_markdown(text: str) -> Parsed:
    """`# Title`, optional front matter / date header / byline, then the body."""
    meta: dict[str, str] = {}
    lines = _Lines(text)
    lines.skip_blank()
    item = lines.peek()
    if item and item[0].strip() == "---":
        # YAML-ish front matter: simple `key: value` lines between --- lines.
        probe = _Lines(text, item[1])
        found: dict[str, str] = {}
        for _ in range(50):
            it = probe.peek()
            if it is None:
                break
            probe.pos = it[1]
            if it[0].strip() in ("---", "..."):
                meta = found
                lines.pos = probe.pos
                break
            m = _FRONT_MATTER_KEY.match(it[0])
            if m:
                found[m.group(1).lower()] = m.group(2).strip().strip("\"'")
    lines.skip_blank()
    title, author, outlet, published = _meta_fields(meta)
    for _ in range(4):
        item = lines.peek()
        if not item:
            break
        line, after = item
        if not title:
            m = _MD_H1.match(line)
            if m:
                title = clean_title(_md_inline(m.group(1)))
                lines.pos = after
                lines.skip_blank()
                continue
            nxt = _Lines(text, after).peek()
            if nxt and _MD_SETEXT.match(nxt[0]) and line.strip():
                title = clean_title(_md_inline(line))
                lines.pos = nxt[1]
                lines.skip_blank()
                continue
        m = _DATE_HEADER.match(line)
        if m and not published:
            published = _valid_date(m.group(1))
            outlet = outlet or (m.group(2) or "").strip()
            lines.pos = after
            lines.skip_blank()
            continue
        if not author:
            author = _take_byline(lines, line, after)
            if author:
                continue
        break
    body = text[lines.pos :].rstrip()
    body = _MD_HEADING.sub(r"\1", body)
    body = _md_inline(body)
    if not title and body:
        title = lede_title(body)
    return Parsed(title=title, body=body, author=author, outlet=outlet, published=published)
