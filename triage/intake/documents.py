"""Readers for files that hold one petition: plain text, DOCX, PDF (text layer, else OCR) and images (OCR).
A letter of several pages is one item; each page is described in ``pages``."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from triage.errors import InputError
from triage.intake.encoding import decode_text
from triage.intake.fields import FileContext, build_item
from triage.intake.items import IntakeFailure, IntakeItem
from triage.intake.ocr import OcrEngine, prepare_image

Result = IntakeItem | IntakeFailure

MIN_TEXT_LAYER_CHARS = 10  # a PDF page with fewer visible characters (a scanner's stamp) is OCR'd
PDF_RENDER_DPI = 200
MAX_IMAGE_FRAMES = 500


def read_text(ctx: FileContext, data: bytes) -> Iterator[Result]:
    try:
        text = decode_text(data)
    except InputError as exc:
        yield IntakeFailure(ctx.name, str(exc))
        return
    page = {"page": 1, "source": "text", "confidence": None}
    yield build_item(ctx, ctx.name, {"text": text}, pages=(page,))


def read_docx(ctx: FileContext, data: bytes, ocr: OcrEngine) -> Iterator[Result]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document))
    except Exception as exc:  # python-docx raises BadZipFile, KeyError, ValueError, lxml errors on bad files
        yield IntakeFailure(ctx.name, f"corrupt DOCX: {_describe(exc)}")
        return
    title = None
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if style.lower().startswith(("title", "heading")) or style.startswith(("标题",)):
                title = paragraph.text.strip()
            break
    text = "\n".join(blocks)
    if text.strip():
        yield build_item(ctx, ctx.name, {"text": text, "title": title},
                         pages=({"page": 1, "source": "docx", "confidence": None},))
        return
    # no text: a scan pasted into Word is common; OCR its images in order
    pages: list[dict[str, Any]] = []
    texts: list[str] = []
    weighted = 0.0
    for number, image_bytes in enumerate(_docx_images(data), start=1):
        try:
            page_text, confidence = ocr.read_image(image_bytes)
        except InputError:
            continue
        pages.append({"page": number, "source": "ocr", "confidence": round(confidence, 4)})
        if page_text:
            texts.append(page_text)
            weighted += confidence * len(page_text)
    if not pages:
        yield IntakeFailure(ctx.name, "empty text: the DOCX has no text and no images")
        return
    chars = sum(len(t) for t in texts)
    if not chars:
        yield IntakeFailure(ctx.name, f"no text: OCR found no text in the DOCX's {len(pages)} image(s)")
        return
    yield build_item(ctx, ctx.name, {"text": "\n".join(texts), "title": title}, pages=tuple(pages),
                     ocr_confidence=weighted / chars)


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraph and table text in document order; a table row is its distinct cells joined by tabs."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: Any) -> Iterator[str]:
    from docx.table import Table

    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column it spans
                continue
            seen.add(id(cell._tc))
            parts: list[str] = []
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    parts.extend(_table_lines(block))
                else:
                    parts.append(block.text)
            text = "\n".join(p for p in parts if p.strip()).strip()
            if text:
                cells.append(text)
        if cells:
            yield "\t".join(cells)


def _docx_images(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith("word/media/")]
        names.sort(key=lambda n: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", n)])
        return [archive.read(n) for n in names]


def read_pdf(ctx: FileContext, data: bytes, ocr: OcrEngine) -> Iterator[Result]:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            yield IntakeFailure(ctx.name, "encrypted PDF: needs a password")
            return
        page_count = len(reader.pages)
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError … on damaged files
        yield IntakeFailure(ctx.name, f"corrupt PDF: {_describe(exc)}")
        return
    if page_count == 0:
        yield IntakeFailure(ctx.name, "corrupt PDF: no pages")
        return
    renderer = _PdfRenderer(data)
    pages: list[dict[str, Any]] = []
    texts: list[str] = []
    ocr_chars = 0
    ocr_weighted = 0.0
    try:
        for index in range(page_count):
            number = index + 1
            try:
                page = reader.pages[index]
                layer = page.extract_text() or ""
            except Exception:  # a damaged page: try OCR on it
                page, layer = None, ""
            if len("".join(layer.split())) >= MIN_TEXT_LAYER_CHARS:
                pages.append({"page": number, "source": "text", "confidence": None})
                texts.append(layer)
                continue
            images = renderer.page_images(index, page)
            if not images:
                pages.append({"page": number, "source": "text", "confidence": None})
                if layer.strip():
                    texts.append(layer)
                continue
            page_texts: list[str] = []
            page_chars = 0
            page_weighted = 0.0
            for image in images:
                text, confidence = ocr.read_pil(image)
                if text:
                    page_texts.append(text)
                    page_chars += len(text)
                    page_weighted += confidence * len(text)
            page_confidence = page_weighted / page_chars if page_chars else 0.0
            pages.append({"page": number, "source": "ocr", "confidence": round(page_confidence, 4)})
            texts.append("\n".join(page_texts))
            ocr_chars += page_chars
            ocr_weighted += page_weighted
    finally:
        renderer.close()
    text = "\n".join(t.strip() for t in texts if t.strip())
    if not text:
        if any(p["source"] == "ocr" for p in pages):
            message = f"no text: the PDF has no text layer and OCR found no text on its {page_count} page(s)"
        else:
            message = f"empty text: the PDF's {page_count} page(s) hold no text and no images"
        yield IntakeFailure(ctx.name, message)
        return
    yield build_item(ctx, ctx.name, {"text": text}, pages=tuple(pages),
                     location={"page_count": page_count},
                     ocr_confidence=ocr_weighted / ocr_chars if ocr_chars else None)


class _PdfRenderer:
    """Page images for OCR: the page rendered by pypdfium2 when it is installed, else the images pypdf
    finds embedded in the page (a scanner's PDF holds one per page, or a few strips)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._document: Any = None
        self._failed = False

    def page_images(self, index: int, page: Any) -> list[Any]:
        rendered = self._render(index)
        if rendered is not None:
            return [rendered]
        return embedded_images(page) if page is not None else []

    def _render(self, index: int) -> Any:
        if self._failed:
            return None
        try:
            import pypdfium2
        except ImportError:
            self._failed = True
            return None
        try:
            if self._document is None:
                self._document = pypdfium2.PdfDocument(self._data)
            page = self._document[index]
            try:
                if not _pdfium_page_has_image(page):
                    return None
                bitmap = page.render(scale=PDF_RENDER_DPI / 72, grayscale=True)
                return bitmap.to_pil()
            finally:
                page.close()
        except Exception:  # pdfium cannot open or render it: fall back to the embedded images
            self._failed = True
            return None

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


def _pdfium_page_has_image(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())


def embedded_images(page: Any) -> list[Any]:
    """The images embedded in a pypdf page, as PIL images ready for OCR, rotated as the page is."""
    out: list[Any] = []
    try:
        images = list(page.images)
    except Exception:
        return out
    rotation = (page.get("/Rotate") or 0) % 360
    for embedded in images:
        try:
            image = prepare_image(embedded.image)
        except Exception:
            continue
        if rotation:
            image = image.rotate(-rotation, expand=True)
        out.append(image)
    return out


def read_image(ctx: FileContext, data: bytes, ocr: OcrEngine) -> Iterator[Result]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if not data:
        yield IntakeFailure(ctx.name, "empty file: no image data")
        return
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = []
            for frame in ImageSequence.Iterator(image):
                frame.load()
                frames.append(prepare_image(frame))
                if len(frames) >= MAX_IMAGE_FRAMES:
                    break
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        yield IntakeFailure(ctx.name, f"corrupt image: {_describe(exc)}")
        return
    pages: list[dict[str, Any]] = []
    texts: list[str] = []
    chars = 0
    weighted = 0.0
    for number, frame in enumerate(frames, start=1):
        text, confidence = ocr.read_pil(frame)
        pages.append({"page": number, "source": "ocr", "confidence": round(confidence, 4)})
        if text:
            texts.append(text)
            chars += len(text)
            weighted += confidence * len(text)
    if not chars:
        what = "the image" if len(frames) == 1 else f"the image's {len(frames)} pages"
        yield IntakeFailure(ctx.name, f"no text: OCR found no text in {what}")
        return
    yield build_item(ctx, ctx.name, {"text": "\n".join(texts)}, pages=tuple(pages),
                     location={"page_count": len(frames)}, ocr_confidence=weighted / chars)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
