"""Scaled-integer batch helpers agree with the Decimal path."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import InvalidValueError, Rounding, round_to
from sakip.exact_array import (
    InexactArrayError,
    divide_round,
    scaled_from_decimals,
    scaled_from_floats,
    scaled_to_decimals,
)
from sakip.numbers import divide
from tests.strategies import decimals


@given(
    st.lists(st.tuples(st.integers(-(10**12), 10**12), st.integers(-(10**6), 10**6)), min_size=1),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_divide_round_agrees_with_round_to(
    pairs: list[tuple[int, int]], places: int, rounding: Rounding
) -> None:
    pairs = [(n, d) for n, d in pairs if d != 0] or [(1, 3)]
    numerators = np.array([n for n, _ in pairs], dtype=np.int64)
    denominators = np.array([d for _, d in pairs], dtype=np.int64)
    got = scaled_to_decimals(divide_round(numerators, denominators, places, rounding), places)
    expected = [round_to(divide(n, d), places, rounding) for n, d in pairs]
    assert got == expected


@given(st.integers(-(10**8), 10**8), st.integers(1, 10**4), st.sampled_from(list(Rounding)))
def test_divide_round_on_exact_ties(half: int, denominator: int, rounding: Rounding) -> None:
    # n / (2d) with n odd multiple of d lands exactly on .5 at zero places.
    numerator = (2 * half + 1) * denominator
    got = divide_round([numerator], [2 * denominator], 0, rounding)
    assert scaled_to_decimals(got, 0) == [
        round_to(divide(numerator, 2 * denominator), 0, rounding)
    ]


def test_known_ties() -> None:
    # NKA (100,00 + 99,95) / 2 = 99,975 -> 99,98 half up (LKIP 2024 BAB III A sasaran 11).
    assert divide_round([19995], [200], 2, Rounding.HALF_UP).tolist() == [9998]
    assert divide_round([19995], [200], 2, Rounding.TRUNCATE).tolist() == [9997]
    assert divide_round([19995], [200], 2, Rounding.HALF_EVEN).tolist() == [9998]
    assert divide_round([-19995], [200], 2, Rounding.HALF_UP).tolist() == [-9998]


@given(st.lists(decimals(2, -(10**9), 10**9), min_size=1, max_size=50))
def test_scaled_from_floats_is_decimal_of_str(values: list[Decimal]) -> None:
    floats = np.array([np.float64(str(v)) for v in values])
    expected = scaled_from_decimals([Decimal(str(x)) for x in floats.tolist()], 2)
    assert scaled_from_floats(floats, 2).tolist() == expected.tolist()
    assert scaled_from_floats(floats, 2).tolist() == [int(v * 100) for v in values]


def test_scaled_from_floats_rejects_what_it_cannot_represent() -> None:
    with pytest.raises(InexactArrayError, match="at most 2 decimal places"):
        scaled_from_floats([1.005], 2)
    with pytest.raises(InexactArrayError, match="10\\*\\*15"):
        scaled_from_floats([1e14], 2)
    with pytest.raises(InvalidValueError, match="finite"):
        scaled_from_floats([np.nan], 2)
    with pytest.raises(InexactArrayError):
        scaled_from_decimals(["0.125"], 2)


def test_divide_round_rejects_zero_and_overflow() -> None:
    with pytest.raises(InvalidValueError, match="zero"):
        divide_round([1], [0], 2, Rounding.TRUNCATE)
    with pytest.raises(InexactArrayError, match="overflow"):
        divide_round([2**60], [1], 4, Rounding.TRUNCATE)


@given(
    st.lists(
        st.tuples(st.integers(0, 2**62 - 1), st.integers(2**62, 2**63 - 1)),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(list(Rounding)),
)
def test_divide_round_with_denominators_near_int64(
    pairs: list[tuple[int, int]], rounding: Rounding
) -> None:
    # The int64 route at its limits (numerators below 2**62, denominators above).
    pairs.append((2**62 - 1, 2**63 - 2))  # exactly one half
    numerators = np.array([n for n, _ in pairs], dtype=np.int64)
    denominators = np.array([d for _, d in pairs], dtype=np.int64)
    got = scaled_to_decimals(divide_round(numerators, denominators, 0, rounding), 0)
    assert got == [round_to(divide(n, d), 0, rounding) for n, d in pairs]


def test_unsigned_integers_beyond_int64_are_refused() -> None:
    # astype(int64) would wrap 2**64 - 1 to -1 without a word.
    with pytest.raises(InexactArrayError, match="'numerator' must fit in int64"):
        divide_round(np.array([2**64 - 1], dtype=np.uint64), [1], 0, Rounding.TRUNCATE)


def test_scaled_from_decimals_never_rounds_a_long_number() -> None:
    # 1,000...0001 with 70 decimals is not 1,00: it has more places than asked for.
    with pytest.raises(InexactArrayError, match="at most 2 decimal places"):
        scaled_from_decimals([Decimal("1." + "0" * 69 + "1")], 2)
    with pytest.raises(InvalidValueError, match="'places'"):
        scaled_from_decimals([1], -1)


# ---------------------------------------------------------------------------
# Issue 12: the array front door (failing-first tests).

from sakip.errors import InvalidTypeError  # noqa: E402
from sakip.exact_array import count_array, percent_array  # noqa: E402


def test_float32_is_scaled_from_the_value_typed() -> None:
    # np.float32(99.975) widened is 99.97499847...; the user typed 99.975.
    assert scaled_from_floats(np.array([99.975, 3.7], np.float32), 3).tolist() == [99975, 3700]
    assert scaled_from_floats(np.array([0.1], np.float16), 1).tolist() == [1]


def test_scaled_conversions_keep_the_shape_and_name_the_element() -> None:
    assert scaled_from_decimals(np.array([[Decimal("1.5")], [2]], dtype=object), 1).tolist() == [
        [15],
        [20],
    ]
    with pytest.raises(InvalidValueError, match=r"'values\[1\]' must be a finite number"):
        scaled_from_floats([1.0, float("inf")], 2)
    with pytest.raises(InvalidValueError, match=r"'values\[1\]' must be a finite"):
        scaled_from_decimals([Decimal(1), Decimal("NaN")], 2)


def test_masks_are_refused_never_dropped() -> None:
    masked = np.ma.array([1, 2], mask=[0, 1])
    for call in (
        lambda: divide_round(masked, [1, 1], 2, Rounding.HALF_UP),
        lambda: count_array(masked),
        lambda: scaled_from_floats(np.ma.array([1.0, 2.0], mask=[0, 1]), 2),
        lambda: scaled_from_decimals(masked, 2),
        lambda: percent_array(masked, [3, 3], 2, Rounding.HALF_UP),
    ):
        with pytest.raises(InvalidValueError, match="masked"):
            call()


def test_shapes_and_enums_are_sakip_errors() -> None:
    with pytest.raises(InvalidValueError, match="broadcast"):
        divide_round([1, 2], [1, 2, 3], 2, Rounding.HALF_UP)
    with pytest.raises(InvalidValueError, match="broadcast"):
        percent_array([1, 2], [3, 3, 3], 2, Rounding.HALF_UP)
    assert divide_round([1], [3], 2, "half_up").tolist() == [33]  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="rounding"):
        divide_round([1], [3], 2, "HALF_UP")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        count_array([1.0])


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.uint8, np.uint32, np.uint64])
def test_divide_round_takes_every_integer_width(dtype: type[np.integer]) -> None:
    info = np.iinfo(dtype)
    top = min(info.max, 2**55)  # beyond int64 raises (next test)
    num = np.array([top, info.min, 1], dtype=dtype)
    den = np.array([3, 7, 2], dtype=dtype)
    expected = [
        int(round_to(divide(int(n), int(d)), 2, Rounding.HALF_EVEN).scaleb(2))
        for n, d in zip(num, den, strict=True)
    ]
    assert divide_round(num, den, 2, Rounding.HALF_EVEN).tolist() == expected


def test_divide_round_refuses_what_int64_cannot_hold() -> None:
    with pytest.raises(InexactArrayError):
        divide_round(np.array([1], np.int64), np.array([-(2**63)], np.int64), 0, Rounding.HALF_UP)
    with pytest.raises(InexactArrayError):
        divide_round([2**64], [1], 0, Rounding.HALF_UP)
    with pytest.raises(InexactArrayError):
        divide_round(np.array([2**64 - 1], np.uint64), [1], 0, Rounding.HALF_UP)


def test_huge_floats_are_refused_without_an_overflow_warning() -> None:
    # Found by the long oracle profile: float64 max x 10 overflowed in numpy.
    with pytest.raises(InexactArrayError, match="10\\*\\*15"):
        scaled_from_floats([np.finfo(np.float64).max], 1)
    with pytest.raises(InexactArrayError, match="10\\*\\*15"):
        scaled_from_floats(np.array([np.finfo(np.float32).max], np.float32), 4)
