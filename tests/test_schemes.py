"""Built-in band schemes: known classifications from their sources."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip import BandScheme
from sakip.bands import GapPolicy
from sakip.errors import OutOfBandError
from sakip.schemes import (
    BUILTIN_SCHEMES,
    CAPAIAN_LKIP,
    DEKTARA_2024,
    DEKTARI_2024,
    IKM_MUTU,
    IKM_MUTU_CONVERTED,
    IKPA_CATEGORY,
    KPKK_LIKERT_4,
    NKA_CATEGORY,
    SAKIP_PREDIKAT,
)

CASES = [
    # LKIP 2024 BAB IV A, band table: >= 100 Memuaskan ... < 55 Kurang.
    (CAPAIAN_LKIP, "228.57", "Memuaskan"),
    (CAPAIAN_LKIP, "100", "Memuaskan"),
    (CAPAIAN_LKIP, "99.99", "Sangat Baik"),
    (CAPAIAN_LKIP, "85", "Sangat Baik"),
    (CAPAIAN_LKIP, "84.99", "Baik"),
    (CAPAIAN_LKIP, "70", "Baik"),
    (CAPAIAN_LKIP, "55", "Cukup"),
    (CAPAIAN_LKIP, "54.99", "Kurang"),
    (CAPAIAN_LKIP, "50", "Kurang"),  # row 17, printed "Sangat Baik"
    (CAPAIAN_LKIP, "0", "Kurang"),
    # PermenPANRB 14/2017: interval 1-4 and converted 25-100.
    (IKM_MUTU, "1", "Tidak Baik"),
    (IKM_MUTU, "2.5996", "Tidak Baik"),
    (IKM_MUTU, "2.60", "Kurang Baik"),
    (IKM_MUTU, "3.064", "Kurang Baik"),
    (IKM_MUTU, "3.0644", "Baik"),
    (IKM_MUTU, "3.5324", "Sangat Baik"),
    (IKM_MUTU, "3.70", "Sangat Baik"),  # LKIP 2024 BAB III A sasaran 10
    (IKM_MUTU, "4", "Sangat Baik"),
    (IKM_MUTU_CONVERTED, "64.99", "Tidak Baik"),
    (IKM_MUTU_CONVERTED, "65", "Kurang Baik"),
    (IKM_MUTU_CONVERTED, "76.60", "Kurang Baik"),
    (IKM_MUTU_CONVERTED, "76.61", "Baik"),
    (IKM_MUTU_CONVERTED, "88.30", "Baik"),
    (IKM_MUTU_CONVERTED, "88.31", "Sangat Baik"),
    (IKM_MUTU_CONVERTED, "100", "Sangat Baik"),
    # LKIP 2024 BAB III A sasaran 2 (Dektara) and 1 (Dektari) national tables.
    (DEKTARA_2024, "88.31", "Sangat Tinggi"),
    (DEKTARA_2024, "88.30", "Tinggi"),
    (DEKTARA_2024, "76.61", "Tinggi"),
    (DEKTARA_2024, "76.60", "Rendah"),
    (DEKTARA_2024, "64.99", "Sangat Rendah"),
    (DEKTARI_2024, "54.16", "Sangat Tinggi"),
    (DEKTARI_2024, "53.71", "Sangat Tinggi"),
    (DEKTARI_2024, "53.50", "Tinggi"),
    (DEKTARI_2024, "52.04", "Tinggi"),  # national 2024 figure, printed "Tinggi"
    (DEKTARI_2024, "49.74", "Tinggi"),
    (DEKTARI_2024, "49.73", "Rendah"),
    (DEKTARI_2024, "45.98", "Rendah"),
    (DEKTARI_2024, "45.97", "Sangat Rendah"),
    # LKIP 2024 BAB III A sasaran 4 (KPKK): 2,50 Cukup, 2,56 Baik, 1,93 Cukup, 1,00 Buruk.
    (KPKK_LIKERT_4, "2.50", "Cukup"),
    (KPKK_LIKERT_4, "2.56", "Baik"),
    (KPKK_LIKERT_4, "1.93", "Cukup"),
    (KPKK_LIKERT_4, "1.00", "Buruk"),
    (KPKK_LIKERT_4, "1.75", "Buruk"),
    (KPKK_LIKERT_4, "3.25", "Baik"),
    (KPKK_LIKERT_4, "3.26", "Sangat Baik"),
    (KPKK_LIKERT_4, "4", "Sangat Baik"),
    # DJPb IKPA categories.
    (IKPA_CATEGORY, "99.95", "Sangat Baik"),
    (IKPA_CATEGORY, "95", "Sangat Baik"),
    (IKPA_CATEGORY, "94.99", "Baik"),
    (IKPA_CATEGORY, "89", "Baik"),
    (IKPA_CATEGORY, "88.99", "Cukup"),
    (IKPA_CATEGORY, "70", "Cukup"),
    (IKPA_CATEGORY, "69.99", "Kurang"),
    # PMK 107/2024 Pasal 251: > 90 sangat baik; > 80-90 baik; > 60-80 cukup; > 50-60 kurang.
    (NKA_CATEGORY, "99.98", "Sangat Baik"),
    (NKA_CATEGORY, "90.01", "Sangat Baik"),
    (NKA_CATEGORY, "90", "Baik"),
    (NKA_CATEGORY, "80", "Cukup"),
    (NKA_CATEGORY, "60", "Kurang"),
    (NKA_CATEGORY, "50.01", "Kurang"),
    (NKA_CATEGORY, "50", "Sangat Kurang"),
    # PermenPANRB 88/2021 (unverified bounds).
    (SAKIP_PREDIKAT, "90.01", "AA"),
    (SAKIP_PREDIKAT, "90", "A"),
    (SAKIP_PREDIKAT, "30", "D"),
]


@pytest.mark.parametrize(("scheme", "value", "label"), CASES)
def test_builtin_scheme_known_values(scheme: BandScheme, value: str, label: str) -> None:
    assert scheme.classify(Decimal(value)).label == label
    assert scheme.classify_array([float(value)]).tolist() == [scheme.labels.index(label)]


def test_report_rows_15_and_17_are_misprinted() -> None:
    # LKIP 2024 BAB IV A (L1876, L1878) prints "Sangat Baik" for capaian 100 and 50; its
    # own band table (>= 100 Memuaskan, < 55 Kurang) gives Memuaskan and Kurang (issue 2).
    assert CAPAIAN_LKIP.classify(100).label == "Memuaskan"
    assert CAPAIAN_LKIP.classify(50).label == "Kurang"


def test_dektari_gap_is_explicit() -> None:
    assert [gap.interval for gap in DEKTARI_2024.gaps] == ["[53.51, 53.71)"]
    with pytest.raises(OutOfBandError, match="gap"):
        DEKTARI_2024.classify("53.51")  # the national target itself
    with pytest.raises(OutOfBandError, match="gap"):
        DEKTARI_2024.classify("53.70")
    lenient = DEKTARI_2024.with_gap_policy(GapPolicy.NEAREST_LOWER)
    assert lenient.classify("53.51").label == "Tinggi"  # the report's reading


def test_ikm_grades() -> None:
    assert [b.grade for b in IKM_MUTU.bands] == ["D", "C", "B", "A"]
    assert [b.grade for b in IKM_MUTU_CONVERTED.bands] == ["D", "C", "B", "A"]


def test_ikm_converted_bounds_are_the_interval_bounds_times_25() -> None:
    for interval, converted in zip(IKM_MUTU.bands, IKM_MUTU_CONVERTED.bands, strict=True):
        assert interval.lower is not None and converted.lower is not None
        assert interval.lower * 25 == converted.lower


@pytest.mark.parametrize("scheme", BUILTIN_SCHEMES, ids=lambda s: s.name)
def test_every_builtin_scheme_cites_a_source(scheme: BandScheme) -> None:
    assert scheme.source
    assert scheme.verified or scheme.notes
