"""`triage process` exactly as CONTRACT.md specifies: JSON Lines in, one line out per line in, in order, every
field present with the specified types and codes; bad lines answered with an error record; exit status."""

import json

import pytest
from click.testing import CliRunner

from triage.cli import cli
from triage.taxonomy import default_taxonomy

GOOD = [
    {"id": "2026-0001", "channel": "letter", "received_at": "2026-03-02",
     "text": "尊敬的领导：我叫李明，是东关镇柳树村村民。我村村党支部书记张建国在2019年危房改造中，"
             "以他人名义骗取危房改造补助2万元，还冒领低保金3000余元。请调查处理。"},
    {"id": "2026-0002", "channel": "web", "received_at": "2026-03-05",
     "text": "白石镇副镇长王某某收受工程老板好处费五万元，公款吃喝，请查处。"},
    {"id": 3, "text": "本人对镇纪委给予我的党内警告处分不服，特提出申诉，请求复查撤销处分。"},
]

# (case, input line, substring of the error)
BAD = [
    ("invalid JSON", '{"id": "x", "text": ', "not valid JSON"),
    ("not an object", '["a", "b"]', "JSON object"),
    ("missing id", '{"text": "张三贪污扶贫款"}', "missing 'id'"),
    ("missing text", '{"id": "b2"}', "missing 'text'"),
    ("empty text", '{"id": "b3", "text": ""}', "empty text"),
    ("whitespace text", '{"id": "b4", "text": " \\n\\t　"}', "empty text"),
    ("text not a string", '{"id": "b5", "text": 42}', "must be a string"),
    ("unknown channel", '{"id": "b6", "text": "村支书贪污", "channel": "fax"}', "valid: letter"),
    ("bad date", '{"id": "b7", "text": "村支书贪污", "received_at": "3月2日"}', "ISO date"),
    ("too long", json.dumps({"id": "b8", "text": "贪" * 5001}), "over the limit"),
]


def run(args, input_text, env=None):
    return CliRunner().invoke(cli, args, input=input_text, env=env or {}, catch_exceptions=False)


def lines_of(result):
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def good_output(tiny_model_dir):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GOOD)
    result = run(["process", "--model", str(tiny_model_dir)], text)
    assert result.exit_code == 0, result.output
    return lines_of(result)


def test_one_line_per_input_in_order(good_output):
    assert [r["id"] for r in good_output] == ["2026-0001", "2026-0002", "3"]


def test_every_field_with_its_type(good_output):
    taxonomy = default_taxonomy()
    levels = {lv.code for lv in taxonomy.levels}
    for out, src in zip(good_output, GOOD, strict=True):
        text = src["text"]
        assert set(out) == {"id", "kind", "primary_domain", "domains", "persons", "amounts", "places", "dates", "route"}
        assert out["kind"] in taxonomy.kind_codes
        assert out["primary_domain"] in taxonomy.domain_codes
        assert [d["code"] for d in out["domains"]] and {d["code"] for d in out["domains"]} == set(taxonomy.domain_codes)
        scores = [d["score"] for d in out["domains"]]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
        for p in out["persons"]:
            assert set(p) == {"name", "role", "level", "party", "mentions"}
            assert p["level"] in levels and p["party"] in {"accused", "petitioner", "other"}
            for start, end in p["mentions"]:
                assert 0 <= start < end <= len(text)
        for a in out["amounts"]:
            assert set(a) == {"text", "value", "currency", "qualifier", "low", "high", "start", "end"}
            assert text[a["start"]:a["end"]] == a["text"]
            assert a["qualifier"] in {"exact", "about", "over", "under", "range"}
            assert a["low"] <= a["value"] <= a["high"]
        for p in out["places"]:
            assert set(p) == {"text", "province", "city", "county", "township", "village", "start", "end"}
            assert text[p["start"]:p["end"]] == p["text"]
        for d in out["dates"]:
            assert set(d) == {"text", "start", "end", "from", "to"}
            assert text[d["start"]:d["end"]] == d["text"]
        route = out["route"]
        assert {"unit", "rule", "reason", "review", "deadline_accept", "deadline_conclude"} <= set(route)
        assert route["rule"] in {"not_accusation", "uncertain", "cadre_authority", "place", "fallback"}
        assert isinstance(route["review"], bool) and route["reason"]


def test_extraction_and_route_of_a_letter(good_output):
    first = good_output[0]
    accused = [p for p in first["persons"] if p["party"] == "accused"]
    assert any(p["name"] == "张建国" and p["level"] == "village" for p in accused)
    assert any(p["name"] == "李明" and p["party"] == "petitioner" for p in first["persons"])
    assert {a["value"] for a in first["amounts"]} >= {20000, 3000}
    assert first["route"]["deadline_accept"] == "2026-03-17"
    assert first["route"]["deadline_conclude"] == "2026-05-01"
    if first["route"]["rule"] == "cadre_authority":
        assert first["route"]["unit"] == "qs.tc.dongguan"


