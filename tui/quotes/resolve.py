"""Stage: speaker resolution, in text order: names to their fullest form, pronouns to the latest
compatible subject, descriptions through roles, nationality and organisation type; each quote
records how its speaker was reached."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import groupby, islice
from operator import attrgetter, itemgetter

from tui.quotes.doc import _DOC_SUBJECTS, _NOUN_BEFORE, Doc, Rec, _rx, _whole_word_at
from tui.quotes.lexicon import (
    COLLECTIVE_WORDS,
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICES,
    ORG_WORDS,
    ROLE_SUFFIX,
    ROLE_WORDS,
    SPOKES_WORDS,
    STOP_CAPS,
    common_word,
    first_name,
    is_demonym,
    nationality_word,
)
from tui.quotes.model import Mention
from tui.quotes.reported import _subject_np
from tui.quotes.speakers import (
    DETERMINERS,
    INDEFINITE,
    NP,
    ORG_HEADS,
    PRONOUN_WORDS,
    ROLE_SYNONYMS,
    Entity,
    Registry,
    parse_np,
)
from tui.quotes.text import CUE_RE


# he, his, him, himself, she, her, hers, herself as whole words: the word start is tested after the first
# letter, so that the search skips to an "h" or an "s" (a leading \b would be tried at every position)
_GENDERED_PRONOUN = re.compile(r"(?:h(?<!\w.)(?:e|is|im|imself|er|ers|erself)|s(?<!\w.)he)\b")
# its two branches, each opening with its letter: re scans for a literal first letter faster than for one of
# two. They start with different letters, so the earlier of their first matches is the pattern's first match.
_GENDERED_H = re.compile(r"h(?<!\w.)(?:e|is|im|imself|er|ers|erself)\b")
_GENDERED_S = re.compile(r"s(?<!\w.)he\b")


def _gendered_pronoun(seg: str) -> re.Match | None:
    """_GENDERED_PRONOUN.search(seg)"""
    mh = _GENDERED_H.search(seg)
    ms = _GENDERED_S.search(seg)
    return mh if ms is None or (mh is not None and mh.start() < ms.start()) else ms


def _learn_gender(doc: Doc, reg: Registry, mentions) -> None:
    """`Lena Fosse said … her plan` -> female: the first pronoun after a sentence's first name (over the
    usual gender of the given name: the article knows its people better than a list)."""
    text = doc.text
    sents = doc.sents
    # each sentence's first mention outside quotation marks, up to where its next one starts (build_registry
    # lists the mentions sentence by sentence, so a sentence's mentions come together)
    for k, in_sent in groupby(filter(itemgetter(3), mentions), itemgetter(4)):
        _, e0, ent, _, _ = next(in_sent)
        if (ent.gender and not ent.gender_guessed) or ent.kind == "org" or (ent.kind == "unknown" and not _name_like(ent.name)) \
                or _acronym(ent.name):
            continue
        second = next(in_sent, None)  # noqa: B031 (the group's first mention was taken just above: this is its second)
        seg = text[e0:second[0] if second is not None else sents[k][1]]
        pm = _gendered_pronoun(seg)
        if pm and doc.span_at(e0 + pm.start()) < 0:
            ent.gender = "m" if pm.group() in ("he", "his", "him", "himself") else "f"
            ent.gender_guessed = False
            if ent.kind == "unknown":
                ent.kind = "person"


def _org_like(e: Entity) -> bool:
    """An organisation, or a named thing that is no person (no gender, no given name)."""
    return e.kind == "org" or (e.kind == "unknown" and not e.gender and not e.unnamed
                               and first_name(e.name.split()[0]) is None)


def _acronym(name: str) -> bool:
    """'EU', 'NATO', 'RCMP': an acronym, no person."""
    return name.isupper() and " " not in name and len(name) <= 5 and first_name(name) is None


@lru_cache(maxsize=4096)
def _name_like(name: str) -> bool:
    """Could this be a person's name? None of its words is a common English word ('Keller' could;
    'Lake Cowichan', 'Canada', 'EU' are places and things)."""
    words = name.split()
    if _acronym(name):
        return False
    return bool(words) and not any(common_word(w) for w in words)


_WEAK_WORDS = frozenset("""with to by for from of at on in against about between among than like told urged
asked accused called thanked praised criticised criticized met congratulate congratulated unlike despite besides
including except""".split())


_SKIP_BEFORE_NAME = frozenset("his her their its the a an".split())


_REL_WORDS = frozenset("who which whose whom".split())


_REL_EXCEPT = frozenset("those anyone someone people".split())


_PLACE_TAIL = re.compile(r"\b(?:in|at|from|of|near|outside)\s+(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*,\s*$")


def _subject_lead(lead: str) -> bool:
    """Is a name after this lead a clause subject (not the object of a preposition or verb, not inside a
    relative clause)? Looks only at the last few words, so the cost is bounded."""
    low = lead.lower()  # (lower case keeps every space and punctuation mark where it is)
    words = low.rsplit(None, 5)
    if not words:
        return True
    if words[-1][-1] == "," and _PLACE_TAIL.search(lead):  # the pattern ends in a comma: look only then
        return False  # "at her home in Mississauga, Ont.": the rest of a place
    # "with his Russian counterpart X", "told Y", "met the new X": a governing word within a few words
    last = words[-5:]
    if not _WEAK_WORDS.isdisjoint(last):
        for w in reversed(last):
            if w[-1] in ",.;:":
                break
            if w in _WEAK_WORDS:
                return False
    # a relative clause since the last comma: "the lawyer who has led X", ", which sued X"
    wh = low.rfind("wh")
    if wh < 0:
        return True  # no who/which/whose/whom
    after = low[wh:]
    if "," in after or "." in after or ";" in after:
        return True  # none since the last comma
    return not _in_relative_clause(lead)


def _in_relative_clause(lead: str) -> bool:
    """Does the lead end inside a relative clause opened since its last comma ("the lawyer who has led",
    ", which sued")?"""
    tail = lead[max(lead.rfind(","), lead.rfind("."), lead.rfind(";")) + 1:]
    tw = tail.split()
    for i, w in enumerate(tw):
        if w.lower() in _REL_WORDS:
            if i == 0 and lead.rfind(",") >= 0 and lead.rfind(",") >= max(lead.rfind("."), lead.rfind(";")):
                return True
            if i > 0 and tw[i - 1].islower() and len(tw[i - 1]) >= 3 and tw[i - 1] not in _REL_EXCEPT:
                return True
    return False


_THIRD_PERSON = frozenset("he she they it".split())
_TITLE_ONLY = frozenset("mr. mrs. ms. dr. mr mrs ms dr".split())
_OWNERS = frozenset("his her their its".split())
# what a person or a body writes or files, and so speaks for them
_AUTHORED = frozenset("""statement letter release filing memo email e-mail post tweet message note book report
column op-ed essay blog website lawsuit suit complaint submission affidavit testimony""".split())
_DOC_HEADS = frozenset("statement letter release filing memo email e-mail post tweet message note".split())


# "I asked barber Tom Ruddle, who …": the one the writer interviews is the next to answer
_WRITER_ASKED = re.compile(r"\b(?:I|[Ww]e)\s+(?:asked|interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with)|turned\s+to|"
                           r"called|reached)\s+(?:[\w\-’']+\s+){0,4}$")

def _writer_asked(text: str, pos: int) -> bool:
    """_WRITER_ASKED ends at pos. Its verbs are looked for first: the regex tries each of 80 positions."""
    s = max(0, pos - 80)
    w = text[s:pos]
    return ("asked" in w or "interviewed" in w or "spoke" in w or "talked" in w or "turned" in w or "called" in w
            or "reached" in w) and _WRITER_ASKED.search(text, s, pos) is not None


def _subject_test(doc: Doc, recs: list[Rec]):
    """The test of whether a name mention (a build_registry mention tuple) is touched as a subject: a person
    (or a name before a lower-case word) as a clause's subject outside the content of a reported quote, or
    one the writer asked. It reads only the text and whether the entity is an organisation, which _resolve
    never changes, so it can be asked at any time."""
    text = doc.text
    sents = doc.sents
    content = sorted((r.start, r.end) for r in recs if r.type != "direct")
    content_starts = [c[0] for c in content]

    def is_subject(m: tuple) -> bool:
        s, e, ent, _, k = m
        person_like = ent.kind != "org"
        if person_like or text[e:e + 30].lstrip()[:1].islower():
            c = bisect_right(content_starts, s)  # the last content to start at or before s (as _inside)
            if not (c and s < content[c - 1][1]):
                lead_start = max(sents[k][0], s - 160)
                if lead_start >= s or _subject_lead(text[lead_start:s]):  # (a sentence's first word: no lead)
                    return True
        return person_like and _writer_asked(text, s)

    return is_subject


_SPEAKER = -1  # the end of a pending touch that is a quote's speaker (a subject), not a name mention


def _touch_pending(reg: Registry, pending: list, is_subject) -> None:
    """Make the pending touches, and empty the list. The registry keeps, per entity, only its latest touch
    and its latest touch as a subject (and the order of those), and the positions rise: so only those two
    touches of each entity are made, and a mention's subject test is asked only where it decides one."""
    keep = []
    touched: set[Entity] = set()
    as_subject: set[Entity] = set()
    for m in reversed(pending):
        ent = m[2]
        if ent in as_subject:
            continue
        subj = m[1] == _SPEAKER or is_subject(m)
        if ent not in touched:
            touched.add(ent)
        elif not subj:
            continue
        if subj:
            as_subject.add(ent)
        keep.append((m[0], ent, subj))
    touch = reg.touch
    for pos, ent, subj in reversed(keep):
        touch(ent, pos, subj)
    pending.clear()


