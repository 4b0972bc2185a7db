"""Renderers of a computed report: text, Markdown and JSON.

Renderers only format: every number they show is already on the
:class:`~sakip.report.compute.LkipReport` (rounded there with the data
set's policies). Text and Markdown write numbers the Indonesian way
(``102,77``, ``11.010.853.963``); JSON writes plain decimals for other
tools. The JSON layout is stable and documented in ``docs/report.md``.
CSV (:mod:`sakip.report.csv_out`) and XLSX (:mod:`sakip.report.xlsx_out`)
have their own modules, and so do the charts (:mod:`sakip.report.charts`),
the HTML page (:mod:`sakip.report.html_out`) and the Word document
(:mod:`sakip.report.docx_out`); ``render_csv``, ``table_csv``,
``render_xlsx``, ``write_xlsx``, ``render_charts``, ``write_charts`` and
``chart_names`` are importable from here as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sakip.errors import MissingExtraError, show_value
from sakip.findings import Finding
from sakip.numbers import NumberStyle, format_number
from sakip.report.charts import chart_names, render_charts, write_charts
from sakip.report.compute import NOT_COMPUTABLE_LABEL, Cell, LkipReport, Table
from sakip.report.csv_out import render_csv, table_csv
from sakip.report.xlsx_out import render_xlsx, write_xlsx

__all__ = [
    "JSON_FORMAT",
    "MissingExtraError",
    "chart_names",
    "finding_line",
    "markdown_escape",
    "render_charts",
    "render_csv",
    "render_findings",
    "render_json",
    "render_markdown",
    "render_text",
    "render_xlsx",
    "table_csv",
    "table_markdown",
    "write_charts",
    "write_xlsx",
]

JSON_FORMAT = "sakip-report/1"
"""The ``format`` field of the JSON output; changes only with a new layout."""


def _cell(value: Cell, style: NumberStyle) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | Decimal):
        return format_number(value, style=style)
    return value


def _plain(value: Cell) -> str | int | None:
    """A cell for CSV and JSON: numbers as plain decimal strings, counts as ints."""
    if value is None or isinstance(value, str | int):
        return value
    return format_number(value, style=NumberStyle.PLAIN)


def _safe_names(keys: Sequence[str], limit: int) -> list[str]:
    """File and sheet names from table keys: safe characters only, at most ``limit``, distinct.

    Table keys hold indicator codes, which a data set may write as ``"1/2"`` or
    ``"../x"``: as a file or sheet name they must neither fail nor leave the folder.

    Examples
    --------
    >>> _safe_names(["riwayat_1/2", "riwayat_1:2", "unit_10"], 31)
    ['riwayat_1_2', 'riwayat_1_2~2', 'unit_10']
    """
    names: list[str] = []
    for key in keys:
        base = re.sub(r"[^A-Za-z0-9_.-]", "_", key).lstrip(".")[:limit] or "table"
        name, number = base, 1
        while name.lower() in {n.lower() for n in names}:
            number += 1
            suffix = f"~{number}"
            name = base[: limit - len(suffix)] + suffix
        names.append(name)
    return names


def _header(report: LkipReport) -> list[str]:
    dataset = report.dataset
    return [dataset.title, f"{dataset.unit.name} - tahun {dataset.year}"]


def _text_table(table: Table) -> list[str]:
    cells = [[_cell(c, NumberStyle.INDONESIAN) for c in row] for row in table.rows]
    widths = [len(c) for c in table.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    widths = [min(w, 48) for w in widths]
    numeric = [
        all(isinstance(row[i], int | Decimal) or row[i] is None for row in table.rows)
        and bool(table.rows)
        for i in range(len(table.columns))
    ]

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, width, right in zip(values, widths, numeric, strict=True):
            text = value if len(value) <= width else value[: width - 1] + "~"
            parts.append(text.rjust(width) if right else text.ljust(width))
        return "  ".join(parts).rstrip()

    out = [
        table.title,
        "=" * len(table.title),
        line(table.columns),
        line(["-" * w for w in widths]),
    ]
    out += [line(row) for row in cells]
    if table.note:
        out.append(table.note)
    return out


def render_text(
    report: LkipReport, findings: Sequence[Finding] | None = None, *, checked: int | None = None
) -> str:
    """The report as aligned plain text for the terminal.

    Each table under its underlined title, numbers in Indonesian style and
    right-aligned, a column at most 48 characters wide (a longer cell is cut
    with ``~``), the table's note below it; then the findings if given, as
    :func:`render_findings` writes them.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> text = render_text(compute_report(load_dataset()))
    >>> "102,77" in text and "107,34" in text
    True
    """
    lines = _header(report)
    for table in report.tables:
        lines += ["", *_text_table(table)]
    if findings is not None:
        lines += ["", *render_findings(findings, checked=checked).splitlines()]
    return "\n".join(lines) + "\n"


def render_findings(findings: Sequence[Finding], *, checked: int | None = None) -> str:
    """The audit's findings, one per line, after a line saying what was checked.

    Parameters
    ----------
    findings : sequence of Finding
        The figures that differ (:func:`sakip.report.audit.audit`).
    checked : int, optional
        How many printed figures the audit compared
        (:attr:`sakip.report.audit.AuditResult.checked`). Without it the
        heading only counts the findings.

    Examples
    --------
    Printed and computed numbers are in Indonesian style, as everywhere a
    person reads (``1.234,56``); text values are quoted.

    >>> staff = Finding("BAB I, L171", 119, 121, "sum of the staff table")
    >>> pagu = Finding("Jumlah / pagu", 7988525000, 7860925000, "total = sum of the rows")
    >>> label = Finding("kategori", "Sangat Baik", "Memuaskan", "the band table")
    >>> print(render_findings([staff, pagu, label], checked=4))
    Audit: 4 printed figures checked, 3 differ from the rules
      1. BAB I, L171: printed 119, computed 121 (sum of the staff table)
      2. Jumlah / pagu: printed 7.988.525.000, computed 7.860.925.000 (total = sum of the rows)
      3. kategori: printed 'Sangat Baik', computed 'Memuaskan' (the band table)
    >>> render_findings([], checked=2)
    'Audit: 2 printed figures checked, 0 differ.'
    >>> render_findings([], checked=0)
    'Audit: 0 printed figures to check.'
    """
    lines = [_audit_heading(len(findings), checked)]
    lines += [f"{n:>3}. {finding_line(finding)}" for n, finding in enumerate(findings, 1)]
    return "\n".join(lines)


def _shown_value(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return show_value(value)
    if isinstance(value, Decimal) and not value.is_finite():
        return show_value(value)
    return format_number(value, style=NumberStyle.INDONESIAN)


def finding_line(finding: Finding) -> str:
    """One finding for people: its location, the printed and the computed value, the rule.

    As ``str(finding)``, but numbers in Indonesian style.

    Examples
    --------
    >>> finding_line(Finding("BAB III A, L1495", Decimal("115.69"), Decimal("116.22"), "capaian"))
    'BAB III A, L1495: printed 115,69, computed 116,22 (capaian)'
    """
    return (
        f"{finding.location}: printed {_shown_value(finding.printed)}, "
        f"computed {_shown_value(finding.computed)} ({finding.rule})"
    )


def _figures(count: int) -> str:
    return f"{count} printed figure{'s' if count != 1 else ''}"


def _finding_cell(value: object) -> Cell:
    if isinstance(value, int | Decimal | str) or value is None:
        return value
    return str(value)


def _findings_table(findings: Sequence[Finding]) -> Table:
    """The audit's findings as one table (No, Lokasi, Tercetak, Dihitung, Aturan), for people.

    The Word document, the HTML page and the workbook's first sheet show it.

    Examples
    --------
    >>> table = _findings_table([Finding("BAB I, L171", 119, 121, "sum of the staff table")])
    >>> table.columns, table.rows
    (('No', 'Lokasi', 'Tercetak', 'Dihitung', 'Aturan'), ((1, 'BAB I, L171', 119, 121, 'sum of the staff table'),))
    """
    rows = tuple(
        (number, f.location, _finding_cell(f.printed), _finding_cell(f.computed), f.rule)
        for number, f in enumerate(findings, 1)
    )
    return Table(
        "temuan",
        "Angka tercetak yang berbeda dari aturan",
        ("No", "Lokasi", "Tercetak", "Dihitung", "Aturan"),
        rows,
    )


def _audit_heading(differ: int, checked: int | None) -> str:
    """The audit's first line: what it compared and how many differ."""
    verb = "differs" if differ == 1 else "differ"
    if checked is None:
        if not differ:
            return "Audit: no printed figure differs from the rules."
        return f"Audit: {_figures(differ)} {verb} from the rules"
    if checked == 0 and not differ:
        return "Audit: 0 printed figures to check."
    if not differ:
        return f"Audit: {_figures(checked)} checked, 0 differ."
    return f"Audit: {_figures(checked)} checked, {differ} {verb} from the rules"


