"""What the pages and the API both do: every read checks the user's scope, is audited and is masked for
roles without the identity right; every write goes through the service. Views only parse and render.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from werkzeug.exceptions import NotFound, ServiceUnavailable

from triage.errors import InputError
from triage.petition import CHANNELS, Petition, make_petition_id, normalize_text, parse_received_date
from triage.routing import Office
from triage.service import Service
from triage.settings import Settings
from triage.taxonomy import LEVEL_ORDER, Taxonomy
from web.access import LoginLimiter, can, unit_scope
from web.display import Labels, plain_highlight, snippet
from web.masking import has_identity, mask_record

EXPORT_LIMIT = 5000
SEARCH_PAGE_LIMIT = 100
LIST_PAGE_LIMIT = 200
SILENT_DAYS = 90  # 长期零报告: a unit with no item for this many days
SOON_DAYS = 7
TREND_MONTHS = 3  # a domain is rising in a township when its last 3 months hold more than the 3 before
PARTIES = ("accused", "petitioner", "other")
LEVELS = (*LEVEL_ORDER, "unknown")
LIST_FILTERS = ("unit", "domain", "kind", "status", "rule", "channel", "township", "month", "since", "until",
                "due", "review")
SEARCH_FIELDS = ("domain", "kind", "unit", "township", "village", "person", "level", "status", "since", "until")


@dataclass
class WebContext:
    """Everything the web app's requests share: settings, the service (store, pipeline, index), labels."""

    settings: Settings
    service: Service
    office: Office
    taxonomy: Taxonomy
    labels: Labels
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    today: date | None = None  # fixed "today" for tests; the real date when None

    @property
    def store(self):
        return self.service.store

    @property
    def index(self):
        return self.service.index

    def current_day(self) -> date:
        return self.today or date.today()


# -- petitions ------------------------------------------------------------------------------------------

def read_petition(ctx: WebContext, user: dict[str, Any], petition_id: str, remote: str | None) -> dict[str, Any]:
    """One petition as this user may see it (with its result history); 404 when absent or out of scope."""
    record = _readable_record(ctx, user, petition_id, remote)
    history = ctx.store.result_history(petition_id)
    ctx.store.audit("view", user=user["name"], target=petition_id, remote=remote)
    if can(user, "identity"):
        if has_identity(record):
            ctx.store.audit("view_identity", user=user["name"], target=petition_id, remote=remote)
        return dict(record, history=history, masked=False)
    return mask_record(record, history)


def _readable_record(ctx: WebContext, user: dict[str, Any], petition_id: str, remote: str | None) -> dict[str, Any]:
    record = ctx.store.get_record(petition_id)
    scope = unit_scope(user)
    if record is not None and scope and current_unit(record) != scope:
        ctx.store.audit("view_denied", user=user["name"], target=petition_id, remote=remote)
        record = None
    if record is None:
        raise NotFound(f"没有编号为 {petition_id} 的信访件")
    return record


def current_unit(record: dict[str, Any]) -> str | None:
    return ((record.get("result") or {}).get("route") or {}).get("unit")


