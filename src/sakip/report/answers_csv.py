"""Raw SKM answers from a CSV file: one row per respondent, one column per unsur.

An ``[[ikm]]`` entry of a data set may read its survey from a CSV file next
to the data set (``answers = "skm-2024.csv"``) instead of the printed NRR.
Two dialects are read, detected from the header or declared:

- ``plain``: ``,`` between fields, ``.`` as decimal mark, UTF-8;
- ``excel-id``: what a spreadsheet set to Indonesian exports: ``;`` between
  fields (the comma is the decimal mark), a UTF-8 byte order mark, and
  usually CRLF line ends.

The header names the unsur columns (``U1`` ... ``U9`` by default) and,
optionally, a ``semester`` column; other columns (``responden``, a date)
are ignored. An answer is an integer 1-4 (``4,0`` in ``excel-id`` or
``4.0`` in ``plain`` is 4); a blank cell is an unanswered question, left out
of its unsur (never counted as 0). Every problem names the file, the line
and the column: ``skm-2024.csv, line 12, column U3: must be an integer
1-4: '5'``.

Everything here is pure except :func:`read_answers`, which reads a file
within the size limit of :data:`sakip.report.safety.FILE_LIMIT`.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Sequence
from pathlib import Path, PurePath

import attrs

from sakip.errors import show_value
from sakip.report.safety import FILE_LIMIT

__all__ = [
    "GROUP_COLUMN",
    "PROBLEM_LIMIT",
    "UNSUR_COLUMNS",
    "AnswerSheet",
    "Dialect",
    "answers_path",
    "detect_dialect",
    "parse_answers",
    "read_answers",
    "write_answers",
]

UNSUR_COLUMNS = tuple(f"U{n}" for n in range(1, 10))
"""The unsur columns an SKM CSV names by default (the 9 unsur of PermenPANRB 14/2017)."""

GROUP_COLUMN = "semester"
"""The column that says which period (semester) a respondent answered in."""

PROBLEM_LIMIT = 20
"""The most problems listed for one file; the rest are counted in one line."""

_BOM = "\ufeff"


class Dialect(enum.Enum):
    """The two CSV dialects of an SKM answer file.

    Examples
    --------
    >>> Dialect("excel-id").delimiter, Dialect("excel-id").decimal
    (';', ',')
    >>> Dialect.PLAIN.delimiter, Dialect.PLAIN.decimal
    (',', '.')
    """

    PLAIN = "plain"
    EXCEL_ID = "excel-id"

    @property
    def delimiter(self) -> str:
        """The field separator."""
        return ";" if self is Dialect.EXCEL_ID else ","

    @property
    def decimal(self) -> str:
        """The decimal mark."""
        return "," if self is Dialect.EXCEL_ID else "."


@attrs.frozen
class AnswerSheet:
    r"""The answers of one CSV file, validated.

    Attributes
    ----------
    name : str
        The file's name, as problems show it.
    dialect : Dialect
        The dialect it was read in.
    columns : tuple of str
        The unsur columns, in the order of each row's answers.
    rows : tuple of tuple of int or None
        One row per respondent; ``None`` for a blank (unanswered) cell.
    groups : tuple of str or None
        The ``semester`` of each row, or ``None`` when the file has no such
        column.
    lines : tuple of int
        The line of each row in the file (the header is line 1).

    Examples
    --------
    >>> sheet, _ = parse_answers(b"semester,A,B\n1,4,3\n2,2,\n1,1,1\n", name="s.csv",
    ...                          columns=("A", "B"))
    >>> sheet.semesters(), sheet.select("1")
    (('1', '2'), ((4, 3), (1, 1)))
    >>> sheet.select(None)
    ((4, 3), (2, None), (1, 1))
    """

    name: str
    dialect: Dialect
    columns: tuple[str, ...]
    rows: tuple[tuple[int | None, ...], ...]
    groups: tuple[str, ...] | None
    lines: tuple[int, ...]

    def semesters(self) -> tuple[str, ...]:
        """The distinct semesters, in the order they first appear (empty without the column)."""
        return tuple(dict.fromkeys(self.groups or ()))

    def select(self, semester: str | None) -> tuple[tuple[int | None, ...], ...]:
        """The rows of one semester, or every row when ``semester`` is ``None``."""
        if semester is None or self.groups is None:
            return self.rows
        return tuple(
            row for row, group in zip(self.rows, self.groups, strict=True) if group == semester
        )


def detect_dialect(text: str) -> Dialect:
    r"""The dialect of a CSV text, told by its header line.

    ``excel-id`` when the header has more ``;`` than ``,``, else ``plain``.

    Examples
    --------
    >>> detect_dialect("\ufeffresponden;semester;U1\r\nR1;1;4\r\n")
    <Dialect.EXCEL_ID: 'excel-id'>
    >>> detect_dialect("responden,semester,U1\n")
    <Dialect.PLAIN: 'plain'>
    """
    header = text.removeprefix(_BOM).split("\n", 1)[0]
    return Dialect.EXCEL_ID if header.count(";") > header.count(",") else Dialect.PLAIN


def _answer(text: str, dialect: Dialect) -> int | str | None:
    """The answer in a cell: an int 1-4, ``None`` for blank, or the rule it breaks."""
    cell = text.strip()
    if not cell:
        return None
    whole, mark, fraction = cell.partition(dialect.decimal)
    if mark and fraction and set(fraction) == {"0"}:
        cell = whole
    if cell in {"1", "2", "3", "4"}:
        return int(cell)
    return "must be an integer 1-4"


def _header(
    fields: list[str], columns: Sequence[str], group: str | None, dialect: Dialect
) -> tuple[dict[str, int], int | None, str | None]:
    """Positions of the unsur columns and of the group column, or the header's problem."""
    names = [field.strip() for field in fields]
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        if name in positions and name in columns:
            return {}, None, f"names column {name!r} twice"
        positions.setdefault(name, position)
    missing = [column for column in columns if column not in positions]
    if missing:
        hint = ""
        other = Dialect.PLAIN if dialect is Dialect.EXCEL_ID else Dialect.EXCEL_ID
        if len(names) == 1 and other.delimiter in names[0]:
            hint = f" (the header is separated by {other.delimiter!r}: dialect = {other.value!r}?)"
        return (
            {},
            None,
            f"the header must name the unsur columns {list(columns)}; missing {missing}{hint}",
        )
    return (
        {column: positions[column] for column in columns},
        positions.get(group) if group is not None else None,
        None,
    )


