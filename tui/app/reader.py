"""The reader: one article, its quotes tinted in their speakers' colours.

A line-API widget: the body is one `Content` with styled ranges (offsets come
from the index and point into the body; `printable` keeps lengths), wrapped
here so that every screen line knows which body offset it starts at. That makes
"scroll to this quote" and "which quote did the mouse click" exact.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import pairwise

from rich._wrap import divide_line
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.app.colors import SpeakerStyles, assign_slots, over
from tui.index.queries import ArticleDetail, QuoteRow
from tui.text import printable

UNNAMED = "(unnamed)"
DISPLAY_LIMIT = 1_000_000  # characters of body shown
COMPACT_BELOW = 30  # a reader shorter than this many lines gets the compact header
LEGEND_LINES, LEGEND_LINES_COMPACT = 4, 2  # legend lines shown before "+N more"
LEGEND_TOGGLE = "\0legend"  # the click area of the legend's "+N more" / "fewer" chip


def safe_text(text: str) -> str:
    """Article-derived text for display: controls visible, tabs as one space (lengths kept)."""
    return printable(text).replace("\t", " ")


def speaker_label(q: QuoteRow) -> str:
    return q.speaker or UNNAMED


def cell_to_char(text: str, cells: int) -> int:
    """The index of the character at cell column `cells` of `text`."""
    from rich.cells import get_character_cell_size

    total = 0
    for i, ch in enumerate(text):
        total += get_character_cell_size(ch)
        if total > cells:
            return i
    return len(text)


class Reader(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "scroll_lines(1)", "Scroll down", id="reader_down", show=False),
        Binding("up,k", "scroll_lines(-1)", "Scroll up", id="reader_up", show=False),
        Binding("ctrl+d,pagedown,space", "scroll_page(1)", "Half page down", id="reader_page_down", show=False),
        Binding("ctrl+u,pageup,b", "scroll_page(-1)", "Half page up", id="reader_page_up", show=False),
        Binding("g,home", "scroll_top", "Top of article", id="reader_top", show=False),
        Binding("G,end", "scroll_bottom", "End of article", id="reader_bottom", show=False),
    ]

    COMPONENT_CLASSES = {"reader--title", "reader--meta", "reader--rule"}

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 1;
    }
    """

    current: reactive[int | None] = reactive(None, always_update=True)
    speaker_filter: reactive[str | None] = reactive(None)  # the app's (data_bind): n/N visit only this speaker

    class QuoteChanged(Message):
        """The current quote changed (n/N, a click)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    class Restyled(Message):
        """The speakers' colours were made anew for a new theme."""

    class SpeakerClicked(Message):
        """A legend entry was clicked."""

        def __init__(self, speaker: str) -> None:
            super().__init__()
            self.speaker = speaker

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: ArticleDetail | None = None
        self.quotes: list[QuoteRow] = []
        self._plain = ""
        self.truncated = 0
        self.marks: list[tuple[int, int]] = []  # search matches shown in the body
        self._slots: dict[str, int] = {}
        self._styles: dict[str, SpeakerStyles] = {}
        self._body = Content("")
        self._header: list[Content] = []
        self._legend_hits: dict[int, list[tuple[int, int, str]]] = {}  # header line -> (x0, x1, speaker)
        self._starts: list[int] = []  # body offset where each body line starts
        self._ends: list[int] = []
        self._width = 0
        self._was_compact = False
        self._legend_open = False  # the legend's speakers past its first lines are shown
        self._line_cache: LRUCache[int, Content] = LRUCache(1024)

    # --- public -----------------------------------------------------------------

    def show(self, article: ArticleDetail | None, quotes: list[QuoteRow]) -> None:
        self.article = article
        body = article.body if article else ""
        # A huge body (a book pasted as an article) is shown in part: wrapping costs ~0.6 s a megabyte.
        self.truncated = len(body) if len(body) > DISPLAY_LIMIT else 0
        body = body[:DISPLAY_LIMIT]
        n = len(body)
        self.quotes = [q for q in quotes if 0 <= q.start < q.end <= n]
        self.marks = []
        self._plain = safe_text(body)
        counts = Counter(speaker_label(q) for q in self.quotes)
        self._slots = assign_slots(name for name, _ in counts.most_common())
        self._speaker_counts = counts
        self.set_reactive(Reader.current, None)  # before styling: no quote of the last article is current here
        self._legend_open = False
        self._make_styles()
        self._width = 0
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def mark(self, ranges: list[tuple[int, int]]) -> None:
        """Show these body ranges (search matches) in reverse video until another article opens."""
        self.marks = list(ranges)
        self._style_body()
        self.refresh()

    def styles_for(self, speaker: str) -> SpeakerStyles | None:
        return self._styles.get(speaker)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the body line holding `offset` is near the top."""
        self._layout()
        line = self.line_of_offset(offset)
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)

    def line_of_offset(self, offset: int) -> int:
        """The virtual line (header included) that shows body offset `offset`."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        return len(self._header) + index

    def scroll_to_quote(self, index: int) -> None:
        self._layout()
        q = self.quotes[index]
        first = self.line_of_offset(q.start)
        last = self.line_of_offset(max(q.start, q.end - 1))
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if top <= first and last < top + height:
            return  # already in full view
        self.scroll_to(y=max(0, first - max(1, height // 4)), animate=False, immediate=True)

    def visible_text(self) -> list[str]:
        """The plain text of every virtual line (for tests and debugging)."""
        self._layout()
        return [self._line_content(i).plain for i in range(len(self._header) + len(self._starts))]

    # --- styles -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        # After the refresh: the new theme's CSS must be applied before styles are read.
        self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        """Colours for the new theme (speaker colours are tuned per theme: lighter on dark, darker on light)."""
        self._make_styles()
        self._width = 0
        self._layout()
        self.refresh()
        self.post_message(self.Restyled())

    def _make_styles(self) -> None:
        try:
            dark = self.app.current_theme.dark
            own = self.get_visual_style()  # the page the text sits on, after CSS
            background = own.background if own.background and own.background.a == 1 else None
            foreground = own.foreground if own.foreground and own.foreground.a == 1 else None
        except Exception:  # not mounted yet
            dark, background, foreground = True, None, None
        background = background or (Color(0, 0, 0) if dark else Color(255, 255, 255))
        foreground = foreground or (Color(224, 224, 224) if dark else Color(0, 0, 0))
        self._styles = {name: SpeakerStyles(slot, background, foreground, dark) for name, slot in self._slots.items()}
        self._style_body()

    def _style_body(self) -> None:
        spans = []
        n = len(self._plain)
        for i, q in enumerate(self.quotes):
            st = self._styles[speaker_label(q)]
            spans.append(Span(q.start, q.end, st.current if i == self.current else st.quote))
            for m in q.mentions:
                if 0 <= m.start < m.end <= n:
                    spans.append(Span(m.start, m.end, st.mention))
        mark = Style(reverse=True, bold=True)
        spans.extend(Span(a, b, mark) for a, b in self.marks if 0 <= a < b <= n)
        self._body = Content(self._plain, spans, strip_control_codes=False)  # printable() already made them visible
        self._line_cache.clear()

    # --- layout -----------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def toggle_legend(self) -> None:
        """Unfold the legend's hidden speakers, or fold them again."""
        self._legend_open = not self._legend_open
        self._width = 0
        self._layout()

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if not width:
            return  # not laid out yet (an article shown at start): the first render wraps it
        width = max(10, width)
        if width == self._width and self._compact() == self._was_compact:
            return
        self._was_compact = self._compact()
        # Keep the reading position across a re-wrap: the body offset at the top of the view.
        anchor = None
        top = int(self.scroll_offset.y) - len(self._header)
        if self._width and self._starts and 0 < top < len(self._starts):
            anchor = self._starts[top]
        self._width = width
        self._line_cache.clear()
        self._header = self._make_header(width)
        starts: list[int] = []
        ends: list[int] = []
        plain = self._plain
        pos = 0
        for para in plain.split("\n"):
            cuts = divide_line(para, width, fold=True) if para else []
            edges = [0, *cuts, len(para)]
            for a, b in pairwise(edges):
                starts.append(pos + a)
                ends.append(pos + b)
            pos += len(para) + 1
        if not self.article:
            starts, ends = [], []
        self._starts, self._ends = starts, ends
        self.virtual_size = Size(width, len(self._header) + len(starts))
        if anchor is not None:
            self.scroll_to(y=self.line_of_offset(anchor), animate=False, immediate=True)
        self.refresh()

    def _make_header(self, width: int) -> list[Content]:
        self._legend_hits = {}
        a = self.article
        if a is None:
            return [
                Content.styled("No article open", Style(bold=True)),
                Content(""),
                *Content(
                    "Open one from the list with enter. An empty index fills with "
                    "ctrl+p → Import a path…, or from the shell: newsreader import PATH"
                ).wrap(width),
            ]
        lines: list[Content] = []
        # A short view (80x24) gets a compact header: the title in two lines at most, the
        # meta line in one, the legend folded; the body starts within the first screen.
        compact = self._compact()
        title = Content(safe_text(a.title).replace("\n", " ")).stylize(over(self, "reader--title"))
        wrapped = list(title.wrap(width))
        if compact and len(wrapped) > 2:
            wrapped = [wrapped[0], Content.assemble(wrapped[1].rstrip().truncate(width - 1), "…")]
        lines.extend(wrapped)
        meta_style = over(self, "reader--meta")
        parts = [safe_text(p).replace("\n", " ") for p in (a.outlet, a.author and f"by {a.author}", a.published) if p]
        if parts:
            meta = Content.styled(" · ".join(parts), meta_style)
            lines.extend([meta.truncate(width, ellipsis=True)] if compact else meta.wrap(width))
        if a.link:  # o opens it, y copies it
            lines.append(Content.styled(safe_text(a.link), meta_style + Style(underline=True)).truncate(width, ellipsis=True))
        if a.error:
            lines.extend(Content.styled(f"No quotes: {safe_text(a.error)}", Style(italic=True)).wrap(width))
        if self.truncated:
            note = f"Very long article: showing the first {DISPLAY_LIMIT:,} of {self.truncated:,} characters"
            lines.extend(Content.styled(note, Style(italic=True)).wrap(width))
        if self._slots:
            for hits, line in self._legend(width, LEGEND_LINES_COMPACT if compact else LEGEND_LINES):
                self._legend_hits[len(lines)] = hits
                lines.append(line)
        elif a is not None:
            lines.append(Content.styled("No quotes found in this article", meta_style))
        lines.append(Content.styled("─" * width, over(self, "reader--rule")))
        return lines

    def _compact(self) -> bool:
        return self.scrollable_content_region.height < COMPACT_BELOW

    def _legend(self, width: int, fold_at: int) -> list[tuple[list[tuple[int, int, str]], Content]]:
        """The legend's lines: a chip per speaker, most quoted first, each with its click areas.

        A long name is cut with "…" (its count always shows). Past `fold_at` lines the rest
        folds into a "+N more" chip that unfolds it (and "fewer" folds it again).
        """
        chips = []
        for name in self._slots:
            count = f" ({self._speaker_counts[name]})"
            label = Content.styled(safe_text(name).replace("\n", " "), self._styles[name].name)
            label = label.truncate(max(1, width - 2 - len(count)), ellipsis=True)
            chips.append((name, Content.assemble(Content.styled(" ", self._styles[name].chip), " ", label, count)))

        def pack(chips: list[tuple[str, Content]]) -> list[list[tuple[str, Content]]]:
            rows: list[list[tuple[str, Content]]] = [[]]
            used = 0
            for name, chip in chips:
                if rows[-1] and used + 2 + chip.cell_length > width:
                    rows.append([])
                    used = 0
                used += (2 if rows[-1] else 0) + chip.cell_length
                rows[-1].append((name, chip))
            return rows

        rows = pack(chips)
        toggle = Content.styled("fewer", Style(underline=True))
        if len(rows) > fold_at and not self._legend_open:
            rows, hidden = rows[:fold_at], sum(len(r) for r in rows[fold_at:])
            while True:  # make room on the last line for the "+N more" chip
                used = sum(c.cell_length + 2 for _, c in rows[-1])
                fits = [t for t in (f"+{hidden} more", f"+{hidden}") if used + len(t) <= width]
                if fits or not rows[-1]:
                    break
                rows[-1].pop()
                hidden += 1
            toggle = Content.styled(fits[0] if fits else f"+{hidden}", Style(underline=True))
            rows[-1].append((LEGEND_TOGGLE, toggle))
        elif len(rows) > fold_at:
            rows = pack([*chips, (LEGEND_TOGGLE, toggle)])
        out = []
        for row in rows:
            line, hits = Content(""), []
            for name, chip in row:
                if line.cell_length:
                    line = line + "  "
                x0 = line.cell_length
                line = line + chip
                hits.append((x0, line.cell_length, name))
            out.append((hits, line.truncate(width, ellipsis=True)))
        return out

    def _line_content(self, line_no: int) -> Content:
        if line_no < len(self._header):
            return self._header[line_no]
        index = line_no - len(self._header)
        cached = self._line_cache.get(index)
        if cached is None:
            cached = self._body[self._starts[index] : self._ends[index]].rstrip()
            self._line_cache[index] = cached
        return cached

    def render_line(self, y: int) -> Strip:
        self._layout()
        width = self.scrollable_content_region.width
        base = self.get_visual_style()
        line_no = int(self.scroll_offset.y) + y
        if line_no >= len(self._header) + len(self._starts):
            return Strip.blank(width, base.rich_style)
        content = self._line_content(line_no)
        strip = Strip(content.render_segments(base), content.cell_length)
        return strip.adjust_cell_length(width, base.rich_style)

    # --- quotes -----------------------------------------------------------------

    def _visible_indices(self) -> list[int]:
        return [i for i, q in enumerate(self.quotes) if self.speaker_filter is None or speaker_label(q) == self.speaker_filter]

    def watch_current(self, old: int | None, new: int | None) -> None:
        self._style_body()
        self.refresh()
        if new is not None and 0 <= new < len(self.quotes):
            self.scroll_to_quote(new)

    def select(self, index: int | None, notify: bool = True) -> None:
        if index == self.current:
            return
        self.current = index
        if notify:
            self.post_message(self.QuoteChanged(index))

    def action_next_quote(self) -> None:
        indices = self._visible_indices()
        if not indices:
            self.notify("No quotes in this article", severity="warning")
            return
        if self.current is None:
            # The first quote at or below the top of the view.
            top = int(self.scroll_offset.y) - len(self._header)
            start = self._starts[max(0, top)] if top > 0 and self._starts else 0
            after = [i for i in indices if self.quotes[i].start >= start]
            self.select(after[0] if after else indices[0])
            return
        after = [i for i in indices if i > self.current]
        self.select(after[0] if after else indices[0])

    def action_previous_quote(self) -> None:
        indices = self._visible_indices()
        if not indices:
            self.notify("No quotes in this article", severity="warning")
            return
        if self.current is None:
            self.select(indices[-1])
            return
        before = [i for i in indices if i < self.current]
        self.select(before[-1] if before else indices[-1])

    def action_scroll_lines(self, n: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + n, animate=False)

    def action_scroll_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + direction * max(1, self.scrollable_content_region.height // 2), animate=False)

    def action_scroll_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line_no = int(self.scroll_offset.y) + offset.y
        if line_no in self._legend_hits:
            for x0, x1, name in self._legend_hits[line_no]:
                if x0 <= offset.x < x1 and name == LEGEND_TOGGLE:
                    self.toggle_legend()
                elif x0 <= offset.x < x1:
                    self.post_message(self.SpeakerClicked(name))
            return
        index = line_no - len(self._header)
        if not 0 <= index < len(self._starts):
            return
        start = self._starts[index]
        char = start + cell_to_char(self._plain[start : self._ends[index]], offset.x)
        for i, q in enumerate(self.quotes):
            if q.start <= char < q.end:
                self.select(i)
                return
