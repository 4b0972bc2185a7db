"""``sakip template``: a fillable workbook for an LKIP data set, empty or filled from one.

The workbook has the sheets of :data:`sakip.report.workbook_layout.LAYOUT`
and a first sheet *Petunjuk* that explains every column in Indonesian. Each
sheet has a bold, frozen Indonesian heading (row 1) and the column's key
(row 2, what the reader matches), lists of the allowed values on the enum
columns (data validation), widths, and text format on the columns whose
text must stay text. Values are written so that
:func:`sakip.report.workbook_reader.read_workbook` gives back the same
document: decimals as number cells whose format keeps their decimals
(``"3.60"`` is 3.6 shown ``0.00``), printed figures as text cells, text
that starts like a formula (``=``, ``+``, ``-``, ``@``) as text marked with
a quote prefix, never as a formula. The rules are in ``docs/excel-in.md``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.report._extras import import_extra
from sakip.report.safety import formula_like
from sakip.report.workbook_layout import (
    HEADER_ROWS,
    KINDS,
    LAYOUT,
    SHEETS,
    Column,
    Sheet,
    Step,
    split_key,
)

__all__ = ["GUIDE_SHEET", "dataset_document", "render_template"]

GUIDE_SHEET = "Petunjuk"
"""The name of the sheet that explains every column."""

#: A plain decimal a spreadsheet number holds exactly (at most 15 significant digits).
_PLAIN = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?")
_VALIDATED_ROWS = 500
_HEADING_FILL = "DDEBF7"

_GUIDE_RULES = (
    "Satu lembar untuk tiap bagian data LKIP; baris 1 judul kolom, baris 2 kunci kolom "
    "(jangan diubah: kolom dikenali dari kunci ini, urutannya bebas); isi mulai baris 3.",
    "Angka: ketik sebagai angka, atau sebagai teks dengan titik desimal (3.60). Sel angka "
    "dibaca persis (3,6 adalah 3.6; format 0,00 membuatnya 3.60), tanpa sisa pecahan biner. "
    "Jangan memakai format persen (93,45% tersimpan sebagai 0,9345).",
    "Angka tercetak (kolom bertanda 'tercetak'): ketik sebagai teks, persis seperti di dokumen "
    "(102.77, 100, 115.6): jumlah desimal ikut diperiksa. Sel angka hanya diterima bila "
    "bilangan bulat.",
    "Rumus tidak dibaca: sel berisi rumus ditolak dengan letaknya. Salin lalu Tempel Nilai "
    "(Paste Values). Berkas bermakro (.xlsm) tidak dibaca.",
    "Teks yang diawali = + - @ tetap teks (diberi tanda kutip di depan).",
    "Pilihan (polaritas, pembulatan, tingkat, ...) dipilih dari daftar pada sel.",
    "Daftar dalam satu sel (unit yang dihitung, kategori): satu nilai per baris (Alt+Enter).",
    "Lembar anak merujuk baris induknya: Indikator lewat kode sasaran, Indikator per Unit dan "
    "Riwayat Indikator lewat kode indikator, Anggaran Baris lewat No tabel.",
    "Sel kosong berarti tidak diisi; lembar yang tidak dipakai boleh dibiarkan kosong.",
    "IKM dari jawaban mentah: di lembar IKM, kolom answers berisi nama berkas CSV jawaban SKM "
    "(mis. skm-2024.csv), dicari di folder yang sama dengan buku kerja ini (seperti untuk "
    "berkas TOML): salin berkas CSV itu ke samping buku kerja. Isi answers sebagai ganti NRR "
    "unsur; semester, dialect dan columns hanya dipakai bersama answers.",
    "Setiap masalah dilaporkan dengan lembar dan selnya, mis. "
    "'objectives[0].indicators[1].target (sheet Indikator, cell F4): ...'.",
)


def _openpyxl() -> Any:
    return import_extra("openpyxl", "sakip template", "xlsx")


def _get(node: Any, steps: tuple[Step, ...]) -> Any:
    """The value at ``steps`` below ``node``, or ``None`` when the path does not exist."""
    for step in steps:
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return None
            node = node[step]
        elif isinstance(node, Mapping) and step in node:
            node = node[step]
        else:
            return None
    return node


class _Row:
    """One data row of a sheet: the path of its table, the table, its position."""

    def __init__(self, base: tuple[Step, ...], table: Any, position: int, link: Any) -> None:
        self.base = base
        self.table = table
        self.position = position
        self.link = link


def _list_length(table: Any, sheet: Sheet) -> int:
    length = 0
    for column in sheet.columns:
        steps = split_key(column.key.replace("[*]", ""))
        head = steps[: steps.index("#")]
        found = _get(table, head)
        if isinstance(found, list):
            length = max(length, len(found))
    return length


def _rows(sheet: Sheet, document: Mapping[str, Any]) -> list[_Row]:
    """The rows of ``sheet`` for ``document``, parents resolved through their sheets."""
    steps = split_key(sheet.path)
    if sheet.parent is None:
        parents = [_Row((), document, 0, None)]
    else:
        parents = _rows(SHEETS[sheet.parent], document)
    rows: list[_Row] = []
    for parent in parents:
        found = _get(parent.table, steps)
        if sheet.parent is None:
            link = None
        else:
            parent_sheet = SHEETS[sheet.parent]
            assert parent_sheet.ident is not None
            ident = _column(parent_sheet, parent_sheet.ident)
            if ident.kind == "ident":
                link = parent.position + 1
            else:
                link = _get(parent.table, split_key(ident.key))
        if sheet.shape == "one":
            if isinstance(found, Mapping):
                rows.append(_Row(parent.base + steps, found, 0, link))
        elif sheet.shape == "list":
            for position in range(_list_length(found, sheet)):
                rows.append(_Row(parent.base + steps, found, position, link))
        elif isinstance(found, list):
            for position, item in enumerate(found):
                rows.append(_Row((*parent.base, *steps, position), item, len(rows), link))
    return rows


def _column(sheet: Sheet, key: str) -> Column:
    return next(column for column in sheet.columns if column.key == key)


def _names(column: Column, rows: list[_Row]) -> list[str]:
    """The concrete names of a wildcard column: the examples, then those the rows use."""
    names = list(column.examples)
    steps = split_key(column.key[:-3] if column.key.endswith("[*]") else column.key[:-2])
    for row in rows:
        found = _get(row.table, _at(steps, row))
        if column.key.endswith("[*]") and isinstance(found, list):
            names += [str(i) for i in range(len(found)) if str(i) not in names]
        elif isinstance(found, Mapping):
            names += [str(name) for name in found if str(name) not in names]
    if column.key.endswith("[*]"):
        names.sort(key=int)
    return names


def _at(steps: tuple[Step, ...], row: _Row) -> tuple[Step, ...]:
    return tuple(row.position if step == "#" else step for step in steps)


def _value(sheet: Sheet, column: Column, header: str, row: _Row, document: Any) -> Any:
    if column.kind == "ident":
        return row.position + 1
    if column.kind == "link":
        return row.link
    if column.by is not None:
        above = _get(document, row.base[:-2])
        return _get(above, (column.key, _get(row.table, (column.by,))))
    match = column.match(header)
    assert match is not None
    return _get(row.table, _at(match, row))


def _number_format(text: str, thousands: bool) -> tuple[Decimal, str] | None:
    """A decimal text as a number and the format that shows its decimals, or ``None``."""
    found = _PLAIN.fullmatch(text)
    if found is None or len((found.group(1) + (found.group(2) or "")).lstrip("0")) > 15:
        return None
    places = len(found.group(2) or "")
    base = "#,##0" if thousands else "0"
    return Decimal(text), base + ("." + "0" * places if places else "")


def _write_cell(cell: Any, column: Column, value: Any) -> None:
    """Write ``value`` so that the reader gives it back (text stays text)."""
    if isinstance(value, bool):
        value = "ya" if value else "tidak"
    elif isinstance(value, float):
        value = repr(value)
    if column.kind == "lines" and isinstance(value, list):
        value = "\n".join(str(item) for item in value)
    if isinstance(value, int):
        cell.value = value
        if column.kind == "amount":
            cell.number_format = "#,##0"
        return
    if not isinstance(value, str):
        value = str(value)
    if column.kind in {"number", "amount"}:
        number = _number_format(value, column.kind == "amount")
        if number is not None:
            cell.value, cell.number_format = number
            return
    cell.value = value
    cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error
    cell.number_format = "@"
    if formula_like(value):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited


def _style_headers(openpyxl: Any, sheet: Any, widths: list[int]) -> None:
    styles = openpyxl.styles
    heading = styles.Font(bold=True)
    fill = styles.PatternFill("solid", fgColor=_HEADING_FILL)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = heading, fill, wrap
    for cell in sheet[2]:
        cell.font = styles.Font(italic=True, color="808080", size=9)
    sheet.freeze_panes = f"A{HEADER_ROWS + 1}"
    for index, width in enumerate(widths, 1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = width


def _write_sheet(openpyxl: Any, book: Any, sheet: Sheet, document: Mapping[str, Any]) -> None:
    rows = _rows(sheet, document)
    columns: list[tuple[Column, str, str]] = []
    for column in sheet.columns:
        names = _names(column, rows) if column.wildcard else [""]
        for name, header in zip(names, column.headers(names), strict=True):
            label = f"{column.label} {_label_suffix(column, name)}".strip()
            columns.append((column, header, label))
    out = book.create_sheet(title=sheet.name)
    out.append([label for _, _, label in columns])
    out.append([header for _, header, _ in columns])
    for cell in (*out[1], *out[2]):
        cell.data_type = "s"
    widths = [min(60, max(10, len(label) + 2, len(header) + 2)) for _, header, label in columns]
    for offset, row in enumerate(rows):
        lines = 1
        for index, (column, header, _) in enumerate(columns, 1):
            value = _value(sheet, column, header, row, document)
            if value is None:
                continue
            cell = out.cell(row=HEADER_ROWS + 1 + offset, column=index)
            _write_cell(cell, column, value)
            if column.kind == "lines":
                cell.alignment = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
            parts = str(cell.value).splitlines()
            lines = max(lines, len(parts))
            longest = max((len(line) for line in parts), default=0)
            widths[index - 1] = min(60, max(widths[index - 1], longest + 2))
        if lines > 1:  # a list cell: one value per line, all shown
            out.row_dimensions[HEADER_ROWS + 1 + offset].height = 15 * lines
    _style_headers(openpyxl, out, widths)
    _print_wide(out)
    last = HEADER_ROWS + len(rows) + _VALIDATED_ROWS
    for index, (column, _, _) in enumerate(columns, 1):
        letter = openpyxl.utils.get_column_letter(index)
        if column.choices:
            choices = ",".join(column.choices)
            validation = openpyxl.worksheet.datavalidation.DataValidation(
                type="list",
                formula1=f'"{choices}"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Pilihan tidak dikenal",
                error=f"Pilih salah satu: {', '.join(column.choices)}",
            )
            validation.add(f"{letter}{HEADER_ROWS + 1}:{letter}{last}")
            out.add_data_validation(validation)
        if column.kind == "link" and sheet.parent is not None:
            out.add_data_validation(_parent_list(openpyxl, book, sheet, letter, last))
        if column.kind in {"text", "printed", "lines", "link", "choice"}:
            out.column_dimensions[letter].number_format = "@"


def _parent_list(openpyxl: Any, book: Any, sheet: Sheet, letter: str, last: int) -> Any:
    """A drop-down list of the parent rows' codes (the parent sheet is written before)."""
    assert sheet.parent is not None
    parent = book[sheet.parent]
    ident = next(
        c.column_letter for c in parent[HEADER_ROWS] if c.value == SHEETS[sheet.parent].ident
    )
    end = parent.max_row + _VALIDATED_ROWS
    validation = openpyxl.worksheet.datavalidation.DataValidation(
        type="list",
        formula1=f"'{sheet.parent}'!${ident}${HEADER_ROWS + 1}:${ident}${end}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Baris induk tidak dikenal",
        error=f"Pilih kode dari lembar {sheet.parent}",
    )
    validation.add(f"{letter}{HEADER_ROWS + 1}:{letter}{last}")
    return validation


