"""Located data-set errors: line and column, the indicator by its code, did-you-mean.

The CLI tests run the installed ``sakip`` command, as the user meets it; the
expected line and column of each problem come from where the test edited the
file, never from a hard-coded number. The property test writes generated
documents out as TOML in several layouts and checks that every path is placed
where the writer wrote it.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sakip.report.dataset import bundled_dataset_path
from sakip.report.locate import toml_locate
from tests.commands import UNIT_HEAD

SAKIP = Path(sys.executable).with_name("sakip")

MINIMAL = (
    UNIT_HEAD
    + """[[objectives]]
code = "S1"
name = "Sasaran"
[[objectives.indicators]]
code = "IKU-1.1"
name = "Indeks kepuasan"
unit_of_measure = "Indeks"
target = "3.60"
realization = "3.70"
[[objectives]]
code = "S2"
name = "Sasaran # kedua = [x]"  # a comment with = and [
[[objectives.indicators]]
code = "IKU-2.1"
name = "Persentase"
unit_of_measure = "%"
target = { low = "80", high = "90" }
realization = "85"
"""
)


def validate(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "lkip.toml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(SAKIP), "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def edit(text: str, old: str, new: str, *, after: str = "") -> tuple[str, int, int]:
    """Replace the first ``old`` after ``after``; the new text and where ``new`` starts."""
    start = text.index(old, text.index(after) if after else 0)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return text[:start] + new + text[start + len(old) :], line, column


def place(text: str, needle: str, *, after: str = "") -> tuple[int, int]:
    """The line and column where ``needle`` starts (after ``after``)."""
    return edit(text, needle, needle, after=after)[1:]


def test_a_misspelt_key_shows_its_line_column_and_the_key_meant(tmp_path: Path) -> None:
    text, line, column = edit(MINIMAL, "realization", "realizaton", after="IKU-2.1")
    result = validate(tmp_path, text)
    assert result.returncode == 2, result.stderr
    assert (
        f"objectives[1].indicators[0].realizaton (indicator IKU-2.1, line {line}, "
        f"column {column}): is not a field here; did you mean 'realization'?"
    ) in result.stderr
    # The missing realisation is placed at its indicator's header.
    header = place(text, "[[objectives.indicators]]", after="S2")
    assert (
        f"objectives[1].indicators[0].realization (indicator IKU-2.1, line {header[0]}, "
        f"column {header[1]}): is missing"
    ) in result.stderr


def test_an_unknown_key_far_from_every_field_lists_the_fields(tmp_path: Path) -> None:
    text, line, _ = edit(MINIMAL, "year = 2024", "year = 2024\nqqq = 1")
    result = validate(tmp_path, text)
    assert f"document.qqq (line {line + 1}, column 1): is not a field here (expected one of " in (
        result.stderr
    )
    assert "did you mean" not in result.stderr


def test_a_bad_target_shows_the_indicator_code_and_the_line(tmp_path: Path) -> None:
    text, line, _ = edit(MINIMAL, '"3.60"', '"3,60"', after="IKU-1.1")
    # Inside an inline table: the column of the key in the braces.
    text, low_line, low_column = edit(text, 'low = "80"', 'low = "x"', after="IKU-2.1")
    result = validate(tmp_path, text)
    assert result.returncode == 2
    assert (
        f"objectives[0].indicators[0].target (indicator IKU-1.1, line {line}, column 1): "
        "must be a plain decimal number such as \"3.60\": '3,60'"
    ) in result.stderr
    assert (
        f"objectives[1].indicators[0].target.low (indicator IKU-2.1, line {low_line}, "
        f"column {low_column}): "
    ) in result.stderr


def test_a_toml_syntax_error_shows_line_and_column(tmp_path: Path) -> None:
    text, line, column = edit(MINIMAL, 'realization = "85"', 'realization = = "85"')
    result = validate(tmp_path, text)
    assert result.returncode == 2
    assert f"is not valid TOML (line {line}, column {column + len('realization = ')}): " in (
        result.stderr
    )


def bundled_text() -> str:
    return bundled_dataset_path().read_text(encoding="utf-8")


def test_problems_in_instrument_sections_show_their_lines(tmp_path: Path) -> None:
    text = bundled_text()
    text, tahanan, _ = edit(text, "detainees = 22", "detainees = -3", after="[tahanan]")
    # The second [[ikpa]] element: its [ikpa.values] table, a quoted key.
    second_ikpa = "[ikpa.values]  # L1629"
    text, ikpa, _ = edit(
        text, '"Penyerapan Anggaran" = "', '"Penyerapan Anggaran" = "x', after=second_ikpa
    )
    result = validate(tmp_path, text)
    assert result.returncode == 2
    assert f"tahanan.detainees (line {tahanan}, column 1): must be >= 0: -3" in result.stderr
    assert f"ikpa[1].values.Penyerapan Anggaran (line {ikpa}, column 1): " in result.stderr
    assert "2 problems" in result.stderr


def test_the_bundled_file_edited_in_several_places(tmp_path: Path) -> None:
    text = bundled_text()
    # A required key removed from the second [[subunits]] (first: the lines below move up),
    # placed at that header; the unit is then unknown wherever it is named.
    second = text.index("[[subunits]]", text.index("[[subunits]]") + 1)
    subunit = place(text, "[[subunits]]", after=text[second:])
    text = text[:second] + text[second:].replace('level = "BNNK"\n', "", 1)
    # A misspelt key in the 15th indicator (objectives[10].indicators[1]).
    text, misspelt, _ = edit(text, "realization = ", "realizaton = ", after='code = "15"')
    header = text.rindex("[[objectives.indicators]]", 0, text.index('code = "15"'))
    fifteen = place(text, "[[objectives.indicators]]", after=text[header:])
    # A key of the third [[whoqol.units]] made a string.
    text, clients, _ = edit(text, "clients = 78", 'clients = "x"')
    # A key inside an inline table of the second [[whoqol.units]].
    text, improved, improved_column = edit(
        text, "physical = 29", 'physical = "x"', after='[[whoqol.units]]\nunit = "bnnk-palangka'
    )
    # A unit's realisation in an array of inline tables (indicator 1, second unit).
    text, unit_line, unit_column = edit(text, 'realization = "55.76"', 'realization = "x"')
    result = validate(tmp_path, text)
    assert result.returncode == 2
    expected = [
        f"objectives[10].indicators[1].realizaton (indicator 15, line {misspelt}, column 1): "
        "is not a field here; did you mean 'realization'?",
        f"objectives[10].indicators[1].realization (indicator 15, line {fifteen[0]}, "
        "column 1): is missing",
        f"whoqol.units[2].clients (line {clients}, column 1): must be an integer: 'x'",
        f"whoqol.units[1].improved.physical (line {improved}, column {improved_column}): "
        "must be an integer: 'x'",
        f"objectives[0].indicators[0].units[1].realization (indicator 1, line {unit_line}, "
        f"column {unit_column}): ",
        f"subunits[1].level (line {subunit[0]}, column 1): is missing",
    ]
    for problem in expected:
        assert problem in result.stderr, (problem, result.stderr)


# --- The property: every path is placed where it is written -----------------------------

BARE = st.from_regex(r"[A-Za-z0-9_-]{1,6}", fullmatch=True)
#: Quoted keys hold what the scanner must not mistake for syntax (no ``.[]``: paths join
#: keys with them).
QUOTED = st.text(alphabet="ab é#='\"\\{}", min_size=1, max_size=5)
KEYS = st.one_of(BARE, QUOTED)
#: Values hold what the scanner must not mistake for syntax, and runs of quotes.
TEXT = st.lists(
    st.sampled_from(["a", "é", " ", "#", "=", "[", "]", "{", "}", ",", ".", "\\", "\n", "\t"])
    | st.sampled_from(["'", '"', '""', '"""', "'''", "# [x] = y"]),
    max_size=8,
).map("".join)
WHEN = datetime(1979, 5, 27, 7, 32, tzinfo=UTC)
SCALARS = st.one_of(st.integers(-(10**6), 10**6), st.booleans(), TEXT, st.just(WHEN))
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3))


