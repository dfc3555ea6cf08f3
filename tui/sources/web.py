"""Downloading: the one place that touches the network (monkeypatch `fetch` in tests)."""
from __future__ import annotations

MAX_DOWNLOAD = 32 * 1024 * 1024
TIMEOUT = 30


def fetch(url: str) -> str | bytes | None:
    """The content at url, or None when it could not be downloaded."""
    try:
        import trafilatura
    except Exception:  # trafilatura missing or broken: plain urllib instead
        return _fetch_urllib(url)
    return trafilatura.fetch_url(url)


def _fetch_urllib(url: str) -> bytes | None:
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "newsreader/0.1"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        if response.status != 200:
            return None
        return response.read(MAX_DOWNLOAD)
