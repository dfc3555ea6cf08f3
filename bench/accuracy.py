"""Score the engine on every shared gold set and print one table.

    .venv/bin/python bench/accuracy.py [--gold-dir ../shared/gold] [--json]

Runs the shared scorer (`<gold-dir>/../tools/eval_quotes --json`, with this
checkout's `newsreader` code as the command) on the seed, our dev set, PolNeAR
dev and GGT dev, and prints span F1, speaker accuracy and end-to-end F1 for
each, with recall by quote type. The scoring is the scorer's own: nothing is
copied here. With --json it prints one JSON object per set instead.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("seed.jsonl", "dev.jsonl", "polnear/dev.jsonl", "ggt/dev.jsonl")


def default_gold_dir() -> Path:
    """../shared/gold beside the checkout (CI keeps it there), or the one named by $NEWSREADER_GOLD."""
    env = os.environ.get("NEWSREADER_GOLD")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "gold").is_dir():
            return base / "shared" / "gold"
    return ROOT.parent / "shared" / "gold"


def score(gold_dir: Path) -> list[dict]:
    """The scorer's figures for every gold set, one dict per set (its --json output)."""
    scorer = gold_dir.parent / "tools" / "eval_quotes"
    cmd = f"{shlex.quote(sys.executable)} -c {shlex.quote('from tui.cli import main; main()')}"
    files = [str(gold_dir / name) for name in SETS]
    proc = subprocess.run([sys.executable, str(scorer), *files, "--cmd", cmd, "--json"],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"eval_quotes failed: {proc.stderr[-2000:]}")
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    for row, name in zip(rows, SETS, strict=True):
        row["set"] = name.removesuffix(".jsonl")
    return rows


def table(rows: list[dict]) -> str:
    types = ("direct", "indirect", "mixed")
    head = f"{'set':<12} {'gold':>5} {'pred':>5} {'span F1':>8} {'speaker':>8} {'e2e F1':>7}  " + \
        "  ".join(f"{t + ' span/e2e':>20}" for t in types)
    lines = [head, "-" * len(head)]
    for r in rows:
        by = r.get("recall_by_type", {})
        cells = []
        for t in types:
            v = by.get(t)
            cell = "{span_r:.3f}/{e2e_r:.3f} ({gold})".format(**v) if v else "-"
            cells.append(f"{cell:>20}")
        spk = r["speaker_acc"]
        spk_cell = f"{spk:.3f}" if spk is not None else "-"
        lines.append(f"{r['set']:<12} {r['gold']:>5} {r['predicted']:>5} {r['span_f1']:>8.3f} "
                     f"{spk_cell:>8} {r['e2e_f1']:>7.3f}  " + "  ".join(cells))
    lines.append("(by type: recall of the gold quotes of that type, span and end to end)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    gold_dir = a.gold_dir or default_gold_dir()
    if not (gold_dir.parent / "tools" / "eval_quotes").exists():
        sys.exit(f"accuracy: no shared gold sets and scorer at {gold_dir} (and ../tools/eval_quotes)")
    rows = score(gold_dir)
    if a.json:
        for r in rows:
            print(json.dumps(r))
    else:
        print(table(rows))


if __name__ == "__main__":
    main()
