"""`triage ingest`: stored first, triaged, indexed; re-ingesting changes nothing; bad items recorded while the
batch goes on; `triage search` and `triage reindex` over the same data."""

import json
from datetime import date

from click.testing import CliRunner
from conftest import write_jsonl

from triage.cli import cli
from triage.intake import read_path

PETITIONS = [
    {"id": "i-1", "channel": "letter", "received_at": "2026-02-01",
     "text": "反映东关镇柳树村村支书张建国侵占危房改造补助款2万元的问题，请调查。"},
    {"id": "i-2", "channel": "web", "received_at": "2026-02-03",
     "text": "枫林乡上坪村村主任李卫东冒领低保金3000余元，还优亲厚友，群众意见很大。"},
    {"id": "i-3", "channel": "phone", "received_at": "2026-02-05",
     "text": "来电人反映：白石镇杨庄村村会计挪用集体资金5万多元，请求核查。"},
]


def test_ingest_stores_triages_and_indexes(service, tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", PETITIONS)
    summary = service.ingest(read_path(path))
    assert (summary.stored, summary.duplicates, summary.triaged, summary.failed) == (3, 0, 3, [])
    assert service.store.count_petitions() == 3
    assert service.store.pending_ids() == []
    record = service.store.get_record("i-1")
    assert record["result"]["route"]["unit"]
    assert record["versions"]["rules"] and record["versions"]["model"]
    assert service.index.count() == 3


def test_reingest_changes_nothing(service, tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", PETITIONS)
    service.ingest(read_path(path))
    before = [service.store.result_history(p["id"]) for p in PETITIONS]
    summary = service.ingest(read_path(path))
    assert (summary.stored, summary.duplicates, summary.triaged) == (0, 3, 0)
    assert [service.store.result_history(p["id"]) for p in PETITIONS] == before
    assert service.store.count_petitions() == 3 and service.index.count() == 3


def test_bad_lines_recorded_batch_goes_on(service, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(PETITIONS[0], ensure_ascii=False) + "\n"
        + '{"id": "bad-1", "text": ""}\n'
        + "{not json\n"
        + json.dumps(PETITIONS[1], ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    summary = service.ingest(read_path(path))
    assert summary.stored == 2 and len(summary.failed) == 2
    assert all("mixed.jsonl" in source for source, _ in summary.failed)
    assert len(service.store.intake_failures()) == 2


def test_pending_petitions_are_triaged_later(service):
    from triage.petition import Petition

    service.store.add_petition(Petition("late-1", PETITIONS[0]["text"], "letter", None))
    assert service.store.pending_ids() == ["late-1"]
    assert service.triage_pending() == 1
    assert service.store.pending_ids() == [] and service.index.count() == 1


def test_cli_ingest_search_reindex(settings, tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", PETITIONS)
    runner = CliRunner()
    env = {"TRIAGE_MODEL_DIR": str(settings.model_dir)}
    data = ["--data", str(settings.data_dir)]
    result = runner.invoke(cli, ["ingest", str(path), "--quiet", *data], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[-1])["stored"] == 3
    result = runner.invoke(cli, ["search", "张建国", "--json", *data], env=env, catch_exceptions=False)
    found = json.loads(result.output)
    assert found["total"] == 1 and found["hits"][0]["id"] == "i-1"
    assert "<em>张建国</em>" in found["hits"][0]["highlight"]
    assert set(found["facets"]) >= {"domain", "unit", "township"}
    result = runner.invoke(cli, ["reindex", *data], env=env, catch_exceptions=False)
    assert json.loads(result.output) == {"triaged": 0, "indexed": 3}
    again = json.loads(runner.invoke(cli, ["search", "张建国", "--json", *data], env=env).output)
    assert [h["id"] for h in again["hits"]] == ["i-1"]
    # the same file again: nothing new, exit 0
    result = runner.invoke(cli, ["ingest", str(path), "--quiet", *data], env=env, catch_exceptions=False)
    assert json.loads(result.output.splitlines()[-1])["duplicates"] == 3


def test_low_ocr_confidence_sends_the_item_to_review(service):
    from triage.petition import Petition

    text = "反映东关镇柳树村村支书马国梁冒领低保金3000余元，请调查。"
    service.store.add_petition(Petition("ocr-low", text, "letter", date(2026, 3, 2),
                                        source={"format": "png", "ocr_confidence": 0.61}))
    service.store.add_petition(Petition("ocr-good", text + "另附材料。", "letter", date(2026, 3, 2),
                                        source={"format": "png", "ocr_confidence": 0.97}))
    service.triage_stored(["ocr-low", "ocr-good"])
    low = service.store.get_record("ocr-low")["result"]["route"]
    good = service.store.get_record("ocr-good")["result"]["route"]
    assert low["review"] is True and "识别置信度低（0.61）" in low["reason"]
    assert "识别置信度" not in good["reason"]
