"""Downloading: the one place that touches the network (monkeypatch `fetch` in tests)."""
from __future__ import annotations


def fetch(url: str) -> str | bytes | None:
    """The content at url, or None when it could not be downloaded."""
    import trafilatura

    return trafilatura.fetch_url(url)
