"""Every intake format through both ways in: the web upload (POST /api/uploads as a clerk) and `triage ingest`
on the command line, with files generated here (the libraries that read them write them; scans are rendered
with a CJK font), broken files among them. Each good file becomes its items, stored with the original by
content hash; each broken one a failure that names it, while the rest of the batch goes on."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from click.testing import CliRunner
from test_intake_formats import make_docx, make_text_pdf, make_xlsx
from test_intake_ocr import FONT, image_pdf, png_bytes, render
from test_web_api import web  # noqa: F401  (web is a fixture)
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from triage.cli import cli

LETTER = "反映云溪乡黄泥村村主任挪用修路款三万元的问题，请调查。"
SCAN_LINES = ["尊敬的县纪委领导：", "我举报白石镇青龙村村会计侵占集体土地租金", "两万元，请调查处理。"]


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    render(SCAN_LINES).convert("RGB").save(buffer, fmt)
    return buffer.getvalue()


def text_files() -> list[tuple[str, bytes, int]]:
    """(file name, bytes, items expected) of every format that needs no OCR."""
    csv_rows = "标题,内容,来信时间,反映人\n低保,枫林乡上坪村村主任冒领低保金三千元,2026-03-01,王某\n" \
               "征地,东关镇柳树村村支书截留征地补偿款五万元,2026-03-02,李某\n"
    return [
        ("batch.jsonl", (json.dumps({"id": "u-jsonl", "text": LETTER}, ensure_ascii=False) + "\n").encode(),
         1),
        ("utf8.csv", csv_rows.encode("utf-8"), 2),
        ("gbk.csv", csv_rows.replace("三千", "四千").replace("五万", "六万").encode("gbk"),
         2),
        ("guessed.xlsx", make_xlsx([["标题", "内容", "来信时间", "反映人"],
                                    ["危房", "南岭镇高桥村村支书骗取危房改造补助两万元", "2026-04-01",
                                     "周某"],
                                    ["三资", "城关镇桃园村会计私自出租集体鱼塘", "2026-04-02", "吴某"]]), 2),
        ("letter.docx", make_docx(["尊敬的领导：", LETTER.replace("三万", "四万")]), 1),
        ("letter.pdf", make_text_pdf([["尊敬的领导：", "城关镇双井村村主任冒领特困供养金八千元。"],
                                      ["此致 敬礼"]]), 1),
        ("utf8.txt", "白石镇青龙村村支书收受工程老板好处费一万元。".encode(), 1),
        ("gbk.txt", "云溪乡黄泥村村会计挪用扶贫资金五千元。".encode("gbk"), 1),
        ("gb18030.txt", "枫林乡上坪村村主任优亲厚友，把亲戚评为贫困户。".encode("gb18030"), 1),
        ("utf16.txt", "东关镇柳树村村支书强占村民宅基地。".encode("utf-16"), 1),
    ]


BROKEN = [
    ("corrupt.pdf", b"%PDF-1.4\n1 0 obj <<\n", "corrupt PDF"),
    ("empty.png", b"", "empty file"),
    ("wrong.csv", "编号,日期\n1,2026-01-01\n".encode(), "no text column"),
    ("truncated.xlsx", make_xlsx([["内容"], ["x"]])[:200], "corrupt XLSX"),
]


def upload(web, name: str, data: bytes):  # noqa: F811
    # The body is encoded in memory: werkzeug's test client spools a big body to a temporary file
    # it never closes, and the ResourceWarning then fails an unrelated later test.
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), filename=name)})
    return web.api("clerk").post("/api/uploads", data=body,
                                 content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.parametrize("name, data, expected", text_files(), ids=[f[0] for f in text_files()])
def test_every_text_format_through_the_web_upload(web, name, data, expected):  # noqa: F811
    before = web.store.count_petitions()
    response = upload(web, name, data)
    summary = response.get_json()
    assert response.status_code == 201, summary
    assert (summary["stored"], summary["triaged"], summary["failed"]) == (expected, expected, [])
    assert web.store.count_petitions() == before + expected
    assert web.store.get_file(hashlib.sha256(data).hexdigest()) is not None  # the original, by content hash


@pytest.mark.parametrize("name, data, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_through_the_web_upload_are_named(web, name, data, message):  # noqa: F811
    before = web.store.count_petitions()
    response = upload(web, name, data)
    body = response.get_json()
    if response.status_code == 201:
        assert body["stored"] == 0 and body["failed"], body
        assert any(message in f["message"] and name in f["source"] for f in body["failed"]), body
    else:
        assert response.status_code == 400 and message in body["error"], body
    assert web.store.count_petitions() == before
    assert web.store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
@pytest.mark.skipif(FONT is None, reason="no CJK font: install the Debian package fonts-wqy-zenhei")
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_scans_through_the_web_upload_are_read_by_ocr(web, fmt):  # noqa: F811
    name = f"scan.{fmt.lower()}"
    summary = upload(web, name, image_bytes(fmt)).get_json()
    assert summary["stored"] == 1 and summary["failed"] == [], summary
    (item,) = [r for r in web.store.list_records(limit=50) if "青龙村" in r["text"]]
    assert "侵占集体土地租金" in item["text"].replace("\n", "")
    assert item["result"]["route"]["unit"]


@pytest.mark.slow
@pytest.mark.skipif(FONT is None, reason="no CJK font: install the Debian package fonts-wqy-zenhei")
def test_cli_ingest_takes_every_format_in_one_batch(tmp_path, tiny_model_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = 0
    for name, data, count in text_files():
        (folder / name).write_bytes(data)
        expected += count
    (folder / "scan.png").write_bytes(png_bytes(render(SCAN_LINES)))
    (folder / "two-pages.pdf").write_bytes(image_pdf([render(SCAN_LINES), render(["此致", "敬礼"])]))
    expected += 2  # one item per scan, the two pages of a letter being one item
    for name, data, _ in BROKEN:
        (folder / name).write_bytes(data)
    files = sorted(str(p) for p in folder.iterdir())
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(cli, ["ingest", "--data", str(data_dir), *files],
                                env={"TRIAGE_MODEL_DIR": str(tiny_model_dir)})
    assert result.exit_code == 1, result.output  # the broken files
    for name, _, message in BROKEN:
        assert name in result.output and message in result.output, (name, result.output[-2000:])
    from triage.settings import Settings
    from triage.store import Store

    store = Store(Settings(data_dir=data_dir).db_path)
    try:
        assert store.count_petitions() == expected
        assert store.pending_ids() == []
    finally:
        store.close()
