"""Advance a prospect to the next stage (from the last stage: won), after a yes.

The dialog lists the next stage's entry criteria that are not ticked, so a
premature move is a choice made knowingly; and says when a lead will stay a
lead because its qualification checklist is not met (core decides).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from leadline.core.actions import advance, next_stage
from leadline.core.config.model import Config
from leadline.core.models import Lifecycle, Prospect
from leadline.core.rules.followup import is_qualified, missing_items
from leadline.tui.dialogs.base import ProspectDialog, api, stage_label
from leadline.tui.text import feedback

__all__ = ["AdvanceDialog", "next_stage"]


class AdvanceDialog(ProspectDialog[Prospect | None]):
    """Confirm moving `pid` one stage on; y or Enter moves, n or Escape cancels."""

    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("y,enter", "confirm", "Move", id="advance.yes", tooltip="Move to the next stage"),
        Binding("n,escape", "cancel", "Cancel", id="advance.no", tooltip="Close, stage unchanged"),
    ]

    def compose(self) -> ComposeResult:
        config = api(self).config
        p = self.prospect
        target = next_stage(p, config) or p.stage
        with Vertical(id="box"):
            yield Static(Content(f"Advance · {p.name}"), id="title")
            yield Static(
                Content(f"{stage_label(config, p.stage)}  →  {stage_label(config, target)}"),
                id="move",
            )
            for line in self._cautions(p, target, config):
                yield Static(Content(line), classes="error")
            yield Static("[b]y[/b]/Enter move   [b]n[/b]/Esc cancel", classes="hint keys")

    def _cautions(self, p: Prospect, target: str, config: Config) -> list[str]:
        stage = config.stage(target)
        lines = []
        if stage is not None:
            lines += [f"Not ticked: {item}" for item in missing_items(p, stage.entry_criteria)]
        if p.lifecycle == Lifecycle.LEAD and not is_qualified(p, config):
            lines.append("The qualification checklist is not met: it stays a lead.")
        return lines

    def action_confirm(self) -> None:
        app = api(self)
        target = next_stage(self.prospect, app.config)
        if target is None:
            self.dismiss(None)
            return
        saved = self.save(lambda p: advance(p, app.config, app.today(), app.now()))
        if saved is not None:
            self.saved(saved, feedback.moved(saved.name, stage_label(app.config, saved.stage)))
