"""Subscriptions, refresh and OPML, against a real HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.feed_server import FeedServer, rss, story
from tui.cli import cli
from tui.index import queries as Q
from tui.index.db import SCHEMA_VERSION, open_index
from tui.index.feeds import feed_by_url, feeds, refresh, subscribe


@pytest.fixture
def server():
    s = FeedServer().start()
    yield s
    s.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "index.db"


def run(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)


def count(db_path: Path, sql: str, *params) -> int:
    db, _ = open_index(db_path)
    try:
        return db.execute(sql, params).fetchone()[0]
    finally:
        db.close()


# --- schema ------------------------------------------------------------------------------


def test_a_v2_index_made_by_the_previous_code_upgrades_in_place(tmp_path):
    import sqlite_utils

    from tui.index.db import _create_v1, _migrate_v2

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db = sqlite_utils.Database(conn)
    _create_v1(db)
    _migrate_v2(db)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO articles (uid, source, title, body, content_hash, imported_at) "
                 "VALUES ('u1', 's', 'Harbour cranes arrive', 'The cranes arrived on Monday.', 'h', '')")
    conn.close()
    db, _ = open_index(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    indexes = {i.name for i in db["quotes"].indexes}
    assert "idx_quotes_speaker_article" in indexes and "idx_quotes_speaker_id" not in indexes
    columns = {c.name for c in db["articles"].columns}
    assert {"feed_id", "error"} <= columns
    assert db["feeds"].exists() and Q.article_count(db) == 1
    assert not Q.samples_due(db)  # an existing index never gets the samples
    assert db.execute("SELECT feed_id FROM articles").fetchone()[0] is None
    # sqlite-utils still sees the FTS table and the new foreign key.
    assert db["articles"].detect_fts() == "articles_fts"
    assert any(fk.other_table == "feeds" for fk in db["articles"].foreign_keys)
    db.close()


def test_undated_articles_sort_by_import_time_above_older_dated_ones(tmp_path, db_path):
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2022-06-27 By Example\n\nA dated story about the port. \"It is busy,\" Mara Quill said.\n",
                     encoding="utf-8")
    undated = tmp_path / "undated.md"
    undated.write_text("# An undated note\n\nWritten without a date. \"It is quiet,\" Mara Quill said.\n", encoding="utf-8")
    assert run(db_path, "import", str(dated)).exit_code == 0
    assert run(db_path, "import", str(undated)).exit_code == 0
    db, _ = open_index(db_path)
    titles = [r.title for r in Q.article_page(db, 0, 10)]
    assert titles[0] == "An undated note"
    undated_id = db.execute("SELECT id FROM articles WHERE title = 'An undated note'").fetchone()[0]
    assert Q.article_position(db, undated_id) == 0
    # the speaker view lists her quotes in the same order as the list, the undated one first
    speaker = db.execute("SELECT id FROM speakers WHERE name = 'Mara Quill'").fetchone()[0]
    assert [sq.article_title for sq in Q.speaker_quotes(db, speaker)] == ["An undated note", titles[1]]
    assert Q.speaker_quote_ids(db, speaker) == [sq.quote.id for sq in Q.speaker_quotes(db, speaker)]


def test_samples_are_due_on_a_new_index_only_never_after_emptying(tmp_path, db_path):
    db, _ = open_index(db_path)
    assert Q.samples_due(db)
    db.close()
    note = tmp_path / "note.txt"
    note.write_text("A short note.\n", encoding="utf-8")
    assert run(db_path, "import", str(note)).exit_code == 0
    db, _ = open_index(db_path)
    assert not Q.samples_due(db)
    Q.delete_article(db, db.execute("SELECT id FROM articles").fetchone()[0])
    assert Q.article_count(db) == 0 and not Q.samples_due(db)


# --- add / feeds / remove ----------------------------------------------------------------


def test_add_checks_the_url_is_a_feed_and_finds_the_feed_a_page_links_to(server, db_path):
    feed = server.route("/news.xml", rss("Harbour News", [story(1)]))
    page = server.route("/", b'<html><head><title>Harbour</title><link rel="alternate" '
                             b'type="application/rss+xml" href="/other.xml"></head><body>Hi</body></html>',
                        content_type="text/html")
    server.route("/other.xml", rss("Other News", [story(2)]))
    bare = server.route("/plain", b"<html><body>No feed here</body></html>", content_type="text/html")
    result = run(db_path, "add", feed, page, bare, server.url("/missing.xml"))
    assert result.exit_code == 1
    assert f"subscribed: {feed}" in result.output and "Harbour News" in result.output
    assert f"subscribed: {server.url('/other.xml')} (found on {page})" in result.output
    assert f"failed: {bare}: not a feed, and the page links to no feed" in result.stderr
    assert "missing.xml: HTTP 404 Not Found" in result.stderr
    result = run(db_path, "add", feed)
    assert "already subscribed" in result.output
    listing = run(db_path, "feeds").output.splitlines()
    assert listing[0].split() == ["url", "title", "unread", "last_refresh", "error"]
    assert len(listing) == 3 and "never" in listing[1]


def test_refresh_imports_entries_with_quotes_and_feeds_lists_unread(server, db_path):
    feed = server.route("/news.xml", rss("Harbour News", [story(1), story(2, "Ilse Varn")]))
    run(db_path, "add", feed)
    result = run(db_path, "refresh")
    assert result.exit_code == 0, result.output
    assert f"ok            {feed}: 2 new, 0 updated, 0 unchanged" in result.output
    assert "1 feed: 2 new articles, 0 updated, 0 failed" in result.output
    db, _ = open_index(db_path)
    f = feed_by_url(db, feed)
    rows = db.execute("SELECT uid, source, feed_id, quote_count FROM articles ORDER BY uid").fetchall()
    assert [r[0] for r in rows] == [f"{feed}#story-1", f"{feed}#story-2"]
    assert all(r[2] == f.id and r[3] == 1 for r in rows)  # quotes extracted through the importer
    assert rows[0][1] == "http://example.invalid/story-1"  # the entry's link
    speakers = {r[0] for r in db.execute("SELECT speaker FROM quotes")}
    assert speakers == {"Mara Quill", "Ilse Varn"}
    assert f.last_status == "ok" and f.last_error == "" and f.last_refresh
    line = run(db_path, "feeds").output.splitlines()[1]
    assert feed in line and "Harbour News" in line and " 2 " in line and f"{f.last_refresh[:10]} " in line
    # Again: nothing new, nothing duplicated.
    result = run(db_path, "refresh")
    assert "0 new, 0 updated, 2 unchanged" in result.output
    assert count(db_path, "SELECT count(*) FROM articles") == 2


def test_relative_entry_links_are_resolved_against_the_feed_url(server, db_path):
    body = rss("Harbour News", [story(1), story(2)], link="/news/").replace(
        b"<link>/news/story-2</link>", b"<link>https://elsewhere.example/story-2</link>")
    feed = server.route("/feeds/news.xml", body)
    run(db_path, "add", feed)
    assert run(db_path, "refresh").exit_code == 0
    sources = [r[0] for r in open_index(db_path)[0].execute("SELECT source FROM articles ORDER BY uid")]
    assert sources == [server.url("/news/story-1"), "https://elsewhere.example/story-2"]


def test_etag_brings_a_304_and_nothing_is_downloaded_again(server, db_path):
    feed = server.route("/news.xml", rss("Harbour News", [story(1)]), etag='"v1"')
    run(db_path, "add", feed)
    assert run(db_path, "refresh").exit_code == 0
    result = run(db_path, "refresh")
    assert f"not modified  {feed}" in result.output
    assert server.requests["/news.xml"][-1].get("If-None-Match") == '"v1"'
    db, _ = open_index(db_path)
    assert feed_by_url(db, feed).last_status == "not modified"


def test_permanent_redirect_updates_the_stored_url_and_a_temporary_one_does_not(server, db_path):
    server.route("/new.xml", rss("Moved News", [story(1)]))
    old = server.redirect("/old.xml", "/new.xml", 301)
    server.route("/b.xml", rss("Temp News", [story(2)]))
    temp = server.redirect("/temp.xml", "/b.xml", 302)
    db, _ = open_index(db_path)
    subscribe(db, old)
    subscribe(db, temp)
    results = {r.url: r for r in refresh(db, timeout=5)}
    assert results[old].status == "ok" and results[old].moved_to == server.url("/new.xml")
    assert results[temp].status == "ok" and results[temp].moved_to == ""
    urls = {f.url for f in feeds(db)}
    assert urls == {server.url("/new.xml"), temp}
    uids = {r[0] for r in db.execute("SELECT uid FROM articles")}
    assert uids == {server.url("/new.xml") + "#story-1", temp + "#story-2"}
    # The next refresh asks the new address directly, and finds what it has.
    results = refresh(db, timeout=5)
    assert {r.url for r in results} == {server.url("/new.xml"), temp}
    assert all(r.unchanged == 1 for r in results)


def test_one_broken_feed_never_stops_the_others_and_each_says_why(server, db_path):
    good = server.route("/good.xml", rss("Good News", [story(1)]))
    slow = server.route("/slow.xml", rss("Slow News", [story(2)]), delay=3)
    server_error = server.route("/500.xml", b"oops", status=500, content_type="text/plain")
    missing = server.url("/404.xml")
    invalid = server.route("/invalid.xml", b"<?xml version='1.0'?><rss><channel><title>Broken</ti")
    wrong = server.route("/image.xml", b"\x89PNG\r\n\x1a\nabc", content_type="image/png")
    huge = server.route("/huge.xml", b"<rss>" + b" " * (50 * 1024 * 1024))
    html = server.route("/page.xml", b"<!doctype html><html><body>A page</body></html>", content_type="text/html")
    db, _ = open_index(db_path)
    for url in (good, slow, server_error, missing, invalid, wrong, huge, html):
        subscribe(db, url)
    db.close()
    result = run(db_path, "refresh", "--timeout", "1")
    assert result.exit_code == 1
    out = result.output
    assert f"ok            {good}: 1 new" in out
    assert f"failed        {slow}: timed out: 127.0.0.1 sent nothing for 1 s" in out
    assert f"failed        {server_error}: HTTP 500 Internal Server Error" in out
    assert f"failed        {missing}: HTTP 404 Not Found" in out
    assert f"failed        {invalid}: malformed feed" in out
    assert f"failed        {wrong}: not a feed: the server sent image/png" in out
    assert f"failed        {huge}: too large: 50 MB (the limit is 10 MB)" in out
    assert f"failed        {html}: not a feed: an HTML page" in out
    assert "8 feeds: 1 new articles, 0 updated, 7 failed" in out
    db, _ = open_index(db_path)
    errors = {f.url: f.last_error for f in feeds(db)}
    assert errors[good] == "" and errors[missing] == "HTTP 404 Not Found"
    assert Q.article_count(db) == 1
    db.close()
    server.stop()
    result = run(db_path, "refresh", good)
    assert f"failed        {good}: connection refused by 127.0.0.1:" in result.output


def test_a_body_over_the_cap_without_a_length_is_cut_off_while_reading(server):
    from tui.sources import SourceError
    from tui.sources import subscriptions as subs

    url = server.route("/big.xml", b"<rss>" + b"x" * 5000, send_length=False)
    with pytest.raises(SourceError, match="too large: over 1,000 bytes"):
        subs.fetch(url, max_bytes=1000)
    assert subs.fetch(url, max_bytes=6000).data.startswith(b"<rss>")


def test_remove_keeps_articles_unless_asked_and_deleting_keeps_search_consistent(server, db_path):
    feed = server.route("/news.xml", rss("Harbour News", [story(1), story(2)]))
    other = server.route("/other.xml", rss("Other News", [story(3)]))
    run(db_path, "add", feed, other)
    run(db_path, "refresh")
    result = run(db_path, "remove", feed)
    assert result.exit_code == 0 and "its articles are kept" in result.output
    assert count(db_path, "SELECT count(*) FROM articles WHERE feed_id IS NULL") == 2
    result = run(db_path, "remove", other, "--delete-articles")
    assert f"removed: {other} and its 1 article" in result.output
    assert count(db_path, "SELECT count(*) FROM articles") == 2
    assert count(db_path, "SELECT count(*) FROM quotes") == 2
    assert count(db_path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'plan'") == 2
    assert count(db_path, "SELECT count(*) FROM quotes_fts") == 2
    assert count(db_path, "SELECT count(*) FROM articles_title_fts WHERE articles_title_fts MATCH 'harbour'") == 2
    result = run(db_path, "remove", other)
    assert result.exit_code == 1 and "not subscribed" in result.stderr


def test_full_text_feeds_fetch_each_new_entrys_page(server, db_path):
    page = ("<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
            + "<p>The council met for a long session on Tuesday evening to discuss the plan.</p>" * 3
            + '<p>"We will build the new quay this year," Mara Quill said after the vote.</p>'
            + "</article></body></html>").encode()
    server.route("/story-1", page, content_type="text/html")
    feed = server.route("/news.xml", rss("Summaries", [("story-1", "Harbour plan", "Short teaser.")],
                                         link=server.url("/")))
    result = run(db_path, "add", "--full-text", feed)
    assert result.exit_code == 0
    run(db_path, "refresh")
    db, _ = open_index(db_path)
    body, quotes = db.execute("SELECT body, quote_count FROM articles").fetchone()
    assert "new quay" in body and quotes == 1


# --- OPML --------------------------------------------------------------------------------

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Harbour News" title="Harbour News" type="rss" xmlUrl="{a}"/>
  <outline text="World">
    <outline text="Deep" title="Deep" type="rss" xmlUrl="{b}"/>
    <outline text="Deeper"><outline text="Third &amp; Last" type="rss" xmlUrl="{c}"/></outline>
  </outline>
</body></opml>
"""


