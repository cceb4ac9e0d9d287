"""Charts drawn on the server as inline SVG: no script, nothing from outside, every bar a link.

Colours and fonts come from classes in static/app.css (the CSP allows no inline styles)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

BAR_HEIGHT = 22
LABEL_WIDTH = 190
VALUE_WIDTH = 110
SERIES_CLASSES = 6


def bar_chart(rows: Sequence[tuple[str, float, str | None]], *, width: int = 640,
              value_text: Callable[[float], str] = lambda v: f"{v:g}", title: str = "") -> Markup:
    """Horizontal bars: (label, value, link or None) per row, in the given order."""
    if not rows:
        return Markup('<p class="empty">暂无数据</p>')
    top = max((float(v) for _, v, _ in rows), default=0.0) or 1.0
    area = width - LABEL_WIDTH - VALUE_WIDTH
    height = BAR_HEIGHT * len(rows) + 4
    out = [f'<svg class="chart bar-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
           f' role="img" aria-label="{escape(title)}">']
    for i, (label, value, href) in enumerate(rows):
        y = i * BAR_HEIGHT + 2
        bar = max(1.0, area * float(value) / top) if value else 0.0
        row = (f'<text class="chart-label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
               f'{escape(_shorten(label))}</text>'
               f'<rect class="chart-bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{bar:.1f}" height="{BAR_HEIGHT - 6}">'
               f'<title>{escape(label)}: {escape(value_text(value))}</title></rect>'
               f'<text class="chart-value" x="{LABEL_WIDTH + bar + 4:.1f}" y="{y + 15}">'
               f'{escape(value_text(value))}</text>')
        if href:
            row = f'<a href="{escape(href)}" class="chart-link">{row}</a>'
        out.append(row)
    out.append("</svg>")
    return Markup("".join(out))


def line_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float], str | None]], *,
               width: int = 640, height: int = 220, title: str = "") -> Markup:
    """Lines over ``categories`` (months): (name, values, link or None) per series, with a legend."""
    if not categories or not series:
        return Markup('<p class="empty">暂无数据</p>')
    left, right, top_pad, bottom = 36, 150, 10, 28
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max((float(v) for _, values, _ in series for v in values), default=0.0) or 1.0
    step = plot_w / max(1, len(categories) - 1)

    def point(i: int, v: float) -> tuple[float, float]:
        return left + i * step, top_pad + plot_h - plot_h * float(v) / top

    out = [f'<svg class="chart line-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
           f' role="img" aria-label="{escape(title)}">',
           f'<line class="chart-axis" x1="{left}" y1="{top_pad + plot_h}"'
           f' x2="{left + plot_w}" y2="{top_pad + plot_h}"/>',
           f'<text class="chart-label" x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{top:g}</text>',
           f'<text class="chart-label" x="{left - 4}" y="{top_pad + plot_h}" text-anchor="end">0</text>']
    label_every = max(1, len(categories) // 8)
    for i, category in enumerate(categories):
        if i % label_every == 0 or i == len(categories) - 1:
            x, _ = point(i, 0)
            out.append(f'<text class="chart-label" x="{x:.1f}" y="{height - 8}" text-anchor="middle">'
                       f'{escape(category)}</text>')
    for n, (name, values, href) in enumerate(series):
        css = f"series-{n % SERIES_CLASSES}"
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))
        group = [f'<polyline class="chart-line {css}" points="{points}"/>']
        for i, v in enumerate(values):
            x, y = point(i, v)
            group.append(f'<circle class="chart-dot {css}" cx="{x:.1f}" cy="{y:.1f}" r="3">'
                         f'<title>{escape(name)} {escape(categories[i])}: {v:g}</title></circle>')
        ly = top_pad + 14 + n * 18
        legend = (f'<rect class="chart-key {css}" x="{width - right + 10}" y="{ly - 9}" width="10" height="10"/>'
                  f'<text class="chart-label" x="{width - right + 26}" y="{ly}">{escape(_shorten(name, 10))}</text>')
        if href:
            legend = f'<a href="{escape(href)}" class="chart-link">{legend}</a>'
        group.append(legend)
        out.append("".join(group))
    out.append("</svg>")
    return Markup("".join(out))


def _shorten(label: str, size: int = 14) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"
