"""The command line helps: --version, "did you mean" for a slip of the keyboard, shell
completion that knows the prospects, and no empty pipeline made up from a mistyped --db."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result


def test_version_comes_from_the_package(cli: Run) -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout == f"leadline {version('leadline')}\n"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["qeue"], "leadline: unknown command 'qeue'; did you mean 'queue'?"),
        (["add", "X", "--emial", "a@b.c"],
         "leadline add: unknown option --emial; did you mean '--email'?"),
        (["log", "x", "--channel", "phone", "--outcome", "replid"],
         "leadline log: --outcome 'replid' is not one of replied, asked-for-info, no-response; "
         "did you mean 'replied'?"),
        (["contact", "ad", "x", "Bob"],
         "leadline contact: unknown action 'ad'; did you mean 'add'?"),
        (["queue", "--jsn"], "leadline queue: unknown option --jsn; did you mean '--json'?"),
    ],
)  # fmt: skip
def test_a_misspelt_word_gets_a_did_you_mean_in_one_line(
    cli: Run, argv: list[str], said: str
) -> None:
    result = cli(*argv, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(said) and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_a_word_nothing_like_a_command_gets_no_guess(cli: Run) -> None:
    result = cli("xyzzy", check=False)
    assert result.returncode == 1
    assert result.stderr == "leadline: unknown command 'xyzzy' (see leadline --help)\n"


@pytest.mark.parametrize(
    "argv",
    [["show", "acme"], ["list"], ["queue"], ["funnel"], ["warnings"], ["check"],
     ["export", "--format", "csv", "-o", "out.csv"], ["note", "acme", "hello"], ["history"]],
)  # fmt: skip
def test_commands_refuse_a_data_file_that_is_not_there(
    cli: Run, cli_db: Path, tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "typo.json"
    result = cli("--db", str(missing), *argv, check=False)
    assert result.returncode == 2
    assert result.stderr == (
        f"leadline: no data file at {missing} (leadline add or leadline import creates one; "
        "check --db / LEADLINE_DB)\n"
    )
    assert not missing.exists() and not cli_db.exists()


def test_add_and_import_create_the_data_file_and_say_where(cli: Run, tmp_path: Path) -> None:
    first = tmp_path / "new" / "pipeline.json"
    added = cli("--db", str(first), "add", "Acme Ltd")
    assert added.stderr == f"leadline: created {first}\n" and len(added.stdout.strip()) == 8
    assert first.is_file()
    assert cli("--db", str(first), "add", "Globex").stderr == ""  # said once, when made
    csv = tmp_path / "leads.csv"
    csv.write_text("Company\nInitech\n", encoding="utf-8")
    other = tmp_path / "imported.json"
    typo = cli("--db", str(other), "import", str(tmp_path / "leeds.csv"), check=False)
    assert typo.returncode == 1 and not other.exists()  # a mistyped file makes no data file
    dry = cli("--db", str(other), "import", str(csv), "--dry-run")
    assert "would import" in dry.stdout and not other.exists()  # a dry run saves nothing
    imported = cli("--db", str(other), "import", str(csv))
    assert f"leadline: created {other}" in imported.stderr and other.is_file()


def test_completion_scripts_call_the_hidden_completer(cli: Run) -> None:
    for shell in ("bash", "zsh", "fish"):
        script = cli("completion", shell).stdout
        assert "leadline __complete" in script
    assert "__complete" not in cli("--help").stdout
    assert "completion" in cli("--help").stdout


def test_completion_offers_commands_options_and_prospect_names(cli: Run) -> None:
    cli("add", "Acme Bakery")
    cli("add", "Łódź Logistics")

    def offered(*words: str) -> list[str]:
        return str(cli("__complete", "--", *words).stdout).splitlines()

    assert offered("qu") == ["queue"]
    assert "contact" in offered("") and "__complete" not in offered("")
    assert offered("add", "--em") == ["--email"]
    assert offered("show", "") == ["Acme Bakery", "Łódź Logistics"]
    assert offered("show", "lodz") == ["Łódź Logistics"]  # accents need not be typed
    assert offered("contact", "") == ["add", "edit", "remove"]
    assert offered("contact", "add", "ac") == ["Acme Bakery"]
    assert offered("log", "acme", "--channel", "") == []  # a value: nothing to guess
    assert offered("show", "Acme Bakery", "") == []
    assert offered("merge", "Acme Bakery", "lo") == ["Łódź Logistics"]  # both sides
    assert offered("completion", "") == ["bash", "fish", "zsh"]


def test_completion_of_names_loads_no_textual(cli_db: Path, cli: Run) -> None:
    cli("add", "Acme Bakery")
    code = (
        "import sys; from leadline.tui.cli.main import main; "
        "main(['__complete', '--', 'show', 'Ac']); print('textual' in sys.modules)"
    )
    env = {**os.environ, "LEADLINE_DB": str(cli_db)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=60, check=True)  # fmt: skip
    assert done.stdout.splitlines() == ["Acme Bakery", "False"]


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("leadline") is None,
                    reason="needs bash and the installed leadline script")  # fmt: skip
def test_bash_completes_a_prospect_name_with_a_space(cli_db: Path, cli: Run) -> None:
    cli("add", "Acme Bakery")
    script = (
        "source <(leadline completion bash); COMP_WORDS=(leadline show Acme); COMP_CWORD=2; "
        '_leadline; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "LEADLINE_DB": str(cli_db)}
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env,
                          timeout=60, check=True)  # fmt: skip
    assert done.stdout == "Acme\\ Bakery\n"
