"""Config keys the front-ends read: lost reasons, the keymap and the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import NOW, prospect

from leadline.core.actions import loss_reason, move
from leadline.core.config.keymap import unknown_binding_ids
from leadline.core.config.loader import ConfigError, load_config, parse_config
from leadline.core.models import Outcome

STAGES = "stages:\n  - {key: lead, name: Lead, section: above, probability: 0.1}\n"


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        parse_config(STAGES + text, "c.yaml")
    return [str(p) for p in raised.value.problems]


def test_lost_reasons_default_to_six_short_reasons() -> None:
    assert load_config().lost_reasons == (
        "price", "timing", "competitor", "no budget", "no decision", "went silent",
    )  # fmt: skip
    assert parse_config(STAGES).lost_reasons == load_config().lost_reasons


def test_lost_reasons_are_read_and_checked_at_their_line() -> None:
    config = parse_config(STAGES + "lost_reasons: [too dear, 'no champion']\n")
    assert config.lost_reasons == ("too dear", "no champion")
    assert problems("lost_reasons: [price, '  ', price]\n") == [
        "c.yaml:3:23: lost_reasons: a reason cannot be empty",
        "c.yaml:3:29: 'price' is listed twice in lost_reasons (first at line 3)",
    ]
    wrong = "c.yaml:3:15: lost_reasons must be a list, got 'price'"
    assert problems("lost_reasons: price\n") == [wrong]
    too_long = problems(f"lost_reasons: [{'x' * 41}]\n")[0]
    assert too_long.startswith("c.yaml:3:16: lost_reasons: 'xxxx")
    assert problems("lost_reason: [x]\n") == [
        "c.yaml:3:1: unknown key 'lost_reason'; did you mean 'lost_reasons'?"
    ]


def test_a_loss_keeps_the_configs_spelling_or_the_free_text() -> None:
    config = load_config()
    assert loss_reason(config, " No  BUDGET ") == "no budget"
    assert loss_reason(config, "  they  merged ") == "they merged"
    deal = prospect("proposal", name="Acme")
    lost = move(deal, Outcome.LOST.value, config, NOW.date(), NOW, "Price")
    assert (lost.stage, lost.lost_reason) == ("lost", "price")
    reopened = move(lost, "proposal", config, NOW.date(), NOW, "ignored")
    assert reopened.lost_reason == "price"  # a reason is only written by a loss


def test_keymap_and_mouse_are_read_and_a_bad_key_list_is_named() -> None:
    assert (load_config().mouse, load_config().keymap) == (True, {})
    config = parse_config(STAGES + 'mouse: false\nkeymap: {app.queue: "t,ctrl+t", app.help: "?"}\n')
    assert config.mouse is False
    assert config.keymap == {"app.queue": "t,ctrl+t", "app.help": "?"}
    assert problems("keymap: {app.queue: ctrl t}\n") == [
        "c.yaml:3:21: keymap.app.queue: 'ctrl t' is not a list of keys; write keys such as "
        "'t', 'ctrl+t' or 'f2', separated by commas"
    ]
    assert problems("keymap: {app.queue: 't,,x'}\n")[0].startswith("c.yaml:3:21: keymap.app.queue")
    assert problems("keymap: [t]\n") == ["c.yaml:3:9: keymap must be a mapping, got a list"]
    assert problems("mouse: maybe\n")[0].startswith("c.yaml:3:8: mouse must be true or false")


def test_unknown_binding_ids_are_named_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(STAGES + "keymap:\n  app.queue: w\n  prospect.lgo_touch: L\n")
    known = {"app.queue", "prospect.log_touch"}
    assert [str(p) for p in unknown_binding_ids(path, known)] == [
        f"{path}:5:3: keymap: no key has the id 'prospect.lgo_touch'; "
        "did you mean 'prospect.log_touch'?"
    ]
    assert unknown_binding_ids(path, known | {"prospect.lgo_touch"}) == []
