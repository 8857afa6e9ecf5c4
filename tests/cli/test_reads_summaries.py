"""The read-only commands answer from the prospects' summaries: none decodes every whole
prospect (which made `leadline queue` on 100,000 prospects cost a gigabyte); `show` and
`warnings P` decode the one prospect they show, `list --json` the prospects it lists.

Every whole decode of the store goes through `ProspectIndex.all`/`decode_missing`
(every prospect) or the index's `decode_prospect` (one document): the first two are
made to fail, the last is counted. The data file is opened once first, which writes
its summary file; the command under test then reads its summaries from there.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from leadline.core.records.summary import summarize
from leadline.core.store import index
from leadline.core.store.facade import Store
from leadline.core.store.index import ProspectIndex

Run = Callable[..., Any]
"""The `cli` fixture (tests/cli/conftest.py): runs leadline, gives its result."""

SAMPLE_PROSPECTS = 66


@pytest.fixture
def decoded(sample_cli: Run, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the documents decoded whole from here on; decoding them all fails."""
    sample_cli("check")  # the first open: reads the file, writes its summary file
    seen: list[str] = []
    real = index.decode_prospect

    def counting(doc: Any) -> Any:
        p = real(doc)
        seen.append(p.id)
        return p

    def every(*_args: object, **_kwargs: object) -> Any:
        raise AssertionError("a read-only command decoded every whole prospect")

    monkeypatch.setattr(index, "decode_prospect", counting)
    monkeypatch.setattr(ProspectIndex, "all", every)
    monkeypatch.setattr(ProspectIndex, "decode_missing", every)
    yield seen


DAY = ("--today", "2026-11-23")


@pytest.mark.parametrize(
    "argv",
    [
        ["queue", *DAY],
        ["queue", "--json", *DAY],
        ["funnel", *DAY],
        ["funnel", "--json", *DAY],
        ["warnings", *DAY],
        ["warnings", "--json", *DAY],
        ["list"],
        ["list", "--stage", "demo"],
        ["dupes"],
    ],
)
def test_a_command_over_the_pipeline_decodes_no_whole_prospect(
    sample_cli: Run, decoded: list[str], argv: list[str]
) -> None:
    assert sample_cli(*argv).stdout.strip()
    assert decoded == []


def test_check_reads_every_prospect_and_rebuilds_a_summary_that_disagrees(
    sample_cli: Run, tmp_path: Path
) -> None:
    db = tmp_path / "sample.json"
    sample_cli("check")
    out = sample_cli("check").stdout  # every document decoded: a damaged one would be named
    assert f": {SAMPLE_PROSPECTS} prospects, revision" in out and "summary" not in out
    with Store.open(db, backups=0) as store:
        pid = store.summaries()[0].id
        summaries = store._index._summaries  # noqa: SLF001
        summaries[pid] = replace(summaries[pid], stage="won")  # what a wrong summary file says
        store._index._file = None  # noqa: SLF001
        store._write_summary()  # noqa: SLF001
    with Store.open(db, backups=0) as store:
        assert store.summary(pid).stage == "won"  # believed: it fits the files exactly
    assert "summary: 1 summaries did not match their prospects: rebuilt" in (
        sample_cli("check").stdout
    )
    with Store.open(db, backups=0) as store:
        assert store.summary(pid) == summarize(store.get(pid))


@pytest.mark.parametrize("argv", [["show", "Wisła"], ["warnings", "Wisła"]])
def test_show_and_warnings_decode_the_one_prospect_they_show(
    sample_cli: Run, decoded: list[str], argv: list[str]
) -> None:
    out = sample_cli(*argv, *DAY).stdout
    assert "Wisła" in out
    assert len(decoded) == 1


def test_show_still_prints_the_whole_prospect(sample_cli: Run, decoded: list[str]) -> None:
    doc = json.loads(sample_cli("show", "Wisła", "--json").stdout)
    assert any(n["text"] for n in doc["notes"])  # free text comes from the whole prospect
    assert decoded == [doc["id"]]


def test_list_json_decodes_the_prospects_listed_and_prints_them_whole(
    sample_cli: Run, decoded: list[str], tmp_path: Path
) -> None:
    listed = json.loads(sample_cli("list", "--stage", "demo", "--json").stdout)
    assert listed and sorted(decoded) == sorted(p["id"] for p in listed)
    data = json.loads((tmp_path / "sample.json").read_text(encoding="utf-8"))["prospects"]
    stored = {doc["id"]: doc for doc in data.values()}
    for doc in listed:  # every field, notes' text and all, as the data file holds it
        assert {k: doc[k] for k in stored[doc["id"]]} == stored[doc["id"]]


def test_completion_names_every_prospect_without_decoding_one(
    sample_cli: Run, decoded: list[str], tmp_path: Path
) -> None:
    from leadline.tui.cli.completion import prospect_names  # noqa: PLC0415

    names = prospect_names(["leadline", "--db", str(tmp_path / "sample.json"), "show", ""])
    assert len(names) == SAMPLE_PROSPECTS and "Wisła" in " ".join(names)
    assert decoded == []


def test_an_import_decodes_only_the_prospects_its_rows_update(
    sample_cli: Run, decoded: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "crm.csv"
    source.write_text(
        "Company,Email,Stage,Value\n"
        "Wisła Logistyka Sp. z o.o.,piotr.kaminski@wisla-logistyka.pl,Lead,30000\n"
        "Brand New Ltd,ann@brand-new.test,Lead,100\n",
        encoding="utf-8",
    )
    assert "1 new, 1 updated" in sample_cli("import", str(source)).stdout
    assert decoded == ["dfb85c0d"]  # Wisła, merged into; the other 65 are matched by summary
    doc = json.loads(sample_cli("show", "dfb85c0d", "--json").stdout)
    assert doc["value"] == 30000 and doc["notes"][0]["text"]  # its note kept, whole
