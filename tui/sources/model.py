"""What a source yields: articles, or a reason it could not."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Article:
    uid: str  # stable identity: the same source gives the same uid on every import
    source: str  # path or URL it came from
    title: str
    body: str
    outlet: str = ""
    author: str = ""
    published: str = ""  # ISO 8601 date (YYYY-MM-DD) or datetime, "" when unknown


class SourceError(Exception):
    """A source could not be read; the message is the reason, for the user."""
