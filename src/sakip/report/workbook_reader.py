"""Reading a workbook written by ``sakip template`` as an LKIP data set.

:func:`read_workbook` turns the sheets of
:data:`sakip.report.workbook_layout.LAYOUT` into the document the TOML
parser gets, and records, for every document path it produces
(``objectives[0].indicators[1].target``), the sheet and cell it came from;
:func:`load_workbook_dataset` validates that document with
:func:`sakip.report.dataset.parse_dataset`, so every rule is the same, and
places each problem: ``objectives[0].indicators[1].target (sheet Indikator,
cell F4): must be >= 0: -1``.

Cells are read as values, never evaluated:

- a number cell is the exact decimal it holds, at most 15 significant digits
  (Excel's precision: ``3.6`` is ``"3.6"``, never the binary
  ``3.600000000000000088...``), with the trailing zeros its fixed-decimals
  format shows (``0.00``: ``"3.60"``); a percent format is refused (93,45 %
  is the value 0.9345);
- a printed figure (a column marked *tercetak*) must be text or an integer,
  as in TOML (a number cell loses the printed decimals);
- a formula is refused with its cell (copy and paste values): a stored
  result may be stale or missing and is not what the user sees as data;
  error values (``#N/A``) and dates are refused too;
- a macro-enabled workbook (``.xlsm``) is refused, and the limits of
  :mod:`sakip.report.safety` hold: the file size, the unpacked size, the
  number of sheets, rows and columns.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip.errors import DataSetError
from sakip.report._extras import import_extra
from sakip.report.locate import Locate, locate_error, name_indicators
from sakip.report.safety import FILE_LIMIT
from sakip.report.workbook_layout import (
    HEADER_ROWS,
    LAYOUT,
    SHEETS,
    Column,
    Sheet,
    Step,
    path_text,
    split_key,
)

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = [
    "MACRO_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "WorkbookDocument",
    "load_workbook_dataset",
    "read_workbook",
]

#: The suffixes ``load_dataset`` reads as a workbook (a macro-enabled one is refused).
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
#: Macro-enabled workbooks: never opened.
MACRO_SUFFIXES = frozenset({".xlsm", ".xltm"})
#: The largest unpacked workbook, in bytes (a zip bomb is refused before it is read).
UNPACKED_LIMIT = 16 * FILE_LIMIT
SHEET_LIMIT = 64
ROW_LIMIT = 20_000
COLUMN_LIMIT = 256
_FIXED = re.compile(r"^[#,0]*0(?:\.(0+))?(?:;.*)?$")
_GUIDE = "Petunjuk"
_UNKNOWN = Column("", "", "text")


class WorkbookDocument:
    """A data set document read from a workbook, with the place of every value.

    Attributes
    ----------
    document : dict
        What the TOML parser would get.
    places : dict of str to str
        Document path -> ``sheet S, cell C5`` (or ``sheet S, row 5`` for a row).
    problems : list of str
        Problems of the cells themselves (a formula, a percent format, an
        unknown column, a row whose parent is unknown), each ``"path: rule"``.

    Examples
    --------
    >>> read = WorkbookDocument()
    >>> read.places["unit.code"] = "sheet Dokumen, cell E3"
    >>> read.locate("unit.code"), read.locate("unit.code.x"), read.locate("summary")
    ('sheet Dokumen, cell E3', 'sheet Dokumen, cell E3', None)
    """

    def __init__(self) -> None:
        self.document: dict[str, Any] = {}
        self.places: dict[str, str] = {}
        self.problems: list[str] = []

    def locate(self, path: str) -> str | None:
        """The place of ``path``, else of the nearest enclosing path that has one."""
        while path:
            if path in self.places:
                return self.places[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def _openpyxl() -> Any:
    return import_extra("openpyxl", "reading an xlsx data set", "xlsx")


def _check_file(path: Path) -> None:
    """Refuse a macro workbook, a too-large file or archive, before openpyxl sees it."""
    source = str(path)
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise DataSetError(
            source, [f"is a macro-enabled workbook ({path.suffix}): save it as .xlsx"]
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DataSetError(source, [f"cannot be read: {error.strerror}"]) from None
    if size > FILE_LIMIT:
        raise DataSetError(
            source, [f"is larger than the limit of {FILE_LIMIT // 2**20} MiB ({FILE_LIMIT} bytes)"]
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise DataSetError(source, ["is not an xlsx workbook (not a zip archive)"]) from None
    if sum(member.file_size for member in members) > UNPACKED_LIMIT:
        raise DataSetError(
            source, [f"unpacks to more than {UNPACKED_LIMIT // 2**20} MiB: refused"]
        )
    if any(member.filename.lower().endswith("vbaproject.bin") for member in members):
        raise DataSetError(source, ["contains macros (vbaProject.bin): save it as .xlsx"])


def _plain(value: float) -> str:
    """A float cell as the decimal Excel shows: at most 15 significant digits, no noise.

    >>> _plain(0.1 + 0.2), _plain(3.6), _plain(1234567354.53), _plain(1e-05)
    ('0.3', '3.6', '1234567354.53', '0.00001')
    """
    text = format(Decimal(format(value, ".15g")), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _padded(text: str, number_format: str) -> str:
    """Trailing zeros up to the places a fixed-decimals format shows (never rounding)."""
    found = _FIXED.match(number_format or "")
    places = len(found.group(1) or "") if found else 0
    have = len(text.partition(".")[2])
    if places > have:
        text += ("" if "." in text else ".") + "0" * (places - have)
    return text


class _CellError(Exception):
    """A cell that cannot be read; the message is the rule."""


def _number(cell: Any) -> str:
    if "%" in (cell.number_format or ""):
        raise _CellError(
            f"must not use a percent format (the cell holds {_plain(cell.value)}): "
            "type the number as printed, 93.45"
        )
    return _padded(_plain(cell.value), cell.number_format)


def _convert(cell: Any, column: Column) -> Any:
    """The document value of a non-empty cell of ``column``."""
    value = cell.value
    if cell.data_type == "f":  # openpyxl marks every formula (shared, array) so
        formula = getattr(value, "text", value)  # an array formula's text
        raise _CellError(f"must be a value, not a formula (paste values): {formula!r}")
    if cell.data_type == "e":
        raise _CellError(f"is an error value: {value!r}")
    if isinstance(value, datetime | date | time | timedelta):
        raise _CellError(f"must be a number or text, not a date or time: '{value}'")
    kind = column.kind
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if kind in {"text", "choice", "lines", "link"}:
            return str(value)
        if kind in {"number", "amount"} and _padded(str(value), cell.number_format) != str(value):
            return _padded(str(value), cell.number_format)  # 100 shown 100.00 is "100.00"
        return value
    if isinstance(value, float):
        if kind in {"text", "choice", "lines", "link"}:
            return _number(cell)
        if kind == "printed":
            raise _CellError(
                "must be a text cell typed as printed (102.70 as text): a number cell loses "
                f"the printed decimals: {_plain(value)}"
            )
        if kind in {"int", "ident"} and value.is_integer():
            return int(value)
        return _number(cell)
    text = str(value)
    if kind == "bool":
        lowered = text.strip().lower()
        if lowered in {"ya", "true", "benar"}:
            return True
        if lowered in {"tidak", "false", "salah"}:
            return False
        return text
    if kind in {"int", "ident"} and re.fullmatch(r"-?[0-9]{1,18}", text.strip()):
        return int(text.strip())
    if kind == "lines":
        return [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    return text


def _place(sheet: str, coordinate: str) -> str:
    return f"sheet {sheet}, cell {coordinate}"


class _Reader:
    """Builds the document; lists are built as dicts of positions, then closed."""

    def __init__(self, out: WorkbookDocument) -> None:
        self.out = out
        # sheet name -> a row's ident (as text) -> the path of its table
        self.idents: dict[str, dict[str, tuple[Step, ...]]] = {}
        self.counts: dict[tuple[Step, ...], int] = {}

    def set(self, steps: tuple[Step, ...], value: Any, place: str) -> None:
        node: Any = self.out.document
        for position, step in enumerate(steps):
            last = position == len(steps) - 1
            if not isinstance(node, dict):
                self.problem(steps, f"conflicts with {path_text(steps[:position])}", place)
                return
            if last:
                if step in node:
                    self.problem(steps, "is given twice", place)
                    return
                node[step] = value
                self.out.places[path_text(steps)] = place
                return
            node = node.setdefault(step, {})

    def ensure(self, steps: tuple[Step, ...], place: str) -> None:
        node: Any = self.out.document
        for step in steps:
            if not isinstance(node, dict):
                return
            node = node.setdefault(step, {})
        self.out.places.setdefault(path_text(steps), place)

    def problem(self, steps: tuple[Step, ...], rule: str, place: str) -> None:
        where = path_text(steps) or "workbook"
        self.out.places.setdefault(where, place)
        self.out.problems.append(f"{where}: {rule}")


def _close_lists(node: Any, steps: tuple[Step, ...], read: WorkbookDocument) -> Any:
    """Dicts keyed by positions become lists; a missing position is a problem."""
    if not isinstance(node, dict):
        return node
    closed = {key: _close_lists(value, (*steps, key), read) for key, value in node.items()}
    if not closed or not all(isinstance(key, int) for key in closed):
        return closed
    items = []
    for position in range(max(closed) + 1):
        if position not in closed:
            where = path_text((*steps, position))
            read.problems.append(f"{where}: is empty (a list has no gaps)")
            read.places.setdefault(where, read.locate(path_text(steps)) or "")
            continue
        items.append(closed[position])
    return items


def _headers(
    sheet: Sheet, cells: list[Any], name: str, reader: _Reader
) -> dict[int, tuple[Column, tuple[Step, ...]]]:
    columns: dict[int, tuple[Column, tuple[Step, ...]]] = {}
    for index, cell in enumerate(cells):
        header = cell.value
        if header is None or (isinstance(header, str) and not header.strip()):
            continue
        header = str(header).strip()
        for column in sheet.columns:
            match = column.match(header)
            if match is not None:
                columns[index] = (column, match)
                break
        else:
            columns[index] = (_UNKNOWN, ())
            known = sorted(column.key for column in sheet.columns)
            reader.out.problems.append(
                f"{_place(name, cell.coordinate)}: is not a column key of this sheet "
                f"(row {HEADER_ROWS} holds the keys: {known})"
            )
    return columns


def _base(
    sheet: Sheet, values: dict[str, Any], reader: _Reader, place: str
) -> tuple[Step, ...] | None:
    """The document path of a row's table (``None`` when its parent row is unknown)."""
    steps = split_key(sheet.path)
    if sheet.parent is None:
        parent: tuple[Step, ...] = ()
    else:
        assert sheet.link is not None
        link = values.get(sheet.link)
        found = reader.idents.get(sheet.parent, {}).get(str(link))
        if found is None:
            rule = f"must name a row of sheet {sheet.parent}"
            if link is None:
                reader.out.problems.append(f"{place}: the column {sheet.link!r} {rule}")
            else:
                reader.out.problems.append(f"{place}: {sheet.link} {link!r}: {rule}")
            return None
        parent = found
    base = (*parent, *steps)
    if sheet.shape == "many":
        position = reader.counts.get(base, 0)
        reader.counts[base] = position + 1
        base = (*base, position)
    return base


