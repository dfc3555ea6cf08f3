"""The newsreader app: article list, reader and quote sidebar."""
from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Generator, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label

from tui.app.article_list import ArticleList
from tui.app.commands import NewsCommands
from tui.app.config import EVERYWHERE, check_keymap, config_path, load_config, save_theme
from tui.app.feeds import FeedActions
from tui.app.footer import Footer
from tui.app.panes import Panes
from tui.app.reader import Reader, safe_text, speaker_label
from tui.app.searching import SearchService
from tui.app.sidebar import QuoteSidebar
from tui.app.vlist import VirtualList
from tui.index import queries as Q
from tui.quotes.model import explanation

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from tui.app.screens import SearchChoice
    from tui.index.queries import SpeakerQuote

# Start-up imports only what the first screen needs: the other screens, the importer,
# the search module and sqlite-utils load when first used.

SEED_NAME = "seed-azernews-2022-06-27"


class ImportCancelled(Exception):
    """Raised in the import thread to stop it when the app closes."""
POLL_SECONDS = 2.0
FAILURES_SHOWN = 5  # in the import's summary; the command line lists them all
MAIN_PANES = {"Article list", "Reader", "Quote sidebar"}  # their keys shadow the app's while focused
# An article with more quotes than this opens at once and its quotes follow, read a few
# milliseconds at a time between keys and frames (10,000 quotes take ~60 ms to read); fewer
# are read before it is shown. On the event loop, not in a thread: a thread busy in Python
# makes every key wait for the GIL (the loop waits up to 5 ms each time it takes it back).
INLINE_QUOTES = 1000
QUOTE_STEP_S = 0.004
PAUSE_S = 0.002


def _samples_dir() -> Path | None:
    try:
        from tui.sources import SAMPLES_DIR
    except Exception:
        return None
    path = Path(SAMPLES_DIR)
    return path if path.is_dir() and any(path.iterdir()) else None


def hit_ranges(hit, reader: Reader) -> list[tuple[int, int]]:
    """A search hit's matched characters as ranges of the open article's body."""
    body = reader.article.body if reader.article else ""
    base = hit.offset if hit.kind in ("quote", "body") else None  # a quote hit's offset is its start
    if base is None or body[base : base + len(hit.text)] != hit.text:
        return []  # titles and speaker names are not in the body; a stale hit is not marked
    return [(base + a, base + b) for a, b in hit.spans]


