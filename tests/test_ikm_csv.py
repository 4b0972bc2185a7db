"""IKM from raw SKM answers in a CSV file next to the data set (issue 15, "IKM section").

Through the installed ``sakip`` command, as a user meets it, in both CSV
dialects (plain and the Indonesian Excel export), and the CSV reader
(:mod:`sakip.report.answers_csv`) by its properties.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.errors import InvalidValueError
from sakip.instruments import ikm
from sakip.likert import MissingPolicy
from sakip.report.answers_csv import (
    UNSUR_COLUMNS,
    Dialect,
    detect_dialect,
    parse_answers,
    write_answers,
)
from sakip.report.safety import FILE_LIMIT
from tests.commands import UNIT_HEAD, sakip
from tests.test_cli import unplaced

# The survey of these tests, written by hand. Semester 1: two respondents answering 4
# everywhere. Semester 2: six respondents answering 3 everywhere, one of whom left U9
# blank. By hand (PermenPANRB 14/2017, NRR = total / answers of each unsur):
#   semester 1: every NRR 4, index 4.00, konversi 100.00 (mutu A, Sangat Baik);
#   semester 2: every NRR 3 (U9: 15 / 5), index 3.00, konversi 75.00 (mutu C);
#   year, pooled by respondents: U1-U8 (2 x 4 + 6 x 3) / 8 = 26 / 8 = 3.25 and
#   U9 (8 + 15) / 7 = 3.285714..., index (8 x 3.25 + 3.285714) / 9 = 3.253968 -> 3.25,
#   konversi x 25 = 81.349 -> 81.35 (mutu B, Baik). The mean of the semester indices
#   would be 3.50; a blank counted as 0 would give U9 = 23 / 8 and konversi 80.21.
HEADER = ["responden", "semester", *UNSUR_COLUMNS]
ROWS = [
    ["R1", "1", *["4"] * 9],
    ["R2", "1", *["4"] * 9],
    *[[f"R{n}", "2", *["3"] * 9] for n in range(3, 8)],
    ["R8", "2", *["3"] * 8, ""],
]
PLAIN = "".join(",".join(row) + "\n" for row in [HEADER, *ROWS])
# The Indonesian Excel export: byte order mark, ";" between fields, CRLF, and a decimal
# comma in a cell formatted with one decimal ("4,0" is the answer 4).
EXCEL_ID = "\ufeff" + "".join(";".join(row) + "\r\n" for row in [HEADER, *ROWS]).replace(
    "R2;1;4;", "R2;1;4,0;", 1
)
SURVEYS = {"plain": PLAIN, "excel-id": EXCEL_ID}

DATASET = (
    UNIT_HEAD
    + """[[objectives]]
