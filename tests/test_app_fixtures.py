"""Helpers for the app tests: a small index written straight into SQLite (no engine needed)."""
from __future__ import annotations

import json
from pathlib import Path

from tui.index.db import open_index

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


def build_index(path: Path, extra: int = 0) -> Path:
    """An index at `path` holding ARTICLES (and `extra` filler articles, older)."""
    db, _ = open_index(path)
    speakers: dict[str, int] = {}
    db.conn.execute("BEGIN")
    for uid, title, outlet, author, published, body, quotes in ARTICLES:
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


def run_async_tests(namespace: dict) -> None:
    """Make the module's `async def test_*` functions plain tests run with asyncio.run.

    (No pytest async plugin is installed; Textual's pilot only needs an event loop.)
    """
    import asyncio
    import functools
    import inspect

    for name, fn in list(namespace.items()):
        if name.startswith("test_") and inspect.iscoroutinefunction(fn):

            def make(fn):
                @functools.wraps(fn)
                def wrapper(*args, **kwargs):
                    return asyncio.run(fn(*args, **kwargs))

                return wrapper

            namespace[name] = make(fn)
