"""Screens: search, a speaker's quotes, help, and a path prompt."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.style import Style
from textual.widgets import Input, Label, Static

from tui.app.footer import Footer
from tui.app.reader import safe_text
from tui.app.sidebar import excerpt_lines, quote_excerpt, type_label
from tui.app.vlist import VirtualList
from tui.index import queries as Q
from tui.index.queries import SpeakerQuote
from tui.text import plural

if TYPE_CHECKING:
    from tui.app.searching import SearchService
    from tui.index.search import Hit  # loaded with the first search, not with this screen

KIND_LABEL = {"title": "title", "speaker": "speaker", "quote": "quote", "body": "text"}


@dataclass(frozen=True)
class SearchChoice:
    """What the user chose in the search screen: open the hit's article, or its speaker's quotes."""

    hit: Hit
    show_speaker: bool = False


def highlight(text: str, spans, style: Style, limit: int = 160) -> Content:
    """`text` (article-derived: made printable, never parsed) with `spans` highlighted, clipped around the first."""
    text = safe_text(text).replace("\n", " ")
    spans = [(max(0, a), min(len(text), b)) for a, b in spans if a < b]
    start = 0
    if spans and spans[0][0] > limit // 2:
        start = spans[0][0] - limit // 3
    clipped = text[start : start + limit]
    content = Content(("…" if start else "") + clipped + ("…" if start + limit < len(text) else ""))
    shift = 1 if start else 0
    for a, b in spans:
        a, b = a - start + shift, b - start + shift
        if b > shift and a < len(clipped) + shift:
            content = content.stylize(style, max(a, shift), min(b, len(clipped) + shift))
    return content


class SearchResults(VirtualList, can_focus=False):
    """Search hits, two lines each (what matched, where): replaced at every keystroke, so only
    the rows on screen are drawn (an OptionList renders all 50 when filled: ~25 ms)."""

    ROW_HEIGHT = 2

    def __init__(self, *, id=None) -> None:
        super().__init__(id=id)
        self.hits: list = []
        self._mark = Style(bold=True, underline=True)

    def set_hits(self, hits: list, mark: Style) -> None:
        self.hits, self._mark = hits, mark
        self.set_reactive(VirtualList.highlighted, 0 if hits else None)
        self.set_count(len(hits))
        self.scroll_to(y=0, animate=False, immediate=True)

    def move(self, delta: int) -> None:
        self._move_to((self.highlighted if self.highlighted is not None else -1) + delta)

    def render_row(self, index: int, width: int, highlighted: bool) -> list[Content]:
        hit = self.hits[index]
        kind = KIND_LABEL.get(hit.kind, hit.kind)
        head = Content.assemble(Content.styled(f" {kind:>7} ", Style(bold=True)), highlight(hit.text, hit.spans, self._mark))
        title = safe_text(hit.article_title or "").replace("\n", " ")
        where = Content.styled(f"         in {title}", Style(dim=True))
        return [head.truncate(width, ellipsis=True), where.truncate(width, ellipsis=True)]


class SearchScreen(ModalScreen[SearchChoice | None]):
    """Type to search; results follow as you type; enter opens, esc goes back."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Back", id="search_back"),
        Binding("down", "move(1)", "Next result", id="search_down", show=False),
        Binding("up", "move(-1)", "Previous result", id="search_up", show=False),
        Binding("ctrl+s", "speaker", "Speaker of result", id="search_speaker"),
    ]

    class Results(Message):
        def __init__(self, query: str, hits: list[Hit], error: str | None = None) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            self.error = error

    def __init__(self, service: SearchService, query: str = "") -> None:
        super().__init__()
        self.service = service
        self.initial = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial, placeholder="Search titles, speakers, quotes, text…", id="search-input")
            yield SearchResults(id="search-results")
            yield Label("Type to search", id="search-status", markup=False)
            yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        query = event.value
        self.service.last_query = query
        if not query.strip():
            self.hits = []
            self.query_one(SearchResults).set_hits([], Style())
            self.query_one("#search-status", Label).update("Type to search")
            return
        self.query_one("#search-status", Label).update("Searching…")
        self.run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        # A worker thread: touches no widget, only posts the result.
        try:
            hits = self.service.search(query, limit=50)
            self.post_message(self.Results(query, hits))
        except Exception as e:  # a broken query must not end the app
            self.post_message(self.Results(query, [], f"{type(e).__name__}: {e}"))

    def on_search_screen_results(self, message: Results) -> None:
        if message.query != self.query_one(Input).value:
            return  # stale: the user typed on
        results = self.query_one(SearchResults)
        status = self.query_one("#search-status", Label)
        self.hits = [] if message.error else message.hits
        accent = Color.parse(self.app.current_theme.accent or "#ffa62b")
        results.set_hits(self.hits, Style(foreground=accent, bold=True, underline=True))
        if message.error:
            status.update(f"Search failed: {message.error}")
            return
        n = len(self.hits)
        if n:
            status.update(f"{plural(n, 'result')} — enter opens, esc goes back")
        else:
            status.update(f"No results for “{safe_text(message.query).strip()}” — esc goes back")

    def action_move(self, delta: int) -> None:
        self.query_one(SearchResults).move(delta)

    def _selected_hit(self) -> Hit | None:
        results = self.query_one(SearchResults)
        if results.highlighted is None or not 0 <= results.highlighted < len(self.hits):
            return None
        return self.hits[results.highlighted]

    @on(Input.Submitted)
    def _submitted(self) -> None:
        hit = self._selected_hit()
        if hit is not None:
            self.dismiss(SearchChoice(hit))

    @on(VirtualList.Selected, "#search-results")
    def _selected(self, event: VirtualList.Selected) -> None:
        self.dismiss(SearchChoice(self.hits[event.index]))

    def action_speaker(self) -> None:
        hit = self._selected_hit()
        if hit is None or hit.speaker_id is None:
            self.notify("This result has no speaker", severity="warning")
            return
        self.dismiss(SearchChoice(hit, show_speaker=True))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SpeakerQuoteList(VirtualList):
    """A speaker's quotes, newest first: date, type and article title, then two lines of the quote.

    The count and the first page are read when the view opens; the order of all the
    quotes (their ids) comes from a worker, and rows are then read a page at a time.
    """

    ROW_HEIGHT = 3
    PAGE = 100

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next quote", id="speaker_down", show=False),
        Binding("up,k", "cursor_up", "Previous quote", id="speaker_up", show=False),
        Binding("g,home", "first", "First quote", id="speaker_first", show=False),
        Binding("G,end", "last", "Last quote", id="speaker_last", show=False),
        Binding("pagedown,ctrl+d", "page_down", "Page down", id="speaker_page_down", show=False),
        Binding("pageup,ctrl+u", "page_up", "Page up", id="speaker_page_up", show=False),
        Binding("enter", "select", "Open article at quote", id="speaker_open"),
    ]

    def __init__(self, db, first: list, count: int, *, id=None) -> None:
        super().__init__(id=id)
        self.db = db
        self.first = first
        self.ids: list[int] | None = None  # all the quotes' ids in order, once the worker has read them
        self._pages: LRUCache[int, list] = LRUCache(64)
        self.set_count(count)

    def set_ids(self, ids: list[int]) -> None:
        self.ids = ids
        self._pages.clear()
        self.set_count(len(ids))  # the count again, now that every row can be read

    def quote_at(self, index: int):
        """The SpeakerQuote of row `index`; None while its page cannot be read yet."""
        if index < len(self.first):
            return self.first[index]
        if self.ids is None or not 0 <= index < len(self.ids):
            return None
        page_no, offset = divmod(index, self.PAGE)
        page = self._pages.get(page_no)
        if page is None:
            page = Q.speaker_quotes_by_id(self.db, self.ids[page_no * self.PAGE : (page_no + 1) * self.PAGE])
            self._pages[page_no] = page
        return page[offset] if offset < len(page) else None

    def render_row(self, index: int, width: int, highlighted: bool) -> list[Content]:
        sq = self.quote_at(index)
        if sq is None:
            return [Content.styled(" …", Style(dim=True))]
        inner = max(1, width - 4)
        head = Content.assemble(
            Content.styled(sq.published[:10] or "undated", Style(dim=True)),
            Content.styled(f"  {type_label(sq.quote.type):<15}  ", Style(italic=True, dim=True)),
            Content.styled(safe_text(sq.article_title).replace("\n", " "), Style(bold=True)),
        ).truncate(width - 1, ellipsis=True)
        text = quote_excerpt(sq.quote.text, sq.quote.type, 300)
        return [Content(" ") + head, *(Content("   ") + line for line in excerpt_lines(text, inner, self.ROW_HEIGHT - 1))]


