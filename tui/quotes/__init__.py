"""The attribution engine: article text in, quotes with their speakers out.

Pure Python, no Textual or Rich. `extract(text)` is the one entry point.
"""
from tui.quotes.model import Mention, Quote
from tui.quotes.engine import extract

__all__ = ["Mention", "Quote", "extract"]