code = "S1"
name = "Meningkatnya kualitas layanan rehabilitasi"
[[objectives.indicators]]
code = "1"
name = "Indeks kepuasan layanan rehabilitasi"
unit_of_measure = "Indeks"
target = "3.00"
realization = "3.25"
"""
)


def entry(**fields: str) -> str:
    return '[[ikm]]\nunit = "bnnk-contoh"\n' + "".join(
        f"{key} = {value}\n" for key, value in fields.items()
    )


def folder_with(tmp_path: Path, survey: str | bytes, *entries: str, name: str = "skm.csv") -> Path:
    data = survey.encode("utf-8") if isinstance(survey, str) else survey
    (tmp_path / name).write_bytes(data)
    path = tmp_path / "lkip.toml"
    path.write_text(DATASET + "".join(entries), encoding="utf-8")
    return path


THREE = (
    entry(answers='"skm.csv"', semester="1", printed='{ converted = "100.00" }'),
    entry(answers='"skm.csv"', semester="2"),
    entry(
        answers='"skm.csv"',
        indicator='"1"',
        location='"Laporan SKM 2024"',
        printed='{ index = "3.25", converted = "81.35" }',
    ),
)


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_report_shows_each_semester_and_the_pooled_year(tmp_path: Path, dialect: str) -> None:
    path = folder_with(tmp_path, SURVEYS[dialect], *THREE)
    validated = sakip("validate", path)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    result = sakip("report", "--format", "json", path)
    assert result.returncode == 0, result.stderr
    (table,) = [t for t in json.loads(result.stdout)["tables"] if t["key"] == "ikm"]
    assert [row[:2] + row[3:] for row in table["rows"]] == [
        ["BNNK Contoh, semester 1", 2, "4.00", "100.00", "A", "Sangat Baik"],
        ["BNNK Contoh, semester 2", 6, "3.00", "75.00", "C", "Kurang Baik"],
        ["BNNK Contoh", 8, "3.25", "81.35", "B", "Baik"],
    ]


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_declared_dialect_reads_the_same(tmp_path: Path, dialect: str) -> None:
    declared = entry(answers='"skm.csv"', dialect=f'"{dialect}"', printed='{ index = "3.25" }')
    path = folder_with(tmp_path, SURVEYS[dialect], declared)
    result = sakip("audit", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 printed figure checked, 0 differ" in result.stdout


def test_a_declared_dialect_that_does_not_fit_says_which_one_does(tmp_path: Path) -> None:
    path = folder_with(tmp_path, EXCEL_ID, entry(answers='"skm.csv"', dialect='"plain"'))
    result = sakip("validate", path)
    assert result.returncode != 0
    assert "skm.csv, line 1: the header must name the unsur columns" in result.stderr
    assert "dialect = 'excel-id'?" in result.stderr


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_audit_checks_the_printed_figures_against_the_answers(
    tmp_path: Path, dialect: str
) -> None:
    path = folder_with(tmp_path, SURVEYS[dialect], *THREE)
    result = sakip("audit", path)
    # Printed: semester 1 konversi, the year's index and konversi, and indicator 1's
    # realisation 3.25 against the year's index.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 printed figures checked, 0 differ" in result.stdout
    # The year printed as the mean of the two semester indices (3.50) is a finding.
    text = path.read_text(encoding="utf-8").replace('index = "3.25"', 'index = "3.50"')
    path.write_text(text, encoding="utf-8")
    result = sakip("audit", path)
    assert result.returncode == 1
    assert "Laporan SKM 2024, BNNK Contoh, IKM index: printed 3,50, computed 3,25" in result.stdout


@pytest.mark.parametrize("dialect", ["plain", "excel-id"])
def test_a_bad_answer_is_located_in_the_csv_and_at_the_entry(tmp_path: Path, dialect: str) -> None:
    # Line 4 of the file is R3 (header, R1, R2); its U3 answer is 5.
    bad = SURVEYS[dialect].replace("R3,2,3,3,3", "R3,2,3,3,5").replace("R3;2;3;3;3", "R3;2;3;3;5")
    path = folder_with(tmp_path, bad, *THREE)
    result = sakip("validate", path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any(
        line.strip().startswith("ikm[0].answers")
        and line.endswith("skm.csv, line 4, column U3: must be an integer 1-4: '5'")
        for line in lines
    ), result.stderr
    # The other entries reading the same file point to it rather than repeat it.
    assert sum("column U3" in line for line in lines) == 1
    assert sum("skm.csv has problems (listed above)" in line for line in lines) == 2


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ('"/etc/passwd"', "must be a path relative to the data set's folder"),
        ('"../skm.csv"', "must not leave the data set's folder ('..')"),
        ('"data/../../skm.csv"', "must not leave the data set's folder ('..')"),
        ('"tidak-ada.csv"', "must be a regular file in the data set's folder (none found)"),
        ('"sub"', "must be a regular file in the data set's folder (not a folder or device)"),
        ("3", "must be a non-empty string: 3"),
        ('"skm\\u001b.csv"', "must not contain control characters: U+001B at character 4"),
    ],
)
def test_answer_paths_are_refused_outside_the_folder(tmp_path: Path, name: str, rule: str) -> None:
    (tmp_path / "sub").mkdir()
    path = folder_with(tmp_path, PLAIN, entry(answers=name))
    result = sakip("validate", path)
    assert result.returncode == 2
    assert rule in result.stderr
    assert "ikm[0].answers" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text(PLAIN, encoding="utf-8")
    folder = tmp_path / "lkip"
    folder.mkdir()
    (folder / "skm.csv").symlink_to(outside)
    path = folder / "lkip.toml"
    path.write_text(DATASET + entry(answers='"skm.csv"'), encoding="utf-8")
    result = sakip("validate", path)
    assert result.returncode == 2
    assert "must not leave the data set's folder (a link points outside it)" in result.stderr


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = PLAIN.encode() + b"R9,2," + b"3," * ((FILE_LIMIT // 2) + 1) + b"\n"
    assert len(big) > FILE_LIMIT
    path = folder_with(tmp_path, big, entry(answers='"skm.csv"'))
    result = sakip("validate", path)
    assert result.returncode == 2
    assert "skm.csv: is larger than the limit of 4 MiB (4194304 bytes)" in result.stderr


@pytest.mark.parametrize(
    ("fields", "survey", "message"),
    [
        (
            {"semester": "3"},
            PLAIN,
            "ikm[0].semester: must be a semester of skm.csv (['1', '2']): '3'",
        ),
        (
            {"semester": "1"},
            PLAIN.replace("responden,semester,", "responden,periode,"),
            "ikm[0].semester: skm.csv has no 'semester' column: '1'",
        ),
        (
            {"respondents": "9"},
            PLAIN,
            "ikm[0].respondents: must equal the respondents read from the answers (8): 9",
        ),
        (
            {"nrr": '["3.5", "3.5"]'},
            PLAIN,
            "ikm[0].nrr: is not used with answers (give nrr or answers)",
        ),
        (
            {},
            PLAIN.replace(",U9", ",U10"),
            "skm.csv, line 1: the header must name the unsur columns "
            "['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']; missing ['U9']",
        ),
        (
            {"dialect": '"csv"'},
            PLAIN,
            "ikm[0].dialect: must be one of ['excel-id', 'plain']: 'csv'",
        ),
    ],
)
def test_entry_problems_are_located(
    tmp_path: Path, fields: dict[str, str], survey: str, message: str
) -> None:
    path = folder_with(tmp_path, survey, entry(answers='"skm.csv"', **fields))
    result = sakip("validate", path)
    assert result.returncode == 2
    assert message in unplaced(result.stderr), result.stderr


def test_an_entry_without_nrr_or_answers_says_both(tmp_path: Path) -> None:
    path = folder_with(tmp_path, PLAIN, entry(respondents="3"))
    result = sakip("validate", path)
    assert result.returncode == 2
    assert "must give nrr (the printed NRR per unsur) or answers (a CSV file)" in result.stderr


def test_a_repeated_semester_is_refused(tmp_path: Path) -> None:
    once = entry(answers='"skm.csv"', semester="1")
    path = folder_with(tmp_path, PLAIN, once, once)
    result = sakip("validate", path)
    assert "ikm[1].unit: repeats a unit and semester: 'bnnk-contoh, semester 1'" in unplaced(
        result.stderr
    )


def test_an_entry_names_its_own_unsur_columns(tmp_path: Path) -> None:
    # A survey of 3 unsur named P1-P3 (columns = [...]), weights 1/3 each: one respondent
    # answering 4, 3, 2: index (4 + 3 + 2) / 3 = 3.00.
    survey = "no;P1;P2;P3\r\n1;4;3;2\r\n"
    path = folder_with(
        tmp_path,
        survey,
        entry(answers='"skm.csv"', columns='["P1", "P2", "P3"]', printed='{ index = "3.00" }'),
    )
    result = sakip("audit", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 printed figure checked, 0 differ" in result.stdout


# --- the CSV reader's properties --------------------------------------------------------

answers = st.one_of(st.none(), st.integers(1, 4))
rows_of_answers = st.lists(
    st.lists(answers, min_size=9, max_size=9).filter(lambda row: any(a is not None for a in row)),
    min_size=1,
    max_size=12,
)


@st.composite
def surveys(draw: st.DrawFn) -> tuple[list[list[int | None]], list[str] | None, Dialect]:
    rows = draw(rows_of_answers)
    grouped = draw(st.booleans())
    groups = [draw(st.sampled_from(["1", "2", "I", "II"])) for _ in rows] if grouped else None
    return rows, groups, draw(st.sampled_from(list(Dialect)))


@settings(max_examples=60, deadline=None)
@given(surveys())
def test_a_written_survey_reads_back_identical(
    survey: tuple[list[list[int | None]], list[str] | None, Dialect],
) -> None:
    rows, groups, dialect = survey
    data = write_answers(rows, dialect=dialect, groups=groups)
    assert detect_dialect(data.decode("utf-8")) is dialect
    sheet, problems = parse_answers(data, name="skm.csv")
    assert problems == ()
    assert sheet is not None and sheet.dialect is dialect
    assert sheet.rows == tuple(tuple(row) for row in rows)
    assert sheet.groups == (None if groups is None else tuple(groups))
    assert sheet.lines == tuple(range(2, len(rows) + 2))


BAD_CELLS = ["0", "5", "x", "44", "-1", "3,5", "3.5", "1e0", " 7 ", "IV"]


@settings(max_examples=60, deadline=None)
@given(surveys(), st.data())
def test_any_single_corrupted_cell_is_reported_with_its_line_and_column(
    survey: tuple[list[list[int | None]], list[str] | None, Dialect], data: st.DataObject
) -> None:
    rows, groups, dialect = survey
    row = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.integers(0, 8))
    bad = data.draw(st.sampled_from(BAD_CELLS))
    table = list(
        csv.reader(
            io.StringIO(write_answers(rows, dialect=dialect, groups=groups).decode("utf-8-sig")),
            delimiter=dialect.delimiter,
        )
    )
    offset = 2 if groups is not None else 1  # responden (and semester) come first
    table[row + 1][offset + column] = bad
    out = io.StringIO()
    csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n").writerows(table)
    sheet, problems = parse_answers(out.getvalue().encode("utf-8"), name="skm.csv")
    assert sheet is None
    assert problems == (
        f"skm.csv, line {row + 2}, column U{column + 1}: must be an integer 1-4: {bad!r}",
    )


@settings(max_examples=40, deadline=None)
@given(surveys())
def test_the_pooled_year_is_the_survey_of_all_its_respondents(
    survey: tuple[list[list[int | None]], list[str] | None, Dialect],
) -> None:
    # Pooling the semesters by respondents (ikm.pool) equals scoring every respondent at
    # once, never the mean of the semester indices (PermenPANRB 14/2017).
    rows, groups, _ = survey
    if groups is None:
        return
    by_semester = {g: [r for r, h in zip(rows, groups, strict=True) if h == g] for g in groups}
    try:
        parts = [ikm.score(part, missing=MissingPolicy.EXCLUDE) for part in by_semester.values()]
    except InvalidValueError:
        return  # a semester in which nobody answered some unsur has no index
    whole = ikm.score(rows, missing=MissingPolicy.EXCLUDE)
    assert ikm.pool(parts).value == whole.value
