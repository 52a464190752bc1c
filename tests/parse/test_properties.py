"""Property tests: the parser never crashes, never hangs, never loses a word of the body."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings

from cable2md import CableError, parse_bytes
from tests.helpers import time_limit
from tests.strategies import cables, mutilated

settings.register_profile(
    "test", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CABLE2MD_HYPOTHESIS", "test"))
SECONDS_PER_INPUT = 10
_WORD_RE = re.compile(r"[A-Za-z0-9]+")


def output_words(record: dict) -> set[str]:
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.update(word.upper() for word in _WORD_RE.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key != "source":
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(record)
    return found


@given(cables())
def test_every_body_word_reaches_the_record(cable):
    with time_limit(SECONDS_PER_INPUT):
        record = parse_bytes(cable.text.encode("utf-8"), "generated.txt").to_dict()
    missing = {w.upper() for w in _WORD_RE.findall(cable.body)} - output_words(record)
    assert not missing, f"words of the body lost: {sorted(missing)[:20]}"


@given(mutilated())
def test_mutilated_input_gives_a_record_or_a_cable_error(data):
    with time_limit(SECONDS_PER_INPUT):
        try:
            record = parse_bytes(data, "mutilated.txt")
        except CableError as error:
            assert re.match(r"mutilated\.txt:\d+:\d+: \S", str(error))
            return
    assert record.to_dict()["source"] == "mutilated.txt"
