"""On the way out of the TUI: fold the journal into the data file.

While the TUI runs, each save appends to the journal beside the data file (a
save costs what it changes). A plain TinyDB program reads the data file alone,
so when the TUI exits (q at home, Ctrl+Q, or after a crash: every save before
it was whole, so folding is as safe then) the journal is folded in
(`Store.compact`), and skipped when it holds nothing. A fold that fails (a full
disk, another process holding the lock) loses nothing: the changes stay in the
journal, every leadline command reads them, and `leadline compact` (or the
TUI's next exit) folds them. The app prints the returned sentence once the
terminal is restored.
"""

from __future__ import annotations

from leadline.core.store.facade import DataFileError, Store, StoreLocked
from leadline.core.store.unfolded import has_unfolded_changes
from leadline.tui.text.safe import without_controls


def fold_journal(store: Store) -> str | None:
    """Fold the journal into `store`'s data file; None if done or nothing to fold, else
    the line to print saying why not and that nothing is lost."""
    try:
        if not has_unfolded_changes(store.path):
            return None
        store.compact()
    except (StoreLocked, DataFileError, OSError) as error:
        why = " ".join(str(error).split())
        line = (
            f"leadline: the changes of this session are safe in {store.path.name}.journal but"
            f" not yet in {store.path} itself ({why}); 'leadline compact' (or the next"
            " exit from leadline) folds them in."
        )
        return without_controls(line) + "\n"
    return None
