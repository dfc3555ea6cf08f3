"""read(source) -> list[Article]: one file or URL, or a SourceError."""
from __future__ import annotations

import hashlib
import os

from . import web
from .decode import decode_bytes
from .discover import file_kind, is_url, suffix_of
from .model import Article, SourceError
from .text import Parsed

MAX_BYTES = 256 * 1024 * 1024


def _one_line(message: object) -> str:
    return " ".join(str(message).split()) or "unreadable"


def _file_uid(path: str) -> str:
    resolved = os.path.realpath(os.path.abspath(os.path.expanduser(path)))
    return hashlib.sha1(resolved.encode("utf-8", "surrogatepass")).hexdigest()


def _read_bytes(path: str) -> bytes:
    try:
        if os.path.isdir(path):
            raise SourceError("is a directory")
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise SourceError(f"file too large ({size // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError((exc.strerror or str(exc)).lower()) from None


def _articles(parsed_items, uid_base: str, source: str, entry_source: bool) -> list[Article]:
    out: list[Article] = []
    for key, link, p in parsed_items:
        uid = uid_base if key is None else f"{uid_base}#{key}"
        out.append(
            Article(
                uid=uid,
                source=(link or source) if entry_source else source,
                title=p.title,
                body=p.body,
                outlet=p.outlet,
                author=p.author,
                published=p.published,
            )
        )
    return out


def _feed_articles(text: str, uid_base: str, source: str) -> list[Article]:
    from .feeds import parse_feed

    _, entries = parse_feed(text, source if source.lower().startswith(("http://", "https://")) else "")
    seen: dict[str, int] = {}
    items = []
    for key, link, p in entries:
        n = seen.get(key, 0)
        seen[key] = n + 1
        items.append((key if n == 0 else f"{key}~{n}", link, p))
    return _articles(items, uid_base, source, entry_source=True)


def _single(p: Parsed, uid: str, source: str) -> list[Article]:
    if not p.body.strip():
        raise SourceError("no article text found")
    return _articles([(None, "", p)], uid, source, entry_source=False)


def _read_url(url: str) -> list[Article]:
    try:
        content = web.fetch(url)
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(f"download failed: {_one_line(exc)}") from exc
    if content is None:
        raise SourceError("download failed")
    if isinstance(content, bytes):
        text = decode_bytes(content, declared=True)
    else:
        text = str(content).replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise SourceError("empty page")
        if "\x00" in text:
            raise SourceError("binary content")
    from .feeds import looks_like_feed

    if looks_like_feed(text):
        return _feed_articles(text, url, url)
    from .webpage import parse_html

    return _single(parse_html(text, url=url), url, url)


def _read_file(path: str) -> list[Article]:
    kind = file_kind(path)
    if kind is None:
        raise SourceError(f"unsupported file type {suffix_of(path)}")
    data = _read_bytes(path)
    text = decode_bytes(data, declared=kind in ("html", "feed"))
    uid = _file_uid(path)
    if kind == "feed":
        return _feed_articles(text, uid, path)
    if kind == "html":
        from .webpage import parse_html

        return _single(parse_html(text), uid, path)
    if kind == "markdown":
        from .text import parse_markdown

        return _single(parse_markdown(text), uid, path)
    from .text import parse_text

    return _single(parse_text(text), uid, path)


def read(source: str) -> list[Article]:
    """Read one file or URL into articles.

    Raises SourceError with a one-line reason for anything that cannot be read;
    no other exception type escapes.
    """
    try:
        if not isinstance(source, str) or not source.strip():
            raise SourceError("no source given")
        if is_url(source):
            return _read_url(source.strip())
        return _read_file(source)
    except SourceError as exc:
        raise SourceError(_one_line(str(exc))) from exc.__cause__
    except MemoryError:
        raise SourceError("file too large to read") from None
    except RecursionError:
        raise SourceError("document too deeply nested") from None
    except Exception as exc:  # never leak another exception type
        raise SourceError(f"could not read: {type(exc).__name__}: {_one_line(exc)}") from exc
