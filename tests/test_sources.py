"""Article sources: formats, metadata, discovery and bad input."""
from __future__ import annotations

import codecs
import hashlib
import os
import time
from pathlib import Path

import pytest

import tui.sources as sources
from tui.sources import SAMPLES_DIR, Article, SourceError, discover, read

SEED = (
    " date 2022-06-27 By Azernews\n\nBy Vugar Khalilov\n\n"
    "Azerbaijani Foreign Minister Jeyhun Bayramov said that they discussed mutual "
    "trade with his Russian counterpart, Azernews reports.\n\n"
    '"We had the opportunity to discuss a broad agenda," Bayramov said.\n'
)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return str(path)


def read_one(path: str) -> Article:
    articles = read(path)
    assert len(articles) == 1
    return articles[0]


def sha1(path: str) -> str:
    return hashlib.sha1(os.path.realpath(path).encode()).hexdigest()


# -- plain text ---------------------------------------------------------------


def test_seed_format_header_byline_and_lede_title(tmp_path):
    path = write(tmp_path, "seed.txt", SEED)
    a = read_one(path)
    assert a.published == "2022-06-27"
    assert a.outlet == "Azernews"
    assert a.author == "Vugar Khalilov"
    assert a.body.startswith("Azerbaijani Foreign Minister Jeyhun Bayramov said")
    assert a.body.endswith("Bayramov said.")
    assert a.title.startswith("Azerbaijani Foreign Minister Jeyhun Bayramov said")
    assert a.title.endswith("…") and len(a.title) <= 81
    assert " " not in a.title[-2:]  # cut at a word boundary
    assert a.uid == sha1(path)
    assert a.source == path


def test_text_headline_becomes_title_and_leaves_body(tmp_path):
    text = "date 2026-02-01 By The Ledger\nBy Ann Lee\n\nCouncil approves new bridge\n\nThe council voted 7-2 on Monday.\n"
    a = read_one(write(tmp_path, "h.txt", text))
    assert a.title == "Council approves new bridge"
    assert a.body == "The council voted 7-2 on Monday."
    assert (a.outlet, a.author, a.published) == ("The Ledger", "Ann Lee", "2026-02-01")


def test_text_with_title_author_and_date_lines(tmp_path):
    text = "Title: Frost hits the orchards\nAuthor: Ann Lee\nDate: 2026-02-01\nSource: The Ledger\n\nThe frost came early.\n"
    a = read_one(write(tmp_path, "t.txt", text))
    assert (a.title, a.author, a.published, a.outlet) == ("Frost hits the orchards", "Ann Lee", "2026-02-01", "The Ledger")
    assert a.body == "The frost came early."
    # a body that merely opens with "Note: …" keeps it: it is no header block
    b = read_one(write(tmp_path, "n.txt", "Note: the figures are provisional.\nThe council met.\n\nMore text."))
    assert b.body.startswith("Note: the figures are provisional.")


def test_text_without_header_or_extension(tmp_path):
    a = read_one(write(tmp_path, "README", "Short lede sentence here. Then more text follows.\n\nSecond paragraph."))
    assert a.title == "Short lede sentence here"
    assert a.body.startswith("Short lede sentence here.")
    assert (a.outlet, a.author, a.published) == ("", "", "")


def test_body_sentence_starting_with_by_is_not_a_byline(tmp_path):
    text = "By the end of the week, officials said the road would reopen.\n\nMore text."
    a = read_one(write(tmp_path, "b.txt", text))
    assert a.author == ""
    assert a.body.startswith("By the end of the week")


def test_offsets_are_into_body_exactly(tmp_path):
    a = read_one(write(tmp_path, "seed.txt", SEED))
    i = a.body.index('"We had')
    assert a.body[i : i + 7] == '"We had'
    # Body is the file text after the header, unchanged.
    assert SEED.rstrip().endswith(a.body)


