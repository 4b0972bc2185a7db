"""Band schemes: validation, scalar and array classification."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip import Band, BandScheme, InvalidValueError
from sakip.bands import GapPolicy, scheme_from_lower_bounds
from sakip.errors import OutOfBandError, SchemeError
from sakip.numbers import divide
from tests.strategies import band_schemes, decimals


def _probe_values(scheme: BandScheme) -> list[Decimal]:
    """Every bound, and values just around it."""
    values = []
    for band in scheme.bands:
        for bound in (band.lower, band.upper):
            if bound is not None:
                values += [bound, bound - Decimal("0.00001"), bound + Decimal("0.00001")]
    return values


def _index_or_none(scheme: BandScheme, value: Decimal) -> int | None:
    try:
        return scheme.index(value)
    except OutOfBandError:
        return None


# --- validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([], "at least one band"),
        ([Band("A", 0, 10), Band("A", 10, 20)], "repeat a label"),
        ([Band("A", 10, 20), Band("B", 0, 10)], "sorted|overlap"),
        ([Band("A", 0, 10, upper_closed=True), Band("B", 10, 20)], "overlap"),
        ([Band("A", 0, 15), Band("B", 10, 20)], "overlap"),
        ([Band("A", 0, 10), Band("B", 11, 20)], "gap"),
        ([Band("A", 0, 10), Band("B", 10, 20, lower_closed=False)], "gap"),
        ([Band("A", 0, None), Band("B", 10, 20)], "unbounded"),
    ],
)
def test_invalid_schemes_are_rejected(bands: list[Band], message: str) -> None:
    with pytest.raises(SchemeError, match=message):
        BandScheme("bad", bands, source="test")


def test_invalid_bands_are_rejected() -> None:
    with pytest.raises(SchemeError, match="lower < upper"):
        Band("A", 10, 10)
    with pytest.raises(SchemeError, match="15 significant digits"):
        Band("A", "0.1234567890123456", 1)


@given(band_schemes(), st.data())
def test_shuffled_bands_are_rejected(scheme: BandScheme, data: st.DataObject) -> None:
    assume(len(scheme.bands) > 1)
    order = data.draw(st.permutations(range(len(scheme.bands))))
    assume(list(order) != sorted(order))
    with pytest.raises(SchemeError):
        BandScheme("shuffled", [scheme.bands[i] for i in order], source="test")


@given(band_schemes())
def test_gap_without_policy_is_rejected(scheme: BandScheme) -> None:
    assume(scheme.gaps)
    with pytest.raises(SchemeError, match="gap"):
        BandScheme("no policy", scheme.bands, source="test")


# --- scalar classification ----------------------------------------------------------


@given(band_schemes(allow_gaps=False), st.data())
def test_classification_is_total_on_a_contiguous_scheme(
    scheme: BandScheme, data: st.DataObject
) -> None:
    first, last = scheme.bands[0], scheme.bands[-1]
    low = first.lower if first.lower is not None else Decimal(-(10**7))
    high = last.upper if last.upper is not None else Decimal(10**7)
    value = data.draw(st.decimals(low, high, places=5))
    assume(first.above_lower(value) and last.below_upper(value))
    band = scheme.classify(value)
    assert band.contains(value)
    assert sum(b.contains(value) for b in scheme.bands) == 1


@given(band_schemes(), decimals(4, -(10**3), 10**3), decimals(4, -(10**3), 10**3))
def test_classification_is_monotone(scheme: BandScheme, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a * 1000, b * 1000))
    index_low, index_high = _index_or_none(scheme, low), _index_or_none(scheme, high)
    if index_low is not None and index_high is not None:
        assert index_low <= index_high


@given(band_schemes())
def test_gap_policy_is_applied(scheme: BandScheme) -> None:
    for value in _probe_values(scheme):
        containing = [i for i, band in enumerate(scheme.bands) if band.contains(value)]
        inside_range = scheme.bands[0].above_lower(value) and scheme.bands[-1].below_upper(value)
        if containing:
            assert scheme.index(value) == containing[0]
        elif not inside_range or scheme.gap_policy is GapPolicy.RAISE:
            with pytest.raises(OutOfBandError):
                scheme.index(value)
        else:
            below = max(i for i, band in enumerate(scheme.bands) if not band.below_upper(value))
            assert scheme.index(value) == below


def test_scheme_from_lower_bounds() -> None:
    scheme = scheme_from_lower_bounds(
        "demo", [("Kurang", None), ("Baik", 70)], source="test", top=100
    )
    assert [b.interval for b in scheme.bands] == ["(-inf, 70)", "[70, 100]"]
    assert scheme.classify(100).label == "Baik"
    with pytest.raises(OutOfBandError, match="no band above"):
        scheme.classify("100.01")


# --- array classification -----------------------------------------------------------


@given(band_schemes(), st.lists(decimals(4, -(10**3), 10**3), max_size=30))
def test_float_array_agrees_with_scalar_path(scheme: BandScheme, values: list[Decimal]) -> None:
    candidates = [v * 1000 for v in values] + _probe_values(scheme)
    floats = np.array([np.float64(str(v)) for v in candidates])
    expected = [_index_or_none(scheme, Decimal(str(x))) for x in floats.tolist()]
    if None in expected:
        with pytest.raises(OutOfBandError):
            scheme.classify_array(floats)
        keep = [e is not None for e in expected]
        floats = floats[keep]
        expected = [e for e in expected if e is not None]
    assert scheme.classify_array(floats).tolist() == expected


@given(band_schemes(), st.lists(st.tuples(st.integers(-(10**9), 10**9), st.integers(1, 10**4))))
def test_ratio_array_agrees_with_scalar_path(
    scheme: BandScheme, pairs: list[tuple[int, int]]
) -> None:
    # Add exact hits on every bound, the ties a float path gets wrong.
    for value in _probe_values(scheme):
        numerator, denominator = value.as_integer_ratio()
        if abs(numerator) < 10**12:
            pairs.append((numerator, denominator))
    expected = [_index_or_none(scheme, divide(n, d)) for n, d in pairs]
    kept = [(p, e) for p, e in zip(pairs, expected, strict=True) if e is not None]
    if len(kept) < len(pairs):
        with pytest.raises(OutOfBandError):
            scheme.classify_ratio_array([n for n, _ in pairs], [d for _, d in pairs])
    numerators = np.array([n for (n, _), _ in kept], dtype=np.int64)
    denominators = np.array([d for (_, d), _ in kept], dtype=np.int64)
    assert scheme.classify_ratio_array(numerators, denominators).tolist() == [e for _, e in kept]


def test_object_arrays_use_the_scalar_path() -> None:
    scheme = scheme_from_lower_bounds("demo", [("Low", None), ("High", "0.3")], source="test")
    values = np.array([Decimal("0.3"), Decimal("0.29999999999999999999")], dtype=object)
    assert scheme.classify_array(values).tolist() == [1, 0]


def test_float_array_rejects_nan() -> None:
    scheme = scheme_from_lower_bounds("demo", [("Low", None), ("High", 1)], source="test")
    with pytest.raises(InvalidValueError, match="finite"):
        scheme.classify_array([0.5, np.nan])


def test_ratio_array_rejects_zero_denominator() -> None:
    scheme = scheme_from_lower_bounds("demo", [("Low", None), ("High", 1)], source="test")
    with pytest.raises(InvalidValueError, match="zero"):
        scheme.classify_ratio_array([1, 2], [1, 0])


def test_point_one_plus_point_two_is_not_point_three() -> None:
    # 0.1 + 0.2 is the float 0.30000000000000004: above a bound of 0.3 in both paths,
    # and a bound with more than 15 significant digits is refused.
    scheme = scheme_from_lower_bounds("demo", [("Low", None), ("High", "0.3")], source="test")
    assert scheme.index(Decimal(str(0.1 + 0.2))) == 1
    assert scheme.classify_array([0.1 + 0.2, 0.3]).tolist() == [1, 1]
    with pytest.raises(SchemeError, match="15 significant digits"):
        scheme_from_lower_bounds(
            "demo", [("Low", None), ("High", "0.30000000000000004")], source="test"
        )
