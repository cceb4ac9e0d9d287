"""The manager's dashboard: counts and sums by domain, unit, township and month, deadlines by unit, units
with no items for a long time, domains rising in a township. Every figure links to the items behind it."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, render_template, request, url_for

from web.access import remote_address, require
from web.charts import bar_chart, line_chart
from web.display import format_yuan
from web.operations import dashboard_figures

bp = Blueprint("dashboard", __name__)


def items_url(filters: dict[str, Any]) -> str:
    """The item list behind a figure (the same filters the figure was counted with)."""
    return url_for("search.items", **{k: v for k, v in filters.items() if v is not None})


@bp.route("/dashboard")
@require("dashboard")
def dashboard() -> Any:
    ctx = current_app.extensions["triage"]
    figures = dashboard_figures(ctx, g.user, request.args, remote_address())

    def bars(rows: list[dict[str, Any]], value: str = "count") -> Any:
        shown = [(r["label"], r[value], items_url(r["filters"])) for r in rows if r[value]]
        return bar_chart(shown, value_text=format_yuan if value == "amount" else (lambda v: f"{v:g} 件"))

    charts = {
        "domain": bars(figures["by_domain"]),
        "domain_amount": bars(sorted(figures["by_domain"], key=lambda r: -r["amount"]), "amount"),
        "unit": bars(figures["by_unit"]),
        "township": bars(figures["by_township"]),
        "month": bar_chart([(r["month"] or "未标明", r["count"], items_url(r["filters"]))
                            for r in figures["by_month"]], value_text=lambda v: f"{v:g} 件"),
    }
    trend = figures["trend"]
    charts["trend"] = line_chart(trend["months"], [(r["label"], r["series"], items_url(r["filters"]))
                                                   for r in trend["rising"]])
    return render_template("dashboard.html", figures=figures, charts=charts, items_url=items_url,
                           domains=ctx.taxonomy.domains)
