"""Run by bench.py: type into the real app in a real terminal (a pseudo-terminal, 120x40)
and time each keystroke until its results are painted.

    python bench/pty_probe.py INDEX QUERY [QUERY ...]

Starts `newsreader --db INDEX` on a pty, waits for its first screen and one second more
(a user reaching for `/`; the search warm-up runs meanwhile), opens search with `/`, then
types each query one character at a time. After each character it reads what the app
writes to the terminal until the status line of the results for that query is painted
("N results — enter opens…"), and takes the next character 80 ms later (a quick typist).
Between queries the box is emptied (ctrl+u). Prints one JSON object:

search_first_ms: the first character of the first search, keystroke to results painted.
painted_p50_ms, painted_p95_ms, painted_max_ms: every keystroke, the same.
"""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_=>78]")
RESULTS = re.compile(r"\d+ results? — enter opens")


class Terminal:
    def __init__(self, argv: list[str], columns: int = 120, rows: int = 40) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the app, on the pty
            os.environ["TERM"] = "xterm-256color"
            os.environ.pop("TEXTUAL", None)
            os.execvp(argv[0], argv)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.text = ""  # everything written, escape sequences removed

    def read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            raise EOFError("the app ended") from None
        if not data:
            raise EOFError("the app ended")
        self.text += ESCAPES.sub("", data.decode("utf-8", "replace"))
        return True

    def wait_for(self, pattern: re.Pattern, since: int, timeout: float = 10.0) -> float:
        """Read until `pattern` appears in what was written after position `since`; when it did."""
        deadline = time.perf_counter() + timeout
        while not pattern.search(self.text, since):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{pattern.pattern!r} not painted")
            self.read(0.05)
        return time.perf_counter()

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.read(max(0.0, end - time.perf_counter()))

    def send(self, keys: str) -> int:
        """Type `keys`; the position in the text from which their effect is looked for."""
        since = len(self.text)
        os.write(self.fd, keys.encode())
        return since

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def main() -> None:
    db_path, queries = sys.argv[1], sys.argv[2:]
    out: dict = {"error": None}
    argv = [sys.executable, "-c", "from tui.cli import main; main()", "--db", db_path]
    term = Terminal(argv)
    try:
        term.wait_for(re.compile(r"Articles \(\d"), 0, timeout=30)
        term.drain(1.0)
        since = term.send("/")
        term.wait_for(re.compile("Type to search"), since)
        term.drain(0.2)
        times: list[float] = []
        for query in queries:
            for ch in query:
                since = term.send(ch)
                t = time.perf_counter()
                times.append((term.wait_for(RESULTS, since) - t) * 1000)
                term.drain(0.08)
            since = term.send("\x15")  # ctrl+u: empty the box
            term.wait_for(re.compile("Type to search"), since)
            term.drain(0.1)
        out["search_first_ms"] = times[0]
        out["painted_p50_ms"] = statistics.median(times)
        out["painted_p95_ms"] = sorted(times)[max(0, round(0.95 * (len(times) - 1)))]
        out["painted_max_ms"] = max(times)
        out["painted_keystrokes"] = len(times)
    except (TimeoutError, EOFError) as e:
        out["error"] = f"{type(e).__name__}: {e}; the screen ended with: {term.text[-300:]!r}"
    finally:
        term.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
