"""Person extraction rules (cable2md/parse/officials.py), one case each (how a cable's names
become people: archive/test_people.py)."""

import pytest

from cable2md.parse.officials import find_people


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
