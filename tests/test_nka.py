"""Tests of sakip.instruments.nka (Nilai Kinerja Anggaran)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.bands import Band
from sakip.batch import score_each
from sakip.capaian import achievement
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.instruments import nka
from sakip.instruments.nka import NKA_WEIGHTS, NkaResult, NkaWeights, score
from sakip.numbers import Rounding, RoundingPolicy, round_to
from sakip.schemes import NKA_CATEGORY


def capaian(*, value: object, target: object) -> Decimal:
    """The capaian of an NKA: sakip.capaian.achievement (nka.capaian was folded into it)."""
    return achievement(target=target, realization=value)  # type: ignore[arg-type]


# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 11 (SMART screens):
# NK Perencanaan, NK Pelaksanaan, printed Nilai Kinerja Anggaran.
SMART = [
    ("BNNP Kalimantan Tengah", "100.00", "99.95", "99.98"),
    ("BNNK Kotawaringin Barat", "100.00", "99.90", "99.95"),
]


@pytest.mark.parametrize(("unit", "planning", "execution", "printed"), SMART)
def test_report_nka(unit: str, planning: str, execution: str, printed: str) -> None:
    result = score(planning=planning, execution=execution)
    # SMART rounds half up: the exact tie 99,975 prints 99,98.
    assert round_to(result.value, 2, Rounding.HALF_UP) == Decimal(printed)
    assert result.category.label == "Sangat Baik"


def test_the_tie_stays_exact() -> None:
    # (100,00 + 99,95) / 2 = 99,975 exactly; truncation would print 99,97 (as floats do).
    result = score(planning="100.00", execution="99.95")
    assert result.value == Decimal("99.975")
    assert round_to(result.value, 2, Rounding.TRUNCATE) == Decimal("99.97")


# BAB III A sasaran 11: "SATKER / Target 2024 / Realisasi 2024 / Persentase" and the
# province's indicator 14 (target 86, realisasi 99,98, 116,25 %). Capaian truncates.
CAPAIAN = [
    ("BNNP Kalimantan Tengah", "99.98", 86, "116.25"),
    ("BNNK Palangka Raya", "99", 85, "116.47"),
    # Printed 115,69: a misprint; 99,95 / 86 x 100 = 116,2209...
    ("BNNK Kotawaringin Barat", "99.95", 86, "116.22"),
]


@pytest.mark.parametrize(("unit", "value", "target", "expected"), CAPAIAN)
def test_capaian_against_targets(unit: str, value: str, target: int, expected: str) -> None:
    assert round_to(capaian(value=value, target=target), 2, Rounding.TRUNCATE) == Decimal(expected)
    # Every unit reaches its target (the report: "kedua BNNK berhasil mencapai target NKA").
    assert capaian(value=value, target=target) >= 100


def test_kotawaringin_barat_misprint() -> None:
    # The report prints 115,69 % for 99,95 against 86; no rounding of 116,2209 gives it.
    exact = capaian(value="99.95", target=86)
    assert all(round_to(exact, 2, r) != Decimal("115.69") for r in Rounding)


def test_capaian_from_the_unrounded_nka() -> None:
    # 99,975 / 86 = 116,25 exactly, the same as from the printed 99,98 truncated.
    result = score(planning="100.00", execution="99.95", target=86)
    assert result.achievement == Decimal("116.25")
    assert result.meets_target is True


def test_achievement_is_the_shared_formula() -> None:
    # nka.capaian is gone: the NKA's capaian is sakip.capaian.achievement, higher is better.
    assert not hasattr(nka, "capaian")
    result = score(planning="100.00", execution="99.90", target=86)
    assert result.achievement == achievement(target=86, realization=result.value)
    # BAB III A sasaran 11: Kotawaringin Barat 99,95 against 86 is 116,22 % (printed 115,69).
    assert result.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("99.95")
    assert round_to(result.achievement, 2, Rounding.TRUNCATE) == Decimal("116.22")


@pytest.mark.parametrize(
    ("target", "meets"), [("99.975", True), ("99.976", False), (50, True), (None, None)]
)
def test_meets_target_compares_the_exact_value(target: object, meets: bool | None) -> None:
    result = score(planning="100.00", execution="99.95", target=target)  # type: ignore[arg-type]
    assert result.meets_target is meets


# BAB III A sasaran 11, point 4: NKA history (target, capaian, persentase), truncated.
HISTORY = [
    (2020, "88", "99.23", "112.76"),
    (2021, "99.5", "86.49", "86.92"),
    (2022, "88", "87.63", "99.57"),
    (2023, "88", "85.41", "97.05"),  # half up would print 97,06
    (2024, "86", "99.98", "116.25"),  # half up would print 116,26
]


@pytest.mark.parametrize(("year", "target", "value", "printed"), HISTORY)
def test_history_capaian(year: int, target: str, value: str, printed: str) -> None:
    assert round_to(capaian(value=value, target=target), 2, Rounding.TRUNCATE) == Decimal(printed)


@pytest.mark.parametrize(
    ("value", "label"),
    # PMK 107/2024 Pasal 251: > 90 sangat baik, > 80-90 baik, > 60-80 cukup, > 50-60 kurang.
    [("90", "Baik"), ("90.005", "Sangat Baik"), ("80", "Cukup"), ("60", "Kurang")],
)
def test_categories_on_the_exact_value(value: str, label: str) -> None:
    assert score(planning=value, execution=value).category.label == label


def test_category_is_a_band_of_the_scheme() -> None:
    # Failed before 0.1.0: the category was the label (a str).
    category = score(planning="100.00", execution="99.95").category
    assert isinstance(category, Band)
    assert category is NKA_CATEGORY.bands[-1]


def test_result_is_frozen_and_hashable() -> None:
    result = score(planning="100.00", execution="99.95", target=86)
    assert result == score(planning="100.00", execution="99.95", target=86)
    assert hash(result) == hash(score(planning="100.00", execution="99.95", target=86))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.value = Decimal(0)  # type: ignore[misc]


def test_rounded_takes_a_policy() -> None:
    result = score(planning="100.00", execution="99.95")
    assert result.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("99.98")
    assert result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)) == Decimal("99.97")
    with pytest.raises(InvalidTypeError, match="policy"):
        result.rounded(Rounding.HALF_UP)  # type: ignore[arg-type]


def test_weights_are_data() -> None:
    assert (NKA_WEIGHTS.planning, NKA_WEIGHTS.execution) == (Decimal("0.5"), Decimal("0.5"))
    assert NKA_WEIGHTS.verified is False
    custom = NkaWeights(planning="0.4", execution="0.6", source="test")
    assert score(planning=100, execution=90, weights=custom).value == Decimal("94.0")
    with pytest.raises(InvalidValueError, match="sum to 1"):
        NkaWeights(planning="0.5", execution="0.6", source="test")
    with pytest.raises(InvalidValueError, match=r"'weights.planning' must be >= 0"):
        NkaWeights(planning="-0.5", execution="1.5", source="test")
    # A flag is a bool only: "no" must not read as True.
    with pytest.raises(InvalidTypeError, match="verified"):
        NkaWeights(planning="0.5", execution="0.5", source="test", verified="no")  # type: ignore[arg-type]


def test_weights_are_checked_and_used_exactly() -> None:
    # 70 decimals: a 60-digit (or the ambient 28-digit) sum would round 1 - 10**-70 to 1.
    almost = "0." + "4" * 69 + "9"
    with pytest.raises(InvalidValueError, match="sum to 1"):
        NkaWeights(planning=almost, execution="0." + "5" * 70, source="test")
    # 31 decimals, summing to 1 exactly: the scalar value keeps every digit.
    planning = Decimal("0.1234567890123456789012345678901")
    execution = Decimal("0.8765432109876543210987654321099")
    weights = NkaWeights(planning=planning, execution=execution, source="test")
    value = score(planning=100, execution=50, weights=weights).value
    assert Fraction(value) == 50 + 50 * Fraction(planning)


def test_scheme_must_be_a_scheme() -> None:
    with pytest.raises(InvalidTypeError, match="scheme"):
        score(planning=100, execution=100, scheme="NKA")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"planning": -1, "execution": 99}, InvalidValueError),
        ({"planning": "120.01", "execution": 99}, InvalidValueError),
        ({"planning": None, "execution": 99}, InvalidTypeError),
        ({"planning": "99,5", "execution": 99}, InvalidValueError),
        ({"planning": 99, "execution": 99, "target": 0}, InvalidValueError),
        ({"planning": 99, "execution": 99, "weights": (0.5, 0.5)}, InvalidTypeError),
    ],
)
def test_bad_input_raises(kwargs: dict[str, object], error: type[SakipError]) -> None:
    with pytest.raises(error):
        score(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("target", "rule"), [(0, "must be > 0"), (-86, "must be >= 0")])
def test_bad_targets_raise_naming_the_target(target: int, rule: str) -> None:
    with pytest.raises(InvalidValueError, match=f"'target' {rule}"):
        score(planning=99, execution=99, target=target)


def test_components_name_the_field_and_the_bound() -> None:
    with pytest.raises(InvalidValueError, match=r"^'execution' must lie in \[0, 120\]: 120.01$"):
        score(planning=99, execution="120.01")


# --- many units: the shared generic loop ----------------------------------------------------


def test_score_batch_is_replaced_by_score_each() -> None:
    assert not hasattr(nka, "score_batch") and not hasattr(nka, "NkaBatchResult")
    batch = score_each(
        score,
        [
            {"planning": "100.00", "execution": "99.95"},
            {"planning": "100.00", "execution": "99.90"},
        ],
        policy=RoundingPolicy(2, Rounding.HALF_UP),
        scheme=NKA_CATEGORY,
    )
    # BAB III A sasaran 11 (SMART): 99,98 and 99,95.
    assert batch.decimals() == [Decimal("99.98"), Decimal("99.95")]
    assert batch.labels() == ["Sangat Baik", "Sangat Baik"]


def test_score_each_names_the_bad_row() -> None:
    with pytest.raises(InvalidValueError, match=r"'rows\[1\].planning'"):
        score_each(
            score,
            [{"planning": 100, "execution": 100}, {"planning": 130, "execution": 100}],
            policy=RoundingPolicy(2, Rounding.HALF_UP),
            scheme=NKA_CATEGORY,
        )


component = st.integers(0, 12000).map(lambda n: Decimal(n).scaleb(-2))


@given(component, component)
def test_value_lies_between_the_components(planning: Decimal, execution: Decimal) -> None:
    value = score(planning=planning, execution=execution).value
    assert min(planning, execution) <= value <= max(planning, execution)


@given(component, component)
def test_equal_weights_are_symmetric(planning: Decimal, execution: Decimal) -> None:
    assert (
        score(planning=planning, execution=execution).value
        == score(planning=execution, execution=planning).value
    )


@given(component, component, component)
def test_monotone_in_execution(planning: Decimal, low: Decimal, high: Decimal) -> None:
    low, high = min(low, high), max(low, high)
    assert (
        score(planning=planning, execution=low).value
        <= score(planning=planning, execution=high).value
    )


@given(component, component, component.filter(lambda t: t > 0))
def test_achievement_and_meets_target_agree(
    planning: Decimal, execution: Decimal, target: Decimal
) -> None:
    result = score(planning=planning, execution=execution, target=target)
    assert isinstance(result, NkaResult)
    assert result.achievement is not None
    assert result.meets_target == (result.achievement >= 100)


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.floats().filter(lambda f: not (0 <= f <= 120)),
        st.decimals(allow_nan=True).filter(lambda d: not d.is_finite() or not 0 <= d <= 120),
        st.text(alphabet="abc,;- ", max_size=5),
    )
)
def test_bad_components_always_raise(bad: object) -> None:
    with pytest.raises(SakipError):
        score(planning=bad, execution=99)
