"""Files from and for other tools: `importers` (CSV and JSON of other CRMs) and
`exporters` (CSV, JSON, iCalendar)."""
