"""The command line: `newsreader [--db PATH] [COMMAND]`.

A user mistake (missing file, bad option, unusable index) prints one line and
exits non-zero; it never shows a traceback.
"""
from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from tui.index.db import IndexUnavailable, default_path, open_index, write_problem
from tui.text import json_line, printable

FORMATS = click.Choice(["table", "jsonl", "csv"])


class Context:
    def __init__(self, db_path: Path):
        self.db_path = db_path

    def open(self, create: bool = True):
        try:
            db, read_only = open_index(self.db_path, create=create)
        except IndexUnavailable as e:
            raise click.ClickException(str(e)) from None
        return db, read_only


@click.group(invoke_without_command=True)
@click.option("--db", "db_path", type=click.Path(path_type=Path), help="Index file (default: $NEWSREADER_DB or the user data folder).")
@click.version_option(package_name="newsreader")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """A terminal news reader that shows who said what."""
    ctx.obj = Context(db_path or default_path())
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj)


def _run_app(c: Context) -> None:
    import gc

    # Importing Textual and making the app leave ~60,000 objects that live as long as the
    # process, and next to no garbage: the collector is off while they are made, and then
    # they are frozen, out of its reach (a full pass during the first paint took ~50 ms).
    gc.disable()
    from tui.app import make_app

    try:
        app = make_app(c.db_path)
    except IndexUnavailable as e:
        raise click.ClickException(str(e)) from None
    gc.freeze()
    gc.enable()
    app.run()


