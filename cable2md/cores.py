"""Work spread over all cores: forked workers that read what the parent has built.

Workers are forked, so a module-level value set before :func:`fork_map` is theirs to
read without being pickled (the archive index is hundreds of megabytes at full size);
only each chunk's arguments and results cross between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

PARALLEL_FROM = 200  # fewer items than this are done in this process: forking costs more

T = TypeVar("T")
R = TypeVar("R")


def workers(jobs: int | None, count: int) -> int:
    """How many processes *count* items are worth, at most *jobs* (all cores by default)."""
    return 1 if count < PARALLEL_FROM else (jobs or os.cpu_count() or 1)


def fork_pool(count: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"))


def chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def fork_map(
    function: Callable[[T], R], parts: Iterable[T], jobs: int | None, count: int
) -> Iterator[R]:
    """``map(function, parts)`` in forked workers when *count* items are worth it, in order.

    *parts* is read as the workers need more (a few ahead of them), so a generator can make
    each part when it is due instead of all of them being held at once."""
    size = workers(jobs, count)
    if size == 1:
        yield from map(function, parts)
        return
    with fork_pool(size) as pool:
        pending: deque[Future[R]] = deque()
        for part in parts:
            pending.append(pool.submit(function, part))
            if len(pending) >= 4 * size:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
