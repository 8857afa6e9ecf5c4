"""The people at a prospect: a list to edit, and the form for one contact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from leadline.core import actions
from leadline.core.actions.refusal import check_email, check_name
from leadline.core.dates import parse_yearly
from leadline.core.models import Contact, Prospect, Role
from leadline.tui.dialogs.add import role_select
from leadline.tui.dialogs.base import DIALOG_CSS
from leadline.tui.dialogs.date_preview import DateParser, DatePreviewForm, date_order
from leadline.tui.dialogs.form import FORM_CSS, FormRow, check_fields, text_input
from leadline.tui.dialogs.form_base import FORM_BINDINGS, FormBox, FormScreen
from leadline.tui.dialogs.list_editor import ListEditor
from leadline.tui.text.labels import ROLE_LABELS


def describe_contact(c: Contact) -> str:
    star = "★ " if c.role == Role.DECISION_MAKER else "  "
    extra = " · ".join(x for x in (c.title, c.email, c.phone) if x)
    return f"{star}{c.name} ({ROLE_LABELS[c.role]}){' · ' + extra if extra else ''}"


class ContactForm(DatePreviewForm, FormScreen, ModalScreen[Contact | None]):
    """Add or edit one contact; dismisses with the new contact or None."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + FORM_CSS
    AUTO_FOCUS = ""
    BINDINGS = FORM_BINDINGS
    YEARLY = frozenset({"birthday", "anniversary"})

    def __init__(self, contact: Contact | None) -> None:
        super().__init__(classes="leadline-dialog")
        self.contact = contact or Contact(name="")
        self.rows: dict[str, FormRow] = {}
        self._name_field = self.type_into(text_input(self.contact.name, "", "c-name"))

    def compose(self) -> ComposeResult:
        c = self.contact
        yearly = {k: (v.isoformat() if v else "") for k, v in
                  (("birthday", c.birthday), ("anniversary", c.anniversary))}  # fmt: skip
        with Vertical(id="box"):
            yield Static("Contact", id="title")
            with FormBox(id="body"):
                yield self._row("name", "Name", self._name_field)
                yield self._row("role", "Role", role_select(c.role, "c-role"))
                yield self._row("title", "Title", text_input(c.title, "e.g. CFO", "c-title"))
                yield self._row("email", "Email", text_input(c.email, "", "c-email"))
                yield self._row("phone", "Phone", text_input(c.phone, "", "c-phone"))
                for key in ("birthday", "anniversary"):
                    yield self._row(
                        key,
                        key.capitalize(),
                        text_input(yearly[key], "24 nov 1980, 1980-11-24", f"c-{key}"),
                    )
                yield self._row(
                    "channel",
                    "Prefers",
                    text_input(c.preferred_channel, "phone, email…", "c-channel"),
                )
            yield Static("Ctrl+S or Enter save · Esc cancel", classes="hint keys")  # fmt: skip

    def _text(self, key: str) -> str:
        return self.query_one(f"#c-{key}", Input).value

    def date_parsers(self) -> dict[str, DateParser]:
        order = date_order(self)

        def yearly(text: str) -> date | None:
            return parse_yearly(text, order=order)

        return {"birthday": yearly, "anniversary": yearly}

    def action_save(self) -> None:
        try:
            v = check_fields(self.rows, {
                "name": lambda: check_name(self._text("name")),
                "email": lambda: check_email(self._text("email")),
                "birthday": lambda: self.date_parsers()["birthday"](self._text("birthday")),
                "anniversary": lambda: self.date_parsers()["anniversary"](
                    self._text("anniversary")
                ),
            })  # fmt: skip
        except ValueError:
            return
        role = self.query_one("#c-role", Select).value
        self.dismiss(replace(
            self.contact, name=v["name"], role=role if isinstance(role, Role) else Role.OTHER,
            title=self._text("title").strip(), email=v["email"], phone=self._text("phone").strip(),
            birthday=v["birthday"], anniversary=v["anniversary"],
            preferred_channel=self._text("channel").strip(),
        ))  # fmt: skip


class ContactsDialog(ListEditor[Contact]):
    """The contacts of prospect `pid`."""

    TITLE_WORD = "Contacts"
    ITEM_WORD = "Contact"

    def items(self, p: Prospect) -> tuple[Contact, ...]:
        return p.contacts

    def added(self, p: Prospect, item: Contact, now: datetime) -> Prospect:
        return actions.add_contact(p, item, now)

    def replaced(
        self, p: Prospect, index: int, item: Contact, now: datetime, was: Contact
    ) -> Prospect:
        return actions.replace_contact(p, index, item, now, was)

    def removed(self, p: Prospect, index: int, now: datetime, was: Contact) -> Prospect:
        return actions.remove_contact(p, index, now, was)

    def describe(self, item: Contact) -> str:
        return describe_contact(item)

    def named(self, item: Contact) -> str:
        return item.name

    def form(self, item: Contact | None) -> ContactForm:
        return ContactForm(item)
