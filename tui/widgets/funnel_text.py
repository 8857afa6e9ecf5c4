"""The funnel summary in words: section headings, advice, time, conversion, outcomes.

Pure functions from core's `FunnelSummary` to Textual `Content`; the funnel
screen only places them. Styles are theme variables or plain text styles.
"""

from __future__ import annotations

from textual.content import Content

from leadline.core.config.model import Config
from leadline.core.rules.funnel.summary import Bucket, FunnelSummary
from leadline.core.rules.history import Conversion
from leadline.core.rules.icp_learning import MIN_CLOSED_FOR_ICP, IcpLesson
from leadline.tui.text.fmt import deals, money
from leadline.tui.text.labels import section_title
from leadline.tui.text.quota_words import estimate_note, marked
from leadline.tui.text.quota_words import icp_lines as quota_icp_lines
from leadline.tui.text.words import advice_sentence
from leadline.tui.widgets.quota import QuotaView


def section_heading(bucket: Bucket, currency: str) -> Content:
    """`Above the funnel · 14 deals · €310k · weighted €24k`."""
    return Content.assemble(
        (f" {section_title(bucket.key)}", "bold $accent"),
        f" · {deals(bucket.count)} · {marked(bucket.value, currency, bucket.estimated)}",
        (f" · weighted {money(bucket.weighted_value, currency)}", "dim"),
    )


def quota_view(summary: FunnelSummary, currency: str) -> QuotaView:
    """The quota widget's figures from the summary."""
    return QuotaView(
        summary.quota, summary.win_rate.rate, currency, summary.lead_to_won.rate,
        summary.deal_size.amount,
    )  # fmt: skip


def best_few_line(summary: FunnelSummary) -> Content:
    """How many open deals pass the best-few test, and what the test is."""
    half = summary.normal_cycle.days // 2
    count = len(summary.best_few_ids)
    lines = [
        Content(
            f" {deals(count)} expected to close within {half} days "
            f"(half your normal {summary.normal_cycle.days}-day cycle)"
        )
    ]
    doubtful = len(summary.not_really_best_few_ids)
    if doubtful:
        text = f" {deals(doubtful)} in best-few stages will not: really best few?"
        lines.append(Content.styled(text, "$state-warning"))
    note = estimate_note(sum(b.estimated for b in summary.sections))
    if note:
        lines.append(Content(f" {note}"))
    return Content("\n").join(lines)


def vars_of(lesson: IcpLesson) -> dict[str, object]:
    """A lesson as the funnel JSON words it (what `quota_words.icp_lines` reads)."""
    return {
        "label": lesson.label,
        "attribute": lesson.attribute,
        "met_rate": lesson.met_rate,
        "met_closed": lesson.met_closed,
        "unmet_rate": lesson.unmet_rate,
        "unmet_closed": lesson.unmet_closed,
    }


def icp_lines(summary: FunnelSummary) -> Content:
    """Per ICP criterion, the won share of deals meeting it or not; a line saying it
    needs more closed deals until then."""
    lessons = [vars_of(lesson) for lesson in summary.icp_lessons]
    if not lessons:
        return Content(f" Shown once {MIN_CLOSED_FOR_ICP} deals in the funnel have closed.")
    return Content("\n").join(Content(f" {line}") for line in quota_icp_lines(lessons))


def advice_sentences(summary: FunnelSummary) -> list[str]:
    """Each piece of shape advice as a sentence; one calm sentence when there is none."""
    if not summary.advice:
        return ["The funnel's shape looks healthy: no advice today."]
    sentences = []
    for item in summary.advice:
        numbers = dict(item.numbers)
        if "section" in numbers:  # "Time on in: ..." reads badly; name the section
            numbers["section"] = section_title(str(numbers["section"])).lower()
        sentences.append(advice_sentence(item.code, numbers))
    return sentences


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if hours else f"{rest}m"


def time_lines(summary: FunnelSummary, config: Config) -> Content:
    """Share of logged time per section against its target (last 30 days)."""
    allocation = summary.time_allocation
    if not allocation.total_minutes:
        return Content(" No time logged on touches in the last 30 days.")
    lines = []
    for entry in allocation.sections:
        off = entry.off_points or 0.0
        share = f"{entry.share:.0%}" if entry.share is not None else "–"
        style = "$state-warning bold" if abs(off) > config.advice.rebalance_points else ""
        lines.append(Content.assemble(
            f" {section_title(entry.section):<17}",
            (f"{share:>4} of your time", style),
            f"  target {entry.target:.0%}  ({_hours(entry.minutes)})",
        ))  # fmt: skip
    return Content("\n").join(lines)


def _stage_name(key: str, config: Config) -> str:
    stage = config.stage(key)
    return stage.name if stage else key


def _conversion_line(step: Conversion, config: Config) -> Content:
    rate = "–" if step.rate is None else f"{step.rate:.0%}"
    names = f"{_stage_name(step.from_stage, config)} → {_stage_name(step.to_stage, config)}"
    return Content.assemble(
        f" {names:<32}", (f"{rate:>4}", "bold"), (f"  {step.converted} of {step.entered}", "dim")
    )


def conversion_lines(summary: FunnelSummary, config: Config) -> Content:
    """Stage-to-next conversion and meeting-to-won, from the stage histories."""
    steps = list(summary.conversion)
    if summary.meeting_to_won is not None:
        steps.append(summary.meeting_to_won)
    return Content("\n").join(_conversion_line(step, config) for step in steps)


def outcome_line(summary: FunnelSummary, currency: str) -> Content:
    """`Won 12 (€310k) · Lost 8 · Nurture 5 · Dead 9`."""
    parts = []
    for bucket in summary.outcomes:
        text = f"{bucket.key.capitalize()} {bucket.count}"
        if bucket.key == "won" and bucket.value:
            text += f" ({money(bucket.value, currency)})"
        parts.append(text)
    return Content(" " + " · ".join(parts))