def _resolve(doc: Doc, reg: Registry, recs: list[Rec], name_mentions) -> None:
    text = doc.text
    # in text order: the name mentions outside quotation marks, each touched as a subject or not, and
    # the quotes to resolve (a mention first at the same position)
    mentions = sorted(filter(itemgetter(3), name_mentions), key=itemgetter(0))
    mention_starts = list(map(itemgetter(0), mentions))
    n_mentions = len(mentions)
    mi = 0
    is_subject = _subject_test(doc, recs)
    # touches of the registry not made yet, in text order: name mentions, and quotes' speakers as
    # (position, _SPEAKER, entity, True, -1); made only when a quote reads who was mentioned last, and
    # then only those that change the registry (_touch_pending)
    pending: list[tuple] = []
    last_speaker: Entity | None = None
    last_speaker_name = ""
    last_at = 0  # where the latest attribution is (its sentence, doc.sent_of(last_at), is looked up when asked for)
    last_org = ""  # the latest speaker, when an organisation the article does not name ("the company")
    for r in sorted(recs, key=attrgetter("pos")):
        pos = r.pos
        if mi < n_mentions and mention_starts[mi] <= pos:
            mj = bisect_right(mention_starts, pos, mi)
            pending += mentions[mi:mj]
            mi = mj
        if r.follow is not None:
            continue
        if r.fallback:
            if last_speaker is not None or last_speaker_name:
                r.entity = last_speaker
                r.speaker = last_speaker.name if last_speaker else last_speaker_name
                r.how = f'no attribution: the latest speaker, "{r.speaker}"'
            continue
        np0 = r.np
        if np0 is not None and np0.kind == "desc" and np0.head in _DOC_HEADS and (last_speaker or last_speaker_name) \
                and np0.text.split(" ", 1)[0].lower() in ("the", "this", "that", "its", "his", "her", "their") \
                and not np0.mods and np0.text[1:] == np0.text[1:].lower() \
                and _rx(r"\b" + np0.head + r"\b").search(text, *doc.sent_of(last_at)) \
                and doc.sent_index(pos) - doc.sent_index(last_at) <= 2:
            # "X said in a statement … The statement added …": the document speaks for its author
            ent, spk = last_speaker, last_speaker.name if last_speaker else last_speaker_name
            r.how = f'"{np0.text}" speaks for its author, the speaker just before: "{spk}"'
        else:
            if pending and np0 is not None and np0.kind != "name":
                # a name is looked up by its words; a pronoun or a description reads who was mentioned last
                _touch_pending(reg, pending, is_subject)
            ent, spk = _resolve_np(reg, np0, pos, text, doc)
            r.how = _how(np0, ent, spk)
            if not spk and last_org and np0 is not None and np0.kind == "pronoun" and np0.head == "it" \
                    and doc.sent_index(pos) - doc.sent_index(last_at) <= 2:
                # "The company said … It said …": the unnamed organisation that has just spoken
                spk = last_org
                r.how = f'pronoun "{np0.text}" -> the organisation that spoke just before: "{spk}"'
            # he, she, they, it standing for no one, or a phrase cut to its determiner ("His"): the quote
            # stays, with no speaker; "I" and "we" outside quotation marks are the writer, who is no source
            r.unresolved = not spk and np0 is not None and (
                (np0.kind == "pronoun" and np0.head in _THIRD_PERSON)
                or _grammar_only(np0))
        if r.np is not None:
            r.mentions = (Mention(text[r.np.start:r.np.end], r.np.start, r.np.end),)
        r.entity, r.speaker = ent, spk
        if spk:
            org_desc = ent is None and np0 is not None and np0.kind == "desc" and np0.head in ORG_HEADS
            last_org = spk if org_desc or (last_org == spk and np0 is not None and np0.kind == "pronoun") else ""
        if ent is not None:
            if ent.kind == "unknown" and r.np is not None and r.np.kind == "name" and not ent.name.isupper() \
                    and _name_like(ent.name):
                ent.kind = "person"  # "Stubbs said …": a speaker named by a name (not "BC Hydro", not "IRCC")
            pending.append((pos, _SPEAKER, ent, True, -1))
            reg.spoke.pop(ent, None)
            reg.spoke[ent] = None
            last_speaker = ent
            last_speaker_name = ent.name
            last_at = pos
        elif spk:
            last_speaker, last_speaker_name = None, spk
            last_at = pos
    # followers
    for r in recs:
        f = r.follow
        seen = 0
        while f is not None and f.follow is not None and seen < 50:
            f = f.follow
            seen += 1
        if f is not None:
            r.speaker, r.entity, r.unresolved = f.speaker, f.entity, f.unresolved
            if not r.mentions:
                r.mentions = f.mentions
            r.how = f"the speaker of the quote it continues; {f.how}" if f.how else "the speaker of the quote it continues"


