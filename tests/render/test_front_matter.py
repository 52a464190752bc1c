"""A page's metadata -> YAML front matter (cable2md.render.front_matter), against PyYAML:
what ``yaml.safe_load`` reads back is the metadata, wherever PyYAML's own dumper gets it back
too (its dumper reads ``{"\x85": []}`` back as ``{" ": []}``; this writer does not)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cable2md.render.front_matter import front_matter

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
WORDS = st.sampled_from(
    ["yes", "No", "null", "~", "U.S.", "05TOKYO1349: X", "Embassy Tokyo", "a - b", "Smith (PM)",
     "1.5", "2005-03-02", "0o17", "-x", "#x", "x #y", "", " ", "a ", " a", "a  b", "Inc.", "y",
     ".nan", "NaN", "<<", "=", "a\u2028b", "a\x85b", "\ufeff", "\x7f", "tab\there", "e.g.", "[x]"]
)  # fmt: skip
SCALARS = st.one_of(TEXT, WORDS, st.integers(), st.booleans(), st.none())
KEYS = st.one_of(st.sampled_from(["title", "n", "yes", "id", "page"]), TEXT)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20,
)


def body(text: str) -> str:
    assert text.startswith("---\n") and text.endswith("\n---\n")
    inner = text[4:-4]
    assert "\n---\n" not in inner + "\n"  # the block cannot end early
    return inner


@given(st.dictionaries(KEYS, VALUES, max_size=6))
@settings(max_examples=400, deadline=None)
def test_what_is_written_loads_back_as_the_metadata(meta):
    assert yaml.safe_load(body(front_matter(meta))) == meta


def test_pyyaml_s_dumper_loses_what_this_writer_keeps():
    meta = {"\x85": ["\x85"]}
    assert yaml.safe_load(yaml.dump(meta, Dumper=yaml.SafeDumper, allow_unicode=True)) != meta
    assert yaml.safe_load(body(front_matter(meta))) == meta


@pytest.mark.parametrize(
    ("meta", "text"),
    [
        ({"id": "05TOKYO1349", "year": 2005}, "id: 05TOKYO1349\nyear: 2005"),
        ({"title": "05TOKYO1349: A"}, 'title: "05TOKYO1349: A"'),
        ({"handling": ["SIPDIS"]}, "handling:\n- SIPDIS"),
        ({"tags": [{"code": "PREL", "kind": None}]}, "tags:\n- code: PREL\n  kind: null"),
        ({"origin": {"code": "TOKYO"}}, "origin:\n  code: TOKYO"),
        ({"related": [], "more": {}}, "related: []\nmore: {}"),
        ({"answer": "yes"}, 'answer: "yes"'),
    ],
)
def test_the_block_style_of_pyyaml(meta, text):
    assert front_matter(meta) == f"---\n{text}\n---\n"
