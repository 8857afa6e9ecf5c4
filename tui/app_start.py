"""The app's first run (a mixin of LeadlineApp): an empty pipeline, a data file to create.

On an empty pipeline the first-run screen (tui/screens/first_run.py) comes up
over the funnel. When the data file does not exist yet, the command line starts
the app on an empty throw-away store and names the real path here
(`new_data_file`): the file is created only when the user adds or imports, after
the screen has said where. `d` there ends this app with `OPEN_DEMO_STATUS`, on
which the command line opens the demo pipeline instead.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from leadline.core.config.model import Config
from leadline.core.store.facade import DataFileError, Store
from leadline.tui.cli.support import TUI_LOCK_TIMEOUT
from leadline.tui.demo import OPEN_DEMO_STATUS


class FirstRun(App[int]):
    """Mixin of LeadlineApp: the first-run screen and creating the data file."""

    store: Store
    config: Config
    new_data_file: Path | None = None
    """The data file to create on the first add or import (None: `store` is the real one)."""

    def show_first_run_if_empty(self) -> None:
        """Put the first-run screen over the funnel when there is no prospect at all."""
        from leadline.tui.screens.first_run import FirstRunScreen  # noqa: PLC0415

        if self.new_data_file is not None or not len(self.store):
            self.push_screen(FirstRunScreen())

    def data_file(self) -> tuple[Path, bool]:
        """Where the pipeline is saved, and whether that file exists yet."""
        if self.new_data_file is not None:
            return self.new_data_file, False
        return self.store.path, True

    def ensure_data_file(self) -> bool:
        """Create the data file if it is still to be created; False (after a toast) if it
        cannot be."""
        path = self.new_data_file
        if path is None:
            return True
        try:
            real = Store.open(path, backups=self.config.backups, lock_timeout=TUI_LOCK_TIMEOUT,
                              clock=self.store.clock)  # fmt: skip
        except (DataFileError, OSError) as error:
            self.notify(str(error), title="Cannot create the data file", severity="error")
            return False
        real.actor = self.store.actor
        self.store.close()  # the empty stand-in (its folder goes when the CLI's run ends)
        self.store, self.new_data_file = real, None
        self.notify(f"Created {path}.", markup=False)
        return True

    def open_demo_instead(self) -> None:
        """Leave, asking the command line to open the demo pipeline."""
        self.exit(return_code=OPEN_DEMO_STATUS)
