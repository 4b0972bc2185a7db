"""The `sakip` command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sakip.report.dataset import bundled_dataset_path


def sakip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakip", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


MINIMAL = """
schema = 1
[document]
title = "LKIP contoh"
year = 2024
[unit]
code = "bnnk-contoh"
name = "BNNK Contoh"
level = "BNNK"
[[subunits]]
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


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dataset.toml"
    path.write_text(text, encoding="utf-8")
    return path


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
    assert "115.69" in result.stdout and "Sangat Baik" in result.stdout


def test_audit_of_a_consistent_data_set(tmp_path: Path) -> None:
    result = sakip("audit", str(write(tmp_path, MINIMAL)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every printed figure follows" in result.stdout


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
    assert expected in result.stderr
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