class SpeakerScreen(Screen[SpeakerQuote | None]):
    """Everything one speaker said across the collection, newest first."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="speaker_back"),
    ]

    class KeysRead(Message):
        def __init__(self, ids: list[int]) -> None:
            super().__init__()
            self.ids = ids

    def __init__(self, name: str, speaker_id: int, db, db_path) -> None:
        super().__init__()
        self.speaker = name
        self.speaker_id = speaker_id
        self.db_path = db_path
        self.count = Q.speaker_quote_count(db, speaker_id)
        self.quotes = SpeakerQuoteList(db, Q.speaker_quotes(db, speaker_id, SpeakerQuoteList.PAGE, self.count), self.count, id="speaker-quotes")

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-box"):
            yield self.quotes
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#speaker-box")
        n = self.count
        box.border_title = Content(f"{safe_text(self.speaker)} — {plural(n, 'quote')}")
        box.border_subtitle = "enter opens the article at the quote · esc back"
        if n:
            self.quotes.highlighted = 0
        self.quotes.focus()
        if n > len(self.quotes.first):
            self.call_after_refresh(self.read_keys)  # after the first frame: the worker holds the GIL often

    @work(thread=True, exclusive=True, group="speaker")
    def read_keys(self) -> None:
        from tui.index.db import connect

        conn = connect(self.db_path, read_only=True)
        try:
            ids = Q.speaker_quote_ids(conn, self.speaker_id)
        finally:
            conn.close()
        self.post_message(self.KeysRead(ids))

    def on_speaker_screen_keys_read(self, message: KeysRead) -> None:
        self.quotes.set_ids(message.ids)

    @on(VirtualList.Selected)
    def _selected(self, event: VirtualList.Selected) -> None:
        sq = self.quotes.quote_at(event.index)
        if sq is not None:
            self.dismiss(sq)

    def action_back(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every binding with its keys (after the user's keymap) and description."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss(None)", "Close help", id="help_close"),
        Binding("down,j", "scroll(1)", "Scroll down", id="help_down", show=False),
        Binding("up,k", "scroll(-1)", "Scroll up", id="help_up", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str, str, str, str]], config_file: Path | None = None) -> None:
        super().__init__()
        self.rows = rows  # (pane, keys, description, binding id, longer help)
        self.config_file = config_file

    def compose(self) -> ComposeResult:
        # A row per binding: its keys in one column, what it does in the next, where long
        # lines wrap (a hanging indent, never back under the keys).
        with VerticalScroll(id="help-box"):
            pane = None
            for where, keys, description, binding_id, more in self.rows:
                if where != pane:
                    yield Static(Content.styled(where, Style(bold=True, underline=True)), classes="help-pane")
                    pane = where
                text = Content.assemble(description, "  ", Content.styled(binding_id, Style(dim=True)))
                if more:
                    text = Content("\n").join([text, Content.styled(more, Style(italic=True, dim=True))])
                with Horizontal(classes="help-row"):
                    yield Static(Content.styled(keys, Style(bold=True)), classes="help-keys")
                    yield Static(text, classes="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        where = safe_text(str(self.config_file)) if self.config_file else "config.toml"
        box.border_subtitle = Content(f"esc closes · rebind: [keymap] id = \"keys\" in {where}")
        box.focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < 70, "-narrow")  # a narrower keys column

    def action_scroll(self, delta: int) -> None:
        box = self.query_one("#help-box")
        box.scroll_to(y=box.scroll_y + delta, animate=False)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text (a path to import)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="prompt_cancel")]

    def __init__(self, title: str, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Input(placeholder=self.placeholder, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one("#prompt-box").border_title = self.title_text
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
