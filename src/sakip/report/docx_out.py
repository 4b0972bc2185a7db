"""The report as a Word document: every table ready to paste into the LKIP.

:func:`render_docx` writes the report's tables in their order (Pengukuran
Kinerja grouped by sasaran as the LKIP prints it, the summary, the tables
per satuan kerja, the histories, the budget and the instruments), each under
a numbered caption (``Tabel 1. Pengukuran Kinerja``, a Word ``SEQ`` field,
so Word's table of tables finds it), with a bold header row repeated on
every page, numbers in Indonesian style aligned right, rows never split
across pages, and the table's note below it; then the audit's findings.
Needs python-docx (the ``docx`` extra).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip._io import atomic_write
from sakip.findings import Finding
from sakip.report._extras import import_extra
from sakip.report.compute import Cell, LkipReport, Table
from sakip.report.html_out import SASARAN_COLUMN, sasaran_groups
from sakip.report.render import _audit_heading, _cell, _findings_table

__all__ = ["render_docx", "write_docx"]

_HEADER_FILL = "DCE6F1"
_GROUP_FILL = "F2F2F2"
_WIDE_COLUMNS = 9


def _text(value: Cell) -> str:
    from sakip.numbers import NumberStyle

    return _cell(value, NumberStyle.INDONESIAN)


def _numeric(value: Cell) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _element(docx: Any, tag: str, **attributes: str) -> Any:
    element = docx.oxml.OxmlElement(tag)
    for name, value in attributes.items():
        element.set(docx.oxml.ns.qn(name), value)
    return element


def _shade(docx: Any, cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        _element(docx, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill})
    )


def _row_flags(docx: Any, row: Any, *, header: bool = False) -> None:
    """No row split across pages; a header row repeats on every page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(_element(docx, "w:cantSplit"))
    if header:
        properties.append(_element(docx, "w:tblHeader"))