def test_crlf_and_cr_newlines_normalised(tmp_path):
    a = read_one(write(tmp_path, "crlf.txt", SEED.replace("\n", "\r\n").encode()))
    assert "\r" not in a.body and a.author == "Vugar Khalilov"
    b = read_one(write(tmp_path, "cr.txt", SEED.replace("\n", "\r").encode()))
    assert "\r" not in b.body and b.outlet == "Azernews"


def test_invalid_header_date_is_dropped(tmp_path):
    a = read_one(write(tmp_path, "d.txt", "date 2026-13-45 By Foo\n\nBody text here."))
    assert a.published == "" and a.outlet == "Foo"


# -- Markdown -----------------------------------------------------------------


def test_markdown_title_byline_date(tmp_path):
    text = "# Harbour reopens after storm\n\ndate 2026-04-02 By Coast Herald\n\n*By Mira Holt*\n\nThe **harbour** reopened, [officials](http://x) said.\n"
    a = read_one(write(tmp_path, "a.md", text))
    assert a.title == "Harbour reopens after storm"
    assert a.author == "Mira Holt"
    assert (a.outlet, a.published) == ("Coast Herald", "2026-04-02")
    assert a.body == "The harbour reopened, officials said."
    assert "#" not in a.body


def test_markdown_front_matter(tmp_path):
    text = '---\ntitle: "Front matter title"\nauthor: Joe Bloggs\ndate: 2026-05-06\noutlet: The Post\n---\n\nBody paragraph.\n'
    a = read_one(write(tmp_path, "fm.markdown", text))
    assert (a.title, a.author, a.published, a.outlet) == ("Front matter title", "Joe Bloggs", "2026-05-06", "The Post")
    assert a.body == "Body paragraph."


def test_markdown_without_title_uses_lede(tmp_path):
    a = read_one(write(tmp_path, "n.md", "Prices rose again in March. Analysts were surprised.\n"))
    assert a.title == "Prices rose again in March"


