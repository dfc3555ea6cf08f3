"""Bytes to text: BOMs, UTF-8, UTF-16/32, cp1252 fallback, binary detection."""
from __future__ import annotations

import codecs
import re

from .model import SourceError

# Control bytes that never appear in text files (everything below 0x20 except
# \t \n \v \f \r and ESC).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))

# Magic numbers of common binary formats that may contain no NUL in their head.
_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3",
)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_NEWLINES = re.compile(r"\r\n?")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252 (latin-1 for its 5 holes)."""
    assert isinstance(exc, UnicodeDecodeError)  # registered for decoding only
    bad = exc.object[exc.start : exc.end]
    out = []
    for byte in bad:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out), exc.end


codecs.register_error("newsreader-cp1252", _cp1252_fallback)


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if the head is ASCII-range UTF-16 without a BOM."""
    head = data[:4096]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    odd_nul = head[1::2].count(0)
    even_nul = head[0::2].count(0)
    if odd_nul > 0.6 * pairs and even_nul < 0.05 * pairs:
        return "utf-16-le"
    if even_nul > 0.6 * pairs and odd_nul < 0.05 * pairs:
        return "utf-16-be"
    return None


def _declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m:
            name = m.group(1).decode("ascii", "replace").lower()
            try:
                codecs.lookup(name)
            except LookupError:
                continue
            if name.replace("-", "").replace("_", "") in ("utf8", "usascii", "ascii"):
                return None  # our UTF-8 path handles these (and bad bytes in them)
            if name.startswith(("utf-16", "utf16", "utf-32", "utf32")):
                return None  # only trusted with a BOM
            if name.replace("_", "-") in ("iso-8859-1", "latin-1", "latin1", "l1", "iso8859-1"):
                return "cp1252"  # as browsers do
            return name
    return None


def decode_bytes(data: bytes, *, declared: bool = False) -> str:
    """Turn a file's bytes into text with \\n newlines.

    Raises SourceError("binary file") / SourceError("empty file").
    With declared=True an explicit <meta charset> / <?xml encoding?> is honoured.
    """
    if not data.strip():
        raise SourceError("empty file")
    text: str | None = None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        enc = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    else:
        enc = None
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            text = data.decode(enc, errors="replace")
        if "\x00" in text:
            raise SourceError("binary file")
    else:
        if b"\x00" in data:
            guess = _looks_like_bomless_utf16(data)
            if guess is None:
                raise SourceError("binary file")
            text = data.decode(guess, errors="replace")
            if "\x00" in text:
                raise SourceError("binary file")
        else:
            if data.startswith(_MAGIC):
                raise SourceError("binary file")
            head = data[:8192]
            controls = len(head) - len(head.translate(None, _CONTROL))
            if controls > max(8, len(head) // 20):
                raise SourceError("binary file")
            try:
                # Valid UTF-8 wins, even over a declaration: pages that say
                # latin-1 but are UTF-8 are common, the reverse never parses.
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                enc_decl = _declared_encoding(data) if declared else None
                if enc_decl:
                    try:
                        text = data.decode(enc_decl)
                    except (UnicodeDecodeError, LookupError):
                        text = None
                if text is None:
                    if _UTF8_MULTIBYTE.search(data):
                        # Mostly UTF-8 with some stray bytes: keep the UTF-8,
                        # read the stray bytes as cp1252.
                        text = data.decode("utf-8", errors="newsreader-cp1252")
                    else:
                        text = data.decode("cp1252", errors="newsreader-cp1252")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise SourceError("empty file")
    return text
