"""Person extraction rules (cable2md/officials.py), one case each, and how a cable's names
become people (cable2md/people.py)."""

import pytest

from cable2md.archive import build_index
from cable2md.names import name_key
from cable2md.officials import find_people
from cable2md.people import Appearance, Curation
from cable2md.summary import Summary, resolved


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Foreign Minister Machimura met the Ambassador.", ["Machimura"]),
        ("Deputy Vice Minister Tsuneo Nishida said so.", ["Tsuneo Nishida"]),
        ("Julia Marquez, director of the Center, agreed.", ["Julia Marquez"]),
        # an abbreviated title keeps its name: the dot does not end the sentence
        ("They met Ms. Wang Qian (interpreter) today.", ["Wang Qian"]),
        ("Gaitri Issar Kumar and Mr. S. K. Menon of the MEA said so.", ["S. K. Menon"]),
        ("GEN. AZIMI, MOD SPOKESMAN, TOLD DATT THAT.", ["Azimi"]),
        # a sentence that ends on a title word still ends there
        ("He spoke to the Minister. Talks went well.", []),
        ("The talks ended. Dr. Smith left.", ["Smith"]),
    ],
)
def test_find_people(text, people):
    assert [name for name, _title in find_people(text)] == people


def _cable_naming(*names: str) -> Summary:
    seen = tuple((name, Appearance("09POST1", "mentioned", None, None, name)) for name in names)
    return Summary(
        "09POST1", "09POST1.txt", "2009-01-01", None, "Embassy Post", "POST", "SECRET", (), (),
        "Subject", False, (), "", seen, resolved(seen),
    )  # fmt: skip


def test_a_surname_alone_is_the_full_named_person_of_the_same_cable():
    index = build_index([_cable_naming("Carol Reynolds", "Reynolds")])
    assert [p.name for p in index.people.values()] == ["Carol Reynolds"]
    assert len(index.people["carol-reynolds"].appearances) == 2


def test_a_name_the_people_file_says_is_no_person_names_no_one():
    curation = Curation(not_people={name_key("Carol Reynolds")})
    index = build_index([_cable_naming("Carol Reynolds", "Reynolds")], curation)
    assert [p.name for p in index.people.values()] == ["Reynolds"]
