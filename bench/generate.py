"""A synthetic news collection for benchmarks: deterministic, realistic enough.

Articles are .txt files in the seed format (` date YYYY-MM-DD By Outlet`, blank,
`By Author`, blank, body), ~4 KB each, with ~10 quotes in varied styles: direct
quotes with `X said`, split quotes, `According to X, ...`, indirect
`X said that ...`, `X said: "..."`, and pronouns. A few thousand speakers with
first and last names; a Zipf-distributed vocabulary of real and made-up words.
"""
from __future__ import annotations

import bisect
import itertools
import os
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

FIRST = """Anna Maria Elena Sofia Olga Irina Natalia Leyla Aylin Fatima Amina Sara Laura Julia Clara Marta Ines
Lucia Paula Nadia Yasmin Mei Yuki Aiko Priya Anjali Kavya Grace Emily Hannah Chloe Zoe Ruth Esther Miriam
Ingrid Astrid Freya Sigrid Katarzyna Agnieszka Zofia Petra Jana Eva Lena Nina Vera Daria Alina Milena
Sergey Sergei Ivan Dmitry Pavel Nikolai Jeyhun Ilham Rashad Elnur Tural Murat Emre Kemal Mehmet Ali Omar
Hassan Karim Yusuf Tariq Rahul Arjun Vikram Ravi Wei Jun Hiroshi Kenji Takeshi John James Robert Michael
David Richard Thomas Charles Daniel Matthew Andrew Peter Paul Mark George Edward Henry Jack Samuel Lars
Erik Nils Jonas Tomas Piotr Marek Jan Karel Luca Marco Giovanni Pierre Jean Louis Carlos Miguel Jose Pedro
Juan Diego Rafael Antonio Manuel Felipe Khamis Kwame Kofi Chinedu Tunde Sipho Thabo""".split()

SURNAMES = """Lavrov Bayramov Aliyev Mammadov Huseynov Guliyev Ivanov Petrov Smirnov Kuznetsov Popov Sokolov
Novak Kowalski Nowak Wisniewski Wrona Dvorak Horvat Kovac Rossi Russo Ferrari Esposito Bianchi Romano Garcia
Martinez Lopez Gonzalez Rodriguez Fernandez Perez Sanchez Ramirez Torres Silva Santos Oliveira Costa Pereira
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Dubois Martin Bernard Durand
Lefebvre Moreau Laurent Simon Michel Leroy Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson
Taylor Thomas Moore Jackson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams
Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy
Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks
Bennett Gray James Hughes Price Sanders Myers Long Ross Foster Yilmaz Kaya Demir Sahin Celik Yildiz Aydin
Ozturk Arslan Dogan Khan Ahmed Hussain Rahman Sharma Patel Singh Kumar Gupta Reddy Nair Wang Li Zhang Liu
Chen Yang Huang Zhao Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Okafor Mensah
Owusu Adeyemi Nkosi Dlamini Juma Mwangi Otieno Hansen Johansen Larsen Andersen Nielsen Jensen Eriksson
Lindqvist Virtanen Korhonen Nieminen Makinen Papadopoulos Georgiou Nikolaidis Kovalenko Shevchenko Bondarenko
Tkachenko Melnyk Abdullayev Rahimov Karimov Nazarbayev Tokayev Berdimuhamedov Mirziyoyev Pashinyan""".split()

OUTLETS = """Azernews|Caspian Post|Harbour Gazette|Lakeland Wire|Northern Herald|Daily Meridian|Capital Ledger|
Coastal Times|Valley Courier|Metro Chronicle|Global Dispatch|Evening Standard Review|Steppe Observer|
Island Times|Frontier Journal|Continental Report""".replace("\n", "").split("|")