@cli.command("import")
@click.argument("targets", nargs=-1, required=True)
@click.pass_obj
def import_cmd(c: Context, targets: tuple[str, ...]) -> None:
    """Import files, folders, saved pages, feeds or URLs into the index; an OPML file subscribes to its feeds.

    Example: newsreader import ~/news feeds/world.xml subscriptions.opml
    """
    from tui.cli_feeds import import_opml, opml_files
    from tui.index.importer import import_sources

    db, read_only = c.open()
    if read_only:
        raise click.ClickException(f"{c.db_path} is read-only: nothing can be imported into it")
    opml, rest = opml_files(targets)
    opml_ok = import_opml(c, db, opml) if opml else True
    if not rest:
        sys.exit(0 if opml_ok else 1)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total >= 50 and sys.stderr.isatty():
            bar = click.progressbar(length=total, label="Importing", file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(1)

    try:
        summary = import_sources(db, rest, progress=progress)
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: articles committed so far are kept") from None
    except (sqlite3.Error, OSError) as e:
        problem = write_problem(e, c.db_path)
        if problem is None:
            raise
        raise click.ClickException(
            f"import stopped, cannot write {c.db_path}: {problem}; the articles committed before are kept"
        ) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for source, reason in summary.failed:
        click.echo(f"failed: {printable(source)}: {printable(reason)}", err=True)
    for source, title, reason in summary.extraction_failed:
        click.echo(f"no quotes: {printable(source)} ({printable(title)}): {printable(reason)}", err=True)
    click.echo(summary.describe())
    if summary.failed or not opml_ok:
        sys.exit(1)


@cli.command("quotes")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--speaker", help="Only quotes by this speaker (part of the name).")
@click.option("--explain", is_flag=True, help="With each quote, the rule that found it and how its speaker was reached.")
@click.argument("paths", nargs=-1)
@click.pass_obj
def quotes_cmd(c: Context, fmt: str, speaker: str | None, explain: bool, paths: tuple[str, ...]) -> None:
    """List quotes: from PATHS directly (the index is not touched), or from the index.

    Example: newsreader quotes --format jsonl article.txt
    """
    records = _quotes_from_paths(paths) if paths else _quotes_from_index(c)
    if speaker:
        wanted = speaker.casefold()
        records = (r for r in records if wanted in r["speaker"].casefold())
    if not explain:
        records = ({k: v for k, v in r.items() if k not in ("rule", "how")} for r in records)
    elif fmt == "table":  # a block per quote: the quote, then its explanation
        from tui.quotes.model import explanation

        shown = 0
        for r in records:
            click.echo(f"{' '.join(printable(r['article']).split())}: {' '.join(printable(r['quote']).split())}")
            why = explanation(r["speaker"], r["type"], r["cue"], r["rule"] or "", r["how"] or "")
            click.echo("".join(f"    {printable(line)}\n" for line in why.splitlines()))
            shown += 1
        if not shown:
            click.echo("No quotes found", err=True)
        return
    _emit(records, fmt, ["speaker", "type", "article", "quote"], "No quotes found")


def _quotes_from_paths(paths: tuple[str, ...]):
    from tui.quotes import extract
    from tui.sources import NOT_AN_ARTICLE, SourceError, discover, read

    failed = False
    for path in paths:
        for source, problem in discover([path]):
            if problem == NOT_AN_ARTICLE:
                continue
            try:
                if problem:
                    raise SourceError(problem)
                articles = read(source)
            except SourceError as e:
                click.echo(f"error: {printable(source)}: {printable(str(e))}", err=True)
                failed = True
                continue
            for a in articles:
                for q in extract(a.body):
                    yield {
                        "file": _as_given(path, source),
                        "article": a.title,
                        "quote": q.text,
                        "speaker": q.speaker,
                        "type": q.type,
                        "cue": q.cue,
                        "start": q.start,
                        "end": q.end,
                        "rule": q.rule,
                        "how": q.how,
                    }
    if failed:
        sys.exit(1)


def _as_given(target: str, source: str) -> str:
    """A discovered source named the way the user named it (relative stays relative)."""
    base = os.path.abspath(os.path.expanduser(target))
    if source == base:
        return target
    if source.startswith(base + os.sep):
        return os.path.join(target, os.path.relpath(source, base))
    return source


def _quotes_from_index(c: Context):
    from tui.index.queries import all_quotes

    db, _ = c.open()
    yield from all_quotes(db)


@cli.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_obj
def search_cmd(c: Context, query: str, limit: int, fmt: str) -> None:
    """Fuzzy search over titles, speakers, quotes and article text (the app's search).

    Example: newsreader search "caspian summt"
    """
    from tui.index.search import Searcher

    db, _ = c.open()
    hits = Searcher(db).search(query, limit=limit)
    _emit(
        ({"kind": h.kind, "score": round(h.score, 1), "article_id": h.article_id,
          "article": h.article_title, "match": h.text} for h in hits),
        fmt,
        ["kind", "score", "article", "match"],
        f"No results for {printable(query)}",
    )


@cli.command("speakers")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def speakers_cmd(c: Context, fmt: str) -> None:
    """Speakers with their quote and article counts.

    Example: newsreader speakers --format csv
    """
    from tui.index.queries import speakers

    db, _ = c.open()
    _emit(
        ({"speaker": s.name, "quotes": s.quote_count, "articles": s.article_count} for s in speakers(db)),
        fmt,
        ["speaker", "quotes", "articles"],
        "No speakers in the index yet",
    )


def _emit(records: Iterable[dict], fmt: str, table_columns: list[str], empty: str) -> None:
    """Print records as JSON lines, CSV, or an aligned table of `table_columns` under a header.

    `empty` is said on stderr when there is no record (stdout stays empty for pipes).
    """
    out = sys.stdout
    written = 0
    if fmt == "jsonl":
        for r in records:
            out.write(json_line(r) + "\n")
            written += 1
    elif fmt == "csv":
        writer: csv.DictWriter | None = None
        for r in records:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(r))
                writer.writeheader()
            writer.writerow({k: printable(v) if isinstance(v, str) else v for k, v in r.items()})
            written += 1
    else:
        # Fixed widths but the last column, which a terminal gets the rest of its width for.
        widths = {"url": 40, "title": 30, "unread": 6, "last_refresh": 16, "speaker": 24, "type": 8, "kind": 7, "score": 5, "quotes": 6, "articles": 8, "article": 32}
        last = table_columns[-1]
        rest = None
        if out.isatty():
            used = sum(widths.get(col, 0) + 2 for col in table_columns[:-1])
            rest = max(20, shutil.get_terminal_size().columns - used)

        def row(values: list[str]) -> str:
            cells = []
            for col, value in zip(table_columns, values, strict=True):
                width = widths.get(col, 0) if col != last else rest
                if width and len(value) > width:
                    value = value[: width - 1] + "…"
                cells.append(value if col == last else value.ljust(widths.get(col, 0)))
            return "  ".join(cells).rstrip() + "\n"

        for r in records:
            if not written:
                out.write(row(table_columns))
            out.write(row([" ".join(printable(str(r[col])).split()) for col in table_columns]))
            written += 1
    if not written:
        click.echo(empty, err=True)


import tui.cli_feeds  # noqa: E402, F401  (registers add, feeds, remove, refresh, export: they need `cli`)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.stderr.close()  # `newsreader quotes | head` is fine
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