def list_items(ctx: WebContext, user: dict[str, Any], filters: dict[str, Any], order: str = "newest",
               limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Triaged petitions matching the store's filters (queue, dashboard click-through), each with a masked
    snippet; an investigator limited to a unit sees only that unit's."""
    filters = {k: v for k, v in filters.items() if v not in (None, "") or k == "township" and v == ""}
    scope = unit_scope(user)
    if scope:
        if filters.get("unit") not in (None, scope):
            return 0, []
        filters["unit"] = scope
    if filters.get("due"):
        filters.setdefault("today", ctx.current_day())
        filters.setdefault("soon_days", SOON_DAYS)
    limit = max(1, min(int(limit), LIST_PAGE_LIMIT))
    total, rows = ctx.store.list_current(order=order, limit=limit, offset=max(0, int(offset)), **filters)
    for row in rows:
        record = ctx.store.get_record(row["id"])
        masked = mask_record(record) if record else {}
        row["snippet"] = snippet(masked.get("title") or masked.get("text"))
        row["amount_total"] = _number(row["amount_total"])
    return total, rows


def parse_list_filters(args: Any) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for name in LIST_FILTERS:
        value = args.get(name)
        if value is None:
            continue
        if name == "review":
            filters["review"] = value in ("1", "true", "yes")
        elif value != "" or name == "township":
            filters[name] = value
    return filters


# -- corrections, intake, uploads -----------------------------------------------------------------------

def correct_petition(ctx: WebContext, user: dict[str, Any], petition_id: str, field_name: str, value: Any,
                     remark: str | None, remote: str | None) -> dict[str, Any]:
    """Store a correction beside the result (the service audits it) and return the current record."""
    _readable_record(ctx, user, petition_id, remote)
    value = check_correction_value(ctx, field_name, value)
    remark = (remark or "").strip()[:500] or None
    ctx.service.correct(petition_id, field_name, value, user=user["name"], remark=remark)
    return read_petition(ctx, user, petition_id, remote)


def check_correction_value(ctx: WebContext, field_name: str, value: Any) -> Any:
    """The value a correction stores, checked against the taxonomy and the units; InputError if wrong."""
    if field_name == "accept":
        return True
    if field_name in ("kind", "primary_domain", "unit"):
        if not isinstance(value, str) or not value:
            raise InputError(f"a correction of {field_name} is one code")
        valid = {"kind": ctx.taxonomy.kind_codes, "primary_domain": ctx.taxonomy.domain_codes,
                 "unit": [u.id for u in ctx.office.units]}[field_name]
        if value not in valid:
            raise InputError(f"unknown {field_name} {value!r}; valid: {', '.join(valid)}")
        return value
    if field_name == "persons":
        return [_check_person(p, i) for i, p in enumerate(_list(value, field_name))]
    if field_name == "amounts":
        return [_check_amount(a, i) for i, a in enumerate(_list(value, field_name))]
    raise InputError(f"cannot correct {field_name!r}; valid: kind, primary_domain, unit, persons, amounts, accept")


def _list(value: Any, field_name: str) -> list:
    if not isinstance(value, list):
        raise InputError(f"a correction of {field_name} is the whole corrected list")
    return value


def _check_person(person: Any, i: int) -> dict[str, Any]:
    if not isinstance(person, dict):
        raise InputError(f"persons[{i}]: a person is an object with name, role, level, party")
    name = (str(person.get("name") or "").strip() or None)
    role = (str(person.get("role") or "").strip() or None)
    level = person.get("level") or "unknown"
    party = person.get("party") or "other"
    if level not in LEVELS:
        raise InputError(f"persons[{i}]: unknown level {level!r}; valid: {', '.join(LEVELS)}")
    if party not in PARTIES:
        raise InputError(f"persons[{i}]: unknown party {party!r}; valid: {', '.join(PARTIES)}")
    if name is None and role is None:
        raise InputError(f"persons[{i}]: give a name or a role")
    mentions = [[int(m[0]), int(m[1])] for m in person.get("mentions") or []
                if isinstance(m, list | tuple) and len(m) == 2]
    return {"name": name, "role": role, "level": level, "party": party, "mentions": mentions}


def _check_amount(amount: Any, i: int) -> dict[str, Any]:
    if not isinstance(amount, dict):
        raise InputError(f"amounts[{i}]: an amount is an object with value (and text, currency)")
    try:
        value = float(amount.get("value"))
    except (TypeError, ValueError):
        raise InputError(f"amounts[{i}]: value {amount.get('value')!r} is not a number") from None
    if value < 0 or value != value:
        raise InputError(f"amounts[{i}]: value must be a non-negative number")
    value = _number(value)
    currency = str(amount.get("currency") or "CNY").upper()
    start, end = amount.get("start"), amount.get("end")
    return {"text": str(amount.get("text") or f"{value}元"), "value": value, "currency": currency,
            "qualifier": amount.get("qualifier") or "exact", "low": value, "high": value,
            "start": start if isinstance(start, int) else None, "end": end if isinstance(end, int) else None}


def parse_correction_form(form: Any, current: dict[str, Any] | None) -> tuple[str, Any]:
    """(field, value) from the petition page's correction forms; the persons and amounts forms post one
    row per item (``persons-N-name`` …, ``-delete`` to drop it) and one blank row to add."""
    field_name = form.get("field", "")
    if field_name == "accept":
        return field_name, True
    if field_name in ("kind", "primary_domain", "unit"):
        return field_name, form.get("value", "")
    current = current or {}
    if field_name == "persons":
        old = current.get("persons") or []
        people = []
        for key in _row_keys(form, "persons"):
            if form.get(f"persons-{key}-delete"):
                continue
            name, role = form.get(f"persons-{key}-name", "").strip(), form.get(f"persons-{key}-role", "").strip()
            if key == "new" and not name and not role:
                continue
            base = old[int(key)] if key.isdigit() and int(key) < len(old) else {}
            people.append({"name": name or None, "role": role or None,
                           "level": form.get(f"persons-{key}-level") or "unknown",
                           "party": form.get(f"persons-{key}-party") or "other",
                           "mentions": base.get("mentions") or []})
        return field_name, people
    if field_name == "amounts":
        old = current.get("amounts") or []
        amounts = []
        for key in _row_keys(form, "amounts"):
            if form.get(f"amounts-{key}-delete"):
                continue
            raw = form.get(f"amounts-{key}-value", "").strip()
            if key == "new" and not raw:
                continue
            base = old[int(key)] if key.isdigit() and int(key) < len(old) else {}
            amounts.append(dict(base, value=raw, text=form.get(f"amounts-{key}-text") or base.get("text") or "",
                                currency=base.get("currency") or "CNY"))
        return field_name, amounts
    raise InputError(f"cannot correct {field_name!r}")


def _row_keys(form: Any, prefix: str) -> list[str]:
    keys = {k.split("-")[1] for k in form.keys() if k.startswith(prefix + "-") and k.count("-") >= 2}
    return sorted((k for k in keys if k.isdigit()), key=int) + (["new"] if "new" in keys else [])


def register_petition(ctx: WebContext, user: dict[str, Any], data: dict[str, Any],
                      remote: str | None) -> tuple[str, dict[str, Any]]:
    """A visit or a phone call (来访/来电登记) stored, then triaged and indexed: (petition id, summary)."""
    text = normalize_text(str(data.get("text") or "")).strip()
    if not text:
        raise InputError("登记内容不能为空 (text is empty)")
    if len(text) > ctx.settings.max_text_chars:
        raise InputError(f"text of {len(text)} characters is over the limit of {ctx.settings.max_text_chars}")
    channel = data.get("channel") or "visit"
    if channel not in CHANNELS:
        raise InputError(f"unknown channel {channel!r}; valid: {', '.join(CHANNELS)}")
    received = data.get("received_at") or ctx.current_day().isoformat()
    try:
        received_at = parse_received_date(received)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    contact = {k: str(data.get(f"contact_{k}") or "").strip() for k in ("name", "phone", "id_number", "address")}
    contact = {k: v for k, v in contact.items() if v}
    source: dict[str, Any] = {"form": channel, "registered_by": user["name"]}
    if contact:
        source["contact"] = contact
    title = (str(data.get("title") or "").strip() or None)
    petition = Petition(id=make_petition_id(text, received_at), text=text, channel=channel,
                        received_at=received_at, title=title, source=source)
    summary = ctx.service.ingest([petition])
    ctx.store.audit("intake", user=user["name"], target=petition.id, remote=remote,
                    detail={"channel": channel, "stored": summary.stored})
    return petition.id, summary.to_dict()


def read_and_close(file: Any) -> bytes:
    """The bytes of an uploaded file; its spooled temporary file is closed at once, not at GC."""
    try:
        return file.read()
    finally:
        file.close()


def upload_batch(ctx: WebContext, user: dict[str, Any], name: str, data: bytes, channel: str | None,
                 remote: str | None) -> dict[str, Any]:
    """A batch file (JSONL, CSV, XLSX, DOCX, PDF, image, text) kept, read, stored, triaged, indexed."""
    from triage.intake import read_bytes

    if not data:
        raise InputError(f"{name or 'upload'}: empty file")
    if channel and channel not in CHANNELS:
        raise InputError(f"unknown channel {channel!r}; valid: {', '.join(CHANNELS)}")
    ctx.store.add_file(ctx.settings.files_dir, name, data)
    items = read_bytes(name, data, max_chars=ctx.settings.max_text_chars, default_channel=channel or None)
    summary = ctx.service.ingest(items).to_dict()
    ctx.store.audit("upload", user=user["name"], target=name, remote=remote,
                    detail={k: summary[k] for k in ("stored", "duplicates", "triaged")}
                    | {"failed": len(summary["failed"])})
    return summary


# -- search, persons, links, exports --------------------------------------------------------------------

def parse_search_query(args: Any, limit: int = 20):
    """A SearchQuery from request arguments (q, filters, min_amount/max_amount in yuan, sort, limit, offset)."""
    from indexer import SearchQuery

    values: dict[str, Any] = {name: (args.get(name) or None) for name in SEARCH_FIELDS}
    for name in ("min_amount", "max_amount"):
        raw = args.get(name)
        if raw not in (None, ""):
            try:
                values[name] = float(raw)
            except ValueError:
                raise InputError(f"{name} must be a number of yuan, not {raw!r}") from None
    try:
        values["limit"] = min(int(args.get("limit") or limit), SEARCH_PAGE_LIMIT)
        values["offset"] = max(0, int(args.get("offset") or 0))
    except ValueError:
        raise InputError("limit and offset must be whole numbers") from None
    return SearchQuery(text=(args.get("q") or "").strip(), sort=args.get("sort") or "relevance", **values)


def search_petitions(ctx: WebContext, user: dict[str, Any], query, remote: str | None, action: str = "search"):
    """Search the index within the user's scope; audited with the query and its filters."""
    from indexer import SearchResult

    index = _index(ctx)
    scope = unit_scope(user)
    if scope and query.unit not in (None, "", scope):
        result = SearchResult(total=0, hits=[], facets={})
    else:
        if scope:
            query.unit = scope
        result = index.search(query)
    detail = {k: str(v) for k, v in vars(query).items() if v not in (None, "") and k not in ("limit", "offset")}
    ctx.store.audit(action, user=user["name"], remote=remote, detail=detail | {"total": result.total})
    return result


def _index(ctx: WebContext):
    if ctx.index is None:
        raise ServiceUnavailable("搜索索引不可用：请运行 triage reindex")
    return ctx.index


def person_view(ctx: WebContext, user: dict[str, Any], name: str, place: str | None,
                remote: str | None) -> dict[str, Any]:
    """Every petition naming the person (within the user's scope): roles, sums, timeline."""
    name = (name or "").strip()
    if not name:
        raise InputError("请输入人员姓名 (name is empty)")
    record = _index(ctx).person_record(name, place or None).to_json()
    scope = unit_scope(user)
    if scope:
        record["petitions"] = [p for p in record["petitions"] if p.get("unit") == scope]
        _recount_person(record)
    record["petitions"].sort(key=lambda p: p.get("received_at") or "")
    ctx.store.audit("person", user=user["name"], target=name, remote=remote, detail={"place": place or ""})
    return record


def _recount_person(record: dict[str, Any]) -> None:
    petitions = record["petitions"]
    record["roles"] = sorted({p["role"] for p in petitions if p.get("role")})
    record["levels"] = sorted({p["level"] for p in petitions if p.get("level")})
    record["amount_total"] = sum(p.get("amount_total") or 0 for p in petitions)
    record["amount_max"] = max((p.get("amount_max") or 0 for p in petitions), default=0)
    days = sorted(p["received_at"] for p in petitions if p.get("received_at"))
    record["first_date"], record["last_date"] = (days[0], days[-1]) if days else (None, None)


def related_view(ctx: WebContext, user: dict[str, Any], petition_id: str, remote: str | None) -> list[dict[str, Any]]:
    """Linked and repeated petitions (shared accused at the same place, near-duplicates) within scope."""
    _readable_record(ctx, user, petition_id, remote)
    links = [link.to_json() for link in _index(ctx).related(petition_id)]
    total, rows = list_items(ctx, user, {"ids": [link["petition_id"] for link in links]}, limit=LIST_PAGE_LIMIT)
    summaries = {row["id"]: row for row in rows}
    ctx.store.audit("related", user=user["name"], target=petition_id, remote=remote)
    return [dict(link, item=summaries[link["petition_id"]]) for link in links if link["petition_id"] in summaries]


EXPORT_COLUMNS = ("编号", "收件日期", "问题领域", "件类", "承办单位", "乡镇", "被反映人及相关人员", "摘要")


def export_rows(ctx: WebContext, user: dict[str, Any], query, remote: str | None) -> list[list[str]]:
    """The hits of a search as table rows (petitioners are never in the index: nothing to mask)."""
    query.limit, query.offset = EXPORT_LIMIT, 0
    result = search_petitions(ctx, user, query, remote, action="export")
    labels = ctx.labels
    rows = []
    for hit in result.hits:
        rows.append([hit.id, hit.received_at or "", labels.domain(hit.primary_domain), labels.kind(hit.kind),
                     labels.unit(hit.unit), hit.township or "", "、".join(hit.persons or []),
                     plain_highlight(hit.highlight)])
    return [[_cell(v) for v in row] for row in rows]


def _cell(value: Any) -> str:
    """A table cell that a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def rows_to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def rows_to_xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "检索结果"
    sheet.append(list(EXPORT_COLUMNS))
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (20, 12, 18, 12, 26, 10, 24, 80), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- the manager's dashboard ----------------------------------------------------------------------------

def dashboard_figures(ctx: WebContext, user: dict[str, Any], args: Any, remote: str | None) -> dict[str, Any]:
    """Counts and sums by domain, unit, township and month; deadlines by unit; silent units; rising
    domains by township. Each figure carries the list filters of the items behind it (``filters``)."""
    since, until, domain = args.get("since") or None, args.get("until") or None, args.get("domain") or None
    base = {k: v for k, v in (("since", since), ("until", until), ("domain", domain)) if v}
    store, labels = ctx.store, ctx.labels
    today = ctx.current_day()
    try:
        silent_days = int(args.get("silent_days") or SILENT_DAYS)
    except ValueError:
        raise InputError("silent_days must be a whole number") from None

    def grouped(key: str) -> list[dict[str, Any]]:
        rows = store.count_current([key], **base)
        for row in rows:
            value = row[key]
            row["label"] = {"domain": labels.domain, "unit": labels.unit}.get(key, lambda v: v or "未标明")(value)
            row["filters"] = base | {key: value}
        return rows

    by_month = sorted(grouped("month"), key=lambda r: r["month"])
    deadlines = store.count_deadlines(today, SOON_DAYS, **base)
    for row in deadlines:
        row["label"] = labels.unit(row["unit"])
        row["filters"] = {"unit": row["unit"]} | base
    last = store.last_item_days()
    cutoff = (today - timedelta(days=silent_days)).isoformat()
    silent = []
    for unit in ctx.office.units:
        if unit.type in ("transfer", "county_petition_office"):
            continue
        seen = last.get(unit.id) or {}
        if not seen.get("last_day") or seen["last_day"] < cutoff:
            silent.append({"unit": unit.id, "label": unit.name, "last_day": seen.get("last_day"),
                           "total": seen.get("total", 0), "filters": {"unit": unit.id}})
    totals = {"count": sum(r["count"] for r in by_month), "amount": _number(sum(r["amount"] for r in by_month))}
    ctx.store.audit("dashboard", user=user["name"], remote=remote, detail=base)
    return {
        "filters": base,
        "today": today.isoformat(),
        "silent_days": silent_days,
        "soon_days": SOON_DAYS,
        "totals": totals,
        "by_domain": grouped("domain"),
        "by_unit": grouped("unit"),
        "by_township": grouped("township"),
        "by_month": by_month,
        "deadlines": deadlines,
        "silent_units": silent,
        "trend": domain_trend(ctx, base),
    }


def domain_trend(ctx: WebContext, base: dict[str, Any], top: int = 5) -> dict[str, Any]:
    """Monthly counts per (domain, township) and the pairs rising most: items in the last TREND_MONTHS
    months of the period against the TREND_MONTHS before."""
    rows = ctx.store.count_current(["domain", "township", "month"], **base)
    months = sorted({r["month"] for r in rows if r["month"]})
    if not months:
        return {"months": [], "rising": []}
    months = _month_range(months[0], months[-1])
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in rows:
        if r["township"] and r["month"]:
            counts[(r["domain"], r["township"])][r["month"]] = r["count"]
    recent, before = months[-TREND_MONTHS:], months[-2 * TREND_MONTHS:-TREND_MONTHS]
    rising = []
    for (domain, township), by_month in counts.items():
        now = sum(by_month.get(m, 0) for m in recent)
        prev = sum(by_month.get(m, 0) for m in before)
        if now > prev:
            rising.append({
                "domain": domain, "township": township, "recent": now, "previous": prev,
                "label": f"{township} · {ctx.labels.domain(domain)}",
                "series": [by_month.get(m, 0) for m in months],
                "filters": base | {"domain": domain, "township": township},
            })
    rising.sort(key=lambda r: (r["recent"] - r["previous"], r["recent"]), reverse=True)
    return {"months": months, "recent_months": recent, "previous_months": before, "rising": rising[:top]}


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < 240:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _number(value: Any) -> float | int:
    number = float(value or 0)
    return int(number) if number.is_integer() else round(number, 2)
