"""Work -> processes: one way to spread it over all cores, with what the workers share.

Workers are forked, so the *shared* value given to :func:`fork_map` (the archive index is
hundreds of megabytes at full size) reaches them without being pickled: each call gets it as
its first argument. Only each part's arguments and results cross between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

PARALLEL_FROM = 200  # fewer items than this are done in this process: forking costs more

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# What the workers of the running fork_map share: set before they fork, read by _call in them.
_shared: Any = None


def workers(jobs: int | None, count: int) -> int:
    """How many processes *count* items are worth, at most *jobs* (all cores by default)."""
    return 1 if count < PARALLEL_FROM else (jobs or os.cpu_count() or 1)


def fork_pool(count: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"))


def chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _call(function: Callable[[Any, T], R], part: T) -> R:
    return function(_shared, part)


def fork_map(
    function: Callable[[S, T], R], parts: Iterable[T], jobs: int | None, count: int, shared: S
) -> Iterator[R]:
    """``function(shared, part)`` for each of *parts*, in order, in forked workers when *count*
    items are worth it.

    *parts* is read as the workers need more (a few ahead of them), so a generator can make
    each part when it is due instead of all of them being held at once."""
    global _shared
    size = workers(jobs, count)
    if size == 1:
        for part in parts:
            yield function(shared, part)
        return
    _shared = shared
    try:
        with fork_pool(size) as pool:
            pending: deque[Future[R]] = deque()
            for part in parts:
                pending.append(pool.submit(_call, function, part))
                if len(pending) >= 4 * size:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        _shared = None
