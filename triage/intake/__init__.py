"""Intake of real documents: files (JSON Lines, CSV, XLSX, DOCX, PDF, images, plain text) become petitions.

``read_path`` and ``read_bytes`` yield one IntakeItem per petition and one IntakeFailure per part of a file
that could not be read (a bad row, a corrupt PDF), and go on with the rest. They store nothing: the caller
(``triage ingest``, the web upload) stores, triages and indexes.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from triage.errors import InputError
from triage.intake.documents import read_docx, read_image, read_pdf, read_text
from triage.intake.encoding import FORMATS, LEGACY_OFFICE_MESSAGE, decode_text, detect_format
from triage.intake.fields import HEADERS, FileContext, parse_channel, parse_date
from triage.intake.items import IntakeFailure, IntakeItem, summarize
from triage.intake.ocr import OcrEngine
from triage.intake.tables import read_csv, read_jsonl, read_xlsx
from triage.petition import CHANNELS

__all__ = [
    "FORMATS",
    "HEADERS",
    "IntakeFailure",
    "IntakeItem",
    "OcrEngine",
    "Progress",
    "decode_text",
    "default_ocr_engine",
    "detect_format",
    "parse_channel",
    "parse_date",
    "read_bytes",
    "read_path",
    "summarize",
]

REVIEW_THRESHOLD = 0.80
MAX_CHARS = 200_000

_default_engine: OcrEngine | None = None


def default_ocr_engine() -> OcrEngine:
    """The engine used when none is passed in: one per process, models loaded on first use."""
    global _default_engine
    if _default_engine is None:
        _default_engine = OcrEngine()
    return _default_engine


def read_path(
    path: Path,
    *,
    mapping: dict[str, str] | None = None,
    max_chars: int = MAX_CHARS,
    ocr: OcrEngine | None = None,
    default_channel: str | None = None,
    review_threshold: float = REVIEW_THRESHOLD,
) -> Iterator[IntakeItem | IntakeFailure]:
    """The petitions in a file, or in every file under a folder (sorted; hidden files skipped)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        for file in files:
            yield from read_path(file, mapping=mapping, max_chars=max_chars, ocr=ocr,
                                 default_channel=default_channel, review_threshold=review_threshold)
        return
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield IntakeFailure(path.name or str(path), f"file not found: {path}")
        return
    except OSError as exc:
        yield IntakeFailure(path.name or str(path), f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(path.name, data, mapping=mapping, max_chars=max_chars, ocr=ocr,
                          default_channel=default_channel, review_threshold=review_threshold)


def read_bytes(
    name: str,
    data: bytes,
    *,
    mapping: dict[str, str] | None = None,
    max_chars: int = MAX_CHARS,
    ocr: OcrEngine | None = None,
    default_channel: str | None = None,
    review_threshold: float = REVIEW_THRESHOLD,
) -> Iterator[IntakeItem | IntakeFailure]:
    """The petitions in one file's content (``name`` is the file name, used for the format and messages)."""
    name = Path(name.replace("\\", "/")).name or "upload"  # a browser may send C:\fakepath\x.csv
    if default_channel is not None and default_channel not in CHANNELS:
        try:
            default_channel = parse_channel(default_channel)
        except ValueError as exc:
            raise InputError(f"default channel: {exc}") from exc
    if mapping:
        unknown = sorted(set(mapping) - set(HEADERS))
        if unknown:
            fields = ", ".join(HEADERS)
            raise InputError(f"column mapping: unknown field(s) {', '.join(unknown)} (fields: {fields})")
    if not data:
        yield IntakeFailure(name, "empty file")
        return
    fmt = detect_format(name, data)
    ctx = FileContext(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        max_chars=max_chars,
        default_channel=default_channel,
        review_threshold=review_threshold,
    )
    engine = ocr or default_ocr_engine()
    if fmt == "jsonl":
        yield from read_jsonl(ctx, data, mapping)
    elif fmt == "csv":
        yield from read_csv(ctx, data, mapping)
    elif fmt == "xlsx":
        yield from read_xlsx(ctx, data, mapping)
    elif fmt == "docx":
        yield from read_docx(ctx, data, engine)
    elif fmt == "pdf":
        yield from read_pdf(ctx, data, engine)
    elif fmt == "image":
        yield from read_image(ctx, data, engine)
    elif fmt == "text":
        yield from read_text(ctx, data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        yield IntakeFailure(name, LEGACY_OFFICE_MESSAGE)
    else:
        yield IntakeFailure(name, "unsupported file: not JSON Lines, CSV, XLSX, DOCX, PDF, an image or text")


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


class Progress:
    """A progress line for long batches, printed to ``out`` at most about once a second:
    ``intake: 120/500 (24%), 3.1 items/s, about 2 min left``. ``close()`` prints the final count."""

    def __init__(
        self,
        total: int | None,
        out: IO[str] | None = None,
        *,
        label: str = "intake",
        interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.out = out if out is not None else sys.stderr  # looked up now, so a redirected stderr counts
        self.label = label
        self.interval = interval
        self.clock = clock
        self.done = 0
        self.started = clock()
        self._last_print = self.started
        self._printed = False

    def step(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self._last_print >= self.interval:
            self._last_print = now
            self._write(self._line(now))

    def close(self) -> None:
        now = self.clock()
        elapsed = now - self.started
        if self._printed or elapsed >= self.interval:
            self._write(f"{self.label}: {self.done} done in {_duration(elapsed)}")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            percent = min(100, round(100 * self.done / self.total))
            line = f"{self.label}: {self.done}/{self.total} ({percent}%), {rate:.1f}/s"
            if rate > 0 and self.done < self.total:
                line += f", about {_duration((self.total - self.done) / rate)} left"
            return line
        return f"{self.label}: {self.done} done, {rate:.1f}/s"

    def _write(self, line: str) -> None:
        self._printed = True
        self.out.write(line + "\n")
        self.out.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s" if minutes < 10 else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


