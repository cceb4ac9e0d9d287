"""The web app (信访举报智能分办): ``create_app(settings, service=None)``.

One blueprint per area: auth (login), review (the clerk's queue, corrections, intake, uploads), search
(the investigator's search, petition and person pages, exports, item lists), dashboard (the manager's
figures), admin (audit log, users) and api (JSON under /api/, OpenAPI at /api/openapi.json). Every asset
is served from the package; pages carry no inline script (see web.access for the security headers).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from triage.errors import InputError, TriageError
from triage.settings import Settings

MAX_UPLOAD_BYTES = 64 * 1024 * 1024


def create_app(settings: Settings, service: Any = None, *, today: date | None = None) -> Flask:
    """The Flask app over ``service`` (built from ``settings`` when None: store, lazy pipeline, index).
    ``today`` fixes the date deadlines are measured against (tests); the real date when None."""
    from triage.routing import load_office
    from triage.taxonomy import default_taxonomy
    from web import access, admin, api, auth, dashboard, review, search
    from web.display import Labels, format_yuan, highlighted_text, safe_highlight
    from web.operations import WebContext

    if service is None:
        from triage.cli import build_service

        service = build_service(settings)
    office = load_office(settings.units_file)
    taxonomy = default_taxonomy()
    labels = Labels(taxonomy, {u.id: u.name for u in office.units}, office.name)

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=access.load_secret_key(settings.secret_key, settings.data_dir),
        SESSION_COOKIE_NAME="triage_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["triage"] = WebContext(settings=settings, service=service, office=office, taxonomy=taxonomy,
                                          labels=labels, today=today)
    for blueprint in (auth.bp, review.bp, search.bp, dashboard.bp, admin.bp, api.bp):
        app.register_blueprint(blueprint)

    @app.before_request
    def authenticate() -> None:
        access.load_user(app.extensions["triage"].store)
        access.check_csrf()

    app.after_request(access.set_security_headers)
    app.jinja_env.filters["combine"] = lambda left, right: {**left, **right}

    @app.context_processor
    def template_globals() -> dict[str, Any]:
        return {
            "user": g.get("user"),
            "can": lambda permission: access.can(g.get("user"), permission),
            "csrf_token": access.csrf_token,
            "labels": labels,
            "role_labels": access.ROLE_LABELS,
            "office_name": office.name,
            "format_yuan": format_yuan,
            "highlighted_text": highlighted_text,
            "safe_highlight": safe_highlight,
        }

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        if _wants_json():
            return {"error": exc.description, "status": exc.code}, exc.code
        if exc.code == 401:
            return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
        return render_template("error.html", code=exc.code, message=exc.description), exc.code

    @app.errorhandler(InputError)
    def input_error(exc: InputError) -> Any:
        if _wants_json():
            return {"error": str(exc), "status": 400}, 400
        return render_template("error.html", code=400, message=str(exc)), 400

    @app.errorhandler(TriageError)
    def triage_error(exc: TriageError) -> Any:
        app.logger.warning("request failed: %s", type(exc).__name__)
        if _wants_json():
            return {"error": str(exc), "status": 500}, 500
        return render_template("error.html", code=500, message=str(exc)), 500

    return app


def _wants_json() -> bool:
    return request.path.startswith("/api/")
