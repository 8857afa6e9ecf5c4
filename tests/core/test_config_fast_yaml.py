"""libyaml composes the configuration when PyYAML has it: the same values and the
same problems at the same line:col as the pure Python composer."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadline.core.config import yaml_nodes
from leadline.core.config.loader import ConfigError, parse_config

ROOT = Path(__file__).parents[2]
STAGES = """\
stages:
  - {key: lead, name: Lead, section: above, probability: 0.1}
  - {key: demo, name: Demo, section: in, probability: 0.5, meeting: true}
"""

# fmt: off
TEXTS = {
    "default": (ROOT / "core" / "config" / "default_config.yaml").read_text(encoding="utf-8"),
    "sample": (ROOT / "sample_data" / "config.yaml").read_text(encoding="utf-8"),
    "yes-plain-and-quoted": STAGES + "theme: yes\ncurrency: 'yes'\n",
    "anchor-and-merge": "base: &b {section: above, probability: 0.1}\n"
                        "stages:\n  - {<<: *b, key: lead, name: Lead}\n  - {<<: *b, key: x}\n",
    "duplicate-and-unknown": STAGES + "backups: 3\nbackups: 4\nbogus: 1\n",
    "empty-and-null": STAGES + "currency:\ntheme: ~\n",
    "block-scalars": STAGES + "currency: |\n  EUR\ntheme: >\n  dark\n",
    "unicode": "stages:\n  - {key: lead, name: Ερώτηση ✓, section: above, probability: 0.1}\n",
    "python-tag": STAGES + "theme: !!python/object:os.system x\n",
    "syntax-error": STAGES + "follow_up:\n  soon_days: 3\n   busy_work_touches: 6\n",
    "tab": "stages:\n\t- {key: lead}\n",
    "control-character": STAGES + "currency: \x07\n",
}
# fmt: on


def outcome(text: str) -> object:
    try:
        return parse_config(text, "config.yaml")
    except ConfigError as error:
        return [str(problem) for problem in error.problems]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_libyaml_and_pure_python_agree(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if yaml_nodes._FAST_LOADER is None:
        pytest.skip("PyYAML without libyaml")
    fast = outcome(TEXTS[name])
    monkeypatch.setattr(yaml_nodes, "_FAST_LOADER", None)
    assert fast == outcome(TEXTS[name])


def test_the_shipped_default_is_composed_by_libyaml() -> None:
    if yaml_nodes._FAST_LOADER is None:
        pytest.skip("PyYAML without libyaml")
    assert yaml_nodes._compose_fast(TEXTS["default"]) is not None
