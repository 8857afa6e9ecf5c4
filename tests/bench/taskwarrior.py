"""The peer for `leadline queue`: Taskwarrior's `task next` on as many pending tasks.

The benchmark installs Taskwarrior from the distribution's packages when it is
missing (as root, without a prompt); when it cannot, the row is skipped with the
reason. Tasks are written straight into a private data folder (Taskwarrior 2.x
`pending.data`, one `[name:"value" ...]` line per task) in a second, not
imported one by one. They look like a salesperson's follow-ups: a project per
stage, tags for the channel, a due date on most, a priority on some and notes
as annotations on a third.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

_STAGES = ("lead", "qualified", "demo", "proposal", "negotiation")
_TOPICS = ("pricing", "the demo", "the proposal", "references", "the contract", "a trial")
_CHANNELS = ("call", "email", "linkedin", "meeting")


@dataclass(frozen=True)
class Taskwarrior:
    """A ready `task` program and the environment that points it at its own data."""

    program: str
    version: str

    def data(self, folder: Path, count: int, today: date) -> dict[str, str]:
        """The environment for `task` on `count` pending tasks as of `today`, kept in
        `folder` (written once, then reused)."""
        data = folder / f"tasks-{count}-{today.isoformat()}"
        rc = folder / f"taskrc-{count}"
        if not (data / "pending.data").exists():
            noon = datetime.combine(today, time(12), tzinfo=UTC)
            _write_tasks(data, count, int(noon.timestamp()))
        rc.write_text(
            f"data.location={data}\nconfirmation=off\nnews.version={self.version}\n"
            "verbose=blank,header,footnote,label,new-id,affected,edit,special,project,sync\n"
        )
        env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(data), HOME=str(folder))
        env.pop("TASKRC_OVERRIDE", None)
        return env

    def count(self, env: dict[str, str]) -> int:
        """How many pending tasks Taskwarrior itself reads from the data (a sanity check)."""
        done = subprocess.run(
            [self.program, "status:pending", "count"],
            env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=True,
        )  # fmt: skip
        return int(done.stdout.strip() or 0)


def find_or_install(log: Callable[[str], None]) -> Taskwarrior | str:
    """Taskwarrior, installing it from the distribution's packages if missing, or why not."""
    program = shutil.which("task")
    if program is None:
        reason = _install(log)
        if reason:
            return reason
        program = shutil.which("task")
        if program is None:
            return "installed taskwarrior, but no `task` program is on PATH"
    done = subprocess.run(
        [program, "--version"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    version = done.stdout.strip()
    if done.returncode != 0 or not version:
        return f"`{program} --version` failed: {done.stderr.strip()[-200:]}"
    if not version.startswith("2."):
        return f"Taskwarrior {version}: the benchmark writes 2.x data files only"
    return Taskwarrior(program, version)


def _install(log: Callable[[str], None]) -> str:
    """Install the `taskwarrior` package with apt-get; an empty string on success."""
    if shutil.which("apt-get") is None:
        return "Taskwarrior is not installed and there is no apt-get to install it"
    if os.geteuid() != 0:
        return "Taskwarrior is not installed and installing it needs root"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "taskwarrior"]
    log("  installing taskwarrior (apt-get install -y taskwarrior)")
    done = subprocess.run(install, env=env, capture_output=True, text=True)
    if done.returncode != 0:  # perhaps a stale package list: refresh it once and retry
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return f"apt-get install -y taskwarrior failed: {done.stderr.strip()[-200:]}"
    return ""


def _write_tasks(data: Path, count: int, now: int) -> None:
    """`count` pending tasks in Taskwarrior 2.x's own file format, written at once."""
    data.mkdir(parents=True, exist_ok=True)
    chance = random.Random(count)
    partial = data / "pending.data.partial"
    with open(partial, "w", encoding="ascii") as out:
        for n in range(count):
            out.write(_task_line(n, chance, now))
    for name in ("completed.data", "undo.data", "backlog.data"):
        (data / name).write_text("")
    partial.rename(data / "pending.data")


def _task_line(n: int, chance: random.Random, now: int) -> str:
    entry = now - chance.randrange(0, 200 * 86400)
    fields = {
        "description": f"Follow up with Company {n} about {chance.choice(_TOPICS)}",
        "entry": str(entry),
        "modified": str(min(now, entry + chance.randrange(0, 86400 * 30))),
        "project": f"sales.{chance.choice(_STAGES)}",
        "status": "pending",
        "tags": ",".join(chance.sample(_CHANNELS, chance.randint(1, 2))),
        "uuid": str(uuid.UUID(int=chance.getrandbits(128), version=4)),
    }
    if chance.random() < 0.8:
        fields["due"] = str(now + chance.randrange(-30, 60) * 86400)
    if chance.random() < 0.3:
        fields["priority"] = chance.choice("HML")
    if chance.random() < 0.35:
        at = entry + 3600
        fields[f"annotation_{at}"] = f"Left a voicemail, asked about {chance.choice(_TOPICS)}"
    body = " ".join(f'{name}:"{value}"' for name, value in sorted(fields.items()))
    return f"[{body}]\n"
