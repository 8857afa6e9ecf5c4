"""`leadline demo`: the bundled pipeline in a throw-away copy.

The sample is copied into a fresh private temporary directory with its dates
moved so that its anchor day is today; nothing is ever written into the
repository or the installed package.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

from leadline.core.config.loader import load_config
from leadline.core.config.model import Config
from leadline.core.sample.rebase import rebase_pipeline_doc
from leadline.core.store.facade import Store
from leadline.tui.cli.support import TUI_LOCK_TIMEOUT

OPEN_DEMO_STATUS = 64
"""The TUI's exit status asking the command line to open the demo next (the first-run
screen's `d`); never the status of the `leadline` process itself."""


def write_demo_copy(target_dir: Path, today: date) -> tuple[Path, Path]:
    """Write the sample data file (rebased to `today`) and config into `target_dir`."""
    package = resources.files("leadline.sample_data")
    data = json.loads(package.joinpath("pipeline.json").read_text(encoding="utf-8"))
    db_path = target_dir / "leadline.json"
    db_path.write_text(json.dumps(rebase_pipeline_doc(data, today)), encoding="utf-8")
    db_path.chmod(0o600)
    config_path = target_dir / "config.yaml"
    config_path.write_text(
        package.joinpath("config.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return db_path, config_path


@contextmanager
def open_demo(today: date | None = None) -> Iterator[tuple[Store, Config]]:
    """Yield a store and config on a fresh demo copy; remove it afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="leadline-demo-"))
    try:
        db_path, config_path = write_demo_copy(workdir, today or date.today())
        config = load_config(config_path)
        store = Store.open(db_path, backups=config.backups, lock_timeout=TUI_LOCK_TIMEOUT)
        try:
            yield store, config
        finally:
            store.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
