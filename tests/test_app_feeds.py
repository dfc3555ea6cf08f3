"""The app as a feed reader (Pilot): refresh against a local HTTP server, the feeds picker,
mark all read, sort, delete, the article's link; and a snapshot of the feeds picker."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.feed_server import FeedServer, rss, story
from tui.app import make_app
from tui.index.db import open_index
from tui.index.feeds import refresh, subscribe

SIZE = (120, 40)


@pytest.fixture
def server():
    s = FeedServer().start()
    yield s
    s.stop()


def app_for(path: Path, tmp_path: Path, **kw):
    return make_app(path, config=tmp_path / "none.toml", import_samples=kw.get("import_samples", False))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def messages(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


@pytest.fixture
def feed_index(tmp_path: Path, build_index):
    """Builds the fixture index with one subscription: (path, feed id)."""
    return lambda: _feed_index(tmp_path, build_index)


def _feed_index(tmp_path: Path, build_index) -> tuple[Path, int]:
    """The app fixtures' index, its two Example News articles in a subscribed feed."""
    path = build_index(tmp_path / "index.db")
    db, _ = open_index(path)
    subscribe(db, "https://harbour.example/feed.xml", "Harbour Wire")
    feed_id = db.execute("SELECT id FROM feeds").fetchone()[0]
    db.execute("UPDATE articles SET feed_id = ?, source = 'https://harbour.example/' || uid WHERE outlet = 'Example News'",
               [feed_id])
    db.execute("UPDATE feeds SET last_refresh = '2022-06-28T08:00:00+00:00', last_status = 'ok'")
    subscribe(db, "https://broken.example/rss", "Broken Feed")
    db.execute("UPDATE feeds SET last_status = 'failed', last_error = 'HTTP 404 Not Found' WHERE title = 'Broken Feed'")
    db.close()
    return path, feed_id


async def test_R_refreshes_in_a_worker_new_articles_land_and_a_failed_feed_says_why(server, tmp_path):
    good = server.route("/news.xml", rss("Harbour News", [story(1), story(2)]))
    missing = server.url("/gone.xml")
    path = tmp_path / "index.db"
    db, _ = open_index(path)
    subscribe(db, good)
    subscribe(db, missing)
    db.close()
    app = app_for(path, tmp_path)
    statuses: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        show = app.show_status
        app.show_status = lambda label, *a: (statuses.append(label), show(label, *a))[1]
        await pilot.pause()
        assert app.article_list.count == 0
        await pilot.press("R")
        await settle(pilot)
        assert app.article_list.count == 2
        assert {app.article_list.row(i).title for i in range(2)} == {
            "Harbour plan number 1 approved", "Harbour plan number 2 approved"}
        assert statuses[0] == "Refreshing feeds…"
        assert any(s.startswith("Refreshing feeds 1/2") for s in statuses)
        assert any(s.startswith((f"Refreshing feeds 1/2 · {good}: 2 new", f"Refreshing feeds 2/2 · {good}: 2 new"))
                   for s in statuses)
        said = messages(app)
        assert f"Feed failed: {missing}: HTTP 404 Not Found" in said
        assert "Refresh: 2 feeds: 2 new, 0 updated, 1 failed" in said
        assert not app.query_one("#status").display and not app.refreshing
        # The reader shows the open article's link.
        assert app.reader.article is not None
        assert any("http://example.invalid/story-" in line for line in app.reader.visible_text()[:4])


async def test_feeds_picker_filters_the_list_with_unread_counts_and_mark_all_read(tmp_path, feed_index):
    path, feed_id = feed_index()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        from tui.app.feeds import FeedsScreen

        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        labels = [f.name for f in screen.filters]
        assert labels == ["", "Broken Feed", "Harbour Wire", "Daily Example", "Evil \x1b[1mOutlet"]
        text = "\n".join(strip.text for strip in screen._compositor.render_strips())
        assert "4  All articles  of 4" in text and "2  Harbour Wire  of 2" in text
        assert "⚠ HTTP 404 Not Found" in text
        await pilot.press("down", "down", "enter")  # Broken Feed, then Harbour Wire
        await settle(pilot)
        lst = app.article_list
        assert lst.feed_id == feed_id and lst.count == 2
        assert "Articles · Harbour Wire (2)" in str(lst.border_title)
        assert [lst.row(i).title for i in range(2)] == ["Ministers meet ahead of Caspian summit", "Lavrov visits Baku"]
        await pilot.press("A")
        await pilot.pause()
        db, _ = open_index(path)
        assert db.execute("SELECT outlet, read FROM articles ORDER BY id").fetchall() == [
            ("Example News", 1), ("Evil \x1b[1mOutlet", 0), ("Daily Example", 0), ("Example News", 1)]
        db.close()
        assert "Mark all read" not in messages(app)[-1] and "Marked 2 articles read in Harbour Wire" in messages(app)[-1]
        # An outlet of imported files.
        await pilot.press("l")
        await settle(pilot)
        options = app.screen.query_one("#feeds-list")
        assert options.get_option_at_index(options.highlighted).id == "2"  # it opens on the feed shown
        await pilot.press("home", "down", "down", "down", "enter")  # it opens on the current feed
        await settle(pilot)
        assert lst.outlet == "Daily Example" and lst.count == 1
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert lst.feed_id is None and lst.outlet is None and lst.count == 4


