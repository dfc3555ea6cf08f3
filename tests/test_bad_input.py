"""Broken input end to end: every case imports cleanly or fails with one clear reason,
and the rest of the batch always lands."""
import codecs

import pytest

from tui.index import queries
from tui.index.db import open_index
from tui.index.importer import import_sources

GOOD = 'Mayor Lena Hart said the bridge would reopen in May.\n\n"We kept our word," Hart said.\n'


def bad_inputs(folder):
    """(file name, content bytes, expected: 'ok' or a word of the reason)."""
    body_cp1252 = "Café owner Zoë Brandt said the “terrace” was full.\n".encode("cp1252")
    cases = {
        "binary.bin.txt": (bytes(range(256)) * 40, "binary"),
        "nul.txt": (b"Mayor Lena Hart said\x00 the bridge\x00 was open.\n", "binary"),
        "invalid-utf8.txt": (b"Mayor Lena Hart said the fee was 5\xff\xfe euros.\n" + GOOD.encode(), "ok"),
        "cp1252.txt": (body_cp1252 + GOOD.encode("cp1252"), "ok"),
        "latin1.txt": ("Señor Ramón Ibáñez said the plaza was closed.\n".encode("latin-1"), "ok"),
        "utf16.txt": (codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), "ok"),
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\t\n   \n", "empty"),
        "one-long-line.txt": (("Mayor Lena Hart said the bridge was open. " * 25_000).encode(), "ok"),
        "scripts.html": (b"<html><head><script>var a=1;</script><style>p{}</style></head><body>"
                         b"<script>alert(1)</script></body></html>", "text"),
        "truncated.html": (b"<html><head><title>Bridge reopens</title></head><body><article><p>"
                           + GOOD.encode() * 20 + b"<p>The mayor also", "ok"),
        "malformed.rss": (b"<?xml version='1.0'?><rss><channel><item><title>Half", "feed"),
        "empty.atom": (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                       b"<title>Nothing</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated></feed>", "entries"),
        "unbalanced.txt": (('Mayor Lena Hart said "the bridge is open.\n\n' * 50).encode(), "ok"),
        "many-quotes.txt": ("".join(f'"Point {i} stands," Hart said.\n' for i in range(5000)).encode(), "ok"),
        "nested.txt": (("Hart said: " + "\u201ca \u2018b " * 400 + "end" + "\u2019 x\u201d" * 400 + "\n").encode(), "ok"),
    }
    for name, (content, _) in cases.items():
        (folder / name).write_bytes(content)
    return {name: expected for name, (_, expected) in cases.items()}


def test_every_bad_input_gives_an_article_or_one_clear_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_inputs(folder)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    db, _ = open_index(tmp_path / "i.db")
    summary = import_sources(db, [str(folder)])
    failed = {s.rsplit("/", 1)[-1]: reason for s, reason in summary.failed}
    for name, want in expected.items():
        if want == "ok":
            assert name not in failed, f"{name}: {failed.get(name)}"
        else:
            assert name in failed, name
            assert want in failed[name].lower() and "\n" not in failed[name]
    assert summary.added == len(expected) - len(failed) + 1
    titles = {r.title for r in queries.article_page(db, 0, 100)}
    assert any("Zoë Brandt" in t for t in titles)  # cp1252 decoded, not mangled
    assert any("Ramón" in t for t in titles)


def test_a_large_folder_with_some_broken_files(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(10_000):
        if i % 1000 == 0:
            (folder / f"{i:05d}.txt").write_bytes(b"\x00\x01 broken \x00")
        else:
            (folder / f"{i:05d}.txt").write_text(f"Clerk Ida Moss said form {i} was filed.\n", encoding="utf-8")
    db, _ = open_index(tmp_path / "i.db")
    summary = import_sources(db, [str(folder)])
    assert len(summary.failed) == 10
    assert summary.added == 9_990
    assert queries.article_count(db) == 9_990


@pytest.mark.parametrize("megabytes", [50])
def test_a_very_large_text_file_imports(tmp_path, megabytes):
    filler = "The council met again on Tuesday to review the river crossing and the budget for repairs. " * 10
    paragraph = filler + 'Mayor Lena Hart said the bridge would reopen in May. "We kept our word," she said.\n\n'
    (tmp_path / "huge.txt").write_text(paragraph * (megabytes * 1024 * 1024 // len(paragraph)), encoding="utf-8")
    db, _ = open_index(tmp_path / "i.db")
    summary = import_sources(db, [str(tmp_path / "huge.txt")])
    assert (summary.added, summary.failed) == (1, [])
    (quote_count,) = db.execute("SELECT quote_count FROM articles").fetchone()
    assert quote_count >= megabytes * 1024 * 1024 // len(paragraph)  # quotes found all the way through
