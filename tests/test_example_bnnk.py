"""The second complete example data set, the invented BNNK (issue 15, "Done when").

``examples/data/bnnk-contoh-2024.toml`` is validated, reported in every
format and audited through the installed ``sakip`` command, as a user who
wrote it from ``docs/dataset.md`` would. Expected figures are computed by
hand in the comments from the figures of the data set (which are made up).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from sakip.errors import DataSetError
from sakip.report.audit import run_audit
from sakip.report.compute import compute_report
from sakip.report.dataset import parse_dataset
from tests.commands import sakip

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"
DATASET = EXAMPLES / "bnnk-contoh-2024.toml"
SURVEY = EXAMPLES / "skm-bnnk-contoh-2024.csv"
UNIT = "BNN Kabupaten Contoh (fiktif)"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the data set and its survey, to change."""
    shutil.copy(SURVEY, tmp_path / SURVEY.name)
    target = tmp_path / DATASET.name
    shutil.copy(DATASET, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_validate() -> None:
    result = sakip("validate", DATASET.name, cwd=EXAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{DATASET.name}: valid (7 indicators)"


def report_json() -> dict[str, Any]:
    result = sakip("report", "--format", "json", DATASET)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def tables(data: dict[str, Any]) -> dict[str, Any]:
    return {t["key"]: t for t in data["tables"]}


def test_report_json() -> None:
    data = report_json()
    # Capaian (realisasi / target x 100): 5/4 = 125; 3.62/3.50 = 103.4285...;
    # 72.5/65 = 111.5384...; 3/3 = 100; 4/5 = 80; 95.5/86 = 111.0465...;
    # 97.33/95 = 102.4526...; their mean 733.4661.../7 = 104.7808... -> 104.78
    # (truncated). Above target 1, 2, 3, 6, 7; at 4; below 5.
    summary = data["summary"]
    assert (summary["mean"], summary["above"], summary["at"], summary["below"]) == (
        "104.78",
        5,
        1,
        1,
    )
    by_key = tables(data)
    # Quarters: indicator 1 cumulative (TW IV = 5), indicator 5 summed (1+0+2+1 = 4).
    pengukuran = by_key["pengukuran_kinerja"]
    columns = pengukuran["columns"]
    quarter = [columns.index(f"TW {n}") for n in ("I", "II", "III", "IV")]
    realisasi = columns.index("Realisasi")
    rows = {row[0]: row for row in pengukuran["rows"]}
    assert [rows["1"][i] for i in [*quarter, realisasi]] == ["1", "2", "4", "5", "5"]
    assert [rows["5"][i] for i in [*quarter, realisasi]] == ["1", "0", "2", "1", "4"]
    assert [rows["2"][i] for i in quarter] == [None] * 4
    # IKM from the raw answers (comment of the [[ikm]] section): semester 1 262 / 72,
    # semester 2 389 / 108, the year 651 / 180 pooled by respondents.
    assert [row[:2] + row[3:] for row in by_key["ikm"]["rows"]] == [
        [f"{UNIT}, semester 1", 8, "3.64", "90.97", "A", "Sangat Baik"],
        [f"{UNIT}, semester 2", 12, "3.60", "90.05", "A", "Sangat Baik"],
        [UNIT, 20, "3.62", "90.42", "A", "Sangat Baik"],
    ]
    # Budget by output: the printed total; by spending type: the Jumlah row computed
    # from the two rows, 900.000.000 + 680.000.000 and 870.000.000 + 641.400.000,
    # 1.511.400.000 / 1.580.000.000 = 95.658... -> 95.66, sisa 68.600.000.
    assert by_key["anggaran_1"]["rows"][-1] == [
        "JUMLAH", 1580000000, None, 1511400000, 68600000, "95.66"
    ]  # fmt: skip
    assert by_key["anggaran_2"]["rows"][-1] == [
        "Jumlah", 1580000000, None, 1511400000, 68600000, "95.66"
    ]  # fmt: skip
    # WHOQOL: 15, 14, 13, 16 of 20 clients; overall 58 / 80.
    assert by_key["whoqol"]["rows"][0][1:] == [20, "75.00", "70.00", "65.00", "80.00", "72.50"]
    # Staff: 14 + 5 + 10 + 1 = 30 of a DSP of 60: 50 %.
    assert by_key["kepegawaian"]["rows"][0][1:] == [14, 5, 10, 1, 30, 60, "50.000"]
    assert (data["checked"], data["differ"]) == (107, 0)


def test_report_text_md_csv() -> None:
    text = sakip("report", DATASET)
    assert text.returncode == 0, text.stderr
    # Numbers for people in Indonesian style.
    assert f"{UNIT}                     20  1/9                3,62           90,42" in text.stdout
    assert "JUMLAH                                            1.580.000.000" in text.stdout
    markdown = sakip("report", "--format", "md", DATASET)
    assert markdown.returncode == 0, markdown.stderr
    assert f"| {UNIT}, semester 1 | 8 | 1/9 | 3,64 | 90,97 | A | Sangat Baik |" in markdown.stdout
    assert "| Jumlah | 1.580.000.000 | - | 1.511.400.000 | 68.600.000 | 95,66 |" in markdown.stdout
    plain = sakip("report", "--format", "csv", DATASET)
    assert plain.returncode == 0, plain.stderr
    cells = {
        (row["table"], row["row"], row["column"]): row["value"]
        for row in csv.DictReader(io.StringIO(plain.stdout))
    }
    # For programs: plain numbers.
    assert cells["ikm", "3", "Nilai indeks"] == "3.62"
    assert cells["ikm", "3", "Responden"] == "20"
    assert cells["anggaran_1", "6", "Pagu"] == "1580000000"
    assert cells["pengukuran_kinerja", "5", "TW III"] == "2"


def test_audit_passes_and_says_what_it_checked() -> None:
    result = sakip("audit", DATASET)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "Audit: 107 printed figures checked, 0 differ."


def test_the_ikm_section_checks_seven_printed_figures(copy: Path) -> None:
    # Semester 1: index and konversi; semester 2: the same; the year: the same and
    # indicator 2's realisation against the year's index: 7 figures. Without the
    # [[ikm]] entries the audit checks 7 fewer (107 - 7 = 100).
    text = copy.read_text(encoding="utf-8")
    start, end = text.index("\n[[ikm]]\n"), text.index("# Budget (SAKTI)")
    copy.write_text(text[:start] + text[end:], encoding="utf-8")
    result = sakip("audit", copy)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "Audit: 100 printed figures checked, 0 differ."


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        # The year printed as the mean of the semesters: (3.6389 + 3.6019) / 2 = 3.6204,
        # still 3.62; its konversi 90.51 is not the pooled 90.42.
        (
            'printed = { index = "3.62", converted = "90.42" }',
            'printed = { index = "3.62", converted = "90.51" }',
            f"Laporan SKM 2024, tahunan, {UNIT}, IKM converted: printed 90,51, computed 90,42",
        ),
        # Indicator 3's realisation against the WHOQOL overall 72.50.
        (
            'realization = "72.5"   #',
            'realization = "75.5"   #',
            "BAB III A sasaran 2, indikator 3, realisasi: printed 75,5, computed 72,50",
        ),
        # The printed budget total against the sum of the rows.
        (
            'total = { label = "JUMLAH", pagu = 1580000000,',
            'total = { label = "JUMLAH", pagu = 1508000000,',
            "BAB III B, tabel output / JUMLAH / pagu: printed 1.508.000.000, computed 1.580.000.000",
        ),
    ],
)
def test_audit_finds_a_changed_figure(copy: Path, old: str, new: str, finding: str) -> None:
    edit(copy, old, new)
    result = sakip("audit", copy)
    assert result.returncode == 1
    assert finding in result.stdout, result.stdout


