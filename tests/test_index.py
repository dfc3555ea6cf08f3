"""The index: schema, opening rules, idempotent import, speaker merging, FTS."""
import os
import sqlite3
import subprocess
import sys

import pytest

from tui.index import queries
from tui.index.db import SCHEMA_VERSION, IndexUnavailable, open_index, transaction
from tui.index.importer import import_sources
from tui.index.speakers import SpeakerRegistry, name_key

def test_new_index_has_schema_wal_and_fts(tmp_path):
    db, read_only = open_index(tmp_path / "i.db")
    assert not read_only
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"articles", "speakers", "quotes", "articles_fts", "quotes_fts"} <= set(db.table_names())
    assert db["articles"].detect_fts() == "articles_fts"


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my precious notes, not a database\n" * 10)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(IndexUnavailable, match="not a newsreader index"):
        open_index(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not (tmp_path / "notes.db-wal").exists()


def test_other_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE inventory (item TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(IndexUnavailable, match="not a newsreader index"):
        open_index(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.db"
    db, _ = open_index(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(IndexUnavailable) as err:
        open_index(path)
    assert f"version {SCHEMA_VERSION + 5}" in str(err.value)
    assert f"version {SCHEMA_VERSION}" in str(err.value)


def test_read_only_index_opens_read_only(tmp_path, monkeypatch, write_articles):
    path = tmp_path / "ro.db"
    db, _ = open_index(path)
    import_sources(db, [str(write_articles(tmp_path / "src", 2))])
    db.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    db, read_only = open_index(path)
    assert read_only
    assert queries.article_count(db) == 2
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM articles")


def test_import_is_idempotent_and_updates_changed_articles(tmp_path, write_articles, fingerprint, fts_in_sync):
    src = write_articles(tmp_path / "src", 5)
    db, _ = open_index(tmp_path / "i.db")
    first = import_sources(db, [str(src)])
    assert (first.added, first.updated, first.unchanged, first.failed) == (5, 0, 0, [])
    snapshot = fingerprint(db)
    again = import_sources(db, [str(src)])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert fingerprint(db) == snapshot
    changed = (src / "a002.txt").read_text(encoding="utf-8").replace("May", "June")
    (src / "a002.txt").write_text(changed + "\nA late paragraph.\n", encoding="utf-8")
    changed = import_sources(db, [str(src)])
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 4)
    assert queries.article_count(db) == 5
    hits = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'June'").fetchone()[0]
    assert hits == 1
    assert fts_in_sync(db)


def test_readers_see_a_long_import_arrive_transaction_by_transaction(tmp_path, monkeypatch, write_articles):
    from tui.index import importer

    monkeypatch.setattr(importer, "COMMIT_EVERY_S", 0.0)  # every article comes after the deadline
    src = write_articles(tmp_path / "src", 5)
    path = tmp_path / "i.db"
    db, _ = open_index(path)
    seen = []

    def peek(done, total):
        reader = sqlite3.connect(path)
        seen.append(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
        reader.close()

    import_sources(db, [str(src)], progress=peek)
    assert importer.BATCH > 5
    assert seen == [1, 2, 3, 4, 5]


def test_an_article_deleted_by_another_program_during_an_import_is_written_again(tmp_path, monkeypatch, write_articles, fts_in_sync):
    from tui.index import importer

    monkeypatch.setattr(importer, "BATCH", 7)
    monkeypatch.setattr(importer, "COMMIT_EVERY_S", float("inf"))
    monkeypatch.setattr(importer, "PARALLEL_FROM", 10_000)  # in this process
    src = write_articles(tmp_path / "src", 20)
    (src / "z.txt").symlink_to(src / "a000.txt")  # the same article again, last
    path = tmp_path / "i.db"
    db, _ = open_index(path)

    def delete_first(done, total):
        if done == 14:  # just after a commit: the importer holds no lock
            other, _ = open_index(path)
            (aid,) = other.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()
            with transaction(other.conn):
                other.execute("DELETE FROM quotes WHERE article_id = ?", [aid])
                other.execute("DELETE FROM articles WHERE id = ?", [aid])
            other.close()

    summary = import_sources(db, [str(src)], progress=delete_first)
    assert summary.added == 21 and not summary.failed
    assert queries.article_count(db) == 20
    assert db.execute("SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    assert fts_in_sync(db)


def test_failures_are_reported_and_the_rest_is_imported(tmp_path, write_articles):
    src = write_articles(tmp_path / "src", 3)
    (src / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    db, _ = open_index(tmp_path / "i.db")
    summary = import_sources(db, [str(src), str(tmp_path / "missing.txt")])
    assert summary.added == 3
    failed = {os.path.basename(s): reason for s, reason in summary.failed}
    assert set(failed) == {"broken.txt", "empty.txt", "missing.txt"}
    assert all(reason for reason in failed.values())


def test_quotes_are_stored_with_offsets_into_the_body(tmp_path, write_articles):
    src = write_articles(tmp_path / "src", 1)
    db, _ = open_index(tmp_path / "i.db")
    import_sources(db, [str(src)])
    (article_id,) = db.execute("SELECT id FROM articles").fetchone()
    article = queries.get_article(db, article_id)
    quotes = queries.article_quotes(db, article_id)
    assert article.quote_count == len(quotes) > 0
    for q in quotes:
        assert article.body[q.start:q.end] == q.text
        for m in q.mentions:
            assert article.body[m.start:m.end] == m.text
    assert any(q.speaker == "Tomas Wrona" for q in quotes)


def test_sqlite_utils_can_search_the_index_as_is(tmp_path, write_articles):
    src = write_articles(tmp_path / "src", 2)
    path = tmp_path / "i.db"
    db, _ = open_index(path)
    import_sources(db, [str(src)])
    db.close()
    out = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "search", str(path), "articles", "cranes", "-c", "title"],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("title") == 2


def test_speakers_merge_across_articles_but_namesakes_stay_apart(tmp_path):
    db, _ = open_index(tmp_path / "i.db")
    reg = SpeakerRegistry(db)
    full = reg.resolve("Jeyhun Bayramov")
    assert reg.resolve("Bayramov") == full
    assert reg.resolve("Sergey Lavrov") == reg.resolve("Sergei Lavrov")
    anna, piotr = reg.resolve("Anna Novak"), reg.resolve("Piotr Novak")
    assert anna != piotr
    assert reg.resolve("a government spokesperson") is None
    # A bare surname seen first takes the full name when it arrives.
    short = reg.resolve("Okafor")
    assert reg.resolve("Chidi Okafor") == short
    assert queries.speaker_name(db, short) == "Chidi Okafor"
    # A bare surname shared by two people stays apart, and never absorbs a full name later.
    bare_novak = reg.resolve("Novak")
    assert bare_novak not in (anna, piotr)
    assert reg.resolve("Anna Novak") == anna and reg.resolve("Novak") == bare_novak
    assert reg.resolve("Ewa Novak") not in (anna, piotr, bare_novak)
    # The merge survives a new registry (a later import).
    assert SpeakerRegistry(db).resolve("Sergei Lavrov") == reg.resolve("Sergey Lavrov")


def test_name_key_ignores_case_accents_and_punctuation():
    assert name_key("José  Ángel O'Neill") == name_key("jose angel o neill")


def test_an_older_schema_migrates_and_keeps_its_articles(tmp_path, fts_in_sync):
    from tui.index.db import _create_v1
    from tui.index.search import Searcher

    # A version 1 index, as the first release made it, with an article in it.
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    import sqlite_utils

    _create_v1(sqlite_utils.Database(conn))
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles (uid, source, title, body, content_hash) "
        "VALUES ('u1', 's', 'Harbour cranes arrive', 'The cranes arrived on Monday.', 'h')"
    )
    conn.close()
    db, _ = open_index(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert db["articles"].columns_dict["error"] is str and db["quotes"].columns_dict["rule"] is str
    assert queries.article_count(db) == 1
    hits = Searcher(db).search("crnaes")
    assert hits and hits[0].article_title == "Harbour cranes arrive"
    assert fts_in_sync(db)
