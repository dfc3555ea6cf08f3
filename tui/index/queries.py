"""Reading the index: the queries the app and the command line share, and the app's opener.

The queries take a sqlite3 connection or a sqlite-utils Database (`open_index`); the
app opens the index with `connect`, which starts without sqlite-utils.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generator

from tui.index.db import DATED
from tui.quotes import Mention

if TYPE_CHECKING:
    import sqlite_utils

    Db = sqlite3.Connection | sqlite_utils.Database

NEWEST_FIRST = f"{DATED} DESC, id DESC"


def connect(path: Path | str) -> tuple[sqlite3.Connection, bool]:
    """The index at `path` on a plain sqlite3 connection: (connection, read_only).

    An index at the current schema version opens as it is: no sqlite-utils, no
    migration, nothing that grows with the collection (full-text indexing an
    interrupted import left is finished by the next search or import). Anything
    else (no file yet, an older schema, not an index) goes through `open_index`
    first, which creates, migrates or refuses it (IndexUnavailable).
    """
    from tui.index.db import SCHEMA_VERSION, open_index

    path = Path(path)
    try:
        conn, read_only, version = _open(path)
        if version == SCHEMA_VERSION:
            return conn, read_only
        conn.close()
    except sqlite3.Error:
        pass  # open_index says what is wrong
    db, _ = open_index(path)
    db.close()
    conn, read_only, _ = _open(path)
    return conn, read_only


def _open(path: Path) -> tuple[sqlite3.Connection, bool, int]:
    """(connection, read_only, schema version); a file we may not write is opened read-only."""
    from tui.index.db import connect, writable

    read_only = not writable(path)
    conn = connect(path, read_only)  # autocommit: a flag change is its own transaction
    try:
        return conn, read_only, conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        conn.close()
        raise


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    outlet: str
    published: str
    quote_count: int
    read: bool
    starred: bool


@dataclass(frozen=True)
class ArticleDetail(ArticleRow):
    author: str
    source: str
    body: str
    error: str = ""  # why quote extraction failed on this article ("" when it did not)

    @property
    def link(self) -> str:
        """The article's web address ("" for one read from a file)."""
        return self.source if self.source.lower().startswith(("http://", "https://")) else ""


@dataclass(frozen=True)
class QuoteRow:
    id: int
    article_id: int
    speaker_id: int | None  # None for unnamed sources ("a government spokesperson")
    speaker: str
    text: str
    type: str
    cue: str
    start: int
    end: int
    mentions: tuple[Mention, ...]
    rule: str = ""  # the engine's rule that found it ("" when imported before quotes explained themselves)
    how: str = ""  # how its speaker was reached


@dataclass(frozen=True)
class SpeakerQuote:
    quote: QuoteRow
    article_title: str
    published: str


@dataclass(frozen=True)
class SpeakerRow:
    id: int
    name: str
    quote_count: int
    article_count: int


_ROW_COLUMNS = "id, title, outlet, published, quote_count, read, starred"


def _article_row(r) -> ArticleRow:
    return ArticleRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or 0, bool(r[5]), bool(r[6]))


# Unread only, in newest-first order: `+read` walks the date index and skips read
# articles; on the read index SQLite would sort every unread article first (0.5 s at 100k).
UNREAD = "+read = 0"
# The list's orders, each served by an index: newest first (undated articles by when they
# were imported, see DATED), by outlet (a feed's entries carry its title as their outlet)
# and newest first within it, or by title. Each ends with the id, so every row has one place.
SORTS = {
    "date": NEWEST_FIRST,
    "feed": f"outlet, {DATED} DESC, id DESC",
    "title": "title COLLATE NOCASE, id",
}
# Per order: an article's sort keys, and the rows listed before one with those keys.
_BEFORE = {
    "date": (f"{DATED}, {DATED}, id", f"({DATED} > ? OR ({DATED} = ? AND id > ?))"),
    "feed": (f"outlet, outlet, {DATED}, {DATED}, id",
             f"(outlet < ? OR (outlet = ? AND ({DATED} > ? OR ({DATED} = ? AND id > ?))))"),
    "title": ("title, title, id", "(title COLLATE NOCASE < ? OR (title COLLATE NOCASE = ? AND id < ?))"),
}