async def test_sort_by_feed_and_title_keeps_the_cursor_on_its_article(tmp_path, feed_index):
    path, _ = feed_index()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lst = app.article_list
        await pilot.press("j")  # the markup article
        keep = lst.cursor_row.id
        await pilot.press("S")
        await pilot.pause()
        assert lst.sort == "feed"
        # Daily Example, Evil Outlet, then Harbour Wire (a feed's title, not its outlet)
        assert [lst.row(i).outlet for i in range(4)] == ["Daily Example", "Evil \x1b[1mOutlet", "Example News", "Example News"]
        assert lst.cursor_row.id == keep
        await pilot.press("S")
        await pilot.pause()
        assert lst.sort == "title"
        titles = [lst.row(i).title for i in range(4)]
        assert titles == sorted(titles, key=str.casefold)
        assert lst.cursor_row.id == keep and "by title" in str(lst.border_title)
        await pilot.press("S")
        await pilot.pause()
        assert lst.sort == "date" and lst.row(0).title == "Ministers meet ahead of Caspian summit"


async def test_delete_asks_then_removes_the_article_its_quotes_and_its_search_hits(tmp_path, feed_index):
    path, _ = feed_index()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.search_service.search("lavrov")  # warms the searcher's caches
        await pilot.press("G")  # Lavrov visits Baku
        assert app.article_list.cursor_row.title == "Lavrov visits Baku"
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert app.article_list.count == 4
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.article_list.count == 3
        db, _ = open_index(path)
        assert db.execute("SELECT count(*) FROM articles WHERE title = 'Lavrov visits Baku'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM quotes WHERE text = 'we came as friends'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'airport'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'friends'").fetchone()[0] == 0
        db.close()
        hits = app.search_service.search("came as friends")
        assert all(h.article_title != "Lavrov visits Baku" for h in hits)
        # Lavrov is still a speaker (of the Caspian article): his latest quote is there, not in the deleted one.
        lavrov = [h for h in app.search_service.search("sergey lavrov") if h.kind == "speaker"]
        assert lavrov and lavrov[0].article_title == "Ministers meet ahead of Caspian summit"


async def test_o_opens_the_link_in_the_browser_and_y_copies_it(tmp_path, monkeypatch, feed_index):
    path, _ = feed_index()
    opened: list[str] = []
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reader.article.link == "https://harbour.example/caspian"
        assert "https://harbour.example/caspian" in app.reader.visible_text()[2]
        await pilot.press("o")
        await pilot.press("y")
        await pilot.pause()
        assert opened == ["https://harbour.example/caspian"]
        assert app.clipboard == "https://harbour.example/caspian"
        await pilot.press("j")  # an article from a file: no link
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://harbour.example/caspian"]
        assert "no web link" in messages(app)[-1]


async def test_quitting_during_a_refresh_stops_it_and_keeps_what_was_written(server, tmp_path, monkeypatch):
    import asyncio
    import time

    from tui.index import feeds as feeds_module

    monkeypatch.setattr(feeds_module, "WORKERS", 1)

    path = tmp_path / "index.db"
    db, _ = open_index(path)
    subscribe(db, server.route("/fast.xml", rss("Fast", [story(1)])))
    for n in range(6):  # one at a time after the first: the refresh is still running when the app quits
        subscribe(db, server.route(f"/slow{n}.xml", rss(f"Slow {n}", [story(10 + n)]), delay=1.0))
    db.close()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.article_list.count_now():
                break
        started = time.monotonic()
    assert time.monotonic() - started < 5
    db, _ = open_index(path)
    refreshed = "SELECT count(*) FROM feeds WHERE last_refresh IS NOT NULL"
    at_quit = db.execute(refreshed).fetchone()[0]
    await asyncio.sleep(3)  # a refresh left running would write three more feeds meanwhile
    after = db.execute(refreshed).fetchone()[0]
    assert 1 <= at_quit <= after <= at_quit + 1 < 7  # at most the download under way when it quit
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == after


async def test_help_and_the_palette_list_the_feed_keys_and_the_palette_shows_a_feed(tmp_path, feed_index):
    path, feed_id = feed_index()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = {row[3]: row for row in app.binding_rows()}
        for binding_id, key in [("refresh_feeds", "R"), ("feeds", "l"), ("mark_all_read", "A"), ("sort", "S"),
                                ("delete_article", "D"), ("open_link", "o"), ("copy_link", "y")]:
            assert rows[binding_id][1] == key and rows[binding_id][2] and rows[binding_id][4]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"show feed harbour")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.article_list.feed_id == feed_id and app.article_list.count == 2


async def test_an_index_the_user_emptied_gets_no_samples(tmp_path):
    path = tmp_path / "index.db"
    db, _ = open_index(path)
    db.execute("DELETE FROM newsreader_meta")  # what any import does
    db.close()
    app = app_for(path, tmp_path, import_samples=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.importing and app.article_list.count == 0


async def test_refresh_of_a_real_feed_then_open_it_from_the_picker(server, tmp_path, build_index):
    feed = server.route("/news.xml", rss("Harbour News", [story(1)]))
    path = build_index(tmp_path / "index.db")
    db, _ = open_index(path)
    subscribe(db, feed)
    refresh(db, timeout=5)
    db.close()
    app = app_for(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        lst = app.article_list
        assert lst.count == 1 and lst.row(0).title == "Harbour plan number 1 approved"
        await pilot.press("enter")
        await pilot.pause()
        assert [q.speaker for q in app.reader.quotes] == ["Mara Quill"]


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_feeds_picker_snapshot(snap_compare, tmp_path, size, feed_index):
    path, _ = feed_index()
    app = app_for(path, tmp_path)

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


