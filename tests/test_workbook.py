"""Excel in: ``sakip template`` and reading a workbook as a data set (issue 16)."""

from __future__ import annotations

import contextlib
import copy
import io
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.errors import DataSetError
from sakip.report.dataset import DataSet, bundled_dataset_path, load_dataset, parse_dataset
from sakip.report.reader import Reader
from sakip.report.workbook_layout import HEADER_ROWS, LAYOUT, SHEETS, Sheet

openpyxl = pytest.importorskip(
    "openpyxl", reason="the xlsx extra (openpyxl) is not installed: pip install 'sakip[xlsx]'"
)

from sakip.report.workbook_reader import read_workbook  # noqa: E402
from sakip.report.workbook_template import render_template  # noqa: E402
from tests.commands import sakip  # noqa: E402

EXAMPLE = Path(__file__).parent.parent / "examples" / "data" / "bnnk-contoh-2024.toml"


def document_of(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def to_workbook(
    document: Mapping[str, Any], folder: Path, name: str = "data.xlsx", *, answers: bool = True
) -> Path:
    """The workbook of ``document`` in ``folder``, with the IKM answer files it names beside it.

    An ``answers`` file is found relative to the workbook's folder, as it is
    relative to a TOML file's: the answer files of the example are copied
    there (``answers=False`` leaves them out).
    """
    path = folder / name
    path.write_bytes(render_template(document))
    if answers:
        for entry in document.get("ikm", []):
            if "answers" in entry:
                shutil.copyfile(EXAMPLE.parent / entry["answers"], folder / entry["answers"])
    return path


def assert_same_dataset(first: DataSet, second: DataSet) -> None:
    """Every field equal but ``source`` (the file name differs)."""
    for field in attrs.fields(DataSet):
        if field.name != "source":
            assert getattr(first, field.name) == getattr(second, field.name), field.name


def leaves(node: Any) -> Any:
    """A document with every scalar as text: ``"3.60"`` and ``"3.6"`` differ, 2 and "2" do not."""
    if isinstance(node, Mapping):
        return {key: leaves(value) for key, value in node.items()}
    if isinstance(node, list):
        return [leaves(value) for value in node]
    return node if isinstance(node, bool) else str(node)


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("source", [bundled_dataset_path(), EXAMPLE], ids=["bundled", "example"])
def test_a_data_set_round_trips_through_its_workbook(source: Path, tmp_path: Path) -> None:
    document = document_of(source)
    path = to_workbook(document, tmp_path)
    assert_same_dataset(load_dataset(source), load_dataset(path))
    # Stronger than Decimal equality (3.60 == 3.6): every value as written, printed
    # figures with their decimals, every key of every instrument section.
    assert leaves(read_workbook(path).document) == leaves(document)


def test_the_keys_the_examples_leave_out_round_trip(tmp_path: Path) -> None:
    """BA pairs and the ``indicator`` of budget tables, IKPA, NKA and KPKK: a column each."""
    document = document_of(bundled_dataset_path())
    document["barang_bukti"]["pairs"] = [
        {"case": "LKN/01/2024", "type": "sabu", "unit": "gram", "received": "12.50",
         "released": "12.5"},
        {"case": "=LKN/02", "type": "ganja", "unit": "gram", "received": 40, "released": "39.75"},
    ]  # fmt: skip
    document["anggaran"]["tables"][0]["indicator"] = "16"
    document["ikpa"][0]["indicator"] = "17"
    document["nka"][0]["indicator"] = "18"
    document["kpkk"]["indicator"] = "12"
    expected = parse_dataset(document)
    path = to_workbook(document, tmp_path)
    assert_same_dataset(expected, load_dataset(path))
    assert leaves(read_workbook(path).document) == leaves(document)
    pairs = openpyxl.load_workbook(path)["Barang Bukti Pasangan"]
    assert [cell.value for cell in pairs[HEADER_ROWS + 2]] == [
        "=LKN/02",
        "ganja",
        "gram",
        40,
        39.75,
    ]


def test_the_bundled_data_set_through_the_command(tmp_path: Path) -> None:
    """``sakip template --from`` then ``audit`` of the workbook: the audit of the TOML file."""
    made = sakip("template", str(tmp_path / "kalteng.xlsx"), "--from", str(bundled_dataset_path()))
    assert made.returncode == 0, made.stderr
    assert made.stderr == f"sakip: wrote {tmp_path / 'kalteng.xlsx'}\n"
    from_toml = sakip("audit", str(bundled_dataset_path()))
    from_xlsx = sakip("audit", str(tmp_path / "kalteng.xlsx"))
    assert from_xlsx.returncode == from_toml.returncode == 1  # the LKIP's misprints
    assert from_xlsx.stdout == from_toml.stdout
    valid = sakip("validate", str(tmp_path / "kalteng.xlsx"))
    assert valid.returncode == 0
    assert valid.stdout == f"{tmp_path / 'kalteng.xlsx'}: valid (18 indicators)\n"


_DECIMALS = st.builds(
    lambda digits, places: format(Decimal(digits).scaleb(-places), "f"),
    st.integers(1, 10**9),
    st.integers(0, 4),
)
_NUMBERS = st.one_of(st.integers(1, 10**6), _DECIMALS)
_NAMES = st.builds(
    lambda start, body: start + body,
    st.sampled_from(["", "=", "+", "-", "@", " "]),
    st.text(alphabet="abcXYZ éü/%()1-,.", min_size=1, max_size=20).filter(str.strip),
)


@st.composite
def small_documents(draw: st.DrawFn) -> dict[str, Any]:
    objectives = []
    code = 0
    for number in range(draw(st.integers(1, 3))):
        indicators = []
        for _ in range(draw(st.integers(1, 3))):
            code += 1
            indicator: dict[str, Any] = {
                "code": str(code),
                "name": draw(_NAMES),
                "unit_of_measure": draw(st.sampled_from(["Indeks", "Orang", "%"])),
                "polarity": draw(st.sampled_from(["higher_is_better", "lower_is_better"])),
                "target": draw(_NUMBERS),
            }
            if indicator["unit_of_measure"] == "%":
                indicator["bounds"] = {"low": "0", "high": "1000000000"}
            quarters = draw(st.lists(_NUMBERS, min_size=0, max_size=4))
            if quarters:
                indicator["quarters"] = quarters
                indicator["aggregation"] = draw(st.sampled_from(["sum", "mean", "last"]))
            else:
                indicator["realization"] = draw(_NUMBERS)
            if draw(st.booleans()):
                indicator["printed"] = {"capaian": draw(_DECIMALS), "category": draw(_NAMES)}
            if draw(st.booleans()):
                indicator["history"] = [
                    {"year": 2023, "target": draw(_NUMBERS), "comparable": draw(st.booleans())}
                ]
            indicators.append(indicator)
        objectives.append({"code": f"S{number}", "name": draw(_NAMES), "indicators": indicators})
    return {
        "schema": 1,
        "document": {"title": draw(_NAMES), "year": 2024},
        "unit": {"code": "bnnk-a", "name": draw(_NAMES), "level": "BNNK"},
        "objectives": objectives,
        "summary": {"mean": draw(_DECIMALS), "above": draw(st.integers(0, 9))},
    }


@settings(max_examples=25)
@given(small_documents())
def test_generated_data_sets_round_trip(tmp_path_factory: Any, document: dict[str, Any]) -> None:
    try:
        expected = parse_dataset(document)
    except DataSetError:
        return  # only a valid data set fills a template
    path = to_workbook(document, tmp_path_factory.mktemp("round"))
    assert_same_dataset(expected, load_dataset(path))
    assert leaves(read_workbook(path).document) == leaves(document)


# --- every key of the format has a column ----------------------------------------------------


def schema_path(path: str) -> str:
    """A document path without its list positions: ``ikm[0].printed`` is ``ikm.printed``."""
    return re.sub(r"\[[^\]]*\]", "", path)


def accepted_keys(documents: list[tuple[dict[str, Any], Path]]) -> dict[str, set[str]]:
    """Every key the parser accepts, by table (``""`` the top), as its ``check_keys`` calls say.

    The documents are parsed with ``Reader.check_keys`` recorded; then every
    accepted key a table lacks is added, as a table (``{}``) and as an array
    of one table (``[{}]``), and the documents parsed again, until no new key
    shows up: a table the documents do not have is reached too. Problems are
    expected (the probes are not valid data sets) and ignored.
    """
    found: dict[str, set[str]] = {}

    def parse(document: dict[str, Any], source: Path) -> bool:
        grew = False
        original = Reader.check_keys

        def record(reader: Reader, allowed: set[str]) -> None:
            nonlocal grew
            known = found.setdefault(schema_path(reader.location), set())
            grew = grew or not allowed <= known
            known.update(allowed)
            original(reader, allowed)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Reader, "check_keys", record)
            with contextlib.suppress(DataSetError):
                parse_dataset(document, source=str(source))
        return grew

    for document, source in documents:
        parse(document, source)
    for _ in range(8):
        grew = False
        for filler in ({}, [{}]):
            for document, source in documents:
                probe = copy.deepcopy(document)
                for path, keys in list(found.items()):
                    for table in tables_at(probe, path):
                        for key in keys - set(table):
                            table[key] = copy.deepcopy(filler)
                grew = parse(probe, source) or grew
        if not grew:
            return found
    raise AssertionError("the probe of accepted keys does not settle")


