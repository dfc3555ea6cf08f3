"""The app's own commands in the command palette (ctrl+p).

Textual's system commands stay (Theme, Quit, Screenshot…) except its "Keys", which
the app replaces with its own (`NewsReaderApp.get_system_commands`): one entry each.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from tui.text import plural, printable

if TYPE_CHECKING:
    from tui.app.app import NewsReaderApp

Command = tuple[str, Callable[[], object], str]  # (name, callback, help)


class NewsCommands(Provider):
    _cache: list[Command] | None = None

    async def startup(self) -> None:
        self._cache = self._make_commands()  # once per opening of the palette, not per keystroke

    def _commands(self) -> list[Command]:
        if self._cache is None:
            self._cache = self._make_commands()
        return self._cache

    def _make_commands(self) -> list[Command]:
        app = cast("NewsReaderApp", self.app)
        commands: list[Command] = [
            ("Import a path…", app.action_import_path, "Import files, folders, feeds or URLs into the index"),
            ("Toggle unread filter", app.action_toggle_unread, "Show only unread articles, or all"),
            ("Search…", app.action_search, "Search titles, speakers, quotes and text"),
            ("Speaker view", app.action_speaker_view, "All quotes by the current quote's speaker"),
            ("Keys", app.action_help, "Every key binding"),
            ("Refresh feeds", app.action_refresh_feeds, "Fetch every subscription (R)"),
            ("Feeds…", app.action_feeds, "Show one feed or outlet, with unread counts (l)"),
            ("Mark all read", app.action_mark_all_read, "Every article in the list marked read (A)"),
            ("Sort the list", app.action_sort, "By date, feed or title, in turn (S)"),
            ("Delete article", app.action_delete_article, "The article and its quotes, after asking (D)"),
            ("Open link in browser", app.action_open_link, "The article's web address (o)"),
            ("Copy link", app.action_copy_link, "The article's web address (y)"),
        ]
        from tui.app.feeds import ListFilter
        from tui.index.feeds import feeds

        for f in feeds(app.db):
            commands.append((f"Show feed: {printable(f.name)}", partial(app.set_list_filter, ListFilter(f.name, f.id)),
                             f"{f.unread} unread of {f.total}"))
        try:
            from tui.index.queries import speakers

            for s in speakers(app.db)[:500]:
                commands.append(
                    (f"Open speaker: {printable(s.name)}", partial(app.open_speaker, s.id), quote_count_text(s.quote_count, s.article_count))
                )
        except sqlite3.Error as e:  # the index is busy or gone: the other commands still work
            app.notify(f"Speakers not listed: {e}", severity="warning", markup=False)
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:5]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)


def quote_count_text(quotes: int, articles: int) -> str:
    """ "1 quote in 1 article", "3 quotes in 2 articles"."""
    return f"{plural(quotes, 'quote')} in {plural(articles, 'article')}"


def _highlight(matcher, text: str) -> Content:
    """Like `Matcher.highlight`, but a speaker's name is never parsed as markup."""
    content = Content(text)
    style = getattr(matcher, "_match_style", None) or Style(bold=True, underline=True)
    try:
        _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    except Exception:
        return content
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content
