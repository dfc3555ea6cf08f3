"""SIGKILL during import, several times, then import again: same index as one clean import."""
import os
import random
import signal
import subprocess
import sys
import time

from tui.index.db import open_index

NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]


def run_import(db_path, src, kill_after=None):
    proc = subprocess.Popen([*NEWSREADER, "--db", str(db_path), "import", str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if kill_after is None:
        assert proc.wait(timeout=300) == 0
        return
    time.sleep(kill_after)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the writer and its workers
    proc.wait()


def test_killed_imports_end_in_the_same_index_as_a_clean_one(tmp_path, write_articles, fingerprint, fts_in_sync):
    src = write_articles(tmp_path / "src", 1500)
    clean_db = tmp_path / "clean.db"
    run_import(clean_db, src)
    crashed_db = tmp_path / "crashed.db"
    rng = random.Random(7)
    for _ in range(4):
        run_import(crashed_db, src, kill_after=rng.uniform(0.3, 2.0))
    run_import(crashed_db, src)
    clean, _ = open_index(clean_db)
    crashed, _ = open_index(crashed_db)
    assert fingerprint(crashed) == fingerprint(clean)
    orphans = crashed.execute(
        "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
    assert fts_in_sync(crashed)
    assert crashed.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reading_and_flagging_while_another_process_imports(tmp_path, write_articles):
    from tui.index import queries
    from tui.index.importer import BATCH

    # More than one batch: the import commits at least once before its end (a smaller one
    # may finish within its first second, in one transaction, and show nothing meanwhile).
    n = BATCH + 500
    src = write_articles(tmp_path / "src", n)
    db_path = tmp_path / "i.db"
    db, _ = open_index(db_path)
    proc = subprocess.Popen([*NEWSREADER, "--db", str(db_path), "import", str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen, flagged = set(), set()
    while proc.poll() is None:
        seen.add(queries.article_count(db))
        page = queries.article_page(db, 0, 5)
        if page:
            queries.set_flag(db, page[0].id, "read", True)  # a write from the reader
            flagged.add(page[0].id)
        time.sleep(0.01)
    assert proc.returncode == 0, proc.stderr.read()
    assert queries.article_count(db) == n
    assert any(0 < count < n for count in seen)  # articles appeared while the import ran
    assert flagged and all(queries.get_article(db, id_).read for id_ in flagged)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
