"""Feeds on the web: conditional downloads, feed discovery, and OPML subscription lists.

    fetch_feed(url, etag, last_modified) -> Fetched (304s, redirects, size cap, timeout)
    find_feed(url)                        -> (feed URL, title, site URL): the URL itself, or the
                                             feed a web page links to (<link rel="alternate">)
    read_opml(data) / write_opml(feeds)   -> subscription lists in and out

No database here, and no textual or rich. Every failure is a SourceError with a
one-line reason.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from time import monotonic
from urllib.parse import urljoin

from .decode import decode_bytes
from .feeds import looks_like_feed, parse_feed
from .model import Article, SourceError

MAX_FEED_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0  # seconds, per feed
USER_AGENT = "newsreader/0.1 (feed reader)"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Content types a feed may come with; a page (text/html) is accepted only when it holds a feed.
_TEXTUAL = ("xml", "rss", "atom", "rdf", "text/plain", "text/html", "application/octet-stream")
PERMANENT = (301, 308)


@dataclass
class Fetched:
    url: str  # where the content came from, after redirects
    status: int  # 200, or 304 (not modified: no content)
    moved_to: str | None = None  # the new address after permanent redirects only
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    data: bytes = b""
    redirects: list[tuple[int, str]] = field(default_factory=list)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects as urllib does, and remembers each one (code, new URL)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, str]] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.seen.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    http_error_308 = urllib.request.HTTPRedirectHandler.http_error_302


def fetch(url: str, etag: str | None = None, last_modified: str | None = None,
          *, timeout: float = TIMEOUT, max_bytes: int = MAX_FEED_BYTES) -> Fetched:
    """GET url (conditionally, when etag/last_modified are known); SourceError on any failure."""
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(FEED_TYPES) + ", application/xml, text/xml, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            fetched = Fetched(
                url=response.geturl(), status=response.status,
                etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                content_type=(response.headers.get_content_type() or "").lower(),
            )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SourceError(f"too large: {_size(int(length))} (the limit is {_size(max_bytes)})")
            fetched.data = _read(response, max_bytes, monotonic() + timeout, timeout)
    except urllib.error.HTTPError as e:
        if e.code == 304:
            fetched = Fetched(url=e.geturl() or url, status=304, etag=etag, last_modified=last_modified)
        else:
            raise SourceError(f"HTTP {e.code} {e.reason}".rstrip()) from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError):
            raise SourceError(f"timed out after {timeout:g} s") from None
        if isinstance(reason, OSError) and reason.strerror:
            reason = reason.strerror.lower()  # "connection refused", not "[Errno 111] Connection refused"
        raise SourceError(f"cannot connect: {reason}") from None
    except TimeoutError:
        raise SourceError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as e:  # a reset connection, a malformed URL or response
        raise SourceError(f"download failed: {e}") from None
    fetched.redirects = redirects.seen
    if redirects.seen and all(code in PERMANENT for code, _ in redirects.seen):
        fetched.moved_to = fetched.url
    return fetched


def _read(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, in chunks: at most max_bytes, and within the timeout as a whole (a server
    trickling bytes would otherwise keep each read alive)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(f"too large: over {_size(max_bytes)}")
        if monotonic() > deadline:
            raise SourceError(f"timed out after {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


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
