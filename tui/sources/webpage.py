"""Saved HTML pages and fetched web pages, via trafilatura (with a fallback)."""
from __future__ import annotations

import logging
import re

from .htmltext import page_fallback
from .model import SourceError
from .text import Parsed, _valid_date, clean_title, lede_title

_WS_LINE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLOCK_CONTAINERS = {"div", "quote", "section", "body", "cell", "row", "table"}

for _name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    # They log to stderr, which would scribble over a terminal UI.
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _inline_text(el) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    lines = [_WS_LINE.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _blocks(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            items = [_tidy(_inline_text(i)) for i in child if i.tag == "item"]
            items = [i for i in items if i]
            if items:
                out.append("\n".join(items))
        elif tag == "row":
            cells = [_tidy(_inline_text(c)).replace("\n", " ") for c in child]
            line = " | ".join(c for c in cells if c)
            if line:
                out.append(line)
        elif tag in _BLOCK_CONTAINERS and any(
            isinstance(c.tag, str) and c.tag in ("p", "head", "list", "quote", "table", "row", "div")
            for c in child
        ):
            if child.text and child.text.strip():
                out.append(_tidy(child.text))
            _blocks(child, out)
        elif tag in ("graphic", "ref") and not (child.text or "").strip():
            pass
        else:
            text = _tidy(_inline_text(child))
            if text:
                out.append(text)
        if el.tag in _BLOCK_CONTAINERS and child.tail and child.tail.strip():
            out.append(_tidy(child.tail))


def _drop_leading_title(paragraphs: list[str], title: str) -> list[str]:
    """Drop the headline (and a kicker above it) from the start of the body."""
    if title:
        for i, para in enumerate(paragraphs[:3]):
            if para == title:
                return paragraphs[i + 1 :]
    return paragraphs


def _trafilatura_extract(markup: str, url: str | None):
    try:
        import trafilatura
    except Exception:  # missing or broken install: use the fallback
        return None
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        return None


def _meta_date(meta: dict[str, str]) -> str:
    for key in ("article:published_time", "datepublished", "date", "dc.date",
                "pubdate", "publishdate", "og:published_time", "sailthru.date"):
        value = meta.get(key, "")
        m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
        if m:
            return m.group(1)
    return ""


def parse_html(markup: str, url: str | None = None) -> Parsed:
    doc = _trafilatura_extract(markup, url)
    title = author = outlet = published = ""
    body = ""
    if doc is not None:
        title = clean_title(getattr(doc, "title", None) or "")
        author = clean_title(getattr(doc, "author", None) or "")
        outlet = clean_title(getattr(doc, "sitename", None) or "")
        published = _valid_date((getattr(doc, "date", None) or "")[:10])
        paragraphs: list[str] = []
        tree = getattr(doc, "body", None)
        if tree is not None:
            _blocks(tree, paragraphs)
        else:
            text = getattr(doc, "text", None) or ""
            paragraphs = [_tidy(p) for p in text.split("\n") if p.strip()]
        paragraphs = _drop_leading_title(paragraphs, title)
        body = "\n\n".join(paragraphs)
    if not body.strip():
        text, meta = page_fallback(markup)
        title = title or clean_title(meta.get("og:title") or meta.get("html:h1") or meta.get("html:title") or "")
        author = author or clean_title(meta.get("author") or meta.get("article:author") or "")
        outlet = outlet or clean_title(meta.get("og:site_name") or "")
        published = published or _valid_date(_meta_date(meta))
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        paragraphs = _drop_leading_title(paragraphs, title)
        body = "\n\n".join(paragraphs)
    if not body.strip():
        raise SourceError("no article text found")
    if not title:
        title = lede_title(body)
    return Parsed(title=title, body=body, author=author, outlet=outlet, published=published)
