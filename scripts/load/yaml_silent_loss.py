"""What YAML would drop or change without a word, found in the text as written.

- ` #` after a plain (unquoted) value starts a comment, so the rest of the line is not
  part of the value: `title: Resolution #1 of the Milli Majlis` reads as "Resolution".
- An anchor (`&name`) names a value for an alias to repeat; aliases are refused, so an
  anchor only hides in the text, and a value after it may not be what the editor thinks.
- An explicit tag (`!!str`, `!!int`, `!custom`) changes how a value is read.

Most files hold none of these; a quick look at the text finds the lines that might, and
only then are the YAML's tokens read to tell a comment from a `#` inside quoted text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..diagnostics import Pos

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A "#" after a space, following something on the line: a comment after a value, or a "#"
# inside quoted or block text (which the tokens then tell apart).
_COMMENT_AFTER = re.compile(r"\S[ \t]+#")
# "&" or "!" where a YAML token could begin: after a space, a bracket, a comma or a colon.
_MARK = re.compile(r"(?:^|[\s\[{,:])[&!]", re.M)


@dataclass(frozen=True)
class Loss:
    pos: Pos  # where the value (comment) or the anchor or tag starts
    kind: str  # "comment", "anchor" or "tag"
    words: str  # the comment as written, or the anchor or tag


def silent_losses(text: str) -> list[Loss]:
    """Every place where YAML would read something other than what the text shows."""
    # Plain substring tests first: they cost a fraction of the patterns on a large file.
    may_cut = (" #" in text or "\t#" in text) and _COMMENT_AFTER.search(text)
    may_mark = ("&" in text or "!" in text) and _MARK.search(text)
    if not may_cut and not may_mark:
        return []
    found: list[Loss] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AnchorToken):
                found.append(Loss(_pos(token.start_mark), "anchor", "&" + token.value))
            elif isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                found.append(Loss(_pos(token.start_mark), "tag", (handle or "") + suffix))
            elif isinstance(token, yaml.ScalarToken) and token.plain:
                comment = _comment_after(text, token.end_mark.index)
                if comment:
                    found.append(Loss(_pos(token.start_mark), "comment", comment))
    except yaml.YAMLError:
        pass  # the reading reports a syntax error; nothing here to add
    return found


def _comment_after(text: str, index: int) -> str:
    end = text.find("\n", index)
    rest = text[index:end if end >= 0 else len(text)].rstrip("\r")
    return rest.strip() if rest[:1] in (" ", "\t") and rest.strip().startswith("#") else ""


def _pos(mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)
