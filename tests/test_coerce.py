"""The coercion front door: same input, same answer (or the same SakipError) everywhere."""

from __future__ import annotations

import enum
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import ScoreBatch
from sakip.coerce import (
    INT64_MAX,
    at,
    broadcast,
    float_values,
    same_shape,
    to_array,
    to_bool,
    to_bounded,
    to_enum,
    to_integers,
    to_positive_int,
    to_sequence,
    to_text,
)
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.exact_array import InexactArrayError
from sakip.numbers import NumberStyle, Rounding, RoundingPolicy
from sakip.schemes import CAPAIAN_LKIP


class Colour(enum.Enum):
    RED = "red"
    ONE = 1


def test_to_enum_takes_the_member_or_its_value_only() -> None:
    assert to_enum(Colour.RED, Colour, field="c") is Colour.RED
    assert to_enum("red", Colour, field="c") is Colour.RED
    assert to_enum(1, Colour, field="c") is Colour.ONE
    for bad in ("RED", "Red", True, 1.0, Decimal(1), None, Rounding.TRUNCATE, NumberStyle.PLAIN):
        with pytest.raises(InvalidValueError, match="must be one of"):
            to_enum(bad, Colour, field="c")


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.binary()))
def test_to_bool_refuses_everything_but_a_bool(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        to_bool(value, field="flag")


def test_to_bool_takes_bools() -> None:
    assert to_bool(True, field="f") is True
    assert to_bool(np.bool_(False), field="f") is False


def test_sequences_never_walk_a_string() -> None:
    for bad in ("1234", b"12", {"a": 1}, 5, np.array(5)):
        with pytest.raises(InvalidTypeError):
            to_sequence(bad, field="q")
    assert to_sequence(np.array([1, 2]), field="q") == (1, 2)


def test_small_coercions() -> None:
    assert to_positive_int("3", field="n") == 3
    with pytest.raises(InvalidValueError):
        to_positive_int(0, field="n")
    assert to_bounded("60", field="x", low=0, high=60) == 60
    with pytest.raises(InvalidValueError, match=r"must be >= 0"):
        to_bounded(-1, field="x", low=0)
    with pytest.raises(InvalidTypeError):
        to_text(None, field="name")


def test_to_array_refuses_what_it_cannot_read() -> None:
    for bad, error in (
        ("1,2", InvalidTypeError),
        (np.array([True, False]), InvalidTypeError),
        (np.array([1 + 2j]), InvalidTypeError),
        (np.array(["1"]), InvalidTypeError),
        ([[1, 2], [3]], InvalidValueError),
    ):
        with pytest.raises(error):
            to_array(bad, field="v")
    with pytest.raises(InvalidValueError, match=r"'v' must have 2 dimension"):
        to_array([1, 2], field="v", ndim=2)


def test_to_array_names_the_non_finite_element() -> None:
    with pytest.raises(InvalidValueError, match=r"'v\[1, 0\]' must be a finite number: inf"):
        to_array(np.array([[1.0, 2.0], [np.inf, 0.0]]), field="v")
    # Under a mask a NaN is no one's business ...
    masked = to_array(np.ma.array([np.nan, 1.0], mask=[1, 0]), field="v", allow_mask=True)
    assert isinstance(masked, np.ma.MaskedArray) and masked.mask.tolist() == [True, False]
    # ... but a masked array is refused where masks are not honoured.
    with pytest.raises(InvalidValueError, match="masked"):
        to_array(np.ma.array([np.nan, 1.0], mask=[1, 0]), field="v")
    # A mask with nothing masked is just an array.
    plain = to_array(np.ma.array([1.0, 2.0], mask=[0, 0]), field="v")
    assert not isinstance(plain, np.ma.MaskedArray)


def test_mixed_sequences_keep_each_item_exact() -> None:
    array = to_array([Decimal("0.1"), 2], field="v")
    assert array.dtype == object and array[0] == Decimal("0.1")


def test_to_integers_never_wraps() -> None:
    assert to_integers(np.array([-128], np.int8), field="n").dtype == np.int64
    assert to_integers(np.array([2**63], np.uint64), field="n").tolist() == [2**63]
    assert to_integers(np.array([-(2**63)], np.int64), field="n").tolist() == [-(2**63)]
    assert to_integers(np.array([-(2**63)], np.int64), field="n").dtype == object
    assert to_integers([INT64_MAX], field="n").dtype == np.int64
    with pytest.raises(InvalidTypeError, match=r"'n\[1\]' must be an integer"):
        to_integers(np.array([1, 2.0], dtype=object), field="n")
    with pytest.raises(InvalidTypeError):
        to_integers(np.array([1.0]), field="n")


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1))
def test_float_values_are_the_numbers_the_float32_elements_write(values: list[float]) -> None:
    array = np.array(values, dtype=np.float32)
    wide = float_values(array)
    for got, item in zip(wide, array, strict=True):
        assert Decimal(repr(float(got))) == Decimal(str(item))


def test_shapes_give_sakip_errors() -> None:
    assert at("v", 5, (2, 3)) == "v[1, 2]"
    with pytest.raises(InvalidValueError, match="'b' must broadcast with 'a'"):
        broadcast(a=np.zeros((2, 3)), b=np.zeros(4))
    with pytest.raises(InvalidValueError, match="'b' must have the shape of 'a'"):
        same_shape(a=np.zeros(3), b=np.zeros((3, 1)))


POLICY = RoundingPolicy(2, Rounding.TRUNCATE)


def test_score_batch_is_frozen_hashable_and_refuses_silent_conversions() -> None:
    batch = ScoreBatch(scaled=[10277], policy=POLICY, positions=[4], scheme=CAPAIAN_LKIP)
    assert hash(batch) == hash(batch)
    assert not batch.scaled.flags.writeable and not batch.positions.flags.writeable  # type: ignore[union-attr]
    with pytest.raises(AttributeError):
        batch.scaled = np.array([1])  # type: ignore[misc]
    with pytest.raises(InvalidTypeError):
        ScoreBatch(scaled=[1.7], policy=POLICY)  # a float is never truncated
    with pytest.raises(InexactArrayError):
        ScoreBatch(scaled=np.array([2**64 - 1], np.uint64), policy=POLICY)
    with pytest.raises(InvalidTypeError):
        ScoreBatch(scaled=[1], policy=POLICY, mask=[0, 1])
    with pytest.raises(SakipError):
        ScoreBatch(scaled=[1], policy="2 truncate")  # type: ignore[arg-type]
    with pytest.raises(SakipError):
        ScoreBatch(scaled=[1], policy=POLICY, positions=[0], scheme="CAPAIAN_LKIP")  # type: ignore[arg-type]
