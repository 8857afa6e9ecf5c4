"""The `leadline` command line: parse argv (`main`), call core, print. No Textual, no Rich."""
