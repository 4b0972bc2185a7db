"""Range targets, target 0 with lower is better, and caps (issue 14).

Known values: PermenPANRB 8/2021, Lampiran BAB VI.A.1.b, printed pages 91 and
100 (range targets); the report example "Persentase tahanan yang melarikan
diri", target 0, realisation 8,33 (issue 14).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip import (
    Indicator,
    InvalidValueError,
    Objective,
    PerformanceAgreement,
    Polarity,
    Rounding,
    SakipError,
    WorkUnit,
    achievement,
    evaluate,
    round_to,
    summarize,
)
from sakip.capaian import TargetStatus, target_status
from sakip.indicators import (
    Evaluation,
    IndicatorHistory,
    UnitLevel,
    YearRecord,
    evaluate_with_exclusions,
)
from sakip.targets import TargetRange, ZeroTarget, to_target
from tests.strategies import decimals

HIGH, LOW = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
INVERSE = Polarity.LOWER_IS_BETTER_INVERSE
UNIT = WorkUnit("bnnp-kalteng", "BNNP Kalimantan Tengah", UnitLevel.BNNP)

# --- range targets: known values ------------------------------------------------------

# PermenPANRB 8/2021, Lampiran, printed page 100 (examples a and b of (f) and (g)).
PAGE_100 = [
    # target range, realisation, polarity, exact capaian, what the regulation prints
    ((80, 90), "92", HIGH, Decimal(92) * 100 / Decimal(90), "113"),  # misprint: 102,22
    ((80, 90), "70", HIGH, Decimal("87.5"), "87.5"),
    ((7, 8), "6.5", LOW, (Decimal(14) - Decimal("6.5")) * 100 / Decimal(7), "107"),
    ((7, 8), "9", LOW, Decimal("87.5"), "87.5"),
]


@pytest.mark.parametrize(("bounds", "realization", "polarity", "exact", "_printed"), PAGE_100)
def test_permenpanrb_8_2021_range_examples(
    bounds: tuple[int, int], realization: str, polarity: Polarity, exact: Decimal, _printed: str
) -> None:
    # Fails before issue 14: achievement() took a number only.
    value = achievement(target=TargetRange(*bounds), realization=realization, polarity=polarity)
    assert round_to(value, 20, Rounding.HALF_UP) == round_to(exact, 20, Rounding.HALF_UP)


def test_the_misprinted_example_follows_the_rule() -> None:
    # Page 100 prints "92% / 90% x 100% = 113%": the rule gives 102,22.
    value = achievement(target=TargetRange(80, 90), realization=92)
    assert round_to(value, 2, Rounding.HALF_UP) == Decimal("102.22")
    assert round_to(
        achievement(target=TargetRange(7, 8), realization="6.5", polarity=LOW), 0, "half_up"
    ) == Decimal(107)


@pytest.mark.parametrize(
    ("bounds", "realization"), [((80, 90), 80), ((80, 90), 85), ((80, 90), 90), ((7, 8), "7.5")]
)
@pytest.mark.parametrize("polarity", list(Polarity))
def test_inside_the_range_is_exactly_100(
    bounds: tuple[int, int], realization: int | str, polarity: Polarity
) -> None:
    value = achievement(target=TargetRange(*bounds), realization=realization, polarity=polarity)
    assert value == 100
    status = target_status(target=TargetRange(*bounds), realization=realization, polarity=polarity)
    assert status is TargetStatus.AT


def test_range_status_uses_the_nearer_bound() -> None:
    assert target_status(target=TargetRange(80, 90), realization=92) is TargetStatus.ABOVE
    assert target_status(target=TargetRange(80, 90), realization=70) is TargetStatus.BELOW
    assert target_status(target=TargetRange(7, 8), realization=9, polarity=LOW) is (
        TargetStatus.BELOW
    )
    assert target_status(target=TargetRange(7, 8), realization="6.5", polarity=INVERSE) is (
        TargetStatus.ABOVE
    )


def test_range_with_a_cap() -> None:
    assert achievement(target=TargetRange(2, 3), realization=9, cap=120) == 120
    assert achievement(target=TargetRange(2, 3), realization="2.5", cap=90) == 90


@pytest.mark.parametrize(
    ("low", "high", "field", "message"),
    [
        (90, 80, "high", "'high' must be >= low (80 < 90): 80"),
        (-1, 5, "low", "'low' must be >= 0: -1"),
        ("x", 5, "low", "'low'"),
        (None, 5, "low", "'low' must be an int, str, Decimal or float: None"),
    ],
)
def test_invalid_ranges_name_field_and_rule(
    low: object, high: object, field: str, message: str
) -> None:
    with pytest.raises(SakipError, match=re.escape(message)):
        TargetRange(low, high)  # type: ignore[arg-type]


def test_to_target_keeps_numbers_and_ranges() -> None:
    assert to_target("3.60") == Decimal("3.60")
    assert to_target(TargetRange(1, 2)) == TargetRange(1, 2)
    with pytest.raises(InvalidValueError, match="'targets\\[9\\]' is missing"):
        to_target(None, field="targets[9]")
    assert str(TargetRange("80", "90.5")) == "80-90.5"


# --- range targets: properties ---------------------------------------------------------

bounds = st.tuples(decimals(2, 0, 10**4), decimals(2, 0, 10**4)).map(sorted)


@given(bounds, st.floats(0, 1), st.sampled_from(list(Polarity)))
def test_property_inside_the_range_gives_exactly_100(
    pair: list[Decimal], where: float, polarity: Polarity
) -> None:
    low, high = pair
    inside = low + (high - low) * Decimal(str(where))
    assume(low <= inside <= high)
    assume(low < high or low > 0)  # [0, 0] is the plain target 0, with its own rules
    assert achievement(target=TargetRange(low, high), realization=inside, polarity=polarity) == 100


@given(decimals(2, 0, 10**4), decimals(2, 0, 3 * 10**4), st.sampled_from(list(Polarity)))
def test_property_a_one_point_range_is_the_plain_target(
    target: Decimal, realization: Decimal, polarity: Polarity
) -> None:
    def run(goal: Decimal | TargetRange) -> Decimal | str:
        try:
            return achievement(target=goal, realization=realization, polarity=polarity)
        except InvalidValueError as error:
            return str(error)

    assert run(TargetRange(target, target)) == run(target)
    assert target_status(
        target=TargetRange(target, target), realization=realization, polarity=polarity
    ) is target_status(target=target, realization=realization, polarity=polarity)


@given(
    bounds, decimals(2, 0, 3 * 10**4), decimals(2, 0, 3 * 10**4), st.sampled_from(list(Polarity))
)
def test_property_capaian_is_monotone_in_the_realization(
    pair: list[Decimal], first: Decimal, second: Decimal, polarity: Polarity
) -> None:
    low, high = pair
    assume(low > 0)
    if polarity is INVERSE:
        assume(first > 0 and second > 0)
    smaller, larger = sorted((first, second))
    target = TargetRange(low, high)
    at_smaller = achievement(target=target, realization=smaller, polarity=polarity)
    at_larger = achievement(target=target, realization=larger, polarity=polarity)
    if polarity is HIGH:
        assert at_smaller <= at_larger
    else:
        assert at_smaller >= at_larger


@given(bounds, decimals(2, 0, 3 * 10**4))
def test_property_lower_is_better_mirrors_higher_is_better(
    pair: list[Decimal], realization: Decimal
) -> None:
    # (2B - R) / B = 2 - R / B with the same bound B: the two capaian add up to 200.
    low, high = pair
    assume(low > 0)
    target = TargetRange(low, high)
    higher = achievement(target=target, realization=realization)
    lower = achievement(target=target, realization=realization, polarity=LOW, floor_at_zero=False)
    assert round_to(higher + lower, 40, Rounding.HALF_UP) == 200


# --- target 0, lower is better ---------------------------------------------------------


def test_zero_target_default_is_unchanged() -> None:
    # The report's example: "Persentase tahanan yang melarikan diri", target 0, realisation 8,33.
    with pytest.raises(InvalidValueError, match="see zero_target"):
        achievement(target=0, realization="8.33", polarity=LOW)
    assert achievement(target=0, realization="8.33", polarity=INVERSE) == 0


@pytest.mark.parametrize("polarity", [LOW, INVERSE])
def test_zero_target_choices(polarity: Polarity) -> None:
    # Fails before issue 14: achievement() had no zero_target.
    def escape(choice: ZeroTarget | str) -> Decimal | None:
        return achievement(target=0, realization="8.33", polarity=polarity, zero_target=choice)

    assert escape(ZeroTarget.NOT_COMPUTABLE) is None
    assert escape("zero") == 0
    for choice in ZeroTarget:
        # 0 against 0 is on target under every choice.
        assert achievement(target=0, realization=0, polarity=polarity, zero_target=choice) == 100
        # A target above 0 is not touched by the choice.
        assert achievement(
            target=2, realization=1, polarity=polarity, zero_target=choice
        ) == achievement(target=2, realization=1, polarity=polarity)


@pytest.mark.parametrize("choice", list(ZeroTarget))
def test_zero_target_does_not_touch_higher_is_better(choice: ZeroTarget) -> None:
    with pytest.raises(InvalidValueError, match="must be > 0 for a higher-is-better"):
        achievement(target=0, realization=5, zero_target=choice)


def test_zero_target_refuses_other_values() -> None:
    with pytest.raises(InvalidValueError, match="'zero_target' must be one of"):
        achievement(target=0, realization=1, polarity=LOW, zero_target="binary")
    with pytest.raises(InvalidValueError, match="'zero_target' must be one of"):
        achievement(target=0, realization=1, polarity=LOW, zero_target="RAISE")


def _escapes(choice: ZeroTarget) -> PerformanceAgreement:
    escapes = Indicator(
        "T1", "Persentase tahanan yang melarikan diri", "%", LOW, zero_target=choice
    )
    ikm = Indicator("10", "Indeks kepuasan layanan rehabilitasi", "Indeks")
    return PerformanceAgreement(
        UNIT, 2024, [Objective("S", "Sasaran", [escapes, ikm])], {"T1": 0, "10": "3.60"}
    )


def test_not_computable_rows_are_excluded_and_named() -> None:
    agreement = _escapes(ZeroTarget.NOT_COMPUTABLE)
    realizations = {"T1": "8.33", "10": "3.70"}
    with pytest.raises(InvalidValueError, match="evaluate_with_exclusions"):
        evaluate(agreement, realizations)
    evaluation = evaluate_with_exclusions(agreement, realizations)
    assert isinstance(evaluation, Evaluation)
    assert [r.indicator.code for r in evaluation.results] == ["10"]
    (row,) = evaluation.excluded
    assert (row.indicator.code, row.realization) == ("T1", Decimal("8.33"))
    assert row.target == 0
    assert row.status is TargetStatus.BELOW
    summary = summarize(evaluation)
    assert summary.excluded == ("T1",)
    assert summary.count == summary.above + summary.at + summary.below == 1
    assert summary.mean == achievement(target="3.60", realization="3.70")
    assert sum(summary.categories.values()) == 1
    # A summary of plain results excludes nothing.
    assert summarize(evaluation.results).excluded == ()


def test_zero_choice_counts_the_row_in_the_mean() -> None:
    results = evaluate(_escapes(ZeroTarget.ZERO), {"T1": "8.33", "10": "3.70"})
    assert results[0].achievement == 0 and results[0].category.label == "Kurang"
    summary = summarize(results)
    assert summary.count == 2 and summary.excluded == ()


def test_every_row_excluded_cannot_be_summarised() -> None:
    escapes = Indicator("T1", "Tahanan melarikan diri", "%", LOW, zero_target="not_computable")
    agreement = PerformanceAgreement(UNIT, 2024, [Objective("S", "S", [escapes])], {"T1": 0})
    with pytest.raises(InvalidValueError, match="'results' must not be empty"):
        summarize(evaluate_with_exclusions(agreement, {"T1": 1}))


def test_history_capaian_follows_the_indicator_choice() -> None:
    escapes = Indicator("T1", "Tahanan melarikan diri", "%", LOW, zero_target="not_computable")
    history = IndicatorHistory(escapes, [YearRecord(2024, 0, "8.33"), YearRecord(2023, 0, 0)])
    assert history.achievement(2024) is None
    assert history.achievement(2023) == 100


# --- caps -----------------------------------------------------------------------------


def _capped_agreement(cap: int | None) -> PerformanceAgreement:
    # LKIP 2024 row 11: target 7, realisation 16 -> 228,57 (BNN does not cap).
    row_11 = Indicator("11", "Berkas perkara P-21", "Berkas", cap=cap)
    row_10 = Indicator("10", "Indeks kepuasan", "Indeks")
    return PerformanceAgreement(
        UNIT, 2024, [Objective("S", "Sasaran", [row_11, row_10])], {"11": 7, "10": "3.60"}
    )


def test_indicator_cap_limits_its_capaian() -> None:
    # Fails before issue 14: Indicator had no cap.
    results = evaluate(_capped_agreement(120), {"11": 16, "10": "3.70"})
    assert results[0].achievement == 120
    assert round_to(results[1].achievement, 2, Rounding.TRUNCATE) == Decimal("102.77")
    assert results[0].indicator.achievement_rule.endswith("at most 120")


def test_indicator_cap_wins_over_the_evaluate_cap() -> None:
    results = evaluate(_capped_agreement(120), {"11": 16, "10": "3.70"}, cap=100)
    assert [r.achievement for r in results] == [120, 100]
    uncapped = evaluate(_capped_agreement(None), {"11": 16, "10": "3.70"}, cap=102)
    assert [r.achievement for r in uncapped] == [102, 102]


def test_indicator_cap_applies_to_history() -> None:
    row_11 = Indicator("11", "Berkas perkara P-21", "Berkas", cap="120")
    assert IndicatorHistory(row_11, [YearRecord(2024, 7, 16)]).achievement(2024) == 120


def test_negative_indicator_cap_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="'cap' must be >= 0: -1"):
        Indicator("11", "Berkas", "Berkas", cap=-1)


# --- range targets through the agreement -------------------------------------------------


def test_range_targets_flow_through_evaluate() -> None:
    completion = Indicator("P1", "Persentase penyelesaian pengaduan", "%")
    timeliness = Indicator("P2", "Ketepatan waktu penyelesaian aplikasi", "Bulan", LOW)
    agreement = PerformanceAgreement(
        UNIT,
        2021,
        [Objective("S", "Sasaran", [completion, timeliness])],
        {"P1": TargetRange(80, 90), "P2": TargetRange(7, 8)},
    )
    assert agreement.target("P1") == TargetRange(80, 90)
    results = evaluate(agreement, {"P1": 85, "P2": 9})
    assert [r.achievement for r in results] == [100, Decimal("87.5")]
    assert [r.status for r in results] == [TargetStatus.AT, TargetStatus.BELOW]
    assert results[0].target == TargetRange(80, 90)


def test_negative_target_in_an_agreement_is_refused() -> None:
    ikm = Indicator("10", "IKM", "Indeks")
    with pytest.raises(InvalidValueError, match="'targets\\[10\\]' must be >= 0: -1"):
        PerformanceAgreement(UNIT, 2024, [Objective("S", "S", [ikm])], {"10": -1})
