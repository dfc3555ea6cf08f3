"""Feeds on the web: conditional downloads, feed discovery, and OPML subscription lists.

    fetch(url, etag, last_modified)       -> Fetched (web.get with a feed's Accept and limits)
    find_feed(url)                        -> (feed URL, title, site URL): the URL itself, or the
                                             feed a web page links to (<link rel="alternate">)
    read_opml(data) / write_opml(feeds)   -> subscription lists in and out

No database here, and no textual or rich. Every failure is a SourceError with a
one-line reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from .decode import decode_bytes
from .feeds import looks_like_feed, parse_feed
from .model import Article, SourceError
from .web import Fetched, get

MAX_FEED_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0  # seconds, per feed
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Content types a feed may come with; a page (text/html) is accepted only when it holds a feed.
_TEXTUAL = ("xml", "rss", "atom", "rdf", "text/plain", "text/html", "application/octet-stream")
ACCEPT = ", ".join(FEED_TYPES) + ", application/xml, text/xml, */*;q=0.5"


def fetch(url: str, etag: str | None = None, last_modified: str | None = None,
          *, timeout: float = TIMEOUT, max_bytes: int = MAX_FEED_BYTES) -> Fetched:
    """A feed (or the page that links to it) through the one downloader, with a feed's limits."""
    return get(url, etag, last_modified, accept=ACCEPT, timeout=timeout, max_bytes=max_bytes)


def feed_text(fetched: Fetched) -> str:
    """The fetched content as feed text; SourceError when it is not a feed."""
    kind = fetched.content_type
    if kind and not any(t in kind for t in _TEXTUAL):
        raise SourceError(f"not a feed: the server sent {kind}")
    try:
        text = decode_bytes(fetched.data, declared=True)
    except SourceError as e:  # "empty file", "binary file"
        raise SourceError(f"not a feed: {str(e).replace('file', 'content')}") from None
    if not looks_like_feed(text):
        if kind == "text/html" or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            raise SourceError("not a feed: an HTML page")
        if "<" not in text[:1024]:
            raise SourceError(f"not a feed: no XML in the content ({kind or 'no content type'})")
    return text


def feed_articles(text: str, uid_base: str) -> tuple[str, list[Article]]:
    """(feed title, its entries as articles); entry uids are `uid_base#entry id`, as `import URL` makes them."""
    from .reader import _feed_articles

    articles = _feed_articles(text, uid_base, uid_base)
    return (articles[0].outlet if articles else ""), articles


def add_full_text(articles: list[Article], known: set[str], timeout: float = TIMEOUT) -> int:
    """Replace the summaries of new entries by their pages' text (trafilatura); how many pages failed."""
    from .webpage import parse_html

    failed = 0
    for a in articles:
        if a.uid in known or not a.source.lower().startswith(("http://", "https://")):
            continue
        try:
            page = fetch(a.source, timeout=timeout)
            parsed = parse_html(decode_bytes(page.data, declared=True), url=page.url)
        except SourceError:
            failed += 1
            continue
        if len(parsed.body) > len(a.body):
            a.body = parsed.body
            a.author = a.author or parsed.author
    return failed


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, title)
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link" and "alternate" in a.get("rel", "").lower().split() and a.get("href"):
            if a.get("type", "").lower().split(";")[0].strip() in FEED_TYPES:
                self.links.append((a["href"], a.get("title", "")))
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@dataclass
class FoundFeed:
    url: str
    title: str
    site_url: str


def find_feed(url: str, *, timeout: float = TIMEOUT) -> FoundFeed:
    """The feed at url, or the first feed the page at url links to; SourceError if there is none."""
    fetched = fetch(url, timeout=timeout)
    text = decode_bytes(fetched.data, declared=True)
    if looks_like_feed(text):
        return _found(fetched.url, text)
    if fetched.content_type and not any(t in fetched.content_type for t in _TEXTUAL):
        raise SourceError(f"not a feed or a web page: the server sent {fetched.content_type}")
    finder = _AlternateLinks()
    finder.feed(text[:2_000_000])
    if not finder.links:
        raise SourceError("not a feed, and the page links to no feed")
    feed_url = urljoin(fetched.url, finder.links[0][0])
    feed = fetch(feed_url, timeout=timeout)
    found = _found(feed.url, feed_text(feed))
    found.site_url = found.site_url or fetched.url
    return found


def _found(url: str, text: str) -> FoundFeed:
    import feedparser

    title, _ = parse_feed(text)  # SourceError for a malformed or empty feed
    parsed = feedparser.parse(text.encode("utf-8"))
    site = (parsed.get("feed") or {}).get("link") or ""
    return FoundFeed(url, title, site)


# --- OPML -----------------------------------------------------------------------------


@dataclass
class Subscription:
    url: str
    title: str = ""
    site_url: str = ""


def read_opml(data: bytes) -> list[Subscription]:
    """Every feed in an OPML subscription list, nested outlines too (via listparser)."""
    import listparser

    result = listparser.parse(data)
    feeds = result.get("feeds") or []
    if not feeds:
        problem = result.get("bozo_exception")
        raise SourceError(f"not an OPML subscription list{f': {problem}' if problem else ''}")
    out: dict[str, Subscription] = {}
    for f in feeds:
        url = (f.get("url") or "").strip()
        if url and url not in out:
            out[url] = Subscription(url, (f.get("title") or "").strip(), "")
    return list(out.values())


def looks_like_opml(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<opml" in head


def write_opml(subscriptions: list[Subscription], title: str = "newsreader subscriptions") -> str:
    """An OPML 2.0 document listing the subscriptions (xml.etree: no library writes OPML better)."""
    import xml.etree.ElementTree as ET
    from email.utils import formatdate

    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    for s in subscriptions:
        attrs = {"type": "rss", "text": s.title or s.url, "title": s.title or s.url, "xmlUrl": s.url}
        if s.site_url:
            attrs["htmlUrl"] = s.site_url
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
