"""From raw values (a spreadsheet row, a JSON object, a document's text) to a Petition: which column holds
what, dates, channels, text checks. The header and channel tables below are the recognised vocabulary."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from triage.intake.items import IntakeFailure, IntakeItem
from triage.petition import CHANNELS, Petition, check_received_date, make_petition_id, normalize_text

FIELDS = ("text", "title", "received_at", "petitioner", "id", "channel")

# Headers recognised when no mapping is given, compared after removing spaces, "*" and a trailing colon,
# case-insensitively. Exact matches win; then, for text only, a header containing one of TEXT_PARTS.
HEADERS: dict[str, tuple[str, ...]] = {
    "text": (
        "内容", "正文", "反映内容", "诉求内容", "留言详情", "留言内容", "信访内容", "举报内容", "来信内容",
        "反映问题", "主要内容", "问题描述", "详细内容", "具体内容", "主要问题", "反映的主要问题", "事项内容",
        "text", "content", "body",
    ),
    "title": ("标题", "主题", "留言主题", "留言标题", "信件标题", "事项标题", "title", "subject"),
    "received_at": (
        "来信时间", "来信日期", "日期", "时间", "受理时间", "受理日期", "留言时间", "留言日期", "登记时间",
        "登记日期", "收件日期", "收信日期", "来访时间", "来电时间", "信访日期", "反映时间",
        "date", "received_at", "received", "received_date",
    ),
    "petitioner": (
        "反映人", "举报人", "来信人", "留言用户", "信访人", "控告人", "来访人", "来电人", "留言人",
        "反映人姓名", "举报人姓名", "来信人姓名", "信访人姓名", "petitioner",
    ),
    "id": (
        "编号", "id", "信访编号", "信件编号", "留言编号", "登记编号", "受理编号", "件号", "案件编号",
        "信访件编号", "留言id", "petition_id",
    ),
    "channel": (
        "来源", "渠道", "信访方式", "来信方式", "反映方式", "信访形式", "举报方式", "来源渠道", "信访渠道",
        "channel",
    ),
}
TEXT_PARTS = ("内容", "正文", "详情", "诉求")
TEXT_EXCLUDED_PARTS = ("答复", "回复", "办理", "处理", "结果", "意见", "摘要")

# Chinese channel words → CONTRACT.md codes: exact first, then by the first keyword the value contains.
CHANNEL_WORDS: dict[str, str] = {
    "来信": "letter", "信件": "letter", "书信": "letter", "写信": "letter", "邮寄": "letter", "信": "letter",
    "来访": "visit", "走访": "visit", "接访": "visit", "上访": "visit", "访": "visit",
    "网络": "web", "网上": "web", "网站": "web", "网信": "web", "留言": "web", "邮件": "web",
    "电子邮件": "web", "微信": "web", "网络举报": "web", "网上举报": "web", "online": "web", "email": "web",
    "电话": "phone", "来电": "phone", "热线": "phone", "12388": "phone", "phone": "phone",
}
CHANNEL_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("网", "web"), ("留言", "web"), ("微信", "web"), ("邮件", "web"), ("邮箱", "web"), ("app", "web"),
    ("电话", "phone"), ("来电", "phone"), ("热线", "phone"), ("12388", "phone"),
    ("访", "visit"), ("信", "letter"),
)


def clean_header(header: Any) -> str:
    text = "" if header is None else str(header)
    text = re.sub(r"[\s*＊\ufeff]", "", text).rstrip(":：").lower()
    return text


def guess_columns(headers: Sequence[Any], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field name → column index. A given mapping (field → header) wins for its fields; the others are
    guessed from HEADERS. A field is left out when no column matches."""
    cleaned = [clean_header(h) for h in headers]
    columns: dict[str, int] = {}
    taken: set[int] = set()
    if mapping:
        for field_name, header in mapping.items():
            wanted = clean_header(header)
            if wanted in cleaned:
                columns[field_name] = cleaned.index(wanted)
                taken.add(columns[field_name])
    for field_name in FIELDS:
        if field_name in columns or (mapping and field_name in mapping):
            continue
        for synonym in HEADERS[field_name]:
            if synonym in cleaned and cleaned.index(synonym) not in taken:
                columns[field_name] = cleaned.index(synonym)
                taken.add(columns[field_name])
                break
    if "text" not in columns and not (mapping and "text" in mapping):
        for index, header in enumerate(cleaned):
            if index in taken or header.startswith("被"):
                continue
            if any(p in header for p in TEXT_PARTS) and not any(p in header for p in TEXT_EXCLUDED_PARTS):
                columns["text"] = index
                break
    return columns


def describe_missing_text(source: str, headers: Sequence[Any], mapping: Mapping[str, str] | None) -> str:
    found = ", ".join(str(h).strip() for h in headers if h is not None and str(h).strip()) or "(none)"
    if mapping and "text" in mapping:
        return f"no column {mapping['text']!r} (the mapping's text column); columns found: {found}"
    expected = ", ".join(HEADERS["text"])
    return (
        f"no text column; columns found: {found}; expected one of: {expected} "
        f"(or give a mapping such as {{\"text\": \"<column>\"}})"
    )


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_DATE_PATTERN = re.compile(
    r"(?P<y>\d{4})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})\s*(?:日|号)?"
    r"(?:[\sT]*\d{1,2}[:时点](?:\d{1,2}分?)?(?::?\d{1,2}(?:\.\d+)?秒?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_COMPACT_DATE = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{4,6})?")
