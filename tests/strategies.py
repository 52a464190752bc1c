"""Hypothesis strategies that write whole cables, clean or OCR-noised, and mutilate them."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import strategies as st

LEVELS = [
    "UNCLASSIFIED",
    "UNCLAS",
    "CONFIDENTIAL",
    "SECRET",
    "C O N F I D E N T I A L",
    "S E C R E T",
]
POSTS = ["TOKYO", "BEIJING", "RIO DE JANEIRO", "STATE", "USNATO", "HARARE", "KUALA LUMPUR"]
CODES = [
    "PREL",
    "PGOV",
    "ECON",
    "MARR",
    "KDEM",
    "JA",
    "CH",
    "PTER",
    "OVIP (SMITH, JOHN A.)",
    "xxbad",
]
MARKINGS = ["C", "S", "U", "SBU", "S/NF", "C/NF"]
TITLES = ["Ambassador", "Foreign Minister", "DCM", "Deputy Director General", "PolOff"]
NAMES = ["Tsuneo Nishida", "Jane Smith", "Koji Tsuruoka", "Ana Pereira", "Karel De Gucht"]

words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    min_size=1,
    max_size=9,
)
punctuation = st.sampled_from(
    [".", ",", ";", ":", "--", "(", ")", '"', "'", "-", "/", "*", "_", "#", "|", "<", ">", "[", "]"]
)
token = st.one_of(words, words, words, punctuation, st.sampled_from(NAMES), st.sampled_from(TITLES))


@dataclass
class Cable:
    text: str
    body: str  # the words of the body (its paragraphs and signer): each must reach the record


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(token, min_size=3, max_size=25))
    return " ".join(parts) + draw(st.sampled_from([".", ".", "?", ""]))


@st.composite
def cables(draw) -> Cable:
    rng = random.Random(draw(st.integers(0, 2**32)))
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["VZCZCXRO1234", "PP RUEHKO", "DE RUEHKO #1349/01 0610812", "ZNY SSSSS ZZH",
                  f"P {rng.randint(1, 28):02d}1200Z {rng.choice(['JAN', 'MAR', 'OCT'])} {rng.choice(['05', '09', '72'])}",
                  "FM AMEMBASSY TOKYO", "TO RUEHC/SECSTATE WASHDC PRIORITY 1234"]  # fmt: skip
    if draw(st.booleans()):
        lines.append(
            "This record is a partial extract of the original cable. The full text of the original cable is not available."
        )
    section = f"SECTION 01 OF 0{rng.randint(1, 5)} " if draw(st.booleans()) else ""
    lines.append(
        f"{draw(st.sampled_from(LEVELS))} {section}{draw(st.sampled_from(POSTS))} {rng.randint(1, 99999):06d}"
    )
    lines += ["", draw(st.sampled_from(["SIPDIS", "NOFORN", "S I P D I S", "SENSITIVE"])), ""]
    lines.append(
        f"E.O. 12958: DECL: {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/20{rng.randint(10, 35)}"
    )
    lines.append(
        "TAGS: " + " ".join(draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=6)))
    )
    lines.append("SUBJECT: " + draw(sentences()).upper())
    if draw(st.booleans()):
        lines += [
            "",
            f"REF: A. {rng.choice(POSTS)} {rng.randint(1, 9999)} B. 08 STATE {rng.randint(1, 99999)}",
        ]
    lines += [
        "",
        f"Classified By: {rng.choice(TITLES)} {rng.choice(NAMES)} for reasons 1.4 (b) and (d).",
        "",
    ]
    body: list[str] = []
    spoken: list[str] = []  # the body without the paragraph numbers (a garbled pilcrow is no word)
    ocr = draw(st.booleans())
    for number in range(1, draw(st.integers(1, 8)) + 1):
        mark = draw(st.sampled_from(["¶", "", "1", "1.", "!!_", "1[", "T"])) if ocr else "¶"
        text = " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
        if draw(st.booleans()):
            text = f"(COMMENT: {text} END COMMENT.)"
        wrapped = _wrap(text, rng, ocr)
        marking = rng.choice(MARKINGS)
        spoken += [marking, text]
        body.append(f"{mark}{number}. ({marking}) {wrapped[0]}")
        body += wrapped[1:]
        body.append("")
    if draw(st.booleans()):
        body.append(rng.choice(["MICHALAK", "Wolff", "VAN VOORST"]))
        spoken.append(body[-1])
    return Cable("\n".join(lines + body) + "\n", "\n".join(spoken))


def _wrap(text: str, rng: random.Random, ocr: bool) -> list[str]:
    words_ = text.split()
    lines, current = [], []
    for word in words_:
        current.append(word)
        if len(" ".join(current)) > rng.randint(40, 70):
            lines.append(("  " if ocr else " ").join(current))
            current = []
            if ocr and rng.random() < 0.2:
                lines.append("")  # a page break in the middle of a paragraph
    if current:
        lines.append(("  " if ocr else " ").join(current))
    return lines or [""]


@st.composite
def mutilated(draw) -> bytes:
    """A cable cut short, with lines shuffled or dropped, bytes flipped, or re-encoded."""
    cable = draw(cables()).text
    data = cable.encode("utf-8")
    how = draw(
        st.sampled_from(
            ["truncate", "shuffle", "bytes", "latin1", "utf16", "glue", "huge", "controls"]
        )
    )
    rng = random.Random(draw(st.integers(0, 2**32)))
    if how == "truncate":
        return data[: rng.randint(0, len(data))]
    if how == "shuffle":
        lines = cable.split("\n")
        rng.shuffle(lines)
        return "\n".join(lines[: rng.randint(0, len(lines))]).encode()
    if how == "bytes":
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        return bytes(mutable)
    if how == "latin1":
        return (
            (cable + " café Gdańsk")
            .encode("utf-8", "replace")
            .decode("utf-8")
            .encode("latin-1", "replace")
        )
    if how == "utf16":
        return cable.encode("utf-16")
    if how == "glue":
        return data + b"\n" + draw(cables()).text.encode()
    if how == "huge":
        return data + (b"word " * rng.randint(1000, 40000))
    return data + bytes(rng.randrange(1, 31) for _ in range(rng.randint(1, 200)))
