"""No one let in: every route of the app refuses an anonymous caller, no SQL or markup gets through any field,
a unit-limited investigator cannot reach another unit's items by page or API, and the audit log cannot be
changed without the change being detected.

Complements test_web_api.py (role × endpoint matrix, CSRF, headers, cookies, login limits, masking, formula
cells in exports) with sweeps over the app's whole url_map and injection through every input field."""

from __future__ import annotations

import re
import sqlite3

import pytest
from test_web_api import RECORDS, csrf_of, web  # noqa: F401  (web is a fixture)

PUBLIC = {"/login", "/static/<path:filename>"}
SQL = ["' OR '1'='1", "'; DROP TABLE petitions; --", "\" OR 1=1 --",
       "x') UNION SELECT name, password_hash FROM users --"]
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _example_path(rule) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: {"petition_id": "w-a", "filename": "app.css"}[m.group(1)],
                  rule.rule)


def test_every_route_in_the_url_map_refuses_an_anonymous_caller(web):  # noqa: F811
    client = web.app.test_client()
    checked = 0
    for rule in web.app.url_map.iter_rules():
        if rule.rule in PUBLIC:
            continue
        path = _example_path(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, json={} if method == "POST" else None)
            body = response.get_data(as_text=True)
            if method == "POST":
                # a POST without a session fails CSRF (400) or the login check (401); nothing is done
                assert response.status_code in (400, 401), (method, path, response.status_code)
            elif path.startswith("/api/"):
                assert response.status_code == 401, (path, response.status_code)
            else:
                assert response.status_code == 302 and "/login" in response.headers["Location"], path
            assert "张建国" not in body and "王小明" not in body, path
            checked += 1
    assert checked >= 25  # every page and endpoint of the app, not a hand-picked list


def test_a_forged_session_cookie_is_refused(web):  # noqa: F811
    client = web.app.test_client()
    client.set_cookie("triage_session", "eyJ1c2VyIjoiYWRtaW4ifQ.forged.signature")
    assert client.get("/api/me").status_code == 401
    assert client.get("/review").status_code == 302


@pytest.mark.parametrize("payload", SQL)
def test_sql_in_search_filters_ids_and_lists_is_only_text(web, payload):  # noqa: F811
    api = web.api("admin")
    before = web.store.count_petitions()
    for path in (f"/api/search?q={payload}", f"/api/search?domain={payload}", f"/api/search?person={payload}",
                 f"/api/petitions?unit={payload}", f"/api/petitions?township={payload}",
                 f"/api/persons?name={payload}", f"/api/audit?user={payload}"):
        response = api.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        data = response.get_json()
        if response.status_code == 200 and "total" in data and "q=" not in path:
            assert data["total"] == 0, path  # the payload matched nothing rather than everything
    assert api.get(f"/api/petitions/{payload}").status_code == 404
    assert web.store.count_petitions() == before
    assert {u["name"] for u in web.store.list_users()} >= {"clerk", "admin"}
    assert web.store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("payload", SQL)
def test_sql_in_intake_fields_and_remarks_is_stored_verbatim(web, payload):  # noqa: F811
    api = web.api("clerk")
    before = web.store.count_petitions()
    body = {"text": f"反映城关镇桃园村村支书冒领低保金。{payload}", "title": payload, "channel": "visit",
            "contact_name": payload, "contact_phone": payload}
    response = api.post("/api/petitions", json=body)
    assert response.status_code == 201, response.get_data(as_text=True)
    pid = response.get_json()["id"]
    record = web.store.get_record(pid)
    assert record["text"].endswith(payload) and record["title"] == payload
    assert web.store.count_petitions() == before + 1
    correction = api.post(f"/api/petitions/{pid}/corrections", json={"field": "accept", "remark": payload})
    assert correction.status_code == 201
    assert web.store.corrections(pid)[-1].remark == payload
    token = csrf_of(web.app.test_client().get("/login"))
    assert web.app.test_client().post("/login", data={"name": f"admin{payload}", "password": payload,
                                                      "csrf_token": token}).status_code in (400, 401)
    assert web.store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_markup_in_every_intake_field_and_correction_is_escaped_on_every_page(web):  # noqa: F811
    api = web.api("clerk")
    pid = api.post("/api/petitions", json={"text": f"城关镇桃园村村支书冒领低保金。{MARKUP}", "title": MARKUP,
                                           "channel": "phone", "contact_name": MARKUP}).get_json()["id"]
    persons = [{"name": MARKUP, "role": "村支书", "level": "village", "party": "accused"}]
    assert api.post(f"/api/petitions/{pid}/corrections",
                    json={"field": "persons", "value": persons, "remark": MARKUP}).status_code == 201
    for role in ("clerk", "investigator", "admin"):
        client = web.login(role)
        for page in (f"/petitions/{pid}", "/review", "/search?q=低保", f"/persons?name={MARKUP}", "/admin/audit"):
            response = client.get(page)
            if response.status_code != 200:
                continue  # a page this role may not open
            html = response.get_data(as_text=True)
            assert "<script>alert" not in html and "<img src=x" not in html, (role, page)
    json_response = api.get(f"/api/petitions/{pid}")
    assert json_response.mimetype == "application/json"  # markup in JSON is data, never a page


def test_unit_limited_investigator_cannot_open_other_units_items_by_page_or_api(web):  # noqa: F811
    client = web.login("inv_fenglin")
    own = [r[0] for r in RECORDS if r[5] == "qs.tc.fenglin"]
    others = [r[0] for r in RECORDS if r[5] != "qs.tc.fenglin"]
    assert own and others
    for pid in own:
        assert client.get(f"/petitions/{pid}").status_code == 200
    for pid in others:
        for path in (f"/petitions/{pid}", f"/api/petitions/{pid}", f"/api/petitions/{pid}/related"):
            response = client.get(path)
            assert response.status_code == 404, (path, response.status_code)  # not even "exists, forbidden"
    listing = client.get("/api/petitions").get_json()
    assert {row["id"] for row in listing["items"]} <= set(own) | {None}
    hits = client.get("/api/search?q=村支书").get_json()
    assert all(hit["id"] in own for hit in hits["hits"])
    person = client.get("/api/persons?name=张建国").get_json()
    assert not person.get("petitions"), person


def test_the_audit_log_is_append_only_and_tampering_is_detected(web):  # noqa: F811
    web.api("investigator").get("/api/petitions/w-a")
    web.api("investigator").get("/api/search?q=低保")
    db = web.store._conn()
    for statement in ("UPDATE audit SET user = 'nobody' WHERE action = 'view'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(statement)
    assert web.api("admin").get("/api/audit").get_json()["intact"] is True

    # someone with the database file drops the guard and rewrites who read the petition
    db.execute("DROP TRIGGER audit_no_update")
    seq = db.execute("SELECT seq FROM audit WHERE action = 'view' ORDER BY seq LIMIT 1").fetchone()[0]
    db.execute("UPDATE audit SET user = 'nobody' WHERE seq = ?", (seq,))
    db.commit()
    report = web.api("admin").get("/api/audit").get_json()
    assert report["intact"] is False and report["broken_at"] == seq
    page = web.login("admin").get("/admin/audit").get_data(as_text=True)
    assert "哈希链校验失败" in page and f"第 {seq} 条" in page
