"""The quote sidebar: the open article's quotes in reading order, a virtual list."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style

from tui.app.colors import SpeakerStyles
from tui.app.reader import safe_text, speaker_label
from tui.app.vlist import VirtualList
from tui.app.wrap import wrap
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


def excerpt_lines(text: Content, width: int, lines: int) -> list[Content]:
    """`text` wrapped to `width`, at most `lines` lines, the last one ending in "…" if cut."""
    starts: list[int] = []
    ends: list[int] = []
    plain = text.plain
    wrap(plain, 0, len(plain), max(1, width), starts, ends)
    out = [text[a:b].rstrip() for a, b in zip(starts[: lines - 1], ends, strict=False)]
    if len(starts) >= lines:
        out.append(text[starts[lines - 1] :].rstrip().truncate(width, ellipsis=True))
    return out


class QuoteSidebar(VirtualList):
    """Each row: speaker (in colour) and type, then two lines of the quote. Rows map to quote indices.

    `speaker_filter` is the app's (bound with data_bind): only that speaker's quotes are listed.
    """

    ROW_HEIGHT = 3

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
        self._indices: list[int] = []  # the quote index of each row (all, or one speaker's)
        self._styles_for: Callable[[str], SpeakerStyles | None] = lambda speaker: None

    def show(self, quotes: list[QuoteRow], styles_for: Callable[[str], SpeakerStyles | None]) -> None:
        self.quotes = quotes
        self._styles_for = styles_for
        self._rebuild()

    def restyle(self) -> None:
        """Redraw in the speakers' new colours (the theme changed), keeping the highlight."""
        self.redraw()

    def watch_speaker_filter(self) -> None:
        self._rebuild()

    def on_resize(self, event: events.Resize) -> None:  # VirtualList's own handler runs too
        self._title()

    def _rebuild(self) -> None:
        speaker = self.speaker_filter
        if speaker is None:
            self._indices = list(range(len(self.quotes)))
        else:
            self._indices = [i for i, q in enumerate(self.quotes) if speaker_label(q) == speaker]
        self.set_reactive(VirtualList.highlighted, None)
        self.set_count(len(self._indices))
        self.scroll_to(y=0, animate=False, immediate=True)
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
    def option_count(self) -> int:
        return self.count

    def render_row(self, index: int, width: int, highlighted: bool) -> list[Content]:
        q = self.quotes[self._indices[index]]
        name = speaker_label(q)
        st = self._styles_for(name)
        inner = max(1, width - 2)  # a cell of padding each side
        head = Content.assemble(
            Content.styled(safe_text(name).replace("\n", " "), st.name if st else Style(bold=True)),
            Content.styled(f"  {type_label(q.type)}", Style(italic=True, dim=True)),
        ).truncate(inner, ellipsis=True)
        lines = [head, *excerpt_lines(quote_excerpt(q.text, q.type), inner, self.ROW_HEIGHT - 1)]
        return [Content(" ") + line for line in lines]

    @property
    def current_index(self) -> int | None:
        """The quote index (into `quotes`) under the highlight."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._indices):
            return None
        return self._indices[self.highlighted]

    def highlight_quote(self, index: int | None) -> None:
        """Move the highlight to quote `index` (no-op if it is filtered out)."""
        if index is None:
            self.highlighted = None
            return
        position = bisect_left(self._indices, index)
        if position < len(self._indices) and self._indices[position] == index and self.highlighted != position:
            self.highlighted = position