def _label_suffix(column: Column, name: str) -> str:
    if not column.wildcard:
        return ""
    if column.key.endswith("[*]"):
        if column.key.startswith("quarters"):
            return ("I", "II", "III", "IV")[int(name)] if int(name) < 4 else str(int(name) + 1)
        return str(int(name) + 1)
    return name


def _kind_text(column: Column) -> str:
    text = KINDS[column.kind]
    if column.choices:
        text += ": " + ", ".join(column.choices)
    if column.kind == "link":
        text += " (lembar induk)"
    return text


def _write_guide(openpyxl: Any, book: Any) -> None:
    guide = book.create_sheet(title=GUIDE_SHEET, index=0)
    bold = openpyxl.styles.Font(bold=True)
    guide.append(["Petunjuk pengisian templat data LKIP (sakip)"])
    guide["A1"].font = openpyxl.styles.Font(bold=True, size=14)
    for rule in _GUIDE_RULES:
        guide.append(["•", rule])
        row = guide.max_row
        guide.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        guide.row_dimensions[row].height = 15 * (len(rule) // 200 + 1)
    guide.append([])
    guide.append(["Lembar", "Kunci kolom (baris 2)", "Judul (baris 1)", "Jenis isian", "Wajib",
                  "Penjelasan"])  # fmt: skip
    header = guide.max_row
    for cell in guide[header]:
        cell.font = bold
        cell.fill = openpyxl.styles.PatternFill("solid", fgColor=_HEADING_FILL)
    for sheet in LAYOUT:
        guide.append([sheet.name, "", "", "", "", sheet.note])
        for cell in guide[guide.max_row]:
            cell.font = bold
        for column in sheet.columns:
            key = column.key.replace(".*", ".<nama>").replace("[*]", "[<n>]")
            guide.append(
                [
                    sheet.name,
                    key,
                    column.label,
                    _kind_text(column),
                    "ya" if column.required else "",
                    column.note,
                ]
            )
    for row in guide.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wrap = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
    for row in guide.iter_rows(min_row=2, max_row=header - 1):
        for cell in row:
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (24, 34, 34, 80, 7, 70), strict=True):
        guide.column_dimensions[letter].width = width
    guide.freeze_panes = f"A{header + 1}"
    _print_wide(guide)


