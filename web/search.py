"""The investigator's area: search with filters and facets, petition and person pages, linked petitions,
exports, and the item lists every dashboard figure clicks through to."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Blueprint, Response, current_app, g, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from triage.errors import InputError
from web.access import can, remote_address, require
from web.operations import (
    export_rows,
    list_items,
    parse_list_filters,
    parse_search_query,
    person_view,
    read_petition,
    related_view,
    rows_to_csv,
    rows_to_xlsx,
)

bp = Blueprint("search", __name__)
FACET_TITLES = {"domain": "问题领域", "unit": "承办单位", "township": "乡镇", "kind": "件类", "month": "月份"}
LIST_ORDERS = {"newest": "最新收件", "urgent": "期限最近", "amount": "金额最大"}


@bp.route("/search")
@require("read")
def search_page() -> Any:
    ctx = current_app.extensions["triage"]
    result, error = None, None
    query = parse_search_query(request.args)
    searched = any(v for k, v in request.args.items() if k not in ("sort", "limit", "offset"))
    if searched:
        try:
            result = _search(ctx, query)
        except HTTPException as exc:
            error = exc.description
    args = {k: v for k, v in request.args.items() if v and k != "offset"}
    return render_template("search.html", result=result, query=query, args=args, searched=searched,
                           error=error, facet_titles=FACET_TITLES, units=ctx.office.units,
                           facet_url=lambda name, value: facet_url(args, name, value))


def facet_url(args: dict[str, str], name: str, value: str) -> str:
    """The search narrowed to one facet value (a month facet becomes a since/until range)."""
    if name == "month":
        year, month = int(value[:4]), int(value[5:7])
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()
        narrowed = {"since": f"{value}-01", "until": last}
    else:
        narrowed = {name: value}
    return url_for("search.search_page", **(args | narrowed))


def _search(ctx: Any, query: Any) -> Any:
    from web.operations import search_petitions

    return search_petitions(ctx, g.user, query, remote_address())


@bp.route("/search/export")
@require("export")
def export() -> Any:
    ctx = current_app.extensions["triage"]
    fmt = request.args.get("format") or "csv"
    if fmt not in ("csv", "xlsx"):
        raise InputError(f"unknown export format {fmt!r}; valid: csv, xlsx")
    rows = export_rows(ctx, g.user, parse_search_query(request.args), remote_address())
    if fmt == "csv":
        return Response(rows_to_csv(rows), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=petitions.csv"})
    return Response(rows_to_xlsx(rows),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=petitions.xlsx"})


@bp.route("/petitions/<petition_id>")
@require("read")
def petition(petition_id: str) -> Any:
    ctx = current_app.extensions["triage"]
    record = read_petition(ctx, g.user, petition_id, remote_address())
    related, related_error = [], None
    if ctx.index is not None:
        try:
            related = related_view(ctx, g.user, petition_id, remote_address())
        except HTTPException as exc:
            related_error = exc.description
    original = record["history"][-1]["result"] if record.get("history") else None
    return render_template(
        "petition.html", record=record, result=record.get("result") or {}, original=original,
        related=related, related_error=related_error, editable=can(g.user, "review"),
        units=ctx.office.units, taxonomy=ctx.taxonomy, levels=_levels(ctx), saved=request.args.get("saved"),
    )


def _levels(ctx: Any) -> list[tuple[str, str]]:
    from web.operations import LEVELS

    return [(code, ctx.labels.level(code)) for code in LEVELS]


@bp.route("/persons")
@require("read")
def person() -> Any:
    ctx = current_app.extensions["triage"]
    name = request.args.get("name") or ""
    place = request.args.get("place") or None
    record = person_view(ctx, g.user, name, place, remote_address()) if name.strip() else None
    return render_template("person.html", record=record, name=name, place=place or "")


@bp.route("/items")
@require("read")
def items() -> Any:
    ctx = current_app.extensions["triage"]
    filters = parse_list_filters(request.args)
    order = request.args.get("order") if request.args.get("order") in LIST_ORDERS else "newest"
    page = int(request.args["page"]) if (request.args.get("page") or "").isdigit() else 1
    page = max(1, page)
    total, rows = list_items(ctx, g.user, filters, order=order, limit=50, offset=(page - 1) * 50)
    return render_template("items.html", rows=rows, total=total, filters=filters, order=order,
                           orders=LIST_ORDERS, page=page, args={k: v for k, v in request.args.items() if k != "page"})
