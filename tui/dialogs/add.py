"""Add a prospect: name, stage, value, a first contact and the qualification checklist.

Core's `add_prospect` decides: the prospect goes into the stage picked, a lead
until the checklist is met, and the form says which before saving. The dialog saves through
`app.add_prospect` and dismisses with the stored prospect (None if cancelled),
so callers must not add it again. A prospect that looks like a stored one (core's
`rules.dupes`: the name without legal form, an e-mail, a phone) asks first:
add anyway, add and merge into the stored one, open the stored one, or back to
the form (dialogs/duplicate.py).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from leadline.core.actions import NewProspect, Refused, add_prospect
from leadline.core.actions.refusal import check_email, check_name
from leadline.core.config.model import Config
from leadline.core.models import Lifecycle, Prospect, Role
from leadline.core.rules.dupes import looks_like
from leadline.tui.dialogs.base import DIALOG_CSS, api, stage_label
from leadline.tui.dialogs.duplicate import ADD, MERGE, OPEN, DuplicateDialog
from leadline.tui.dialogs.form import (
    FORM_CSS,
    FormRow,
    TickBox,
    check_fields,
    parse_amount,
    show_refusal,
    text_input,
)
from leadline.tui.dialogs.form_base import FORM_BINDINGS, FormBox, FormScreen
from leadline.tui.text import feedback
from leadline.tui.text.labels import ROLE_LABELS


def role_select(value: Role = Role.OTHER, field_id: str | None = None) -> Select[Role]:
    """A compact pick-list of buying roles."""
    options = [(label, role) for role, label in ROLE_LABELS.items()]
    return Select(options, value=value, allow_blank=False, compact=True, id=field_id)


def stage_select(config: Config, value: str, field_id: str = "stage") -> Select[str]:
    """A compact pick-list of the configured stages."""
    options = [(s.name, s.key) for s in config.stages]
    return Select(options, value=value, allow_blank=False, compact=True, id=field_id)


class AddProspectDialog(FormScreen, ModalScreen[Prospect | None]):
    """The add-prospect form (`+`)."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + FORM_CSS + "AddProspectDialog > #box { width: 72; }"
    AUTO_FOCUS = ""
    BINDINGS = FORM_BINDINGS

    def __init__(self) -> None:
        super().__init__(classes="leadline-dialog")
        self.rows: dict[str, FormRow] = {}
        self._name_field = self.type_into(text_input(field_id="name"))

    def compose(self) -> ComposeResult:
        config = api(self).config
        with Vertical(id="box"):
            yield Static("Add a prospect", id="title")
            with FormBox(id="body"):
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
            yield Static("Ctrl+S or Enter add · Tab next field · Esc cancel", classes="hint keys")

    def on_mount(self) -> None:
        super().on_mount()
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
        """Say what core's add_prospect will make of the stage and ticks chosen."""
        app = api(self)
        ticks = self._checklist()
        preview = NewProspect(name="-", stage=self._chosen_stage(), qualification=ticks)
        made = add_prospect(preview, app.config, app.now())
        stage = stage_label(app.config, made.stage)
        if made.lifecycle == Lifecycle.PROSPECT:
            text = f"Checklist met: added as a prospect in {stage}."
        else:
            done = sum(ticks.values())
            text = f"Checklist not met ({done} of {len(ticks)}): added as a lead in {stage}."
        self.query_one("#status", Static).update(text)

    def on_checkbox_changed(self, _: Checkbox.Changed) -> None:
        self._show_status()

    def on_select_changed(self, _: Select.Changed) -> None:
        self._show_status()

    def _parsed(self) -> dict[str, Any]:
        # Every field's message at once; core's add_prospect has the final word.
        return check_fields(self.rows, {
            "name": lambda: check_name(self._value("name")),
            "value": lambda: parse_amount(self._value("value") or "0"),
            "email": lambda: check_email(self._value("email")),
        })  # fmt: skip

    def new_prospect(self, values: dict[str, Any]) -> NewProspect:
        """What the user typed, for core's `add_prospect` to decide on."""
        role = self.query_one("#role", Select).value
        return NewProspect(
            name=self._value("name"),
            stage=self._chosen_stage(),
            value=values["value"],
            contact=self._value("contact"),
            role=role if isinstance(role, Role) else Role.OTHER,
            email=self._value("email"),
            phone=self._value("phone"),
            qualification=self._checklist(),
        )

    def build(self, values: dict[str, Any]) -> Prospect:
        """The new prospect from the parsed fields (core decides stage and lifecycle)."""
        app = api(self)
        return add_prospect(self.new_prospect(values), app.config, app.now())

    def action_save(self) -> None:
        """Check the fields, add the prospect, close; stay open when anything failed."""
        try:
            values = self._parsed()
            prospect = self.build(values)
        except Refused as refused:
            show_refusal(self.rows, refused)
            return
        except ValueError:
            return
        found = looks_like(prospect, api(self).summaries())
        if not found:
            self._add(prospect)
            return

        def answered(answer: str | None) -> None:
            if answer == ADD:
                self._add(prospect)
            elif answer == MERGE:
                app, saved = self.app, self._add(prospect)
                if saved is not None:  # keep the stored one; the fields that differ are asked
                    cancelled = feedback.added_not_merged(saved.name)
                    app.merge_into(found[0][0].id, saved.id, cancelled=cancelled)  # type: ignore[attr-defined]
            elif answer == OPEN:
                from leadline.tui.screens.detail import DetailScreen  # noqa: PLC0415 - a cycle

                app = self.app
                self.dismiss(None)
                app.push_screen(DetailScreen(found[0][0].id))

        self.app.push_screen(DuplicateDialog(prospect, found), answered)

    def _add(self, prospect: Prospect) -> Prospect | None:
        saved = api(self).add_prospect(prospect)
        if saved is not None:
            self.dismiss(saved)
        return saved
