"""The reader: one article, its quotes tinted in their speakers' colours.

A line-API widget that draws only the lines on screen, however long the article.
Every screen line knows the body offset it starts at (offsets come from the index
and point into the body; `printable` keeps lengths): that makes "scroll to this
quote" and "which quote did the mouse click" exact. Paragraphs are wrapped as far
as the screen needs when an article opens, the rest in short steps between key
presses (a jump ahead wraps up to there first: ~15 ms a megabyte). A line is
styled when drawn, from the quote and mention ranges that overlap it (a bisect
into ranges sorted by start), and kept in an LRU cache.
"""
from __future__ import annotations

import asyncio
import time
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from textual import events, work
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
from tui.app.wrap import wrap
from tui.index.queries import ArticleDetail, QuoteRow
from tui.text import printable

UNNAMED = "(unnamed)"
DISPLAY_LIMIT = 1_000_000  # characters of body shown
COMPACT_BELOW = 30  # a reader shorter than this many lines gets the compact header
LEGEND_LINES, LEGEND_LINES_COMPACT = 4, 2  # legend lines shown before "+N more"
LEGEND_TOGGLE = "\0legend"  # the click area of the legend's "+N more" / "fewer" chip
WRAP_STEP_S = 0.004  # wrapping in the background: steps this long, so that keys wait no longer
WRAP_PAUSE_S = 0.002
MARK = Style(reverse=True, bold=True)
QUOTE, MENTION = 0, 1


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
        self.loading = False  # the quotes are on their way (a large article)
        self.marks: list[tuple[int, int]] = []  # search matches shown in the body
        self._slots: dict[str, int] = {}
        self._styles: dict[str, SpeakerStyles] = {}
        self._speaker_counts: Counter[str] = Counter()
        # Quote and mention ranges sorted by start: (start, end, order, kind, quote index);
        # the running maximum of their ends finds the first that can overlap a line.
        self._spans: list[tuple[int, int, int, int, int]] = []
        self._span_starts: list[int] = []
        self._span_max_end: list[int] = []
        self._header: list[Content] = []
        self._legend_hits: dict[int, list[tuple[int, int, str]]] = {}  # header line -> (x0, x1, speaker)
        self._starts: list[int] = []  # body offset where each wrapped body line starts
        self._ends: list[int] = []
        self._wrapped = 0  # body offset of the first paragraph not wrapped yet
        self._wrap_done = True
        self._estimated = False
        self._wrap_run = 0  # bumped when a wrap starts over: background steps of an older one stop
        self._width = 0
        self._was_compact = False
        self._legend_open = False  # the legend's speakers past its first lines are shown
        self._line_cache: LRUCache[int, Content] = LRUCache(1024)

    # --- public -----------------------------------------------------------------

    def show(self, article: ArticleDetail | None, quotes: list[QuoteRow], *, loading: bool = False) -> None:
        """Open `article`; `loading`: its quotes come later (`set_quotes`), the body is shown now."""
        self.article = article
        body = article.body if article else ""
        # A huge body (a book pasted as an article) is shown in part.
        self.truncated = len(body) if len(body) > DISPLAY_LIMIT else 0
        body = body[:DISPLAY_LIMIT]
        self._plain = safe_text(body)
        self.marks = []
        self._width = 0  # a new body: wrap it anew
        self.set_quotes(quotes, loading=loading)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_quotes(self, quotes: list[QuoteRow], *, loading: bool = False) -> None:
        """The open article's quotes (the legend, tints and mentions); the reading position stays."""
        n = len(self._plain)
        self.loading = loading
        self.quotes = [q for q in quotes if 0 <= q.start < q.end <= n]
        counts = Counter(speaker_label(q) for q in self.quotes)
        self._slots = assign_slots(name for name, _ in counts.most_common())
        self._speaker_counts = counts
        self.set_reactive(Reader.current, None)  # before styling: no quote of the last article is current here
        self._legend_open = False
        self._index_spans()
        self._make_styles()
        if self._width:
            self._rebuild_header()  # the body stays wrapped as it is
        else:
            self._layout()

    def _rebuild_header(self) -> None:
        """Make the header (legend) again; the body lines move with it, the view stays on them."""
        old = len(self._header)
        self._header = self._make_header(self._width)
        delta = len(self._header) - old
        if delta:
            self.virtual_size = Size(self._width, self.virtual_size.height + delta)
            y = int(self.scroll_offset.y)
            if y >= old:
                self.scroll_to(y=y + delta, animate=False, immediate=True, force=True)
        self.refresh()

    def mark(self, ranges: list[tuple[int, int]]) -> None:
        """Show these body ranges (search matches) in reverse video until another article opens."""
        self.marks = list(ranges)
        self._line_cache.clear()
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
        self._wrap_until(offset=offset)
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
        self._wrap_until()
        return [self._line_content(i).plain for i in range(len(self._header) + len(self._starts))]

    def line_styles(self, line_no: int) -> list[tuple[int, int, Style]]:
        """The styled ranges (start, end, style) of virtual line `line_no` (for tests)."""
        self._layout()
        self._wrap_until(lines=line_no - len(self._header) + 1)
        return [(span.start, span.end, span.style) for span in self._line_content(line_no).spans if isinstance(span.style, Style)]

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
        by_slot: dict[int, SpeakerStyles] = {}  # the styles depend on the slot alone: a dozen at most
        for slot in self._slots.values():
            if slot not in by_slot:
                by_slot[slot] = SpeakerStyles(slot, background, foreground, dark)
        self._styles = {name: by_slot[slot] for name, slot in self._slots.items()}
        self._line_cache.clear()

    def _index_spans(self) -> None:
        """Every quote and mention range, sorted by start; drawn in this order (marks last)."""
        n = len(self._plain)
        spans: list[tuple[int, int, int, int, int]] = []
        for i, q in enumerate(self.quotes):
            spans.append((q.start, q.end, len(spans), QUOTE, i))
            for m in q.mentions:
                if 0 <= m.start < m.end <= n:
                    spans.append((m.start, m.end, len(spans), MENTION, i))
        spans.sort()
        self._spans = spans
        self._span_starts = [s[0] for s in spans]
        self._span_max_end = list(accumulate((s[1] for s in spans), max))
        self._line_cache.clear()

    def _line_spans(self, start: int, end: int) -> list[Span]:
        """The styles of body range start:end, as spans relative to `start`."""
        spans, starts = self._spans, self._span_starts
        found = []
        j = bisect_right(self._span_max_end, start)  # the spans before end at or before `start`
        while j < len(spans) and starts[j] < end:
            if spans[j][1] > start:
                found.append(spans[j])
            j += 1
        found.sort(key=lambda s: s[2])
        out = []
        for s, e, _, kind, i in found:
            st = self._styles[speaker_label(self.quotes[i])]
            style = st.mention if kind == MENTION else st.current if i == self.current else st.quote
            out.append(Span(max(s, start) - start, min(e, end) - start, style))
        out.extend(Span(max(a, start) - start, min(b, end) - start, MARK) for a, b in self.marks if a < end and b > start)
        return out

    # --- layout -----------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def toggle_legend(self) -> None:
        """Unfold the legend's hidden speakers, or fold them again."""
        self._legend_open = not self._legend_open
        self._width = 0
        self._layout()

    def _layout(self) -> None:
        """Start wrapping over when the width changed, keeping the body offset at the top of the view."""
        width = self.scrollable_content_region.width
        if not width:
            return  # not laid out yet (an article shown at start): the first render wraps it
        width = max(10, width)
        if width == self._width and self._compact() == self._was_compact:
            return
        self._was_compact = self._compact()
        anchor = None
        top = int(self.scroll_offset.y) - len(self._header)
        if self._width and self._starts and 0 < top < len(self._starts):
            anchor = self._starts[top]
        self._width = width
        self._line_cache.clear()
        self._header = self._make_header(width)
        self._starts, self._ends = [], []
        self._estimated = False  # the virtual size holds an estimate of the lines not wrapped yet
        self._wrapped = 0
        self._wrap_done = self.article is None
        self._wrap_run += 1
        # What the screen shows now; the rest in the background.
        self._wrap_until(lines=int(self.scroll_offset.y) + self.scrollable_content_region.height + 1)
        if anchor is not None:
            self.scroll_to(y=self.line_of_offset(anchor), animate=False, immediate=True, force=True)
        if not self._wrap_done:
            self._wrap_rest(self._wrap_run)
        self.refresh()

    def _wrap_until(self, *, lines: int | None = None, offset: int | None = None, seconds: float | None = None) -> None:
        """Wrap more paragraphs: until `lines` body lines exist, `offset` is wrapped, `seconds` passed, or all is."""
        if self._wrap_done or not self._width:
            return
        plain, width, starts, ends = self._plain, self._width, self._starts, self._ends
        pos, n = self._wrapped, len(plain)
        deadline = time.perf_counter() + seconds if seconds is not None else None
        while pos <= n:
            if lines is not None and len(starts) >= lines:
                break
            if offset is not None and pos > offset:
                break
            if deadline is not None and time.perf_counter() > deadline:
                break
            end = plain.find("\n", pos)
            if end < 0:
                end = n
            wrap(plain, pos, end, width, starts, ends)
            pos = end + 1
        self._wrapped = pos
        self._wrap_done = pos > n
        # Lines not wrapped yet are estimated, so that the scroll bar is about right from the start;
        # the size changes (a layout of the screen) only when the estimate proves short, and at the end.
        height = len(self._header) + len(starts)
        if self._wrap_done or not self._estimated or height > self.virtual_size.height:
            self._estimated = not self._wrap_done
            rest = 0 if self._wrap_done else plain.count("\n", pos) + (n - pos) // width + 1
            self.virtual_size = Size(width, height + rest)

    @work(group="wrap", exclusive=True)
    async def _wrap_rest(self, run: int) -> None:
        """Wrap the rest a few milliseconds at a time, letting keys and frames in between."""
        while run == self._wrap_run and not self._wrap_done:
            self._wrap_until(seconds=WRAP_STEP_S)
            await asyncio.sleep(WRAP_PAUSE_S)  # keys and frames first: a key passes several tasks

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
        elif self.loading:
            lines.append(Content.styled("Finding the quotes…", meta_style))
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
            start = self._starts[index]
            text = self._plain[start : self._ends[index]].rstrip()
            spans = [span for span in self._line_spans(start, start + len(text)) if span.start < span.end]
            cached = Content(text, spans, strip_control_codes=False)  # printable() already made them visible
            self._line_cache[index] = cached
        return cached

    def render_line(self, y: int) -> Strip:
        self._layout()
        width = self.scrollable_content_region.width
        base = self.get_visual_style()
        line_no = int(self.scroll_offset.y) + y
        self._wrap_until(lines=line_no - len(self._header) + 1)
        if line_no >= len(self._header) + len(self._starts):
            return Strip.blank(width, base.rich_style)
        content = self._line_content(line_no)
        strip = Strip(content.render_segments(base), content.cell_length)
        return strip.adjust_cell_length(width, base.rich_style)

    # --- quotes -----------------------------------------------------------------

    def _visible_indices(self) -> list[int]:
        return [i for i, q in enumerate(self.quotes) if self.speaker_filter is None or speaker_label(q) == self.speaker_filter]

    def watch_current(self, old: int | None, new: int | None) -> None:
        self._line_cache.clear()
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
            start = self._starts[top] if 0 < top < len(self._starts) else 0
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
        self._wrap_until()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

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
