"""Where a data-set problem is in the file the user wrote.

The :class:`~sakip.report.reader.Reader` names every problem by its path in
the document (``objectives[2].indicators[1].realizaton: ...``). The file it
came from knows more: a TOML file has lines and columns, a workbook has
sheets and cells. A *locate* function maps a path to that place, and
:func:`locate_problems` writes it after the path of every problem it can
place, so the same reader serves every input format.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sakip.errors import DataSetError

__all__ = ["Locate", "locate_error", "locate_problems", "name_indicators", "toml_locate"]

Locate = Callable[[str], str | None]
"""Maps a document path (``objectives[0].indicators[1].target``) to a place
in the file (``line 42, column 1`` or ``sheet Indikator, cell D5``), or
``None`` when it cannot tell."""

_SEPARATOR = ": "


def locate_problems(problems: Sequence[str], locate: Locate) -> list[str]:
    """Add the place in the file to every problem whose path it can place.

    A problem is ``"<path>: <message>"``; the place goes in parentheses
    after the path. Problems without a path, or whose path ``locate`` cannot
    place, are kept unchanged.

    Examples
    --------
    >>> places = {"document.year": "line 3, column 1"}
    >>> locate_problems(
    ...     ["document.year: must be an integer: '2024'", "unit: is missing"], places.get
    ... )
    ["document.year (line 3, column 1): must be an integer: '2024'", 'unit: is missing']
    """
    located = []
    for problem in problems:
        path, separator, message = problem.partition(_SEPARATOR)
        place = locate(path) if separator else None
        located.append(f"{path} ({place}){separator}{message}" if place else problem)
    return located


def locate_error(error: DataSetError, locate: Locate) -> DataSetError:
    """The same error with every problem placed by ``locate``.

    Examples
    --------
    >>> error = DataSetError("lkip.toml", ["unit.code: is missing"])
    >>> print(locate_error(error, {"unit.code": "line 7"}.get))
    lkip.toml: 1 problem
      unit.code (line 7): is missing
    """
    return DataSetError(error.field, locate_problems(error.problems, locate))


_INDICATOR = re.compile(r"objectives\[(\d+)\]\.indicators\[(\d+)\](?=[.\[]|$)")
#: The longest indicator code shown in a place; a longer one is cut.
_CODE_LIMIT = 40


def name_indicators(document: Mapping[str, Any], locate: Locate) -> Locate:
    """``locate``, with the code of the indicator a path is inside (from ``document``).

    A path inside ``objectives[i].indicators[j]`` names the indicator by the
    ``code`` the document gives it, which is how people find a row in their
    LKIP; other paths are placed by ``locate`` alone.

    Examples
    --------
    >>> document = {"objectives": [{"indicators": [{"code": "IKU-3.2"}]}]}
    >>> locate = name_indicators(document, {"objectives[0].indicators[0].target": "line 9"}.get)
    >>> locate("objectives[0].indicators[0].target")
    'indicator IKU-3.2, line 9'
    >>> locate("objectives[0].indicators[0].bounds.low")
    'indicator IKU-3.2'
    >>> print(locate("document.year"))
    None
    """

    def named(path: str) -> str | None:
        place = locate(path)
        code = _indicator_code(document, path)
        if code is None:
            return place
        return f"indicator {code}, {place}" if place else f"indicator {code}"

    return named


def _indicator_code(document: Mapping[str, Any], path: str) -> str | None:
    from sakip.report.safety import text_problem  # safety reads files; kept out of import time

    match = _INDICATOR.match(path)
    if match is None:
        return None
    node: Any = document
    for key, index in (("objectives", match[1]), ("indicators", match[2])):
        items = node.get(key) if isinstance(node, Mapping) else None
        if not isinstance(items, list) or int(index) >= len(items):
            return None
        node = items[int(index)]
    code = node.get("code") if isinstance(node, Mapping) else None
    if not isinstance(code, str) or not code.strip() or text_problem(code) is not None:
        return None
    return code if len(code) <= _CODE_LIMIT else code[: _CODE_LIMIT - 3] + "..."


def toml_locate(text: str) -> Locate:
    """Place a document path at its line and column in a TOML text.

    Every key, table and array element of the text is placed where it is
    written: a ``[table]`` or ``[[array.of.tables]]`` at its header (the
    ``n``-th header of an array, counted per parent element, is element
    ``[n - 1]``), a key (plain, dotted, or inside an inline table) at the key,
    an element of an array at its value. A path that is not in the text (a
    missing key) is placed at the closest table or key that holds it; a path
    outside every table (a missing top-level key) is not placed. Lines and
    columns count from 1, in characters. The text must be valid TOML (it is
    placed after it was parsed); a key with a dot in its name is placed as
    the path it spells.

    Examples
    --------
    >>> locate = toml_locate('''schema = 1
    ... [[objectives]]
    ... code = "S1"  # a comment with = and [
    ... [[objectives.indicators]]
    ... target = { low = "1", high = "2" }
    ... units = [
    ...   "a#b",
    ...   "c",
    ... ]
    ... ''')
    >>> locate("objectives[0].indicators[0].target.high")
    'line 5, column 23'
    >>> locate("objectives[0].indicators[0].units[1]")
    'line 8, column 3'
    >>> locate("objectives[0].indicators[0].realization")  # missing: its table
    'line 4, column 1'
    >>> print(locate("document"))
    None
    """
    places = _TomlScanner(text).scan()
    starts = [0, *(line.end() for line in re.finditer("\n", text))]

    def locate(path: str) -> str | None:
        position = places.get(path)
        if position is None:
            for end in range(len(path) - 1, 0, -1):
                if path[end] in ".[" and path[:end] in places:
                    position = places[path[:end]]
                    break
            else:
                return None
        line = bisect.bisect_right(starts, position)
        return f"line {line}, column {position - starts[line - 1] + 1}"

    return locate


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:\\.|[^"\\\n])*"')
_MULTILINE_BASIC = re.compile(r'"""(?:\\.|[^\\])*?"""', re.S)
_MULTILINE_LITERAL = re.compile(r"'''.*?'''", re.S)
_SCALAR_END = re.compile(r"[,\]}#\n]")


class _UnreadableError(Exception):
    """The scanner met text it does not read (the places found so far are kept)."""


def _join(table: str, key: str) -> str:
    return f"{table}.{key}" if table else key


class _TomlScanner:
    """Where every key, table and array element of a valid TOML text starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.places: dict[str, int] = {}
        #: Tables only implied by a header's path (``[a.b]`` implies ``a``),
        #: placed at their own header if one follows.
        self.implied: set[str] = set()
        #: The number of elements of each array of tables so far, by path.
        self.counts: dict[str, int] = {}

    def scan(self) -> dict[str, int]:
        table = ""
        try:
            while True:
                self.skip(newlines=True)
                if self.pos >= len(self.text):
                    break
                if self.text[self.pos] == "[":
                    table = self.header()
                else:
                    self.pair(table)
        except (_UnreadableError, IndexError, ValueError, tomllib.TOMLDecodeError):
            pass  # not valid TOML: keep what was placed
        return self.places

    def mark(self, path: str, position: int, *, implied: bool = False) -> None:
        if path not in self.places or (path in self.implied and not implied):
            self.places[path] = position
            if implied:
                self.implied.add(path)
            else:
                self.implied.discard(path)

    def skip(self, *, newlines: bool) -> None:
        """Skip blanks and comments (and line breaks when ``newlines``)."""
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t" or (newlines and char in "\r\n"):
                self.pos += 1
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    def header(self) -> str:
        start = self.pos
        array = self.text.startswith("[[", start)
        self.pos += 2 if array else 1
        keys = self.keys()
        self.pos += 2 if array else 1
        path = ""
        for key, _ in keys[:-1]:
            path = _join(path, key)
            self.mark(path, start, implied=True)
            if path in self.counts:
                path = f"{path}[{self.counts[path] - 1}]"
        path = _join(path, keys[-1][0])
        if array:
            self.mark(path, start)
            index = self.counts.get(path, 0)
            self.counts[path] = index + 1
            path = f"{path}[{index}]"
        self.mark(path, start)
        return path

    def keys(self) -> list[tuple[str, int]]:
        """A dotted key: each part and where it starts."""
        keys = []
        while True:
            self.skip(newlines=False)
            keys.append(self.key())
            self.skip(newlines=False)
            if not self.text.startswith(".", self.pos):
                return keys
            self.pos += 1

    def key(self) -> tuple[str, int]:
        text, start = self.text, self.pos
        if text[start] == '"':
            self.pos = self.basic_end(start)
            key = tomllib.loads(f"key = {text[start : self.pos]}")["key"]
        elif text[start] == "'":
            self.pos = text.index("'", start + 1) + 1
            key = text[start + 1 : self.pos - 1]
        else:
            match = _BARE_KEY.match(text, start)
            if match is None:
                raise _UnreadableError(start)
            self.pos, key = match.end(), match.group()
        if not isinstance(key, str):  # pragma: no cover - tomllib returns the string
            raise _UnreadableError(start)
        return key, start

    def pair(self, table: str) -> None:
        path = table
        for key, start in self.keys():
            path = _join(path, key)
            self.mark(path, start)
        if not self.text.startswith("=", self.pos):
            raise _UnreadableError(self.pos)
        self.pos += 1
        self.skip(newlines=False)
        self.value(path)

    def value(self, path: str) -> None:
        text, start = self.text, self.pos
        if text.startswith(('"""', "'''"), start):
            self.pos = self.multiline_end(start)
        elif text[start] == '"':
            self.pos = self.basic_end(start)
        elif text[start] == "'":
            self.pos = text.index("'", start + 1) + 1
        elif text[start] == "[":
            self.array(path)
        elif text[start] == "{":
            self.inline_table(path)
        else:  # a number, boolean or date: up to what ends a value
            match = _SCALAR_END.search(text, start)
            self.pos = len(text) if match is None else match.start()

    def basic_end(self, start: int) -> int:
        return self.match(_BASIC, start)

    def multiline_end(self, start: int) -> int:
        text, quote = self.text, self.text[start]
        index = self.match(_MULTILINE_BASIC if quote == '"' else _MULTILINE_LITERAL, start)
        for _ in range(2):  # up to two quotes of the content just before the delimiter
            if text.startswith(quote, index):
                index += 1
        return index

    def match(self, pattern: re.Pattern[str], start: int) -> int:
        found = pattern.match(self.text, start)
        if found is None:
            raise _UnreadableError(start)
        return found.end()

    def array(self, path: str) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip(newlines=True)
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            item = f"{path}[{index}]"
            self.mark(item, self.pos)
            self.value(item)
            index += 1
            self.skip(newlines=True)
            if self.text[self.pos] == ",":
                self.pos += 1

    def inline_table(self, path: str) -> None:
        self.pos += 1
        while True:
            self.skip(newlines=True)
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.pair(path)
