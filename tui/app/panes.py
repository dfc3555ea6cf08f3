"""The main screen's panes side by side: the article list, the reader and the quote sidebar.

On a terminal too narrow for all three, fewer show: the list and the pane (reader or
sidebar) that had focus last, then one pane at a time, the focused one. Nothing is ever
laid out past the screen's edge.
"""
from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.widget import Widget

# Below these widths the panes would not fit side by side (their CSS minimum widths).
THREE_PANES_FROM = 78
TWO_PANES_FROM = 56


class Panes(Horizontal):
    """Holds the three panes (list first) and decides which of them show."""

    def __init__(self, *panes: Widget, id: str | None = None) -> None:
        super().__init__(*panes, id=id)
        self.panes = panes
        self.last: Widget = panes[0]  # the pane that had focus last
        self.side: Widget = panes[1]  # of the others, the one that had focus last

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget in self.panes:
            self.show(event.widget)

    def show(self, pane: Widget) -> None:
        """Make `pane` the current one (shown whatever the width); the caller focuses it."""
        self.last = pane
        if pane is not self.panes[0]:
            self.side = pane
        self.fit()

    def next(self, step: int) -> Widget:
        """Show the pane `step` places after the current one (wrapping round), and return it."""
        pane = self.panes[(self.panes.index(self.last) + step) % len(self.panes)]
        self.show(pane)
        return pane

    def fit(self) -> None:
        """Show the panes that fit the width."""
        width = self.size.width
        if width >= THREE_PANES_FROM:
            shown = set(self.panes)
        elif width >= TWO_PANES_FROM:
            shown = {self.panes[0], self.side}
        else:
            shown = {self.last}
        for pane in self.panes:
            pane.display = pane in shown
        self.set_class(len(shown) < 3, "-narrow").set_class(len(shown) == 1, "-one")
