"""The configuration: the typed model (`model`, with the stages and their lookups in
`stages` and the ideal customer profile in `profile`), its YAML loader with path:line:col
(`loader`, `yaml_nodes`, `yaml_schema`), the rules a config must follow (`checks`) and the
shipped `default_config.yaml`."""
