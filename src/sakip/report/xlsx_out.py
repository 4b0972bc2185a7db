"""The XLSX workbook of a computed report: one to hand to a head of unit (extra ``xlsx``).

The first sheet, ``Ringkasan``, holds the summary of capaian and the
audit's findings; then one sheet per table, named after its title
(:func:`sakip.report.csv_out.sheet_names`). Every sheet has a title row
(table, unit, year), a bold header row that stays in view (frozen) and
repeats on printed pages, and columns as wide as their content.

Numbers are numbers: a Decimal is stored with exactly its digits
(``133.33``, never ``133.32999``) and shown with its own places
(``#,##0.00``); a count or a rupiah amount is an integer shown with
thousands separators (``#,##0``); a capaian of ``107,34`` is the number
107.34 with ``#,##0.00`` (not a percentage format). Excel shows the
separators of the viewer's locale: ``107,34`` and ``11.010.853.963`` in
an Indonesian Windows. A number of more than 15 significant digits, which
Excel cannot hold exactly, is stored as text in Indonesian style instead.
Text is always a text cell, marked "quote prefix" when it starts like a
formula: no cell of the workbook is a formula. ``docs/report.md`` has
the details.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip._io import atomic_write
from sakip.findings import Finding
from sakip.numbers import NumberStyle, format_number
from sakip.report._extras import import_extra
from sakip.report.compute import Cell, LkipReport, Table
from sakip.report.csv_out import sheet_names
from sakip.report.safety import formula_like

__all__ = ["SUMMARY_SHEET", "number_format", "render_xlsx", "write_xlsx"]

SUMMARY_SHEET = "Ringkasan"
"""The name of the first sheet: the summary of capaian and the audit's findings."""

#: Columns whose digit-only text cells are numbers without thousands separators (years, codes).
_PLAIN_INTEGER_COLUMNS = frozenset({"No", "Tahun"})
_DIGITS = re.compile(r"[1-9][0-9]{0,14}")
#: Excel holds 15 significant digits exactly.
_EXCEL_DIGITS = 15
#: The widest column and the widest header (in characters): longer text wraps.
_MAX_WIDTH = 60
_HEADER_WIDTH = 24
#: The height of a line of 11-point text, in points, and the characters of text on a line of
#: the widest column (text is narrower than the digit "0" that column widths count).
_LINE_HEIGHT = 15
_LINE_CHARACTERS = 70


def number_format(value: int | Decimal) -> str:
    """The Excel number format of a value: thousands separators, its own decimal places.

    Examples
    --------
    >>> number_format(11010853963), number_format(Decimal("107.34"))
    ('#,##0', '#,##0.00')
    >>> number_format(Decimal("5.1")), number_format(Decimal("1E+3"))
    ('#,##0.0', '#,##0')
    """
    places = 0 if isinstance(value, int) else max(0, -int(value.as_tuple().exponent))
    return "#,##0" + ("." + "0" * places if places else "")


def _exact_in_excel(value: int | Decimal) -> bool:
    digits = len(str(abs(value))) if isinstance(value, int) else len(value.as_tuple().digits)
    return digits <= _EXCEL_DIGITS


