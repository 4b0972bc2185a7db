"""Tests of sakip.instruments.ikm (PermenPANRB 14/2017) against the LKIP 2024 and by properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SakipError
from sakip.instruments import ikm
from sakip.likert import MissingPolicy
from sakip.numbers import Rounding, RoundingPolicy, exact_sum, percent, round_to
from sakip.schemes import IKM_MUTU, IKM_MUTU_CONVERTED


def close(value: Decimal, exact: Fraction) -> bool:
    return abs(Fraction(value) - exact) < Fraction(1, 10**50)


# -- known values -----------------------------------------------------------------------------


def test_every_answer_4_gives_4_and_100_grade_a() -> None:
    # Issue 4; PermenPANRB 14/2017: NRR 4 on every unsur -> IKM 4, konversi 100, mutu A.
    result = ikm.score([[4] * 9] * 25)
    assert result.value == 4
    assert result.converted == 100
    assert (result.mutu, result.kinerja) == ("A", "Sangat Baik")
    assert result.nrr == (Decimal(4),) * 9
    assert all(close(w, Fraction(4, 9)) for w in result.weighted_nrr)


def test_every_answer_1_gives_1_and_25_grade_d() -> None:
    # PermenPANRB 14/2017: the lowest interval value 1,00 converts to 25,00, mutu D.
    result = ikm.score([[1] * 9] * 3)
    assert (result.value, result.converted, result.mutu, result.kinerja) == (
        1,
        25,
        "D",
        "Tidak Baik",
    )


def test_weight_is_exactly_one_ninth_not_0_111() -> None:
    # formulas.md section 4: 10 respondents, total score 318 -> IKM = 318 / 90 = 3,5333...,
    # konversi 88,333... >= 88,31: mutu A. With the printed weight 0,111 the index would be
    # 318 / 10 x 0,111 = 3,5298 -> 88,245: mutu B. The exact weight decides.
    rows = [[4] * 9] * 5 + [[4, 4, 4, 3, 3, 3, 3, 3, 3]] + [[3] * 9] * 4
    assert sum(map(sum, rows)) == 318
    result = ikm.score(rows)
    assert close(result.value, Fraction(318, 90))
    assert close(result.converted, Fraction(318 * 25, 90))
    assert result.mutu == "A"
    assert exact_sum(result.unsur_totals) == 318


# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 8 (indeks kepuasan layanan klinik
# rehabilitasi): unit, target, realisasi and printed capaian. The capaian column is
# truncated (3,69 / 3,28 = 112,5 prints 112, half up would give 113). The mutu column is
# PermenPANRB 14/2017's table on realisasi x 25 (the report prints no mutu).
REPORT_CAPAIAN = [
    ("BNN Provinsi Kalteng", "3.60", "3.70", 2, "102.77", "A"),
    ("BNNK Palangka Raya", "3.29", "3.71", 0, "112", "A"),
    ("BNNK Kotawaringin Barat", "3.28", "3.69", 0, "112", "A"),
    # same section, table "target dan realisasi ... beberapa tahun terakhir"
    ("BNNP 2022", "3.4", "3.469", 0, "102", "B"),  # 86,725 < 88,31
    ("BNNP 2023", "3.4", "3.81", 0, "112", "A"),
]


@pytest.mark.parametrize(
    ("unit", "target", "realisasi", "places", "printed", "mutu"), REPORT_CAPAIAN
)
def test_report_capaian_and_mutu(
    unit: str, target: str, realisasi: str, places: int, printed: str, mutu: str
) -> None:
    capaian = percent(realisasi, target, part_field="realisasi", whole_field="target")
    assert round_to(capaian, places, Rounding.TRUNCATE) == Decimal(printed), unit
    assert ikm.classify(realisasi).grade == mutu, unit


def test_report_half_up_would_misprint_kotawaringin_barat() -> None:
    # 3,69 / 3,28 x 100 = 112,5 exactly: only truncation gives the printed 112.
    assert percent("3.69", "3.28") == Decimal("112.5")
    assert round_to(percent("3.69", "3.28"), 0, Rounding.HALF_UP) == 113


def test_annual_index_is_respondent_weighted() -> None:
    # LKIP 2024 BAB III A sasaran 8, definisi operasional: "jumlah total skor penilaian
    # semester 1 dan 2 dibagi jumlah total responden". Semester 1: 10 respondents all 4;
    # semester 2: 30 respondents all 3 -> (10 x 36 + 30 x 27) / (40 x 9) = 3,25 (mutu B),
    # not (4 + 3) / 2 = 3,5.
    s1 = ikm.score([[4] * 9] * 10)
    s2 = ikm.score([[3] * 9] * 30)
    year = ikm.pool([s1, s2])
    assert year.value == Decimal("3.25")
    assert year.converted == Decimal("81.25")
    assert (year.mutu, year.kinerja) == ("B", "Baik")
    assert year.respondents == 40
    assert ikm.pool_indices(respondents=[10, 30], indices=[4, 3]) == Decimal("3.25")


def test_classify_and_from_nrr_are_exact_beyond_60_digits() -> None:
    # 3,5324 is the lower bound of mutu A (88,31 converted); an index just below it, written
    # with 66 decimals, must stay in B: rounding x 25 to 60 digits would lift it to 88,31.
    below = Decimal("3.5323" + "9" * 62)
    assert ikm.classify(below).grade == "B"
    assert ikm.classify("3.5324").grade == "A"
    result = ikm.from_nrr(respondents=3, nrr=[below])
    assert Fraction(result.unsur_totals[0]) == 3 * Fraction(below)


def test_pool_from_aggregates() -> None:
    # The same two semesters given as aggregates: totals per unsur and NRR per unsur.
    s1 = ikm.from_totals(respondents=10, unsur_totals=[40] * 9)
    s2 = ikm.from_nrr(respondents=30, nrr=[3] * 9)
    assert ikm.pool([s1, s2]).value == Decimal("3.25")


def test_missing_answers_raise_or_are_excluded_per_unsur() -> None:
    rows: list[list[int | None]] = [[4] * 9, [2] * 9]
    rows[1][0] = None
    with pytest.raises(InvalidValueError, match="missing answer"):
        ikm.score(rows)
    result = ikm.score(rows, missing=MissingPolicy.EXCLUDE)
    # Unsur 1: NRR 4/1 = 4 (not (4 + 0) / 2 = 2); the others (4 + 2) / 2 = 3.
    assert result.unsur_answers == (1,) + (2,) * 8
    assert result.nrr == (Decimal(4),) + (Decimal(3),) * 8
    assert close(result.value, Fraction(4 + 8 * 3, 9))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: ikm.score([[4] * 8]), InvalidValueError),
        (lambda: ikm.score([[4] * 9 + [5]], unsur=None), InvalidValueError),
        (lambda: ikm.score([[4] * 9], scheme="A"), InvalidTypeError),
        (lambda: ikm.from_totals(respondents=0, unsur_totals=[1]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[9]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[1]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[]), InvalidValueError),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers=[3]),
            InvalidValueError,
        ),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers=[1, 2]),
            InvalidValueError,
        ),
        (lambda: ikm.from_totals(respondents=True, unsur_totals=[4]), InvalidTypeError),
        (lambda: ikm.from_nrr(respondents=5, nrr=["4.01"]), InvalidValueError),
        (lambda: ikm.from_nrr(respondents=5, nrr=["3,60"]), InvalidValueError),
        (lambda: ikm.pool([]), InvalidValueError),
        (lambda: ikm.pool(["3.70"]), InvalidTypeError),
        (
            lambda: ikm.pool([ikm.score([[4] * 9]), ikm.score([[4] * 3], unsur=3)]),
            InvalidValueError,
        ),
        (lambda: ikm.pool_indices(respondents=[1], indices=[]), InvalidValueError),
        (lambda: ikm.pool_indices(respondents=[0], indices=[3]), InvalidValueError),
        (lambda: ikm.pool_indices(respondents=[1], indices=[5]), InvalidValueError),
        (lambda: ikm.classify("0.99"), InvalidValueError),
        # A str is not a sequence of figures: "35" must not be read as unsur totals 3 and 5.
        (lambda: ikm.from_totals(respondents=1, unsur_totals="3"), InvalidTypeError),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers="2"),
            InvalidTypeError,
        ),
        (lambda: ikm.from_nrr(respondents=5, nrr="3"), InvalidTypeError),
        (lambda: ikm.pool_indices(respondents=[1], indices="3"), InvalidTypeError),
        (lambda: ikm.pool_indices(respondents="1", indices=[3]), InvalidTypeError),
        # unsur must be a positive int: True is not 1 column.
        (lambda: ikm.score([[4]], unsur=True), InvalidTypeError),
        (lambda: ikm.score([[4] * 9], unsur=0), InvalidValueError),
    ],
)
def test_bad_arguments_raise(call: object, error: type[SakipError]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


# -- properties -------------------------------------------------------------------------------


@st.composite
def surveys(draw: st.DrawFn, max_rows: int = 12) -> list[list[int]]:
    n = draw(st.integers(1, max_rows))
    return [[draw(st.integers(1, 4)) for _ in range(9)] for _ in range(n)]


def exact_index(rows: list[list[int]]) -> Fraction:
    return Fraction(sum(map(sum, rows)), 9 * len(rows))


@given(surveys())
def test_index_is_total_over_nine_respondents_and_bounded(rows: list[list[int]]) -> None:
    result = ikm.score(rows)
    assert close(result.value, exact_index(rows))
    assert 1 <= result.value <= 4
    assert 25 <= result.converted <= 100
    assert close(result.converted, exact_index(rows) * 25)


@given(surveys())
def test_interval_and_converted_tables_agree(rows: list[list[int]]) -> None:
    result = ikm.score(rows)
    band = IKM_MUTU.classify(result.value)
    assert (band.grade, band.label) == (result.mutu, result.kinerja)
    assert IKM_MUTU_CONVERTED.classify(result.converted).grade == result.mutu


@given(surveys(), st.data())
def test_raising_one_answer_never_lowers_the_index(
    rows: list[list[int]], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(rows) - 1))
    j = data.draw(st.integers(0, 8))
    raised = [list(r) for r in rows]
    raised[i][j] = data.draw(st.integers(rows[i][j], 4))
    before, after = ikm.score(rows), ikm.score(raised)
    assert after.value >= before.value
    assert after.nrr[j] >= before.nrr[j]
    assert "DCBA".index(after.mutu) >= "DCBA".index(before.mutu)


@given(surveys(), st.randoms(use_true_random=False))
def test_respondent_order_invariance(rows: list[list[int]], rng: object) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert ikm.score(rows) == ikm.score(shuffled)


@given(surveys())
def test_list_and_int8_array_agree(rows: list[list[int]]) -> None:
    assert ikm.score(rows) == ikm.score(np.array(rows, dtype=np.int8))


@given(st.lists(surveys(max_rows=6), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_pooling_equals_scoring_everything_at_once(
    periods: list[list[list[int]]], rng: object
) -> None:
    parts = [ikm.score(p) for p in periods]
    whole = ikm.score([row for p in periods for row in p])
    assert ikm.pool(parts) == whole
    rng.shuffle(parts)  # type: ignore[attr-defined]
    assert ikm.pool(parts) == whole
    # With no missing answer, the (respondents, IKM) shortcut gives the same index.
    pooled = ikm.pool_indices(
        respondents=[p.respondents for p in parts], indices=[p.value for p in parts]
    )
    assert close(pooled, exact_index([row for p in periods for row in p]))


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-1, 6), st.floats()), min_size=9, max_size=9),
        min_size=1,
        max_size=4,
    )
)
def test_bad_input_always_raises_sakip_error(rows: list[list[object]]) -> None:
    clean = all(isinstance(v, int) and 1 <= v <= 4 for r in rows for v in r)
    if clean:
        assert 1 <= ikm.score(rows).value <= 4
    else:
        with pytest.raises(SakipError):
            ikm.score(rows)


# -- issue 11: one coercion, the same answer for the same input --------------------------------


def test_sentinel_in_a_list_marks_a_missing_answer_as_in_an_array() -> None:
    # Issue 11: sentinel= was ignored for plain lists (the scale was checked first).
    rows = [[4, 3, 3, 4, 3, 4, 4, 3, 4], [3, 0, 4, 4, 3, 4, 4, 3, 3]]
    from_list = ikm.score(rows, sentinel=0, missing=MissingPolicy.EXCLUDE)
    from_array = ikm.score(
        np.array(rows, dtype=np.int8), sentinel=0, missing=MissingPolicy.EXCLUDE
    )
    assert from_list == from_array
    assert from_list.unsur_answers[1] == 1
    assert from_list.nrr[1] == Decimal(3)


def test_respondents_given_as_a_numeral_string_is_a_count() -> None:
    # Issue 11: from_nrr(respondents="22") raised where every other count takes "22".
    assert ikm.from_nrr(respondents="22", nrr=["3.5"] * 9) == ikm.from_nrr(
        respondents=22, nrr=["3.5"] * 9
    )
    assert ikm.from_totals(respondents="2", unsur_totals=[7], unsur_answers=["2"]) == (
        ikm.from_totals(respondents=2, unsur_totals=[7], unsur_answers=[2])
    )
    assert ikm.pool_indices(respondents=["10", 30], indices=[4, 3]) == Decimal("3.25")


# -- the contract: category, rounded, score_batch ----------------------------------------------


def test_category_is_the_band_of_the_converted_value() -> None:
    # PermenPANRB 14/2017: konversi 87,5 lies in 76,61-88,30, mutu B, kinerja Baik.
    result = ikm.from_totals(respondents=10, unsur_totals=[35, 36, 34, 38, 33, 37, 36, 35, 31])
    assert result.category is IKM_MUTU_CONVERTED.bands[2]
    assert (result.category.grade, result.category.label) == (result.mutu, result.kinerja)
    assert result.rounded(RoundingPolicy(1, Rounding.TRUNCATE)) == Decimal("3.5")
    hash(result)


@given(
    st.lists(
        st.lists(st.one_of(st.integers(1, 4), st.none()), min_size=9, max_size=9),
        min_size=1,
        max_size=12,
    ).filter(
        lambda rows: (
            all(any(v is not None for v in row) for row in rows)
            and all(any(row[j] is not None for row in rows) for j in range(9))
        )
    ),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_score_batch_row_is_the_respondent_alone(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    # Row i of score_batch is score() of respondent i alone (answers given, unsur=None when
    # some are missing): rounded index and mutu band, exactly.
    policy = RoundingPolicy(places, rounding)
    batch = ikm.score_batch(rows, policy=policy, missing=MissingPolicy.EXCLUDE)
    decimals, categories = batch.decimals(), batch.categories()
    for i, row in enumerate(rows):
        given_answers = [v for v in row if v is not None]
        one = ikm.score([given_answers], unsur=None if len(given_answers) < 9 else 9)
        assert decimals[i] == one.rounded(policy)
        assert categories[i] == one.category


def test_score_batch_needs_a_policy_and_nine_unsur() -> None:
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        ikm.score_batch([[4] * 9], policy="2")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="9 unsur"):
        ikm.score_batch([[4] * 8], policy=RoundingPolicy(2, Rounding.HALF_UP))


# -- legacy printed weights (issue 14) --------------------------------------------------------

# The issue's figures: a report printed 3,6224 (and 90,56) where the exact 1/9 gives 3,6590
# (91,48). The issue gives only the totals; these NRR are a reconstruction (any nine NRR with
# sum 32,931 give them): 32,931 / 9 = 3,659; 32,931 x 0,11 = 3,62241 -> 3,6224;
# x 25: 91,475 -> 91,48 (half up) and 90,56025 -> 90,56.
ISSUE_NRR = ["3.612", "3.655", "3.702", "3.598", "3.671", "3.640", "3.690", "3.702", "3.661"]

# Pemkab Bantul SKM portal, Dinas Pertanahan dan Tata Ruang, 2023
# (https://skm.bantulkab.go.id/skpd-45c48cce2e2d7fbdea1afc51c7c6ad26): printed NRR per unsur
# and "Nilai IKM" 87.28. Sum 31,42: 1/9 -> 87,2777 -> 87,28 (matches); 0,111 -> 87,1905 ->
# 87,19; 0,11 -> 86,405 -> 86,41.
BANTUL_NRR = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]

# DPM & PTSP Provinsi Sumatera Barat, "Indek Kepuasan Masyarakat Semester I", section 4.1
# (http://dpmptsp.sumbarprov.go.id/details/news/82): NRR and printed "NRR tertimbang" per
# unsur; printed IKM 81,71, which no weighting gives (1/9: 82,70; 0,111: 82,62; 0,11: 81,88).
SUMBAR_NRR = ["3.200", "3.216", "2.936", "3.530", "3.136", "3.200", "3.316", "3.916", "3.323"]
SUMBAR_WEIGHTED = ["0.355", "0.357", "0.326", "0.392", "0.348", "0.355", "0.368", "0.435", "0.369"]

HALF_UP_2 = RoundingPolicy(2, Rounding.HALF_UP)
HALF_UP_4 = RoundingPolicy(4, Rounding.HALF_UP)


def test_issue_figures_with_printed_0_11_weights() -> None:
    exact = ikm.from_nrr(respondents=50, nrr=ISSUE_NRR)
    printed = ikm.from_nrr(respondents=50, nrr=ISSUE_NRR, weights=ikm.IkmWeighting.PRINTED_0_11)
    assert exact.value == Decimal("3.659") and exact.weights is ikm.IkmWeighting.EXACT
    assert round_to(exact.value, 4, Rounding.HALF_UP) == Decimal("3.6590")
    assert round_to(exact.converted, 2, Rounding.HALF_UP) == Decimal("91.48")
    assert printed.value == Decimal("3.62241")
    assert round_to(printed.value, 4, Rounding.HALF_UP) == Decimal("3.6224")
    assert round_to(printed.converted, 2, Rounding.HALF_UP) == Decimal("90.56")
    assert printed.weights is ikm.IkmWeighting.PRINTED_0_11
    assert printed.weighted_nrr[0] == Decimal("0.39732")  # 3,612 x 0,11


@pytest.mark.parametrize(
    ("printed_index", "printed_converted", "expected"),
    [
        ("3.6224", None, ikm.IkmWeighting.PRINTED_0_11),
        (None, "90.56", ikm.IkmWeighting.PRINTED_0_11),
        ("3.6590", None, ikm.IkmWeighting.EXACT),
        (None, "91.48", ikm.IkmWeighting.EXACT),
        ("3.6553", None, ikm.IkmWeighting.PRINTED_0_111),  # 32,931 x 0,111 = 3,655341
        ("3.6400", None, None),
    ],
)
def test_detect_weighting_on_the_issue_figures(
    printed_index: str | None, printed_converted: str | None, expected: object
) -> None:
    policy = HALF_UP_4 if printed_index is not None else HALF_UP_2
    found = ikm.detect_weighting(
        nrr=ISSUE_NRR,
        printed_index=printed_index,
        printed_converted=printed_converted,
        policy=policy,
    )
    assert found is expected


def test_bantul_2023_is_reproduced_only_by_one_ninth() -> None:
    totals = {
        w: round_to(ikm.from_nrr(respondents=1, nrr=BANTUL_NRR, weights=w).converted, 2, "half_up")
        for w in ikm.IkmWeighting
    }
    assert totals == {
        ikm.IkmWeighting.EXACT: Decimal("87.28"),
        ikm.IkmWeighting.PRINTED_0_111: Decimal("87.19"),
        ikm.IkmWeighting.PRINTED_0_11: Decimal("86.41"),
    }
    found = ikm.detect_weighting(nrr=BANTUL_NRR, printed_converted="87.28", policy=HALF_UP_2)
    assert found is ikm.IkmWeighting.EXACT


def test_sumbar_weighted_nrr_are_nrr_times_0_111_but_the_total_reconciles_with_none() -> None:
    result = ikm.from_nrr(respondents=1, nrr=SUMBAR_NRR, weights="0.111")
    shown = [round_to(w, 3, Rounding.HALF_UP) for w in result.weighted_nrr]
    assert shown == [Decimal(v) for v in SUMBAR_WEIGHTED]
    exact = ikm.from_nrr(respondents=1, nrr=SUMBAR_NRR)
    # "Persyaratan" and "Kompetensi" (NRR 3,200) rule 1/9 out: 3,2 / 9 = 0,3556 -> 0,356.
    assert round_to(exact.weighted_nrr[0], 3, Rounding.HALF_UP) == Decimal("0.356")
    assert round_to(result.converted, 2, Rounding.HALF_UP) == Decimal("82.62")
    assert round_to(exact.converted, 2, Rounding.HALF_UP) == Decimal("82.70")
    found = ikm.detect_weighting(nrr=SUMBAR_NRR, printed_converted="81.71", policy=HALF_UP_2)
    assert found is None


def test_perfect_survey_reaches_100_only_with_one_ninth() -> None:
    # Tubaba e-SMILE SKM report 2023 S1: one respondent answering 4 everywhere, "IKM UNIT
    # PELAYANAN 100" under a 0,111 legend: only 1/9 gives 100 (0,111: 99,9; 0,11: 99).
    converted = [ikm.score([[4] * 9], weights=w).converted for w in ikm.IkmWeighting]
    assert converted == [Decimal(100), Decimal("99.9"), Decimal("99")]


def test_printed_weights_need_nine_unsur_and_a_known_value() -> None:
    with pytest.raises(InvalidValueError, match=r"'weights' 0\.111 is the printed weight of 9"):
        ikm.from_nrr(respondents=1, nrr=["3", "3", "3"], weights="0.111")
    with pytest.raises(InvalidValueError, match=r"'weights' must be one of \['exact'"):
        ikm.score([[4] * 9], weights="0,111")
    with pytest.raises(InvalidValueError, match="'weights' must be one of"):
        ikm.score([[4] * 9], weights="PRINTED_0_11")
    with pytest.raises(InvalidValueError, match="exactly one"):
        ikm.detect_weighting(nrr=BANTUL_NRR, policy=HALF_UP_2)
    # Every answer 1 under 0,111: 24,975, below the mutu table (25-100): no band, an error.
    with pytest.raises(OutOfBandError):
        ikm.score([[1] * 9], weights="0.111")
    with pytest.raises(InvalidValueError, match="exactly one"):
        ikm.detect_weighting(
            nrr=BANTUL_NRR, printed_index="3.49", printed_converted="87.28", policy=HALF_UP_2
        )
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        ikm.detect_weighting(nrr=BANTUL_NRR, printed_index="3.49", policy=2)  # type: ignore[arg-type]


def test_pool_keeps_the_weighting_and_refuses_a_mix() -> None:
    a = ikm.score([[4] * 9] * 10, weights="0.11")
    b = ikm.score([[3] * 9] * 30, weights="0.11")
    year = ikm.pool([a, b])
    assert year.weights is ikm.IkmWeighting.PRINTED_0_11
    assert year.value == Decimal("3.25") * Decimal("0.99")
    with pytest.raises(InvalidValueError, match="must all have the weighting 'exact'"):
        ikm.pool([ikm.score([[4] * 9]), a])


@given(surveys())
def test_the_default_weighting_is_exactly_one_ninth(rows: list[list[int]]) -> None:
    # Issue 14: the 1/9 default never changes; the legacy weights are 0,999 and 0,99 of it.
    default = ikm.score(rows)
    assert default.weights is ikm.IkmWeighting.EXACT
    assert default == ikm.score(rows, weights=ikm.IkmWeighting.EXACT)
    assert close(default.value, exact_index(rows))
    assert all(
        close(w, Fraction(n) / 9) for w, n in zip(default.weighted_nrr, default.nrr, strict=True)
    )
    if exact_index(rows) * Fraction(99, 100) >= 1:  # legacy totals stay in the mutu table
        legacy = ikm.score(rows, weights="0.111")
        assert close(legacy.value, exact_index(rows) * Fraction(999, 1000))
        assert close(ikm.score(rows, weights="0.11").value, exact_index(rows) * Fraction(99, 100))


def test_every_weights_keyword_defaults_to_exact() -> None:
    import inspect

    for function in (ikm.score, ikm.score_batch, ikm.from_totals, ikm.from_nrr):
        default = inspect.signature(function).parameters["weights"].default
        assert default is ikm.IkmWeighting.EXACT, function.__name__


@given(surveys(), st.sampled_from(list(ikm.IkmWeighting)), st.sampled_from([HALF_UP_2, HALF_UP_4]))
def test_detect_weighting_finds_the_weighting_that_made_the_total(
    rows: list[list[int]], weights: ikm.IkmWeighting, policy: RoundingPolicy
) -> None:
    # A total printed under any weighting is recognised as made by that weighting, or by one
    # tried before it that gives the same printed figure (the regulation's weight first).
    nrr = [str(v) for v in ikm.score(rows).nrr]
    if Fraction(ikm.score(rows).value) * 25 * Fraction(99, 100) < 25:
        return
    made = ikm.from_nrr(respondents=len(rows), nrr=nrr, weights=weights)
    found = ikm.detect_weighting(nrr=nrr, printed_index=policy.apply(made.value), policy=policy)
    order = list(ikm.IkmWeighting)
    assert found is not None and order.index(found) <= order.index(weights)
    if found is not weights:
        other = ikm.from_nrr(respondents=len(rows), nrr=nrr, weights=found)
        assert policy.apply(other.value) == policy.apply(made.value)


@given(surveys(), st.integers(0, 4), st.sampled_from(list(Rounding)))
def test_score_batch_with_printed_weights_row_is_the_respondent_alone(
    rows: list[list[int]], places: int, rounding: Rounding
) -> None:
    policy = RoundingPolicy(places, rounding)
    for weights in (ikm.IkmWeighting.PRINTED_0_111, ikm.IkmWeighting.PRINTED_0_11):
        usable = [row for row in rows if sum(row) * 25 * Fraction(99, 100) >= 9 * 25]
        if not usable:
            return
        batch = ikm.score_batch(usable, policy=policy, weights=weights)
        for i, row in enumerate(usable):
            one = ikm.score([row], weights=weights)
            assert batch.decimals()[i] == one.rounded(policy)
            assert batch.categories()[i] == one.category
