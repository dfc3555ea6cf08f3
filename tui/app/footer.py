"""The key footer: Textual's, recomposed only when the bindings it shows change."""
from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual recomposes its footer (a widget per key) on every bindings signal, and a
    focus change sends two: at start-up the app made its footer three times, a frame
    each, before it settled. This one skips a recomposition that would show the same keys."""

    _shown: list | None = None

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen was closed meanwhile
            return
        shown = [(b.binding, b.enabled, b.tooltip) for b in self.screen.active_bindings.values()]
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
