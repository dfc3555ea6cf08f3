"""Benchmark the attribution engine: articles/s on ~4 KB synthetic articles, and
how the time grows with length (a 1 MB text against a 4 KB one).

    .venv/bin/python bench/bench_engine.py [--seconds 3]

Prints one JSON line: {"articles_per_s": …, "ratio_1mb_4kb": …, …}. The
articles are generated here (invented names, every kind of attribution the
engine knows), so the figure does not depend on any corpus.

    .venv/bin/python bench/bench_engine.py --gold ../shared/gold/ggt/dev.jsonl [--gold …]

times the engine on real text instead: the article texts of gold files (JSON
Lines with a "text" field), read here and never copied. It prints
{"unseen_articles_per_cpu_s": …, "repeat_articles_per_cpu_s": …, "articles": …, …}:
the first rate is each text's first reading (as new articles are read), the
second later passes over the same texts, which the engine's memos flatter.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tui.quotes import extract  # noqa: E402

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kofi", "Lena",
         "Marco", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tomas", "Vera"]
LAST = ["Arnell", "Brisk", "Castell", "Dorran", "Elsworth", "Fenwick", "Garrow", "Holm", "Ivanek", "Jarrow",
        "Kessel", "Lorne", "Marrick", "Norrell", "Ostrand", "Pellin", "Quarry", "Rusk", "Stavel", "Tolland"]
ROLES = ["Foreign Minister", "Finance Minister", "chief executive", "spokeswoman", "analyst", "mayor",
         "opposition leader", "union secretary", "judge", "coach"]
ORGS = ["Ministry of Trade", "Harbour Bank", "Northfield Council", "Vantor Technologies", "Tidewater Union"]
CLAUSES = ["the talks had been constructive and would continue next week",
           "prices would rise by about four percent before the end of the year",
           "the agreement was a first step towards a wider settlement",
           "the company had no plans to close the plant in the near future",
           "the new rules would take effect in the spring",
           "nobody had been hurt and the roads were open again"]
DIRECT = ["We are not going to stop here. There is a lot more work to do",
          "This is a good day for everyone who believed in the project",
          "I do not think anyone expected the figures to be this strong",
          "Our members deserve better, and we will keep saying so"]
INTERRUPT = ["would cost less than the old one", "is about jobs rather than prestige",
             "could be approved before the summer"]
FILLER = ["The meeting took place in the capital on Tuesday.",
          "Traffic in the city centre was heavier than usual.",
          "The figures were published shortly after noon.",
          "Several hundred people gathered outside the building.",
          "The report runs to more than two hundred pages.",
          "Officials from both sides arrived in the morning and left after dark.",
          "The city has been the region's main port for more than a century.",
          "Prices for bread and fuel have risen sharply since the spring.",
          "The building was designed in the 1960s and renovated twice."]


def article(rng: random.Random, size: int = 4096) -> str:
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)) for _ in range(4)]
    paras = []
    while sum(len(p) + 2 for p in paras) < size:
        first, last, r = rng.choice(people)
        k = rng.randrange(14)
        c, d = rng.choice(CLAUSES), rng.choice(DIRECT)
        if k == 0:
            paras.append(f"{r[0].upper() + r[1:]} {first} {last} said on Monday that {c}.")
        elif k == 1:
            paras.append(f"“{d},” {last} said. “{rng.choice(DIRECT)}.”")
        elif k == 2:
            paras.append(f"According to {last}, {c}.")
        elif k == 3:
            paras.append(f"\"{d},\" he said, \"and {rng.choice(DIRECT).lower()}.\"")
        elif k == 4:
            paras.append(f"{c[0].upper() + c[1:]}, the {r.split()[-1]} added.")
        elif k == 5:
            paras.append(f"{rng.choice(ORGS)} said in a statement that {c}.")
        elif k == 6:
            paras.append(f"{last} called the plan \"a serious mistake\" and said {c}.")
        elif k == 7:
            paras.append(f"The plan, {last} said, {rng.choice(INTERRUPT)}.")
        else:
            paras.append(" ".join(rng.sample(FILLER, 3)))
    return "\n\n".join(paras)[:size]


def real_text(paths: list[str], seconds: float) -> dict:
    """Articles per CPU second over the texts of gold files: a first pass, each text unseen (as new
    articles are), then passes over the same texts again (which the engine's phrase memos flatter)."""
    arts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            arts += [json.loads(ln)["text"] for ln in f if ln.strip()]
    warm = min(20, len(arts) // 2)
    for t in arts[:warm]:
        extract(t)  # warm up
    fresh = arts[warm:]
    t0 = time.process_time()
    for t in fresh:
        extract(t)
    unseen = (time.process_time() - t0) / len(fresh)
    n = 0
    t0 = time.process_time()
    while True:
        for t in arts:
            extract(t)
        n += len(arts)
        if time.process_time() - t0 >= seconds:
            break
    repeat = (time.process_time() - t0) / n
    return {"unseen_articles_per_cpu_s": round(1 / unseen, 1), "repeat_articles_per_cpu_s": round(1 / repeat, 1),
            "articles": len(arts), "kb_per_article": round(sum(len(t) for t in arts) / len(arts) / 1024, 1),
            "ms_per_unseen_article": round(unseen * 1000, 3), "load_avg": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--gold", action="append", default=[], help="time real text: a gold JSONL file (repeatable)")
    a = ap.parse_args()
    if a.gold:
        print(json.dumps(real_text(a.gold, a.seconds)))
        return
    rng = random.Random(42)
    arts = [article(rng) for _ in range(200)]
    for t in arts[:20]:
        extract(t)  # warm up
    n = 0
    t0 = time.process_time()
    while time.process_time() - t0 < a.seconds:
        for t in arts:
            extract(t)
            n += 1
    per_art = (time.process_time() - t0) / n
    nquotes = sum(len(extract(t)) for t in arts) / len(arts)
    big = "\n\n".join(arts)
    while len(big) < 1 << 20:
        big += "\n\n" + big
    big = big[:1 << 20]
    # the 4 KB time: the mean over 4 KB slices of the same 1 MB text
    slices = [big[i:i + 4096] for i in range(0, 64 * 4096, 4096)]
    rounds = []
    for _ in range(3):
        t0 = time.process_time()
        for sl in slices:
            extract(sl)
        rounds.append((time.process_time() - t0) / len(slices))
    t_small = min(rounds)
    bigs = []
    for _ in range(2):
        t0 = time.process_time()
        extract(big)
        bigs.append(time.process_time() - t0)
    t_big = min(bigs)
    print(json.dumps({"articles_per_s": round(1 / per_art, 1), "article_bytes": 4096,
                      "quotes_per_article": round(nquotes, 1), "ms_per_article": round(per_art * 1000, 3),
                      "t_4kb_ms": round(t_small * 1000, 3), "t_1mb_s": round(t_big, 3),
                      "ratio_1mb_4kb": round(t_big / t_small, 1), "load_avg": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