_CN_DATE = re.compile(r"(?P<y>[〇零○一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
                      r"(?P<d>[一二三四五六七八九十]{1,3})[日号]")


def parse_date(value: Any) -> date | None:
    """An ISO date from a cell or string: 2026/3/2, 2026年3月2日, 2026-03-02 10:00, 20260302,
    二〇二六年三月二日, a datetime, an Excel date serial. None when the value is empty; raises ValueError
    with the value when it is not a date or not within RECEIVED_RANGE."""
    day = _parse_date(value)
    return None if day is None else check_received_date(day, repr(str(value)[:40]))


def _parse_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return _excel_serial(float(value))
    text = str(value).strip().replace("／", "/").replace("－", "-").replace("．", ".")
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text:
        return None
    match = _DATE_PATTERN.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match:
        return _make_date(int(match["y"]), int(match["m"]), int(match["d"]), value)
    match = _CN_DATE.fullmatch(text)
    if match:
        year = int("".join(str(_CN_DIGITS[ch]) for ch in match["y"]))
        return _make_date(year, _cn_small_number(match["m"]), _cn_small_number(match["d"]), value)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _excel_serial(float(text))
    raise ValueError(f"not a date: {str(value)[:40]!r}")


def _excel_serial(serial: float) -> date:
    if not 20_000 <= serial <= 80_000:  # 1954 … 2119: anything else is not a date serial
        raise ValueError(f"not a date: {serial:g}")
    return date(1899, 12, 30) + timedelta(days=int(serial))


def _make_date(year: int, month: int, day: int, original: Any) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a date: {str(original)[:40]!r} ({exc})") from exc


def _cn_small_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]


def parse_channel(value: Any) -> str | None:
    """A CONTRACT.md channel code from a code or a Chinese word (来信, 来访, 网络, 电话 …); None when empty;
    ValueError when not recognised."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    if text in CHANNELS:
        return text
    if text in CHANNEL_WORDS:
        return CHANNEL_WORDS[text]
    for keyword, code in CHANNEL_KEYWORDS:
        if keyword in text:
            return code
    known = ", ".join(CHANNELS)
    raise ValueError(f"unknown channel {str(value)[:40]!r} (known: {known}, 来信, 来访, 网络, 电话)")


@dataclass(frozen=True)
class FileContext:
    """What every item of one file shares."""

    name: str
    sha256: str
    format: str
    max_chars: int
    default_channel: str | None
    review_threshold: float


def cell_text(value: Any) -> str:
    """A spreadsheet or JSON value as text (whole floats without ".0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def build_item(
    ctx: FileContext,
    source: str,
    fields: Mapping[str, Any],
    *,
    pages: tuple[dict[str, Any], ...],
    location: Mapping[str, Any] | None = None,
    ocr_confidence: float | None = None,
) -> IntakeItem | IntakeFailure:
    """Check and normalise one petition's fields; a failure names the source and the problem."""
    given_id = cell_text(fields.get("id")).strip() or None
    if given_id is not None and (len(given_id) > 128 or normalize_text(given_id) != given_id):
        message = f"id is not usable: {given_id[:40]!r} (at most 128 printable characters)"
        return IntakeFailure(source, message)
    raw_text = fields.get("text")
    if raw_text is not None and not isinstance(raw_text, str):
        if isinstance(raw_text, dict | list):
            return IntakeFailure(source, f"text is not a string but a {type(raw_text).__name__}", given_id)
        raw_text = cell_text(raw_text)
    text = clean_text(raw_text or "")
    if not text:
        return IntakeFailure(source, "empty text", given_id)
    if len(text) > ctx.max_chars:
        message = f"text too long: {len(text)} characters (limit {ctx.max_chars})"
        return IntakeFailure(source, message, given_id)
    warnings: list[str] = []
    try:
        received_at = parse_date(fields.get("received_at"))
    except ValueError as exc:
        received_at = None
        warnings.append(f"received_at ignored: {exc}")
    try:
        channel = parse_channel(fields.get("channel")) or ctx.default_channel
    except ValueError as exc:
        channel = ctx.default_channel
        warnings.append(f"channel ignored: {exc}")
    title = clean_text(cell_text(fields.get("title"))) or None
    petitioner = clean_text(cell_text(fields.get("petitioner"))) or None
    meta: dict[str, Any] = {"file": ctx.name, "sha256": ctx.sha256, "format": ctx.format}
    meta.update(location or {})
    if petitioner:
        meta["petitioner"] = petitioner
    if ocr_confidence is not None:
        meta["ocr_confidence"] = round(ocr_confidence, 4)
    if warnings:
        meta["warnings"] = warnings
    petition = Petition(
        id=given_id or make_petition_id(text, received_at),
        text=text,
        channel=channel,
        received_at=received_at,
        title=title,
        source=meta,
    )
    return IntakeItem(
        petition=petition,
        original_name=ctx.name,
        original_bytes_sha256=ctx.sha256,
        pages=pages,
        ocr_confidence=ocr_confidence,
        needs_review=ocr_confidence is not None and ocr_confidence < ctx.review_threshold,
    )


def clean_text(text: str) -> str:
    """normalize_text plus line ends (\\r\\n, \\r → \\n), no trailing spaces, at most one blank line
    in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = normalize_text(text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
