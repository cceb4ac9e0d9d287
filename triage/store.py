"""The store of record: one SQLite file. The only module that writes SQL.

Holds each petition as received (before anything else happens to it), each triage result with the model
and rule versions that produced it, clerks' corrections beside (never over) the results, the original
files by content hash, intake failures, users and an append-only, hash-chained audit log.
The search index is derived from this store and can always be rebuilt from it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from triage.errors import InputError
from triage.petition import Petition, TriageResult

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS petitions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    channel TEXT,
    received_at TEXT,
    stored_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '{}',
    original_sha256 TEXT,
    status TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX IF NOT EXISTS petitions_status ON petitions(status);
CREATE INDEX IF NOT EXISTS petitions_received ON petitions(received_at);
CREATE TABLE IF NOT EXISTS results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    petition_id TEXT NOT NULL REFERENCES petitions(id),
    created_at TEXT NOT NULL,
    result TEXT NOT NULL,
    versions TEXT NOT NULL,
    unit TEXT NOT NULL,
    rule TEXT NOT NULL,
    primary_domain TEXT NOT NULL,
    kind TEXT NOT NULL,
    review INTEGER NOT NULL,
    deadline_conclude TEXT
);
CREATE INDEX IF NOT EXISTS results_petition ON results(petition_id, seq);
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    petition_id TEXT NOT NULL REFERENCES petitions(id),
    result_seq INTEGER NOT NULL REFERENCES results(seq),
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    remark TEXT,
    user TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_petition ON corrections(petition_id, seq);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS intake_failures (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    message TEXT NOT NULL,
    item_id TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    unit TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
    token_sha256 TEXT PRIMARY KEY,
    user TEXT NOT NULL REFERENCES users(name),
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    remote TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# Fields of a triage result a clerk may correct, and how a correction is applied to the result record.
CORRECTABLE_FIELDS = ("kind", "primary_domain", "unit", "persons", "amounts", "places", "accept")


@dataclass(frozen=True)
class Correction:
    seq: int
    petition_id: str
    result_seq: int
    field: str
    value: Any
    remark: str | None
    user: str | None
    created_at: str


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The SQLite store of record. Safe to share between threads: one connection per thread."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        with self._write_lock:
            self._conn().executescript(SCHEMA)
        with self._tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

    # -- connections -------------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- petitions ---------------------------------------------------------------------------------
    def add_petition(self, petition: Petition, original_sha256: str | None = None) -> bool:
        """Store a petition as received. True when new; False when that id is already stored
        (re-ingesting the same petition changes nothing)."""
        return self.add_petitions([(petition, original_sha256)])[0]

    def add_petitions(self, items: Sequence[tuple[Petition, str | None]]) -> list[bool]:
        """Store several petitions in one transaction (one disk sync for the batch): all or none of them are
        stored. For each, True when new, False when its id was already stored. InputError for an empty text,
        naming the petition, before anything is written."""
        for petition, _ in items:
            if not petition.text.strip():
                raise InputError(f"petition {petition.id}: empty text")
        stored_at = now_iso()
        new: list[bool] = []
        with self._tx() as db:
            for petition, original_sha256 in items:
                cur = db.execute(
                    "INSERT OR IGNORE INTO petitions(id, text, title, channel, received_at, stored_at, source,"
                    " original_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        petition.id,
                        petition.text,
                        petition.title,
                        petition.channel,
                        petition.received_at.isoformat() if petition.received_at else None,
                        stored_at,
                        json.dumps(petition.source, ensure_ascii=False, sort_keys=True),
                        original_sha256,
                    ),
                )
                new.append(cur.rowcount == 1)
        return new

    def has_petition(self, petition_id: str) -> bool:
        row = self._conn().execute("SELECT 1 FROM petitions WHERE id = ?", (petition_id,)).fetchone()
        return row is not None

    def get_petition(self, petition_id: str) -> Petition | None:
        row = self._conn().execute("SELECT * FROM petitions WHERE id = ?", (petition_id,)).fetchone()
        return _petition(row) if row else None

    def pending_ids(self) -> list[str]:
        """Petitions stored but not yet triaged (triage failed or was interrupted): retried by ingest."""
        rows = self._conn().execute("SELECT id FROM petitions WHERE status = 'pending' ORDER BY seq").fetchall()
        return [r["id"] for r in rows]

    def count_petitions(self, status: str | None = None) -> int:
        if status:
            return self._conn().execute("SELECT count(*) FROM petitions WHERE status = ?", (status,)).fetchone()[0]
        return self._conn().execute("SELECT count(*) FROM petitions").fetchone()[0]

    def set_status(self, petition_id: str, status: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE petitions SET status = ? WHERE id = ?", (status, petition_id))

    # -- triage results ----------------------------------------------------------------------------
    def save_result(self, result: TriageResult) -> int:
        """Record a triage result (with the versions that produced it) and mark the petition triaged."""
        return self.save_results([result])[0]

    def save_results(self, results: Sequence[TriageResult]) -> list[int]:
        """Record several triage results in one transaction; their sequence numbers."""
        created_at = now_iso()
        seqs: list[int] = []
        with self._tx() as db:
            for result in results:
                record = result.to_contract()
                route = record["route"]
                cur = db.execute(
                    "INSERT INTO results(petition_id, created_at, result, versions, unit, rule, primary_domain,"
                    " kind, review, deadline_conclude) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        result.petition_id,
                        created_at,
                        json.dumps(record, ensure_ascii=False),
                        json.dumps(result.versions, sort_keys=True),
                        route["unit"],
                        route["rule"],
                        record["primary_domain"],
                        record["kind"],
                        int(route["review"]),
                        route["deadline_conclude"],
                    ),
                )
                db.execute(
                    "UPDATE petitions SET status = 'new' WHERE id = ? AND status = 'pending'", (result.petition_id,)
                )
                seqs.append(int(cur.lastrowid or 0))
        return seqs

    def latest_result(self, petition_id: str) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        row = self._conn().execute(
            "SELECT seq, result, versions FROM results WHERE petition_id = ? ORDER BY seq DESC LIMIT 1",
            (petition_id,),
        ).fetchone()
        if row is None:
            return None
        return row["seq"], json.loads(row["result"]), json.loads(row["versions"])

    def result_history(self, petition_id: str) -> list[dict[str, Any]]:
        rows = self._conn().execute(
            "SELECT seq, created_at, result, versions FROM results WHERE petition_id = ? ORDER BY seq",
            (petition_id,),
        ).fetchall()
        return [
            {"seq": r["seq"], "created_at": r["created_at"], "result": json.loads(r["result"]),
             "versions": json.loads(r["versions"])}
            for r in rows
        ]

    # -- corrections -------------------------------------------------------------------------------
    def add_correction(
        self, petition_id: str, field: str, value: Any, user: str | None = None, remark: str | None = None
    ) -> int:
        """Store a clerk's correction beside the latest result (the result itself is never changed)."""
        if field not in CORRECTABLE_FIELDS:
            raise InputError(f"cannot correct {field!r}; valid: {', '.join(CORRECTABLE_FIELDS)}")
        latest = self.latest_result(petition_id)
        if latest is None:
            raise InputError(f"petition {petition_id}: no triage result to correct")
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO corrections(petition_id, result_seq, field, value, remark, user, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (petition_id, latest[0], field, json.dumps(value, ensure_ascii=False), remark, user, now_iso()),
            )
            db.execute("UPDATE petitions SET status = 'reviewed' WHERE id = ?", (petition_id,))
            return int(cur.lastrowid or 0)

    def corrections(self, petition_id: str | None = None) -> list[Correction]:
        sql = "SELECT * FROM corrections"
        args: tuple = ()
        if petition_id is not None:
            sql += " WHERE petition_id = ?"
            args = (petition_id,)
        rows = self._conn().execute(sql + " ORDER BY seq", args).fetchall()
        return [
            Correction(r["seq"], r["petition_id"], r["result_seq"], r["field"], json.loads(r["value"]),
                       r["remark"], r["user"], r["created_at"])
            for r in rows
        ]

    # -- records: the view the index, the web app and exports read ----------------------------------
    def get_record(self, petition_id: str) -> dict[str, Any] | None:
        row = self._conn().execute("SELECT * FROM petitions WHERE id = ?", (petition_id,)).fetchone()
        return self._record(row) if row else None

    def iter_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every stored petition as a record, in storage order (for reindexing and exports)."""
        last = 0
        while True:
            rows = self._conn().execute(
                "SELECT * FROM petitions WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._record(row)
            last = rows[-1]["seq"]

    def list_records(
        self,
        *,
        status: str | None = None,
        unit: str | None = None,
        review: bool | None = None,
        order: str = "newest",
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Records for queues: filter by status, current unit and review flag; newest or most urgent first."""
        where, args = ["1 = 1"], []
        if status:
            where.append("p.status = ?")
            args.append(status)
        if unit:
            where.append("COALESCE(c.unit, r.unit) = ?")
            args.append(unit)
        if review is not None:
            where.append("r.review = ?")
            args.append(int(review))
        order_sql = {
            "newest": "p.received_at DESC, p.seq DESC",
            "urgent": "r.deadline_conclude IS NULL, r.deadline_conclude ASC, p.seq ASC",
            "stored": "p.seq ASC",
        }.get(order)
        if order_sql is None:
            raise InputError(f"unknown order {order!r}; valid: newest, urgent, stored")
        sql = f"""
            SELECT p.* FROM petitions p
            LEFT JOIN results r ON r.seq = (SELECT max(seq) FROM results WHERE petition_id = p.id)
            LEFT JOIN (SELECT petition_id, json_extract(value, '$') AS unit, max(seq) AS seq FROM corrections
                       WHERE field = 'unit' GROUP BY petition_id) c ON c.petition_id = p.id
            WHERE {' AND '.join(where)} ORDER BY {order_sql} LIMIT ? OFFSET ?"""
        rows = self._conn().execute(sql, (*args, limit, offset)).fetchall()
        return [self._record(r) for r in rows]

    def _record(self, row: sqlite3.Row) -> dict[str, Any]:
        latest = self.latest_result(row["id"])
        corrections = self.corrections(row["id"])
        result = None
        versions: dict[str, str] = {}
        if latest is not None:
            seq, result, versions = latest
            result = apply_corrections(result, [c for c in corrections if c.result_seq == seq])
        return {
            "id": row["id"],
            "text": row["text"],
            "title": row["title"],
            "channel": row["channel"],
            "received_at": row["received_at"],
            "stored_at": row["stored_at"],
            "status": row["status"],
            "source": json.loads(row["source"]),
            "original_sha256": row["original_sha256"],
            "result": result,
            "versions": versions,
            "corrections": [
                {"seq": c.seq, "field": c.field, "value": c.value, "remark": c.remark, "user": c.user,
                 "created_at": c.created_at}
                for c in corrections
            ],
        }

    # -- original files ----------------------------------------------------------------------------
    def add_file(self, files_dir: Path, name: str, data: bytes) -> str:
        """Keep an original file by content hash (written atomically); returns the hash."""
        sha = hashlib.sha256(data).hexdigest()
        target = Path(files_dir) / sha[:2] / sha
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(target)
        with self._tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO files(sha256, name, size, stored_at) VALUES (?, ?, ?, ?)",
                (sha, name, len(data), now_iso()),
            )
        return sha

    def get_file(self, sha256: str) -> dict[str, Any] | None:
        row = self._conn().execute("SELECT * FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return dict(row) if row else None

    # -- intake failures ---------------------------------------------------------------------------
    def add_intake_failure(self, source: str, message: str, item_id: str | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO intake_failures(source, message, item_id, created_at) VALUES (?, ?, ?, ?)",
                (source, message, item_id, now_iso()),
            )

    def intake_failures(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._conn().execute(
            "SELECT * FROM intake_failures ORDER BY seq DESC LIMIT ?", (limit,)
        ).fetchall()
        return [dict(r) for r in rows]

    # -- users and tokens --------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str, unit: str | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO users(name, role, unit, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET role = excluded.role, unit = excluded.unit,"
                " password_hash = excluded.password_hash",
                (name, role, unit, password_hash, now_iso()),
            )

    def get_user(self, name: str) -> dict[str, Any] | None:
        row = self._conn().execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return dict(row) if row else None

    def list_users(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._conn().execute("SELECT name, role, unit, created_at FROM users ORDER BY name")]

    def add_token(self, user: str, token_sha256: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO api_tokens(token_sha256, user, created_at) VALUES (?, ?, ?)",
                (token_sha256, user, now_iso()),
            )

    def user_for_token(self, token_sha256: str) -> dict[str, Any] | None:
        row = self._conn().execute(
            "SELECT u.* FROM api_tokens t JOIN users u ON u.name = t.user WHERE t.token_sha256 = ?",
            (token_sha256,),
        ).fetchone()
        return dict(row) if row else None

    # -- audit log ---------------------------------------------------------------------------------
    def audit(
        self, action: str, user: str | None = None, target: str | None = None,
        detail: dict[str, Any] | None = None, remote: str | None = None,
    ) -> None:
        """Append to the audit log; each entry's hash covers the previous entry's hash (a hash chain)."""
        detail_json = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
        with self._tx() as db:
            row = db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
            prev = row["hash"] if row else "0" * 64
            at = now_iso()
            digest = _audit_hash(prev, at, user, action, target, detail_json, remote)
            db.execute(
                "INSERT INTO audit(at, user, action, target, detail, remote, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (at, user, action, target, detail_json, remote, prev, digest),
            )

    def audit_entries(self, limit: int = 200, user: str | None = None, action: str | None = None) -> list[dict]:
        where, args = ["1 = 1"], []
        if user:
            where.append("user = ?")
            args.append(user)
        if action:
            where.append("action = ?")
            args.append(action)
        rows = self._conn().execute(
            f"SELECT * FROM audit WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ?", (*args, limit)
        ).fetchall()
        return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]

    def verify_audit(self) -> tuple[bool, int | None]:
        """Walk the hash chain: (True, None) when intact, else (False, seq of the first broken entry)."""
        prev = "0" * 64
        for r in self._conn().execute("SELECT * FROM audit ORDER BY seq"):
            expected = _audit_hash(prev, r["at"], r["user"], r["action"], r["target"], r["detail"], r["remote"])
            if r["prev_hash"] != prev or r["hash"] != expected:
                return False, r["seq"]
            prev = r["hash"]
        return True, None

    # -- backup ------------------------------------------------------------------------------------
    def backup(self, target: Path) -> Path:
        """A consistent copy of the store, taken with SQLite's online backup while others keep writing."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target)
        try:
            self._conn().backup(dest)
        finally:
            dest.close()
        return target

    # -- dashboard figures -------------------------------------------------------------------------
    def current_rows(self) -> Iterable[dict[str, Any]]:
        """(id, received_at, status, current result) for every triaged petition: input of dashboards."""
        for record in self.iter_records():
            if record["result"] is not None:
                yield record


    # -- web queries: the figures and lists of the web app (views hold no SQL) ------------------------
    # Every query reads the *current* state of each triaged petition: its latest result with the clerk's
    # corrections of that result applied (unit, primary_domain, kind, amounts, places), as get_record does.

    def list_current(self, *, order: str = "newest", limit: int = 50, offset: int = 0,
                     **filters: Any) -> tuple[int, list[dict[str, Any]]]:
        """(total, rows) of triaged petitions matching ``filters`` (see ``current_filters``); rows are
        flat summaries: id, day, month, title, channel, status, unit, primary_domain, kind, rule, review,
        deadline_accept, deadline_conclude, amount_total (CNY, yuan)."""
        order_sql = {
            "newest": "day DESC, pseq DESC",
            "oldest": "day ASC, pseq ASC",
            "urgent": "deadline_conclude IS NULL, deadline_conclude ASC, review DESC, pseq ASC",
            "amount": "amount_total DESC, pseq DESC",
        }.get(order)
        if order_sql is None:
            raise InputError(f"unknown order {order!r}; valid: newest, oldest, urgent, amount")
        where, args = _current_where(filters)
        db = self._conn()
        total = db.execute(f"{_CURRENT_SQL} SELECT count(*) FROM items WHERE {where}", args).fetchone()[0]
        rows = db.execute(
            f"{_CURRENT_SQL} SELECT {_CURRENT_COLUMNS} FROM items WHERE {where}"
            f" ORDER BY {order_sql} LIMIT ? OFFSET ?", (*args, int(limit), int(offset)),
        ).fetchall()
        return total, [dict(r) | {"review": bool(r["review"])} for r in rows]

    def count_current(self, keys: Iterable[str], **filters: Any) -> list[dict[str, Any]]:
        """Counts and CNY sums (yuan) of triaged petitions grouped by ``keys`` (domain, unit, kind, month,
        rule, channel, status, township); a petition naming two townships counts once in each, one naming
        none under township ''. Rows: {key: value, ..., "count": n, "amount": yuan}, largest count first."""
        keys = list(keys)
        columns = {"domain": "primary_domain", "unit": "unit", "kind": "kind", "month": "month",
                   "rule": "rule", "channel": "channel", "status": "status", "township": "township"}
        unknown = [k for k in keys if k not in columns]
        if unknown or not keys:
            raise InputError(f"cannot group by {unknown or keys!r}; valid: {', '.join(columns)}")
        where, args = _current_where(filters)
        source = "items"
        if "township" in keys:
            source = ("(SELECT items.*, COALESCE(t.township, '') AS township FROM items LEFT JOIN"
                      " (SELECT DISTINCT i2.id AS tid, json_extract(pl.value, '$.township') AS township"
                      "  FROM items i2, json_each(i2.places) pl"
                      "  WHERE json_extract(pl.value, '$.township') IS NOT NULL) t ON t.tid = items.id)")
        select = ", ".join(f"COALESCE({columns[k]}, '') AS {k}" for k in keys)
        group = ", ".join(columns[k] for k in keys)
        rows = self._conn().execute(
            f"{_CURRENT_SQL} SELECT {select}, count(*) AS count, COALESCE(sum(amount_total), 0) AS amount"
            f" FROM {source} AS items WHERE {where} GROUP BY {group} ORDER BY count DESC, {group}",
            args,
        ).fetchall()
        return [dict(r) | {"amount": _yuan(r["amount"])} for r in rows]

    def count_deadlines(self, today: date, soon_days: int = 7, **filters: Any) -> list[dict[str, Any]]:
        """Per current unit: items, items past their conclusion deadline (overdue), items due within
        ``soon_days`` (soon), and items not yet reviewed past their acceptance deadline (accept_overdue)."""
        where, args = _current_where(filters)
        today_s = today.isoformat()
        soon_s = date.fromordinal(today.toordinal() + int(soon_days)).isoformat()
        rows = self._conn().execute(
            f"{_CURRENT_SQL} SELECT unit, count(*) AS total,"
            " COALESCE(sum(deadline_conclude < ?), 0) AS overdue,"
            " COALESCE(sum(deadline_conclude >= ? AND deadline_conclude <= ?), 0) AS soon,"
            " COALESCE(sum(status = 'new' AND deadline_accept < ?), 0) AS accept_overdue"
            f" FROM items WHERE {where} GROUP BY unit ORDER BY overdue DESC, soon DESC, unit",
            (today_s, today_s, soon_s, today_s, *args),
        ).fetchall()
        return [dict(r) for r in rows]

    def last_item_days(self) -> dict[str, dict[str, Any]]:
        """Per current unit: the day of its latest item and its number of items (for 长期零报告)."""
        rows = self._conn().execute(
            f"{_CURRENT_SQL} SELECT unit, max(day) AS last_day, count(*) AS total FROM items GROUP BY unit"
        ).fetchall()
        return {r["unit"]: {"last_day": r["last_day"], "total": r["total"]} for r in rows}

    def day_range(self) -> tuple[str | None, str | None]:
        """First and last day (received, else stored) of the triaged petitions."""
        row = self._conn().execute(f"{_CURRENT_SQL} SELECT min(day), max(day) FROM items").fetchone()
        return row[0], row[1]


def apply_corrections(result: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """The result as the clerk's corrections make it (the stored original is left as it is)."""
    current = json.loads(json.dumps(result))
    for c in corrections:
        if c.field == "unit":
            current["route"] = dict(current["route"], unit=c.value, corrected=True)
        elif c.field == "primary_domain":
            current["primary_domain"] = c.value
        elif c.field in ("kind", "persons", "amounts", "places"):
            current[c.field] = c.value
    return current


