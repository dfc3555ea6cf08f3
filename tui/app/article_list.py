"""The article list: a line-API virtual list over the index.

No widget per row: `render_line` draws rows fetched from SQL a page at a time
(`article_page`), with a small LRU cache of pages, so 100,000 articles cost no
more than 100.
"""
from __future__ import annotations

import math
from collections import OrderedDict

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.app.colors import over
from tui.index.queries import ArticleRow, article_count, article_page, article_position
from tui.text import plural, printable

PAGE = 100
CACHED_PAGES = 32
ROW_HEIGHT = 2


class ArticleList(ScrollView, can_focus=True):
    """Articles newest first: title on the first line, outlet, date and quotes on the second."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next article", id="list_down", show=False),
        Binding("up,k", "cursor_up", "Previous article", id="list_up", show=False),
        Binding("g,home", "first", "First article", id="list_first", show=False),
        Binding("G,end", "last", "Last article", id="list_last", show=False),
        Binding("ctrl+d,pagedown", "page_down", "Half page down", id="list_page_down", show=False),
        Binding("ctrl+u,pageup", "page_up", "Half page up", id="list_page_up", show=False),
        Binding("enter", "open", "Open article", id="list_open"),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--open",
        "article-list--meta",
        "article-list--unread",
        "article-list--star",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Opened(Message):
        """The user asked to open an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, db, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.db = db
        self.unread_only = False
        # The feed (or outlet of imported files) the list is filtered to, its name, and the order.
        self.feed_id: int | None = None
        self.outlet: str | None = None
        self.filter_name = ""
        self.sort = "date"
        self.count = 0  # rows listed; from mount until counted, the first page's
        self.open_id: int | None = None
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)

    # --- data ---------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the count and drop cached pages (articles arrived, flags changed, filter switched)."""
        self._pages.clear()
        self._strips.clear()
        self.recount()
        self.refresh()

    def recount(self) -> None:
        """Count the articles listed: a walk over an index as long as the collection."""
        self._set_count(self.count_now())
        if self.cursor >= self.count:
            self.cursor = max(0, self.count - 1)
        label = "Unread" if self.unread_only else "Articles"
        if self.filter_name:
            label = f"{label} · {self.filter_name}"
        order = "" if self.sort == "date" else f" · by {self.sort}"
        self.border_title = Content(f"{label} ({self.count:,}){order}")  # a feed's name is never markup

    def count_now(self) -> int:
        """How many articles the list's filter holds now, in the index."""
        return article_count(self.db, self.unread_only, feed_id=self.feed_id, outlet=self.outlet)

    def position_of(self, article_id: int) -> int | None:
        """Where an article stands in the list as filtered and sorted (None: filtered out)."""
        return article_position(self.db, article_id, self.unread_only,
                                feed_id=self.feed_id, outlet=self.outlet, sort=self.sort)

    def _set_count(self, count: int) -> None:
        self.count = count
        # Rows fit the width: no sideways scrolling. The height is padded so that the last
        # scroll position, like every other, starts on a whole row.
        spare = self.scrollable_content_region.height % ROW_HEIGHT
        self.virtual_size = Size(0, count * ROW_HEIGHT + spare)

    def on_resize(self, event: events.Resize) -> None:
        self._set_count(self.count)
        self.scroll_to_cursor()

    def invalidate(self) -> None:
        """Drop cached rows (a flag changed) without recounting."""
        self._pages.clear()
        self._strips.clear()
        self.refresh()

    def row(self, index: int) -> ArticleRow | None:
        if not 0 <= index < self.count:
            return None
        page_no, offset = divmod(index, PAGE)
        page = self._page(page_no)
        return page[offset] if offset < len(page) else None

    def _page(self, page_no: int) -> list[ArticleRow]:
        page = self._pages.get(page_no)
        if page is None:
            page = article_page(self.db, page_no * PAGE, PAGE, self.unread_only,
                                feed_id=self.feed_id, outlet=self.outlet, sort=self.sort)
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page

    @property
    def cursor_row(self) -> ArticleRow | None:
        return self.row(self.cursor)

    # --- rendering ------------------------------------------------------------

    def on_mount(self) -> None:
        # The first paint needs the first page only; the count waits until just after it.
        self._set_count(len(self._page(0)))
        self.border_title = "Articles"
        self.call_after_refresh(self.recount)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        # Rows are cached per theme, but drawn again once the new theme's CSS applies.
        self.call_after_refresh(self.invalidate)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        index, part = divmod(line_no, ROW_HEIGHT)
        key = (line_no, index == self.cursor, self.open_id, width, self.has_focus, self.app.theme)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row_line(index, part, width)
            self._strips[key] = strip
        return strip

    def _render_row_line(self, index: int, part: int, width: int) -> Strip:
        base = self.get_visual_style()
        article = self.row(index)
        if article is None:
            return Strip.blank(width, base.rich_style)
        classes = []
        if index == self.cursor:
            classes.append("article-list--cursor")
        if article.id == self.open_id:
            classes.append("article-list--open")
        style = self.get_visual_style(*classes) if classes else base
        if part == 0:
            marker = Content("▌" if article.id == self.open_id else " ")
            flag = Content.styled("●", over(self, "article-list--unread", style)) if not article.read else Content(" ")
            star = Content.styled("★", over(self, "article-list--star", style)) if article.starred else Content(" ")
            title = Content(printable(article.title).replace("\n", " "))
            if not article.read:
                title = title.stylize(Style(bold=True))
            line = Content.assemble(marker, flag, star, " ", title)
        else:
            meta = over(self, "article-list--meta", style)
            quotes = plural(article.quote_count, "quote")
            parts = [p for p in (printable(article.outlet), article.published[:10], quotes) if p]
            line = Content.assemble("    ", Content.styled(" · ".join(parts).replace("\n", " "), meta))
        line = line.truncate(width, ellipsis=True)
        segments = line.render_segments(style)
        strip = Strip(segments, line.cell_length).extend_cell_length(width, style.rich_style)
        return strip.apply_meta({"row": index})

    # --- cursor ---------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if old != new:
            self.refresh_lines(old * ROW_HEIGHT - int(self.scroll_offset.y), ROW_HEIGHT)
        self.refresh_lines(new * ROW_HEIGHT - int(self.scroll_offset.y), ROW_HEIGHT)
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        if not self.count:
            return
        region = Region(0, self.cursor * ROW_HEIGHT, self.scrollable_content_region.width or 1, ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def _whole_rows(self, value: float, current: float) -> float:
        """Scroll positions start on a whole row: a move goes on to the next row boundary."""
        rows = value / ROW_HEIGHT
        snapped = (math.ceil(rows) if value > current else math.floor(rows)) * ROW_HEIGHT
        return snapped if snapped <= self.max_scroll_y else self.max_scroll_y // ROW_HEIGHT * ROW_HEIGHT

    def validate_scroll_y(self, value: float) -> float:
        return self._whole_rows(super().validate_scroll_y(value), self.scroll_y)

    def validate_scroll_target_y(self, value: float) -> float:
        return self._whole_rows(super().validate_scroll_target_y(value), self.scroll_target_y)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.count - 1)) if self.count else 0

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT // 2)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.count - 1

    def action_page_down(self) -> None:
        self.cursor += self._page_rows()

    def action_page_up(self) -> None:
        self.cursor -= self._page_rows()

    def action_open(self) -> None:
        row = self.cursor_row
        if row is not None:
            self.post_message(self.Opened(row.id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_offset.y)) // ROW_HEIGHT
        if not 0 <= index < self.count:
            return
        self.cursor = index
        self.action_open()

    def set_open(self, article_id: int | None, position: int | None) -> None:
        """Mark the open article, and put the cursor on it when it is in the list."""
        self.open_id = article_id
        if position is not None:
            self.cursor = position
        self.refresh()