class NewsReaderApp(FeedActions, App):
    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", id="quit_ctrl", show=False, priority=True),
        Binding("question_mark", "help", "Keys", id="help"),
        Binding("slash", "search", "Search", id="search", tooltip="Titles, speakers, quotes and text, as you type"),
        Binding("n", "next_quote", "Next quote", id="next_quote", tooltip="Next quote in the reader; the sidebar follows"),
        Binding("N", "previous_quote", "Prev quote", id="previous_quote", show=False, tooltip="Previous quote in the reader"),
        Binding("s", "speaker_view", "Speaker", id="speaker_view", tooltip="Everything the current quote's speaker said, across the collection"),
        Binding("e", "explain_quote", "Explain quote", id="explain_quote", show=False, tooltip="Why the current quote is a quote, and how its speaker was found"),
        Binding("F", "filter_speaker", "Filter speaker", id="filter_speaker", show=False, tooltip="Sidebar and n/N: only the current quote's speaker (again: all); or click the legend"),
        Binding("r", "toggle_read", "Read", id="toggle_read", tooltip="Toggle read: the row under the cursor in the list, else the open article"),
        Binding("f", "toggle_star", "Star", id="toggle_star", tooltip="Toggle star: the row under the cursor in the list, else the open article"),
        Binding("u", "toggle_unread", "Unread only", id="toggle_unread", show=False, tooltip="List only unread articles (again: all)"),
        # Priority: before the screen's own tab (focus_next), which skips hidden panes.
        Binding("tab", "next_pane(1)", "Next pane", id="next_pane", show=False, priority=True),
        Binding("shift+tab", "next_pane(-1)", "Previous pane", id="previous_pane", show=False, priority=True),
        Binding("R", "refresh_feeds", "Refresh feeds", id="refresh_feeds", show=False, tooltip="Fetch every subscription; new articles appear as they land"),
        Binding("l", "feeds", "Feeds", id="feeds", show=False, tooltip="Show one feed (or outlet of imported files) with unread counts, or all"),
        Binding("A", "mark_all_read", "Mark all read", id="mark_all_read", show=False, tooltip="Every article in the list (the feed shown, or all) marked read"),
        Binding("S", "sort", "Sort", id="sort", show=False, tooltip="Sort the list by date (newest first), feed, or title"),
        Binding("D", "delete_article", "Delete article", id="delete_article", show=False, tooltip="Delete the article (list row, else the open one) and its quotes, after asking"),
        Binding("o", "open_link", "Open link", id="open_link", show=False, tooltip="Open the article's web address in the browser"),
        Binding("y", "copy_link", "Copy link", id="copy_link", show=False, tooltip="Copy the article's web address"),
        Binding("ctrl+p", "command_palette", "Commands", id="command_palette", show=False, tooltip="Import a path, switch theme, open a speaker, toggle the unread filter"),
    ]

    # The one owner of the speaker filter; the reader and the sidebar are bound to it.
    speaker_filter: reactive[str | None] = reactive(None)

    def __init__(self, db_path: Path | str, *, config: Path | None = None, import_samples: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.db, self.read_only = Q.connect(self.db_path)
        self.search_service = SearchService(self.db_path)
        self.import_samples = import_samples
        self.config_file = config if config is not None else config_path()
        settings = load_config(self.config_file)
        self.config_problems = settings.problems
        self.keymap: dict[str, str] = {}
        if settings.keymap:
            bindings = [(pane, b.id or "", b.key) for pane, b in self.pane_bindings()]
            self.keymap, problems = check_keymap(settings.keymap, bindings, MAIN_PANES, self.config_file)
            self.config_problems += problems
        self.saved_theme = settings.theme
        self.importing = False
        self._status_label: Label | None = None  # the import status line, made by the first import
        self._progress: ProgressBar | None = None
        self._poll_failed = False
        self._seen_version = self._data_version()  # what the list shows (it is read at mount)
        self._quote_batches: Generator[list[Q.QuoteRow], None, None] | None = None  # a large article's quotes being read

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Panes(
            ArticleList(self.db, id="list"),
            Reader(id="reader").data_bind(NewsReaderApp.speaker_filter),
            QuoteSidebar(id="quotes").data_bind(NewsReaderApp.speaker_filter),
            id="panes",
        )
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def sidebar(self) -> QuoteSidebar:
        return self.query_one(QuoteSidebar)

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.saved_theme in self.available_themes:
            self.theme = self.saved_theme
        elif self.saved_theme is not None:
            self.config_problems.append(f"{self.config_file}: theme {self.saved_theme!r} is not one of the app's themes")
        for problem in self.config_problems:
            self.notify(safe_text(problem), title="Config", severity="warning", markup=False, timeout=10)
        if self.read_only:
            self.notify("The index is read-only: you can read and search, but nothing is saved",
                        title="Read-only", severity="warning", markup=False)
        self.reader.border_title = "Reader"
        self.sidebar.border_title = "Quotes"
        self.article_list.focus()
        if self.article_list.count == 0:  # until counted, the first page's rows: empty or not is all we ask
            due = self.import_samples and not self.read_only and Q.samples_due(self.db)  # a new index only
            samples = _samples_dir() if due else None
            if samples is not None:
                self.start_import([str(samples)], first_start=True)
        else:
            self.show_cursor_article()
        self.set_interval(POLL_SECONDS, self.poll_index)
        self.watch(self, "theme", self._theme_changed, init=False)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        import gc

        # What start-up made lives as long as the app: out of the collector's full passes, which
        # would otherwise walk it all now and then (a 50-190 ms pause in the middle of a key).
        gc.freeze()
        self.warm_search()

    @work(thread=True, exclusive=True, group="warm")
    def warm_search(self) -> None:
        """Load search's caches in the background, so that the first keystroke of the first search is quick."""
        from tui.index.db import IndexUnavailable

        import gc

        try:
            self.search_service.warm()
        except (sqlite3.Error, IndexUnavailable):
            pass  # the index cannot be searched now: the search box says why when it is used
        # Search's caches (most of the app's memory at 100k articles) live as long as the app:
        # out of the collector's full passes too (one took ~50 ms in the middle of a screen).
        gc.freeze()

    def _theme_changed(self) -> None:
        if self.theme != self.saved_theme:
            self.saved_theme = self.theme
            try:
                save_theme(self.config_file, self.theme)
            except (OSError, ValueError) as e:  # an unwritable or broken (not TOML) config: the theme still applies
                self.notify(f"Theme not saved in {self.config_file}: {e}", title="Config", severity="warning", markup=False)

    @on(Reader.Restyled)
    def _reader_restyled(self) -> None:
        self.sidebar.restyle()  # in the reader's new speaker colours

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The app's own "Keys" (every binding, NewsCommands) replaces Textual's.
        return (c for c in super().get_system_commands(screen) if c.title != "Keys")

    MAIN_SCREEN_ONLY = {
        "next_quote", "previous_quote", "speaker_view", "filter_speaker",
        "toggle_read", "toggle_star", "toggle_unread", "search", "import_path", "next_pane",
        "feeds", "mark_all_read", "sort", "delete_article", "open_link", "copy_link",
    }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Over the speaker view, search or help these would act on the hidden reader.
        if action in self.MAIN_SCREEN_ONLY and len(self.screen_stack) > 1:
            return False
        return True

    def action_next_pane(self, step: int) -> None:
        """Focus the next pane (tab) or the previous (shift+tab), showing it if it was hidden."""
        self.query_one(Panes).next(step).focus()

    def on_app_focus(self) -> None:
        self.poll_index()

    def on_unmount(self) -> None:
        self.search_service.close()

    # --- opening ------------------------------------------------------------------

    def show_cursor_article(self) -> None:
        row = self.article_list.cursor_row
        if row is not None:
            self.open_article(row.id, mark_read=False)

    def open_article(self, article_id: int, *, quote_id: int | None = None, offset: int | None = None, mark_read: bool = True) -> bool:
        detail = Q.get_article(self.db, article_id)
        if detail is None:
            self.notify("That article is no longer in the index", severity="warning")
            return False
        if mark_read and not detail.read and not self.read_only and self._save_flag(article_id, "read", True):
            detail = Q.get_article(self.db, article_id) or detail
            self.poll_index()  # rows others added must not shift under the cursor when pages are re-read
            if self.article_list.unread_only:
                self.article_list.reload()  # it leaves the unread list; the cursor stays, on the next one
            else:
                self.article_list.invalidate()
        if self._quote_batches is not None:  # the last article's quotes were still being read
            self._quote_batches.close()
            self._quote_batches = None
        inline = detail.quote_count <= INLINE_QUOTES
        quotes = Q.article_quotes(self.db, article_id) if inline else []
        reader, sidebar = self.reader, self.sidebar
        self.speaker_filter = None  # a filter is per article
        reader.show(detail, quotes, loading=not inline)
        sidebar.show(reader.quotes, reader.styles_for)
        self._title_reader()
        lst = self.article_list
        position = lst.position_of(article_id)
        if position is None and lst.unread_only:
            position = lst.cursor
        lst.set_open(article_id, position)
        if inline:
            self._go_to(quote_id, offset)
        else:
            if offset is not None:
                reader.scroll_to_offset(offset)
            # After the next frame: the article is on the screen first.
            self._quote_batches = batches = Q.article_quote_batches(self.db, article_id)
            self.call_after_refresh(self._read_quotes, batches, quote_id, offset)
        return True

    @work(group="quotes", exclusive=True)
    async def _read_quotes(self, batches, quote_id: int | None, offset: int | None) -> None:
        """Read a large article's quotes a few milliseconds at a time, letting keys and frames in between."""
        quotes: list = []
        deadline = time.perf_counter() + QUOTE_STEP_S
        for batch in batches:
            quotes.extend(batch)
            if time.perf_counter() > deadline:
                await asyncio.sleep(PAUSE_S)  # keys and frames first: a key passes several tasks
                if self._quote_batches is not batches:
                    return  # another article was opened meanwhile
                deadline = time.perf_counter() + QUOTE_STEP_S
        if self._quote_batches is not batches:
            return
        self._quote_batches = None
        reader = self.reader
        reader.set_quotes(quotes)
        self.sidebar.show(reader.quotes, reader.styles_for)
        self._go_to(quote_id, offset)

    def _go_to(self, quote_id: int | None, offset: int | None) -> None:
        """Make quote `quote_id`, else the quote at body `offset`, current; else scroll to `offset`."""
        reader = self.reader
        index = None
        if quote_id is not None:
            index = next((i for i, q in enumerate(reader.quotes) if q.id == quote_id), None)
        if index is None and offset is not None:
            index = next((i for i, q in enumerate(reader.quotes) if q.start <= offset < q.end), None)
            if index is None:
                reader.scroll_to_offset(offset)
        if index is not None:
            reader.select(index, notify=False)
            self.sidebar.highlight_quote(index)

    def _title_reader(self) -> None:
        a = self.reader.article
        if a is None:
            self.reader.border_title = "Reader"
            return
        flags = ("★ " if a.starred else "") + ("" if a.read else "● ")
        self.reader.border_title = f"{flags}Reader"

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        if self.open_article(event.article_id) and not self.reader.display:
            self.reader.focus()  # one pane at a time: show what was opened

    # --- quote sync -----------------------------------------------------------------

    @on(VirtualList.Highlighted, "#quotes")
    def _sidebar_moved(self, event: VirtualList.Highlighted) -> None:
        if isinstance(event, VirtualList.Selected):
            return
        index = self.sidebar.current_index
        if not self.sidebar.has_focus or index is None:
            return
        if self.reader.current != index:
            self.reader.select(index, notify=False)

    @on(VirtualList.Selected, "#quotes")
    def _sidebar_selected(self, event: VirtualList.Selected) -> None:
        index = self.sidebar.current_index
        if index is None:
            return
        if self.reader.current != index:
            self.reader.select(index, notify=False)
        else:
            self.reader.scroll_to_quote(index)

    @on(Reader.QuoteChanged)
    def _reader_moved(self, event: Reader.QuoteChanged) -> None:
        self.sidebar.highlight_quote(event.index)

    @on(Reader.SpeakerClicked)
    def _legend_clicked(self, event: Reader.SpeakerClicked) -> None:
        self.set_speaker_filter(None if self.speaker_filter == event.speaker else event.speaker)

    def current_quote(self):
        reader = self.reader
        index = reader.current
        if index is None:
            index = self.sidebar.current_index
        if index is not None and 0 <= index < len(reader.quotes):
            return reader.quotes[index]
        return None

    def set_speaker_filter(self, speaker: str | None) -> None:
        self.speaker_filter = speaker  # the reader and the sidebar follow (data_bind)
        current = self.reader.current
        if current is not None and (speaker is None or speaker_label(self.reader.quotes[current]) == speaker):
            self.sidebar.highlight_quote(current)

    # --- actions --------------------------------------------------------------------

    def action_next_quote(self) -> None:
        self.reader.action_next_quote()

    def action_previous_quote(self) -> None:
        self.reader.action_previous_quote()

    def action_filter_speaker(self) -> None:
        if self.speaker_filter is not None:
            self.set_speaker_filter(None)
            return
        quote = self.current_quote()
        if quote is None:
            self.notify("Move to a quote first (n), then filter by its speaker", severity="warning")
            return
        self.set_speaker_filter(speaker_label(quote))

    def action_explain_quote(self) -> None:
        quote = self.current_quote()
        if quote is None:
            self.notify("Move to a quote first (n), then explain it", severity="warning")
            return
        text = explanation(quote.speaker, quote.type, quote.cue, quote.rule, quote.how)
        self.notify(safe_text(text), title="Why this quote", timeout=12, markup=False)

    def action_help(self) -> None:
        from tui.app.screens import HelpScreen

        self.push_screen(HelpScreen(self.binding_rows(), self.config_file))

    @staticmethod
    def pane_bindings() -> list[tuple[str, Binding]]:
        """(pane, binding) for every binding of the app, its panes and its screens."""
        from tui.app import screens

        panes: list[tuple[str, type[App | Widget | Screen]]] = [
            (EVERYWHERE, NewsReaderApp),
            ("Article list", ArticleList),
            ("Reader", Reader),
            ("Quote sidebar", QuoteSidebar),
            ("Search", screens.SearchScreen),
            ("Speaker view", screens.SpeakerScreen),
            ("Speaker view", screens.SpeakerQuoteList),
            ("Help", screens.HelpScreen),
        ]
        rows = []
        for pane, cls in panes:
            for binding in cls.BINDINGS:
                assert isinstance(binding, Binding)  # the app's bindings are all typed, with ids
                rows.append((pane, binding))
        return rows

    def binding_rows(self) -> list[tuple[str, str, str, str, str]]:
        """(pane, keys, description, id, longer help) for every binding, with the user's keymap applied."""
        rows = []
        for pane, binding in self.pane_bindings():
            keys = self.keymap.get(binding.id, binding.key) if binding.id else binding.key
            shown = ", ".join(self.get_key_display(binding.with_key(k.strip())) for k in keys.split(","))
            rows.append((pane, shown, binding.description, binding.id or "", binding.tooltip or ""))
        return rows

    def action_search(self) -> None:
        def done(choice: SearchChoice | None) -> None:
            if choice is None:
                return
            hit = choice.hit
            if choice.show_speaker and hit.speaker_id is not None:
                self.open_speaker(hit.speaker_id)
            elif self.open_article(hit.article_id, quote_id=hit.quote_id, offset=hit.offset):
                self.reader.mark(hit_ranges(hit, self.reader))
                self.reader.focus()

        from tui.app.screens import SearchScreen

        self.push_screen(SearchScreen(self.search_service, self.search_service.last_query), done)

    def action_speaker_view(self) -> None:
        quote = self.current_quote()
        if quote is None and self.reader.quotes:
            # No quote chosen: the article's most quoted named speaker.
            named = [q for q in self.reader.quotes if q.speaker_id is not None]
            if named:
                from collections import Counter

                top = Counter(q.speaker_id for q in named).most_common(1)[0][0]
                quote = next(q for q in named if q.speaker_id == top)
        if quote is None:
            self.notify("No quote here: open an article with quotes", severity="warning")
            return
        if quote.speaker_id is None:
            self.notify(f"{safe_text(speaker_label(quote))} is an unnamed source", severity="warning", markup=False)
            return
        self.open_speaker(quote.speaker_id)

    def open_speaker(self, speaker_id: int) -> None:
        name = Q.speaker_name(self.db, speaker_id)
        if name is None:
            self.notify("Unknown speaker", severity="warning")
            return
        def done(chosen: SpeakerQuote | None) -> None:
            if chosen is not None:
                self.open_article(chosen.quote.article_id, quote_id=chosen.quote.id)
                self.reader.focus()

        from tui.app.screens import SpeakerScreen

        self.push_screen(SpeakerScreen(name, speaker_id, self.db, self.db_path), done)

    def _target_article(self) -> int | None:
        if self.focused is self.article_list and self.article_list.cursor_row is not None:
            return self.article_list.cursor_row.id
        return self.reader.article.id if self.reader.article else None

    def _toggle(self, flag: str) -> None:
        if self.read_only:
            self.notify("The index is read-only", severity="warning")
            return
        article_id = self._target_article()
        if article_id is None:
            return
        detail = Q.get_article(self.db, article_id)
        if detail is None:
            return
        value = not getattr(detail, flag)
        if not self._save_flag(article_id, flag, value):
            return
        if self.reader.article and self.reader.article.id == article_id:
            self.reader.article = Q.get_article(self.db, article_id)
            self._title_reader()
        self.poll_index()  # rows others added must not shift under the cursor when pages are re-read
        if flag == "read" and self.article_list.unread_only:
            self.article_list.reload()
        else:
            self.article_list.invalidate()
        words = {"read": ("read", "unread"), "starred": ("starred", "unstarred")}[flag]
        self.notify(f"Marked {words[0] if value else words[1]}", timeout=2)

    def _save_flag(self, article_id: int, flag: str, value: bool) -> bool:
        """Set a flag in the index; when it cannot be saved (a full disk, ...), say so."""
        try:
            Q.set_flag(self.db, article_id, flag, value)
        except sqlite3.Error as e:
            from tui.index.db import write_problem

            problem = write_problem(e, self.db_path)
            if problem is None:
                raise
            self.notify(f"Not saved: {problem}", title="Index", severity="error", markup=False)
            return False
        return True

    def action_toggle_read(self) -> None:
        self._toggle("read")

    def action_toggle_star(self) -> None:
        self._toggle("starred")

    def action_toggle_unread(self) -> None:
        lst = self.article_list
        lst.unread_only = not lst.unread_only
        lst.reload()
        if lst.open_id is not None:
            lst.set_open(lst.open_id, lst.position_of(lst.open_id))

    def action_import_path(self) -> None:
        if self.read_only:
            self.notify("The index is read-only", severity="warning")
            return

        def done(path: str | None) -> None:
            if path:
                self.start_import([path])

        from tui.app.screens import PromptScreen

        self.push_screen(PromptScreen("Import a file, folder, feed or URL", "path or URL"), done)

    # --- the index changing -------------------------------------------------------

    def poll_index(self) -> None:
        """Pick up what another process (or our importer) committed. `PRAGMA data_version`
        changes only when another connection commits: while nothing changed, no query runs."""
        try:
            version = self._data_version()
            if version != self._seen_version:
                self._reload_list()  # new articles, and flags or articles changed by others
                self._refresh_reader_flags()
                self._seen_version = version
        except sqlite3.Error as e:  # the file went away or is busy: say so once, keep what is shown
            if not self._poll_failed:
                self._poll_failed = True
                self.notify(f"Cannot read the index: {e}", severity="error", markup=False)
            return
        self._poll_failed = False

    def _refresh_reader_flags(self) -> None:
        """The open article's ★ and ● as the index has them now (another process may have changed them)."""
        a = self.reader.article
        flags = Q.article_flags(self.db, a.id) if a is not None else None
        if a is not None and flags is not None and flags != (bool(a.read), bool(a.starred)):
            self.reader.article = replace(a, read=flags[0], starred=flags[1])
            self._title_reader()

    def _data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _reload_list(self) -> None:
        lst = self.article_list
        keep = lst.cursor_row.id if lst.cursor_row is not None else None
        lst.reload()
        if keep is not None:
            position = lst.position_of(keep)
            if position is not None:
                lst.cursor = position
        if self.reader.article is None and lst.count and not self.importing:
            self.show_cursor_article()

    def start_import(self, targets: list[str], first_start: bool = False) -> None:
        if self.importing:
            self.notify("An import is already running", severity="warning")
            return
        self.importing = True
        label = "Importing the bundled sample articles…" if first_start else f"Importing {safe_text(', '.join(targets))}…"
        self.show_status(label)
        self.import_worker(targets, first_start)

    def show_status(self, label: str, done: int | None = None, total: int | None = None) -> None:
        """The status line above the footer (an import's or a refresh's progress)."""
        if self._progress is None:  # the first use: the status line is made now, not at every start
            from textual.widgets import ProgressBar

            self._status_label = Label(id="status-label", markup=False)
            self._progress = ProgressBar(id="progress", show_eta=False)
            self.mount(Horizontal(self._status_label, self._progress, id="status"), after="#panes")
        assert self._status_label is not None and self._progress is not None
        self.query_one("#status").display = True
        self._status_label.update(label)
        self._progress.update(total=total, progress=done or 0)

    @work(thread=True, exclusive=True, group="import")
    def import_worker(self, targets: list[str], first_start: bool) -> None:
        # A thread with its own connection; widgets are touched only via call_from_thread.
        import time

        from textual.worker import get_current_worker

        from tui.index.db import open_index
        from tui.index.importer import import_sources

        worker = get_current_worker()
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:  # the app is closing: stop; committed batches are kept
                raise ImportCancelled
            now = time.monotonic()
            if done == total or now - last > 0.1:  # a few updates a second, not one per file
                last = now
                self._from_thread(self._import_progress, done, total)

        db = None
        try:
            db, _ = open_index(self.db_path)
            # One process: forking a worker pool from a threaded program can deadlock the
            # children on a lock another thread held. Large imports belong to `newsreader import`.
            summary = import_sources(db, targets, progress=progress, workers=1)
        except ImportCancelled:
            return
        except Exception as e:
            from tui.index.db import write_problem

            problem = write_problem(e, self.db_path)
            if problem is None:
                message = f"{type(e).__name__}: {e}"
            else:
                message = f"cannot write the index: {problem}; the articles committed before are kept"
            self._from_thread(self._import_finished, None, message, first_start)
        else:
            self._from_thread(self._import_finished, summary, None, first_start)
        finally:
            if db is not None:
                db.close()

    def _from_thread(self, callback, *args) -> None:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app has stopped meanwhile

    def _import_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(total=total, progress=done)
        self.poll_index()  # committed batches show up in the list as they land

    def _import_finished(self, summary, error: str | None, first_start: bool) -> None:
        self.importing = False
        self.query_one("#status").display = False
        self._reload_list()
        if error:
            self.notify(safe_text(error), title="Import failed", severity="error", markup=False)
            return
        failed = len(summary.failed)
        # Each failure with its file or URL and reason, as the command line prints them.
        lines = [summary.describe()]
        lines += [
            "failed: " + safe_text(f"{source}: {reason}").replace("\n", "\u2424")  # one line each
            for source, reason in summary.failed[:FAILURES_SHOWN]
        ]
        if failed > FAILURES_SHOWN:
            lines.append(f"… and {failed - FAILURES_SHOWN} more")
        self.notify(
            "\n".join(lines),
            title="Import",
            severity="warning" if failed or summary.extraction_failed else "information",
            markup=False,
            timeout=15 if failed else None,
        )
        if first_start:
            seed = Q.find_article_by_source(self.db, SEED_NAME)
            if seed is not None:
                self.open_article(seed, mark_read=False)
            else:
                self.show_cursor_article()
        elif self.reader.article is None:
            self.show_cursor_article()