def test_the_survey_in_the_plain_dialect_gives_the_same_report(copy: Path) -> None:
    # The Excel export rewritten as a plain CSV (",", LF, no byte order mark).
    rows = SURVEY.read_text(encoding="utf-8-sig").replace(";", ",").replace("\r\n", "\n")
    (copy.parent / "skm-plain.csv").write_text(rows, encoding="utf-8")
    text = copy.read_text(encoding="utf-8")
    text = text.replace('answers = "skm-bnnk-contoh-2024.csv"\ndialect = "excel-id"\n', "")
    text = text.replace("[[ikm]]\n", '[[ikm]]\nanswers = "skm-plain.csv"\n')
    copy.write_text(text, encoding="utf-8")
    plain = sakip("report", "--format", "json", copy)
    assert plain.returncode == 0, plain.stderr
    assert tables(json.loads(plain.stdout))["ikm"] == tables(report_json())["ikm"]


def test_a_bad_answer_in_the_survey_is_located(copy: Path) -> None:
    survey = copy.parent / SURVEY.name
    lines = survey.read_bytes().split(b"\r\n")
    # Line 5 of the file (header, R01-R03, then R04): its U1 answer becomes 0.
    fields = lines[4].split(b";")
    assert fields[0] == b"R04"
    fields[2] = b"0"
    lines[4] = b";".join(fields)
    survey.write_bytes(b"\r\n".join(lines))
    result = sakip("validate", copy)
    assert result.returncode == 2
    assert f"{SURVEY.name}, line 5, column U1: must be an integer 1-4: '0'" in result.stderr
    assert "ikm[0].answers" in result.stderr


