"""The examples/ folder: scripts run as a user runs them, the notebook executed."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from sakip import Rounding, ikm, round_to
from sakip.report.audit import audit
from sakip.report.compute import compute_report
from sakip.report.dataset import load_dataset

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_quickstart() -> None:
    result = run("quickstart.py")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert lines[1].split()[-3:] == ["102,77", "%", "Memuaskan"]
    assert lines[4].split()[-3:] == ["50", "%", "Kurang"]


def test_custom_indicators() -> None:
    result = run("custom_indicators.py")
    assert result.returncode == 0, result.stderr
    # 5/4; 3,62/3,50 truncated; (2 x 1,80 - 1,71) / 1,80; (250+310+280+290)/1200 truncated.
    assert [line.split()[-3:] for line in result.stdout.splitlines()[1:5]] == [
        ["125.00", "Memuaskan", "(above)"],
        ["103.42", "Memuaskan", "(above)"],
        ["105.00", "Memuaskan", "(above)"],
        ["Sangat", "Baik", "(below)"],
    ]
    assert result.stdout.splitlines()[4].split()[-4] == "94.16"
    assert result.stdout.splitlines()[-1] == (
        "Rata-rata capaian 106.89; melebihi 3, sesuai 0, tidak mencapai 1 target"
    )


def test_ikm_from_csv_on_the_bundled_survey() -> None:
    result = run("ikm_from_csv.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Semester 1    10 responden  IKM 3.4716  konversi 86.79  mutu B (Baik)",
        "Semester 2    14 responden  IKM 3.1056  konversi 77.64  mutu B (Baik)",
        "Tahun         24 responden  IKM 3.2572  konversi 81.43  mutu B (Baik)",
        "NRR per unsur (tahun): 3.25 3.25 3.29 3.29 3.26 3.38 3.21 3.08 3.30",
    ]


def test_ikm_from_csv_agrees_with_the_library(tmp_path: Path) -> None:
    # 10 respondents answering 4 in semester 1, 30 answering 3 in semester 2: the year is
    # respondent-weighted, 3,25 (docs/instruments/ikm.md), not the mean 3,5 of the semesters.
    lines = ["responden,semester," + ",".join(f"U{n}" for n in range(1, 10))]
    lines += [f"A{n},1," + ",".join(["4"] * 9) for n in range(10)]
    lines += [f"B{n},2," + ",".join(["3"] * 9) for n in range(30)]
    survey = tmp_path / "survey.csv"
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("ikm_from_csv.py", str(survey))
    assert result.returncode == 0, result.stderr
    year = ikm.pool([ikm.score([[4] * 9] * 10), ikm.score([[3] * 9] * 30)])
    assert year.value == Decimal("3.25")
    assert result.stdout.splitlines()[2] == (
        f"Tahun         40 responden  IKM {round_to(year.value, 4, Rounding.HALF_UP)}  "
        "konversi 81.25  mutu B (Baik)"
    )


def test_ikm_from_csv_names_a_bad_cell(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "responden,semester,U1,U2,U3,U4,U5,U6,U7,U8,U9\nR1,1,4,4,4,5,4,4,4,4,4\n",
        encoding="utf-8",
    )
    result = run("ikm_from_csv.py", str(survey))
    assert result.returncode != 0
    assert "survey.csv, line 2, column U4: must be an integer 1-4: '5'" in result.stderr


def test_the_invented_data_set_is_consistent() -> None:
    dataset = load_dataset(EXAMPLES / "data" / "bnnk-contoh-2024.toml")
    assert "FIKTIF" in dataset.title and "fiktif" in dataset.unit.name
    report = compute_report(dataset)
    assert audit(report) == ()
    assert dataset.policies["capaian"].apply(report.summary.mean) == Decimal("104.78")
    assert (report.summary.above, report.summary.at, report.summary.below) == (5, 1, 1)


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = json.loads((EXAMPLES / "analysis.ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)


@pytest.fixture
def python3_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A ``python3`` kernel spec running this interpreter, ahead of any other on the machine."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (sakip tests)",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    return "python3"


def test_the_notebook_runs(python3_kernel: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(EXAMPLES / "analysis.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name=python3_kernel,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError on any failing cell, with its traceback

    text = "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream"
    )
    assert "BNNP Kalteng     18 107.34      6  11      1              20" in text
    assert "BNNK Contoh (fiktif)      7 104.78      5   1      1               0" in text
    assert "checks passed" in text
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == 2  # the capaian trends and the KPKK aspect profile
