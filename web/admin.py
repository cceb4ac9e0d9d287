"""The administrator's pages: the audit log (with the check of its hash chain) and the users."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, render_template, request

from web.access import remote_address, require

bp = Blueprint("admin", __name__)


@bp.route("/admin/audit")
@require("audit")
def audit() -> Any:
    ctx = current_app.extensions["triage"]
    action = request.args.get("action") or None
    who = request.args.get("user") or None
    entries = ctx.store.audit_entries(limit=500, user=who, action=action)
    intact, broken_at = ctx.store.verify_audit()
    ctx.store.audit("audit_view", user=g.user["name"], remote=remote_address())
    return render_template("audit.html", entries=entries, intact=intact, broken_at=broken_at,
                           action=action or "", who=who or "")


@bp.route("/admin/users")
@require("audit")
def users() -> Any:
    ctx = current_app.extensions["triage"]
    return render_template("users.html", users=ctx.store.list_users())
