"""The Maven Analytics CRM dataset (MavenTech): sales_pipeline.csv + accounts + products.

Choices, each documented because the data forces one:
- `deal_stage`: Prospecting and Engaging are looked up like any stage name
  (the shipped config maps Prospecting -> lead, Engaging -> meeting); Won and
  Lost are outcomes reached from the Engaging stage, entered on `engage_date`.
- `engage_date` is the creation date; `close_date` is the day of the outcome.
  Prospecting rows have neither: they are created on the import day.
- Value: `close_value` for won deals. Lost deals carry 0 and open deals
  nothing, so they take the product's list price (`products.csv`), which is
  what the deal was worth while open; the note says so.
- The account's sector, employees and office location become the ICP
  attributes industry, employees and region (revenue in millions of USD as
  `revenue_musd`); rows with no account are named after the product and id.
- Quirks fixed: product `GTXPro` is `GTX Pro` in products.csv; sector
  `technolgy` is read as `technology`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from leadline.core.interop.importers.generic_csv import Adjust, TableFormat
from leadline.core.interop.importers.record import Record
from leadline.core.models import IcpValue

SECTOR_FIXES = {"technolgy": "technology"}
CLOSED = {"won", "lost"}


def _key(product: str) -> str:
    return product.replace(" ", "").casefold()


def _read(path: Path, warnings: list[str]) -> list[dict[str, str]]:
    if not path.exists():
        warnings.append(f"{path.name} not found beside the pipeline file; its details are missing")
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _account_icp(row: dict[str, str]) -> dict[str, IcpValue]:
    icp: dict[str, IcpValue] = {}
    sector = row.get("sector", "").strip()
    if sector:
        icp["industry"] = SECTOR_FIXES.get(sector, sector)
    for column, attribute, kind in (
        ("employees", "employees", int),
        ("revenue", "revenue_musd", float),
    ):
        try:
            icp[attribute] = kind(row.get(column, ""))
        except ValueError:
            pass
    if row.get("office_location", "").strip():
        icp["region"] = row["office_location"].strip()
    return icp


def make_maven_adjuster(path: Path, warnings: list[str]) -> Adjust:
    """Load accounts.csv and products.csv beside `path`; return the row adjuster."""
    folder = path.parent
    accounts = {r["account"]: _account_icp(r) for r in _read(folder / "accounts.csv", warnings)}
    products = _read(folder / "products.csv", warnings)
    prices = {_key(r["product"]): r["product"] for r in products}
    list_price = {_key(r["product"]): r.get("sales_price", "") for r in products}

    def adjust(record: Record) -> None:
        product = record.get("product")
        record.fields["product"] = prices.get(_key(product), product)
        account = record.get("organization")
        record.icp.update(accounts.get(account, {}))
        if not account:
            record.fields["name"] = f"{record.fields['product']} deal {record.get('external_id')}"
            record.extras.append(("account", "(none in the source)"))
        stage = record.get("stage")
        if stage.casefold() in CLOSED:
            record.fields["status"] = stage
            record.fields["stage"] = "Engaging"
        won = stage.casefold() == "won"
        price = list_price.get(_key(product), "")
        if not won and price and record.get("value") in ("", "0"):
            record.extras.append(("close_value", record.get("value") or "(none)"))
            record.extras.append(("value", f"list price of {record.fields['product']}"))
            record.fields["value"] = price
        record.fields.setdefault("currency", "USD")

    return adjust


MAVEN = TableFormat(
    "maven",
    synonyms={"engage date": "created", "close date": "closed_on", "close value": "value"},
    make_adjuster=make_maven_adjuster,
)
