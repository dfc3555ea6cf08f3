"""Downloading: the one place that touches the network (monkeypatch `fetch` in tests).

`get` is the one downloader, for pages and feeds alike: conditional requests (ETag,
Last-Modified, 304), redirects remembered, a size cap and a timeout for the whole body.
The standard library's urllib rather than trafilatura's `fetch_url`: that one returns
None for every failure, and a failed download must say what went wrong.
"""
from __future__ import annotations

import errno
import http.client
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from time import monotonic
from urllib.parse import urlsplit

from .model import SourceError

MAX_DOWNLOAD = 32 * 1024 * 1024
TIMEOUT = 30.0  # seconds, for the whole download
USER_AGENT = "newsreader/0.1"
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


def get(url: str, etag: str | None = None, last_modified: str | None = None, *, accept: str = "*/*",
        timeout: float | None = None, max_bytes: int = MAX_DOWNLOAD) -> Fetched:
    """GET url (conditionally, when etag/last_modified are known); SourceError with a one-line
    reason on any failure. `timeout` (default TIMEOUT) bounds the whole download."""
    timeout = TIMEOUT if timeout is None else timeout
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    redirects = _Redirects()
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.build_opener(redirects).open(request, timeout=timeout) as response:
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
        if e.code != 304:
            raise SourceError(download_problem(url, e, timeout)) from e
        fetched = Fetched(url=e.geturl() or url, status=304, etag=etag, last_modified=last_modified)
    except (OSError, http.client.HTTPException, ValueError) as e:  # URLError is an OSError
        raise SourceError(download_problem(url, e, timeout)) from e
    fetched.redirects = redirects.seen
    if redirects.seen and all(code in PERMANENT for code, _ in redirects.seen):
        fetched.moved_to = fetched.url
    return fetched


def fetch(url: str) -> bytes:
    """The content at url (a page to import); SourceError when it cannot be downloaded."""
    return get(url).data


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


NO_NETWORK = (errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH)


def download_problem(url: str, error: BaseException, timeout: float | None = None) -> str:
    """What a failed download was, in a few words: HTTP status, DNS, no network, refused, timeout."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason or ''}".rstrip()
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror):
        if reason.errno == socket.EAI_NONAME:
            return f"DNS failure: no such host {host}"
        return f"DNS failure: cannot look up {host} (no network?): {reason.strerror}"
    if isinstance(reason, TimeoutError):
        return f"timed out: {host} sent nothing for {TIMEOUT if timeout is None else timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {parts.netloc}"
    if isinstance(reason, OSError) and reason.errno in NO_NETWORK:
        return f"no network: {reason.strerror} ({host})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error with {host}: {reason.reason or reason}"
    if isinstance(reason, (ValueError, http.client.InvalidURL)):
        return f"invalid URL: {reason}"
    if isinstance(reason, (ConnectionError, http.client.HTTPException)):
        return f"connection to {host} broken off: {type(reason).__name__}"
    return f"download failed: {reason}"
