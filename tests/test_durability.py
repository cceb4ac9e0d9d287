"""Nothing lost: SIGKILL `triage ingest` at random points over a batch, restart it, and every petition is stored
exactly once, triaged, and the index matches the store after `triage reindex`."""

import json
import os
import random
import signal
import subprocess
import sys

import pytest

from triage.store import Store

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
VILLAGES = ["柳树村", "马家村", "上坪村", "杨庄村", "竹园村", "高桥村", "桃园村", "石门村"]
MATTERS = ["侵占危房改造补助款", "冒领低保金", "截留征地补偿款", "套取种粮补贴", "挪用村集体资金", "骗取扶贫资金"]


def batch(n: int) -> list[dict]:
    rng = random.Random(11)
    out = []
    for i in range(n):
        name = rng.choice(SURNAMES) + rng.choice(["建国", "卫东", "海涛", "志强", "秀英"])
        out.append({
            "id": f"k-{i:04d}", "channel": "letter", "received_at": f"2026-0{1 + i % 9}-1{i % 10}",
            "text": f"反映{rng.choice(VILLAGES)}村支书{name}{rng.choice(MATTERS)}{rng.randint(2, 90)}万元的问题，"
                    f"第{i}号来信，请依法调查处理。",
        })
    return out


def ingest_cmd(path, data_dir):
    return [sys.executable, "-m", "triage.cli", "ingest", str(path), "--data", str(data_dir), "--quiet"]


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path, tiny_model_dir):
    petitions = batch(400)
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in petitions), encoding="utf-8")
    data_dir = tmp_path / "data"
    env = dict(os.environ, TRIAGE_MODEL_DIR=str(tiny_model_dir))
    rng = random.Random(2026)
    store = Store(data_dir / "triage.sqlite3")
    kills: list[tuple[float, int]] = []
    for _ in range(8):
        proc = subprocess.Popen(ingest_cmd(path, data_dir), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        delay = rng.uniform(2.0, 9.0)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills.append((round(delay, 2), store.count_petitions()))
            if sum(1 for _, n in kills if 0 < n < len(petitions)) >= 3:
                break
        else:
            break
    final = subprocess.run(ingest_cmd(path, data_dir), env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    print(f"\nkills (seconds after start, petitions stored at the kill): {kills}")
    assert any(0 < n < len(petitions) for _, n in kills), f"no kill landed mid-batch: {kills}"

    ids = [r["id"] for r in store.iter_records()]
    assert sorted(ids) == sorted(p["id"] for p in petitions)  # every petition exactly once
    assert store.pending_ids() == []
    assert all(r["result"] is not None for r in store.iter_records())
    assert store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    reindex = subprocess.run([sys.executable, "-m", "triage.cli", "reindex", "--data", str(data_dir)], env=env,
                             capture_output=True, text=True, timeout=600)
    assert json.loads(reindex.stdout) == {"triaged": 0, "indexed": len(petitions)}
    found = subprocess.run(
        [sys.executable, "-m", "triage.cli", "search", "", "--limit", "1000", "--json", "--data", str(data_dir)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    result = json.loads(found.stdout)
    assert result["total"] == len(petitions)
    assert sorted(h["id"] for h in result["hits"]) == sorted(ids)
