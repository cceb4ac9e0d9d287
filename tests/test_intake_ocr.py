"""OCR intake on generated scans (Chinese text rendered with a CJK font): a PNG letter, an image-only PDF of
two pages, a blank image. Slow (seconds per page on two cores); the engine is loaded once for the module."""

from __future__ import annotations

import glob
import io
from pathlib import Path

import pytest

from triage.intake import IntakeFailure, IntakeItem, OcrEngine, read_bytes
from triage.intake.ocr import OcrLine, join_lines

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    *sorted(glob.glob("/usr/share/fonts/**/*CJK*.tt[cf]", recursive=True)),
]
FONT = next((p for p in FONT_CANDIDATES if Path(p).exists()), None)
needs_font = pytest.mark.skipif(
    FONT is None, reason="no CJK font: install the Debian package fonts-wqy-zenhei (or fonts-noto-cjk)")

PAGE_ONE = [
    "尊敬的县纪委领导：",
    "我举报枫林乡上坪村村支书王某某，2019年以来侵占低保金共计2.5万",
    "元，并与村会计相互勾结。",
]
PAGE_TWO = ["另外，城关镇民政所负责人吃拿卡要，", "虚报危房改造补助3600元。", "举报人：李某"]

# (boxes as (text, left, top, right, bottom), expected text): reading order and wrapped lines
LAYOUTS = [
    ([("第二行", 10, 60, 300, 90), ("第一行", 10, 10, 100, 40)], "第一行\n第二行"),
    ([("右边", 200, 12, 300, 40), ("左边", 10, 10, 100, 40)], "左边右边"),
    ([("被页面折", 10, 10, 500, 40), ("行的句子。", 10, 60, 300, 90)], "被页面折行的句子。"),
    ([("一句话。", 10, 10, 500, 40), ("另一句", 10, 60, 300, 90)], "一句话。\n另一句"),
    ([("Hello", 10, 10, 60, 40), ("world", 80, 10, 140, 40)], "Hello world"),
]


def render(lines, *, size=(1240, 560), font_size=30, noise=False):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, font_size)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 50 + i * 60), line, font=font, fill=0)
    if noise:
        image = image.rotate(1.0, fillcolor=255)
    return image


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def image_pdf(images):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    for image in images:
        w = width - 72
        h = w * image.height / image.width
        pdf.drawImage(ImageReader(io.BytesIO(png_bytes(image))), 36, height - 36 - h, width=w, height=h)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def squash(text):
    return "".join(text.split())


@pytest.fixture(scope="module")
def engine():
    return OcrEngine()


@pytest.mark.parametrize("boxes, expected", LAYOUTS)
def test_join_lines_keeps_reading_order_and_joins_wrapped_lines(boxes, expected):
    lines = [OcrLine(text, 0.9, left, top, right, bottom) for text, left, top, right, bottom in boxes]
    assert join_lines(lines) == expected


@needs_font
@pytest.mark.slow
def test_png_letter_is_read_with_confidence(engine):
    data = png_bytes(render(PAGE_ONE))
    (item,) = read_bytes("scan.png", data, ocr=engine)
    assert isinstance(item, IntakeItem), item
    text = squash(item.petition.text)
    assert "王某某" in text and "2.5万元" in text and "村会计相互勾结" in text
    assert item.ocr_confidence is not None and item.ocr_confidence > 0.9
    assert not item.needs_review
    assert item.pages == ({"page": 1, "source": "ocr", "confidence": round(item.ocr_confidence, 4)},)
    assert item.petition.source["ocr_confidence"] == round(item.ocr_confidence, 4)
    # the line that ran to the right margin is joined to the next: the amount is not split
    assert "2.5万元" in item.petition.text


@needs_font
@pytest.mark.slow
def test_image_only_pdf_of_two_pages_is_one_item(engine):
    data = image_pdf([render(PAGE_ONE, noise=True), render(PAGE_TWO, noise=True)])
    (item,) = read_bytes("scan.pdf", data, ocr=engine, review_threshold=1.0)
    assert isinstance(item, IntakeItem), item
    assert [p["source"] for p in item.pages] == ["ocr", "ocr"]
    text = squash(item.petition.text)
    assert text.index("王某某") < text.index("3600元")
    assert "民政所" in text
    assert item.needs_review  # no OCR is 100% sure: a threshold of 1.0 sends every scan to review


@needs_font
@pytest.mark.slow
def test_blank_image_is_a_failure(engine):
    from PIL import Image

    results = list(read_bytes("blank.png", png_bytes(Image.new("RGB", (900, 600), "white")), ocr=engine))
    assert len(results) == 1 and isinstance(results[0], IntakeFailure)
    assert results[0].message == "no text: OCR found no text in the image"


@needs_font
@pytest.mark.slow
def test_docx_holding_only_a_scan_is_read_by_ocr(engine):
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_picture(io.BytesIO(png_bytes(render(PAGE_TWO[1:], size=(900, 200)))), width=Cm(15))
    buffer = io.BytesIO()
    document.save(buffer)
    (item,) = read_bytes("pasted-scan.docx", buffer.getvalue(), ocr=engine)
    assert isinstance(item, IntakeItem), item
    assert "3600元" in squash(item.petition.text) and "李某" in item.petition.text
    assert item.pages[0]["source"] == "ocr" and item.ocr_confidence is not None


def test_read_image_refuses_what_is_not_an_image(engine):
    from triage.errors import InputError

    with pytest.raises(InputError, match="corrupt image"):
        engine.read_image(b"\x89PNG\r\n\x1a\nbroken")
    with pytest.raises(InputError, match="empty file"):
        engine.read_image(b"")
