"""Safe input and output of the report layer: the text policy, input limits, cell escaping.

One policy decides which names and labels a data set may hold
(:func:`text_problem`), so that every data set ``sakip validate`` accepts
renders in every format; :func:`read_document` reads a data set file
within size and nesting limits; :func:`spreadsheet_text` and
:func:`formula_like` keep text that a spreadsheet would run as a formula
as text (OWASP, "CSV Injection"). The rules are documented in
``docs/report.md``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sakip.errors import DataSetError

__all__ = [
    "FILE_LIMIT",
    "NESTING_LIMIT",
    "TEXT_LIMIT",
    "formula_like",
    "printable",
    "read_document",
    "read_source",
    "spreadsheet_text",
    "text_problem",
]

TEXT_LIMIT = 1000
"""The longest name or label, in characters.

Far below the 32,767 characters of an XLSX cell, which also holds a text
inside a fixed phrase ("Indikator ... per satuan kerja").
"""

FILE_LIMIT = 4 * 1024 * 1024
"""The largest data set file, in bytes (4 MiB, about 70 times the bundled example)."""

NESTING_LIMIT = 32
"""The deepest nesting of tables and arrays in a data set document (the schema needs 6)."""

#: Characters that reorder the text shown around them (bidirectional controls, CVE-2021-42574).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Leading characters that make a spreadsheet read a cell as a formula (OWASP), with the
#: full-width forms that some spreadsheet locales treat the same way.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _refused(char: str) -> bool:
    category = unicodedata.category(char)
    return category in {"Cc", "Cs"} or char in _BIDI or char in "\ufffe\uffff"


def text_problem(text: str) -> str | None:
    r"""The rule a name or label breaks, or ``None`` when every output can hold it.

    Refused: control characters (``U+0000``-``U+001F``, ``U+007F``-``U+009F``,
    tab and line breaks included: names and labels are one line), lone
    surrogates, ``U+FFFE``/``U+FFFF`` (not allowed in XLSX's XML),
    bidirectional controls (they reorder what the reader sees), and more
    than :data:`TEXT_LIMIT` characters.

    Examples
    --------
    >>> text_problem("Indeks kepuasan") is None
    True
    >>> text_problem("Indeks\u0007kepuasan")
    'must not contain control characters: U+0007 at character 7'
    >>> text_problem("x" * 1001)
    'must have at most 1000 characters: has 1001'
    """
    if len(text) > TEXT_LIMIT:
        return f"must have at most {TEXT_LIMIT} characters: has {len(text)}"
    for position, char in enumerate(text, 1):
        if _refused(char):
            return (
                f"must not contain control characters: U+{ord(char):04X} at character {position}"
            )
    return None


def printable(text: str) -> str:
    r"""Text safe to show on a terminal: refused characters as escapes, line breaks kept.

    Problems name fields by their keys, which the policy does not check;
    a key holding ``ESC`` must not drive the user's terminal.

    Examples
    --------
    >>> print(printable("objectives[0].na\u001bme: is not a field here"))
    objectives[0].na\x1bme: is not a field here
    """
    return "".join(
        char if char == "\n" or not _refused(char) else char.encode("unicode_escape").decode()
        for char in text
    )


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula (OWASP CSV injection).

    A cell is dangerous when it starts, possibly after spaces, with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return (or the full-width
    ``＝ ＋ － ＠``).

    Examples
    --------
    >>> formula_like('=HYPERLINK("http://x")'), formula_like(" @SUM(A1)"), formula_like("-2")
    (True, True, True)
    >>> formula_like("Indeks"), formula_like("")
    (False, False)
    """
    return text.lstrip(" ").startswith(_FORMULA_START)


def spreadsheet_text(text: str) -> str:
    """A text cell for CSV: a single quote before text that would be read as a formula.

    The quote is what a spreadsheet itself writes to mark a cell as text;
    numbers are not passed here, so ``-2`` as a number stays ``-2``.

    Examples
    --------
    >>> spreadsheet_text("=1+1"), spreadsheet_text("Indeks")
    ("'=1+1", 'Indeks')
    """
    return "'" + text if formula_like(text) else text


def read_document(path: Path) -> dict[str, Any]:
    """Read a data set file as a TOML document, within the limits (see :func:`read_source`).

    Examples
    --------
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> read_document(bundled_dataset_path())["unit"]["level"]
    'BNNP'
    """
    return read_source(path)[1]


def read_source(path: Path) -> tuple[str, dict[str, Any]]:
    r"""Read a data set file: its text and its TOML document, within the limits.

    The text is kept to place the problems of the document in it
    (:func:`sakip.report.locate.toml_locate`).

    A UTF-8 byte order mark is skipped. The file must be at most
    :data:`FILE_LIMIT` bytes and nest arrays and inline tables at most
    :data:`NESTING_LIMIT` levels deep.

    Raises
    ------
    DataSetError
        The file cannot be read, is too large, is not UTF-8 or TOML, or
        nests too deeply; the problem is located (line and column, or
        field).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "deep.toml"
    >>> _ = path.write_text("a = " + "[" * 40 + "]" * 40, encoding="utf-8")
    >>> read_source(path)
    Traceback (most recent call last):
    ...
    sakip.errors.DataSetError: .../deep.toml: 1 problem
      a: is nested deeper than 32 levels (tables and arrays)
    >>> _ = path.write_text("schema = 1\nyear = = 2024\n", encoding="utf-8")
    >>> read_source(path)
    Traceback (most recent call last):
    ...
    sakip.errors.DataSetError: .../deep.toml: 1 problem
      is not valid TOML (line 2, column 8): Invalid value
    """
    source = str(path)
    try:
        with open(path, "rb") as file:
            data = file.read(FILE_LIMIT + 1)
    except OSError as error:
        raise DataSetError(source, [f"cannot be read: {error.strerror}"]) from None
    except MemoryError:
        raise DataSetError(source, ["is too large for the memory available"]) from None
    if len(data) > FILE_LIMIT:
        raise DataSetError(
            source, [f"is larger than the limit of {FILE_LIMIT // 2**20} MiB ({FILE_LIMIT} bytes)"]
        )
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte order mark, as some editors write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data[: error.start].decode("utf-8", "replace"))
        raise DataSetError(source, [f"is not UTF-8 text (line {line}, column {column})"]) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataSetError(source, [_toml_problem(error)]) from None
    except RecursionError:
        raise DataSetError(source, [_too_deep_in_text(text)]) from None
    except MemoryError:
        raise DataSetError(source, ["is too large for the memory available"]) from None
    deep = _too_deep(document)
    if deep is not None:
        raise DataSetError(source, [deep])
    return text, document


