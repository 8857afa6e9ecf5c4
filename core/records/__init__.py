"""The parts of a prospect record: the kinds (enums, outcome sets) and the small
records a prospect holds. `leadline.core.models` is their public face: import from there."""
