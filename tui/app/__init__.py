"""The Textual app. `make_app` is the one factory for the command line and the tests.

Nothing here does I/O at import time; Textual itself is imported only when an app is made.

Modules:
  app.py           NewsReaderApp: layout, opening articles, flags, import worker, polling
  article_list.py  ArticleList: line-API virtual list over `article_page` (LRU page cache)
  reader.py        Reader: line-API article view, quote tints, mentions, legend, n/N
  sidebar.py       QuoteSidebar: the open article's quotes, filterable by speaker
  screens.py       SearchScreen, SpeakerScreen, HelpScreen, PromptScreen
  searching.py     SearchService: the index Searcher on its own connection, for workers
  commands.py      NewsCommands: the app's commands in the palette (ctrl+p)
  footer.py        Footer: Textual's key footer, recomposed only when its keys change
  colors.py        speaker colours: stable per name, readable on the theme
  config.py        the keymap file
  newsreader.tcss  the CSS

Keys can be rebound by binding id (the help screen, `?`, lists them) in
$NEWSREADER_CONFIG or <user config dir>/newsreader/config.toml:

    [keymap]
    search = "ctrl+f"
    next_quote = "x,n"
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
