"""The core (sources, quotes, index) never imports Textual or Rich."""
import subprocess
import sys

CORE = ["tui.sources", "tui.quotes", "tui.index.db", "tui.index.importer", "tui.index.queries",
        "tui.index.search", "tui.index.speakers", "tui.text", "tui.cli"]


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import sys\n"
        f"for m in {CORE!r}: __import__(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


HEAVY = ["textual", "rich", "sqlite_utils", "rapidfuzz", "trafilatura", "feedparser", "lxml", "tomlkit",
         "tui.index.search", "tui.index.importer", "tui.quotes.engine", "tui.sources.reader", "tui.app.app"]


def loaded_after(code: str, env: dict | None = None) -> set[str]:
    """The HEAVY modules (or their submodules) in sys.modules after running `code` in a fresh interpreter."""
    probe = code + (
        "\nimport sys\n"
        f"print('loaded:' + ','.join(h for h in {HEAVY!r} if any(m == h or m.startswith(h + '.') for m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    line = next(line for line in out.stdout.splitlines() if line.startswith("loaded:"))
    return set(filter(None, line.removeprefix("loaded:").split(",")))


def test_importing_the_app_and_the_cli_loads_nothing_heavy_and_touches_no_file(tmp_path):
    import os

    env = {**os.environ, "NEWSREADER_DB": str(tmp_path / "index.db"), "NEWSREADER_CONFIG": str(tmp_path / "c.toml")}
    assert loaded_after("import tui.app; assert callable(tui.app.make_app)", env) == set()
    assert loaded_after("import tui.cli", env) == set()
    assert list(tmp_path.iterdir()) == []  # no index, no config made by importing


def test_each_command_loads_what_it_uses_only(tmp_path):
    import os

    env = {**os.environ, "NEWSREADER_DB": str(tmp_path / "index.db")}
    run = "from tui.cli import cli\ntry:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
    speakers = loaded_after(run.format(args=["speakers"]), env)
    assert speakers == {"sqlite_utils"}  # the index, and nothing for search, import, the engine or the app
    search = loaded_after(run.format(args=["search", "quay"]), env)
    assert {"sqlite_utils", "tui.index.search", "rapidfuzz"} <= search  # loaded once used
    assert not search & {"textual", "rich", "trafilatura", "tui.quotes.engine", "tui.app.app"}
