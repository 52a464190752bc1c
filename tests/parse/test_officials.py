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
        # words that stand before a name as titles do
        ("Classified By: Charge D’ Affaires Richard M. Eason for reasons", ["Richard M. Eason"]),
        ("U/S Burns raised the case of Amcit Vafa Valapour, which", ["Burns", "Vafa Valapour"]),
        ("his meeting with Minister Mentor Lee Kuan Yew to stress", ["Lee Kuan Yew"]),
        # an institution or a thing named for a person or a place is no person
        ("under the Basel Convention, Minister Ahmed Ali said", ["Ahmed Ali"]),
        ("along the Masaya Highway near Managua", []),
        ("a delegation that visited the Clinton White House in 2000", []),
        ("members of the banned Tudeh Party met Minister Ahmed Ali", ["Ahmed Ali"]),
        ("MEMBERS OF THE TUDEH (COMMUNIST) PARTY MET MINISTER AHMED ALI", ["Ahmed Ali"]),
        ("members of the Tudeh (Communist) Party met Minister Ahmed Ali", ["Ahmed Ali"]),
        ("an interfaith group supporting the Abraham Path Initiative in Brazil", []),
        ("associated with the Shahid Bakeri Industrial Group (SBIG)", []),
        ("also inspected the Silvio Pettirossi International Airport in Asuncion", []),
        (
            "treated at the Jomo Kenyatta Memorial Regional Hospital, Minister Ahmed Ali said",
            ["Ahmed Ali"],
        ),
        ("President Kenyatta spoke to the International Crisis Group", ["Kenyatta"]),
        # "and other" and no word for people: a kind of thing; a preposition of place: a place
        ("chauffeured around in Mercedes Benzes and other luxury vehicles", []),
        ("He met Ahmed Ali and other officials of the ministry.", ["Ahmed Ali"]),
        ("the Al-Hout field off Mina Az-Zour, approached as close as", []),
        ("the values behind Nelson Mandela Day, Minister Ahmed Ali said", ["Ahmed Ali"]),
        ("forces trained under Lieutenant General Keith Dayton's program", ["Keith Dayton"]),
        ("The Wing Air Gulfstream was completely gutted", []),  # no title ends on "Air"
        ("A CANDIDATE FOR PRIZE FOR YEAR'S BEST CHILDREN'S FILM", []),  # nor on a possessive
        # in capitals a common word after "to", "of" ends the title
        ("FROM AN ACTING CANAL ADMINISTRATOR TO RUMORED COVERT PLANS AGAINST HIM", []),
        ("THE MINISTER OF FOREIGN AFFAIRS SHEKARAU SAID", ["Shekarau"]),
        ("a jury decision regarding the Shannon Five. End summary.", []),  # a group
        # a word that joins a title's words is no name's, capitalised in a heading or not
        ("Readout: President Bush On Iraq and Iran", ["Bush"]),
        ("Foreign Minister Erdogan In Washington", ["Erdogan"]),
        ("He met Wing Commander Jones and Air Marshal Dhillon", ["Jones", "Dhillon"]),
        ("joint investigations with the DEA on Northern Route DTOs who", []),
        ("a screening of 2007 Oscar Winner for Best Documentary", []),
        ("the King remarked to Quds al Arabi that", []),
        # a nickname between a name's words is skipped, and not kept in the name
        (
            'U.S. Africa Command General William E. ("Kip") Ward met the President',
            ["William E. Ward"],
        ),
        ("They met Ms. Wang Qian (Interpreter) today.", ["Wang Qian"]),
        ("Charge Stuart E.Jones met the minister", ["Stuart E. Jones"]),  # a glued initial
        # a cross-reference glued to a name is not part of it
        ("(a Guebuza ally, see Armando Guebuza-septel), was installed", ["Armando Guebuza"]),
        # a bracket right after a name gives that person's title: no second name closes it
        ("such as the PM Soro (Secretary General of the Forces Nouvelles) as well", ["Soro"]),
        ("the Russian side (Foreign Minister Lavrov) said so", ["Lavrov"]),
        # a title word that is also a verb is the verb after "to" or a modal
        ("the FMA continued to monitor Irakhilfswerk accounts closely", []),
        ("Lula will head Petrobras, and party chair Hasina spoke", ["Hasina"]),
        # in capitals a given name that is also a word leads a name only after a title
        ("EMBOFF MET DR. GRACE MCDERMOTT, DIRECTOR OF THE CENTRE", ["Grace McDermott"]),
        ("THE MINISTER SAID IT WAS BY GRACE OF GOD ALONE", []),
    ],
)
def test_find_people(text, people):
    assert [name for name, _title in find_people(text)] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a family name written first, then romanised syllables: a name without a given name
        ("Foreign Minister Nakasone would meet Yang Jiechi separately.", ["Nakasone", "Yang Jiechi"]),
        ("The envoy met Nguyen Tan Dung today.", ["Nguyen Tan Dung"]),
        ("The envoy met Chen Bristow today.", []),  # not syllables: no name without a title
        # a hyphen joins one given name's syllables, English words or not; finals c, ch, nh
        ("Special Representative Wi Sung-lac met Kang Jae-sup.", ["Wi Sung-lac", "Kang Jae-sup"]),
        ("We saw Pham Binh Minh and Nguyen Duc Thach.", ["Pham Binh Minh", "Nguyen Duc Thach"]),
        # a month's name ends a name when no day follows it
        ("Conservative frontbencher Theresa May told PolOff on May 14.", ["Theresa May"]),
        ("The vote took place on May 14 in Rome.", []),
    ],
)  # fmt: skip
def test_find_people_with_a_family_name_first_or_a_month_in_the_name(text, people):
    assert [name for name, _title in find_people(text)] == people


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("Chamisa met the minister, and Khatami told the Ambassador he would go.", ["Khatami"]),
        ("On Friday the Ministry said nothing.", []),  # a common word
        ("Officials in the capital said Moscow said nothing.", []),  # a place
        ("Khatami told the Ambassador he would go.", []),  # a sentence's first word
        ("The Minister Rafsanjani said so.", []),  # after a capital: part of a longer name
        ("Support for Raiffeisen would grow, and Britain's share too.", []),  # no verb of speech
        # after a preposition of place, an article or a kind of organisation: not a person
        ("OSCE observers on the ground in Tskhinvali told Poloff", []),
        ("Mozambique newsweekly Zambeze claimed the port was used", []),
        ("He said the Fiscalia told the court", []),
    ],
)
def test_a_surname_alone_before_a_verb_of_speech(text, alone):
    from cable2md.parse.lone_names import lone_surnames

    assert lone_surnames(text) == alone


def test_a_name_that_names_a_thing_once_in_a_cable_names_it_throughout():
    from cable2md.parse.model import Paragraph
    from cable2md.parse.officials import find_mentions

    texts = [
        "Leaders are all behind the Abraham Path Initiative in Brazil.",
        "Brazil's Abraham Path sponsors, said Minister Ahmed Ali, share its goals.",
        "President Bush defended the Bush Doctrine.",  # a name of one word stays a person
    ]
    paragraphs = [Paragraph(n, None, None, text, n) for n, text in enumerate(texts, 1)]
    assert [mention.name for mention in find_mentions(paragraphs)] == ["Ahmed Ali", "Bush"]


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("Karzai's", "Karzai"),
        ("Karzai,s", "Karzai"),  # the comma that cables type for an apostrophe
        ("Funes'", "Funes"),  # a name ending in s keeps it
        ("Moratinos’", "Moratinos"),
        ("(Americas)", "Americas"),
    ],
)
def test_a_token_s_possessive_and_punctuation_come_off(token, word):
    from cable2md.parse.names import bare

    assert bare(token) == word
