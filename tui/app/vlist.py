"""A line-API virtual list: rows of a fixed height, drawn only when visible.

No widget or option per row: a subclass says how many rows there are (`count`) and
draws one row's lines (`render_row`); drawn rows are kept in an LRU cache. Filling
the list costs nothing however many rows it has (an OptionList renders every option
when filled: seconds at 10,000).
"""
from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class VirtualList(ScrollView, can_focus=True):
    """Rows of ROW_HEIGHT lines; `highlighted` is the cursor row (None: no cursor)."""

    ROW_HEIGHT = 2

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown,ctrl+d", "page_down", "Page down", show=False),
        Binding("pageup,ctrl+u", "page_up", "Page up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    COMPONENT_CLASSES = {"virtual-list--highlight"}

    DEFAULT_CSS = """
    VirtualList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    VirtualList > .virtual-list--highlight {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    VirtualList:focus > .virtual-list--highlight {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    class Highlighted(Message):
        """The cursor moved to row `index`."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Selected(Highlighted):
        """Row `index` was chosen (enter, a click)."""

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.count = 0
        self._strips: LRUCache[tuple[int, int, bool], list[Strip]] = LRUCache(256)

    # --- for subclasses -----------------------------------------------------

    def render_row(self, index: int, width: int, highlighted: bool) -> list[Content]:
        """The ROW_HEIGHT lines of row `index` (fewer are padded)."""
        raise NotImplementedError

    def set_count(self, count: int) -> None:
        """The list now has `count` rows: drop what was drawn, keep the cursor in range."""
        self.count = count
        self._strips.clear()
        self.virtual_size = Size(0, count * self.ROW_HEIGHT)
        if self.highlighted is not None and self.highlighted >= count:
            self.set_reactive(VirtualList.highlighted, count - 1 if count else None)
        self.refresh()

    def redraw(self) -> None:
        """Rows look different now (a theme, a filter): draw them again."""
        self._strips.clear()
        self.refresh()

    # --- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.get_visual_style()
        line = int(self.scroll_offset.y) + y
        index, offset = divmod(line, self.ROW_HEIGHT)
        if not 0 <= index < self.count:
            return Strip.blank(width, base.rich_style)
        highlighted = index == self.highlighted
        key = (index, width, highlighted)
        strips = self._strips.get(key)
        if strips is None:
            style = base
            if highlighted:
                style = base + self.get_visual_style("virtual-list--highlight", partial=True)
            strips = []
            for content in self.render_row(index, width, highlighted)[: self.ROW_HEIGHT]:
                strip = Strip(content.render_segments(style), content.cell_length)
                strips.append(strip.adjust_cell_length(width, style.rich_style))
            while len(strips) < self.ROW_HEIGHT:
                strips.append(Strip.blank(width, style.rich_style))
            self._strips[key] = strips
        return strips[offset]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        if self.highlighted is not None:
            self._scroll_to_row(self.highlighted)

    # --- the cursor ---------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is not None:
            self._scroll_to_row(new)
            self.post_message(self.Highlighted(self, new))

    def _scroll_to_row(self, index: int) -> None:
        top = index * self.ROW_HEIGHT
        height = self.scrollable_content_region.height
        y = int(self.scroll_offset.y)
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + self.ROW_HEIGHT > y + height:
            self.scroll_to(y=top + self.ROW_HEIGHT - height, animate=False, immediate=True)

    def _move_to(self, index: int) -> None:
        if self.count:
            self.highlighted = max(0, min(self.count - 1, index))

    def action_cursor_down(self) -> None:
        self._move_to(0 if self.highlighted is None else self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self._move_to(0 if self.highlighted is None else self.highlighted - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self.count - 1)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.ROW_HEIGHT)

    def action_page_down(self) -> None:
        self._move_to((self.highlighted or 0) + self._page())

    def action_page_up(self) -> None:
        self._move_to((self.highlighted or 0) - self._page())

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (int(self.scroll_offset.y) + offset.y) // self.ROW_HEIGHT
        if 0 <= index < self.count:
            self.highlighted = index
            self.post_message(self.Selected(self, index))
