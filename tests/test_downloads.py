"""Failed downloads say what they were, on the command line and in the app's import summary.

A real HTTP server on 127.0.0.1: a page, a missing page (404), a server that answers
too slowly (timeout), and a closed port (connection refused).
"""
from __future__ import annotations

import errno
import socket
import subprocess
import sys
import threading
import urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tui.app import make_app
from tui.sources import SourceError, web

NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]

PAGE = b"""<!doctype html><html><head><title>Lighthouse keeper retires</title></head><body><article>
<h1>Lighthouse keeper retires</h1>
<p>After forty years on the rock, keeper Oskar Lindqvist handed over the keys on Sunday.</p>
<p>"The lamp never went out on my watch," Lindqvist said, smiling at the crowd on the pier.</p>
<p>The harbour board said an automatic light would replace him next spring.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    release = threading.Event()  # the slow page waits for it (or 10 s)

    def do_GET(self):
        if self.path == "/slow":
            self.release.wait(10)
        if self.path in ("/page", "/slow"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.release.clear()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/gone"


def test_fetch_names_the_http_status_refusal_and_timeout(server, closed_port, monkeypatch):
    assert b"Lighthouse keeper" in web.fetch(f"{server}/page")
    with pytest.raises(SourceError, match=r"^HTTP 404 Not Found$"):
        web.fetch(f"{server}/missing")
    with pytest.raises(SourceError, match=r"^connection refused by 127\.0\.0\.1:\d+$"):
        web.fetch(closed_port)
    monkeypatch.setattr(web, "TIMEOUT", 0.3)
    with pytest.raises(SourceError, match=r"^timed out: 127\.0\.0\.1 sent nothing for 0\.3 s$"):
        web.fetch(f"{server}/slow")


def web_error(url: str) -> Exception:
    try:
        web.fetch(url)
    except SourceError as e:
        assert e.__cause__ is not None
        return e.__cause__
    raise AssertionError("no error")


def test_dns_and_no_network_are_told_apart():
    url = "http://news.example.org/a"
    no_host = urllib.error.URLError(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
    assert web.download_problem(url, no_host) == "DNS failure: no such host news.example.org"
    lookup = urllib.error.URLError(socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"))
    assert web.download_problem(url, lookup).startswith("DNS failure: cannot look up news.example.org (no network?)")
    assert web.download_problem(url, web_error("http://127.0.0.1:9/a b")).startswith("invalid URL: ")
    unreachable = urllib.error.URLError(OSError(errno.ENETUNREACH, "Network is unreachable"))
    assert web.download_problem(url, unreachable) == "no network: Network is unreachable (news.example.org)"


def test_cli_import_lists_each_failed_download_with_its_reason(tmp_path, server, closed_port):
    out = subprocess.run(
        [*NEWSREADER, "--db", str(tmp_path / "i.db"), "import", f"{server}/page", f"{server}/missing", closed_port],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert out.returncode == 1
    assert "1 added, 0 updated, 0 unchanged, 2 failed" in out.stdout
    assert f"failed: {server}/missing: HTTP 404 Not Found" in out.stderr
    assert f"failed: {closed_port}: connection refused by" in out.stderr
    assert "Traceback" not in out.stderr


async def test_app_import_summary_explains_each_failure(tmp_path, server, closed_port, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT", 0.3)
    app = make_app(tmp_path / "index.db", config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        missing = tmp_path / "nope.txt"
        app.start_import([f"{server}/page", f"{server}/missing", closed_port, f"{server}/slow", str(missing)])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        summary = [n.message for n in app._notifications if n.title == "Import"]
        assert len(summary) == 1
        lines = summary[0].splitlines()
        assert lines[0] == "1 added, 0 updated, 0 unchanged, 4 failed"
        assert f"failed: {server}/missing: HTTP 404 Not Found" in lines
        assert any(line.startswith(f"failed: {closed_port}: connection refused by") for line in lines)
        assert f"failed: {server}/slow: timed out: 127.0.0.1 sent nothing for 0.3 s" in lines
        assert f"failed: {missing}: no such file or directory" in lines
        assert app.article_list.count == 1


async def test_app_import_summary_shows_the_first_failures_and_counts_the_rest(tmp_path):
    app = make_app(tmp_path / "index.db", config=tmp_path / "none.toml", import_samples=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.start_import([str(tmp_path / f"missing{i}.txt") for i in range(7)])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        (summary,) = [n.message for n in app._notifications if n.title == "Import"]
        lines = summary.splitlines()
        assert lines[0] == "0 added, 0 updated, 0 unchanged, 7 failed"
        assert lines[1:6] == [f"failed: {tmp_path / f'missing{i}.txt'}: no such file or directory" for i in range(5)]
        assert lines[6:] == ["… and 2 more"]


