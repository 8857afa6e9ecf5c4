"""A sales manager's scenario through the command line only (issue 11): a lead nobody
called, a customer on quarterly calls, an upsell reopened from a won deal and a birthday
card, with the clock fixed and `--today` looking ahead. Each answer is the one core's rules
give, as `leadline queue`, `warnings`, `show` and `funnel` print it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from leadline.tui.cli.support import Context

Run = Callable[..., Any]

START = datetime(2026, 3, 2, 9, 0)  # a Monday


class Clock:
    """The CLI's clock, moved by the scenario (the commands read `Context.now`)."""

    def __init__(self) -> None:
        self.now = START

    def days(self, n: int) -> date:
        return (START + timedelta(days=n)).date()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(Context, "now", staticmethod(lambda: c.now))
    yield c


def queue(cli: Run, today: date) -> dict[str, list[str]]:
    """Each prospect's queue reasons on `today`."""
    items = json.loads(cli("queue", "--json", "--today", today.isoformat()).stdout)
    found: dict[str, list[str]] = {}
    for item in items:
        found.setdefault(item["name"], []).append(item["reason"])
    return found


def test_the_rules_through_the_command_line(cli: Run, clock: Clock) -> None:
    cli("add", "Never Called Ltd")
    cli("add", "Quarterly GmbH", "--contact", "Olga", "--role", "decision maker")
    cli("add", "Upsell AG", "--contact", "Uwe", "--role", "decision maker")
    cli("add", "Card Co", "--contact", "Bea", "--role", "coach")
    cli("contact", "edit", "Card Co", "Bea", "--birthday", "1980-03-20")

    # A new lead is due at once, as a first contact; a year on it is still not "dead".
    assert queue(cli, clock.days(0))["Never Called Ltd"] == ["first-contact"]
    assert queue(cli, clock.days(365))["Never Called Ltd"] == ["first-contact"]

    # Quarterly calls agreed with the customer: two months in, and a day after the check-in,
    # nothing to stop; only once two check-ins have gone by without a response.
    cli("log", "Quarterly", "--channel", "phone", "--outcome", "replied")
    cli("edit", "Quarterly", "--interval", "90", "--agreed", "--channel", "phone")
    cli("reschedule", "Quarterly", clock.days(90).isoformat())
    assert "stop-following" not in queue(cli, clock.days(60)).get("Quarterly GmbH", [])
    assert "stop-following" not in queue(cli, clock.days(91)).get("Quarterly GmbH", [])
    late = json.loads(cli("queue", "--json", "--today", clock.days(181).isoformat()).stdout)
    (stop,) = [i for i in late if i["name"] == "Quarterly GmbH"]
    assert stop["reason"] == "stop-following"
    assert stop["stop"]["days_limit"] == 180 and stop["stop"]["since"] == "response"
    text = cli("queue", "--today", clock.days(181).isoformat()).stdout
    assert "181 days silent since the last response (limit 180)" in text

    # Won on day 10; reopened for an upsell on day 300: a new deal, nothing to stop, and
    # the old win stays in its quarter.
    cli("log", "Upsell", "--channel", "meeting", "--outcome", "replied")
    clock.now = START + timedelta(days=10)
    cli("move", "Upsell", "won")
    clock.now = START + timedelta(days=300)
    reopened = cli("move", "Upsell", "proposal").stdout
    assert "a new deal: set its value and close date" in reopened
    assert queue(cli, clock.days(300)).get("Upsell AG", []) != ["stop-following"]
    shown = json.loads(cli("show", "Upsell", "--json").stdout)
    assert [e["stage"] for e in shown["stage_history"]][-2:] == ["won", "proposal"]
    assert shown["value"] == 0  # the new deal is sized by the user, not the old win
    back = json.loads(cli("funnel", "--json", "--today", clock.days(10).isoformat()).stdout)
    assert back["quota"]["won_deals"] == 1

    # A birthday card: logged from the queue's card item, it is a card, not a sales touch.
    clock.now = START + timedelta(days=17)
    day = clock.days(17)
    assert "birthday" in queue(cli, day)["Card Co"]
    before = json.loads(cli("show", "Card Co", "--json").stdout)
    cli("log", "Card Co", "--channel", "card", "--outcome", "replied")
    after = json.loads(cli("show", "Card Co", "--json").stdout)
    assert after["touches"][-1]["outcome"] == "sent"
    assert after["plan"] == before["plan"]  # the sales follow-up did not move
    assert "birthday" not in queue(cli, day).get("Card Co", [])
    assert queue(cli, day)["Card Co"] == ["first-contact"]  # and nobody has called yet

    # Warnings as of a day: the upsell in Proposal has no coach or influencer met; the lead
    # nobody called was never followed up, so "followed but never qualified" is not said.
    found = json.loads(cli("warnings", "--json", "--today", clock.days(300).isoformat()).stdout)
    codes = {w["name"]: {x["code"] for x in w["warnings"]} for w in found}
    assert "missing-influences" in codes["Upsell AG"]
    assert "unqualified-followed" not in codes["Never Called Ltd"]
    assert "unqualified-followed" not in codes["Card Co"]  # a card is not a follow-up
