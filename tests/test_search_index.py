"""The index side of search: deferred FTS for large imports stays in sync, even when cut short."""
import sqlite3

import pytest

from tui.index import importer
from tui.index import db as index_db
from tui.index.db import open_index
from tui.index.importer import import_sources
from tui.index.search import Searcher

FTS = ("articles_fts", "quotes_fts", "articles_title_fts")


def in_sync(db):
    for table in FTS:
        db.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
    counts = db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'cranes'),"
        " (SELECT count(*) FROM articles_title_fts WHERE articles_title_fts MATCH 'quay'),"
        " (SELECT count(*) FROM quotes), (SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ships OR cranes')"
    ).fetchone()
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[3] > 0 and counts[4] > 0
    return True


def segments(db):
    """How many segments each FTS table's index has (FTS5 keeps one row per segment and leaf in x_idx)."""
    return [db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] for table in FTS]


@pytest.fixture
def small_bulk(monkeypatch):
    monkeypatch.setattr(importer, "BULK_FROM", 10)
    monkeypatch.setattr(importer, "BATCH", 7)
    monkeypatch.setattr(importer, "COMMIT_EVERY_S", float("inf"))  # commits at 7, 14, ... articles only
    monkeypatch.setattr(importer, "INDEX_EVERY", 14)  # indexed in steps along the way, too
    monkeypatch.setattr(importer, "PARALLEL_FROM", 10_000)  # in this process, so that it can be interrupted


def test_bulk_import_defers_fts_and_ends_in_sync(tmp_path, small_bulk, write_articles):
    src = write_articles(tmp_path / "src", 40)
    db, _ = open_index(tmp_path / "i.db")
    import_sources(db, [str(src)])
    assert db.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0] == 0
    assert in_sync(db)
    assert db["articles"].detect_fts() == "articles_fts"
    # Updating a flag leaves FTS alone; re-importing changed articles keeps it in sync.
    db.execute("UPDATE articles SET read = 1")
    write_articles(src, 40, month="June")
    import_sources(db, [str(src)])
    assert in_sync(db)
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'June'").fetchone()[0] == 40


def test_interrupted_bulk_import_is_indexed_on_next_open(tmp_path, small_bulk, write_articles, fingerprint):
    src = write_articles(tmp_path / "src", 40)
    path = tmp_path / "i.db"
    db, _ = open_index(path)

    def stop(done, total):
        if done == 20:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_sources(db, [str(src)], progress=stop)
    committed = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < committed < 40
    assert db.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0] == 1
    db.close()
    db, _ = open_index(path)  # finishes the indexing the import left pending
    assert db.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0] == 0
    assert in_sync(db)
    assert any(h.kind == "title" for h in Searcher(db).search("quay"))
    # ... and importing again completes the rest, same as a clean import.
    import_sources(db, [str(src)])
    assert in_sync(db)
    clean, _ = open_index(tmp_path / "clean.db")
    import_sources(clean, [str(src)])
    assert fingerprint(db) == fingerprint(clean)


def test_pending_fts_is_left_alone_while_an_import_holds_the_lock(tmp_path, small_bulk, write_articles):
    src = write_articles(tmp_path / "src", 40)
    path = tmp_path / "i.db"
    db, _ = open_index(path)
    seen = {}

    def peek(done, total):
        if done == 20 and not seen:
            other, _ = open_index(path)  # e.g. the app, while the import runs
            seen["pending"] = other.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0]
            other.close()

    import_sources(db, [str(src)], progress=peek)
    assert seen["pending"] == 1
    assert in_sync(db)


def test_deleting_a_pending_article_keeps_fts_consistent(tmp_path, small_bulk, write_articles):
    src = write_articles(tmp_path / "src", 30)
    path = tmp_path / "i.db"
    db, _ = open_index(path)

    def delete_one(done, total):
        if done == 21:  # just after a commit (and no indexing step): the importer holds no lock
            other = sqlite3.connect(path, isolation_level=None)
            other.execute("PRAGMA busy_timeout = 5000")
            (aid,) = other.execute("SELECT max(id) FROM articles").fetchone()
            other.execute("BEGIN IMMEDIATE")
            other.execute("DELETE FROM quotes WHERE article_id = ?", [aid])
            other.execute("DELETE FROM articles WHERE id = ?", [aid])
            other.execute("COMMIT")
            other.close()

    import_sources(db, [str(src)], progress=delete_one)
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')")
    db.execute("INSERT INTO articles_title_fts(articles_title_fts) VALUES('integrity-check')")


def test_a_large_import_is_searchable_in_steps_while_it_runs(tmp_path, small_bulk, write_articles):
    src = write_articles(tmp_path / "src", 40)
    db, _ = open_index(tmp_path / "i.db")
    seen = []

    def peek(done, total):
        if done in (22, 36):  # after the steps at 14 and 28 articles
            indexed = db.execute("SELECT count(*) FROM articles_title_fts WHERE articles_title_fts MATCH 'quay'").fetchone()[0]
            seen.append(indexed)

    import_sources(db, [str(src)], progress=peek)
    assert seen == [14, 28]
    assert in_sync(db)


def test_each_indexing_step_of_a_large_import_makes_one_fts_segment(tmp_path, small_bulk, monkeypatch, write_articles):
    src = write_articles(tmp_path / "src", 40)
    db, _ = open_index(tmp_path / "i.db")
    import_sources(db, [str(src)])
    assert segments(db) == [3, 3, 3]  # the steps at 14 and 28 articles, and the end
    assert in_sync(db)
    # FTS5's own 1 MiB default would cut a step of real articles into many: so do 2 KB here.
    monkeypatch.setattr(index_db, "FTS_HASH_BYTES", 2000)
    small, _ = open_index(tmp_path / "small.db")
    import_sources(small, [str(src)])
    assert all(n > 3 for n in segments(small))
    assert in_sync(small)
