r"""CSV output of a computed report: one file per table, in two dialects.

``sakip report --format csv`` writes one CSV file per table (a folder, or
a zip archive), or the whole report as one long CSV on standard output.
Two dialects (:class:`CsvDialect`):

- ``plain``: ``,`` between cells, ``.`` for decimals, UTF-8 without a byte
  order mark, ``\n`` line ends; for programs.
- ``excel-id``: what an Excel set to Indonesian opens by a double click:
  ``;`` between cells, ``,`` for decimals, no thousands separators (so that
  Excel reads the cells as numbers), a UTF-8 byte order mark and ``\r\n``
  line ends.

In both, a text cell that a spreadsheet would run as a formula gets a
leading single quote (:func:`sakip.report.safety.spreadsheet_text`); a
number is written as it is (``-2``). The layout is documented in
``docs/report.md``.
"""

from __future__ import annotations

import csv
import enum
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from sakip._io import atomic_write
from sakip.errors import InvalidValueError
from sakip.numbers import NumberStyle, format_number
from sakip.report.compute import Cell, LkipReport, Table
from sakip.report.safety import spreadsheet_text

__all__ = [
    "CsvDialect",
    "csv_files",
    "csv_outputs",
    "render_csv",
    "render_csv_zip",
    "sheet_names",
    "table_csv",
    "write_csv_files",
]


class CsvDialect(enum.Enum):
    r"""The two CSV dialects of the report.

    Attributes
    ----------
    PLAIN
        ``plain``: ``,`` and ``.``, UTF-8 without BOM, ``\n``; for programs.
    EXCEL_ID
        ``excel-id``: ``;`` and a decimal comma, no thousands separators,
        UTF-8 with BOM, ``\r\n``; for an Excel set to Indonesian.

    Examples
    --------
    >>> CsvDialect("excel-id") is CsvDialect.EXCEL_ID
    True
    """

    PLAIN = "plain"
    EXCEL_ID = "excel-id"


_BOM = "\ufeff"

#: Short sheet names of the report's tables, by table key (the rest: by key pattern or title).
_SHORT = {
    "ringkasan": "Ringkasan",
    "pengukuran_kinerja": "Pengukuran Kinerja",
    "tahanan": "Tahanan",
    "barang_bukti": "Barang bukti",
    "kpkk_responden": "KPKK per responden",
    "kpkk_aspek": "KPKK per aspek",
    "whoqol": "Kualitas hidup (WHOQOL-BREF)",
    "ikpa": "IKPA",
    "nka": "NKA",
    "kepegawaian": "Kepegawaian",
    "zona_integritas": "Zona Integritas",
}
_PATTERNS = (
    (re.compile(r"riwayat_(.+)"), "Riwayat indikator {}"),
    (re.compile(r"unit_(.+)"), "Indikator {} per satuan kerja"),
)
#: Characters Excel refuses in a sheet name, and Windows in a file name.
_UNSAFE = re.compile(r'[\\/?*\[\]:<>"|]')


def _dialect(dialect: CsvDialect | str) -> CsvDialect:
    try:
        return CsvDialect(dialect)
    except ValueError:
        raise InvalidValueError("dialect", "must be 'plain' or 'excel-id'", dialect) from None


