"""Article sources: files, folders and URLs turned into Articles.

    discover(targets) -> (source, problem) pairs, cheaply (no file reading);
                         problem NOT_AN_ARTICLE: a file in a folder to skip
    read(source)      -> list[Article], or SourceError with a one-line reason
    SAMPLES_DIR       -> the folder of bundled sample articles

Nothing here imports textual or rich; read() is a pure function of its source
so it can run in a worker process.
"""
from __future__ import annotations

from .discover import NOT_AN_ARTICLE, SUPPORTED_SUFFIXES, discover, is_url
from .model import Article, SourceError
from .reader import read
from .samples import SAMPLES_DIR

__all__ = [
    "Article",
    "SourceError",
    "discover",
    "read",
    "SAMPLES_DIR",
    "SUPPORTED_SUFFIXES",
    "is_url",
    "NOT_AN_ARTICLE",
]
