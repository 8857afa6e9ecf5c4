"""What the detail screen says about a prospect, section by section.

Pure functions from (prospect, config, today) to Rich renderables, so the
wording is testable without an app. Core codes become sentences here (via
`leadline.tui.text.words`), never in core. The contacts are in detail_contacts.py.
"""

from __future__ import annotations

from datetime import date

from rich.console import RenderableType
from rich.text import Text

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.rules.followup import (
    effective_channel,
    effective_interval,
    is_qualified,
)
from leadline.core.rules.icp import icp_score
from leadline.core.rules.pipeline import PipelineFacts
from leadline.core.rules.reach import plan_contact
from leadline.core.rules.touches import silence
from leadline.core.rules.warnings import warnings_for
from leadline.tui.dialogs.base import stage_label
from leadline.tui.text import words
from leadline.tui.text.fmt import ago, day_label, day_text, money_exact
from leadline.tui.text.labels import lifecycle_label


def header_line(p: Prospect, config: Config) -> str:
    """Stage, lifecycle and ICP score, for the top bar."""
    section = config.section_of(p.stage)
    where = f" ({section.value.replace('_', ' ')})" if section else ""
    life = lifecycle_label(p.lifecycle)
    return f"{stage_label(config, p.stage)}{where} · {life} · ICP {icp_score(p, config)}"


def money_line(p: Prospect, config: Config) -> str:
    """Value, budget, timeframe and expected close, for the top bar."""
    currency = p.currency or config.currency
    budget = money_exact(p.budget, currency) if p.budget is not None else "unknown"
    parts = [f"Value {money_exact(p.value, currency)}", f"budget {budget}"]
    if p.expected_close:
        parts.append(f"close {day_text(p.expected_close)}")
    # The free-text timeframe last: when the line wraps, it is what wraps.
    parts.append(f"timeframe {p.decision_timeframe or 'unknown'}")
    return " · ".join(parts)


def plan_view(p: Prospect, config: Config, today: date) -> Text:
    """The follow-up plan: interval, channel, agreed or not, next date, silence."""
    plan = p.plan
    every = effective_interval(p, config)
    agreed = "agreed with the customer" if plan.agreed else "not agreed with the customer"
    person = plan_contact(p)
    who = f" with {person.name}" if person else ""
    lines = [f"Every {every} days by {effective_channel(p, config)}{who}, {agreed}."]
    lines.append(f"Next follow-up: {day_label(plan.next_due, today)}")
    quiet = silence(p, config, today)
    if quiet.since is None:
        lines.append("Not contacted yet: make first contact.")
    else:
        replied = quiet.last_response
        heard = f"last reply {ago(replied, today)}" if replied else "no reply yet"
        lines.append(f"Unanswered touches: {quiet.unanswered} · {heard}")
    for m in sorted(p.meetings, key=lambda m: (m.date, m.time)):
        if m.date >= today:
            what = " ".join(x for x in (m.title or "Meeting", m.time) if x)
            who = f" with {m.contact}" if m.contact else ""
            lines.append(f"Meeting: {what}{who}, {day_label(m.date, today)}")
    return Text("\n".join(lines))


def warnings_view(
    p: Prospect, config: Config, today: date, facts: PipelineFacts | None = None
) -> Text:
    """Every warning as a sentence, or a calm line when there is none (`facts`: the
    pipeline's, so stale uses the user's own cycle)."""
    found = warnings_for(p, config, today, facts)
    if not found:
        return Text("None.")
    return Text("\n".join(f"! {words.warning_line(w)}" for w in found))


def checklist_view(p: Prospect, config: Config) -> Text:
    """The qualification checklist, ticked or not, and what it means."""
    lines = [f"{'✓' if p.qualification.get(i) else '✗'} {i}" for i in config.qualification]
    met = is_qualified(p, config)
    lines.append("Qualified." if met else "Not qualified yet: it stays a lead.")
    return Text("\n".join(lines))


def penetration_view(p: Prospect) -> RenderableType:
    """The account-penetration plan: approval chain, needs, objections and counters, risks."""
    plan = p.penetration
    lines = [f"Approval chain: {' → '.join(plan.approval_chain) or 'not mapped yet'}"]
    lines += [f"Need: {need}" for need in plan.needs]
    for o in plan.objections:
        lines.append(f"Objection: {o.objection} → {o.counter or 'no counter yet'}")
    lines += [f"Risk: {risk}" for risk in plan.risks]
    return Text("\n".join(lines))


def history_view(p: Prospect, config: Config, today: date) -> Text:
    """Stage history, oldest first, with how long each stage lasted."""
    entries = sorted(p.stage_history, key=lambda e: e.date)
    if not entries:
        return Text("No stage history.")
    lines = []
    for entry, after in zip(entries, [*entries[1:], None], strict=True):
        end = after.date if after else today
        lasted = (end - entry.date).days
        now = " (now)" if after is None else ""
        lines.append(
            f"{day_text(entry.date)}  {stage_label(config, entry.stage)}, {lasted} days{now}"
        )
    return Text("\n".join(lines))


def facts_view(p: Prospect) -> Text:
    """Tags, ICP attributes, lost reason and the id: the small print."""
    lines = []
    if p.tags:
        lines.append(f"Tags: {', '.join(p.tags)}")
    if p.icp:
        lines.append("Profile: " + ", ".join(f"{k} {v}" for k, v in sorted(p.icp.items())))
    if p.lost_reason:
        lines.append(f"Reason closed: {p.lost_reason}")
    lines.append(f"Id {p.id} · added {day_text(p.created.date())}")
    return Text("\n".join(lines))
