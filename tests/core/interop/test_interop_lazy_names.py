"""The import/export packages load their parts on first use, and still offer every name."""

from __future__ import annotations

import importlib

import pytest

from leadline.core.interop.importers.names import TABLE_FORMAT_NAMES
from leadline.core.interop.importers.pipeline import TABLE_FORMATS


def test_format_names_for_the_cli_match_the_readers() -> None:
    assert tuple(TABLE_FORMATS) == TABLE_FORMAT_NAMES


@pytest.mark.parametrize(
    "package", ["leadline.core.interop.importers", "leadline.core.interop.exporters"]
)
def test_every_public_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
        assert name in dir(module)
    with pytest.raises(AttributeError, match="no attribute 'import_everything'"):
        module.import_everything  # noqa: B018
