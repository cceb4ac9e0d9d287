"""Schema-driven fuzzing of the JSON API: schemathesis reads /api/openapi.json from the real app (real store and
embedded index in tmp_path, the real pipeline with the tiny model of conftest), generates requests for every
operation (inputs that fit the schema and inputs that break it) and sends them in-process with an admin's and a
clerk's token. No request may end in a server error; every refusal is JSON that says what was wrong; the store
stays intact. Bounded by ``FUZZ_EXAMPLES`` per operation and mode (default 25; more with the variable)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from test_web_api import web  # noqa: F401  (web is a fixture)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))

pytestmark = pytest.mark.slow


def _operations(web, role):  # noqa: F811
    import schemathesis

    headers = {"Authorization": f"Bearer {web.tokens[role]}"}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", web.app, headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    return operations, headers


def _fuzz(operation, mode, headers, seen: list) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(headers=headers)
        label = f"{case.method} {case.formatted_path} ({mode})"
        assert response.status_code < 500, f"{label} -> {response.status_code}: {response.text[:300]}"
        if response.status_code >= 400:
            assert "json" in (response.headers.get("content-type") or [""])[0], label
            assert response.json().get("error"), f"{label}: an error must say what was wrong"
        seen.append(response.status_code)

    run()


@pytest.mark.parametrize("role", ["admin", "clerk"])
def test_no_generated_request_ends_in_a_server_error(web, role):  # noqa: F811
    from schemathesis import GenerationMode

    operations, headers = _operations(web, role)
    seen: list[int] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode, headers, seen)
    assert len(seen) >= len(operations) * 2  # every operation was called, in both modes
    assert any(code < 300 for code in seen) and any(code == 400 for code in seen)
    assert web.store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert web.store.verify_audit() == (True, None)