def _where(unread_only: bool, feed_id: int | None, outlet: str | None) -> tuple[str, list]:
    """The list's filter as a WHERE clause ("" for none) and its parameters."""
    terms: list[str] = []
    params: list[object] = []
    if unread_only:
        terms.append(UNREAD)
    if feed_id is not None:
        terms.append("feed_id = ?")
        params.append(feed_id)
    elif outlet is not None:  # an outlet of imported files: articles of no feed
        terms.append("feed_id IS NULL AND outlet = ?")
        params.append(outlet)
    return ("WHERE " + " AND ".join(terms) if terms else ""), params


def article_count(db: Db, unread_only: bool = False, *, feed_id: int | None = None, outlet: str | None = None) -> int:
    if feed_id is None and outlet is None:
        where = "WHERE read = 0" if unread_only else ""  # counted on the read index alone
        return db.execute(f"SELECT count(*) FROM articles {where}").fetchone()[0]
    where, params = _where(unread_only, feed_id, outlet)
    return db.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]


def article_page(
    db: Db, offset: int, limit: int, unread_only: bool = False, *,
    feed_id: int | None = None, outlet: str | None = None, sort: str = "date",
) -> list[ArticleRow]:
    """One page of the article list, newest first (or in `sort` order), filtered."""
    where, params = _where(unread_only, feed_id, outlet)
    rows = db.execute(
        f"SELECT {_ROW_COLUMNS} FROM articles {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_article_row(r) for r in rows]


def article_position(
    db: Db, article_id: int, unread_only: bool = False, *,
    feed_id: int | None = None, outlet: str | None = None, sort: str = "date",
) -> int | None:
    """Where an article stands in the list (None if filtered out)."""
    where, params = _where(unread_only, feed_id, outlet)
    keys, before = _BEFORE[sort]
    row = db.execute(f"SELECT {keys} FROM articles {where} {'AND' if where else 'WHERE'} id = ?",
                     [*params, article_id]).fetchone()
    if row is None:
        return None
    extra = where.replace("WHERE", "AND", 1)
    return db.execute(f"SELECT count(*) FROM articles WHERE {before} {extra}", [*row, *params]).fetchone()[0]


def get_article(db: Db, article_id: int) -> ArticleDetail | None:
    r = db.execute(
        f"SELECT {_ROW_COLUMNS}, author, source, body, error FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if r is None:
        return None
    base = _article_row(r)
    return ArticleDetail(**base.__dict__, author=r[7] or "", source=r[8] or "", body=r[9], error=r[10] or "")


_QUOTE_COLUMNS = "q.id, q.article_id, q.speaker_id, coalesce(s.name, q.speaker), q.text, q.type, q.cue, q.start, q.[end], q.mentions, q.rule, q.how"


def _quote_row(r, mentions=None) -> QuoteRow:
    if mentions is None:
        mentions = json.loads(r[9] or "[]")
    return QuoteRow(r[0], r[1], r[2], r[3] or "", r[4], r[5] or "", r[6] or "", r[7], r[8],
                    tuple(Mention(*m) for m in mentions), r[10] or "", r[11] or "")


def _quote_rows(rows: list, at: int = 9) -> list[QuoteRow]:
    """Quote rows, their mentions (JSON column `at`) parsed in one call: 10,000 quotes in ~30 ms."""
    mentions = json.loads("[" + ",".join(r[at] or "[]" for r in rows) + "]")
    return [_quote_row(r, m) for r, m in zip(rows, mentions, strict=True)]


_ARTICLE_QUOTES = (f"SELECT {_QUOTE_COLUMNS} FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
                   "WHERE q.article_id = ? ORDER BY q.start")


def article_quotes(db: Db, article_id: int) -> list[QuoteRow]:
    """An article's quotes in reading order."""
    return _quote_rows(db.execute(_ARTICLE_QUOTES, [article_id]).fetchall())


def article_quote_batches(db: Db, article_id: int, size: int = 200) -> Generator[list[QuoteRow], None, None]:
    """An article's quotes in reading order, `size` at a time (for reading them a little at a time)."""
    cursor = db.execute(_ARTICLE_QUOTES, [article_id])
    try:
        while rows := cursor.fetchmany(size):
            yield _quote_rows(rows)
    finally:
        cursor.close()


_SPEAKER_QUOTE_COLUMNS = f"{_QUOTE_COLUMNS}, a.title, a.published"
_SPEAKER_ORDER = f"ORDER BY {DATED} DESC, a.id DESC, q.start"  # the article list's date order
# A speaker with more quotes than this: the first page is looked for in the newest
# RECENT_ARTICLES articles first (a walk that stops when the page is full), and only
# if it is not full there in the speaker's own articles, newest first.
WALK_ARTICLES_FROM = 5000
RECENT_ARTICLES = 1000


def _speaker_quotes(rows: list) -> list[SpeakerQuote]:
    return [SpeakerQuote(q, r[12], r[13] or "") for q, r in zip(_quote_rows(rows), rows, strict=True)]


def speaker_quote_count(db: Db, speaker_id: int) -> int:
    """How many quotes a speaker has (a count on the speaker index)."""
    return db.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", [speaker_id]).fetchone()[0]


def speaker_quotes(db: Db, speaker_id: int, limit: int = 100, count: int | None = None) -> list[SpeakerQuote]:
    """The first `limit` quotes of a speaker across the collection, newest first."""
    if count is None:
        count = speaker_quote_count(db, speaker_id)
    if count > WALK_ARTICLES_FROM:
        cutoff = db.execute(f"SELECT {DATED} FROM articles ORDER BY {NEWEST_FIRST} LIMIT 1 OFFSET ?",
                            [RECENT_ARTICLES]).fetchone()
        # CROSS JOIN keeps the articles the outer loop, walked newest first on their (date, id)
        # index; `+`: the speaker's index is not used here (it would be searched once per article).
        rows = db.execute(
            f"SELECT {_SPEAKER_QUOTE_COLUMNS} FROM articles a CROSS JOIN quotes q ON q.article_id = a.id "
            f"LEFT JOIN speakers s ON s.id = q.speaker_id WHERE +q.speaker_id = ? AND {DATED} >= ? "
            f"{_SPEAKER_ORDER} LIMIT ?",
            [speaker_id, cutoff[0] if cutoff else "", limit],
        ).fetchall()
        if len(rows) == limit:  # full: no older article can come before these
            return _speaker_quotes(rows)
        return _speaker_quotes(_first_rows_by_article(db, speaker_id, limit))
    rows = db.execute(
        f"SELECT {_SPEAKER_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.speaker_id = ? {_SPEAKER_ORDER} LIMIT ?",
        [speaker_id, limit],
    ).fetchall()
    return _speaker_quotes(rows)


def _first_rows_by_article(db: Db, speaker_id: int, limit: int) -> list:
    """The first `limit` quote rows of a speaker, read article by article, newest first. The
    speaker's articles come from the index on (speaker_id, article_id) alone, so this does not
    read every quote of a speaker quoted thousands of times in a few articles (~10 ms for
    100,000 quotes in 10 articles, where sorting them all takes ~40 ms)."""
    articles = db.execute(
        "SELECT a.id FROM (SELECT DISTINCT article_id FROM quotes WHERE speaker_id = ?) s "
        f"JOIN articles a ON a.id = s.article_id ORDER BY {DATED} DESC, a.id DESC",
        [speaker_id],
    ).fetchall()
    rows: list = []
    for (article_id,) in articles:
        rows += db.execute(
            f"SELECT {_SPEAKER_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = ? AND q.speaker_id = ? "
            f"ORDER BY q.start LIMIT ?",
            [article_id, speaker_id, limit - len(rows)],
        ).fetchall()
        if len(rows) == limit:
            break
    return rows


def speaker_quote_ids(db: Db, speaker_id: int) -> list[int]:
    """The ids of all a speaker's quotes, newest first (100,000 in ~0.3 s: read it in a worker)."""
    rows = db.execute(
        f"SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? {_SPEAKER_ORDER}",
        [speaker_id],
    )
    return [r[0] for r in rows]


def speaker_quotes_by_id(db: Db, ids: list[int]) -> list[SpeakerQuote]:
    """These quotes (a page of `speaker_quote_ids`), in the order given."""
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT {_SPEAKER_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id IN ({marks})",
        ids,
    ).fetchall()
    by_id = {sq.quote.id: sq for sq in _speaker_quotes(rows)}
    return [by_id[i] for i in ids if i in by_id]


def speaker_name(db: Db, speaker_id: int) -> str | None:
    row = db.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    return row[0] if row else None


def speakers(db: Db, name: str | None = None) -> list[SpeakerRow]:
    """Speakers with their quote and article counts, most quoted first."""
    where, params = "", []
    if name:
        where, params = "WHERE s.name LIKE ?", [f"%{name}%"]
    rows = db.execute(
        "SELECT s.id, s.name, count(q.id), count(DISTINCT q.article_id) FROM speakers s "
        f"JOIN quotes q ON q.speaker_id = s.id {where} GROUP BY s.id ORDER BY count(q.id) DESC, s.name",
        params,
    ).fetchall()
    return [SpeakerRow(*r) for r in rows]


def article_flags(db: Db, article_id: int) -> tuple[bool, bool] | None:
    """(read, starred) of an article; None when it is gone."""
    row = db.execute("SELECT read, starred FROM articles WHERE id = ?", [article_id]).fetchone()
    return (bool(row[0]), bool(row[1])) if row else None


def set_flag(db: Db, article_id: int, flag: str, value: bool) -> None:
    """Mark an article read/unread or starred/unstarred."""
    if flag not in ("read", "starred"):
        raise ValueError(flag)
    db.execute(f"UPDATE articles SET {flag} = ? WHERE id = ?", [int(value), article_id])


def all_quotes(db: Db) -> Iterator[dict[str, str | int]]:
    """Every quote in the index as a record (newest article first, reading order within one)."""
    rows = db.execute(
        "SELECT a.source, a.title, q.text, coalesce(s.name, q.speaker), q.type, q.cue, q.start, q.[end], q.rule, q.how "
        "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
        f"ORDER BY {DATED} DESC, a.id DESC, q.start"  # the article list's order
    )
    for source, title, text, speaker, type_, cue, start, end, rule, how in rows:
        yield {"file": source, "article": title, "quote": text, "speaker": speaker, "type": type_,
               "cue": cue, "start": start, "end": end, "rule": rule, "how": how}


def find_article_by_source(db: Db, name: str) -> int | None:
    """The id of an article whose source or uid contains `name` (a bundled sample's file name)."""
    row = db.execute(
        "SELECT id FROM articles WHERE source LIKE ? OR uid LIKE ? LIMIT 1", [f"%{name}%", f"%{name}%"]
    ).fetchone()
    return row[0] if row else None


def mark_all_read(db: Db, *, feed_id: int | None = None, outlet: str | None = None) -> int:
    """Mark every unread article in the list's filter read; how many were."""
    where, params = _where(True, feed_id, outlet)
    return db.execute(f"UPDATE articles SET read = 1 {where}", params).rowcount


def delete_articles(conn: sqlite3.Connection, ids: list[int]) -> int:
    """Delete articles and their quotes (the triggers keep full-text search in step); call in a
    transaction. How many articles were deleted."""
    deleted = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        conn.execute(f"DELETE FROM quotes WHERE article_id IN ({marks})", chunk)
        deleted += conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk).rowcount
    return deleted


def delete_article(db: Db, article_id: int) -> bool:
    """Delete one article with its quotes, in one transaction."""
    from tui.index.db import transaction

    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    with transaction(conn):
        return delete_articles(conn, [article_id]) == 1


def samples_due(db: Db) -> bool:
    """Is this a new index that has never had anything imported (the bundled samples are due)?"""
    from tui.index.db import SAMPLES_DUE

    try:
        return db.execute("SELECT 1 FROM newsreader_meta WHERE key = ?", [SAMPLES_DUE]).fetchone() is not None
    except sqlite3.Error:  # an index from before schema 3, opened read-only
        return False