PLACES = """Baku Ashgabat Moscow Tehran Astana Tbilisi Yerevan Ankara Berlin Paris London Madrid Rome Warsaw
Prague Vienna Brussels Geneva Oslo Stockholm Helsinki Athens Kyiv Cairo Nairobi Lagos Delhi Beijing Tokyo
Seoul Jakarta Sydney Ottawa Washington Brasilia Lima Bogota Zanzibar Doha Dubai Riyadh Tashkent Bishkek""".split()

ROLES = """foreign minister|economy minister|prime minister|president|spokesperson|central bank governor|
energy minister|mayor|union leader|chief executive|defence minister|health minister|analyst|professor|
ambassador|trade envoy|port director|police chief|party leader|environment minister""".replace("\n", "").split("|")

TOPICS = """summit|trade deal|ceasefire|pipeline|election|budget|strike|flood|drought|vaccine rollout|
rail link|port expansion|tax reform|energy crisis|border talks|climate accord|fishing quotas|grain exports|
wage dispute|housing plan|bridge closure|water shortage|cyber attack|satellite launch|oil price|
interest rates|refugee policy|court ruling|hospital waits|school reform""".replace("\n", "").split("|")

COMMON = """the of and to in a that is for on it with as was at by be this have from or had not but are
they we which an their has were been more will would there all its who can one also after said new than
first two about up over into other some could time year years people government country countries said
would should week month today last next state states national public officials plans talks meeting
agreement cooperation economic security support region regional international development issues process
important significant future result results project projects sides parties leaders minister ministry
question questions decision decisions number level high major further already still however while during
between against under through before since without across around within among both each every several
many most much such only even well back way part place case point group work system program problem fact
market markets prices growth investment energy gas oil trade transport infrastructure water power capacity
sea coast border city region province capital parliament court police army union company companies bank
report reports data figures percent million billion dollars euros share rise fall increase decrease plan
policy law laws rules reform reforms vote votes election campaign crisis conflict peace war relations
ties dialogue partners partnership framework convention treaty ratification littoral delegation visit
conference statement press announcement deal negotiations commission committee council agency service
services health schools hospitals workers families residents farmers businesses investors experts
analysts observers critics supporters opponents officials authorities ministers diplomats lawmakers""".split()

SYLLABLES = """ka ri to me sa lo ne vi da ru po li ta mo be na gu ze fi ro la ve di ko su pa te ma ni bo
ga lu sho chi ar en or il an el ur on is at om ex in""".split()

PRONOUN = {"she": set(FIRST[:55])}  # the first names above that are women's


@dataclass
class Speaker:
    first: str
    last: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.first in PRONOUN["she"] else "he"


@dataclass
class Generated:
    """What the benchmark needs to know about the collection (a sample, not all of it)."""

    speakers: list[Speaker]
    titles: list[str] = field(default_factory=list)  # a sample
    quotes: list[str] = field(default_factory=list)  # a sample
    bodies: list[str] = field(default_factory=list)  # a sample, for timing the engine


