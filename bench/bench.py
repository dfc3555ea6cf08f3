"""Scale benchmark: generate N articles, import them, time search, start-up and memory.

    python bench/bench.py [--articles N] [--quick] [--keep DIR] [--seed S]

Prints progress on stderr and ONE JSON object as the last line of stdout:
import_articles_per_s, writer_articles_per_s (the import's one writer alone: its
time minus its waits for the workers), engine_articles_per_s_per_core, search_p50_ms,
search_p95_ms, start_first_paint_s, rss_mb, db_mb, fzf_ratio (our search time
over `fzf --filter`'s on the same strings; null without fzf); and what a user waits for in
the app (bench/README.md): open_article_ms, key_wait_max_ms, speaker_view_ms,
search_first_ms, painted_p50_ms, painted_p95_ms; plus details.

Run heavy sizes with `nice`. Default: 100,000 articles (~10 minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import Collection, write_huge  # noqa: E402


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# --- queries -----------------------------------------------------------------------------------


def typo(rng: random.Random, word: str) -> str:
    """One typing mistake inside a word (never in its first two letters)."""
    if len(word) < 5:
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioulnrst") + word[i + 1 :]


def make_queries(gen, rng: random.Random, n: int) -> list[str]:
    """Speaker names, title words and quote phrases, about half with a typo."""
    queries = ["lavorv", "bayr", "caspian summt"]
    popular = gen.speakers[:300]
    while len(queries) < n:
        kind = len(queries) % 3
        if kind == 0:
            sp = rng.choice(popular)
            q = sp.last if rng.random() < 0.6 else f"{sp.first} {sp.last}"
        else:
            source = gen.titles if kind == 1 else gen.quotes
            words = [w.strip(".,:;\"“”") for w in rng.choice(source).split()]
            words = [w for w in words if len(w) >= 3]
            if len(words) < 2:
                continue
            k = rng.choice([1, 2, 2, 3])
            i = rng.randrange(0, max(1, len(words) - k))
            q = " ".join(words[i : i + k])
        q = q.lower() if rng.random() < 0.7 else q
        if rng.random() < 0.5:
            parts = q.split()
            j = rng.randrange(len(parts))
            parts[j] = typo(rng, parts[j])
            q = " ".join(parts)
        queries.append(q)
    return queries


# --- the measurements --------------------------------------------------------------------------


def measure_engine(bodies: list[str]) -> tuple[float, bool]:
    """Articles per second of tui.quotes.extract in this one process; and whether it finds quotes."""
    from tui.quotes import extract

    real = any(extract(b) for b in bodies[:20])
    t = time.perf_counter()
    for b in bodies:
        extract(b)
    elapsed = time.perf_counter() - t
    return len(bodies) / max(elapsed, 1e-9), real


def run_import(sources: list[str], db_path: Path) -> tuple[float, dict]:
    """(seconds, details); details["waited_s"]: how long the writer waited for the workers' results."""
    from tui.index import importer
    from tui.index.db import open_index

    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        p.unlink(missing_ok=True)
    stream, waited = importer._prepared_stream, 0.0

    def timed_stream(*args):
        nonlocal waited
        results = stream(*args)
        try:
            while True:
                t = time.perf_counter()
                item = next(results, None)
                waited += time.perf_counter() - t
                if item is None:
                    return
                yield item
        finally:
            results.close()

    importer._prepared_stream = timed_stream
    try:
        t = time.perf_counter()
        db, _ = open_index(db_path)
        summary = importer.import_sources(db, sources)
        db.close()
        elapsed = time.perf_counter() - t
    finally:
        importer._prepared_stream = stream
    return elapsed, {"added": summary.added, "failed": len(summary.failed), "waited_s": waited}


