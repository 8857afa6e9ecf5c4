"""Edit a prospect's fields, each with its validation message beside it.

Name, stage, lifecycle, value, currency, budget, timeframe, expected close,
the decision-maker flag, the follow-up plan, the qualification checklist
(with every stage's entry criteria), tags, profile attributes and the reason
closed. A stage change goes through core's `move_stage` (history, lifecycle,
next date); a lead becomes a prospect only when its checklist is met.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Select, Static

from leadline.core.actions import (
    EditConflict,
    ProspectEdit,
    Refused,
    edit_checked,
    edit_fields,
    keeping_theirs,
    opens_new_deal,
)
from leadline.core.actions.stages import targets
from leadline.core.dates import parse_optional_day
from leadline.core.models import IcpValue, Lifecycle, Prospect
from leadline.core.money import parse_currency
from leadline.core.rules.followup import checklist_items, dm_confirmed
from leadline.core.rules.reach import plan_contact
from leadline.tui.dialogs.base import ProspectDialog, api
from leadline.tui.dialogs.conflict import ConflictDialog
from leadline.tui.dialogs.date_preview import (
    DateParser,
    DatePreviewForm,
    date_order,
    date_placeholder,
)
from leadline.tui.dialogs.form import (
    FORM_CSS,
    FormRow,
    TickBox,
    check_fields,
    parse_amount,
    parse_days_count,
    parse_optional_amount,
    show_refusal,
    text_input,
)
from leadline.tui.dialogs.form_base import FORM_BINDINGS, FormBox, FormScreen
from leadline.tui.text import feedback
from leadline.tui.text.labels import lifecycle_label, stage_label
from leadline.tui.text.safe import safe


def parse_profile(text: str) -> dict[str, IcpValue]:
    """ "industry=software, employees=300" -> attributes (numbers become numbers)."""
    profile: dict[str, IcpValue] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError("write the profile as name=value, name=value")
        raw = value.strip()
        number = raw.replace(".", "", 1)
        profile[key.strip()] = (float(raw) if "." in raw else int(raw)) if number.isdigit() else raw
    return profile


def profile_text(profile: dict[str, IcpValue]) -> str:
    return ", ".join(f"{k}={v}" for k, v in profile.items())


CORE_FIELDS = {"interval_days": "interval", "expected_close": "close",
               "decision_timeframe": "timeframe"}  # fmt: skip
"""Core's field names -> this form's rows, for a refusal to point at."""


class EditProspectDialog(DatePreviewForm, FormScreen, ProspectDialog[Prospect | None]):
    """The field form for `pid`; Ctrl+S or Enter saves when every field is valid."""

    SCOPED_CSS = False
    DEFAULT_CSS = FORM_CSS + "EditProspectDialog > #box { width: 76; }"
    AUTO_FOCUS = ""
    BINDINGS = FORM_BINDINGS

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self.original = self.prospect
        self.rows: dict[str, FormRow] = {}
        self._name_field = self.type_into(text_input(self.original.name, "", "name"))

    def _input(self, key: str, label: str, value: str, hint: str = "") -> FormRow:
        return self._row(key, label, text_input(value, hint, key))

    def compose(self) -> ComposeResult:
        p, config = self.original, api(self).config
        stages = [(stage_label(config, key), key) for key in targets(config)]
        lives = [(lifecycle_label(life), life) for life in Lifecycle]
        close = p.expected_close.isoformat() if p.expected_close else ""
        due = p.plan.next_due.isoformat() if p.plan.next_due else ""
        with Vertical(id="box"):
            yield Static(Content(f"Edit · {p.name}"), id="title")
            with FormBox(id="body"):
                yield self._row("name", "Name", self._name_field)
                yield self._row(
                    "stage",
                    "Stage",
                    Select(stages, value=p.stage, allow_blank=False, compact=True, id="stage"),
                )
                yield self._row(
                    "lifecycle",
                    "Lifecycle",
                    Select(
                        lives, value=p.lifecycle, allow_blank=False, compact=True, id="lifecycle"
                    ),
                )
                yield self._input("value", "Value", f"{p.value:g}")
                yield self._input("currency", "Currency", p.currency, config.currency)
                yield self._input(
                    "budget", "Budget", "" if p.budget is None else f"{p.budget:g}", "unknown"
                )
                yield self._input(
                    "timeframe", "Timeframe", p.decision_timeframe, "e.g. Q1, before March"
                )
                yield self._input("close", "Expected close", close, date_placeholder(self))
                yield TickBox("Decision maker confirmed", dm_confirmed(p), id="dm")
                yield Static("Follow-up plan", classes="section")
                yield self._input(
                    "interval", "Every (days)", str(p.plan.interval_days or ""), "stage default"
                )
                yield self._input(
                    "channel", "Channel", p.plan.channel, config.follow_up.default_channel
                )
                yield self._input("next_due", "Next follow-up", due, date_placeholder(self))
                yield self._row("plan_contact", "Follow up with", self._contact_select(p))
                yield TickBox("Agreed with the customer", p.plan.agreed, id="agreed")
                yield Static("Checklist", classes="section")
                for index, item in enumerate(checklist_items(config)):
                    yield TickBox(item, p.qualification.get(item, False), id=f"q{index}")
                yield Static("More", classes="section")
                yield self._input("tags", "Tags", ", ".join(p.tags), "comma separated")
                yield self._input(
                    "profile", "Profile", profile_text(p.icp), "industry=software, employees=300"
                )
                yield self._input(
                    "lost_reason", "Reason closed", p.lost_reason, ", ".join(config.lost_reasons)
                )
            yield Static("Ctrl+S or Enter save · Tab next field · Esc cancel", classes="hint keys")

    def _contact_select(self, p: Prospect) -> Select[str]:
        """The contacts by name, and the decision maker for none named."""
        names = dict.fromkeys(c.name for c in p.contacts if c.name.strip())
        options = [(Content("(decision maker)"), ""), *((Content(safe(n)), n) for n in names)]
        person = plan_contact(p)
        value = person.name if person and person.name in names else ""
        return Select(options, value=value, allow_blank=False, compact=True, id="plan_contact")

    def _text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def _checked(self, widget_id: str) -> bool:
        return self.query_one(f"#{widget_id}", Checkbox).value

    def _parsed(self) -> dict[str, Any]:
        def name() -> str:
            if not self._text("name").strip():
                raise ValueError("a name is needed")
            return self._text("name").strip()

        return check_fields(self.rows, {
            "name": name,
            "value": lambda: parse_amount(self._text("value") or "0"),
            "currency": lambda: parse_currency(self._text("currency")),
            "budget": lambda: parse_optional_amount(self._text("budget"), "budget"),
            "close": lambda: self.date_parsers()["close"](self._text("close")),
            "interval": lambda: parse_days_count(self._text("interval")),
            "next_due": lambda: self.date_parsers()["next_due"](self._text("next_due")),
            "profile": lambda: parse_profile(self._text("profile")),
        })  # fmt: skip

    def date_parsers(self) -> dict[str, DateParser]:
        today, order = api(self).today(), date_order(self)

        def day(text: str) -> date | None:
            return parse_optional_day(text, today, order=order)

        return {"close": day, "next_due": day}

    def _ticks(self) -> dict[str, bool]:
        items = checklist_items(api(self).config)
        ticks = dict(self.original.qualification)
        ticks.update({item: self._checked(f"q{i}") for i, item in enumerate(items)})
        return ticks

    def edit(self, v: dict[str, Any]) -> ProspectEdit:
        """The fields the user changed, compared with the prospect as the form opened:
        saving applies only those, so a change made elsewhere meanwhile is kept."""
        o = self.original
        stage = self.query_one("#stage", Select).value
        life = self.query_one("#lifecycle", Select).value
        tags = tuple(t.strip() for t in self._text("tags").split(",") if t.strip())
        now = {
            "name": v["name"], "stage": stage if isinstance(stage, str) else o.stage,
            "lifecycle": Lifecycle(life) if isinstance(life, str) else o.lifecycle,
            "value": v["value"], "currency": v["currency"], "budget": v["budget"],
            "decision_timeframe": self._text("timeframe").strip(), "expected_close": v["close"],
            "decision_maker_confirmed": self._checked("dm"), "interval_days": v["interval"],
            "channel": self._text("channel").strip(), "next_due": v["next_due"],
            "agreed": self._checked("agreed"), "plan_contact": self._plan_contact(),
            "tags": tags, "icp": v["profile"],
            "lost_reason": self._text("lost_reason").strip(),
        }  # fmt: skip
        before = {
            "name": o.name, "stage": o.stage, "lifecycle": o.lifecycle, "value": o.value,
            "currency": o.currency, "budget": o.budget, "decision_timeframe": o.decision_timeframe,
            "expected_close": o.expected_close, "decision_maker_confirmed":
            dm_confirmed(o), "interval_days": o.plan.interval_days,
            "channel": o.plan.channel, "next_due": o.plan.next_due, "agreed": o.plan.agreed,
            "plan_contact": self._plan_contact_of(o),
            "tags": o.tags, "icp": o.icp, "lost_reason": o.lost_reason,
        }  # fmt: skip
        changed = {k: value for k, value in now.items() if value != before[k]}
        ticks = {k: ticked for k, ticked in self._ticks().items()
                 if ticked != o.qualification.get(k, False)}  # fmt: skip
        return ProspectEdit(ticks=ticks, **changed)

    def _plan_contact(self) -> str:
        chosen = self.query_one("#plan_contact", Select).value
        return chosen if isinstance(chosen, str) else ""

    @staticmethod
    def _plan_contact_of(p: Prospect) -> str:
        person = plan_contact(p)
        return person.name if person else ""

    def apply(self, p: Prospect, v: dict[str, Any]) -> Prospect:
        """`p` (as stored now) with the fields changed in the form (core's edit_fields)."""
        app = api(self)
        return edit_fields(p, self.edit(v), app.config, app.today(), app.now())

    def action_save(self) -> None:
        """Save when every field is valid; otherwise the messages say what to fix."""
        try:
            values = self._parsed()
        except ValueError:
            self.notify("Some fields need fixing (see the messages).", severity="warning")
            return
        try:  # core's verdict on the prospect as it stands: shown under the field at fault
            self.apply(self.prospect, values)
        except Refused as refused:
            show_refusal(self.rows, refused, CORE_FIELDS)
            return
        self._save_edit(self.edit(values), self.original)

    def _save_edit(self, edit: ProspectEdit, base: Prospect) -> None:
        """Save `edit` unless a field in it was changed elsewhere since `base`: then ask."""
        app = api(self)
        try:
            saved = self.save(lambda p: edit_checked(base, p, edit, app.config, app.today(),
                                                     app.now()))  # fmt: skip
        except EditConflict as conflict:
            self._ask(edit, conflict)
            return
        if saved is not None:
            if opens_new_deal(base, saved) and not saved.value:
                self.notify("A new deal: set its value and close date (e, f).")
            self.saved(saved, feedback.edited(saved.name))

    def _ask(self, edit: ProspectEdit, conflict: EditConflict) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "theirs":
                names = {c.field for c in conflict.conflicts}
                self._save_edit(keeping_theirs(edit, names), conflict.stored)
            elif choice == "mine":  # over what they wrote, as seen now
                self._save_edit(edit, conflict.stored)

        self.app.push_screen(ConflictDialog(conflict.conflicts, api(self).config), chosen)
