"""`python -m tui.quotes [quotes --format jsonl] FILE...`: one JSON object per quote per line.

A development driver for the scorer (/work/shared/tools/eval_quotes), which
appends `quotes --format jsonl FILE...` to the command it is given.
"""
from __future__ import annotations

import json
import sys

from tui.quotes import extract


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["quotes"]:
        args = args[1:]
    files = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--format":
            i += 2
            continue
        if a.startswith("--format="):
            i += 1
            continue
        files.append(a)
        i += 1
    out = sys.stdout
    status = 0
    for path in files:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError as e:
            print(f"tui.quotes: {path}: {e.strerror}", file=sys.stderr)
            status = 1
            continue
        for q in extract(text):
            out.write(json.dumps({"file": path, "article": "", "quote": q.text, "speaker": q.speaker,
                                  "type": q.type, "cue": q.cue, "start": q.start, "end": q.end},
                                 ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
