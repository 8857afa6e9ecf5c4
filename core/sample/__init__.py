"""The demo and benchmark pipeline generator (`generate`; `python -m leadline.core.sample`)."""
