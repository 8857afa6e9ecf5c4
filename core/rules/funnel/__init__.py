"""The funnel: the summary (`summary`), per-prospect parts (`parts`), their sums
(`tally`) and the JSON shape (`as_json`)."""