def _toml_problem(error: tomllib.TOMLDecodeError) -> str:
    """TOML's own message, with its place written as every other problem's: ``(line N, column M)``."""
    match = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error), re.S)
    if match is None:  # "... (at end of document)"
        return f"is not valid TOML: {error}"
    return f"is not valid TOML (line {match[2]}, column {match[3]}): {match[1]}"


def _line_column(before: str) -> tuple[int, int]:
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


_TOKEN = re.compile(
    r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]',
    re.S,
)


def _too_deep_in_text(text: str) -> str:
    """Locate the first bracket beyond the nesting limit (strings and comments skipped)."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > NESTING_LIMIT:
                line, column = _line_column(text[: match.start()])
                return (
                    f"line {line}, column {column}: arrays and inline tables are nested "
                    f"deeper than {NESTING_LIMIT} levels"
                )
        elif token in "]}":
            depth = max(depth - 1, 0)
    return f"arrays and inline tables are nested deeper than {NESTING_LIMIT} levels"


def _too_deep(document: Mapping[str, Any]) -> str | None:
    """The first field nested deeper than the limit (tables and arrays), found without recursion."""
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        node, where, depth = stack.pop()
        if not isinstance(node, Mapping | list):
            continue
        if depth > NESTING_LIMIT:
            return f"{where}: is nested deeper than {NESTING_LIMIT} levels (tables and arrays)"
        if isinstance(node, Mapping):
            children = [(v, f"{where}.{k}" if where else str(k)) for k, v in node.items()]
        else:
            children = [(value, where) for value in node]
        stack.extend((value, place, depth + 1) for value, place in reversed(children))
    return None