def _how(np: NP | None, ent: Entity | None, speaker: str) -> str:
    """How a mention led to its speaker, in words (for `quotes --explain` and the reader)."""
    if np is None:
        return "no mention of a speaker"
    said = f'"{np.text}"'
    if np.kind == "name":
        if ent is not None and ent.name.lower() != np.text.lower():
            return f"named {said}, the article's fullest form of the name is \"{ent.name}\""
        return f"named {said}"
    if np.kind == "pronoun":
        if ent is None:
            return f"pronoun {said}, with no earlier speaker it can stand for"
        return f"pronoun {said} -> the latest subject it fits: \"{ent.name}\""
    if ent is None or ent.unnamed:
        return f"description {said}: a source the article does not name"
    heads = ({np.head} | ROLE_SYNONYMS.get(np.head, set())) & (ent.roles | {w for p in ent.phrases for w in p.split()})
    why = f'its role "{sorted(heads)[0]}"' if heads else "the organisation or person it fits"
    when = "just after" if ent.first > np.start else "earlier"  # "A judge said …" then "Justice Ana Holm …"
    return f"description {said} -> \"{ent.name}\", named {when} ({why})"


def _resolve_np(reg: Registry, np: NP | None, pos: int, text: str, doc: Doc | None = None
                ) -> tuple[Entity | None, str]:
    if np is None:
        return None, ""
    if _grammar_only(np):
        return None, ""  # "His", "Some", "One", "Another": a phrase cut to its determiner names no one
    if np.kind == "name":
        if doc is not None and not np.text.isupper() and _a_common_word(doc, np.name, np.start):
            # "Watch …", "Mostly …": a word that opens a sentence, not a name; "Reports say …",
            # "City officials …": a noun for a source, kept as the article words it
            low = np.name.lower()
            if low in ROLE_WORDS or low in ORG_HEADS or (low.endswith("s") and not low.endswith("ss")):
                return _unnamed(reg, NP("desc", np.start, np.end, np.text, head=low), pos)
            return None, ""
        ent = reg.lookup(np.name) or reg.entity_for(np.name)
        if ent.name.isupper() and not np.name.isupper():
            ent.name = np.name  # "HOLLOWAY" in a transcript is Holloway
        for ph in np.roles:
            _absorb_roles(ent, ph)
        return ent, ent.name
    if np.kind == "pronoun":
        g = np.head
        if g in ("he", "she"):
            want = "m" if g == "he" else "f"
            best = _pick(reg, pos, lambda e: e.kind in ("person", "unknown") and not e.unnamed
                         and (e.gender == want or (not e.gender and e.kind == "person")))
            if best is None:
                # "he" and "she" stand for people: not for a place or a thing ("Canada", "the EU")
                # (a name of unknown kind only once it has been a subject: "in Brampton" names a place)
                best = _pick(reg, pos, lambda e: e.gender in ("", want) and (
                    e.kind == "person" or (e.kind == "unknown" and _name_like(e.name) and e.last_subj >= 0)))
            if best is not None:
                if not best.gender:
                    best.gender = want
                return best, best.name
            return None, ""  # a pronoun is never a speaker: unresolved, the quote has none
        if g == "they":
            if doc is not None:
                # "About fifty supporters waved flags. They said …": a plural subject just before
                # "Republican senators are eager to leave, and they say …": the plural subject of its own
                # sentence, before it
                k = doc.sent_index(np.start)
                ss = doc.sents[k][0]
                sub = None
                if k > 0 and ss == np.start:
                    ps, pe = doc.sents[k - 1]
                    sub = _subject_np(doc, ps, pe)
                elif _rx(r",\s+(?:and|but|so)\s+$").search(text, ss, np.start):
                    sub = _subject_np(doc, ss, np.start)
                if sub is not None and sub.kind == "desc" and sub.head.endswith("s") \
                        and not sub.head.endswith(("ss", "us")) \
                        and (_plural_people(sub.head) or not sub.text[:1].isupper()
                             or sub.text.split()[0].lower() in DETERMINERS):  # not "Brexit remains"
                    return _unnamed(reg, sub, pos)
                if k > 0 and ss == np.start:
                    # "Brexit remains the concern and several executives have warned …. They say …": the
                    # last people in the plural the sentence before names
                    people = _last_plural_people(doc, *doc.sents[k - 1])
                    if people is not None:
                        return _unnamed(reg, people, pos)
            best = _pick(reg, pos, lambda e: e.gender == "p" or e.kind in ("org", "group"), subj_only=True)
            if best is not None and doc is not None and doc.sent_index(pos) - doc.sent_index(best.last_subj) > 3:
                best = None  # a group last the subject paragraphs ago: "they" means someone else
            return (best, best.name) if best else (None, "")
        if g == "it":
            # "BC Tram said … It said …": the organisation that spoke last, else the one last named
            best = next((e for e in reversed(reg.spoke) if _org_like(e)), None)
            if best is None:
                best = _pick(reg, pos, lambda e: e.kind == "org")
            if best is None:
                # "BC Tram said … It said …": a named thing that is no person the article knows of
                best = _pick(reg, pos, lambda e: e.kind in ("org", "unknown") and not e.gender and not e.unnamed,
                             any_mention=True)
            return (best, best.name) if best else (None, "")
        return None, ""
    # descriptions
    words = np.text.split()
    cue = CUE_RE.search(np.text) if doc is not None else None
    if cue is not None and cue.start() > 0:
        # "Phillips said he heard students shout …": the one who reports it, before the reporting verb
        sub = parse_np(text, np.start, np.start + cue.start(), doc.sent_of(np.start)[0]) if doc is not None else None
        if sub is not None and sub.kind == "name":
            return _resolve_np(reg, sub, pos, text, doc)
    first = words[0].lower() if words else ""
    if len(words) == 1 and words[0][:1].isupper():
        known = reg.lookup(words[0])
        if known is not None and known.kind == "person" and " " in known.name and not known.unnamed:
            return known, known.name  # "Dean, a former party chairman, said" after "Howard Dean": his surname
    if len(words) == 1 and words[0][:1].isupper() and words[0].isalpha() and not common_word(words[0]) \
            and words[0].lower() not in ROLE_WORDS:
        # "Sanders told …" read as a description: a capitalised word English does not use is a name
        return _resolve_np(reg, NP("name", np.start, np.end, np.text, name=np.text), pos, text, doc)
    if len(words) >= 3 and words[0][:1].isupper() and words[1] in _IMPERATIVE_OBJECT and first.isalpha() \
            and first not in _NOUN_BEFORE and first not in STOP_CAPS and not first.endswith("ly") \
            and common_word(words[0]):
        return None, ""  # "Watch the coach explain …": an imperative, addressed to the reader
    if first in _TITLE_ONLY and doc is not None:
        # "Ms. May": a title, then a name the name scan took for a common word (a month, a verb)
        m = _rx(r"\s+([A-Z][\w’'\-]+)").match(text, np.end)
        if m:
            name = m.group(1)
            return _resolve_np(reg, NP("name", m.start(1), m.end(1), name, name=name), pos, text, doc)
    head = np.head
    if head in _AUTHORED and len(words) >= 2 and (first in _OWNERS or first.endswith(("’s", "'s"))):
        # "her statement", "Foster's book": the document speaks for its author
        owner = words[0]
        if first in _OWNERS:
            pro = {"his": "he", "her": "she", "their": "they", "its": "it"}[first]
            author = _resolve_np(reg, NP("pronoun", np.start, np.start + len(owner), owner, head=pro), pos, text, doc)
        else:
            base = owner[:-2]
            author = _resolve_np(reg, NP("name", np.start, np.start + len(base), base, name=base), pos, text, doc)
        if author[1]:
            return author
    if head in _AUTHORED and len(words) >= 3 and first in ("the", "a", "an", "this", "that") \
            and all(w[:1].isupper() for w in words[1:-1]) and not (len(words) == 3 and is_demonym(words[1])):
        # "the RCMP statement", "a Norvik Shipping release": the named body speaks through it
        owner = " ".join(words[1:-1])
        at = np.start + np.text.index(owner)
        author = _resolve_np(reg, NP("name", at, at + len(owner), owner, name=owner), pos, text, doc)
        if author[1]:
            return author
    if first.endswith(("’s", "'s")) and words[0][:1].isupper() and len(words) == 2 \
            and (head in COLLECTIVE_WORDS or _plural_people(head)):
        return None, np.text  # "Scott's family", "Lund's campaign", "Varga's lawyers": a source in its own right
    bare_role = len(words) <= 3 and head in ROLE_WORDS and not head.endswith("s") and first not in INDEFINITE
    if first in ("a", "an") and doc is not None:
        named = _named_next(reg, np, pos, doc)
        if named is not None:
            return named, named.name
    if not bare_role and (first in INDEFINITE or (first not in ("the", "this", "that", "its", "his", "her", "their")
                                                  and not np.text[:1].isupper() and "'" not in first
                                                  and "’" not in first)):
        return _unnamed(reg, np, pos)
    if not bare_role and first not in ("the", "this", "that", "its", "his", "her", "their") \
            and not ("’" in first or "'" in first):
        if np.text[:1].isupper() and first not in ("the",):
            return _unnamed(reg, np, pos)
    if head in ORG_HEADS and not any(m in ROLE_WORDS for m in np.mods if m not in ORG_HEADS):
        words_ok = ORG_HEADS[head]
        if first == "the" and doc is not None:
            # "Maker Hollin & Marsh rallied after its results. The company said …": the organisation
            # the sentence before is about
            k = doc.sent_index(np.start)
            if k > 0 and doc.sents[k][0] == np.start:
                ps = doc.sents[k - 1][0]
                # not "ABSTRACT." (a heading), not "Tarrow City Council" for "the company" (another kind of body)
                about = _pick(reg, pos, lambda e: _org_like(e) and not e.unnamed and e.last_subj >= ps
                              and not (e.name.isupper() and common_word(e.name))
                              and all(t not in ORG_WORDS or t in words_ok for t in e.name.lower().split()),
                              subj_only=True)
                if about is not None:
                    return about, about.name
        best = _pick(reg, pos, lambda e: e.kind == "org" and (
            any(t.lower() in words_ok for t in e.name.split()) or head in e.roles), any_mention=True)
        if best is None and head in ("company", "firm", "group", "organisation", "organization"):
            best = _pick(reg, pos, lambda e: e.kind == "org" and head in e.roles, any_mention=True)
        if best is None and first in ("the", "this", "that"):
            # "the utility said …": the organisation that spoke last
            best = next((e for e in reversed(reg.spoke) if _org_like(e)), None)
        if best is not None:
            return best, best.name
        return None, _lower_first(np.text)
    # person descriptions: roles, synonyms, nationality, age
    nats = {m for m in np.mods if nationality_word(m)}
    phrase = " ".join([m for m in np.mods if m not in nats] + [head])
    heads = {head} | ROLE_SYNONYMS.get(head, set())
    syn_phr = ROLE_SYNONYMS.get(phrase, set()) if phrase != head else set()

    def match(e: Entity) -> bool:
        """A named person this description fits."""
        if e.unnamed or e.kind == "org":
            return False
        if nats and not (nats & e.nat):
            return False
        if syn_phr and any(p in ph for ph in e.phrases for p in syn_phr):
            return True
        if not e.roles.isdisjoint(heads):
            return True
        return any(head in p and head in p.split() for p in e.phrases)  # (a word of a phrase: a substring first)

    possessive = "’" in first or "'" in first
    if _plural_people(head) and not possessive:
        # "the officials said": people, never one named person; the unnamed group the article described
        group = _pick(reg, pos, lambda e: e.unnamed and e.gender == "p" and head in e.roles, any_mention=True)
        return (group, group.name) if group is not None else (None, _lower_first(np.text))
    best = _pick(reg, pos, match, any_mention=True)
    if best is None and nats:
        best = _pick(reg, pos, lambda e: e.kind != "org" and bool(nats & e.nat) and not e.unnamed, any_mention=True)
    unnamed = _pick(reg, pos, lambda e: e.unnamed and (head in e.roles), any_mention=True)
    if unnamed is not None and (best is None or max(unnamed.last_subj, unnamed.last_mention)
                                > max(best.last_subj, best.last_mention)
                                or (head not in best.roles | {w for p in best.phrases for w in p.split()}
                                    and set(np.mods) <= unnamed.roles)):
        # "the negotiator" after "a negotiator from a donor country said …"; "the official" after "a justice
        # official said …" is that official, not the minister a synonym would fit
        best = unnamed
    if best is None:
        # a role named only later: "its governor signalled …" … "Governor Ann Lee said"
        for e in reg.upcoming(pos, 30):
            if match(e):
                best = e
                break
    if best is None and possessive and np.text[:1].isupper():
        return None, np.text  # "Varga's lawyers", "Holm's office": a source in its own right
    definite = first in ("the", "this", "that") or possessive
    # no one has this role: the latest person, when the description could be anyone's ("the coach",
    # "the 34-year-old"), but not a public office with its portfolio ("the agriculture minister"),
    # nor a document ("the legal document": "-ent" is no role)
    if best is None and not (np.mods and head in OFFICES) and head not in _DOC_SUBJECTS \
            and head not in _AUTHORED and (
            head in ROLE_WORDS or head.endswith("-year-old") or head.endswith("ist")
            or head in ("man", "woman") or (definite and bool(ROLE_SUFFIX.search(head)))):
        # (someone the article names as a person: a full name or a gender, not "Tarrow", a town that spoke)
        best = _pick(reg, pos, lambda e: e.kind == "person" and not e.unnamed and (" " in e.name or bool(e.gender)))
    if best is not None:
        return best, best.name
    return None, _lower_first(np.text)


