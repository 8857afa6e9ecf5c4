"""Checking the whole file: every prospect decoded, every summary compared with it.

Opening trusts the summary file only when it is tied to the files exactly; this
goes further for `leadline check`: it decodes every document (so a damaged one is
named) and compares each summary with the summary of the whole prospect, and if
any disagree, rebuilds the summary file from the documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadline.core.records.summary import summarize
from leadline.core.store.index import ProspectIndex


@dataclass(frozen=True)
class Verified:
    """What `Store.verify` found."""

    prospects: int
    disagreeing: int
    """Summaries that did not say what their prospect says (the summary file was rebuilt)."""


class Verifying:
    """Mixin of `Store`."""

    _index: ProspectIndex

    def _sync(self) -> None: ...  # the Store's

    def _write_summary(self) -> None: ...  # Recording's

    def verify(self) -> Verified:
        """Decode every prospect (DataFileError names a damaged one) and compare its
        summary with it; rebuild the summary file if any disagree."""
        self._sync()
        index = self._index
        disagreeing = [p.id for p in index.all() if index.summary(p.id) != summarize(p)]
        if disagreeing:
            index.forget_summaries()
            self._write_summary()
        return Verified(len(index.doc_ids), len(disagreeing))
