"""A small, forgiving HTML-to-text converter (stdlib only).

Used for feed entry HTML, and for pages when trafilatura finds nothing or is
unavailable. Paragraphs come out separated by blank lines.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {
    "script", "style", "noscript", "template", "svg", "math", "head", "nav",
    "footer", "aside", "form", "button", "select", "textarea", "iframe",
    "object", "canvas", "video", "audio", "dialog", "menu",
}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
    "article", "section", "main", "tr", "pre", "ul", "ol", "dl", "dd", "dt",
    "table", "figure", "figcaption", "hr", "header", "address", "details",
    "summary", "body", "html",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col",
         "embed", "source", "track", "wbr", "param"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Converter(HTMLParser):
    def __init__(self, keep_chrome: bool = False):
        super().__init__(convert_charrefs=True)
        self.skip_tags = set(_SKIP)
        if keep_chrome:
            self.skip_tags -= {"nav", "footer", "aside", "header"}
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []
        self.in_h1 = False
        self.h1_parts: list[str] = []

    # -- paragraph handling -------------------------------------------------
    def _flush(self) -> None:
        if not self.current:
            return
        raw = "".join(self.current)
        self.current = []
        lines = [_SPACES.sub(" ", ln).strip() for ln in raw.split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        if text:
            self.paragraphs.append(text)

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "title" and not self.title_parts:
            self.in_title = True
            return
        if self.skip_depth:
            if tag in self.skip_tags and tag not in _VOID:
                self.skip_depth += 1
            return
        if tag in self.skip_tags:
            self.skip_depth = 1
            return
        if tag == "h1" and not self.h1_parts:
            self.in_h1 = True
        if tag == "br":
            self.current.append("\n")
        elif tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "title":
            self.in_title = False
            return
        if self.skip_depth:
            if tag in self.skip_tags:
                self.skip_depth -= 1
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.current.append(data.replace("\n", " "))

    def finish(self) -> None:
        try:
            self.close()
        except Exception:  # truncated markup: keep what we have
            pass
        self._flush()


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in markup and "&" not in markup:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", markup) if p.strip())
    conv = _Converter(keep_chrome=True)
    conv.feed(markup)
    conv.finish()
    return "\n\n".join(conv.paragraphs)


def page_fallback(markup: str) -> tuple[str, dict[str, str]]:
    """(text, metadata) of a whole page without boilerplate detection.

    Prefers the <article> or <main> element when there is one.
    """
    lower = markup.lower()
    scope = markup
    for tag in ("article", "main"):
        start = lower.find("<" + tag)
        if start != -1:
            end = lower.rfind("</" + tag)
            scope = markup[start : end if end > start else len(markup)]
            break
    conv = _Converter()
    conv.feed(markup)
    conv.finish()
    meta = dict(conv.meta)
    title = _SPACES.sub(" ", "".join(conv.title_parts)).strip()
    if title:
        meta.setdefault("html:title", title)
    h1 = _SPACES.sub(" ", "".join(conv.h1_parts)).strip()
    if h1:
        meta.setdefault("html:h1", h1)
    if scope is not markup:
        inner = _Converter()
        inner.feed(scope)
        inner.finish()
        if inner.paragraphs:
            return "\n\n".join(inner.paragraphs), meta
    return "\n\n".join(conv.paragraphs), meta