def render_markdown(
    report: LkipReport, findings: Sequence[Finding] | None = None, *, checked: int | None = None
) -> str:
    """The report as Markdown tables (Indonesian number style), with the findings if given.

    The title as the first heading, each table as :func:`table_markdown`
    writes it with its note as a paragraph below it, and the findings as a
    ``## Audit`` list. ``|`` in text is escaped (:func:`markdown_escape`).

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> markdown = render_markdown(compute_report(load_dataset()))
    >>> print(markdown.splitlines()[0])
    # LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) BNN PROVINSI KALIMANTAN TENGAH TAHUN ANGGARAN 2024
    >>> "| 10 | Indeks kepuasan penerima layanan rehabilitasi" in markdown
    True
    """
    lines = [
        f"# {report.dataset.title}",
        "",
        f"{report.dataset.unit.name}, tahun {report.dataset.year}",
    ]
    for table in report.tables:
        lines += ["", *table_markdown(table)]
        if table.note:
            lines += ["", markdown_escape(table.note)]
    if findings is not None:
        lines += ["", "## Audit", "", _audit_heading(len(findings), checked), ""]
        lines += [f"- {markdown_escape(finding_line(f))}" for f in findings]
    return "\n".join(lines) + "\n"


def markdown_escape(text: str) -> str:
    r"""Text for a Markdown table cell or line: ``|`` escaped.

    Examples
    --------
    >>> markdown_escape("a | b")
    'a \\| b'
    """
    return text.replace("|", "\\|")


