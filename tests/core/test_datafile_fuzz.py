"""Fuzz of the data-file reader: a prospect document with fields replaced by odd JSON
values (numbers of 40 digits, NaN, lone surrogates, dates past the edges, lists for
text...) is either read into prospects every command can use, or refused with a
DataFileError naming the document; both decoders (the data file's text and a parsed
journal line) decide alike. Never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from fuzz_support import document_text, exercise, odd_documents, rich_prospect
from hypothesis import HealthCheck, given, settings

from leadline.core.config.loader import load_config
from leadline.core.config.model import Config
from leadline.core.store.datafile import DataFileError
from leadline.core.store.decoding import DamagedDocument, decode_prospect
from leadline.core.store.facade import Store

CONFIG: Config = load_config(None)
HEADER = b'{"_leadline": {"1": {"format": "leadline", "schema_version": 1, "revision": 1}}, '
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _decoded(doc: object) -> tuple[str, object]:
    try:
        return "read", decode_prospect(doc).to_doc()  # type: ignore[arg-type]
    except DamagedDocument as refused:
        assert "field" in str(refused) or "JSON" in str(refused), refused
        return "refused", None


@SETTINGS
@given(doc=odd_documents())
def test_both_decoders_read_or_refuse_alike_and_what_they_read_is_usable(doc: dict) -> None:
    text = document_text(doc)
    try:
        parsed = json.loads(text.decode("utf-8", errors="surrogatepass"))
    except ValueError:
        return  # only the raw text can be tried; the file test below covers it
    fast, exact = _decoded(msgspec.Raw(text)), _decoded(parsed)
    assert fast == exact
    if fast[0] == "read":  # each as the data file's text and as a journal line gives it
        exercise([decode_prospect(msgspec.Raw(text)), decode_prospect(parsed)], CONFIG)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@SETTINGS
@given(doc=odd_documents())
def test_an_odd_data_file_is_read_usably_or_refused_naming_the_document(
    folder: Path, doc: dict
) -> None:
    for leftover in folder.iterdir():
        if leftover.is_file():
            leftover.unlink()
    db = folder / "leadline.json"
    good = json.dumps(rich_prospect("0000aaaa", "Good Ltd").to_doc()).encode()
    db.write_bytes(HEADER + b'"prospects": {"1": ' + good + b', "2": ' + document_text(doc) + b"}}")
    try:
        with Store.open(db, backups=0) as store:
            prospects = store.prospects()
    except DataFileError as refused:
        assert "leadline left the file unchanged" in str(refused)
        return
    exercise(prospects, CONFIG)
