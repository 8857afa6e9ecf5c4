"""`python -m leadline.core.sample`: write a generated pipeline to a data file."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from leadline.core.config.loader import load_config
from leadline.core.sample.generate import DEFAULT_SEED, iter_pipeline, write_sample_file


def main(argv: list[str] | None = None) -> int:
    """`python -m leadline.core.sample`: write a generated pipeline to a data file."""
    parser = argparse.ArgumentParser(
        prog="python -m leadline.core.sample",
        description="Write a generated pipeline to a leadline data file.",
    )
    parser.add_argument(
        "--count", type=int, default=66, help="prospects (default 66: the demo script)"
    )
    parser.add_argument(
        "--today", type=date.fromisoformat, required=True, help="anchor day, YYYY-MM-DD"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default %(default)s")
    parser.add_argument("--config", type=Path, help="config YAML (default: the shipped one)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    args = parser.parse_args(argv)
    config = None
    if args.config is not None:
        config = load_config(args.config)
    pipeline = iter_pipeline(args.count, args.today, args.seed, config)
    write_sample_file(args.output, pipeline, args.today)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
