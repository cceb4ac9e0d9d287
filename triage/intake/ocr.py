"""Optical character recognition with RapidOCR (PP-OCRv4 models shipped in the rapidocr-onnxruntime wheel,
run offline on the CPU by onnxruntime). The engine loads once, on first use."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from typing import Any

from triage.errors import InputError

SENTENCE_END = "。！？!?：:；;…”」』)）"


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float
    left: float
    top: float
    right: float
    bottom: float


class OcrEngine:
    """Wraps rapidocr_onnxruntime.RapidOCR. ``max_side`` caps the image size the models see (pixels);
    ``threads`` caps onnxruntime's threads (None: onnxruntime's default, all cores)."""

    def __init__(self, *, max_side: int = 2000, threads: int | None = None) -> None:
        self.max_side = max_side
        self.threads = threads
        self._engine: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._engine is None:
                from rapidocr_onnxruntime import RapidOCR

                options: dict[str, Any] = {"max_side_len": self.max_side}
                if self.threads:
                    options["intra_op_num_threads"] = self.threads
                    options["inter_op_num_threads"] = 1
                self._engine = RapidOCR(**options)
            return self._engine

    def read_image(self, image_bytes: bytes) -> tuple[str, float]:
        """The text of an image in reading order (lines top to bottom, a line's pieces left to right; lines
        that run to the right margin are joined to the next) and the mean confidence over its characters.
        ("", 0.0) when no text is found. Raises InputError for bytes that are not an image."""
        from PIL import Image, UnidentifiedImageError

        if not image_bytes:
            raise InputError("empty file: no image data")
        try:
            with Image.open(io.BytesIO(image_bytes)) as image:
                image.load()
                prepared = prepare_image(image)
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise InputError(f"corrupt image: {exc}") from exc
        return self.read_pil(prepared)

    def read_pil(self, image: Any) -> tuple[str, float]:
        """As read_image, for a PIL image already in memory (an RGB or L image; see prepare_image)."""
        lines = self.read_lines(image)
        return join_lines(lines), mean_confidence(lines)

    def read_lines(self, image: Any) -> list[OcrLine]:
        engine = self._load()
        result, _ = engine(image)
        lines: list[OcrLine] = []
        for box, text, score in result or ():
            if not str(text).strip():
                continue
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            lines.append(OcrLine(str(text), float(score), min(xs), min(ys), max(xs), max(ys)))
        return lines


def prepare_image(image: Any) -> Any:
    """A PIL image as the OCR models want it: RGB or L, transparency flattened onto white."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if image.mode in ("1", "I", "I;16", "I;16B", "I;16L", "F"):
        if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
            import numpy as np

            array = np.asarray(image, dtype="float64")
            top = array.max() or 1.0
            return Image.fromarray((array * (255.0 / top)).astype("uint8"), "L")
        return image.convert("L")
    if image.mode not in ("RGB", "L"):
        return image.convert("RGB")
    return image.copy()


def mean_confidence(lines: list[OcrLine]) -> float:
    chars = sum(len(line.text) for line in lines)
    if not chars:
        return 0.0
    return sum(line.confidence * len(line.text) for line in lines) / chars


def join_lines(lines: list[OcrLine]) -> str:
    """Group boxes into visual lines, order them, and join a line that reaches the right margin to the
    next one (a sentence wrapped by the page), else start a new line."""
    if not lines:
        return ""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda b: (b.top + b.bottom) / 2):
        centre = (line.top + line.bottom) / 2
        if rows:
            last = rows[-1]
            top = min(b.top for b in last)
            bottom = max(b.bottom for b in last)
            height = bottom - top
            if top + 0.25 * height <= centre <= bottom - 0.25 * height:
                last.append(line)
                continue
        rows.append([line])
    texts: list[str] = []
    rights: list[float] = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        text = row[0].text
        for previous, box in zip(row, row[1:], strict=False):
            gap_is_word_space = previous.text[-1:].isascii() and box.text[:1].isascii()
            text += (" " if gap_is_word_space else "") + box.text
        texts.append(text)
        rights.append(max(b.right for b in row))
    left = min(b.left for b in lines)
    right = max(rights)
    width = max(right - left, 1.0)
    out = texts[0]
    for index in range(1, len(texts)):
        previous_text = texts[index - 1]
        wrapped = rights[index - 1] >= left + 0.92 * width and previous_text[-1:] not in SENTENCE_END
        out += ("" if wrapped else "\n") + texts[index]
    return out
