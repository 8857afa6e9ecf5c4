"""Store.scan: every whole prospect, in add order, decoded one at a time and kept by no one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from testkit import NOW, prospect

from leadline.core.models import Note, Prospect
from leadline.core.store import index as index_module
from leadline.core.store import scanning
from leadline.core.store.decoding import decode_prospect
from leadline.core.store.facade import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "leadline.json") as s:
        s.add_many(prospect(name=f"P{n}", notes=(Note(NOW, f"note {n}"),)) for n in range(30))
        s.compact()  # and a summary file: opening decodes nothing
    return Store.open(tmp_path / "leadline.json")


def test_scan_yields_every_whole_prospect_in_add_order(store: Store) -> None:
    seen = list(store.scan())
    assert [p.name for p in seen] == [f"P{n}" for n in range(30)]
    assert [p.notes[0].text for p in seen] == [f"note {n}" for n in range(30)]  # whole


def test_scan_keeps_nothing_in_the_store(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []

    def counted(doc: Any) -> Prospect:
        decoded.append(decode_prospect(doc).id)
        return decode_prospect(doc)

    monkeypatch.setattr(index_module, "decode_prospect", counted)
    first = list(store.scan())[0]
    assert decoded == []  # the index decoded nothing for the scan
    assert store.get(first.id) == first and decoded == [first.id]  # nor kept what it read


def test_a_prospect_deleted_during_the_scan_is_skipped(store: Store) -> None:
    pass_ = store.scan()
    first = next(pass_)
    gone = store.summaries()[5].id
    store.delete(gone)
    rest = list(pass_)
    assert first.name == "P0" and len(rest) == 28 and gone not in {p.id for p in rest}


def test_a_damaged_document_is_named() -> None:
    def damaged(doc_id: int, problem: str) -> Exception:
        return LookupError(f"prospect document {doc_id} is damaged: {problem}")

    docs = {"1": {"id": "a", "name": "A"}, "2": {"id": "b", "stage": 7}}
    with pytest.raises(LookupError, match="document 2 is damaged: .*'name' is missing"):
        list(scanning.scan_documents([2], docs, damaged))
