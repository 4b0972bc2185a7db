"""The XLSX workbook (issue 16, "Excel out"): numbers, formats, sheets, the Ringkasan sheet.

Known values from the bundled LKIP 2024 of BNNP Kalimantan Tengah: BAB III A,
Pengukuran Kinerja, indicator 10 has capaian 102,77 %; the mean capaian of the
18 indicators is 107,34 (BAB III A, summary); BAB III B, tabel output, gives
the budget in whole rupiah.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.numbers import NumberStyle, format_number
from sakip.report.audit import run_audit
from sakip.report.compute import LkipReport, Table, compute_report
from sakip.report.csv_out import sheet_names
from sakip.report.dataset import load_dataset
from sakip.report.xlsx_out import SUMMARY_SHEET, number_format, render_xlsx

openpyxl = pytest.importorskip("openpyxl")

SAKIP = shutil.which("sakip", path=str(Path(sys.executable).parent)) or shutil.which("sakip")


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


@pytest.fixture(scope="module")
def data(report: LkipReport) -> bytes:
    result = run_audit(report)
    return render_xlsx(report, result.findings, checked=result.checked)


@pytest.fixture(scope="module")
def book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _tables(report: LkipReport) -> list[Table]:
    """The tables that have a sheet of their own (the summary is on the first sheet)."""
    return [table for table in report.tables if table.key != "ringkasan"]


def _stored(data: bytes, book: Any, sheet_title: str) -> dict[str, str]:
    """The raw ``<v>`` text of every numeric cell of a sheet, by coordinate."""
    position = book.sheetnames.index(sheet_title) + 1
    xml = zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{position}.xml").decode()
    return dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*t="n"[^>]*><v>([^<]*)</v>', xml))


def test_one_sheet_per_table_summary_first(report: LkipReport, book: Any) -> None:
    assert book.sheetnames[0] == SUMMARY_SHEET
    assert len(book.sheetnames) == len(report.tables)  # the summary table is the first sheet
    assert (
        book.sheetnames[1:] == sheet_names([Table("ringkasan", "", (), ()), *_tables(report)])[1:]
    )
    assert "Pengukuran Kinerja" in book.sheetnames and "Riwayat indikator 5" in book.sheetnames
    assert all(len(name) <= 31 for name in book.sheetnames)
    assert len({name.lower() for name in book.sheetnames}) == len(book.sheetnames)
    assert book.properties.language == "id-ID"


def test_every_table_sheet_has_title_bold_header_frozen(report: LkipReport, book: Any) -> None:
    unit, year = report.dataset.unit.name, str(report.dataset.year)
    for table, title in zip(_tables(report), book.sheetnames[1:], strict=True):
        sheet = book[title]
        heading = sheet["A1"].value
        assert table.title in heading and unit in heading and year in heading, title
        header = [sheet.cell(row=2, column=c + 1) for c in range(len(table.columns))]
        assert [cell.value for cell in header] == list(table.columns), title
        assert all(cell.font.bold for cell in header), title
        assert sheet.freeze_panes == "A3", title
        assert sheet.max_row >= 2 + len(table.rows)


def test_numbers_are_numbers_stored_exactly_with_their_places(
    report: LkipReport, data: bytes, book: Any
) -> None:
    checked = 0
    for table, title in zip(_tables(report), book.sheetnames[1:], strict=True):
        sheet = book[title]
        stored = _stored(data, book, title)
        for r, row in enumerate(table.rows, 3):
            for c, value in enumerate(row, 1):
                if isinstance(value, int | Decimal):
                    cell = sheet.cell(row=r, column=c)
                    assert cell.data_type == "n", (title, cell.coordinate)
                    assert Decimal(stored[cell.coordinate]) == value, (title, cell.coordinate)
                    assert cell.number_format == number_format(value), (title, cell.coordinate)
                    checked += 1
    assert checked > 500


def test_known_values_of_the_bundled_lkip(report: LkipReport, data: bytes, book: Any) -> None:
    sheet = book["Pengukuran Kinerja"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=3)}
    capaian = rows[10][5]  # BAB III A: indicator 10, capaian 102,77 %
    assert (capaian.value, capaian.data_type, capaian.number_format) == (102.77, "n", "#,##0.00")
    assert _stored(data, book, "Pengukuran Kinerja")[capaian.coordinate] == "102.77"
    # "No" is a number shown without separators; so is the year of a history.
    assert rows[10][0].data_type == "n" and rows[10][0].number_format == "0"
    year = book["Riwayat indikator 5"]["A3"]
    assert isinstance(year.value, int) and year.number_format == "0"
    # BAB III B, tabel output: rupiah are integers with thousands separators.
    budget = book["Anggaran output"]
    pagu = [row[1] for row in budget.iter_rows(min_row=3) if row[1].value is not None]
    assert pagu and all(isinstance(c.value, int) and c.number_format == "#,##0" for c in pagu)
    table = report.table("anggaran_1")
    assert [c.value for c in pagu] == [row[1] for row in table.rows if row[1] is not None]


def test_summary_sheet_holds_the_summary_and_the_audit(report: LkipReport, book: Any) -> None:
    sheet = book[SUMMARY_SHEET]
    cells = {str(row[0].value): row for row in sheet.iter_rows() if isinstance(row[0].value, str)}
    assert report.dataset.title == sheet["A1"].value
    mean = cells["Rata-rata capaian"][1]
    assert (mean.value, mean.number_format) == (107.34, "#,##0.00")  # BAB III A, summary
    assert all(str(label) in cells for label, _ in report.table("ringkasan").rows)
    result = run_audit(report)
    line = (
        f"{result.checked} angka tercetak diperiksa, {len(result.findings)} berbeda dari aturan."
    )
    assert line in cells
    assert "Temuan audit" in cells
    locations = [str(row[0].value) for row in sheet.iter_rows() if row[0].value is not None]
    start = locations.index("Lokasi")
    assert locations[start + 1 :] == [f.location for f in result.findings]
    staff = cells[result.findings[-1].location]  # BAB I C.3: 119 printed, 121 computed
    assert (staff[1].value, staff[2].value, staff[1].data_type) == (119, 121, "n")


def test_columns_are_as_wide_as_their_content(book: Any) -> None:
    sheet = book["Pengukuran Kinerja"]
    width = {c: sheet.column_dimensions[c].width for c in "ABCF"}
    assert width["B"] > 40 > width["A"]  # Indikator Kinerja is long, No is short
    assert all(8 <= w <= 62 for w in width.values())
    long = [row[1] for row in sheet.iter_rows(min_row=3) if len(str(row[1].value)) > 60]
    assert long and all(cell.alignment.wrap_text for cell in long)


def _one_table_report(report: LkipReport, table: Table) -> bytes:
    return render_xlsx(attrs.evolve(report, tables=(table,)))


def test_text_is_text_even_when_it_looks_like_a_formula(report: LkipReport) -> None:
    table = Table("t", "=SUM(A1)", ("Kode", "Nilai"), (("=1+1", Decimal("-2")), ("#N/A", 3)))
    book = openpyxl.load_workbook(io.BytesIO(_one_table_report(report, table)))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    sheet = book.worksheets[1]
    assert sheet["A3"].value == "=1+1" and sheet["A3"].quotePrefix
    assert sheet["A4"].value == "#N/A" and sheet["A4"].data_type == "s"
    assert sheet["B3"].value == -2 and sheet["B3"].data_type == "n"


def test_too_many_digits_for_excel_stay_exact_as_text(report: LkipReport) -> None:
    big = Decimal("12345678901234567.89")
    table = Table("t", "Besar", ("Uraian", "Nilai"), (("x", big), ("y", 10**17 + 1)))
    sheet = openpyxl.load_workbook(io.BytesIO(_one_table_report(report, table))).worksheets[1]
    assert sheet["B3"].value == format_number(big, style=NumberStyle.INDONESIAN)
    assert sheet["B4"].value == "100.000.000.000.000.001"
    assert sheet["B3"].data_type == "s" and sheet["B3"].alignment.horizontal == "right"


_EXCEL_DECIMALS = st.builds(
    lambda digits, places, negative: Decimal(("-" if negative else "") + str(digits)).scaleb(
        -places
    ),
    st.integers(0, 10**15 - 1),
    st.integers(0, 6),
    st.booleans(),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_EXCEL_DECIMALS, min_size=1, max_size=8))
def test_any_decimal_is_stored_to_its_displayed_places(values: list[Decimal]) -> None:
    report = compute_report(load_dataset())
    table = Table("t", "Angka", ("Nilai",), tuple((value,) for value in values))
    data = _one_table_report(report, table)
    book = openpyxl.load_workbook(io.BytesIO(data))
    stored = _stored(data, book, book.sheetnames[1])
    for row, value in enumerate(values, 3):
        cell = book.worksheets[1].cell(row=row, column=1)
        assert Decimal(stored[cell.coordinate]) == value  # 133.33, never 133.32999...
        places = max(0, -int(value.as_tuple().exponent))
        assert cell.number_format == "#,##0" + ("." + "0" * places if places else "")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=0, max_size=50), st.text(min_size=0, max_size=60)),
        min_size=1,
        max_size=12,
    )
)
def test_sheet_names_are_short_distinct_and_allowed(pairs: list[tuple[str, str]]) -> None:
    tables = [Table(key, title, (), ()) for key, title in pairs]
    names = sheet_names(tables)
    assert len(names) == len(tables)
    assert all(1 <= len(name) <= 31 for name in names)
    assert len({name.lower() for name in names}) == len(names)
    assert not [n for n in names if re.search(r'[\\/?*\[\]:<>"|]', n) or n.startswith(("'", "."))]


@pytest.mark.skipif(SAKIP is None, reason="the sakip command is not installed")
def test_cli_writes_the_workbook(tmp_path: Path) -> None:
    assert SAKIP is not None
    result = subprocess.run(
        [SAKIP, "report", "--format", "xlsx", "--out", "lkip.xlsx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "lkip.xlsx")
    assert book.sheetnames[:2] == [SUMMARY_SHEET, "Pengukuran Kinerja"]


def test_without_findings_the_summary_sheet_has_no_audit(report: LkipReport) -> None:
    # The renderer draws what it is given and never audits on its own (the caller audits once).
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    cells = [c.value for row in book["Ringkasan"].iter_rows() for c in row if c.value]
    assert "Rata-rata capaian" in cells
    assert "Temuan audit" not in cells
