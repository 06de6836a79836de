"""How wide a line of text will be on screen, to lay pictures out at build time.

The site loads no web font, so a reader's browser draws labels in its own sans-serif.
DejaVu Sans (what Debian's Chromium uses) is wider than Arial, Helvetica or the system
fonts of other platforms, so its advance widths, plus a margin, bound a label's width
from above: a layout that keeps these boxes apart keeps the real ones apart too.
"""
from __future__ import annotations

# DejaVu Sans advance widths, in thousandths of an em, for the characters 32..126.
_ASCII = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
    752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
]
_OTHER = {"–": 500, "—": 1000, "’": 318, "‘": 318, "“": 518, "”": 518, "…": 1000, "·": 318, "é": 615, "ü": 634, "ö": 612, "ə": 615, "Ə": 787}
_UNKNOWN = 1000  # a character not listed is taken as wide as the widest
_MARGIN = 1.06  # rounding, hinting and kerning differ between fonts and renderers


def text_width(text: str, size: float) -> float:
    """The width, in CSS pixels, of `text` set at `size` pixels."""
    total = sum(_ASCII[ord(c) - 32] if 32 <= ord(c) < 127 else _OTHER.get(c, _UNKNOWN) for c in text)
    return total / 1000 * size * _MARGIN


def wrap(text: str, size: float, width: float) -> list[str]:
    """`text` broken at spaces into lines no wider than `width`; a single word wider than
    that stands on a line of its own (the layout then makes room for it)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
