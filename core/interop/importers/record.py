"""One imported row on its way to a prospect: raw field texts, then typed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from leadline.core.interop.importers.dates import parse_datetime
from leadline.core.interop.importers.fields import DATE_FIELDS, ColumnMap
from leadline.core.interop.importers.values import parse_bool, parse_count, parse_money
from leadline.core.models import IcpValue
from leadline.core.records.reading import year_problem


@dataclass
class Record:
    """A data row split by field. Format modules may adjust it before it is built."""

    line: int
    fields: dict[str, str] = field(default_factory=dict)
    """Field name -> cell text (the first non-empty column for a field wins)."""
    extras: list[tuple[str, str]] = field(default_factory=list)
    """(column, text) of columns mapped to no field: kept in the imported note."""
    icp: dict[str, IcpValue] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    """Field name -> the header of the column it came from (for problem reports)."""

    def get(self, name: str) -> str:
        """The text of a field (stripped by `split_row`), "" when absent."""
        return self.fields.get(name, "")

    def column(self, name: str) -> str:
        """The file's own name for the column behind field `name`."""
        return self.columns.get(name) or name.replace("_", " ")


class RowRejected(Exception):
    """The row cannot become a prospect; `reasons` say why, in the user's words."""

    def __init__(self, reasons: list[str], unmapped_stage: str | None = None) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.unmapped_stage = unmapped_stage


def split_row(line: int, cells: list[str], columns: ColumnMap) -> Record:
    """Spread one row's cells over fields; unmapped non-empty cells become extras."""
    record = Record(line)
    for header, target, cell in zip(columns.headers, columns.fields, cells, strict=True):
        text = cell.strip()
        if not text or target == "ignore":
            continue
        if target is None or target == "note":
            record.extras.append((header, text))
        elif target.startswith("icp:"):
            record.icp[target[4:]] = icp_value(text)
        elif record.fields.get(target):
            record.extras.append((header, text))
        else:
            record.fields[target] = text
            record.columns[target] = header
    return record


def icp_value(text: str) -> IcpValue:
    """A number when the text is one (so min/max criteria work), else the text."""
    try:
        amount, currency = parse_money(text)
    except ValueError:
        return text
    if currency:
        return text
    return int(amount) if amount.is_integer() else amount


@dataclass
class Typed:
    """The typed values of a record's date, money and yes/no fields."""

    dates: dict[str, datetime] = field(default_factory=dict)
    value: float = 0.0
    currency: str = ""
    budget: float | None = None
    employees: int | None = None
    flags: dict[str, bool] = field(default_factory=dict)

    def day(self, name: str) -> date | None:
        """The date of a date field, None when absent."""
        stamp = self.dates.get(name)
        return stamp.date() if stamp else None


def read_typed(record: Record, day_first: dict[str, bool], problems: list[str]) -> Typed:
    """Parse the typed fields of `record`, appending a reason for each bad cell."""
    typed = Typed()
    for name in DATE_FIELDS & record.fields.keys():
        try:
            stamp = parse_datetime(record.get(name), day_first=day_first.get(name, True))
        except ValueError as error:
            problems.append(f"{record.column(name)}: {error}")
            continue
        out_of_range = year_problem(stamp)
        if out_of_range:
            problems.append(f"{record.column(name)}: {record.get(name)!r} {out_of_range}")
        else:
            typed.dates[name] = stamp
    if record.get("value"):
        typed.value, typed.currency = _money(record, "value", problems)
    if record.get("budget"):
        typed.budget = _money(record, "budget", problems)[0]
    if record.get("employees"):
        try:
            typed.employees = parse_count(record.get("employees"))
        except ValueError as error:
            problems.append(f"{record.column('employees')}: {error}")
    for name in ("is_won", "is_closed"):
        if record.get(name):
            try:
                typed.flags[name] = parse_bool(record.get(name))
            except ValueError as error:
                problems.append(f"{record.column(name)}: {error}")
    return typed


def _money(record: Record, name: str, problems: list[str]) -> tuple[float, str]:
    try:
        return parse_money(record.get(name))
    except ValueError as error:
        problems.append(f"{record.column(name)}: {error}")
        return 0.0, ""
