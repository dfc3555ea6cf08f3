"""The libraries' answers (given names, word frequencies) are kept in the user's cache folder:
the same answers as asking the libraries, rebuilt when the cache is damaged or made from other
data files, and never a failure when the folder cannot be written."""
from __future__ import annotations

import marshal
import os

import pytest
from wordfreq import zipf_frequency

from tui.quotes import lexicon


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A process that has not loaded the tables yet, with an empty cache folder."""
    monkeypatch.setattr(lexicon, "_TABLES", None)
    return tmp_path / "xdg-cache" / "newsreader" / "lexicon.marshal"


def test_answers_are_the_libraries_and_are_cached(fresh):
    assert lexicon.first_name("Maria") == "f" and lexicon.first_name("JOHN.") == "m"
    assert lexicon.first_name("Okafor") is None
    for word in ("the", "watch", "mostly", "grower", "okafor", "we've", "twenty-nine"):
        assert lexicon._zipf(word) == zipf_frequency(word, "en", wordlist="small")
    assert fresh.is_file()
    stamp, genders, zipfs = marshal.loads(fresh.read_bytes())
    assert genders["maria"] == "f" and zipfs["the"] == zipf_frequency("the", "en", wordlist="small")


def test_a_second_process_reads_the_cache(fresh, monkeypatch):
    lexicon.first_name("Maria")
    stamp, genders, zipfs = marshal.loads(fresh.read_bytes())
    genders["zorblat"] = "f"  # only the cache knows this one
    fresh.write_bytes(marshal.dumps([stamp, genders, zipfs]))
    monkeypatch.setattr(lexicon, "_TABLES", None)
    assert lexicon.first_name("Zorblat") == "f"


@pytest.mark.parametrize("damage", [b"", b"not marshal data", None])
def test_a_damaged_or_stale_cache_is_rebuilt(fresh, monkeypatch, damage):
    lexicon.first_name("Maria")
    if damage is None:  # made from other data files: a library was upgraded
        stamp, genders, zipfs = marshal.loads(fresh.read_bytes())
        genders["zorblat"] = "f"
        fresh.write_bytes(marshal.dumps([[("elsewhere", 1, 2)], genders, zipfs]))
    else:
        fresh.write_bytes(damage)
    monkeypatch.setattr(lexicon, "_TABLES", None)
    assert lexicon.first_name("Maria") == "f" and lexicon.first_name("Zorblat") is None
    assert marshal.loads(fresh.read_bytes())[0] != [("elsewhere", 1, 2)]


def test_an_unwritable_cache_folder_only_costs_time(fresh, monkeypatch):
    fresh.parent.parent.mkdir(parents=True)
    fresh.parent.write_text("a file where the folder should be")
    assert lexicon.first_name("Maria") == "f"
    assert lexicon.common_word("Watch") and not lexicon.common_word("Okafor")
    assert not [p for p in fresh.parent.parent.iterdir() if p.name.endswith(".tmp")]
    assert os.path.isfile(fresh.parent)
