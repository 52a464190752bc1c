"""One page per person: each rule of archive/resolution.py and archive/only_people.py on
fixtures written for it (cables as index rows: who each names, where and when)."""

from __future__ import annotations

import pytest

from cable2md.archive import Curation, build_index, family_name, identification
from cable2md.parse import Appearance, IndexRow
from cable2md.parse.index_row import resolved

Seen = tuple[str, str, str | None]  # name, role, title


def _row(ident: str, people: list[Seen], *, post: str = "POST", date: str = "2009-03-01"):
    seen = tuple((name, Appearance(ident, role, title, None, name)) for name, role, title in people)
    return IndexRow(
        ident, f"{ident}.txt", date, None, f"Embassy {post}", post, "SECRET", (), (),
        "Subject", False, (), "", seen, resolved(seen),
    )  # fmt: skip


def _people(rows: list[IndexRow], curation: Curation | None = None):
    index = build_index(rows, curation)
    return index, {person.name: person for person in index.people.values()}


def _cables(person) -> set[str]:
    return {a.cable for a in person.appearances}


def test_a_surname_alone_is_the_archive_s_one_full_name_for_it():
    index, people = _people([
        _row("09KABUL1", [("Karzai", "mentioned", "President")]),
        _row("09KABUL2", [("Karzai", "mentioned", None)]),
        _row("09KABUL3", [("Hamid Karzai", "mentioned", "President")]),
    ])  # fmt: skip
    assert list(people) == ["Hamid Karzai"]
    karzai = people["Hamid Karzai"]
    assert _cables(karzai) == {"09KABUL1", "09KABUL2", "09KABUL3"}
    assert karzai.also == ["Karzai"]
    assert karzai.evidence == [
        "Named Karzai alone in 2 cables: the only Karzai the archive knows by full name"
    ]
    # the cable's text links the lone surname to the full name's page
    assert index.cable_people["09KABUL1"]["Karzai"] == karzai.slug


def test_a_surname_alone_goes_to_the_person_seen_at_the_cable_s_post():
    _, people = _people([
        _row("09LONDON1", [("Gordon Brown", "mentioned", "Prime Minister")], post="LONDON"),
        _row("09LAGOS1", [("Nick Brown", "mentioned", "Consul")], post="LAGOS"),
        _row("09LONDON2", [("Brown", "mentioned", "Prime Minister")], post="LONDON"),
    ])  # fmt: skip
    assert "Brown" not in people
    assert _cables(people["Gordon Brown"]) == {"09LONDON1", "09LONDON2"}
    assert _cables(people["Nick Brown"]) == {"09LAGOS1"}


def test_an_ambiguous_surname_gets_a_page_that_lists_the_candidates():
    index, people = _people([
        _row("09UNNY1", [("Susan E. Rice", "mentioned", "Ambassador")], post="USUNNEWYORK"),
        _row("06PARIS1", [("Condoleezza Rice", "mentioned", "Secretary")], post="PARIS"),
        _row("09ROME1", [("Rice", "mentioned", None)], post="ROME"),
    ])  # fmt: skip
    rice = people["Rice"]
    assert _cables(rice) == {"09ROME1"}  # never silently one of them
    names = {index.people[slug].name for slug in rice.candidates}
    assert names == {"Susan E. Rice", "Condoleezza Rice"}


def test_of_several_namesakes_the_one_holding_the_office_in_those_years():
    _, people = _people([
        _row("00STATE1", [("Susan E. Rice", "mentioned", "Assistant Secretary")], date="2000-05-01"),
        _row("07STATE1", [("Condoleezza Rice", "mentioned", "Secretary of State")], date="2007-05-01"),
        _row("06LISBON1", [("Rice", "mentioned", "Secretary")], post="LISBON", date="2006-10-20"),
    ])  # fmt: skip
    assert _cables(people["Condoleezza Rice"]) == {"07STATE1", "06LISBON1"}
    assert "Rice" not in people


