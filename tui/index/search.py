"""Fuzzy search over titles, speakers, quotes and article bodies.

How a keystroke is answered (see `Searcher.search`):

1. The query is folded (lower case, no accents) and split into words. Each
   word is *expanded* against the index vocabulary (`articles_terms`, every
   word of every title and body, kept by the importer): typo'd words such as
   `lavorv` or `summt` gain their near neighbours (`lavrov`, `summit`, by
   rapidfuzz OSA edit distance, in memory, bucketed by first letter and
   length); every word also matches as a prefix (`bayr` -> `bayramov`).
2. The expansion becomes one FTS5 query, "every word (or a neighbour, or a
   completion) present", run against the title-only FTS table
   (`articles_title_fts`, with prefix indexes), `quotes_fts` (text column) and
   `articles_fts` (body column). Newest rows first, a bounded number each:
   these are the candidates. Speakers (a few thousand) are matched in memory.
3. Candidates are reranked in Python: one compiled regex finds the matched
   words in each candidate (these are the highlight spans); the score is how
   well each query word is matched (exact > completion > typo), with a bonus
   when the words appear together in order and a weight per kind.

Short queries (one or two characters) take a cheap path: prefix matches on
speaker names and titles only.

A Searcher keeps speakers and the vocabulary in memory, loaded on the first
search (never before) and refreshed when new articles arrive. Quotes and
titles stay in SQLite.
"""
from __future__ import annotations

import bisect
import functools
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from rapidfuzz import process
from rapidfuzz.distance import OSA

KINDS = ("title", "speaker", "quote", "body")
KIND_WEIGHT = {"speaker": 1.0, "title": 0.97, "quote": 0.93, "body": 0.8}

