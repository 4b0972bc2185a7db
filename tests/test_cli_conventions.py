"""Conventions stated in a data set (issue 14), met through the `sakip` command."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import MINIMAL, sakip, unplaced, write

# Range target, cap, target 0 not computable, quarters, IKM weights, rupiah with sen.
CONVENTIONS = (
    MINIMAL
    + """
[[objectives.indicators]]
code = "2"
name = "Persentase layanan tepat waktu"
unit_of_measure = "%"
target = { low = "80", high = "90" }
realization = "92"
printed = { capaian = "102.22" }
[[objectives.indicators]]
code = "3"
name = "Nilai IKPA"
unit_of_measure = "Indeks"
target = "80"
realization = "100"
cap = "120"
[[objectives.indicators]]
code = "4"
name = "Persentase tahanan yang melarikan diri"
unit_of_measure = "%"
polarity = "lower_is_better"
target = "0"
realization = "8.33"
zero_target = "not_computable"
[[objectives.indicators]]
code = "5"
name = "Jumlah berkas perkara"
unit_of_measure = "Berkas"
target = 16
quarters = ["2", "5", "4", "5"]
aggregation = "sum"

[[ikm]]
unit = "bnnk-contoh"
location = "Laporan SKM"
respondents = 1
nrr = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]
weights = "0.11"
printed = { converted = "86.41" }

[anggaran]
[[anggaran.tables]]
location = "APBD"
rounding = "half_up"
[[anggaran.tables.rows]]
label = "Belanja"
pagu = "1234567354.53"
realisasi = "1000000000.10"
percentage = "81.00"
"""
)


def test_report_shows_every_convention(tmp_path: Path) -> None:
    result = sakip("report", str(write(tmp_path, CONVENTIONS)))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # PermenPANRB 8/2021 p. 100: 92 against 80-90 is 92/90 = 102,22.
    assert "80-90" in out and "102,22" in out
    # Capped at 120; TW I-IV columns; the escapes indicator without a capaian.
    assert "120,00" in out and "TW IV" in out and "tidak dapat dihitung" in out
    # Bantul 2023 NRR weighted by 0,11: 86,41; the APBD amount with its sen.
    assert "86,41" in out and "0,11" in out and "1.234.567.354,53" in out


def test_json_keeps_the_indicator_without_a_capaian(tmp_path: Path) -> None:
    result = sakip("report", "--format", "json", str(write(tmp_path, CONVENTIONS)))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    rows = {row["code"]: row for row in document["indicators"]}
    assert rows["4"]["capaian"] is None and rows["4"]["category"] == "tidak dapat dihitung"
    assert rows["2"]["target"] == "80-90" and rows["5"]["realization"] == "16"
    # The mean and counts leave indicator 4 out (4 indicators, 5 in the agreement).
    assert document["summary"]["count"] == 4


def test_audit_agrees_and_names_the_weighting(tmp_path: Path) -> None:
    assert sakip("audit", str(write(tmp_path, CONVENTIONS))).returncode == 0
    unstated = CONVENTIONS.replace('weights = "0.11"', 'weights = "exact"')
    result = sakip("audit", str(write(tmp_path, unstated)))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "this report used weights = '0.11'" in result.stdout


def test_convention_fields_are_validated(tmp_path: Path) -> None:
    text = (
        CONVENTIONS.replace('zero_target = "not_computable"', 'zero_target = "nol"')
        .replace("target = 16", 'target = 16\nrealization = "15"')
        .replace('pagu = "1234567354.53"', 'pagu = "1234567354.535"')
        .replace('weights = "0.11"', 'weights = "0.1"')
    )
    result = sakip("validate", str(write(tmp_path, text)))
    assert result.returncode == 2, result.stdout + result.stderr
    for expected in (
        "objectives[0].indicators[3].zero_target: must be one of",
        "objectives[0].indicators[4].realization: must equal the sum of the quarters (16)",
        "anggaran.tables[0].rows[0].pagu:",
        "ikm[0].weights: must be one of",
    ):
        assert expected in unplaced(result.stderr)
    assert "Traceback" not in result.stderr