def test_a_title_that_does_not_fit_keeps_a_surname_from_a_namesake():
    _, people = _people([
        _row("09STATE1", [("Hillary Clinton", "mentioned", "Secretary of State")], post="STATE"),
        _row("10DOHA1", [("Clinton", "mentioned", "former President")], post="DOHA"),
        _row("10DOHA2", [("Clinton", "mentioned", "Secretary")], post="DOHA"),
    ])  # fmt: skip
    assert _cables(people["Hillary Clinton"]) == {"09STATE1", "10DOHA2"}
    assert _cables(people["Clinton"]) == {"10DOHA1"}


def test_the_department_s_signature_is_the_secretary_of_its_date():
    index, people = _people([
        _row("06STATE1", [("Rice", "signer", None)], post="STATE", date="2006-05-02"),
        _row("09STATE1", [("Clinton", "signer", None)], post="STATE", date="2009-05-02"),
        _row("06ROME1", [("Rice", "signer", None)], post="ROME", date="2006-05-02"),
    ])  # fmt: skip
    rice = people["Condoleezza Rice"]
    assert _cables(rice) == {"06STATE1"}
    assert [a.title for a in rice.appearances] == ["Secretary of State"]
    assert _cables(people["Hillary Rodham Clinton"]) == {"09STATE1"}
    assert _cables(people["Rice"]) == {"06ROME1"}  # an embassy's Rice is not the Secretary
    # a signature relates no cables: the Secretary signs the Department's routine traffic
    assert index.people_of("06STATE1") == []


@pytest.mark.parametrize(
    ("names", "page", "also"),
    [
        (["Dilma Roussef", "Dilma Rousseff", "Dilma Rousseff"], "Dilma Rousseff", ["Dilma Roussef"]),
        (["Victor Bout", "Viktor Bout", "Viktor Bout"], "Viktor Bout", ["Victor Bout"]),
        (["Mir Hossein Mousavi", "Mir Hussein Mousavi", "Mir-Hossein Musavi"], "Mir Hossein Mousavi", ["Mir Hussein Mousavi", "Mir-Hossein Musavi"]),
        (["Todd C.Chapman", "Todd Chapman"], "Todd Chapman", ["Todd C.Chapman"]),
        (["Joe Biden’", "Joe Biden", "Joe Biden"], "Joe Biden", ["Joe Biden’"]),
        (["Richard Boucher", "Richard A. Boucher"], "Richard A. Boucher", ["Richard Boucher"]),
        (["Ingrid Bentancourt", "Ingrid Betancourt", "Ingrid Betancourt"], "Ingrid Betancourt", ["Ingrid Bentancourt"]),
        (["Dmitry Medvedyev", "Dmitry Medvedev", "Dmitry Medvedev"], "Dmitry Medvedev", ["Dmitry Medvedyev"]),
    ],
)  # fmt: skip
def test_spellings_of_one_name_are_one_person(names, page, also):
    rows = [_row(f"09POST{n}", [(name, "mentioned", None)]) for n, name in enumerate(names, 1)]
    _, people = _people(rows)
    assert list(people) == [page]
    assert sorted(people[page].also) == sorted(also)
    assert people[page].evidence  # the merge is explained on the page


def test_names_one_letter_apart_in_one_cable_are_one_person():
    _, people = _people([
        _row("09POST1", [("Ingrid Bentancourt", "mentioned", None), ("Ingrid Betancourt", "mentioned", None)]),
        _row("09POST2", [("Ingrid Betancourt", "mentioned", None)]),
        _row("09POST3", [("John Hanson", "mentioned", None)]),
        _row("09POST4", [("John Hansen", "mentioned", None)]),  # too short to tell
    ])  # fmt: skip
    assert sorted(people) == ["Ingrid Betancourt", "John Hansen", "John Hanson"]
    assert people["Ingrid Betancourt"].also == ["Ingrid Bentancourt"]


def test_different_initials_are_different_people():
    _, people = _people([
        _row("09POST1", [("George H. W. Bush", "mentioned", None)]),
        _row("09POST2", [("George W. Bush", "mentioned", None)]),
        _row("09POST3", [("George Bush", "mentioned", None)]),
    ])  # fmt: skip
    assert sorted(people) == ["George Bush", "George H. W. Bush", "George W. Bush"]


