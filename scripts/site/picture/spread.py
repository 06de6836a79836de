"""Labels in one column, in a given order, apart and each as near its wish as it can be.

The positions that keep the order and the gaps and are nearest the wishes in least
squares: blocks of labels that touch move as one, to the mean of their members' wishes
(the pool-adjacent-violators way), all in O(n).
"""
from __future__ import annotations

from typing import Sequence


def spread(wishes: Sequence[float], sizes: Sequence[float], low: float, high: float) -> list[float]:
    """The start of each label: in order, each at least its predecessor's start plus its
    size, all within [low, high] where the sizes fit."""
    blocks: list[list[float]] = []  # [first index, size in all, sum of wishes less offsets, count]
    for index, (wish, size) in enumerate(zip(wishes, sizes)):
        blocks.append([index, size, wish, 1])
        while len(blocks) > 1 and _start(blocks[-2], low, high) + blocks[-2][1] > _start(blocks[-1], low, high):
            last = blocks.pop()
            before = blocks[-1]
            # The last block's members now sit `before`'s size further from the block's start.
            before[2] += last[2] - last[3] * before[1]
            before[1] += last[1]
            before[3] += last[3]
    starts: list[float] = []
    for block in blocks:
        at = _start(block, low, high)
        for k in range(int(block[0]), int(block[0] + block[3])):
            starts.append(at)
            at += sizes[k]
    return starts


def _start(block, low: float, high: float) -> float:
    return min(max(block[2] / block[3], low), max(low, high - block[1]))
