"""Run by bench.py as its own process: start `newsreader --db INDEX` headless, time its
first paint, run one search the way the app does, print JSON, exit.

    python bench/app_probe.py INDEX T0 QUERY

T0 is the parent's time.time() just before it started this process, so the times
include the interpreter and every import. The app starts through the command line's
own code (`tui.cli.main`), as a user starts it; only `App.run` is made headless.

first_paint_s: when the app hands its first frame to the terminal (headless: where it
    would), the list, the open article and its quotes drawn. The article count in the
    list's title and the keys in the footer follow in the next frames.
settled_s: when the app has drawn those too and gone idle (Textual's pilot `pause`:
    no queued messages, then a 20 ms stretch with no work; so 20-40 ms late).
"""
from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak RSS. Not ru_maxrss: on Linux it keeps the high-water mark
    of the forked parent (the benchmark, 100+ MB) across exec."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    db_path, t0, query = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    out: dict = {"first_paint_s": None, "settled_s": None, "search_hits": None, "rss_mb": None, "error": None}

    async def pilot(p) -> None:
        try:
            await p.pause()
            out["settled_s"] = time.time() - t0
            service = getattr(p.app, "search_service", None)
            if service is not None:
                import asyncio

                hits = await asyncio.to_thread(service.search, query)
                out["search_hits"] = len(hits)
                await p.pause()
        except Exception as e:
            out["error"] = f"{type(e).__name__}: {e}"
        finally:
            p.app.exit()

    def headless(app):
        """The app the command makes, run headless, its first frame timed."""
        display, run = app._display, app.run

        def timed_display(screen, renderable) -> None:
            # Every frame passes here on its way to the terminal (Textual 8.2).
            if out["first_paint_s"] is None and renderable is not None and not app._batch_count:
                out["first_paint_s"] = time.time() - t0
            display(screen, renderable)

        app._display = timed_display
        app.run = lambda **kwargs: run(headless=True, size=(120, 40), auto_pilot=pilot)
        return app

    sys.argv = ["newsreader", "--db", db_path]
    try:
        import tui.app  # not Textual yet: that is imported where the command imports it

        make_app = tui.app.make_app
        tui.app.make_app = lambda *args, **kwargs: headless(make_app(*args, **kwargs))
        from tui.cli import main as newsreader

        newsreader()
    except SystemExit as e:  # a user mistake (the message is on stderr)
        out["error"] = f"newsreader exited with {e.code}"
    except Exception as e:  # the app is being written in parallel
        out["error"] = f"{type(e).__name__}: {e}"
    out["rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
