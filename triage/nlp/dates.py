"""Dates and periods: 2019年, 2017年至2019年, 2022年1月, 2021年3月5日, 二〇一九年, 去年3月, 今年以来
(relative forms need the date the petition was received)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from triage.nlp.numbers import parse_chinese_integer
from triage.petition import DateSpan

_Y = r"(?:[12][0-9０-９]{3}|[一二][〇○零一二三四五六七八九]{3})"
_M = r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])"
_D = r"(?:[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_REL_YEAR = "去年|今年|前年|上年|本年|当年|明年"
_POINT = (
    f"(?:(?P<Y>{_Y})年|(?P<R>{_REL_YEAR}))"
    f"(?:(?P<M>{_M})月(?:份)?(?:(?P<D>{_D})[日号])?)?"
    f"(?P<part>初|底|末|上半年|下半年)?"
)
_POINT2 = (
    f"(?:(?:(?P<Y2>{_Y})年|(?P<R2>{_REL_YEAR}))?(?:(?P<M2>{_M})月(?:份)?(?:(?P<D2>{_D})[日号])?)?)"
    f"(?P<part2>初|底|末)?"
)
DATE_RE = re.compile(f"{_POINT}(?:(?:至|到|—|－|-|~|～)(?:{_POINT2}))?(?P<since>以来|至今)?")
_BARE_YEAR_RANGE = re.compile(f"(?P<Y>{_Y})(?:[至到—\\-~～])(?P<Y2>{_Y})年")
_REL_OFFSETS = {"去年": -1, "上年": -1, "前年": -2, "今年": 0, "本年": 0, "当年": None, "明年": 1}


def _to_int(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return parse_chinese_integer(text)


def _year(text: str | None, rel: str | None, received: date | None) -> int | None:
    if text:
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
        return _to_int(text)
    if rel and received is not None and _REL_OFFSETS.get(rel) is not None:
        return received.year + _REL_OFFSETS[rel]
    return None


def _span(year: int | None, month: int | None, day: int | None, part: str | None) -> tuple[date, date] | None:
    if year is None or not 1900 <= year <= 2100:
        return None
    try:
        if month is None:
            if part == "上半年":
                return date(year, 1, 1), date(year, 6, 30)
            if part == "下半年":
                return date(year, 7, 1), date(year, 12, 31)
            if part == "初":
                return date(year, 1, 1), date(year, 3, 31)
            if part in ("底", "末"):
                return date(year, 10, 1), date(year, 12, 31)
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            if part == "初":
                return date(year, month, 1), date(year, month, 10)
            if part in ("底", "末"):
                return date(year, month, 21), date(year, month, last)
            return date(year, month, 1), date(year, month, last)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, received: date | None) -> list[DateSpan]:
    out: list[DateSpan] = []
    for m in DATE_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        g = m.groupdict()
        year = _year(g["Y"], g["R"], received)
        first = _span(year, _to_int(g["M"]), _to_int(g["D"]), g["part"])
        if first is None:
            continue
        end = m.end()
        date_to = first[1]
        has_second = bool(g["Y2"] or g["R2"] or g["M2"])
        if has_second:
            year2 = _year(g["Y2"], g["R2"], received) if (g["Y2"] or g["R2"]) else year
            second = _span(year2, _to_int(g["M2"]), _to_int(g["D2"]), g["part2"])
            if second is not None and second[1] >= first[0]:
                date_to = second[1]
        else:  # the regex may have eaten a separator with nothing after it: give it back
            end = m.end("part") if g["part"] else (m.end("D") + 1 if g["D"] else (
                m.end("M") + 1 if g["M"] else (m.end("Y") + 1 if g["Y"] else m.end("R"))))
            if g["M"] and text[end:end + 1] == "份":
                end += 1
            if g["since"]:
                end = m.end()
        if g["since"]:
            date_to = received if received and received >= first[0] else None
        out.append(DateSpan(text[m.start():end], m.start(), end, first[0], date_to))
    taken = [(d.start, d.end) for d in out]
    for m in _BARE_YEAR_RANGE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        y1, y2 = _to_int(m.group("Y")), _to_int(m.group("Y2"))
        if y1 and y2 and 1900 <= y1 <= y2 <= 2100:
            out.append(DateSpan(m.group(0), m.start(), m.end(), date(y1, 1, 1), date(y2, 12, 31)))
    out.sort(key=lambda d: d.start)
    return out
