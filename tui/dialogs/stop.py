"""Stop following: park the prospect in nurture or mark it dead, with the reason shown.

The exit core proposes (nurture for a qualified prospect that fits the
profile, else dead) is preselected, so `x` then Enter takes it; `d` and `n`
pick the other. Nothing is deleted: the prospect moves to an outcome.

The reason kept is the one shown in the Reason field: the threshold crossed,
in words, when one was (core's figures), else empty; `r` (or Tab) goes to the
field to type another, Enter there confirms; 1-9 put one of the config's
`lost_reasons` there (and pick dead, the exit that keeps it). Nothing invents a reason.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from leadline.core.actions import stop_following
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.stop_following import evaluate_stop_following, proposed_exit
from leadline.tui.dialogs.base import ProspectDialog, api, stage_label
from leadline.tui.dialogs.reason import REASON_NUMBER_BINDINGS, numbered
from leadline.tui.text import feedback
from leadline.tui.text.words import stop_reason, stop_sentence

EXITS = {
    Outcome.NURTURE: "nurture: slow, low-touch contact",
    Outcome.DEAD: "dead: stop following",
}


class StopFollowingDialog(ProspectDialog[Prospect | None]):
    """Move `pid` to nurture or dead; dismisses with the saved prospect or None."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    StopFollowingDialog .row { height: 1; }
    StopFollowingDialog .label { width: 7; color: $text-muted; }
    StopFollowingDialog Input { width: 1fr; }
    """

    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("n", "pick('nurture')", "Nurture", id="stop.nurture",
                tooltip="Park in nurture: slow, low-touch contact"),
        Binding("d", "pick('dead')", "Dead", id="stop.dead", tooltip="Mark dead: stop following"),
        Binding("r", "reason", "Reason", id="stop.reason",
                tooltip="Type the reason kept on the prospect"),
        *REASON_NUMBER_BINDINGS,
        Binding("enter", "confirm", "Confirm", id="stop.confirm",
                tooltip="Stop following with the exit chosen"),
        Binding("escape", "cancel", "Cancel", id="stop.cancel", tooltip="Close, still followed"),
    ]  # fmt: skip

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        app = api(self)
        p = self.prospect
        self.decision = evaluate_stop_following(p, app.config, app.today())
        self.proposed = self.decision.proposed_exit or proposed_exit(p, app.config)
        self.choice = self.proposed

    def compose(self) -> ComposeResult:
        d = self.decision
        why = (
            stop_sentence(d)
            if d.stop
            else f"no threshold crossed yet ({d.unanswered} unanswered, {d.days_silent} days)"
        )
        with Vertical(id="box"):
            yield Static(Content(f"Stop following · {self.prospect.name}"), id="title")
            yield Static(Content(f"Why: {why}"))
            for outcome, words in EXITS.items():
                key = outcome.value[0]
                mark = " (proposed)" if outcome == self.proposed else ""
                yield Static(f"[b]{key}[/b]  {words}{mark}", classes="choice", id=outcome.value)
            yield Horizontal(
                Static("Reason ", classes="label"),
                Input(stop_reason(d), placeholder="r: type why (kept on the prospect)",
                      id="reason", compact=True),
                classes="row",
            )  # fmt: skip
            reasons = " · ".join(numbered(api(self).config.lost_reasons))
            yield Static(Content(f"Dead because: {reasons}"), classes="hint", id="reasons")
            yield Static("Enter confirm · r reason · Esc cancel", classes="hint keys")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        for outcome in EXITS:
            self.query_one(f"#{outcome.value}").set_class(outcome == self.choice, "-selected")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pick", "reason", "reason_number"):
            return not isinstance(self.focused, Input)
        return True

    def action_reason(self) -> None:
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def action_reason_number(self, number: int) -> None:
        reasons = api(self).config.lost_reasons
        if number <= len(reasons):
            self.query_one("#reason", Input).value = reasons[number - 1]
            self.action_pick(Outcome.DEAD.value)

    def action_pick(self, outcome: str) -> None:
        self.choice = Outcome(outcome)
        self._show()

    def action_confirm(self) -> None:
        app = api(self)
        reason = self.query_one("#reason", Input).value
        saved = self.save(lambda p: stop_following(p, self.choice, reason, app.config, app.now()))
        if saved is not None:
            stage = stage_label(app.config, saved.stage)
            why = saved.lost_reason if self.choice == Outcome.DEAD else ""
            self.saved(saved, feedback.closed(saved.name, stage, why))
