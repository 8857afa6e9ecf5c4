"""Export files hold personal data: created 0600 whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from leadline.core.interop.exporters import open_private


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_private_even_with_an_open_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        with open_private(tmp_path / "out.csv") as out:
            out.write("a,b\r\n")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "out.csv") == 0o600
    assert (tmp_path / "out.csv").read_bytes() == b"a,b\r\n"  # newline="" keeps CRLF


def test_existing_file_is_tightened_and_truncated(tmp_path: Path) -> None:
    path = tmp_path / "out.ics"
    path.write_bytes(b"old contents that are longer")
    path.chmod(0o644)
    with open_private(path, binary=True) as out:
        out.write(b"new")
    assert (_mode(path), path.read_bytes()) == (0o600, b"new")
