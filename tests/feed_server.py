"""A real HTTP server on 127.0.0.1 for the feed tests: feeds, 304s, redirects, slow and broken feeds.

Routes are set per test: `server.route(path, body, status=200, content_type=..., headers=..., delay=0)`.
The server honours If-None-Match against a route's ETag (304), and counts requests per path.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ENTRY = (
    "<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>{date}"
    "<description>{body}</description></item>"
)


def rss(title: str, entries: list[tuple[str, str, str]], link: str = "http://example.invalid/") -> bytes:
    """An RSS 2.0 feed; entries are (guid, title, body), the first newest."""
    items = "".join(
        ENTRY.format(title=t, link=f"{link}{g}", guid=g, body=b,
                     date=f"<pubDate>Mon, {20 - i:02d} Jun 2022 10:00:00 GMT</pubDate>")
        for i, (g, t, b) in enumerate(entries)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{link}</link>{items}</channel></rss>"
    ).encode()


def story(n: int, who: str = "Mara Quill") -> tuple[str, str, str]:
    """An invented entry with one direct quote."""
    return (f"story-{n}", f"Harbour plan number {n} approved",
            f"The council approved plan {n} on Tuesday. &quot;We will build it this year,&quot; {who} said.")


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/rss+xml"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    send_length: bool = True  # False: no Content-Length (the body ends when the connection closes)


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: dict[str, list[dict[str, str]]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path
                server.requests.setdefault(path, []).append(dict(self.headers))
                route = server.routes.get(path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.close_connection = True
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size cap, a timeout)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes = b"", **kw) -> str:
        self.routes[path] = Route(body, **kw)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        return self.route(path, b"", status=status, content_type="text/plain", headers={"Location": self.url(to)})

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
