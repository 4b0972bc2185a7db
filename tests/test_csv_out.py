"""CSV output (issue 16, "CSV"): one file per table, plain and excel-id dialects, one stream.

Known values from the bundled LKIP 2024 of BNNP Kalimantan Tengah: BAB III A,
Pengukuran Kinerja, indicator 10 has capaian 102,77 %; BAB III B, tabel output,
gives the budget in whole rupiah.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.report.compute import Cell, LkipReport, Table, compute_report
from sakip.report.csv_out import csv_files, render_csv, sheet_names, table_csv
from sakip.report.dataset import bundled_dataset_path, load_dataset
from sakip.report.safety import formula_like

SAKIP = shutil.which("sakip", path=str(Path(sys.executable).parent)) or shutil.which("sakip")
needs_sakip = pytest.mark.skipif(SAKIP is None, reason="the sakip command is not installed")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    assert SAKIP is not None
    return subprocess.run(
        [SAKIP, *map(str, args)], cwd=cwd, capture_output=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


def read(data: bytes, dialect: str) -> list[list[str]]:
    """A CSV document read back as the dialect says: BOM, separator, line ends checked."""
    if dialect == "excel-id":
        assert data.startswith(b"\xef\xbb\xbf")
        text = data[3:].decode("utf-8")
        assert text.endswith("\r\n") and text.count("\n") == text.count("\r\n")
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def number(text: str, dialect: str) -> Decimal:
    """A number cell as the dialect writes it (no thousands separators in either)."""
    if dialect == "excel-id":
        assert "." not in text
        text = text.replace(",", ".")
    else:
        assert "," not in text
    return Decimal(text)


def expected_text(value: Cell) -> str:
    """A text cell as written: a leading quote before text a spreadsheet would run."""
    assert isinstance(value, str)
    return "'" + value if formula_like(value) else value


def check_table(rows: list[list[str]], table: Table, dialect: str) -> int:
    """The rows of one CSV file are the table, cell for cell; returns the numbers compared."""
    assert rows[0] == [expected_text(c) for c in table.columns]
    assert len(rows) == len(table.rows) + 1
    numbers = 0
    for written, row in zip(rows[1:], table.rows, strict=True):
        for text, value in zip(written, row, strict=True):
            if value is None:
                assert text == ""
            elif isinstance(value, str):
                assert text == expected_text(value)
            else:
                back = number(text, dialect)
                assert back == value  # and with its places: 100,00 stays 100,00
                assert back.as_tuple().exponent == Decimal(value).as_tuple().exponent
                numbers += 1
    return numbers


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_one_file_per_table(report: LkipReport, dialect: str) -> None:
    files = csv_files(report, dialect)
    assert len(files) == len(report.tables)
    names = sheet_names(report.tables, limit=120)
    assert list(files) == [f"{n:02d} {name}.csv" for n, name in enumerate(names, 1)]
    numbers = sum(
        check_table(read(data, dialect), table, dialect)
        for data, table in zip(files.values(), report.tables, strict=True)
    )
    assert numbers > 500


@needs_sakip
@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_cli_folder_of_tables(tmp_path: Path, report: LkipReport, dialect: str) -> None:
    result = run(
        "report", "--format", "csv", "--csv-dialect", dialect, "--out", "tabel", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "tabel").iterdir())
    assert [f.name for f in files] == sorted(csv_files(report))
    rows = read((tmp_path / "tabel" / "01 Pengukuran Kinerja.csv").read_bytes(), dialect)
    (ten,) = [row for row in rows if row[0] == "10"]
    assert ten[5] == ("102,77" if dialect == "excel-id" else "102.77")  # BAB III A, indicator 10
    budget = read(
        next(f for f in files if f.name.endswith("Anggaran output.csv")).read_bytes(), dialect
    )
    pagu = [row[1] for row in budget[1:] if row[1]]
    assert pagu and all(p.isdigit() for p in pagu)  # whole rupiah, no thousands separators
    again = run("report", "--format", "csv", "--out", "tabel", cwd=tmp_path)
    assert again.returncode == 3 and b"use --force" in again.stderr


@needs_sakip
def test_cli_zip_excel_id(tmp_path: Path, report: LkipReport) -> None:
    result = run(
        "report", "--format", "csv", "--csv-dialect", "excel-id", "--out", "lkip.zip", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    archive = zipfile.ZipFile(tmp_path / "lkip.zip")
    assert archive.namelist() == list(csv_files(report))
    for name, table in zip(archive.namelist(), report.tables, strict=True):
        check_table(read(archive.read(name), "excel-id"), table, "excel-id")


@needs_sakip
@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_cli_standard_output_is_the_long_form(
    tmp_path: Path, report: LkipReport, dialect: str
) -> None:
    result = run("report", "--format", "csv", "--csv-dialect", dialect, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read(result.stdout, dialect)
    assert rows[0] == ["table", "row", "column", "value"]
    assert len(rows) - 1 == sum(len(t.rows) * len(t.columns) for t in report.tables)
    capaian = [r for r in rows if r[:3] == ["pengukuran_kinerja", "10", "Capaian (%)"]]
    assert number(capaian[0][3], dialect) == Decimal("102.77")
    assert (tmp_path / "x.csv").exists() is False
    to_file = run(
        "report", "--format", "csv", "--csv-dialect", dialect, "--out", "x.csv", cwd=tmp_path
    )
    assert to_file.returncode == 0 and (tmp_path / "x.csv").read_bytes() == result.stdout


@needs_sakip
def test_cli_dialect_only_with_csv(tmp_path: Path) -> None:
    result = run("report", "--format", "md", "--csv-dialect", "excel-id", cwd=tmp_path)
    assert result.returncode == 4
    assert b"--csv-dialect is for --format csv" in result.stderr
    assert (
        run("report", "--format", "csv", "--csv-dialect", "semicolon", cwd=tmp_path).returncode
        == 4
    )


@needs_sakip
def test_cli_many_units_a_folder_each(tmp_path: Path, report: LkipReport) -> None:
    for name in ("kalteng.toml", "kaltim.toml"):
        shutil.copy(bundled_dataset_path(), tmp_path / name)
    args = ("report", "kalteng.toml", "kaltim.toml", "--format", "csv", "--out", "out")
    result = run(*args, "--csv-dialect", "excel-id", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    assert lines == [
        f"sakip: wrote {Path('out') / unit}: {len(report.tables)} CSV files, one per table"
        for unit in ("kalteng", "kaltim")
    ]
    for unit in ("kalteng", "kaltim"):
        names = sorted(p.name for p in (tmp_path / "out" / unit).iterdir())
        assert names == sorted(csv_files(report))
        data = (tmp_path / "out" / unit / "01 Pengukuran Kinerja.csv").read_bytes()
        check_table(read(data, "excel-id"), report.tables[0], "excel-id")
    assert run(*args, cwd=tmp_path).returncode == 3  # the files exist
    assert run(*args, "--force", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "kaltim").rename(tmp_path / "kaltim-old")
    (tmp_path / "out" / "kaltim").write_text("not a folder", encoding="utf-8")
    refused = run(*args, "--force", cwd=tmp_path)
    assert refused.returncode == 3 and b"it is not a folder" in refused.stderr


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_formula_text_is_escaped_numbers_are_not(dialect: str) -> None:
    table = Table(
        "t", "T", ("=Kode", "Nilai"), (("=1+1", Decimal("-2.50")), ("-2", -2), ("@SUM(A1)", None))
    )
    rows = read(table_csv(table, dialect).encode("utf-8"), dialect)
    assert rows[0][0] == "'=Kode"
    assert [row[0] for row in rows[1:]] == ["'=1+1", "'-2", "'@SUM(A1)"]
    assert [row[1] for row in rows[1:]] == [
        "-2,50" if dialect == "excel-id" else "-2.50",
        "-2",
        "",
    ]
    report = attrs.evolve(compute_report(load_dataset()), tables=(table,))
    long = read(render_csv(report, dialect).encode("utf-8"), dialect)
    assert long[1] == ["t", "1", "'=Kode", "'=1+1"]
    assert long[4] == ["t", "2", "Nilai", "-2"]


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\ufeff",
    ),
    max_size=20,
)
_DECIMALS = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**18), 10**18),
    st.integers(0, 6),
)
_CELLS = st.one_of(st.none(), st.integers(-(10**15), 10**15), _DECIMALS, _TEXT)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    width = draw(st.integers(1, 5))
    columns = tuple(draw(st.lists(_TEXT, min_size=width, max_size=width)))
    rows = draw(st.lists(st.tuples(*[_CELLS] * width), max_size=8))
    return Table("t", "T", columns, tuple(rows))


@settings(max_examples=200, deadline=None)
@given(tables())
def test_excel_id_reads_back_the_same_decimals(table: Table) -> None:
    rows = read(table_csv(table, "excel-id").encode("utf-8"), "excel-id")
    assert rows[0] == [expected_text(c) for c in table.columns]
    for written, row in zip(rows[1:], table.rows, strict=True):
        for text, value in zip(written, row, strict=True):
            if isinstance(value, int | Decimal):
                back = Decimal(text.replace(",", "."))
                assert (
                    back == value
                    and back.as_tuple().exponent == Decimal(value).as_tuple().exponent
                )
            elif isinstance(value, str):
                assert text == expected_text(value)
            else:
                assert text == ""


@settings(max_examples=100, deadline=None)
@given(tables())
def test_plain_reads_back_the_same_decimals(table: Table) -> None:
    rows = read(table_csv(table, "plain").encode("utf-8"), "plain")
    numbers = [
        (t, v)
        for w, r in zip(rows[1:], table.rows, strict=True)
        for t, v in zip(w, r, strict=True)
    ]
    for text, value in numbers:
        if isinstance(value, int | Decimal):
            assert Decimal(text) == value and "," not in text


@needs_sakip
def test_cli_folder_is_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "tabel").mkdir()
    (tmp_path / "tabel" / "02 Ringkasan.csv").write_text("lama", encoding="utf-8")
    refused = run("report", "--format", "csv", "--out", "tabel", cwd=tmp_path)
    assert refused.returncode == 3 and b"02 Ringkasan.csv" in refused.stderr
    assert [p.name for p in (tmp_path / "tabel").iterdir()] == ["02 Ringkasan.csv"]
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    not_a_folder = run("report", "--format", "csv", "--out", "berkas", "--force", cwd=tmp_path)
    assert not_a_folder.returncode == 3 and b"it is not a folder" in not_a_folder.stderr
    assert (tmp_path / "berkas").read_text(encoding="utf-8") == "bukan folder"
