"""The app's start: its opener, what it loads, and what waits until after the first paint."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tui.app import make_app
from tui.index import queries
from tui.index.db import SCHEMA_VERSION, IndexUnavailable


def test_connect_opens_a_ready_index_as_it_is_without_sqlite_utils(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    code = (
        "import sys\n"
        "from tui.index.queries import article_count, connect\n"
        f"conn, read_only = connect({str(path)!r})\n"
        "print(article_count(conn), read_only, 'sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4", "False", "False"]


def test_connect_creates_a_new_index(tmp_path):
    conn, read_only = queries.connect(tmp_path / "new" / "index.db")
    assert not read_only
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert queries.article_count(conn) == 0


def test_connect_refuses_what_open_index_refuses(tmp_path, build_index):
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"my precious notes, not a database\n" * 10)
    before = (notes.read_bytes(), notes.stat().st_mtime_ns)
    with pytest.raises(IndexUnavailable, match="not a newsreader index"):
        queries.connect(notes)
    assert (notes.read_bytes(), notes.stat().st_mtime_ns) == before
    newer = build_index(tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(IndexUnavailable, match="newer"):
        queries.connect(newer)


def test_connect_opens_a_file_it_may_not_write_read_only(tmp_path, monkeypatch, build_index):
    path = build_index(tmp_path / "index.db")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    conn, read_only = queries.connect(path)
    assert read_only
    assert queries.article_count(conn) == 4
    with pytest.raises(sqlite3.OperationalError):
        queries.set_flag(conn, 1, "read", True)


def test_unread_pages_walk_the_newest_first_index(tmp_path, build_index):
    # On the read index SQLite would sort every unread article before the first page.
    path = build_index(tmp_path / "index.db", extra=300)
    conn, _ = queries.connect(path)
    queries.set_flag(conn, queries.article_page(conn, 0, 1)[0].id, "read", True)
    statements = []
    conn.set_trace_callback(statements.append)
    page = queries.article_page(conn, 0, 100, unread_only=True)
    conn.set_trace_callback(None)
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + statements[-1]))
    assert "TEMP B-TREE" not in plan and "idx_articles_dated" in plan
    expected = conn.execute(
        f"SELECT id FROM articles WHERE read = 0 ORDER BY {queries.NEWEST_FIRST} LIMIT 100"
    ).fetchall()
    assert [r.id for r in page] == [r[0] for r in expected]


# Modules the first screen does not use: search, import, the quote engine, the other screens.
NOT_AT_START = ["sqlite_utils", "rapidfuzz", "tui.index.search", "tui.index.importer", "tui.quotes.engine",
                "tui.app.screens", "textual.widgets._progress_bar", "tomlkit", "trafilatura"]


def test_the_app_starts_without_loading_what_its_first_screen_does_not_use(tmp_path, build_index):
    # Search's modules and caches load after the first paint, in a worker (the warm-up).
    path = build_index(tmp_path / "index.db")
    code = (
        "import asyncio, sys\n"
        "from tui.app import make_app\n"
        "at_paint = None\n"
        "async def main():\n"
        "    global at_paint\n"
        f"    app = make_app({str(path)!r}, config={str(tmp_path / 'none.toml')!r}, import_samples=False)\n"
        "    display = app._display\n"
        "    def painted(screen, renderable):\n"
        "        global at_paint\n"
        "        if at_paint is None and renderable is not None and not app._batch_count:\n"
        f"            at_paint = [m for m in {NOT_AT_START!r} if m in sys.modules]\n"
        "        display(screen, renderable)\n"
        "    app._display = painted\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        await app.workers.wait_for_complete()\n"
        "        assert app.reader.article is not None and app.sidebar.option_count == 3\n"
        "        assert app.search_service._searcher is not None  # warmed after the paint\n"
        "asyncio.run(main())\n"
        "print(','.join(at_paint))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


async def test_first_paint_comes_before_the_articles_are_counted(tmp_path, monkeypatch, build_index):
    from tui.app import article_list

    path = build_index(tmp_path / "index.db")
    events = []
    count = article_list.article_count
    monkeypatch.setattr(article_list, "article_count", lambda *a, **k: events.append("count") or count(*a, **k))
    app = make_app(path, config=tmp_path / "none.toml", import_samples=False)
    display = app._display

    def painted(screen, renderable) -> None:  # where each frame goes to the terminal
        if renderable is not None and not app._batch_count:
            events.append("paint")
        display(screen, renderable)

    app._display = painted
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.reader.article.title == "Ministers meet ahead of Caspian summit"
        assert app.article_list.count == 4
        assert app.article_list.border_title == "Articles (4)"
    assert "count" in events and events.index("paint") < events.index("count")


