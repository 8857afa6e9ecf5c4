"""Bundled theme files for the leadline TUI."""