def tables(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    if depth == 0:
        return st.dictionaries(KEYS, VALUES, max_size=3)
    inner = tables(depth - 1)
    return st.dictionaries(
        KEYS, st.one_of(VALUES, inner, st.lists(inner, min_size=1, max_size=3)), max_size=4
    )


def is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Writer:
    """Writes a document as TOML, choosing a layout at random, and records where each path is."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.parts: list[str] = []
        self.line, self.column = 1, 1
        self.places: dict[str, tuple[int, int]] = {}
        self.tables: set[str] = set()
        self.implied: list[str] = []

    def emit(self, text: str) -> None:
        self.parts.append(text)
        breaks = text.count("\n")
        if breaks:
            self.line += breaks
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)

    def mark(self, path: str) -> None:
        self.places.setdefault(path, (self.line, self.column))

    def end_line(self) -> None:
        if self.rnd.random() < 0.3:
            self.emit("  # a comment = [x] 'y' \"z\"")
        self.emit("\n")
        if self.rnd.random() < 0.2:
            self.emit(self.rnd.choice(["\n", "# [[not.a.header]]\n", "   \n"]))

    def key(self, key: str) -> str:
        if re.fullmatch(r"[A-Za-z0-9_-]+", key):
            return key
        return self.string(key, multiline=False)

    def string(self, text: str, *, multiline: bool = True) -> str:
        literal = "'" not in text and not re.search(r"[\x00-\x08\n\x0b-\x1f\x7f]", text)
        if literal and self.rnd.random() < 0.5:
            return f"'{text}'"
        if multiline and "\n" in text and not text.startswith("\n"):
            bare = not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
            if bare and self.rnd.random() < 0.3 and "'''" not in text and not text.endswith("''"):
                return f"'''{text}'''"
            if self.rnd.random() < 0.7:
                return f'"""{self.multiline(text)}"""'
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return '"' + escaped.replace("\n", "\\n") + '"'

    def multiline(self, text: str) -> str:
        """The body of a multi-line basic string: a quote escaped at random, or as the third
        in a row."""
        out, quotes = [], 0
        for char in text:
            if char == '"' and (quotes == 2 or self.rnd.random() < 0.3):
                out.append('\\"')
                quotes = 0
            elif char == '"':
                out.append('"')
                quotes += 1
            else:
                quotes = 0
                out.append({"\\": "\\\\", "\t": "\\t"}.get(char, char))
        return "".join(out)

    def value(self, value: Any, path: str, *, inline: bool) -> None:
        """Write a value; arrays of scalars may span lines unless ``inline``."""
        if isinstance(value, bool):
            self.emit("true" if value else "false")
        elif isinstance(value, int):
            self.emit(str(value))
        elif isinstance(value, str):
            self.emit(self.string(value))
        elif isinstance(value, datetime):
            self.emit("1979-05-27 07:32:00Z")
        elif isinstance(value, dict):
            self.inline_table(value, path)
        else:
            spread = not inline and value and self.rnd.random() < 0.5
            self.emit("[")
            for index, item in enumerate(value):
                if spread:
                    self.emit("\n    ")
                self.mark(f"{path}[{index}]")
                self.value(item, f"{path}[{index}]", inline=inline or not spread)
                if index + 1 < len(value) or self.rnd.random() < 0.5:
                    self.emit(",")
                if spread and self.rnd.random() < 0.3:
                    self.emit(" # [x] = y")
                if not spread and index + 1 < len(value):
                    self.emit(" ")
            self.emit("\n]" if spread else "]")

    def inline_table(self, table: dict[str, Any], path: str) -> None:
        self.tables.add(path)
        self.emit("{")
        for index, (key, value) in enumerate(table.items()):
            self.emit(" " if index == 0 else ", ")
            self.pair([key], value, path, inline=True)
        self.emit(" }" if table else "}")

    def pair(self, keys: list[str], value: Any, table: str, *, inline: bool) -> None:
        """``a.b.c = value`` in ``table``: every part placed where it is written."""
        path = table
        for index, key in enumerate(keys):
            if index:
                self.emit(self.rnd.choice([".", " . "]))
            path = join(path, key)
            if index + 1 < len(keys):
                self.tables.add(path)
            self.mark(path)
            self.emit(self.key(key))
        self.emit(self.rnd.choice([" = ", "=", "  =  "]))
        self.value(value, path, inline=inline)

    def dotted(self, keys: list[str], table: dict[str, Any], parent: str) -> None:
        """A table written as dotted keys, its sub-tables dotted further or inline."""
        if not table:
            self.line_start()
            self.pair(keys, {}, parent, inline=False)
            self.end_line()
        for key, value in table.items():
            if isinstance(value, dict) and value and self.rnd.random() < 0.5:
                self.dotted([*keys, key], value, parent)
            else:
                self.line_start()
                self.pair([*keys, key], value, parent, inline=is_tables(value))
                self.end_line()

    def line_start(self) -> None:
        self.emit(self.rnd.choice(["", "", "  ", "\t"]))

    def section(
        self,
        table: dict[str, Any],
        path: str,
        keys: list[str],
        *,
        header: tuple[str, ...] = (),
        headers_only: bool = False,
    ) -> None:
        """A table: its header (the opening, the rest, the paths it defines), its body,
        its sub-tables under headers; a ``[table]`` header may come after its sub-tables."""
        body: list[tuple[str, Any, str]] = []
        headers = []
        for key, value in table.items():
            layout = "header" if headers_only else self.rnd.choice(["header", "inline", "dotted"])
            if (isinstance(value, dict) and layout == "header") or (
                is_tables(value) and layout != "inline"
            ):
                headers.append(key)
            else:
                body.append((key, value, layout))
        late = header[:1] == ("[",) and body and headers and self.rnd.random() < 0.3
        if header and not late:
            self.header(*header)
        if not late:
            self.body(body, path)
        for key in headers:
            value, sub = table[key], join(path, key)
            chain = self.chain([*keys, key])
            if isinstance(value, dict):
                self.tables.add(sub)
                # With only tables below, the header may be left out: [a.b] implies a.
                implied = all(isinstance(v, dict) or is_tables(v) for v in value.values())
                if value and implied and self.rnd.random() < 0.5:
                    self.implied.append(sub)
                    self.section(value, sub, [*keys, key], headers_only=True)
                else:
                    self.section(value, sub, [*keys, key], header=("[", f"{chain}]", sub))
            else:
                for index, element in enumerate(value):
                    self.tables.add(f"{sub}[{index}]")
                    self.section(
                        element,
                        f"{sub}[{index}]",
                        [*keys, key],
                        header=("[[", f"{chain}]]", sub, f"{sub}[{index}]"),
                    )
        if late:  # after its sub-tables, which implied it: placed here, where it is defined
            self.header(*header)
            self.body(body, path)

    def body(self, body: list[tuple[str, Any, str]], path: str) -> None:
        for key, value, layout in body:
            if isinstance(value, dict) and layout == "dotted":
                self.tables.add(join(path, key))
                self.dotted([key], value, path)
            else:
                self.line_start()
                self.pair([key], value, path, inline=False)
                self.end_line()

    def chain(self, keys: list[str]) -> str:
        return self.rnd.choice([".", " . "]).join(self.key(key) for key in keys)

    def header(self, opening: str, rest: str, *paths: str) -> None:
        self.line_start()
        for path in (*self.implied, *paths):
            self.mark(path)
        self.implied.clear()
        self.emit(opening + self.rnd.choice(["", " "]) + rest)
        self.end_line()


@st.composite
def written(draw: st.DrawFn) -> tuple[dict[str, Any], Writer]:
    document = draw(tables(3))
    writer = Writer(draw(st.randoms(use_true_random=False)))
    if draw(st.booleans()):
        writer.emit("# a data set\n\n")
    writer.section(document, "", [])
    return document, writer


@given(written())
def test_every_path_is_placed_where_it_is_written(case: tuple[dict[str, Any], Writer]) -> None:
    document, writer = case
    text = "".join(writer.parts)
    assert tomllib.loads(text) == document, text  # the writer writes the document
    locate = toml_locate(text)
    for path, (line, column) in writer.places.items():
        assert locate(path) == f"line {line}, column {column}", (path, text)
    # A missing key is placed at the table that should hold it; at the top, nowhere.
    for table in writer.tables:
        line, column = writer.places[table]
        assert locate(f"{table}.missing_key") == f"line {line}, column {column}", (table, text)
    assert locate("missing_key") is None
    # Windows line ends: the same lines and columns.
    crlf = text.replace("\n", "\r\n")
    assert tomllib.loads(crlf).keys() == document.keys()
    locate = toml_locate(crlf)
    for path, (line, column) in writer.places.items():
        assert locate(path) == f"line {line}, column {column}", (path, crlf)


def test_the_bundled_file_every_path_is_on_the_line_of_its_key() -> None:
    # The file spells every construct the data sets use; each key's line starts with it.
    text = bundled_text()
    locate = toml_locate(text)
    lines = text.split("\n")

    def walk(node: object, path: str) -> int:
        count = 0
        if isinstance(node, dict):
            for key, value in node.items():
                where = join(path, key)
                match = re.fullmatch(r"line (\d+), column (\d+)", locate(where) or "")
                assert match, where
                rest = lines[int(match[1]) - 1][int(match[2]) - 1 :]
                assert rest.startswith((key, f'"{key}"', "[")), (where, rest)
                count += 1 + walk(value, where)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                assert locate(f"{path}[{index}]") is not None
                count += 1 + walk(value, f"{path}[{index}]")
        return count

    assert walk(tomllib.loads(text), "") > 1000


TRICKY = r'''
a = """\"""x = 1
[not.a.header]"""
b = """ends with two quotes"""""
c = \'\'\'literal # ends with a quote\'\'\'\'
d = "a \" # = [x]"  # and a comment \'
e = [ "x]", { f = "}", g = [1, [2, 3]] },
  # a comment ] inside the array
  'y,' ]
[ "h i" . j ]
k = 1979-05-27 07:32:00Z
l.m . n = true
'''.replace("\\'", "'")


def test_strings_and_comments_that_look_like_syntax() -> None:
    # The property draws these rarely; each key here must be placed on its own line.
    assert tomllib.loads(TRICKY)
    locate = toml_locate(TRICKY)
    for path, needle in [
        ("b", "b ="),
        ("c", "c ="),
        ("d", "d ="),
        ("e[1].g[1]", "[2, 3]"),
        ("e[2]", "'y,'"),
        ("h i.j", '[ "h i"'),
        ("h i.j.k", "k ="),
        ("h i.j.l.m.n", "n ="),
    ]:
        line, column = place(TRICKY, needle)
        assert locate(path) == f"line {line}, column {column}", path
