"""The queue as a call sheet: whom to contact and how on every row, the person never cut
at 80 columns (CJK names too), `c` copies the handle; the detail never breaks a phone
number or an e-mail across lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from shell_support import toasts
from work_support import TODAY, asynctest, prospect, screen_text, work_prospects

from leadline.core.models import Contact, FollowUpPlan, Meeting, Role
from leadline.tui.app import LeadlineApp

Factory = Callable[..., LeadlineApp]

LONG_MAIL = "nataliia.tkachenko@podillia-mashbud.example.com.ua"


def call_sheet() -> list:  # type: ignore[type-arg]
    plan = FollowUpPlan
    return [
        prospect("pl", "Wisła Logistyka Spółka z ograniczoną odpowiedzialnością", "proposal",
                 value=17000.0, plan=plan(7, "phone", TODAY),
                 contacts=(Contact("Grzegorz Brzęczyszczykiewicz", Role.INFLUENCER, phone="+48 1"),
                           Contact("Anna Nowak", Role.DECISION_MAKER, phone="+48 600 123 456",
                                   email="anna@wisla.pl"))),
        prospect("cn", "北京中科软件有限公司上海分公司", "negotiation", value=7500.0,
                 plan=plan(7, "email", TODAY),
                 contacts=(Contact("欧阳娜娜", Role.DECISION_MAKER, email="nana@zhongke.cn"),)),
        prospect("bd", "Թումանյան Ինժեներինգ Հոլդինգ ՍՊԸ", "needs", value=5000.0,
                 plan=plan(7, "email", date(2026, 12, 20)),
                 contacts=(Contact("Արամ Սարգսյան-Թումանյան", birthday=date(1975, 11, 23),
                                   phone="+374 10 123456"),)),
        prospect("mt", "Невские Информационные Системы", "meeting", value=16000.0,
                 plan=plan(7, "phone", date(2026, 12, 20)),
                 meetings=(Meeting(date(2026, 11, 24), "Kick-off", "10:00", "Наталья Кузнецова"),),
                 contacts=(Contact("Иван Петров", Role.DECISION_MAKER, phone="+7 912 000-00-00"),
                           Contact("Наталья Кузнецова", phone="+7 917 835-91-55"))),
        prospect("pod", "ТОВ «Поділля Машбуд»", "proposal", value=16000.0,
                 plan=plan(7, "email", date(2026, 12, 20)),
                 contacts=(Contact("Наталія Ткаченко", Role.COACH, email=LONG_MAIL,
                                   phone="+380 44 123 45 67"),)),
    ]  # fmt: skip


def _row(text: str, company_start: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith(" " + company_start)]
    return line


@asynctest
async def test_every_row_names_the_person_whole_at_80_columns(app_factory: Factory) -> None:
    app = app_factory(prospects=call_sheet())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
    assert "Contact" in text.splitlines()[1]
    assert "Anna Nowak" in _row(text, "Wisła")  # the decision maker, not the first listed
    assert "欧阳娜娜" in _row(text, "北京")
    assert "Արամ Սարգսյան-Թումանյան" in _row(text, "Թումանյան")  # the birthday's person
    assert "Наталья Кузнецова" in _row(text, "Невские")  # the meeting's person
    # Wide characters keep the columns aligned: the value column ends in one place.
    ends = {len(_row(text, start).split("€")[0]) for start in ("Wisła", "Невские")}
    assert len(ends) == 1


@asynctest
async def test_the_line_under_the_list_says_how_and_c_copies_it(app_factory: Factory) -> None:
    app = app_factory(prospects=call_sheet())
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        while screen.selected_item().prospect.id != "pl":  # type: ignore[attr-defined]
            await pilot.press("j")
        assert "Call Anna Nowak: +48 600 123 456" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
    assert copied == ["+48 600 123 456"]
    assert "Copied +48 600 123 456 (Anna Nowak)" in toasts(app)


@asynctest
async def test_with_no_contact_the_line_says_how_to_add_one_whole_at_60(
    app_factory: Factory,
) -> None:
    nobody = prospect("no", "Nobody Yet GmbH", "lead", plan=FollowUpPlan(7, "email", TODAY))
    app = app_factory(prospects=[nobody])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        line = " No contact listed: Enter, e, c, then a adds one."
        assert line in screen_text(app).splitlines()
        await pilot.press("enter", "e", "c", "a")  # what it says opens the contact form
        await pilot.pause()
        text = screen_text(app)
    assert "Contact" in text and "Name" in text and "Role" in text


@asynctest
async def test_copy_sends_osc_52_to_the_terminal(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        written: list[str] = []
        driver = app._driver  # noqa: SLF001 - the one place the escape sequence shows
        assert driver is not None
        real = driver.write
        driver.write = lambda data: (written.append(data), real(data))[1]  # type: ignore[method-assign]
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("c")  # Acme Ltd, overdue first: Anna Berg by phone, no phone: e-mail
        await pilot.pause()
    assert any("\x1b]52;c;YW5uYUBhY21lLnRlc3Q=\a" in data for data in written)
    assert "Copied anna@acme.test (Anna Berg)" in toasts(app)


@asynctest
async def test_the_detail_never_breaks_a_phone_or_an_e_mail(app_factory: Factory) -> None:
    app = app_factory(prospects=call_sheet())
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_prospect("pod")
        await pilot.pause()
        lines = screen_text(app).splitlines()
    assert any(LONG_MAIL in line for line in lines)
    assert any("+380 44 123 45 67" in line for line in lines)
