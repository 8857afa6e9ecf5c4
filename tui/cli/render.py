"""Plain-text renderings for the CLI: the queue, the funnel, one prospect.

Columns are padded by terminal cell width, so Chinese, Armenian and Cyrillic
names keep them aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.rules.reach import plan_contact, reach_for
from leadline.tui.text import quota_words, reach_words, words
from leadline.tui.text.fmt import ago, day_text, deals, due_phrase, fit, money, money_exact
from leadline.tui.text.labels import (
    ROLE_LABELS,
    TOUCH_OUTCOME_LABELS,
    lifecycle_label,
    section_title,
    stage_label,
)
from leadline.tui.text.queue_words import due_cell, queue_title

if TYPE_CHECKING:
    from leadline.core.rules.queue import QueueItem


def queue_item_json(item: QueueItem, config: Config) -> dict[str, Any]:
    p = item.prospect
    doc: dict[str, Any] = {
        "id": p.id,
        "name": p.name,
        "reason": str(item.reason),
        "due": item.due.isoformat() if item.due else None,
        "stage": p.stage,
        "section": config.section_of(p.stage),
        "value": p.value,
        "channel": item.channel,
        "detail": item.detail,
    }
    if item.proposed_exit is not None:
        doc["proposed_exit"] = str(item.proposed_exit)
    if item.stop is not None:
        d = item.stop
        doc["stop"] = {
            "reasons": [str(r) for r in d.reasons],
            "unanswered": d.unanswered,
            "unanswered_limit": d.unanswered_limit,
            "days_silent": d.days_silent,
            "days_limit": d.days_limit,
            "since": str(d.anchor) if d.anchor else None,
        }
    if item.meeting is not None:
        doc["meeting"] = item.meeting.to_doc()
    doc["contact"] = reach_words.reach_doc(reach_for(item, config))
    return doc


def queue_text(items: Sequence[QueueItem], config: Config, today: date) -> str:
    if not items:
        return f"Nothing to follow up on {day_text(today)}."
    lines = [queue_title(today, len(items))]
    for reason in words.REASON_ORDER:
        group = [item for item in items if str(item.reason) == reason]
        if not group:
            continue
        lines.append("")
        lines.append(f"{words.REASON_TITLES[reason]} ({len(group)})")
        for item in group:
            p = item.prospect
            extra = reach_words.sheet_cell(reach_for(item, config))
            lines.append(
                f"  {p.id}  {fit(p.name, 26)} {fit(stage_label(config, p.stage), 14)} "
                f"{money(p.value, p.currency or config.currency):>7}  "
                f"{fit(due_cell(item, today), 16)} {extra}".rstrip()
            )
            if item.stop is not None:
                stop = words.stop_sentence(item.stop)
                lines.append(f"{'':12}propose {item.proposed_exit}: {stop}")
    return "\n".join(lines)


def funnel_text(data: dict[str, Any], config: Config) -> str:
    cur = config.currency
    lines = ["Funnel"]
    for section in data.get("sections", []):
        key = section.get("key", section.get("section", ""))
        guessed = section.get("estimated_deals", 0)
        lines.append(
            f"  {fit(section_title(str(key)), 16)} {deals(section['count']):>9} "
            f"{quota_words.marked(section['value'], cur, guessed):>8}  "
            f"weighted {money(section['weighted_value'], cur)}"
        )
        for stage in data["stages"]:
            if stage["section"] == key:
                value = quota_words.marked(stage["value"], cur, stage.get("estimated_deals", 0))
                lines.append(
                    f"    {fit(stage['name'], 16)} {stage['count']:>4} {value:>8}  "
                    f"weighted {money(stage['weighted_value'], cur)}"
                )
    quota = data["quota"]
    lines += [
        "",
        f"Quota {quota.get('period_label', '')}: target {money_exact(quota['target'], cur)}, "
        f"won {money_exact(quota['won'], cur)}, expected {money_exact(quota['expected'], cur)}, "
        f"gap {money_exact(quota['gap'], cur)}",
        *(
            f"  {line}"
            for line in quota_words.needed_lines(
                quota["new_pipeline_needed"],
                data["win_rate"],
                quota.get("new_leads_needed"),
                data.get("lead_to_won_rate", 0.0),
                data.get("average_deal_size"),
                cur,
            )
        ),
        f"  normal cycle {data['normal_cycle_days']} days; "
        f"{deals(len(data.get('best_few_test', [])))} best few",
    ]
    notes = [
        quota_words.slipped_sentence(quota.get("slipped_deals", 0), quota.get("slipped", 0), cur),
        quota_words.estimate_note(sum(s.get("estimated_deals", 0) for s in data["sections"])),
    ]
    lines += [f"  {note}" for note in notes if note]
    advice = data.get("advice", [])
    if advice:
        lines += ["", "Advice"]
        lines += [f"  - {words.advice_sentence(a['code'], a)}" for a in advice]
    lessons = data.get("icp_learning", [])
    if lessons:
        lines += ["", "What the ideal customer profile has learned"]
        lines += [f"  {line}" for line in quota_words.icp_lines(lessons)]
    return "\n".join(lines)


def list_text(prospects: Sequence[Prospect], config: Config) -> str:
    if not prospects:
        return "No prospects."
    return "\n".join(
        f"{p.id}  {fit(p.name, 30)} {fit(stage_label(config, p.stage), 16)} "
        f"{money(p.value, p.currency or config.currency):>7}"
        for p in prospects
    )


def warnings_text(found: Sequence[tuple[Prospect, Sequence[Any]]]) -> str:
    if not found:
        return "No warnings."
    lines = []
    for prospect, warnings in found:
        lines.append(f"{prospect.id}  {prospect.name}")
        lines += [f"  - {words.warning_line(w)}" for w in warnings]
    return "\n".join(lines)


def prospect_text(p: Prospect, warnings: Sequence[Any], config: Config, today: date) -> str:
    cur = p.currency or config.currency
    lines = [
        f"{p.name}  ({p.id})",
        f"  stage {stage_label(config, p.stage)} · {lifecycle_label(p.lifecycle)} · "
        f"value {money_exact(p.value, cur)}",
    ]
    if p.budget is not None or p.decision_timeframe:
        budget = money_exact(p.budget, cur) if p.budget is not None else "unknown"
        lines.append(f"  budget {budget} · timeframe {p.decision_timeframe or 'unknown'}")
    plan = p.plan
    lines.append(
        f"  next follow-up {due_phrase(plan.next_due, today)} by {plan.channel or 'any channel'}"
        + (f" with {person.name}" if (person := plan_contact(p)) else "")
        + (f", every {plan.interval_days} days (agreed)" if plan.agreed else "")
    )
    if p.lost_reason:
        lines.append(f"  reason closed: {p.lost_reason}")
    if p.contacts:
        lines.append("Contacts")  # numbered as `leadline contact edit PROSPECT N` counts
        for number, c in enumerate(p.contacts, 1):
            detail = " ".join(x for x in (c.title, c.email, c.phone) if x)
            role = fit(ROLE_LABELS[c.role], 16)
            lines.append(f"  {number}. {role} {c.name}  {detail}".rstrip())
    if warnings:
        lines.append("Warnings")
        lines += [f"  ! {words.warning_line(w)}" for w in warnings]
    events = [
        (
            t.date,
            f"{t.channel} {TOUCH_OUTCOME_LABELS[t.outcome]}" + (f": {t.note}" if t.note else ""),
        )
        for t in p.touches
    ]
    events += [(n.at.date(), f"note: {n.text}") for n in p.notes]
    if events:
        lines.append("Timeline")
        for when, text in sorted(events, key=lambda e: e[0], reverse=True)[:20]:
            lines.append(f"  {ago(when, today):<14} {text}")
    return "\n".join(lines)
