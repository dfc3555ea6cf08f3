"""Run by bench.py as its own process: start the app headless on an index, wait
for the first paint, run one search the way the app does, print JSON, exit.

    python bench/app_probe.py INDEX T0 QUERY

T0 is the parent's time.time() just before it started this process, so the
start-up time includes the interpreter and every import.
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
    out: dict = {"first_paint_s": None, "search_hits": None, "rss_mb": None, "error": None}
    try:
        from tui.app import make_app
    except Exception as e:  # the app is being written in parallel
        out["error"] = f"no app: {type(e).__name__}: {e}"
        print(json.dumps(out))
        return
    try:
        app = make_app(db_path, import_samples=False)
    except TypeError:
        app = make_app(db_path)

    async def pilot(p) -> None:
        try:
            await p.pause()
            out["first_paint_s"] = time.time() - t0
            service = getattr(app, "search_service", None)
            if service is not None:
                import asyncio

                hits = await asyncio.to_thread(service.search, query)
                out["search_hits"] = len(hits)
                await p.pause()
        except Exception as e:
            out["error"] = f"{type(e).__name__}: {e}"
        finally:
            app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=pilot)
    out["rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
