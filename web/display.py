"""What pages show: Chinese labels for codes, the petition text cut into highlighted parts, safe snippets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from triage.taxonomy import Taxonomy

RULE_LABELS = {
    "not_accusation": "非检举控告类",
    "uncertain": "无法自动判断（人工审核）",
    "cadre_authority": "干部管理权限",
    "place": "属地管理",
    "fallback": "兜底（信访室）",
}
CHANNEL_LABELS = {"letter": "来信", "visit": "来访", "web": "网络举报", "phone": "来电"}
STATUS_LABELS = {"pending": "待分析", "new": "待审核", "reviewed": "已审核"}
FIELD_LABELS = {"kind": "件类", "primary_domain": "问题领域", "unit": "承办单位", "persons": "人员",
                "amounts": "金额", "places": "地点", "accept": "确认分办"}
ENTITY_CLASSES = {"accused": "ent-accused", "petitioner": "ent-petitioner", "other": "ent-person",
                  "amount": "ent-amount", "place": "ent-place", "date": "ent-date"}


@dataclass(frozen=True)
class Labels:
    """Chinese labels of the taxonomy's codes and the office's units."""

    taxonomy: Taxonomy
    units: dict[str, str]
    office_name: str = ""

    def domain(self, code: str | None) -> str:
        if not code:
            return "未分类"
        return self.taxonomy.label(code)

    def kind(self, code: str | None) -> str:
        return self.taxonomy.label(code) if code else "—"

    def level(self, code: str | None) -> str:
        return self.taxonomy.label(code) if code else "—"

    def party(self, code: str | None) -> str:
        return self.taxonomy.label(code) if code else "—"

    def unit(self, unit_id: str | None) -> str:
        if not unit_id:
            return "—"
        return self.units.get(unit_id, unit_id)

    def rule(self, code: str | None) -> str:
        return RULE_LABELS.get(code or "", code or "—")

    def channel(self, code: str | None) -> str:
        return CHANNEL_LABELS.get(code or "", code or "—")

    def status(self, code: str | None) -> str:
        return STATUS_LABELS.get(code or "", code or "—")

    def field(self, code: str | None) -> str:
        return FIELD_LABELS.get(code or "", code or "—")


def entity_spans(result: dict[str, Any] | None, text_length: int) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) of what the extraction found, non-overlapping, in order."""
    if not result:
        return []
    spans: list[tuple[int, int, str, str]] = []
    for person in result.get("persons") or []:
        party = person.get("party") or "other"
        tip = " ".join(x for x in (person.get("role"), person.get("level")) if x)
        for start, end in person.get("mentions") or []:
            spans.append((int(start), int(end), ENTITY_CLASSES.get(party, "ent-person"), tip))
    for group, css in (("amounts", "amount"), ("places", "place"), ("dates", "date")):
        for item in result.get(group) or []:
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int):
                spans.append((start, end, ENTITY_CLASSES[css], ""))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= text_length]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str, str]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def highlighted_text(text: str, result: dict[str, Any] | None) -> Markup:
    """The petition text as HTML: every found person, amount, place and date in a <mark> with a class."""
    parts: list[str] = []
    position = 0
    for start, end, css, tip in entity_spans(result, len(text)):
        parts.append(str(escape(text[position:start])))
        title = f' title="{escape(tip)}"' if tip else ""
        parts.append(f'<mark class="{css}"{title}>{escape(text[start:end])}</mark>')
        position = end
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


_EM = re.compile(r"(</?em>)")


def safe_highlight(fragment: str | None) -> Markup:
    """A search highlight as HTML with nothing but <em> allowed, whatever the back-end returned."""
    out = []
    for part in _EM.split(fragment or ""):
        out.append(part if part in ("<em>", "</em>") else str(escape(html.unescape(part))))
    return Markup("".join(out))


def plain_highlight(fragment: str | None) -> str:
    """A search highlight as plain text (for exports)."""
    return html.unescape(_EM.sub("", fragment or ""))


def snippet(text: str | None, size: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[:size] + "…"


def format_yuan(value: Any) -> str:
    """Money in yuan as a clerk reads it: 12,345 元, 3.6 万元, 1.2 亿元."""
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        return str(value)
    if number >= 1e8:
        return f"{number / 1e8:.2f} 亿元"
    if number >= 1e4:
        return f"{number / 1e4:.2f} 万元"
    return f"{number:,.0f} 元" if number.is_integer() else f"{number:,.2f} 元"