def test_opml_import_subscribes_nested_outlines_and_export_round_trips(server, tmp_path, db_path):
    a, b, c = (server.url(p) for p in ("/a.xml", "/b.xml", "/c.xml?x=1&y=2"))
    subs = tmp_path / "subs.opml"
    subs.write_text(OPML.format(a=a, b=b, c=c.replace("&", "&amp;")), encoding="utf-8")
    result = run(db_path, "import", str(subs))
    assert result.exit_code == 0, result.output
    assert "3 subscribed, 0 already subscribed" in result.output
    db, _ = open_index(db_path)
    assert {(f.url, f.title) for f in feeds(db)} == {(a, "Harbour News"), (b, "Deep"), (c, "Third & Last")}
    db.close()
    exported = tmp_path / "out.opml"
    assert run(db_path, "export", "--opml", "-o", str(exported)).exit_code == 0
    other = tmp_path / "other.db"
    result = run(other, "import", str(exported))
    assert "3 subscribed" in result.output
    db2, _ = open_index(other)
    assert {(f.url, f.title) for f in feeds(db2)} == {(a, "Harbour News"), (b, "Deep"), (c, "Third & Last")}
    # On stdout, the same outlines as the first index's.
    assert _outlines(run(other, "export", "--opml").output) == _outlines(run(db_path, "export", "--opml").output)


