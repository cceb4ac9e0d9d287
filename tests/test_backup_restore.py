"""Backups while the app runs, and the documented restore (docs/security.md): `triage backup DIR` against a data
folder that `triage serve` is writing to, then restore = copy DIR as a data folder and run `triage reindex`.
The copy is a consistent store (integrity check, intact audit chain, the original files), and after the restore
every petition of the copy is triaged and found by search."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading

import pytest
from conftest import write_jsonl
from test_durability import batch

from bench.served import TRIAGE, api_call, make_user, served_app
from triage.store import Store


@pytest.mark.slow
def test_backup_while_serving_and_writing_then_restore(tmp_path, tiny_model_dir):
    data = tmp_path / "data"
    env = {**os.environ, "TRIAGE_MODEL_DIR": str(tiny_model_dir)}
    source = write_jsonl(tmp_path / "batch.jsonl", batch(40))
    subprocess.run([*TRIAGE, "ingest", str(source), "--data", str(data), "--quiet"], check=True, env=env,
                   capture_output=True, timeout=300)
    token = make_user(data, env, "clerk1", "clerk")
    written: list[int] = []
    with served_app(data, env, tmp_path / "serve.log") as base:
        def writer():
            for i in range(30):
                status, _ = api_call(base, token, "POST", "/api/petitions", {
                    "text": f"来访人反映白石镇青龙村村主任侵占集体土地租金{i + 1}万元，第{i}次登记。",
                    "channel": "visit", "received_at": f"2026-10-0{1 + i % 9}"})
                written.append(status)

        thread = threading.Thread(target=writer)
        thread.start()
        backup = subprocess.run([*TRIAGE, "backup", str(tmp_path / "backup"), "--data", str(data)], env=env,
                                capture_output=True, text=True, timeout=300)
        thread.join(timeout=300)
    assert backup.returncode == 0, backup.stderr
    assert written == [201] * 30
    assert "triage reindex" in backup.stderr  # it says how to restore

    copy = Store(tmp_path / "backup" / "triage.sqlite3")
    assert copy._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.verify_audit() == (True, None)
    kept = copy.count_petitions()
    assert 40 <= kept <= 70  # everything stored before the backup began, and maybe some written during it
    assert (tmp_path / "backup" / "files").is_dir()
    assert sorted(p.name for p in (tmp_path / "backup" / "files").rglob("*") if p.is_file()) == \
        sorted(p.name for p in (data / "files").rglob("*") if p.is_file())

    # restore: the copy becomes the data folder of a fresh installation, then the index is rebuilt from it
    restored = tmp_path / "restored"
    shutil.copytree(tmp_path / "backup", restored)
    reindex = subprocess.run([*TRIAGE, "reindex", "--data", str(restored)], env=env, capture_output=True,
                             text=True, timeout=300)
    assert reindex.returncode == 0, reindex.stderr
    assert json.loads(reindex.stdout)["indexed"] == kept
    store = Store(restored / "triage.sqlite3")
    assert store.count_petitions() == kept and store.pending_ids() == []
    found = subprocess.run([*TRIAGE, "search", "--data", str(restored), "--json", "--limit", "0"], env=env,
                           capture_output=True, text=True, timeout=300)
    assert json.loads(found.stdout)["total"] == kept
    village = subprocess.run([*TRIAGE, "search", "青龙村", "--data", str(restored), "--json", "--limit", "0"],
                             env=env, capture_output=True, text=True, timeout=300)
    assert json.loads(village.stdout)["total"] == kept - 40  # the petitions registered while serving
