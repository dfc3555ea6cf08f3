"""A full disk loses nothing: the import stops with one line naming the cause, keeps what it
committed, and leaves an index the next run completes; the app says when a flag is not saved.

The disk fills for real: the child process runs with a file size limit (RLIMIT_FSIZE, and
SIGXFSZ ignored so that the write fails with EFBIG instead of killing it).
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap

from tui.app import make_app
from tui.index.db import open_index
from tui.index.importer import BULK_FROM

NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]


def size_limited(limit: int):
    def limit_child() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # stays ignored across exec
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    return limit_child


def import_(db, *targets, limit=None):
    return subprocess.run(
        [*NEWSREADER, "--db", str(db), "import", *map(str, targets)],
        capture_output=True, text=True, timeout=300, check=False,
        preexec_fn=size_limited(limit) if limit else None,
    )


def index_size(db) -> int:
    return sum(os.stat(f"{db}{suffix}").st_size for suffix in ("", "-wal") if os.path.exists(f"{db}{suffix}"))


def test_import_that_fills_the_disk_stops_cleanly_and_the_next_run_completes(tmp_path, write_articles, fingerprint, fts_in_sync):
    first = write_articles(tmp_path / "first", 20, month="May")
    second = write_articles(tmp_path / "second", BULK_FROM + 100, month="June")  # full-text indexing deferred
    db = tmp_path / "i.db"
    assert import_(db, first).returncode == 0
    before = fingerprint(open_index(db)[0])

    out = import_(db, second, limit=index_size(db) + 300_000)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith(f"Error: import stopped, cannot write {db}: the file size limit was reached")
    assert "committed before are kept" in lines[0]

    index, _ = open_index(db)  # a later run: the index opens and is whole
    assert index.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert fts_in_sync(index)
    articles, quotes = fingerprint(index)
    assert set(before[0]) <= set(articles) and set(before[1]) <= set(quotes)  # nothing committed is lost
    assert len(articles) < 20 + BULK_FROM + 100
    index.close()

    assert import_(db, second).returncode == 0
    clean = tmp_path / "clean.db"
    import_(clean, first)
    import_(clean, second)
    index = open_index(db)[0]
    assert fingerprint(index) == fingerprint(open_index(clean)[0])
    assert fts_in_sync(index)
    assert index.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0] == 0


APP_WITH_A_FULL_DISK = textwrap.dedent("""
    import asyncio, json, resource, signal, sys
    from tui.app import make_app

    db = sys.argv[1]

    async def main():
        app = make_app(db, config=db + ".toml", import_samples=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.RLIM_INFINITY))  # no write grows a file
            title = app.reader.border_title
            await pilot.press("f")
            await pilot.pause()
            app.start_import([sys.argv[2]])
            await pilot.app.workers.wait_for_complete()
            for _ in range(100):  # the import's message is handled after its worker ends: wait for it, boundedly
                await pilot.pause(0.05)
                if len(app._notifications) >= 2:
                    break
            print(json.dumps({"messages": [n.message for n in app._notifications], "title": title == app.reader.border_title}))

    asyncio.run(main())
""")


def test_app_says_when_a_star_or_an_import_cannot_be_saved_on_a_full_disk(tmp_path, build_index, write_articles):
    db = build_index(tmp_path / "index.db")
    src = write_articles(tmp_path / "src", 30)
    out = subprocess.run([sys.executable, "-c", APP_WITH_A_FULL_DISK, str(db), str(src)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    star, imported = result["messages"]
    assert star.startswith("Not saved: the file size limit was reached")
    assert result["title"]  # the reader does not show it starred
    assert imported.startswith("cannot write the index: the file size limit was reached")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT sum(starred), count(*) FROM articles").fetchone() == (0, 4)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_app_says_when_a_flag_cannot_be_saved(tmp_path, build_index):
    db = build_index(tmp_path / "index.db")
    app = make_app(db, config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.db.execute("PRAGMA query_only = 1")  # every write on the app's connection now fails
        app.article_list.focus()
        await pilot.press("f")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Not saved: the index is read-only"]
        assert not app.article_list.cursor_row.starred
        await pilot.press("enter")  # opening marks read: it cannot, and says so
        await pilot.pause()
        assert app.reader.article is not None and not app.reader.article.read
        assert [n.message for n in app._notifications][-1] == "Not saved: the index is read-only"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT sum(starred), sum(read) FROM articles").fetchone() == (0, 0)


