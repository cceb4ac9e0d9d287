"""The OpenAPI 3 document of /api/, written by hand next to the routes; ``x-roles`` of each operation is
filled from the permission its view requires, and a test checks every route is described here."""

from __future__ import annotations

from typing import Any

from web.access import PERMISSIONS

_LIST_FILTERS = [
    ("status", "pending | new | reviewed"), ("review", "1: only items needing a clerk's review"),
    ("unit", "current unit id"), ("domain", "primary domain code"), ("kind", "kind code"),
    ("township", "a township the petition names ('' for none)"), ("month", "YYYY-MM of receipt"),
    ("since", "received on or after (YYYY-MM-DD)"), ("until", "received on or before (YYYY-MM-DD)"),
    ("rule", "routing rule code"), ("channel", "letter | visit | web | phone"),
    ("due", "overdue | soon | accept_overdue (deadlines)"),
    ("order", "newest | oldest | urgent | amount"), ("limit", "at most 200"), ("offset", "skip this many"),
]
_SEARCH_PARAMS = [
    ("q", "free text: Chinese words, names; all parts must match"), ("domain", "primary domain code"),
    ("kind", "kind code"), ("unit", "unit id"), ("township", "township"), ("village", "village"),
    ("person", "a named person (never the petitioner)"), ("level", "level of an accused person"),
    ("min_amount", "smallest amount named, yuan"), ("max_amount", "largest amount named, yuan"),
    ("since", "YYYY-MM-DD"), ("until", "YYYY-MM-DD"), ("status", "petition status"),
    ("sort", "relevance | date"), ("limit", "at most 100"), ("offset", "skip this many"),
]


def _params(pairs: list[tuple[str, str]], where: str = "query") -> list[dict[str, Any]]:
    return [{"name": n, "in": where, "required": False, "schema": {"type": "string"}, "description": d}
            for n, d in pairs]


