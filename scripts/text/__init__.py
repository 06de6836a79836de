"""A source's words: where a quote stands, the numbers and the dates a passage writes."""