def _shown(value: Cell) -> str:
    """The cell as a reader sees it, for the column width."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return format_number(value, style=NumberStyle.INDONESIAN)


class _Sheet:
    """One worksheet being written: rows, their styles, and the widths of the columns."""

    def __init__(self, openpyxl: Any, sheet: Any) -> None:
        styles = openpyxl.styles
        self.sheet = sheet
        self.bold = styles.Font(name="Calibri", size=11, bold=True)
        self.title_font = styles.Font(name="Calibri", size=12, bold=True)
        self.note_font = styles.Font(name="Calibri", size=11, italic=True)
        self.fill = styles.PatternFill("solid", fgColor="DDEBF7")
        self.edge = styles.Border(bottom=styles.Side(style="thin"))
        # Text a little off the left edge, so that it does not touch a number on its left.
        self.top = styles.Alignment(vertical="top")
        self.text = styles.Alignment(horizontal="left", vertical="top", indent=1)
        self.wrap = styles.Alignment(horizontal="left", vertical="top", indent=1, wrap_text=True)
        self.right = styles.Alignment(horizontal="right", vertical="top")
        self.head_right = styles.Alignment(horizontal="right", wrap_text=True, vertical="top")
        self.widths: dict[int, int] = {}
        self.row = 0

    def _put(self, column: int, value: Cell, *, plain_integer: bool = False) -> Any:
        cell = self.sheet.cell(row=self.row, column=column)
        if value is None:
            return cell
        if isinstance(value, bool):
            value = "ya" if value else "tidak"
        if isinstance(value, str) and plain_integer and _DIGITS.fullmatch(value):
            cell.value = int(value)
            cell.number_format = "0"
        elif isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # openpyxl makes "=..." a formula and "#N/A" an error
            if formula_like(value):
                cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        elif isinstance(value, int) and _exact_in_excel(value):
            cell.value = value
            cell.number_format = number_format(value)
        elif _exact_in_excel(value):
            # openpyxl writes a number as "%.16g" of a float (8.7 -> 8.699999999999999): the
            # cell gets the Decimal's own digits as its stored text, marked as a number.
            cell.value = format_number(value, style=NumberStyle.PLAIN)
            cell.data_type = "n"
            cell.number_format = number_format(value)
        else:  # more digits than Excel holds: exact text, aligned as a number
            cell.value = format_number(value, style=NumberStyle.INDONESIAN)
            cell.data_type = "s"
            cell.alignment = self.right
        return cell

    def line(self, text: str, font: Any = None) -> None:
        """A row of one text cell that spills over the columns to its right (title, note)."""
        self.row += 1
        cell = self._put(1, text)
        if font is not None:
            cell.font = font

    def _height(self, lines: int) -> None:
        """Room for ``lines`` lines of wrapped text (spreadsheets do not all fit rows on opening)."""
        if lines > 1:
            self.sheet.row_dimensions[self.row].height = _LINE_HEIGHT * lines

    def header(self, columns: Sequence[str]) -> None:
        self.row += 1
        for column, name in enumerate(columns, 1):
            cell = self._put(column, name)
            cell.font, cell.fill, cell.border = self.bold, self.fill, self.edge
            cell.alignment = self.wrap
            self.widths[column] = max(self.widths.get(column, 0), min(len(name), _HEADER_WIDTH))
        self._height(max((-(-len(name) // _HEADER_WIDTH) for name in columns), default=1))

    def values(self, columns: Sequence[str], values: Sequence[Cell]) -> None:
        self.row += 1
        lines = 1
        for column, (name, value) in enumerate(zip(columns, values, strict=True), 1):
            cell = self._put(column, value, plain_integer=name in _PLAIN_INTEGER_COLUMNS)
            if cell.alignment.horizontal is None:
                cell.alignment = self.text if cell.data_type == "s" else self.top
            width = len(_shown(value))
            if width > _MAX_WIDTH:
                cell.alignment = self.wrap
                lines = max(lines, -(-width // _LINE_CHARACTERS))
            self.widths[column] = max(self.widths.get(column, 0), min(width, _MAX_WIDTH))
        self._height(lines)

    def table(self, table: Table) -> tuple[int, int]:
        """The header and the rows of ``table``; returns the header's row and the last row."""
        self.header(table.columns)
        first = self.row
        for column in range(len(table.columns)):
            cells = [row[column] for row in table.rows if row[column] is not None]
            if cells and all(isinstance(c, int | Decimal) for c in cells):
                self.sheet.cell(row=first, column=column + 1).alignment = self.head_right
        for row in table.rows:
            self.values(table.columns, row)
        return first, self.row

    def finish(self, openpyxl: Any, header_row: int, *, repeat: bool = True) -> None:
        """Widths, the rows frozen above ``header_row + 1`` (repeated on printed pages), page setup."""
        letter = openpyxl.utils.get_column_letter
        for column, width in self.widths.items():
            self.sheet.column_dimensions[letter(column)].width = max(width, 6) + 2
        self.sheet.freeze_panes = f"A{header_row + 1}"
        if repeat:
            self.sheet.print_title_rows = f"{header_row}:{header_row}"
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _place(report: LkipReport) -> str:
    return f"{report.dataset.unit.name}, tahun {report.dataset.year}"


def _audit_line(findings: Sequence[Finding], checked: int) -> str:
    differ = len(findings)
    if checked == 0 and not differ:
        return "Tidak ada angka tercetak yang diperiksa."
    return f"{checked} angka tercetak diperiksa, {differ} berbeda dari aturan."


