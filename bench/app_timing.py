"""Run by bench.py as its own process: the real app (`make_app` on the index), headless at
120x40, timing what a user waits for with the largest article and the most quoted speaker.

    python bench/app_timing.py INDEX

Prints one JSON object:
open_article_ms: from the key (enter on the largest article in the list) reaching the app to
    the first frame handed to the terminal that shows the article.
key_wait_max_ms, key_wait_p50_ms: while it opens and its quotes load, a key reaches the app
    every 30 ms (a held key repeats about so often; as a terminal delivers them, from another thread); each one's wait is from
    then until its action runs. Until the quotes are shown, the article is wrapped and 0.2 s more.
late_quote_ms: the reader focused, `N` (the last quote, at the end of the article): from the
    key to the frame that shows it.
speaker_view_ms: opening the most quoted speaker's view: from the request to its first frame.
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import threading
import time

from textual import events


def main() -> None:
    db_path = sys.argv[1]
    out: dict = {"error": None}
    frames: list[float] = []

    from tui.app import make_app

    app = make_app(db_path, config=db_path + ".none.toml", import_samples=False)
    display = app._display

    def timed_display(screen, renderable) -> None:  # every frame passes here on its way to the terminal
        if renderable is not None and not app._batch_count:
            frames.append(time.perf_counter())
        display(screen, renderable)

    app._display = timed_display

    def first_frame_after(t: float) -> float | None:
        return next((f for f in frames if f >= t), None)

    async def frame_after(t: float, timeout: float = 10.0) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            f = first_frame_after(t)
            if f is not None:
                return f
            await asyncio.sleep(0.002)
        raise TimeoutError("no frame")

    async def pilot(p) -> None:
        try:
            await p.pause()
            await app.workers.wait_for_complete()  # the search warm-up
            await p.pause()
            loop = asyncio.get_running_loop()
            db = app.db
            article_id, chars, quotes = db.execute(
                "SELECT id, length(body), quote_count FROM articles ORDER BY quote_count DESC, length(body) DESC LIMIT 1").fetchone()
            out.update(article_chars=chars, article_quotes=quotes)
            lst = app.article_list
            from tui.index import queries as Q

            lst.cursor = Q.article_position(db, article_id)
            lst.focus()
            await p.pause()

            waits: list[float] = []
            handled: list[float] = []
            sent: list[float] = []
            down = type(lst).action_cursor_down

            def spy(self) -> None:  # the key's action runs
                handled.append(time.perf_counter())
                down(self)

            type(lst).action_cursor_down = spy
            stop = threading.Event()

            def feed() -> None:  # keys arriving every 10 ms, as from a terminal
                while not stop.is_set():
                    sent.append(time.perf_counter())
                    loop.call_soon_threadsafe(app.post_message, events.Key("down", None))
                    time.sleep(0.03)

            reader = app.reader
            t0 = time.perf_counter()
            loop.call_soon_threadsafe(app.post_message, events.Key("enter", "\r"))
            while reader.article is None or reader.article.id != article_id:
                await asyncio.sleep(0.001)
            shown = time.perf_counter()
            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
            out["open_article_ms"] = (await frame_after(shown) - t0) * 1000
            while getattr(reader, "loading", False) or not getattr(reader, "_wrap_done", True):  # (or older code)
                await asyncio.sleep(0.005)
            out["quotes_shown_ms"] = (time.perf_counter() - t0) * 1000
            await asyncio.sleep(0.2)
            stop.set()
            feeder.join()
            await p.pause()
            type(lst).action_cursor_down = down
            pairs = list(zip(sent, handled, strict=False))  # a key sent last may not be handled yet
            waits = [(h - s) * 1000 for s, h in pairs]
            if "TRACE" in os.environ:
                print([(round((s - t0) * 1000), round((h - s) * 1000)) for s, h in pairs], file=sys.stderr)
            out["keys_sent"], out["keys_handled"] = len(sent), len(handled)
            out["key_wait_max_ms"] = max(waits) if waits else None
            out["key_wait_p50_ms"] = statistics.median(waits) if waits else None

            reader.focus()
            await p.pause()
            t = time.perf_counter()
            loop.call_soon_threadsafe(app.post_message, events.Key("N", "N"))
            last = len(reader.quotes) - 1
            while reader.current != last:
                await asyncio.sleep(0.001)
            out["late_quote_ms"] = (await frame_after(time.perf_counter()) - t) * 1000
            top = int(reader.scroll_offset.y)
            line = reader.line_of_offset(reader.quotes[last].start)
            out["late_quote_in_view"] = top <= line < top + reader.scrollable_content_region.height

            speaker_id, count = db.execute(
                "SELECT speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
                "ORDER BY 2 DESC LIMIT 1").fetchone()
            out["speaker_quotes"] = count
            await p.pause()
            from tui.app.screens import (
                SpeakerScreen,  # loaded before timing, as a first `s` would have
            )

            t = time.perf_counter()
            app.open_speaker(speaker_id)
            while not isinstance(app.screen, SpeakerScreen):
                await asyncio.sleep(0.001)
            out["speaker_view_ms"] = (await frame_after(time.perf_counter()) - t) * 1000
            screen = app.screen
            out["speaker_view_count"] = screen.count if hasattr(screen, "count") else len(screen.quotes)
            await app.workers.wait_for_complete()
            await p.pause()
            out["speaker_view_rows"] = screen.quotes.count if hasattr(screen, "count") else len(screen.quotes)
        except Exception as e:  # report, do not hang the benchmark
            out["error"] = f"{type(e).__name__}: {e}"
        finally:
            app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=pilot)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
