"""Huge articles and much-quoted speakers: the reader, the sidebar and the speaker view draw
only what is visible, and still reach everything (no timing asserted: bench/ measures it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len, get_character_cell_size

from tui.app import make_app
from tui.app.wrap import NARROW, wrap
from tui.index import queries as Q
from tui.index.db import open_index

SIZE = (120, 40)
NAMES = ["Olga Marchetti", "Kofi Brandvold", "Aylin Sørensen"]


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def quotes_read(pilot) -> None:
    """Wait until the open article's quotes are read (a large article's come a few at a time)."""
    for _ in range(1000):
        await pilot.pause()
        if not pilot.app.reader.loading:
            return
    raise AssertionError("the quotes never came")


def add_huge_article(path: Path, quotes: int = 10_000) -> tuple[int, str]:
    """A ~1 MB article, one quote per paragraph, by three speakers; (its id, its body)."""
    paragraphs = ["An opening paragraph that no quote touches, about a very long summit."]
    spans = []
    pos = len(paragraphs[0]) + 2
    for i in range(quotes):
        name = NAMES[i % 3]
        text = f"Quote number {i} says that the talks went on and on, again and again"
        para = f"“{text},” {name} said."
        spans.append((name, text, pos + 1, pos + 1 + len(text), pos + len(text) + 4))
        paragraphs.append(para)
        pos += len(para) + 2
    body = "\n\n".join(paragraphs)
    db, _ = open_index(path)
    db.conn.execute("BEGIN")
    article_id = db.execute(
        "INSERT INTO articles (uid, source, title, outlet, published, body, content_hash, imported_at, quote_count)"
        " VALUES ('huge', 'x', 'A very long summit', 'Wire', '1999-01-01', ?, '', '', ?)",
        [body, quotes],
    ).lastrowid
    ids = {}
    for name in NAMES:
        ids[name] = db.execute("INSERT INTO speakers (name, key) VALUES (?, ?)", [name, name.lower()]).lastrowid
    db.conn.executemany(
        "INSERT INTO quotes (article_id, speaker_id, speaker, text, type, cue, start, [end], mentions)"
        " VALUES (?, ?, ?, ?, 'direct', 'said', ?, ?, ?)",
        [(article_id, ids[name], name, text, start, end, json.dumps([[name, m, m + len(name)]]))
         for name, text, start, end, m in spans],
    )
    db.conn.execute("COMMIT")
    db.close()
    assert body[spans[-1][2] : spans[-1][3]] == spans[-1][1] and len(body) < 1_000_000
    return article_id, body


def add_prolific_speaker(path: Path, articles: int, per_article: int) -> int:
    """One speaker quoted `per_article` times in each of `articles` articles (newest first by date)."""
    db, _ = open_index(path)
    db.conn.execute("BEGIN")
    speaker = db.execute("INSERT INTO speakers (name, key) VALUES ('Vera Quillfeather', 'vera quillfeather')").lastrowid
    for a in range(articles):
        quotes = [f"Statement {a}.{k} from Quillfeather" for k in range(per_article)]
        body = "\n\n".join(f"“{q},” Quillfeather said." for q in quotes)
        article_id = db.execute(
            "INSERT INTO articles (uid, source, title, published, body, content_hash, imported_at, quote_count)"
            " VALUES (?, 'x', ?, ?, ?, '', '', ?)",
            [f"prolific{a}", f"Briefing {a}", f"2001-01-{a % 28 + 1:02d}T{a // 28:02d}", body, per_article],
        ).lastrowid
        rows = []
        for q in quotes:
            start = body.index(q)
            rows.append((article_id, speaker, "Vera Quillfeather", q, start, start + len(q)))
        db.conn.executemany(
            "INSERT INTO quotes (article_id, speaker_id, speaker, text, type, cue, start, [end], mentions)"
            " VALUES (?, ?, ?, ?, 'direct', 'said', ?, ?, '[]')",
            rows,
        )
    db.conn.execute("COMMIT")
    db.close()
    return speaker


# --- wrapping ------------------------------------------------------------------------------


def test_the_narrow_characters_are_one_cell_each():
    # The fast wrap counts characters as cells: every character it takes for narrow must be.
    for code in range(0x30000):
        ch = chr(code)
        if NARROW.fullmatch(ch):
            assert get_character_cell_size(ch) == 1, hex(code)


@pytest.mark.parametrize("text", [
    "The quick brown fox jumps over the lazy dog and keeps running far away",
    "“Quoted,” she said — then a verylongwordthatcannotfitonanysinglelineatall follows",
    "日本語のテキストはとても幅が広いです and some English after it",
    "   indented start,  double  spaces   and a trailing space ",
])
@pytest.mark.parametrize("width", [5, 12, 30])
def test_wrap_keeps_every_character_within_the_width(text, width):
    starts: list[int] = []
    ends: list[int] = []
    wrap(text, 0, len(text), width, starts, ends)
    covered = set()
    for a, b in zip(starts, ends, strict=True):
        assert cell_len(text[a:b]) <= width
        covered.update(range(a, b))
    assert all(i in covered for i, ch in enumerate(text) if ch != " ")  # only spaces at breaks are dropped
    assert starts == sorted(starts)


def test_wrap_breaks_at_the_last_space_that_fits():
    text = "hello world this is a test of wrapping"
    starts: list[int] = []
    ends: list[int] = []
    wrap(text, 0, len(text), 10, starts, ends)
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == ["hello", "world this", "is a test", "of", "wrapping"]
    starts, ends = [], []
    wrap("ab\nxy", 3, 3, 10, starts, ends)  # an empty paragraph is one empty line
    assert (starts, ends) == ([3], [3])


# --- a 1 MB article with 10,000 quotes -----------------------------------------------------------


async def test_a_huge_article_opens_shows_its_first_lines_and_reaches_its_last_quote(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    article_id, body = add_huge_article(path)
    assert len(body) > 900_000
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.open_article(article_id)
        await pilot.pause()
        reader = app.reader
        assert reader.article.title == "A very long summit"
        text = screen_text(app)
        assert "An opening paragraph that no quote" in text
        assert "Quote number 0 says" in text
        await quotes_read(pilot)
        assert len(reader.quotes) == 10_000 and not reader.loading
        assert app.sidebar.count == 10_000 and app.sidebar.border_title == "Quotes (10000)"
        assert "Olga Marchetti (3334)" in screen_text(app)  # the legend, counted
        # The first quote is drawn in its speaker's tint, its speaker's name marked.
        line = reader.line_of_offset(reader.quotes[0].start)
        styles = [style for _, _, style in reader.line_styles(line)]
        olga = reader.styles_for("Olga Marchetti")
        assert olga.quote in styles

        # N from no current quote: the last one; the reader scrolls to it, the sidebar follows.
        reader.focus()
        await pilot.press("N")
        await pilot.pause()
        last = reader.quotes[-1]
        assert reader.current == 9999
        assert app.sidebar.current_index == 9999
        top = int(reader.scroll_offset.y)
        line = reader.line_of_offset(last.start)
        assert top <= line < top + reader.scrollable_content_region.height
        assert "Quote number 9999 says" in screen_text(app)
        speaker = reader.styles_for(last.speaker)
        assert speaker.current in [style for _, _, style in reader.line_styles(line)]
        # n wraps around to the first quote, at the top again.
        await pilot.press("n")
        await pilot.pause()
        assert reader.current == 0 and app.sidebar.current_index == 0
        assert "Quote number 0 says" in screen_text(app)
        # The sidebar's end is its last quote; choosing it shows it in the reader.
        app.sidebar.focus()
        await pilot.press("G", "enter")
        await pilot.pause()
        assert reader.current == 9999
        assert "Quote number 9999 says" in screen_text(app)


async def test_a_huge_article_is_wrapped_to_its_end_and_rewrapped_on_resize(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    article_id, body = add_huge_article(path, quotes=3000)
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_article(article_id)
        await quotes_read(pilot)
        reader = app.reader
        reader.focus()
        await pilot.press("G")
        await pilot.pause()
        assert "Quote number 2999 says" in screen_text(app)
        lines = reader.visible_text()
        assert "".join(lines).replace(" ", "").endswith(body.replace("\n", "").replace(" ", "")[-200:])
        top = int(reader.scroll_offset.y)
        anchor = reader._starts[top - len(reader._header)]  # the body offset at the top of the view
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        top = int(reader.scroll_offset.y)
        assert top > 0 and reader.line_of_offset(anchor) == top  # the reading position is kept


async def test_a_quote_search_hit_in_a_huge_article_is_made_current_when_its_quotes_arrive(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    article_id, _ = add_huge_article(path, quotes=2000)
    conn, _ = Q.connect(path)
    quote_id, start = conn.execute(
        "SELECT id, start FROM quotes WHERE article_id = ? ORDER BY start DESC LIMIT 1", [article_id]).fetchone()
    conn.close()
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_article(article_id, quote_id=quote_id, offset=start)
        assert app.reader.loading
        await quotes_read(pilot)
        assert app.reader.current == 1999 and app.reader.quotes[1999].id == quote_id
        assert app.sidebar.current_index == 1999
        assert "Quote number 1999 says" in screen_text(app)


async def test_the_reading_position_stays_when_the_quotes_arrive(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    article_id, _ = add_huge_article(path, quotes=3000)
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_article(article_id)
        await quotes_read(pilot)
        reader = app.reader
        quotes = reader.quotes
        reader.scroll_to(y=300, animate=False, immediate=True)
        await pilot.pause()
        assert reader.scroll_offset.y > 100
        top_offset = reader._starts[int(reader.scroll_offset.y) - len(reader._header)]
        reader.set_quotes([], loading=True)  # as while a large article's quotes are read: no legend
        await pilot.pause()
        assert reader._starts[int(reader.scroll_offset.y) - len(reader._header)] == top_offset
        header = len(reader._header)
        reader.set_quotes(quotes)  # the quotes arrive: the legend grows the header
        await pilot.pause()
        assert len(reader._header) > header
        assert reader._starts[int(reader.scroll_offset.y) - len(reader._header)] == top_offset


# --- a speaker with many quotes ----------------------------------------------------------------


@pytest.mark.parametrize("walk_from", [10**9, 0], ids=["sorted", "walked"])
def test_a_speakers_first_page_is_the_start_of_the_full_order(tmp_path, monkeypatch, walk_from, build_index):
    path = build_index(tmp_path / "index.db")
    speaker = add_prolific_speaker(path, articles=60, per_article=5)
    monkeypatch.setattr(Q, "WALK_ARTICLES_FROM", walk_from)
    monkeypatch.setattr(Q, "RECENT_ARTICLES", 30)
    conn, _ = Q.connect(path)
    ids = Q.speaker_quote_ids(conn, speaker)
    assert len(ids) == Q.speaker_quote_count(conn, speaker) == 300
    for limit in (20, 200):  # full in the newest 30 articles, and not
        assert [sq.quote.id for sq in Q.speaker_quotes(conn, speaker, limit)] == ids[:limit]
    page = Q.speaker_quotes_by_id(conn, ids[100:200])
    assert [sq.quote.id for sq in page] == ids[100:200]
    published = [sq.published for sq in page]
    assert published == sorted(published, reverse=True)
    conn.close()


async def test_the_speaker_view_shows_the_true_count_and_reaches_the_last_quote(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    speaker = add_prolific_speaker(path, articles=50, per_article=50)  # 2,500 quotes: 25 pages
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_speaker(speaker)
        await pilot.pause()
        from tui.app.screens import SpeakerScreen

        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        assert screen.count == 2500
        assert "Vera Quillfeather — 2,500 quotes" in screen_text(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.quotes.count == 2500
        await pilot.press("G")
        await pilot.pause()
        assert screen.quotes.highlighted == 2499
        conn, _ = Q.connect(path)
        oldest = conn.execute(
            "SELECT q.text, a.title FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? "
            "ORDER BY a.published, a.id, q.start DESC LIMIT 1", [speaker]).fetchone()
        conn.close()
        last = screen.quotes.quote_at(2499)
        assert (last.quote.text, last.article_title) == oldest
        assert oldest[0] in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert app.reader.article.title == oldest[1]
        assert app.reader.quotes[app.reader.current].text == oldest[0]



