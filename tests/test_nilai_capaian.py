"""The PermenPANRB 8/2021 nilai-capaian conversion (sakip.conventions).

Known values: PermenPANRB 8/2021, Lampiran BAB VI.A.1.b)2), printed page 93
(formulas (e)-(i)) and printed page 243 (worked SKP example); the Sangat Baik
row (101-110 %) comes from applications implementing the regulation
(unverified).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import InvalidTypeError, InvalidValueError, Rounding, RoundingPolicy, achievement
from sakip.conventions import (
    NILAI_CAPAIAN_CATEGORY_8_2021,
    NILAI_CAPAIAN_PERMENPANRB_8_2021,
    CapaianRounding,
    NilaiCapaianRule,
    NilaiCapaianVersion,
    nilai_capaian,
)
from sakip.errors import OutOfBandError
from tests.strategies import decimals

TABLE = NILAI_CAPAIAN_PERMENPANRB_8_2021
FOUR = RoundingPolicy(4, Rounding.HALF_UP)


def test_worked_example_page_243() -> None:
    # "Nilai Akuntabilitas Kinerja Direktorat Jenderal III | 85 | 85 | 100% | Baik | 109"
    baik = nilai_capaian(achievement(target=85, realization=85))
    assert (baik.value, baik.category.label, baik.verified) == (Decimal(109), "Baik", True)
    # "Nilai IKPA Direktorat Jenderal III | 95 | 93 | 98% | Cukup | 88": the capaian
    # 97,89 % is printed as 98 %, and the score follows the printed capaian.
    capaian = achievement(target=95, realization=93)
    cukup = nilai_capaian(capaian, rounding=CapaianRounding.WHOLE_PERCENT)
    assert (cukup.achievement, cukup.value, cukup.category.label) == (Decimal(98), 88, "Cukup")
    # On the exact capaian the line gives 87,89...
    assert FOUR.apply(nilai_capaian(capaian).value) == Decimal("87.8947")


def test_maximal_target_override_page_93_point_i() -> None:
    # "Persentase Pengelolaan Keuangan yang Bebas dari Temuan Material", target 100 %,
    # realisation 100 % -> Sangat Baik, 120.
    result = nilai_capaian(100, maximal_target=True)
    assert (result.value, result.category.label, result.rule) == (120, "Sangat Baik", None)
    # No effect anywhere else.
    assert nilai_capaian(98, maximal_target=True).value == 88
    assert nilai_capaian("100.4", maximal_target=True, rounding="whole_percent").value == 120


# capaian, category, exact score, source (P = primary formula, S = secondary)
KNOWN = [
    ("111", "Sangat Baik", Decimal(120), "P (h)"),
    ("150", "Sangat Baik", Decimal(120), "P (h)"),
    ("110", "Sangat Baik", Decimal(120), "S"),
    ("105", "Sangat Baik", Decimal(1030) / 9, "S"),
    ("101", "Sangat Baik", Decimal(110), "S"),
    ("100", "Baik", Decimal(109), "P p. 243"),
    ("99", "Cukup", Decimal(89), "P (e)"),
    ("80", "Cukup", Decimal(70), "P (e)"),
    ("79", "Kurang", Decimal(69), "P (f)"),
    ("70", "Kurang", Decimal(60), "P (f)"),
    ("60", "Kurang", Decimal(50), "P (f)"),
    ("59", "Sangat Kurang", Decimal(49), "P (g)"),
    ("30", "Sangat Kurang", Decimal(1470) / 59, "P (g)"),
    ("0", "Sangat Kurang", Decimal(0), "P (g)"),
]


@pytest.mark.parametrize(("capaian", "label", "score", "source"), KNOWN)
def test_band_ends_and_known_values(capaian: str, label: str, score: Decimal, source: str) -> None:
    result = nilai_capaian(capaian)
    assert result.category.label == label
    assert FOUR.apply(result.value) == FOUR.apply(score)
    assert result.verified is (source != "S")


@pytest.mark.parametrize("capaian", ["59.5", "79.01", "99.99", "100.5", "100.0001"])
def test_gaps_between_the_printed_bands_raise(capaian: str) -> None:
    with pytest.raises(OutOfBandError, match="whole percentages"):
        nilai_capaian(capaian)


@pytest.mark.parametrize(
    ("capaian", "rounded", "score"),
    [
        ("59.5", 60, 50),
        ("59.49", 59, 49),
        ("99.5", 100, 109),
        ("100.5", 101, 110),
        ("79.5", 80, 70),
    ],
)
def test_whole_percent_rounding_is_half_up(capaian: str, rounded: int, score: int) -> None:
    result = nilai_capaian(capaian, rounding="whole_percent")
    assert (result.achievement, result.value) == (rounded, score)


def test_bad_arguments_name_field_and_rule() -> None:
    with pytest.raises(InvalidValueError, match="'achievement' must be >= 0: -1"):
        nilai_capaian(-1)
    with pytest.raises(InvalidValueError, match="'version' must be one of"):
        nilai_capaian(100, version="permenpanrb-6-2022")
    with pytest.raises(InvalidValueError, match="'rounding' must be one of"):
        nilai_capaian(100, rounding="half_up")
    with pytest.raises(InvalidTypeError, match="'maximal_target' must be True or False"):
        nilai_capaian(100, maximal_target="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="'upper' must be >= lower"):
        NilaiCapaianRule("X", 10, 5, 0, 1, "test")


def test_tables_are_checked_when_built() -> None:
    rules = list(TABLE.rules)
    with pytest.raises(InvalidValueError, match="'rules' must be sorted"):
        attrs.evolve(TABLE, rules=[rules[1], rules[0]])
    with pytest.raises(InvalidValueError, match="'rules' must not be empty"):
        attrs.evolve(TABLE, rules=[])
    with pytest.raises(InvalidTypeError, match="'rules\\[0\\]' must be a NilaiCapaianRule"):
        attrs.evolve(TABLE, rules=["Baik"])
    with pytest.raises(InvalidValueError, match="'version' must be one of"):
        attrs.evolve(TABLE, version="8/2021")


def test_table_metadata() -> None:
    assert TABLE.version is NilaiCapaianVersion.PERMENPANRB_8_2021
    assert TABLE.revoked_by == "PermenPANRB 6/2022"
    assert TABLE.verified is False  # the Sangat Baik row
    assert [rule.verified for rule in TABLE.rules] == [True, True, True, True, False, True]
    assert NILAI_CAPAIAN_CATEGORY_8_2021.verified is False
    assert nilai_capaian(100, version="permenpanrb-8-2021") == nilai_capaian(100)
    assert nilai_capaian(30).rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("24.92")


# --- properties -------------------------------------------------------------------------

capaian_values = decimals(2, 0, 300)


@given(capaian_values, capaian_values)
def test_property_monotone_after_whole_percent_rounding(first: Decimal, second: Decimal) -> None:
    low, high = sorted((first, second))
    assert (
        nilai_capaian(low, rounding="whole_percent").value
        <= nilai_capaian(high, rounding="whole_percent").value
    )


def _exact_or_none(value: Decimal) -> Decimal | None:
    try:
        return nilai_capaian(value).value
    except OutOfBandError:
        return None


@given(capaian_values, capaian_values)
def test_property_monotone_on_exact_capaian_outside_the_gaps(
    first: Decimal, second: Decimal
) -> None:
    low, high = sorted((first, second))
    scores = _exact_or_none(low), _exact_or_none(high)
    if None not in scores:
        assert scores[0] <= scores[1]  # type: ignore[operator]


@given(capaian_values, st.sampled_from(list(CapaianRounding)))
def test_property_score_in_0_120_and_category_matches_rule(
    value: Decimal, rounding: CapaianRounding
) -> None:
    try:
        result = nilai_capaian(value, rounding=rounding)
    except OutOfBandError:
        # Only the gaps raise, and only without rounding.
        assert rounding is CapaianRounding.EXACT
        assert value != value.to_integral_value()
        return
    assert 0 <= result.value <= 120
    assert result.rule is not None and result.rule.label == result.category.label


@given(decimals(0, 0, 300))
def test_property_whole_percent_capaian_never_fall_in_a_gap(value: Decimal) -> None:
    assert nilai_capaian(value).value == nilai_capaian(value, rounding="whole_percent").value