def _made_up_words(rng: random.Random, n: int) -> list[str]:
    out, seen = [], set(COMMON)
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _made_up_surnames(rng: random.Random, n: int) -> list[str]:
    endings = ["ov", "ova", "ev", "ski", "son", "sen", "escu", "idis", "enko", "yan", "ez", "ini", "oglu", "berg", "man"]
    out, seen = [], set(SURNAMES)
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) + rng.choice(endings)
        w = w.capitalize()
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Collection:
    def __init__(self, seed: int = 5, n_speakers: int = 3000, vocabulary: int = 30000):
        self.rng = rng = random.Random(seed)
        surnames = SURNAMES + _made_up_surnames(rng, 1200)
        pairs = set()
        self.speakers: list[Speaker] = []
        while len(self.speakers) < n_speakers:
            first, last = rng.choice(FIRST), rng.choice(surnames)
            if (first, last) in pairs:
                continue
            pairs.add((first, last))
            self.speakers.append(Speaker(first, last, rng.choice(ROLES)))
        # The Caspian summit people, so that `lavorv` and `bayr` have targets.
        self.speakers[0] = Speaker("Sergey", "Lavrov", "foreign minister")
        self.speakers[1] = Speaker("Jeyhun", "Bayramov", "foreign minister")
        # Zipf-ish word pool: common words first, then a long tail.
        self.words = COMMON + [w for t in TOPICS for w in t.split()] + PLACES * 2 + _made_up_words(rng, vocabulary)
        weights = [1.0 / (i + 8) ** 1.15 for i in range(len(self.words))]
        # A long pre-drawn stream of words; sentences are random slices of it (fast).
        self.pool = rng.choices(self.words, weights=weights, k=1 << 20)
        # Speakers' popularity is Zipf-like too.
        sw = [1.0 / (i + 3) for i in range(len(self.speakers))]
        self.speaker_cum = list(itertools.accumulate(sw))

    def _words(self, k: int) -> list[str]:
        j = self.rng.randrange(len(self.pool) - k)
        return self.pool[j : j + k]

    def _speaker(self) -> Speaker:
        cum = self.speaker_cum
        return self.speakers[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def _clause(self, topic: str, place: str, k: int) -> str:
        ws = self._words(k)
        ws.insert(self.rng.randrange(len(ws) + 1), topic)
        if self.rng.random() < 0.4:
            ws.insert(self.rng.randrange(len(ws) + 1), place)
        return " ".join(ws)

    def _sentence(self, topic: str, place: str, k: int = 14) -> str:
        s = self._clause(topic, place, k)
        return s[0].upper() + s[1:] + "."

    def _quote_text(self, topic: str, place: str) -> str:
        rng = self.rng
        parts = [self._sentence(topic, place, rng.randint(8, 18)) for _ in range(rng.randint(1, 2))]
        return " ".join(parts)

    def article(self, i: int) -> tuple[str, str, list[str], list[Speaker]]:
        """(file text, title-ish lede, quotes, speakers) of article i."""
        rng = self.rng
        topic, place = rng.choice(TOPICS), rng.choice(PLACES)
        if i % 97 == 0:
            topic, place = "Caspian summit", "Ashgabat"
        day = date(2020, 1, 1) + timedelta(days=i * 3 // 100)
        outlet = rng.choice(OUTLETS)
        author = self._speaker()
        people = list({id(sp): sp for sp in (self._speaker() for _ in range(rng.randint(2, 4)))}.values())
        rng.shuffle(people)
        lead = people[0]
        lede = (
            f"{place} {rng.choice(['hosts', 'faces', 'debates', 'prepares for', 'braces for', 'welcomes'])} "
            f"{topic} as {lead.role} {lead.name} {rng.choice(['warns', 'calls for', 'promises', 'rejects', 'backs'])} "
            f"{' '.join(self._words(rng.randint(3, 6)))}."
        )
        paragraphs = [lede]
        quotes: list[str] = []
        introduced: set[str] = set()
        last_speaker = None
        while len(quotes) < 10:
            sp = rng.choice(people)
            full = sp.name not in introduced
            who = f"{sp.role} {sp.name}" if full else sp.last
            introduced.add(sp.name)
            q = self._quote_text(topic, place)
            style = rng.random()
            if style < 0.3:
                text = f"“{q[:-1]},” {who[0].upper() + who[1:]} said." if full else f"\"{q[:-1]},\" {sp.last} said."
                quotes.append(q[:-1])
            elif style < 0.45:
                q2 = self._quote_text(topic, place)
                text = f"\"{q[:-1]},\" {sp.last if not full else sp.name} said. \"{q2}\""
                quotes += [q[:-1], q2]
            elif style < 0.55:
                text = f"According to {sp.last if not full else sp.name}, {self._clause(topic, place, rng.randint(10, 18))}."
                quotes.append(text)
            elif style < 0.7:
                text = f"{(sp.last if not full else sp.name)} said that {self._clause(topic, place, rng.randint(10, 18))}."
                quotes.append(text)
            elif style < 0.82 and last_speaker is sp:
                text = f"\"{q[:-1]},\" {sp.pronoun} said."
                quotes.append(q[:-1])
            else:
                text = f"{sp.name if full else sp.last} said: \"{q}\""
                quotes.append(q)
            last_speaker = sp
            paragraphs.append(text)
            for _ in range(rng.randint(0, 1)):
                paragraphs.append(" ".join(self._sentence(topic, place, rng.randint(10, 20)) for _ in range(rng.randint(1, 3))))
        body = "\n\n".join(paragraphs)
        while len(body) < 3300:
            body += "\n\n" + " ".join(self._sentence(topic, place) for _ in range(3))
        text = f" date {day.isoformat()} By {outlet}\n\nBy {author.name}\n\n{body}\n"
        return text, lede, quotes, people

    def sample(self, n: int) -> Generated:
        """What `write` returns, without writing (same seed, same articles)."""
        return self.write(None, n)

    def write(self, folder: str | None, n: int, sample_every: int | None = None) -> Generated:
        """Write n articles into folder (1,000 per subfolder); keep a sample for queries."""
        sample_every = sample_every or max(1, n // 400)
        out = Generated(self.speakers)
        for i in range(n):
            text, lede, quotes, _ = self.article(i)
            if folder is not None:
                sub = os.path.join(folder, f"{i // 1000:04d}")
                if i % 1000 == 0:
                    os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, f"a{i:06d}.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
            if i % sample_every == 0:
                out.titles.append(lede)
                out.quotes.extend(quotes[:2])
                if len(out.bodies) < 1000:
                    out.bodies.append(text.split("\n\n", 2)[2])
        return out


def huge_article(quotes: int = 10_000, size: int = 1_000_000, seed: int = 7, people: list[Speaker] | None = None,
                 day: str = "2001-01-01") -> str:
    """One article of about `size` characters with `quotes` direct quotes (the reader's worst case),
    in the seed format: each quote its own paragraph; by a dozen speakers, or by `people`."""
    rng = random.Random(seed)
    people = people or [Speaker(rng.choice(FIRST), rng.choice(SURNAMES), rng.choice(ROLES)) for _ in range(12)]
    words = COMMON + PLACES
    per_quote = size // quotes
    paragraphs = [f"Officials from {len(people)} countries met in Baku as the long summit went on."]
    introduced: set[str] = set()
    for i in range(quotes):
        sp = people[i % len(people)] if i % 3 else rng.choice(people)
        who = sp.last if sp.name in introduced else f"{sp.role} {sp.name}"
        introduced.add(sp.name)
        tail = f",” {who} said."
        n = max(4, per_quote - len(tail) - 3)
        text = []
        while sum(len(w) + 1 for w in text) < n:
            text.append(rng.choice(words))
        sentence = " ".join(text)[:n].rstrip()
        paragraphs.append(f"“{sentence[0].upper()}{sentence[1:]}{tail}")
    body = "\n\n".join(paragraphs)
    title = f"The longest summit report on record, part {seed}"
    return f" date {day} By Bench Wire\n\nBy Bench Writer\n\n{title}\n\n{body}\n"


# The speaker of `write_huge`'s 100,000 quotes.
PROLIFIC = Speaker("Ingrid", "Tarrowby", "spokesperson")


def write_huge(folder: str, quotes: int = 10_000, articles: int = 10) -> None:
    """The app's worst cases: a 1 MB article with 10,000 quotes, and ten articles with 10,000
    quotes each by one speaker (100,000 quotes), all dated long ago (the end of the list).
    Smaller with `quotes` (per article) and `articles`."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "huge.txt"), "w", encoding="utf-8") as f:
        f.write(huge_article(quotes, size=100 * quotes))
    for k in range(articles):
        with open(os.path.join(folder, f"prolific{k}.txt"), "w", encoding="utf-8") as f:
            f.write(huge_article(quotes, size=60 * quotes, seed=100 + k, people=[PROLIFIC], day=f"2000-01-{k + 1:02d}"))
