"""The palette's export worker turns a failed write into an error toast, never a
traceback, and the file already at the path stays as it was (core's atomic export)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from leadline.core.config.loader import load_config
from leadline.core.models import Prospect
from leadline.tui.interop import _export

MOMENT = datetime(2026, 11, 23, 9, 30)
PIPELINE = [Prospect(id="0000000a", name="Acme Ltd", stage="lead", created=MOMENT, updated=MOMENT)]


class _App:
    """What the worker uses of the app: config, clock, and toasts from its thread."""

    config = load_config(None)

    def __init__(self) -> None:
        self.toasts: list[tuple[str, str, str]] = []

    def today(self) -> date:
        return date(2026, 11, 23)

    def call_from_thread(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        func(*args, **kwargs)

    def notify(self, message: str, *, title: str = "", severity: str = "information") -> None:
        self.toasts.append((severity, title, message))


def _enospc(*_args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("fmt", ["csv", "json", "ics"])
def test_a_full_disk_is_an_error_toast_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    target = tmp_path / f"pipeline.{fmt}"
    target.write_bytes(b"yesterday")
    app = _App()
    monkeypatch.setattr(os, "fsync", _enospc)
    _export(app, target, fmt, PIPELINE)  # type: ignore[arg-type]
    monkeypatch.undo()
    message = f"cannot export to {target}: No space left on device; {target} is unchanged"
    assert app.toasts == [("error", "Not exported", message)]
    assert target.read_bytes() == b"yesterday"


def test_a_planted_symlink_is_an_error_toast(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    link = tmp_path / "pipeline.csv"
    link.symlink_to(victim)
    app = _App()
    _export(app, link, "csv", PIPELINE)  # type: ignore[arg-type]
    ((severity, title, message),) = app.toasts
    assert (severity, title) == ("error", "Not exported") and "symbolic link" in message
    assert not victim.exists()
