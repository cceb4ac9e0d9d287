"""The JSON API as other systems and the pages use it: a real store and embedded index in tmp_path, the real
pipeline (the tiny model of conftest), the Flask test client. Roles × endpoints, unit scope, petitioner
masking, CSRF, escaping, rate limiting, dashboard figures that match the items they click through to.

The records below are written straight into the store (known persons, places, routes and offsets) and then
indexed, so that each expectation is exact; intake and upload go through the real pipeline."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from werkzeug.security import generate_password_hash

from triage.petition import (
    Amount,
    Classification,
    DomainScore,
    Extraction,
    Person,
    Petition,
    Place,
    Route,
    TriageResult,
)

TODAY = date(2026, 10, 1)
PASSWORD = "demo-password"

# (id, received, text, title, domain, unit, rule, review, persons (name, role, level, party),
#  amounts (text, yuan), places (text, township, village))
RECORDS = [
    ("w-a", "2026-09-01", "举报人王小明，电话13812345678。城关镇桃园村村支书张建国冒领低保金2万元，请求调查。", None,
     "social_assistance", "qs.tc.chengguan", "cadre_authority", False,
     [("王小明", None, "unknown", "petitioner"), ("张建国", "村支书", "village", "accused")],
     [("2万元", 20000)], [("城关镇桃园村", "城关镇", "桃园村")]),
    ("w-b", "2026-08-05", "城关镇桃园村村支书张建国骗取危房改造补助3万元，他家根本不是危房。", None,
     "housing", "qs.tc.chengguan", "cadre_authority", False,
     [("张建国", "村支书", "village", "accused")], [("3万元", 30000)], [("城关镇桃园村", "城关镇", "桃园村")]),
    ("w-c", "2026-05-03", "枫林乡上坪村村主任李华截留征地补偿款5万元。", None,
     "land_compensation", "qs.tc.fenglin", "uncertain", True,
     [("李华", "村主任", "village", "accused")], [("5万元", 50000)], [("枫林乡上坪村", "枫林乡", "上坪村")]),
    ("w-d", "2026-03-15", "县民政局副局长赵刚在低保审批中收受好处费。", None,
     "social_assistance", "qs.group1", "cadre_authority", False,
     [("赵刚", "副局长", "county_dept", "accused")], [], []),
    ("w-e", "2026-08-20", "城关镇双井村村会计孙丽冒领特困供养金8000元。", None,
     "social_assistance", "qs.tc.chengguan", "cadre_authority", False,
     [("孙丽", "村会计", "village", "accused")], [("8000元", 8000)], [("城关镇双井村", "城关镇", "双井村")]),
    ("w-f", "2026-09-20", "<script>alert('x')</script>我要反映<b>问题</b>，村里的事没人管。",
     "<img src=x onerror=alert(1)>", "other", "qs.petition", "fallback", True, [], [], []),
]

USERS = [  # (name, role, unit)
    ("clerk", "clerk", None),
    ("investigator", "investigator", None),
    ("inv_fenglin", "investigator", "qs.tc.fenglin"),
    ("manager", "manager", None),
    ("admin", "admin", None),
]
ROLES = ("clerk", "investigator", "manager", "admin")

# Every API endpoint: (method, path, JSON body or "upload", permission). Checked against the OpenAPI document.
ENDPOINTS = [
    ("GET", "/api/me", None, "read"),
    ("POST", "/api/process", {"id": "p-1", "text": "东关镇柳树村村支书马国梁冒领低保金3000余元。"}, "review"),
    ("GET", "/api/petitions", None, "read"),
    ("POST", "/api/petitions", {"text": "来访人反映南岭镇高桥村村主任侵占集体资金。", "channel": "visit"}, "review"),
    ("GET", "/api/petitions/w-b", None, "read"),
    ("POST", "/api/petitions/w-b/corrections", {"field": "accept"}, "review"),
    ("GET", "/api/petitions/w-b/related", None, "read"),
    ("POST", "/api/uploads", "upload", "review"),
    ("GET", "/api/search?q=低保", None, "read"),
    ("GET", "/api/search/export?format=csv&q=低保", None, "export"),
    ("GET", "/api/persons?name=张建国", None, "read"),
    ("GET", "/api/dashboard", None, "dashboard"),
    ("GET", "/api/audit", None, "audit"),
    ("GET", "/api/users", None, "audit"),
]
PERMITTED = {
    "read": set(ROLES),
    "review": {"clerk", "admin"},
    "export": {"investigator", "manager", "admin"},
    "dashboard": {"manager", "admin"},
    "audit": {"admin"},
}


def build_result(pid, received, text, domain, unit, rule, review, persons, amounts, places) -> TriageResult:
    def spans(word):
        return tuple((m.start(), m.end()) for m in re.finditer(re.escape(word), text))

    people = tuple(Person(name, role, level, party, spans(name or role)) for name, role, level, party in persons)
    money = tuple(Amount(t, v, "CNY", "exact", v, v, text.index(t), text.index(t) + len(t)) for t, v in amounts)
    where = tuple(Place(t, None, None, None, township, village, text.index(t), text.index(t) + len(t))
                  for t, township, village in places)
    others = [d for d in ("other", "work_style") if d != domain]
    scores = (DomainScore(domain, 0.35 if review else 0.9), *(DomainScore(d, 0.05) for d in others))
    day = date.fromisoformat(received)
    route = Route(unit, rule, f"测试分办理由（{rule}）", review, day + timedelta(days=15), day + timedelta(days=60))
    return TriageResult(pid, Classification("accusation", domain, scores), Extraction(people, money, where), route,
                        {"model": "test"})


@dataclass
class WebEnv:
    app: object
    service: object
    tokens: dict[str, str]

    @property
    def store(self):
        return self.service.store

    def api(self, role: str):
        return TokenClient(self.app.test_client(), self.tokens[role])

    def login(self, name: str, password: str = PASSWORD):
        client = self.app.test_client()
        token = csrf_of(client.get("/login"))
        response = client.post("/login", data={"name": name, "password": password, "csrf_token": token})
        assert response.status_code == 302, response.get_data(as_text=True)
        return client


class TokenClient:
    def __init__(self, client, token):
        self.client, self.headers = client, {"Authorization": f"Bearer {token}"}

    def get(self, path, **kw):
        return self.client.get(path, headers=self.headers, **kw)

    def post(self, path, **kw):
        return self.client.post(path, headers=self.headers, **kw)


def csrf_of(response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
    assert found, "page has no CSRF token"
    return found.group(1)


_HASH: list[str] = []


def password_hash() -> str:
    """One hash for every test user (hashing is deliberately slow)."""
    if not _HASH:
        _HASH.append(generate_password_hash(PASSWORD))
    return _HASH[0]


def seed(service) -> None:
    store = service.store
    for pid, received, text, title, domain, unit, rule, review, persons, amounts, places in RECORDS:
        store.add_petition(Petition(pid, text, "letter", date.fromisoformat(received), title))
        store.save_result(build_result(pid, received, text, domain, unit, rule, review, persons, amounts, places))
    service.index_ids([r[0] for r in RECORDS])
    for name, role, unit in USERS:
        store.add_user(name, role, password_hash(), unit=unit)


@pytest.fixture
def web(settings, service) -> WebEnv:
    from web import create_app

    seed(service)
    tokens = {}
    for name, _, _ in USERS:
        tokens[name] = f"token-{name}-0123456789"
        service.store.add_token(name, hashlib.sha256(tokens[name].encode()).hexdigest())
    app = create_app(settings, service, today=TODAY)
    return WebEnv(app, service, tokens)


def call(client, method, path, body):
    if body == "upload":
        data = {"file": (io.BytesIO(json.dumps({"id": "up-1", "text": "云溪乡黄泥村村主任挪用修路款。"},
                                               ensure_ascii=False).encode() + b"\n"), "batch.jsonl")}
        return client.post(path, data=data, content_type="multipart/form-data")
    if method == "POST":
        return client.post(path, json=body)
    return client.get(path)


def test_process_answers_the_contract_and_stores_nothing(web):
    before = web.store.count_petitions()
    body = {"id": "p-9", "text": "举报东关镇柳树村村支书马国梁冒领低保金3000余元。", "received_at": "2026-09-01",
            "channel": "web"}
    response = web.api("clerk").post("/api/process", json=body)
    assert response.status_code == 200
    out = response.get_json()
    assert set(out) >= {"id", "kind", "domains", "primary_domain", "persons", "amounts", "places", "dates",
                        "route"}
    assert out["id"] == "p-9"
    assert out["route"]["deadline_accept"] == "2026-09-16"
    assert [a["value"] for a in out["amounts"]] == [3000]
    assert any(p["name"] == "马国梁" and p["level"] == "village" for p in out["persons"])
    assert web.store.count_petitions() == before


@pytest.mark.parametrize("body, message", [
    ({"text": "没有编号"}, "missing 'id'"),
    ({"id": "p-1", "text": "   "}, "empty text"),
    ({"id": "p-1", "text": "文字", "received_at": "昨天"}, "not an ISO date"),
    ({"id": "p-1", "text": "文字", "channel": "fax"}, "unknown channel"),
    ([1, 2], "JSON object"),
])
def test_process_bad_input_names_the_problem(web, body, message):
    response = web.api("clerk").post("/api/process", json=body)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


# -- who may call what ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_role_endpoint_matrix(web, role):
    for method, path, body, permission in ENDPOINTS:
        response = call(web.api(role), method, path, body)
        if role in PERMITTED[permission]:
            assert response.status_code in (200, 201), (method, path, response.get_data(as_text=True)[:300])
        else:
            assert response.status_code == 403, (method, path)
            assert response.get_json()["error"]


def test_every_endpoint_needs_a_login(web):
    for method, path, body, _ in ENDPOINTS:
        response = call(web.app.test_client(), method, path, body)
        assert response.status_code in (400, 401), (method, path)  # a POST without a session fails CSRF first
        assert call(TokenClient(web.app.test_client(), "not-a-token"), method, path, body).status_code == 401


def test_openapi_documents_every_route_with_its_roles(web):
    assert web.app.test_client().get("/api/openapi.json").status_code == 401
    document = web.api("investigator").get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    rules = {(re.sub(r"<([a-z_]+)>", r"{\1}", r.rule), m) for r in web.app.url_map.iter_rules()
             if r.rule.startswith("/api/") and r.rule != "/api/openapi.json"
             for m in r.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, m.upper()) for path, ops in document["paths"].items() for m in ops}
    assert rules == documented
    tested = {(re.sub(r"w-b", "{petition_id}", p.split("?")[0]), m) for m, p, _, _ in ENDPOINTS}
    assert tested == documented
    for method, path, _, permission in ENDPOINTS:
        op = document["paths"][re.sub(r"w-b", "{petition_id}", path.split("?")[0])][method.lower()]
        assert set(op["x-roles"]) == PERMITTED[permission]


# -- investigators limited to a unit --------------------------------------------------------------------

def test_unit_investigator_cannot_read_other_units_by_guessing_ids(web):
    inv = web.api("inv_fenglin")
    assert inv.get("/api/petitions/w-c").status_code == 200
    for pid in ("w-a", "w-b", "w-d", "w-f", "no-such-id"):
        assert inv.get(f"/api/petitions/{pid}").status_code == 404
        assert inv.get(f"/api/petitions/{pid}/related").status_code == 404
    listed = inv.get("/api/petitions?status=").get_json()
    assert [i["id"] for i in listed["items"]] == ["w-c"]
    assert inv.get("/api/petitions?unit=qs.tc.chengguan").get_json()["total"] == 0
    assert {h["id"] for h in inv.get("/api/search?q=村").get_json()["hits"]} <= {"w-c"}
    assert inv.get("/api/search?q=张建国").get_json()["total"] == 0
    assert inv.get("/api/search?unit=qs.tc.chengguan").get_json()["total"] == 0
    assert inv.get("/api/persons?name=张建国").get_json()["petitions"] == []
    denied = web.store.audit_entries(user="inv_fenglin", action="view_denied")
    assert {e["target"] for e in denied} >= {"w-a", "w-b"}


def test_unscoped_investigator_finds_a_person_across_petitions(web):
    person = web.api("investigator").get("/api/persons?name=张建国").get_json()
    assert {p["petition_id"] for p in person["petitions"]} == {"w-a", "w-b"}
    assert person["amount_total"] == 50000
    assert "村支书" in person["roles"]
    related = web.api("investigator").get("/api/petitions/w-a/related").get_json()["related"]
    assert "w-b" in {r["petition_id"] for r in related}


# -- petitioner protection ------------------------------------------------------------------------------

@pytest.mark.parametrize("role,sees_identity", [("clerk", True), ("admin", True), ("investigator", False),
                                                ("manager", False)])
def test_petitioner_masked_for_roles_without_the_right(web, role, sees_identity):
    record = web.api(role).get("/api/petitions/w-a").get_json()
    body = json.dumps(record, ensure_ascii=False)
    assert ("王小明" in body) is sees_identity
    assert ("13812345678" in body) is sees_identity
    text = record["text"]
    for person in record["result"]["persons"]:  # offsets still point at the right words after masking
        for start, end in person["mentions"]:
            assert text[start:end] == person["name"]
    for amount in record["result"]["amounts"]:
        assert text[amount["start"]:amount["end"]] == amount["text"]
    identity_reads = web.store.audit_entries(user=role, action="view_identity")
    assert bool(identity_reads) is sees_identity
    assert web.store.audit_entries(user=role, action="view")[0]["target"] == "w-a"


def test_masked_in_lists_search_and_exports_for_every_role(web):
    for role in ROLES:
        api = web.api(role)
        assert "王小明" not in api.get("/api/petitions?status=").get_data(as_text=True)
        assert "王小明" not in api.get("/api/search?q=低保").get_data(as_text=True)
    exported = web.api("investigator").get("/api/search/export?format=csv&q=低保").get_data().decode("utf-8-sig")
    assert "w-a" in exported and "王小明" not in exported and "13812345678" not in exported


def test_registered_contact_details_are_seen_by_the_clerk_only(web):
    clerk = web.api("clerk")
    created = clerk.post("/api/petitions", json={
        "text": "来访人反映东关镇柳树村村支书周强虚报危房改造户头，套取补助资金。", "channel": "visit",
        "received_at": "2026-09-28", "contact_name": "陈某华", "contact_phone": "13900001111",
    })
    assert created.status_code == 201
    pid = created.get_json()["id"]
    assert created.get_json()["summary"]["triaged"] == 1
    assert "13900001111" in clerk.get(f"/api/petitions/{pid}").get_data(as_text=True)
    seen = web.api("manager").get(f"/api/petitions/{pid}").get_data(as_text=True)
    assert "13900001111" not in seen and "陈某华" not in seen
    assert web.store.audit_entries(action="intake")[0]["target"] == pid


# -- corrections ----------------------------------------------------------------------------------------

def test_correction_is_stored_beside_the_original(web):
    clerk = web.api("clerk")
    response = clerk.post("/api/petitions/w-c/corrections",
                          json={"field": "unit", "value": "qs.office1", "remark": "涉及乡镇干部"})
    assert response.status_code == 201
    record = response.get_json()
    assert record["result"]["route"]["unit"] == "qs.office1"
    assert record["history"][-1]["result"]["route"]["unit"] == "qs.tc.fenglin"
    assert record["corrections"][-1] | {"created_at": None, "seq": None} == {
        "field": "unit", "value": "qs.office1", "remark": "涉及乡镇干部", "user": "clerk",
        "created_at": None, "seq": None}
    assert record["status"] == "reviewed"
    by_unit = {r["unit"]: r["count"] for r in web.api("manager").get("/api/dashboard").get_json()["by_unit"]}
    assert by_unit.get("qs.office1") == 1 and "qs.tc.fenglin" not in by_unit
    # the unit's own investigator no longer sees it, the new unit's list does
    assert web.api("inv_fenglin").get("/api/petitions/w-c").status_code == 404


CORRECTIONS = [  # (body, expected status)
    ({"field": "primary_domain", "value": "housing"}, 201),
    ({"field": "kind", "value": "appeal"}, 201),
    ({"field": "persons",
      "value": [{"name": "李华", "role": "村委会主任", "level": "village", "party": "accused"}]}, 201),
    ({"field": "amounts", "value": [{"text": "六万元", "value": 60000}]}, 201),
    ({"field": "accept"}, 201),
    ({"field": "unit", "value": "qs.nowhere"}, 400),
    ({"field": "primary_domain", "value": "gardening"}, 400),
    ({"field": "persons", "value": [{"name": "李华", "level": "emperor"}]}, 400),
    ({"field": "persons", "value": "李华"}, 400),
    ({"field": "amounts", "value": [{"value": "lots"}]}, 400),
    ({"field": "amounts", "value": [{"value": -5}]}, 400),
    ({"field": "text", "value": "x"}, 400),
    ({"value": "x"}, 400),
]


@pytest.mark.parametrize("body,status", CORRECTIONS)
def test_correction_values_are_checked(web, body, status):
    response = web.api("clerk").post("/api/petitions/w-c/corrections", json=body)
    assert response.status_code == status, response.get_data(as_text=True)
    if status == 400:
        assert response.get_json()["error"]
        assert web.store.corrections("w-c") == []


def test_amount_correction_changes_the_sums(web):
    web.api("clerk").post("/api/petitions/w-c/corrections",
                          json={"field": "amounts", "value": [{"text": "6万元", "value": 60000}]})
    figures = web.api("manager").get("/api/dashboard?domain=land_compensation").get_json()
    assert figures["totals"] == {"count": 1, "amount": 60000}


# -- dashboard ------------------------------------------------------------------------------------------

def test_dashboard_figures(web):
    figures = web.api("manager").get("/api/dashboard").get_json()
    assert figures["totals"] == {"count": 6, "amount": 108000}
    by_domain = {r["domain"]: (r["count"], r["amount"]) for r in figures["by_domain"]}
    assert by_domain["social_assistance"] == (3, 28000)
    by_township = {r["township"]: r["count"] for r in figures["by_township"]}
    assert by_township == {"城关镇": 3, "枫林乡": 1, "": 2}
    by_month = {r["month"]: r["count"] for r in figures["by_month"]}
    assert by_month == {"2026-03": 1, "2026-05": 1, "2026-08": 2, "2026-09": 2}
    deadlines = {r["unit"]: r for r in figures["deadlines"]}
    assert deadlines["qs.tc.chengguan"]["soon"] == 1  # w-b: due 2026-10-04
    assert deadlines["qs.tc.fenglin"]["overdue"] == 1 and deadlines["qs.tc.fenglin"]["accept_overdue"] == 1
    silent = {r["unit"] for r in figures["silent_units"]}
    assert {"qs.tc.fenglin", "qs.group1", "qs.tc.nanling"} <= silent and "qs.tc.chengguan" not in silent
    rising = figures["trend"]["rising"]
    assert (rising[0]["township"], rising[0]["domain"]) == ("城关镇", "social_assistance")
    assert rising[0]["recent"] == 2 and rising[0]["previous"] == 0


def test_every_dashboard_figure_clicks_through_to_its_items(web):
    manager = web.api("manager")
    figures = manager.get("/api/dashboard?since=2026-04-01").get_json()
    checked = 0
    for group in ("by_domain", "by_unit", "by_township", "by_month"):
        for row in figures[group]:
            query = "&".join(f"{k}={v}" for k, v in row["filters"].items())
            assert manager.get(f"/api/petitions?{query}").get_json()["total"] == row["count"], (group, row)
            checked += 1
    for row in figures["deadlines"]:
        for due in ("overdue", "soon", "accept_overdue"):
            query = "&".join(f"{k}={v}" for k, v in (row["filters"] | {"due": due}).items())
            assert manager.get(f"/api/petitions?{query}").get_json()["total"] == row[due]
    assert checked >= 10
    assert figures["totals"]["count"] == 5  # w-d (March) is before the period


def test_dashboard_filters_by_domain_and_period(web):
    figures = web.api("manager").get("/api/dashboard?domain=social_assistance&since=2026-08-01&until=2026-09-30")
    figures = figures.get_json()
    assert figures["totals"] == {"count": 2, "amount": 28000}
    assert {r["unit"] for r in figures["by_unit"]} == {"qs.tc.chengguan"}


# -- exports --------------------------------------------------------------------------------------------

def test_export_csv_and_xlsx(web):
    from openpyxl import load_workbook

    web.store.add_petition(Petition("w-g", "=HYPERLINK(\"http://x\") 城关镇村干部冒领低保。", "letter",
                                    date(2026, 9, 2)))
    web.store.save_result(build_result("w-g", "2026-09-02", "=HYPERLINK(\"http://x\") 城关镇村干部冒领低保。",
                                       "social_assistance", "qs.tc.chengguan", "place", False, [], [], []))
    web.service.index_ids(["w-g"])
    api = web.api("investigator")
    rows = list(csv.reader(io.StringIO(api.get("/api/search/export?format=csv&q=低保").get_data().decode("utf-8-sig"))))
    assert rows[0][0] == "编号"
    assert {r[0] for r in rows[1:]} >= {"w-a", "w-d", "w-g"}
    assert all(not cell.startswith("=") for row in rows for cell in row)
    book = load_workbook(io.BytesIO(api.get("/api/search/export?format=xlsx&q=低保").get_data()))
    sheet = book.active
    assert [c.value for c in sheet[1]][:3] == ["编号", "收件日期", "问题领域"]
    assert sheet.max_row == len(rows)
    assert web.store.audit_entries(action="export", user="investigator")
    assert api.get("/api/search/export?format=pdf").status_code == 400


# -- intake and upload ----------------------------------------------------------------------------------

def test_upload_stores_triages_and_reports_failures(web):
    data = (json.dumps({"id": "up-1", "text": "白石镇青龙村村主任侵占集体土地租金。"}, ensure_ascii=False) + "\n"
            + "not json\n").encode()
    response = web.api("clerk").post("/api/uploads", data={"file": (io.BytesIO(data), "batch.jsonl")},
                                     content_type="multipart/form-data")
    summary = response.get_json()
    assert response.status_code == 201
    assert summary["stored"] == 1 and summary["triaged"] == 1 and len(summary["failed"]) == 1
    assert web.store.get_record("up-1")["result"] is not None
    again = web.api("clerk").post("/api/uploads", data={"file": (io.BytesIO(data), "batch.jsonl")},
                                  content_type="multipart/form-data").get_json()
    assert again["stored"] == 0 and again["duplicates"] == 1


INTAKE_ERRORS = [
    {"text": "   "},
    {"text": "有人冒领低保", "channel": "pigeon"},
    {"text": "有人冒领低保", "received_at": "yesterday"},
]


@pytest.mark.parametrize("body", INTAKE_ERRORS)
def test_intake_rejects_bad_input(web, body):
    response = web.api("clerk").post("/api/petitions", json=body)
    assert response.status_code == 400 and response.get_json()["error"]


# -- sessions, CSRF, headers, escaping, login limits ----------------------------------------------------

def test_session_api_post_needs_the_csrf_header(web):
    client = web.login("clerk")
    assert client.post("/api/petitions/w-b/corrections", json={"field": "accept"}).status_code == 400
    token = csrf_of(client.get("/review"))
    response = client.post("/api/petitions/w-b/corrections", json={"field": "accept"},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 201
    other = web.login("admin")
    assert other.post("/api/petitions/w-b/corrections", json={"field": "accept"},
                      headers={"X-CSRF-Token": token}).status_code == 400


def test_login_form_needs_csrf_and_sets_safe_cookie(web):
    client = web.app.test_client()
    assert client.post("/login", data={"name": "clerk", "password": PASSWORD}).status_code == 400
    token = csrf_of(client.get("/login"))
    response = client.post("/login", data={"name": "clerk", "password": PASSWORD, "csrf_token": token})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/api/me").get_json()["name"] == "clerk"


def test_security_headers(web):
    response = web.app.test_client().get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_login_is_rate_limited_and_audited(web):
    client = web.app.test_client()
    token = csrf_of(client.get("/login"))
    for _ in range(5):
        response = client.post("/login", data={"name": "clerk", "password": "wrong", "csrf_token": token})
        assert response.status_code == 401
    response = client.post("/login", data={"name": "clerk", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 429
    assert len(web.store.audit_entries(action="login_failed", user="clerk")) == 5
    assert web.store.audit_entries(action="login_blocked", user="clerk")
    web.login("manager")  # another user from the same address is not blocked
    assert web.store.audit_entries(action="login", user="manager")


def test_login_does_not_redirect_off_site(web):
    client = web.app.test_client()
    token = csrf_of(client.get("/login"))
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post(f"/login?next={target}", data={"name": "clerk", "password": PASSWORD,
                                                              "csrf_token": token})
        assert response.headers["Location"] in ("/", "http://localhost/")
        token = csrf_of(client.get("/login"))


def test_script_in_a_petition_is_escaped(web):
    for role in ("clerk", "investigator"):
        client = web.login(role)
        page = client.get("/petitions/w-f").get_data(as_text=True)
        assert "<script>alert" not in page and "&lt;script&gt;" in page
        assert "<img src=x" not in page and "<b>问题</b>" not in page
        results = client.get("/search?q=问题").get_data(as_text=True)
        assert "<script>alert" not in results and "<b>" not in results
    queue = web.login("clerk").get("/review").get_data(as_text=True)
    assert "<img src=x" not in queue and "<script>alert" not in queue


def test_audit_log_is_listed_and_verified(web):
    web.api("investigator").get("/api/petitions/w-a")
    audit = web.api("admin").get("/api/audit").get_json()
    assert audit["intact"] is True
    assert any(e["action"] == "view" and e["user"] == "investigator" for e in audit["entries"])
    web.api("investigator").get("/api/search?q=低保")
    searches = web.api("admin").get("/api/audit?action=search").get_json()["entries"]
    assert searches[0]["user"] == "investigator" and searches[0]["detail"]["text"] == "低保"


def test_secret_key_is_kept_in_the_data_dir(settings, service):
    from web import create_app

    first = create_app(settings, service).config["SECRET_KEY"]
    assert (settings.data_dir / "secret_key").read_text().strip() == first
    assert create_app(settings, service).config["SECRET_KEY"] == first


def test_cookie_secure_setting_sets_the_secure_flag(settings, service):
    from triage.errors import ConfigError
    from triage.settings import load_settings
    from web import create_app

    assert load_settings(environ={"TRIAGE_COOKIE_SECURE": "1"}).cookie_secure is True
    assert load_settings(environ={"TRIAGE_COOKIE_SECURE": "no"}).cookie_secure is False
    with pytest.raises(ConfigError, match="TRIAGE_COOKIE_SECURE"):
        load_settings(environ={"TRIAGE_COOKIE_SECURE": "maybe"})
    seed(service)
    app = create_app(settings.with_overrides(cookie_secure=True), service, today=TODAY)
    client = app.test_client()
    token = csrf_of(client.get("/login"))
    response = client.post("/login", data={"name": "clerk", "password": PASSWORD, "csrf_token": token})
    assert "Secure" in response.headers["Set-Cookie"]
    assert create_app(settings, service).config["SESSION_COOKIE_SECURE"] is False
