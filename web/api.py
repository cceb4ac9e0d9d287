"""The JSON API under /api/: everything the pages do, for the session or an API token
(``Authorization: Bearer <token>``, made by ``triage user token NAME``). Session requests that change
something send the page's CSRF token in the ``X-CSRF-Token`` header. OpenAPI 3 at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, g, request
from werkzeug.exceptions import BadRequest

from triage.errors import InputError
from triage.service import parse_petition
from web.access import PERMISSIONS, remote_address, require
from web.operations import (
    correct_petition,
    dashboard_figures,
    export_rows,
    list_items,
    parse_list_filters,
    parse_search_query,
    person_view,
    read_and_close,
    read_petition,
    register_petition,
    related_view,
    rows_to_csv,
    rows_to_xlsx,
    search_petitions,
    upload_batch,
)

bp = Blueprint("api", __name__, url_prefix="/api")


def _ctx() -> Any:
    return current_app.extensions["triage"]


def _json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object")
    return body


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise InputError(f"{name} must be a whole number, not {raw!r}") from None


@bp.route("/me")
@require("read")
def me() -> Any:
    user = g.user
    return {"name": user["name"], "role": user["role"], "unit": user["unit"],
            "permissions": [p for p, roles in PERMISSIONS.items() if user["role"] in roles]}


@bp.route("/process", methods=["POST"])
@require("review")
def process() -> Any:
    """Triage one petition (CONTRACT.md's input object) and answer CONTRACT.md's output object; nothing is
    stored, indexed or audited as a petition (the caller holds the text already)."""
    ctx = _ctx()
    petition = parse_petition(_json_body(), ctx.settings.max_text_chars, where="request body")
    return ctx.service.pipeline.triage(petition).to_contract()


@bp.route("/petitions")
@require("read")
def petitions() -> Any:
    order = request.args.get("order") or "newest"
    limit, offset = _int_arg("limit", 50), _int_arg("offset", 0)
    total, rows = list_items(_ctx(), g.user, parse_list_filters(request.args), order=order, limit=limit,
                             offset=offset)
    return {"total": total, "items": rows}


@bp.route("/petitions", methods=["POST"])
@require("review")
def intake() -> Any:
    petition_id, summary = register_petition(_ctx(), g.user, _json_body(), remote_address())
    return {"id": petition_id, "summary": summary}, 201


@bp.route("/petitions/<petition_id>")
@require("read")
def petition(petition_id: str) -> Any:
    return read_petition(_ctx(), g.user, petition_id, remote_address())


@bp.route("/petitions/<petition_id>/corrections", methods=["POST"])
@require("review")
def correct(petition_id: str) -> Any:
    body = _json_body()
    if "field" not in body:
        raise InputError("a correction names a field (kind, primary_domain, unit, persons, amounts, accept)")
    record = correct_petition(_ctx(), g.user, petition_id, str(body["field"]), body.get("value"),
                              body.get("remark"), remote_address())
    return record, 201


@bp.route("/petitions/<petition_id>/related")
@require("read")
def related(petition_id: str) -> Any:
    return {"id": petition_id, "related": related_view(_ctx(), g.user, petition_id, remote_address())}


@bp.route("/uploads", methods=["POST"])
@require("review")
def upload() -> Any:
    file = request.files.get("file")
    if file is None or not file.filename:
        raise InputError("send the batch file as multipart field 'file'")
    summary = upload_batch(_ctx(), g.user, file.filename, read_and_close(file),
                           request.form.get("channel") or None,
                           remote_address())
    return summary, 201


@bp.route("/search")
@require("read")
def search() -> Any:
    result = search_petitions(_ctx(), g.user, parse_search_query(request.args), remote_address())
    return result.to_json()


@bp.route("/search/export")
@require("export")
def export() -> Any:
    fmt = request.args.get("format") or "csv"
    if fmt not in ("csv", "xlsx"):
        raise InputError(f"unknown export format {fmt!r}; valid: csv, xlsx")
    rows = export_rows(_ctx(), g.user, parse_search_query(request.args), remote_address())
    if fmt == "csv":
        return Response(rows_to_csv(rows), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=petitions.csv"})
    return Response(rows_to_xlsx(rows), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=petitions.xlsx"})


@bp.route("/persons")
@require("read")
def person() -> Any:
    return person_view(_ctx(), g.user, request.args.get("name") or "", request.args.get("place") or None,
                       remote_address())


@bp.route("/dashboard")
@require("dashboard")
def dashboard() -> Any:
    return dashboard_figures(_ctx(), g.user, request.args, remote_address())


@bp.route("/audit")
@require("audit")
def audit() -> Any:
    ctx = _ctx()
    entries = ctx.store.audit_entries(limit=min(_int_arg("limit", 200), 1000), user=request.args.get("user"),
                                      action=request.args.get("action"))
    intact, broken_at = ctx.store.verify_audit()
    return {"intact": intact, "broken_at": broken_at, "entries": entries}


@bp.route("/users")
@require("audit")
def users() -> Any:
    return {"users": _ctx().store.list_users()}


@bp.route("/openapi.json")
@require("read")
def openapi() -> Any:
    from web.openapi import openapi_document

    return openapi_document(current_app)