def _read_sheet(sheet: Sheet, worksheet: Any, reader: _Reader) -> None:
    name = sheet.name
    rows = worksheet.iter_rows()
    header_rows = [next(rows, ()) for _ in range(HEADER_ROWS)]
    columns = _headers(sheet, list(header_rows[-1]), name, reader)
    data_rows = 0
    for number, cells in enumerate(rows, HEADER_ROWS + 1):
        if number > ROW_LIMIT:
            reader.out.problems.append(f"sheet {name}: has more than {ROW_LIMIT} rows")
            return
        filled = [
            (index, cell)
            for index, cell in enumerate(cells)
            if cell.value is not None
            and not (isinstance(cell.value, str) and not cell.value.strip())
        ]
        if not filled:
            continue
        data_rows += 1
        row_place = f"sheet {name}, row {number}"
        if sheet.shape == "one" and data_rows > 1:
            reader.out.problems.append(f"{row_place}: sheet {name} holds one row of data only")
            continue
        values: dict[str, Any] = {}
        read: list[tuple[Column, tuple[Step, ...], Any, str]] = []
        for index, cell in filled:
            if index not in columns:
                reader.out.problems.append(
                    f"{_place(name, cell.coordinate)}: has a value but its column has no key"
                )
                continue
            column, steps = columns[index]
            if column is _UNKNOWN:
                continue  # reported once, at its header
            try:
                value = _convert(cell, column)
            except _CellError as error:
                read.append((column, steps, error, _place(name, cell.coordinate)))
                continue
            if column.fixed:
                values[column.key] = value
            read.append((column, steps, value, _place(name, cell.coordinate)))
        base = _base(sheet, values, reader, row_place)
        if base is None:
            continue
        if sheet.shape == "list":
            position = reader.counts.get((name, *base), 0)
            reader.counts[(name, *base)] = position + 1
        else:
            position = 0
            reader.ensure(base, row_place)
        if sheet.ident is not None:
            ident = values.get(sheet.ident)
            known = reader.idents.setdefault(name, {})
            if ident is not None and str(ident) not in known:
                known[str(ident)] = base
        for column, steps, value, place in read:
            if not column.in_document:
                continue
            if column.by is not None:
                by = values.get(column.by)
                target = (*base[:-2], column.key, by if isinstance(by, str) else "?")
            else:
                target = (*base, *(position if step == "#" else step for step in steps))
            if isinstance(value, _CellError):
                reader.problem(target, str(value), place)
            else:
                reader.set(target, value, place)


