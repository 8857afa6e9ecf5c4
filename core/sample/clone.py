"""Big pipelines quickly: a new company on the timeline of an earlier prospect.

Past the first few thousand prospects the generator stops drawing timelines and
reuses those it has: dates, touches, stage history and plan repeat (shared
immutable objects, so memory stays low), while the company, every person,
address, phone, value and note text is drawn afresh. Funnel shapes and queue
mixes stay those of the full generator, at about a quarter of the cost.
"""

from __future__ import annotations

from datetime import date

from leadline.core.config.model import Section
from leadline.core.models import Meeting, Note, PenetrationPlan, Prospect
from leadline.core.sample.activity import approval_chain
from leadline.core.sample.build import ProspectBuilder
from leadline.core.sample.names import Locale
from leadline.core.sample.phrases import LOST_REASONS


def clone_prospect(
    builder: ProspectBuilder, proto: Prospect, locale: Locale, fit: bool
) -> Prospect:
    """`proto`'s history under a new name in `locale`; `fit` as for the original's ICP."""
    rng, people = builder.rng, builder.people
    name, domain, industry = people.company(locale, fit)
    contacts = people.renamed(proto.contacts, locale, domain)
    value = builder.value(big=False)
    budget = None
    if proto.budget is not None and proto.value:
        budget = float(round(proto.budget * value / proto.value / 500) * 500)
    pen = proto.penetration
    if pen.approval_chain:
        chain = approval_chain(contacts)
        chain += pen.approval_chain[len(chain) :]  # "Board" and the like stay
        pen = PenetrationPlan(chain, pen.needs, pen.objections, pen.risks)
    note_text, who = builder.activity.note_text, contacts[0].name
    history = proto.stage_history

    def section(day: date) -> Section:
        """The funnel section the deal was in on `day` (notes fit the moment)."""
        key = next((e.stage for e in reversed(history) if e.date <= day), history[0].stage)
        stage = builder.config.stage(key)
        return stage.section if stage else Section.IN

    return Prospect(
        id=builder.new_id(),
        name=name,
        stage=proto.stage,
        created=proto.created,
        updated=proto.updated,
        lifecycle=proto.lifecycle,
        value=value,
        currency=proto.currency,
        budget=budget,
        decision_timeframe=proto.decision_timeframe,
        expected_close=proto.expected_close,
        qualification=dict(proto.qualification),
        decision_maker_confirmed=proto.decision_maker_confirmed,
        contacts=contacts,
        plan=proto.plan,
        touches=proto.touches,
        notes=tuple(Note(n.at, note_text(contacts, section(n.at.date()))) for n in proto.notes),
        stage_history=proto.stage_history,
        meetings=tuple(Meeting(m.date, m.title, m.time, who) for m in proto.meetings),
        penetration=pen,
        icp=people.icp(industry, locale.region, fit),
        tags=proto.tags,
        lost_reason=rng.choice(LOST_REASONS) if proto.lost_reason else "",
    )
