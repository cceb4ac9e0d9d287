"""Readers for files of many petitions: JSON Lines (or a JSON array), CSV, XLSX: an item per line or row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from triage.errors import InputError
from triage.intake.encoding import decode_text
from triage.intake.fields import FileContext, build_item, describe_missing_text, guess_columns
from triage.intake.items import IntakeFailure, IntakeItem

HEADER_SEARCH_ROWS = 10  # exports often put a title line or two above the header row

Result = IntakeItem | IntakeFailure


def read_jsonl(ctx: FileContext, data: bytes, mapping: Mapping[str, str] | None) -> Iterator[Result]:
    try:
        text = decode_text(data)
    except InputError as exc:
        yield IntakeFailure(ctx.name, str(exc))
        return
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of objects is accepted too
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield IntakeFailure(ctx.name, f"not valid JSON: {exc.msg} at line {exc.lineno} col {exc.colno}")
            return
        if not isinstance(records, list):
            message = "not valid JSON Lines: the file is one JSON value, not one per line"
            yield IntakeFailure(ctx.name, message)
            return
        for number, record in enumerate(records, start=1):
            yield from _read_object(ctx, f"{ctx.name} item {number}", record, mapping, {"item": number})
        return
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        source = f"{ctx.name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IntakeFailure(source, f"not valid JSON: {exc.msg} at col {exc.colno}")
            continue
        yield from _read_object(ctx, source, record, mapping, {"line": number})
    if not found:
        yield IntakeFailure(ctx.name, "empty file: no JSON lines")


def _read_object(
    ctx: FileContext, source: str, record: Any, mapping: Mapping[str, str] | None, location: dict[str, Any]
) -> Iterator[Result]:
    if not isinstance(record, dict):
        yield IntakeFailure(source, f"not a JSON object but a {type(record).__name__}")
        return
    keys = list(record)
    if mapping:  # a mapping made for spreadsheets does not stop contract lines ({"text": …}) from reading
        mapping = {name: key for name, key in mapping.items() if key in record}
    columns = guess_columns(keys, mapping)
    if "text" not in columns:
        given_id = record.get("id")
        listed = f" (keys: {', '.join(map(str, keys))})" if keys else ""
        item_id = str(given_id) if isinstance(given_id, str | int) else None
        yield IntakeFailure(source, "no 'text' field" + listed, item_id)
        return
    fields = {name: record[keys[index]] for name, index in columns.items()}
    yield build_item(ctx, source, fields, pages=({"page": 1, "source": "row", "confidence": None},),
                     location=location)


def read_csv(ctx: FileContext, data: bytes, mapping: Mapping[str, str] | None) -> Iterator[Result]:
    try:
        text = decode_text(data)
    except InputError as exc:
        yield IntakeFailure(ctx.name, str(exc))
        return
    if csv.field_size_limit() < ctx.max_chars * 2:
        csv.field_size_limit(ctx.max_chars * 2)
    delimiter = _sniff_delimiter(text, ctx.name)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from _read_rows(ctx, ctx.name, enumerate(rows, start=1), mapping, {})
    except csv.Error as exc:
        yield IntakeFailure(ctx.name, f"not valid CSV: {exc}")


def _sniff_delimiter(text: str, name: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_xlsx(ctx: FileContext, data: bytes, mapping: Mapping[str, str] | None) -> Iterator[Result]:
    import openpyxl  # a heavy import, only when a workbook comes

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (BadZipFile, KeyError, InvalidFileException, lxml)
        yield IntakeFailure(ctx.name, f"corrupt XLSX: {_describe(exc)}")
        return
    try:
        sheets = list(workbook.worksheets)
        found_text_column = False
        first_headers: Sequence[Any] | None = None
        for sheet in sheets:
            prefix = f"{ctx.name} {sheet.title}" if len(sheets) > 1 else ctx.name
            location = {"sheet": sheet.title}
            try:
                rows = list(sheet.iter_rows(values_only=True))
            except Exception as exc:  # a truncated or malformed sheet part
                message = f"corrupt XLSX: sheet {sheet.title!r} does not read: {_describe(exc)}"
                yield IntakeFailure(prefix, message)
                found_text_column = True  # reported: no second failure about columns
                continue
            header = _find_header(rows, mapping)
            if header is None:
                if first_headers is None:
                    first_headers = next((r for r in rows if any(c is not None for c in r)), ())
                continue
            found_text_column = True
            yield from _read_rows(ctx, prefix, enumerate(rows, start=1), mapping, location)
        if not found_text_column:
            yield IntakeFailure(ctx.name, describe_missing_text(ctx.name, first_headers or (), mapping))
    finally:
        workbook.close()


def _find_header(rows: Sequence[Sequence[Any]], mapping: Mapping[str, str] | None) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if "text" in guess_columns(list(row), mapping):
            return index
    return None


def _read_rows(
    ctx: FileContext,
    prefix: str,
    numbered_rows: Iterable[tuple[int, Sequence[Any]]],
    mapping: Mapping[str, str] | None,
    location: Mapping[str, Any],
) -> Iterator[Result]:
    """Rows after the header row (found among the first rows) become items; blank rows are skipped."""
    columns: dict[str, int] | None = None
    first_row: Sequence[Any] | None = None
    seen = 0
    for number, row in numbered_rows:
        if columns is None:
            if first_row is None and any(_filled(c) for c in row):
                first_row = row
            if number <= HEADER_SEARCH_ROWS:
                guessed = guess_columns(list(row), mapping)
                if "text" in guessed:
                    columns = guessed
                    continue
            if number >= HEADER_SEARCH_ROWS:
                break
            continue
        if not any(_filled(c) for c in row):
            continue
        seen += 1
        fields = {name: (row[index] if index < len(row) else None) for name, index in columns.items()}
        yield build_item(
            ctx,
            f"{prefix} row {number}",
            fields,
            pages=({"page": 1, "source": "row", "confidence": None, "row": number},),
            location={**location, "row": number},
        )
    if columns is None:
        yield IntakeFailure(prefix, describe_missing_text(prefix, first_row or (), mapping))
    elif seen == 0:
        yield IntakeFailure(prefix, "no rows under the header row")


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
