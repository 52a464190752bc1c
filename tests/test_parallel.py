"""Work spread over forked workers: results in order, and parts made only as they are due."""

from cable2md import parallel


def _square(_shared: None, number: int) -> int:
    return number * number


def test_results_come_in_the_order_of_the_parts_on_any_number_of_workers():
    for jobs in (1, 2, 3):
        assert list(parallel.fork_map(_square, range(300), jobs, 300, None)) == [
            n * n for n in range(300)
        ]


def test_parts_are_made_only_a_few_ahead_of_the_results_taken():
    made = []

    def parts():
        for number in range(300):
            made.append(number)
            yield number

    results = parallel.fork_map(_square, parts(), 2, 300, None)
    assert next(results) == 0
    # Two workers are fed at most eight parts ahead: a generator's parts are never all held.
    assert len(made) <= 9
    assert list(results) == [n * n for n in range(1, 300)]
    assert len(made) == 300


def test_few_items_are_done_in_this_process():
    assert parallel.workers(None, parallel.PARALLEL_FROM - 1) == 1
    assert parallel.workers(2, parallel.PARALLEL_FROM) == 2