_CUE_BEFORE = re.compile(r"\b(?:said|says|added|told|wrote|explained)\s+(?:[\w.\-]+\s+){0,3}$")
_CUE_AFTER = re.compile(r"(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*(?:,[^,.;\n]{1,80},)?\s+"
                        r"(?:said|says|added|told|wrote|explained)\b")


def _named_next(reg: Registry, np: NP, pos: int, doc: Doc) -> Entity | None:
    """'A Superior Court judge criticised …' then 'Justice Ana Holm directed …': a source described first
    and named in the next sentences, by its role ("judge" ~ "Justice") or as the next quote's speaker
    ("A spokeswoman for the minister said …" then '"…," said Ann Lee.'). None when no such name follows."""
    head = np.head
    last = np.text.rsplit(None, 1)[-1].lower()
    if last in ROLE_WORDS and head not in ROLE_WORDS:
        head = last  # "A Superior Court of Ontario judge" (but "a spokeswoman for the mayor")
    if head.endswith("s") or head in _DOC_SUBJECTS or head in _AUTHORED \
            or not (head in ROLE_WORDS or ROLE_SUFFIX.search(head)):
        return None
    # "judge" ~ "Justice"; but "an official" is no minister named next (the synonyms of a broad word are too many)
    heads = {head} | (ROLE_SYNONYMS.get(head, set()) if head not in ("official", "executive", "boss") else set())
    k = doc.sent_index(pos)
    text = doc.text
    for e in reg.upcoming(pos, 3):
        if e.unnamed or e.kind != "person":
            continue
        d = doc.sent_index(e.first) - k
        if d < 1:
            continue
        if d > 2:
            break
        roles = e.roles | {w for p in e.phrases for w in p.split()}
        if roles & heads:
            return e
        if head in SPOKES_WORDS and not (roles & ROLE_WORDS) and (_CUE_BEFORE.search(text, max(0, e.first - 40), e.first)
                                                             or _CUE_AFTER.match(text, e.first)):
            # a spokeswoman named as the next speaker, with no other role ("an analyst" is someone else; "a
            # resident said …" then '"…," said Ada Lund' may well be another resident)
            return e
    return None


