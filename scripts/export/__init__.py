"""The checked data as downloads, each in its ecosystem's format."""