def parse_answers(
    data: bytes,
    *,
    name: str,
    columns: Sequence[str] = UNSUR_COLUMNS,
    dialect: Dialect | str | None = None,
    group: str | None = GROUP_COLUMN,
) -> tuple[AnswerSheet | None, tuple[str, ...]]:
    r"""Read the bytes of an SKM answer CSV into an :class:`AnswerSheet`, or its problems.

    Parameters
    ----------
    data : bytes
        The file's content (UTF-8; a byte order mark is skipped).
    name : str
        The file's name, shown in every problem.
    columns : sequence of str, default ``U1`` ... ``U9``
        The unsur columns the header must name.
    dialect : Dialect, its value or None
        ``None`` detects it (:func:`detect_dialect`).
    group : str or None, default ``"semester"``
        The column that gives each row's semester, read when the header
        names it.

    Returns
    -------
    tuple
        ``(sheet, ())`` when the file is valid, else ``(None, problems)``:
        each problem is ``"<name>, line <n>, column <c>: <rule>: <value>"``
        (column and value where they apply), at most
        :data:`PROBLEM_LIMIT` of them and a line counting the rest.

    Examples
    --------
    >>> sheet, problems = parse_answers(
    ...     "\ufeffresponden;U1;U2\r\nR1;4;3\r\nR2;2;4,0\r\n".encode(), name="skm.csv",
    ...     columns=("U1", "U2"))
    >>> sheet.dialect, sheet.rows, sheet.lines, problems
    (<Dialect.EXCEL_ID: 'excel-id'>, ((4, 3), (2, 4)), (2, 3), ())
    >>> _, problems = parse_answers(b"U1,U2\n4,3\n5,x\n", name="skm.csv", columns=("U1", "U2"))
    >>> for problem in problems:
    ...     print(problem)
    skm.csv, line 3, column U1: must be an integer 1-4: '5'
    skm.csv, line 3, column U2: must be an integer 1-4: 'x'
    """
    chosen = Dialect(dialect) if isinstance(dialect, str) else dialect
    problems: list[str] = []
    try:
        text = data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", "replace")
        line = before.count("\n") + 1
        return None, (f"{name}, line {line}: is not UTF-8 text",)
    chosen = chosen or detect_dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen.delimiter)
    rows: list[tuple[int | None, ...]] = []
    groups: list[str] = []
    lines: list[int] = []
    positions: dict[str, int] = {}
    group_at: int | None = None
    header_seen = False
    width = 0
    try:
        for fields in reader:
            line = reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if not header_seen:
                header_seen = True
                positions, group_at, rule = _header(fields, columns, group, chosen)
                if rule is not None:
                    return None, (f"{name}, line {line}: {rule}",)
                width = len(fields)
                continue
            if len(fields) < width or any(field.strip() for field in fields[width:]):
                problems.append(
                    f"{name}, line {line}: has {len(fields)} fields, the header has {width}"
                )
                continue
            answers: list[int | None] = []
            for column, position in positions.items():
                answer = _answer(fields[position], chosen)
                if isinstance(answer, str):
                    problems.append(
                        f"{name}, line {line}, column {column}: {answer}: "
                        f"{show_value(fields[position])}"
                    )
                    continue
                answers.append(answer)
            if len(answers) != len(positions):
                continue
            if all(answer is None for answer in answers):
                problems.append(f"{name}, line {line}: answers no unsur")
                continue
            if group_at is not None:
                semester = fields[group_at].strip()
                if not semester:
                    problems.append(f"{name}, line {line}, column {group}: is empty")
                    continue
                groups.append(semester)
            rows.append(tuple(answers))
            lines.append(line)
    except csv.Error as error:
        problems.append(f"{name}, line {reader.line_num}: is not valid CSV: {error}")
    if not header_seen:
        return None, (f"{name}: is empty (no header line)",)
    if not rows and not problems:
        problems.append(f"{name}: has no answers (only a header)")
    if problems:
        shown = problems[:PROBLEM_LIMIT]
        if len(problems) > PROBLEM_LIMIT:
            shown.append(f"{name}: {len(problems) - PROBLEM_LIMIT} more problems not listed")
        return None, tuple(shown)
    sheet = AnswerSheet(
        name=name,
        dialect=chosen,
        columns=tuple(columns),
        rows=tuple(rows),
        groups=tuple(groups) if group_at is not None else None,
        lines=tuple(lines),
    )
    return sheet, ()