_PLURAL_PHRASE = re.compile(r"(?<![\w\-’'])(?:(?:[a-z][\w\-]*|\d[\d,]*)\s+){0,3}[a-z][\w\-]*s\b")  # whole words


def _last_plural_people(doc: Doc, s: int, e: int) -> NP | None:
    """'… and several auto-industry executives have warned …' -> 'several auto-industry executives': the
    last lower-case phrase in the span whose head is people in the plural, followed by a verb."""
    best = None
    for m in _PLURAL_PHRASE.finditer(doc.text, s, e):
        words = m.group().split()
        head = words[-1]
        if not _plural_people(head) or not _rx(r"\s+(?:have|had|are|were|say|said|warn|warned|argue|argued|"
                                                 r"believe|claim|claimed|fear|feared|\w+ed)\b").match(doc.text, m.end()):
            continue
        # the phrase starts after the last word that cannot open it ("and", a verb, a preposition)
        keep = []
        for w in reversed(words[:-1]):
            if w in ("and", "or", "but", "that", "of", "to", "in", "on", "at", "for", "with") or w.endswith("ed"):
                break
            keep.append(w)
        keep.reverse()
        phrase = " ".join(keep + [head])
        start = m.end() - len(phrase)
        best = NP("desc", start, m.end(), phrase, head=head, mods=[w for w in keep if w not in DETERMINERS])
    return best


