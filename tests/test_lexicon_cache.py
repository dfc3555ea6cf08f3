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
    """A process that has not loaded the tables yet, with an empty cache folder; returns the folder."""
    monkeypatch.setattr(lexicon, "_TABLES", None)
    return tmp_path / "xdg-cache" / "newsreader"


def cache_file(folder):
    (path,) = folder.glob("lexicon-*.marshal")
    return path


def test_answers_are_the_libraries_and_are_cached(fresh):
    assert lexicon.first_name("Maria") == "f" and lexicon.first_name("JOHN.") == "m"
    assert lexicon.first_name("Okafor") is None
    for word in ("the", "watch", "mostly", "grower", "okafor", "we've", "we’ve", "u.s", "twenty-nine", "québec", "fm91"):
        assert lexicon._zipf(word) == zipf_frequency(word, "en", wordlist="small")
    stamp, genders, zipfs = marshal.loads(cache_file(fresh).read_bytes())
    assert genders["maria"] == "f" and zipfs["the"] == zipf_frequency("the", "en", wordlist="small")


def test_a_second_process_reads_the_cache(fresh, monkeypatch):
    lexicon.first_name("Maria")
    path = cache_file(fresh)
    stamp, genders, zipfs = marshal.loads(path.read_bytes())
    genders["zorblat"] = "f"  # only the cache knows this one
    path.write_bytes(marshal.dumps([stamp, genders, zipfs]))
    monkeypatch.setattr(lexicon, "_TABLES", None)
    assert lexicon.first_name("Zorblat") == "f"


@pytest.mark.parametrize("damage", [b"", b"not marshal data", None])
def test_a_damaged_or_stale_cache_is_rebuilt(fresh, monkeypatch, damage):
    lexicon.first_name("Maria")
    path = cache_file(fresh)
    if damage is None:  # another stamp under the same file name
        stamp, genders, zipfs = marshal.loads(path.read_bytes())
        genders["zorblat"] = "f"
        path.write_bytes(marshal.dumps(["elsewhere", genders, zipfs]))
    else:
        path.write_bytes(damage)
    monkeypatch.setattr(lexicon, "_TABLES", None)
    assert lexicon.first_name("Maria") == "f" and lexicon.first_name("Zorblat") is None
    assert marshal.loads(path.read_bytes())[0] != "elsewhere"


def test_each_installation_of_the_libraries_has_its_own_cache(fresh, monkeypatch, tmp_path):
    lexicon.first_name("Maria")
    real = lexicon._library_data()
    other = []
    for f in real:  # the same data files in another virtual environment
        copy = tmp_path / "other-venv" / f.parent.parent.name / f.parent.name / f.name
        copy.parent.mkdir(parents=True)
        copy.write_bytes(f.read_bytes())
        other.append(copy)
    monkeypatch.setattr(lexicon, "_library_data", lambda: other)
    monkeypatch.setattr(lexicon, "_TABLES", None)
    assert lexicon.first_name("Maria") == "f"
    assert len(list(fresh.glob("lexicon-*.marshal"))) == 2


def test_an_unwritable_cache_folder_only_costs_time(fresh, monkeypatch):
    fresh.parent.mkdir(parents=True)
    fresh.write_text("a file where the folder should be")
    assert lexicon.first_name("Maria") == "f"
    assert lexicon.common_word("Watch") and not lexicon.common_word("Okafor")
    assert not [p for p in fresh.parent.iterdir() if p.name.endswith(".tmp")]
    assert os.path.isfile(fresh)
