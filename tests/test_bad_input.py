"""Bad input on the command line and in the pipeline: a clear error naming the item, the rest goes on.
Property-based: whatever the text, `process_lines` answers every line and never raises."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.cli import cli
from triage.service import decode_lines, process_lines

GOOD = {"id": "g1", "text": "反映东关镇柳树村村支书张建国侵占危房改造补助款2万元的问题。"}


def run_bytes(tiny_model_dir, data: bytes, env=None):
    return CliRunner().invoke(cli, ["process", "--model", str(tiny_model_dir)], input=data, env=env or {})


def out_lines(result):
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


# (case, encoding of the whole input)
ENCODINGS = [("gbk", "gbk"), ("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8 with BOM", "utf-8-sig")]


def test_encodings_are_detected(tiny_model_dir):
    for case, encoding in ENCODINGS:
        data = (json.dumps(GOOD, ensure_ascii=False) + "\n").encode(encoding)
        result = run_bytes(tiny_model_dir, data)
        assert result.exit_code == 0, (case, result.output)
        out = out_lines(result)
        assert out[0]["id"] == "g1" and any(p["name"] == "张建国" for p in out[0]["persons"]), case


def test_undecodable_line_is_an_error_in_place(tiny_model_dir):
    good = (json.dumps(GOOD, ensure_ascii=False) + "\n").encode("utf-8")
    data = good + b'{"id": "x", "text": "\xff\xfe\xfd\x80\x81"}\n' + good
    result = run_bytes(tiny_model_dir, data)
    out = out_lines(result)
    assert result.exit_code == 1 and len(out) == 3
    assert "line 2" in out[1]["error"] and "GB18030" in out[1]["error"]


def test_nul_and_control_characters_are_removed(tiny_model_dir):
    text = "反映村支书\x00张建国\x07侵占\x1b危房改造补助款2万元的问题，请调查。"
    result = run_bytes(tiny_model_dir, json.dumps({"id": "n1", "text": text}).encode())
    assert result.exit_code == 0
    out = out_lines(result)[0]
    assert any(p["name"] == "张建国" for p in out["persons"])


def test_control_only_text_is_empty(tiny_model_dir):
    result = run_bytes(tiny_model_dir, json.dumps({"id": "c1", "text": "\x00\x01\x02"}).encode())
    assert result.exit_code == 1 and out_lines(result) == [{"id": "c1", "error": "petition c1: empty text"}]


def test_binary_junk_lines(tiny_model_dir):
    import random

    junk = bytes(random.Random(3).randrange(256) for _ in range(3000)).replace(b"\n", b"")
    good = (json.dumps(GOOD, ensure_ascii=False) + "\n").encode()
    result = run_bytes(tiny_model_dir, good + junk + b"\n" + good)
    out = out_lines(result)
    assert result.exit_code == 1 and len(out) == 3 and "error" in out[1] and out[2]["id"] == "g1"


def test_huge_text_is_refused_by_the_limit(tiny_model_dir):
    huge = json.dumps({"id": "h1", "text": "村支书贪污" * 220_000})  # 1.1 million characters
    result = run_bytes(tiny_model_dir, huge.encode())
    assert result.exit_code == 1 and "over the limit of 200000" in out_lines(result)[0]["error"]


def test_decode_lines_gbk_and_utf16():
    assert list(decode_lines(iter(["张三\n".encode("gbk")]))) == ["张三\n"]
    assert list(decode_lines(iter(["张三\n李四\n".encode("utf-16")]))) == ["张三", "李四"]
    assert list(decode_lines(iter([]))) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=0, max_size=400), min_size=1, max_size=4))
def test_every_line_is_answered(pipeline, texts):
    lines = [json.dumps({"id": f"h{i}", "text": t}) for i, t in enumerate(texts)]
    out = list(process_lines(lines, pipeline, max_chars=300))
    assert [o["id"] for o in out] == [f"h{i}" for i in range(len(texts))]
    for o, _text in zip(out, texts, strict=True):
        if "error" in o:
            continue
        for a in o["amounts"]:
            assert 0 <= a["start"] < a["end"]
        assert o["route"]["unit"]


CJK = st.text(alphabet=st.sampled_from(list("村支书张王李某贪污万元两三百镇乡东关柳树低保补贴领导我叫举报人，。、："
                                            "0123456789多余近约")),
              min_size=1, max_size=200)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=CJK)
def test_extraction_offsets_hold_on_chinese_noise(analyzer, text):
    e = analyzer.extract(text)
    for a in e.amounts:
        assert text[a.start:a.end] == a.text and a.low <= a.value <= a.high
    for p in e.persons:
        for start, end in p.mentions:
            assert 0 <= start < end <= len(text)
    for d in e.dates:
        assert text[d.start:d.end] == d.text
    for pl in e.places:
        assert text[pl.start:pl.end] == pl.text


def test_received_date_outside_the_plausible_range_is_an_error_in_place(tiny_model_dir):
    """Found by fuzzing the API: a year-978 date was stored but could never be indexed."""
    lines = [GOOD, dict(GOOD, id="old", received_at="0978-02-14"), dict(GOOD, id="future", received_at="2400-01-01")]
    data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode()
    out = out_lines(run_bytes(tiny_model_dir, data))
    assert [o["id"] for o in out] == ["g1", "old", "future"]
    assert "route" in out[0]
    assert "outside 1949-10-01" in out[1]["error"] and "outside" in out[2]["error"]


@pytest.mark.slow
def test_a_50_mb_line_is_refused_and_the_batch_goes_on(tiny_model_dir):
    huge = json.dumps({"id": "h50", "text": "村支书" * 17_500_000}, ensure_ascii=False)  # 52.5 million characters
    data = (huge + "\n" + json.dumps(GOOD, ensure_ascii=False) + "\n").encode("utf-8")
    result = run_bytes(tiny_model_dir, data)
    out = out_lines(result)
    assert result.exit_code == 1 and [o["id"] for o in out] == ["h50", "g1"]
    assert "over the limit" in out[0]["error"] and "route" in out[1]
