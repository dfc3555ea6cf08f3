"""Import: sources in, articles and their quotes committed to the index.

Reading and quote extraction run in worker processes for large imports; one
writer commits batches in transactions, so an interruption never leaves half an
article. Importing again skips unchanged articles and re-extracts changed ones.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import multiprocessing.pool
import os
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

import sqlite_utils

from tui.index.db import defer_fts, finish_pending_fts, import_lock_path, samples_not_due, transaction
from tui.index.search import terms_of
from tui.index.speakers import SpeakerRegistry
from tui.quotes import Quote, extract
from tui.sources import NOT_AN_ARTICLE, Article, SourceError, discover, read

# Articles per transaction, at most: each commit rewrites every index page its articles
# touched (uid and speaker ids land all over their indexes), so large batches pay off as
# the index grows. A transaction also ends after COMMIT_EVERY_S seconds, so that readers
# see a long import's articles arrive.
BATCH = 2000
COMMIT_EVERY_S = 1.0
PARALLEL_FROM = 64  # sources; fewer are read in this process
# Sources; a larger import defers full-text indexing to its end (one statement per
# FTS table: about twice as fast as indexing article by article).
BULK_FROM = 1000
# ... in steps of this many articles, so that indexing overlaps with reading and
# extraction (which keep the workers busy meanwhile) instead of all coming at the end.
INDEX_EVERY = 10_000
IMPORT_CACHE_KIB = 64 * 1024


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0  # files in a folder that are not articles (a saved page's .css, .js, images)
    # (source, article title, reason): articles kept with their text, whose quotes could not be extracted
    extraction_failed: list[tuple[str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        """ "3 added, 0 updated, 1 unchanged, 0 failed" (and ", 4 skipped: not articles" when some were,
        ", 1 kept without quotes (extraction failed)" when an article's extraction failed)."""
        line = f"{self.added:,} added, {self.updated:,} updated, {self.unchanged:,} unchanged, {len(self.failed):,} failed"
        if self.skipped:
            line += f", {self.skipped:,} skipped: not articles"
        if self.extraction_failed:
            line += f", {len(self.extraction_failed):,} kept without quotes (extraction failed)"
        return line


@dataclass
class Prepared:
    article: Article
    content_hash: str
    # None: unchanged since the last import, nothing to write. Else the quotes as rows
    # (speaker, text, type, cue, start, end, cue_start, cue_end, mentions as JSON, rule, how),
    # made in the worker: the one writer has the least to do.
    quotes: list[tuple] | None
    terms: set[str] = field(default_factory=set)  # the words of title and body, for search
    error: str | None = None  # why quote extraction failed (a bug in the engine): the article is kept


Progress = Callable[[int, int], None]  # (sources done, sources in all)


def content_hash(a: Article) -> str:
    h = hashlib.sha1()
    for part in (a.title, a.outlet, a.author, a.published, a.body):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


# uid -> content hash of what the index holds; set before the worker pool forks.
_known: dict[str, str] = {}
# A large import (FTS deferred): the vocabulary is counted from the index at its end.
_bulk = False


_json = json.JSONEncoder(ensure_ascii=False).encode


def _quote_row(q: Quote) -> tuple:
    mentions = _json([[m.text, m.start, m.end] for m in q.mentions]) if q.mentions else "[]"
    return (q.speaker, q.text, q.type, q.cue, q.start, q.end, q.cue_start, q.cue_end, mentions, q.rule, q.how)


def _extract_rows(body: str) -> tuple[list[tuple], str | None]:
    """The quote rows of one article, or none and why: a bug in the engine costs that article's
    quotes only, and is recorded with it (the one place that catches what `extract` raises)."""
    try:
        return [_quote_row(q) for q in extract(body)], None
    except Exception as e:
        return [], f"quote extraction failed ({type(e).__name__}: {e})"


def _prepare(source: str) -> tuple[str, list[Prepared] | str]:
    """Read one source and extract quotes from what changed. Runs in a worker."""
    try:
        articles = read(source)
    except SourceError as e:
        return source, str(e)
    except Exception as e:  # a bug in a reader must not end the whole import
        return source, f"could not be read ({type(e).__name__}: {e})"
    return source, _prepare_articles(articles)


def _prepare_articles(articles: list[Article]) -> list[Prepared]:
    """Extract quotes from the articles that changed since the last import."""
    prepared = []
    for a in articles:
        h = content_hash(a)
        if _known.get(a.uid) == h:
            prepared.append(Prepared(a, h, None))
        else:
            rows, error = _extract_rows(a.body)
            prepared.append(Prepared(a, h, rows, set() if _bulk else terms_of(a.title, a.body), error))
    return prepared


def _prepared_stream(sources: list[str], workers: int):
    if len(sources) < PARALLEL_FROM or workers <= 1:
        yield from map(_prepare, sources)
        return
    with _Pool(workers, context=multiprocessing.get_context("fork")) as pool:
        yield from pool.imap(_prepare, sources, chunksize=8)


class _Pool(multiprocessing.pool.Pool):
    """The stock pool also wakes its worker-keeping thread whenever results wait to be read,
    and that thread spins until they are: ~0.1 ms of the writer's CPU per article. Like the
    ThreadPool, this one wakes it for pool changes only (and for workers that exit)."""

    def _get_sentinels(self):
        return [self._change_notifier._reader]


def import_sources(
    db: sqlite_utils.Database,
    targets: Iterable[str],
    progress: Progress | None = None,
    workers: int | None = None,
) -> ImportSummary:
    summary = ImportSummary()
    sources = []
    own = _index_files(db)
    for source, problem in discover(targets):
        if not problem and os.path.realpath(source) in own:
            problem = "is the index itself (or one of its files), not an article"
        if problem == NOT_AN_ARTICLE:
            summary.skipped += 1
        elif problem:
            summary.failed.append((source, problem))
        else:
            sources.append(source)
    global _known, _bulk
    indexed = db.execute("SELECT uid, id, content_hash FROM articles").fetchall()
    _known = {uid: h for uid, _, h in indexed}
    ids = {uid: id_ for uid, id_, _ in indexed}  # and the articles this import adds
    speakers = SpeakerRegistry(db)
    workers = workers or os.cpu_count() or 1
    batch: list[Prepared] = []
    unindexed = 0
    bulk = _bulk = len(sources) >= BULK_FROM
    lock = _ImportLock(db) if bulk else None
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    commit_at = time.monotonic() + COMMIT_EVERY_S
    try:
        with transaction(db.conn):
            finish_pending_fts(db)  # what an import cut short left unindexed
            if bulk:
                defer_fts(db)
        for done, (source, result) in enumerate(_prepared_stream(sources, workers), 1):
            if isinstance(result, str):
                summary.failed.append((source, result))
            else:
                batch += result
            if len(batch) >= BATCH or (batch and time.monotonic() >= commit_at):
                unindexed += len(batch)
                index_step = bulk and unindexed >= INDEX_EVERY
                _commit(db, ids, speakers, batch, summary, index_step, last=False)
                if index_step:
                    unindexed = 0
                commit_at = time.monotonic() + COMMIT_EVERY_S
            if progress:
                progress(done, len(sources))
        _commit(db, ids, speakers, batch, summary, bulk, last=True)
        if summary.added:
            with transaction(db.conn):
                samples_not_due(db.conn)
    finally:
        _known = {}
        _bulk = False
        db.execute(f"PRAGMA cache_size = {cache_size}")
        if lock:
            lock.release()
    return summary


def _index_files(db: sqlite_utils.Database) -> set[str]:
    """The index file and the files SQLite and we keep beside it. Reading one of them as an
    article would open and close it outside SQLite, which drops the locks of this process's
    connections to the index (see tui.index.db._check_file)."""
    path = _index_path(db)
    if not path:
        return set()
    path = os.path.realpath(path)
    return {path, *(f"{path}-{suffix}" for suffix in ("wal", "shm", "journal")), str(import_lock_path(path))}


def _index_path(db: sqlite_utils.Database) -> str:
    return next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")


def _commit(
    db: sqlite_utils.Database, ids: dict[str, int], speakers: SpeakerRegistry, batch: list[Prepared],
    summary: ImportSummary, index: bool, last: bool,
) -> None:
    """Write a batch of articles in one transaction, and empty it. The write lock is held while
    writing only, not while sources are read: a read or star in the app waits for one batch at most.
    (IMMEDIATE, as `transaction` begins: a transaction that read before writing could not write
    once another process had committed, and would fail at once, without waiting.)

    index: index what waits for full-text indexing (a large import), and, unless `last`,
    start waiting again; the last step also counts the vocabulary's words afresh.
    """
    with transaction(db.conn):
        _write_batch(db, ids, speakers, batch, summary)
        if index:
            finish_pending_fts(db, count_words=last)
            if not last:
                defer_fts(db)
    batch.clear()


def import_articles(db: sqlite_utils.Database, articles: list[Article], feed_id: int | None = None) -> ImportSummary:
    """Articles already read (a feed's entries) into the index, in one transaction: new and
    changed ones with their quotes, as `import_sources` writes them; all of them marked as the feed's."""
    global _known
    summary = ImportSummary()
    uids = [a.uid for a in articles]
    ids: dict[str, int] = {}
    _known = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        for uid, id_, h in db.execute(
            f"SELECT uid, id, content_hash FROM articles WHERE uid IN ({', '.join('?' for _ in chunk)})", chunk
        ):
            ids[uid], _known[uid] = id_, h
    try:
        prepared = _prepare_articles(articles)
    finally:
        _known = {}
    with transaction(db.conn):
        _write_batch(db, ids, SpeakerRegistry(db), prepared, summary)
        if feed_id is not None:
            db.conn.executemany("UPDATE articles SET feed_id = ? WHERE id = ? AND feed_id IS NOT ?",
                                [(feed_id, ids[uid], feed_id) for uid in dict.fromkeys(uids) if uid in ids])
        samples_not_due(db.conn)
    return summary


def _write_batch(
    db: sqlite_utils.Database, ids: dict[str, int], speakers: SpeakerRegistry, batch: list[Prepared],
    summary: ImportSummary,
) -> None:
    """Write prepared articles with their quotes and their words for the vocabulary (in a transaction)."""
    terms: Counter[str] = Counter()  # articles per word
    for p in batch:
        _write(db.conn, ids, speakers, p, summary)
        terms.update(p.terms)
    _add_terms(db, terms)


def _add_terms(db: sqlite_utils.Database, terms: Counter[str]) -> None:
    if terms:
        db.conn.executemany(
            "INSERT INTO articles_terms (term, n) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET n = n + excluded.n",
            terms.items(),
        )
        terms.clear()


class _ImportLock:
    """Tells `open_index` that an import is running (so it leaves pending FTS work to it)."""

    def __init__(self, db: sqlite_utils.Database):
        self.file = None
        path = _index_path(db)
        if not path:
            return
        try:
            import fcntl

            self.path = import_lock_path(path)
            self.file = open(self.path, "a")
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (ImportError, OSError):
            if self.file:
                self.file.close()
            self.file = None  # another import holds it, or no locks here: nothing to tell

    def release(self) -> None:
        if self.file:
            try:
                self.path.unlink()
            except OSError:
                pass
            self.file.close()
            self.file = None


ARTICLE_COLUMNS = ("uid", "source", "title", "outlet", "author", "published", "body", "content_hash",
                   "imported_at", "quote_count", "error")
INSERT_ARTICLE = f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})"
UPDATE_ARTICLE = f"UPDATE articles SET {', '.join(f'{c} = ?' for c in ARTICLE_COLUMNS)} WHERE id = ?"
INSERT_QUOTES = (
    "INSERT INTO quotes (article_id, speaker_id, speaker, text, type, cue, start, [end], cue_start, cue_end, mentions,"
    " rule, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _write(
    conn: sqlite3.Connection, ids: dict[str, int], speakers: SpeakerRegistry, p: Prepared, summary: ImportSummary
) -> None:
    """Write one article and its quotes; `ids` maps the uid of every article in the index to its id."""
    if p.quotes is None:
        summary.unchanged += 1
        return
    a = p.article
    imported_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    row = (a.uid, a.source, a.title, a.outlet, a.author, a.published, a.body, p.content_hash, imported_at,
           len(p.quotes), p.error)
    if p.error:
        summary.extraction_failed.append((a.source, a.title, p.error))
    article_id = ids.get(a.uid)
    # (The update finds no row when another program deleted the article meanwhile.)
    if article_id is not None and conn.execute(UPDATE_ARTICLE, [*row, article_id]).rowcount:
        conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
        summary.updated += 1
    else:
        try:
            article_id = conn.execute(INSERT_ARTICLE, row).lastrowid
            assert article_id is not None  # an INSERT's row id
            summary.added += 1
        except sqlite3.IntegrityError:
            # Another process imported it since this import began: its uid is taken.
            found = conn.execute("SELECT id, content_hash FROM articles WHERE uid = ?", [a.uid]).fetchone()
            if found is None:
                raise
            article_id = ids[a.uid] = found[0]
            if found[1] == p.content_hash:
                summary.unchanged += 1
                return
            conn.execute(UPDATE_ARTICLE, [*row, article_id])
            conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
            summary.updated += 1
        ids[a.uid] = article_id
    conn.executemany(INSERT_QUOTES, [(article_id, speakers.resolve(q[0]), *q) for q in p.quotes])
