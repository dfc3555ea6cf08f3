"""What a daily user notices: keymap warnings, the theme kept, the palette, words, scrolling,
the help screen, small terminals, cut titles and reported speech (Pilot, at 80x24 and 120x40)."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from tui.app import make_app
from tui.app.commands import quote_count_text
from tui.text import plural

SIZES = [(80, 24), (120, 40)]


def app_with_config(db_path: Path, tmp_path: Path, text: str | None = None):
    config = tmp_path / "config.toml"
    if text is not None:
        config.write_text(text, encoding="utf-8")
    return make_app(db_path, config=config, import_samples=False)


def toasts(app) -> list[str]:
    return [toast.render().plain for toast in app.screen.query(Toast)]


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


# --- the keymap -------------------------------------------------------------------------------


async def test_keymap_mistakes_warn_at_start_and_q_still_quits(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path, '[keymap]\nno_such_binding = "z"\ntoggle_read = "q"\nsearch = "n"\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        shown = toasts(app)
        config = str(tmp_path / "config.toml")
        unknown = [t for t in shown if "keymap.no_such_binding" in t]
        assert len(unknown) == 1 and config in unknown[0] and '"z"' in unknown[0] and "no binding has this id" in unknown[0]
        quit_taken = [t for t in shown if "keymap.toggle_read" in t]
        assert len(quit_taken) == 1 and config in quit_taken[0] and "q quits" in quit_taken[0]
        twice = [t for t in shown if "keymap.search" in t]
        assert len(twice) == 1 and "n is bound to both" in twice[0] and "next_quote" in twice[0]
        assert {r[3]: r[1] for r in app.binding_rows()}["toggle_read"] == "r"  # kept its own key
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0  # q still quits


async def test_quit_is_not_moved_onto_a_key_that_does_something_else(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path, '[keymap]\nquit = "n"\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert any("keymap.quit" in t and "n does something else" in t for t in toasts(app))
        app.reader.focus()
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.reader.current == 0  # n is still the next quote
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_good_keymap_gives_no_warning(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path, '[keymap]\nsearch = "ctrl+f"\nquit = "ctrl+x"\nlist_down = "down,j,ctrl+n"\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert toasts(app) == []


# --- the theme --------------------------------------------------------------------------------


async def test_the_chosen_theme_is_kept_in_the_config_file_and_restored(index_path, tmp_path):
    text = '# my settings\n[keymap]\nsearch = "ctrl+f"  # muscle memory\n'
    app = app_with_config(index_path, tmp_path, text)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"textual-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    saved = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert 'theme = "textual-light"' in saved
    assert "# my settings" in saved and 'search = "ctrl+f"  # muscle memory' in saved  # the rest kept as written
    again = app_with_config(index_path, tmp_path)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        assert toasts(again) == []


async def test_an_unknown_theme_in_the_config_warns(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path, 'theme = "no-such-theme"\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert any("no-such-theme" in t and "config.toml" in t for t in toasts(app))
        assert app.theme == "textual-dark"


# --- the palette and words --------------------------------------------------------------------


async def _palette_titles(pilot, query: str) -> list[str]:
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.5)
    options = pilot.app.screen.query_one(CommandList)
    titles = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return [t.plain.split("\n")[0] if hasattr(t, "plain") else str(t).split("\n")[0] for t in titles]


async def test_the_palette_lists_each_command_once(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        keys = await _palette_titles(pilot, "keys")
        assert [t for t in keys if t.strip() == "Keys"] == ["Keys"]
        themes = await _palette_titles(pilot, "theme")
        assert [t for t in themes if "theme" in t.lower()] == ["Theme"]


async def test_the_palette_says_1_quote_in_1_article(index_path, tmp_path):
    from textual.command import CommandList

    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"open speaker jane")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("1 quote in 1 article" in s for s in shown), shown
        assert not any("1 quotes" in s or "1 articles" in s for s in shown)


def test_plurals():
    assert plural(1, "quote") == "1 quote" and plural(2, "quote") == "2 quotes" and plural(0, "article") == "0 articles"
    assert plural(1_000, "result") == "1,000 results"
    assert quote_count_text(1, 1) == "1 quote in 1 article"
    assert quote_count_text(3, 2) == "3 quotes in 2 articles"


async def test_an_empty_search_says_nothing_was_found(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"xylophonequartz")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#search-status").render())
        assert status.startswith("No results for “xylophonequartz”")
        assert "0 results" not in status and "enter opens" not in status


# --- the article list scrolls by whole rows ---------------------------------------------------


def assert_whole_rows(app) -> None:
    lst = app.article_list
    top, height = int(lst.scroll_offset.y), lst.scrollable_content_region.height
    assert top % 2 == 0, f"scrolled to line {top}: the top row's title is cut off"
    assert top <= lst.cursor * 2 and lst.cursor * 2 + 2 <= top + height  # the cursor row in full view
    # On screen: the list's first line is the title of the row at the top, not a row's second line.
    first = screen_lines(app)[lst.content_region.y]
    title = lst.row(top // 2).title
    assert title[:10] in first, (first, title)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_article_list_scrolls_by_whole_rows(build_index, tmp_path, size):
    path = build_index(tmp_path / "index.db", extra=60)
    app = app_with_config(path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(20):
            await pilot.press("j")
            await pilot.pause()
            assert_whole_rows(app)
        assert app.article_list.cursor == 20 and app.article_list.scroll_offset.y > 0
        for key in ("G", "k", "ctrl+u", "ctrl+d", "g"):
            await pilot.press(key)
            await pilot.pause()
            assert_whole_rows(app)
        # Scrolling by a line (the mouse wheel, the scroll bar) moves to the next whole row.
        await pilot.press("G")
        await pilot.pause()
        bottom = int(app.article_list.scroll_offset.y)
        for _ in range(3):
            app.article_list.scroll_up(animate=False, immediate=True)
            await pilot.pause()
            assert int(app.article_list.scroll_offset.y) % 2 == 0
        assert int(app.article_list.scroll_offset.y) == bottom - 6


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_opening_from_search_shows_whole_rows(build_index, tmp_path, size):
    path = build_index(tmp_path / "index.db", extra=60)
    app = app_with_config(path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Filler article 000041")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.article.title == "Filler article 000041"
        assert app.article_list.cursor_row.title == "Filler article 000041"
        assert_whole_rows(app)


# --- reported speech ----------------------------------------------------------------------------


def test_only_a_direct_quote_is_shown_in_quotation_marks():
    from tui.app.sidebar import REPORTED, quote_excerpt, type_label

    assert quote_excerpt("we came as friends", "direct").plain == "“we came as friends”"
    reported = quote_excerpt("both sides should return to talks", "indirect")
    assert reported.plain == "both sides should return to talks"
    assert [span.style for span in reported.spans] == [REPORTED]
    assert (type_label("direct"), type_label("indirect"), type_label("mixed")) == (
        "direct quote", "reported speech", "partly quoted")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_speaker_view_never_puts_reported_speech_in_quotation_marks(index_path, tmp_path, size):
    from tui.app.screens import SpeakerQuoteList, SpeakerScreen

    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.reader.focus()
        await pilot.press("n", "n", "s")  # Lavrov's quote, then his quotes everywhere
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        rows = app.screen.query_one(SpeakerQuoteList)
        shown = {}
        for i in range(rows.count):
            head, *body = [line.plain.strip() for line in rows.render_row(i, 200, False)]
            shown[" ".join(body)] = head
        mixed = 'Moscow "values the partnership" and wants it to grow'
        assert mixed in shown and "partly quoted" in shown[mixed]  # no “…” around the writer's words
        assert "“we came as friends”" in shown and "direct quote" in shown["“we came as friends”"]
        text = "\n".join(screen_lines(app))
        assert "“Moscow" not in text and "partly quoted" in text


# --- the help screen --------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_help_wraps_descriptions_under_themselves_and_says_where_to_rebind(index_path, tmp_path, size):
    from textual.widgets import Static

    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        # From the start, not only after a scroll.
        assert "rebind" in str(box.border_subtitle) and "[keymap]" in str(box.border_subtitle)
        keys = list(app.screen.query(".help-keys").results(Static))
        texts = list(app.screen.query(".help-text").results(Static))
        assert len(keys) == len(texts) == len(app.binding_rows())
        column = texts[0].region.x
        assert all(t.region.x == column > k.region.x for k, t in zip(keys, texts, strict=True))
        # A long description wraps, and its next lines start in its own column.
        longest = [row[3] for row in app.binding_rows()].index("filter_speaker")  # the longest help
        box.scroll_to_widget(texts[longest], animate=False)
        await pilot.pause()
        wrapped = [line for line in screen_lines(app) if "click the legend" in line]
        assert wrapped and wrapped[0][: column].strip(" │╭╮╰╯─▌") == ""
        assert texts[longest].region.height >= 3


# --- small terminals, cut titles, the compact header ------------------------------------------

SPEAKERS = [
    "Daniel Okafor", "Mira Castellano", "Tomas Wrona", "Ana Costa", "Ebba Lindqvist", "Idris Falk",
    "Renate Okafor", "Tamsin Reval", "Joaquim Bell", "the shopkeepers on Brückenstraße in the old town",
]


def many_speakers_article():
    """An invented article quoting ten speakers, the first four times (one name very long)."""
    said = [(SPEAKERS[0], f"Point number {i} stands as it was.") for i in range(4)]
    said += [(name, f"We have something to add, number {i}.") for i, name in enumerate(SPEAKERS[1:])]
    body = "".join(f'"{text}" {name} said.\n\n' for name, text in said)
    quotes = [(name, text, "direct", name) for name, text in said]
    return ("many", "Ten people have something to say about the plans for the new harbour quay and its cranes",
            "Example News", "A. Writer", "2030-01-01", body, quotes)


@pytest.fixture
def many_path(build_index, tmp_path):
    return build_index(tmp_path / "many.db", articles=[many_speakers_article()])


def panes_of(app):
    from tui.app.panes import Panes

    return app.query_one(Panes).panes


def visible_panes(app) -> list[str]:
    return [pane.id for pane in panes_of(app) if pane.display]


@pytest.mark.parametrize("size, panes", [((50, 15), 1), ((60, 20), 2), ((77, 24), 2), ((80, 24), 3), ((120, 40), 3)],
                         ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else str(v))
async def test_small_terminals_show_fewer_panes_and_nothing_off_screen(index_path, tmp_path, size, panes):
    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(3):  # every pane in turn, by tab
            shown = [pane for pane in panes_of(app) if pane.display]
            assert len(shown) == panes and app.focused in shown
            for pane in shown:
                region = pane.region
                assert region.width >= 20 and region.right <= size[0] and region.bottom <= size[1] - 1
                assert pane.styles.border_top[0] == "round"  # the border drawn in full, inside the screen
            if panes == 1:
                assert shown[0].region.width == size[0]
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is app.article_list


async def test_one_pane_at_a_time_opens_an_article_in_the_reader(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert visible_panes(app) == ["list"]
        await pilot.press("j", "enter")
        await pilot.pause()
        assert visible_panes(app) == ["reader"] and app.focused is app.reader
        assert "Breaking" in app.reader.article.title
        await pilot.press("shift+tab")
        await pilot.pause()
        assert visible_panes(app) == ["list"]


async def test_two_panes_keep_the_side_pane_that_had_focus(index_path, tmp_path):
    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.pause()
        assert visible_panes(app) == ["list", "reader"]
        await pilot.press("tab", "tab")  # to the sidebar
        await pilot.pause()
        assert visible_panes(app) == ["list", "quotes"] and app.focused is app.sidebar
        await pilot.press("tab")  # back to the list: the sidebar stays beside it
        await pilot.pause()
        assert visible_panes(app) == ["list", "quotes"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert visible_panes(app) == ["list", "reader", "quotes"]


def border_title_line(app, widget) -> str:
    return screen_lines(app)[widget.region.y][widget.region.x : widget.region.right]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_name_is_cut_with_an_ellipsis_and_the_count_stays(many_path, tmp_path, size):
    app = app_with_config(many_path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        long_name = SPEAKERS[-1]
        app.set_speaker_filter(long_name)
        await pilot.pause()
        title = border_title_line(app, app.sidebar)
        assert "(1/13)" in title and "…" in title and long_name not in title
        # The legend cuts the long name too, and keeps its count.
        app.reader.toggle_legend()  # all of it
        await pilot.pause()
        legend = [c.plain for c in app.reader._header if "(1)" in c.plain]
        assert any("the shopkeepers" in line and "…" in line for line in legend), legend
        assert all(len(line) <= app.reader.scrollable_content_region.width for line in legend)


@pytest.mark.parametrize("size, most", [((80, 24), 7), ((120, 40), 9)], ids=["80x24", "120x40"])
async def test_a_ten_speaker_header_stays_compact_and_the_legend_unfolds(many_path, tmp_path, size, most):
    app = app_with_config(many_path, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = app.reader
        folded = len(reader._header)
        assert folded <= most  # the body starts on the first screen
        lines = [c.plain for c in reader._header]
        more = [line for line in lines if "+" in line]
        assert more and "more" in more[-1] or more[-1].rstrip()[-1].isdigit()
        assert reader.visible_text()[folded].startswith('"Point number 0')
        # Clicking "+N more" unfolds the legend: every speaker, then "fewer" folds it again.
        line_no, hits = next((y, h) for y, h in reader._legend_hits.items() if any(n.startswith("\0") for *_, n in h))
        x0 = next(x for x, _, n in hits if n.startswith("\0"))
        await pilot.click("#reader", offset=(2 + x0, 1 + line_no))
        await pilot.pause()
        unfolded = "\n".join(c.plain for c in reader._header)
        assert len(reader._header) > folded and "fewer" in unfolded
        assert all(name[:8] in unfolded for name in SPEAKERS)
        reader.toggle_legend()
        await pilot.pause()
        assert len(reader._header) == folded


# --- typed results from the screens ------------------------------------------------------------


async def test_the_search_screen_returns_a_typed_choice(index_path, tmp_path):
    from tui.app.screens import SearchChoice, SearchScreen

    app = app_with_config(index_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        chosen: list[SearchChoice | None] = []
        for keys in (["enter"], ["ctrl+s"], ["escape"]):
            app.push_screen(SearchScreen(app.search_service, "lavrov"), chosen.append)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
        opened, speaker, cancelled = chosen
        assert isinstance(opened, SearchChoice) and not opened.show_speaker and opened.hit.kind == "speaker"
        assert isinstance(speaker, SearchChoice) and speaker.show_speaker and speaker.hit.speaker_id is not None
        assert cancelled is None


# --- the config file, as functions --------------------------------------------------------------


def test_check_keymap_names_each_mistake_once_and_keeps_quitting():
    from tui.app.config import check_keymap

    bindings = [("Everywhere", "quit", "q"), ("Everywhere", "quit_ctrl", "ctrl+q"), ("Everywhere", "search", "slash"),
                ("Everywhere", "next_quote", "n"), ("Article list", "list_open", "enter"), ("Help", "help_close", "escape,q")]
    panes = {"Article list"}
    kept, problems = check_keymap({"search": "ctrl+f", "help_close": "escape,q,x"}, bindings, panes, None)
    assert kept == {"search": "ctrl+f", "help_close": "escape,q,x"} and problems == []  # q closes help: its own screen
    kept, problems = check_keymap({"list_open": "q", "bogus": "z", "search": "n"}, bindings, panes, Path("c.toml"))
    assert kept == {"search": "n"}
    assert problems == [
        'c.toml: keymap.bogus = "z": no binding has this id (? lists them)',
        'c.toml: keymap.list_open = "q": q quits, so list_open keeps "enter"',
        'c.toml: keymap.search = "n": n is bound to both search and next_quote',
    ]
    kept, problems = check_keymap({"quit": "x"}, bindings, panes, None)
    assert kept == {"quit": "x"} and problems == []  # quit may move to a free key


def test_save_theme_creates_the_file_and_refuses_to_rewrite_one_that_is_not_toml(tmp_path):
    from tui.app.config import load_config, save_theme

    path = tmp_path / "new" / "config.toml"
    save_theme(path, "nord")
    assert load_config(path).theme == "nord"
    broken = tmp_path / "broken.toml"
    broken.write_text("[keymap\nbroken", encoding="utf-8")
    with pytest.raises(ValueError):
        save_theme(broken, "nord")
    assert broken.read_text(encoding="utf-8") == "[keymap\nbroken"  # left as it was
