"""Garbage collection waits for a pause in typing, so lists never stutter mid-keypress."""

from __future__ import annotations

import gc

from shell_support import AppFactory
from testkit import run_async

from leadline.tui.idle_gc import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _collector(clock: Clock, passes: list[float]) -> IdleCollector:
    return IdleCollector(
        clock=clock,
        quiet=1.0,
        enough=100,
        too_many=10_000,
        collect=lambda: passes.append(clock.now),
    )


def test_no_pass_while_keys_come_then_one_after_a_pause() -> None:
    clock, passes = Clock(), []  # type: ignore[var-annotated]
    idle = _collector(clock, passes)
    for _ in range(10):  # a key every 0.2 s
        idle.key()
        clock.now += 0.2
        assert not idle.tick(allocated=5_000)
    clock.now += 1.0
    assert idle.tick(allocated=5_000)
    assert passes == [clock.now]


def test_nothing_worth_collecting_means_no_pass_even_when_idle() -> None:
    clock, passes = Clock(), []  # type: ignore[var-annotated]
    idle = _collector(clock, passes)
    clock.now += 60
    assert not idle.tick(allocated=99)
    assert passes == []


def test_endless_typing_still_gets_a_pass_before_memory_runs_away() -> None:
    clock, passes = Clock(), []  # type: ignore[var-annotated]
    idle = _collector(clock, passes)
    idle.key()
    assert not idle.tick(allocated=9_999)
    assert idle.tick(allocated=10_000)


def test_the_app_hands_collection_back_to_python_when_it_exits(app_factory: AppFactory) -> None:
    assert gc.isenabled()
    app = app_factory()
    seen: dict[str, bool] = {}

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            seen["during"] = gc.isenabled()
            await pilot.press("t")
            await pilot.pause()

    run_async(main())
    assert seen == {"during": False}
    assert gc.isenabled()
