"""Subscription commands: add, feeds, remove, refresh, export --opml (and OPML files given to import)."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from tui.cli import Context, _emit, cli
from tui.text import plural, printable


def _writable(c: Context):
    db, read_only = c.open()
    if read_only:
        raise click.ClickException(f"{c.db_path} is read-only: subscriptions cannot change")
    return db


@cli.command("add")
@click.argument("urls", nargs=-1, required=True)
@click.option("--full-text", is_flag=True, help="Fetch each entry's web page (for feeds that carry summaries only).")
@click.pass_obj
def add_cmd(c: Context, urls: tuple[str, ...], full_text: bool) -> None:
    """Subscribe to feeds: a feed's URL, or a web page that links to its feed.

    Example: newsreader add https://example.org/feed.xml https://example.org/
    """
    from tui.index.feeds import set_full_text, subscribe
    from tui.sources import SourceError, is_url
    from tui.sources.subscriptions import find_feed

    db = _writable(c)
    failed = 0
    for url in urls:
        if not is_url(url):
            click.echo(f"failed: {printable(url)}: not an http:// or https:// URL", err=True)
            failed += 1
            continue
        try:
            found = find_feed(url.strip())
        except SourceError as e:
            click.echo(f"failed: {printable(url)}: {printable(str(e))}", err=True)
            failed += 1
            continue
        if subscribe(db, found.url, found.title, found.site_url, full_text):
            via = f" (found on {printable(url)})" if found.url != url.strip() else ""
            click.echo(f"subscribed: {printable(found.url)}{via}: {printable(found.title or 'untitled')}")
        elif full_text and set_full_text(db, found.url, True):
            click.echo(f"already subscribed: {printable(found.url)}; its entries' pages will be fetched from now on")
        else:
            click.echo(f"already subscribed: {printable(found.url)}")
    if len(urls) > failed:
        click.echo("`newsreader refresh` fetches their articles")
    if failed:
        sys.exit(1)


@cli.command("feeds")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_obj
def feeds_cmd(c: Context, fmt: str) -> None:
    """List subscriptions: URL, title, unread articles, last refresh and its error.

    Example: newsreader feeds
    """
    from tui.index.feeds import feeds

    db, _ = c.open()
    records = [
        {"url": f.url, "title": f.title, "unread": f.unread, "articles": f.total,
         "last_refresh": f.last_refresh, "status": f.last_status, "error": f.last_error}
        for f in feeds(db)
    ]
    if fmt == "table":
        for r in records:  # 2026-01-02T03:04:05+00:00 -> 2026-01-02 03:04
            r["last_refresh"] = str(r["last_refresh"])[:16].replace("T", " ") if r["last_refresh"] else "never"
    _emit(iter(records), fmt, ["url", "title", "unread", "last_refresh", "error"],
          "No subscriptions: `newsreader add URL` subscribes to a feed")


@cli.command("remove")
@click.argument("urls", nargs=-1, required=True)
@click.option("--delete-articles", is_flag=True, help="Also delete the feed's articles (kept by default).")
@click.pass_obj
def remove_cmd(c: Context, urls: tuple[str, ...], delete_articles: bool) -> None:
    """Unsubscribe from feeds; their articles stay unless --delete-articles.

    Example: newsreader remove https://example.org/feed.xml
    """
    from tui.index.feeds import unsubscribe

    db = _writable(c)
    failed = False
    for url in urls:
        deleted = unsubscribe(db, url.strip(), delete_articles)
        if deleted is None:
            click.echo(f"failed: {printable(url)}: not subscribed (`newsreader feeds` lists subscriptions)", err=True)
            failed = True
        elif delete_articles:
            click.echo(f"removed: {printable(url)} and its {plural(deleted, 'article')}")
        else:
            click.echo(f"removed: {printable(url)} (its articles are kept)")
    if failed:
        sys.exit(1)


@cli.command("refresh")
@click.argument("urls", nargs=-1)
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.1, 600), help="Seconds per feed.")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(1, 64), help="Feeds downloaded at once.")
@click.pass_obj
def refresh_cmd(c: Context, urls: tuple[str, ...], timeout: float, workers: int) -> None:
    """Fetch every subscription (or those given) and import new and changed entries.

    Example: newsreader refresh
    """
    from tui.index.feeds import feed_by_url, refresh

    db = _writable(c)
    for url in urls:
        if feed_by_url(db, url) is None:
            raise click.ClickException(f"not subscribed: {printable(url)}")
    try:
        results = refresh(db, list(urls) or None, workers=workers, timeout=timeout,
                          progress=lambda r, done, total: click.echo(printable(r.line())))
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: feeds refreshed so far are kept") from None
    except sqlite3.Error as e:  # the index itself could not be written (full disk, busy): stop
        raise click.ClickException(f"the index could not be written ({e}): feeds refreshed so far are kept") from None
    if not results:
        click.echo("No subscriptions: `newsreader add URL` subscribes to a feed")
        return
    failed = sum(r.status == "failed" for r in results)
    added = sum(r.added for r in results)
    updated = sum(r.updated for r in results)
    n = len(results)
    click.echo(f"{n} feed{'' if n == 1 else 's'}: {added} new articles, {updated} updated, {failed} failed")
    if failed:
        sys.exit(1)


@cli.command("export")
@click.option("--opml", "opml", is_flag=True, required=True, help="Write the subscriptions as OPML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.pass_obj
def export_cmd(c: Context, opml: bool, output: Path | None) -> None:
    """Export the subscriptions as an OPML file (`newsreader import FILE.opml` reads it back).

    Example: newsreader export --opml -o subscriptions.opml
    """
    from tui.index.feeds import feeds
    from tui.sources.subscriptions import Subscription, write_opml

    db, _ = c.open()
    text = write_opml([Subscription(f.url, f.title, f.site_url) for f in feeds(db)])
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror}") from None


def opml_files(targets: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(OPML subscription lists, everything else) among import's targets."""
    from tui.sources import is_url

    opml, rest = [], []
    for t in targets:
        if is_url(t):
            if t.lower().split("?")[0].endswith(".opml"):
                opml.append(t)
            else:
                rest.append(t)
            continue
        path = Path(t).expanduser()
        if t.lower().endswith(".opml") or (path.suffix.lower() == ".xml" and path.is_file() and _is_opml(path)):
            opml.append(t)
        else:
            rest.append(t)
    return opml, rest


def _is_opml(path: Path) -> bool:
    from tui.sources.subscriptions import looks_like_opml

    try:
        with open(path, "rb") as f:
            return looks_like_opml(f.read(2048))
    except OSError:
        return False


def import_opml(c: Context, db, paths: list[str]) -> bool:
    """Subscribe to every feed in the OPML files; False when one could not be read."""
    from tui.index.feeds import subscribe
    from tui.sources import SourceError, is_url
    from tui.sources.subscriptions import fetch, read_opml

    ok = True
    for p in paths:
        try:
            data = fetch(p.strip()).data if is_url(p) else Path(p).expanduser().read_bytes()
            subs = read_opml(data)
        except OSError as e:
            click.echo(f"failed: {printable(p)}: {(e.strerror or str(e)).lower()}", err=True)
            ok = False
            continue
        except SourceError as e:
            click.echo(f"failed: {printable(p)}: {printable(str(e))}", err=True)
            ok = False
            continue
        new = sum(subscribe(db, s.url, "" if s.title == s.url else s.title, s.site_url) for s in subs)
        click.echo(f"{printable(p)}: {new} subscribed, {len(subs) - new} already subscribed "
                   "(`newsreader refresh` fetches their articles)")
    return ok
