"""Search: typos and partial words find their target, with spans and offsets."""
import shutil

import pytest

from tui.index.db import open_index
from tui.index.importer import import_sources
from tui.index.search import Hit, Searcher, fold, terms_of
from tui.sources import SAMPLES_DIR

SEED = SAMPLES_DIR / "seed-azernews-2022-06-27.txt"

ARTICLES = {
    "summit.txt": """ date 2024-05-02 By Caspian Post

By Leyla Aliyeva

Leaders gather in Ashgabat for the Caspian summit on security and trade.

"The Caspian summit will decide the future of the sea," Sergey Lavrov said.

"We expect a convention on fishing quotas," Jeyhun Bayramov said.

Observers noted that the talks were long. The ratification of the convention remains a distant prospect for several littoral states.
""",
    "harbour.txt": """ date 2024-05-03 By Harbour Gazette

By Mira Olsen

Port director Tomas Wrona said the new quay would open in May.

"We are ready for the ships," Wrona said.
""",
}


@pytest.fixture
def index(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    shutil.copy(SEED, src / SEED.name)
    db, _ = open_index(tmp_path / "i.db")
    import_sources(db, [str(src)])
    return db, src


def highlighted(hit: Hit) -> list[str]:
    return [hit.text[a:b] for a, b in hit.spans]


def test_empty_and_blank_queries_give_nothing(index):
    db, _ = index
    s = Searcher(db)
    assert s.search("") == []
    assert s.search("   ") == []
    assert s.search("!?") == []


def test_typo_in_a_speaker_name_finds_the_speaker(index):
    db, _ = index
    hits = Searcher(db).search("lavorv")
    assert hits
    top = hits[0]
    assert top.kind == "speaker" and top.text == "Sergey Lavrov"
    assert highlighted(top) == ["Lavrov"]
    # The speaker's latest quote is where the hit leads.
    body = db.execute("SELECT body FROM articles WHERE id = ?", [top.article_id]).fetchone()[0]
    quote = db.execute("SELECT text FROM quotes WHERE article_id = ? AND start = ?", [top.article_id, top.offset]).fetchone()
    assert quote and body[top.offset:].startswith(quote[0])
    assert top.article_title


def test_partial_word_finds_the_speaker(index):
    db, _ = index
    hits = Searcher(db).search("bayr")
    assert hits[0].kind == "speaker" and hits[0].text == "Jeyhun Bayramov"
    assert highlighted(hits[0]) == ["Bayramov"]


def test_typo_in_a_phrase_finds_the_quote_and_the_title(index):
    db, _ = index
    hits = Searcher(db).search("caspian summt")
    kinds = {h.kind for h in hits[:4]}
    assert {"quote", "title"} <= kinds
    quote = next(h for h in hits if h.kind == "quote")
    assert quote.text.startswith("The Caspian summit will decide")
    assert [w.lower() for w in highlighted(quote)] == ["caspian", "summit"]
    body = db.execute("SELECT body FROM articles WHERE id = ?", [quote.article_id]).fetchone()[0]
    assert body[quote.offset:quote.offset + len(quote.text)] == quote.text
    assert quote.quote_id and quote.speaker_id
    assert quote.article_title.startswith("Leaders gather")
    title = next(h for h in hits if h.kind == "title")
    assert title.article_id == quote.article_id and title.text == title.article_title
    assert [w.lower() for w in highlighted(title)] == ["caspian", "summit"]


def test_body_text_is_found_with_a_passage_and_its_offset(index):
    db, _ = index
    hits = Searcher(db).search("ratificaton distant")
    body_hits = [h for h in hits if h.kind == "body"]
    assert body_hits
    h = body_hits[0]
    body = db.execute("SELECT body FROM articles WHERE id = ?", [h.article_id]).fetchone()[0]
    assert body[h.offset:h.offset + len(h.text)] == h.text
    assert {w.lower() for w in highlighted(h)} >= {"ratification", "distant"}


def test_spans_are_inside_the_text_and_ordered(index):
    db, _ = index
    for query in ("lavorv", "bayr", "caspian summt", "ships", "ca", "w"):
        for h in Searcher(db).search(query):
            assert h.kind in ("title", "speaker", "quote", "body")
            assert all(0 <= a < b <= len(h.text) for a, b in h.spans)
            assert list(h.spans) == sorted(h.spans)


def test_short_queries_match_prefixes_of_titles_and_speakers(index):
    db, _ = index
    hits = Searcher(db).search("wr")
    assert any(h.kind == "speaker" and h.text.endswith("Wrona") for h in hits)
    assert all(h.kind in ("speaker", "title") for h in hits)


def test_limit_is_respected_and_results_are_ranked(index):
    db, _ = index
    hits = Searcher(db).search("caspian", limit=3)
    assert len(hits) <= 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_new_articles_are_found_after_import(index, tmp_path):
    db, src = index
    s = Searcher(db)
    assert not [h for h in s.search("zanzibar") if h.kind in ("title", "quote")]
    more = tmp_path / "more"
    more.mkdir()
    (more / "z.txt").write_text(
        """ date 2024-06-01 By Island Times

By Asha Mwinyi

Zanzibar opens a new ferry terminal for the islands.

"The Zanzibar ferry is the fastest in the region," Khamis Juma said.
""",
        encoding="utf-8",
    )
    import_sources(db, [str(more)])
    hits = s.search("zanzbar ferry")  # typo, and a word new to the index
    assert any(h.kind == "title" and "Zanzibar" in h.text for h in hits)
    assert any(h.kind == "quote" for h in hits)
    assert any(h.kind == "speaker" and h.text == "Khamis Juma" for h in s.search("khamis"))


def test_folding_keeps_offsets_and_terms_match_the_fts_tokenizer():
    assert fold("Šefčovič Ünal") == "sefcovic unal"
    assert len(fold("naïve café")) == len("naïve café")
    assert terms_of("COVID-19 Bayramov's", "under_score") == {"covid", "19", "bayramov", "s", "under", "score"}


def test_search_works_on_a_read_only_index(index, monkeypatch):
    import os

    db, _ = index
    path = db.execute("PRAGMA database_list").fetchone()[2]
    db.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    ro, read_only = open_index(path)
    assert read_only
    assert Searcher(ro).search("lavorv")[0].text == "Sergey Lavrov"


def test_query_syntax_characters_are_just_text(index):
    db, _ = index
    s = Searcher(db)
    for query in ('AND', 'OR lavrov', 'NOT', 'near(', '"said"', 'lav*', '-lavrov', 'title:lavrov', '{body}: x',
                  "Bayramov's", "l'avrov", "ß İ Ω 中", "a" * 300, "lavrov " * 50, "\x00\x1b[31m"):
        for h in s.search(query):
            assert all(0 <= a < b <= len(h.text) for a, b in h.spans)
    assert s.search("title:lavrov")[0].text == "Sergey Lavrov"