def _fill(cell: Any, text: str, *, size: Any, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = 0
    if right:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = size


def _widths(table: Any, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Column widths by content, at most the page's 267 mm: long text wide, numbers narrow."""
    from docx.shared import Mm

    weights = []
    for at, column in enumerate(columns):
        texts = [_text(row[at]) for row in rows]
        longest_word = (
            max(len(word) for text in texts for word in text.split() or [""]) if texts else 0
        )
        header_word = max(len(word) for word in column.split() or [""])
        longest_cell = max((len(text) for text in texts), default=0)
        # Bold header words and the longest word of a cell never break; long text wraps.
        weights.append(
            max(6, header_word * 1.2 + 3, longest_word * 1.15 + 3, min(longest_cell, 60))
        )
    total = sum(weights)
    page = min(267.0, total * 2.1)  # about 2 mm a character at 9 pt; a narrow table stays narrow
    table.autofit = False
    for at, weight in enumerate(weights):
        width = Mm(page * weight / total)
        table.columns[at].width = width
        for cell in table.columns[at].cells:
            cell.width = width


def _caption(docx: Any, document: Any, title: str) -> None:
    """``Tabel <n>. title`` in Word's Caption style, the number a ``SEQ Tabel`` field."""
    paragraph = document.add_paragraph(style="Caption")
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run("Tabel ")
    # A complex field (begin, instruction, separate, result, end): Word renumbers it, and
    # every reader that ignores fields still sees the number.
    for kind in ("begin", "instruction", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instruction":
            instruction = _element(docx, "w:instrText", **{"xml:space": "preserve"})
            instruction.text = r" SEQ Tabel \* ARABIC "
            run._r.append(instruction)
        elif kind == "result":
            run.text = str(len(document.tables) + 1)
        else:
            run._r.append(_element(docx, "w:fldChar", **{"w:fldCharType": kind}))
    paragraph.add_run(f". {title}")


def _table(
    docx: Any, document: Any, title: str, columns: Sequence[str], groups: Any, note: str
) -> None:
    from docx.shared import Pt

    size = Pt(7.5) if len(columns) >= _WIDE_COLUMNS else Pt(9)
    _caption(docx, document, title)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _row_flags(docx, header, header=True)
    for cell, column in zip(header.cells, columns, strict=True):
        _fill(cell, column, size=size, bold=True)
        _shade(docx, cell, _HEADER_FILL)
    for name, rows in groups:
        if name:
            row = table.add_row()
            _row_flags(docx, row)
            merged = row.cells[0].merge(row.cells[-1])
            _fill(merged, name, size=size, bold=True)
            _shade(docx, merged, _GROUP_FILL)
        for values in rows:
            row = table.add_row()
            _row_flags(docx, row)
            for cell, value in zip(row.cells, values, strict=True):
                _fill(cell, _text(value), size=size, right=_numeric(value))
    _widths(table, columns, [row for _, rows in groups for row in rows])
    if note:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(note)
        run.italic = True
        run.font.size = Pt(8)
    else:
        document.add_paragraph()


def _report_table(docx: Any, document: Any, table: Table) -> None:
    columns = [c for c in table.columns if c != SASARAN_COLUMN]
    if len(columns) == len(table.columns):
        groups: Any = [("", list(table.rows))]
    else:
        groups = sasaran_groups(table)
    _table(docx, document, table.title, columns, groups, table.note)


def render_docx(
    report: LkipReport, findings: Sequence[Finding] | None = None, *, checked: int | None = None
) -> bytes:
    """The report's tables as a Word document (needs the ``docx`` extra: python-docx).

    A4 landscape, one Word table per table of the report in its order,
    then the audit's findings when given.

    Parameters
    ----------
    report : LkipReport
    findings : sequence of Finding, optional
        The audit's findings (:func:`sakip.report.audit.run_audit`).
    checked : int, optional
        How many printed figures the audit compared.

    Raises
    ------
    MissingExtraError
        python-docx is not installed.

    Examples
    --------
    A Word document is a zip archive whose text is ``word/document.xml``:

    >>> import io, zipfile
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> try:
    ...     archive = zipfile.ZipFile(io.BytesIO(render_docx(compute_report(load_dataset()))))
    ...     "word/document.xml" in archive.namelist()
    ... except MissingExtraError:  # without the docx extra
    ...     True
    True
    """
    docx: Any = import_extra("docx", "--format docx", "docx")
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.size = Pt(10)
    for style in ("Normal", "Caption", "Heading 1", "Heading 2"):
        # Arial, as BNN's documents use; the template's theme fonts would not be kept.
        font = document.styles[style].font
        font.name = "Arial"
        font.element.rPr.rFonts.set(docx.oxml.ns.qn("w:eastAsia"), "Arial")
        font.element.rPr.rFonts.attrib.pop(docx.oxml.ns.qn("w:asciiTheme"), None)
        font.element.rPr.rFonts.attrib.pop(docx.oxml.ns.qn("w:hAnsiTheme"), None)
    dataset = report.dataset
    properties = document.core_properties
    properties.title = dataset.title
    properties.author = properties.last_modified_by = "sakip"
    properties.comments = f"{dataset.unit.name}, tahun {dataset.year}"
    document.add_heading(dataset.title, level=1)
    document.add_paragraph(f"{dataset.unit.name}, tahun {dataset.year}")
    for table in report.tables:
        _report_table(docx, document, table)
    if findings is not None:
        document.add_heading("Audit angka tercetak", level=2)
        document.add_paragraph(_audit_heading(len(findings), checked))
        if findings:
            _report_table(docx, document, _findings_table(findings))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(
    report: LkipReport,
    path: str | Path,
    findings: Sequence[Finding] | None = None,
    *,
    checked: int | None = None,
) -> None:
    """Write :func:`render_docx` to ``path``, atomically (needs the ``docx`` extra).

    Raises
    ------
    MissingExtraError
        python-docx is not installed: no file is written.
    OSError
        The file cannot be written.

    Examples
    --------
    With the audit's findings as the last table:

    >>> import tempfile, pathlib
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.audit import run_audit
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> audit = run_audit(report)
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "lkip.docx"
    >>> try:
    ...     write_docx(report, target, audit.findings, checked=audit.checked)
    ... except MissingExtraError:  # without the docx extra
    ...     _ = target.write_bytes(b"PK")
    >>> target.read_bytes()[:2]
    b'PK'
    """
    atomic_write(Path(path), render_docx(report, findings, checked=checked))