def table_markdown(table: Table) -> list[str]:
    r"""One table as Markdown lines: its title as a level-2 heading, then the table.

    Numbers in the Indonesian style; every renderer of a Markdown table goes
    through here (the report, the summary of many units, ``sakip compare``).

    Examples
    --------
    >>> table = Table("t", "Contoh", ("Kode", "Capaian"), (("1", Decimal("102.77")),))
    >>> print("\n".join(table_markdown(table)))
    ## Contoh
    <BLANKLINE>
    | Kode | Capaian |
    |---|---|
    | 1 | 102,77 |
    """
    lines = [f"## {markdown_escape(table.title)}", ""]
    lines.append("| " + " | ".join(markdown_escape(c) for c in table.columns) + " |")
    lines.append("|" + "---|" * len(table.columns))
    for row in table.rows:
        cells = (markdown_escape(_cell(c, NumberStyle.INDONESIAN)) for c in row)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "location": finding.location,
        "printed": _json_value(finding.printed),
        "computed": _json_value(finding.computed),
        "rule": finding.rule,
    }


def _json_value(value: object) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, Decimal):
        return format_number(value, style=NumberStyle.PLAIN)
    return str(value)


def _json_indicators(report: LkipReport) -> list[dict[str, Any]]:
    """Every indicator in the agreement's order; one without a capaian has ``null`` there."""
    rows: dict[str, dict[str, Any]] = {}
    for row in report.indicators:
        rows[row.entry.indicator.code] = {
            "target": _json_value(row.result.target),
            "realization": _json_value(row.result.realization),
            "capaian": _json_value(row.displayed),
            "capaian_exact": _json_value(row.result.achievement),
            "category": row.result.category.label,
            "status": row.result.status.value,
        }
    for item in report.excluded:
        rows[item.entry.indicator.code] = {
            "target": _json_value(item.excluded.target),
            "realization": _json_value(item.excluded.realization),
            "capaian": None,
            "capaian_exact": None,
            "category": NOT_COMPUTABLE_LABEL,
            "status": item.excluded.status.value,
        }
    return [
        {
            "code": entry.indicator.code,
            "objective": entry.objective,
            "name": entry.indicator.name,
            "unit_of_measure": entry.indicator.unit_of_measure,
            "polarity": entry.indicator.polarity.value,
            **rows[entry.indicator.code],
        }
        for entry in report.dataset.entries
    ]


def render_json(
    report: LkipReport, findings: Sequence[Finding] | None = None, *, checked: int | None = None
) -> str:
    """The report as stable JSON for other tools (layout in ``docs/report.md``).

    Numbers that are not counts are strings of plain decimals, so no reader
    turns them into binary floats; exact values are given beside displayed
    ones.

    Examples
    --------
    >>> import json
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> document = json.loads(render_json(compute_report(load_dataset())))
    >>> document["format"], document["summary"]["mean"], document["indicators"][9]["capaian"]
    ('sakip-report/1', '107.34', '102.77')
    """
    dataset = report.dataset
    summary = report.summary
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "document": {"title": dataset.title, "year": dataset.year, "source": dataset.source},
        "unit": {
            "code": dataset.unit.code,
            "name": dataset.unit.name,
            "level": dataset.unit.level.value,
        },
        "rounding": {
            name: {"places": p.places, "rounding": p.rounding.value}
            for name, p in dataset.policies.items()
        },
        "indicators": _json_indicators(report),
        "summary": {
            "count": summary.count,
            "mean": _json_value(report.displayed_mean),
            "mean_exact": _json_value(summary.mean),
            "above": summary.above,
            "at": summary.at,
            "below": summary.below,
            "categories": dict(summary.categories),
        },
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "columns": list(table.columns),
                "rows": [[_plain(c) for c in row] for row in table.rows],
                "note": table.note,
            }
            for table in report.tables
        ],
    }
    if findings is not None:
        document["findings"] = [_finding_json(f) for f in findings]
        if checked is not None:
            document["checked"] = checked
            document["differ"] = len(findings)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
