"""leadline terminal UI and command-line entry point."""
