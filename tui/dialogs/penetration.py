"""The account-penetration plan: approval chain, needs, objections and counters, risks.

One text box per part, one entry per line; an objection and its counter are
written "objection => counter". Ctrl+S saves, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from leadline.core.actions import set_account_plan
from leadline.core.models import Objection, PenetrationPlan, Prospect
from leadline.tui.dialogs.base import ProspectDialog, TypeAhead, api
from leadline.tui.dialogs.form_base import FormBox
from leadline.tui.text import feedback

PARTS = (
    ("chain", "Approval chain, in order (one person or role per line)"),
    ("needs", "Needs found (one per line)"),
    ("objections", "Objections (one per line: objection => counter)"),
    ("risks", "Risks (one per line)"),
)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def parse_objections(text: str) -> tuple[Objection, ...]:
    """ "Too expensive => show the payback" per line."""
    found = []
    for line in _lines(text):
        objection, _, counter = line.partition("=>")
        found.append(Objection(objection.strip(), counter.strip()))
    return tuple(found)


def plan_texts(plan: PenetrationPlan) -> dict[str, str]:
    """The plan as the text each box starts with."""
    return {
        "chain": "\n".join(plan.approval_chain),
        "needs": "\n".join(plan.needs),
        "objections": "\n".join(
            f"{o.objection} => {o.counter}" if o.counter else o.objection for o in plan.objections
        ),
        "risks": "\n".join(plan.risks),
    }


class PenetrationDialog(TypeAhead, ProspectDialog[Prospect | None]):
    """Edit the account-penetration plan of `pid`."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    PenetrationDialog > #box { width: 76; }
    PenetrationDialog TextArea, PenetrationDialog TextArea:focus {
        height: 4; width: 1fr; border: none; padding: 0 1; margin-bottom: 1; background: $panel;
    }
    PenetrationDialog TextArea:focus { background: $boost; }
    """
    AUTO_FOCUS = ""

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self.opened = self.prospect.penetration
        """The plan as the form opened: only the parts whose text changed are saved."""
        self.texts = plan_texts(self.opened)
        self._chain_field = self.type_into(
            TextArea(self.texts["chain"], id="chain", soft_wrap=True)
        )

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="plan.save", tooltip="Save the account plan"),
        Binding("escape", "cancel", "Cancel", id="plan.cancel",
                tooltip="Close without saving the plan"),
    ]  # fmt: skip

    def on_mount(self) -> None:
        super().on_mount()
        # Focusing the first box scrolled it to the top edge: show its label above it too.
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"Account penetration · {self.prospect.name}"), id="title")
            with FormBox(id="body"):
                for key, label in PARTS:
                    yield Static(label, classes="hint")
                    yield (
                        self._chain_field
                        if key == "chain"
                        else TextArea(self.texts[key], id=key, soft_wrap=True)
                    )
            yield Static("Ctrl+S save · Tab next box · Esc cancel", classes="hint keys")

    def _text(self, key: str) -> str:
        return self.query_one(f"#{key}", TextArea).text

    def action_save(self) -> None:
        was = self.opened

        def part(key: str, parsed: Callable[[str], Any], kept: Any) -> Any:
            text = self._text(key)
            return kept if text == self.texts[key] else parsed(text)

        plan = PenetrationPlan(
            approval_chain=part("chain", _lines, was.approval_chain),
            needs=part("needs", _lines, was.needs),
            objections=part("objections", parse_objections, was.objections),
            risks=part("risks", _lines, was.risks),
        )
        saved = self.save(lambda p: set_account_plan(p, plan, api(self).now(), was))
        if saved is not None:
            self.saved(saved, feedback.account_plan_saved(saved.name))
