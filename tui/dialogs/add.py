"""Add a prospect: name, stage, value, a first contact and the qualification checklist.

A lead stays a lead until the checklist is met (`is_qualified` decides): with
unticked items it is added as a lead in the first stage whatever stage was
picked, and the form says so before saving. The dialog saves through
`app.add_prospect` and dismisses with the stored prospect (None if cancelled),
so callers must not add it again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from leadline.core.config.model import Config
from leadline.core.models import Contact, Lifecycle, Prospect, Role, StageEntry, new_id
from leadline.core.rules.followup import is_qualified, next_due_after
from leadline.tui.dialogs.base import DIALOG_CSS, TypeAhead, api, stage_label
from leadline.tui.dialogs.form import (
    FORM_CSS,
    FormRow,
    TickBox,
    check_fields,
    parse_amount,
    parse_email,
    text_input,
)

ROLE_LABELS = {
    Role.DECISION_MAKER: "decision maker",
    Role.INFLUENCER: "influencer",
    Role.COACH: "coach / champion",
    Role.GATEKEEPER: "gatekeeper",
    Role.OTHER: "other",
}


def role_select(value: Role = Role.OTHER, field_id: str | None = None) -> Select[Role]:
    """A compact pick-list of buying roles."""
    options = [(label, role) for role, label in ROLE_LABELS.items()]
    return Select(options, value=value, allow_blank=False, compact=True, id=field_id)


def stage_select(config: Config, value: str, field_id: str = "stage") -> Select[str]:
    """A compact pick-list of the configured stages."""
    options = [(s.name, s.key) for s in config.stages]
    return Select(options, value=value, allow_blank=False, compact=True, id=field_id)


class AddProspectDialog(TypeAhead, ModalScreen[Prospect | None]):
    """The add-prospect form (`+`)."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + FORM_CSS + "AddProspectDialog > #box { width: 72; }"
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("ctrl+s", "save", "Add", id="add.save"),
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="leadline-dialog")
        self.rows: dict[str, FormRow] = {}
        self._name_field = self.type_into(text_input(field_id="name"))

    def _row(self, key: str, label: str, field: Any) -> FormRow:
        self.rows[key] = FormRow(label, field)
        return self.rows[key]

    def compose(self) -> ComposeResult:
        config = api(self).config
        with VerticalScroll(id="box"):
            yield Static("Add a prospect", id="title")
            yield self._row("name", "Name", self._name_field)
            yield self._row("stage", "Stage", stage_select(config, config.stages[0].key))
            yield self._row("value", f"Value ({config.currency})", text_input("", "0", "value"))
            yield Static("First contact", classes="section")
            yield self._row("contact", "Name", text_input(field_id="contact"))
            yield self._row("role", "Role", role_select(field_id="role"))
            yield self._row("email", "Email", text_input(field_id="email"))
            yield self._row("phone", "Phone", text_input(field_id="phone"))
            yield Static("Qualification checklist", classes="section")
            for index, item in enumerate(config.qualification):
                yield TickBox(item, id=f"q{index}")
            yield Static(id="status", classes="hint")
            yield Static("Ctrl+S or Enter add · Tab next field · Esc cancel", classes="hint")

    def on_mount(self) -> None:
        self._show_status()

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _checklist(self) -> dict[str, bool]:
        items = api(self).config.qualification
        return {item: self.query_one(f"#q{i}", Checkbox).value for i, item in enumerate(items)}

    def _chosen_stage(self) -> str:
        value = self.query_one("#stage", Select).value
        return str(value) if isinstance(value, str) else api(self).config.stages[0].key

    def _show_status(self) -> None:
        config = api(self).config
        ticks = self._checklist()
        probe = Prospect(id="", name="", stage="", created=api(self).now(),
                         updated=api(self).now(), qualification=ticks)  # fmt: skip
        if is_qualified(probe, config):
            stage = stage_label(config, self._chosen_stage())
            text = f"Checklist met: added as a prospect in {stage}."
        else:
            done = sum(ticks.values())
            text = (
                f"Checklist not met ({done} of {len(ticks)} ticked): "
                f"added as a lead in {config.stages[0].name}."
            )
        self.query_one("#status", Static).update(text)

    def on_checkbox_changed(self, _: Checkbox.Changed) -> None:
        self._show_status()

    def on_select_changed(self, _: Select.Changed) -> None:
        self._show_status()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_save()

    def _parsed(self) -> dict[str, Any]:
        def name() -> str:
            if not self._value("name").strip():
                raise ValueError("a name is needed")
            return self._value("name").strip()

        return check_fields(self.rows, {
            "name": name,
            "value": lambda: parse_amount(self._value("value") or "0"),
            "email": lambda: parse_email(self._value("email")),
        })  # fmt: skip

    def build(self, values: dict[str, Any]) -> Prospect:
        """The new prospect from the parsed fields; a lead until the checklist is met."""
        app = api(self)
        config, now, today = app.config, app.now(), app.today()
        contacts: tuple[Contact, ...] = ()
        if self._value("contact").strip():
            role = self.query_one("#role", Select).value
            contact = Contact(
                name=self._value("contact").strip(),
                role=role if isinstance(role, Role) else Role.OTHER,
                email=values["email"],
                phone=self._value("phone").strip(),
            )
            contacts = (contact,)
        draft = Prospect(id=new_id(), name=values["name"], stage=config.stages[0].key,
                         created=now, updated=now, value=values["value"],
                         currency=config.currency, qualification=self._checklist(),
                         contacts=contacts)  # fmt: skip
        qualified = is_qualified(draft, config)
        stage = self._chosen_stage() if qualified else config.stages[0].key
        p = replace(draft, stage=stage, stage_history=(StageEntry(stage, today),),
                    lifecycle=Lifecycle.PROSPECT if qualified else Lifecycle.LEAD)  # fmt: skip
        return replace(p, plan=replace(p.plan, next_due=next_due_after(p, today, config)))

    def action_save(self) -> None:
        """Check the fields, add the prospect, close; stay open when anything failed."""
        try:
            values = self._parsed()
        except ValueError:
            return
        saved = api(self).add_prospect(self.build(values))
        if saved is not None:
            self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)
