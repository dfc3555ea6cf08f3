"""speakers.py's name scan and registry in their faster forms give what the plain forms gave: checked against
those plain forms on texts built from the words the patterns and tests are about."""
import bisect
import random
import re

from tui.quotes import speakers as S
from tui.quotes.spans import find_spans
from tui.quotes.text import sentences


def _pieces(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    out, end = [], 0
    while (m := pattern.search(text, end)) is not None:
        start, end = m.span(1)
        out.append((start, end))
    return out


_SCAN_WORDS = ["Mr.", "Mrs.", "Mr", "Dr.", "Gen.", "U.S.", "U.", "É.", "Cmdr.", "Smith", "O’Brien", "O'Neil", "Jean-Paul",
               "Jean-", "The", "THE", "He", "It’s", "It's", "Then", "Theresa", "of", "the", "and", "de", "del", "del",
               "van", "der", "y", "&", "said", "Lund’s", "Farmers’", "Farmers'", "Union", "NATO", "A.B.C.", "St.", "Élodie",
               "ÉLODIE", "élodie", "Ми", "ми", "ß", "X2", "Abc_d", "b", "-", "’", "'", ",", ".", "\n", "“"]


def _scan_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_SCAN_WORDS) + rnd.choice([" ", " ", "", "\t", "  "]) for _ in range(rnd.randint(1, 14)))


def test_name_scan_with_possessive_repeats_as_with_greedy_ones():
    plain_src = S._NAME_SCAN.pattern.replace("++", "+").replace("*+", "*").replace("}+", "}")
    assert plain_src != S._NAME_SCAN.pattern and "*+" not in plain_src and "++" not in plain_src
    plain = re.compile(plain_src)
    rnd = random.Random(61)
    for _ in range(6000):
        text = _scan_text(rnd)
        assert _pieces(S._NAME_SCAN, text) == _pieces(plain, text), text


def test_name_scan_as_name_re_with_its_stop_words():
    """The scan against NAME_RE itself (its lookaheads, greedy repeats), only the lone stop words added."""
    from tui.quotes.text import _CONNECT, NAME_RE, UP, _trie_regex
    src = NAME_RE.pattern
    lb = "(?<![\\w’'])"
    i = src.index(lb) + len(lb)
    neg = (r"(?!(?:" + _trie_regex(sorted(S.STOP_RAW)) + r")(?![^\W_]|[’'\-.]|[’'][ \t]+" + UP + r")(?![ \t]+(?:"
           + _CONNECT + r"[ \t]+)*" + UP + r"))")
    plain = re.compile("(?=(" + src[:i] + neg + src[i:] + "))" + UP)
    rnd = random.Random(63)
    for _ in range(6000):
        text = _scan_text(rnd)
        assert _pieces(S._NAME_SCAN, text) == _pieces(plain, text), text


# build_registry as it was: the sentence and the quotation span of each mention looked up by walks run at each
# mention, the name table asked for every piece
# (a frozen copy, to prove the rewrite changed nothing: when build_registry is changed on purpose, delete it and
# its test rather than edit the copy)
def _plain_build_registry(text: str, sents: list[tuple[int, int]], spans: list) -> tuple[S.Registry, list]:
    """First pass: every capitalised name sequence -> entity; roles and gender from context.

    Returns the registry and the list of name mentions (start, end, entity, np_roles) in text order."""
    reg = S.Registry(text)
    mentions = []
    seen: dict[S.Entity, int] = {}
    known: dict[tuple, tuple] = {}  # (raw, at_start, piece starts the match) -> (entity, offset, length)
    nsent = len(sents)
    k = -1
    nspans = len(spans)
    q = -1  # the last quotation span opened at or before the mention

    def in_quote(pos: int) -> bool:  # as Doc.span_at, walking along instead of searching
        nonlocal q
        while q + 1 < nspans and spans[q + 1].open <= pos:
            q += 1
        if q < 0:
            return False
        sp = spans[q]
        return sp.open < pos < sp.close or (not sp.closed and sp.open < pos <= sp.close)

    # an organisation named in full with its acronym: the acronym names it too, by its full name
    acr = S._acronyms(text)
    acr_ents = []
    for a_s, _a_e, full, short in acr:
        whole = reg.entity_for(full, "org")
        whole.first = a_s if whole.first < 0 else whole.first
        reg.by_full[S._key(short)] = whole
        acr_ents.append(whole)
    acr_starts = [a[0] for a in acr]

    for s0, e0, raw, m_start in S._name_pieces(text):
        if raw in S.STOP_RAW:
            continue  # "The", "In", "But": never a name on their own
        if text[s0 - 2:s0] == ", " and S._state_after_place(text, s0, e0):
            continue  # "Ont." in "Brampton, Ont.": the rest of a place, no one to quote
        s = s0
        while k + 1 < nsent and sents[k + 1][0] <= s:
            k += 1  # mentions come in text order: walk the sentences along
        if acr:
            j = bisect.bisect_right(acr_starts, s) - 1
            if j >= 0 and s < acr[j][1]:
                # a piece of a full name given with its acronym ("Refugees and Citizenship Canada")
                whole = acr_ents[j]
                whole.count += 1
                mentions.append((acr[j][0], acr[j][1], whole, not in_quote(s), k))
                if " " in raw.strip():
                    reg.by_full.setdefault(S._key(raw.strip()), whole)  # not "Manafort" of "Black, Manafort, Stone"
                continue
        ss = sents[k][0] if k >= 0 else 0
        # sentence-initial: also after an opening quotation mark
        at_start = s == ss or (s - ss < 4 and text[ss:s].strip() in ("\"", "“", "‘", "«", "'", "„", "("))
        kk = (raw, at_start, s == m_start)
        # only names of two words or more are kept there (NAME_RE parts words with spaces or tabs)
        hit = known.get(kk) if " " in raw or "\t" in raw else None
        if hit is not None:
            ent, off, ln = hit
            ent.count += 1
            ns = s + off
            mentions.append((ns, ns + ln, ent, not in_quote(s), k))
            cnt = seen.get(ent, 0)
            if cnt < 2:
                seen[ent] = cnt + 1
                S._context_roles(text, s, ns + ln, ent, ss, sents[k][1] if k >= 0 else len(text))
            continue
        c = S._SEQ_CACHE.get(raw) or S.name_seq(raw)
        if c[0] is None:
            continue
        r, seq, (roles, name, kind), first_gender = c
        s = s + r[0]
        if at_start and " " not in seq and s == m_start and seq.lower() in S.STOP_CAPS:
            continue
        if not name:
            continue
        # a single sentence-initial capitalised word is a name only if seen elsewhere
        if at_start and s == m_start and " " not in name and not roles:
            kind = kind if kind != "group" else "unknown"  # "Schools stayed shut": a plural noun, no group
        ns = s + seq.rfind(name) if name else s
        ent = reg.entity_for(name, kind)
        if kind == "person" and ent.kind == "unknown":
            ent.kind = "person"
        for r_ in roles:
            if S.nationality_word(r_):
                ent.nat.add(r_)
            else:
                ent.roles.add(r_)
        if roles:
            ent.phrases.add(" ".join(roles))
        if roles and roles[0] in S.MALE_WORDS:
            ent.gender = ent.gender or "m"
        elif roles and roles[0] in S.FEMALE_WORDS:
            ent.gender = ent.gender or "f"
        if not ent.gender and ent.kind != "org" and first_gender:
            ent.gender, ent.gender_guessed = first_gender, True
            ent.kind = "person"
        if roles and ent.kind == "unknown":
            ent.kind = "person"
        mentions.append((ns, ns + len(name), ent, not in_quote(s), k))
        ent.count += 1
        if " " in name:
            known[kk] = (ent, ns - s, len(name))  # a single word is looked up each time (see S.Registry.lookup)
        if ent.first < 0:
            ent.first = ns
        cnt = seen.get(ent, 0)
        if cnt < 2:
            seen[ent] = cnt + 1
            S._context_roles(text, s, ns + len(name), ent, ss, sents[k][1] if k >= 0 else len(text))
    return reg, mentions


