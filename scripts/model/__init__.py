"""The typed dataset built once from the YAML, its date values and relation arithmetic."""
