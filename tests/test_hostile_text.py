"""Article text that tries to drive the terminal: every sequence shows as visible characters."""
import asyncio

import pytest

from tui.app import make_app
from tui.index.db import open_index
from tui.index.importer import import_sources
from tui.text import printable

SEQUENCES = {
    "clear screen": "\x1b[2J",
    "cursor move": "\x1b[10;10H",
    "OSC 8 hyperlink": "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "C1 CSI": "\x9b31m",
    "bidi override": "\u202eevil\u202c",
    "bidi isolate": "\u2066x\u2069",
    "bell and backspace": "\x07\x08",
}
RAW = set("\x1b\x07\x08\x9b\u202e\u202c\u2066\u2069")


def test_printable_keeps_length_and_leaves_no_control_character():
    for name, seq in SEQUENCES.items():
        shown = printable(f"a{seq}b")
        assert len(shown) == len(seq) + 2, name
        assert not RAW & set(shown), name
    assert printable("plain [bold]text[/]\n\ttab") == "plain [bold]text[/]\n\ttab"


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_the_app_shows_each_sequence_as_visible_characters(tmp_path, name):
    seq = SEQUENCES[name]
    article = (
        f"Mayor Lena Hart{seq} said the bridge{seq} would reopen in May.\n\n"
        f'"We kept our word {seq} to the town," Hart said.\n'
    )
    (tmp_path / "hostile.txt").write_text(article, encoding="utf-8")
    db, _ = open_index(tmp_path / "i.db")
    assert import_sources(db, [str(tmp_path / "hostile.txt")]).added == 1
    db.close()
    app = make_app(tmp_path / "i.db", config=tmp_path / "none.toml", import_samples=False)

    async def run():
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.pause()
            strips = list(app.screen._compositor.render_strips())
            text = "\n".join(s.text for s in strips)
            assert "kept our word" in text  # the article, its quote and the sidebar are on screen
            assert not RAW & set(text)
            for strip in strips:  # nor in what would be written to the terminal
                for segment in strip:
                    assert not RAW & set(segment.text)

    asyncio.run(run())
