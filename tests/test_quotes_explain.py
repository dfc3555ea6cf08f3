"""A bug in the engine is never hidden: extract raises, the importer records it per article and
keeps the article; and every quote explains itself (the rule that found it, how its speaker was reached)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tui.index import queries
from tui.index.db import open_index
from tui.index.importer import import_sources
from tui.quotes import engine, extract

NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]
BUG_MARK = "Zebrafinch"  # an invented word: the article that trips the planted bug


def test_extract_raises_on_a_bug_instead_of_returning_nothing(monkeypatch):
    def broken(*args):
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(engine, "_resolve", broken)
    with pytest.raises(ZeroDivisionError):
        extract('"We will build it," Mayor Ana Holt said.')


def test_the_library_never_switches_the_garbage_collector():
    from pathlib import Path

    for path in Path(engine.__file__).parent.glob("*.py"):
        assert "gc." not in path.read_text(encoding="utf-8"), path


@pytest.fixture
def planted_bug(monkeypatch):
    """The engine fails on any article that mentions BUG_MARK."""
    real = engine._extract

    def flaky(text):
        if BUG_MARK in text:
            raise ValueError("planted bug")
        return real(text)

    monkeypatch.setattr(engine, "_extract", flaky)


def write_two(folder):
    folder.mkdir()
    (folder / "good.txt").write_text('Harbour plan\n\n"We are ready," Mayor Ana Holt said.\n', encoding="utf-8")
    (folder / "bad.txt").write_text(f"Bird count\n\n\"The {BUG_MARK} sang twice,\" warden Li Park said.\n",
                                    encoding="utf-8")
    return folder


def test_the_importer_keeps_an_article_whose_extraction_fails_and_records_why(tmp_path, planted_bug):
    db, _ = open_index(tmp_path / "i.db")
    summary = import_sources(db, [str(write_two(tmp_path / "src"))], workers=1)
    assert summary.added == 2 and not summary.failed
    [(source, title, reason)] = summary.extraction_failed
    assert source.endswith("bad.txt") and title == "Bird count" and "ValueError: planted bug" in reason
    rows = dict(db.execute("SELECT source, error FROM articles").fetchall())
    bad = next(s for s in rows if s.endswith("bad.txt"))
    good = next(s for s in rows if s.endswith("good.txt"))
    assert rows[good] is None and "planted bug" in rows[bad]
    bad_id = db.execute("SELECT id FROM articles WHERE source = ?", [bad]).fetchone()[0]
    article = queries.get_article(db, bad_id)
    assert article is not None and BUG_MARK in article.body and "planted bug" in article.error
    assert queries.article_quotes(db, bad_id) == []
    # the good article's quote came through, with its explanation stored
    [q] = db.execute("SELECT speaker, rule, how FROM quotes").fetchall()
    assert q[0] == "Ana Holt" and q[1].startswith("direct:") and "Holt" in q[2]


def test_the_import_command_names_the_article_that_failed(tmp_path):
    from click.testing import CliRunner

    from tui.cli import cli

    src = write_two(tmp_path / "src")
    real = engine._extract
    engine._extract = lambda text: (_ for _ in ()).throw(ValueError("planted bug")) if BUG_MARK in text else real(text)
    try:
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "i.db"), "import", str(src)])
    finally:
        engine._extract = real
    assert result.exit_code == 0, result.output
    assert "kept without quotes" in result.output and "planted bug" in result.output


def test_every_quote_records_its_rule_and_how_its_speaker_was_reached():
    text = ("Port authority chief Marta Kovalenko opened the new terminal on Friday.\n\n"
            "\"This doubles what we can handle,\" Kovalenko said.\n\n"
            "The chief added that ferries would dock there from June. \"We waited years,\" she said.")
    qs = extract(text)
    assert [q.speaker for q in qs] == ["Marta Kovalenko"] * 3
    assert all(q.rule for q in qs)
    assert qs[0].rule.startswith("direct:") and 'named "Kovalenko"' in qs[0].how and "Marta Kovalenko" in qs[0].how
    assert qs[1].rule.startswith("reported:") and '"The chief"' in qs[1].how and "chief" in qs[1].how
    assert qs[2].how.startswith('pronoun "she"')


def test_quotes_explain_prints_the_rule_and_the_chain(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text('Coach Ivo Brandt spoke after the match.\n\n"We were lucky," he said.\n', encoding="utf-8")
    out = subprocess.run([*NEWSREADER, "quotes", "--explain", str(f)], capture_output=True, text=True, check=True)
    assert "found by: direct: a reporting verb next to the quotation" in out.stdout
    assert 'how: pronoun "he" -> the latest subject it fits: "Ivo Brandt"' in out.stdout
    plain = subprocess.run([*NEWSREADER, "quotes", "--format", "jsonl", str(f)], capture_output=True, text=True,
                           check=True)
    assert "rule" not in json.loads(plain.stdout.splitlines()[0])  # only with --explain


async def test_the_reader_explains_the_current_quote_and_shows_a_failed_extraction(tmp_path, build_index):
    from tui.app import make_app

    db_path = build_index(tmp_path / "index.db")
    db, _ = open_index(db_path)
    db.execute("UPDATE quotes SET rule = 'direct: a reporting verb next to the quotation', how = 'named \"Bayramov\"'")
    newest = db.execute(f"SELECT id FROM articles ORDER BY {queries.NEWEST_FIRST} LIMIT 1").fetchone()[0]
    db.execute("UPDATE articles SET error = 'quote extraction failed (ValueError: planted)' WHERE id != ?", [newest])
    db.conn.commit()
    db.close()
    app = make_app(db_path, config=tmp_path / "config.toml", import_samples=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.reader.focus()
        await pilot.press("n", "e")
        await pilot.pause()
        [note] = list(app._notifications)
        assert note.title == "Why this quote" and 'named "Bayramov"' in note.message
        assert "explain_quote" in [row[3] for row in app.binding_rows()]  # listed in ?
        assert not any("No quotes:" in ln for ln in app.reader.visible_text())
        other = db_other(db_path, newest)
        app.open_article(other, mark_read=False)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        header = " ".join(app.reader.visible_text()[:8])
        assert "No quotes: quote extraction failed (ValueError: planted)" in header, header


def db_other(db_path, not_this: int) -> int:
    db, _ = open_index(db_path)
    try:
        return db.execute("SELECT id FROM articles WHERE id != ? LIMIT 1", [not_this]).fetchone()[0]
    finally:
        db.close()
