"""10,000 rows import whole: every row a new prospect, no problem reported.

How fast is a benchmark figure, not a test: `import 10000-row CSV into it (ms)` in
tests/bench/run.py (its `_import`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import import_rows

STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]


def test_ten_thousand_rows_import_whole(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Id", "Company", "Contact", "Email", "Stage", "Amount", "Created"])
        for i in range(10_000):
            writer.writerow(
                [f"D{i}", f"Company {i}", f"Person {i}", f"p{i}@example.test"]
                + [STAGES[i % 6], f"€{i % 97 + 1}.{i % 1000:03d},50", f"{i % 28 + 1:02d}.01.2024"]
            )
    result = import_rows(path, config, today=TODAY, existing=[])
    assert (len(result.new), result.problems) == (10_000, [])
    assert sum(p.stage == "won" for p in result.new) == 1666