_REG_WORDS = ["Ada Lund", "Lund", "Ms. Lund", "Dr. Ada Lund", "Tomas", "Tomas Brekke", "Brekke", "Kim", "Kim Jong-un",
              "Trade Minister Lena Fosse", "Fosse", "Norvik Shipping", "Norvik Shipping CEO Ada Lund", "the Norvik group",
              "Immigration, Refugees and Citizenship Canada", "IRCC", "The", "He", "She", "said", "says", "told",
              "striker", "his Russian counterpart", "Brampton, Ont.", "Schools", "Sharks", "First Nations", "Acme Corp.",
              "the company", "a spokeswoman for", "who", "which", ",", ", 58,", ", a political scientist at Yale,",
              "the group’s director, ", "Hollin & Marsh", "Ostria’s", "According to", "In", "“", "”", "\"", "(", ")",
              ".", ". ", "\n\n", "Nadia Orlov and Peter Hahn", "Ministry of Energy and Mines", "Ted Cruz", "Cruz",
              "Trump University", "Trump", "O’Brien", "Farmers’ Union"]


def _registry_state(reg, mentions):
    ents = {id(e): i for i, e in enumerate(reg.entities)}
    return ([(e.name, e.kind, e.gender, e.gender_guessed, sorted(e.roles), sorted(e.phrases), sorted(e.nat), e.first, e.count)
             for e in reg.entities],
            [(m[0], m[1], ents.get(id(m[2]), m[2].name), m[3], m[4]) for m in mentions],
            sorted((k, ents.get(id(e), e.name)) for k, e in reg.by_full.items()))


def test_build_registry_walking_along_as_looking_up():
    rnd = random.Random(62)
    for _ in range(1500):
        text = " ".join(rnd.choice(_REG_WORDS) for _ in range(rnd.randint(1, 40)))
        spans = find_spans(text)
        sents = sentences(text, spans, [s.open for s in spans])
        assert _registry_state(*S.build_registry(text, sents, spans)) == \
            _registry_state(*_plain_build_registry(text, sents, spans)), text


def test_acronym_or_run_with_ascii_letters_spelled_out_as_with_w():
    plain = re.compile(S._ACRONYM_OR_RUN.pattern.replace(S._WORD_CHAR, r"[\w’'\-]"))
    assert plain.pattern != S._ACRONYM_OR_RUN.pattern
    rnd = random.Random(64)
    words = ["Alpha", "Beta", "Cedar", "Anglo-Bex", "O’Dell", "Bo'DEF", "Abc_DEF", "Ab1", "Élan", "Zö", "Ab²", "ABC", "of", "the",
             "on", "&", "and", "x", ",", "-", "_", "’", "\t"]
    for _ in range(6000):
        text = "".join(rnd.choice(words) + rnd.choice([" ", "", ", "]) for _ in range(rnd.randint(1, 12)))
        assert [m.span(1) + m.span() for m in S._ACRONYM_OR_RUN.finditer(text)] == \
            [m.span(1) + m.span() for m in plain.finditer(text)], text
