"""The quote sidebar: the open article's quotes in reading order, a virtual list."""
from __future__ import annotations

from bisect import bisect_left

from textual.binding import Binding
from textual.content import Content
from textual.style import Style

from tui.app.reader import safe_text, speaker_label
from tui.app.vlist import VirtualList
from tui.app.wrap import wrap
from tui.index.queries import QuoteRow

EXCERPT = 140


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(safe_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def excerpt_lines(text: str, width: int, lines: int) -> list[Content]:
    """`text` wrapped to `width`, at most `lines` lines, the last one ending in "…" if cut."""
    starts: list[int] = []
    ends: list[int] = []
    wrap(text, 0, len(text), max(1, width), starts, ends)
    out = [Content(text[a:b].rstrip()) for a, b in zip(starts[: lines - 1], ends)]
    if len(starts) >= lines:
        out.append(Content(text[starts[lines - 1] :].rstrip()).truncate(width, ellipsis=True))
    return out


class QuoteSidebar(VirtualList):
    """Each row: speaker (in colour) and type, then two lines of the quote. Rows map to quote indices."""

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

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.quotes: list[QuoteRow] = []
        self.speaker_filter: str | None = None
        self._indices: list[int] = []  # the quote index of each row (all, or one speaker's)
        self._styles_for = lambda speaker: None

    def show(self, quotes: list[QuoteRow], styles_for, speaker_filter: str | None = None) -> None:
        self.quotes = quotes
        self._styles_for = styles_for
        self.speaker_filter = speaker_filter
        self._rebuild()

    def set_filter(self, speaker: str | None) -> None:
        self.speaker_filter = speaker
        self._rebuild()

    def _rebuild(self) -> None:
        speaker = self.speaker_filter
        if speaker is None:
            self._indices = list(range(len(self.quotes)))
        else:
            self._indices = [i for i, q in enumerate(self.quotes) if speaker_label(q) == speaker]
        self.set_reactive(VirtualList.highlighted, None)
        self.set_count(len(self._indices))
        self.scroll_to(y=0, animate=False, immediate=True)
        total = len(self.quotes)
        if speaker is not None:
            # A Content title: a speaker's name is never parsed as markup.
            self.border_title = Content(f"Quotes by {safe_text(speaker)} ({len(self._indices)}/{total})")
        else:
            self.border_title = f"Quotes ({total})"

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
            Content.styled(f"  {q.type or 'quote'}", Style(italic=True, dim=True)),
        ).truncate(inner, ellipsis=True)
        lines = [head, *excerpt_lines(excerpt(q.text), inner, self.ROW_HEIGHT - 1)]
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
