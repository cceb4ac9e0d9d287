"""Intake readers on generated files (never real data): every format, encodings, column mapping, dates,
channels, and broken input that becomes a clear failure while the batch goes on. No OCR here (see
test_intake_ocr.py)."""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from datetime import date, datetime

import pytest

from triage.errors import InputError
from triage.intake import (
    IntakeFailure,
    IntakeItem,
    OcrEngine,
    Progress,
    decode_text,
    detect_format,
    parse_channel,
    parse_date,
    read_bytes,
    read_path,
    summarize,
)
from triage.petition import make_petition_id

LETTER = "我举报枫林乡上坪村村支书王某某，2019年以来侵占低保金共计2.5万元，并与村会计相互勾结。"
SECOND = "城关镇某站所负责人吃拿卡要，办事推诿扯皮，群众反映强烈。"

DATES = [
    ("2026/3/2", date(2026, 3, 2)),
    ("2026年3月2日", date(2026, 3, 2)),
    ("2026-03-02 10:00", date(2026, 3, 2)),
    ("2026-03-02T10:00:00", date(2026, 3, 2)),
    ("2026.3.2", date(2026, 3, 2)),
    ("20260302", date(2026, 3, 2)),
    ("２０２６年３月２日", date(2026, 3, 2)),
    ("二〇二六年三月十二日", date(2026, 3, 12)),
    ("2026年3月2日 10时30分", date(2026, 3, 2)),
    (datetime(2026, 3, 2, 10, 0), date(2026, 3, 2)),
    (date(2026, 3, 2), date(2026, 3, 2)),
    (46083, date(2026, 3, 2)),  # an Excel date serial
    ("46083", date(2026, 3, 2)),
    ("", None),
    (None, None),
]
BAD_DATES = ["2026-13-02", "2026-02-30", "昨天", "12", "3/2/2026x"]

CHANNELS = [
    ("来信", "letter"), ("来访", "visit"), ("网络", "web"), ("电话", "phone"), ("网上举报", "web"),
    ("12388举报电话", "phone"), ("信件", "letter"), ("letter", "letter"), ("WEB", "web"), ("", None),
]

ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"]

FORMATS = [
    ("a.jsonl", b'{"id": "1", "text": "x"}\n', "jsonl"),
    ("noext", b'{"id": "1", "text": "x"}\n', "jsonl"),
    ("a.csv", "内容\nx\n".encode("gbk"), "csv"),
    ("a.pdf", b"%PDF-1.7\n...", "pdf"),
    ("upload", b"%PDF-1.7\n...", "pdf"),
    ("a.png", b"\x89PNG\r\n\x1a\n....", "image"),
    ("scan", b"\xff\xd8\xff\xe0....", "image"),
    ("a.tif", b"II*\x00....", "image"),
    ("a.txt", "举报信".encode("gb18030"), "text"),
    ("a.xlsx", b"PK\x03\x04 truncated", "xlsx"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unknown"),
    ("a.bin", bytes(range(256)) * 4, "unknown"),
]

# (file name, content, expected failure source, words the message must contain)
BROKEN = [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "broken.pdf", "corrupt PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken.docx", "corrupt DOCX"),
    ("empty.txt", b"", "empty.txt", "empty file"),
    ("blank.txt", b"  \n\t \n", "blank.txt", "empty text"),
    ("junk.txt", bytes(range(1, 32)) * 64, "junk.txt", "binary"),
    ("junk.dat", bytes(range(256)) * 16, "junk.dat", "unsupported file"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc", "legacy Office"),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png", "corrupt image"),
]


def items_of(results):
    return [r for r in results if isinstance(r, IntakeItem)]


def failures_of(results):
    return [r for r in results if isinstance(r, IntakeFailure)]


