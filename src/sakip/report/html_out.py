"""The report as one self-contained HTML page, for the browser and for printing to PDF.

:func:`render_html` writes a single page: inline CSS, the charts as inline
SVG (with the ``charts`` extra), every table of the report in its order
with its title and note, the summary and the audit's findings. Nothing is
fetched: a Content-Security-Policy forbids every request and every script,
so even a page opened from a hostile data set runs nothing. All text from
the data set is escaped (:func:`html.escape`); numbers are written the
Indonesian way (``107,34``). A print stylesheet starts big tables on a new
page, repeats table headers and never cuts a row in two.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from sakip._io import atomic_write
from sakip._version import __version__
from sakip.errors import MissingExtraError
from sakip.findings import Finding
from sakip.numbers import NumberStyle
from sakip.report.charts import render_capaian_chart, render_trend_chart, trend_tables
from sakip.report.compute import Cell, LkipReport, Table
from sakip.report.render import _audit_heading, _cell, _findings_table

__all__ = ["render_html", "sasaran_groups", "write_html"]

#: The column of the Pengukuran Kinerja table that the page and the Word document group by.
SASARAN_COLUMN = "Sasaran"

_CSS = """
:root { --line: #c8c8c8; --head: #eef2f7; --ink: #1a1a1a; --muted: #555; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1100px; padding: 1.5rem; font-size: 14px; line-height: 1.4; }
h1 { font-size: 1.35rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #2171b5;
  padding-bottom: .2rem; }
.meta, .note, .source { color: var(--muted); font-size: .85rem; }
nav.toc { columns: 2; font-size: .85rem; margin: 1rem 0; padding: .6rem 1rem;
  background: #f7f7f7; border: 1px solid var(--line); }
nav.toc ol { margin: 0; padding-left: 1.4rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .3rem 0; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .4rem; vertical-align: top; }
thead th { background: var(--head); font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group th { background: #f4f4f4; text-align: left; font-weight: bold; }
tbody tr:nth-child(even) td { background: #fbfbfb; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; max-width: 900px; display: block; }
figure.trend svg { max-width: 640px; }
figcaption { color: var(--muted); font-size: .8rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
  gap: .5rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--line); padding: .5rem; background: #fafafa; }
.summary b { display: block; font-size: 1.3rem; }
.findings td:first-child { white-space: nowrap; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  .scroll { overflow: visible; }
  section.big { break-before: page; page-break-before: always; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  table.wide { font-size: 7pt; }
  tbody tr:nth-child(even) td { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""

# No request of any kind and no script: the page is self-contained and inert.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_BIG_ROWS = 12
_WIDE_COLUMNS = 9


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _text(value: Cell) -> str:
    """A cell for people: Indonesian numbers, ``-`` for nothing."""
    return _cell(value, NumberStyle.INDONESIAN)


def _anchor(key: str) -> str:
    return "t-" + re.sub(r"[^A-Za-z0-9_-]", "_", key)


def sasaran_groups(table: Table) -> list[tuple[str, list[tuple[Cell, ...]]]]:
    """Consecutive rows of the Pengukuran Kinerja table by sasaran, without that column.

    The LKIP prints each sasaran once, as a row above its indicators; the
    HTML page and the Word document do the same. A table without a
    ``Sasaran`` column is one group named ``""`` with its rows whole.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> groups = sasaran_groups(compute_report(load_dataset()).table("pengukuran_kinerja"))
    >>> len(groups), groups[3][0][:3], [row[0] for row in groups[3][1]]
    (13, 'S4 ', ['4', '5'])
    """
    if SASARAN_COLUMN not in table.columns:
        return [("", list(table.rows))]
    at = table.columns.index(SASARAN_COLUMN)
    groups: list[tuple[str, list[tuple[Cell, ...]]]] = []
    for row in table.rows:
        name = "" if row[at] is None else str(row[at])
        rest = row[:at] + row[at + 1 :]
        if groups and groups[-1][0] == name:
            groups[-1][1].append(rest)
        else:
            groups.append((name, [rest]))
    return groups


def _numeric(value: Cell) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _row(values: Sequence[Cell]) -> str:
    cells = [
        f'<td class="num">{_e(_text(v))}</td>' if _numeric(v) else f"<td>{_e(_text(v))}</td>"
        for v in values
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def _table(table: Table) -> str:
    grouped = SASARAN_COLUMN in table.columns
    columns = [c for c in table.columns if not (grouped and c == SASARAN_COLUMN)]
    wide = " wide" if len(columns) >= _WIDE_COLUMNS else ""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in columns)
    body: list[str] = []
    for name, rows in sasaran_groups(table):
        if grouped:
            body.append(f'<tr class="group"><th colspan="{len(columns)}">{_e(name)}</th></tr>')
        body += [_row(row) for row in rows]
    parts = [
        f'<div class="scroll"><table class="report{wide}" data-key="{_e(table.key)}">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody></table></div>",
    ]
    if table.note:
        parts.append(f'<p class="note">{_e(table.note)}</p>')
    return "\n".join(parts)


def _svg(data: bytes, prefix: str) -> str:
    """A matplotlib SVG for inlining: no XML prolog, ids unique on the page."""
    text = data.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', text)
    return text.replace("<svg ", '<svg role="img" ', 1)


def _figure(svg: str, caption: str, kind: str) -> str:
    return f'<figure class="{kind}">{svg}<figcaption>{_e(caption)}</figcaption></figure>'


def _summary(report: LkipReport) -> str:
    summary = report.summary
    items = [("Rata-rata capaian", f"{_text(report.displayed_mean)} %")]
    items += [
        ("Indikator", _text(summary.count)),
        ("Melebihi target", _text(summary.above)),
        ("Sesuai target", _text(summary.at)),
        ("Tidak mencapai target", _text(summary.below)),
    ]
    cells = "".join(f"<div>{_e(label)}<b>{_e(value)}</b></div>" for label, value in items)
    return f'<div class="summary">{cells}</div>'


def _findings(findings: Sequence[Finding], checked: int | None) -> str:
    parts = [
        '<section id="audit"><h2>Audit angka tercetak</h2>',
        f"<p>{_e(_audit_heading(len(findings), checked))}</p>",
    ]
    if findings:
        table = _findings_table(findings)
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in table.columns)
        parts += [
            '<div class="scroll"><table class="findings" data-key="audit">',
            f"<thead><tr>{head}</tr></thead><tbody>",
            *(_row(row) for row in table.rows),
            "</tbody></table></div>",
        ]
    parts.append("</section>")
    return "\n".join(parts)


def render_html(
    report: LkipReport,
    findings: Sequence[Finding] | None = None,
    *,
    checked: int | None = None,
    charts: bool = True,
) -> str:
    """The report as one self-contained HTML page.

    Parameters
    ----------
    report : LkipReport
    findings : sequence of Finding, optional
        The audit's findings (:func:`sakip.report.audit.run_audit`); shown
        in a last section when given.
    checked : int, optional
        How many printed figures the audit compared.
    charts : bool, default True
        Draw the capaian chart and the trend charts as inline SVG. Without
        the ``charts`` extra (matplotlib) the page says so where the
        charts would be, and has everything else.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> page = render_html(compute_report(load_dataset()), charts=False)
    >>> page.startswith("<!DOCTYPE html>"), "107,34" in page, page.count('<table class="report')
    (True, True, 42)
    """
    dataset = report.dataset
    trend_svgs: dict[str, str] = {}
    capaian_svg = None
    missing = ""
    if charts:
        try:
            capaian_svg = _svg(render_capaian_chart(report, "svg"), "c0")
            for number, table in enumerate(trend_tables(report), 1):
                trend_svgs[table.key] = _svg(
                    render_trend_chart(report, table, "svg"), f"c{number}"
                )
        except MissingExtraError:
            missing = (
                '<p class="note">Grafik tidak disertakan: pasang matplotlib '
                "(pip install 'sakip[charts]').</p>"
            )
    toc = "".join(
        f'<li><a href="#{_anchor(table.key)}">{_e(table.title)}</a></li>'
        for table in report.tables
    )
    if findings is not None:
        toc += '<li><a href="#audit">Audit angka tercetak</a></li>'
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="sakip {_e(__version__)}">',
        f"<title>{_e(dataset.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(dataset.title)}</h1>",
        f'<p class="meta">{_e(dataset.unit.name)}, tahun {_e(dataset.year)}</p>',
        "</header>",
        '<section id="ringkasan-utama"><h2>Ringkasan</h2>',
        _summary(report),
        missing,
    ]
    if capaian_svg is not None:
        parts.append(_figure(capaian_svg, "Capaian per indikator, menurut kategori.", "capaian"))
    parts += ["</section>", f'<nav class="toc"><ol>{toc}</ol></nav>']
    for table in report.tables:
        big = " big" if len(table.rows) > _BIG_ROWS and len(table.columns) >= 4 else ""
        parts += [
            f'<section class="table{big}" id="{_anchor(table.key)}">',
            f"<h2>{_e(table.title)}</h2>",
            _table(table),
        ]
        if table.key in trend_svgs:
            parts.append(
                _figure(trend_svgs[table.key], "Target dan realisasi per tahun.", "trend")
            )
        parts.append("</section>")
    if findings is not None:
        parts.append(_findings(findings, checked))
    parts += [
        f'<p class="source">Dihitung oleh sakip {_e(__version__)} dari {_e(Path(str(dataset.source)).name)}.</p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(
    report: LkipReport,
    path: str | Path,
    findings: Sequence[Finding] | None = None,
    *,
    checked: int | None = None,
    charts: bool = True,
) -> None:
    """Write :func:`render_html` to ``path`` (UTF-8), atomically.

    The arguments but ``path`` are those of :func:`render_html`.

    Raises
    ------
    OSError
        The file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "lkip.html"
    >>> write_html(compute_report(load_dataset()), target, charts=False)
    >>> "<svg" in target.read_text(encoding="utf-8")
    False
    """
    page = render_html(report, findings, checked=checked, charts=charts)
    atomic_write(Path(path), page.encode("utf-8"))
