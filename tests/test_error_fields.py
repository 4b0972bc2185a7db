"""Every error names its field, its rule and the offending value.

The promise of :class:`sakip.SakipError` (``err.field``, ``err.rule``,
``err.value``) checked raise site by raise site. These tests were written
to kill the mutants that survived ``python tools/mutation.py`` (see
docs/performance.md, "Mutation testing"): a mutated field name, rule text or
value in a message is a broken promise that no other test noticed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from sakip import (
    InvalidTypeError,
    InvalidValueError,
    Polarity,
    Rounding,
    RoundingPolicy,
    SakipError,
    achievement,
    classify_achievement,
)
from sakip.capaian import AchievementArray, ClassifyOn, achievement_array
from sakip.errors import NumberFormatError
from sakip.numbers import (
    RoundingPolicy as Policy,
)
from sakip.numbers import (
    check_places,
    divide,
    exact_sum,
    format_number,
    parse_number,
    percent,
    round_to,
    to_count,
    to_decimal,
    to_percentage,
)

TRUNCATE_2 = RoundingPolicy(2, Rounding.TRUNCATE)

# (call, error class, field, rule, value)
Case = tuple[Callable[[], Any], type[SakipError], str, str, Any]

CAPAIAN_CASES: dict[str, Case] = {
    "negative cap": (
        lambda: achievement(target=1, realization=1, cap=-1),
        InvalidValueError,
        "cap",
        "must be >= 0",
        Decimal(-1),
    ),
    "higher-is-better target 0": (
        lambda: achievement(target=0, realization=5),
        InvalidValueError,
        "target",
        "must be > 0 for a higher-is-better indicator",
        Decimal(0),
    ),
    "PermenPANRB target 0": (
        lambda: achievement(target="0.00", realization=1, polarity=Polarity.LOWER_IS_BETTER),
        InvalidValueError,
        "target",
        "must be > 0 when the realization is above it (lower-is-better, (2T - R) / T; see zero_target)",
        Decimal("0.00"),
    ),
    "inverse realization 0": (
        lambda: achievement(
            target=2, realization="0.0", polarity=Polarity.LOWER_IS_BETTER_INVERSE
        ),
        InvalidValueError,
        "realization",
        "must be > 0 for the target / realization formula (its capaian is infinite)",
        Decimal("0.0"),
    ),
    "classify a non-number": (
        lambda: classify_achievement("lots"),
        SakipError,
        "value",
        "must be a plain decimal numeral (use parse_number for '1.216,57' forms)",
        "lots",
    ),
    "displayed without a policy": (
        lambda: classify_achievement(50, on=ClassifyOn.DISPLAYED),
        InvalidValueError,
        "policy",
        "must be given to classify the displayed value",
        None,
    ),
    "classify with a policy that is not one": (
        lambda: classify_achievement(50, on=ClassifyOn.DISPLAYED, policy=2),  # type: ignore[arg-type]
        InvalidTypeError,
        "policy",
        "must be a RoundingPolicy",
        2,
    ),
    "batch with a policy that is not one": (
        lambda: achievement_array(target=[1], realization=[1], policy=2),  # type: ignore[arg-type]
        InvalidTypeError,
        "policy",
        "must be a RoundingPolicy",
        2,
    ),
    "batch shapes": (
        lambda: achievement_array(target=[1, 2], realization=[1, 2, 3], policy=TRUNCATE_2),
        InvalidValueError,
        "realization",
        "must have the shape of 'target' (2,)",
        (3,),
    ),
    "masked polarity": (
        lambda: achievement_array(
            target=[1, 2, 3],
            realization=[1, 2, 3],
            policy=TRUNCATE_2,
            polarity=np.ma.array([True, False, True], mask=[1, 0, 1]),
        ),
        InvalidValueError,
        "polarity",
        "must have no masked elements",
        2,
    ),
    "polarity of numbers": (
        lambda: achievement_array(
            target=[1, 2], realization=[1, 2], policy=TRUNCATE_2, polarity=np.array([1.0, 0.0])
        ),
        InvalidTypeError,
        "polarity",
        "must be a Polarity, its value, or an array of them (or of bools)",
        np.dtype(np.float64),
    ),
}

PLAIN = "must be a plain decimal numeral (use parse_number for '1.216,57' forms)"
NOT_A_NUMBER = "is not a number (split any unit off first)"
ROUNDINGS = "must be one of ['truncate', 'half_up', 'half_even']"

NUMBERS_CASES: dict[str, Case] = {
    "bool": (
        lambda: to_decimal(True, field="target"),
        InvalidTypeError,
        "target",
        "must be a number, not a bool",
        True,
    ),
    "list": (
        lambda: to_decimal([1], field="target"),
        InvalidTypeError,
        "target",
        "must be an int, str, Decimal or float",
        [1],
    ),
    "NaN": (
        lambda: to_decimal(Decimal("NaN"), field="target"),
        InvalidValueError,
        "target",
        "must be a finite number",
        Decimal("NaN"),
    ),
    "count not whole": (
        lambda: to_count("2.5", field="escapes"),
        InvalidValueError,
        "escapes",
        "must be a whole number",
        Decimal("2.5"),
    ),
    "negative count": (
        lambda: to_count(-3, field="escapes"),
        InvalidValueError,
        "escapes",
        "must be >= 0",
        Decimal(-3),
    ),
    "count default field": (
        lambda: to_count("x"),
        NumberFormatError,
        "value",
        PLAIN,
        "x",
    ),
    "percentage above 100": (
        lambda: to_percentage("100.01", field="empty"),
        InvalidValueError,
        "empty",
        "must lie in [0, 100]",
        Decimal("100.01"),
    ),
    "percentage below 0": (
        lambda: to_percentage(-1, field="empty"),
        InvalidValueError,
        "empty",
        "must lie in [0, 100]",
        Decimal(-1),
    ),
    "percentage default field": (
        lambda: to_percentage("x"),
        NumberFormatError,
        "value",
        PLAIN,
        "x",
    ),
    "divide by zero": (
        lambda: divide(1, "0.0", denominator_field="target"),
        InvalidValueError,
        "target",
        "must not be zero",
        Decimal("0.0"),
    ),
    "divide default field": (
        lambda: divide(1, 0),
        InvalidValueError,
        "denominator",
        "must not be zero",
        Decimal(0),
    ),
    "divide numerator": (
        lambda: divide("x", 1, numerator_field="realization"),
        NumberFormatError,
        "realization",
        PLAIN,
        "x",
    ),
    "divide default numerator": (
        lambda: divide("x", 1),
        NumberFormatError,
        "numerator",
        PLAIN,
        "x",
    ),
    "divide denominator": (
        lambda: divide(1, "y", denominator_field="target"),
        NumberFormatError,
        "target",
        PLAIN,
        "y",
    ),
    "divide default denominator": (
        lambda: divide(1, "y"),
        NumberFormatError,
        "denominator",
        PLAIN,
        "y",
    ),
    "percent of zero": (
        lambda: percent(1, "0.0", whole_field="target"),
        InvalidValueError,
        "target",
        "must not be zero",
        Decimal("0.0"),
    ),
    "percent default whole": (
        lambda: percent(1, 0),
        InvalidValueError,
        "whole",
        "must not be zero",
        Decimal(0),
    ),
    "percent part": (
        lambda: percent("1,5", 1, part_field="realization"),
        NumberFormatError,
        "realization",
        PLAIN,
        "1,5",
    ),
    "percent default part": (lambda: percent("1,5", 1), NumberFormatError, "part", PLAIN, "1,5"),
    "sum": (
        lambda: exact_sum(["1", "x"], field="budgets"),
        NumberFormatError,
        "budgets",
        PLAIN,
        "x",
    ),
    "sum default field": (lambda: exact_sum(["1", "x"]), NumberFormatError, "values", PLAIN, "x"),
    "negative places": (
        lambda: check_places(-1),
        InvalidValueError,
        "places",
        "must be an int >= 0",
        -1,
    ),
    "too many places": (
        lambda: check_places(10_000),
        InvalidValueError,
        "places",
        "must be <= 9999",
        10_000,
    ),
    "rounding name": (
        lambda: round_to(1, 2, "nearest"),  # type: ignore[arg-type]
        InvalidValueError,
        "rounding",
        ROUNDINGS,
        "nearest",
    ),
    "policy rounding name": (
        lambda: Policy(2, "x"),  # type: ignore[arg-type]
        InvalidValueError,
        "rounding",
        ROUNDINGS,
        "x",
    ),
    "places without rounding": (
        lambda: format_number(1, 2),
        InvalidValueError,
        "rounding",
        "must be given with places",
        None,
    ),
    "style name": (
        lambda: format_number(1, style="fancy"),  # type: ignore[arg-type]
        InvalidValueError,
        "style",
        "must be one of ['id', 'plain']",
        "fancy",
    ),
    "parse a non-str": (
        lambda: parse_number(5, field="budget"),  # type: ignore[arg-type]
        InvalidTypeError,
        "budget",
        "must be a str",
        5,
    ),
    "parse a unit": (
        lambda: parse_number("12 orang", field="budget"),
        NumberFormatError,
        "budget",
        NOT_A_NUMBER,
        "12 orang",
    ),
    "parse default field": (
        lambda: parse_number("12 orang"),
        NumberFormatError,
        "value",
        NOT_A_NUMBER,
        "12 orang",
    ),
    "parse mixed separators": (
        lambda: parse_number("1.2.3,4,5", field="budget"),
        NumberFormatError,
        "budget",
        "mixes its separators",
        "1.2.3,4,5",
    ),
    "decimal separator": (
        lambda: parse_number("12", decimal_separator=";"),
        InvalidValueError,
        "decimal_separator",
        "must be ',', '.' or None",
        ";",
    ),
    "printed figure": (
        lambda: Policy(2, "truncate").agrees(1, printed="1,0"),  # type: ignore[arg-type]
        NumberFormatError,
        "printed",
        PLAIN,
        "1,0",
    ),
}


def check(case: Case) -> None:
    call, error, field, rule, value = case
    with pytest.raises(error) as caught:
        call()
    err = caught.value
    assert (err.field, err.rule) == (field, rule)
    assert type(err.value) is type(value)
    assert repr(err.value) == repr(value)  # Decimal('NaN') is not equal to itself
    assert str(err).startswith(f"{field!r} {rule}: ")


@pytest.mark.parametrize("name", list(CAPAIAN_CASES))
def test_capaian_errors_name_field_rule_and_value(name: str) -> None:
    check(CAPAIAN_CASES[name])


@pytest.mark.parametrize("name", list(NUMBERS_CASES))
def test_numbers_errors_name_field_rule_and_value(name: str) -> None:
    check(NUMBERS_CASES[name])


# --- AchievementArray built directly: the attrs converters ---------------------------------


def test_achievement_array_fields_are_private_read_only_copies_of_their_dtype() -> None:
    scaled = np.array([[5000.0], [10000.0]])
    status = np.array([[-1], [0]])
    residual = np.array([[0], [1]])
    result = AchievementArray(
        scaled=scaled,
        policy=TRUNCATE_2,
        status=status,
        numerator=[[50], [100]],
        denominator=[[1], [1]],
        residual=residual,
    )
    assert result.scaled.dtype == np.int64 and result.status.dtype == np.int8
    assert result.residual is not None and result.residual.dtype == np.int8
    for array in (result.scaled, result.status, result.residual):
        assert not array.flags.writeable
    scaled[0, 0] = 0
    status[0, 0] = 1
    residual[0, 0] = -1
    assert result.scaled.tolist() == [[5000], [10000]]
    assert result.status.tolist() == [[-1], [0]]
    assert result.residual.tolist() == [[0], [1]]
    assert (
        AchievementArray(
            scaled=[1], policy=TRUNCATE_2, status=[0], numerator=[1], denominator=[1]
        ).residual
        is None
    )


def test_achievement_array_results_are_read_only_down_to_their_bases() -> None:
    result = achievement_array(target=[7, 2], realization=[16, 1], policy=TRUNCATE_2)
    for name in ("scaled", "status", "numerator", "denominator", "residual"):
        array = getattr(result, name)
        assert result.status.dtype == np.int8
        while isinstance(array, np.ndarray):
            assert not array.flags.writeable, name
            array = array.base


@pytest.mark.parametrize("object_side", ["numerator", "denominator", "both"])
def test_classify_of_quotients_beyond_int64_is_exact_and_keeps_the_shape(
    object_side: str,
) -> None:
    # 54,999...% and exactly 100 % (CAPAIAN_LKIP: Kurang below 55, Memuaskan from 100),
    # as quotients whose numerator, denominator or both need Python integers.
    big = 10**20
    numerator: list[list[int]] = [[54_999_999 * big], [100 * big]]
    denominator: list[list[int]] = [[1_000_000 * big], [big]]
    if object_side == "numerator":  # denominators fit in int64
        numerator = [[54_999_999 * 10**12], [100 * 10**17]]
        denominator = [[10**18], [10**17]]
    elif object_side == "denominator":  # numerators fit in int64: 54e-20 % and 100 %
        numerator = [[54], [100]]
        denominator = [[big], [1]]
    result = AchievementArray(
        scaled=[[5499], [10000]],
        policy=TRUNCATE_2,
        status=[[-1], [0]],
        numerator=np.array(numerator, dtype=object),
        denominator=np.array(denominator, dtype=object),
    )
    assert result.numerator.dtype == object or result.denominator.dtype == object
    positions = result.classify()
    assert positions.shape == (2, 1)
    assert positions.dtype == np.intp
    assert positions.tolist() == [[0], [4]]


def test_classify_on_takes_the_value_of_the_enum() -> None:
    result = achievement_array(target=[1000], realization=["549.99"], policy=TRUNCATE_2)
    assert result.classify(on="displayed").tolist() == [0]
