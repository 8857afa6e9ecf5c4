"""Import and export from the command palette ("import: file…", "export: JSON…").

Import asks for a path, then reads the file and saves every new and updated
prospect in one atomic batch under the store's lock (`Store.batch`), in a
worker thread so the screen keeps drawing its progress bar. While it runs the
progress dialog is on top and the app stops polling the store, so only the
worker touches it. The summary lists the counts and the first problems with
their line numbers. Export writes a 0600 file and says so in a toast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from leadline.core.interop.exporters import export_csv, export_ics, export_json, open_private
from leadline.core.interop.importers import ImportFileError, ImportResult, MappingError, read_import
from leadline.core.models import Prospect
from leadline.core.rules.dupes import like_existing
from leadline.core.store.facade import DataFileError, StoreLocked
from leadline.tui.dialogs.interop import PathPrompt, ProgressDialog, SummaryDialog
from leadline.tui.text import dupe_words

if TYPE_CHECKING:
    from leadline.tui.app import LeadlineApp

SHOWN_PROBLEMS = 20
"""Problem lines in the summary (it scrolls); the CLI can list them all."""

IMPORT_ERRORS = (ImportFileError, MappingError, StoreLocked, DataFileError, OSError, ValueError)

EXPORTS = {"csv": "CSV", "json": "JSON", "ics": "iCalendar"}
"""Export formats and their names in the palette."""


def summary_text(result: ImportResult, path: Path, alike: int = 0) -> str:
    """The import's outcome in words: counts, warnings, unmapped stages, the new
    prospects that look like stored ones (`alike`), first problems."""
    lines = [
        f"{path.name} · {result.format} · {result.rows_read:,} rows read",
        f"{len(result.new):,} new · {len(result.updated):,} updated · "
        f"{result.unchanged:,} unchanged · {len(result.rejected_lines):,} skipped",
    ]
    lines += [f"Warning: {warning}" for warning in result.warnings]
    if result.unmapped_stages:
        listed = ", ".join(f"{name!r} ({n})" for name, n in result.unmapped_stages.items())
        lines.append(f"Unmapped stages: {listed}; map them under stage_mapping in the config.")
    if alike:
        lines.append(dupe_words.import_note(alike).capitalize() + ".")
    if result.problems:
        lines.append("")
        lines += [str(problem) for problem in result.problems[:SHOWN_PROBLEMS]]
        more = len(result.problems) - SHOWN_PROBLEMS
        if more > 0:
            lines.append(f"… and {more:,} more ('leadline import --dry-run --all-problems FILE')")
    return "\n".join(lines)


def start_import(app: LeadlineApp) -> None:
    """Ask for a file, then import it in a worker thread."""

    def chosen(path: Path | None) -> None:
        if path is not None:
            progress = ProgressDialog(f"Importing {path.name}")
            app.push_screen(progress)
            app.run_worker(lambda: _import(app, path, progress), thread=True, group="interop")

    app.push_screen(PathPrompt("Import · which file?", reading=True), chosen)


def _import(app: LeadlineApp, path: Path, progress: ProgressDialog) -> None:
    """The worker: read and save under the lock, then show the summary on the UI thread."""
    found: list[ImportResult] = []
    stored: list[list[Prospect]] = []
    shown = [-1]

    def advance(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            app.call_from_thread(progress.advance, done, total)

    def settle(existing: list[Prospect]) -> list[Prospect]:
        # `existing` are summaries: only the prospects rows match are decoded whole
        found.append(pending.settle(existing, app.store.get))
        stored.append(existing)
        return [*found[-1].updated, *found[-1].new]

    saved: list[Prospect] = []
    app.pause_polling = True
    try:
        # Read outside the lock (other processes keep saving), settle and save under it.
        today: date = app.today()
        pending = read_import(path, app.config, today=today, progress=advance)
        saved = app.store.batch(settle, by="TUI: import", now=app.now())
        alike = len(like_existing(found[-1].new, stored[-1]))  # after the lock is let go
        outcome: tuple[str, str] = (f"Imported · {path.name}", summary_text(found[-1], path, alike))
    except IMPORT_ERRORS as error:
        outcome = (f"Not imported · {path.name}", str(error))
    finally:
        app.pause_polling = False
    app.call_from_thread(_finish_import, app, progress, *outcome, saved=[p.id for p in saved])


def _finish_import(
    app: LeadlineApp, progress: ProgressDialog, title: str, body: str, *, saved: list[str]
) -> None:
    if app.screen is progress:
        app.pop_screen()
    app.announce(saved)
    app.push_screen(SummaryDialog(title, body))


def start_export(app: LeadlineApp, fmt: str) -> None:
    """Ask for a file, then write every prospect to it as `fmt` (csv, json or ics)."""
    suggestion = f"~/leadline-{app.today().isoformat()}.{fmt}"

    def chosen(path: Path | None) -> None:
        if path is not None:
            prospects = app.store.scan()  # the ids now; the worker decodes one at a time
            app.run_worker(lambda: _export(app, path, fmt, prospects), thread=True, group="interop")

    title = f"Export {EXPORTS[fmt]} · to which file?"
    app.push_screen(PathPrompt(title, reading=False, suggestion=suggestion), chosen)


def _counted(prospects: Iterable[Prospect], seen: list[int]) -> Iterator[Prospect]:
    for p in prospects:
        seen[0] += 1
        yield p


def _export(app: LeadlineApp, path: Path, fmt: str, prospects: Iterable[Prospect]) -> None:
    """The worker: write the file (0600), then a toast on the UI thread. `prospects` is
    read once, as it goes (a scan of the store keeps no whole prospect in memory)."""
    seen = [0]
    counted = _counted(prospects, seen)
    try:
        if fmt == "ics":
            payload = export_ics(counted, app.config, app.today())
            with open_private(path, binary=True) as out:
                out.write(payload)
        else:
            writer = export_csv if fmt == "csv" else export_json
            with open_private(path) as out:
                writer(counted, cast(TextIO, out))
    except (OSError, ValueError, DataFileError) as error:
        app.call_from_thread(app.notify, str(error), title="Not exported", severity="error")
        return
    message = f"{seen[0]:,} prospects to {path} (readable by you only)."
    app.call_from_thread(app.notify, message, title=f"Exported {EXPORTS[fmt]}")
