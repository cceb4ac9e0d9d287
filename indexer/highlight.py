"""Highlights: the words of the query wrapped in ``<em>…</em>`` in a fragment of the document's text,
everything else HTML-escaped, segmentation spaces removed (a space is kept only between two Latin
letters or digits: ``ABC 公司`` becomes ``ABC公司``, ``ABC Ltd`` stays).

The indexer makes highlights itself, from the stored (masked) text, for both back-ends: the result is
the same whichever back-end answered, and a query word inside a longer indexed word (危房 in 危房改造,
found through the ``subwords`` field) is highlighted too, which a back-end's token highlighter cannot.
A query part made of Chinese characters is highlighted wherever it occurs; a Latin or numeric part
only as a whole word.
"""

from __future__ import annotations

import html
import re

FRAGMENT_CHARS = 120  # characters of text in a highlight
LEAD_CHARS = 30  # characters shown before the first match


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_words(words: list[str]) -> str:
    """Segmented words joined back into text: no spaces but between two Latin letters or digits."""
    out: list[str] = []
    for word in words:
        if not word:
            continue
        if out and _is_latin(out[-1][-1]) and _is_latin(word[0]):
            out.append(" ")
        out.append(word)
    return "".join(out)


def _pattern(part: list[str]) -> str:
    whole = re.escape("".join(part))
    if all(_is_latin(ch) for ch in "".join(part)):
        return rf"(?<![A-Za-z0-9]){whole}(?![A-Za-z0-9])"
    return whole


def match_spans(text: str, query_parts: list[list[str]]) -> list[tuple[int, int]]:
    """Character spans of ``text`` matching a query part, merged where they touch or overlap."""
    if not query_parts:
        return []
    regex = re.compile(
        "|".join(_pattern(p) for p in sorted(query_parts, key=len, reverse=True)), re.IGNORECASE
    )
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        found = regex.search(text, position)
        if not found:
            break
        start, end = found.span()
        if end == start:
            position += 1
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
        position = start + 1
    return spans


def highlight_text(segmented: str, query_parts: list[list[str]], size: int = FRAGMENT_CHARS) -> str:
    """A fragment of about ``size`` characters around the first match, matches in <em>, as HTML."""
    text = join_words(segmented.split())
    if not text:
        return ""
    spans = match_spans(text, query_parts)
    begin = max(0, spans[0][0] - LEAD_CHARS) if spans else 0
    end = min(len(text), begin + size)
    if spans and spans[0][1] > end:
        end = spans[0][1]
    out: list[str] = []
    position = begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        out.append(html.escape(text[position:start]))
        out.append(f"<em>{html.escape(text[start:stop])}</em>")
        position = stop
    out.append(html.escape(text[position:end]))
    return "".join(out)
