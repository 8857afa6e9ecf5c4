"""What a prospect decoded by type alone may still get wrong, checked in one pass.

The fast decoder (msgspec, in `store/decoding.py`) makes sure every field has its
type; the ranges are the model's own (`records/reading.py`). A prospect this doubts
is decoded again by `Prospect.from_doc`, which names the field at fault, so this
only needs to be cheap and never to let a bad one through.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from leadline.core.models import Prospect
from leadline.core.records.reading import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_AMOUNT,
    MAX_COUNT,
    MAX_INTERVAL_DAYS,
)

_FIRST, _LAST = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
_FIRST_TIME, _END_TIME = datetime(FIRST_YEAR, 1, 1), datetime(LAST_YEAR + 1, 1, 1)


def plausible(p: Prospect) -> bool:
    """True when every date, number and reserved field of `p` is within the model's bounds."""
    if p.extra or p.source is not None:
        return False  # the text named a field the model keeps for itself
    if not (_moment(p.created) and _moment(p.updated) and all(_moment(n.at) for n in p.notes)):
        return False
    return _days(p) and _numbers(p)


def _moment(at: datetime) -> bool:
    return at.tzinfo is None and _FIRST_TIME <= at < _END_TIME


def _days(p: Prospect) -> bool:
    days = [t.date for t in p.touches]
    days += [s.date for s in p.stage_history]
    days += [m.date for m in p.meetings]
    for c in p.contacts:
        days += [d for d in (c.birthday, c.anniversary) if d is not None]
    days += [d for d in (p.expected_close, p.plan.next_due) if d is not None]
    return not days or (_FIRST <= min(days) and max(days) <= _LAST)


def _numbers(p: Prospect) -> bool:
    amounts = [p.value] if p.budget is None else [p.value, p.budget]
    amounts += [v for v in p.icp.values() if isinstance(v, int | float) and type(v) is not bool]
    if not all(math.isfinite(a) and abs(a) <= MAX_AMOUNT for a in amounts):
        return False
    interval = p.plan.interval_days
    if interval is not None and not 0 <= interval <= MAX_INTERVAL_DAYS:
        return False
    return all(0 <= t.minutes <= MAX_COUNT for t in p.touches)
