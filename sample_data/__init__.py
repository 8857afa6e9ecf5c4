"""Bundled demo pipeline and example configuration."""
