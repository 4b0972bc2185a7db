"""The `sakip` command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sakip.report.dataset import bundled_dataset_path
from tests.commands import UNIT_HEAD


def sakip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakip", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


MINIMAL = (
    UNIT_HEAD
    + """[[subunits]]
code = "desa-a"
name = "Desa A"
level = "BNNK"
[[objectives]]
code = "S1"
name = "Sasaran"
[[objectives.indicators]]
code = "1"
name = "Indeks kepuasan"
unit_of_measure = "Indeks"
target = "3.60"
realization = "3.70"
printed = { capaian = "102.77", category = "Memuaskan" }
"""
)


# The number of printed figures the audit compares in the bundled data set.
BUNDLED_CHECKED = 380


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dataset.toml"
    path.write_text(text, encoding="utf-8")
    return path


def unplaced(text: str) -> str:
    """Problems without the place added after each path (tests/test_located_errors.py checks it)."""
    return re.sub(r" \((?:indicator [^()\n]+?, )?line \d+, column \d+\)(?=: )", "", text)


def test_report_on_the_bundled_example_prints_the_table() -> None:
    result = sakip("report")
    assert result.returncode == 0, result.stderr
    assert "Pengukuran Kinerja" in result.stdout
    assert "102,77" in result.stdout and "228,57" in result.stdout and "107,34" in result.stdout
    assert result.stderr == ""


def test_json_output_has_the_known_values() -> None:
    # LKIP 2024 BAB III A / BAB IV A.
    result = sakip("report", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["format"] == "sakip-report/1"
    capaian = {row["code"]: row["capaian"] for row in document["indicators"]}
    assert capaian["5"] == "115.60" and capaian["10"] == "102.77" and capaian["11"] == "228.57"
    assert capaian["14"] == "116.25" and capaian["16"] == "102.03" and capaian["17"] == "50.00"
    categories = {row["code"]: row["category"] for row in document["indicators"]}
    assert categories["15"] == "Memuaskan" and categories["17"] == "Kurang"
    summary = document["summary"]
    assert (summary["mean"], summary["above"], summary["at"], summary["below"]) == (
        "107.34",
        6,
        11,
        1,
    )
    assert any(
        f["printed"] == "115.69" and f["computed"] == "116.22" for f in document["findings"]
    )


def test_other_formats(tmp_path: Path) -> None:
    markdown = sakip("report", "--format", "md")
    assert markdown.returncode == 0 and "| No | Indikator Kinerja |" in markdown.stdout
    out = tmp_path / "report.csv"
    csv = sakip("report", "--format", "csv", "--out", str(out))
    assert csv.returncode == 0 and csv.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "table,row,column,value"
    assert "pengukuran_kinerja,10,Capaian (%),102.77" in lines


def test_audit_exit_status() -> None:
    result = sakip("audit")
    assert result.returncode == 1
    assert "printed 115,69" in result.stdout and "Sangat Baik" in result.stdout


def test_audit_of_a_consistent_data_set(tmp_path: Path) -> None:
    result = sakip("audit", str(write(tmp_path, MINIMAL)))
    assert result.returncode == 0, result.stdout + result.stderr
    # The audit says what it compared: the printed capaian and the printed category.
    assert result.stdout == "Audit: 2 printed figures checked, 0 differ.\n"


def test_audit_of_a_data_set_that_prints_nothing_says_so(tmp_path: Path) -> None:
    # Before: "every printed figure follows from the rules" with nothing compared.
    bare = MINIMAL.replace('printed = { capaian = "102.77", category = "Memuaskan" }\n', "")
    result = sakip("audit", str(write(tmp_path, bare)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Audit: 0 printed figures to check.\n"
    assert "every printed figure" not in result.stdout
    document = json.loads(sakip("audit", str(write(tmp_path, bare)), "--format", "json").stdout)
    assert (document["checked"], document["differ"]) == (0, 0)


def test_audit_of_the_bundled_report_counts_what_it_checked() -> None:
    # The bundled LKIP 2024 data set: BUNDLED_CHECKED printed figures compared, 20 differ.
    result = sakip("audit")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first == f"Audit: {BUNDLED_CHECKED} printed figures checked, 20 differ from the rules"
    document = json.loads(sakip("audit", "--format", "json").stdout)
    assert (document["checked"], document["differ"]) == (BUNDLED_CHECKED, 20)
    assert len(document["findings"]) == 20
    report = sakip("report")
    assert f"{BUNDLED_CHECKED} printed figures checked, 20 differ" in report.stdout


def test_validate_and_version(tmp_path: Path) -> None:
    assert sakip("validate", str(write(tmp_path, MINIMAL))).returncode == 0
    assert sakip("validate", str(bundled_dataset_path())).returncode == 0
    version = sakip("--version")
    assert version.returncode == 0 and version.stdout.startswith("sakip ")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A missing field.
        (
            lambda t: t.replace('realization = "3.70"\n', ""),
            "objectives[0].indicators[0].realization: is missing",
        ),
        # A wrong type.
        (lambda t: t.replace("year = 2024", 'year = "2024"'), "document.year: must be an integer"),
        # An unknown indicator referenced by an instrument.
        (
            lambda t: (
                t
                + '\n[tahanan]\nindicator = "99"\ndetainees = 1\nescapes = 0\nserious_fights = 0\nnegligent_deaths = 0\n'
            ),
            "tahanan.indicator: must be an indicator code",
        ),
        # Inconsistent units: a unit that is not in the data set, and grams against butir.
        (
            lambda t: (
                t + '\n[[objectives.indicators.units]]\nunit = "bnnk-lain"\nrealization = "3"\n'
            ),
            "must be a unit of the data set",
        ),
        (
            lambda t: (
                t
                + '\n[kepegawaian]\n[[kepegawaian.units]]\nunit = "bnnp-lain"\nrequired = 10\nstaff = { PNS = 2 }\n'
            ),
            "kepegawaian.units[0].unit: must be a unit of the data set",
        ),
        # A misspelt key is not ignored.
        (
            lambda t: t.replace("unit_of_measure", "unit_of_measures"),
            "unit_of_measures: is not a field here",
        ),
        # A printed figure written as a float loses its decimals.
        (
            lambda t: t.replace('capaian = "102.77"', "capaian = 102.70"),
            "must be written as a string",
        ),
    ],
)
def test_broken_data_sets(tmp_path: Path, change: object, expected: str) -> None:
    text = change(MINIMAL)  # type: ignore[operator]
    result = sakip("validate", str(write(tmp_path, text)))
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in unplaced(result.stderr)
    assert "Traceback" not in result.stderr


def test_several_problems_are_listed_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("year = 2024", 'year = "x"').replace(
        'target = "3.60"', 'target = "3,60"'
    )
    result = sakip("report", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert "2 problems" in result.stderr
    assert (
        "document.year" in result.stderr and "objectives[0].indicators[0].target" in result.stderr
    )


def test_unusable_files(tmp_path: Path) -> None:
    missing = sakip("report", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    broken = sakip("validate", str(write(tmp_path, "schema = [")))
    assert broken.returncode == 2 and "is not valid TOML" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_usage_and_output_errors(tmp_path: Path) -> None:
    assert sakip("report", "--format", "pdf").returncode == 4
    assert sakip().returncode == 4
    assert sakip("report", "--format", "xlsx").returncode == 4  # needs --out
    unwritable = sakip("report", "--out", str(tmp_path / "no" / "such" / "dir" / "x.txt"))
    assert unwritable.returncode == 3 and "cannot write" in unwritable.stderr


# --- malformed data sets: every one is a list of located problems, exit status 2 ---------

COUNTED = (
    '\nunits = [{ unit = "desa-a", target = "3", realization = "3" }]\n'
    "[objectives.indicators.count]\n"
)

MALFORMED = [
    # Structure: wrong types at every level, arrays for tables and tables for arrays.
    ("no schema", lambda t: t.replace("schema = 1\n", ""), "schema: is missing"),
    (
        "document as an array",
        lambda t: t.replace('[document]\ntitle = "LKIP contoh"\nyear = 2024', "document = [1]"),
        "document: must be a table: [1]",
    ),
    ("unit as an array", lambda t: t.replace("[unit]", "[[unit]]"), "unit: must be a table"),
    (
        "objectives as a table",
        lambda t: t.replace("[[objectives]]", "[objectives]"),
        "objectives: must be an array of tables",
    ),
    (
        "no objective",
        lambda t: "objectives = []\n" + t.split("[[objectives]]")[0],
        "objectives: must list at least one objective",
    ),
    (
        "an objective without indicators",
        lambda t: t.split("[[objectives.indicators]]")[0] + "indicators = []\n",
        "objectives[0].indicators: must list at least one indicator",
    ),
    (
        "a rounding policy as a string",
        lambda t: t.replace("schema = 1", 'schema = 1\nrounding = { capaian = "truncate" }'),
        "rounding.capaian: must be a table: 'truncate'",
    ),
    (
        "absurd places",
        lambda t: t.replace(
            "schema = 1",
            'schema = 1\nrounding = { capaian = { places = 100000, rounding = "truncate" } }',
        ),
        "rounding.capaian: 'places' must be <= 9999: 100000",
    ),
    # Figures.
    (
        "a zero target",
        lambda t: t.replace('target = "3.60"', "target = 0"),
        "objectives[0].indicators[0]: 'target' must be > 0 for a higher-is-better indicator: 0",
    ),
    (
        "a negative target",
        lambda t: t.replace('target = "3.60"', 'target = "-3.60"'),
        "objectives[0].indicators[0].target: must be >= 0: -3.60",
    ),
    (
        "a figure beyond the exact range",
        lambda t: t.replace('target = "3.60"', 'target = "1e999999999"'),
        "objectives[0].indicators[0].target: must lie between 1e-9999 and 1e10000",
    ),
    (
        "a negative unit target",
        lambda t: t + '\nunits = [{ unit = "desa-a", target = "-1", realization = "3" }]\n',
        "objectives[0].indicators[0].units[0].target: must be >= 0: -1",
    ),
    (
        "a unit twice",
        lambda t: (
            t + '\nunits = [{ unit = "desa-a", realization = "3" }, '
            '{ unit = "desa-a", realization = "4" }]\n'
        ),
        "objectives[0].indicators[0].units[1].unit: repeats a unit of this indicator",
    ),
    (
        "a history year with a zero target",
        lambda t: t + "\nhistory = [{ year = 2023, target = 0, realization = 2 }]\n",
        "objectives[0].indicators[0].history[0]: 'target' must be > 0",
    ),
    # Count rules.
    (
        "a count naming units without figures",
        lambda t: t + '[objectives.indicators.count]\nrule = "meets_target"\nunits = ["desa-a"]\n',
        "count.units[0]: unit 'desa-a' has no figure in this indicator's units",
    ),
    (
        "a count naming units with numbers and tables",
        lambda t: (
            t + '[objectives.indicators.count]\nrule = "meets_target"\nunits = [1, { a = 1 }]\n'
        ),
        "count.units[0]: must be a unit code (a string): 1",
    ),
    (
        "a count of units against targets they do not have",
        lambda t: (
            t
            + '\nunits = [{ unit = "desa-a", realization = "3" }]\n'
            + '[objectives.indicators.count]\nrule = "meets_target"\nunits = ["desa-a"]\n'
        ),
        "count.units[0]: unit 'desa-a' has no target in this indicator's units",
    ),
    (
        "a count in categories of a value outside the scheme",
        lambda t: (
            t + COUNTED + 'rule = "in_categories"\nscheme = "DEKTARA_2024"\n'
            'categories = ["Tinggi"]\nunits = ["desa-a"]\n'
        ),
        "count.units[0]: 'Indeks Ketahanan Keluarga (Dektara) 2024' has no band below [25, 65): 3",
    ),
    (
        "categories with a meets_target count",
        lambda t: (
            t + COUNTED + 'rule = "meets_target"\nunits = ["desa-a"]\ncategories = ["Tinggi"]\n'
        ),
        "count.categories: is only used with rule = 'in_categories'",
    ),
    # Instruments: every input the report computes from is checked on loading.
    (
        "more incidents than detainees",
        lambda t: (
            t + "[tahanan]\ndetainees = 1\nescapes = 5\nserious_fights = 0\nnegligent_deaths = 0\n"
        ),
        "tahanan: 'escapes + serious_fights + negligent_deaths' must not exceed detainees (1): 5",
    ),
    (
        "a KPKK score off the scale",
        lambda t: t + '[kpkk]\naspects = ["a", "b"]\nscores = [[1, 7], [2, 3]]\n',
        "kpkk.scores: 'scores' must be on the scale 1-4 (row 0, column 1): 7",
    ),
    (
        "a KPKK printed list of another length",
        lambda t: (
            t + '[kpkk]\naspects = ["a", "b"]\nscores = [[1, 2], [2, 3]]\n'
            "printed = { respondent_totals = [3] }\n"
        ),
        "kpkk.printed.respondent_totals: must have one value per respondent (2): 1",
    ),
    (
        "more clients improved than assessed",
        lambda t: (
            t + '[whoqol]\n[[whoqol.units]]\nunit = "desa-a"\nclients = 3\n'
            "improved = { physical = 5, psychological = 1, social = 1, environment = 1 }\n"
        ),
        "whoqol.units[0]: 'physical' improved must be from 0 to 3: 5",
    ),
    (
        "a WHOQOL table without units",
        lambda t: t + "[whoqol]\nunits = []\n",
        "whoqol.units: must list at least one unit",
    ),
    (
        "IKPA values missing",
        lambda t: t + '[[ikpa]]\nunit = "desa-a"\nyear = 2024\nvalues = {}\n',
        "ikpa[0]: 'values' must give 'Revisi DIPA'",
    ),
    (
        "a negative NKA component",
        lambda t: t + '[[nka]]\nunit = "desa-a"\nplanning = "-5"\nexecution = "90"\n',
        "nka[0]: 'planning' must lie in [0, 120]: -5",
    ),
    (
        "realisation against a zero pagu",
        lambda t: (
            t + '[anggaran]\n[[anggaran.tables]]\nlocation = "x"\nrounding = "half_up"\n'
            'rows = [{ label = "a", pagu = 0, realisasi = 5 }]\n'
        ),
        "anggaran.tables[0].rows[0]: 'a: pagu' must be > 0 when there is realisation: 0",
    ),
    (
        "a printed fulfilment of a unit without staff figures",
        lambda t: (
            t + '[kepegawaian]\n[[kepegawaian.units]]\nunit = "desa-a"\nrequired = 4\n'
            'staff = { PNS = 2 }\n[kepegawaian.printed_fulfilment]\nbnnk-contoh = "50"\n'
        ),
        "kepegawaian.printed_fulfilment.bnnk-contoh: must be a unit of kepegawaian.units",
    ),
    (
        "a unit ranked twice",
        lambda t: (
            t + '[zona_integritas]\nunit = "x"\nranking = [{ unit = "x", pengungkit = "7", '
            'hasil = "5" }, { unit = "x", pengungkit = "7", hasil = "5" }]\n'
        ),
        "zona_integritas.ranking[1].unit: repeats a unit of the ranking: 'x'",
    ),
    (
        "a negative evidence quantity",
        lambda t: (
            t + '[barang_bukti]\nledger = [{ type = "shabu", unit = "gram", '
            'received = "-1", destroyed = "0", remaining = "0" }]\n'
        ),
        "barang_bukti.ledger[0]: 'amount' must be >= 0: -1",
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [(change, expected) for _, change, expected in MALFORMED],
    ids=[name for name, _, _ in MALFORMED],
)
def test_malformed_data_sets_are_listed_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: object, expected: str
) -> None:
    from sakip.cli import EXIT_DATA, main

    text = change(MINIMAL)  # type: ignore[operator]
    path = write(tmp_path, text)
    for command in ("validate", "report", "audit"):
        # In process: any exception other than the listed problems fails the test.
        assert main([command, str(path)]) == EXIT_DATA, command
        captured = capsys.readouterr()
        assert expected in unplaced(captured.err), (command, captured.err)
        assert captured.out == ""


def test_a_malformed_data_set_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    text = MINIMAL.replace('target = "3.60"', "target = 0") + (
        '[kpkk]\naspects = ["a", "b"]\nscores = [[1, 7], [2, 3]]\n'
    )
    result = sakip("validate", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert "2 problems" in result.stderr and "Traceback" not in result.stderr


# --- bounds (issue 15) -----------------------------------------------------------------


def _percent(realization: str, extra: str = "") -> str:
    return MINIMAL.replace('unit_of_measure = "Indeks"', 'unit_of_measure = "%"').replace(
        'realization = "3.70"\nprinted = { capaian = "102.77", category = "Memuaskan" }\n',
        f'realization = "{realization}"\n{extra}',
    )


def test_a_percentage_above_100_is_a_located_problem(tmp_path: Path) -> None:
    # Before: a realisation of 155 on a '%' indicator (a lost decimal point) was "valid".
    for command in ("validate", "audit", "report"):
        result = sakip(command, str(write(tmp_path, _percent("155"))))
        assert result.returncode == 2, command
        assert (
            "objectives[0].indicators[0].realization: must lie in [0, 100] "
            "for a '%' indicator: 155"
        ) in unplaced(result.stderr)


def test_bounds_can_be_stated_per_indicator(tmp_path: Path) -> None:
    # An indicator whose percentage may exceed 100 says so.
    wide = _percent("155", 'bounds = { low = "0", high = "200" }\n')
    assert sakip("validate", str(write(tmp_path, wide))).returncode == 0
    # An index on a 1-4 scale (IKM) bounded by the data set.
    index = MINIMAL.replace('realization = "3.70"', 'realization = "4.70"').replace(
        'printed = { capaian = "102.77", category = "Memuaskan" }',
        'bounds = { low = "1", high = "4" }',
    )
    result = sakip("validate", str(write(tmp_path, index)))
    assert result.returncode == 2
    assert "objectives[0].indicators[0].realization: must lie in [1, 4]" in unplaced(result.stderr)
    assert "4.70" in result.stderr


def test_quarters_and_unit_figures_are_bounded_too(tmp_path: Path) -> None:
    quarters = _percent("", 'quarters = ["90", "120"]\naggregation = "mean"\n').replace(
        'realization = ""\n', ""
    )
    result = sakip("validate", str(write(tmp_path, quarters)))
    assert result.returncode == 2
    assert "objectives[0].indicators[0].quarters[1]: must lie in [0, 100]" in unplaced(
        result.stderr
    )
    units = _percent(
        "90",
        '[[objectives.indicators.units]]\nunit = "desa-a"\ntarget = "80"\nrealization = "101"\n',
    )
    result = sakip("validate", str(write(tmp_path, units)))
    assert result.returncode == 2
    assert "objectives[0].indicators[0].units[0].realization: must lie in [0, 100]" in (
        unplaced(result.stderr)
    )


# --- budget totals (issue 15) ----------------------------------------------------------

BUDGET = """
[anggaran]
[[anggaran.tables]]
location = "BAB III B, jenis belanja"
rounding = "half_up"
TOTAL
[[anggaran.tables.rows]]
label = "Belanja Pegawai"
pagu = 4218311000
realisasi = 3770214000
[[anggaran.tables.rows]]
label = "Belanja Barang"
pagu = 3642614000
realisasi = 3500000000
"""


def _budget_table(tmp_path: Path, text: str) -> list[list[object]]:
    result = sakip("report", "--format", "json", str(write(tmp_path, MINIMAL + text)))
    assert result.returncode == 0, result.stderr
    (table,) = [t for t in json.loads(result.stdout)["tables"] if t["key"] == "anggaran_1"]
    rows: list[list[object]] = table["rows"]
    return rows


def test_a_budget_without_total_gets_a_computed_jumlah_row(tmp_path: Path) -> None:
    # Before: no Jumlah row. 4.218.311.000 + 3.642.614.000 = 7.860.925.000;
    # 3.770.214.000 + 3.500.000.000 = 7.270.214.000, 92,49 % (half up), sisa 590.711.000.
    rows = _budget_table(tmp_path, BUDGET.replace("TOTAL\n", ""))
    assert rows[-1] == ["Jumlah", 7860925000, None, 7270214000, 590711000, "92.49"]
    text = sakip("report", str(write(tmp_path, MINIMAL + BUDGET.replace("TOTAL\n", "")))).stdout
    assert "7.860.925.000" in text and "92,49" in text


def test_a_total_with_only_its_label_is_computed(tmp_path: Path) -> None:
    # Before: total = { label = "Jumlah" } gave a row of '-'.
    rows = _budget_table(tmp_path, BUDGET.replace("TOTAL", 'total = { label = "Total belanja" }'))
    assert rows[-1] == ["Total belanja", 7860925000, None, 7270214000, 590711000, "92.49"]


def test_a_printed_total_is_audited_against_the_rows(tmp_path: Path) -> None:
    # BAB III B L1834 prints a pagu total of 7.988.525.000 over parts adding to 7.860.925.000.
    printed = BUDGET.replace(
        "TOTAL", 'total = { label = "Jumlah", pagu = 7988525000, realisasi = 7270214000 }'
    )
    result = sakip("audit", str(write(tmp_path, MINIMAL + printed)))
    assert result.returncode == 1
    assert (
        "BAB III B, jenis belanja / Jumlah / pagu: printed 7.988.525.000, computed 7.860.925.000"
        in result.stdout
    )
    assert "1 differs from the rules" in result.stdout.splitlines()[0]


# --- the Pengukuran Kinerja table grouped by sasaran (issue 15) --------------------------

TWO_OBJECTIVES = (
    MINIMAL
    + """
