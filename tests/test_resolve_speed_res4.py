"""_resolve touches the registry lazily (_touch_pending): only each entity's latest touch and latest touch
as a subject are made, and a mention's subject test is asked only where it decides one. The registry must
end up exactly as if every touch had been made in text order."""
import random

from tui.quotes.resolve import _SPEAKER, _touch_pending
from tui.quotes.speakers import Entity, Registry


def _state(reg: Registry, ents: list[Entity]):
    return ([ents.index(e) for e in reg.rec_s], [ents.index(e) for e in reg.rec_m],
            [(e.last_subj, e.last_mention) for e in ents])


def test_pending_touches_leave_the_registry_as_every_touch_in_order_would():
    rng = random.Random(7)
    subject: list[bool] = []  # by mention number (a mention tuple's last item here)
    asked: list[int] = []

    def is_subject(m: tuple) -> bool:
        asked.append(m[4])
        return subject[m[4]]

    for _ in range(300):
        ents = [Entity(name=f"E{i}") for i in range(rng.randint(1, 6))]
        eager, lazy = Registry(""), Registry("")
        pending: list[tuple] = []
        subject.clear()
        asked.clear()
        pos = 0
        for _ in range(rng.randint(0, 40)):
            pos += rng.randint(0, 3)  # positions rise (a speaker may share a mention's position)
            ent = rng.choice(ents)
            if rng.random() < 0.25:
                eager.touch(ent, pos, True)
                pending.append((pos, _SPEAKER, ent, True, -1))
            else:
                subj = rng.random() < 0.5
                eager.touch(ent, pos, subj)
                pending.append((pos, pos + 3, ent, True, len(subject)))
                subject.append(subj)
            if rng.random() < 0.2:  # a quote reads the registry
                _touch_pending(lazy, pending, is_subject)
                assert not pending
                assert _state(lazy, ents) == _state(eager, ents)
        _touch_pending(lazy, pending, is_subject)
        assert _state(lazy, ents) == _state(eager, ents)
        assert len(asked) == len(set(asked))  # each mention's test asked at most once
