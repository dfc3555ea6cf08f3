"""Shared test fixtures: isolation from the user's files, async tests, and the indexes and
article folders the tests build. Test modules import nothing from one another: what they
share is here, as fixtures (a fixture that builds something with arguments returns the builder).
"""
from __future__ import annotations

import asyncio
import inspect
import json
from pathlib import Path

import pytest

from tui.index.db import open_index


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path, monkeypatch):
    """No test touches the user's real index or config."""
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "default-index.db"))
    monkeypatch.setenv("NEWSREADER_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """`async def test_*` runs in its own event loop (no pytest async plugin; Textual's pilot needs only a loop)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


# --- an app index written straight into SQLite (no engine needed) -----------------------------



FILLER = (
    "The talks lasted for several hours and covered transport, energy and the situation in the region. "
    "Observers noted that both delegations appeared relaxed as they left the building. "
)

CASPIAN_BODY = (
    "Foreign ministers met in Baku on Monday to discuss the Caspian summit.\n\n"
    "\"We are ready to sign the agreement,\" Jeyhun Bayramov said after the meeting.\n\n"
    + FILLER * 6
    + "\n\nSergey Lavrov said that Moscow \"values the partnership\" and wants it to grow.\n\n"
    + FILLER * 6
    + "\n\nBayramov added: \"The road to peace is long, but we will walk it together.\"\n\n"
    + FILLER * 4
)

MARKUP_TITLE = "[bold red]Breaking[/] \x1b[31mnews [@click=app.quit]now[/]"
MARKUP_BODY = (
    "Intro [link=https://evil.example]click me[/link] and \x1b[2J escape.\n\n"
    "\"[bold red]Not bold[/bold red] and [@click=app.quit]quit[/],\" said Jane Doe.\n"
)


def _span(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


ARTICLES = [
    # uid, title, outlet, author, published, body, quotes: (speaker, quote text, type, mention text)
    (
        "caspian",
        "Ministers meet ahead of Caspian summit",
        "Example News",
        "A. Writer",
        "2022-06-27",
        CASPIAN_BODY,
        [
            ("Jeyhun Bayramov", "We are ready to sign the agreement,", "direct", "Jeyhun Bayramov"),
            ("Sergey Lavrov", "Moscow \"values the partnership\" and wants it to grow", "mixed", "Sergey Lavrov"),
            ("Jeyhun Bayramov", "The road to peace is long, but we will walk it together.", "direct", "Bayramov"),
        ],
    ),
    ("markup", MARKUP_TITLE, "Evil \x1b[1mOutlet", "", "2022-06-20", MARKUP_BODY,
     [("Jane [red]Doe[/]", "[bold red]Not bold[/bold red] and [@click=app.quit]quit[/],", "direct", "Jane Doe")]),
    ("quiet", "A day without quotes", "Daily Example", "", "2022-06-10", "Nothing was said today.\n" * 3, []),
    (
        "lavrov-only",
        "Lavrov visits Baku",
        "Example News",
        "",
        "2022-06-01",
        "Sergey Lavrov said \"we came as friends\" at the airport.\n",
        [("Sergey Lavrov", "we came as friends", "direct", "Sergey Lavrov")],
    ),
]


def build_index(path: Path, extra: int = 0, articles: list | None = None) -> Path:
    """An index at `path` holding `articles` (default ARTICLES; same shape) and `extra` older filler articles."""
    db, _ = open_index(path)
    speakers: dict[str, int] = {}
    db.conn.execute("BEGIN")
    for uid, title, outlet, author, published, body, quotes in ARTICLES if articles is None else articles:
        article_id = db.execute(
            "INSERT INTO articles (uid, source, title, outlet, author, published, body, content_hash, imported_at, quote_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?)",
            [uid, f"/fixtures/{uid}.txt", title, outlet, author, published, body, len(quotes)],
        ).lastrowid
        for speaker, text, type_, mention in quotes:
            if speaker not in speakers:
                speakers[speaker] = db.execute(
                    "INSERT INTO speakers (name, key, surname, aliases) VALUES (?, ?, ?, '[]')",
                    [speaker, speaker.casefold(), speaker.split()[-1].casefold()],
                ).lastrowid
            start, end = _span(body, text)
            m_start = body.rfind(mention, 0, start) if mention in body[:start] else body.index(mention, end)
            mentions = [[mention, m_start, m_start + len(mention)]]
            db.execute(
                "INSERT INTO quotes (article_id, speaker_id, speaker, text, type, cue, start, [end], cue_start, cue_end, mentions)"
                " VALUES (?, ?, ?, ?, ?, 'said', ?, ?, -1, -1, ?)",
                [article_id, speakers[speaker], speaker, text, type_, start, end, json.dumps(mentions)],
            )
    for i in range(extra):
        db.execute(
            "INSERT INTO articles (uid, source, title, outlet, author, published, body, content_hash, imported_at, quote_count)"
            " VALUES (?, ?, ?, 'Filler', '', ?, 'Filler body.', '', '', 0)",
            [f"filler-{i}", f"/fixtures/filler-{i}.txt", f"Filler article {i:06d}", f"2001-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}"],
        )
    # What the importer keeps besides the rows: the search vocabulary's word counts.
    from tui.index.db import recount_words

    recount_words(db.conn)
    db.conn.execute("COMMIT")
    db.close()
    return path


@pytest.fixture(name="build_index")
def _build_index():
    """build_index(path, extra=0, articles=None): an index holding ARTICLES (or `articles`) and `extra` fillers."""
    return build_index


@pytest.fixture
def index_path(tmp_path: Path) -> Path:
    """An index holding ARTICLES."""
    return build_index(tmp_path / "index.db")


# --- article files for the importer ----------------------------------------------------------

ARTICLE = """ date 2026-03-{day:02d} By Harbour Gazette

By Mira Olsen

Port director Tomas Wrona said the new quay would open in {month}.

"We are ready for the ships," Wrona said. "The cranes arrive next week."

Harbour pilot Ana Costa said the channel had been dredged.
"""


def write_articles(folder: Path, n: int, month: str = "May") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(ARTICLE.format(day=i % 28 + 1, month=month), encoding="utf-8")
    return folder


def fingerprint(db):
    """What an index holds, independent of row ids and import times."""
    articles = db.execute("SELECT uid, content_hash, quote_count FROM articles ORDER BY uid").fetchall()
    quotes = db.execute(
        "SELECT a.uid, q.start, q.[end], q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
        "ORDER BY a.uid, q.start"
    ).fetchall()
    return articles, quotes


def fts_in_sync(db) -> bool:
    for table in ("articles_fts", "quotes_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
    return True


@pytest.fixture(name="write_articles")
def _write_articles():
    """write_articles(folder, n, month="May"): n small news articles as .txt files in `folder`."""
    return write_articles


@pytest.fixture(name="fingerprint")
def _fingerprint():
    """fingerprint(db): what an index holds, independent of row ids and import times."""
    return fingerprint


@pytest.fixture(name="fts_in_sync")
def _fts_in_sync():
    """fts_in_sync(db): True, or an error from FTS5's integrity check."""
    return fts_in_sync