# --- docs/dataset.md: every section has an example, and each example is valid --------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "dataset.md"
FENCE = re.compile(r"^```toml\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
SECTIONS = {
    "document", "rounding", "unit", "subunits", "objectives", "summary", "tahanan",
    "barang_bukti", "kpkk", "whoqol", "ikpa", "nka", "anggaran", "kepegawaian",
    "zona_integritas", "ikm",
}  # fmt: skip
#: The small data set each example is validated in: a BNNP with the BNNK below it.
BASE = """
schema = 1
[document]
title = "LKIP contoh"
year = 2024
[unit]
code = "bnnp-contoh"
name = "BNN Provinsi Contoh"
level = "BNNP"
[[subunits]]
code = "bnnk-contoh"
name = "BNN Kabupaten Contoh"
level = "BNNK"
parent = "bnnp-contoh"
[[subunits]]
code = "bnnk-palangka-raya"
name = "BNN Kota Palangka Raya"
level = "BNNK"
parent = "bnnp-contoh"
[[objectives]]
code = "S1"
name = "Meningkatnya kualitas layanan rehabilitasi"
[[objectives.indicators]]
code = "1"
name = "Indeks kepuasan layanan rehabilitasi"
unit_of_measure = "Indeks"
target = "3.20"
realization = "3.26"
"""


def section_examples() -> list[tuple[int, dict[str, Any]]]:
    """The ``toml`` blocks of dataset.md that are whole sections (every key a section)."""
    out = []
    text = DOCS.read_text(encoding="utf-8")
    for match in FENCE.finditer(text):
        block = tomllib.loads(match["body"])
        if block and set(block) <= SECTIONS | {"schema"}:
            out.append((text[: match.start()].count("\n") + 1, block))
    return out


def in_base(block: dict[str, Any]) -> dict[str, Any]:
    """The base data set with the example's sections in place of its own.

    Indicators of an example (``[[objectives.indicators]]`` alone) join the base's
    objective, replacing an indicator of the same code; its ``[[objectives]]`` are added.
    """
    document = tomllib.loads(BASE)
    for key, value in block.items():
        if key != "objectives":
            document[key] = value
        elif isinstance(value, dict):
            indicators = document["objectives"][0]["indicators"]
            codes = {item["code"] for item in value["indicators"]}
            kept = [item for item in indicators if item["code"] not in codes]
            document["objectives"][0]["indicators"] = kept + value["indicators"]
        else:
            document["objectives"].extend(value)
    return document


def test_every_section_has_an_example() -> None:
    covered = set().union(*(block for _, block in section_examples()))
    assert covered >= SECTIONS, sorted(SECTIONS - covered)
    ikm = [entry for _, block in section_examples() for entry in block.get("ikm", [])]
    assert any("nrr" in entry for entry in ikm) and any("answers" in entry for entry in ikm)


@pytest.mark.parametrize(("line", "block"), section_examples(), ids=lambda v: str(v)[:24])
def test_each_section_example_is_valid_and_audited(
    tmp_path: Path, line: int, block: dict[str, Any]
) -> None:
    # The IKM example reads the bundled survey from the data set's folder.
    shutil.copy(EXAMPLES / "skm-contoh-2024.csv", tmp_path)
    try:
        dataset = parse_dataset(in_base(block), source=str(tmp_path / "lkip.toml"))
    except DataSetError as error:
        pytest.fail(f"docs/dataset.md, line {line}: {error}")
    result = run_audit(compute_report(dataset))
    # Each example's printed figures follow from the rules, except the summary's,
    # which are the bundled LKIP's (18 indicators, not the base's one).
    findings = [f for f in result.findings if not f.location.startswith("BAB IV A")]
    assert findings == [], f"docs/dataset.md, line {line}"