_GRAMMAR_WORDS = DETERMINERS | PRONOUN_WORDS.keys() | frozenset("you as each both all either neither".split())


def _grammar_only(np: NP) -> bool:
    """'His', 'Some', 'One', 'he’s': a name or description made of determiners and pronouns only (a
    phrase cut to its first word), which names no one; a title ('Ms.') is no such word."""
    return (np.kind == "name" or np.kind == "desc") and _grammar_words_only(np.text)


@lru_cache(maxsize=4096)
def _grammar_words_only(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[0].lower() not in _TITLE_ONLY and all(map(_function_word, words))


@lru_cache(maxsize=4096)
def _function_word(word: str) -> bool:
    """A determiner or a pronoun ('May' may be a name)."""
    w = word.lower().rstrip(".,;:")
    w = w[:-2] if w.endswith(("’s", "'s")) else w
    return w in _GRAMMAR_WORDS


def _plural_people(head: str) -> bool:
    """'officials', 'analysts', 'spokesmen': the plural of a noun for a person."""
    if head.endswith("men"):
        return head[:-3] + "man" in ROLE_WORDS
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) and (
        head[:-1] in ROLE_WORDS or bool(ROLE_SUFFIX.search(head[:-1])))


_IMPERATIVE_OBJECT = frozenset("the a an his her their our this these those".split())


