"""Refresh benchmark: 50 local feeds on a 127.0.0.1 HTTP server, refreshed into a fresh index.

    python bench/feeds.py [--feeds 50] [--entries 20] [--delay 0.05] [--workers 8]

Each feed holds `entries` synthetic articles (bench/generate.py: ~3.5 KB, ~10 quotes
each) and answers after `delay` seconds (a stand-in for a remote server's latency).
Three refreshes, as `newsreader refresh` runs them (tui.index.feeds.refresh):
first (everything new: download, quote extraction, writing), again with ETags (every
feed answers 304), and again without ETags (every entry downloaded and found unchanged).
Prints progress on stderr and ONE JSON object as the last line of stdout.
"""
from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import Collection  # noqa: E402

from tests.feed_server import FeedServer  # noqa: E402
from tui.index.db import open_index  # noqa: E402
from tui.index.feeds import feeds, refresh, subscribe  # noqa: E402


def feed_xml(n: int, entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><guid>feed{n}-{i}</guid><link>http://127.0.0.1/{n}/{i}</link>"
        f"<description>{html.escape(b)}</description></item>"
        for i, (t, b) in enumerate(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>{items}</channel></rss>'.encode()


def serve(server: FeedServer, n_feeds: int, index: Path) -> None:
    db, _ = open_index(index)
    for n in range(n_feeds):
        subscribe(db, server.url(f"/feed{n}.xml"))
    db.close()
    print(f"serving {n_feeds} feeds at {server.base}; ctrl+c stops", file=sys.stderr)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--delay", type=float, default=0.05)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--serve", metavar="INDEX", help="Subscribe the index at INDEX to the feeds and keep serving "
                    "them until interrupted (to watch the app refresh: newsreader --db INDEX, then R)")
    args = ap.parse_args()
    collection = Collection(seed=7)
    server = FeedServer().start()
    try:
        k = 0
        for n in range(args.feeds):
            entries = []
            for _ in range(args.entries):
                text, lede, *_ = collection.article(k)
                entries.append((lede, text))
                k += 1
            server.route(f"/feed{n}.xml", feed_xml(n, entries), etag=f'"f{n}"', delay=args.delay)
        if args.serve:
            serve(server, args.feeds, Path(args.serve))
            return
        with tempfile.TemporaryDirectory() as tmp:
            db, _ = open_index(Path(tmp) / "index.db")
            for n in range(args.feeds):
                subscribe(db, server.url(f"/feed{n}.xml"))
            figures: dict[str, object] = {"feeds": args.feeds, "entries_per_feed": args.entries,
                                          "server_delay_s": args.delay, "workers": args.workers}
            for run in ("first", "etag_304", "unchanged"):
                if run == "unchanged":
                    db.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")
                start = time.perf_counter()
                results = refresh(db, workers=args.workers, timeout=30)
                seconds = time.perf_counter() - start
                figures[f"{run}_s"] = round(seconds, 2)
                figures[f"{run}_added"] = sum(r.added for r in results)
                figures[f"{run}_failed"] = sum(r.status == "failed" for r in results)
                figures[f"{run}_not_modified"] = sum(r.status == "not modified" for r in results)
                print(f"{run}: {seconds:.2f} s, {figures[f'{run}_added']} added", file=sys.stderr)
            figures["articles"] = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            figures["quotes"] = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
            figures["first_articles_per_s"] = round(figures["articles"] / figures["first_s"], 1)
            figures["feeds_ok"] = sum(f.last_status != "failed" for f in feeds(db))
            db.close()
    finally:
        server.stop()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