def _print_wide(sheet: Any) -> None:
    """Printed (or saved as PDF) landscape, all columns on the width of a page."""
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _empty_document() -> dict[str, Any]:
    from sakip.report.dataset import DEFAULT_POLICIES

    return {
        "schema": 1,
        "rounding": {
            name: {"places": policy.places, "rounding": policy.rounding.value}
            for name, policy in DEFAULT_POLICIES.items()
        },
    }


def render_template(document: Mapping[str, Any] | None = None) -> bytes:
    """The workbook of a data set document (an empty template when ``document`` is None).

    ``document`` is what the TOML parser gets (``tomllib.load`` of a data
    set, or :func:`sakip.report.workbook_reader.read_workbook`); a valid
    data set's document round-trips: reading the workbook gives a data set
    equal to the one ``document`` gives. The empty template holds the
    format version and the default rounding policies.

    Raises
    ------
    MissingExtraError
        openpyxl (the ``xlsx`` extra) is not installed.

    Examples
    --------
    >>> import io, tomllib
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> document = tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    >>> try:
    ...     import openpyxl
    ... except ImportError:  # without the xlsx extra
    ...     openpyxl = None
    >>> if openpyxl is not None:
    ...     book = openpyxl.load_workbook(io.BytesIO(render_template(document)))
    ...     names = book.sheetnames[:5]
    ...     heading = [c.value for c in book["Indikator"][2]][:3]
    ... else:
    ...     names = ["Petunjuk", "Dokumen", "Pembulatan", "Subunit", "Sasaran"]
    ...     heading = ["sasaran", "code", "name"]
    >>> names, heading
    (['Petunjuk', 'Dokumen', 'Pembulatan', 'Subunit', 'Sasaran'], ['sasaran', 'code', 'name'])
    """
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    source = _empty_document() if document is None else document
    for sheet in LAYOUT:
        _write_sheet(openpyxl, book, sheet, source)
    _write_guide(openpyxl, book)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def answer_files(document: Mapping[str, Any], folder: Path) -> dict[str, Path]:
    """The IKM answer files a valid data set's document names, by their name in the document.

    ``folder`` is the data set's folder, where the names are found (the
    data set was validated, so each name is a file inside it). A workbook
    written elsewhere needs these files beside it.

    Examples
    --------
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> from pathlib import Path
    >>> example = Path("examples/data/bnnk-contoh-2024.toml")
    >>> files = answer_files(dataset_document(example), example.parent) if example.exists() else {}
    >>> sorted(files) in ([], ["skm-bnnk-contoh-2024.csv"])
    True
    >>> answer_files(dataset_document(bundled_dataset_path()), bundled_dataset_path().parent)
    {}
    """
    entries = document.get("ikm")
    names = {
        entry["answers"]
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, Mapping) and isinstance(entry.get("answers"), str)
    }
    return {name: folder / name for name in sorted(names)}


def dataset_document(path: str | Path) -> dict[str, Any]:
    """The document of a valid data set file (TOML, or a workbook by its suffix).

    The file is validated first (:func:`sakip.report.dataset.load_dataset`),
    so only a data set that ``sakip validate`` accepts fills a template.

    Raises
    ------
    DataSetError
        The file cannot be read or has problems (each placed in the file).

    Examples
    --------
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> dataset_document(bundled_dataset_path())["unit"]["code"]
    'bnnp-kalteng'
    """
    from sakip.report.dataset import load_dataset
    from sakip.report.safety import read_document
    from sakip.report.workbook_reader import WORKBOOK_SUFFIXES, read_workbook

    file = Path(path)
    load_dataset(file)
    if file.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_workbook(file).document
    return read_document(file)
