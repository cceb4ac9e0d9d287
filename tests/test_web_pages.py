"""The pages through the Flask test client, as each role uses them (data and fixtures: test_web_api)."""

from __future__ import annotations

import html
import io
import json
import re

import pytest
from test_web_api import PASSWORD, csrf_of, web  # noqa: F401  (web is a fixture)

HOMES = [("clerk", "/review"), ("investigator", "/search"), ("manager", "/dashboard"), ("admin", "/review")]
# (page, roles that may open it)
PAGES = [
    ("/review", {"clerk", "admin"}),
    ("/review/intake", {"clerk", "admin"}),
    ("/review/upload", {"clerk", "admin"}),
    ("/search?q=低保", {"clerk", "investigator", "manager", "admin"}),
    ("/persons?name=张建国", {"clerk", "investigator", "manager", "admin"}),
    ("/petitions/w-a", {"clerk", "investigator", "manager", "admin"}),
    ("/items?domain=social_assistance", {"clerk", "investigator", "manager", "admin"}),
    ("/search/export?format=csv&q=低保", {"investigator", "manager", "admin"}),
    ("/dashboard", {"manager", "admin"}),
    ("/admin/audit", {"admin"}),
    ("/admin/users", {"admin"}),
]


def text_of(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("role,home", HOMES)
def test_home_sends_each_role_to_its_area(web, role, home):  # noqa: F811
    client = web.login(role)
    assert client.get("/").headers["Location"].endswith(home)
    assert client.get(home).status_code == 200


@pytest.mark.parametrize("role", ["clerk", "investigator", "manager", "admin"])
def test_pages_open_for_the_roles_that_may_see_them(web, role):  # noqa: F811
    client = web.login(role)
    for page, roles in PAGES:
        response = client.get(page)
        if role in roles:
            assert response.status_code == 200, page
        else:
            assert response.status_code == 403, page
            assert "无权访问" in text_of(response)


def test_pages_need_a_login(web):  # noqa: F811
    client = web.app.test_client()
    for page, _ in PAGES:
        response = client.get(page)
        assert response.status_code == 302 and "/login" in response.headers["Location"], page


def test_navigation_shows_only_what_the_role_may_use(web):  # noqa: F811
    investigator = text_of(web.login("investigator").get("/search"))
    assert 'id="nav-search"' in investigator and 'id="nav-queue"' not in investigator
    assert 'id="nav-dashboard"' not in investigator and 'id="nav-audit"' not in investigator
    clerk = text_of(web.login("clerk").get("/review"))
    assert 'id="nav-queue"' in clerk and 'id="nav-dashboard"' not in clerk


def test_queue_lists_new_items_and_flags_review(web):  # noqa: F811
    page = text_of(web.login("clerk").get("/review?order=urgent"))
    ids = re.findall(r'data-id="([^"]+)"', page)
    assert set(ids) == {"w-a", "w-b", "w-c", "w-d", "w-e", "w-f"}
    assert ids[0] == "w-d"  # the earliest conclusion deadline first
    flagged = re.findall(r'<tr class="needs-review" data-id="([^"]+)"', page)
    assert set(flagged) == {"w-c", "w-f"}
    only_flagged = text_of(web.login("clerk").get("/review?review=1"))
    assert set(re.findall(r'data-id="([^"]+)"', only_flagged)) == {"w-c", "w-f"}


def test_petition_page_highlights_what_was_found(web):  # noqa: F811
    page = text_of(web.login("clerk").get("/petitions/w-a"))
    assert re.search(r'<mark class="ent-accused"[^>]*>张建国</mark>', page)
    assert re.search(r'<mark class="ent-petitioner"[^>]*>王小明</mark>', page)
    assert re.search(r'<mark class="ent-amount"[^>]*>2万元</mark>', page)
    assert re.search(r'<mark class="ent-place"[^>]*>城关镇桃园村</mark>', page)
    assert "城关镇纪委" in page and "测试分办理由" in page
    masked = text_of(web.login("manager").get("/petitions/w-a"))
    assert "王小明" not in masked and "13812345678" not in masked
    assert re.search(r'<mark class="ent-petitioner"[^>]*>某某</mark>', masked)
    assert 'id="masked-note"' in masked and 'id="correct"' not in masked


def correct_form(client, pid, data):
    token = csrf_of(client.get(f"/petitions/{pid}"))
    return client.post(f"/petitions/{pid}/correct", data=data | {"csrf_token": token})


def test_clerk_corrects_the_route_and_it_sticks(web):  # noqa: F811
    client = web.login("clerk")
    response = correct_form(client, "w-c", {"field": "unit", "value": "qs.office1", "remark": "乡镇干部"})
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert re.search(r'id="route-unit">县纪委监委第一监督检查室<', page)
    assert 'id="route-corrected"' in page
    row = re.search(r'<tbody>\s*<tr><td>[^<]+</td><td>clerk</td><td>承办单位</td>'
                    r'\s*<td class="original">([^<]+)</td><td class="corrected-value">([^<]+)</td>'
                    r'<td>乡镇干部</td>', page)
    assert row and row.groups() == ("枫林乡纪委", "县纪委监委第一监督检查室")
    assert text_of(client.get("/petitions/w-c")).count('id="route-corrected"') == 1


def test_clerk_corrects_persons_and_amounts_by_form(web):  # noqa: F811
    client = web.login("clerk")
    correct_form(client, "w-c", {"field": "persons", "persons-0-name": "李华", "persons-0-role": "村委会主任",
                                 "persons-0-level": "village", "persons-0-party": "accused",
                                 "persons-new-name": "钱多", "persons-new-role": "村会计",
                                 "persons-new-level": "village", "persons-new-party": "accused"})
    correct_form(client, "w-c", {"field": "amounts", "amounts-0-text": "5万元", "amounts-0-value": "50000",
                                 "amounts-0-delete": "1", "amounts-new-text": "4.5万元", "amounts-new-value": "45000"})
    record = web.store.get_record("w-c")["result"]
    assert [(p["name"], p["role"]) for p in record["persons"]] == [("李华", "村委会主任"), ("钱多", "村会计")]
    assert record["persons"][0]["mentions"]  # kept from the original
    assert [a["value"] for a in record["amounts"]] == [45000]
    bad = correct_form(client, "w-c", {"field": "amounts", "amounts-new-value": "很多"})
    assert bad.status_code == 400 and "not a number" in text_of(bad)


def test_accept_marks_the_item_reviewed(web):  # noqa: F811
    client = web.login("clerk")
    correct_form(client, "w-b", {"field": "accept", "remark": "同意"})
    assert web.store.get_record("w-b")["status"] == "reviewed"
    assert "w-b" not in re.findall(r'data-id="([^"]+)"', text_of(client.get("/review")))


def test_visit_registration_form(web):  # noqa: F811
    client = web.login("clerk")
    token = csrf_of(client.get("/review/intake"))
    response = client.post("/review/intake", data={
        "csrf_token": token, "channel": "phone", "received_at": "2026-09-30",
        "text": "来电反映云溪乡竹园村村支书吴明把低保名额给了自己的亲戚。", "contact_name": "郑某某",
        "contact_phone": "13700002222"})
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert 'id="registered"' in page and "13700002222" in page and "来电" in page
    empty = client.post("/review/intake", data={"csrf_token": token, "text": " "})
    assert empty.status_code == 400 and 'id="intake-error"' in text_of(empty)


def test_upload_form_shows_a_summary(web):  # noqa: F811
    client = web.login("clerk")
    token = csrf_of(client.get("/review/upload"))
    data = (json.dumps({"id": "up-p", "text": "南岭镇长岗村村会计挪用集体资金。"}, ensure_ascii=False) + "\n").encode()
    response = client.post("/review/upload", data={"csrf_token": token, "file": (io.BytesIO(data), "a.jsonl")},
                           content_type="multipart/form-data")
    page = text_of(response)
    assert response.status_code == 200 and re.search(r'id="stored">1<', page)
    assert web.store.get_record("up-p")["result"] is not None


def test_search_page_with_facets_highlights_and_exports(web):  # noqa: F811
    page = text_of(web.login("investigator").get("/search?q=张建国"))
    assert re.search(r'id="search-total">共 2 件', page)
    assert "<em>张建国</em>" in page
    assert 'class="facet"' in page and "城关镇纪委" in page
    assert 'id="export-xlsx"' in page
    clerk_page = text_of(web.login("clerk").get("/search?q=张建国"))
    assert 'id="export-csv"' not in clerk_page
    facet = re.search(r'href="([^"]+)" class="facet">低保与社会救助', page)
    narrowed = text_of(web.login("investigator").get(html.unescape(facet.group(1))))
    assert re.search(r'id="search-total">共 1 件', narrowed)


def test_person_page_shows_a_timeline(web):  # noqa: F811
    page = text_of(web.login("investigator").get("/persons?name=张建国"))
    assert re.findall(r'class="person-petition">([^<]+)<', page) == ["w-b", "w-a"]
    assert "5.00 万元" in page and "村支书" in page


def test_dashboard_charts_link_to_their_items(web):  # noqa: F811
    client = web.login("manager")
    page = text_of(client.get("/dashboard?since=2026-01-01"))
    assert page.count("<svg") >= 5
    links = {html.unescape(h) for h in re.findall(r'href="(/items\?[^"]*)"', page)}
    assert any("due=overdue" in link for link in links) and any("due=soon" in link for link in links)
    assert any("township=" in link for link in links) and any("month=" in link for link in links)
    charted = {html.unescape(h) for svg in re.findall(r"<svg.*?</svg>", page, re.S)
               for h in re.findall(r'href="([^"]+)"', svg)}
    assert len(charted) >= 10
    for link in links:
        listed = client.get(link)
        assert listed.status_code == 200, link
        total = int(re.search(r'id="items-total">共 (\d+) 件', text_of(listed)).group(1))
        assert total > 0 or link not in charted, link


def test_dashboard_filter_by_domain(web):  # noqa: F811
    page = text_of(web.login("manager").get("/dashboard?domain=land_compensation"))
    assert re.search(r'id="total-link"><strong>1</strong> 件', page)


def test_admin_sees_the_audit_log(web):  # noqa: F811
    web.login("investigator").get("/petitions/w-a")
    page = text_of(web.login("admin").get("/admin/audit?user=investigator"))
    assert "哈希链校验通过" in page and "view" in page and "w-a" in page


def test_logout_needs_csrf_and_ends_the_session(web):  # noqa: F811
    client = web.login("clerk")
    assert client.post("/logout").status_code == 400
    token = csrf_of(client.get("/review"))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/review").status_code == 302


def test_changed_password_ends_other_sessions(web):  # noqa: F811
    from werkzeug.security import generate_password_hash

    client = web.login("clerk")
    web.store.add_user("clerk", "clerk", generate_password_hash("another-password"))
    assert client.get("/review").status_code == 302
    assert PASSWORD  # the old password no longer logs in
