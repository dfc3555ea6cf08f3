"""The command line: subcommands, output formats, and one clear line for every user mistake."""
import json
import subprocess
import sys

import pytest


NEWSREADER = [sys.executable, "-c", "from tui.cli import main; main()"]


def run(*args, cwd=None):
    return subprocess.run([*NEWSREADER, *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def index(tmp_path, write_articles):
    db = tmp_path / "i.db"
    assert run("--db", db, "import", write_articles(tmp_path / "src", 3)).returncode == 0
    return db


def test_import_prints_a_summary_and_fails_loudly_for_bad_paths(tmp_path, write_articles):
    src = write_articles(tmp_path / "src", 2)
    (src / "data.bin").write_bytes(b"\x00" * 10)
    out = run("--db", tmp_path / "i.db", "import", src, tmp_path / "nope.txt")
    assert out.returncode == 1
    assert "2 added, 0 updated, 0 unchanged" in out.stdout
    assert "nope.txt" in out.stderr and "Traceback" not in out.stderr
    again = run("--db", tmp_path / "i.db", "import", src / "a000.txt")
    assert again.returncode == 0 and "1 unchanged" in again.stdout


def test_quotes_from_files_as_jsonl_name_the_file_as_given(tmp_path, write_articles):
    write_articles(tmp_path / "src", 1)
    out = run("quotes", "--format", "jsonl", "src/a000.txt", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records
    for r in records:
        assert {"file", "article", "quote", "speaker", "type", "cue", "start", "end"} <= set(r)
        assert r["file"] == "src/a000.txt"
        assert r["type"] in ("direct", "indirect", "mixed")
    assert not (tmp_path / "default-index.db").exists()  # files are read directly, not imported


def test_quotes_from_index_filtered_by_speaker(index):
    out = run("--db", index, "quotes", "--format", "csv", "--speaker", "wrona")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("file,article,quote,speaker")
    assert len(lines) > 1 and all("Wrona" in line for line in lines[1:])


def test_speakers_lists_counts(index):
    out = run("--db", index, "speakers", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = {r["speaker"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert rows["Tomas Wrona"]["articles"] == 3


def test_search_finds_a_speaker_despite_a_typo(index):
    out = run("--db", index, "search", "wrnoa", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    hits = [json.loads(line) for line in out.stdout.splitlines()]
    assert any("Wrona" in h["match"] for h in hits)


@pytest.mark.parametrize(
    "args, message",
    [
        (["import"], "Missing argument"),
        (["quotes", "--format", "xml", "x.txt"], "Invalid value"),
        (["quotes", "missing.txt"], "missing.txt"),
        (["--db", "{tmp}/notes.txt", "speakers"], "not a newsreader index"),
        (["--db", "{tmp}", "speakers"], "is a directory"),
        (["--db", "{tmp}/notes.txt"], "not a newsreader index"),  # the app refuses it before it starts
        (["--db", "{tmp}"], "is a directory"),
        (["frobnicate"], "No such command"),
    ],
)
def test_user_mistakes_get_one_clear_line_and_no_traceback(tmp_path, args, message):
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    out = run(*(a.replace("{tmp}", str(tmp_path)) for a in args), cwd=tmp_path)
    assert out.returncode != 0
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not a database"


def test_control_characters_never_reach_the_terminal(tmp_path):
    hostile = 'Mayor Lena Hart said "the vote \x1b[2J\x1b]52;c;ZXZpbA==\x07 is \u202eover" today.\n'
    (tmp_path / "h.txt").write_text(hostile, encoding="utf-8")
    for fmt in ("table", "jsonl", "csv"):
        out = run("quotes", "--format", fmt, tmp_path / "h.txt")
        assert out.returncode == 0, out.stderr
        assert "over" in out.stdout  # the quote is there, made harmless
        assert "\x1b" not in out.stdout and "\u202e" not in out.stdout and "\x07" not in out.stdout


def test_a_saved_page_folder_imports_its_page_and_skips_the_rest(tmp_path):
    page = tmp_path / "saved"
    (page / "story_files").mkdir(parents=True)
    (page / "story.html").write_text(
        "<html><head><title>Quay opens</title></head><body><article><p>Port director Tomas Wrona said "
        "the quay would open in May.</p><p>\"We are ready,\" Wrona said.</p></article></body></html>",
        encoding="utf-8",
    )
    (page / "story_files" / "style.css").write_text("p { color: red }")
    (page / "story_files" / "app.js").write_text("var a = 1;")
    (page / "story_files" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = run("--db", tmp_path / "i.db", "import", page)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1 added, 0 updated, 0 unchanged, 0 failed, 3 skipped: not articles"
    assert "failed:" not in out.stderr
    # Named on its own, a file that is not an article is still an error.
    alone = run("--db", tmp_path / "i.db", "import", page / "story_files" / "style.css")
    assert alone.returncode == 1 and "unsupported file type .css" in alone.stderr


def test_tables_have_a_header_row_and_an_empty_result_says_so(index, tmp_path):
    speakers = run("--db", index, "speakers").stdout.splitlines()
    assert speakers[0].split() == ["speaker", "quotes", "articles"]
    assert speakers[1].startswith("Tomas Wrona") and speakers[1].split()[-1] == "3"  # quoted in all 3 articles
    quotes = run("--db", index, "quotes").stdout.splitlines()
    assert quotes[0].split() == ["speaker", "type", "article", "quote"]
    found = run("--db", index, "search", "quay").stdout.splitlines()
    assert found[0].split() == ["kind", "score", "article", "match"] and len(found) > 1
    nothing = run("--db", index, "search", "xylophonequartz")
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert "No results for xylophonequartz" in nothing.stderr
    empty = run("--db", tmp_path / "empty.db", "speakers")
    assert empty.stdout == "" and "No speakers" in empty.stderr
    # jsonl and csv stay as they were: no table header in jsonl, the csv header from the fields.
    assert run("--db", index, "speakers", "--format", "csv").stdout.splitlines()[0] == "speaker,quotes,articles"
