"""Fuzzy search over titles, speakers, quotes and article bodies.

How a keystroke is answered (see `Searcher.search`):

1. The query is folded (lower case, no accents) and split into words. Each
   word is *expanded* against the index vocabulary (`articles_terms`: every
   word of every title and body with its article count, kept by the importer):
   typo'd words such as `lavorv` or `summt` gain their near neighbours
   (`lavrov`, `summit`: rapidfuzz OSA edit distance, in memory, bucketed by
   first letter and length), and every word gains its commonest completions
   (`bayr` -> `bayramov`).
2. The expansion becomes FTS5 queries, "every word (or a neighbour, or a
   completion) present": on the title-only table `articles_title_fts` (prefix
   indexes, so `word*` is cheap there), and with explicit words on `quotes_fts`
   (text column) and `articles_fts` (body column), whose prefix queries would
   cost 10-90 ms at 100k articles. Newest rows first, a bounded number each:
   these are the candidates. Very common words (and, for quotes, the names of
   much-quoted speakers) are left out of the lookups when the query has rarer
   words: they filter little and cost most. They still count in the ranking.
   Speakers (a few thousand) are matched in memory, by the words of their names.
3. Candidates are reranked in Python: one compiled regex finds the matched
   words in each candidate (these are the highlight spans); the score is how
   well each query word is matched (exact > completion > typo), with a bonus
   when the words appear together in order and a weight per kind.

Short queries (one or two characters) take a cheap path: prefix matches on
speaker names and titles only.

A Searcher keeps speakers, their quote counts and the vocabulary in memory,
loaded on the first search (never before) and refreshed when new articles,
speakers or words arrive (another connection committed: `PRAGMA data_version`). Quotes and titles stay in SQLite. It reads
through its own read-only connection when the index is a file.
"""
from __future__ import annotations

import bisect
import functools
import re
import sqlite3
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

KINDS = ("title", "speaker", "quote", "body")
KIND_WEIGHT = {"speaker": 1.0, "title": 0.97, "quote": 0.93, "body": 0.8}

TITLE_CANDIDATES = 80
QUOTE_CANDIDATES = 80
BODY_CANDIDATES = 6
SPEAKER_HITS = 8
SPEAKER_CANDIDATES = 300
QUOTES_PER_ARTICLE = 3
BODY_BEST = 100 * 1.1 * KIND_WEIGHT["body"]  # no body hit scores more: skip bodies when enough do
MAX_ALTERNATIVES = 6  # typo neighbours per query word
# Completions per query word for quotes and bodies, commonest first. Their FTS
# tables have no prefix index: `word*` there costs 10-90 ms at 100k articles,
# an OR of a dozen words about 1 ms.
MAX_COMPLETIONS = 12
# A query word in more than this share of articles is left out of the lookup
# (it still ranks) when the query has a rarer word.
COMMON_SHARE = 0.2
# quotes_fts also indexes each quote's speaker: the text-column filter then walks
# every posting of a much-quoted speaker's name (39k quotes: 5 ms). Query words
# naming speakers with more quotes than this are left out of the quote lookup.
SPEAKER_POSTINGS = 3000
SNIPPET = 200  # characters of body shown for a body hit

_WORD = re.compile(r"[^\W_]+")


# --- folding: the same normalisation as FTS5's unicode61 tokenizer -------------------------


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in base if not unicodedata.combining(ch)).lower()
    return base[:1] if base else c.lower()[:1] or c


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(m: re.Match) -> str:
    return _fold_char(m.group())