def _ok(description: str, schema: str = "Object", content: str = "application/json") -> dict[str, Any]:
    return {"description": description, "content": {content: {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


_ID = [{"name": "petition_id", "in": "path", "required": True, "schema": {"type": "string"}}]
_ERRORS = {"401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}

PATHS: dict[str, dict[str, dict[str, Any]]] = {
    "/api/me": {"get": {"summary": "The user of this request, their role, unit and permissions",
                        "view": "api.me", "responses": {"200": _ok("the user")}}},
    "/api/process": {"post": {
        "summary": "Triage one petition (CONTRACT.md's input object) and answer CONTRACT.md's output; nothing stored",
        "view": "api.process",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Petition"}}}},
        "responses": {"200": _ok("CONTRACT.md's output object"), "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/petitions": {
        "get": {"summary": "Triaged petitions (the review queue and every dashboard click-through)",
                "view": "api.petitions", "parameters": _params(_LIST_FILTERS),
                "responses": {"200": _ok("{total, items}")}},
        "post": {"summary": "Register a visit or a phone call (来访/来电登记): stored, triaged, indexed",
                 "view": "api.intake",
                 "requestBody": {"required": True, "content": {"application/json": {"schema": {
                     "$ref": "#/components/schemas/Intake"}}}},
                 "responses": {"201": _ok("{id, summary}")}},
    },
    "/api/petitions/{petition_id}": {"get": {
        "summary": "One petition with its current result, corrections and history (petitioner masked for "
                   "roles without the identity right)",
        "view": "api.petition", "parameters": _ID, "responses": {"200": _ok("the record"),
                                                                   "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/petitions/{petition_id}/corrections": {"post": {
        "summary": "Correct kind, primary_domain, unit, persons (whole list), amounts (whole list) or accept",
        "view": "api.correct", "parameters": _ID,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Correction"}}}},
        "responses": {"201": _ok("the current record"), "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/petitions/{petition_id}/related": {"get": {
        "summary": "Linked and repeated petitions (same accused at the same place, near-duplicates)",
        "view": "api.related", "parameters": _ID, "responses": {"200": _ok("{id, related}")}}},
    "/api/uploads": {"post": {
        "summary": "Upload a batch file (JSONL, CSV, XLSX, DOCX, PDF, image, text)", "view": "api.upload",
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"},
                           "channel": {"type": "string", "enum": ["letter", "visit", "web", "phone"]}}}}}},
        "responses": {"201": _ok("{stored, duplicates, triaged, failed}")}}},
    "/api/search": {"get": {"summary": "Full-text search with filters and facets", "view": "api.search",
                            "parameters": _params(_SEARCH_PARAMS),
                            "responses": {"200": _ok("{total, hits, facets}")}}},
    "/api/search/export": {"get": {
        "summary": "The hits of a search as CSV or XLSX", "view": "api.export",
        "parameters": _params(_SEARCH_PARAMS + [("format", "csv | xlsx")]),
        "responses": {"200": {"description": "the file", "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {"type": "string", "format": "binary"}}}}}}},
    "/api/persons": {"get": {
        "summary": "A person's page: every petition naming them, roles, sums, timeline", "view": "api.person",
        "parameters": [{"name": "name", "in": "query", "required": True, "schema": {"type": "string"}}]
        + _params([("place", "township or village")]), "responses": {"200": _ok("the person record")}}},
    "/api/dashboard": {"get": {
        "summary": "Dashboard figures: by domain, unit, township, month; deadlines; silent units; trends",
        "view": "api.dashboard",
        "parameters": _params([("since", "YYYY-MM-DD"), ("until", "YYYY-MM-DD"), ("domain", "domain code"),
                               ("silent_days", "days without items that make a unit silent (90)")]),
        "responses": {"200": _ok("the figures")}}},
    "/api/audit": {"get": {"summary": "The audit log and the check of its hash chain", "view": "api.audit",
                           "parameters": _params([("user", "user name"), ("action", "action"),
                                                  ("limit", "at most 1000")]),
                           "responses": {"200": _ok("{intact, broken_at, entries}")}}},
    "/api/users": {"get": {"summary": "The users", "view": "api.users", "responses": {"200": _ok("{users}")}}},
}


def openapi_document(app: Any) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, operations in PATHS.items():
        paths[path] = {}
        for method, spec in operations.items():
            operation = {k: v for k, v in spec.items() if k != "view"}
            permission = getattr(app.view_functions[spec["view"]], "permission", None)
            operation["operationId"] = spec["view"].replace(".", "_") + ("_" + method if method != "get" else "")
            operation["x-permission"] = permission
            operation["x-roles"] = list(PERMISSIONS.get(permission, ()))
            operation["responses"] = {**operation["responses"], **_ERRORS}
            paths[path][method] = operation
    return {
        "openapi": "3.0.3",
        "info": {"title": "信访举报智能分办 API", "version": "1",
                 "description": "Petition triage. Authenticate with the session cookie (send X-CSRF-Token on "
                                "POST) or an API token: Authorization: Bearer <token> (triage user token NAME)."},
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "triage_session"},
            },
            "responses": {"Error": {"description": "an error", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Error"}}}}},
            "schemas": {
                "Object": {"type": "object"},
                "Error": {"type": "object", "properties": {"error": {"type": "string"},
                                                           "status": {"type": "integer"}}},
                "Intake": {"type": "object", "required": ["text"], "properties": {
                    "text": {"type": "string"},
                    "channel": {"type": "string", "enum": ["visit", "phone", "letter", "web"]},
                    "received_at": {"type": "string", "format": "date"}, "title": {"type": "string"},
                    "contact_name": {"type": "string"}, "contact_phone": {"type": "string"},
                    "contact_id_number": {"type": "string"}, "contact_address": {"type": "string"}}},
                "Petition": {"type": "object", "required": ["id", "text"], "properties": {
                    "id": {"type": "string"}, "text": {"type": "string"}, "title": {"type": "string"},
                    "channel": {"type": "string", "enum": ["letter", "visit", "web", "phone"]},
                    "received_at": {"type": "string", "format": "date"}}},
                "Correction": {"type": "object", "required": ["field"], "properties": {
                    "field": {"type": "string",
                              "enum": ["kind", "primary_domain", "unit", "persons", "amounts", "accept"]},
                    "value": {}, "remark": {"type": "string"}}},
            },
        },
    }
