"""Textual's private API is used in tui/compat.py only, and every name it relies on exists.

A Textual upgrade that renames or drops one of them fails here, by name, instead of
somewhere deep in a key press or a crash report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textual
from shell_support import AppFactory
from work_support import asynctest

from leadline.tui import compat

TUI = Path(compat.__file__).parent
PRIVATE_IMPORT = re.compile(
    r"^\s*from textual[\w.]*\._\w+ import|^\s*import textual[\w.]*\._", re.M
)


@pytest.mark.parametrize(
    ("owner", "name"), compat.PRIVATE_NAMES, ids=lambda v: getattr(v, "__name__", v)
)
def test_each_private_name_compat_relies_on_exists(owner: type, name: str) -> None:
    assert hasattr(owner, name), f"Textual {textual.__version__}: {owner.__name__}.{name} is gone"


@asynctest
async def test_the_private_attributes_of_a_live_app_exist(app_factory: AppFactory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)):
        for name in ("_return_code", "_exception", "_exit_renderables"):
            assert hasattr(app, name), f"Textual {textual.__version__}: App.{name} is gone"


def test_the_installed_textual_is_the_one_compat_was_written_for() -> None:
    # Not a failure to fix by editing the version: re-read every function in
    # tui/compat.py against the new release first, then update TEXTUAL_VERSION.
    assert textual.__version__ == compat.TEXTUAL_VERSION


def test_no_module_but_compat_touches_textuals_private_api() -> None:
    private = {name for _owner, name in compat.PRIVATE_NAMES} | {
        "_return_code",
        "_exception",
        "_exit_renderables",
        "_footer",
    }
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "compat.py":
            continue
        text = path.read_text(encoding="utf-8")
        if PRIVATE_IMPORT.search(text):
            offenders.append(f"{path.name}: imports a private Textual module")
        offenders += [f"{path.name}: {name}" for name in private if re.search(rf"\.{name}\b", text)]
        if re.search(r"def _on_key\b|super\(\)\._on_", text):
            offenders.append(f"{path.name}: overrides a private handler")
    assert offenders == []
