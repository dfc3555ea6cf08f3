"""Search for the app: the index's `Searcher` on a connection of its own, for workers.

The search module, sqlite-utils and the searcher's caches load on the first search,
not when the app starts.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

    from tui.index.search import Hit, Searcher


class SearchService:
    """One connection and one searcher for search workers, used one at a time."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._db: sqlite_utils.Database | None = None
        self._searcher: Searcher | None = None
        self.last_query = ""  # the search box opens with it again

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        with self._lock:
            return list(self._open().search(query, limit=limit))

    def warm(self) -> None:
        """Open the index and load the searcher's caches (~0.2-0.3 s at 100,000 articles), so that
        the first keystroke is as quick as the others. The app calls it in a worker after its first paint."""
        with self._lock:
            self._open().warm()

    def _open(self) -> Searcher:
        from tui.index.db import open_index
        from tui.index.search import Searcher

        if self._db is None:
            self._db, _ = open_index(self.db_path)
        if self._searcher is None:
            self._searcher = Searcher(self._db)
        return self._searcher

    def forget(self) -> None:
        """Articles were deleted: the next search reloads what the searcher keeps in memory."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.forget()

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None and hasattr(self._searcher, "close"):
                self._searcher.close()
            self._searcher = None
            if self._db is not None:
                self._db.close()
                self._db = None
