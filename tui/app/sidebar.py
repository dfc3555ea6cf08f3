"""The quote sidebar: the open article's quotes in reading order."""
from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.colors import SpeakerStyles
from tui.app.reader import safe_text, speaker_label
from tui.index.queries import QuoteRow

EXCERPT = 140


# What each kind of quote is called on screen. Only a direct quote is shown in quotation
# marks: reported speech is the writer's words, and is never made to look verbatim.
TYPE_LABEL = {"direct": "direct quote", "indirect": "reported speech", "mixed": "partly quoted"}
REPORTED = Style(italic=True)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(safe_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def type_label(kind: str) -> str:
    return TYPE_LABEL.get(kind, kind or "quote")


def quote_excerpt(text: str, kind: str, limit: int = EXCERPT) -> Content:
    """A quote's words: a direct quote in quotation marks, anything else in italics without."""
    words = excerpt(text, limit)
    return Content(f"“{words}”") if kind == "direct" else Content.styled(words, REPORTED)


class QuoteSidebar(OptionList):
    """Each option: speaker (in colour) and type, then an excerpt. Option ids are quote indices.

    `speaker_filter` is the app's (bound with data_bind): only that speaker's quotes are listed.
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next quote", id="sidebar_down", show=False),
        Binding("up,k", "cursor_up", "Previous quote", id="sidebar_up", show=False),
        Binding("g,home", "first", "First quote", id="sidebar_first", show=False),
        Binding("G,end", "last", "Last quote", id="sidebar_last", show=False),
        Binding("pagedown,ctrl+d", "page_down", "Page down", id="sidebar_page_down", show=False),
        Binding("pageup,ctrl+u", "page_up", "Page up", id="sidebar_page_up", show=False),
        Binding("enter", "select", "Show quote in reader", id="sidebar_select"),
    ]

    speaker_filter: reactive[str | None] = reactive(None, init=False)

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.quotes: list[QuoteRow] = []
        self._styles_for: Callable[[str], SpeakerStyles | None] = lambda speaker: None

    def show(self, quotes: list[QuoteRow], styles_for: Callable[[str], SpeakerStyles | None]) -> None:
        self.quotes = quotes
        self._styles_for = styles_for
        self._rebuild()

    def restyle(self) -> None:
        """Rebuild in the speakers' new colours (the theme changed), keeping the highlight."""
        highlighted = self.current_index
        self._rebuild()
        self.highlight_quote(highlighted)

    def watch_speaker_filter(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        self._title()

    def _rebuild(self) -> None:
        self.clear_options()
        options = []
        for i, q in enumerate(self.quotes):
            name = speaker_label(q)
            if self.speaker_filter is not None and name != self.speaker_filter:
                continue
            st = self._styles_for(name)
            head = Content.assemble(
                Content.styled(safe_text(name).replace("\n", " "), st.name if st else Style(bold=True)),
                Content.styled(f"  {type_label(q.type)}", Style(italic=True, dim=True)),
            )
            body = quote_excerpt(q.text, q.type)
            options.append(Option(Content("\n").join([head, body]), id=str(i)))
        self.add_options(options)
        self._title()

    def _title(self) -> None:
        """ "Quotes (12)", or "Quotes by Daniel Oka… (4/12)": a long name is cut, the count always shows."""
        total = len(self.quotes)
        if self.speaker_filter is None:
            self.border_title = f"Quotes ({total})"
            return
        count = f" ({self.option_count}/{total})"
        room = max(0, self.outer_size.width - 6)  # the border's corners, "─ " before and " ─" after
        name = Content(safe_text(self.speaker_filter).replace("\n", " "))  # never parsed as markup
        head = Content("Quotes by ")
        if head.cell_length + min(name.cell_length, 6) + len(count) > room:
            head = Content("")  # narrow: the name and the count are what matter
        width = max(2, room - head.cell_length - len(count))
        self.border_title = head + name.truncate(width, ellipsis=True) + count

    @property
    def current_index(self) -> int | None:
        """The quote index (into `quotes`) under the highlight."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return int(option.id) if option.id is not None else None

    def highlight_quote(self, index: int | None) -> None:
        """Move the highlight to quote `index` (no-op if it is filtered out)."""
        if index is None:
            self.highlighted = None
            return
        try:
            position = self.get_option_index(str(index))
        except Exception:
            return
        if self.highlighted != position:
            self.highlighted = position