def measure_search(db_path: Path, queries: list[str]) -> dict:
    from tui.index.db import open_index
    from tui.index.search import Searcher

    db, _ = open_index(db_path)
    searcher = Searcher(db)
    t = time.perf_counter()
    searcher.search("a")  # loads speakers and vocabulary: timed apart
    cold_ms = (time.perf_counter() - t) * 1000
    times, finals, empty = [], {}, 0
    for q in queries:
        for k in range(1, len(q) + 1):
            t = time.perf_counter()
            hits = searcher.search(q[:k])
            times.append((time.perf_counter() - t) * 1000)
        finals[q] = times[-1]
        empty += not hits
    found = {}
    for q in ("lavorv", "bayr", "caspian summt"):
        hits = searcher.search(q, limit=5)
        found[q] = [f"{h.kind}:{h.text[:40]}" for h in hits[:2]]
    counts = db.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), "
                        "(SELECT count(*) FROM speakers), (SELECT count(*) FROM articles_terms)").fetchone()
    searcher.close()
    db.close()
    return {
        "search_p50_ms": percentile(times, 0.5),
        "search_p95_ms": percentile(times, 0.95),
        "search_max_ms": max(times),
        "search_cold_ms": cold_ms,
        "keystrokes": len(times),
        "queries_without_hits": empty,
        "final_ms": finals,
        "found": found,
        "articles": counts[0],
        "quotes": counts[1],
        "speakers": counts[2],
        "terms": counts[3],
    }


def measure_fzf(db_path: Path, workdir: Path, queries: list[str], ours_ms: dict[str, float]) -> float | None:
    fzf = shutil.which("fzf")
    if not fzf:
        return None
    import sqlite3

    strings = workdir / "strings.txt"
    conn = sqlite3.connect(db_path)
    with open(strings, "w", encoding="utf-8") as f:
        for sql in ("SELECT title FROM articles", "SELECT name FROM speakers", "SELECT text FROM quotes"):
            for (s,) in conn.execute(sql):
                f.write(s.replace("\n", " ") + "\n")
    conn.close()
    fzf_ms, our_ms = [], []
    for q in queries:
        t = time.perf_counter()
        with open(strings, "rb") as stdin:
            subprocess.run([fzf, "--filter", q], stdin=stdin, stdout=subprocess.DEVNULL, check=False)
        fzf_ms.append((time.perf_counter() - t) * 1000)
        our_ms.append(ours_ms[q])
    strings.unlink()
    return statistics.median(our_ms) / max(statistics.median(fzf_ms), 1e-9)


def measure_app(db_path: Path, runs: int) -> dict:
    paints, settled, rss, error = [], [], [], None
    for _ in range(runs):
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, str(HERE / "app_probe.py"), str(db_path), repr(t0), "lavrov"],
            capture_output=True, text=True, timeout=120, cwd=str(HERE.parent),
            env={**os.environ, "TEXTUAL": "", "NEWSREADER_CONFIG": str(db_path.parent / "none.toml")},
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if not lines:
            error = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            break
        out = json.loads(lines[-1])
        error = out.get("error")
        if out.get("first_paint_s") is None:
            break
        paints.append(out["first_paint_s"])
        settled.append(out["settled_s"])
        rss.append(out["rss_mb"])
    return {
        "start_first_paint_s": statistics.median(paints) if paints else None,
        "start_settled_s": statistics.median(settled) if settled else None,
        "rss_mb": max(rss) if rss else None,
        "app_error": error,
    }


def import_huge(db_path: Path, folder: Path, quick: bool) -> dict:
    """Add the app's worst cases to the index (an import skips them when they are there already)."""
    from tui.index.db import open_index
    from tui.index.importer import import_sources

    write_huge(str(folder), *((300, 2) if quick else (10_000, 10)))
    t = time.perf_counter()
    db, _ = open_index(db_path)
    try:
        summary = import_sources(db, [str(folder)])
    finally:
        db.close()
    return {"huge_added": summary.added, "huge_import_s": round(time.perf_counter() - t, 2)}


