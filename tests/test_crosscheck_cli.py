"""Cross-checks through the installed ``sakip`` command: an instrument section and the
indicator it feeds (issue 15, "Cross-checks").

Each section that names an indicator with ``indicator = "<code>"`` computes the
figure that indicator's realisation must be; ``sakip audit`` reports a
realisation that differs beyond the document's rounding and counts it among
the printed figures checked. One small data set per section: the realisation
as computed passes (exit 0), a different one is a finding (exit 1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.commands import sakip
from tests.test_cli import unplaced

# One unit, one indicator fed by the section below it (NAME, TARGET, REALIZATION filled in).
HEAD = """
schema = 1
document = { title = "LKIP contoh", year = 2024 }
unit = { code = "bnnk-contoh", name = "BNNK Contoh", level = "BNNK" }
[[objectives]]
code = "S1"
name = "Sasaran"
indicators = [
  { code = "1", name = "NAME", unit_of_measure = "Nilai", target = "TARGET", realization = "REALIZATION" },
]
"""

NKA = """
[[nka]]
unit = "bnnk-contoh"
location = "BAB III, NKA"
planning = "99.95"
execution = "100"
indicator = "1"
"""

IKPA = """
[[ikpa]]
unit = "bnnk-contoh"
location = "BAB III, IKPA"
year = 2024
indicator = "1"
[ikpa.values]
"Revisi DIPA" = "100.00"
"Deviasi Halaman III DIPA" = "100.00"
"Penyerapan Anggaran" = "99.77"
"Belanja Kontraktual" = "100.00"
"Penyelesaian Tagihan" = "100.00"
"Pengelolaan UP dan TUP" = "100.00"
"Capaian Output" = "100.00"
"""

ZONA = """
[zona_integritas]
location = "BAB III, ZI"
unit = "BNNK Contoh"
indicator = "1"
ranking = [
  { unit = "BNNK Lain", pengungkit = "50.42", hasil = "34.53" },
  { unit = "BNNK Contoh", pengungkit = "49.97", hasil = "35.03" },
]
"""

KPKK = """
[kpkk]
location = "BAB III, KPKK"
indicator = "1"
aspects = ["Aspek A", "Aspek B", "Aspek C"]
scores = [[3, 4, 4], [3, 3, 4]]
"""

ANGGARAN = """
[anggaran]
[[anggaran.tables]]
location = "BAB III, realisasi anggaran"
rounding = "half_up"
indicator = "1"
rows = [
  { label = "Belanja Pegawai", pagu = 4218311000, realisasi = 3770214000 },
  { label = "Belanja Barang", pagu = 3642614000, realisasi = 3500000000 },
]
"""

BARANG_BUKTI = """
[barang_bukti]
location = "BAB III, barang bukti"
indicator = "1"
ledger = []
pairs = [
  { case = "LKN/01/2024", type = "shabu", unit = "gram", received = "10.5", released = "10.5" },
  { case = "LKN/02/2024", type = "shabu", unit = "gram", received = "2", released = "2" },
  { case = "LKN/03/2024", type = "ganja", unit = "gram", received = "5", released = "4" },
]
"""

# (section, indicator name, target, the figure as computed and displayed, a different one)
CASES = {
    # NKA = 0,5 x 99,95 + 0,5 x 100 = 99,975 -> 99,98 (half up, the default nka policy)
    "nka": (NKA, "Nilai Kinerja Anggaran", "95", "99.98", "99.50"),
    # IKPA 2024 weights: 99,77 x 20 % + 100 x 80 % = 99,954 -> 99,95 (truncated)
    "ikpa": (IKPA, "Nilai IKPA", "95", "99.95", "99.90"),
    # ZI total = pengungkit + hasil = 49,97 + 35,03 = 85,00
    "zona_integritas": (ZONA, "Nilai Zona Integritas", "80", "85.00", "86.00"),
    # KPKK overall mean = 21 / 6 = 3,5
    "kpkk": (KPKK, "Nilai KPKK", "3", "3.50", "3.60"),
    # realisasi / pagu x 100 = 7.270.214.000 / 7.860.925.000 x 100 = 92,485... -> 92,49
    "anggaran": (ANGGARAN, "Persentase realisasi anggaran", "95", "92.49", "95.00"),
    # 2 of 3 BA pairs match: 66,666... -> 66,66 (truncated, the capaian policy)
    "barang_bukti": (BARANG_BUKTI, "Nilai keamanan barang bukti", "100", "66.66", "100"),
}


def write(tmp_path: Path, section: str, realization: str) -> Path:
    text, name, target, _, _ = CASES[section]
    path = tmp_path / f"{section}-{realization}.toml"
    head = HEAD.replace("NAME", name).replace("TARGET", target)
    head = head.replace("REALIZATION", realization)
    path.write_text(head + text, encoding="utf-8")
    return path


@pytest.mark.parametrize("section", sorted(CASES))
def test_a_realisation_that_differs_from_the_section_is_reported(
    section: str, tmp_path: Path
) -> None:
    # Failed first: before the cross-checks these data sets audited clean (exit 0), or
    # refused the `indicator` field of nka, ikpa, kpkk, anggaran and barang_bukti.pairs.
    _, _, _, computed, wrong = CASES[section]
    result = sakip("audit", str(write(tmp_path, section, wrong)))
    assert result.returncode == 1, result.stdout + result.stderr
    # Audit lines show numbers in Indonesian style (decimal comma).
    shown = f"printed {wrong.replace('.', ',')}, computed {computed.replace('.', ',')}"
    assert f"indikator 1, realisasi: {shown}" in result.stdout
    assert "1 differs from the rules" in result.stdout


def _audit_json(path: Path) -> dict[str, Any]:
    result = sakip("audit", "--format", "json", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    audit: dict[str, Any] = json.loads(result.stdout)
    return audit


@pytest.mark.parametrize("section", sorted(CASES))
def test_the_realisation_as_computed_is_checked_and_passes(section: str, tmp_path: Path) -> None:
    path = write(tmp_path, section, CASES[section][3])
    linked = _audit_json(path)
    path.write_text(
        path.read_text(encoding="utf-8").replace('indicator = "1"', ""), encoding="utf-8"
    )
    unlinked = _audit_json(path)
    assert linked["findings"] == unlinked["findings"] == []
    # The cross-check is one more printed figure checked ("N printed figures checked").
    assert linked["checked"] == unlinked["checked"] + 1


@pytest.mark.parametrize("section", sorted(CASES))
def test_an_unknown_indicator_is_a_located_problem(section: str, tmp_path: Path) -> None:
    path = write(tmp_path, section, CASES[section][3])
    path.write_text(
        path.read_text(encoding="utf-8").replace('indicator = "1"', 'indicator = "9"'),
        encoding="utf-8",
    )
    result = sakip("validate", str(path))
    assert result.returncode == 2
    assert "indicator: must be an indicator code of the agreement: '9'" in unplaced(result.stderr)
    assert "indicator (line " in result.stderr  # located in the file


@pytest.mark.parametrize("section", sorted(CASES))
def test_an_invalid_indicator_is_reported_once(section: str, tmp_path: Path) -> None:
    # Failed first: the section naming an indicator whose own target is wrong also said
    # "indicator: must be an indicator code of the agreement: '1'", a second, false problem.
    path = write(tmp_path, section, CASES[section][3])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'target = "{CASES[section][2]}"', 'target = "-1"'), "utf-8")
    result = sakip("validate", str(path))
    assert result.returncode == 2
    problems = [line for line in unplaced(result.stderr).splitlines() if line.startswith("  ")]
    assert len(problems) == 1, result.stderr
    assert "objectives[0].indicators[0].target: must be >= 0" in problems[0]
