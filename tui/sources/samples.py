"""Where the bundled sample articles live."""
from __future__ import annotations

from pathlib import Path


def _samples_dir() -> Path:
    try:
        from importlib.resources import files

        ref = files("tui.sample_articles")
        paths = getattr(ref, "_paths", None)  # MultiplexedPath (namespace package)
        path = Path(paths[0]) if paths else Path(str(ref))
        if path.is_dir():
            return path
    except Exception:  # e.g. an editable install that cannot import it
        pass
    here = Path(__file__).resolve().parent  # tui/sources
    for candidate in (here.parent / "sample_articles", here.parent.parent / "sample_articles"):
        if candidate.is_dir():
            return candidate
    return here.parent.parent / "sample_articles"


SAMPLES_DIR: Path = _samples_dir()