def fold(text: str) -> str:
    """Lower case without accents, *same length* as `text` (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_match, text).lower()


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def terms_of(*texts: str) -> set[str]:
    """The distinct index terms in some texts (what the vocabulary table stores)."""
    out: set[str] = set()
    for text in texts:
        out.update(_WORD.findall(fold(text)))
    return out


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: str  # "title" | "speaker" | "quote" | "body"
    article_id: int
    text: str  # what matched: the title, speaker name, quote text, or a body snippet
    spans: tuple[tuple[int, int], ...]  # matched character ranges within text (for highlighting)
    score: float
    quote_id: int | None = None
    speaker_id: int | None = None
    offset: int | None = None  # char offset in the article body to scroll to (quote start / passage start)
    article_title: str = ""


@dataclass
class _Query:
    words: list[str]  # folded query words
    alternatives: list[dict[str, int]]  # per word: neighbour -> edit distance
    regex: re.Pattern
    fts: str  # FTS5 expression for quotes and bodies (explicit words), "" when there is nothing to look up
    fts_titles: str  # the same for the title table, with prefix queries (it has prefix indexes)
    fts_quotes: str  # for quotes: without the names of much-quoted speakers (see SPEAKER_POSTINGS)

    def match(self, text: str) -> tuple[float, tuple[tuple[int, int], ...]]:
        """How well `text` matches (0..1.1) and the spans of the matched words."""
        n = len(self.words)
        best = [0.0] * n
        spans: list[tuple[int, int]] = []
        last_word, last_end, bonus = -1, -1, 0.0
        for m in self.regex.finditer(fold(text)):
            i = _word_index(m)
            w = m.group()
            t = self.words[i]
            if w == t:
                q = 1.0
            elif w in self.alternatives[i]:
                q = 0.85 if self.alternatives[i][w] <= 1 else 0.7
            else:  # a completion of what was typed
                q = 0.8 + 0.15 * len(t) / len(w)
            if q > best[i]:
                best[i] = q
            if i == last_word + 1 and 0 <= m.start() - last_end <= 2:
                bonus += 1.0
            last_word, last_end = i, m.end()
            if len(spans) < 32:
                spans.append((m.start(), m.end()))
        coverage = sum(best) / n
        if n > 1:
            coverage += 0.1 * min(bonus, n - 1) / (n - 1)
        return coverage, tuple(spans)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class Searcher:
    """Fuzzy search; one worker thread at a time."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._conn: sqlite3.Connection | None = None
        self._seen_article: tuple | None = None  # the highest article, speaker and word ids when the caches were filled
        self._data_version = -1
        self._seen_term = 0
        self._terms: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> terms
        self._sorted_terms: list[str] = []
        self._sorted_n = array("l")  # article counts, aligned with _sorted_terms
        self._articles = 0
        self._speaker_quotes: dict[int, int] = {}  # speaker -> number of quotes
        self._speaker_quotes_at = -1  # article count when counted
        self._completion_cache: dict[str, tuple[list[str], int]] = {}
        self._speakers: dict[int, tuple[str, tuple[str, ...]]] = {}  # id -> (name, aliases)
        self._speaker_words: dict[str, set[int]] = {}
        self._speaker_words_sorted: list[str] = []
        self._has_title_fts = True
        self._neighbour_cache: dict[str, dict[str, int]] = {}
        self._latest_quote: dict[int, tuple[int, int] | None] = {}  # speaker -> (article, offset)

    # --- state ---------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        """Our own read connection when the index is a file (the app's stays free)."""
        if self._conn is None:
            conn = self.db.conn
            try:
                path = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
                if path:
                    uri = Path(path).resolve().as_uri() + "?mode=ro"
                    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                    conn.execute("PRAGMA busy_timeout = 2000")
                    conn.execute("PRAGMA query_only = 1")
                    conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()
            except sqlite3.Error:
                conn = self.db.conn  # e.g. a read-only folder without the WAL index file
            self._conn = conn
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self._has_title_fts = "articles_title_fts" in names
            self._has_terms = "articles_terms" in names
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._conn is not self.db.conn:
            self._conn.close()
        self._conn = None

    def forget(self) -> None:
        """Articles were deleted: reload the caches on the next search (new articles are noticed
        by themselves, through max(articles.id); deletions may leave it as it was)."""
        self._seen_article = None
        self._data_version = -1
        self._speaker_quotes_at = -1

    def warm(self) -> None:
        """Load what the first search needs (speakers, their quote counts, the vocabulary) now."""
        self._refresh()
        self.search("a", limit=1)

    def _refresh(self) -> None:
        conn = self._connection()
        if conn is not self.db.conn:
            # Changes only when another connection commits: no query for a search while nothing changed.
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version == self._data_version:
                return
            self._data_version = version
        # New articles, and new words or speakers from articles imported again with changes.
        terms = "(SELECT max(id) FROM articles_terms)" if self._has_terms else "0"
        top = conn.execute(f"SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM speakers), {terms}").fetchone()
        if top == self._seen_article:
            return
        self._seen_article = top
        self._articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        self._neighbour_cache.clear()
        self._completion_cache.clear()
        self._latest_quote.clear()
        if self._has_terms:
            self._load_terms(conn)
        speakers: dict[int, tuple[str, tuple[str, ...]]] = {}
        words: dict[str, set[int]] = {}
        for id_, name, aliases in conn.execute("SELECT id, name, aliases FROM speakers"):
            alias_list = tuple(_aliases(aliases))
            speakers[id_] = (name, alias_list)
            for w in terms_of(name, *alias_list):
                words.setdefault(w, set()).add(id_)
        self._speakers = speakers
        self._speaker_words = words
        self._speaker_words_sorted = sorted(words)
        if self._speaker_quotes_at < 0 or self._articles > 1.05 * self._speaker_quotes_at:
            self._speaker_quotes = dict(conn.execute("SELECT speaker_id, count(*) FROM quotes GROUP BY speaker_id"))
            self._speaker_quotes_at = self._articles

    def _load_terms(self, conn: sqlite3.Connection) -> None:
        """New words of the vocabulary; all of it (with fresh counts) when much is new."""
        try:
            rows = conn.execute("SELECT id, term, n FROM articles_terms WHERE id > ?", [self._seen_term]).fetchall()
        except sqlite3.OperationalError:  # an index from before the counts: no ranking by them
            rows = [(id_, t, 1) for id_, t in conn.execute("SELECT id, term FROM articles_terms WHERE id > ?", [self._seen_term])]
        if not rows:
            return
        if len(rows) > 1000 and self._seen_term:
            self._seen_term = 0
            self._terms, self._sorted_terms, self._sorted_n = {}, [], array("l")
            return self._load_terms(conn)
        self._seen_term = max(self._seen_term, max(r[0] for r in rows))
        for _, term, _n in rows:
            if len(term) >= 3:
                self._terms.setdefault((term[0], len(term)), []).append(term)
        if not self._sorted_terms:
            rows.sort(key=lambda r: r[1])
            self._sorted_terms = [r[1] for r in rows]
            self._sorted_n = array("l", (r[2] for r in rows))
        else:
            for _, term, n in rows:
                i = bisect.bisect_left(self._sorted_terms, term)
                self._sorted_terms.insert(i, term)
                self._sorted_n.insert(i, n)

    def _count(self, term: str) -> int:
        """How many articles have the word (an estimate; 0 if unknown)."""
        i = bisect.bisect_left(self._sorted_terms, term)
        if i < len(self._sorted_terms) and self._sorted_terms[i] == term:
            return self._sorted_n[i]
        return 0

    # --- the query -----------------------------------------------------------------------------

    def _neighbours(self, word: str) -> dict[str, int]:
        """Vocabulary words within a small edit distance of `word` (typo tolerance)."""
        found = self._neighbour_cache.get(word)
        if found is None:
            if len(self._neighbour_cache) > 2000:
                self._neighbour_cache.clear()
            found = self._neighbour_cache[word] = self._find_neighbours(word)
        return found

    def _find_neighbours(self, word: str) -> dict[str, int]:
        from rapidfuzz import process  # here, not at the app's start-up
        from rapidfuzz.distance import OSA

        n = len(word)
        if n < 4:
            return {}
        k = 1 if n <= 5 else 2
        found: list[tuple[str, int]] = []
        for length in range(n - k, n + k + 1):
            bucket = self._terms.get((word[0], length))
            if bucket:
                found += [(t, d) for t, d, _ in process.extract(word, bucket, scorer=OSA.distance, score_cutoff=k, limit=None)]
        found = [(t, d) for t, d in found if t != word and not t.startswith(word)]
        # Closest first, then the most common.
        found.sort(key=lambda x: (x[1], -self._count(x[0])))
        return dict(found[:MAX_ALTERNATIVES])

    def _completions(self, word: str) -> tuple[list[str], int]:
        """The word itself, if the index has it, and its commonest completions; and their article count."""
        found = self._completion_cache.get(word)
        if found is not None:
            return found
        terms, counts = self._sorted_terms, self._sorted_n
        i = bisect.bisect_left(terms, word)
        out = []
        for j in range(i, min(i + 5000, len(terms))):
            if not terms[j].startswith(word):
                break
            out.append((counts[j], terms[j]))
        out.sort(key=lambda x: (x[1] != word, -x[0]))
        out = out[:MAX_COMPLETIONS]
        found = ([t for _, t in out], sum(n for n, _ in out))
        if len(self._completion_cache) > 2000:
            self._completion_cache.clear()
        self._completion_cache[word] = found
        return found

    def _query(self, text: str) -> _Query | None:
        words = words_of(text)
        if len(words) > 1:
            words = [w for w in words if len(w) >= 2] or words[:1]
        words = list(dict.fromkeys(words))[:8]
        if not words:
            return None
        alternatives = [self._neighbours(w) for w in words]
        groups = []
        for i, (w, alts) in enumerate(zip(words, alternatives, strict=True)):
            options = [re.escape(w) + r"\w*"] + [re.escape(a) + r"\b" for a in alts]
            groups.append(f"(?P<g{i}>" + "|".join(options) + ")")
        regex = re.compile(r"\b(?:" + "|".join(groups) + ")")
        # Words of one or two letters would make costly lookups: they only rank.
        # So do words the index does not know in any form, and very common ones
        # when the query has rarer ones ("for", "the": they filter little and cost most).
        found = []
        for w, alts in zip(words, alternatives, strict=True):
            if len(w) < 3:
                continue
            completions, count = self._completions(w)
            options = list(dict.fromkeys(completions + list(alts)))
            if not options:
                continue
            count += sum(self._count(a) for a in alts)
            expr = "(" + " OR ".join(_phrase(o) for o in options) + ")"
            title_expr = "(" + " OR ".join([_phrase(w) + "*"] + [_phrase(a) for a in alts]) + ")"
            found.append((count, expr, title_expr, self._speaker_postings(options) > SPEAKER_POSTINGS))
        common = COMMON_SHARE * max(self._articles, 1)
        kept = [f for f in found if f[0] <= common] or sorted(found)[:1]
        quote_words = [f for f in found if not f[3]]
        kept_quotes = [f for f in quote_words if f[0] <= common] or sorted(quote_words)[:1]
        return _Query(
            words, alternatives, regex,
            " AND ".join(f[1] for f in kept),
            " AND ".join(f[2] for f in kept),
            " AND ".join(f[1] for f in kept_quotes),
        )

    def _speaker_postings(self, options: list[str]) -> int:
        """How many quotes have one of these words in their speaker's name."""
        ids = set()
        for o in options:
            ids |= self._speaker_words.get(o, set())
        return sum(self._speaker_quotes.get(i, 0) for i in ids)

    # --- search --------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        if not query or not query.strip() or limit <= 0:
            return []
        self._refresh()
        q = self._query(query)
        if q is None:
            return []
        short = len(query.strip()) <= 2
        hits: list[Hit] = []
        hits += self._speaker_hits(q)
        hits += self._title_hits(q, limit if short else TITLE_CANDIDATES)
        if not short and q.fts_quotes:
            hits += self._quote_hits(q)
        strong = sum(1 for h in hits if h.score >= BODY_BEST)
        if not short and q.fts and strong < limit:
            covered = {h.article_id for h in hits if h.kind in ("title", "quote")}
            hits += self._body_hits(q, covered)
        hits.sort(key=lambda h: (-h.score, h.kind != "speaker", -h.article_id, h.offset or 0))
        per_article: dict[int, int] = {}
        varied = []
        for h in hits:  # a few quotes per article, so that one article does not fill the list
            if h.kind == "quote":
                per_article[h.article_id] = per_article.get(h.article_id, 0) + 1
                if per_article[h.article_id] > QUOTES_PER_ARTICLE:
                    continue
            varied.append(h)
            if len(varied) == limit:
                break
        hits = varied
        return self._finish(hits)

    def _speaker_hits(self, q: _Query) -> list[Hit]:
        """Speakers whose name (or a former name) has the query's words, best first."""
        n = len(q.words)
        best: dict[int, list[float]] = {}
        index, sw = self._speaker_words, self._speaker_words_sorted
        for i, w in enumerate(q.words):
            matches = [(w, 1.0)] if w in index else []
            matches += [(alt, 0.85 if d <= 1 else 0.7) for alt, d in q.alternatives[i].items() if alt in index]
            j = bisect.bisect_left(sw, w)
            end = min(j + SPEAKER_CANDIDATES, len(sw))
            while j < end and sw[j].startswith(w):
                if sw[j] != w:
                    matches.append((sw[j], 0.8 + 0.15 * len(w) / len(sw[j])))
                j += 1
            for word, quality in matches:
                for id_ in index[word]:
                    b = best.get(id_)
                    if b is None:
                        b = best[id_] = [0.0] * n
                    if quality > b[i]:
                        b[i] = quality
        scored = sorted(((sum(b) / n, id_) for id_, b in best.items()), reverse=True)
        # Among equals, the most quoted first.
        quotes = self._speaker_quotes
        top = sorted(scored[: 4 * SPEAKER_HITS], key=lambda s: (-s[0], -quotes.get(s[1], 0)))
        out = []
        for coverage, id_ in top[:SPEAKER_HITS]:
            name = self._speakers[id_][0]
            matched, spans = q.match(name)
            coverage = max(coverage, matched)
            score = 100 * coverage * KIND_WEIGHT["speaker"]
            if len(name.split()) == n and coverage >= 1:
                score += 2  # the whole name was typed
            out.append(Hit("speaker", 0, name, spans, score, speaker_id=id_))
        return out

    def _title_hits(self, q: _Query, k: int) -> list[Hit]:
        conn = self._connection()
        if self._has_title_fts:
            rows = conn.execute(
                "SELECT a.id, a.title FROM articles_title_fts f JOIN articles a ON a.id = f.rowid "
                "WHERE articles_title_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
                [q.fts_titles or _phrase(q.words[0]) + "*", k],
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
                ["{title}: (" + (q.fts or _phrase(q.words[0])) + ")", k],
            ).fetchall()
        out = []
        for id_, title in rows:
            coverage, spans = q.match(title)
            if coverage > 0:
                out.append(Hit("title", id_, title, spans, 100 * coverage * KIND_WEIGHT["title"] + 1e-7 * id_, offset=None))
        return out

    def _quote_hits(self, q: _Query) -> list[Hit]:
        rows = self._connection().execute(
            "SELECT q.id, q.article_id, q.speaker_id, q.text, q.start FROM quotes_fts f "
            "JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
            ["{text}: (" + q.fts_quotes + ")", QUOTE_CANDIDATES],
        ).fetchall()
        out = []
        for id_, article_id, speaker_id, text, start in rows:
            coverage, spans = q.match(text)
            if coverage > 0:
                score = 100 * coverage * KIND_WEIGHT["quote"] + 1e-7 * id_
                out.append(Hit("quote", article_id, text, spans, score, quote_id=id_, speaker_id=speaker_id, offset=start))
        return out

    def _body_hits(self, q: _Query, covered: set[int]) -> list[Hit]:
        ids = [
            r[0]
            for r in self._connection().execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                ["{body}: (" + q.fts + ")", BODY_CANDIDATES + len(covered)],
            )
            if r[0] not in covered
        ][:BODY_CANDIDATES]
        out = []
        for id_ in ids:
            row = self._connection().execute("SELECT body FROM articles WHERE id = ?", [id_]).fetchone()
            if row is None:
                continue
            start, text = _passage(q, row[0])
            coverage, spans = q.match(text)
            if coverage > 0:
                out.append(Hit("body", id_, text, spans, 100 * coverage * KIND_WEIGHT["body"] + 1e-7 * id_, offset=start))
        return out

    def _finish(self, hits: list[Hit]) -> list[Hit]:
        """Speaker hits get their latest quote; every hit gets its article's title."""
        done = []
        for h in hits:
            if h.kind == "speaker" and h.speaker_id is not None:  # speaker hits always have one
                if h.speaker_id in self._latest_quote:
                    row = self._latest_quote[h.speaker_id]
                else:
                    row = self._latest_quote[h.speaker_id] = self._connection().execute(
                        "SELECT q.article_id, q.start FROM (SELECT article_id, start, id FROM quotes "
                        "WHERE speaker_id = ? ORDER BY id DESC LIMIT 20) q JOIN articles a ON a.id = q.article_id "
                        "ORDER BY a.published DESC, a.id DESC, q.start LIMIT 1",
                        [h.speaker_id],
                    ).fetchone()
                if row is None:
                    continue  # a speaker whose quotes are all gone
                h = Hit(h.kind, row[0], h.text, h.spans, h.score, None, h.speaker_id, row[1])
            done.append(h)
        need = {h.article_id for h in done if h.kind != "title"}
        titles = {}
        if need:
            marks = ",".join("?" * len(need))
            titles = dict(self._connection().execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", list(need)))
        return [
            Hit(h.kind, h.article_id, h.text, h.spans, h.score, h.quote_id, h.speaker_id, h.offset,
                h.text if h.kind == "title" else titles.get(h.article_id, ""))
            for h in done
        ]


def _aliases(raw: str | None) -> list[str]:
    import json

    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [a for a in value if isinstance(a, str)]


_SENTENCE_START = re.compile(r"(?:[.!?…][\"”’»)]*\s+|\n\s*)")


def _word_index(m: re.Match[str]) -> int:
    """Which query word a match of `_Query.regex` is (its groups are named g0, g1, …)."""
    assert m.lastgroup is not None  # every alternative is a named group
    return int(m.lastgroup[1:])


PASSAGE_WINDOW = 8_192  # a longer body is searched for its passage a window at a time


def _passage(q: _Query, body: str) -> tuple[int, str]:
    """The body passage where most query words come together: (offset, text). In a long body
    (a 1 MB article: ~70 ms to fold and search whole), within the first window that has them."""
    if len(body) <= PASSAGE_WINDOW:
        return _best_passage(q, body)
    for at in range(0, len(body), PASSAGE_WINDOW):
        window = body[at : at + PASSAGE_WINDOW + SNIPPET]
        if q.regex.search(fold(window)):
            start, text = _best_passage(q, window)
            return at + start, text
    return 0, body[:SNIPPET]


def _best_passage(q: _Query, body: str) -> tuple[int, str]:
    matches = [(m.start(), _word_index(m)) for m in q.regex.finditer(fold(body))]
    if not matches:
        return 0, body[:SNIPPET]
    best, best_at = -1, matches[0][0]
    j = 0
    for i, (pos, _) in enumerate(matches):
        while matches[j][0] < pos - SNIPPET // 2:
            j += 1
        distinct = len({w for _, w in matches[j : i + 1]})
        if distinct > best:
            best, best_at = distinct, matches[j][0]
    # back to the start of the sentence, if it is near
    window = body[max(0, best_at - 120) : best_at]
    starts = [m.end() for m in _SENTENCE_START.finditer(window)]
    if starts:
        start = best_at - len(window) + starts[-1]
    else:
        start = 0 if best_at <= 120 else best_at
    end = min(len(body), start + SNIPPET)
    if end < len(body):
        space = body.rfind(" ", start + SNIPPET // 2, end)
        if space > 0:
            end = space
    return start, body[start:end]
