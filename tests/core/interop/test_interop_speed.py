"""10,000 rows import in well under two seconds of CPU time."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from conftest import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import import_rows

STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]


def test_ten_thousand_rows(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Id", "Company", "Contact", "Email", "Stage", "Amount", "Created"])
        for i in range(10_000):
            writer.writerow(
                [f"D{i}", f"Company {i}", f"Person {i}", f"p{i}@example.test"]
                + [STAGES[i % 6], f"€{i % 97 + 1}.{i % 1000:03d},50", f"{i % 28 + 1:02d}.01.2024"]
            )
    started = time.process_time()
    result = import_rows(path, config, today=TODAY, existing=[])
    elapsed = time.process_time() - started
    assert (len(result.new), result.problems) == (10_000, [])
    assert sum(p.stage == "won" for p in result.new) == 1666
    assert elapsed < 2.0, f"10,000 rows took {elapsed:.2f} s of CPU"
    print(f"10,000 rows: {elapsed:.2f} s CPU")
