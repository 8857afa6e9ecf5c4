"""Command palette (Ctrl+P) providers: prospects, stage moves, screens, themes.

"prospect: Acme Ltd" opens a prospect, found by its name (fuzzy), a contact, an
e-mail, a phone (core's `search` over the summaries' texts, folded once per
change in the memo) or a word of a note, a touch or a contact's title (the same
search over the whole prospects, streamed from the data file in a thread: the
app keeps none of them); the help says what matched; "won", "lost", "nurture",
"dead" list those prospects; "stage: move Acme Ltd to Demo / trial" acts on the
prospect in view; "funnel", "queue", "theme: leadline-light" go where they say.
Fuzzy name search pre-filters by an in-order character test, so 10k prospects
stay quick, and at most `MAX_PROSPECT_HITS` are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from leadline.core.models import OUTCOME_ORDER, Prospect
from leadline.core.rules.search import Field, search
from leadline.core.rules.search import Hit as SearchHit
from leadline.tui.free_text_search import free_text_hits
from leadline.tui.text.safe import safe

if TYPE_CHECKING:
    from leadline.tui.app import LeadlineApp

MAX_PROSPECT_HITS = 40


def _leadline(provider: Provider) -> LeadlineApp:
    return provider.app  # type: ignore[return-value]


def _in_order(query: str, text: str) -> bool:
    """True when every character of `query` appears in `text` in order (the cheap test)."""
    position = 0
    for char in query:
        position = text.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def _strip_prefix(query: str, prefix: str) -> str:
    """Both "prospect: acme" and "acme" search for acme."""
    lowered = query.lower().lstrip()
    for candidate in (prefix + ":", prefix + " "):
        if lowered.startswith(candidate):
            return query.lstrip()[len(candidate) :].strip()
    return query.strip()


class ProspectCommands(Provider):
    """Jump to any prospect by its name (fuzzy), a contact's name, an e-mail, a phone or
    a word of a note (core's `search`: case and accents ignored); the help says what
    matched."""

    async def search(self, query: str) -> Hits:
        app = _leadline(self)
        wanted = _strip_prefix(query, "prospect")
        if not wanted:
            return
        summaries = app.summaries()
        scan = app.store.scan()  # taken now, read in a thread (free_text_search.py)
        found = search(app.memo.searchables(summaries), wanted, MAX_PROSPECT_HITS)
        shown = {hit.prospect.id for hit in found}
        for rank, hit in enumerate(found):
            yield self._hit(app, hit.prospect, 1.0 - rank / 1000, _matched(hit))
        # What only whole prospects hold (notes, touches, titles): ranked after the above.
        more = free_text_hits(scan, wanted, frozenset(shown), MAX_PROSPECT_HITS - len(found))
        async for hit in more:
            shown.add(hit.prospect.id)
            yield self._hit(app, hit.prospect, _later_score(hit, len(shown)), _matched(hit))
        compact = wanted.lower().replace(" ", "")
        matcher = self.matcher(wanted)
        scored = []
        for prospect in summaries:
            if prospect.id not in shown and _in_order(compact, prospect.name.lower()):
                score = matcher.match(prospect.name)
                if score > 0:
                    scored.append((score, prospect))
        scored.sort(key=lambda item: -item[0])
        for score, prospect in scored[: MAX_PROSPECT_HITS - len(found)]:
            yield self._hit(app, prospect, score * 0.5, "", matcher)

    @staticmethod
    def _hit(app: LeadlineApp, p: Prospect, score: float, why: str, matcher: Any = None) -> Hit:
        stage = app.config.stage(p.stage)
        where = stage.name if stage else p.stage.capitalize()
        name = matcher.highlight(p.name) if matcher is not None else Content(p.name)
        return Hit(
            score,
            Content.assemble("prospect: ", name),
            partial(app.open_prospect, p.id),
            text=f"prospect: {p.name}",
            help=safe(f"{why} · {where}" if why else where),
        )


def _later_score(hit: SearchHit, arrived: int) -> float:
    """Below every summary hit (scored from 1.0 down) and above every fuzzy name hit
    (at most 0.5): by the field that matched best (title, note, touch), then by arrival."""
    return 0.9 - list(Field).index(hit.best.field) / 100 - arrived / 100_000


def _matched(hit: SearchHit) -> str:
    """What matched, for the help line: "contact: Anna Nowak", "note: …the warehouse…"."""
    best = hit.best
    return "" if best.field == Field.COMPANY else f"{best.field}: {best.snippet}"


def prospect_in_view(screen: Screen[Any]) -> str | None:
    """The prospect `screen` is about (detail, highlighted row), if any.

    Screens say so with `current_prospect_id()` (or `context_pid()`, the name
    the queue and detail screens use).
    """
    for name in ("current_prospect_id", "context_pid"):
        getter = getattr(screen, name, None)
        if callable(getter):
            pid = getter()
            return pid if isinstance(pid, str) and pid else None
    return None


def _move_commands(
    app: LeadlineApp, screen: Screen[Any]
) -> Iterator[tuple[str, Callable[[], None], str]]:
    """(text, action, help) for moving the prospect in view to each other stage."""
    pid = prospect_in_view(screen)
    if pid is None:
        return
    try:
        prospect = app.store.summary(pid)  # its name and stage: no decoding
    except KeyError:
        return
    from leadline.core.actions.stages import targets  # noqa: PLC0415
    from leadline.tui.text.labels import stage_label  # noqa: PLC0415

    for key in targets(app.config):
        name = stage_label(app.config, key)
        if key != prospect.stage:
            text = f"stage: move {prospect.name} to {name}"
            yield text, partial(move_to_stage, app, pid, key), f"Record that it entered {name}"


def move_to_stage(app: LeadlineApp, pid: str, key: str) -> None:
    """Move prospect `pid` to stage (or outcome) `key` today, and say so; lost and
    dead ask why first (tui/dialogs/reason.py)."""
    from leadline.core.actions import asks_reason, move  # noqa: PLC0415
    from leadline.tui.dialogs.base import say_saved  # noqa: PLC0415
    from leadline.tui.text import feedback  # noqa: PLC0415
    from leadline.tui.text.labels import stage_label  # noqa: PLC0415

    if asks_reason(key):
        from leadline.tui.dialogs.reason import LossReasonDialog  # noqa: PLC0415

        app.push_screen(LossReasonDialog(pid, key))
        return

    saved = app.save(pid, lambda p: move(p, key, app.config, app.today(), app.now()))
    if saved is not None:
        say_saved(app, feedback.moved(saved.name, stage_label(app.config, key)))


def open_outcome(app: LeadlineApp, outcome: str) -> None:
    """List the prospects with `outcome` (won, lost, nurture, dead)."""
    from leadline.tui.screens.outcome_list import OutcomeListScreen  # noqa: PLC0415

    app.push_screen(OutcomeListScreen(outcome))


def _navigation(app: LeadlineApp) -> Iterator[tuple[str, Callable[[], Any], str]]:
    yield "funnel", partial(app.action_show_mode, "funnel"), "Sections, stages, quota (f)"
    yield "queue", partial(app.action_show_mode, "queue"), "Today's follow-ups (t)"
    yield "add prospect", app.action_add_prospect, "A new lead or prospect (+)"
    for outcome in OUTCOME_ORDER:
        yield (
            outcome,
            partial(open_outcome, app, outcome),
            f"The {outcome} prospects (o on the funnel)",
        )
    yield "help", app.action_help, "Every key of this screen (?)"
    yield "import: file…", app.action_import_file, "Prospects from a CSV or JSON file"
    for fmt, name in (("csv", "CSV"), ("json", "JSON"), ("ics", "iCalendar")):
        yield f"export: {name}…", partial(app.action_export, fmt), "Every prospect, to a file"
    for name in app.leadline_themes:  # not Textual's built-in ones: they lack our tones
        yield f"theme: {name}", partial(setattr, app, "theme", name), "Switch and remember"


class LeadlineCommands(Provider):
    """Screens, themes and stage moves for the prospect in view."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = _leadline(self)
        return [*_move_commands(app, self.screen), *_navigation(app)]

    async def discover(self) -> Hits:
        for text, action, help_text in self._commands():
            yield DiscoveryHit(text, action, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), action, text=text, help=help_text)


LEADLINE_COMMANDS: set[type[Provider]] = {ProspectCommands, LeadlineCommands}
"""Providers added to the app's command palette."""
