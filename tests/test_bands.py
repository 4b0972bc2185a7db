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


# ---------------------------------------------------------------------------
# Issue 12: no silent wrong number in the array paths (failing-first tests).

from sakip.errors import InvalidTypeError, SakipError  # noqa: E402
from sakip.schemes import (  # noqa: E402
    CAPAIAN_LKIP,
    DEKTARI_2024,
    IKM_MUTU_CONVERTED,
    KPKK_LIKERT_4,
)


def test_float32_is_read_as_the_value_typed() -> None:
    # PermenPANRB 14/2017: 88,31 is the lower bound of mutu A (Sangat Baik).
    assert IKM_MUTU_CONVERTED.classify(np.float32(88.31)).label == "Sangat Baik"
    assert IKM_MUTU_CONVERTED.classify_array(np.array([88.31], np.float32)).tolist() == [3]
    # float16 holds 88.3125, written 88.3: Baik on both paths.
    half = np.float16(88.31)
    assert (
        IKM_MUTU_CONVERTED.classify_array(np.array([half])).tolist()
        == [IKM_MUTU_CONVERTED.index(half)]
        == [2]
    )
    # LKIP 2024 BAB III A sasaran 1: 53,51 lies in the Dektari gap, as in the scalar path.
    with pytest.raises(OutOfBandError, match="gap"):
        DEKTARI_2024.classify_array(np.array([53.51], np.float32))


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.uint8, np.uint16, np.uint64])
def test_scaled_array_keys_never_wrap_in_the_input_dtype(dtype: type[np.integer]) -> None:
    info = np.iinfo(dtype)
    values = np.array([info.min, info.max, 0], dtype=dtype)
    expected = [CAPAIAN_LKIP.index(Decimal(int(v)).scaleb(-2)) for v in values]
    assert CAPAIAN_LKIP.classify_scaled_array(values, 2).tolist() == expected
    # 228,57 % (LKIP 2024 BAB III A) is Memuaskan whatever the integer width.
    assert CAPAIAN_LKIP.classify_scaled_array(np.array([22857], np.int16), 2).tolist() == [4]


def test_scaled_array_beyond_int64_keys_is_exact() -> None:
    values = np.array([2**63 - 1, -(2**63)], dtype=np.int64)
    assert CAPAIAN_LKIP.classify_scaled_array(values, 2).tolist() == [4, 0]
    with pytest.raises(InvalidValueError, match="residual"):
        CAPAIAN_LKIP.classify_scaled_array([100], 2, residual=[2])


def test_ratio_array_never_wraps() -> None:
    assert CAPAIAN_LKIP.classify_ratio_array(np.array([-128], np.int8), np.int8(-1)).tolist() == [
        4
    ]
    assert CAPAIAN_LKIP.classify_ratio_array(
        np.array([2**64 - 1], np.uint64), np.array([1], np.uint64)
    ).tolist() == [4]
    assert CAPAIAN_LKIP.classify_ratio_array(
        np.array([-(2**63)], np.int64), np.array([-1], np.int64)
    ).tolist() == [4]


def test_masks_are_honoured_never_dropped() -> None:
    result = CAPAIAN_LKIP.classify_array(np.ma.array([50.0, 1e9], mask=[0, 1]))
    assert isinstance(result, np.ma.MaskedArray)
    assert result.mask.tolist() == [False, True] and result[0] == 0
    assert result.data[1] == -1  # never a band position
    # A masked NaN or a masked zero denominator is not looked at.
    nan = CAPAIAN_LKIP.classify_array(np.ma.array([np.nan, 70.0], mask=[1, 0]))
    assert nan.tolist() == [None, 2]
    ratio = KPKK_LIKERT_4.classify_ratio_array(np.ma.array([60, 5], mask=[0, 1]), [15, 0])
    assert ratio.tolist() == [3, None]
    scaled = CAPAIAN_LKIP.classify_scaled_array(np.ma.array([9999, 1], mask=[0, 1]), 2)
    assert scaled.tolist() == [3, None]


def test_nan_is_refused_with_its_position() -> None:
    with pytest.raises(InvalidValueError, match=r"'values\[1\]' must be a finite number"):
        CAPAIAN_LKIP.classify_array([1.0, float("nan")])


def test_shape_mismatch_is_a_sakip_error() -> None:
    with pytest.raises(InvalidValueError, match="broadcast"):
        CAPAIAN_LKIP.classify_ratio_array([1, 2], [1, 2, 3])
    with pytest.raises(InvalidValueError, match="broadcast"):
        CAPAIAN_LKIP.classify_scaled_array([1, 2], 2, residual=[0, 0, 0])


def test_more_than_32_bands_classify_in_every_array_path() -> None:
    # np.choose stops at 32 (numpy 1) or 64 (numpy 2) choices; the ratio path must not.
    scheme = scheme_from_lower_bounds(
        "many", [(f"b{i}", i) for i in range(70)], source="test", top=70
    )
    assert scheme.classify_ratio_array([695, 5], [10, 1]).tolist() == [69, 5]
    assert scheme.classify_scaled_array([6950], 2).tolist() == [69]
    assert scheme.classify_array([69.5]).tolist() == [69]


def test_bool_fields_take_a_bool_only() -> None:
    with pytest.raises(InvalidTypeError, match="upper_closed"):
        Band("Baik", 70, 85, upper_closed="no")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="verified"):
        BandScheme("x", [Band("a", 0, 1)], source="test", verified="no")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="must be one of"):
        DEKTARI_2024.with_gap_policy("lenient")  # type: ignore[arg-type]
    assert DEKTARI_2024.with_gap_policy("nearest_lower").classify("53.51").label == "Tinggi"  # type: ignore[arg-type]


def test_bound_digit_check_ignores_the_callers_context() -> None:
    import decimal

    with decimal.localcontext() as context:
        context.prec = 5
        with pytest.raises(SchemeError, match="15 significant digits"):
            Band("x", "1.2345678901234567", 2)


def test_schemes_are_frozen_and_hashable() -> None:
    assert hash(CAPAIAN_LKIP) == hash(CAPAIAN_LKIP)
    assert not CAPAIAN_LKIP._float_lowers.flags.writeable
    with pytest.raises(SakipError):
        from sakip.bands import as_scheme

        as_scheme("CAPAIAN_LKIP")


def test_messages_show_exact_values_in_any_context() -> None:
    import decimal

    from sakip.coerce import to_bounded

    with decimal.localcontext() as context:
        context.prec = 3
        with pytest.raises(OutOfBandError, match=r": 123456\.789$"):
            KPKK_LIKERT_4.classify_ratio_array([123456789], [1000])
        with pytest.raises(OutOfBandError, match=r": 123456\.789$"):
            KPKK_LIKERT_4.classify_array(np.array([Decimal("123456.789")], dtype=object))
        with pytest.raises(InvalidValueError, match=r": 123456\.789$"):
            to_bounded("123456.789", field="x", high=1)


def test_scheme_from_lower_bounds_checks_its_flag() -> None:
    with pytest.raises(InvalidTypeError, match="top_closed"):
        scheme_from_lower_bounds("x", [("a", 0), ("b", 1)], source="t", top=2, top_closed="no")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="bounds"):
        scheme_from_lower_bounds("x", "ab", source="t")  # type: ignore[arg-type]
