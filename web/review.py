"""The clerk's area (信访室): the review queue, corrections, visit/phone registration and batch uploads."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from triage.errors import InputError
from web.access import remote_address, require
from web.operations import (
    correct_petition,
    list_items,
    parse_correction_form,
    read_and_close,
    read_petition,
    register_petition,
    upload_batch,
)

bp = Blueprint("review", __name__)
QUEUE_ORDERS = {"newest": "最新收件", "urgent": "期限最近"}


@bp.route("/review")
@require("review")
def queue() -> Any:
    ctx = current_app.extensions["triage"]
    order = request.args.get("order") if request.args.get("order") in QUEUE_ORDERS else "newest"
    flagged = request.args.get("review") == "1"
    status = request.args.get("status") or "new"
    page = max(1, int(request.args.get("page") or 1)) if (request.args.get("page") or "1").isdigit() else 1
    filters: dict[str, Any] = {"status": status if status != "all" else None}
    if flagged:
        filters["review"] = True
    total, rows = list_items(ctx, g.user, filters, order=order, limit=50, offset=(page - 1) * 50)
    return render_template("queue.html", rows=rows, total=total, order=order, orders=QUEUE_ORDERS,
                           flagged=flagged, status=status, page=page)


@bp.route("/petitions/<petition_id>/correct", methods=["POST"])
@require("review")
def correct(petition_id: str) -> Any:
    ctx = current_app.extensions["triage"]
    record = read_petition(ctx, g.user, petition_id, remote_address())
    field_name, value = parse_correction_form(request.form, record.get("result"))
    correct_petition(ctx, g.user, petition_id, field_name, value, request.form.get("remark"), remote_address())
    return redirect(url_for("search.petition", petition_id=petition_id, saved=field_name))


@bp.route("/review/intake", methods=["GET", "POST"])
@require("review")
def intake() -> Any:
    ctx = current_app.extensions["triage"]
    error = None
    if request.method == "POST":
        try:
            petition_id, _ = register_petition(ctx, g.user, request.form.to_dict(), remote_address())
        except InputError as exc:
            error = str(exc)
        else:
            return redirect(url_for("search.petition", petition_id=petition_id, registered=1))
    return render_template("intake.html", error=error, form=request.form, today=ctx.current_day().isoformat()), \
        (400 if error else 200)


@bp.route("/review/upload", methods=["GET", "POST"])
@require("review")
def upload() -> Any:
    ctx = current_app.extensions["triage"]
    summary, error = None, None
    if request.method == "POST":
        file = request.files.get("file")
        try:
            if file is None or not file.filename:
                raise InputError("请选择要上传的文件 (no file)")
            summary = upload_batch(ctx, g.user, file.filename, read_and_close(file),
                                   request.form.get("channel") or None,
                                   remote_address())
        except InputError as exc:
            error = str(exc)
    return render_template("upload.html", summary=summary, error=error), (400 if error else 200)
