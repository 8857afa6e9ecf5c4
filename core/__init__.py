"""leadline core: the pure domain (models, config, rules, storage). No UI imports."""