def _a_common_word(doc: Doc, name: str, at: int) -> bool:
    """A one-word 'name' that opens its sentence or line, is a common English word, and that the article
    never writes capitalised inside a sentence, is that word, not a name."""
    word = name.strip()
    if " " in word or not word[:1].isupper() or not common_word(word):
        return False
    ss = doc.sent_of(at)[0]
    if doc.text[ss:at].strip(" \t\n\"“‘'«(—–-"):
        return False  # not at the start
    for i in _whole_word_at(doc.text, word):
        before = doc.text[max(0, i - 3):i].rstrip(" \"“‘'«(")
        if before and before[-1] not in ".!?:\n—–-" and doc.sent_of(i)[0] < i - 2:
            return False  # written capitalised mid-sentence elsewhere: a name there, a name here
    return True


def _lower_first(s: str) -> str:
    """'A government spokesperson' -> 'a government spokesperson'; 'Hungarian media' stays."""
    s = s.strip()
    first = s.split(" ", 1)[0] if s else ""
    if not s or (is_demonym(first) and first.lower() not in ROLE_WORDS) or (first.isupper() and len(first) > 1):
        return s
    if first.endswith(("’s", "'s")) and first[:1].isupper():
        return s  # "Holm's office": the owner is a name
    return s[:1].lower() + s[1:]