def test_people_yml_wins_over_the_rules():
    curation = Curation(aliases={"victor bout": "Victor Bout"})
    _, people = _people(
        [
            _row(f"09POST{n}", [(name, "mentioned", None)])
            for n, name in enumerate(["Victor Bout", "Viktor Bout", "Viktor Bout"], 1)
        ],
        curation,
    )
    assert sorted(people) == ["Victor Bout", "Viktor Bout"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Iranians", "resident"),
        ("Tamils", None),
        ("Lankan", "Sri"),
        ("Turks", "managing"),
        ("English", None),
        ("Gerais", "Governor of Minas"),  # Minas Gerais: a place
        ("Pedro Juan Caballero", None),  # a city of Paraguay (GeoNames), named for a man
        ("Globo", "Editor of O"),  # O Globo: the title runs on into the name
        ("Mabahith", "senior Saudi"),
        ("N", "P"),
        ("E.g.", None),
        ("DTOs", "Major"),  # an acronym's plural (drug trafficking organizations)
        ("Follow-on", None),
        ("Incomprehension", "GENERAL"),
        ("Can't Hold", None),  # a headline's words
        ("Saleh Promises No New", None),
        ("German Wings", None),  # a people's name (a given name too) and words, no title
        ("German Tornado", None),
    ],
)
def test_peoples_places_and_words_are_not_people(name, title):
    _, people = _people([_row("09POST1", [(name, "mentioned", title), ("Ann Lee", "mentioned", None)])])  # fmt: skip
    assert list(people) == ["Ann Lee"]


def test_a_people_s_name_that_is_a_given_name_leads_a_person_s_name_after_a_title():
    _, people = _people([_row("09POST1", [("German Wings", "mentioned", "Minister")])])
    assert list(people) == ["German Wings"]


def test_a_city_named_for_a_man_is_a_person_with_a_title():
    _, people = _people([_row("09POST1", [("Pedro Juan Caballero", "mentioned", "General")])])
    assert list(people) == ["Pedro Juan Caballero"]


def test_a_plural_of_a_known_surname_is_not_a_person():
    _, people = _people([
        _row("08MADRID1", [("Jose Luis Rodriguez Zapatero", "mentioned", "President")]),
        _row("08MADRID2", [("Zapateros", "mentioned", None)]),
    ])  # fmt: skip
    assert list(people) == ["Jose Luis Rodriguez Zapatero"]


@pytest.mark.parametrize("name", ["Kerry", "Nelson"])
def test_a_place_s_name_with_a_person_s_title_is_a_person(name):
    _, people = _people([_row("09POST1", [(name, "mentioned", "Senator")])])
    assert list(people) == [name]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Kim Ok", "Kim"),
        ("Wang Qian", "Wang"),
        ("Lee Myung-bak", "Lee"),
        ("Nguyen Tan Dung", "Nguyen"),
        ("Kim Darroch", "Darroch"),  # a Western given name Kim
        ("Ann Lee", "Lee"),
        ("Hans van Voorst", "van Voorst"),
    ],
)
def test_east_asian_names_are_filed_under_the_family_name_first(name, family):
    assert family_name(name) == family


def test_an_identification_gives_the_titles_with_their_years():
    index, people = _people([
        _row("05TOKYO1", [("Nobutaka Machimura", "mentioned", "Foreign Minister")], date="2005-02-01"),
        _row("05TOKYO2", [("Nobutaka Machimura", "mentioned", "Foreign Minister")], date="2006-02-01"),
        _row("08TOKYO1", [("Nobutaka Machimura", "mentioned", "Chief Cabinet Secretary")], date="2008-02-01"),
    ])  # fmt: skip
    assert identification(people["Nobutaka Machimura"], index.cables) == (
        "Foreign Minister, 2005\u20132006; Chief Cabinet Secretary, 2008"
    )
