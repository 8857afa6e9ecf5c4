"""Finding prospects by a part of their name, without decoding them (mixin of `Store`).

The summary file holds every prospect's name folded (`core.folding`), so matching a
name across 100,000 prospects folds none of them; a match is decoded only when the
caller asks for the whole prospect.
"""

from __future__ import annotations

from collections.abc import Callable

from leadline.core.folding import fold
from leadline.core.models import Prospect
from leadline.core.store.index import ProspectIndex


class Finding:
    """Mixin of `Store`."""

    _index: ProspectIndex

    def _sync(self) -> None: ...  # the Store's

    def folded_names(self) -> Callable[[Prospect], str]:
        """`core.folding.fold` of a prospect's name: a stored prospect's from the summary
        file, without folding it again (for matching names across a big file). The file
        is read once, now: for the prospects in hand, not for ones saved later."""
        self._sync()
        index = self._index

        def folded(p: Prospect) -> str:
            return index.folded_name(p.id) if p.id in index.doc_ids else fold(p.name)

        return folded

    def find(self, query: str) -> list[Prospect]:
        """The prospect whose id is `query`, else those whose name contains it (case and
        accents ignored: "lodz" finds Łódź, see `core.folding`), decoded whole."""
        return [self._index.prospect(pid) for pid in self.find_ids(query)]

    def find_ids(self, query: str) -> list[str]:
        """The ids `find` would give, in the order added, decoding nothing."""
        self._sync()
        wanted = query.strip()
        if not wanted:
            return []
        for pid in (wanted, wanted.lower()):
            if pid in self._index.doc_ids:
                return [pid]
        fragment = fold(wanted)
        index = self._index
        return [pid for pid in index.doc_ids if fragment in index.folded_name(pid)]
