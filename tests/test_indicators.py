"""Performance agreements, their evaluation, summaries and histories (LKIP 2024)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import (
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Objective,
    PerformanceAgreement,
    Polarity,
    Realization,
    Rounding,
    RoundingPolicy,
    SakipError,
    WorkUnit,
    achievement,
    compare_summaries,
    evaluate,
    summarize,
)
from sakip.capaian import TargetStatus
from sakip.indicators import (
    IndicatorHistory,
    IndicatorResult,
    QuarterAggregation,
    UnitLevel,
    YearRecord,
    aggregate_quarters,
)
from sakip.numbers import divide, exact_sum
from sakip.schemes import CAPAIAN_LKIP, DEKTARI_2024
from sakip.summary import (
    Average,
    Summary,
    count_in_categories,
    count_meeting_targets,
    count_meeting_targets_by_group,
    meets_target_array,
)
from tests import lkip2024

LKIP = RoundingPolicy(2, Rounding.TRUNCATE)
UNIT = WorkUnit("bnnp-kalteng", "BNN Provinsi Kalimantan Tengah", UnitLevel.BNNP)


def report_agreement() -> tuple[PerformanceAgreement, dict[str, str]]:
    """The 18 indicators of BAB III A, one objective each (grouping is not needed here)."""
    objectives = [
        Objective(
            f"S{row}", f"Sasaran of row {row}", [Indicator(str(row), f"Indikator {row}", "unit")]
        )
        for row, *_ in lkip2024.PENGUKURAN_KINERJA
    ]
    targets = {str(row): target for row, target, *_ in lkip2024.PENGUKURAN_KINERJA}
    realizations = {str(row): real for row, _, real, *_ in lkip2024.PENGUKURAN_KINERJA}
    return PerformanceAgreement(UNIT, 2024, objectives, targets), realizations


def test_report_summary() -> None:
    # LKIP 2024 L1859 / Ikhtisar L93-L99: mean 107,34 %, 6 above, 11 at, 1 below.
    agreement, realizations = report_agreement()
    results = evaluate(agreement, realizations)
    summary = summarize(results, scheme=CAPAIAN_LKIP)
    assert summary.mean is not None and LKIP.apply(summary.mean) == Decimal(lkip2024.MEAN_CAPAIAN)
    displayed = summarize(results, average=Average.DISPLAYED, policy=LKIP)
    assert displayed.mean is not None and LKIP.apply(displayed.mean) == Decimal(
        lkip2024.MEAN_CAPAIAN
    )
    assert (summary.above, summary.at, summary.below) == lkip2024.COUNTS_2024
    assert summary.count == 18
    assert summary.categories == {
        "Kurang": 1,
        "Cukup": 0,
        "Baik": 0,
        "Sangat Baik": 0,
        "Memuaskan": 17,
    }


def test_report_rows_15_and_17_disagree_with_their_printed_label() -> None:
    agreement, realizations = report_agreement()
    printed = {str(row): label for row, *_, label in lkip2024.PENGUKURAN_KINERJA}
    wrong = [
        r.indicator.code
        for r in evaluate(agreement, realizations)
        if r.category.label != printed[r.indicator.code]
    ]
    assert wrong == ["15", "17"]


def test_comparison_with_2023() -> None:
    # Ikhtisar L85-L99: 2023 had 7 above, 10 at, 2 below of 19 indicators.
    agreement, realizations = report_agreement()
    current = summarize(evaluate(agreement, realizations))
    change = compare_summaries(current, Summary.from_counts(above=7, at=10, below=2))
    assert (change.above, change.at, change.below) == (-1, 1, -1)
    assert change.previous.count == 19 and change.mean is None


@given(st.permutations(range(18)))
def test_summary_is_invariant_under_reordering(order: list[int]) -> None:
    agreement, realizations = report_agreement()
    results = evaluate(agreement, realizations)
    shuffled = [results[i] for i in order]
    assert summarize(shuffled, scheme=CAPAIAN_LKIP) == summarize(results, scheme=CAPAIAN_LKIP)


def test_evaluate_requires_every_realization_and_no_other() -> None:
    agreement, realizations = report_agreement()
    del realizations["5"]
    with pytest.raises(InvalidValueError, match=r"'realizations\[5\]' is missing"):
        evaluate(agreement, realizations)
    realizations["5"] = "2.89"
    realizations["99"] = "1"
    with pytest.raises(InvalidValueError, match="only indicators"):
        evaluate(agreement, realizations)
    realizations.pop("99")
    realizations["5"] = None  # type: ignore[assignment]
    with pytest.raises(InvalidValueError, match="is missing"):
        evaluate(agreement, realizations)


def test_agreement_validation() -> None:
    ikm = Indicator("10", "IKM", "Indeks")
    objective = Objective("S8", "Kualitas layanan", [ikm])
    with pytest.raises(InvalidValueError, match=r"'targets\[10\]' is missing"):
        PerformanceAgreement(UNIT, 2024, [objective], {})
    with pytest.raises(InvalidValueError, match="must be >= 0"):
        PerformanceAgreement(UNIT, 2024, [objective], {"10": "-1"})
    with pytest.raises(InvalidValueError, match="unique"):
        PerformanceAgreement(UNIT, 2024, [objective, objective], {"10": 1})
    with pytest.raises(InvalidValueError, match="must have an indicator"):
        Objective("S1", "Empty", [])
    with pytest.raises(InvalidValueError, match="non-empty"):
        Indicator("", "name", "Orang")
    with pytest.raises(InvalidValueError, match="'polarity' must be one of"):
        Indicator("1", "name", "Orang", polarity="lower")
    assert Indicator("1", "n", "%", "lower_is_better_inverse").polarity is (
        Polarity.LOWER_IS_BETTER_INVERSE
    )
    with pytest.raises(InvalidTypeError):
        PerformanceAgreement(UNIT, 2024, [objective], [("10", 1)])  # type: ignore[arg-type]
    agreement = PerformanceAgreement(UNIT, 2024, [objective], {"10": "3.60"})
    with pytest.raises(InvalidValueError, match="not in the agreement"):
        agreement.target("11")


def test_lower_is_better_indicator_in_an_agreement() -> None:
    prevalence = Indicator("P", "Prevalensi penyalahgunaan narkoba", "%", Polarity.LOWER_IS_BETTER)
    agreement = PerformanceAgreement(
        WorkUnit("bnn", "BNN RI", UnitLevel.BNN_RI),
        2024,
        [Objective("N", "Nasional", [prevalence])],
        {"P": "1.69"},
    )
    (result,) = evaluate(agreement, {"P": "1.73"})
    assert LKIP.apply(result.achievement) == Decimal("97.63")
    assert result.status is TargetStatus.BELOW
    assert result.category.label == "Sangat Baik"
    assert prevalence.achievement_rule == "capaian = (2 x target - realisasi) / target x 100"
    inverse = Indicator("P", "Prevalensi", "%", Polarity.LOWER_IS_BETTER_INVERSE)
    assert inverse.achievement_rule == "capaian = target / realisasi x 100"
    (result,) = evaluate(
        PerformanceAgreement(
            agreement.unit, 2024, [Objective("N", "N", [inverse])], {"P": "1.69"}
        ),
        {"P": "1.73"},
    )
    assert LKIP.apply(result.achievement) == Decimal("97.68")  # 1,69 / 1,73
    assert result.status is TargetStatus.BELOW


# --- quarters -----------------------------------------------------------------------


def test_quarter_aggregation() -> None:
    assert aggregate_quarters([0, 0, 0, 0], QuarterAggregation.SUM) == 0  # 0 is a value
    assert aggregate_quarters([1, 2, 3, 4], QuarterAggregation.LAST) == 4
    assert aggregate_quarters(["3.6", "3.8"], QuarterAggregation.MEAN) == Decimal("3.7")
    assert aggregate_quarters([5, None, 2], QuarterAggregation.SUM, require_all=False) == 7
    assert aggregate_quarters([5, 2, None], QuarterAggregation.LAST, require_all=False) == 2
    with pytest.raises(InvalidValueError, match="missing"):
        aggregate_quarters([5, None], QuarterAggregation.MEAN)
    with pytest.raises(InvalidValueError, match="at least one"):
        aggregate_quarters([None, None], QuarterAggregation.SUM, require_all=False)
    with pytest.raises(InvalidValueError, match="at most 4"):
        aggregate_quarters([1] * 5, QuarterAggregation.SUM)
    realization = Realization.from_quarters(
        [2, 5, None, 9], QuarterAggregation.SUM, require_all=False
    )
    assert realization.value == 16 and realization.quarters[2] is None


@given(st.lists(st.one_of(st.none(), st.integers(0, 100)), min_size=1, max_size=4))
def test_missing_quarters_never_count_as_zero(quarters: list[int | None]) -> None:
    reported = [q for q in quarters if q is not None]
    if not reported:
        return
    mean = aggregate_quarters(quarters, QuarterAggregation.MEAN, require_all=False)
    assert mean * len(reported) == sum(reported)


# --- histories ----------------------------------------------------------------------


def history(rows: list[tuple[int, str, str, str]], code: str) -> IndicatorHistory:
    return IndicatorHistory(
        Indicator(code, code, "Indeks"),
        [YearRecord(year, t, r, printed_capaian=p) for year, t, r, p in rows],
    )


@pytest.mark.parametrize(
    ("rows", "code"), [(lkip2024.NKA_HISTORY, "NKA"), (lkip2024.IKPA_HISTORY, "IKPA")]
)
def test_consistent_histories(rows: list[tuple[int, str, str, str]], code: str) -> None:
    # LKIP 2024 L1423-L1428 (NKA 2020-2024) and L1572-L1577 (IKPA 2021-2024).
    values = history(rows, code).achievement_by_year(LKIP)
    assert values == [(year, Decimal(printed)) for year, _, _, printed in rows]
    assert history(rows, code).audit(LKIP, location=code) == []


def test_ikkr_2022_is_flagged() -> None:
    # L765: 2,97 / 2,85 printed 104,3; the rule gives 104,21.
    findings = history(lkip2024.IKKR_HISTORY, "IKKR").audit(LKIP, location="IKKR")
    assert [(f.location, f.printed, f.computed) for f in findings] == [
        ("IKKR 2022", Decimal("104.3"), Decimal("104.21"))
    ]


def test_nka_kotawaringin_barat_is_flagged() -> None:
    # L1493-L1495: 99,95 / 86 printed 115,69; the rule gives 116,22.
    flagged = []
    for unit, target, realization, printed in lkip2024.NKA_BNNK:
        value = achievement(target=target, realization=realization)
        if not LKIP.agrees(value, printed=Decimal(printed)):
            flagged.append((unit, LKIP.apply(value)))
    assert flagged == [("BNNK Kotawaringin Barat", Decimal("116.22"))]


def test_history_comparability_and_change() -> None:
    # Dektari count indicator (L350-L357): 2020 had another definition.
    dektari = IndicatorHistory(
        Indicator("1", "Kab/kota Dektari tinggi", "Kab/Kota"),
        [
            YearRecord(2020, None, None, comparable=False),
            YearRecord(2021, 2, 1),
            YearRecord(2022, 2, 2),
            YearRecord(2024, 2, 2, national_target=None),
        ],
    )
    assert dektari.achievement_by_year(LKIP) == [
        (2021, Decimal("50.00")),
        (2022, Decimal("100.00")),
        (2024, Decimal("100.00")),
    ]
    assert dektari.change(2024, since=2021) == 50
    with pytest.raises(InvalidValueError, match="not comparable"):
        dektari.change(2024, since=2020)
    assert dektari.achievement(2020) is None
    with pytest.raises(InvalidValueError, match="each year once"):
        IndicatorHistory(dektari.indicator, [YearRecord(2021, 1, 1), YearRecord(2021, 1, 1)])


def test_national_comparison() -> None:
    # L853: national target 65 %, Kalteng 79,5 %. L385: Dektari national 52,04 vs target 53,51.
    quality = IndicatorHistory(
        Indicator("6", "Kualitas hidup", "%"), [YearRecord(2024, 68, "79.5", national_target=65)]
    )
    assert quality.national_status(2024) is TargetStatus.ABOVE
    prevalence = IndicatorHistory(
        Indicator("P", "Prevalensi", "%", Polarity.LOWER_IS_BETTER),
        [YearRecord(2024, "1.69", "1.73", national_target="1.69")],
    )
    assert prevalence.national_status(2024) is TargetStatus.BELOW


# --- counts over units ----------------------------------------------------------------


def test_ikpa_count_indicator() -> None:
    # L1651-L1655: BNNK targets 99,19 and 96,41, values 98,74 and 99,90 -> 1 of 2 -> 50 %.
    values = {unit: value for unit, (_, value) in lkip2024.IKPA_BNNK.items()}
    targets = {unit: target for unit, (target, _) in lkip2024.IKPA_BNNK.items()}
    count = count_meeting_targets(values, targets)
    assert count.met == ("BNNK Kotawaringin Barat",)
    assert count.achievement(target=2) == 50
    floats = meets_target_array(
        [float(v) for v in values.values()], [float(t) for t in targets.values()]
    )
    assert floats.tolist() == [unit in count.met for unit in values]


def test_count_requires_matching_units() -> None:
    with pytest.raises(InvalidValueError, match="missing"):
        count_meeting_targets({"a": 1, "b": 2}, {"a": 1})
    with pytest.raises(InvalidValueError, match="missing"):
        count_meeting_targets({"a": 1}, {"a": 1, "b": 2})
    assert count_meeting_targets({"a": "53.51", "b": "53.50"}, "53.51").met == ("a",)
    with pytest.raises(InvalidTypeError, match="'values' must be a mapping"):
        count_meeting_targets(["98.74", "99.90"], "96.41")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'values' must be a mapping"):
        count_in_categories(["55.76"], DEKTARI_2024, {"Tinggi"})  # type: ignore[arg-type]


def test_dektari_count_indicator() -> None:
    # L332-L336: both BNNK "Sangat Tinggi" -> 2 of 2 in category Tinggi or above.
    bnnk = {u: v for u, v in lkip2024.DEKTARI_2024.items() if "Provinsi" not in u}
    count = count_in_categories(bnnk, DEKTARI_2024, {"Tinggi", "Sangat Tinggi"})
    assert count.count == 2 and count.achievement(target=2) == 100
    with pytest.raises(InvalidValueError, match="labels"):
        count_in_categories(bnnk, DEKTARI_2024, {"Mandiri"})


def test_ikp_table() -> None:
    # L556-L561, L604: capaian at 1 place, mean index 3,68, mean capaian 113,2.
    one_place = RoundingPolicy(1, Rounding.TRUNCATE)
    values = [achievement(target=t, realization=r) for _, t, r, _ in lkip2024.IKP]
    assert [one_place.apply(v) for v in values] == [Decimal(p) for *_, p in lkip2024.IKP]
    mean_index = divide(exact_sum(r for _, _, r, _ in lkip2024.IKP), 3)
    assert mean_index == Decimal(lkip2024.IKP_MEAN_INDEX)
    assert one_place.apply(divide(exact_sum(values), 3)) == Decimal(lkip2024.IKP_MEAN_CAPAIAN)


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=5),
        st.tuples(st.integers(0, 10**4), st.integers(0, 10**4)),
        max_size=12,
    )
)
def test_count_is_invariant_under_unit_order(data: dict[str, tuple[int, int]]) -> None:
    values = {unit: v for unit, (v, _) in data.items()}
    targets = {unit: t for unit, (_, t) in data.items()}
    forward = count_meeting_targets(values, targets)
    backward = count_meeting_targets(dict(reversed(values.items())), targets)
    assert sorted(forward.met) == sorted(backward.met) and forward.total == len(data)


# --- issue 12: one coercion for every argument (failing-first) ---------------------


def test_summarize_average_takes_the_enum_value_and_refuses_other_strings() -> None:
    # Issue 12: average="displayed" silently fell back to the exact mean.
    agreement, realizations = report_agreement()
    results = evaluate(agreement, realizations)
    by_value = summarize(results, average="displayed", policy=LKIP)  # type: ignore[arg-type]
    by_member = summarize(results, average=Average.DISPLAYED, policy=LKIP)
    assert by_value == by_member
    with pytest.raises(InvalidValueError, match="'average' must be one of"):
        summarize(results, average="shown", policy=LKIP)  # type: ignore[arg-type]


def test_summary_categories_are_immutable_and_summary_hashable() -> None:
    # Issue 12: Summary.categories was a mutable dict.
    agreement, realizations = report_agreement()
    summary = summarize(evaluate(agreement, realizations))
    with pytest.raises(TypeError):
        summary.categories["Kurang"] = 99  # type: ignore[index]
    assert hash(summary) == hash(summarize(evaluate(agreement, realizations)))


def test_aggregate_quarters_refuses_a_str() -> None:
    # Issue 12: "1234" was walked character by character and gave 10.
    with pytest.raises(InvalidTypeError, match="'quarters'"):
        aggregate_quarters("1234", QuarterAggregation.SUM)


def test_work_unit_level_takes_the_enum_value() -> None:
    # Issue 12: an attrs TypeError without the field.
    assert WorkUnit("bnnp", "BNNP", "BNNP").level is UnitLevel.BNNP  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="'level' must be one of"):
        WorkUnit("bnnp", "BNNP", "provinsi")  # type: ignore[arg-type]


def test_agreement_year_is_coerced_like_other_counts() -> None:
    # Issue 12: PerformanceAgreement(year="2024") raised a bare attrs TypeError.
    agreement, _ = report_agreement()
    same = PerformanceAgreement(UNIT, "2024", agreement.objectives, agreement.targets)  # type: ignore[arg-type]
    assert same.year == 2024
    with pytest.raises(InvalidValueError, match="'year'"):
        PerformanceAgreement(UNIT, "2024.5", agreement.objectives, agreement.targets)  # type: ignore[arg-type]


# --- every error names its field (issue 12) ----------------------------------------


def _results() -> tuple[IndicatorResult, ...]:
    agreement, realizations = report_agreement()
    return evaluate(agreement, realizations)


_OBJECTIVE = Objective("S", "Sasaran", [Indicator("10", "IKM", "Indeks")])
_BAD: list[tuple[str, Callable[[], object]]] = [
    ("results", lambda: summarize([])),
    ("results", lambda: summarize("abc")),  # type: ignore[arg-type]
    ("results[0]", lambda: summarize([1])),  # type: ignore[list-item]
    ("average", lambda: summarize(_results(), average="shown")),
    ("policy", lambda: summarize(_results(), average="displayed")),
    ("policy", lambda: summarize(_results(), average="displayed", policy=2)),  # type: ignore[arg-type]
    ("scheme", lambda: summarize(_results(), scheme="CAPAIAN_LKIP")),  # type: ignore[arg-type]
    ("scheme", lambda: summarize(_results(), scheme=DEKTARI_2024)),
    ("above", lambda: Summary.from_counts(above=-1, at=0, below=0)),
    ("at", lambda: Summary.from_counts(above=0, at="x", below=0)),  # type: ignore[arg-type]
    ("below", lambda: Summary.from_counts(above=0, at=0, below=1.5)),  # type: ignore[arg-type]
    ("values", lambda: count_meeting_targets([1], 1)),  # type: ignore[arg-type]
    ("targets[b]", lambda: count_meeting_targets({"a": 1, "b": 1}, {"a": 1})),
    ("values[c]", lambda: count_meeting_targets({"a": 1}, {"a": 1, "c": 1})),
    ("targets[a]", lambda: count_meeting_targets({"a": 1}, {"a": None})),
    ("polarity", lambda: count_meeting_targets({"a": 1}, 1, polarity="lower")),
    ("categories", lambda: count_in_categories({"a": 1}, DEKTARI_2024, {"Bagus"})),
    ("categories", lambda: count_in_categories({"a": 1}, DEKTARI_2024, "Tinggi")),
    ("values[a]", lambda: count_in_categories({"a": "x"}, DEKTARI_2024, {"Tinggi"})),
    ("scheme", lambda: count_in_categories({"a": 1}, "DEKTARI", {"Tinggi"})),  # type: ignore[arg-type]
    ("values[1]", lambda: meets_target_array([1, -1], [1, 1])),
    ("targets[0]", lambda: meets_target_array([1], [float("nan")])),
    ("targets", lambda: meets_target_array([1, 2], [1, 2, 3])),
    ("values", lambda: meets_target_array("12", [1])),
    ("polarity", lambda: meets_target_array([1], [1], polarity="x")),
    ("groups", lambda: count_meeting_targets_by_group([1], [1], groups=[-1])),
    ("groups", lambda: count_meeting_targets_by_group([1], [1], groups=[0.5])),
    ("groups", lambda: count_meeting_targets_by_group([1, 1], [1, 1], groups=[0])),
    ("n_groups", lambda: count_meeting_targets_by_group([1], [1], groups=[2], n_groups=1)),
    ("n_groups", lambda: count_meeting_targets_by_group([1], [1], groups=[0], n_groups="x")),  # type: ignore[arg-type]
    ("level", lambda: WorkUnit("a", "A", "provinsi")),  # type: ignore[arg-type]
    ("code", lambda: WorkUnit("", "A", UnitLevel.BNNP)),
    ("polarity", lambda: Indicator("1", "n", "%", polarity="lower")),
    ("unit", lambda: PerformanceAgreement("bnnp", 2024, [_OBJECTIVE], {"10": 1})),  # type: ignore[arg-type]
    ("year", lambda: PerformanceAgreement(UNIT, "tahun", [_OBJECTIVE], {"10": 1})),  # type: ignore[arg-type]
    ("year", lambda: YearRecord(-2024)),
    ("quarters", lambda: aggregate_quarters("1234", QuarterAggregation.SUM)),
    ("quarters", lambda: aggregate_quarters([1] * 5, QuarterAggregation.SUM)),
    ("quarters[1]", lambda: aggregate_quarters([1, None], QuarterAggregation.SUM)),
    ("quarters[0]", lambda: aggregate_quarters(["x"], QuarterAggregation.SUM)),
    ("aggregation", lambda: aggregate_quarters([1], "total")),
    ("require_all", lambda: aggregate_quarters([1], "sum", require_all="no")),  # type: ignore[arg-type]
    (
        "classify_on",
        lambda: evaluate(
            PerformanceAgreement(UNIT, 2024, [_OBJECTIVE], {"10": 1}), {"10": 1}, classify_on="x"
        ),
    ),
    (
        "realizations[10]",
        lambda: evaluate(PerformanceAgreement(UNIT, 2024, [_OBJECTIVE], {"10": 1}), {}),
    ),
    (
        "realizations",
        lambda: evaluate(PerformanceAgreement(UNIT, 2024, [_OBJECTIVE], {"10": 1}), [1]),
    ),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(
    ("field", "call"), _BAD, ids=[f"{i}-{f}" for i, (f, _) in enumerate(_BAD)]
)
def test_every_error_names_its_field(field: str, call: Callable[[], object]) -> None:
    with pytest.raises(SakipError) as raised:
        call()
    assert raised.value.field == field
    assert str(raised.value).startswith(f"'{field}' ")


def test_enum_values_are_accepted_where_members_are() -> None:
    assert aggregate_quarters([1, 2], "sum") == 3
    assert Realization.from_quarters([1, 3], "mean").aggregation is QuarterAggregation.MEAN
    count = count_meeting_targets({"a": "1.65"}, "1.69", polarity="lower_is_better_inverse")
    assert count.met == ("a",)
    assert meets_target_array([1.65], [1.69], polarity=["lower_is_better"]).tolist() == [True]
