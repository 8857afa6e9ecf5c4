"""The funnel summary as plain JSON (for `leadline funnel --json`).

Money is rounded to cents and shares to four decimals so the output stays
readable; dates are ISO strings; money is in the configured `currency`. Shape::

    {today, currency, stages: [{key, name, section, count, value, weighted_value,
                                estimated_deals}],
     sections: [{key, section, count, value, weighted_value, estimated_deals}],
     outcomes: [{key, count, value}],
     quota: {period, period_label, start, end, target, won, won_deals, expected,
             expected_deals, expected_estimated_deals, slipped, slipped_deals, gap,
             new_pipeline_needed (null at a zero win rate),
             new_leads_needed (null when the deal size or lead rate is unknown)},
     win_rate, win_rate_from_history, closed_deals: {won, lost, dead},
     lead_to_won_rate, lead_to_won_from_history,
     average_deal_size (null when unknown), average_deal_size_from_wins,
     normal_cycle_days, normal_cycle_from_history, best_few_test: [ids],
     not_really_best_few: [ids],
     conversion: {steps: [{from, to, entered, converted, rate}], meeting_to_won: {...} | null},
     meetings_next_14_days, advice: [{code, ...numbers}],
     cost_of_chasing: {minutes, deals},
     icp_learning: [{attribute, label, met_won, met_closed, met_rate,
                     unmet_won, unmet_closed, unmet_rate}],
     time_allocation: {start, end, window_days, total_minutes, other_minutes,
                       sections: [{section, minutes, share, target}]}}

`estimated_deals` counts the deals valued at their budget (value 0): the value is
partly an estimate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leadline.core.rules.allocation import WINDOW_DAYS

if TYPE_CHECKING:
    from leadline.core.rules.funnel.summary import Bucket, FunnelSummary
    from leadline.core.rules.history import Conversion
    from leadline.core.rules.icp_learning import IcpLesson
    from leadline.core.rules.quota import QuotaStatus


def _money(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _bucket(b: Bucket) -> dict[str, Any]:
    return {
        "key": b.key,
        "name": b.name,
        "section": b.section.value if b.section else None,
        "count": b.count,
        "value": _money(b.value),
        "weighted_value": _money(b.weighted_value),
        "estimated_deals": b.estimated,
    }


def _conversion(c: Conversion | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "from": c.from_stage,
        "to": c.to_stage,
        "entered": c.entered,
        "converted": c.converted,
        "rate": _share(c.rate),
    }


def _quota(q: QuotaStatus) -> dict[str, Any]:
    return {
        "period": q.period.value,
        "period_label": q.label,
        "start": q.start.isoformat(),
        "end": q.end.isoformat(),
        "target": _money(q.target),
        "won": _money(q.won),
        "won_deals": q.won_deals,
        "expected": _money(q.expected),
        "expected_deals": q.expected_deals,
        "expected_estimated_deals": q.expected_estimated,
        "slipped": _money(q.slipped),
        "slipped_deals": q.slipped_deals,
        "gap": _money(q.gap),
        "new_pipeline_needed": _money(q.new_pipeline_needed),
        "new_leads_needed": q.new_leads_needed,
    }


def _lesson(lesson: IcpLesson) -> dict[str, Any]:
    return {
        "attribute": lesson.attribute,
        "label": lesson.label,
        "met_won": lesson.met_won,
        "met_closed": lesson.met_closed,
        "met_rate": _share(lesson.met_rate),
        "unmet_won": lesson.unmet_won,
        "unmet_closed": lesson.unmet_closed,
        "unmet_rate": _share(lesson.unmet_rate),
    }


def _number(value: object) -> object:
    return round(value, 4) if isinstance(value, float) else value


def funnel_to_json(summary: FunnelSummary, currency: str = "") -> dict[str, Any]:
    """The summary as JSON-ready dicts and lists (shape in the module docstring)."""
    s, t = summary, summary.time_allocation
    sections = [{**_bucket(b), "section": b.key} for b in s.sections]
    return {
        "today": s.today.isoformat(),
        "currency": currency,
        "stages": [_bucket(b) for b in s.stages],
        "sections": [{k: v for k, v in b.items() if k != "name"} for b in sections],
        "outcomes": [
            {"key": b.key, "count": b.count, "value": _money(b.value)} for b in s.outcomes
        ],
        "quota": _quota(s.quota),
        "win_rate": _share(s.win_rate.rate),
        "win_rate_from_history": s.win_rate.from_history,
        "closed_deals": {"won": s.win_rate.won, "lost": s.win_rate.lost, "dead": s.win_rate.dead},
        "lead_to_won_rate": _share(s.lead_to_won.rate),
        "lead_to_won_from_history": s.lead_to_won.from_history,
        "average_deal_size": _money(s.deal_size.amount),
        "average_deal_size_from_wins": s.deal_size.from_wins,
        "normal_cycle_days": s.normal_cycle.days,
        "normal_cycle_from_history": s.normal_cycle.from_history,
        "best_few_test": list(s.best_few_ids),
        "not_really_best_few": list(s.not_really_best_few_ids),
        "conversion": {
            "steps": [_conversion(c) for c in s.conversion],
            "meeting_to_won": _conversion(s.meeting_to_won),
        },
        "meetings_next_14_days": s.meetings_next_14_days,
        "advice": [
            {"code": a.code.value, **{k: _number(v) for k, v in a.numbers.items()}}
            for a in s.advice
        ],
        "cost_of_chasing": {"minutes": s.chasing_minutes, "deals": s.chasing_deals},
        "icp_learning": [_lesson(lesson) for lesson in s.icp_lessons],
        "time_allocation": {
            "start": t.start.isoformat(),
            "end": t.end.isoformat(),
            "window_days": WINDOW_DAYS,
            "total_minutes": t.total_minutes,
            "other_minutes": t.other_minutes,
            "sections": [
                {
                    "section": e.section.value,
                    "minutes": e.minutes,
                    "share": _share(e.share),
                    "target": e.target,
                }
                for e in t.sections
            ],
        },
    }
