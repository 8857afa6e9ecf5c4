"""Benchmark inputs: generated pipelines and a bought-lead-list CSV, cached on disk."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date
from pathlib import Path

from leadline.core.sample.generate import iter_pipeline, write_sample_file

SEED = 7


def pipeline_file(cache: Path, count: int, today: date) -> Path:
    """A data file with `count` generated prospects as of `today` (made once, then reused)."""
    path = cache / f"pipeline-{count}-{today.isoformat()}-s{SEED}.json"
    if not path.exists():
        partial = path.with_suffix(".partial")
        write_sample_file(partial, iter_pipeline(count, today, SEED), anchor=today)
        partial.rename(path)
    return path


def working_copy(source: Path, work: Path) -> Path:
    """A fresh copy of `source` in an empty folder `work` (runs never share state)."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, mode=0o700)
    target = work / "leadline.json"
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


def folder_state(db: Path) -> dict[str, tuple[int, int, int]]:
    """Every file beside `db` (the data file, its summary, journal...; not the lock file):
    inode, size and mtime, to notice a run that changed what it should only read."""
    state = {}
    for path in sorted(db.parent.iterdir()):
        if path.suffix == ".lock":
            continue
        info = path.stat()
        state[path.name] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return state


def prospect_ids(db: Path, count: int) -> list[str]:
    """The first `count` prospect ids in the data file (read from its first megabyte)."""
    with open(db, "rb") as handle:
        head = handle.read(1 << 20).decode("ascii", "replace")
    found = re.findall(r'"id":\s*"([0-9a-f]{8})"', head)[:count]
    if len(found) < count:
        raise RuntimeError(f"{db}: found {len(found)} prospect ids, wanted {count}")
    return found


def lead_list_csv(cache: Path, rows: int, today: date) -> Path:
    """A CSV like a bought lead list: one company and contact per row (other seed)."""
    path = cache / f"leads-{rows}-{today.isoformat()}.csv"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    with open(partial, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Company", "Contact", "Title", "Email", "Phone", "Value", "Industry"])
        for p in iter_pipeline(rows, today, seed=SEED + 1000):
            person = p.contacts[0] if p.contacts else None
            writer.writerow(
                [
                    p.name,
                    person.name if person else "",
                    person.title if person else "",
                    person.email if person else "",
                    person.phone if person else "",
                    f"{p.value:.0f}",
                    str(p.icp.get("industry", "")) if isinstance(p.icp, dict) else "",
                ]
            )
    partial.rename(path)
    return path
