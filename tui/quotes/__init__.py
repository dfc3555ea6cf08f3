"""The attribution engine: article text in, quotes with their speakers out.

Pure Python, no Textual or Rich. `extract(text)` is the one entry point.
"""
from tui.quotes.model import Mention, Quote

__all__ = ["Mention", "Quote", "extract"]


def __getattr__(name: str):
    # The engine (lexicons, compiled patterns) loads on first use, not when the
    # app imports the model: it costs more than the rest of start-up.
    if name == "extract":
        from tui.quotes.engine import extract

        return extract
    raise AttributeError(name)