# -- HTML ---------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Mayor backs tram plan | The Daily Lantern</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-03-04T10:00:00Z">
<meta property="og:site_name" content="The Daily Lantern">
<meta property="og:title" content="Mayor backs tram plan">
<script>var tracking = "do not extract";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Mayor backs tram plan</h1>
<p>The mayor said on Tuesday that the tram line would be finished by 2028, and that "nothing will stop it".</p>
<p>"We have waited long enough," she said. "This city deserves better transport and we will deliver it."</p>
<p>Opposition leader Carl Benn called the plan "reckless" and said the costs would spiral out of control.</p>
</article><footer>Copyright 2026 The Daily Lantern. All rights reserved.</footer></body></html>"""


def test_html_metadata_and_paragraphs(tmp_path):
    a = read_one(write(tmp_path, "page.html", PAGE))
    assert a.title == "Mayor backs tram plan"
    assert a.author == "Jane Roe"
    assert a.published == "2026-03-04"
    assert a.outlet == "The Daily Lantern"
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith('"We have waited long enough," she said.')
    assert "tracking" not in a.body and "Copyright" not in a.body and "Home" not in a.body


def test_html_without_trafilatura_falls_back(tmp_path, monkeypatch):
    from tui.sources import webpage

    monkeypatch.setattr(webpage, "_trafilatura_extract", lambda markup, url: None)
    a = read_one(write(tmp_path, "page.htm", PAGE))
    assert a.title == "Mayor backs tram plan"
    assert a.author == "Jane Roe" and a.outlet == "The Daily Lantern" and a.published == "2026-03-04"
    assert a.body.count("\n\n") == 2
    assert "tracking" not in a.body and "Copyright" not in a.body


def test_html_declared_charset_honoured(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("deserves", "d\u00e9serves")
    a = read_one(write(tmp_path, "cp.html", page.encode("cp1252")))
    assert "d\u00e9serves" in a.body


# -- feeds ----------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier</title><link>https://example.org/</link><description>News</description>
<item><title>Dam inspection ordered</title><link>https://example.org/dam</link><guid>dam-1</guid>
<dc:creator>Ann Lee</dc:creator><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>"The dam is safe," the engineer said.</p><p>Inspections begin &amp; end in May.</p>]]></content:encoded></item>
<item><title>Library hours extended</title><link>https://example.org/library</link>
<pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;The library will open on Sundays.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lakeside Gazette</title><id>urn:lg</id>
<updated>2026-01-10T00:00:00Z</updated>
<entry><title>Ice festival opens</title><id>urn:lg:1</id><link href="https://example.org/ice"/>
<published>2026-01-09T12:00:00Z</published><updated>2026-01-09T12:00:00Z</updated>
<author><name>Tom Reyes</name></author>
<content type="html">&lt;p&gt;Crowds gathered.&lt;/p&gt;&lt;p&gt;"It is magical," a visitor said.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries(tmp_path):
    path = write(tmp_path, "feed.rss", RSS)
    articles = read(path)
    assert [a.title for a in articles] == ["Dam inspection ordered", "Library hours extended"]
    first, second = articles
    assert first.body == '"The dam is safe," the engineer said.\n\nInspections begin & end in May.'
    assert (first.author, first.published, first.outlet) == ("Ann Lee", "2026-03-03", "Valley Courier")
    assert first.source == "https://example.org/dam"
    assert first.uid == sha1(path) + "#dam-1"
    assert second.body == "The library will open on Sundays."
    assert second.uid == sha1(path) + "#https://example.org/library"
    assert read(path) == articles  # stable


def test_atom_entries(tmp_path):
    (a,) = read(write(tmp_path, "feed.atom", ATOM))
    assert (a.title, a.author, a.published, a.outlet) == ("Ice festival opens", "Tom Reyes", "2026-01-09", "Lakeside Gazette")
    assert a.body == 'Crowds gathered.\n\n"It is magical," a visitor said.'


def test_atom_with_no_entries(tmp_path):
    empty = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing</title><id>x</id></feed>'
    with pytest.raises(SourceError, match="^feed has no entries$"):
        read(write(tmp_path, "empty.atom", empty))


def test_malformed_rss(tmp_path):
    with pytest.raises(SourceError, match="^(malformed feed|not an RSS or Atom feed)"):
        read(write(tmp_path, "bad.rss", "<rss><channel><title>Oops</title></chan"))


def test_xml_that_is_not_a_feed(tmp_path):
    with pytest.raises(SourceError, match="not an RSS or Atom feed|malformed feed|feed has no entries"):
        read(write(tmp_path, "data.xml", '<?xml version="1.0"?><config><a>1</a></config>'))


def test_truncated_rss_keeps_complete_entries(tmp_path):
    cut = RSS[: RSS.index("<item><title>Library")] + "<item><title>Libr"
    articles = read(write(tmp_path, "cut.rss", cut))
    assert articles[0].title == "Dam inspection ordered"


# -- URLs (no network: the fetch function is monkeypatched) ------------------------


def test_url_html(monkeypatch):
    calls = []

    def fake_fetch(url):
        calls.append(url)
        return PAGE

    monkeypatch.setattr(sources.web, "fetch", fake_fetch)
    a = read_one("https://news.example.org/tram")
    assert calls == ["https://news.example.org/tram"]
    assert a.uid == a.source == "https://news.example.org/tram"
    assert a.title == "Mayor backs tram plan" and a.author == "Jane Roe"


def test_url_feed(monkeypatch):
    monkeypatch.setattr(sources.web, "fetch", lambda url: RSS.encode("utf-8"))
    articles = read("https://example.org/feed")
    assert len(articles) == 2
    assert articles[0].uid == "https://example.org/feed#dam-1"
    assert articles[0].source == "https://example.org/dam"


def test_url_download_failures(monkeypatch):
    monkeypatch.setattr(sources.web, "fetch", lambda url: None)
    with pytest.raises(SourceError, match="^download failed$"):
        read("http://example.org/x")

    def boom(url):
        raise ConnectionError("connection refused\nsecond line")

    monkeypatch.setattr(sources.web, "fetch", boom)
    with pytest.raises(SourceError) as info:
        read("http://example.org/x")
    assert str(info.value) == "download failed: connection refused second line"


# -- discover -------------------------------------------------------------------


def test_discover_walks_sorted_skips_hidden_and_reports(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("x")
    (tmp_path / "b" / "a.txt").write_text("x")
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "c.pdf").write_text("x")
    (tmp_path / "NOTES").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    got = list(discover([str(tmp_path), str(tmp_path / "missing.txt"), "https://example.org/a"]))
    t = str(tmp_path)
    assert got == [
        (f"{t}/NOTES", None),
        (f"{t}/a.html", None),
        (f"{t}/b/a.txt", None),
        (f"{t}/b/z.md", None),
        (f"{t}/c.pdf", sources.NOT_AN_ARTICLE),  # in a folder: skipped, not failed
        (f"{t}/missing.txt", "no such file or directory"),
        ("https://example.org/a", None),
    ]


def test_discover_single_files_and_duplicates(tmp_path, monkeypatch):
    (tmp_path / "x.XYZ").write_text("x")
    (tmp_path / "feed.atom").write_text("x")
    monkeypatch.chdir(tmp_path)
    got = list(discover(["x.XYZ", "feed.atom", "feed.atom", str(tmp_path / "feed.atom")]))
    assert got == [
        (str(tmp_path / "x.XYZ"), "unsupported file type .xyz"),
        (str(tmp_path / "feed.atom"), None),
    ]


def test_discover_opens_no_files(tmp_path, monkeypatch):
    for i in range(300):
        (tmp_path / f"{i:04}.txt").write_text("x")
    import builtins

    def no_open(*args, **kwargs):
        raise AssertionError("discover must not open files")

    monkeypatch.setattr(builtins, "open", no_open)
    start = time.perf_counter()
    got = list(discover([str(tmp_path)]))
    assert len(got) == 300 and all(p is None for _, p in got)
    assert got[0][0].endswith("0000.txt")
    assert time.perf_counter() - start < 1


# -- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"   \n\t\n  \r\n", "empty file"),
        (codecs.BOM_UTF8 + b"  \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"Some text\x00with a NUL in it", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"%PDF-1.7\n1 0 obj\n", "binary file"),
        (b"date 2026-01-01 By Foo\n\nBy Ann Lee\n\n", "no article text found"),
    ],
)
def test_bad_text_files_give_clear_reasons(tmp_path, content, reason):
    with pytest.raises(SourceError) as info:
        read(write(tmp_path, "bad.txt", content))
    assert str(info.value) == reason


def test_invalid_utf8_is_read_as_cp1252(tmp_path):
    text = "The caf\u00e9\u2019s owner said \u201cnever again\u201d \u2013 twice."
    a = read_one(write(tmp_path, "cp.txt", text.encode("cp1252")))
    assert a.body == text


def test_mostly_utf8_with_a_stray_byte(tmp_path):
    data = "\u201cQuoted\u201d words. Na\u00efve.".encode() + b" Price \x80" + b"5."
    a = read_one(write(tmp_path, "mixed.txt", data))
    assert a.body == "\u201cQuoted\u201d words. Na\u00efve. Price \u20ac5."


def test_cp1252_undefined_bytes_do_not_crash(tmp_path):
    a = read_one(write(tmp_path, "u.txt", b"Odd bytes \x81\x8d\x8f here and caf\xe9."))
    assert a.body == "Odd bytes \x81\x8d\x8f here and caf\u00e9."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_encodings(tmp_path, encoding):
    data = SEED.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    a = read_one(write(tmp_path, "u.txt", data))
    assert (a.outlet, a.author, a.published) == ("Azernews", "Vugar Khalilov", "2022-06-27")
    assert "\ufeff" not in a.body and a.body.startswith("Azerbaijani")


def test_bomless_utf16_is_detected(tmp_path):
    a = read_one(write(tmp_path, "u16.txt", SEED.encode("utf-16-le")))
    assert a.author == "Vugar Khalilov"


def test_control_characters_other_than_nul_are_kept(tmp_path):
    a = read_one(write(tmp_path, "c.txt", "Bell \x07 and escape \x1b[31m here.\tTab."))
    assert a.body == "Bell \x07 and escape \x1b[31m here.\tTab."


def test_one_megabyte_single_line(tmp_path):
    line = ("word " * 200_000).strip() + "."
    start = time.perf_counter()
    a = read_one(write(tmp_path, "long.txt", line))
    assert time.perf_counter() - start < 5
    assert a.body == line
    assert a.title.endswith("…") and len(a.title) <= 81


def test_large_text_file_is_linear(tmp_path):
    para = "The spokesperson said the plan was \u201cfine\u201d and would go ahead. " * 20 + "\n\n"
    data = ("date 2026-01-01 By Big\n\n" + para * 4000).encode()  # ~5.5 MB
    start = time.perf_counter()
    a = read_one(write(tmp_path, "big.txt", data))
    assert time.perf_counter() - start < 5
    assert a.outlet == "Big" and len(a.body) > 4_900_000


def test_script_only_html(tmp_path):
    page = "<html><head><script>var a = 1;</script><style>body{}</style></head><body><script>alert('x')</script><noscript></noscript></body></html>"
    with pytest.raises(SourceError, match="^no article text found$"):
        read(write(tmp_path, "s.html", page))


def test_truncated_html_best_effort(tmp_path):
    cut = PAGE[: PAGE.index("Opposition leader") + 30]
    a = read_one(write(tmp_path, "cut.html", cut))
    assert "We have waited long enough" in a.body
    assert a.title == "Mayor backs tram plan"


def test_unsupported_and_missing_and_directory(tmp_path):
    with pytest.raises(SourceError, match="^unsupported file type .pdf$"):
        read(write(tmp_path, "x.pdf", "hello"))
    with pytest.raises(SourceError, match="^no such file or directory$"):
        read(str(tmp_path / "nope.txt"))
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(SourceError, match="^is a directory$"):
        read(str(tmp_path / "dir.txt"))
    with pytest.raises(SourceError):
        read("")


def test_unexpected_errors_are_wrapped(tmp_path, monkeypatch):
    from tui.sources import text as textmod

    def explode(text):
        raise KeyError("surprise")

    monkeypatch.setattr(textmod, "parse_text", explode)
    with pytest.raises(SourceError) as info:
        read(write(tmp_path, "ok.txt", "Fine text."))
    assert "surprise" in str(info.value) and "\n" not in str(info.value)


def test_uid_is_stable_and_path_based(tmp_path, monkeypatch):
    path = write(tmp_path, "s.txt", SEED)
    monkeypatch.chdir(tmp_path)
    assert read("s.txt")[0].uid == read(path)[0].uid == sha1(path)
    other = write(tmp_path, "t.txt", SEED)
    assert read(other)[0].uid != read(path)[0].uid


def test_no_textual_or_rich_imports():
    root = Path(sources.__file__).parent
    for py in root.glob("*.py"):
        text = py.read_text()
        assert "import textual" not in text and "from textual" not in text, py
        assert "import rich" not in text and "from rich" not in text, py


# -- bundled samples -----------------------------------------------------------------


def sample_sources():
    return [s for s, problem in discover([str(SAMPLES_DIR)]) if problem is None]


def test_samples_dir_is_bundled():
    assert SAMPLES_DIR.is_dir()
    seed = SAMPLES_DIR / "seed-azernews-2022-06-27.txt"
    shared_seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_4875d5d075a7f029.txt"
    if shared_seed.exists():
        assert seed.read_bytes() == shared_seed.read_bytes()
    a = read_one(str(seed))
    assert (a.outlet, a.author, a.published) == ("Azernews", "Vugar Khalilov", "2022-06-27")
    assert a.body.startswith("Azerbaijani Foreign Minister Jeyhun Bayramov")


def test_every_sample_reads_with_title_and_body():
    found = list(discover([str(SAMPLES_DIR)]))
    assert all(problem is None for _, problem in found), found
    total = 0
    for source in sample_sources():
        for a in read(source):
            total += 1
            assert a.title.strip() and len(a.body) > 200, source
            assert a.uid and a.source
    assert total >= 15


def test_short_quote_first_line_is_not_taken_as_headline(tmp_path):
    text = '"We will not back down"\n\nThe union leader repeated the line at every rally.\n'
    a = read_one(write(tmp_path, "q.txt", text))
    assert a.body.startswith('"We will not back down"')
    assert a.title == '"We will not back down"'


def test_feed_in_declared_latin1(tmp_path):
    rss = RSS.replace('encoding="utf-8"', 'encoding="ISO-8859-1"').replace("Inspections begin", "Inspektion für")
    articles = read(write(tmp_path, "latin.rss", rss.encode("latin-1")))
    assert "Inspektion für" in articles[0].body


def test_utf16_feed_with_bom(tmp_path):
    data = RSS.replace('encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16")
    articles = read(write(tmp_path, "u16.xml", data))
    assert [a.title for a in articles] == ["Dam inspection ordered", "Library hours extended"]


def test_html_page_without_article_element(tmp_path):
    page = (
        "<html><head><title>Plain page</title></head><body><div id='nav'><a href='/'>Home</a></div>"
        "<div><p>The minister said on Monday that the new railway line would open next spring, "
        "two years later than first planned.</p><p>\u201cWe are nearly there,\u201d she said.</p></div></body></html>"
    )
    a = read_one(write(tmp_path, "plain.html", page))
    assert "new railway line" in a.body and "\u201cWe are nearly there,\u201d she said." in a.body
    assert a.title


def test_read_works_in_a_worker_process(tmp_path):
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    good = write(tmp_path, "good.txt", SEED)
    bad = write(tmp_path, "bad.txt", b"\x00\x01\x02")
    with ProcessPoolExecutor(max_workers=1) as pool:
        (article,) = pool.submit(read, good).result()
        with pytest.raises(SourceError, match="^binary file$"):
            pool.submit(read, bad).result()
    assert article == read(good)[0]
    err = pickle.loads(pickle.dumps(SourceError("binary file")))
    assert isinstance(err, SourceError) and str(err) == "binary file"


def test_discover_accepts_file_urls_and_home(tmp_path, monkeypatch):
    (tmp_path / "x.md").write_text("# T\n\nBody.")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert list(discover([f"file://{tmp_path}/x.md", "~/x.md", "  "])) == [(str(tmp_path / "x.md"), None)]


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Ann Lee", "Ann Lee"),
        ("By Ann Lee, political correspondent", "Ann Lee"),
        ("By Ann Lee and Tom van Dijk", "Ann Lee and Tom van Dijk"),
        ("**By Ann Lee**", "Ann Lee"),
        ("By Sunday, officials had left.", ""),
        ("By the river, the crowd waited", ""),
    ],
)
def test_byline_variants(tmp_path, line, author):
    a = read_one(write(tmp_path, "b.txt", f"{line}\n\nThe body of the story goes here. It has two sentences."))
    assert a.author == author
    if not author:
        assert a.body.startswith(line) or a.title == line


def test_html_declaring_latin1_but_utf8_is_read_as_utf8(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("deserves", "d\u00e9serves \u201cbetter\u201d")
    a = read_one(write(tmp_path, "lie.html", page.encode("utf-8")))
    assert "d\u00e9serves \u201cbetter\u201d" in a.body


def test_text_starting_with_letters_like_a_magic_number(tmp_path):
    a = read_one(write(tmp_path, "mz.txt", "MZ Holdings said on Friday that profits rose."))
    assert a.body.startswith("MZ Holdings")
