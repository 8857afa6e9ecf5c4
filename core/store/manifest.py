"""The record of the backups leadline wrote: `backups/<data file name>.backups`.

Only what is recorded here is ever pruned or offered for restore, so files
someone else put in backups/ (or that look like backups) are left alone and never
named to the user. Each entry says what the backup holds (the data file's
revision, size and digest, the revision of the state with its journal copy) and
which file leadline wrote (device and inode), so that a copy of it put back over
the data file by hand can be recognised (see `restore`). The record is JSON,
written atomically, mode 0600, oldest backup first:

```
{"format": "leadline-backups", "backups": [{"name": "leadline.json.20261123T090000Z.r5.json",
  "revision": 5, "base": 3, "size": 1234, "digest": "9f...", "dev": 2049, "ino": 81,
  "journal": true}]}
```
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from leadline.core.store.atomic import write_private_atomic
from leadline.core.store.safe_files import open_own

FORMAT = "leadline-backups"
SUFFIX = ".backups"
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Content:
    """What identifies a data file's content without reading all of it."""

    base: int
    """The revision in its header."""
    size: int
    digest: str
    """`journal.main_digest` of its bytes."""


@dataclass(frozen=True)
class Entry:
    """One backup leadline wrote."""

    name: str
    """Its file name in backups/ (its journal copy, if any, is `name + ".journal"`)."""
    revision: int
    """The revision of the state it holds, with its journal copy."""
    base: int
    size: int
    digest: str
    dev: int
    ino: int
    journal: bool

    @property
    def content(self) -> Content:
        return Content(self.base, self.size, self.digest)


def manifest_path(folder: Path, data_name: str) -> Path:
    """Where the record of `data_name`'s backups in `folder` lives."""
    return folder / f"{data_name}{SUFFIX}"


def read(folder: Path, data_name: str) -> list[Entry] | None:
    """The recorded backups, oldest first; None if there is no (readable) record."""
    try:
        fd = open_own(manifest_path(folder, data_name), os.O_RDONLY, "backup record")
    except FileNotFoundError:
        return None
    with open(fd, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    try:
        fields: Any = orjson.loads(raw)
        if fields.get("format") != FORMAT:
            return None
        return [_entry(item) for item in fields["backups"]]
    except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None  # damaged: as if none (nothing is pruned, nothing offered unverified)


def _entry(item: dict[str, Any]) -> Entry:
    entry = Entry(
        str(item["name"]), int(item["revision"]), int(item["base"]), int(item["size"]),
        str(item["digest"]), int(item["dev"]), int(item["ino"]), bool(item["journal"]),
    )  # fmt: skip
    if os.path.basename(entry.name) != entry.name or entry.name.startswith("."):
        raise ValueError(f"not a backup's name: {entry.name!r}")
    return entry


def write(folder: Path, data_name: str, entries: list[Entry]) -> None:
    """Replace the record by `entries` (oldest first), atomically."""
    body = {"format": FORMAT, "backups": [asdict(entry) for entry in entries]}
    write_private_atomic(manifest_path(folder, data_name), orjson.dumps(body) + b"\n")
