"""The data against its sources: the whole check (run.py), the schema, the checks."""