[[objectives]]
code = "S2"
name = "Menurunnya prevalensi"
[[objectives.indicators]]
code = "2"
name = "Prevalensi penyalahgunaan narkoba"
unit_of_measure = "%"
polarity = "lower_is_better"
target = "2"
realization = "1.5"
"""
)


def test_pengukuran_kinerja_names_the_sasaran_and_formula_of_each_row(tmp_path: Path) -> None:
    # Before: no sasaran, and one note "Capaian = realisasi / target x 100" even for the
    # lower-is-better row, whose capaian is (2 x 2 - 1,5) / 2 x 100 = 125.
    result = sakip("report", "--format", "json", str(write(tmp_path, TWO_OBJECTIVES)))
    assert result.returncode == 0, result.stderr
    (table,) = [t for t in json.loads(result.stdout)["tables"] if t["key"] == "pengukuran_kinerja"]
    assert table["columns"][-2:] == ["Sasaran", "Rumus capaian"]
    assert [row[0] for row in table["rows"]] == ["1", "2"]
    assert [row[-2:] for row in table["rows"]] == [
        ["S1 Sasaran", "realisasi / target x 100"],
        ["S2 Menurunnya prevalensi", "(2 x target - realisasi) / target x 100"],
    ]
    assert table["rows"][1][5] == "125.00"
    assert "Capaian = realisasi / target x 100" not in (table["note"] or "")
    text = sakip("report", str(write(tmp_path, TWO_OBJECTIVES))).stdout
    assert "(2 x target - realisasi) / target x 100" in text
    assert "S2 Menurunnya prevalensi" in text
