"""Expanding the user's targets (files, folders, URLs) into sources, cheaply."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlparse

# File suffix (lower-case) -> format name used by the reader.
SUPPORTED_SUFFIXES: dict[str, str] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


# The problem given for a file in a folder that is not an article (a saved page's .css,
# .js and images, a folder's notes): it is skipped and counted, not a failure.
NOT_AN_ARTICLE = "not an article"


def is_url(target: str) -> bool:
    t = target.strip().lower()
    return t.startswith(("http://", "https://"))


def file_kind(path: str) -> str | None:
    """'text' / 'markdown' / 'html' / 'feed' for a path, None if unsupported."""
    return SUPPORTED_SUFFIXES.get(suffix_of(path))


def suffix_of(path: str) -> str:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    return ext.lower() if stem else ""


def _file_problem(path: str) -> str | None:
    ext = suffix_of(path)
    if ext not in SUPPORTED_SUFFIXES:
        return f"unsupported file type {ext}"
    return None


def _walk(top: str) -> Iterator[tuple[str, str | None]]:
    """Depth-first, name-sorted walk; hidden entries and special files skipped."""
    stack: list[Iterator[os.DirEntry]] = []
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield top, (exc.strerror or "cannot read directory").lower()
        return
    stack.append(iter(entries))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                try:
                    with os.scandir(entry.path) as it:
                        sub = sorted(it, key=lambda e: e.name)
                except OSError as exc:
                    yield entry.path, (exc.strerror or "cannot read directory").lower()
                    continue
                stack.append(iter(sub))
                continue
            if entry.is_file():
                yield entry.path, NOT_AN_ARTICLE if _file_problem(entry.path) else None
            elif entry.is_symlink() and not os.path.exists(entry.path):
                if entry.name.lower().endswith(tuple(s for s in SUPPORTED_SUFFIXES if s)):
                    yield entry.path, "no such file or directory"
            # Directory symlinks, fifos, sockets, devices: skipped.
        except OSError as exc:
            yield entry.path, (exc.strerror or "cannot read").lower()


def discover(targets: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Expand targets into (source, problem) pairs; problem is None if readable.

    Files and folders come out as absolute paths; folders are walked
    recursively in name order, skipping hidden files and folders. URLs pass
    through unchanged. No file is opened here. A file in a folder whose type is
    not an article's comes with the problem NOT_AN_ARTICLE (to skip, not to fail);
    a file named on its own is an error if it cannot be read as an article.
    """
    seen: set[str] = set()
    for target in targets:
        if not isinstance(target, str) or not target.strip():
            continue
        if is_url(target):
            url = target.strip()
            if url not in seen:
                seen.add(url)
                yield url, None
            continue
        path = target
        if target.lower().startswith("file://"):
            path = unquote(urlparse(target).path)
        path = os.path.abspath(os.path.expanduser(path))
        try:
            st = os.stat(path)
        except FileNotFoundError:
            pairs: Iterable[tuple[str, str | None]] = [(path, "no such file or directory")]
        except NotADirectoryError:
            pairs = [(path, "no such file or directory")]
        except OSError as exc:
            pairs = [(path, (exc.strerror or "cannot read").lower())]
        else:
            if stat.S_ISDIR(st.st_mode):
                pairs = _walk(path)
            elif stat.S_ISREG(st.st_mode):
                pairs = [(path, _file_problem(path))]
            else:
                pairs = [(path, "not a regular file")]
        for source, problem in pairs:
            if source in seen:
                continue
            seen.add(source)
            yield source, problem
