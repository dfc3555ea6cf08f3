"""RSS and Atom feeds, via feedparser: one article per entry."""
from __future__ import annotations

import re
import time
from urllib.parse import urljoin

from .htmltext import html_to_text
from .model import SourceError
from .text import Parsed, clean_title, lede_title

_XML_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_FEED_ROOT = re.compile(r"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)[\s>]")


def looks_like_feed(text: str) -> bool:
    """Whether fetched content is a feed rather than a web page."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return False
    m = _FEED_ROOT.search(text[:2048])
    return bool(m)


def _iso(struct: time.struct_time | None) -> str:
    if not struct:
        return ""
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return ""


def _plain(value: str) -> str:
    if "<" in value or "&" in value:
        return html_to_text(value)
    return value.strip()


def _entry_body(entry) -> str:
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        kind = (content.get("type") or "").lower()
        text = _plain(value) if "html" in kind or "<" in value else value.strip()
        if len(text) > len(best):
            best = text
    summary = _plain(entry.get("summary") or entry.get("description") or "")
    # Some feeds put a teaser in content and the full text in the summary.
    return summary if len(summary) > len(best) else best


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def parse_feed(text: str, base_url: str = "") -> tuple[str, list[tuple[str, str, Parsed]]]:
    """(feed title, [(entry key, entry link, Parsed)]) or SourceError. Relative entry links
    are resolved against `base_url`, the feed's own URL. (Not by feedparser's base URL: that
    would also rewrite relative entry ids, the keys of articles already imported.)"""
    import feedparser

    data = _XML_DECL_ENCODING.sub(r"\1", text, count=1).encode("utf-8")
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser rarely raises, but never leak it
        raise SourceError(f"malformed feed: {_one_line(exc)}") from exc
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            detail = f" ({_one_line(problem)})" if problem else ""
            raise SourceError(f"malformed feed{detail}")
        if not parsed.get("version"):
            raise SourceError("not an RSS or Atom feed")
        raise SourceError("feed has no entries")
    feed = parsed.get("feed") or {}
    outlet = clean_title(_plain(feed.get("title") or ""))
    feed_author = clean_title(feed.get("author") or "")
    out: list[tuple[str, str, Parsed]] = []
    for n, entry in enumerate(entries):
        body = _entry_body(entry)
        if not body.strip():
            continue
        title = clean_title(_plain(entry.get("title") or ""))
        if not title:
            title = lede_title(body)
        author = clean_title(entry.get("author") or "") or feed_author
        published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        link = urljoin(base_url, entry.get("link") or "") if base_url else entry.get("link") or ""
        key = entry.get("id") or link or title or str(n)
        out.append((key, link, Parsed(title=title, body=body, author=author,
                                      outlet=outlet, published=published)))
    if not out:
        raise SourceError("feed entries have no text")
    return outlet, out
