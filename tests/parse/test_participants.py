"""Participant lists (cable2md/parse/participants.py): their entries and sides."""

from __future__ import annotations

from cable2md.parse import parse_bytes

CABLE = """\
CONFIDENTIAL SECTION 01 OF 02 BOGOTA 007402

E.O. 12958: DECL: 07/28/2015
TAGS: PREL
SUBJECT: U/S BURNS MEETS WITH PRESIDENT URIBE

1. (U) July 26, 2005, Casa de Narino, Bogota

2. (U) Participants:

U.S.

Ambassador William B. Wood
Luis Guio, Interpreter

Colombia
--------

Alvaro Uribe Velez, President
Presidential Communications Director Jaime Bermudez
Francisco Gonzalez, MFA (notetaker)

3. (C) Uribe said so.
"""


def test_a_list_goes_on_under_the_second_side_s_underlined_name():
    cable = parse_bytes(CABLE.encode(), "2005/05BOGOTA7402.txt")
    found = [(p.name, p.side) for p in cable.participants]
    assert found == [
        ("William B. Wood", "U.S."),
        ("Luis Guio", "U.S."),
        ("Alvaro Uribe Velez", "Colombia"),
        ("Jaime Bermudez", "Colombia"),  # not run together with the next line's name
        ("Francisco Gonzalez", "Colombia"),
    ]
    second = next(p for p in cable.paragraphs if p.heading == "Colombia")
    assert second.text.split("\n")[1] == "Presidential Communications Director Jaime Bermudez"
