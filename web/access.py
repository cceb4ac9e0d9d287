"""Who may do what: roles, the logged-in user (session or API token), CSRF tokens, login rate limiting,
the session signing key and the security headers of every response."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from flask import g, request, session
from werkzeug.exceptions import BadRequest, Forbidden, Unauthorized

ROLES = ("clerk", "investigator", "manager", "admin")
ROLE_LABELS = {"clerk": "信访室", "investigator": "监督检查室/纪检监察组", "manager": "领导", "admin": "系统管理员"}

# What each role may do. ``identity``: see the petitioner's name and phone/ID numbers (every such read
# is audited); the others see 某某. An investigator with a unit (users.unit) sees only that unit's items.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "read": ROLES,  # petition pages, search, persons, linked petitions, item lists
    "review": ("clerk", "admin"),  # review queue, corrections, intake forms, uploads
    "export": ("investigator", "manager", "admin"),  # CSV/XLSX export of search hits
    "dashboard": ("manager", "admin"),
    "identity": ("clerk", "admin"),
    "audit": ("admin",),  # the audit log and the users list
}
HOME_BY_ROLE = {"clerk": "review.queue", "investigator": "search.search_page", "manager": "dashboard.dashboard",
                "admin": "review.queue"}

LOGIN_MAX_FAILURES = 5
LOGIN_WINDOW_SECONDS = 300
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def can(user: dict[str, Any] | None, permission: str) -> bool:
    return user is not None and user.get("role") in PERMISSIONS[permission]


def unit_scope(user: dict[str, Any] | None) -> str | None:
    """The one unit whose items this user may read, or None for all units."""
    if user and user.get("role") == "investigator" and user.get("unit"):
        return str(user["unit"])
    return None


def require(permission: str) -> Callable:
    """View decorator: 401 without a user, 403 when the user's role lacks ``permission``."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = g.get("user")
            if user is None:
                raise Unauthorized("请先登录")
            if not can(user, permission):
                raise Forbidden("当前角色无权访问此功能")
            return view(*args, **kwargs)

        wrapped.permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorate


def load_user(store: Any) -> None:
    """Set g.user (the store's user row, without the password hash) and g.auth ('token' or 'session')."""
    g.user, g.auth = None, None
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        token = header[len("Bearer "):].strip()
        user = store.user_for_token(hashlib.sha256(token.encode("utf-8")).hexdigest()) if token else None
        if user is None:
            raise Unauthorized("无效的访问令牌")
        g.user, g.auth = _public(user), "token"
        return
    name = session.get("user")
    if name:
        user = store.get_user(name)
        if user is None or user.get("password_hash", "")[-16:] != session.get("pw"):
            session.clear()  # the user was removed or their password changed: log out
            return
        g.user, g.auth = _public(user), "session"


def _public(user: dict[str, Any]) -> dict[str, Any]:
    return {"name": user["name"], "role": user["role"], "unit": user.get("unit")}


def start_session(user: dict[str, Any]) -> None:
    """A fresh session for a user who just logged in (no fixation: the old session is dropped)."""
    session.clear()
    session["user"] = user["name"]
    session["pw"] = user["password_hash"][-16:]
    session["csrf"] = secrets.token_urlsafe(32)
    session.permanent = False


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Reject a state-changing request without this session's CSRF token (form field or header).
    Requests authenticated by an API token carry no cookie and need none."""
    if request.method in ("GET", "HEAD", "OPTIONS") or g.get("auth") == "token":
        return
    sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise BadRequest("CSRF 校验失败：请刷新页面后重试")


def remote_address() -> str | None:
    return request.remote_addr


class LoginLimiter:
    """At most ``max_failures`` failed logins per (user, address) in ``window`` seconds, in memory."""

    def __init__(self, max_failures: int = LOGIN_MAX_FAILURES, window: float = LOGIN_WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        cutoff = self.clock() - self.window
        while times and times[0] < cutoff:
            times.popleft()
        return times

    def blocked(self, name: str, address: str | None) -> bool:
        with self._lock:
            return len(self._recent((name.lower(), address or ""))) >= self.max_failures

    def record_failure(self, name: str, address: str | None) -> None:
        with self._lock:
            self._recent((name.lower(), address or "")).append(self.clock())

    def clear(self, name: str, address: str | None) -> None:
        with self._lock:
            self._failures.pop((name.lower(), address or ""), None)


def load_secret_key(secret_key: str | None, data_dir: Path) -> str:
    """The configured key, else a random key kept (owner-readable only) in ``data_dir/secret_key``."""
    if secret_key:
        return secret_key
    path = Path(data_dir) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key)
    return key


def set_security_headers(response: Any) -> Any:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if g.get("user") is not None:
        response.headers["Cache-Control"] = "no-store"
    return response
