"""The audits run against the site as published: the session's published_site
(tests/conftest.py), built with a public address and served under a sub-path."""
