"""Capaian: known values from the LKIP 2024 and properties of the formulas."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip import (
    InvalidTypeError,
    InvalidValueError,
    Polarity,
    Rounding,
    RoundingPolicy,
    SakipError,
    achievement,
    classify_achievement,
    round_to,
)
from sakip.capaian import ClassifyOn, TargetStatus, achievement_array, target_status
from sakip.exact_array import InexactArrayError
from sakip.schemes import CAPAIAN_LKIP
from tests import lkip2024
from tests.strategies import decimals

LKIP = RoundingPolicy(2, Rounding.TRUNCATE)
HIGH, LOW = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
INVERSE = Polarity.LOWER_IS_BETTER_INVERSE
LOWER = [LOW, INVERSE]


@pytest.mark.parametrize(
    ("row", "target", "realization", "printed", "_"), lkip2024.PENGUKURAN_KINERJA
)
def test_report_capaian_rows(
    row: int, target: str, realization: str, printed: str, _: str
) -> None:
    # LKIP 2024 BAB III A / BAB IV A: capaian truncated to the printed places.
    value = achievement(target=target, realization=realization)
    assert LKIP.agrees(value, printed=Decimal(printed)), row


@pytest.mark.parametrize(
    ("target", "realization", "expected"),
    [
        # LKIP 2024 BAB III A (L285-L299) as printed; formulas.md section 1.
        ("3.60", "3.70", "102.77"),  # row 10, half up would give 102,78
        ("7", "16", "228.57"),  # row 11
        ("86", "99.98", "116.25"),  # row 14, half up would give 116,26
        ("68", "79.5", "116.91"),  # row 6
        ("97.96", "99.95", "102.03"),  # row 16
    ],
)
def test_truncation_is_the_reports_policy(target: str, realization: str, expected: str) -> None:
    value = achievement(target=target, realization=realization)
    assert round_to(value, 2, Rounding.TRUNCATE) == Decimal(expected)


def test_half_up_would_disagree_with_the_report() -> None:
    # 3,70 / 3,60 = 102,777...: the report prints 102,77, half up gives 102,78.
    value = achievement(target="3.60", realization="3.70")
    assert round_to(value, 2, Rounding.HALF_UP) == Decimal("102.78")


@pytest.mark.parametrize(
    ("realization", "formula", "expected"),
    [
        # National drug-abuse prevalence target 1,69 % for 2024 (RPJMN 2020-2024, LKIP
        # BAB III A sasaran 1, L311). The realisations 1,73 (worse than the target) and
        # 1,65 (better) are the ones issue 3 prescribes, one on each side of the target.
        ("1.73", Polarity.LOWER_IS_BETTER, "97.63"),  # (3,38 - 1,73) / 1,69 = 97,633
        ("1.73", Polarity.LOWER_IS_BETTER_INVERSE, "97.68"),  # 1,69 / 1,73 = 97,687
        ("1.65", Polarity.LOWER_IS_BETTER, "102.36"),  # 1,73 / 1,69 = 102,366
        ("1.65", Polarity.LOWER_IS_BETTER_INVERSE, "102.42"),  # 1,69 / 1,65 = 102,424
        ("1.69", Polarity.LOWER_IS_BETTER, "100.00"),
        ("1.69", Polarity.LOWER_IS_BETTER_INVERSE, "100.00"),
    ],
)
def test_lower_is_better_prevalence(realization: str, formula: Polarity, expected: str) -> None:
    value = achievement(target="1.69", realization=realization, polarity=formula)
    assert round_to(value, 2, Rounding.TRUNCATE) == Decimal(expected)


def test_categories_of_the_report_table() -> None:
    # BAB IV A: rows 15 (100) and 17 (50) are printed "Sangat Baik"; the table gives
    # Memuaskan and Kurang. Every other printed category agrees.
    disagreeing = []
    for row, target, realization, _, printed in lkip2024.PENGUKURAN_KINERJA:
        label = classify_achievement(achievement(target=target, realization=realization)).label
        if label != printed:
            disagreeing.append((row, printed, label))
    assert disagreeing == [(15, "Sangat Baik", "Memuaskan"), (17, "Sangat Baik", "Kurang")]


def test_classify_on_displayed_value() -> None:
    shown = RoundingPolicy(0, Rounding.HALF_UP)
    assert classify_achievement("99.6").label == "Sangat Baik"
    assert classify_achievement("99.6", on=ClassifyOn.DISPLAYED, policy=shown).label == "Memuaskan"
    with pytest.raises(InvalidValueError, match="'policy'"):
        classify_achievement("99.6", on=ClassifyOn.DISPLAYED)


# --- degenerate cases -------------------------------------------------------------


def test_zero_rules() -> None:
    with pytest.raises(InvalidValueError, match="'target' must be > 0 for a higher-is-better"):
        achievement(target=0, realization=1)
    assert achievement(target=5, realization=0) == 0
    assert achievement(target=0, realization=0, polarity=LOW) == 100
    with pytest.raises(InvalidValueError, match="'target' must be > 0 when the realization"):
        achievement(target=0, realization=1, polarity=LOW)
    assert achievement(target=0, realization=0, polarity=INVERSE) == 100
    assert achievement(target=0, realization=3, polarity=INVERSE) == 0
    with pytest.raises(InvalidValueError, match="'realization' must be > 0"):
        achievement(target=2, realization=0, polarity=INVERSE)


def test_floor_and_cap() -> None:
    assert achievement(target=1, realization=3, polarity=LOW) == 0
    assert achievement(target=1, realization=3, polarity=LOW, floor_at_zero=False) == -100
    assert achievement(target=7, realization=16, cap=120) == 120
    assert achievement(target=7, realization=7, cap=120) == 100


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"target": None, "realization": 1}, InvalidValueError),
        ({"target": 1, "realization": None}, InvalidValueError),
        ({"target": -1, "realization": 1}, InvalidValueError),
        ({"target": 1, "realization": "-0.5"}, InvalidValueError),
        ({"target": "3,60", "realization": 1}, InvalidValueError),
        ({"target": float("nan"), "realization": 1}, InvalidValueError),
        ({"target": 1, "realization": True}, InvalidTypeError),
        ({"target": 1, "realization": 1, "polarity": "lower"}, InvalidValueError),
    ],
)
def test_bad_input_raises(kwargs: dict[str, object], error: type[SakipError]) -> None:
    with pytest.raises(error):
        achievement(**kwargs)  # type: ignore[arg-type]


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        achievement(2, 1)  # type: ignore[misc]


# --- properties --------------------------------------------------------------------

amounts = decimals(2, 0, 10**6)
positive = amounts.filter(lambda d: d > 0)


@given(positive, amounts, amounts)
def test_higher_is_better_is_increasing_in_realization(
    t: Decimal, r1: Decimal, r2: Decimal
) -> None:
    low, high = sorted((r1, r2))
    assert achievement(target=t, realization=low) <= achievement(target=t, realization=high)


@given(positive, positive, positive, st.sampled_from(LOWER))
def test_lower_is_better_is_decreasing_in_realization(
    t: Decimal, r1: Decimal, r2: Decimal, formula: Polarity
) -> None:
    low, high = sorted((r1, r2))
    first = achievement(target=t, realization=low, polarity=formula)
    second = achievement(target=t, realization=high, polarity=formula)
    assert first >= second


@given(positive)
def test_lower_formulas_agree_at_target(t: Decimal) -> None:
    for formula in LOWER:
        assert achievement(target=t, realization=t, polarity=formula) == 100
    assert achievement(target=t, realization=t) == 100


@given(positive, amounts, st.sampled_from(list(Polarity)))
def test_status_agrees_with_capaian(t: Decimal, r: Decimal, polarity: Polarity) -> None:
    assume(polarity is not INVERSE or r > 0)  # T / 0 has no capaian
    value = achievement(target=t, realization=r, polarity=polarity, floor_at_zero=False)
    status = target_status(target=t, realization=r, polarity=polarity)
    expected = {1: TargetStatus.ABOVE, 0: TargetStatus.AT, -1: TargetStatus.BELOW}
    assert status is expected[(value > 100) - (value < 100)]


def _scalar(t: Decimal, r: Decimal, polarity: Polarity, cap: str | int | None) -> Decimal | None:
    try:
        return achievement(target=t, realization=r, polarity=polarity, cap=cap)
    except InvalidValueError:
        return None


@st.composite
def pairs_with_ties(draw: st.DrawFn) -> tuple[Decimal, Decimal]:
    """Targets and realisations, a third of them built to land on a rounding tie."""
    if draw(st.integers(0, 2)) == 0:
        # r / t x 100 = k + 0.005 exactly: t = 200, r = 2k + 0.01 ... scaled.
        k = draw(st.integers(0, 10**5))
        t = Decimal(200)
        r = (Decimal(k) * 2 + Decimal("0.01")).quantize(Decimal("0.01"))
        return t, r
    return draw(amounts), draw(amounts)


@given(
    st.lists(st.tuples(pairs_with_ties(), st.booleans()), min_size=1, max_size=40),
    st.sampled_from(LOWER),
    st.sampled_from(list(Rounding)),
    st.integers(0, 3),
    st.sampled_from([None, 120, "150.5"]),
)
def test_batch_agrees_with_scalar(
    flagged: list[tuple[tuple[Decimal, Decimal], bool]],
    formula: Polarity,
    rounding: Rounding,
    places: int,
    cap: str | int | None,
) -> None:
    rows = [(pair, formula if low else HIGH) for pair, low in flagged]
    policy = RoundingPolicy(places, rounding)
    expected = [_scalar(t, r, p, cap) for (t, r), p in rows]
    keep = [e is not None for e in expected]
    assume(any(keep))
    targets = np.array([float(t) for (t, _), _ in rows])
    realizations = np.array([float(r) for (_, r), _ in rows])
    polarity = np.array([p.value for _, p in rows])
    if not all(keep):
        with pytest.raises(InvalidValueError):
            achievement_array(
                target=targets,
                realization=realizations,
                policy=policy,
                polarity=polarity,
                cap=cap,
            )
    mask = np.array(keep)
    batch = achievement_array(
        target=targets[mask],
        realization=realizations[mask],
        policy=policy,
        polarity=polarity[mask],
        cap=cap,
    )
    exact = [e for e in expected if e is not None]
    assert batch.decimals() == [policy.apply(e) for e in exact]
    assert batch.classify().tolist() == [CAPAIAN_LKIP.index(e) for e in exact]
    assert batch.classify(on=ClassifyOn.DISPLAYED).tolist() == [
        CAPAIAN_LKIP.index(policy.apply(e)) for e in exact
    ]
    kept_rows = [row for row, k in zip(rows, keep, strict=True) if k]
    statuses = [target_status(target=t, realization=r, polarity=p) for (t, r), p in kept_rows]
    code = {TargetStatus.ABOVE: 1, TargetStatus.AT: 0, TargetStatus.BELOW: -1}
    assert batch.status.tolist() == [code[s] for s in statuses]


def test_batch_reproduces_the_report_table() -> None:
    rows = lkip2024.PENGUKURAN_KINERJA
    batch = achievement_array(
        target=[float(t) for _, t, _, _, _ in rows],
        realization=[float(r) for _, _, r, _, _ in rows],
        policy=LKIP,
    )
    for value, (_, _, _, printed, _) in zip(batch.decimals(), rows, strict=True):
        assert LKIP.agrees(value, printed=Decimal(printed))
    assert (batch.status == 1).sum() == 6 and (batch.status == 0).sum() == 11


def test_batch_rejects_what_it_cannot_represent() -> None:
    with pytest.raises(InexactArrayError):
        achievement_array(target=[3.333], realization=[1], policy=LKIP)
    with pytest.raises(InvalidValueError, match=r"'target\[1\]' must be > 0"):
        achievement_array(target=[1, 0], realization=[1, 1], policy=LKIP)
    with pytest.raises(InvalidValueError, match=r"'realization\[0\]' must be >= 0"):
        achievement_array(target=[1], realization=[-1], policy=LKIP)


def test_target_status_refuses_an_unknown_polarity() -> None:
    # A string used to be read as lower-is-better without a word.
    with pytest.raises(InvalidValueError, match="'polarity' must be one of"):
        target_status(target=2, realization=1, polarity="higher")  # type: ignore[arg-type]


def test_target_status_does_not_depend_on_the_ambient_context() -> None:
    import decimal

    target, realization = "1" + "0" * 40, "1" + "0" * 39 + "1"  # differ in the 41st digit
    with decimal.localcontext() as context:
        context.prec = 5
        context.traps[decimal.Inexact] = True
        assert target_status(target=target, realization=realization) is TargetStatus.ABOVE


def test_a_negative_cap_is_refused_on_both_paths() -> None:
    with pytest.raises(InvalidValueError, match="'cap' must be >= 0"):
        achievement(target=7, realization=16, cap=-1)
    with pytest.raises(InvalidValueError, match="'cap' must be >= 0"):
        achievement_array(target=[7], realization=[16], policy=LKIP, cap=-1)


def test_a_cap_with_many_decimals_is_compared_exactly_in_batch() -> None:
    # 16 / 7 = 228,57 % against a cap of 150,123456789012345: the cross products of the
    # comparison leave int64 (numerator x 10**15); they must not wrap.
    cap = "150.123456789012345"
    scalar = achievement(target=7, realization=16, cap=cap)
    batch = achievement_array(target=[7, 7], realization=[16, 7], policy=LKIP, cap=cap)
    assert scalar == Decimal(cap)
    assert batch.decimals() == [LKIP.apply(scalar), Decimal("100.00")]


# --- issue 12: no silent wrong number in the array paths (failing-first) -----------


def test_batch_does_not_overflow_int64_on_large_figures() -> None:
    # Issue 12: actual x 100 and 2 x goal - actual were computed in int64 and wrapped,
    # giving 0,00 Kurang where the scalar path gives 100 Memuaskan.
    figure = 1844674407370955
    scalar = achievement(target=figure, realization=figure)
    batch = achievement_array(target=[figure], realization=[figure], policy=LKIP)
    assert scalar == 100
    assert batch.decimals() == [Decimal("100.00")]
    assert batch.classify().tolist() == [CAPAIAN_LKIP.labels.index("Memuaskan")]


def test_batch_computes_a_large_lower_is_better_target() -> None:
    # Issue 12: a lower-is-better target of 4,6e12 was refused by the batch path.
    target, realization = 4_600_000_000_000, 4_140_000_000_000
    scalar = achievement(target=target, realization=realization, polarity=LOW)
    batch = achievement_array(
        target=[target], realization=[realization], policy=LKIP, polarity=LOW
    )
    assert scalar == 110
    assert batch.decimals() == [Decimal("110.00")]


def test_classify_on_takes_the_enum_value_and_refuses_other_strings() -> None:
    # Issue 12: on="displayed" silently fell back to the exact value.
    shown = RoundingPolicy(0, Rounding.HALF_UP)
    assert classify_achievement("99.6", on="displayed", policy=shown).label == "Memuaskan"  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="'on' must be one of"):
        classify_achievement("99.6", on="shown", policy=shown)  # type: ignore[arg-type]


def test_floor_at_zero_takes_a_bool_only() -> None:
    # Issue 12: floor_at_zero="no" was read as True.
    with pytest.raises(InvalidTypeError, match="'floor_at_zero' must be True or False"):
        achievement(target=1, realization=3, polarity=LOW, floor_at_zero="no")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'floor_at_zero' must be True or False"):
        achievement_array(
            target=[1],
            realization=[3],
            policy=LKIP,
            polarity=LOW,
            floor_at_zero="no",  # type: ignore[arg-type]
        )


def test_achievement_array_is_frozen_hashable_and_read_only() -> None:
    # Issue 12: AchievementArray was unhashable and its arrays writable.
    batch = achievement_array(target=[7, 2], realization=[16, 1], policy=LKIP)
    assert hash(batch) == hash(batch)
    for name in ("scaled", "status", "numerator", "denominator", "residual"):
        array = getattr(batch, name)
        assert not array.flags.writeable, name
        with pytest.raises(ValueError):
            array[0] = 0


def test_achievement_array_shape_mismatch_names_the_field() -> None:
    # Issue 12: a bare numpy broadcasting error.
    with pytest.raises(InvalidValueError, match="'realization'"):
        achievement_array(target=[1, 2, 3], realization=[1, 2], policy=LKIP)
    with pytest.raises(InvalidValueError, match="'polarity'"):
        achievement_array(
            target=[1, 2, 3], realization=[1, 2, 3], policy=LKIP, polarity=[True, False]
        )


def test_achievement_array_never_drops_a_mask() -> None:
    # Issue 12: masked elements were computed as if unmasked.
    target = np.ma.array([2.0, 0.0], mask=[0, 1])
    with pytest.raises(InvalidValueError, match="'target'"):
        achievement_array(target=target, realization=[1.0, 1.0], policy=LKIP)


def test_achievement_array_reads_float32_as_typed() -> None:
    # Issue 12: float32 was read as its binary value (88.30999755859375), not 88.31.
    batch = achievement_array(
        target=np.array([100], np.float32), realization=np.array([88.31], np.float32), policy=LKIP
    )
    assert batch.decimals() == [Decimal("88.31")]


# --- every error names its field (issue 12: mutation survivors) -----------------------

_ARRAY = {"policy": LKIP}
_BAD: list[tuple[str, Callable[[], object]]] = [
    ("target", lambda: achievement(target=None, realization=1)),  # type: ignore[arg-type]
    ("realization", lambda: achievement(target=1, realization=None)),  # type: ignore[arg-type]
    ("target", lambda: achievement(target=-1, realization=1)),
    ("realization", lambda: achievement(target=1, realization=-1)),
    ("polarity", lambda: achievement(target=1, realization=1, polarity="lower")),
    ("floor_at_zero", lambda: achievement(target=1, realization=1, floor_at_zero=0)),  # type: ignore[arg-type]
    ("cap", lambda: achievement(target=1, realization=1, cap=-1)),
    ("cap", lambda: achievement(target=1, realization=1, cap="1,5")),
    ("target", lambda: achievement(target=0, realization=1)),
    ("target", lambda: achievement(target=0, realization=1, polarity=LOW)),
    ("realization", lambda: achievement(target=2, realization=0, polarity=INVERSE)),
    ("target", lambda: target_status(target=-1, realization=1)),
    ("realization", lambda: target_status(target=1, realization="x")),
    ("polarity", lambda: target_status(target=1, realization=1, polarity=True)),  # type: ignore[arg-type]
    ("value", lambda: classify_achievement("x")),
    ("on", lambda: classify_achievement(1, on="shown")),
    ("policy", lambda: classify_achievement(1, on="displayed")),
    ("policy", lambda: classify_achievement(1, on="displayed", policy=2)),  # type: ignore[arg-type]
    ("scheme", lambda: classify_achievement(1, "CAPAIAN_LKIP")),  # type: ignore[arg-type]
    ("policy", lambda: achievement_array(target=[1], realization=[1], policy=2)),  # type: ignore[arg-type]
    ("target", lambda: achievement_array(target="12", realization=[1], **_ARRAY)),
    ("realization", lambda: achievement_array(target=[1], realization=[True], **_ARRAY)),
    ("realization", lambda: achievement_array(target=[1, 2], realization=[1, 2, 3], **_ARRAY)),
    ("polarity", lambda: achievement_array(target=[1], realization=[1], polarity=[1], **_ARRAY)),
    ("polarity", lambda: achievement_array(target=[1], realization=[1], polarity="x", **_ARRAY)),
    (
        "polarity[1]",
        lambda: achievement_array(
            target=[1, 1], realization=[1, 1], polarity=["lower_is_better", "x"], **_ARRAY
        ),
    ),
    (
        "polarity",
        lambda: achievement_array(
            target=[1, 1], realization=[1, 1], polarity=[True, False, True], **_ARRAY
        ),
    ),
    (
        "polarity",
        lambda: achievement_array(
            target=[1], realization=[1], polarity=np.ma.array([True], mask=[1]), **_ARRAY
        ),
    ),
    (
        "floor_at_zero",
        lambda: achievement_array(target=[1], realization=[1], floor_at_zero="no", **_ARRAY),  # type: ignore[arg-type]
    ),
    ("cap", lambda: achievement_array(target=[1], realization=[1], cap=-1, **_ARRAY)),
    (
        "input_places",
        lambda: achievement_array(target=[1], realization=[1], input_places=-1, **_ARRAY),
    ),
    ("target[1]", lambda: achievement_array(target=[1, 3.333], realization=[1, 1], **_ARRAY)),
    (
        "realization[1]",
        lambda: achievement_array(target=[1, 1], realization=[1, np.nan], **_ARRAY),
    ),
    ("target[0]", lambda: achievement_array(target=[-1], realization=[1], **_ARRAY)),
    ("realization[1]", lambda: achievement_array(target=[1, 1], realization=[1, -1], **_ARRAY)),
    ("target[1]", lambda: achievement_array(target=[1, 0], realization=[1, 1], **_ARRAY)),
    (
        "target[0]",
        lambda: achievement_array(target=[0], realization=[1], polarity=LOW, **_ARRAY),
    ),
    (
        "realization[1]",
        lambda: achievement_array(target=[1, 2], realization=[1, 0], polarity=INVERSE, **_ARRAY),
    ),
    (
        "target[0]",
        lambda: achievement_array(target=[Decimal("1E+40")], realization=[1], **_ARRAY),
    ),
    (
        "target[1]",
        lambda: achievement_array(target=[Decimal(1), "x"], realization=[1, 1], **_ARRAY),
    ),
    ("capaian[0]", lambda: achievement_array(target=[1], realization=[10**17], **_ARRAY)),
    (
        "target",
        lambda: achievement_array(target=np.ma.array([1], mask=[1]), realization=[1], **_ARRAY),
    ),
    ("on", lambda: achievement_array(target=[1], realization=[1], **_ARRAY).classify(on="x")),
    (
        "scheme",
        lambda: achievement_array(target=[1], realization=[1], **_ARRAY).classify("x"),  # type: ignore[arg-type]
    ),
]


@pytest.mark.parametrize(
    ("field", "call"), _BAD, ids=[f"{i}-{f}" for i, (f, _) in enumerate(_BAD)]
)
def test_every_error_names_its_field(field: str, call: Callable[[], object]) -> None:
    with pytest.raises(SakipError) as raised:
        call()
    assert raised.value.field == field
    assert str(raised.value).startswith(f"'{field}' ")


def test_a_cap_of_zero_is_a_cap() -> None:
    # Mutation survivor of issue 12: `limit < 0` -> `limit <= 0` refused a cap of 0.
    assert achievement(target=7, realization=16, cap=0) == 0
    batch = achievement_array(target=[7, 2], realization=[16, 1], policy=LKIP, cap=0)
    assert batch.decimals() == [Decimal("0.00"), Decimal("0.00")]


def test_displayed_classification_beyond_int64_keys_uses_the_right_scale() -> None:
    # Mutation survivor of issue 12: `10**places` -> `10 * places` in the fallback of
    # AchievementArray.classify taken when the scaled keys leave int64. A capaian of
    # 2,4e16 % (scaled: 2,4e18) against a bound of 5e16 (key 1e19, beyond int64).
    from sakip.bands import scheme_from_lower_bounds

    big = scheme_from_lower_bounds("big", [("low", None), ("high", "5E+16")], source="test")
    batch = achievement_array(target=[1], realization=[2.4e14], policy=LKIP)
    assert batch.decimals() == [Decimal("24000000000000000.00")]
    assert batch.classify(big, on=ClassifyOn.DISPLAYED).tolist() == [0]
    assert batch.classify(big).tolist() == [0]
    above = achievement_array(target=[1], realization=[6e14], policy=LKIP)
    assert above.classify(big, on=ClassifyOn.DISPLAYED).tolist() == [1]


def test_classification_of_quotients_beyond_int64() -> None:
    # A scheme finer than the policy and quotients that do not fit in int64: one exact
    # scalar classification per element.
    from sakip.bands import scheme_from_lower_bounds

    fine = scheme_from_lower_bounds("fine", [("low", None), ("high", "100.0001")], source="t")
    target = 3 * 10**17 + 1
    batch = achievement_array(
        target=[Decimal(target)],
        realization=[Decimal(target + 1)],
        policy=RoundingPolicy(0, Rounding.TRUNCATE),
    )
    assert batch.numerator.dtype == object
    exact = achievement(target=target, realization=target + 1)
    assert batch.classify(fine).tolist() == [fine.index(exact)] == [0]


def test_floor_at_zero_keeps_a_small_positive_capaian() -> None:
    # PermenPANRB 53/2014: (2T - R) / T = (200 - 199.5) / 100 = 0.5 %, above zero, kept.
    assert achievement(target=100, realization="199.5", polarity=Polarity.LOWER_IS_BETTER) == (
        Decimal("0.5")
    )
    assert achievement(target=100, realization=200, polarity=Polarity.LOWER_IS_BETTER) == 0
