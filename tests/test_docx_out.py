"""The Word document (sakip.report.docx_out), read back with python-docx; the CLI formats.

Known values: the bundled LKIP (BNNP Kalimantan Tengah 2024), BAB III A:
indicator 10 at 102,77, mean capaian 107,34; BAB III B: total pagu
7.988.525.000 (L1829).
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip.numbers import NumberStyle
from sakip.report.audit import run_audit
from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import load_dataset, parse_dataset
from sakip.report.html_out import SASARAN_COLUMN
from sakip.report.render import _cell

docx = pytest.importorskip("docx")

from sakip.report.docx_out import render_docx  # noqa: E402

SAKIP = shutil.which("sakip") or str(Path(sys.executable).with_name("sakip"))


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


@pytest.fixture(scope="module")
def document(report: LkipReport) -> Any:
    result = run_audit(report)
    return docx.Document(io.BytesIO(render_docx(report, result.findings, checked=result.checked)))


def _captions(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Caption"]


def _rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:  # a merged cell repeats: keep it once
            if not cells or cell._tc is not cells[-1][0]:
                cells.append((cell._tc, cell.text))
        rows.append([text for _, text in cells])
    return rows


def test_every_table_in_report_order_with_its_caption(report: LkipReport, document: Any) -> None:
    captions = _captions(document)
    assert captions[: len(report.tables)] == [
        f"Tabel {n}. {table.title}" for n, table in enumerate(report.tables, 1)
    ]
    assert (
        captions[-1] == f"Tabel {len(report.tables) + 1}. Angka tercetak yang berbeda dari aturan"
    )
    assert len(document.tables) == len(report.tables) + 1


def test_tables_hold_header_and_rows_in_indonesian_style(
    report: LkipReport, document: Any
) -> None:
    for table, word in zip(report.tables, document.tables, strict=False):
        at = table.columns.index(SASARAN_COLUMN) if SASARAN_COLUMN in table.columns else None
        rows = _rows(word)
        assert rows[0] == [c for i, c in enumerate(table.columns) if i != at], table.key
        expected = [
            [_cell(v, NumberStyle.INDONESIAN) for i, v in enumerate(row) if i != at]
            for row in table.rows
        ]
        body = [row for row in rows[1:] if len(row) > 1]
        assert body == expected, table.key
        header = word.rows[0].cells[0].paragraphs[0].runs[0]
        assert header.bold
        # Numbers are right-aligned, text is not.
        for row, values in zip(
            [r for r in word.rows[1:] if len(_rows_of(r)) > 1], table.rows, strict=True
        ):
            cells = [v for i, v in enumerate(values) if i != at]
            for cell, value in zip(row.cells, cells, strict=True):
                right = cell.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
                assert right == (isinstance(value, int | Decimal)), (table.key, value)


def _rows_of(row: Any) -> list[Any]:
    return list(dict.fromkeys(cell._tc for cell in row.cells))


def test_pengukuran_is_grouped_by_sasaran(report: LkipReport, document: Any) -> None:
    table = report.table("pengukuran_kinerja")
    rows = _rows(document.tables[0])
    groups = [row[0] for row in rows[1:] if len(row) == 1]
    sasaran = table.columns.index(SASARAN_COLUMN)
    assert groups == list(dict.fromkeys(str(row[sasaran]) for row in table.rows))
    assert groups[0].startswith("S1 ") and len(groups) == 13
    # Indicator 10 (BAB III A): capaian 102,77 under S8.
    at = [row[0] for row in rows].index("S8 Meningkatnya kualitas layanan rehabilitasi narkotika.")
    assert rows[at + 1][0] == "10" and "102,77" in rows[at + 1]


def test_known_figures(document: Any) -> None:
    text = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"107,34", "102,77", "7.988.525.000"} <= text
    assert "102.77" not in text and "7988525000" not in text


def test_header_rows_repeat_and_rows_do_not_split(document: Any) -> None:
    from docx.oxml.ns import qn

    for table in document.tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_hostile_text_stays_text() -> None:
    import tomllib

    from sakip.report.dataset import bundled_dataset_path

    data = tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    data["objectives"][0]["indicators"][0]["name"] = '=HYPERLINK("x") <w:p/> &amp; Kafé'
    report = compute_report(parse_dataset(data))
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert _rows(document.tables[0])[2][1].startswith('=HYPERLINK("x") <w:p/>')


# --- the command ------------------------------------------------------------------------


def _sakip(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SAKIP, *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


def test_docx_needs_out(tmp_path: Path) -> None:
    result = _sakip("report", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 4 and result.stdout == ""
    assert "--format docx needs --out PATH" in result.stderr


def test_report_format_docx_and_html(tmp_path: Path) -> None:
    result = _sakip("report", "--format", "docx", "--out", "lkip.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = docx.Document(str(tmp_path / "lkip.docx"))
    assert _captions(written)[0] == "Tabel 1. Pengukuran Kinerja"
    # An existing file is not replaced without --force.
    again = _sakip("report", "--format", "docx", "--out", "lkip.docx", cwd=tmp_path)
    assert again.returncode == 3
    page = _sakip("report", "--format", "html", cwd=tmp_path)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>") and "107,34" in page.stdout
    charts = importlib.util.find_spec("matplotlib") is not None
    assert page.stdout.count("<figure") == (1 + 18 if charts else 0)
