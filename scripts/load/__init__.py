"""Reading files: YAML with the line and column of every value, and a source's bytes."""