def _outlines(opml: str) -> list[str]:
    return [line for line in opml.splitlines() if "<outline" in line]


def test_a_broken_opml_file_is_one_clear_line(tmp_path, db_path):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline text='x'", encoding="utf-8")
    result = run(db_path, "import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"failed: {bad}: not an OPML subscription list")
    assert "Traceback" not in result.output + result.stderr


def test_an_opml_list_served_over_http_subscribes_too(server, db_path):
    a, b = server.url("/a.xml"), server.url("/b.xml")
    url = server.route("/subs.opml", OPML.format(a=a, b=b, c=server.url("/c.xml")).encode(), content_type="text/x-opml")
    result = run(db_path, "import", url)
    assert result.exit_code == 0, result.output
    assert "3 subscribed" in result.output
    assert count(db_path, "SELECT count(*) FROM feeds") == 3


def test_add_full_text_to_an_existing_subscription_turns_it_on(server, db_path):
    feed = server.route("/news.xml", rss("Harbour News", [story(1)]))
    run(db_path, "add", feed)
    assert count(db_path, "SELECT full_text FROM feeds") == 0
    result = run(db_path, "add", "--full-text", feed)
    assert "pages will be fetched from now on" in result.output
    assert count(db_path, "SELECT full_text FROM feeds") == 1


def test_every_order_and_filter_puts_each_article_where_its_page_shows_it(tmp_path):
    db, _ = open_index(tmp_path / "i.db")
    subscribe(db, "https://a.example/feed")
    feed_id = db.execute("SELECT id FROM feeds").fetchone()[0]
    rows = [  # title, outlet, published, imported_at, read, feed
        ("beta", "Zed", "2022-01-02", "2026-01-01T00:00:00+00:00", 0, None),
        ("Alpha", "Zed", "2022-01-02", "2026-01-01T00:00:00+00:00", 1, None),
        ("alpha", "abc", "", "2026-01-03T00:00:00+00:00", 0, None),
        ("Gamma", "Abc", "", "2026-01-03T00:00:00+00:00", 0, feed_id),
        ("delta", "Abc", "2021-05-05", "2026-01-02T00:00:00+00:00", 1, feed_id),
        ("Beta", "", "2023-03-03", "2026-01-02T00:00:00+00:00", 0, None),
    ]
    for n, (title, outlet, published, imported_at, read, feed) in enumerate(rows):
        db.execute("INSERT INTO articles (uid, source, title, outlet, published, body, content_hash, imported_at, "
                   "read, feed_id) VALUES (?, 's', ?, ?, ?, 'text', 'h', ?, ?, ?)",
                   [f"u{n}", title, outlet, published, imported_at, read, feed])
    views = [{}, {"feed_id": feed_id}, {"outlet": "Zed"}, {"outlet": ""}]
    for sort in Q.SORTS:
        for unread in (False, True):
            for view in views:
                page = Q.article_page(db, 0, 100, unread, sort=sort, **view)
                assert len(page) == Q.article_count(db, unread, **view)
                for position, row in enumerate(page):
                    assert Q.article_position(db, row.id, unread, sort=sort, **view) == position, (sort, unread, view)
    by_date = [r.title for r in Q.article_page(db, 0, 100)]
    assert by_date == ["Gamma", "alpha", "Beta", "Alpha", "beta", "delta"]  # undated: by import time, newest first
    assert [r.title for r in Q.article_page(db, 0, 100, sort="title")] == ["Alpha", "alpha", "beta", "Beta", "delta", "Gamma"]
    assert Q.article_position(db, 999, sort="title") is None


def test_a_server_trickling_its_body_times_out_as_a_whole(server, monkeypatch):
    from tui.sources import SourceError
    from tui.sources import subscriptions as subs
    from tui.sources import web

    url = server.route("/drip.xml", b"<rss>" + b" " * 300_000)
    clock = iter(range(0, 1000, 2))  # every look at the clock: two seconds later
    monkeypatch.setattr(web, "monotonic", lambda: next(clock))
    with pytest.raises(SourceError, match="timed out after 3 s"):
        subs.fetch(url, timeout=3)


def test_an_empty_or_binary_body_is_not_a_feed(server, db_path):
    empty = server.route("/empty.xml", b"", content_type="application/xml")
    binary = server.route("/bin.xml", b"\x00\x01\x02" * 100, content_type="application/xml")
    db, _ = open_index(db_path)
    subscribe(db, empty)
    subscribe(db, binary)
    errors = {r.url: r.error for r in refresh(db, timeout=5)}
    assert errors == {empty: "not a feed: empty content", binary: "not a feed: binary content"}