def write_answers(
    rows: Sequence[Sequence[int | None]],
    *,
    dialect: Dialect | str,
    columns: Sequence[str] = UNSUR_COLUMNS,
    groups: Sequence[str] | None = None,
) -> bytes:
    r"""An SKM answer CSV in a dialect, as a spreadsheet or a script would write it.

    ``excel-id`` starts with a byte order mark and ends lines with CRLF;
    ``plain`` ends them with LF. A ``responden`` column numbers the rows;
    ``groups`` adds the ``semester`` column. :func:`parse_answers` reads it
    back.

    Examples
    --------
    >>> write_answers([[4, None]], dialect="excel-id", columns=("U1", "U2"), groups=["1"])
    b'\xef\xbb\xbfresponden;semester;U1;U2\r\nR1;1;4;\r\n'
    >>> write_answers([[4, 3]], dialect="plain", columns=("U1", "U2"))
    b'responden,U1,U2\nR1,4,3\n'
    """
    chosen = Dialect(dialect)
    out = io.StringIO(newline="")
    ending = "\r\n" if chosen is Dialect.EXCEL_ID else "\n"
    writer = csv.writer(out, delimiter=chosen.delimiter, lineterminator=ending)
    head = ["responden"] + ([GROUP_COLUMN] if groups is not None else []) + list(columns)
    writer.writerow(head)
    for number, answers in enumerate(rows, 1):
        group = [groups[number - 1]] if groups is not None else []
        cells = ["" if answer is None else str(answer) for answer in answers]
        writer.writerow([f"R{number}", *group, *cells])
    text = out.getvalue()
    return ((_BOM if chosen is Dialect.EXCEL_ID else "") + text).encode("utf-8")


