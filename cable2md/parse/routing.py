"""The routing part of a header: ACP-127 lines, date-time groups, datelines, addressees.

``O 260014Z OCT 09`` is a precedence and a date-time group (DTG): day 26, 00:14
Zulu, October 2009. Two-digit years are read as 1966-2065, the span of the
release.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from .years import full_year

MONTHS: Final = {
    name: index
    for index, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
_MONTH_NAMES: Final = {
    "JANUARY": 1, "FEBRUARY": 2, "MARCH": 3, "APRIL": 4, "MAY": 5, "JUNE": 6, "JULY": 7,
    "AUGUST": 8, "SEPTEMBER": 9, "OCTOBER": 10, "NOVEMBER": 11, "DECEMBER": 12,
}  # fmt: skip

DTG_RE: Final = re.compile(
    r"\b(?P<day>[0-3]\d)(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)Z\s+(?P<month>[A-Za-z]{3})\s+(?P<year>\d{2}|\d{4})\b"
)
PRECEDENCE_DTG_RE: Final = re.compile(
    r"^\s*(?P<precedence>ZZ|OO|PP|RR|[ZOPRM])(?:\s+[ZOPRM])?\s+(?=[0-3]\d{5}Z\s)"
)
BARE_DTG_RE: Final = re.compile(r"^\s*[0-3]\d{5}Z\s+[A-Za-z]{3}\s+\d{2,4}\s*$")
DATELINE_RE: Final = re.compile(
    r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,\s+(?P<day>\d{1,2})\s+"
    r"(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})\s*,\s+(?P<time>\d{1,2}\s*:\s*\d{2})\s*$",
    re.IGNORECASE,
)
TELEGRAM_DATE_RE: Final = re.compile(
    r"^\s*TELEGRAM\s+(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})\s*,\s+(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
VZCZC_RE: Final = re.compile(r"^\s*VZCZC\w*\s*$")
ROUTING_RE: Final = re.compile(
    r"^\s*(?:(?:ZZ|OO|PP|RR|YY|[ZOPR])\s+RU\w+(?:\s+RU\w+)*|RU\w+(?:\s+RU\w+)+|"
    r"DE\s+RU\w+\s+#\s?\d+(?:/\d+)?(?:\s+\d{7})?|ZN[YR]\s+\w+(?:\s+\w+)?|BT|NNNN?|"
    r"#\d+|<<\d+>>)\s*$"
)
DE_RE: Final = re.compile(r"^\s*DE\s+RU\w+\s+#\s?(?P<number>\d+)")
ZNY_RE: Final = re.compile(r"^\s*ZN[YR]\s+(?P<code>[A-Z]{5})\b")
FM_RE: Final = re.compile(r"^\s*FM\s+(?P<sender>\S.*?)\s*$")
TO_RE: Final = re.compile(r"^\s*TO\s+(?P<rest>\S.*?)\s*$")
INFO_RE: Final = re.compile(r"^\s*INFO\s+(?P<rest>\S.*?)\s*$")
_ADDRESS_PREFIX_RE: Final = re.compile(r"^(?:RU|RH|RX)\w{2,6}/")
_ADDRESS_TAIL_RE: Final = re.compile(
    r"(?:\s+(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH|NIACT))*(?:\s+\d{1,5})?\s*$"
)


def year4(text: str) -> int:
    return int(text) if len(text) == 4 else full_year(int(text))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dtg(text: str) -> tuple[str, str] | None:
    """The DTG in *text* as ``("260014Z OCT 09", "2009-10-26")``, or None."""
    match = DTG_RE.search(text)
    if not match:
        return None
    month = MONTHS.get(match.group("month").upper())
    if month is None:
        return None
    day = _iso(year4(match.group("year")), month, int(match.group("day")))
    if day is None:
        return None
    dtg = (
        f"{match.group('day')}{match.group('hour')}{match.group('minute')}Z "
        f"{match.group('month').upper()} {match.group('year')}"
    )
    return dtg, day


def parse_dateline(text: str) -> str | None:
    """``Wednesday, 06 May 2009, 17:31`` or ``TELEGRAM June 03, 2003`` -> ISO day."""
    match = DATELINE_RE.match(text) or TELEGRAM_DATE_RE.match(text)
    if not match:
        return None
    month = _MONTH_NAMES.get(match.group("month").upper())
    if month is None:
        return None
    return _iso(int(match.group("year")), month, int(match.group("day")))


def address(text: str) -> str:
    """``RUEHC/SECSTATE WASHDC PRIORITY 3787`` -> ``SECSTATE WASHDC``."""
    text = _ADDRESS_PREFIX_RE.sub("", text.strip())
    return _ADDRESS_TAIL_RE.sub("", text).strip()


def is_address(text: str) -> bool:
    """A continuation line of a TO or INFO list (``RUEHZL/EUROPEAN POLITICAL COLLECTIVE``)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 80:
        return False
    if _ADDRESS_PREFIX_RE.match(stripped):
        return True
    return bool(
        re.fullmatch(
            r"(?:AMEMBASSY|AMCONSUL|USMISSION|SECSTATE|SECDEF|USDAO|CIA|NSC|DIA|JCS|"
            r"USCINC|CDR|COMUS|HQ|USUN|USNATO|USEU|USOSCE|AIT|USINT|DEPT)\b[A-Z0-9 ./()'-]*",
            stripped,
        )
    )
