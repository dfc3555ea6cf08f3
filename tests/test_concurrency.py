"""The app open while other newsreader processes use the same index: no change is lost.

Real processes: the app runs here (with every connection it holds: its own, the
search's, its importer's), and `newsreader import`, `search` and `speakers` run as
other processes meanwhile.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tui.app import make_app

NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]
SIZE = (120, 40)


def newsreader(db: Path, *args) -> subprocess.CompletedProcess:
    out = subprocess.run([*NEWSREADER, "--db", str(db), *map(str, args)], check=False, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out


def started(db: Path, *args) -> subprocess.Popen:
    return subprocess.Popen([*NEWSREADER, "--db", str(db), *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def article(folder: Path, name: str, title: str, day: int, word: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(
        f"{title}\n\n2026-04-{day:02d}\n\nHarbour master Lena Brandt said the {word} would dock on Friday.\n\n"
        f'"We have cleared the berth for the {word}," Brandt said.\n',
        encoding="utf-8",
    )
    return path


def deleted_index_files(db: Path) -> list[str]:
    """This process's open files that are the index's and deleted: the WAL or shared memory
    another process removed because this one's locks were gone."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(db)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def flags_in_a_fresh_process(db: Path) -> dict[str, tuple[int, int]]:
    code = (
        "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "print(json.dumps({t: [r, s] for t, r, s in c.execute('SELECT title, read, starred FROM articles')}))"
    )
    import json

    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True)
    return {t: (r, s) for t, (r, s) in json.loads(out.stdout).items()}


