"""How a cable's names become people (cable2md/archive/people.py), with the people file."""

from cable2md.archive import Curation, build_index
from cable2md.parse import Appearance, IndexRow
from cable2md.parse.index_row import resolved
from cable2md.parse.names import name_key


def _cable_naming(*names: str) -> IndexRow:
    seen = tuple((name, Appearance("09POST1", "mentioned", None, None, name)) for name in names)
    return IndexRow(
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