def tables_at(document: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """The tables at a schema path (every element of the arrays on the way)."""
    nodes: list[Any] = [document]
    for step in filter(None, path.split(".")):
        found: list[Any] = []
        for node in nodes:
            value = node.get(step) if isinstance(node, dict) else None
            found += value if isinstance(value, list) else [value]
        nodes = [node for node in found if isinstance(node, dict)]
    return nodes


def column_paths() -> tuple[set[str], set[str]]:
    """The schema path of every column of the layout, and the stems of the mapping columns."""

    def sheet_path(sheet: Sheet) -> str:
        above = "" if sheet.parent is None else sheet_path(SHEETS[sheet.parent])
        return ".".join(part for part in (above, sheet.path) if part)

    paths, stems = set(), set()
    for sheet in LAYOUT:
        for column in sheet.columns:
            if not column.in_document:
                continue
            base = sheet_path(sheet)
            if column.by is not None:  # kepegawaian.printed_fulfilment.<unit>
                base = base.rpartition(".")[0]
            path = ".".join(part for part in (base, schema_path(column.key)) if part)
            if column.key.endswith(".*"):
                stems.add(path.removesuffix(".*"))
            else:
                paths.add(path)
    return paths, stems


@pytest.fixture(scope="module")
def accepted() -> dict[str, set[str]]:
    bundled = bundled_dataset_path()
    return accepted_keys([(document_of(bundled), bundled), (document_of(EXAMPLE), EXAMPLE)])


def test_every_key_the_parser_accepts_has_a_column(accepted: dict[str, set[str]]) -> None:
    """A key of the TOML format (a ``check_keys`` of the parser) without a column is a failure."""
    paths, stems = column_paths()
    missing = []
    for table, keys in accepted.items():
        for key in keys:
            path = f"{table}.{key}" if table else key
            inside = any(column == path or column.startswith(path + ".") for column in paths)
            mapped = any(path == stem or path.startswith(stem + ".") for stem in stems)
            if not inside and not mapped:
                missing.append(path)
    assert not missing, f"keys of the data-set format with no workbook column: {sorted(missing)}"
    # The probe reaches the sections' own tables, the new keys among them.
    for table, key in [
        ("ikm", "answers"),
        ("barang_bukti.pairs", "case"),
        ("kpkk", "indicator"),
        ("anggaran.tables", "indicator"),
        ("whoqol.units.improved", "social"),
    ]:
        assert key in accepted[table], (table, key)


def test_every_column_is_a_key_the_parser_accepts(accepted: dict[str, set[str]]) -> None:
    """The converse: no column names a key the parser would refuse (a typo in the layout)."""
    paths, stems = column_paths()
    for path in sorted(paths | stems):
        parts = path.split(".")
        for depth in range(len(parts)):
            table = ".".join(parts[:depth])
            if table not in accepted:
                break  # a table the probe leaves as a value (a range target): its key was checked
            assert parts[depth] in accepted[table], path


# --- the template ----------------------------------------------------------------------------


def test_an_empty_template_shows_every_column_and_explains_it(tmp_path: Path) -> None:
    made = sakip("template", str(tmp_path / "kosong.xlsx"))
    assert made.returncode == 0, made.stderr
    book = openpyxl.load_workbook(tmp_path / "kosong.xlsx")
    assert book.sheetnames[0] == "Petunjuk"
    assert book.sheetnames[1:] == [sheet.name for sheet in LAYOUT]
    assert all(len(name) <= 31 for name in book.sheetnames)
    guide = {(row[0], row[1]) for row in book["Petunjuk"].iter_rows(values_only=True)}
    for sheet in LAYOUT:
        sheet_out = book[sheet.name]
        keys = [cell.value for cell in sheet_out[HEADER_ROWS]]
        headings = [cell.value for cell in sheet_out[1]]
        assert all(isinstance(heading, str) and heading for heading in headings)
        assert sheet_out.freeze_panes == f"A{HEADER_ROWS + 1}"
        assert sheet_out["A1"].font.bold
        for column in sheet.columns:
            assert any(column.match(key) for key in keys), (sheet.name, column.key)
            shown = column.key.replace(".*", ".<nama>").replace("[*]", "[<n>]")
            assert (sheet.name, shown) in guide
    # The rule of IKM answer files is on the Petunjuk sheet.
    rules = " ".join(str(row[1]) for row in book["Petunjuk"].iter_rows(values_only=True))
    assert "dicari di folder yang sama dengan buku kerja ini" in rules
    # Quarters TW I-IV and the seven IKPA indicators are columns of the empty template.
    indikator = [cell.value for cell in book["Indikator"][HEADER_ROWS]]
    assert [key for key in indikator if key.startswith("quarters")] == [
        f"quarters[{i}]" for i in range(4)
    ]
    assert "values.Capaian Output" in [cell.value for cell in book["IKPA"][HEADER_ROWS]]
    # The empty template is not yet a data set: validate says what is missing.
    checked = sakip("validate", str(tmp_path / "kosong.xlsx"))
    assert checked.returncode == 2
    assert "document: is missing" in checked.stderr


def test_enum_columns_have_data_validation_lists(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(to_workbook(document_of(EXAMPLE), tmp_path))
    checked = 0
    for sheet in LAYOUT:
        out = book[sheet.name]
        letters = {
            cell.value: cell.column_letter for cell in out[HEADER_ROWS] if cell.value is not None
        }
        lists = {
            str(rule.sqref).split(":")[0]: rule.formula1
            for rule in out.data_validations.dataValidation
        }
        for column in sheet.columns:
            if column.choices:
                formula = lists[f"{letters[column.key]}{HEADER_ROWS + 1}"]
                assert formula.strip('"').split(",") == list(column.choices)
                checked += 1
    # A child's parent column lists the parent's codes.
    links = {rule.formula1 for rule in book["Indikator"].data_validations.dataValidation}
    assert any(str(link).startswith(f"'Sasaran'!$A${HEADER_ROWS + 1}:$A$") for link in links)
    # Every enum column: polarity, aggregation, zero_target, levels, roundings, schemes, ...
    assert checked == sum(1 for sheet in LAYOUT for column in sheet.columns if column.choices)
    assert checked > 15


def test_formula_looking_text_stays_text(tmp_path: Path) -> None:
    document = document_of(EXAMPLE)
    names = ['=HYPERLINK("http://x","klik")', "+62 811", "-1 indikator", "@SUM(A1)"]
    for indicator, name in zip(document["objectives"][0:4], names, strict=False):
        indicator["name"] = name
    path = to_workbook(document, tmp_path)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        assert not any(b"<f>" in archive.read(name) for name in sheets)
    out = openpyxl.load_workbook(path)["Sasaran"]
    for row, name in enumerate(names, HEADER_ROWS + 1):
        cell = out.cell(row=row, column=2)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (name, "s", True)
    assert [o.name for o in load_dataset(path).agreement.objectives[:4]] == names


# --- reading cells ----------------------------------------------------------------------------


def edited(path: Path, sheet: str, key: str, row: int, value: Any, number_format: str = "") -> str:
    """Set the cell of column ``key`` (by its key in row 2) and return its coordinate."""
    book = openpyxl.load_workbook(path)
    out = book[sheet]
    column = next(c.column for c in out[HEADER_ROWS] if c.value == key)
    cell = out.cell(row=row, column=column)
    cell.value = value
    if number_format:
        cell.number_format = number_format
    book.save(path)
    return str(cell.coordinate)


def problems_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(DataSetError) as caught:
        load_dataset(path)
    return caught.value.problems


def test_a_wrong_cell_is_reported_with_its_sheet_and_cell(tmp_path: Path) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    # Indicator 6 (NKA, fed by no instrument), its target -1 in a cell of format 0.00:
    # read as shown, -1.00.
    cell = edited(path, "Indikator", "target", HEADER_ROWS + 6, -1, "0.00")
    assert problems_of(path) == (
        f"objectives[3].indicators[0].target (indicator 6, sheet Indikator, cell {cell}): "
        "must be >= 0: -1.00",
    )
    result = sakip("validate", str(path))
    assert result.returncode == 2
    assert f"(indicator 6, sheet Indikator, cell {cell}): must be >= 0: -1.00\n" in result.stderr


@pytest.mark.parametrize(
    ("value", "number_format", "rule"),
    [
        ("=B3*2", "", "must be a value, not a formula (paste values): '=B3*2'"),
        (0.9345, "0.00%", "must not use a percent format (the cell holds 0.9345)"),
    ],
)
def test_formulas_and_percent_cells_are_refused(
    tmp_path: Path, value: Any, number_format: str, rule: str
) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    cell = edited(path, "Indikator", "realization", HEADER_ROWS + 1, value, number_format)
    (problem,) = problems_of(path)
    assert problem.startswith(
        f"objectives[0].indicators[0].realization (indicator 1, sheet Indikator, cell {cell}): {rule}"
    )


def test_a_printed_figure_must_keep_its_decimals(tmp_path: Path) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    cell = edited(path, "Indikator", "printed.capaian", HEADER_ROWS + 1, 125.5)
    (problem,) = problems_of(path)
    assert problem.startswith(
        f"objectives[0].indicators[0].printed.capaian (indicator 1, sheet Indikator, cell {cell}): "
        "must be a text cell"
    )
    # An integer number cell is exact, as a TOML integer is.
    edited(path, "Indikator", "printed.capaian", HEADER_ROWS + 1, 125)
    assert load_dataset(path).entries[0].printed_capaian == Decimal("125")


@pytest.mark.parametrize(
    ("typed", "number_format", "read"),
    [
        (3.6, "General", "3.6"),
        (0.1 + 0.2, "General", "0.3"),  # a computed float, without its binary noise
        (3.6, "0.00", "3.60"),  # the decimals the cell shows
        (3.456, "0.00", "3.456"),  # never rounded to what it shows
        (4, "0.00", "4.00"),
        (1234567354.53, "#,##0.00", "1234567354.53"),
    ],
)
def test_number_cells_are_exact_decimals(
    tmp_path: Path, typed: float, number_format: str, read: str
) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    edited(path, "Indikator", "realization", HEADER_ROWS + 1, typed, number_format)
    assert read_workbook(path).document["objectives"][0]["indicators"][0]["realization"] == read


def test_a_macro_workbook_and_a_non_workbook_are_refused(tmp_path: Path) -> None:
    macro = tmp_path / "lkip.xlsm"
    macro.write_bytes(render_template())
    with pytest.raises(DataSetError, match=r"macro-enabled workbook \(\.xlsm\)"):
        load_dataset(macro)
    fake = tmp_path / "lkip.xlsx"
    fake.write_text("schema = 1", encoding="utf-8")
    with pytest.raises(DataSetError, match="is not an xlsx workbook"):
        load_dataset(fake)
    hidden = tmp_path / "vba.xlsx"
    with (
        zipfile.ZipFile(io.BytesIO(render_template())) as source,
        zipfile.ZipFile(hidden, "w") as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\0")
    with pytest.raises(DataSetError, match="contains macros"):
        load_dataset(hidden)


def test_unknown_sheets_and_columns_and_parents_are_located(tmp_path: Path) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Catatan")
    book["Indikator"].cell(row=HEADER_ROWS, column=40).value = "realisasi"
    book["Indikator"].cell(row=HEADER_ROWS + 1, column=1).value = "S9"
    book.save(path)
    problems = problems_of(path)
    assert problems[0].startswith("sheet Catatan: is not a sheet of the template")
    assert problems[1].startswith("sheet Indikator, cell AN2: is not a column key of this sheet")
    assert problems[2] == (
        f"sheet Indikator, row {HEADER_ROWS + 1}: sasaran 'S9': must name a row of sheet Sasaran"
    )


def test_a_folder_of_workbooks_and_toml_files(tmp_path: Path) -> None:
    to_workbook(document_of(EXAMPLE), tmp_path, "contoh.xlsx")
    (tmp_path / "kalteng.toml").write_bytes(bundled_dataset_path().read_bytes())
    (tmp_path / "~$contoh.xlsx").write_bytes(b"lock")  # Excel's lock file: not a data set
    result = sakip("validate", "--format", "csv", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert rows == [str(tmp_path / "contoh.xlsx"), str(tmp_path / "kalteng.toml")]


def test_the_docs_page_lists_every_sheet_and_kind() -> None:
    page = (Path(__file__).parent.parent / "docs" / "excel-in.md").read_text(encoding="utf-8")
    for sheet in LAYOUT:
        assert f"\n| {sheet.name} | " in page, sheet.name


def test_quarters_have_no_gaps(tmp_path: Path) -> None:
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    edited(path, "Indikator", "realization", HEADER_ROWS + 1, None)
    edited(path, "Indikator", "aggregation", HEADER_ROWS + 1, "sum")
    edited(path, "Indikator", "quarters[0]", HEADER_ROWS + 1, 2)
    edited(path, "Indikator", "quarters[1]", HEADER_ROWS + 1, None)
    edited(path, "Indikator", "quarters[2]", HEADER_ROWS + 1, 3)
    edited(path, "Indikator", "quarters[3]", HEADER_ROWS + 1, None)
    assert problems_of(path) == (
        f"objectives[0].indicators[0].quarters[1] (indicator 1, sheet Indikator, row {HEADER_ROWS + 1}): "
        "is empty (a list has no gaps)",
    )
    edited(path, "Indikator", "quarters[1]", HEADER_ROWS + 1, 0)
    entry = load_dataset(path).entries[0]
    assert (entry.quarters, entry.realization) == ((2, 0, 3), 5)


def test_a_template_from_a_workbook_is_the_same_workbook(tmp_path: Path) -> None:
    first = to_workbook(document_of(bundled_dataset_path()), tmp_path, "first.xlsx")
    made = sakip("template", str(tmp_path / "second.xlsx"), "--from", str(first))
    assert made.returncode == 0, made.stderr
    second = read_workbook(tmp_path / "second.xlsx")
    assert second.document == read_workbook(first).document
    assert second.places == read_workbook(first).places


def test_without_openpyxl_the_template_says_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sakip.cli import EXIT_OUTPUT, main

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    assert main(["template", str(tmp_path / "t.xlsx")]) == EXIT_OUTPUT
    assert "needs openpyxl (pip install 'sakip[xlsx]')" in capsys.readouterr().err
    assert not (tmp_path / "t.xlsx").exists()


def test_a_workbook_saved_again_by_a_spreadsheet_reads_the_same(tmp_path: Path) -> None:
    """LibreOffice opens and saves the template (as a user would): the same data set."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed: the re-save check needs it")
    path = to_workbook(document_of(bundled_dataset_path()), tmp_path, "kalteng.xlsx")
    saved = tmp_path / "saved"
    subprocess.run(
        [office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(saved), str(path)],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    assert_same_dataset(load_dataset(bundled_dataset_path()), load_dataset(saved / "kalteng.xlsx"))


def test_a_problem_in_an_indicator_names_its_code(tmp_path: Path) -> None:
    """As in a TOML file: the indicator's code, then the sheet and cell, on a child sheet too."""
    path = to_workbook(document_of(EXAMPLE), tmp_path)
    # Riwayat Indikator: indicator 1's four years come first; its 2024 row is row 6.
    cell = edited(path, "Riwayat Indikator", "year", HEADER_ROWS + 4, 2030)
    assert problems_of(path) == (
        f"objectives[0].indicators[0].history[3].year (indicator 1, sheet Riwayat Indikator, "
        f"cell {cell}): must not be after the data set's year: 2030",
    )
    # Outside an indicator, only the sheet and cell.
    path = to_workbook(document_of(EXAMPLE), tmp_path, "ikm.xlsx")
    cell = edited(path, "IKM", "dialect", HEADER_ROWS + 1, "csv")
    (problem,) = problems_of(path)
    assert problem.startswith(f"ikm[0].dialect (sheet IKM, cell {cell}): must be one of")


def test_an_answer_file_is_found_beside_the_workbook(tmp_path: Path) -> None:
    """``answers`` names a CSV file relative to the workbook's folder, as to a TOML file's."""
    document = document_of(EXAMPLE)
    path = to_workbook(document, tmp_path, answers=False)
    problems = problems_of(path)
    name = document["ikm"][0]["answers"]
    assert len(problems) == 3
    for position, problem in enumerate(problems):
        assert problem.startswith(f"ikm[{position}].answers (sheet IKM, cell ")
        assert problem.endswith(
            f"must be a regular file in the data set's folder (none found): '{name}'"
        )
    shutil.copyfile(EXAMPLE.parent / name, tmp_path / name)
    assert_same_dataset(load_dataset(EXAMPLE), load_dataset(path))
    # The year's IKM (bundled example, [[ikm]] comment: 651 over 180 answers) from the workbook.
    (year,) = [entry for entry in load_dataset(path).ikm if entry.semester is None]
    assert year.respondents == 20
    assert str(year.result().value).startswith("3.616666666")  # 651/180 = 3,61666...


def test_template_from_a_data_set_copies_its_answer_files(tmp_path: Path) -> None:
    # Failed first: the workbook named skm-bnnk-contoh-2024.csv but the file stayed beside the
    # TOML, so `sakip validate` of the new workbook failed at the IKM sheet's answers cell.
    out = tmp_path / "isian" / "bnnk.xlsx"
    out.parent.mkdir()
    made = sakip("template", str(out), "--from", str(EXAMPLE))
    assert made.returncode == 0, made.stderr
    copied = out.parent / "skm-bnnk-contoh-2024.csv"
    assert copied.read_bytes() == (EXAMPLE.parent / copied.name).read_bytes()
    assert f"wrote {copied}" in made.stderr
    checked = sakip("validate", str(out))
    assert checked.returncode == 0, checked.stderr
    # The same file already there is kept; a different one is not replaced without --force.
    again = sakip("template", str(tmp_path / "isian" / "lagi.xlsx"), "--from", str(EXAMPLE))
    assert again.returncode == 0, again.stderr
    copied.write_text("responden;semester\n", encoding="utf-8")
    refused = sakip("template", str(tmp_path / "isian" / "baru.xlsx"), "--from", str(EXAMPLE))
    assert refused.returncode != 0 and "skm-bnnk-contoh-2024.csv" in refused.stderr
    assert not (tmp_path / "isian" / "baru.xlsx").exists()  # nothing written
    forced = sakip(
        "template", str(tmp_path / "isian" / "baru.xlsx"), "--from", str(EXAMPLE), "--force"
    )
    assert forced.returncode == 0, forced.stderr
    assert copied.read_bytes() == (EXAMPLE.parent / copied.name).read_bytes()
