"""A source's stored text, read as bytes and nothing else: a regular file, named under
sources/ beside the data file, of at most MAX_BYTES.

The schema holds `file` to `sources/NAME`; this module holds what a name cannot say: a
symbolic link to a device, a FIFO (whose open() would block), a file too large to be an
article. Every way reading can fail comes back as words, never as an exception.
"""
from __future__ import annotations

import os
import stat

# The real article is 5 KB; a thousand times that is still a text a person could store.
MAX_BYTES = 5 * 1024 * 1024


class Unreadable(Exception):
    """Why a source file cannot be read, in words for the editor."""


def read_source(folder: str, name: str, limit: int | None = None) -> bytes:
    """The bytes of `name` (relative to `folder`); raises Unreadable."""
    limit = MAX_BYTES if limit is None else limit
    path = os.path.join(folder, name)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("it is not a regular file")
        if info.st_size > limit:
            raise Unreadable(f"it is {info.st_size:,} bytes; a source may be at most {limit:,}")
        # O_NONBLOCK: should the file have been swapped for a FIFO since stat(), open() returns at once.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    except ValueError as exc:  # a NUL byte in the path, among others
        raise Unreadable(str(exc)) from None
    if len(data) > limit:
        raise Unreadable(f"it is more than {limit:,} bytes; a source may be at most {limit:,}")
    return data
