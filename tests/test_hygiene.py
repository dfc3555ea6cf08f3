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


def test_importing_the_app_package_does_no_io_and_loads_textual_lazily_enough():
    # make_app is importable without touching any index file.
    code = "import tui.app; print(callable(tui.app.make_app))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