def read_workbook(path: str | Path) -> WorkbookDocument:
    """Read a data set workbook (the sheets of ``sakip template``) as a document.

    Sheets may be left out or left empty; a sheet whose name is not one of
    the template's (but *Petunjuk*, which is ignored) is a problem.

    Raises
    ------
    DataSetError
        The file is not a readable xlsx workbook, is macro-enabled, or is
        over a limit.
    MissingExtraError
        openpyxl (the ``xlsx`` extra) is not installed.

    Examples
    --------
    >>> import tempfile
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.workbook_template import render_template
    >>> try:
    ...     data = render_template()
    ... except MissingExtraError:  # without the xlsx extra
    ...     data = None
    >>> if data is not None:
    ...     path = Path(tempfile.mkdtemp()) / "kosong.xlsx"
    ...     _ = path.write_bytes(data)
    ...     read = read_workbook(path)
    ...     found = read.document["schema"], read.places["rounding.capaian.places"]
    ... else:
    ...     found = 1, "sheet Pembulatan, cell A3"
    >>> found
    (1, 'sheet Pembulatan, cell A3')
    """
    file = Path(path)
    _check_file(file)
    openpyxl = _openpyxl()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of extensions it drops
            book = openpyxl.load_workbook(file, read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise DataSetError(
            str(file), [f"is not a readable xlsx workbook: {type(error).__name__}"]
        ) from None
    out = WorkbookDocument()
    reader = _Reader(out)
    try:
        names = list(book.sheetnames)
        if len(names) > SHEET_LIMIT:
            raise DataSetError(str(file), [f"has more than {SHEET_LIMIT} sheets"])
        for name in names:
            if name not in SHEETS and name != _GUIDE:
                out.problems.append(
                    f"sheet {name}: is not a sheet of the template (expected {sorted(SHEETS)})"
                )
        for sheet in LAYOUT:
            if sheet.name in names:
                worksheet = book[sheet.name]
                if (worksheet.max_column or 0) > COLUMN_LIMIT:
                    out.problems.append(
                        f"sheet {sheet.name}: has more than {COLUMN_LIMIT} columns"
                    )
                    continue
                _read_sheet(sheet, worksheet, reader)
    finally:
        book.close()
    out.document = _close_lists(out.document, (), out)
    return out


def _path_of(problem: str) -> str:
    return problem.partition(": ")[0]


def load_workbook_dataset(path: str | Path) -> DataSet:
    """Load and validate a data set workbook: the same rules as a TOML data set.

    Every problem is placed by its sheet and cell.

    Raises
    ------
    DataSetError
        The workbook cannot be read, or the data set has problems.

    Examples
    --------
    The bundled data set, written as a workbook and read back, is the same
    data set (an empty template, :func:`read_workbook`'s example, has problems):

    >>> import importlib.util, tempfile
    >>> from sakip.report.dataset import bundled_dataset_path, load_dataset
    >>> from sakip.report.workbook_template import dataset_document, render_template
    >>> if importlib.util.find_spec("openpyxl") is not None:
    ...     path = Path(tempfile.mkdtemp()) / "kalteng.xlsx"
    ...     _ = path.write_bytes(render_template(dataset_document(bundled_dataset_path())))
    ...     same = load_workbook_dataset(path).entries == load_dataset().entries
    ... else:  # without the xlsx extra
    ...     same = True
    >>> same
    True
    """
    from sakip.report.dataset import parse_dataset

    file = Path(path)
    read = read_workbook(file)
    try:
        dataset = parse_dataset(read.document, source=str(file))
    except DataSetError as error:
        cells = {_path_of(problem) for problem in read.problems}
        kept = [p for p in error.problems if _path_of(p) not in cells]
        raise locate_error(DataSetError(str(file), read.problems + kept), _locator(read)) from None
    if read.problems:
        raise locate_error(DataSetError(str(file), read.problems), _locator(read))
    return dataset


def _locator(read: WorkbookDocument) -> Locate:
    """The sheet and cell of a path, after the code of the indicator it is inside (as in TOML)."""
    locate: Callable[[str], str | None] = read.locate
    return name_indicators(read.document, locate)