async def test_no_change_is_lost_while_other_processes_use_the_index(tmp_path):
    db = tmp_path / "index.db"
    src = tmp_path / "src"
    for i in range(4):
        article(src, f"old{i}", f"Old story {i}", i + 1, "ferry")
    newsreader(db, "import", src)

    app = make_app(db, config=tmp_path / "none.toml", import_samples=False)
    expected: dict[str, tuple[int, int]] = {}

    async def toggle(key: str) -> None:
        row = app.article_list.cursor_row
        await pilot.press(key)
        await pilot.pause()
        read, starred = expected.get(row.title, (int(row.read), int(row.starred)))
        expected[row.title] = (1 - read, starred) if key == "r" else (read, 1 - starred)
        assert not deleted_index_files(db)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.article_list.focus()
        # The app's search and its importer open their own connections, as a user's first
        # search and in-app import do.
        assert app.search_service.search("ferry")
        app.start_import([str(article(tmp_path / "inapp", "inapp", "In-app story", 9, "ketch"))])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await toggle("f")

        # Other processes: an import, a search and a speakers listing, each the last to close.
        newsreader(db, "import", article(tmp_path / "new", "new", "Schooner arrives", 20, "schooner"))
        assert "Schooner arrives" in newsreader(db, "search", "schooner").stdout
        assert "Lena Brandt" in newsreader(db, "speakers").stdout
        assert not deleted_index_files(db)

        await pilot.press("j")
        await toggle("r")
        await toggle("f")
        newsreader(db, "speakers")
        await pilot.press("j")
        await toggle("f")
        await toggle("r")
        newsreader(db, "search", "ferry")
        assert not deleted_index_files(db)

        # What the other process imported shows in the list and in the search.
        app.poll_index()
        await pilot.pause()
        titles = [app.article_list.row(i).title for i in range(app.article_list.count)]
        assert "Schooner arrives" in titles and "In-app story" in titles
        hits = app.search_service.search("schooner")
        assert any(h.article_title == "Schooner arrives" for h in hits)
        await toggle("f")  # after the search, too
        newsreader(db, "speakers")
        assert not deleted_index_files(db)

        # Changes made while another process is importing (and committing) at the same time.
        many = tmp_path / "many"
        for i in range(150):
            article(many, f"m{i:03d}", f"Barge report {i}", i % 28 + 1, "barge")
        running = started(db, "import", many)
        while running.poll() is None:
            await pilot.press("j")
            await toggle("r")
        assert running.wait() == 0, running.stderr.read()
        assert not deleted_index_files(db)
        app.poll_index()
        await pilot.pause()
        assert app.article_list.count == 156

    assert expected and any(s for _, s in expected.values()) and any(r for r, _ in expected.values())
    final = flags_in_a_fresh_process(db)
    for title, flags in expected.items():
        assert final[title] == flags, title
    assert len(final) == 156
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("articles_fts", "quotes_fts", "articles_title_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
    conn.close()


def test_an_import_is_not_stopped_by_flags_set_meanwhile(tmp_path):
    """Another connection commits all the time (a reader marking articles read) while an
    import runs: the import waits for its turn to write instead of failing with SQLITE_BUSY."""
    import threading

    from tui.index import queries
    from tui.index.db import open_index
    from tui.index.importer import import_sources

    db_path = tmp_path / "index.db"
    newsreader(db_path, "import", article(tmp_path / "first", "first", "First story", 1, "ferry"))
    src = tmp_path / "src"
    for i in range(60):
        article(src, f"s{i:02d}", f"Story {i}", i % 28 + 1, "barge")
    reader, _ = queries.connect(db_path)
    first = queries.article_page(reader, 0, 1)[0].id
    stop = threading.Event()
    writes = 0

    def mark_and_unmark() -> None:
        nonlocal writes
        while not stop.is_set():
            queries.set_flag(reader, first, "read", writes % 2 == 0)
            writes += 1

    thread = threading.Thread(target=mark_and_unmark)
    thread.start()
    try:
        db, _ = open_index(db_path)
        summary = import_sources(db, [str(src)], workers=1)
    finally:
        stop.set()
        thread.join()
    assert summary.added == 60 and writes > 10
    assert queries.article_count(db) == 61
    db.close()
    reader.close()


def test_two_imports_of_the_same_files_at_once_both_succeed(tmp_path, fingerprint, fts_in_sync):
    """While one import reads its sources, another process imports the same files: the first
    finds their articles taken when it writes, and counts them unchanged instead of failing."""
    from tui.index.db import open_index
    from tui.index.importer import import_sources

    src = tmp_path / "src"
    for i in range(12):
        article(src, f"s{i:02d}", f"Story {i}", i + 1, "barge")
    db_path = tmp_path / "index.db"
    db, _ = open_index(db_path)
    others = []

    def meanwhile(done: int, total: int) -> None:
        if done == 1:  # this import has read one source and written nothing yet
            others.append(newsreader(db_path, "import", src).stdout)

    summary = import_sources(db, [str(src)], progress=meanwhile, workers=1)
    assert others == ["12 added, 0 updated, 0 unchanged, 0 failed\n"]
    assert (summary.added, summary.updated, summary.unchanged, summary.failed) == (0, 0, 12, [])
    clean, _ = open_index(tmp_path / "clean.db")
    import_sources(clean, [str(src)])
    assert fingerprint(db) == fingerprint(clean)
    assert fts_in_sync(db) and db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    clean.close()


def test_an_import_never_reads_the_index_or_its_files_as_articles(tmp_path):
    """An index named without a suffix looks like a text file; reading it (or its WAL) as an
    article would open and close it outside SQLite while this process's connection is live."""
    from tui.index.db import open_index
    from tui.index.importer import import_sources

    folder = tmp_path / "news"
    article(folder, "story", "A story", 1, "ferry")
    db, _ = open_index(folder / "index")
    summary = import_sources(db, [str(folder)])
    assert summary.added == 1
    failed = dict(summary.failed)
    assert set(failed) == {str(folder / "index"), str(folder / "index-wal"), str(folder / "index-shm")}
    assert all("the index itself" in reason for reason in failed.values())
    assert not deleted_index_files(folder / "index")
    db.close()


def test_search_sees_new_words_of_an_article_imported_again(tmp_path):
    """The app's search keeps the vocabulary in memory: an article changed by another
    process (same id, new words) must become findable by its new words."""
    from tui.index.db import open_index
    from tui.index.search import Searcher

    db_path = tmp_path / "index.db"
    path = article(tmp_path / "src", "story", "Harbour news", 1, "ferry")
    newsreader(db_path, "import", path)
    db, _ = open_index(db_path)
    searcher = Searcher(db)
    assert searcher.search("ferry") and not searcher.search("zeppelin")
    article(tmp_path / "src", "story", "Harbour news", 1, "zeppelin")
    assert "1 updated" in newsreader(db_path, "import", path).stdout
    assert any(h.article_title == "Harbour news" for h in searcher.search("zeppelin"))
    searcher.close()
    db.close()


