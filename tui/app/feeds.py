"""Reading like a feed reader: refresh (R), the feeds picker (l), mark all read (A), sort (S),
delete (D), and the article's link (o opens it, y copies it).

The app mixes `FeedActions` in; its bindings are listed in the app's BINDINGS. The refresh
runs in a thread worker with its own connection and only posts messages; the handlers here,
on the app's thread, change what is shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.app.reader import safe_text
from tui.index import queries as Q
from tui.text import plural

if TYPE_CHECKING:
    from tui.app.app import NewsReaderApp

SORT_ORDER = ("date", "feed", "title")
FAILURES_SHOWN = 5  # failed feeds named one by one after a refresh; the rest are counted


@dataclass(frozen=True)
class ListFilter:
    """What the article list shows: everything, one feed, or one outlet of imported files."""

    name: str = ""
    feed_id: int | None = None
    outlet: str | None = None


class RefreshCancelled(Exception):
    """Raised in the refresh worker to stop it when the app closes."""


class FeedRefreshed(Message):
    """One feed is done (posted by the refresh worker)."""

    def __init__(self, result, done: int, total: int) -> None:
        super().__init__()
        self.result = result
        self.done = done
        self.total = total


class RefreshFinished(Message):
    """Every feed is done, or the refresh failed as a whole (`error`)."""

    def __init__(self, results: list, error: str | None = None) -> None:
        super().__init__()
        self.results = results
        self.error = error


class FeedsScreen(ModalScreen[ListFilter | None]):
    """Pick what the article list shows: all articles, a feed, or an outlet; with unread counts."""

    BINDINGS = [
        Binding("escape,l", "dismiss(None)", "Close", id="feeds_close"),
        Binding("down,j", "move(1)", "Next feed", id="feeds_down", show=False),
        Binding("up,k", "move(-1)", "Previous feed", id="feeds_up", show=False),
    ]

    class Loaded(Message):
        def __init__(self, feeds: list, outlets: list, total: tuple[int, int]) -> None:
            super().__init__()
            self.feeds = feeds
            self.outlets = outlets
            self.total = total

    def __init__(self, db_path, current: ListFilter) -> None:
        super().__init__()
        self.db_path = db_path
        self.current = current
        self.filters: list[ListFilter] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            yield OptionList(id="feeds-list")
            yield Label("Counting…", id="feeds-status", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#feeds-box")
        box.border_title = "Feeds"
        box.border_subtitle = "enter shows · esc closes · R refreshes"
        self.query_one(OptionList).focus()
        self.load()

    @work(thread=True, exclusive=True, group="feeds")
    def load(self) -> None:
        from tui.index.feeds import feeds, outlets

        conn, _ = Q.connect(self.db_path)  # its own connection: this is a worker thread
        try:
            total = (Q.article_count(conn, True), Q.article_count(conn))
            self.post_message(self.Loaded(feeds(conn), outlets(conn), total))
        finally:
            conn.close()

    def on_feeds_screen_loaded(self, message: Loaded) -> None:
        options: list[Option | None] = []
        self.filters = []
        dim = Style(dim=True)

        def add(f: ListFilter, name: str, unread: int, total: int, note: str = "") -> None:
            head = Content.assemble(
                Content.styled(f"{unread:>6,}  ", Style(bold=bool(unread))),
                Content(safe_text(name).replace("\n", " ")),
                Content.styled(f"  of {total:,}", dim),
            )
            lines = [head]
            if note:
                lines.append(Content.styled("       ⚠ " + safe_text(note).replace("\n", " "), Style(italic=True)))
            options.append(Option(Content("\n").join(lines), id=str(len(self.filters))))
            self.filters.append(f)

        add(ListFilter(), "All articles", message.total[0], message.total[1])
        if message.feeds:
            options.append(None)
            for feed in message.feeds:
                note = f"{feed.last_error}" if feed.last_status == "failed" else ""
                add(ListFilter(feed.name, feed_id=feed.id), feed.name, feed.unread, feed.total, note)
        named = [o for o in message.outlets if o[0]]
        if message.outlets:
            options.append(None)
            for outlet, unread, total in message.outlets:
                add(ListFilter(outlet or "(no outlet)", outlet=outlet), outlet or "(no outlet)", unread, total)
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(options)
        current = next((i for i, f in enumerate(self.filters) if f == self.current), 0)
        ol.highlighted = ol.get_option_index(str(current))
        status = f"{plural(len(message.feeds), 'feed')}, {plural(len(named), 'outlet')} of imported files"
        self.query_one("#feeds-status", Label).update(status + " · unread of all")

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + delta))

    @on(OptionList.OptionSelected, "#feeds-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.filters[int(event.option.id)])


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter confirms, n or esc declines."""

    BINDINGS = [
        Binding("y,enter", "dismiss(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(Content(self.question), id="confirm-question")
            yield Label("y: yes · n: no", id="confirm-keys")

    def on_mount(self) -> None:
        self.query_one("#confirm-box").border_title = "Confirm"


class FeedActions:
    """The app's feed-reader actions (mixed into NewsReaderApp)."""

    refreshing = False

    @property
    def _news(self) -> NewsReaderApp:
        return cast("NewsReaderApp", self)

    # --- refresh ------------------------------------------------------------------

    def action_refresh_feeds(self) -> None:
        app = self._news
        if app.read_only:
            app.notify("The index is read-only", severity="warning")
            return
        if app.refreshing or app.importing:
            app.notify("Wait for the import or refresh that is running", severity="warning")
            return
        from tui.index.feeds import feeds

        if not feeds(app.db):
            app.notify("No subscriptions yet: newsreader add URL, or import an OPML file", severity="warning")
            return
        app.refreshing = True
        app.show_status("Refreshing feeds…")
        app.refresh_worker()

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_worker(self) -> None:
        from textual.worker import get_current_worker

        from tui.index.db import open_index
        from tui.index.feeds import refresh

        app = self._news
        worker = get_current_worker()

        def progress(result, done: int, total: int) -> None:
            if worker.is_cancelled:  # the app is closing: stop; feeds written so far are kept
                raise RefreshCancelled
            app.post_message(FeedRefreshed(result, done, total))

        db = None
        try:
            db, _ = open_index(app.db_path)
            results = refresh(db, progress=progress)
        except RefreshCancelled:
            return
        except Exception as e:  # noqa: BLE001 (the index could not be opened or written: said in the app)
            app.post_message(RefreshFinished([], f"{type(e).__name__}: {e}"))
        else:
            app.post_message(RefreshFinished(results))
        finally:
            if db is not None:
                db.close()

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        app = self._news
        r = message.result
        outcome = {"ok": f"{r.added} new", "not modified": "not modified"}.get(r.status, "failed")
        app.show_status(f"Refreshing feeds {message.done}/{message.total} · {safe_text(r.url)}: {outcome}",
                         message.done, message.total)
        if r.status == "failed":
            app.notify(f"{safe_text(r.url)}: {safe_text(r.error)}", title="Feed failed",
                        severity="error", markup=False, timeout=8)
        app.poll_index()  # the feed's new articles appear as they land
        if isinstance(app.screen, FeedsScreen):
            app.screen.load()  # its counts follow

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        app = self._news
        app.refreshing = False
        app.query_one("#status").display = False
        app._reload_list()
        if message.error:
            app.notify(safe_text(message.error), title="Refresh failed", severity="error", markup=False)
            return
        results = message.results
        failed = [r for r in results if r.status == "failed"]
        added = sum(r.added for r in results)
        app.notify(
            f"{plural(len(results), 'feed')}: {added} new, {sum(r.updated for r in results)} updated, "
            f"{len(failed)} failed",
            title="Refresh", severity="warning" if failed else "information", markup=False,
        )

    # --- the list's filter and order --------------------------------------------------

    def action_feeds(self) -> None:
        app = self._news
        lst = app.article_list
        current = ListFilter(lst.filter_name, lst.feed_id, lst.outlet)

        def done(chosen: ListFilter | None) -> None:
            if chosen is not None:
                app.set_list_filter(chosen)

        app.push_screen(FeedsScreen(app.db_path, current), done)

    def set_list_filter(self, chosen: ListFilter) -> None:
        app = self._news
        lst = app.article_list
        lst.feed_id, lst.outlet, lst.filter_name = chosen.feed_id, chosen.outlet, chosen.name
        lst.cursor = 0
        lst.reload()
        lst.set_open(lst.open_id, lst.position_of(lst.open_id) if lst.open_id is not None else None)
        lst.focus()

    def action_sort(self) -> None:
        app = self._news
        lst = app.article_list
        keep = lst.cursor_row.id if lst.cursor_row is not None else None
        lst.sort = SORT_ORDER[(SORT_ORDER.index(lst.sort) + 1) % len(SORT_ORDER)]
        lst.reload()
        if keep is not None:
            position = lst.position_of(keep)
            if position is not None:
                lst.cursor = position
        app.notify(f"Sorted by {lst.sort}" + (" (newest first)" if lst.sort == "date" else ""), timeout=2)

    def action_mark_all_read(self) -> None:
        app = self._news
        if app.read_only:
            app.notify("The index is read-only", severity="warning")
            return
        lst = app.article_list
        n = Q.mark_all_read(app.db, feed_id=lst.feed_id, outlet=lst.outlet)
        lst.reload()
        if app.reader.article is not None:
            app.reader.article = Q.get_article(app.db, app.reader.article.id)
            app._title_reader()
        where = f" in {lst.filter_name}" if lst.filter_name else ""
        app.notify(f"Marked {plural(n, 'article')} read{where}", timeout=3, markup=False)

    # --- one article --------------------------------------------------------------------

    def action_delete_article(self) -> None:
        app = self._news
        if app.read_only:
            app.notify("The index is read-only", severity="warning")
            return
        article_id = app._target_article()
        detail = Q.get_article(app.db, article_id) if article_id is not None else None
        if detail is None:
            return
        title = safe_text(detail.title).replace("\n", " ")
        question = f"Delete “{title}” and its {plural(detail.quote_count, 'quote')} from the index?"

        def done(yes: bool | None) -> None:
            if yes:
                app.delete_article(detail.id)

        app.push_screen(ConfirmScreen(question), done)

    def delete_article(self, article_id: int) -> None:
        app = self._news
        lst = app.article_list
        position = lst.position_of(article_id)
        if not Q.delete_article(app.db, article_id):
            app.notify("That article is no longer in the index", severity="warning")
        app.search_service.forget()  # its speakers' latest quotes, the article count
        lst.reload()
        if position is not None:
            lst.cursor = position
        if app.reader.article is not None and app.reader.article.id == article_id:
            lst.open_id = None
            app.reader.show(None, [])
            app.sidebar.show([], app.reader.styles_for)
            app._title_reader()
            app.show_cursor_article()
        app.notify("Article deleted", timeout=2)

    def _link(self) -> str | None:
        app = self._news
        article_id = app._target_article()
        detail = Q.get_article(app.db, article_id) if article_id is not None else None
        if detail is None:
            return None
        if not detail.link:
            app.notify("This article has no web link: it was imported from a file", severity="warning")
            return None
        return detail.link

    def action_open_link(self) -> None:
        app = self._news
        link = app._link()
        if link is None:
            return
        import webbrowser

        if webbrowser.open(link):
            app.notify(f"Opened {safe_text(link)}", timeout=2, markup=False)
        else:
            app.copy_to_clipboard(link)
            app.notify("No browser found: the link was copied instead", severity="warning")

    def action_copy_link(self) -> None:
        app = self._news
        link = app._link()
        if link is not None:
            app.copy_to_clipboard(link)
            app.notify(f"Copied {safe_text(link)}", timeout=2, markup=False)
