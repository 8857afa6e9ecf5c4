"""The core stays pure: importing it never loads the UI toolkit."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_textual_or_rich() -> None:
    code = (
        "import sys, importlib, pkgutil, leadline.core\n"
        "for m in pkgutil.walk_packages(leadline.core.__path__, 'leadline.core.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout}"


def test_plain_cli_commands_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import leadline.tui.cli.main, leadline.tui.cli.commands\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_queue_command_loads_no_import_export_code(tmp_path: Path) -> None:
    # A user-visible property: `leadline queue` starts fast because it never
    # loads the file readers and writers (icalendar behind them) or the TUI.
    db = tmp_path / "pipeline.json"
    shutil.copy(ROOT / "sample_data" / "pipeline.json", db)
    code = (
        "import sys\n"
        "from leadline.tui.cli.main import main\n"
        f"status = main(['--db', {str(db)!r}, 'queue', '--today', '2026-11-23'])\n"
        "heavy = ('icalendar', 'textual', 'rich', 'leadline.core.interop.importers.pipeline',\n"
        "         'leadline.core.interop.exporters.', 'leadline.core.sample.')\n"
        "print(status, *sorted(n for n in sys.modules if n.startswith(heavy)), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADLINE_")}
    env.update(XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert "Today · Mon 23 Nov 2026 · " in out.stdout
    assert out.stderr.split() == ["0"], f"leadline queue loaded: {out.stderr}"


def test_import_linter_contract_holds(tmp_path: Path) -> None:
    # import-linter reads packages from disk; the editable install maps
    # leadline.core -> core/ through an import hook it cannot see, so lay the
    # tree out as the wheel does and point it there.
    for folder in ("core", "tui", "themes", "sample_data"):
        shutil.copytree(ROOT / folder, tmp_path / "leadline" / folder)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    out = subprocess.run(
        [linter, "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "3 kept, 0 broken" in out.stdout
