"""The index file: where it lives, how it opens, its schema and migrations.

The index is a plain SQLite file made with sqlite-utils, so `sqlite-utils` and
Datasette open and search it as they are (FTS5 tables made by `enable_fts`).
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils  # imported where a Database is made: it costs ~80 ms, and the app starts without it

SCHEMA_VERSION = 4
OUR_TABLES = ("articles", "speakers", "quotes")  # and their FTS tables, which share the prefix


class IndexUnavailable(Exception):
    """The index cannot be used; the message says why, for the user."""


def default_path() -> Path:
    """`--db` wins, then `NEWSREADER_DB`, then the platform's user data folder."""
    env = os.environ.get("NEWSREADER_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newsreader") / "index.db"


def _check_file(path: Path) -> None:
    """Refuse a directory. Whether a file is an SQLite database is asked of SQLite
    (`connect`): nothing in this process may open the index file but SQLite,
    because closing any other handle to it drops every POSIX lock the process's live
    connections hold on it, and another process then deletes the WAL they still use
    (https://sqlite.org/howtocorrupt.html, 2.2)."""
    if path.is_dir():
        raise IndexUnavailable(f"{path} is a directory, not an index file")


def write_problem(error: BaseException, path: Path | str) -> str | None:
    """Why the index could not be written, in words for the user, when the disk or another
    process is the cause: the disk is full, a file size limit, an I/O error, read-only, locked.
    None for any other error (a bug, to be reported as such)."""
    import errno

    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the disk is full"
        if error.errno == errno.EFBIG:
            return _size_limit(path) or "the file is too large"
        return None
    if not isinstance(error, sqlite3.Error):
        return None
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code of an extended one
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full"
    if code == sqlite3.SQLITE_IOERR:
        # SQLite reports a write refused for the file size limit (EFBIG) as an I/O error.
        return _disk_full(path) or _size_limit(path) or f"disk I/O error ({error})"
    if code == sqlite3.SQLITE_READONLY:
        return "the index is read-only"
    if code == sqlite3.SQLITE_BUSY:
        return "another process kept the index locked"
    return None


def _disk_full(path: Path | str) -> str | None:
    try:
        st = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):
        return None
    return "the disk is full" if st.f_bavail * st.f_frsize < 2**20 else None


def _size_limit(path: Path | str) -> str | None:
    """The process's file size limit, if the index file or its WAL has (nearly) reached it."""
    try:
        import resource
    except ImportError:
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft == resource.RLIM_INFINITY:
        return None
    sizes = [os.stat(f"{path}{suffix}").st_size for suffix in ("", "-wal") if os.path.exists(f"{path}{suffix}")]
    if max(sizes, default=0) + 2**20 < soft:  # a write adds a few pages at most
        return None
    return f"the file size limit was reached ({soft:,} bytes: ulimit -f)"


def writable(path: Path) -> bool:
    """May we write the index file and its folder (WAL writes beside the file)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to the index file with the settings every user of it needs."""
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.isolation_level = None  # transactions are explicit (BEGIN ... COMMIT)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        # The first read: SQLite checks the file's header (and writes nothing to a file that is not its own).
        conn.execute("PRAGMA schema_version").fetchone()
        if not read_only:
            conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable at checkpoints, no sync per commit
        return conn
    except sqlite3.Error as e:
        conn.close()
        if e.sqlite_errorcode == sqlite3.SQLITE_NOTADB:
            raise IndexUnavailable(
                f"{path} is not a newsreader index (not an SQLite file); it was left untouched"
            ) from None
        raise