def _summary_sheet(
    openpyxl: Any, book: Any, report: LkipReport, findings: Sequence[Finding] | None, checked: int
) -> None:
    from sakip.report.render import _findings_table  # render imports this module

    sheet = _Sheet(openpyxl, book.create_sheet(title=SUMMARY_SHEET))
    sheet.line(report.dataset.title, sheet.title_font)
    sheet.line(_place(report), sheet.bold)
    summary = next((t for t in report.tables if t.key == "ringkasan"), None)
    if summary is not None:
        sheet.row += 1
        sheet.line(summary.title, sheet.bold)
        sheet.table(summary)
    if findings is None:  # not audited: the summary alone
        sheet.finish(openpyxl, 2, repeat=False)
        return
    sheet.row += 1
    sheet.line("Temuan audit", sheet.bold)
    sheet.line(_audit_line(findings, checked))
    if findings:
        # Without the "No" column: "Lokasi" stands under the summary's "Ukuran".
        found = _findings_table(findings)
        rows = tuple(row[1:] for row in found.rows)
        sheet.table(Table("temuan", "Temuan audit", found.columns[1:], rows))
    sheet.finish(openpyxl, 2, repeat=False)  # the document's title and the unit stay in view


def _table_sheet(openpyxl: Any, book: Any, report: LkipReport, table: Table, name: str) -> None:
    sheet = _Sheet(openpyxl, book.create_sheet(title=name))
    sheet.line(f"{table.title} - {_place(report)}", sheet.title_font)
    first, last = sheet.table(table)
    if table.rows and table.columns:
        end = openpyxl.utils.get_column_letter(len(table.columns))
        sheet.sheet.auto_filter.ref = f"A{first}:{end}{last}"
    if table.note:
        sheet.row += 1
        sheet.line(table.note, sheet.note_font)
    sheet.finish(openpyxl, first)


def render_xlsx(
    report: LkipReport, findings: Sequence[Finding] | None = None, *, checked: int | None = None
) -> bytes:
    """The XLSX workbook (needs the ``xlsx`` extra: openpyxl).

    The first sheet is :data:`SUMMARY_SHEET` (the summary, and the audit's
    findings when given, as :func:`~sakip.report.docx_out.render_docx` and
    :func:`~sakip.report.html_out.render_html` take them), then one sheet per
    other table in the report's order. The workbook's language is ``id-ID``.

    Parameters
    ----------
    report : LkipReport
    findings : sequence of Finding, optional
        The audit's findings (:func:`sakip.report.audit.run_audit`).
    checked : int, optional
        How many printed figures the audit checked (default: the number of
        findings).

    Raises
    ------
    MissingExtraError
        openpyxl is not installed.

    Examples
    --------
    The sheets are in the report's order, the summary first:

    >>> import io
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> try:
    ...     from openpyxl import load_workbook
    ...     data = render_xlsx(compute_report(load_dataset()))
    ...     load_workbook(io.BytesIO(data)).sheetnames[:2]
    ... except (ImportError, MissingExtraError):  # without the xlsx extra
    ...     [SUMMARY_SHEET, "Pengukuran Kinerja"]
    ['Ringkasan', 'Pengukuran Kinerja']
    """
    openpyxl: Any = import_extra("openpyxl", "--format xlsx", "xlsx")
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.properties.language = "id-ID"
    book.properties.title = report.dataset.title
    book.properties.creator = "sakip"
    count = checked if checked is not None else len(findings or ())
    _summary_sheet(openpyxl, book, report, findings, count)
    tables = [table for table in report.tables if table.key != "ringkasan"]
    names = sheet_names([Table("ringkasan", SUMMARY_SHEET, (), ()), *tables])[1:]
    for table, name in zip(tables, names, strict=True):
        _table_sheet(openpyxl, book, report, table, name)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(
    report: LkipReport,
    path: str | Path,
    findings: Sequence[Finding] | None = None,
    *,
    checked: int | None = None,
) -> None:
    """Write :func:`render_xlsx` to ``path``, atomically (needs the ``xlsx`` extra: openpyxl).

    The workbook is written to a temporary file in the same folder, then
    renamed: ``path`` is never left half-written.

    Raises
    ------
    MissingExtraError
        openpyxl is not installed: no file is written.
    OSError
        The file cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     write_xlsx(compute_report(load_dataset()), folder / "lkip.xlsx")
    ... except MissingExtraError:  # without the xlsx extra
    ...     _ = (folder / "lkip.xlsx").write_bytes(b"PK")
    >>> [path.name for path in folder.iterdir()]  # no temporary file left behind
    ['lkip.xlsx']
    """
    atomic_write(Path(path), render_xlsx(report, findings, checked=checked))
