"""Tests of sakip.instruments.nka (Nilai Kinerja Anggaran)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.exact_array import InexactArrayError
from sakip.instruments.nka import NKA_WEIGHTS, NkaWeights, capaian, score, score_batch
from sakip.numbers import Rounding, round_to

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
    assert result.category == "Sangat Baik"


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
    assert result.capaian == Decimal("116.25")
    assert result.meets_target is True


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
    assert score(planning=value, execution=value).category == label


def test_weights_are_data() -> None:
    assert (NKA_WEIGHTS.planning, NKA_WEIGHTS.execution) == (Decimal("0.5"), Decimal("0.5"))
    assert NKA_WEIGHTS.verified is False
    custom = NkaWeights(planning="0.4", execution="0.6", source="test")
    assert score(planning=100, execution=90, weights=custom).value == Decimal("94.0")
    with pytest.raises(InvalidValueError, match="sum to 1"):
        NkaWeights(planning="0.5", execution="0.6", source="test")
    with pytest.raises(InvalidValueError, match=">= 0"):
        NkaWeights(planning="-0.5", execution="1.5", source="test")


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
    # The batch path cannot hold 31 decimals in int64: it says so (no OverflowError and
    # no silently truncated weight).
    with pytest.raises(InexactArrayError, match="weights"):
        score_batch(planning=[100.0], execution=[50.0], weights=weights, rounding=Rounding.HALF_UP)


def test_scheme_must_be_a_scheme() -> None:
    with pytest.raises(InvalidTypeError, match="scheme"):
        score(planning=100, execution=100, scheme="NKA")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="scheme"):
        score_batch(planning=[100.0], execution=[100.0], rounding=Rounding.HALF_UP, scheme=None)  # type: ignore[arg-type]


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


def test_capaian_rejects_bad_targets() -> None:
    with pytest.raises(InvalidValueError):
        capaian(value=99, target=0)
    with pytest.raises(InvalidValueError):
        capaian(value=-1, target=86)


def test_batch_reproduces_the_report() -> None:
    batch = score_batch(
        planning=[100.0, 100.0], execution=[99.95, 99.90], rounding=Rounding.HALF_UP
    )
    assert batch.values() == [Decimal("99.98"), Decimal("99.95")]
    assert batch.labels() == ["Sangat Baik", "Sangat Baik"]


def test_batch_rejects_bad_input() -> None:
    with pytest.raises(InexactArrayError):
        score_batch(planning=[100.0], execution=[99.955], rounding=Rounding.HALF_UP)
    with pytest.raises(InvalidValueError, match="shape"):
        score_batch(planning=[100.0, 1.0], execution=[99.9], rounding=Rounding.HALF_UP)
    with pytest.raises(InvalidValueError, match="between"):
        score_batch(planning=[130.0], execution=[99.9], rounding=Rounding.HALF_UP)
    with pytest.raises(InvalidTypeError):
        score_batch(planning=[True], execution=[99.9], rounding=Rounding.HALF_UP)


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


@given(
    st.lists(st.tuples(component, component), min_size=1, max_size=10),
    st.sampled_from(list(Rounding)),
    st.integers(0, 3),
)
def test_batch_agrees_with_scalar(
    pairs: list[tuple[Decimal, Decimal]], rounding: Rounding, places: int
) -> None:
    batch = score_batch(
        planning=[float(p) for p, _ in pairs],
        execution=[float(e) for _, e in pairs],
        rounding=rounding,
        places=places,
    )
    scalars = [score(planning=p, execution=e) for p, e in pairs]
    assert batch.values() == [round_to(s.value, places, rounding) for s in scalars]
    assert batch.labels() == [s.category for s in scalars]


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