TITLE_CANDIDATES = 100
QUOTE_CANDIDATES = 120
BODY_CANDIDATES = 6
SPEAKER_HITS = 8
SPEAKER_CANDIDATES = 300
MAX_ALTERNATIVES = 6  # typo neighbours per query word
# Completions per query word for quotes and bodies, shortest first (short words
# are the common ones). Their FTS tables have no prefix index: `word*` there
# costs 10-90 ms at 100k articles, an OR of a dozen words about 1 ms.
MAX_COMPLETIONS = 12
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

    def match(self, text: str) -> tuple[float, tuple[tuple[int, int], ...]]:
        """How well `text` matches (0..1.1) and the spans of the matched words."""
        n = len(self.words)
        best = [0.0] * n
        spans = []
        last_word, last_end, bonus = -1, -1, 0.0
        for m in self.regex.finditer(fold(text)):
            i = int(m.lastgroup[1:])
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
        self._seen_article = -1  # max(articles.id) when the caches were filled
        self._seen_term = 0
        self._terms: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> terms
        self._sorted_terms: list[str] = []
        self._completion_cache: dict[str, list[str]] = {}
        self._speakers: dict[int, tuple[str, tuple[str, ...]]] = {}  # id -> (name, aliases)
        self._speaker_words: dict[str, set[int]] = {}
        self._speaker_words_sorted: list[str] = []
        self._has_title_fts = True
        self._neighbour_cache: dict[str, dict[str, int]] = {}
        self._latest_quote: dict[int, tuple[int, int] | None] = {}  # speaker -> (article, offset)
        self._last_quote: dict[int, int] = {}  # speaker -> id of their last quote

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
            except sqlite3.Error:
                conn = self.db.conn
            self._conn = conn
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self._has_title_fts = "articles_title_fts" in names
            self._has_terms = "articles_terms" in names
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._conn is not self.db.conn:
            self._conn.close()
        self._conn = None

    def _refresh(self) -> None:
        conn = self._connection()
        top = conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        if top == self._seen_article:
            return
        self._seen_article = top
        self._neighbour_cache.clear()
        self._completion_cache.clear()
        self._latest_quote.clear()
        self._last_quote.clear()
        if self._has_terms:
            rows = conn.execute("SELECT id, term FROM articles_terms WHERE id > ?", [self._seen_term]).fetchall()
            for id_, term in rows:
                if len(term) >= 3:
                    self._terms.setdefault((term[0], len(term)), []).append(term)
                if id_ > self._seen_term:
                    self._seen_term = id_
            if len(rows) > 100 or not self._sorted_terms:
                self._sorted_terms = sorted(self._sorted_terms + [t for _, t in rows])
            else:
                for _, term in rows:
                    bisect.insort(self._sorted_terms, term)
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
        found.sort(key=lambda x: (x[1], abs(len(x[0]) - n)))
        return dict(found[:MAX_ALTERNATIVES])

    def _completions(self, word: str) -> list[str]:
        """The word itself, if the index has it, and its shortest completions."""
        found = self._completion_cache.get(word)
        if found is not None:
            return found
        terms = self._sorted_terms
        i = bisect.bisect_left(terms, word)
        out = []
        for term in terms[i : i + 2000]:
            if not term.startswith(word):
                break
            out.append(term)
        out.sort(key=len)
        found = out[:MAX_COMPLETIONS]
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
        for i, (w, alts) in enumerate(zip(words, alternatives)):
            options = [re.escape(w) + r"\w*"] + [re.escape(a) + r"\b" for a in alts]
            groups.append(f"(?P<g{i}>" + "|".join(options) + ")")
        regex = re.compile(r"\b(?:" + "|".join(groups) + ")")
        # Words of one or two letters would make costly lookups: they only rank.
        # So do words the index does not know in any form.
        parts, title_parts = [], []
        for w, alts in zip(words, alternatives):
            if len(w) < 3:
                continue
            options = list(dict.fromkeys(self._completions(w) + list(alts)))
            if not options:
                continue
            parts.append("(" + " OR ".join(_phrase(o) for o in options) + ")")
            title_parts.append("(" + " OR ".join([_phrase(w) + "*"] + [_phrase(a) for a in alts]) + ")")
        return _Query(words, alternatives, regex, " AND ".join(parts), " AND ".join(title_parts))

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
        if not short and q.fts:
            hits += self._quote_hits(q)
            covered = {h.article_id for h in hits if h.kind in ("title", "quote")}
            hits += self._body_hits(q, covered)
        hits.sort(key=lambda h: (-h.score, h.kind != "speaker", -h.article_id, h.offset or 0))
        hits = hits[:limit]
        return self._finish(hits)

    def _speaker_hits(self, q: _Query) -> list[Hit]:
        ids: set[int] = set()
        sw = self._speaker_words_sorted
        for i, w in enumerate(q.words):
            for alt in q.alternatives[i]:
                ids |= self._speaker_words.get(alt, set())
            j = bisect.bisect_left(sw, w)
            while j < len(sw) and sw[j].startswith(w) and len(ids) < SPEAKER_CANDIDATES:
                ids |= self._speaker_words[sw[j]]
                j += 1
        scored = []
        for id_ in ids:
            name, aliases = self._speakers[id_]
            coverage, spans = q.match(name)
            for alias in aliases:
                c2, _ = q.match(alias)
                if c2 > coverage:
                    coverage = c2  # found by a former name: highlight what matches the current one
            if coverage <= 0:
                continue
            scored.append((coverage, id_, name, spans))
        scored.sort(key=lambda s: -s[0])
        # Among equals, the most recently quoted first.
        best = scored[: 3 * SPEAKER_HITS]
        best.sort(key=lambda s: (-s[0], -self._last_quote_id(s[1]), s[2]))
        out = []
        for coverage, id_, name, spans in best[:SPEAKER_HITS]:
            score = 100 * coverage * KIND_WEIGHT["speaker"]
            if len(name.split()) == len(q.words) and coverage >= 1:
                score += 2  # the whole name was typed
            out.append(Hit("speaker", 0, name, spans, score, speaker_id=id_))
        return out

    def _last_quote_id(self, speaker_id: int) -> int:
        found = self._last_quote.get(speaker_id)
        if found is None:
            row = self._conn.execute("SELECT max(id) FROM quotes WHERE speaker_id = ?", [speaker_id]).fetchone()
            found = self._last_quote[speaker_id] = row[0] or 0
        return found

    def _title_hits(self, q: _Query, k: int) -> list[Hit]:
        conn = self._conn
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
        rows = self._conn.execute(
            "SELECT q.id, q.article_id, q.speaker_id, q.text, q.start FROM quotes_fts f "
            "JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
            ["{text}: (" + q.fts + ")", QUOTE_CANDIDATES],
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
            for r in self._conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                ["{body}: (" + q.fts + ")", BODY_CANDIDATES + len(covered)],
            )
            if r[0] not in covered
        ][:BODY_CANDIDATES]
        out = []
        for id_ in ids:
            row = self._conn.execute("SELECT body FROM articles WHERE id = ?", [id_]).fetchone()
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
            if h.kind == "speaker":
                if h.speaker_id in self._latest_quote:
                    row = self._latest_quote[h.speaker_id]
                else:
                    row = self._latest_quote[h.speaker_id] = self._conn.execute(
                        "SELECT q.article_id, q.start FROM (SELECT article_id, start, id FROM quotes "
                        "WHERE speaker_id = ? ORDER BY id DESC LIMIT 200) q JOIN articles a ON a.id = q.article_id "
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
            titles = dict(self._conn.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", list(need)))
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


def _passage(q: _Query, body: str) -> tuple[int, str]:
    """The body passage where most query words come together: (offset, text)."""
    matches = [(m.start(), int(m.lastgroup[1:])) for m in q.regex.finditer(fold(body))]
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