def answers_path(base: Path, relative: object) -> tuple[Path | None, str | None]:
    r"""The answer file a data set names, or the rule the name breaks.

    The name is a path relative to the data set's folder ``base``; it is
    refused when absolute, when it leaves the folder (``..``, or a link
    that points outside it), or when it is not a regular file there.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> _ = (base / "skm.csv").write_text("U1\n4\n", encoding="utf-8")
    >>> answers_path(base, "skm.csv")[0] == base / "skm.csv"
    True
    >>> answers_path(base, "/etc/passwd")[1]
    "must be a path relative to the data set's folder"
    >>> answers_path(base, "../skm.csv")[1]
    "must not leave the data set's folder ('..')"
    >>> answers_path(base, "lain.csv")[1]
    "must be a regular file in the data set's folder (none found)"
    """
    if not isinstance(relative, str) or not relative.strip():
        return None, "must be a file name (a string)"
    pure = PurePath(relative)
    if pure.is_absolute() or relative.startswith(("/", "\\")):
        return None, "must be a path relative to the data set's folder"
    if ".." in pure.parts or ".." in relative.replace("\\", "/").split("/"):
        return None, "must not leave the data set's folder ('..')"
    path = base / pure
    try:
        inside = path.resolve().is_relative_to(base.resolve())
    except OSError:
        inside = False
    if not inside:
        return None, "must not leave the data set's folder (a link points outside it)"
    if not path.exists():
        return None, "must be a regular file in the data set's folder (none found)"
    if not path.is_file():
        return None, "must be a regular file in the data set's folder (not a folder or device)"
    return path, None


def read_answers(
    path: Path,
    *,
    columns: Sequence[str] = UNSUR_COLUMNS,
    dialect: Dialect | str | None = None,
    group: str | None = GROUP_COLUMN,
) -> tuple[AnswerSheet | None, tuple[str, ...]]:
    """Read an answer file within the size limit; as :func:`parse_answers`.

    Problems are named by the file's name (``skm.csv, line 3, ...``). A file
    larger than :data:`~sakip.report.safety.FILE_LIMIT` (4 MiB, some 170,000
    respondents) is refused unread.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "skm.csv"
    >>> _ = path.write_bytes(write_answers([[4] * 9, [3] * 9], dialect="excel-id"))
    >>> sheet, problems = read_answers(path)
    >>> sheet.dialect, len(sheet.rows), problems
    (<Dialect.EXCEL_ID: 'excel-id'>, 2, ())
    """
    try:
        with open(path, "rb") as file:
            data = file.read(FILE_LIMIT + 1)
    except OSError as error:
        return None, (f"{path.name}: cannot be read: {error.strerror}",)
    if len(data) > FILE_LIMIT:
        return None, (
            f"{path.name}: is larger than the limit of {FILE_LIMIT // 2**20} MiB "
            f"({FILE_LIMIT} bytes)",
        )
    return parse_answers(data, name=path.name, columns=columns, dialect=dialect, group=group)
