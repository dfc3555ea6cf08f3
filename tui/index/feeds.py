"""Subscriptions in the index: the feeds table, and refreshing every feed at once.

`refresh` downloads feeds on a bounded thread pool (each with its own timeout), and
writes what comes back from the calling thread, one feed at a time, through the
importer (`import_articles`), so quotes are extracted as for any import. One
broken feed is reported with its reason and never stops the others.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.index.db import samples_not_due, transaction
from tui.sources.model import Article, SourceError

if TYPE_CHECKING:
    import sqlite_utils

WORKERS = 8  # feeds downloaded at once


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str
    site_url: str
    added_at: str
    last_refresh: str
    last_status: str
    last_error: str
    etag: str
    last_modified: str
    full_text: bool
    unread: int = 0
    total: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url


_FEED_COLUMNS = ("id, url, title, site_url, added_at, last_refresh, last_status, last_error, etag, "
                 "last_modified, full_text")


def _feed(r) -> Feed:
    return Feed(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "", r[7] or "",
                r[8] or "", r[9] or "", bool(r[10]), *(r[11:13] if len(r) > 11 else ()))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def feeds(db) -> list[Feed]:
    """Every subscription with its unread and total article counts, by name."""
    rows = db.execute(
        f"SELECT {_FEED_COLUMNS}, "
        "(SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id AND a.read = 0), "
        "(SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id) "
        "FROM feeds ORDER BY coalesce(nullif(title, ''), url) COLLATE NOCASE, id"
    ).fetchall()
    return [_feed(r) for r in rows]


def feed_by_url(db, url: str) -> Feed | None:
    row = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", [url]).fetchone()
    return _feed(row) if row else None


def outlets(db) -> list[tuple[str, int, int]]:
    """(outlet, unread, total) of the articles that came from no feed (imported files and pages)."""
    return db.execute(
        "SELECT outlet, sum(read = 0), count(*) FROM articles WHERE feed_id IS NULL "
        "GROUP BY outlet ORDER BY outlet = '', outlet COLLATE NOCASE"
    ).fetchall()


def subscribe(db, url: str, title: str = "", site_url: str = "", full_text: bool = False) -> bool:
    """Add a subscription; False when the URL is already subscribed (its row is left as it is)."""
    with transaction(db.conn):
        cursor = db.execute(
            "INSERT INTO feeds (url, title, site_url, added_at, full_text) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (url) DO NOTHING",
            [url, title, site_url, now(), int(full_text)],
        )
        samples_not_due(db.conn)
    return cursor.rowcount == 1


def unsubscribe(db, url: str, delete_articles: bool = False) -> int | None:
    """Remove a subscription: None if there is none at url, else how many articles were deleted.
    Kept articles stay in the index, belonging to no feed."""
    from tui.index.queries import delete_articles as delete

    feed = feed_by_url(db, url)
    if feed is None:
        return None
    with transaction(db.conn):
        deleted = 0
        if delete_articles:
            ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE feed_id = ?", [feed.id])]
            deleted = delete(db.conn, ids)
        db.execute("UPDATE articles SET feed_id = NULL WHERE feed_id = ?", [feed.id])
        db.execute("DELETE FROM feeds WHERE id = ?", [feed.id])
    return deleted


def set_full_text(db, url: str, on: bool) -> bool:
    return db.execute("UPDATE feeds SET full_text = ? WHERE url = ?", [int(on), url]).rowcount == 1


# --- refresh ---------------------------------------------------------------------------


@dataclass
class FeedResult:
    url: str  # as it was when the refresh began
    status: str  # "ok", "not modified" or "failed"
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str = ""
    moved_to: str = ""  # a permanent redirect's new address, now the stored URL
    full_text_failed: int = 0  # entries whose page could not be fetched (their summary is kept)

    def line(self) -> str:
        """One line for the user, naming the feed by its URL."""
        if self.status == "failed":
            return f"failed        {self.url}: {self.error}"
        moved = f" (moved permanently to {self.moved_to})" if self.moved_to else ""
        if self.status == "not modified":
            return f"not modified  {self.url}{moved}"
        pages = f", {self.full_text_failed} pages not fetched" if self.full_text_failed else ""
        return (f"ok            {self.url}{moved}: {self.added} new, {self.updated} updated, "
                f"{self.unchanged} unchanged{pages}")


@dataclass
class _Download:
    feed: Feed
    error: str = ""
    status: int = 0
    moved_to: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str = ""
    site_url: str = ""
    articles: list[Article] = field(default_factory=list)
    full_text_failed: int = 0


Progress = Callable[[FeedResult, int, int], None]  # (result, feeds done, feeds in all)


def refresh(
    db: sqlite_utils.Database,
    urls: list[str] | None = None,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> list[FeedResult]:
    """Refresh the subscriptions (all, or those at `urls`), newest entries imported as they land."""
    from tui.sources import subscriptions as subs

    chosen = [f for f in feeds(db) if urls is None or f.url in urls]
    known: dict[int, set[str]] = {}
    for f in chosen:
        if f.full_text:  # pages are fetched for new entries only
            known[f.id] = {r[0] for r in db.execute("SELECT uid FROM articles WHERE feed_id = ?", [f.id])}
    results: list[FeedResult] = []
    if not chosen:
        return results
    pool = ThreadPoolExecutor(max_workers=max(1, min(workers or WORKERS, len(chosen))), thread_name_prefix="feed")
    try:
        futures = [pool.submit(_download, f, known.get(f.id), timeout or subs.TIMEOUT) for f in chosen]
        for done, future in enumerate(as_completed(futures), 1):
            result = _store(db, future.result())
            results.append(result)
            if progress:
                progress(result, done, len(chosen))  # may raise to stop the refresh (the app closing)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # stopped early: downloads not begun are dropped
    return results


def _download(feed: Feed, known: set[str] | None, timeout: float) -> _Download:
    """Download and parse one feed (in a pool thread: no database here)."""
    from tui.sources import subscriptions as subs

    d = _Download(feed)
    try:
        fetched = subs.fetch(feed.url, feed.etag or None, feed.last_modified or None, timeout=timeout)
        d.status, d.moved_to = fetched.status, fetched.moved_to
        d.etag, d.last_modified = fetched.etag, fetched.last_modified
        if fetched.status == 304:
            return d
        d.title, d.articles = subs.feed_articles(subs.feed_text(fetched), d.moved_to or feed.url)
        if known is not None:
            d.full_text_failed = subs.add_full_text(d.articles, known, timeout)
    except SourceError as e:
        d.error = str(e)
    except Exception as e:  # noqa: BLE001 (a bug in a parser: reported for this feed, the others go on)
        d.error = f"could not be read ({type(e).__name__}: {e})"
    return d


def _store(db: sqlite_utils.Database, d: _Download) -> FeedResult:
    """Write one feed's download: its articles and the outcome of the refresh."""
    from tui.index.importer import import_articles

    feed = d.feed
    result = FeedResult(feed.url, "failed", error=d.error)
    try:
        if d.moved_to and d.moved_to != feed.url and not d.error and _move(db, feed, d.moved_to):
            result.moved_to = d.moved_to
        if not d.error and d.status != 304:
            summary = import_articles(db, d.articles, feed.id)
            result.status = "ok"
            result.added, result.updated, result.unchanged = summary.added, summary.updated, summary.unchanged
            result.full_text_failed = d.full_text_failed
        elif not d.error:
            result.status = "not modified"
    except sqlite3.Error as e:  # busy or full: this feed's articles wait for the next refresh
        result.status, result.error = "failed", f"could not be saved: {e}"
    ok = result.status != "failed"
    db.execute(
        "UPDATE feeds SET last_refresh = ?, last_status = ?, last_error = ?, "
        "etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END, "
        "title = CASE WHEN title = '' THEN ? ELSE title END, "
        "site_url = CASE WHEN site_url = '' THEN ? ELSE site_url END WHERE id = ?",
        [now(), result.status, result.error or None, ok, d.etag, ok, d.last_modified, d.title, d.site_url, feed.id],
    )
    return result


def _move(db: sqlite_utils.Database, feed: Feed, new_url: str) -> bool:
    """A permanent redirect: the feed's stored URL, and its articles' uids, follow it."""
    if feed_by_url(db, new_url) is not None:
        return False  # already subscribed at the new address: leave both as they are
    old = feed.url + "#"
    with transaction(db.conn):
        db.execute("UPDATE feeds SET url = ? WHERE id = ?", [new_url, feed.id])
        db.execute(
            "UPDATE OR IGNORE articles SET uid = ? || substr(uid, ?) WHERE feed_id = ? AND substr(uid, 1, ?) = ?",
            [new_url + "#", len(old) + 1, feed.id, len(old), old],
        )
    return True
