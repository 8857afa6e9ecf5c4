"""Real exports from Salesforce, HubSpot, Pipedrive and Odoo (see tests/data/*/SOURCE.md)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

from interop_support import DATA, TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import import_rows
from leadline.core.interop.importers.hubspot import HUBSPOT
from leadline.core.models import Contact, Lifecycle, StageEntry


def test_salesforce_opportunities(config: Config) -> None:
    result = import_rows(DATA / "salesforce" / "Opportunity.csv", config, today=TODAY, existing=[])
    assert result.format == "salesforce"
    assert (result.rows_read, len(result.new), result.problems) == (50, 50, [])
    stages = sorted(p.stage for p in result.new)
    assert stages.count("won") == 12 and stages.count("lost") == 3
    assert (stages.count("qualified"), stages.count("needs"), stages.count("proposal")) == (9, 9, 8)
    assert stages.count("negotiation") == 9  # matched by the stage's own name
    first = next(p for p in result.new if p.external_id == "006Ec00000AieKFIAZ")
    assert first.name == "Patterson-Hansen - Merchant Services - November 2024"
    assert (first.stage, first.value, first.expected_close) == (
        "qualified",
        1124741.15,
        date(2024, 11, 10),
    )
    assert first.created == datetime(2024, 1, 22, 16, 14, 25)  # .000+0000 read as UTC
    assert first.tags == ("Merchant Services",)
    assert "AccountId: 001Ec00000GGw3iIAD" in first.notes[-1].text
    won = next(p for p in result.new if p.external_id == "006Ec00000AieKGIAZ")
    assert won.stage_history == (StageEntry("won", date(2023, 6, 17)),)
    assert won.lifecycle is Lifecycle.CUSTOMER


def test_salesforce_bom_does_not_hide_the_id_column(config: Config) -> None:
    path = DATA / "salesforce" / "Opportunity.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = import_rows(path, config, today=TODAY, existing=[])
    assert all(p.external_id.startswith("006") for p in result.new)


def test_hubspot_export_with_a_column_mapped_to_the_name(config: Config) -> None:
    path = DATA / "hubspot" / "3.crm-bootcamp-vehicles.csv"
    result = import_rows(path, config, mapping={"VIN": "name"}, today=TODAY, existing=[])
    assert result.format == "hubspot"
    assert (result.rows_read, len(result.new), result.problems) == (720, 720, [])
    car = next(p for p in result.new if p.external_id == "10676775052")
    assert car.name == "ZJ6ALBY1N9XTH4W7F"
    assert car.created == datetime(2023, 11, 15, 20, 9)
    assert car.updated == datetime(2023, 11, 16, 9, 16)
    note = car.notes[-1].text
    for line in ("Make: Regal", "Daily Price: 117.0", "Record Source: Import"):
        assert line in note


def test_hubspot_export_without_a_name_column_reports_every_row(config: Config) -> None:
    path = DATA / "hubspot" / "3.crm-bootcamp-vehicles.csv"
    result = import_rows(path, config, today=TODAY, existing=[])
    assert result.new == [] and len(result.problems) == 720
    assert result.problems[0].line == 2 and "no name" in result.problems[0].reason


def test_hubspot_deal_labels_are_hubspots_own(config: Config, tmp_path: Path) -> None:
    doc = json.loads((DATA / "hubspot" / "Deal_property.json").read_text(encoding="utf-8"))
    labels = {p["label"] for p in doc["data"]["results"]}
    used = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date"]
    used += ["Next Activity Date", "Closed Lost Reason", "Currency", "Deal Description"]
    used += ["Is Closed Won"]
    assert set(used) <= labels
    path = tmp_path / "hubspot-deals.csv"
    row = ["901", "Acme renewal", "Contract Sent", "12500.0", "2025-04-30 00:00"]
    row += ["2025-01-10 09:30", "2025-03-20 10:00", "", "EUR", "Renewal of 40 seats", "No"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows([used, row])
    assert HUBSPOT.name == "hubspot"
    (deal,) = import_rows(path, config, today=TODAY, existing=[]).new
    assert (deal.name, deal.stage, deal.value, deal.currency) == (
        "Acme renewal",
        "negotiation",
        12500.0,
        "EUR",
    )
    assert (deal.expected_close, deal.plan.next_due) == (date(2025, 4, 30), date(2025, 3, 20))
    assert deal.notes[0].text == "Renewal of 40 seats"


def _pipedrive_file(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    header_file = DATA / "pipedrive" / "deals-22614642-11.header.csv"
    header = next(csv.reader(header_file.open(encoding="utf-8", newline="")))
    path = tmp_path / "deals-1-1.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h.removeprefix("Deal - "), "") for h in header])
    return path


def test_pipedrive_deals_with_the_real_header(config: Config, tmp_path: Path) -> None:
    rows = [
        {"ID": "7", "Title": "Sofia clinic deal", "Stage": "Proposal Made", "Status": "Open"},
        {"ID": "8", "Title": "Plovdiv deal", "Stage": "Contact Made", "Status": "Won"},
        {"ID": "9", "Title": "Varna deal", "Stage": "Lead In", "Status": "Lost"},
    ]
    rows[0] |= {"Value": "4500", "Currency of Value": "BGN", "Organization": "Clinic Ltd"}
    rows[0] |= {"Contact person": "Ivan Petrov", "Deal created": "2024-12-03 12:57:54"}
    rows[0] |= {"Next activity date": "2025-03-20", "Expected close date": "2025-04-30"}
    rows[1] |= {"Deal created": "2024-10-01 08:00:00", "Won time": "2024-12-07 10:00:00"}
    rows[2] |= {"Lost time": "2024-11-02 16:00:00", "Lost reason": "Price too high"}
    result = import_rows(_pipedrive_file(tmp_path, rows), config, today=TODAY, existing=[])
    assert result.format == "pipedrive" and result.problems == []
    open_deal, won, lost = result.new
    assert (open_deal.name, open_deal.stage, open_deal.value, open_deal.currency) == (
        "Clinic Ltd",
        "proposal",
        4500,
        "BGN",
    )
    assert open_deal.contacts == (Contact(name="Ivan Petrov"),)
    assert open_deal.plan.next_due == date(2025, 3, 20)
    assert "Deal: Sofia clinic deal" in open_deal.notes[-1].text
    assert won.stage_history == (
        StageEntry("qualified", date(2024, 10, 1)),
        StageEntry("won", date(2024, 12, 7)),
    )
    assert (lost.stage, lost.lost_reason) == ("lost", "Price too high")
    assert lost.stage_history == (StageEntry("lost", date(2024, 11, 2)),)


def test_pipedrive_header_alone_is_an_empty_import(config: Config) -> None:
    path = DATA / "pipedrive" / "deals-22614642-11.header.csv"
    result = import_rows(path, config, today=TODAY, existing=[])
    assert (result.format, result.rows_read, result.new, result.problems) == (
        "pipedrive",
        0,
        [],
        [],
    )


def test_odoo_lead_template(config: Config) -> None:
    path = DATA / "odoo" / "crm_lead.xls.Template.csv"
    result = import_rows(path, config, today=TODAY, existing=[])
    assert result.format == "odoo"
    assert (len(result.new), result.problems) == (8, [])
    names = [p.name for p in result.new]
    assert names[:3] == [
        "E-light Industry",
        "Resource Planning project development",  # no company or contact: the subject
        "Epic Technologies",
    ]
    first = result.new[0]
    assert first.external_id == "crm_lead_1" and first.stage == "lead"
    assert first.contacts == (
        Contact(name="Henry Jordan", title="CEO", email="henry@elight.com", phone="+1 650 356 451"),
    )
    assert first.icp == {"region": "AR"}
    assert first.notes[0].text.startswith("The customer would like to bring new features")
    assert "Deal: Need to customize the solution" in first.notes[1].text
    assert "City: Buenos Aires" in first.notes[1].text
    assert {p.lifecycle for p in result.new} == {Lifecycle.LEAD}
