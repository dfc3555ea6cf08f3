"""Pilot tests of the app's flows, on small indexes built by the tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import make_app
from tui.index.db import open_index

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path: Path, build_index) -> Path:
    return build_index(tmp_path / "index.db")


def app_for(db_path: Path, tmp_path: Path, keymap: str | None = None):
    config = tmp_path / "config.toml"
    if keymap is not None:
        config.write_text(keymap, encoding="utf-8")
    return make_app(db_path, config=config, import_samples=False)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def article_id(db_path: Path, uid: str) -> int:
    db, _ = open_index(db_path)
    try:
        return db.execute("SELECT id FROM articles WHERE uid = ?", [uid]).fetchone()[0]
    finally:
        db.close()


def flags(db_path: Path, uid: str) -> tuple[int, int]:
    db, _ = open_index(db_path)
    try:
        return tuple(db.execute("SELECT read, starred FROM articles WHERE uid = ?", [uid]).fetchone())
    finally:
        db.close()


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_start_shows_newest_article_and_its_quotes(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.reader.article.title == "Ministers meet ahead of Caspian summit"
        assert app.sidebar.option_count == 3
        speakers = [q.speaker for q in app.sidebar.quotes]
        assert speakers == ["Jeyhun Bayramov", "Sergey Lavrov", "Jeyhun Bayramov"]
        text = screen_text(app)
        assert "Articles (4)" in text and "Quotes (3)" in text
        assert "Jeyhun Bayramov (2)" in text and "Sergey Lavrov (1)" in text  # the legend
        # Showing the article at start does not mark it read.
        assert flags(db_path, "caspian") == (0, 0)


async def test_open_article_from_list(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert app.reader.article.title == "Lavrov visits Baku"
        assert [q.speaker for q in app.sidebar.quotes] == ["Sergey Lavrov"]
        assert app.article_list.open_id == article_id(db_path, "lavrov-only")
        assert flags(db_path, "lavrov-only") == (1, 0)  # opening marks read
        await pilot.press("k", "enter")
        await pilot.pause()
        assert app.reader.article.title == "A day without quotes"
        assert app.sidebar.option_count == 0
        assert "No quotes found in this article" in "\n".join(app.reader.visible_text())


async def test_list_keys_and_click(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lst = app.article_list
        await pilot.press("G")
        assert lst.cursor == 3
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("ctrl+d")
        assert lst.cursor > 0
        await pilot.press("ctrl+u")
        assert lst.cursor == 0
        # Each article takes two lines; row 2 starts on content line 4.
        await pilot.click("#list", offset=(5, 1 + 4))
        await pilot.pause()
        assert lst.cursor == 2
        assert app.reader.article.title == "A day without quotes"


async def test_sidebar_moves_scroll_the_reader(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader, sidebar = app.reader, app.sidebar
        assert reader.scroll_offset.y == 0
        sidebar.focus()
        await pilot.pause()
        await pilot.press("down")  # first option highlighted on focus or by down
        await pilot.press("down")
        await pilot.pause()
        index = sidebar.current_index
        assert reader.current == index
        await pilot.press("G")
        await pilot.pause()
        assert sidebar.current_index == 2
        assert reader.current == 2
        assert reader.scroll_offset.y > 0
        last = reader.quotes[2]
        top = int(reader.scroll_offset.y)
        line = reader.line_of_offset(last.start)
        assert top <= line < top + reader.scrollable_content_region.height
        # The current quote is on screen, emphasised (bold) in the rendered body.
        assert "The road to peace" in screen_text(app)
        strip = reader.render_line(line - top)
        bold = [seg.text for seg in strip if seg.style and seg.style.bold]
        assert any("road" in t or "peace" in t or "long" in t for t in bold), bold


async def test_n_and_N_move_between_quotes_and_the_sidebar_follows(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader, sidebar = app.reader, app.sidebar
        reader.focus()
        await pilot.press("n")
        await pilot.pause()
        assert reader.current == 0 and sidebar.current_index == 0
        await pilot.press("n", "n")
        await pilot.pause()
        assert reader.current == 2 and sidebar.current_index == 2
        assert reader.scroll_offset.y > 0
        await pilot.press("N")
        await pilot.pause()
        assert reader.current == 1 and sidebar.current_index == 1
        await pilot.press("n", "n")  # wraps around
        await pilot.pause()
        assert reader.current == 0


async def test_resizing_keeps_the_reading_position(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        reader.focus()
        await pilot.press("n", "n")  # Lavrov's quote, mid-article
        await pilot.pause()
        quote = reader.quotes[1]
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.pause()
        top = int(reader.scroll_offset.y)
        line = reader.line_of_offset(quote.start)
        assert top <= line < top + reader.scrollable_content_region.height
        assert "Sergey Lavrov" in screen_text(app)


async def test_a_new_article_has_no_current_quote(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.focus()
        await pilot.press("n")
        await pilot.pause()
        assert app.reader.current == 0
        app.open_article(article_id(db_path, "lavrov-only"))
        await pilot.pause()
        reader = app.reader
        assert reader.current is None
        # Nothing in the body is drawn as the current quote (bold on the stronger tint).
        current_styles = {id(s.current) for s in reader._styles.values()}
        lines = range(len(reader.visible_text()))
        assert not any(id(style) in current_styles for y in lines for _, _, style in reader.line_styles(y))
        assert any(reader.line_styles(y) for y in lines)  # the quotes are drawn, in their plain tint


async def test_filter_sidebar_to_one_speaker(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader, sidebar = app.reader, app.sidebar
        reader.focus()
        await pilot.press("n", "F")
        await pilot.pause()
        assert app.speaker_filter == sidebar.speaker_filter == app.reader.speaker_filter == "Jeyhun Bayramov"
        assert sidebar.option_count == 2
        await pilot.press("n")  # n skips Lavrov while filtered
        assert reader.current == 2
        await pilot.press("F")
        await pilot.pause()
        assert app.speaker_filter is sidebar.speaker_filter is app.reader.speaker_filter is None
        assert sidebar.option_count == 3


async def test_clicking_legend_filters_and_clicking_quote_selects(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        legend_line = next(y for y, hits in reader._legend_hits.items() if any(n == "Sergey Lavrov" for _, _, n in hits))
        x0 = next(x for x, _, n in reader._legend_hits[legend_line] if n == "Sergey Lavrov")
        # Reader content starts inside the border (1) and padding (1).
        await pilot.click("#reader", offset=(2 + x0 + 3, 1 + legend_line))
        await pilot.pause()
        assert app.sidebar.speaker_filter == "Sergey Lavrov"
        q = reader.quotes[0]
        line = reader.line_of_offset(q.start)
        col = q.start - reader._starts[line - len(reader._header)]
        await pilot.click("#reader", offset=(2 + col + 1, 1 + line))
        await pilot.pause()
        assert reader.current == 0


async def test_search_lavrov_and_open_the_hit(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        from tui.app.screens import SearchScreen

        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"lavrov")
        await settle(pilot)
        screen = app.screen
        assert screen.hits, "no results for lavrov"
        assert all("lavrov" in (h.text + h.article_title).casefold() for h in screen.hits[:3])
        text = screen_text(app)
        assert "Lavrov" in text
        # Each result says what matched.
        assert "speaker" in text and "title" in text
        # Open the speaker hit: the article of Lavrov's latest quote, at that quote.
        target = next(i for i, h in enumerate(screen.hits) if h.kind == "speaker")
        hit = screen.hits[target]
        assert hit.text == "Sergey Lavrov" and hit.offset is not None
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.reader.article.id == hit.article_id
        assert app.reader.current is not None
        quote = app.reader.quotes[app.reader.current]
        assert quote.speaker == "Sergey Lavrov" and quote.start == hit.offset
        assert app.sidebar.current_index == app.reader.current


async def test_search_body_hit_opens_at_the_passage_with_matches_marked(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"delegations relaxed")
        await settle(pilot)
        screen = app.screen
        target = next(i for i, h in enumerate(screen.hits) if h.kind == "body")
        hit = screen.hits[target]
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.reader
        assert reader.article.id == hit.article_id
        assert reader.marks, "the matched words are marked"
        body = reader.article.body
        assert {body[a:b].casefold() for a, b in reader.marks} >= {"delegations", "relaxed"}
        top = int(reader.scroll_offset.y)
        line = reader.line_of_offset(hit.offset)
        assert top <= line < top + reader.scrollable_content_region.height


async def test_speaker_view_from_a_search_hit(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"lavrov")
        await settle(pilot)
        target = next(i for i, h in enumerate(app.screen.hits) if h.kind == "speaker")
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        from tui.app.screens import SpeakerScreen

        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.speaker == "Sergey Lavrov" and app.screen.count == 2


async def test_search_escape_returns_and_stale_results_are_dropped(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.reader.article.id
        await pilot.press("slash", *"caspian")
        await settle(pilot)
        screen = app.screen
        screen.post_message(screen.Results("something else", []))
        await pilot.pause()
        assert screen.hits  # the stale empty result did not replace them
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.article.id == before
        assert app.screen is app.screen_stack[0]
        # The search box opens again with the last query, selected, and its results.
        await pilot.press("slash")
        await settle(pilot)
        from textual.widgets import Input

        assert app.screen.query_one(Input).value == "caspian"
        assert app.screen.hits
        await pilot.press("x")
        assert app.screen.query_one(Input).value == "x"


async def test_speaker_view_lists_quotes_and_opens_one(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.focus()
        await pilot.press("n", "n")  # Lavrov's quote
        await pilot.press("s")
        await pilot.pause()
        from tui.app.screens import SpeakerScreen

        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        assert screen.speaker == "Sergey Lavrov"
        titles = [screen.quotes.quote_at(i).article_title for i in range(screen.count)]
        assert titles == ["Ministers meet ahead of Caspian summit", "Lavrov visits Baku"]  # newest first
        text = screen_text(app)
        assert "Sergey Lavrov — 2 quotes" in text and "we came as friends" in text
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert app.reader.article.title == "Lavrov visits Baku"
        assert app.reader.quotes[app.reader.current].text == "we came as friends"
        # esc goes back without opening anything; the reader's keys do nothing meanwhile
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        before = flags(db_path, "lavrov-only")
        await pilot.press("r", "f", "n", "s")
        await pilot.pause()
        assert flags(db_path, "lavrov-only") == before
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.article.title == "Lavrov visits Baku"


async def test_r_and_f_toggle_flags_in_the_index(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert flags(db_path, "caspian") == (0, 0)
        await pilot.press("r")
        await pilot.pause()
        assert flags(db_path, "caspian") == (1, 0)
        await pilot.press("f")
        await pilot.pause()
        assert flags(db_path, "caspian") == (1, 1)
        await pilot.press("r", "f")
        await pilot.pause()
        assert flags(db_path, "caspian") == (0, 0)
        # In the list, r acts on the row under the cursor.
        await pilot.press("j", "f")
        await pilot.pause()
        assert flags(db_path, "markup") == (0, 1)
        assert "★" in screen_text(app)


async def test_read_only_index_changes_nothing(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    app.read_only = True  # as open_index reports for a file we may not write
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(n.title == "Read-only" for n in app._notifications)  # said at the start
        await pilot.press("r", "f", "enter")
        await pilot.pause()
        assert flags(db_path, "caspian") == (0, 0)
        assert any("read-only" in str(n.message) for n in app._notifications)


async def test_unread_filter(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "enter")  # marks "markup" read
        await pilot.pause()
        app.article_list.focus()
        await pilot.press("u")
        await pilot.pause()
        assert app.article_list.count == 3
        assert "Unread (3)" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.article_list.count == 4


async def test_footer_is_remade_only_when_its_keys_change(db_path, tmp_path):
    from textual.widgets._footer import FooterKey

    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = list(app.query(FooterKey))
        assert "Open article" in [k.description for k in keys]
        app.screen.refresh_bindings()  # a focus change sends this twice
        await pilot.pause()
        assert list(app.query(FooterKey)) == keys  # the same widgets: not recomposed
        app.sidebar.focus()
        await pilot.pause()
        assert "Show quote in reader" in [k.description for k in app.query(FooterKey)]


async def test_help_lists_every_binding(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.app.screens import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        plain = "\n".join(str(w.render()) for w in app.screen.query("#help-box Static"))
        rows = app.binding_rows()
        assert len(rows) >= 30
        for _pane, _keys, description, binding_id, more in rows:
            assert binding_id, f"binding without id: {description}"
            assert description in plain and binding_id in plain and more in plain
        for needed in ("Quit", "Search", "Next quote", "Speaker", "Open article", "Keys"):
            assert needed in plain
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_markup_and_escapes_are_shown_literally(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.is_running  # [@click=app.quit] did nothing
        text = screen_text(app)
        # List, reader and sidebar all show the markup as text and ESC as a visible symbol.
        assert "[bold red]Breaking[/] ␛[31mnews" in text
        assert "Evil ␛[1mOutlet" in text
        body = "\n".join(app.reader.visible_text())
        assert "[link=https://evil.example]click me[/link]" in body
        assert "␛[2J" in body
        assert "[bold red]Not bold[/bold red] and" in body and "[@click=app.quit]quit[/]," in body
        assert "\x1b" not in text
        assert "[bold red]Not bold[/bold red]" in text  # the sidebar excerpt or the body on screen
        # A speaker name with markup, in the legend, the sidebar and its title, and the speaker view.
        app.reader.focus()
        await pilot.press("n", "F")
        await pilot.pause()
        text = screen_text(app)
        assert "Jane [red]Doe[/] (1)" in text
        assert "Quotes by Jane [red]Doe[/] (1/1)" in text
        await pilot.press("F", "s")
        await pilot.pause()
        assert "Jane [red]Doe[/] — 1 quote" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # Clicking where the [@click] text is does not run it.
        await pilot.click("#reader", offset=(10, 8))
        await pilot.pause()
        assert app.is_running
        # Search results show it literally too.
        await pilot.press("slash", *"bold")
        await settle(pilot)
        assert "[bold red]" in screen_text(app)


async def test_keymap_from_config_file(db_path, tmp_path):
    app = app_for(db_path, tmp_path, keymap='[keymap]\nsearch = "ctrl+f"\nnext_quote = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.focus()
        await pilot.press("x")
        await pilot.pause()
        assert app.reader.current == 0
        await pilot.press("slash")
        await pilot.pause()
        from tui.app.screens import SearchScreen

        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        rows = {r[3]: r[1] for r in app.binding_rows()}
        assert rows["search"] == "^f"
        assert rows["next_quote"] == "x"


async def test_keymap_file_from_the_environment(db_path, tmp_path, monkeypatch):
    config = tmp_path / "elsewhere.toml"
    config.write_text('[keymap]\nquit = "ctrl+x"\ntoggle_star = ["ctrl+t", "f2"]\n', encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(config))
    app = make_app(db_path, import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")  # no longer quits
        await pilot.pause()
        assert app.is_running
        await pilot.press("f2")
        await pilot.pause()
        assert flags(db_path, "caspian") == (0, 1)
        await pilot.press("ctrl+x")
        await pilot.pause()
    assert app.return_code == 0


async def test_bad_config_file_warns_but_runs(db_path, tmp_path):
    app = app_for(db_path, tmp_path, keymap="[keymap\nbroken")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.is_running
        assert app.reader.article is not None


async def test_picks_up_articles_added_by_another_process(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.article_list.count == 4
        db, _ = open_index(db_path)
        db.execute(
            "INSERT INTO articles (uid, source, title, body, published) VALUES ('new', 'x', 'Fresh news', 'Body', '2030-01-01')"
        )
        db.close()
        app.poll_index()
        await pilot.pause()
        assert app.article_list.count == 5
        # The cursor stays on the article it was on.
        assert app.article_list.cursor_row.title == "Ministers meet ahead of Caspian summit"
        assert "Fresh news" in screen_text(app)


async def test_the_open_articles_marks_follow_a_change_made_by_another_process(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.reader.article
        assert article is not None and not article.starred
        db, _ = open_index(db_path)
        db.execute("UPDATE articles SET starred = 1, read = 0 WHERE id = ?", [article.id])
        db.close()
        app.poll_index()
        await pilot.pause()
        assert app.reader.article.starred and not app.reader.article.read
        assert str(app.reader.border_title).startswith("★ ● ")


async def test_large_index_scrolls_fast(tmp_path, build_index):
    import time

    path = build_index(tmp_path / "big.db", extra=20_000)
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lst = app.article_list
        assert lst.count == 20_004
        assert len(lst.children) == 0  # no widget per row
        started = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("g", "ctrl+d", "ctrl+d", "G", "k", "enter")
        await pilot.pause()
        assert time.perf_counter() - started < 5
        assert lst.cursor == 20_002
        assert app.reader.article.title.startswith("Filler article")
        assert len(lst._pages) <= 32


async def test_command_palette_has_app_commands(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unread")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.article_list.unread_only
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open speaker lavrov")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        from tui.app.screens import SpeakerScreen

        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.speaker == "Sergey Lavrov"
        await pilot.press("escape")
        await pilot.pause()
        # A speaker's name is shown literally in the palette too.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open speaker jane")
        await pilot.pause(0.3)
        assert "Open speaker: Jane [red]Doe[/]" in screen_text(app)


async def test_switching_theme_recolours_reader_and_sidebar(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark_name = app.reader.styles_for("Jeyhun Bayramov").color
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        reader = app.reader
        title_style = reader._header[0].spans[0].style
        assert title_style.foreground == reader.get_visual_style().foreground  # dark text on light
        light_name = reader.styles_for("Jeyhun Bayramov").color
        assert light_name != dark_name  # darker on light, lighter on dark
        assert light_name.brightness < dark_name.brightness


async def test_quit_keys(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_import_a_path_from_the_command_palette(db_path, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        "Harbour reopens after storm\n\n\"We are delighted to welcome the boats back,\" said Mayor Anna Berg.\n",
        encoding="utf-8",
    )
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"import a path")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        from tui.app.screens import PromptScreen

        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*str(folder), "enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if not app.importing:
                break
        await settle(pilot)
        assert app.article_list.count == 5
        db, _ = open_index(db_path)
        titles = [r[0] for r in db.execute("SELECT title FROM articles")]
        db.close()
        assert "Harbour reopens after storm" in titles


async def test_quitting_during_an_import_stops_it(tmp_path):
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1500):
        (folder / f"a{i:05d}.txt").write_text(f"Article {i}\n\n\"We will build it,\" said Anna Berg.\n", encoding="utf-8")
    app = make_app(tmp_path / "index.db", config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        app.start_import([str(folder)])
        await pilot.pause(0.3)
        assert app.importing
        assert app.query_one("#status").display  # visible progress
        await pilot.press("q")
        stopped = time.perf_counter()
    assert time.perf_counter() - stopped < 10
    db, _ = open_index(tmp_path / "index.db")
    kept = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    assert kept < 1500  # stopped part way; what was committed is kept


async def test_empty_index_without_samples_says_how_to_fill_it(tmp_path):
    app = make_app(tmp_path / "empty.db", config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.article_list.count == 0
        text = screen_text(app)
        assert "No article open" in text and "newsreader" in text and "ctrl+p" in text
        await pilot.press("n", "s", "r", "f", "enter", "j", "G")  # nothing to act on: no crash
        await pilot.pause()
        assert app.is_running


async def test_opening_in_unread_mode_moves_on_to_the_next_unread(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.article_list.count == 4
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.article.title == "Ministers meet ahead of Caspian summit"
        assert app.article_list.count == 3
        assert app.article_list.cursor == 0
        assert app.article_list.cursor_row.id == article_id(db_path, "markup")


async def test_huge_article_is_shown_in_part_quickly(tmp_path, build_index):
    import time

    path = build_index(tmp_path / "index.db")
    db, _ = open_index(path)
    body = ("A sentence of filler text for a very long article. " * 20 + "\n\n") * 3000
    db.execute(
        "INSERT INTO articles (uid, source, title, body, published) VALUES ('huge', 'x', 'Huge', ?, '2099-01-01')",
        [body],
    )
    db.close()
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.reader.article.title == "Huge"
        assert app.reader.truncated == len(body)
        assert "Very long article" in screen_text(app)
        app.reader.focus()
        await pilot.press("G", "g", "ctrl+d")
        await pilot.pause()
    assert time.perf_counter() - started < 15


async def test_clicking_a_quote_in_the_sidebar_shows_it(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Options: 2 lines for the first (speaker line, excerpt), then the others; click the last option.
        sidebar = app.sidebar
        last_line = sidebar.virtual_size.height - 1
        await pilot.click("#quotes", offset=(4, 1 + last_line))
        await pilot.pause()
        assert sidebar.current_index == 2
        assert app.reader.current == 2
        assert app.reader.scroll_offset.y > 0


def _samples_dir():
    try:
        from tui.sources import SAMPLES_DIR
    except Exception:
        return None
    path = Path(SAMPLES_DIR)
    return path if path.is_dir() and any(path.iterdir()) else None


async def test_first_start_imports_samples_and_shows_the_seed_article(tmp_path):
    samples = _samples_dir()
    if samples is None:
        pytest.skip("tui.sources.SAMPLES_DIR is not there yet")
    app = make_app(tmp_path / "fresh.db", config=tmp_path / "none.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(600):
            await pilot.pause(0.05)
            if not app.importing:
                break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.article_list.count > 0
        article = app.reader.article
        assert article is not None
        assert "seed-azernews-2022-06-27" in article.source
        speakers = [q.speaker for q in app.reader.quotes]
        assert len(speakers) == 19
        assert speakers.count("Jeyhun Bayramov") == 18
        assert speakers.count("Sergey Lavrov") == 1
        assert app.sidebar.option_count == 19


