"""Screens: search, a speaker's quotes, help, and a path prompt."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.style import Style
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.footer import Footer
from tui.app.sidebar import quote_excerpt, type_label
from tui.app.reader import safe_text
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


def move_highlight(options: OptionList, delta: int) -> None:
    """Move an option list's highlight by delta, staying within the list."""
    if options.option_count:
        current = options.highlighted if options.highlighted is not None else -1
        options.highlighted = max(0, min(options.option_count - 1, current + delta))


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
            yield OptionList(id="search-results")
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
            self.query_one(OptionList).clear_options()
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
        results = self.query_one(OptionList)
        status = self.query_one("#search-status", Label)
        self.hits = message.hits
        results.clear_options()
        if message.error:
            status.update(f"Search failed: {message.error}")
            return
        accent = Color.parse(self.app.current_theme.accent or "#ffa62b")
        mark = Style(foreground=accent, bold=True, underline=True)
        options = []
        for i, hit in enumerate(message.hits):
            kind = KIND_LABEL.get(hit.kind, hit.kind)
            head = Content.assemble(Content.styled(f"{kind:>7} ", Style(bold=True)), highlight(hit.text, hit.spans, mark))
            title = safe_text(hit.article_title or "").replace("\n", " ")
            if len(title) > 70:
                title = title[:69].rstrip() + "…"
            where = Content.styled(f"        in {title}", Style(dim=True))
            options.append(Option(Content("\n").join([head, where]), id=str(i)))
        results.add_options(options)
        if options:
            results.highlighted = 0
        if options:
            status.update(f"{plural(len(options), 'result')} — enter opens, esc goes back")
        else:
            status.update(f"No results for “{safe_text(message.query).strip()}” — esc goes back")

    def action_move(self, delta: int) -> None:
        move_highlight(self.query_one(OptionList), delta)

    def _selected_hit(self) -> Hit | None:
        results = self.query_one(OptionList)
        if results.highlighted is None or not self.hits:
            return None
        return self.hits[results.highlighted]

    @on(Input.Submitted)
    def _submitted(self) -> None:
        hit = self._selected_hit()
        if hit is not None:
            self.dismiss(SearchChoice(hit))

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(SearchChoice(self.hits[event.option_index]))

    def action_speaker(self) -> None:
        hit = self._selected_hit()
        if hit is None or hit.speaker_id is None:
            self.notify("This result has no speaker", severity="warning")
            return
        self.dismiss(SearchChoice(hit, show_speaker=True))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SpeakerScreen(Screen[SpeakerQuote | None]):
    """Everything one speaker said across the collection, newest first."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="speaker_back"),
        Binding("down,j", "move(1)", "Next quote", id="speaker_down", show=False),
        Binding("up,k", "move(-1)", "Previous quote", id="speaker_up", show=False),
        Binding("enter", "open", "Open article at quote", id="speaker_open"),
    ]

    def __init__(self, name: str, quotes: list[SpeakerQuote]) -> None:
        super().__init__()
        self.speaker = name
        self.quotes = quotes

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-box"):
            yield OptionList(id="speaker-quotes")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#speaker-box")
        box.border_title = Content(f"{safe_text(self.speaker)} — {plural(len(self.quotes), 'quote')}")
        box.border_subtitle = "enter opens the article at the quote · esc back"
        options = []
        for i, sq in enumerate(self.quotes):
            head = Content.assemble(
                Content.styled(sq.published[:10] or "undated", Style(dim=True)),
                Content.styled(f"  {type_label(sq.quote.type):<15}  ", Style(italic=True, dim=True)),
                Content.styled(safe_text(sq.article_title).replace("\n", " "), Style(bold=True)),
            )
            body = Content("  ") + quote_excerpt(sq.quote.text, sq.quote.type, 300)
            options.append(Option(Content("\n").join([head, body]), id=str(i)))
        ol = self.query_one(OptionList)
        ol.add_options(options)
        if options:
            ol.highlighted = 0
        ol.focus()

    def action_move(self, delta: int) -> None:
        move_highlight(self.query_one(OptionList), delta)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.quotes[event.option_index])

    def action_open(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            self.dismiss(self.quotes[ol.highlighted])

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