def _fit(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,-")


def _sheet_name(table: Table) -> str:
    short = _SHORT.get(table.key)
    if short is None:
        for pattern, form in _PATTERNS:
            match = pattern.fullmatch(table.key)
            if match:
                short = form.format(match.group(1))
                break
    if short is None:
        # Budget tables are titled by their place in the document: "BAB III B, tabel output, L1797".
        title = re.sub(r",? ?L\d+(-L\d+)?$", "", table.title)
        title = re.sub(r"^BAB [IVX]+ [A-Z]?,? ?(tabel )?", "", title)
        if table.key.startswith("anggaran_"):
            title = "Anggaran " + re.sub(r"\banggaran\b ?", "", title).strip()
        short = title
    return short


def sheet_names(tables: Sequence[Table], limit: int = 31) -> list[str]:
    r"""Readable, distinct names of the tables, for worksheets and CSV files.

    Short Indonesian names from the tables' titles (``Pengukuran Kinerja``,
    ``Riwayat indikator 5``, ``Anggaran jenis belanja``), at most ``limit``
    characters (Excel allows 31), without the characters Excel or Windows
    refuse (``\ / ? * [ ] : < > " |``, replaced by ``-``), never starting
    with a dot or a quote, and distinct even ignoring case (a second
    ``Ringkasan`` is ``Ringkasan (2)``).

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> names = sheet_names(compute_report(load_dataset()).tables)
    >>> names[:2], names[9], names[-8]
    (['Pengukuran Kinerja', 'Ringkasan'], 'Riwayat indikator 1', 'Anggaran output')
    >>> sheet_names([Table("riwayat_1/2", "x", (), ()), Table("riwayat_1:2", "x", (), ())])
    ['Riwayat indikator 1-2', 'Riwayat indikator 1-2 (2)']
    """
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        base = _UNSAFE.sub("-", _sheet_name(table)).strip(" ").lstrip(".'").rstrip(" .'")
        base = _fit(base, limit) or "Tabel"
        name, number = base, 1
        while name.lower() in taken:
            number += 1
            suffix = f" ({number})"
            name = _fit(base, limit - len(suffix)) + suffix
        names.append(name)
        taken.add(name.lower())
    return names


def _number(value: int | Decimal, dialect: CsvDialect) -> str:
    text = format_number(value, style=NumberStyle.PLAIN)
    return text.replace(".", ",") if dialect is CsvDialect.EXCEL_ID else text


def _csv_cell(value: Cell, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_text(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return _number(value, dialect)


def _document(rows: Iterable[Sequence[str]], dialect: CsvDialect) -> str:
    buffer = io.StringIO()
    excel = dialect is CsvDialect.EXCEL_ID
    if excel:
        buffer.write(_BOM)
    writer = csv.writer(
        buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n"
    )
    writer.writerows(rows)
    return buffer.getvalue()


def table_csv(table: Table, dialect: CsvDialect | str = CsvDialect.PLAIN) -> str:
    r"""One table as a CSV document: a header row, then its rows.

    Text cells are safe for spreadsheets; an ``excel-id`` document starts
    with a byte order mark (``\ufeff``).

    Raises
    ------
    InvalidValueError
        ``dialect`` is neither ``plain`` nor ``excel-id``.

    Examples
    --------
    >>> table = Table("t", "Contoh", ("Kode", "Capaian"), (("=1+1", Decimal("102.77")), ("2", None)))
    >>> print(table_csv(table), end="")
    Kode,Capaian
    '=1+1,102.77
    2,
    >>> table_csv(table, "excel-id")
    "\ufeffKode;Capaian\r\n'=1+1;102,77\r\n2;\r\n"
    """
    chosen = _dialect(dialect)
    header = [spreadsheet_text(c) for c in table.columns]
    return _document(
        [header, *([_csv_cell(c, chosen) for c in row] for row in table.rows)], chosen
    )


def render_csv(report: LkipReport, dialect: CsvDialect | str = CsvDialect.PLAIN) -> str:
    """Every table in one long CSV, ``table,row,column,value``: the one-stream form.

    This is what ``sakip report --format csv`` writes on standard output
    (or to ``--out FILE.csv``): one valid CSV document, one line per cell,
    ``table`` the table's key (as in the JSON output). Empty cells are
    empty.

    Raises
    ------
    InvalidValueError
        ``dialect`` is not a :class:`CsvDialect` (``plain`` or ``excel-id``).

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> lines = render_csv(compute_report(load_dataset())).splitlines()
    >>> lines[0], lines[6]
    ('table,row,column,value', 'pengukuran_kinerja,1,Capaian (%),100.00')
    >>> render_csv(compute_report(load_dataset()), "excel-id").splitlines()[6]
    'pengukuran_kinerja;1;Capaian (%);100,00'
    """
    chosen = _dialect(dialect)
    rows = [["table", "row", "column", "value"]]
    for table in report.tables:
        key = spreadsheet_text(table.key)
        for position, row in enumerate(table.rows, 1):
            for column, value in zip(table.columns, row, strict=True):
                rows.append(
                    [key, str(position), spreadsheet_text(column), _csv_cell(value, chosen)]
                )
    return _document(rows, chosen)


def csv_files(
    report: LkipReport, dialect: CsvDialect | str = CsvDialect.PLAIN
) -> dict[str, bytes]:
    r"""One CSV file per table, by file name, in the report's order.

    File names are the worksheet names of the XLSX output after the
    table's position (``01 Pengukuran Kinerja.csv``), so that a folder
    listing keeps the report's order.

    Raises
    ------
    InvalidValueError
        ``dialect`` is neither ``plain`` nor ``excel-id``.

    See Also
    --------
    render_csv_zip : These files in one zip archive.
    write_csv_files : These files written into a folder.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> files = csv_files(compute_report(load_dataset()), "excel-id")
    >>> name = next(iter(files))
    >>> name, files[name][:3]
    ('01 Pengukuran Kinerja.csv', b'\xef\xbb\xbf')
    """
    chosen = _dialect(dialect)
    names = sheet_names(report.tables, limit=120)
    width = max(2, len(str(len(names))))
    return {
        f"{position:0{width}d} {name}.csv": table_csv(table, chosen).encode("utf-8")
        for position, (table, name) in enumerate(zip(report.tables, names, strict=True), 1)
    }


def render_csv_zip(report: LkipReport, dialect: CsvDialect | str = CsvDialect.PLAIN) -> bytes:
    """:func:`csv_files` in one zip archive (``sakip report --format csv --out FILE.zip``).

    Examples
    --------
    >>> import io, zipfile
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> data = render_csv_zip(compute_report(load_dataset()))
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()[1]
    '02 Ringkasan.csv'
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in csv_files(report, dialect).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_csv_files(
    report: LkipReport, directory: str | Path, dialect: CsvDialect | str = CsvDialect.PLAIN
) -> list[Path]:
    """Write :func:`csv_files` into ``directory`` (created if missing), each file atomically.

    Returns
    -------
    list of Path
        The files written, in the report's order.

    Raises
    ------
    OSError
        A file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> written = write_csv_files(compute_report(load_dataset()), tempfile.mkdtemp())
    >>> written[0].name, len(written)
    ('01 Pengukuran Kinerja.csv', 42)
    """
    files = csv_files(report, dialect)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        atomic_write(folder / name, data)
    return [folder / name for name in files]


def csv_outputs(
    report: LkipReport, out: str | Path, dialect: CsvDialect | str = CsvDialect.PLAIN
) -> tuple[Path | None, list[tuple[Path, bytes]]]:
    """What ``sakip report --format csv --out OUT`` writes: the folder to create and the files.

    ``OUT`` ending in ``.zip`` is one zip archive of :func:`csv_files`;
    ending in ``.csv``, one file of the long form (:func:`render_csv`, as on
    standard output); anything else is a folder (returned first, to be
    created) holding :func:`csv_files`. Nothing is written here.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> folder, files = csv_outputs(report, "out")
    >>> folder, str(files[0][0])
    (PosixPath('out'), 'out/01 Pengukuran Kinerja.csv')
    >>> [(folder, str(path)) for folder, ((path, _),) in [csv_outputs(report, "lkip.ZIP")]]
    [(None, 'lkip.ZIP')]
    """
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix == ".zip":
        return None, [(target, render_csv_zip(report, dialect))]
    if suffix == ".csv":
        return None, [(target, render_csv(report, dialect).encode("utf-8"))]
    return target, [(target / name, data) for name, data in csv_files(report, dialect).items()]
