"""Downloading: the one place that touches the network (monkeypatch `fetch` in tests).

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
from urllib.parse import urlsplit

from .model import SourceError

MAX_DOWNLOAD = 32 * 1024 * 1024
TIMEOUT = 30  # seconds without a byte from the server
USER_AGENT = "newsreader/0.1"


def fetch(url: str) -> bytes:
    """The content at url; SourceError with a one-line reason when it cannot be downloaded."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # http(s) only: see discover
            data = response.read(MAX_DOWNLOAD + 1)
    except (OSError, http.client.HTTPException, ValueError) as e:  # URLError and HTTPError are OSErrors
        raise SourceError(download_problem(url, e)) from e
    if len(data) > MAX_DOWNLOAD:
        raise SourceError(f"download larger than {MAX_DOWNLOAD // 2**20} MB")
    return data


NO_NETWORK = (errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH)


def download_problem(url: str, error: BaseException) -> str:
    """What a failed download was, in a few words: HTTP status, DNS, no network, refused, timeout."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP status {error.code}" + (f" ({error.reason})" if error.reason else "")
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror):
        if reason.errno == socket.EAI_NONAME:
            return f"DNS failure: no such host {host}"
        return f"DNS failure: cannot look up {host} (no network?): {reason.strerror}"
    if isinstance(reason, TimeoutError):
        return f"timeout: {host} sent nothing for {TIMEOUT} s"
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
