"""Login and logout; the home page sends each role to its working area."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from web.access import HOME_BY_ROLE, remote_address, start_session

bp = Blueprint("auth", __name__)


@bp.route("/")
def home() -> Any:
    user = g.get("user")
    if user is None:
        return redirect(url_for("auth.login"))
    return redirect(url_for(HOME_BY_ROLE.get(user["role"], "search.search_page")))


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    ctx = current_app.extensions["triage"]
    error = None
    status = 200
    if request.method == "POST":
        name = (request.form.get("name") or "").strip()
        password = request.form.get("password") or ""
        error, status = check_login(ctx, name, password)
        if error is None:
            target = request.args.get("next") or ""
            return redirect(target if _local(target) else url_for("auth.home"))
    return render_template("login.html", error=error, next=request.args.get("next", "")), status


def check_login(ctx: Any, name: str, password: str) -> tuple[str | None, int]:
    """Log the user in (a fresh session) or say why not; rate-limited per user and address, audited."""
    remote = remote_address()
    if ctx.limiter.blocked(name, remote):
        ctx.store.audit("login_blocked", user=name or None, remote=remote)
        return "登录失败次数过多，请 5 分钟后再试", 429
    user = ctx.store.get_user(name) if name else None
    if user is None or not check_password_hash(user["password_hash"], password):
        ctx.limiter.record_failure(name, remote)
        ctx.store.audit("login_failed", user=name or None, remote=remote)
        return "用户名或密码错误", 401
    ctx.limiter.clear(name, remote)
    start_session(user)
    ctx.store.audit("login", user=user["name"], remote=remote)
    return None, 200


def _local(target: str) -> bool:
    """Only redirect after login to a path of this site (no open redirect)."""
    parts = urlsplit(target)
    return bool(target) and target.startswith("/") and not target.startswith("//") and not parts.netloc \
        and not parts.scheme and "\\" not in target


@bp.route("/logout", methods=["POST"])
def logout() -> Any:
    user = g.get("user")
    if user is not None:
        current_app.extensions["triage"].store.audit("logout", user=user["name"], remote=remote_address())
    session.clear()
    return redirect(url_for("auth.login"))
