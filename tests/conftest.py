"""Shared test setup. Its presence puts tests/ on sys.path, so test modules can
`import strategies` (the hypothesis strategies in tests/strategies.py)."""
