"""Snapshot tests of the main screen, search and the speaker view (pytest-textual-snapshot).

Update with `pytest tests/test_app_snapshots.py --snapshot-update` after checking the report.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import make_app

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path, build_index):
    path = build_index(tmp_path / "index.db")
    return make_app(path, config=tmp_path / "none.toml", import_samples=False)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, app, size):
    async def run_before(pilot):
        await _settle(pilot)
        app.reader.focus()
        await pilot.press("n")  # a current quote, emphasised, and the sidebar following
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search(snap_compare, app, size):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("slash", *"lavrov")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_speaker_view(snap_compare, app, size):
    async def run_before(pilot):
        await _settle(pilot)
        app.reader.focus()
        await pilot.press("n", "n", "s")  # Lavrov's quote, then his quotes everywhere
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_main_screen_light_theme(snap_compare, app):
    """Speaker colours and muted text stay readable on a light theme."""

    async def run_before(pilot):
        app.theme = "textual-light"
        await _settle(pilot)
        app.reader.focus()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, build_index, tmp_path, size):
    """Descriptions wrap under themselves; the rebind hint shows from the start."""
    # The hint names the config file: one that does not change from run to run (never written here).
    app = make_app(build_index(tmp_path / "index.db"), config=Path("no-such-dir/config.toml"), import_samples=False)

    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_small_terminal_shows_one_pane(snap_compare, app):
    """At 50x15 the three panes do not fit: the focused one shows, whole."""

    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("tab")  # the reader
        await pilot.pause()

    assert snap_compare(app, terminal_size=(50, 15), run_before=run_before)
