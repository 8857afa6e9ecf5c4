"""The funnel (home, key `f`): quota, sections and stages as bars, advice, time, conversion.

Everything essential fits 80x24: the quota, each section with its stages, and
the first pieces of advice; time allocation and conversion follow below and
scroll. Up/down (j/k) move between stages, Enter lists a stage's prospects,
`o` the won, lost, nurture and dead ones (outcome_list.py).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from leadline.core.rules.funnel.summary import FunnelSummary
from leadline.tui.screens.live import LiveScreen
from leadline.tui.text.fmt import day_text
from leadline.tui.widgets import funnel_text as words
from leadline.tui.widgets.advice import AdviceList
from leadline.tui.widgets.bars import StageLine, StageRow, column_titles
from leadline.tui.widgets.footer import LeadlineFooter
from leadline.tui.widgets.quota import QuotaBar


class ColumnTitles(Widget):
    """The line "Stage … Deals Value Weighted", aligned with the stage rows at any width."""

    DEFAULT_CSS = "ColumnTitles { height: 1; color: $text-muted; }"

    def render(self) -> str:
        return column_titles(self.size.width)


class FunnelBody(VerticalScroll, inherit_bindings=False):
    """The scrolling body, without VerticalScroll's arrow keys: those move between
    stages (the screen's bindings), and scrolling follows the focused stage."""


class FunnelScreen(LiveScreen):
    """Where the pipeline stands: one screen, read top to bottom."""

    HELP_TITLE = "Funnel"
    FOOTER_KEYS = (
        "stage.open", "funnel.outcomes", "app.queue", "app.add", "app.help", "app.quit_q",
    )  # fmt: skip
    """Footer keys, most important first (the rest follow while they fit)."""
    AUTO_FOCUS = ""  # focus is placed by _start_at_top (no scroll)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next stage", show=False, id="funnel.down",
                tooltip="Select the next stage"),
        Binding("up,k", "move(-1)", "Previous stage", show=False, id="funnel.up",
                tooltip="Select the previous stage"),
        Binding("home,g", "first", "First stage", show=False, id="funnel.first",
                tooltip="Select the first stage"),
        Binding("end,G", "last", "Last stage", show=False, id="funnel.last",
                tooltip="Select the last stage"),
        Binding("pagedown,space", "page(1)", "Scroll down", show=False, id="funnel.page_down",
                tooltip="Scroll the funnel down a page"),
        Binding("pageup", "page(-1)", "Scroll up", show=False, id="funnel.page_up",
                tooltip="Scroll the funnel up a page"),
        Binding("o", "outcomes", "Won/lost", id="funnel.outcomes",
                tooltip="List the won, lost, nurture and dead prospects (o again: the next)"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        summary = self._summary()
        currency = self.leadline.config.currency
        yield Static(self._title(), classes="title-bar", id="funnel-title")
        with FunnelBody(id="funnel-body", can_focus=False):
            yield QuotaBar(words.quota_view(summary, currency), id="quota")
            yield ColumnTitles()
            for section in summary.sections:
                yield Static(words.section_heading(section, currency),
                             id=f"section-{section.key}", classes="section-heading")  # fmt: skip
                for line in self._stage_lines(summary, section.key):
                    yield StageRow(line, self._largest(summary))
            yield Static(words.best_few_line(summary), id="best-few", classes="note-line")
            yield Static("Advice", classes="block-title")
            yield AdviceList(words.advice_sentences(summary), id="advice")
            yield Static("Time, last 30 days", classes="block-title")
            yield Static(words.time_lines(summary, self.leadline.config), id="time")
            yield Static("Conversion", classes="block-title")
            yield Static(words.conversion_lines(summary, self.leadline.config), id="conversion")
            yield Static(words.outcome_line(summary, currency), id="outcomes")
            yield Static("What the ideal customer profile has learned", classes="block-title")
            yield Static(words.icp_lines(summary), id="icp-learning")
        yield LeadlineFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self._start_at_top)

    def _start_at_top(self) -> None:
        """Focus the first stage with the quota in view (Textual would centre the row)."""
        rows = self._rows()
        if rows:
            self.set_focus(rows[0], scroll_visible=False)
        self.query_one("#funnel-body").scroll_home(animate=False, immediate=True)

    # -- data -----------------------------------------------------------------

    def _summary(self) -> FunnelSummary:
        app = self.leadline
        # After a save only the saved prospect's parts are made again (memo.py).
        return app.memo.funnel(app.summaries(), app.config, app.today())

    def _title(self) -> str:
        return f" Funnel · {day_text(self.leadline.today())}"

    @staticmethod
    def _largest(summary: FunnelSummary) -> float:
        return max((b.value for b in summary.stages), default=0.0)

    def _stage_lines(self, summary: FunnelSummary, section: str) -> list[StageLine]:
        config = self.leadline.config
        tones = {stage.key: stage.tone for stage in config.stages}
        return [
            StageLine(
                b.key,
                b.name,
                tones.get(b.key, "neutral"),
                b.count,
                b.value,
                b.weighted_value,
                config.currency,
            )
            for b in summary.stages
            if b.section is not None and b.section.value == section
        ]

    def refresh_data(self) -> None:
        """Recompute the summary and update every part in place."""
        summary = self._summary()
        config, currency = self.leadline.config, self.leadline.config.currency
        self.query_one("#funnel-title", Static).update(self._title())
        self.query_one(QuotaBar).update(words.quota_view(summary, currency))
        largest = self._largest(summary)
        for section in summary.sections:
            heading = self.query_one(f"#section-{section.key}", Static)
            heading.update(words.section_heading(section, currency))
            for line in self._stage_lines(summary, section.key):
                self.query_one(f"#stage-{line.key}", StageRow).update(line, largest)
        self.query_one("#best-few", Static).update(words.best_few_line(summary))
        self.query_one(AdviceList).show(words.advice_sentences(summary))
        self.query_one("#time", Static).update(words.time_lines(summary, config))
        self.query_one("#conversion", Static).update(words.conversion_lines(summary, config))
        self.query_one("#outcomes", Static).update(words.outcome_line(summary, currency))
        self.query_one("#icp-learning", Static).update(words.icp_lines(summary))

    # -- keys -----------------------------------------------------------------

    def _rows(self) -> list[StageRow]:
        return list(self.query(StageRow))

    def _focused_index(self) -> int:
        rows = self._rows()
        return rows.index(self.focused) if self.focused in rows else -1

    def action_move(self, step: int) -> None:
        rows, index = self._rows(), self._focused_index()
        target = index + step
        if 0 <= target < len(rows):
            self.set_focus(rows[target])  # at once: the next key may follow fast
        else:  # past either end: keep reading (quota above, advice below)
            self.action_page(step)

    def action_first(self) -> None:
        rows = self._rows()
        if rows:
            self.set_focus(rows[0], scroll_visible=False)
        self.query_one("#funnel-body").scroll_home(animate=False)

    def action_last(self) -> None:
        rows = self._rows()
        if rows:
            self.set_focus(rows[-1])

    def action_page(self, step: int) -> None:
        body = self.query_one(FunnelBody)
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def on_stage_row_chosen(self, message: StageRow.Chosen) -> None:
        self.leadline.open_stage(message.key)

    def action_outcomes(self) -> None:
        """The won list; `o` there goes on to lost, nurture and dead."""
        from leadline.tui.screens.outcome_list import OutcomeListScreen  # noqa: PLC0415

        self.app.push_screen(OutcomeListScreen("won"))
