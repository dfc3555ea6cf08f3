"""The Textual app. `make_app` is the one factory for the command line and the tests.

Nothing here does I/O at import time; Textual itself is imported only when an app is made.
"""
from __future__ import annotations

from pathlib import Path


def make_app(db_path: Path | str, *, config: Path | str | None = None, import_samples: bool = True):
    """The newsreader app on the index at `db_path`.

    config: the config file (default: $NEWSREADER_CONFIG or the user config folder's config.toml).
    import_samples: on an empty index, import the bundled sample articles first.
    """
    from tui.app.app import NewsReaderApp

    return NewsReaderApp(db_path, config=Path(config) if config is not None else None, import_samples=import_samples)


__all__ = ["make_app"]