def make_xlsx(rows, sheet_title="Sheet1", extra_sheets=()):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    for title, extra_rows in extra_sheets:
        extra = workbook.create_sheet(title)
        for row in extra_rows:
            extra.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_docx(paragraphs, table=None, heading=None):
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, 1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_text_pdf(pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            pdf.drawString(60, 780 - 20 * i, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("value, expected", DATES)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", BAD_DATES)
def test_parse_date_rejects_what_is_not_a_date(value):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)


@pytest.mark.parametrize("value, expected", CHANNELS)
def test_parse_channel(value, expected):
    assert parse_channel(value) == expected


def test_parse_channel_rejects_unknown_words():
    with pytest.raises(ValueError, match="unknown channel"):
        parse_channel("传真机")


@pytest.mark.parametrize("name, data, expected", FORMATS)
def test_detect_format(name, data, expected):
    assert detect_format(name, data) == expected


def test_detect_format_looks_inside_zip_files():
    assert detect_format("upload", make_xlsx([["内容"], ["x"]])) == "xlsx"
    assert detect_format("upload", make_docx(["x"])) == "docx"
    assert detect_format("misnamed.xlsx", make_docx(["x"])) == "docx"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_decode_text_detects_chinese_encodings(encoding):
    text = LETTER + "\n" + SECOND
    assert decode_text(text.encode(encoding)) == text


def test_decode_text_reads_utf16_without_bom():
    text = "id,text\n1,abc def\n"
    assert decode_text(text.encode("utf-16-le")) == text


def test_decode_text_refuses_binary_junk():
    with pytest.raises(InputError, match="binary"):
        decode_text(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x00" * 500)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_csv_in_chinese_encodings_with_guessed_columns(encoding):
    csv_text = (
        "编号,标题,反映内容,来信时间,反映人,来源\n"
        f"2026-0001,低保问题,{LETTER},2026年3月2日,李某,来信\n"
        f"2026-0002,作风问题,\"{SECOND}\n第二行\",2026/3/5,张某,网络\n"
    )
    results = list(read_bytes("letters.csv", csv_text.encode(encoding)))
    assert failures_of(results) == []
    first, second = items_of(results)
    assert first.petition.id == "2026-0001"
    assert first.petition.text == LETTER
    assert first.petition.title == "低保问题"
    assert first.petition.received_at == date(2026, 3, 2)
    assert first.petition.channel == "letter"
    assert first.petition.source["petitioner"] == "李某"
    assert first.petition.source["row"] == 2
    assert first.pages == ({"page": 1, "source": "row", "confidence": None, "row": 2},)
    assert second.petition.text == SECOND + "\n第二行"
    assert second.petition.channel == "web"
    assert second.petition.received_at == date(2026, 3, 5)
    assert first.original_bytes_sha256 == second.original_bytes_sha256
    assert first.ocr_confidence is None and not first.needs_review


def test_csv_with_a_given_mapping_and_made_ids():
    csv_text = f"事项,收到,写信人\n{LETTER},2026-03-02,李某\n{SECOND},,张某\n"
    mapping = {"text": "事项", "received_at": "收到", "petitioner": "写信人"}
    first, second = items_of(read_bytes("x.csv", csv_text.encode("utf-8"), mapping=mapping))
    assert first.petition.id == make_petition_id(LETTER, date(2026, 3, 2))
    assert second.petition.id == make_petition_id(SECOND, None)
    assert first.petition.source["petitioner"] == "李某"


def test_csv_without_a_text_column_is_one_failure_naming_the_columns():
    csv_text = "序号,姓名,电话\n1,张三,123\n2,李四,456\n"
    results = list(read_bytes("wrong.csv", csv_text.encode("gbk")))
    assert len(results) == 1
    failure = results[0]
    assert isinstance(failure, IntakeFailure)
    assert failure.source == "wrong.csv"
    for word in ("no text column", "序号", "姓名", "电话", "内容", "正文", "mapping"):
        assert word in failure.message


def test_csv_with_a_mapping_to_a_missing_column_says_so():
    results = list(read_bytes("m.csv", "内容\nx\n".encode(), mapping={"text": "正文内容"}))
    assert len(results) == 1 and "正文内容" in results[0].message


def test_csv_bad_rows_fail_alone_and_the_rest_goes_on():
    long_text = "很" * 300
    csv_text = (
        "内容,日期,渠道\n"
        f"{LETTER},2026-03-02,来信\n"
        ",2026-03-03,来信\n"
        "   ,2026-03-04,来信\n"
        ",,\n"  # a blank row is skipped silently
        f"{long_text},2026-03-05,来信\n"
        f"{SECOND},昨天,传真\n"
    )
    results = list(read_bytes("batch.csv", csv_text.encode("utf-8"), max_chars=200))
    failures = failures_of(results)
    assert [(f.source, f.message) for f in failures] == [
        ("batch.csv row 3", "empty text"),
        ("batch.csv row 4", "empty text"),
        ("batch.csv row 6", "text too long: 300 characters (limit 200)"),
    ]
    first, last = items_of(results)
    assert first.petition.text == LETTER
    # an unreadable date or channel does not lose the petition: it is noted on the record
    assert last.petition.received_at is None and last.petition.channel is None
    assert any("received_at ignored" in w for w in last.petition.source["warnings"])
    assert any("channel ignored" in w for w in last.petition.source["warnings"])


def test_csv_header_below_a_title_line_and_tab_separated():
    text = (
        "2026年3月信访件登记表\n\n序号\t留言主题\t留言详情\t留言时间\t留言用户\n"
        f"1\t题\t{LETTER}\t2026-03-02 10:00\tu1\n"
    )
    (item,) = items_of(read_bytes("export.tsv", text.encode("gb18030")))
    assert item.petition.text == LETTER
    assert item.petition.title == "题"
    assert item.petition.source["row"] == 4
    # 序号 is a row number, not an id: the id is made from the content
    assert item.petition.id == make_petition_id(LETTER, date(2026, 3, 2))


def test_text_with_nul_and_control_characters_is_cleaned():
    line = json.dumps({"id": "n1", "text": "举报\u0000村支书\u0007王某\r\n侵占低保金"}, ensure_ascii=False)
    (item,) = items_of(read_bytes("nul.jsonl", line.encode()))
    assert item.petition.text == "举报村支书王某\n侵占低保金"
    (item,) = items_of(read_bytes("nul.txt", "举报\x00村支书".encode("gbk")))
    assert item.petition.text == "举报村支书"


def test_jsonl_contract_lines_and_invalid_lines():
    lines = [
        json.dumps({"id": "2026-0001", "text": LETTER, "channel": "letter", "received_at": "2026-03-02"},
                   ensure_ascii=False),
        '{"id": "2026-0002", "text": "unterminated',
        "",
        json.dumps({"id": "2026-0003", "title": "无正文"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "2026-0005", "text": "   "}),
        json.dumps({"text": SECOND, "title": "标题", "channel": "来访"}, ensure_ascii=False),
        json.dumps({"id": "2026-0007", "text": {"nested": 1}}),
    ]
    results = list(read_bytes("batch.jsonl", "\n".join(lines).encode("utf-8")))
    failures = failures_of(results)
    assert [f.source for f in failures] == [
        "batch.jsonl line 2", "batch.jsonl line 4", "batch.jsonl line 5", "batch.jsonl line 6",
        "batch.jsonl line 8",
    ]
    assert failures[0].message.startswith("not valid JSON: Unterminated string")
    assert "col" in failures[0].message
    assert "no 'text' field" in failures[1].message and failures[1].item_id == "2026-0003"
    assert "not a JSON object" in failures[2].message
    assert failures[3].message == "empty text" and failures[3].item_id == "2026-0005"
    assert "not a string" in failures[4].message
    first, second = items_of(results)
    assert (first.petition.id, first.petition.channel, first.petition.received_at) == (
        "2026-0001", "letter", date(2026, 3, 2))
    assert second.petition.title == "标题" and second.petition.channel == "visit"
    assert second.petition.id == make_petition_id(SECOND)


def test_json_array_is_read_like_lines():
    data = json.dumps([{"id": "a", "text": LETTER}, {"id": "b", "text": ""}], ensure_ascii=False).encode()
    results = list(read_bytes("batch.json", data))
    assert [type(r).__name__ for r in results] == ["IntakeItem", "IntakeFailure"]
    assert results[1].source == "batch.json item 2"


def test_xlsx_rows_excel_dates_and_several_sheets():
    rows = [
        ["2026年3月网络举报登记"],
        ["编号", "留言主题", "留言详情", "留言时间", "留言用户", "渠道"],
        ["W-1", "题一", LETTER, datetime(2026, 3, 2, 10, 0), "用户1", "网络"],
        [None, None, None, None, None, None],
        [2, "题二", SECOND, "2026年3月5日", "用户2", "电话"],
        ["W-3", "题三", None, None, None, None],
    ]
    other = [["内容", "日期"], [LETTER + "（另表）", 46085]]
    data = make_xlsx(rows, "网络", extra_sheets=[("来信", other), ("说明", [["本表说明"]])])
    results = list(read_bytes("letters.xlsx", data))
    failures = failures_of(results)
    assert [(f.source, f.message, f.item_id) for f in failures] == [
        ("letters.xlsx 网络 row 6", "empty text", "W-3")]
    first, second, third = items_of(results)
    assert (first.petition.id, first.petition.received_at, first.petition.channel) == (
        "W-1", date(2026, 3, 2), "web")
    assert first.petition.source["sheet"] == "网络" and first.petition.source["row"] == 3
    assert (second.petition.id, second.petition.received_at, second.petition.channel) == (
        "2", date(2026, 3, 5), "phone")
    assert third.petition.received_at == date(2026, 3, 4)
    assert third.petition.source["sheet"] == "来信"


def test_truncated_xlsx_is_a_clear_failure():
    data = make_xlsx([["内容"], [LETTER]])
    results = list(read_bytes("cut.xlsx", data[: len(data) // 2]))
    assert len(results) == 1 and results[0].message.startswith("corrupt XLSX")


def test_xlsx_with_an_unreadable_part_is_a_clear_failure():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_xlsx([["内容"], [LETTER]]))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]
            target.writestr(info, content)
    results = list(read_bytes("bad-sheet.xlsx", buffer.getvalue()))
    assert len(results) == 1 and "corrupt XLSX" in results[0].message


def test_xlsx_without_a_text_column():
    results = list(read_bytes("people.xlsx", make_xlsx([["姓名", "电话"], ["张三", "1"]])))
    assert len(results) == 1 and "columns found: 姓名, 电话" in results[0].message


def test_docx_paragraphs_and_tables_in_order():
    table = [["举报人", "李某"], ["联系电话", "略"]]
    data = make_docx([LETTER, "", SECOND], table=table, heading="关于村支书的举报")
    (item,) = items_of(read_bytes("letter.docx", data))
    assert item.petition.title == "关于村支书的举报"
    assert item.petition.text == f"关于村支书的举报\n{LETTER}\n\n{SECOND}\n举报人\t李某\n联系电话\t略"
    assert item.pages == ({"page": 1, "source": "docx", "confidence": None},)
    assert item.ocr_confidence is None


def test_empty_docx_is_a_failure():
    results = list(read_bytes("empty.docx", make_docx([])))
    assert len(results) == 1 and "empty text" in results[0].message


def test_pdf_with_a_text_layer_is_one_item_of_several_pages():
    data = make_text_pdf([[LETTER[:30], LETTER[30:]], [SECOND]])
    (item,) = items_of(read_bytes("letter.pdf", data))
    assert "".join(item.petition.text.split()) == "".join((LETTER + SECOND).split())
    assert [p["source"] for p in item.pages] == ["text", "text"]
    assert item.petition.source["page_count"] == 2
    assert item.ocr_confidence is None


def test_pdf_of_blank_pages_is_a_failure():
    data = make_text_pdf([[], []])
    results = list(read_bytes("blank.pdf", data))
    assert len(results) == 1 and "empty text" in results[0].message and "2 page" in results[0].message


@pytest.mark.parametrize("name, data, source, words", BROKEN)
def test_broken_files_are_clear_failures(name, data, source, words):
    results = list(read_bytes(name, data))
    assert len(results) == 1
    failure = results[0]
    assert isinstance(failure, IntakeFailure)
    assert failure.source == source
    assert words in failure.message


def test_text_files_in_each_encoding(tmp_path):
    for encoding in ENCODINGS:
        (tmp_path / f"{encoding}.txt").write_bytes((LETTER + "\n" + SECOND).encode(encoding))
    results = list(read_path(tmp_path))
    assert failures_of(results) == []
    texts = {r.original_name: r.petition.text for r in results}
    assert texts == {f"{e}.txt": LETTER + "\n" + SECOND for e in ENCODINGS}


def test_a_folder_batch_goes_on_past_bad_files_and_ids_are_stable(tmp_path):
    (tmp_path / "a.csv").write_bytes(f"内容,来信时间\n{LETTER},2026/3/2\n".encode("gbk"))
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 nothing")
    (tmp_path / "c.docx").write_bytes(make_docx([SECOND]))
    (tmp_path / ".hidden.txt").write_text("skip me")
    first = list(read_path(tmp_path, default_channel="letter"))
    again = list(read_path(tmp_path, default_channel="letter"))
    assert [type(r).__name__ for r in first] == ["IntakeItem", "IntakeFailure", "IntakeItem"]
    assert [r.petition.id for r in items_of(first)] == [r.petition.id for r in items_of(again)]
    assert all(r.petition.channel == "letter" for r in items_of(first))
    assert items_of(first)[0].petition.received_at == date(2026, 3, 2)


def test_a_missing_file_is_a_failure(tmp_path):
    (failure,) = read_path(tmp_path / "nope.csv")
    assert failure.source == "nope.csv" and "file not found" in failure.message


def test_read_bytes_uses_the_content_hash():
    import hashlib

    data = LETTER.encode("utf-8")
    (item,) = read_bytes("dir/letter.txt", data, ocr=OcrEngine())
    assert item.original_name == "letter.txt"
    assert item.original_bytes_sha256 == hashlib.sha256(data).hexdigest()
    assert item.petition.source["sha256"] == item.original_bytes_sha256


def test_summarize_counts_items_failures_and_pages():
    results = list(read_bytes("batch.csv", f"内容\n{LETTER}\n\"\"\n{SECOND}\n".encode()))
    results += list(read_bytes("bad.pdf", b"%PDF-1.4 x"))
    summary = summarize(results)
    assert summary["items"] == 2 and summary["failures"] == 1
    assert summary["pages"] == {"row": 2}
    assert summary["formats"] == {"csv": 2}
    assert summary["mean_ocr_confidence"] is None
    assert summary["failed"][0]["source"] == "bad.pdf"


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_prints_at_most_once_a_second_with_rate_and_time_left():
    out = io.StringIO()
    clock = FakeClock()
    progress = Progress(100, out, clock=clock)
    for _ in range(10):
        clock.now += 0.25
        progress.step()
    progress.close()
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "intake: 4/100 (4%), 4.0/s, about 24 s left",
        "intake: 8/100 (8%), 4.0/s, about 23 s left",
    ]
    assert lines[-1] == "intake: 10 done in 2 s"
    assert len(lines) == 3


def test_progress_without_a_total_and_short_batches_stay_quiet():
    out = io.StringIO()
    clock = FakeClock()
    with Progress(None, out, clock=clock) as progress:
        progress.step(3)
    assert out.getvalue() == ""
    clock.now = 0
    progress = Progress(None, out, clock=clock)
    clock.now = 2.0
    progress.step(5)
    assert out.getvalue() == "intake: 5 done, 2.5/s\n"


def test_codecs_used_in_tests_exist():
    for encoding in ENCODINGS:
        codecs.lookup(encoding)


def test_embedded_images_of_a_scanned_pdf_without_a_rasteriser():
    """The fallback when pypdfium2 is absent: pypdf's embedded images, rotated as the page is."""
    import pypdf
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from triage.intake.documents import embedded_images

    picture = io.BytesIO()
    Image.new("RGB", (400, 200), "white").save(picture, "PNG")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 36, 400, width=400, height=200)
    pdf.showPage()
    pdf.save()
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    page = reader.pages[0]
    (image,) = embedded_images(page)
    assert image.size == (400, 200) and image.mode in ("RGB", "L")
    page.rotate(90)
    (rotated,) = embedded_images(page)
    assert rotated.size == (200, 400)


def test_an_unknown_default_channel_is_an_input_error():
    with pytest.raises(InputError, match="default channel"):
        list(read_bytes("a.txt", b"x", default_channel="fax"))
    (item,) = read_bytes("a.txt", LETTER.encode(), default_channel="来访")
    assert item.petition.channel == "visit"


def test_an_uploaded_windows_path_keeps_only_the_file_name():
    (item,) = read_bytes("C:\\fakepath\\letter.txt", LETTER.encode())
    assert item.original_name == "letter.txt" and item.petition.source["file"] == "letter.txt"


def test_a_table_saved_as_unicode_text_is_read_as_rows():
    table = f"编号\t标题\t内容\t日期\nT-1\t题\t{LETTER}\t2026-03-02\nT-2\t题\t{SECOND}\t2026-03-03\n"
    data = table.encode("utf-16")  # Excel's "Unicode Text (*.txt)": UTF-16LE with a BOM, tab-separated
    assert detect_format("export.txt", data) == "csv"
    assert [r.petition.id for r in read_bytes("export.txt", data)] == ["T-1", "T-2"]
    # a letter that mentions 内容 is still a letter
    letter = f"反映内容\n{LETTER}\n此致，敬礼".encode("gbk")
    assert detect_format("letter.txt", letter) == "text"


def test_a_mapping_with_an_unknown_field_is_an_input_error():
    with pytest.raises(InputError, match="unknown field.*body"):
        list(read_bytes("a.csv", b"x\n1\n", mapping={"body": "x"}))


def test_a_spreadsheet_mapping_does_not_break_contract_lines():
    line = json.dumps({"id": "j1", "text": LETTER}, ensure_ascii=False).encode()
    (item,) = read_bytes("a.jsonl", line, mapping={"text": "内容", "id": "编号"})
    assert item.petition.id == "j1" and item.petition.text == LETTER