def _audit_hash(prev: str, at: str, user: str | None, action: str, target: str | None, detail: str,
                remote: str | None) -> str:
    payload = json.dumps([prev, at, user, action, target, detail, remote], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _petition(row: sqlite3.Row) -> Petition:
    return Petition(
        id=row["id"],
        text=row["text"],
        channel=row["channel"],
        received_at=date.fromisoformat(row["received_at"]) if row["received_at"] else None,
        title=row["title"],
        source=json.loads(row["source"]),
    )


# -- web queries: the current state of each triaged petition, as one SQL prelude -------------------------
def _latest_correction(field: str, expr: str = "json_extract(c.value, '$')") -> str:
    return (f"(SELECT {expr} FROM corrections c WHERE c.petition_id = l.id AND c.result_seq = l.rseq"
            f" AND c.field = '{field}' ORDER BY c.seq DESC LIMIT 1)")


_CURRENT_SQL = f"""
WITH latest AS (
    SELECT p.seq AS pseq, p.id, p.title, p.channel, p.status, p.received_at, p.stored_at,
           COALESCE(substr(p.received_at, 1, 10), substr(p.stored_at, 1, 10)) AS day,
           r.seq AS rseq, r.result, r.rule, r.review, r.deadline_conclude,
           json_extract(r.result, '$.route.deadline_accept') AS deadline_accept
    FROM petitions p JOIN results r ON r.seq = (SELECT max(seq) FROM results WHERE petition_id = p.id)
), items AS (
    SELECT cur.*, (SELECT COALESCE(sum(json_extract(a.value, '$.value')), 0) FROM json_each(cur.amounts) a
                   WHERE COALESCE(json_extract(a.value, '$.currency'), 'CNY') = 'CNY') AS amount_total
    FROM (SELECT l.*, substr(l.day, 1, 7) AS month,
                 COALESCE({_latest_correction('unit')}, json_extract(l.result, '$.route.unit')) AS unit,
                 COALESCE({_latest_correction('primary_domain')}, json_extract(l.result, '$.primary_domain'))
                     AS primary_domain,
                 COALESCE({_latest_correction('kind')}, json_extract(l.result, '$.kind')) AS kind,
                 COALESCE({_latest_correction('amounts', 'c.value')}, json_extract(l.result, '$.amounts'))
                     AS amounts,
                 COALESCE({_latest_correction('places', 'c.value')}, json_extract(l.result, '$.places'))
                     AS places
          FROM latest l) cur
)"""

_CURRENT_COLUMNS = ("id, day, month, title, channel, status, unit, primary_domain, kind, rule, review,"
                    " deadline_accept, deadline_conclude, amount_total")

CURRENT_FILTERS = ("unit", "domain", "kind", "status", "rule", "channel", "review", "township", "month",
                   "since", "until", "due", "today", "soon_days", "ids")


def _current_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """SQL condition over ``items`` for the filters of list_current / count_current.

    unit, domain, kind, status, rule, channel, month (YYYY-MM): equal; review: bool; township: one of
    the places ('' = petitions naming no township); since/until: day bounds, inclusive; \
due: overdue | soon | accept_overdue
    (relative to ``today`` and ``soon_days``); ids: only these petitions."""
    unknown = set(filters) - set(CURRENT_FILTERS)
    if unknown:
        raise InputError(f"unknown filters {sorted(unknown)}; valid: {', '.join(CURRENT_FILTERS)}")
    where, args = ["1 = 1"], []
    for name, column in (("unit", "unit"), ("domain", "primary_domain"), ("kind", "kind"),
                         ("status", "status"), ("rule", "rule"), ("channel", "channel"), ("month", "month")):
        value = filters.get(name)
        if value not in (None, ""):
            where.append(f"{column} = ?")
            args.append(str(value))
    if filters.get("review") is not None:
        where.append("review = ?")
        args.append(int(bool(filters["review"])))
    township = filters.get("township")
    if township is not None:
        if township == "":
            where.append("NOT EXISTS (SELECT 1 FROM json_each(items.places) pl"
                         " WHERE json_extract(pl.value, '$.township') IS NOT NULL)")
        else:
            where.append("EXISTS (SELECT 1 FROM json_each(items.places) pl"
                         " WHERE json_extract(pl.value, '$.township') = ?)")
            args.append(str(township))
    for name, op in (("since", ">="), ("until", "<=")):
        value = filters.get(name)
        if value:
            where.append(f"day {op} ?")
            args.append(_iso_day(value, name))
    due = filters.get("due")
    if due:
        today = filters.get("today") or date.today()
        today_s = _iso_day(today, "today")
        if due == "overdue":
            where.append("deadline_conclude < ?")
            args.append(today_s)
        elif due == "soon":
            soon = date.fromisoformat(today_s).toordinal() + int(filters.get("soon_days") or 7)
            where.append("deadline_conclude >= ? AND deadline_conclude <= ?")
            args.extend([today_s, date.fromordinal(soon).isoformat()])
        elif due == "accept_overdue":
            where.append("status = 'new' AND deadline_accept < ?")
            args.append(today_s)
        else:
            raise InputError(f"unknown due filter {due!r}; valid: overdue, soon, accept_overdue")
    ids = filters.get("ids")
    if ids is not None:
        ids = list(ids)
        where.append(f"id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        args.extend(str(i) for i in ids)
    return " AND ".join(where), args


def _iso_day(value: Any, name: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def _yuan(value: Any) -> float | int:
    number = float(value or 0)
    return int(number) if number.is_integer() else round(number, 2)