def open_index(path: Path | str, *, create: bool = True) -> tuple[sqlite_utils.Database, bool]:
    """Open (and create or migrate) the index. Returns (db, read_only).

    A file we may not write is opened read-only; a corrupt or foreign file is
    refused without being modified.
    """
    path = Path(path)
    _check_file(path)
    if not path.exists():
        if not create:
            raise IndexUnavailable(f"no index at {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise IndexUnavailable(f"cannot create {path.parent}: {e.strerror}") from None
    read_only = path.exists() and not writable(path)
    try:
        conn = connect(path, read_only)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise IndexUnavailable(
                f"{path} has index schema version {version}, newer than this newsreader's "
                f"version {SCHEMA_VERSION}: upgrade newsreader to open it"
            )
        if version == 0:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if any(not name.startswith(OUR_TABLES) for name in tables):
                conn.close()  # tables but no schema version: someone else's database
                raise IndexUnavailable(f"{path} is an SQLite file but not a newsreader index; it was left untouched")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        if version < SCHEMA_VERSION:
            if read_only:
                raise IndexUnavailable(f"{path} needs a schema upgrade but is read-only")
            migrate(db, version)
        elif not db["articles"].exists():
            raise IndexUnavailable(f"{path} is an SQLite file but not a newsreader index")
        if (
            not read_only
            and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts_pending'").fetchone()
            and conn.execute("SELECT 1 FROM articles_fts_pending").fetchone()
            and not _import_running(path)
        ):
            # A large import was cut short before it indexed its articles: do it now.
            with transaction(conn):
                finish_pending_fts(db)
    except sqlite3.DatabaseError as e:
        raise IndexUnavailable(f"{path} cannot be opened as an index: {write_problem(e, path) or e}") from None
    return db, read_only


@contextmanager
def transaction(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (the connection is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        rollback(conn)
        raise
    conn.execute("COMMIT")


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back what is left of a transaction after an error. SQLite has already rolled it
    back after some (a full disk, an I/O error), and then the error to report is the first one."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Bring the schema from `version` up to SCHEMA_VERSION, one step at a time."""
    created = version == 0
    if version == 0:
        # sqlite-utils commits as it creates the FTS tables, so v1 is not one transaction:
        # the version is written last, and a creation cut short is redone on the next open.
        _create_v1(db)
        db.execute("PRAGMA user_version = 1")
        version = 1
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with transaction(db.conn):
            MIGRATIONS[target](db)
            if created and target == SCHEMA_VERSION:
                # Only a new index gets the samples; an index the user emptied never again.
                db.execute("INSERT OR REPLACE INTO newsreader_meta (key, value) VALUES (?, '1')", [SAMPLES_DUE])
            db.execute(f"PRAGMA user_version = {target}")


def _create_v1(db: sqlite_utils.Database) -> None:
    for name in db.table_names():  # left over from a creation that was interrupted
        db.execute(f"DROP TABLE IF EXISTS [{name}]")
    db.table("articles").create(
        {
            "id": int,
            "uid": str,
            "source": str,
            "title": str,
            "outlet": str,
            "author": str,
            "published": str,
            "body": str,
            "content_hash": str,
            "imported_at": str,
            "read": int,
            "starred": int,
            "quote_count": int,
        },
        pk="id",
        not_null={"uid", "title", "body"},
        defaults={"read": 0, "starred": 0, "quote_count": 0, "outlet": "", "author": "", "published": ""},
    )
    db.table("articles").create_index(["uid"], unique=True)
    db.table("articles").create_index(["published", "id"])
    db.table("articles").create_index(["read"])
    db.table("speakers").create(
        {"id": int, "name": str, "key": str, "surname": str, "aliases": str},
        pk="id",
        not_null={"name", "key"},
    )
    db.table("speakers").create_index(["key"], unique=True)
    db.table("speakers").create_index(["surname"])
    db.table("quotes").create(
        {
            "id": int,
            "article_id": int,
            "speaker_id": int,
            "speaker": str,
            "text": str,
            "type": str,
            "cue": str,
            "start": int,
            "end": int,
            "cue_start": int,
            "cue_end": int,
            "mentions": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        not_null={"article_id", "text", "start", "end"},
    )
    db.table("quotes").create_index(["article_id", "start"])
    db.table("quotes").create_index(["speaker_id"])
    # sqlite-utils makes foreign keys without ON DELETE: deleting an article deletes its quotes in code.
    db.table("articles").enable_fts(["title", "body"], create_triggers=True)
    db.table("quotes").enable_fts(["text", "speaker"], create_triggers=True)


# For search (tui.index.search): a title-only FTS table with prefix indexes, so
# short prefixes and title matches stay cheap at 100k articles, and the
# vocabulary of titles and bodies, for typo-tolerant word lookup. The title
# table names its content table as 'articles' in single quotes, so that
# sqlite-utils and Datasette still find `articles_fts` as the articles' FTS table.
#
# Deferred full-text indexing for large imports: while `articles_fts_pending`
# holds a row, articles (quotes) with ids above its line are not indexed by the
# triggers; `finish_pending_fts` indexes them all in one statement per FTS table
# and removes the line, in one transaction. Rows at or below the line are always
# indexed, rows above never (until the line goes), so an import killed at any
# moment leaves an index whose FTS is completed on the next open or import.
# (triggers' table, FTS table, indexed columns, the pending line's column)
FTS_TABLES = (
    ("articles", "articles_fts", ("title", "body"), "articles_from", "articles"),
    ("articles", "articles_title_fts", ("title",), "articles_from", "articles_title"),
    ("quotes", "quotes_fts", ("text", "speaker"), "quotes_from", "quotes"),
)


def _fts_trigger_sql(table: str, fts: str, columns: tuple[str, ...], line: str, prefix: str) -> list[str]:
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    below = "{r}.rowid <= coalesce((SELECT " + line + " FROM articles_fts_pending), {r}.rowid)"
    insert = f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    return [
        f"CREATE TRIGGER [{prefix}_ai] AFTER INSERT ON [{table}] WHEN {below.format(r='new')} BEGIN\n  {insert}\nEND",
        f"CREATE TRIGGER [{prefix}_ad] AFTER DELETE ON [{table}] WHEN {below.format(r='old')} BEGIN\n  {delete}\nEND",
        f"CREATE TRIGGER [{prefix}_au] AFTER UPDATE OF {cols} ON [{table}] WHEN {below.format(r='old')} BEGIN\n"
        f"  {delete}\n  {insert}\nEND",
    ]


def _migrate_v2(db: sqlite_utils.Database) -> None:
    """v2: the search tables and the deferrable FTS triggers, filled from what the index holds."""
    conn = db.conn
    # term: as FTS5's unicode61 tokenizer makes it; n: how many articles have it (new
    # and changed articles add to it, nothing subtracts: an estimate, for ranking).
    conn.execute("CREATE TABLE IF NOT EXISTS articles_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, n INTEGER NOT NULL DEFAULT 0)")
    conn.execute("CREATE TABLE IF NOT EXISTS articles_fts_pending (articles_from INTEGER NOT NULL, quotes_from INTEGER NOT NULL)")
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_title_fts USING fts5"
        "(title, content='articles', content_rowid='id', prefix='1 2 3')"
    )
    # Our triggers replace the ones `enable_fts` made: the same effect, plus the
    # pending line, and updates of other columns (read, starred) leave FTS alone.
    for table, fts, columns, line, prefix in FTS_TABLES:
        for kind in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS [{prefix}_{kind}]")
        for sql in _fts_trigger_sql(table, fts, columns, line, prefix):
            conn.execute(sql)
    conn.execute("INSERT INTO articles_title_fts (articles_title_fts) VALUES ('rebuild')")
    recount_words(conn)


def defer_fts(db: sqlite_utils.Database) -> None:
    """From now on, new articles and quotes wait for `finish_pending_fts` (which also counts
    the words of the vocabulary afresh). Call inside a transaction."""
    db.conn.execute(
        "INSERT INTO articles_fts_pending (articles_from, quotes_from) "
        "SELECT (SELECT coalesce(max(id), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM quotes) "
        "WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending)"
    )


# FTS5 writes what it indexes out as a new segment every 'hashsize' bytes (1 MiB by default)
# and merges segments as they pile up: a 10,000-article step of a large import came out as
# dozens of small segments per table, and merging them cost more than the indexing. With
# this (kept in each FTS table's config), a step makes one segment per table.
FTS_HASH_BYTES = 64 * 2**20


def finish_pending_fts(db: sqlite_utils.Database, count_words: bool = True) -> bool:
    """Index what waits above the pending line and remove the line. Call inside a transaction.

    count_words: recount the vocabulary's words from the index (a large import
    writes no counts); a pass over the whole index, so an import does it once, at its end.
    """
    conn = db.conn
    row = conn.execute("SELECT articles_from, quotes_from FROM articles_fts_pending").fetchone()
    if row is None:
        return False
    articles_from, quotes_from = row
    for _, fts, *_ in FTS_TABLES:
        conn.execute(f"INSERT INTO [{fts}] ([{fts}], rank) VALUES ('hashsize', ?)", [FTS_HASH_BYTES])
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles WHERE id > ?",
        [articles_from],
    )
    conn.execute(
        "INSERT INTO articles_title_fts (rowid, title) SELECT id, title FROM articles WHERE id > ?", [articles_from]
    )
    conn.execute(
        "INSERT INTO quotes_fts (rowid, text, speaker) SELECT id, text, speaker FROM quotes WHERE id > ?",
        [quotes_from],
    )
    conn.execute("DELETE FROM articles_fts_pending")
    if not count_words:
        return True
    recount_words(conn)  # the large import wrote no word counts
    return True


def recount_words(conn: sqlite3.Connection) -> None:
    """The vocabulary's word counts, exact, from the full-text index."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_vocab USING fts5vocab(main, articles_fts, row)")
    conn.execute(
        "INSERT INTO articles_terms (term, n) SELECT term, doc FROM temp.articles_fts_vocab WHERE true "
        "ON CONFLICT (term) DO UPDATE SET n = excluded.n"
    )
    conn.execute("DROP TABLE temp.articles_fts_vocab")


def import_lock_path(path: Path | str) -> Path:
    return Path(f"{path}-import.lock")


def _import_running(path: Path) -> bool:
    """Does another process hold the import lock of this index?"""
    try:
        import fcntl
    except ImportError:  # no flock: assume an import may be running
        return True
    lock = import_lock_path(path)
    if not lock.exists():
        return False
    try:
        with open(lock, "a") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(f, fcntl.LOCK_UN)
            return False
    except OSError:
        return True


SAMPLES_DUE = "samples_due"  # newsreader_meta key: the bundled samples are still to be imported
# Undated articles sort by when they were imported: this expression is the list's date order,
# and the index below serves it (ORDER BY must repeat the expression exactly to use it).
DATED = "coalesce(nullif(published, ''), imported_at, '')"


def samples_not_due(conn: sqlite3.Connection) -> None:
    """The user fills the index (an import, a subscription): the bundled samples are never
    imported into it, even once it is emptied. Call inside a transaction."""
    conn.execute("DELETE FROM newsreader_meta WHERE key = ?", [SAMPLES_DUE])


def _migrate_v3(db: sqlite_utils.Database) -> None:
    """v3: feed subscriptions, each article's feed, the list's date order, a meta table; why an
    article's extraction failed and how each quote was found."""
    conn = db.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS feeds ("
        "id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '', "
        "site_url TEXT NOT NULL DEFAULT '', added_at TEXT, "
        "last_refresh TEXT, last_status TEXT, last_error TEXT, "  # the last refresh and its outcome
        "etag TEXT, last_modified TEXT, "  # for conditional requests (304 Not Modified)
        "full_text INTEGER NOT NULL DEFAULT 0)"  # 1: fetch each entry's page (the feed has summaries only)
    )
    conn.execute("ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds(id)")
    conn.execute("ALTER TABLE articles ADD COLUMN error TEXT")  # why quote extraction failed; NULL: it went well
    conn.execute("ALTER TABLE quotes ADD COLUMN rule TEXT")  # how each quote was found (NULL: imported before v3)
    conn.execute("ALTER TABLE quotes ADD COLUMN how TEXT")  # and how its speaker was reached
    conn.execute("CREATE TABLE IF NOT EXISTS newsreader_meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_dated ON articles ({DATED}, id)")
    conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_feed ON articles (feed_id, {DATED}, id)")
    conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_outlet ON articles (outlet, {DATED} DESC, id DESC)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_articles_title ON articles (title COLLATE NOCASE, id)")


def _migrate_v4(db: sqlite_utils.Database) -> None:
    """v4: the speaker index also holds each quote's article, so the articles that quote a
    speaker, and how often, are read from the index alone (the speaker view's first page)."""
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_quotes_speaker_article ON quotes (speaker_id, article_id)")
    db.conn.execute("DROP INDEX IF EXISTS idx_quotes_speaker_id")


MIGRATIONS = {2: _migrate_v2, 3: _migrate_v3, 4: _migrate_v4}  # target version -> step; v1 is made by _create_v1
