"""One speaker across articles is one speaker.

The engine names each speaker by the fullest name one article gives. Across
articles, `Bayramov` joins `Jeyhun Bayramov` when he is the only Bayramov
known, and `Sergei Lavrov` joins `Sergey Lavrov` (near-identical first names),
while `Anna Novak` and `Piotr Novak` stay two people.
"""
from __future__ import annotations

import json
import unicodedata

import sqlite_utils
from rapidfuzz.distance import JaroWinkler

FIRST_NAME_SIMILARITY = 0.88


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def is_named(speaker: str) -> bool:
    """Unnamed sources come in lower case ("a government spokesperson")."""
    return any(c.isupper() for c in speaker[:1])


def _same_given_name(a: str, b: str) -> bool:
    """Two full-name keys with the same surname: do the given names agree?"""
    x, y = a.split()[0], b.split()[0]
    if len(x) == 1 or len(y) == 1:  # an initial
        return x[0] == y[0]
    return JaroWinkler.similarity(x, y) >= FIRST_NAME_SIMILARITY


class SpeakerRegistry:
    """Maps speaker names to speaker ids, merging as it goes. One per import."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.by_key: dict[str, int] = {}
        self.by_surname: dict[str, list[tuple[str, int]]] = {}
        self.by_name: dict[str, int | None] = {}  # names repeat a lot: each is resolved once
        for id_, key, aliases in db.execute("SELECT id, key, aliases FROM speakers"):
            self._remember(key, id_)
            for alias in json.loads(aliases or "[]"):
                self._remember(name_key(alias), id_)

    def _remember(self, key: str, id_: int) -> None:
        self.by_key[key] = id_
        self.by_surname.setdefault(key.split()[-1], []).append((key, id_))

    def resolve(self, name: str) -> int | None:
        """The id of the speaker called `name`, created or merged as needed."""
        if name not in self.by_name:
            self.by_name[name] = self._resolve(name)
        return self.by_name[name]

    def _resolve(self, name: str) -> int | None:
        if not is_named(name):
            return None
        key = name_key(name)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        known = self.by_surname.get(key.split()[-1], [])
        full_names = {id_ for k, id_ in known if " " in k}
        if " " in key:  # a full name joins the namesake it agrees with, or a lone bare surname
            candidates = {id_ for k, id_ in known if " " in k and _same_given_name(k, key)}
            if not full_names:
                candidates = {id_ for _, id_ in known}
        else:  # a bare surname joins the only person known by it
            candidates = full_names
        if len(candidates) == 1:
            id_ = candidates.pop()
            self._add_alias(id_, name, key)
            return id_
        new_id = self.db.execute(
            "INSERT INTO speakers (name, key, surname, aliases) VALUES (?, ?, ?, '[]')",
            [name, key, key.split()[-1]],
        ).lastrowid
        assert new_id is not None  # an INSERT's row id
        self._remember(key, new_id)
        return new_id

    def _add_alias(self, id_: int, name: str, key: str) -> None:
        row = self.db.execute("SELECT name, aliases FROM speakers WHERE id = ?", [id_]).fetchone()
        aliases = json.loads(row[1] or "[]")
        current = row[0]
        if len(key.split()) > len(name_key(current).split()):
            aliases.append(current)  # the fuller name becomes the speaker's name
            current = name
        else:
            aliases.append(name)
        self.db.execute(
            "UPDATE speakers SET name = ?, aliases = ? WHERE id = ?", [current, json.dumps(aliases), id_]
        )
        self._remember(key, id_)