@pytest.mark.parametrize("case,line,needle", BAD, ids=[b[0] for b in BAD])
def test_bad_lines_answered_in_place(tiny_model_dir, case, line, needle):
    good = json.dumps(GOOD[1], ensure_ascii=False)
    result = run(["process", "--model", str(tiny_model_dir)], f"{good}\n{line}\n{good}\n",
                 env={"TRIAGE_MAX_TEXT_CHARS": "5000"})
    assert result.exit_code == 1
    out = lines_of(result)
    assert len(out) == 3
    assert "error" in out[1] and needle in out[1]["error"], out[1]
    assert out[0]["id"] == out[2]["id"] == "2026-0002" and "route" in out[2]


def test_error_record_keeps_the_id(tiny_model_dir):
    out = lines_of(run(["process", "--model", str(tiny_model_dir)], '{"id": "k1", "text": ""}\n'))
    assert out == [{"id": "k1", "error": "petition k1: empty text"}]


def test_file_input_and_output(tiny_model_dir, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD[0], ensure_ascii=False) + "\n", encoding="utf-8")
    dest = tmp_path / "out.jsonl"
    result = run(["process", str(src), "--model", str(tiny_model_dir), "--output", str(dest)], "")
    assert result.exit_code == 0
    assert json.loads(dest.read_text(encoding="utf-8"))["id"] == "2026-0001"


OTHER_COUNTY = """
office: 北山县纪委监委
region: {province: 西川省, city: 河阳市, county: 北山县}
deadlines: {accept_days: 10, conclude_days: 30}
townships:
  河口镇: [张庄村, 李庄村]
  石桥乡: [石桥村]
departments: [民政局]
units:
  - {id: bs.desk, name: 北山县纪委监委信访室, type: county_petition_office}
  - {id: bs.hekou, name: 河口镇纪委, type: township_cdi, townships: [河口镇]}
  - {id: bs.shiqiao, name: 石桥乡纪委, type: township_cdi, townships: [石桥乡]}
  - {id: bs.office, name: 北山县纪委监委监督检查室, type: county_office, townships: [河口镇, 石桥乡]}
  - {id: bs.group, name: 北山县纪委监委派驻纪检监察组, type: county_group, departments: [民政局]}
"""


def test_another_office_units_file(tiny_model_dir, tmp_path):
    units = tmp_path / "beishan.yaml"
    units.write_text(OTHER_COUNTY, encoding="utf-8")
    petition = {"id": "o1", "received_at": "2026-01-01",
                "text": "反映北山县河口镇张庄村村支书刘大海侵占危房改造补助款1.5万元，还冒领低保金，请依法查处。"}
    result = run(["process", "--units", str(units), "--model", str(tiny_model_dir)],
                 json.dumps(petition, ensure_ascii=False) + "\n")
    assert result.exit_code == 0, result.output
    route = lines_of(result)[0]["route"]
    assert route["deadline_accept"] == "2026-01-11"
    assert route["unit"] in {"bs.hekou", "bs.desk"}
    if route["rule"] == "cadre_authority":
        assert route["unit"] == "bs.hekou"


def test_bad_units_file_is_one_line(tiny_model_dir, tmp_path):
    units = tmp_path / "bad.yaml"
    units.write_text(OTHER_COUNTY + "  - {id: bs.x, name: X, type: bureau}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["process", "--units", str(units), "--model", str(tiny_model_dir)], input="")
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "unknown unit type 'bureau'" in result.output


def test_two_worker_processes_answer_the_same_lines_in_the_same_order(tiny_model_dir, tmp_path):
    from triage.service import process_lines

    lines = []
    for i in range(40):
        lines.append(json.dumps({"id": f"j{i}", "text": f"东关镇柳树村村支书第{i}次冒领低保金{i + 1}万元。"},
                                ensure_ascii=False))
        if i % 7 == 3:
            lines.append("{broken json")
    from triage.cli import build_pipeline_factory
    from triage.settings import Settings

    pipeline = build_pipeline_factory(Settings(model_dir=tiny_model_dir))()
    one = list(process_lines(iter(lines), pipeline, 10_000, n_process=1, batch_size=8))
    two = list(process_lines(iter(lines), pipeline, 10_000, n_process=2, batch_size=8))
    assert len(one) == len(lines) and two == one
    assert [r["id"] for r in two if "error" not in r] == [f"j{i}" for i in range(40)]