def run_probe(script: str, *args: str, timeout: int = 300) -> dict:
    """One of the app probes as its own process: its JSON line, or its error."""
    proc = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=str(HERE.parent), env={**os.environ, "TEXTUAL": ""})
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": ((proc.stderr or proc.stdout).strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def measure_waits(db_path: Path, queries: list[str]) -> dict:
    """The app's waits: the largest article and speaker (app_timing.py), typing (pty_probe.py)."""
    out = {}
    timing = run_probe("app_timing.py", str(db_path))
    for key in ("open_article_ms", "key_wait_max_ms", "key_wait_p50_ms", "quotes_shown_ms", "late_quote_ms",
                "speaker_view_ms", "article_chars", "article_quotes", "speaker_quotes", "speaker_view_count"):
        out[key] = timing.get(key)
    out["timing_error"] = timing.get("error")
    typed = run_probe("pty_probe.py", str(db_path), *queries)
    for key in ("search_first_ms", "painted_p50_ms", "painted_p95_ms", "painted_max_ms", "painted_keystrokes"):
        out[key] = typed.get(key)
    out["painted_error"] = typed.get("error")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="a CI-sized run: 300 articles")
    ap.add_argument("--keep", type=Path, help="work in DIR and keep the collection and index there")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="with --keep: reuse the collection and index already there")
    args = ap.parse_args(argv)
    n = 300 if args.quick else args.articles
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    src, db_path = workdir / "src", workdir / "index.db"
    result: dict = {"articles": n}
    try:
        t = time.perf_counter()
        collection = Collection(seed=args.seed)
        if args.reuse and src.exists():
            gen = collection.sample(n)
        else:
            shutil.rmtree(src, ignore_errors=True)
            gen = collection.write(str(src), n)
        result["generate_s"] = round(time.perf_counter() - t, 2)
        log(f"generated {n} articles in {result['generate_s']} s")

        rate, real = measure_engine(gen.bodies[: 200 if args.quick else 500])
        result["engine_articles_per_s_per_core"] = round(rate, 1)
        result["engine"] = "real" if real else "placeholder"
        log(f"engine: {result['engine']}, {rate:.0f} articles/s")

        if not (args.reuse and db_path.exists()):
            elapsed, summary = run_import([str(src)], db_path)
            result["import_s"] = round(elapsed, 2)
            result["import_articles_per_s"] = round(summary["added"] / elapsed, 1)
            result["writer_articles_per_s"] = round(summary["added"] / max(elapsed - summary["waited_s"], 1e-9), 1)
            log(f"imported {summary} in {elapsed:.1f} s: {result['import_articles_per_s']} articles/s "
                f"(the writer alone: {result['writer_articles_per_s']} articles/s)")
        else:
            result["import_articles_per_s"] = result["writer_articles_per_s"] = None
        size = sum(p.stat().st_size for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
        result["db_mb"] = round(size / 2**20, 1)

        queries = make_queries(gen, random.Random(args.seed), 24 if args.quick else 60)
        s = measure_search(db_path, queries)
        result.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in s.items() if k != "final_ms"})
        log(f"search p50 {s['search_p50_ms']:.2f} ms, p95 {s['search_p95_ms']:.2f} ms over {s['keystrokes']} keystrokes")

        fzf_queries = queries[: 6 if args.quick else 12]
        ratio = measure_fzf(db_path, workdir, fzf_queries, s["final_ms"])
        result["fzf_ratio"] = round(ratio, 4) if ratio is not None else None
        log(f"fzf ratio {result['fzf_ratio']}")

        result.update(measure_app(db_path, runs=1 if args.quick else 3))
        log(f"app: first paint {result['start_first_paint_s']} s, rss {result['rss_mb']} MB ({result['app_error']})")

        result.update(import_huge(db_path, workdir / "huge", args.quick))
        result.update({k: (round(v, 2) if isinstance(v, float) else v)
                       for k, v in measure_waits(db_path, queries[: 2 if args.quick else 8]).items()})
        log(f"app: open {result['open_article_ms']} ms, key wait max {result['key_wait_max_ms']} ms, "
            f"speaker view {result['speaker_view_ms']} ms, typed: first {result['search_first_ms']} ms, "
            f"p50 {result['painted_p50_ms']} ms, p95 {result['painted_p95_ms']} ms "
            f"({result['timing_error']}; {result['painted_error']})")
        log(f"load average: {os.getloadavg()}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]  # other work on the machine
    keys = ["import_articles_per_s", "writer_articles_per_s", "engine_articles_per_s_per_core", "search_p50_ms",
            "search_p95_ms", "start_first_paint_s", "rss_mb", "db_mb", "fzf_ratio", "open_article_ms",
            "key_wait_max_ms", "speaker_view_ms", "search_first_ms", "painted_p50_ms", "painted_p95_ms"]
    ordered = {k: result.get(k) for k in keys}
    ordered.update({k: v for k, v in result.items() if k not in ordered})
    print(json.dumps(ordered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
