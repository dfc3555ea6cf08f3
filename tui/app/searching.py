"""Search for the app: the index's `Searcher` when it is there, a plain substring search until then."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

try:  # written in parallel (issue 5); the app must run without it
    from tui.index.search import Searcher as _IndexSearcher
except Exception:  # pragma: no cover - absent, or mid-edit: fall back rather than fail to start
    _IndexSearcher = None


@dataclass(frozen=True)
class FallbackHit:
    kind: str
    article_id: int
    text: str
    spans: tuple[tuple[int, int], ...]
    score: float
    quote_id: int | None
    speaker_id: int | None
    offset: int | None
    article_title: str


def _spans(text: str, query: str) -> tuple[tuple[int, int], ...]:
    low, q = text.casefold(), query.casefold()
    out, i = [], low.find(q)
    while q and i >= 0 and len(out) < 20:
        out.append((i, i + len(q)))
        i = low.find(q, i + len(q))
    return tuple(out)


class FallbackSearcher:
    """Case-insensitive substring search over titles, speakers, quotes and bodies."""

    def __init__(self, db) -> None:
        self.db = db

    def search(self, query: str, limit: int = 50) -> list[FallbackHit]:
        query = query.strip()
        if not query:
            return []
        like = f"%{query}%"
        hits: list[FallbackHit] = []
        for id_, title in self.db.execute(
            "SELECT id, title FROM articles WHERE title LIKE ? ORDER BY published DESC LIMIT ?", [like, limit]
        ):
            hits.append(FallbackHit("title", id_, title, _spans(title, query), 100.0, None, None, None, title))
        for qid, aid, sid, speaker, text, start, title in self.db.execute(
            "SELECT q.id, q.article_id, q.speaker_id, coalesce(s.name, q.speaker), q.text, q.start, a.title "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
            "WHERE coalesce(s.name, q.speaker) LIKE ? ORDER BY a.published DESC, q.start LIMIT ?",
            [like, limit],
        ):
            hits.append(FallbackHit("speaker", aid, speaker, _spans(speaker, query), 90.0, qid, sid, start, title))
        for qid, aid, sid, text, start, title in self.db.execute(
            "SELECT q.id, q.article_id, q.speaker_id, q.text, q.start, a.title FROM quotes q "
            "JOIN articles a ON a.id = q.article_id WHERE q.text LIKE ? ORDER BY a.published DESC, q.start LIMIT ?",
            [like, limit],
        ):
            hits.append(FallbackHit("quote", aid, text, _spans(text, query), 80.0, qid, sid, start, title))
        for aid, body, title in self.db.execute(
            "SELECT id, body, title FROM articles WHERE body LIKE ? ORDER BY published DESC LIMIT ?", [like, limit]
        ):
            i = body.casefold().find(query.casefold())
            if i < 0:
                continue
            a = max(0, i - 40)
            text = body[a : i + len(query) + 60]
            hits.append(FallbackHit("body", aid, text, ((i - a, i - a + len(query)),), 50.0, None, None, i, title))
        return hits[:limit]


class SearchService:
    """One connection and one searcher for search workers, used one at a time."""

    def __init__(self, db_path: Path, searcher_class=None) -> None:
        self.db_path = db_path
        self.searcher_class = searcher_class or _IndexSearcher or FallbackSearcher
        self._lock = threading.Lock()
        self._db = None
        self._searcher = None
        self.last_query = ""  # the search box opens with it again

    def search(self, query: str, limit: int = 50) -> list:
        from tui.index.db import open_index

        with self._lock:
            if self._db is None:
                self._db, _ = open_index(self.db_path)
            if self._searcher is None:
                self._searcher = self.searcher_class(self._db)
            return list(self._searcher.search(query, limit=limit))

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None and hasattr(self._searcher, "close"):
                self._searcher.close()
            self._searcher = None
            if self._db is not None:
                self._db.close()
                self._db = None