def _unnamed(reg: Registry, np: NP, pos: int) -> tuple[Entity, str]:
    name = _lower_first(np.text)
    e = reg.by_full.get("~" + name.lower())
    if e is None:
        e = Entity(name=name, kind="person", unnamed=True)
        e.roles.add(np.head)
        for m in np.mods:
            e.roles.add(m)
        first = name.split()[0].lower() if name else ""
        if np.head.endswith("s") and first not in ("a", "an", "one"):
            e.gender = "p"
            e.kind = "group"
        reg.by_full["~" + name.lower()] = e
        reg.entities.append(e)
    return e, name


def _absorb_roles(ent: Entity, ph: str) -> None:
    low, nats, roles, gender = _role_phrase(ph)
    ent.nat |= nats
    ent.roles |= roles
    if gender and not ent.gender:
        ent.gender = gender
    ent.phrases.add(low)


@lru_cache(maxsize=4096)
def _role_phrase(ph: str) -> tuple[str, frozenset[str], frozenset[str], str]:
    """A role phrase as _absorb_roles takes it in ('Prime Minister' comes with many quotes): the phrase in
    lower case, its nationality words, its other words, and the gender its first gendered word gives."""
    low = ph.lower()
    nats, roles = set(), set()
    gender = ""
    for w in _ROLE_PHRASE_WORD.findall(low):
        if w in ("the", "a", "an", "of", "for", "at"):
            continue
        if nationality_word(w):
            nats.add(w)
        else:
            roles.add(w)
        if not gender and (w in FEMALE_WORDS or w in MALE_WORDS):
            gender = "f" if w in FEMALE_WORDS else "m"
    return low, frozenset(nats), frozenset(roles), gender


_ROLE_PHRASE_WORD = re.compile(r"[\w\-]+")


def _pick(reg: Registry, pos: int, pred, any_mention: bool = False, subj_only: bool = False) -> Entity | None:
    """The most recent entity satisfying pred: by subject mentions first (unless any_mention), among the
    latest 61 of each kind."""
    if not any_mention:
        for e in islice(reversed(reg.rec_s), 61):
            if e.last_subj < pos and pred(e):
                return e
        if subj_only:
            return None
    for e in islice(reversed(reg.rec_m), 61):
        if (any_mention or e.last_subj < 0) and e.last_subj < pos and e.last_mention < pos and pred(e):
            return e
    return None
