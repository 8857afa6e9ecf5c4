"""The import formats by name, without loading the readers.

`leadline import --format` offers these; the argument parser is built for every
command, so it must not import the readers (and icalendar behind them).
`pipeline.TABLE_FORMATS` holds the formats themselves; a test keeps the two in step.
"""

TABLE_FORMAT_NAMES: tuple[str, ...] = ("csv", "pipedrive", "hubspot", "salesforce", "odoo", "maven")
"""The CSV dialects of other tools, in the order they are offered."""

FORMATS: tuple[str, ...] = ("auto", *TABLE_FORMAT_NAMES, "json", "leadline-csv")
"""Every value `--format` accepts: detect, a tool's CSV, or leadline's own export."""
