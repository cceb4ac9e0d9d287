"""Numbers written in Chinese text: Arabic (1,200 / 7961.62 / full-width ２０), Chinese (七千二百, 两万),
financial capitals (叁万伍仟) and mixtures (2.3万, 16万, 1.2亿). Pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata

import cn2an

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def parse_chinese_integer(text: str) -> int | None:
    """七千二百 → 7200, 叁万伍仟 → 35000, 一九八 → 198; None when it is not a numeral."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):  # digit by digit: 二〇一九
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0  # sum of finished 亿/万 sections
    section = 0  # current section below 万
    digit = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            digit = None
            unit = BIG_UNITS[ch]
            if section == 0 and total:
                total *= unit
            else:
                total = (total + section) * unit if unit > 10_000 else total + section * unit
            section = 0
    section += digit or 0
    # 二万五 (25000), 三千五 (3500): a trailing digit after a unit takes the next smaller unit
    if digit is not None and len(text) >= 2 and text[-2] in SMALL_UNITS and SMALL_UNITS[text[-2]] >= 100:
        section += digit * (SMALL_UNITS[text[-2]] // 10) - digit
    elif digit is not None and len(text) >= 2 and text[-2] in BIG_UNITS:
        section += digit * (BIG_UNITS[text[-2]] // 10) - digit
    return total + section


_SECTION = re.compile(r"([0-9]+(?:\.[0-9]+)?)([万萬亿億千仟百佰十拾]?)")
_ALL_UNITS = {**SMALL_UNITS, **BIG_UNITS}


def _mixed_sections(text: str) -> float | None:
    """Arabic digits in several sections: 18万5千 → 185000, 18万5000 → 185000, 1万2千5百 → 12500; None when the
    text is not of that form (a single section such as 2.3万 is left to the general rule)."""
    parts = _SECTION.findall(text)
    if len(parts) < 2 or "".join(n + u for n, u in parts) != text or not parts[0][1]:
        return None
    total, section, last_unit = 0.0, 0.0, 1
    for number, unit in parts:
        value = float(number)
        if unit in BIG_UNITS:  # 18万 | 1亿 (then 2000万): a section closed by 万 or 亿
            total += (section + value) * BIG_UNITS[unit]
            section = 0.0
        elif unit:
            section += value * _ALL_UNITS[unit]
        else:  # a bare last section: 18万5000, or one digit that takes the next unit down (3万5)
            section += value * (last_unit // 10) if len(number) == 1 and last_unit >= 100 else value
        last_unit = _ALL_UNITS.get(unit, last_unit)
    return total + section


def parse_number(text: str) -> float | None:
    """Any written number, with 万/亿/千 multipliers: '2.3万' → 23000, '1,200' → 1200, '七千二百' → 7200."""
    text = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "").replace(" ", "")
    if not text:
        return None
    mixed = _mixed_sections(text)
    if mixed is not None:
        return mixed
    # split off trailing multipliers after an Arabic part: 2.3万, 1.2亿, 5千, 3百万
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] == "."):
        i += 1
    if i:
        try:
            base = float(text[:i])
        except ValueError:
            return None
        factor = 1
        for ch in text[i:]:
            if ch in BIG_UNITS:
                factor *= BIG_UNITS[ch]
            elif ch in SMALL_UNITS:
                factor *= SMALL_UNITS[ch]
            else:
                return None
        return base * factor
    value = parse_chinese_integer(text)
    if value is not None:
        return float(value)
    try:  # decimals and other forms cn2an knows (三点五万)
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None
